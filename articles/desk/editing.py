"""Editing services: save an article without overwriting anyone's work, translate it.

Every save of an article states which edit version it started from
(``expected_version``, the ``Article.version`` the editor loaded). The save claims the
row with ``UPDATE ... WHERE version = expected`` inside the transaction; when someone
else saved in between, nothing is written and ``EditConflict`` names who changed it and
when. The admin sends the version in a hidden field; the write API will take it from
``If-Match``.
"""

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.desk import permissions
from articles.models import Article, ArticleStatus, Block, Byline


def local_time(value):
    """Format ``value`` in the newsroom's time zone, naming the zone."""
    value = timezone.localtime(value)
    return f"{value:%d %b %Y, %H:%M} ({value.tzname()})"


def user_name(user):
    if user is None:
        return _("someone")
    return user.get_full_name() or user.get_username()


class EditConflict(ValidationError):
    """Someone saved the article after the editor opened it; nothing was written."""

    def __init__(self, *, current, expected_version):
        self.current = current
        self.expected_version = expected_version
        message = _(
            "%(who)s changed this article at %(when)s (edit %(version)s) after you opened "
            "edit %(expected)s. Your changes have not been saved, and theirs have not been "
            "overwritten: copy what you typed, reload the article, and apply it again."
        ) % {
            "who": user_name(current.updated_by),
            "when": local_time(current.updated_at),
            "version": current.version,
            "expected": expected_version,
        }
        super().__init__(message, code="edit_conflict")


def article_claim(*, article, expected_version):
    """Lock ``article``'s row for this transaction if it is still at ``expected_version``.

    Raises EditConflict otherwise. Must run inside a transaction: the lock (a row lock on
    PostgreSQL, the write lock on SQLite) holds until it ends, so no save can slip in
    between the check and the write.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("article_claim() must run inside transaction.atomic().")
    claimed = Article.objects.filter(pk=article.pk, version=expected_version).update(
        version=F("version")
    )
    if not claimed:
        current = Article.objects.select_related("updated_by").get(pk=article.pk)
        raise EditConflict(current=current, expected_version=expected_version)


def require_write_permission(*, user, article=None):
    """Raise PermissionDenied unless ``user`` may create an article (``article`` None or
    unsaved) or edit ``article`` as stored; return the stored article (or None).

    Every write asks this before it looks at the input: a refusal must not depend on,
    and so not reveal, what the input would have run into (a slug in use, say).
    """
    if article is None or article.pk is None:
        if not permissions.can_create(user):
            raise PermissionDenied(_("You may not create articles."))
        return None
    stored = Article.objects.get(pk=article.pk)
    if not permissions.can_edit(user, stored):
        raise PermissionDenied(edit_refusal(user, stored))
    return stored


def article_save(*, article, user, expected_version=None, comment=""):
    """Save ``article`` (new or edited) as ``user`` and record a revision.

    ``expected_version`` is required for an existing article: the edit version the user
    started from. Raises PermissionDenied if ``user`` may not edit the article as stored,
    EditConflict if someone saved it since. Callers validate the input first (the admin
    form and the API serializer do).
    """
    with transaction.atomic(), reversion.create_revision():
        stored = require_write_permission(user=user, article=article)
        if stored is None:
            article.created_by = article.created_by or user
        else:
            if expected_version is None:
                raise ValueError("Saving an existing article needs its expected_version.")
            article_claim(article=article, expected_version=expected_version)
            stored = Article.objects.get(pk=article.pk)  # as locked: nothing moves now
            article.version = expected_version  # save() moves it on by one
            # What the workflow owns is never changed by an edit.
            for name in ("status", "first_published_at", "published_at", "created_by_id"):
                setattr(article, name, getattr(stored, name))
        linked = article.translation_of_id
        was_linked = stored.translation_of_id if stored is not None else None
        if (
            linked
            and linked != was_linked
            and not permissions.may_link_translation(user, article.translation_of)
        ):
            raise ValidationError({"translation_of": _("Choose an article you can read.")})
        article.updated_by = user
        article.save()
        reversion.set_user(user)
        reversion.set_comment(comment or _("Saved."))
        reversion.add_to_revision(article)
    return article


def edit_refusal(user, article):
    """Say, in an editor's words, why ``user`` may not edit ``article``."""
    if article.status == ArticleStatus.WITHDRAWN:
        return _("This article has been withdrawn; its record is kept as it is.")
    if article.created_by_id != getattr(user, "pk", None):
        return _("Only editors may change an article someone else wrote.")
    return _(
        "This article is %(status)s: a reporter may change it again once an editor "
        "returns it to draft."
    ) % {"status": article.get_status_display().lower()}


def article_translate(*, article, user, language):
    """Start a translation of ``article`` into ``language``: a new draft linked to the
    original, with its text and body copied for the translator to replace.

    Returns the new article. Refuses (ValidationError) a language the family already has.
    """
    if not permissions.can_create(user):
        raise PermissionDenied(_("You may not create articles."))
    original = article.translation_of or article
    with transaction.atomic(), reversion.create_revision():
        if original.translation_family().filter(language=language).exists():
            raise ValidationError(
                _("This article already has a %(language)s version.") % {"language": language}
            )
        translation = Article(
            **{name: getattr(article, name) for name in ARTICLE_FIELDS},
            created_by=user,
            updated_by=user,
        )
        translation.language, translation.translation_of = language, original
        translation.full_clean()
        translation.save()
        translation.tags.set(article.tags.all())
        translation.people.set(article.people.all())
        for byline in article.bylines.all():
            Byline.objects.create(
                article=translation,
                position=byline.position,
                person=byline.person,
                agency=byline.agency,
            )
        for block in article.blocks.filter(quote__isnull=True):
            Block.objects.create(
                article=translation,
                position=block.position,
                **{name: getattr(block, name) for name in Block.CONTENT_FIELDS},
            )
        reversion.set_user(user)
        reversion.set_comment(_("Translation started from %(original)s.") % {"original": article})
        reversion.add_to_revision(translation)
    return translation


# --- The fields an edit may change ---------------------------------------------------------

ARTICLE_FIELDS = (
    "language",
    "translation_of",
    "kicker",
    "headline",
    "slug",
    "dek",
    "section",
    "lead_photo",
    "dateline",
    "source",
)


__all__ = [
    "ARTICLE_FIELDS",
    "EditConflict",
    "article_claim",
    "article_save",
    "article_translate",
    "edit_refusal",
    "local_time",
    "require_write_permission",
]
