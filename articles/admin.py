from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import (
    Article,
    ArticleVersion,
    Block,
    Byline,
    Person,
    Quote,
    Section,
    Tag,
)
from articles.publishing import article_publish, article_unpublish


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "path", "position"]
    search_fields = ["name", "path"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "wikidata_id"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "wikidata_id"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ["person", "agency"]


class BlockInline(admin.StackedInline):
    model = Block
    extra = 0
    # Django 6 assumes https for scheme-less URLs; say so now rather than rely on a default.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    autocomplete_fields = ["photo", "quote"]
    fields = ["position", "kind", "text", "anchor", "level", "photo", "quote", "items", "url"]


class QuoteInline(admin.StackedInline):
    model = Quote
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = [
        "text",
        "speaker",
        "speaker_role",
        "language",
        "block",
        "offset",
        "said_on",
        "said_where",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "block" and request.resolver_match.kwargs.get("object_id"):
            field.queryset = field.queryset.filter(
                article_id=request.resolver_match.kwargs["object_id"]
            )
        return field


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "language", "section", "status", "published_at", "updated_at"]
    list_filter = ["status", "language", "section"]
    list_select_related = ["section"]
    search_fields = ["headline", "dek", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_photo", "tags", "people", "translation_of"]
    readonly_fields = ["status", "version", "first_published_at", "published_at"]
    inlines = [BylineInline, BlockInline, QuoteInline]
    actions = ["publish", "unpublish"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        self._run(request, queryset, article_publish, _("published"))

    @admin.action(description=_("Unpublish the selected articles"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._run(request, queryset, article_unpublish, _("unpublished"))

    def _run(self, request, queryset, service, verb):
        done = 0
        for article in queryset:
            try:
                service(article=article, user=request.user)
            except ValidationError as error:
                self.message_user(
                    request, f"{article}: {' '.join(error.messages)}", level=messages.ERROR
                )
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(count)d article %(verb)s.", "%(count)d articles %(verb)s.", done)
                % {"count": done, "verb": verb},
            )


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "speaker_role", "article"]
    search_fields = ["text", "speaker__name"]
    autocomplete_fields = ["speaker", "article"]
    raw_id_fields = ["block"]


@admin.register(ArticleVersion)
class ArticleVersionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "number", "is_live", "visible_from", "published_by"]
    list_filter = ["is_live", "language"]
    search_fields = ["slug", "article__headline"]
    readonly_fields = [field.name for field in ArticleVersion._meta.fields]

    def has_add_permission(self, request):
        return False  # versions are made by publishing, never by hand

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
