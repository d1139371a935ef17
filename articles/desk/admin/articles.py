"""The desk's article list and change form. The workflow panel and bulk actions are in
``panel``, the pages around the form (preview, translate, history) in ``pages``, the
parts edited on the form in ``inlines``."""

import reversion
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles.desk import permissions, workflow
from articles.desk.admin.filters import DateHierarchyBoundsMixin, DeskStateFilter
from articles.desk.admin.forms import ArticleAdminForm
from articles.desk.admin.inlines import BlockInline, BylineInline, QuoteInline
from articles.desk.admin.pages import ArticlePagesMixin
from articles.desk.admin.panel import WorkflowPanelMixin
from articles.desk.editing import article_save, local_time, user_name
from articles.models import Article, ArticleTransition


@admin.register(Article)
class ArticleAdmin(
    WorkflowPanelMixin, ArticlePagesMixin, DateHierarchyBoundsMixin, admin.ModelAdmin
):
    """The desk's articles: the list, the change form with its body, quotes and bylines,
    the workflow panel (``panel``) and the pages around it (``pages``)."""

    form = ArticleAdminForm
    list_display = [
        "headline",
        "state",
        "is_public_now",
        "language",
        "section",
        "author",
        "updated_at",
        "first_published_at",
    ]
    list_display_links = ["headline"]
    list_filter = [
        DeskStateFilter,
        "language",
        ("section", admin.RelatedOnlyFieldListFilter),
        ("created_by", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["section", "created_by"]
    search_fields = ["headline", "dek", "kicker", "slug"]
    date_hierarchy = "updated_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_photo", "tags", "people", "translation_of"]
    readonly_fields = [
        "state",
        "language_versions",
        "record",
    ]
    fieldsets = [
        (None, {"fields": ["headline", "kicker", "dek", "slug", "expected_version"]}),
        (
            _("Filing"),
            {"fields": ["section", "lead_photo", "dateline", "source", "tags", "people"]},
        ),
        (_("Language"), {"fields": ["language", "translation_of", "language_versions"]}),
        (_("Record"), {"fields": ["record"], "classes": ["collapse"]}),
    ]
    inlines = [BlockInline, QuoteInline, BylineInline]
    # Bulk actions: the workflow moves that have one (WorkflowPanelMixin.get_actions).
    list_per_page = 50

    class Media:
        css = {"all": ["articles/admin/desk.css"]}
        js = ["admin/js/jquery.init.js", "articles/admin/desk.js"]

    # --- Permissions: the rules of articles/permissions.py, per article ----------------------

    def has_add_permission(self, request):
        return permissions.can_create(request.user)

    def has_view_permission(self, request, obj=None):
        return permissions.can_view(request.user, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return permissions.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return permissions.can_delete(request.user, obj)

    def get_deleted_objects(self, objs, request):
        # An article's workflow log goes with it; nobody deletes log entries one by one,
        # so their admin's refusal must not block deleting a never-published article.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(str(ArticleTransition._meta.verbose_name))
        return deleted, counts, perms_needed, protected

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "translation_of":
            # A translation takes its original's language slot: only articles one can read.
            kwargs["queryset"] = permissions.articles_visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- List ------------------------------------------------------------------------------------

    def get_queryset(self, request):
        articles = super().get_queryset(request).with_live_version()
        return permissions.articles_visible_to(request.user, articles)

    def get_search_results(self, request, queryset, search_term):
        """Where another page points at an article (a quote's article, a translation's
        original), offer only the articles that page accepts."""
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        field = request.GET.get("field_name")
        if request.GET.get("app_label") == "articles" and field in ("article",):
            queryset = permissions.articles_editable_by(request.user, queryset)
        return queryset, duplicates

    @admin.display(description=_("state"))
    def state(self, article):
        if article.pk is None:
            return _("New")
        return workflow.desk_state(article)

    @admin.display(description=_("public now"), boolean=True)
    def is_public_now(self, article):
        live = article.live_version
        return live is not None and live.is_public()

    @admin.display(description=_("author"), ordering="created_by__username")
    def author(self, article):
        return user_name(article.created_by) if article.created_by_id else "—"

    @admin.display(description=_("language versions"))
    def language_versions(self, article):
        if article.pk is None:
            return "—"
        family = article.translation_family().order_by("language")
        return format_html_join(
            " · ",
            '<a href="{}">{}{}</a>',
            (
                (
                    reverse("admin:articles_article_change", args=[other.pk]),
                    other.get_language_display(),
                    _(" (this one)") if other.pk == article.pk else "",
                )
                for other in family
            ),
        ) or _("None yet: use “Translate” above.")

    @admin.display(description=_("record"))
    def record(self, article):
        if article.pk is None:
            return "—"
        rows = [
            (_("Written by"), user_name(article.created_by) if article.created_by_id else "—"),
            (_("Created"), local_time(article.created_at)),
            (
                _("Last changed"),
                f"{local_time(article.updated_at)}, {user_name(article.updated_by)}",
            ),
            (_("Edit number"), article.version),
            (
                _("First published"),
                local_time(article.first_published_at) if article.first_published_at else "—",
            ),
        ]
        return format_html(
            "<dl class='desk-record'>{}</dl>",
            format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows),
        )

    # --- Saving: through the editing service, with a revision ---------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision():
            reversion.set_user(request.user)
            extra_context = {
                **(extra_context or {}),
                **self.desk_context(request, object_id),
                "desk_config": {
                    "photoSummaryUrl": reverse("admin:articles_photo_summary", args=[0])
                },
            }
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        article_save(
            article=obj,
            user=request.user,
            expected_version=form.cleaned_data.get("expected_version"),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reversion.add_to_revision(form.instance)  # the article with its final body

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        reversion.set_comment(_("Created."))
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        reversion.set_comment(entry.get_change_message() or _("Saved."))
        return entry

    def get_urls(self):
        urls = super().get_urls()
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/workflow/",
                view(self.workflow_view),
                name="articles_article_workflow",
            ),
            path(
                "<path:object_id>/preview/",
                view(self.preview_view),
                name="articles_article_preview",
            ),
            path(
                "<path:object_id>/translate/",
                view(self.translate_view),
                name="articles_article_translate",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name="articles_article_restore",
            ),
            path(
                "photo-summary/<int:photo_id>/",
                view(self.photo_summary_view),
                name="articles_photo_summary",
            ),
            *urls,
        ]

    def _get_viewable(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_or_change_permission(request, article):
            raise Http404
        return article
