from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

wikidata_id_validator = RegexValidator(r"^Q[1-9][0-9]*$", _("A Wikidata id looks like Q22686."))


class SlugNaturalKeyManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Person(models.Model):
    """Someone the newsroom writes about, quotes, or credits with a byline."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Who they are, in a sentence.")
    )
    wikidata_id = models.CharField(
        _("Wikidata id"), max_length=20, blank=True, validators=[wikidata_id_validator]
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text=_("For staff journalists: the login that writes under this byline."),
    )

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class TagKind(models.TextChoices):
    TOPIC = "topic", _("Topic")
    ORGANISATION = "organisation", _("Organisation")
    PLACE = "place", _("Place")
    EVENT = "event", _("Event")


class Tag(models.Model):
    """A topic, organisation, place or event an article is about."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=TagKind.choices, default=TagKind.TOPIC
    )
    description = models.TextField(_("description"), blank=True)
    wikidata_id = models.CharField(
        _("Wikidata id"), max_length=20, blank=True, validators=[wikidata_id_validator]
    )

    objects = SlugNaturalKeyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return f"{self.name} ({self.get_kind_display().lower()})"

    def natural_key(self):
        return (self.slug,)
