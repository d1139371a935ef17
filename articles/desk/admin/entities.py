"""Admin pages for what articles are made of and refer to: sections, people, tags,
quotes, published versions and the workflow log."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.desk import permissions
from articles.desk.admin.filters import DateHierarchyBoundsMixin
from articles.models import ArticleTransition, ArticleVersion, Person, Quote, Section, Tag


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "path", "position"]
    search_fields = ["name", "path"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


class PersonQuoteInline(admin.TabularInline):
    """A person's quotes, read on the person's page; they are edited on their article."""

    model = Quote
    fk_name = "speaker"
    fields = ["text", "speaker_role", "said_on", "article_link"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = _("Quotes by this person")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        visible = permissions.articles_visible_to(request.user)
        return (
            super()
            .get_queryset(request)
            .filter(Q(article__isnull=True) | Q(article__in=visible.values("pk")))
            .select_related("article")
        )

    @admin.display(description=_("article"))
    def article_link(self, quote):
        if quote.article_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[quote.article_id]),
            quote.article.headline,
        )


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "quote_count", "wikidata_id"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]
    inlines = [PersonQuoteInline]

    def has_change_permission(self, request, obj=None):
        return permissions.can_change_shared(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        # Which login writes under a byline is for whoever manages accounts.
        if request.user.has_perm("auth.change_user"):
            return []
        return ["user"]

    @admin.display(description=_("quotes"))
    def quote_count(self, person):
        url = reverse("admin:articles_quote_changelist") + f"?speaker__id__exact={person.pk}"
        return format_html('<a href="{}">{}</a>', url, person.quotes.count())


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "wikidata_id"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def has_change_permission(self, request, obj=None):
        return permissions.can_change_shared(request.user, obj)


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    """Quotes across articles. A quote placed in an article follows that article's rule:
    whoever may edit the article may change its quotes; others may read them only where
    they may read the article."""

    list_display = ["__str__", "speaker", "speaker_role", "article"]
    list_filter = [("speaker", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["speaker", "article"]
    search_fields = ["text", "speaker__name", "speaker_role"]
    autocomplete_fields = ["speaker", "article"]
    raw_id_fields = ["block"]

    def get_queryset(self, request):
        visible = permissions.articles_visible_to(request.user)
        return (
            super()
            .get_queryset(request)
            .filter(Q(article__isnull=True) | Q(article__in=visible.values("pk")))
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            # Only the articles this user may change: the form refuses any other.
            kwargs["queryset"] = permissions.articles_editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request, obj=None):
        if obj is not None and obj.article_id is not None:
            return permissions.can_view(request.user, obj.article)
        return super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.article_id is not None:
            return permissions.can_edit(request.user, obj.article)
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.article_id is not None:
            return permissions.can_edit(request.user, obj.article)
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        # The form offers only editable articles; the service rule stands behind it.
        if obj.article_id is not None and not permissions.can_edit(request.user, obj.article):
            raise PermissionDenied
        super().save_model(request, obj, form, change)


@admin.register(ArticleVersion)
class ArticleVersionAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "article",
        "number",
        "is_live",
        "visible_from",
        "visible_until",
        "withdrawn_at",
        "published_by",
    ]
    list_filter = ["is_live", "language"]
    list_select_related = ["article", "published_by"]
    search_fields = ["slug", "article__headline"]
    readonly_fields = [field.name for field in ArticleVersion._meta.fields]

    def has_add_permission(self, request):
        return False  # versions are made by publishing, never by hand

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ArticleTransition)
class ArticleTransitionAdmin(DateHierarchyBoundsMixin, admin.ModelAdmin):
    """The workflow log, newest first: read-only, written by the workflow services."""

    list_display = ["at", "article", "action", "from_status", "to_status", "user", "note"]
    list_filter = ["action", ("user", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article", "user"]
    search_fields = ["article__headline", "note"]
    date_hierarchy = "at"
    readonly_fields = [field.name for field in ArticleTransition._meta.fields]

    def get_queryset(self, request):
        visible = permissions.articles_visible_to(request.user)
        return super().get_queryset(request).filter(article__in=visible.values("pk"))

    def has_view_permission(self, request, obj=None):
        return permissions.can_view(request.user, obj.article if obj else None)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
