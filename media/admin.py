from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from media.models import Agency, Photo, PhotoText


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "category"]
    list_filter = ["category"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PhotoTextInline(admin.StackedInline):
    model = PhotoText
    extra = 1


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "__str__", "credit_line", "width", "height", "created_at"]
    list_select_related = ["credit_agency"]
    search_fields = ["title", "credit_creator", "credit_handle", "texts__caption"]
    autocomplete_fields = ["credit_agency"]
    readonly_fields = ["width", "height", "file_size", "checksum", "credit_line"]
    inlines = [PhotoTextInline]
    fieldsets = [
        (None, {"fields": ["image", "title", "is_decorative"]}),
        (
            _("Credit"),
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
            _("Rights"),
            {"fields": ["copyright_notice", "usage_terms", "rights_expire_at"]},
        ),
        (_("Origin"), {"fields": ["taken_on", "taken_place"]}),
        (
            _("File"),
            {
                "fields": [
                    "width",
                    "height",
                    "file_size",
                    "checksum",
                    "focal_point_x",
                    "focal_point_y",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, photo):
        if not photo.image:
            return ""
        return format_html(
            '<img src="{}" alt="" style="max-height:60px;max-width:90px">', photo.image.url
        )

    @admin.display(description=_("credit line"))
    def credit_line(self, photo):
        return photo.credit_line

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
