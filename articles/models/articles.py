from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from articles.models.versions import ArticleVersion
from articles.validators import validate_not_numeric
from newsroom.languages import default_language, language_choices


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ArticleQuerySet(models.QuerySet):
    def with_body(self):
        """Fetch the editorial content of the articles in a fixed number of queries,
        whatever the number of articles, blocks or quotes."""
        return self.select_related("section").prefetch_related(
            "blocks", "quotes", "bylines", "tags", "people", "corrections"
        )

    def with_live_version(self):
        """Fetch each article's live version along (one query for all of them), for
        ``Article.live_version``: lists that say what readers see of each article."""
        return self.prefetch_related(
            Prefetch("versions", queryset=ArticleVersion.objects.live(), to_attr="live_versions")
        )

    def public_now(self, at=None):
        """Articles a reader can read at ``at`` (now)."""
        return self._with_version(ArticleVersion.objects.public(at))

    def waiting(self, at=None):
        """Articles published to appear later: scheduled or embargoed."""
        return self._with_version(ArticleVersion.objects.waiting(at))

    def expired(self, at=None):
        """Articles whose live version has expired."""
        return self._with_version(ArticleVersion.objects.expired(at))

    def withdrawn(self):
        """Articles withdrawn (killed): readers get the notice."""
        return self._with_version(ArticleVersion.objects.withdrawn())

    def _with_version(self, versions):
        return self.filter(Exists(versions.filter(article=OuterRef("pk"))))

    def using_photo(self, photo):
        """Return the articles that show ``photo``: as lead photo or in a photo block."""
        return self.filter(Q(lead_photo=photo) | Q(blocks__photo=photo)).distinct()

    def get_by_natural_key(self, language, slug):
        return self.get(language=language, slug=slug)


class Article(models.Model):
    """A story as the newsroom edits it. What the public reads is an ArticleVersion."""

    language = models.CharField(
        _("language"), max_length=10, choices=language_choices, default=default_language
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_("The original this article translates."),
    )
    kicker = models.CharField(_("kicker"), max_length=100, blank=True)
    headline = models.CharField(_("headline"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        validators=[validate_not_numeric],
        help_text=_("The article's address; unique among articles in its language."),
    )
    dek = models.TextField(
        _("dek"), blank=True, help_text=_("The standfirst under (or above) the headline.")
    )
    section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    lead_photo = models.ForeignKey(
        "media.Photo",
        verbose_name=_("lead photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
    )
    tags = models.ManyToManyField(
        "articles.Tag", verbose_name=_("tags"), blank=True, related_name="articles"
    )
    people = models.ManyToManyField(
        "articles.Person",
        verbose_name=_("people in the story"),
        blank=True,
        related_name="articles_about",
    )
    dateline = models.CharField(
        _("dateline"), max_length=100, blank=True, help_text=_("Where the story was filed from.")
    )
    source = models.CharField(
        _("source"), max_length=100, blank=True, help_text=_("E.g. AFP, for wire copy.")
    )

    external_source = models.CharField(
        _("external source"),
        max_length=50,
        blank=True,
        editable=False,
        help_text=_("For ingested copy: who sent it (a wire), with its id there."),
    )
    external_id = models.CharField(_("external id"), max_length=200, blank=True, editable=False)

    status = models.CharField(
        _("status"), max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    embargo_until = models.DateTimeField(_("embargoed until"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    preview_generation = models.PositiveIntegerField(
        _("preview links generation"),
        default=0,
        editable=False,
        help_text=_("Goes up when preview links are revoked: older links stop working."),
    )
    version = models.PositiveIntegerField(
        _("edit version"),
        default=1,
        editable=False,
        help_text=_("Goes up with every saved edit; guards against overwriting others' work."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # The role rules built on these live in articles/permissions.py.
        permissions = [
            ("view_any_article", _("Can read every article on the desk, drafts included")),
            ("edit_any_article", _("Can edit any article, whoever wrote it, in any state")),
            ("publish_article", _("Can publish, schedule, embargo, expire and unpublish")),
            ("withdraw_article", _("Can withdraw (kill) a published article")),
            ("correct_article", _("Can attach public corrections to an article")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"],
                name="%(app_label)s_%(class)s_unique_slug_per_language",
            ),
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                name="%(app_label)s_%(class)s_one_translation_per_language",
            ),
            models.UniqueConstraint(
                fields=["external_source", "external_id"],
                condition=~Q(external_id=""),
                name="%(app_label)s_%(class)s_unique_external_id",
            ),
            models.CheckConstraint(
                condition=Q(external_id="") | ~Q(external_source=""),
                name="%(app_label)s_%(class)s_external_id_has_source",
            ),
            models.CheckConstraint(
                condition=~Q(translation_of=models.F("pk")),
                name="%(app_label)s_%(class)s_not_own_translation",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True)
                | Q(embargo_until__isnull=True)
                | Q(expires_at__gt=models.F("embargo_until")),
                name="%(app_label)s_%(class)s_expires_after_embargo",
                violation_error_message=_("An article cannot expire before its embargo lifts."),
            ),
        ]

    def __str__(self):
        return f"{self.headline} [{self.language}]"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)

    def clean(self):
        original = self.translation_of
        if original is not None:
            if original.translation_of_id is not None:
                raise ValidationError(
                    {
                        "translation_of": _(
                            "Link translations to the original, not to another translation."
                        )
                    }
                )
            if original.language == self.language:
                raise ValidationError(
                    {
                        "translation_of": _(
                            "A translation must be in another language than its original."
                        )
                    }
                )

    def natural_key(self):
        return (self.language, self.slug)

    @property
    def live_version(self):
        """The version readers are served (or will be, or were until it expired), or
        None; from ``with_live_version()`` when the list fetched it."""
        if hasattr(self, "live_versions"):
            return self.live_versions[0] if self.live_versions else None
        return self.versions.live().first()

    def translation_family(self):
        """Return the ids of the original and all its translations, this one included."""
        root_id = self.translation_of_id or self.pk
        return Article.objects.filter(Q(pk=root_id) | Q(translation_of_id=root_id))


class BylineManager(models.Manager):
    def get_by_natural_key(self, language, slug, position):
        return self.get(article__language=language, article__slug=slug, position=position)


class Byline(models.Model):
    """Who the article is by: a person (reporter) or an agency (wire copy)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    person = models.ForeignKey(
        "articles.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bylines",
    )
    agency = models.ForeignKey(
        "media.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bylines",
    )

    objects = BylineManager()

    class Meta:
        ordering = ["article", "position"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="%(app_label)s_%(class)s_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False, agency__isnull=True)
                | Q(person__isnull=True, agency__isnull=False),
                name="%(app_label)s_%(class)s_person_or_agency",
                violation_error_message=_("A byline names either a person or an agency."),
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (*self.article.natural_key(), self.position)

    natural_key.dependencies = ["articles.article"]

    @property
    def name(self):
        return str(self.person or self.agency or "")
