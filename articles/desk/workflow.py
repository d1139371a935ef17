"""Workflow services: every move of an article from draft to the public and back.

    draft --submit--> in review --publish--> published
      ^                  |                     |  \\--withdraw--> withdrawn (410 + notice)
      '----return--------'<------return--------'
    publish at a future time (schedule) or behind an embargo: "scheduled" until then.

Each service is keyword-only and atomic, checks the user's permission itself
(``PermissionDenied``) and the move's validity (``ValidationError`` with a sentence an
editor can act on), and changes nothing when it refuses. Each records who, when, from
which state to which, and a note in ``ArticleTransition``.

What a move needs before any input is given (who may make it, from which state) is
written once per move, in ``articles.desk.preconditions``: the service raises what it
returns, and ``articles.desk.moves`` offers the move only where it finds nothing.

Visibility is decided when the public API reads (``ArticleVersion.objects.public()``
compares ``visible_from``/``visible_until`` with the clock), so a scheduled story
appears, an embargo lifts and an expired story disappears at the right moment with no
job to run or to miss.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from articles import publishing
from articles.desk.editing import local_time
from articles.desk.preconditions import (
    Situation,
    clear_expiry_refusal,
    correction_refusal,
    embargo_refusal,
    expiry_refusal,
    lift_embargo_refusal,
    publish_refusal,
    return_refusal,
    revoke_previews_refusal,
    schedule_refusal,
    submit_refusal,
    unpublish_refusal,
    withdraw_refusal,
)
from articles.models import (
    ArticleStatus,
    ArticleTransition,
    Correction,
    CorrectionKind,
    TransitionAction,
    Visibility,
)
from articles.publishing.previews import previews_revoke

# --- Helpers ------------------------------------------------------------------------------------


def _lock(article, user, refusal, *, now=None):
    """Lock ``article`` (with its translations: the lock every publication move and render
    takes), check the move's precondition on it as locked, and return the Situation."""
    article = publishing.article_lock(article)
    situation = Situation.of(article, user, now=now)
    if (error := refusal(situation)) is not None:
        raise error
    return situation


def _log(article, action, from_status, user, note="", **details):
    return ArticleTransition.objects.create(
        article=article,
        action=action,
        from_status=from_status,
        to_status=article.status,
        user=user,
        note=note,
        details={key: _json(value) for key, value in details.items()},
    )


def _json(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _set_status(article, status, user):
    article.status = status
    article.updated_by = user
    article.save(update_fields=["status", "updated_by", "updated_at"])


def _future(at, now, message):
    if at is None or at <= now:
        raise ValidationError(message % {"at": local_time(at) if at else _("no time")})


# --- Review ----------------------------------------------------------------------------------


def article_submit(*, article, user, note=""):
    """Hand a draft to the editors: draft -> in review. The reporter can no longer edit it."""
    with transaction.atomic():
        article = _lock(article, user, submit_refusal).article
        if not article.blocks.exists():  # what is saved, not who asks: not a precondition
            raise ValidationError(_("The article has no body yet; write it before submitting."))
        before = article.status
        _set_status(article, ArticleStatus.IN_REVIEW, user)
        _log(article, TransitionAction.SUBMITTED, before, user, note)
    return article


def article_return_to_draft(*, article, user, note=""):
    """Send an article back to its reporter for more work: in review (or published, or
    scheduled) -> draft. A published version stays public until someone publishes again
    or unpublishes it."""
    with transaction.atomic():
        article = _lock(article, user, return_refusal).article
        before = article.status
        _set_status(article, ArticleStatus.DRAFT, user)
        _log(article, TransitionAction.RETURNED, before, user, note)
    return article


# --- Publication -----------------------------------------------------------------------------


def article_publish(*, article, user, note=""):
    """Publish the article's current content now, as its new live version.

    Returns the ArticleVersion. An embargo on the article still holds it back.
    """
    with transaction.atomic():
        article = _lock(article, user, publish_refusal).article
        before = article.status
        version = publishing.version_publish(article=article, user=user, note=note)
        article.refresh_from_db()
        _log(
            article,
            TransitionAction.PUBLISHED,
            before,
            user,
            note,
            version=version.number,
            visible_from=version.visible_from,
        )
    return version


def article_schedule(*, article, user, at, note=""):
    """Publish the article's current content so that it appears at ``at`` (a future,
    time-zone aware moment). Its status reads "scheduled" until then and "published"
    after, without any job running."""
    with transaction.atomic():
        situation = _lock(article, user, schedule_refusal)
        article = situation.article
        _future(at, situation.now, _("A scheduled time must be in the future; %(at)s has passed."))
        before = article.status
        version = publishing.version_publish(article=article, user=user, note=note, at=at)
        article.refresh_from_db()
        _log(
            article,
            TransitionAction.SCHEDULED,
            before,
            user,
            note,
            version=version.number,
            at=at,
            visible_from=version.visible_from,
        )
    return version


def article_unpublish(*, article, user, note=""):
    """Take the article off the public API (it reads "not found" there); its published
    versions stay on record and the article goes back to draft."""
    with transaction.atomic():
        article = _lock(article, user, unpublish_refusal).article
        before = article.status
        publishing.version_unpublish(article=article, user=user)
        article.refresh_from_db()
        _log(article, TransitionAction.UNPUBLISHED, before, user, note)
    return article


def article_withdraw(*, article, user, notice, note=""):
    """Kill a published article: readers get 410 Gone with ``notice`` instead of it.

    The article and every published version stay on record; it can no longer be edited
    or published, and its preview links stop working.
    """
    with transaction.atomic():
        situation = _lock(article, user, withdraw_refusal)
        article = situation.article
        if not (notice or "").strip():
            raise ValidationError(_("Write the notice readers will see in its place."))
        publishing.version_withdraw(article=article, notice=notice.strip(), at=situation.now)
        previews_revoke(article=article)
        before = article.status
        _set_status(article, ArticleStatus.WITHDRAWN, user)
        _log(article, TransitionAction.WITHDRAWN, before, user, note, notice=notice.strip())
    return article


def article_add_correction(*, article, user, kind, text, note=""):
    """Attach a typed public note (correction, clarification, update) to a published
    article and republish its current content, so readers get the note with its date.

    Returns the Correction.
    """
    with transaction.atomic():
        article = _lock(article, user, correction_refusal).article
        if kind not in CorrectionKind.values:
            raise ValidationError(
                _("A public note is a correction, a clarification or an update.")
            )
        if not (text or "").strip():
            raise ValidationError(_("Write the text of the note readers will see."))
        correction = Correction.objects.create(
            article=article, kind=kind, text=text.strip(), created_by=user
        )
        before = article.status
        version = publishing.version_publish(article=article, user=user, note=note)
        article.refresh_from_db()
        _log(
            article,
            TransitionAction.CORRECTED,
            before,
            user,
            note,
            kind=kind,
            text=correction.text,
            version=version.number,
        )
    return correction


# --- Embargo and expiry ----------------------------------------------------------------------


def article_embargo(*, article, user, until, note=""):
    """Hold the article back until ``until`` (a future, time-zone aware moment), or lift
    the embargo (``until=None``). Applies to the next publication, and to a scheduled
    version not yet visible. Refuses a time in the past, an embargo on an article that
    is already public, and one on an article that could not be published."""
    with transaction.atomic():
        situation = _lock(article, user, embargo_refusal if until else lift_embargo_refusal)
        article, live, now = situation.article, situation.live, situation.now
        if until is not None:
            _future(until, now, _("An embargo must lift in the future; %(at)s has passed."))
            if article.expires_at is not None and article.expires_at <= until:
                raise ValidationError(
                    _("The embargo would lift after the article expires (%(at)s).")
                    % {"at": local_time(article.expires_at)}
                )
            problems = publishing.publication_problems(article, at=until)
            if problems:
                raise ValidationError(
                    [_("This article cannot be published, so it cannot be embargoed:"), *problems]
                )
        before_until = article.embargo_until
        article.embargo_until = until
        article.updated_by = user
        if situation.visibility == Visibility.WAITING:
            # The version waiting to appear moves with the embargo.
            start = max(live.published_at, now, until or now)
            moved = publishing.version_set_window(article=article, visible_from=start, at=now)
            article.first_published_at = moved.first_published_at
            if moved.visible_from <= now:
                article.status = ArticleStatus.PUBLISHED
        article.save(
            update_fields=[
                "embargo_until",
                "first_published_at",
                "status",
                "updated_by",
                "updated_at",
            ]
        )
        if until is None:
            _log(
                article,
                TransitionAction.EMBARGO_LIFTED,
                article.status,
                user,
                note,
                was=before_until,
            )
        else:
            _log(article, TransitionAction.EMBARGOED, article.status, user, note, until=until)
    return article


def article_set_expiry(*, article, user, at, note=""):
    """Make the article disappear from the public API at ``at`` (a future, time-zone
    aware moment), or never (``at=None``). Applies to the live version at once, and
    its formats say so (ninjs ``expires``)."""
    with transaction.atomic():
        situation = _lock(article, user, expiry_refusal if at else clear_expiry_refusal)
        article, live, now = situation.article, situation.live, situation.now
        if at is not None:
            _future(at, now, _("An expiry time must be in the future; %(at)s has passed."))
            if article.embargo_until is not None and at <= article.embargo_until:
                raise ValidationError(
                    _("The article cannot expire before its embargo lifts (%(at)s).")
                    % {"at": local_time(article.embargo_until)}
                )
            if live is not None and at <= live.visible_from:
                raise ValidationError(
                    _("The article cannot expire before it appears (%(at)s).")
                    % {"at": local_time(live.visible_from)}
                )
        article.expires_at = at
        article.updated_by = user
        article.save(update_fields=["expires_at", "updated_by", "updated_at"])
        if live is not None:
            publishing.version_set_window(article=article, visible_until=at, at=now)
        action = TransitionAction.EXPIRY_SET if at else TransitionAction.EXPIRY_CLEARED
        _log(article, action, article.status, user, note, at=at)
    return article


# --- Preview links -----------------------------------------------------------------------------


def article_revoke_previews(*, article, user):
    """Make every preview link of ``article`` made so far stop working (a withdrawal does
    it too). Whoever may preview the article may revoke its links."""
    if (error := revoke_previews_refusal(Situation.of(article, user))) is not None:
        raise error
    return previews_revoke(article=article)


# --- Reading the state -----------------------------------------------------------------------


def desk_state(article, *, at=None):
    """Return the article's state as the desk should see it *now*: its editorial status
    while it is a draft or in review, else what readers see of its live version
    (published, scheduled, embargoed, expired, withdrawn). Computed at read time, so it
    is right the moment a schedule, embargo or expiry passes. Lists fetch the live
    versions along with ``Article.objects.with_live_version()``.
    """
    if article.status in {ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW}:
        return article.get_status_display()
    live = article.live_version
    visibility = live.visibility(at) if live is not None else Visibility.DOWN
    if visibility == Visibility.WITHDRAWN or article.status == ArticleStatus.WITHDRAWN:
        return _("Withdrawn")
    if visibility == Visibility.EXPIRED:
        return _("Expired")
    if visibility == Visibility.WAITING:
        if article.embargo_until is not None and article.embargo_until >= live.visible_from:
            return _("Embargoed")
        return _("Scheduled")
    if visibility == Visibility.PUBLIC:
        return _("Published")
    return article.get_status_display()
