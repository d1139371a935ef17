"""What each workflow move needs before any input is given: who may make it, and from
which state. One function per move, ``<move>_refusal(situation)``, returning the error
that refuses it or None. The workflow service raises what it returns, and the desk
(``articles.desk.moves``) offers the move only where it returns None: the precondition
is written once.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.desk import permissions
from articles.models import Article, ArticleStatus, ArticleVersion, Visibility


@dataclass(frozen=True)
class Situation:
    """An article, who asks, its live version and the moment: what a move's
    preconditions read."""

    article: Article
    user: AbstractBaseUser | AnonymousUser
    live: ArticleVersion | None
    now: datetime

    @classmethod
    def of(cls, article, user, *, now=None):
        return cls(
            article=article, user=user, live=article.live_version, now=now or timezone.now()
        )

    @property
    def visibility(self):
        return self.live.visibility(self.now) if self.live is not None else Visibility.DOWN

    @property
    def withdrawn(self):
        return self.article.status == ArticleStatus.WITHDRAWN


def _refused(message):
    return PermissionDenied(message)


def _invalid(message):
    return ValidationError(message)


def _never_again(situation):
    if situation.withdrawn:
        return _invalid(
            _("This article has been withdrawn; a withdrawn article is never published again.")
        )
    return None


# --- Preconditions: one per move, read by the service and by the desk's offer ---------------


def submit_refusal(s):
    if not permissions.can_submit(s.user, s.article):
        return _refused(_("You may not submit this article."))
    if s.article.status != ArticleStatus.DRAFT:
        return _invalid(
            _("Only a draft can be submitted for review; this article is %(status)s.")
            % {"status": s.article.get_status_display().lower()}
        )
    return None


def return_refusal(s):
    if not permissions.can_return_to_draft(s.user, s.article):
        return _refused(_("Only editors may return an article to draft."))
    if s.article.status not in {
        ArticleStatus.IN_REVIEW,
        ArticleStatus.PUBLISHED,
        ArticleStatus.SCHEDULED,
    }:
        return _invalid(
            _("Only an article in review or published can be returned; this one is %(s)s.")
            % {"s": s.article.get_status_display().lower()}
        )
    return None


def publish_refusal(s):
    if not permissions.can_publish(s.user, s.article):
        return _refused(_("You may not publish articles."))
    return _never_again(s)


def schedule_refusal(s):
    if not permissions.can_schedule(s.user, s.article):
        return _refused(_("You may not schedule articles."))
    if s.visibility == Visibility.PUBLIC:
        return _invalid(
            _(
                "This article is public now: scheduling would take it offline until "
                "then. Publish the update now, or unpublish it first."
            )
        )
    return _never_again(s)


def unpublish_refusal(s):
    if not permissions.can_unpublish(s.user, s.article):
        return _refused(_("You may not unpublish articles."))
    if s.withdrawn:
        return _invalid(_("This article has been withdrawn; its public notice stays in place."))
    if s.live is None:
        return _invalid(_("The article is not published."))
    return None


def withdraw_refusal(s):
    if not permissions.can_withdraw(s.user, s.article):
        return _refused(_("You may not withdraw articles."))
    if s.live is None or s.visibility == Visibility.WITHDRAWN:
        return _invalid(_("Only a published article can be withdrawn."))
    if s.visibility == Visibility.WAITING:
        return _invalid(
            _("This article has not appeared yet: unpublish it instead of withdrawing it.")
        )
    return None


def correction_refusal(s):
    if not (permissions.can_add_correction(s.user, s.article) and permissions.can_publish(s.user)):
        return _refused(_("You may not attach public notes."))
    if refusal := _never_again(s):
        return refusal
    if s.live is None:
        return _invalid(_("Only a published article takes public notes; publish it first."))
    return None


def embargo_refusal(s):
    if not permissions.can_schedule(s.user, s.article):
        return _refused(_("You may not set embargoes."))
    if s.visibility == Visibility.PUBLIC:
        return _invalid(_("This article is already public: an embargo cannot hold it back now."))
    return _never_again(s)


def lift_embargo_refusal(s):
    if not permissions.can_schedule(s.user, s.article):
        return _refused(_("You may not set embargoes."))
    if refusal := _never_again(s):
        return refusal
    if s.article.embargo_until is None:
        return _invalid(_("This article has no embargo to lift."))
    return None


def expiry_refusal(s):
    if not permissions.can_schedule(s.user, s.article):
        return _refused(_("You may not set expiry times."))
    return _never_again(s)


def clear_expiry_refusal(s):
    if refusal := expiry_refusal(s):
        return refusal
    if s.article.expires_at is None:
        return _invalid(_("This article has no expiry to clear."))
    return None


def revoke_previews_refusal(s):
    if not permissions.can_preview(s.user, s.article):
        return _refused(_("You may not manage this article's previews."))
    return None
