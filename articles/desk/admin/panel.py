"""The workflow panel on an article's page, the "Save and ..." buttons and the list's bulk
actions: every one makes a move of ``articles.desk.moves.MOVES``."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.desk import permissions, workflow
from articles.desk.admin.forms import WorkflowForm
from articles.desk.admin.pages import messages_of
from articles.desk.moves import MOVES, available_moves
from articles.desk.preconditions import Situation

# The buttons beside "Save" that save first, then make the move.
SAVE_AND = {"_submit_for_review": "submit", "_publish_now": "publish"}


class WorkflowPanelMixin:
    """Moves for ``ArticleAdmin``: the panel (``desk_context``), the view its forms post
    to (``workflow_view``), "Save and ..." and the bulk actions."""

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
        situation = Situation.of(article, user)
        moves = available_moves(article, user)
        offered = {move.name for move in moves}
        can_edit = permissions.can_edit(user, article)
        live = situation.live
        return {
            "desk_buttons": {
                "submit": can_edit and "submit" in offered,
                "publish": can_edit and "publish" in offered,
            },
            "desk": {
                "article": article,
                "state": workflow.desk_state(article),
                "live": live,
                "public_now": live is not None and live.is_public(situation.now),
                "waiting": live is not None and live.visibility(situation.now) == "waiting",
                "moves": moves,
                "can_edit": can_edit,
                "can_preview": permissions.can_preview(user, article),
                "events": article.transitions.select_related("user")[:8],
                "corrections": article.corrections.all(),
                "workflow_url": reverse("admin:articles_article_workflow", args=[article.pk]),
                "preview_url": reverse("admin:articles_article_preview", args=[article.pk]),
                "history_url": reverse("admin:articles_article_history", args=[article.pk]),
                "translate_url": reverse("admin:articles_article_translate", args=[article.pk]),
                "time_zone": settings.TIME_ZONE,
            },
        }

    def workflow_view(self, request, object_id):
        """Make the move a panel form posted, and say what happened."""
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[object_id]))
        article = self._get_viewable(request, object_id)
        form = WorkflowForm(request.POST)
        if not form.is_valid():
            errors = [f"{message}" for error in form.errors.values() for message in error]
            messages.error(request, " ".join(errors))
        else:
            inputs = dict(form.cleaned_data)
            self.run_move(request, article, inputs.pop("action"), **inputs)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def run_move(self, request, article, name, **inputs):
        """Make move ``name`` on ``article``, telling the user what happened."""
        move = MOVES[name]
        try:
            move.run(article=article, user=request.user, **inputs)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, _("Not done: %(why)s") % {"why": messages_of(error)})
            return False
        messages.success(request, move.message(inputs))
        return True

    # --- "Save and submit for review", "Save and publish now" --------------------------------

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._after_save(request, obj) or super().response_change(request, obj)

    def _after_save(self, request, obj):
        for button, name in SAVE_AND.items():
            if button in request.POST:
                self.run_move(request, obj, name)
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[obj.pk])
                )
        return None

    # --- Bulk actions: the moves that have one, article by article -----------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        for move in MOVES.values():
            if move.bulk and move.role(request.user):
                name = move.name
                actions[name] = (_bulk_action(move), name, move.bulk)
        return actions


def _bulk_action(move):
    def action(model_admin, request, queryset):
        done = 0
        for article in queryset:
            try:
                move.run(article=article, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                model_admin.message_user(
                    request, f"{article.headline}: {messages_of(error)}", level=messages.ERROR
                )
            else:
                done += 1
        if done:
            singular, plural = move.bulk_done
            model_admin.message_user(request, ngettext(singular, plural, done) % done)

    action.__name__ = move.name
    return admin.action(description=move.bulk)(action)
