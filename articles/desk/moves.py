"""The workflow moves, declared once: what each is called, what it runs, what it takes,
when it is offered, and how the desk presents it.

The admin's workflow panel, its bulk actions and the form that posts a move, and the
desk API's actions (``POST /api/v1/desk/articles/<id>/<api_path>/``) all iterate over
``MOVES``. A move is offered where its precondition (``articles.desk.workflow``, the
same function the service raises from) finds nothing to refuse.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from articles.desk import permissions, preconditions, workflow
from articles.desk.editing import local_time
from articles.desk.preconditions import Situation
from articles.models import CorrectionKind


@dataclass(frozen=True)
class Input:
    """One thing a move takes besides the article: its name, kind and whether it must
    be given. ``nullable`` inputs may be sent as null through the API (to lift or clear)."""

    name: str
    kind: str  # "text", "longtext", "datetime" or "choice"
    label: str
    required: bool = False
    nullable: bool = False
    choices: tuple = ()
    help: str = ""
    placeholder: str = ""


NOTE = Input("note", "text", _("Note for the newsroom"), help=_("Never public."))


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    service: object  # the workflow service: service(article=, user=, **inputs)
    refusal: object  # workflow precondition: refusal(Situation) -> error or None
    inputs: tuple = (NOTE,)
    fixed: dict = field(default_factory=dict)  # inputs the move always sends
    done: str = ""  # what the editor is told, formatted with the inputs
    api_path: str | None = None  # the desk API action; None: not an API action of its own
    api_summary: str = ""
    bulk: str = ""  # the admin's bulk action, if the move has one
    bulk_done: tuple = ()  # (singular, plural) with %d
    role: object = permissions.can_publish  # role(user): may their role ever make it?
    # Presentation in the admin's panel.
    layout: str = "more"  # "primary" (always open), "more" (folded), "inline" (a button)
    style: str = ""  # "go", "publish" or "danger"
    help: str = ""
    summary: str = ""  # the folded form's title
    live_label: str = ""  # the button's words when a version is live
    note_placeholder: str = _("Note (optional)")

    def refused(self, article, user, *, situation=None):
        """Return what would refuse this move now (before any input), or None."""
        return self.refusal(situation or Situation.of(article, user))

    def is_available(self, article, user, *, situation=None):
        return self.refused(article, user, situation=situation) is None

    def run(self, *, article, user, **inputs):
        """Make the move through its service; raises what the service raises."""
        values = {item.name: inputs[item.name] for item in self.inputs if item.name in inputs}
        return self.service(article=article, user=user, **values, **self.fixed)

    def message(self, inputs):
        values = {name: local_time(value) for name, value in inputs.items() if _is_time(value)}
        return str(self.done) % {**inputs, **values} if self.done else ""


def _is_time(value):
    return hasattr(value, "tzinfo") and hasattr(value, "hour")


MOVES = {
    move.name: move
    for move in [
        Move(
            "submit",
            _("Submit for review"),
            workflow.article_submit,
            preconditions.submit_refusal,
            done=_("Submitted for review. The editors have it now."),
            api_path="submit",
            api_summary="Submit for review.",
            bulk=_("Submit the selected drafts for review"),
            bulk_done=("%d article submitted.", "%d articles submitted."),
            role=permissions.can_create,
            layout="primary",
            style="go",
            note_placeholder=_("Note for the editors (optional)"),
        ),
        Move(
            "publish",
            _("Publish now"),
            workflow.article_publish,
            preconditions.publish_refusal,
            done=_("Published."),
            api_path="publish",
            api_summary="Publish now (an embargo still holds it back).",
            bulk=_("Publish the selected articles now"),
            bulk_done=("%d article published.", "%d articles published."),
            layout="primary",
            style="publish",
            live_label=_("Publish the saved text now"),
        ),
        Move(
            "return",
            _("Return to draft"),
            workflow.article_return_to_draft,
            preconditions.return_refusal,
            done=_("Returned to draft: its reporter can edit it again."),
            api_path="return-to-draft",
            api_summary="Send back to the reporter.",
            bulk=_("Return the selected articles to draft"),
            bulk_done=("%d article returned.", "%d articles returned."),
            role=permissions.can_return_to_draft,
            layout="primary",
            note_placeholder=_("What needs doing (for the reporter)"),
        ),
        Move(
            "schedule",
            _("Schedule"),
            workflow.article_schedule,
            preconditions.schedule_refusal,
            inputs=(Input("at", "datetime", _("Publish at"), required=True), NOTE),
            done=_("Scheduled for %(at)s."),
            api_path="schedule",
            api_summary="Publish at a future time.",
            summary=_("Schedule…"),
        ),
        Move(
            "embargo",
            _("Set embargo"),
            workflow.article_embargo,
            preconditions.embargo_refusal,
            inputs=(
                Input(
                    "until",
                    "datetime",
                    _("Hold back until"),
                    required=True,
                    nullable=True,
                    help=_("null lifts the embargo."),
                ),
                NOTE,
            ),
            done=_("Embargoed until %(until)s."),
            api_path="embargo",
            api_summary="Set or lift an embargo.",
            summary=_("Embargo…"),
        ),
        Move(
            "lift_embargo",
            _("Lift the embargo"),
            workflow.article_embargo,
            preconditions.lift_embargo_refusal,
            fixed={"until": None},
            done=_("Embargo lifted."),
            layout="inline",
        ),
        Move(
            "expiry",
            _("Set expiry"),
            workflow.article_set_expiry,
            preconditions.expiry_refusal,
            inputs=(
                Input(
                    "at",
                    "datetime",
                    _("Take down at"),
                    required=True,
                    nullable=True,
                    help=_("null clears the expiry."),
                ),
                NOTE,
            ),
            done=_("Will expire at %(at)s."),
            api_path="expiry",
            api_summary="Set or clear the expiry time.",
            summary=_("Expiry…"),
        ),
        Move(
            "clear_expiry",
            _("Clear the expiry"),
            workflow.article_set_expiry,
            preconditions.clear_expiry_refusal,
            fixed={"at": None},
            done=_("Expiry cleared."),
            layout="inline",
        ),
        Move(
            "correct",
            _("Add and republish"),
            workflow.article_add_correction,
            preconditions.correction_refusal,
            inputs=(
                Input(
                    "kind",
                    "choice",
                    _("Kind"),
                    required=True,
                    choices=tuple(CorrectionKind.choices),
                ),
                Input(
                    "text",
                    "longtext",
                    _("Public note"),
                    required=True,
                    placeholder=_(
                        "What readers are told, e.g. An earlier version of this article misspelt…"
                    ),
                ),
                NOTE,
            ),
            done=_("Public note added and the article republished."),
            api_path="corrections",
            api_summary="Attach a public correction, clarification or update, and republish.",
            summary=_("Add a public note…"),
            help=_(
                "The note is published with today's date, together with the article's saved text."
            ),
        ),
        Move(
            "unpublish",
            _("Unpublish"),
            workflow.article_unpublish,
            preconditions.unpublish_refusal,
            done=_("Unpublished: readers no longer see it."),
            api_path="unpublish",
            api_summary="Take off the public API.",
            bulk=_("Unpublish the selected articles"),
            bulk_done=("%d article unpublished.", "%d articles unpublished."),
            role=permissions.can_unpublish,
            style="danger",
            summary=_("Unpublish…"),
            help=_("Readers will get “not found”. Its published versions stay on record."),
            note_placeholder=_("Why (for the newsroom)"),
        ),
        Move(
            "withdraw",
            _("Withdraw"),
            workflow.article_withdraw,
            preconditions.withdraw_refusal,
            inputs=(
                Input(
                    "notice",
                    "longtext",
                    _("Public notice"),
                    required=True,
                    placeholder=_(
                        "Public notice shown instead, e.g. This article has been withdrawn "
                        "for legal reasons."
                    ),
                ),
                NOTE,
            ),
            done=_("Withdrawn: readers now get the notice instead."),
            api_path="withdraw",
            api_summary="Withdraw (kill) with a public notice.",
            role=permissions.can_withdraw,
            style="danger",
            summary=_("Withdraw (kill)…"),
            help=_("Final: the article can no longer be edited or published."),
            note_placeholder=_("Why (for the newsroom)"),
        ),
        Move(
            "revoke_previews",
            _("Revoke preview links"),
            workflow.article_revoke_previews,
            preconditions.revoke_previews_refusal,
            inputs=(),
            done=_("Preview links revoked: the links shared so far no longer work."),
            # The desk API has its own endpoint for it, answering 204: revoke-previews.
            role=permissions.can_view,
            layout="inline",
            help=_("Links made with the API for front-ends stop working."),
        ),
    ]
}


def available_moves(article, user):
    """Return the moves ``user`` may make on ``article`` now, in the desk's order."""
    situation = Situation.of(article, user)
    return [
        move for move in MOVES.values() if move.is_available(article, user, situation=situation)
    ]


__all__ = ["MOVES", "Input", "Move", "available_moves"]
