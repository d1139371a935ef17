import json
from datetime import timedelta

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from media.forms import PhotoChangeForm, PhotoUploadForm
from media.models import Agency, Photo, PhotoText, Rendition
from media.services import DuplicatePhoto, photo_ingest, photo_replace_image
from media.tasks import enqueue_renditions

THUMBNAIL_SPEC = "full-400-jpeg"
PREVIEW_SPEC = "full-800-jpeg"
EXPIRING_SOON = timedelta(days=14)


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "category"]
    list_filter = ["category"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PhotoTextInline(admin.StackedInline):
    model = PhotoText
    extra = 1


class RenditionInline(admin.TabularInline):
    model = Rendition
    extra = 0
    can_delete = False
    fields = ["spec", "link", "width", "height", "content_type", "file_size", "created_at"]
    readonly_fields = fields
    verbose_name_plural = gettext_lazy("renditions (made in the background after each change)")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("file"))
    def link(self, rendition):
        return format_html('<a href="{}">{}</a>', rendition.file.url, _("open"))


class RightsFilter(admin.SimpleListFilter):
    title = gettext_lazy("usage rights")
    parameter_name = "rights"

    def lookups(self, request, model_admin):
        return [
            ("expired", _("Expired")),
            ("expired_in_use", _("Expired, still in published articles")),
            ("soon", _("Expire within two weeks")),
            ("none", _("No expiry")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "expired":
            return queryset.rights_expired(now)
        if self.value() == "expired_in_use":
            return queryset.rights_expired(now).filter(published_versions__is_live=True).distinct()
        if self.value() == "soon":
            return queryset.filter(
                rights_expire_at__gt=now, rights_expire_at__lte=now + EXPIRING_SOON
            )
        if self.value() == "none":
            return queryset.filter(rights_expire_at__isnull=True)
        return queryset


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoChangeForm
    list_display = [
        "thumbnail",
        "__str__",
        "credit_line",
        "rights",
        "width",
        "height",
        "created_at",
    ]
    list_select_related = ["credit_agency"]
    list_filter = [RightsFilter, "credit_agency"]
    search_fields = ["title", "credit_creator", "credit_handle", "texts__caption", "checksum"]
    autocomplete_fields = ["credit_agency"]
    readonly_fields = [
        "credit_line",
        "rights",
        "usage",
        "width",
        "height",
        "file_size",
        "checksum",
        "original",
        "file_metadata",
    ]
    inlines = [PhotoTextInline, RenditionInline]
    actions = ["regenerate_renditions"]
    fieldsets = [
        (None, {"fields": ["title", "is_decorative", "focal_point_x", "focal_point_y"]}),
        (
            gettext_lazy("Credit"),
            {
                "fields": [
                    "credit_creator",
                    "credit_agency",
                    "credit_pool",
                    "credit_platform",
                    "credit_handle",
                    "credit_line",
                ]
            },
        ),
        (
            gettext_lazy("Rights"),
            {"fields": ["copyright_notice", "usage_terms", "rights_expire_at", "rights"]},
        ),
        (gettext_lazy("Where it is used"), {"fields": ["usage"]}),
        (gettext_lazy("Origin"), {"fields": ["taken_on", "taken_place", "keywords"]}),
        (
            gettext_lazy("File"),
            {
                "fields": [
                    "original",
                    "replacement",
                    "width",
                    "height",
                    "file_size",
                    "checksum",
                    "file_metadata",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    class Media:
        css = {"all": ["media/focal-point.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("renditions")

    # --- Upload: the add page calls photo_ingest, then shows the photo to review --------

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        duplicate = None
        if request.method == "POST":
            form = PhotoUploadForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    photo = photo_ingest(
                        file=form.cleaned_data["image"],
                        uploaded_by=request.user,
                        **form.service_arguments(),
                    )
                except DuplicatePhoto as error:
                    duplicate = error.photo
                    if IS_POPUP_VAR in request.POST:
                        # Picking a photo from an article: the one already in the
                        # library is the answer, not a second copy.
                        messages.info(request, _("This file was already in the library."))
                        return self.response_add(request, duplicate)
                    form.add_error("image", error.error_dict["image"])
                except ValidationError as error:
                    self._add_errors(form, error)
                else:
                    self.log_addition(request, photo, [{"added": {}}])
                    messages.success(request, self._ingest_message(photo))
                    if IS_POPUP_VAR in request.POST:
                        return self.response_add(request, photo)
                    return HttpResponseRedirect(
                        reverse("admin:media_photo_change", args=[photo.pk])
                    )
        else:
            form = PhotoUploadForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "duplicate": duplicate,
            "title": _("Upload a photo"),
            "is_popup": IS_POPUP_VAR in request.GET or IS_POPUP_VAR in request.POST,
            "is_popup_var": IS_POPUP_VAR,
            "to_field": request.GET.get(TO_FIELD_VAR) or request.POST.get(TO_FIELD_VAR),
            "to_field_var": TO_FIELD_VAR,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/media/photo/upload.html", context)

    @staticmethod
    def _add_errors(form, error):
        for field, errors in error.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)

    @staticmethod
    def _ingest_message(photo):
        texts = ", ".join(sorted(text.language for text in photo.texts.all())) or _("none")
        return _(
            "Uploaded. From the file: credit %(credit)s; captions in %(languages)s. Check "
            "them, set the focal point and save."
        ) % {"credit": photo.credit_line or "-", "languages": texts}

    # --- Change page ---------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        image_url = self._preview_url(obj) if obj else ""

        class BoundPhotoChangeForm(form):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, image_url=image_url, **form_kwargs)

        return BoundPhotoChangeForm

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        replacement = form.cleaned_data.get("replacement")
        if replacement:
            try:
                photo_replace_image(photo=obj, file=replacement)
            except DuplicatePhoto as error:
                messages.error(request, error.error_dict["image"][0].message)
            else:
                messages.info(request, _("The file was replaced; new renditions are on the way."))

    def changelist_view(self, request, extra_context=None):
        expired_in_use = (
            Photo.objects.rights_expired()
            .filter(Q(published_versions__is_live=True) | Q(lead_of__isnull=False))
            .distinct()
            .count()
        )
        if expired_in_use:
            messages.warning(
                request,
                ngettext(
                    "%(count)d photo whose rights have expired is still in articles; it is "
                    "hidden from readers. Filter by usage rights to see which.",
                    "%(count)d photos whose rights have expired are still in articles; they "
                    "are hidden from readers. Filter by usage rights to see which.",
                    expired_in_use,
                )
                % {"count": expired_in_use},
            )
        return super().changelist_view(request, extra_context)

    @admin.action(description=gettext_lazy("Make missing or stale renditions"))
    def regenerate_renditions(self, request, queryset):
        for photo_id in queryset.values_list("pk", flat=True):
            enqueue_renditions(photo_id)
        self.message_user(
            request, _("Renditions queued for %(count)d photos.") % {"count": queryset.count()}
        )

    # --- Computed columns and fields -------------------------------------------------------

    @staticmethod
    def _rendition_url(photo, spec):
        for rendition in photo.renditions.all():
            if rendition.spec == spec:
                return rendition.file.url
        return ""

    def _preview_url(self, photo):
        return self._rendition_url(photo, PREVIEW_SPEC) or (photo.image.url if photo.image else "")

    @admin.display(description=gettext_lazy("photo"))
    def thumbnail(self, photo):
        url = self._rendition_url(photo, THUMBNAIL_SPEC) or (
            photo.image.url if photo.image else ""
        )
        if not url:
            return ""
        return format_html('<img src="{}" alt="" style="max-height:60px;max-width:90px">', url)

    @admin.display(description=gettext_lazy("original"))
    def original(self, photo):
        if not photo.image:
            return "-"
        return format_html('<a href="{}">{}</a>', photo.image.url, photo.image.name)

    @admin.display(description=gettext_lazy("credit line"))
    def credit_line(self, photo):
        return photo.credit_line or _("(no credit: a creator, agency or handle is required)")

    @admin.display(description=gettext_lazy("rights"))
    def rights(self, photo):
        if photo.rights_expire_at is None:
            return "-"
        when = timezone.localtime(photo.rights_expire_at).strftime("%Y-%m-%d %H:%M")
        if photo.rights_expired():
            return format_html(
                '<span class="photo-rights-expired">{}</span>',
                _("Expired %(when)s: hidden from readers") % {"when": when},
            )
        if photo.rights_expire_at <= timezone.now() + EXPIRING_SOON:
            return format_html(
                '<span class="photo-rights-expiring">{}</span>',
                _("Expires %(when)s") % {"when": when},
            )
        return _("Until %(when)s") % {"when": when}

    @admin.display(description=gettext_lazy("used in"))
    def usage(self, photo):
        if photo.pk is None:
            return "-"
        articles = {}
        for article in photo.lead_of.all():
            articles.setdefault(article, []).append(_("lead photo"))
        for block in photo.blocks.select_related("article"):
            articles.setdefault(block.article, []).append(_("in the body"))
        live = {
            version.article_id
            for version in photo.published_versions.filter(is_live=True).only("article_id")
        }
        for version in photo.published_versions.filter(is_live=True).select_related("article"):
            articles.setdefault(version.article, []).append(_("published"))
        if not articles:
            return _("Not used in any article.")
        expired = photo.rights_expired()
        rows = []
        for article, roles in articles.items():
            roles = sorted(set(roles))
            note = ""
            if expired and article.pk in live:
                note = _(" (readers see no photo: rights expired)")
            rows.append(
                (
                    reverse("admin:articles_article_change", args=[article.pk]),
                    str(article),
                    ", ".join(roles) + note,
                )
            )
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", '<li><a href="{}">{}</a>: {}</li>', rows),
        )

    @admin.display(description=gettext_lazy("metadata in the file"))
    def file_metadata(self, photo):
        if not photo.metadata:
            return "-"
        text = json.dumps(photo.metadata, ensure_ascii=False, indent=1, default=str)
        return format_html(
            '<pre style="max-height:20em;overflow:auto;white-space:pre-wrap">{}</pre>', text
        )
