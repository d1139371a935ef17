"""A shared cache of public responses, never stale after a publication.

Keys carry the publication generation (``PublicationState``), which every publish,
unpublish, withdrawal or re-render bumps, so a republished article is never served
from an older entry. Entries also expire no later than the next scheduled change of
visibility. With Redis (``REDIS_URL``) all app servers share entries; with the
default local-memory cache each process keeps its own, still correct because the
generation is read from the database.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from articles import public_reads
from articles.models import PublicationState
from newsroom.api.http import etag_for, public_response


@dataclass(frozen=True)
class CachedResponse:
    status: int
    body: bytes
    etag: str
    last_modified: object = None
    surrogate_keys: tuple = ()
    content_type: str = "application/json"


def current_state():
    """Return the publication state, refreshing it if a scheduled change is due."""
    state = public_reads.publication_state()
    if state is None or state.is_stale():
        if state is None:
            PublicationState.objects.current()  # the first public read records one
        else:
            PublicationState.objects.bump()
        state = public_reads.publication_state()
    return state


def cached_public_response(request, variant, build, *, vary=()):
    """Serve ``build()``'s response for this request from the cache when possible.

    ``build`` returns a CachedResponse; ``variant`` names what the body depends on
    beyond the path and query (a negotiated language, say).
    """
    state = current_state()
    now = timezone.now()
    ttl = settings.NEWSROOM_RESPONSE_CACHE_SECONDS
    if state.next_change_at is not None:
        ttl = max(0, min(ttl, int((state.next_change_at - now).total_seconds())))
    address = hashlib.blake2b(f"{request.get_full_path()}|{variant}".encode(), digest_size=16)
    key = f"newsroom:response:{state.key}:{address.hexdigest()}"
    entry = cache.get(key) if settings.NEWSROOM_RESPONSE_CACHE else None
    if entry is None:
        entry = build()
        if settings.NEWSROOM_RESPONSE_CACHE and ttl > 0 and entry.status in {200, 404, 410}:
            cache.set(key, entry, ttl)
    return public_response(
        request,
        entry.body,
        etag=entry.etag,
        last_modified=entry.last_modified,
        surrogate_keys=entry.surrogate_keys,
        status=entry.status,
        content_type=entry.content_type,
        max_age=ttl,
        vary=vary,
    )


def make_response(
    body, *, status=200, last_modified=None, surrogate_keys=(), content_type="application/json"
):
    if isinstance(body, str):
        body = body.encode()
    return CachedResponse(
        status=status,
        body=body,
        etag=etag_for(body),
        last_modified=last_modified,
        surrogate_keys=tuple(surrogate_keys),
        content_type=content_type,
    )
