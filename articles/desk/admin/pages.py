"""The pages around an article's change form: preview, translation, history and restore,
and the photo summary the body editor shows beside a chosen photo."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from articles.desk import history, permissions, workflow
from articles.desk.admin.forms import TranslateForm
from articles.desk.editing import article_translate
from articles.models import Article
from articles.publishing import snapshots
from media.models import Photo


def messages_of(error):
    """The sentences of a refusal, for a message to the editor."""
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


class ArticlePagesMixin:
    """Views of ``ArticleAdmin`` beyond the change form. Each finds the article through
    ``_get_viewable``: the admin's queryset, so only what the user may read."""

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
                messages.error(request, _("Not restored: %(why)s") % {"why": messages_of(error)})
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
        # Only articles this user may read: a colleague's draft is not named here.
        visible = permissions.articles_visible_to(request.user)
        used_in = visible.using_photo(photo).order_by("-updated_at")[:10]
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
