import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.sanitize import plain_text
from newsroom.languages import default_language, language_choices


class QuoteManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class Quote(models.Model):
    """Words someone said, attributed to them with the role they held when saying them.

    A quote placed in an article points at the block it stands in and the character
    offset where the quoted words begin in that block's text.
    """

    key = models.UUIDField(_("key"), default=uuid.uuid4, editable=False, unique=True)
    text = models.TextField(_("quoted words"))
    language = models.CharField(
        _("language"), max_length=10, choices=language_choices, default=default_language
    )
    speaker = models.ForeignKey(
        "articles.Person",
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        related_name="quotes",
    )
    speaker_role = models.CharField(
        _("speaker's role"),
        max_length=300,
        blank=True,
        help_text=_("As the story gives it, when they said it: spokesman for OCHA."),
    )
    said_on = models.DateField(_("said on"), null=True, blank=True)
    said_where = models.CharField(_("said where"), max_length=200, blank=True)
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quotes",
    )
    block = models.ForeignKey(
        "articles.Block",
        verbose_name=_("block"),
        # Removing the paragraph unplaces the quote; the attribution stays on record.
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
    )
    offset = models.PositiveIntegerField(
        _("offset"), null=True, blank=True, help_text=_("Where the words begin in the block.")
    )

    objects = QuoteManager()

    class Meta:
        ordering = ["article", "block__position", "offset", "id"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            models.CheckConstraint(
                condition=Q(text__gt=""), name="%(app_label)s_%(class)s_has_text"
            ),
            models.CheckConstraint(
                condition=Q(block__isnull=True) | Q(article__isnull=False, offset__isnull=False),
                name="%(app_label)s_%(class)s_placed_with_offset",
                violation_error_message=_(
                    "A quote placed in a block needs its article and offset."
                ),
            ),
        ]

    def __str__(self):
        words = self.text if len(self.text) <= 60 else f"{self.text[:59]}…"
        return f"“{words}” ({self.speaker})"

    def clean(self):
        # The block itself, not its id: a body being built is checked before it is saved.
        if self.block is None:
            return
        if self.block.article_id != self.article_id:
            raise ValidationError({"block": _("The block belongs to another article.")})
        if self.offset is None:
            raise ValidationError({"offset": _("Say where in the block the quote begins.")})
        found = plain_text(self.block.text)[self.offset : self.offset + len(self.text)]
        if found != self.text:
            raise ValidationError(
                {"offset": _("The block does not contain these words at this offset.")}
            )

    def natural_key(self):
        return (str(self.key),)
