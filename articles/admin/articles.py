"""The article pages of the desk: list, change form, workflow panel, preview, history."""

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.models import Version

from articles import history, permissions, snapshots, workflow
from articles.admin.forms import (
    ArticleAdminForm,
    BlockForm,
    BlockFormSet,
    BylineFormSet,
    QuoteForm,
    QuoteFormSet,
    TranslateForm,
    WorkflowForm,
)
from articles.editing import article_save, article_translate, local_time, user_name
from articles.models import Article, ArticleStatus, Block, Byline, Quote
from media.models import Photo


def _messages_of(error):
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


class ArticlePartInline:
    """Inlines of an article follow the article's own rule: whoever may edit it."""

    def has_add_permission(self, request, obj=None):
        if obj is None or obj.pk is None:
            return permissions.can_create(request.user)
        return permissions.can_edit(request.user, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None or obj.pk is None:
            return permissions.can_create(request.user)
        return permissions.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        return permissions.can_view(request.user)


class BylineInline(ArticlePartInline, admin.TabularInline):
    model = Byline
    formset = BylineFormSet
    extra = 0
    autocomplete_fields = ["person", "agency"]
    fields = ["position", "person", "agency"]
    verbose_name = _("byline")
    verbose_name_plural = _("Bylines: the reporters (or the agency) the story is by")


class BlockInline(ArticlePartInline, admin.StackedInline):
    model = Block
    form = BlockForm
    formset = BlockFormSet
    extra = 0
    autocomplete_fields = ["photo", "quote"]
    fields = ["kind", "text", "anchor", "level", "photo", "quote", "items", "url"]
    verbose_name = _("body block")
    verbose_name_plural = _("Body: paragraphs, subheadings, photos, quotes, lists, embeds")
    classes = ["desk-body"]

    def get_formset(self, request, obj=None, **kwargs):
        # ORDER lets editors rearrange the body; the page turns it into up/down buttons.
        kwargs["can_order"] = True
        return super().get_formset(request, obj, **kwargs)


class QuoteInline(ArticlePartInline, admin.StackedInline):
    model = Quote
    form = QuoteForm
    formset = QuoteFormSet
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = [
        "text",
        ("speaker", "speaker_role"),
        ("block", "offset"),
        ("language", "said_on", "said_where"),
    ]
    verbose_name = _("quote")
    verbose_name_plural = _("Quotes: who said what (pick or create the speaker)")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "block":
            object_id = request.resolver_match.kwargs.get("object_id")
            field.queryset = field.queryset.filter(
                article_id=unquote(object_id) if object_id else None,
                kind=models.Value("paragraph"),
            )
            field.label = _("in paragraph")
            field.help_text = _("Where the words appear (save the body first).")
        return field


class DeskStateFilter(admin.SimpleListFilter):
    """Filter by the state the desk sees now, computed from the live version's window."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("in_review", _("In review")),
            ("waiting", _("Scheduled or embargoed")),
            ("public", _("Public now")),
            ("expired", _("Expired")),
            ("withdrawn", _("Withdrawn")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        value = self.value()
        not_withdrawn = Q(live_withdrawn_at__isnull=True)
        if value == "draft":
            return queryset.filter(status=ArticleStatus.DRAFT)
        if value == "in_review":
            return queryset.filter(status=ArticleStatus.IN_REVIEW)
        if value == "waiting":
            return queryset.filter(not_withdrawn, live_from__gt=now)
        if value == "public":
            return queryset.filter(
                not_withdrawn,
                Q(live_until__isnull=True) | Q(live_until__gt=now),
                live_from__lte=now,
            )
        if value == "expired":
            return queryset.filter(not_withdrawn, live_until__lte=now)
        if value == "withdrawn":
            return queryset.filter(live_withdrawn_at__isnull=False)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
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
    actions = ["submit", "publish", "return_to_draft", "unpublish"]
    list_per_page = 50

    class Media:
        css = {"all": ["articles/admin/desk.css"]}
        js = ["admin/js/jquery.init.js", "articles/admin/desk.js"]

    # --- Permissions: the rules of articles/permissions.py, per article ----------------------

    def has_add_permission(self, request):
        return permissions.can_create(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return permissions.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return permissions.can_delete(request.user, obj)

    def has_publish_permission(self, request):
        return permissions.can_publish(request.user)

    def has_return_permission(self, request):
        return permissions.can_return_to_draft(request.user, None)

    # --- List ------------------------------------------------------------------------------------

    def get_queryset(self, request):
        return super().get_queryset(request).with_live_window()

    @admin.display(description=_("state"))
    def state(self, article):
        if article.pk is None:
            return _("New")
        return workflow.desk_state(article)

    @admin.display(description=_("public now"), boolean=True)
    def is_public_now(self, article):
        now = timezone.now()
        return (
            getattr(article, "live_from", None) is not None
            and article.live_withdrawn_at is None
            and article.live_from <= now
            and (article.live_until is None or article.live_until > now)
        )

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

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._after_save(request, obj) or super().response_change(request, obj)

    def _after_save(self, request, obj):
        """Handle "Save and submit for review" and "Save and publish now"."""
        if "_submit_for_review" in request.POST:
            self._run_one(request, obj, "submit")
        elif "_publish_now" in request.POST:
            self._run_one(request, obj, "publish")
        else:
            return None
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))

    # --- The desk panel and its actions ----------------------------------------------------------

    def desk_context(self, request, object_id):
        user = request.user
        article = self.get_object(request, unquote(object_id)) if object_id else None
        if article is None:  # the add page
            return {
                "desk_buttons": {
                    "submit": permissions.can_create(user),
                    "publish": permissions.can_publish(user),
                }
            }
        live = article.versions.filter(is_live=True).first()
        now = timezone.now()
        public_now = workflow.is_public(article)
        status = article.status
        can_publish = permissions.can_publish(user, article) and status != ArticleStatus.WITHDRAWN
        waiting = live is not None and live.visible_from > now and live.withdrawn_at is None
        actions = {
            "submit": status == ArticleStatus.DRAFT and permissions.can_submit(user, article),
            "return": status
            in (ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED)
            and permissions.can_return_to_draft(user, article),
            "publish": can_publish,
            "schedule": can_publish and not public_now,
            "embargo": can_publish and not public_now,
            "lift_embargo": can_publish and article.embargo_until is not None,
            "expiry": can_publish,
            "clear_expiry": can_publish and article.expires_at is not None,
            "unpublish": can_publish and live is not None,
            "withdraw": permissions.can_withdraw(user, article)
            and live is not None
            and live.withdrawn_at is None
            and not waiting,
            "correct": permissions.can_add_correction(user, article)
            and can_publish
            and live is not None,
        }
        can_edit = permissions.can_edit(user, article)
        return {
            "desk_buttons": {
                "submit": can_edit and actions["submit"],
                "publish": can_edit and actions["publish"],
            },
            "desk": {
                "article": article,
                "state": workflow.desk_state(article),
                "live": live,
                "public_now": public_now,
                "waiting": waiting,
                "actions": actions,
                "any_action": any(actions.values()),
                "can_edit": can_edit,
                "can_preview": permissions.can_preview(user, article),
                "events": article.transitions.select_related("user")[:8],
                "corrections": article.corrections.all(),
                "workflow_url": reverse("admin:articles_article_workflow", args=[article.pk]),
                "preview_url": reverse("admin:articles_article_preview", args=[article.pk]),
                "history_url": reverse("admin:articles_article_history", args=[article.pk]),
                "translate_url": reverse("admin:articles_article_translate", args=[article.pk]),
                "time_zone": settings.TIME_ZONE,
                "form": WorkflowForm(),
            },
        }

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

    def workflow_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[object_id]))
        article = self._get_viewable(request, object_id)
        form = WorkflowForm(request.POST)
        if not form.is_valid():
            errors = [f"{message}" for error in form.errors.values() for message in error]
            messages.error(request, " ".join(errors))
        else:
            data = dict(form.cleaned_data)
            self._run_one(request, article, data.pop("action"), **data)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def _run_one(self, request, article, action, **data):
        """Run one workflow action on ``article``, telling the user what happened."""
        user, note, at = request.user, data.get("note", ""), data.get("at")
        calls = {
            "submit": (
                lambda: workflow.article_submit(article=article, user=user, note=note),
                _("Submitted for review. The editors have it now."),
            ),
            "return": (
                lambda: workflow.article_return_to_draft(article=article, user=user, note=note),
                _("Returned to draft: its reporter can edit it again."),
            ),
            "publish": (
                lambda: workflow.article_publish(article=article, user=user, note=note),
                _("Published."),
            ),
            "schedule": (
                lambda: workflow.article_schedule(article=article, user=user, at=at, note=note),
                _("Scheduled for %(at)s.") % {"at": local_time(at)} if at else "",
            ),
            "embargo": (
                lambda: workflow.article_embargo(article=article, user=user, until=at, note=note),
                _("Embargoed until %(at)s.") % {"at": local_time(at)} if at else "",
            ),
            "lift_embargo": (
                lambda: workflow.article_embargo(
                    article=article, user=user, until=None, note=note
                ),
                _("Embargo lifted."),
            ),
            "expiry": (
                lambda: workflow.article_set_expiry(article=article, user=user, at=at, note=note),
                _("Will expire at %(at)s.") % {"at": local_time(at)} if at else "",
            ),
            "clear_expiry": (
                lambda: workflow.article_set_expiry(
                    article=article, user=user, at=None, note=note
                ),
                _("Expiry cleared."),
            ),
            "unpublish": (
                lambda: workflow.article_unpublish(article=article, user=user, note=note),
                _("Unpublished: readers no longer see it."),
            ),
            "withdraw": (
                lambda: workflow.article_withdraw(
                    article=article, user=user, notice=data.get("notice", ""), note=note
                ),
                _("Withdrawn: readers now get the notice instead."),
            ),
            "correct": (
                lambda: workflow.article_add_correction(
                    article=article,
                    user=user,
                    kind=data.get("kind", ""),
                    text=data.get("text", ""),
                    note=note,
                ),
                _("Public note added and the article republished."),
            ),
        }
        call, done = calls[action]
        try:
            call()
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, _("Not done: %(why)s") % {"why": _messages_of(error)})
            return False
        messages.success(request, done)
        return True

    def preview_view(self, request, object_id):
        article = self._get_viewable(request, object_id)
        if not permissions.can_preview(request.user, article):
            raise Http404
        # Exactly what publishing would publish now: the same freeze and render.
        fresh = Article.objects.with_body().get(pk=article.pk)
        document = snapshots.render(snapshots.freeze(fresh)).document
        return TemplateResponse(
            request,
            "articles/preview.html",
            {
                "article": article,
                "document": document,
                "state": workflow.desk_state(article),
                "change_url": reverse("admin:articles_article_change", args=[article.pk]),
                "warnings": preview_warnings(document),
            },
        )

    def translate_view(self, request, object_id):
        article = self._get_viewable(request, object_id)
        if not permissions.can_create(request.user):
            raise PermissionDenied
        form = TranslateForm(request.POST or None, article=article)
        if request.method == "POST" and form.is_valid():
            try:
                translation = article_translate(
                    article=article, user=request.user, language=form.cleaned_data["language"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Translation started: replace the copied text with the translation."),
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[translation.pk])
                )
        return TemplateResponse(
            request,
            "admin/articles/article/translate.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": article,
                "title": _("Translate “%(headline)s”") % {"headline": article.headline},
                "form": form,
            },
        )

    # --- History: revisions, differences, restore ---------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        article = self._get_viewable(request, object_id)
        if not permissions.can_view_history(request.user, article):
            raise PermissionDenied
        revisions = list(history.article_revisions(article))
        by_id = {version.pk: version for version in revisions}
        changes, old, new = None, None, None
        try:
            old_id, new_id = int(request.GET.get("old", 0)), int(request.GET.get("new", 0))
        except ValueError:
            old_id = new_id = 0
        if old_id in by_id and new_id in by_id:
            old, new = (history.revision_content(by_id[pk]) for pk in (old_id, new_id))
            changes = history.revisions_diff(old, new)
        return TemplateResponse(
            request,
            "admin/articles/article/revisions.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": article,
                "title": _("History of “%(headline)s”") % {"headline": article.headline},
                "revisions": [(version, history.revision_label(version)) for version in revisions],
                "changes": changes,
                "old": old,
                "new": new,
                "can_restore": permissions.can_restore(request.user, article),
            },
        )

    def restore_view(self, request, object_id, version_id):
        article = self._get_viewable(request, object_id)
        version = get_object_or_404(Version, pk=version_id, object_id=str(article.pk))
        if not permissions.can_restore(request.user, article):
            raise PermissionDenied
        if request.method == "POST":
            try:
                history.article_restore_revision(
                    article=article,
                    user=request.user,
                    version=version,
                    expected_version=int(request.POST.get("expected_version", -1)),
                )
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, _("Not restored: %(why)s") % {"why": _messages_of(error)})
            else:
                messages.success(
                    request, _("Restored. Publish again for readers to see this version.")
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[article.pk])
                )
        current = history.article_revisions(article).first()
        old = history.revision_content(version)
        changes = history.revisions_diff(history.revision_content(current), old) if current else []
        return TemplateResponse(
            request,
            "admin/articles/article/restore.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": article,
                "title": _("Restore the revision of %(label)s?")
                % {"label": history.revision_label(version)},
                "changes": changes,
                "version": version,
            },
        )

    def photo_summary_view(self, request, photo_id):
        """What the body editor shows beside a chosen photo: thumbnail, credit line,
        captions and alt texts, and the articles that use it."""
        if not request.user.has_perm("media.view_photo"):
            raise PermissionDenied
        photo = get_object_or_404(Photo.objects.with_texts(), pk=photo_id)
        used_in = Article.objects.using_photo(photo).order_by("-updated_at")[:10]
        return JsonResponse(
            {
                "id": photo.pk,
                "thumbnail": photo.image.url if photo.image else "",
                "credit_line": photo.credit_line,
                "is_decorative": photo.is_decorative,
                "texts": [
                    {"language": text.language, "caption": text.caption, "alt_text": text.alt_text}
                    for text in photo.texts.all()
                ],
                "used_in": [
                    {
                        "headline": article.headline,
                        "url": reverse("admin:articles_article_change", args=[article.pk]),
                    }
                    for article in used_in
                ],
                "change_url": reverse("admin:media_photo_change", args=[photo.pk]),
            }
        )

    # --- Bulk actions: the same services, article by article ------------------------------------

    def _run_many(self, request, queryset, action, done_message):
        done = 0
        for article in queryset:
            try:
                {
                    "submit": workflow.article_submit,
                    "publish": workflow.article_publish,
                    "return": workflow.article_return_to_draft,
                    "unpublish": workflow.article_unpublish,
                }[action](article=article, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                self.message_user(
                    request, f"{article.headline}: {_messages_of(error)}", level=messages.ERROR
                )
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done))

    @admin.action(description=_("Submit the selected drafts for review"), permissions=["change"])
    def submit(self, request, queryset):
        self._run_many(
            request,
            queryset,
            "submit",
            lambda n: ngettext("%d article submitted.", "%d articles submitted.", n) % n,
        )

    @admin.action(description=_("Publish the selected articles now"), permissions=["publish"])
    def publish(self, request, queryset):
        self._run_many(
            request,
            queryset,
            "publish",
            lambda n: ngettext("%d article published.", "%d articles published.", n) % n,
        )

    @admin.action(description=_("Return the selected articles to draft"), permissions=["return"])
    def return_to_draft(self, request, queryset):
        self._run_many(
            request,
            queryset,
            "return",
            lambda n: ngettext("%d article returned.", "%d articles returned.", n) % n,
        )

    @admin.action(description=_("Unpublish the selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._run_many(
            request,
            queryset,
            "unpublish",
            lambda n: ngettext("%d article unpublished.", "%d articles unpublished.", n) % n,
        )


def preview_warnings(document):
    """Return what an editor should check before publishing ``document``."""
    warnings = []
    if not document["bylines"]:
        warnings.append(_("There is no byline."))
    if not document["body"]:
        warnings.append(_("There is no body: the article cannot be published."))
    photos = [document["lead_photo"]] if document["lead_photo"] else []
    photos += [block["photo"] for block in document["body"] if block.get("photo")]
    for photo in photos:
        if not photo["caption"]:
            warnings.append(
                _("A photo has no caption (%(credit)s).") % {"credit": photo["credit_line"]}
            )
        if not photo["is_decorative"] and not photo["alt_text"]:
            warnings.append(
                _("A photo has no alt text and is not marked decorative (%(credit)s).")
                % {"credit": photo["credit_line"]}
            )
    return warnings


__all__ = ["ArticleAdmin", "preview_warnings"]
