from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.entities import Person, Tag
from articles.models.sections import Section
from media.models import Agency, Photo, PhotoText


class Visibility(models.TextChoices):
    """What readers see of a published version at a moment."""

    PUBLIC = "public", _("Public now")
    WAITING = "waiting", _("Scheduled or embargoed")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DOWN = "down", _("Not live")


class ArticleVersionQuerySet(models.QuerySet):
    def live(self):
        """Versions that are their article's current publication (visible or not yet)."""
        return self.filter(is_live=True)

    def visible(self, at=None):
        """Live versions inside their visibility window at ``at`` (now), withdrawn ones
        included: a withdrawn article still answers, with its notice. Visibility is
        decided when reading, so a scheduled story appears and an expired one
        disappears on time without any job running."""
        at = at or timezone.now()
        return self.filter(is_live=True, visible_from__lte=at).filter(
            Q(visible_until__isnull=True) | Q(visible_until__gt=at)
        )

    def public(self, at=None):
        """Versions a reader may see at ``at`` (now): visible and not withdrawn. The one
        definition of "public"; ``ArticleVersion.visibility`` is its predicate on one
        version, and the prepared SQL of ``articles.delivery.public_reads`` is tested
        against it."""
        return self.visible(at).filter(withdrawn_at__isnull=True)

    def waiting(self, at=None):
        """Live versions not public yet at ``at`` (now): scheduled or embargoed."""
        return self.filter(
            is_live=True, withdrawn_at__isnull=True, visible_from__gt=at or timezone.now()
        )

    def expired(self, at=None):
        """Live versions whose expiry has passed at ``at`` (now)."""
        return self.filter(
            is_live=True, withdrawn_at__isnull=True, visible_until__lte=at or timezone.now()
        )

    def withdrawn(self):
        """Live versions that were withdrawn: readers get their notice (410)."""
        return self.filter(is_live=True, withdrawn_at__isnull=False)

    def in_section(self, path):
        """Versions filed in the section at ``path`` or any section below it."""
        path = path.strip("/")
        if "/" not in path:  # a top section: one indexed column says it all
            return self.filter(section_root=path)
        return self.filter(Q(section_path=path) | Q(section_path__startswith=f"{path}/"))

    def showing(self, obj):
        """Versions whose rendering shows ``obj``, a shared thing resolved when rendering:
        a photo (or one of its captions), a person (in the story, quoted or bylined), a
        tag, an agency (bylined or credited on a photo), or a section (filed in it or
        below it). What a change to ``obj`` must render again."""
        if isinstance(obj, PhotoText):
            return self.filter(photos=obj.photo_id)
        if isinstance(obj, Photo):
            return self.filter(photos=obj)
        if isinstance(obj, Person):
            return self.filter(Q(people=obj) | Q(authors=obj)).distinct()
        if isinstance(obj, Tag):
            return self.filter(tags=obj)
        if isinstance(obj, Agency):
            return self.filter(Q(author_agencies=obj) | Q(photos__credit_agency=obj)).distinct()
        if isinstance(obj, Section):
            return self.filter(Q(section=obj) | Q(section__path__startswith=f"{obj.path}/"))
        raise TypeError(f"Versions do not show a {type(obj).__name__}.")

    def get_by_natural_key(self, language, slug, number):
        return self.get(article__language=language, article__slug=slug, number=number)


class ArticleVersion(models.Model):
    """One published version of an article: frozen content plus its public rendering.

    ``content`` is the editorial content frozen at publication (ids, not names), and
    never changes. ``document`` and ``teaser`` are the public JSON rendered from it;
    they are rendered again when something shared changes (a photo's credit, a
    section's name, a published translation), never from the article's later edits.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    is_live = models.BooleanField(
        _("live"), default=False, help_text=_("The version the public API serves.")
    )
    language = models.CharField(_("language"), max_length=10, editable=False)
    family_id = models.BigIntegerField(
        _("translation family"),
        editable=False,
        default=0,
        help_text=_("The id of the original article; the same for all its translations."),
    )
    slug = models.SlugField(_("slug"), max_length=200, editable=False)
    headline = models.CharField(_("headline"), max_length=300, blank=True, editable=False)
    web_url = models.URLField(_("address on the site"), max_length=500, blank=True, editable=False)
    section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        null=True,
        related_name="versions",
    )
    section_path = models.CharField(_("section path"), max_length=255, editable=False, blank=True)
    section_root = models.SlugField(
        _("top section"),
        max_length=100,
        editable=False,
        blank=True,
        help_text=_("The first part of the section path: listings of a top section use it."),
    )
    first_published_at = models.DateTimeField(_("first published"))
    published_at = models.DateTimeField(_("published"))
    visible_from = models.DateTimeField(
        _("visible from"), help_text=_("Publication time or embargo, whichever is later.")
    )
    visible_until = models.DateTimeField(_("visible until"), null=True, blank=True)
    content = models.JSONField(_("frozen content"), default=dict, blank=True)
    document = models.TextField(_("public document (JSON)"), blank=True, editable=False)
    teaser = models.TextField(_("public teaser (JSON)"), blank=True, editable=False)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True, editable=False)
    changed_at = models.DateTimeField(
        _("changed"),
        null=True,
        editable=False,
        help_text=_("When readers could first see this rendering: for sync clients."),
    )
    rendering_valid_until = models.DateTimeField(
        _("rendering valid until"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the rendering must be refreshed (a translation goes public...)."),
    )
    # What the rendering uses, so a change to any of them can render it again.
    photos = models.ManyToManyField(
        "media.Photo", through="articles.VersionPhoto", related_name="published_versions"
    )
    # The people in the story: quoted in it or written about.
    people = models.ManyToManyField("articles.Person", related_name="published_versions")
    tags = models.ManyToManyField("articles.Tag", related_name="published_versions")
    # Who the version is by: bylined people and agencies.
    authors = models.ManyToManyField("articles.Person", related_name="authored_versions")
    author_agencies = models.ManyToManyField("media.Agency", related_name="authored_versions")
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    ninjs = models.TextField(_("IPTC ninjs (JSON)"), blank=True, editable=False)
    jsonld = models.TextField(_("schema.org JSON-LD"), blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True, help_text=_("For the newsroom; never public."))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_notice = models.TextField(
        _("withdrawal notice"),
        blank=True,
        help_text=_("Public: what readers are told in place of a withdrawn article."),
    )

    objects = ArticleVersionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "-number"]
        get_latest_by = "number"
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="%(app_label)s_%(class)s_unique_number"
            ),
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(is_live=True),
                name="%(app_label)s_%(class)s_one_live_per_article",
            ),
            models.UniqueConstraint(
                fields=["language", "slug"],
                condition=Q(is_live=True),
                name="%(app_label)s_%(class)s_unique_live_slug",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="%(app_label)s_%(class)s_number_positive"
            ),
            models.CheckConstraint(
                condition=Q(visible_until__isnull=True)
                | Q(visible_until__gt=models.F("visible_from")),
                name="%(app_label)s_%(class)s_visible_window",
            ),
        ]
        indexes = [
            models.Index(
                fields=["-first_published_at", "-article_id"],
                condition=Q(is_live=True),
                name="articles_version_live_recent",
            ),
            models.Index(
                fields=["changed_at", "article_id"],
                condition=Q(is_live=True),
                name="articles_version_live_changed",
            ),
            models.Index(
                fields=["section_path", "-first_published_at", "-article_id"],
                condition=Q(is_live=True),
                name="articles_version_live_section",
            ),
            models.Index(
                fields=["section_root", "-first_published_at", "-article_id"],
                condition=Q(is_live=True),
                name="articles_version_live_root",
            ),
            models.Index(
                fields=["family_id", "language"],
                condition=Q(is_live=True),
                name="articles_version_live_family",
            ),
        ]

    def __str__(self):
        return f"{self.slug} v{self.number}"

    def natural_key(self):
        return (*self.article.natural_key(), self.number)

    natural_key.dependencies = ["articles.article"]

    def visibility(self, at=None):
        """Say what readers see of this version at ``at`` (now), as the QuerySet methods
        of the same names select: ``Visibility.PUBLIC``, ``WAITING`` (scheduled or
        embargoed), ``EXPIRED``, ``WITHDRAWN``, or ``DOWN`` (not live)."""
        at = at or timezone.now()
        if not self.is_live:
            return Visibility.DOWN
        if self.withdrawn_at is not None:
            return Visibility.WITHDRAWN
        if self.visible_from > at:
            return Visibility.WAITING
        if self.visible_until is not None and self.visible_until <= at:
            return Visibility.EXPIRED
        return Visibility.PUBLIC

    def is_public(self, at=None):
        """Can a reader see this version at ``at`` (now)? (``public()`` for one.)"""
        return self.visibility(at) == Visibility.PUBLIC


class VersionPhoto(models.Model):
    """A photo a published version shows. PROTECT: a published photo cannot vanish."""

    version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE)
    photo = models.ForeignKey("media.Photo", on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("photo in a published version")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "photo"], name="%(app_label)s_%(class)s_unique_photo"
            ),
        ]

    def __str__(self):
        return f"{self.photo} in {self.version}"


class PublishedQuote(models.Model):
    """A quote as a published version shows it: the public read model of quotes.

    Rebuilt with every rendering, so the quotes API never reads the editorial
    ``Quote`` table, whose rows may hold unpublished edits.
    """

    version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="quotes")
    quote_id = models.BigIntegerField(_("quote id"))
    position = models.PositiveIntegerField(_("position in the article"))
    text = models.TextField(_("quoted words"))
    language = models.CharField(_("language"), max_length=10)
    speaker = models.ForeignKey(
        "articles.Person", on_delete=models.PROTECT, related_name="published_quotes"
    )
    speaker_role = models.CharField(_("speaker's role"), max_length=300, blank=True)
    first_published_at = models.DateTimeField(_("first published"))
    document = models.TextField(_("public document (JSON)"))

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("published quote")
        verbose_name_plural = _("published quotes")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"], name="%(app_label)s_%(class)s_unique_position"
            ),
        ]
        indexes = [models.Index(fields=["quote_id"], name="articles_pubquote_quote_id")]

    def __str__(self):
        return f"“{self.text[:60]}” ({self.version})"
