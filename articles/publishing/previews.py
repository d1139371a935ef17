"""Signed, expiring preview links for headless front-ends.

An editor asks for a link to a draft (or a pending change to a published article);
with it, a front-end fetches the article exactly as publishing would render it now,
through the public rendering (``snapshots.render``). Without a valid link: nothing.

A link is bound to the article as it was when the link was made: its edit version and
its preview generation. It stops working when the article is edited again (a link shows
what was shared, never later unpublished edits), when its previews are revoked (by an
editor, or by a withdrawal), when the article is withdrawn, and when it expires.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, ArticleStatus
from articles.publishing import snapshots

SALT = "newsroom.articles.preview"


class PreviewUnavailable(Exception):
    """The link is forged, expired, revoked or outdated; the message says which."""


def preview_token(article):
    """Return (token, expires_at) for previewing ``article`` as it is now."""
    payload = {
        "article": article.pk,
        "edit": article.version,
        "generation": article.preview_generation,
    }
    token = signing.dumps(payload, salt=SALT, compress=True)
    expires_at = timezone.now() + timedelta(seconds=settings.NEWSROOM_PREVIEW_SECONDS)
    return token, expires_at


def preview_document(token):
    """Return the would-be public document of the article ``token`` names.

    Raises PreviewUnavailable when the token is forged or expired, or no longer matches
    the article (edited since, revoked, withdrawn, deleted).
    """
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.NEWSROOM_PREVIEW_SECONDS)
    except signing.BadSignature:
        raise PreviewUnavailable(_("This preview link is invalid or has expired.")) from None
    if not isinstance(data, dict) or not isinstance(data.get("article"), int):
        raise PreviewUnavailable(_("This preview link is invalid or has expired."))
    article = Article.objects.with_body().filter(pk=data["article"]).first()
    if article is None or article.status == ArticleStatus.WITHDRAWN:
        raise PreviewUnavailable(_("This preview link is invalid or has expired."))
    if data.get("generation") != article.preview_generation:
        raise PreviewUnavailable(_("This preview link has been revoked."))
    if data.get("edit") != article.version:
        raise PreviewUnavailable(
            _("The article has changed since this preview link was made; ask for a new one.")
        )
    return snapshots.render(snapshots.freeze(article)).document


def previews_revoke(*, article):
    """Make every preview link of ``article`` issued so far stop working. Checks no
    permission: the desk's ``article_revoke_previews`` does, a withdrawal needs none."""
    with transaction.atomic():
        # update(): a revocation must not count as an edit of the article.
        Article.objects.filter(pk=article.pk).update(
            preview_generation=F("preview_generation") + 1
        )
    article.refresh_from_db(fields=["preview_generation"])
    return article
