import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media.credits import Credit
from newsroom.languages import default_language, language_choices


class AgencyCategory(models.TextChoices):
    WIRE = "wire", _("Wire service")
    STAFF = "staff", _("Staff")
    POOL = "pool", _("Pool")
    HANDOUT = "handout", _("Handout")
    SOCIAL = "social", _("Social media")
    FREELANCE = "freelance", _("Freelance")


class AgencyManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Agency(models.Model):
    """An organisation that supplies or distributes photos: AFP, Reuters, our staff."""

    name = models.CharField(_("name"), max_length=100, help_text=_("As printed in credits."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    category = models.CharField(
        _("category"), max_length=20, choices=AgencyCategory.choices, default=AgencyCategory.WIRE
    )

    objects = AgencyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class PhotoQuerySet(models.QuerySet):
    def with_texts(self):
        """Fetch captions and alt texts (all languages), renditions and the agency in bulk."""
        return self.select_related("credit_agency").prefetch_related("texts", "renditions")

    def rights_expired(self, at=None):
        """Photos whose usage rights have ended at ``at`` (now)."""
        return self.filter(rights_expire_at__lte=at or timezone.now())

    def rights_valid(self, at=None):
        """Photos that may be shown at ``at`` (now): no expiry, or a later one."""
        return self.filter(
            Q(rights_expire_at__isnull=True) | Q(rights_expire_at__gt=at or timezone.now())
        )

    def get_by_natural_key(self, checksum):
        return self.get(checksum=checksum)


class Photo(models.Model):
    """A picture the newsroom may publish, with the facts that must travel with it."""

    image = models.ImageField(
        _("image"), upload_to="photos/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"), editable=False, default=0)
    checksum = models.CharField(
        _("SHA-256 checksum"), max_length=64, editable=False, help_text=_("Of the original file.")
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("For finding the photo; not published."),
    )
    is_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_(
            "Adds nothing a screen-reader user would miss; published with empty alt text."
        ),
    )
    focal_point_x = models.FloatField(_("focal point (x)"), default=0.5)
    focal_point_y = models.FloatField(_("focal point (y)"), default=0.5)

    credit_creator = models.CharField(_("creator"), max_length=200, blank=True)
    credit_agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="photos",
    )
    credit_pool = models.BooleanField(_("pool photo"), default=False)
    credit_platform = models.CharField(
        _("platform"), max_length=50, blank=True, help_text=_('Where it was posted, e.g. "X".')
    )
    credit_handle = models.CharField(
        _("handle"), max_length=100, blank=True, help_text=_('The account, e.g. "@SecBlinken".')
    )
    copyright_notice = models.CharField(_("copyright notice"), max_length=300, blank=True)
    usage_terms = models.TextField(_("usage terms"), blank=True)
    rights_expire_at = models.DateTimeField(_("rights expire at"), null=True, blank=True)
    taken_on = models.DateField(_("date taken"), null=True, blank=True)
    taken_place = models.CharField(_("place taken"), max_length=200, blank=True)
    keywords = models.JSONField(
        _("keywords"), default=list, blank=True, help_text=_("From the file's metadata.")
    )
    metadata = models.JSONField(
        _("metadata in the file"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("IPTC, XMP and EXIF as read at upload, for reference."),
    )

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.UniqueConstraint(
                fields=["checksum"], name="%(app_label)s_%(class)s_unique_checksum"
            ),
            models.CheckConstraint(
                condition=~Q(checksum=""), name="%(app_label)s_%(class)s_has_checksum"
            ),
            models.CheckConstraint(
                condition=Q(credit_creator__gt="")
                | Q(credit_agency__isnull=False)
                | Q(credit_handle__gt=""),
                name="%(app_label)s_%(class)s_has_credit",
                violation_error_message=_(
                    "Every photo needs a credit: a creator, an agency or a handle."
                ),
            ),
            models.CheckConstraint(
                condition=Q(focal_point_x__gte=0, focal_point_x__lte=1)
                & Q(focal_point_y__gte=0, focal_point_y__lte=1),
                name="%(app_label)s_%(class)s_focal_point_inside",
            ),
        ]
        indexes = [
            models.Index(
                fields=["rights_expire_at"],
                condition=Q(rights_expire_at__isnull=False),
                name="media_photo_rights_expiry",
            ),
        ]

    def __str__(self):
        label = self.title or (self.image.name.rsplit("/", 1)[-1] if self.image else "")
        return f"{label} ({self.credit_line})" if self.credit_line else label

    def save(self, *args, **kwargs):
        # A newly assigned file (not yet committed to storage) gets its own checksum, so
        # renditions made from the old one are recognised as stale.
        if self.image and (not self.checksum or not self.image._committed):
            self.checksum, self.file_size = file_digest(self.image)
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.checksum,)

    @property
    def credit(self):
        return Credit(
            creator=self.credit_creator,
            agency=self.credit_agency.name if self.credit_agency_id else "",
            pool=self.credit_pool,
            platform=self.credit_platform,
            handle=self.credit_handle,
        )

    @property
    def credit_line(self):
        return self.credit.line()

    @property
    def focal_point(self):
        return (self.focal_point_x, self.focal_point_y)

    def rights_expired(self, at=None):
        """Return whether the usage rights have ended at ``at`` (now)."""
        return self.rights_expire_at is not None and self.rights_expire_at <= (
            at or timezone.now()
        )

    def text_in(self, language):
        """Return the caption and alt text in ``language``, falling back to any other.

        Uses the prefetched ``texts`` when present, so a list costs no extra query.
        """
        texts = list(self.texts.all())
        for text in texts:
            if text.language == language:
                return text
        return texts[0] if texts else None


def file_digest(field_file):
    """Return (sha256 hex digest, size in bytes) of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    field_file.seek(0)
    for chunk in field_file.chunks():
        digest.update(chunk)
        size += len(chunk)
    field_file.seek(0)
    return digest.hexdigest(), size


class PhotoTextManager(models.Manager):
    def get_by_natural_key(self, checksum, language):
        return self.get(photo__checksum=checksum, language=language)


class PhotoText(models.Model):
    """A photo's caption and alt text in one language.

    Alt text describes what the picture shows for someone who cannot see it; it is its
    own field and never filled from the caption, which says what the news is.
    """

    photo = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(
        _("language"), max_length=10, choices=language_choices, default=default_language
    )
    caption = models.TextField(_("caption"), blank=True)
    alt_text = models.CharField(_("alt text"), max_length=500, blank=True)

    objects = PhotoTextManager()

    class Meta:
        ordering = ["photo", "language"]
        verbose_name = _("caption and alt text")
        verbose_name_plural = _("captions and alt texts")
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "language"], name="%(app_label)s_%(class)s_one_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.get_language_display()}: {self.caption[:60]}"

    def natural_key(self):
        return (*self.photo.natural_key(), self.language)

    natural_key.dependencies = ["media.photo"]


class Rendition(models.Model):
    """One declared rendition of a photo (a crop, at a size, in a format), generated once.

    ``source_key`` fingerprints what the file was made from (the original's checksum,
    the focal point, the spec and the embedded credits); a photo whose current key
    differs has a stale rendition, regenerated by ``media.renditions``. The key is in
    the file name too, so a changed rendition gets a new URL and caches never serve
    the old one.
    """

    photo = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")
    spec = models.CharField(_("spec"), max_length=50)
    file = models.FileField(_("file"), max_length=255)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    content_type = models.CharField(_("content type"), max_length=50)
    file_size = models.PositiveIntegerField(_("file size (bytes)"))
    source_key = models.CharField(_("source key"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        ordering = ["photo", "spec"]
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "spec"], name="%(app_label)s_%(class)s_unique_spec"
            ),
        ]

    def __str__(self):
        return f"{self.spec} of photo {self.photo_id} ({self.width} x {self.height})"
