"""Signed, expiring preview links for headless front-ends.

An editor asks for a link to a draft (or a pending change to a published article);
with it, a front-end fetches the article exactly as publishing would render it now,
through the public rendering (``snapshots.render``). Without a valid link: nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from articles import snapshots
from articles.models import Article

SALT = "newsroom.articles.preview"


class PreviewUnavailable(Exception):
    pass


def preview_token(article):
    """Return (token, expires_at) for previewing ``article`` for the configured time."""
    token = signing.dumps({"article": article.pk}, salt=SALT, compress=True)
    expires_at = timezone.now() + timedelta(seconds=settings.NEWSROOM_PREVIEW_SECONDS)
    return token, expires_at


def preview_document(token):
    """Return the would-be public document of the article ``token`` names.

    Raises PreviewUnavailable when the token is forged, expired, or its article gone.
    """
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.NEWSROOM_PREVIEW_SECONDS)
    except signing.BadSignature:
        raise PreviewUnavailable from None
    article = Article.objects.with_body().filter(pk=data.get("article")).first()
    if article is None:
        raise PreviewUnavailable
    return snapshots.render(snapshots.freeze(article)).document
