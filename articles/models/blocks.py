from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from articles.sanitize import clean_inline_html, plain_text


def heading_anchor(text, taken=()):
    """Return a link anchor for a subheading, unique among ``taken``."""
    base = slugify(text)[:90] or "section"
    anchor, counter = base, 2
    while anchor in taken:
        anchor, counter = f"{base}-{counter}", counter + 1
    return anchor


def anchor_clashes(anchors):
    """Return the positions in ``anchors`` (one per block, in order; blank for none) whose
    anchor an earlier block already has: an article's anchors are unique."""
    seen, clashes = set(), []
    for position, anchor in enumerate(anchors):
        if anchor and anchor in seen:
            clashes.append(position)
        seen.add(anchor)
    return clashes


class BlockKind(models.TextChoices):
    PARAGRAPH = "paragraph", _("Paragraph")
    HEADING = "heading", _("Subheading")
    PHOTO = "photo", _("Photo")
    QUOTE = "quote", _("Pull quote")
    LIST = "list", _("List")
    EMBED = "embed", _("Embed")


class BlockManager(models.Manager):
    def get_by_natural_key(self, language, slug, position):
        return self.get(article__language=language, article__slug=slug, position=position)


class Block(models.Model):
    """One piece of an article's body, in order: a paragraph, a subheading, a photo..."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="blocks"
    )
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=BlockKind.choices)
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Paragraphs keep bold, italic and links; subheadings are plain text."),
    )
    anchor = models.SlugField(
        _("anchor"), max_length=100, blank=True, help_text=_("Subheadings: the link target.")
    )
    level = models.PositiveSmallIntegerField(_("heading level"), default=2)
    photo = models.ForeignKey(
        "media.Photo",
        verbose_name=_("photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="blocks",
    )
    quote = models.ForeignKey(
        "articles.Quote",
        verbose_name=_("quote"),
        # RESTRICT, not PROTECT: deleting the article may delete its pull quotes too.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="pull_blocks",
    )
    items = models.JSONField(_("list items"), default=list, blank=True)
    url = models.URLField(_("embed URL"), blank=True)

    objects = BlockManager()

    # What a block says, as opposed to where it stands (article, position) and which
    # quote it pulls (tied to the article's own quotes): what is copied or written whole.
    CONTENT_FIELDS = ("kind", "text", "anchor", "level", "photo", "items", "url")

    class Meta:
        ordering = ["article", "position"]
        verbose_name = _("body block")
        verbose_name_plural = _("body blocks")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="%(app_label)s_%(class)s_unique_position"
            ),
            models.UniqueConstraint(
                fields=["article", "anchor"],
                condition=~Q(anchor=""),
                name="%(app_label)s_%(class)s_unique_anchor",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=BlockKind.values), name="%(app_label)s_%(class)s_known_kind"
            ),
            models.CheckConstraint(
                condition=(Q(kind=BlockKind.PHOTO) & Q(photo__isnull=False))
                | (~Q(kind=BlockKind.PHOTO) & Q(photo__isnull=True)),
                name="%(app_label)s_%(class)s_photo_iff_photo_block",
                violation_error_message=_("A photo block needs a photo; other blocks take none."),
            ),
            models.CheckConstraint(
                condition=(Q(kind=BlockKind.QUOTE) & Q(quote__isnull=False))
                | (~Q(kind=BlockKind.QUOTE) & Q(quote__isnull=True)),
                name="%(app_label)s_%(class)s_quote_iff_quote_block",
                violation_error_message=_(
                    "A pull-quote block needs a quote; other blocks take none."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=[BlockKind.PARAGRAPH, BlockKind.HEADING]) | Q(text__gt=""),
                name="%(app_label)s_%(class)s_text_not_empty",
                violation_error_message=_("Paragraphs and subheadings need text."),
            ),
            models.CheckConstraint(
                condition=~Q(kind=BlockKind.HEADING) | Q(anchor__gt=""),
                name="%(app_label)s_%(class)s_heading_has_anchor",
            ),
            models.CheckConstraint(
                condition=Q(level__gte=2, level__lte=4),
                name="%(app_label)s_%(class)s_heading_level_2_to_4",
            ),
            models.CheckConstraint(
                condition=~Q(kind=BlockKind.EMBED) | Q(url__gt=""),
                name="%(app_label)s_%(class)s_embed_has_url",
            ),
        ]

    def __str__(self):
        label = self.get_kind_display()
        if self.kind == BlockKind.PHOTO and self.photo_id:
            return f"{label}: {self.photo}"
        if self.kind == BlockKind.QUOTE and self.quote_id:
            return f"{label}: {self.quote}"
        text = plain_text(self.text)
        summary = text if len(text) <= 60 else f"{text[:59]}…"
        return f"{label} {self.position}: {summary}"

    def save(self, *args, **kwargs):
        # Sanitise on every save so no entry point (admin, API, import) can skip it.
        taken = set()
        if self.kind == BlockKind.HEADING and not self.anchor:
            taken = set(
                Block.objects.filter(article_id=self.article_id)
                .exclude(pk=self.pk)
                .exclude(anchor="")
                .values_list("anchor", flat=True)
            )
        self.normalise(taken)
        super().save(*args, **kwargs)

    def clean(self):
        problems = self.content_problems()
        # A pull quote repeats words of this article: never another article's quote,
        # which could be someone else's unpublished draft.
        quote = self.quote if self.quote_id is not None or self._quote_is_set() else None
        if quote is not None and (self.article_id is None or quote.article_id != self.article_id):
            problems.setdefault("quote", _("Pull quotes come from this article's quotes."))
        if problems:
            raise ValidationError(problems)

    def content_problems(self, *, has_quote=None):
        """Return {field: message} for what this block's kind needs and refuses: the one
        statement of those rules, which the admin's form (through ``clean``), the write
        API's serializer and the write service all apply. ``has_quote`` stands for the
        pull quote where it is not a Quote yet (the API names it by index)."""
        if has_quote is None:
            has_quote = self.quote_id is not None or self._quote_is_set()
        kind, problems = self.kind, {}
        if kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and not plain_text(self.text).strip():
            problems["text"] = _("A %(kind)s needs text.") % {"kind": self.get_kind_display()}
        if (kind == BlockKind.PHOTO) != (self.photo_id is not None):
            problems["photo"] = (
                _("Choose or upload the photo.")
                if kind == BlockKind.PHOTO
                else _("Only photo blocks take a photo.")
            )
        if (kind == BlockKind.QUOTE) != has_quote:
            problems["quote"] = (
                _("Choose the quote to pull out.")
                if kind == BlockKind.QUOTE
                else _("Only pull-quote blocks take a quote.")
            )
        if kind == BlockKind.EMBED and not self.url:
            problems["url"] = _("Give the address of what to embed.")
        if kind == BlockKind.LIST and not [item for item in self.items if str(item).strip()]:
            problems["items"] = _("A list needs items.")
        return problems

    def _quote_is_set(self):
        # An unsaved Quote may stand in the field (the write service places new quotes).
        return type(self).quote.is_cached(self) and self.quote is not None

    def natural_key(self):
        return (*self.article.natural_key(), self.position)

    def normalise(self, taken_anchors):
        """Sanitise the content for the block's kind and give a subheading without an
        anchor one that is not in ``taken_anchors``. ``save`` does this; code writing many
        blocks at once (``bulk_create`` skips ``save``) calls it itself."""
        if self.kind == BlockKind.PARAGRAPH:
            self.text = clean_inline_html(self.text)
        elif self.kind == BlockKind.LIST:
            self.items = [clean_inline_html(str(item)) for item in self.items]
        elif self.kind == BlockKind.HEADING:
            self.text = plain_text(self.text).strip()
            if not self.anchor:
                self.anchor = heading_anchor(self.text, taken_anchors)

    natural_key.dependencies = ["articles.article"]
