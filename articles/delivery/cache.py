"""A shared cache of public responses, never stale after a publication.

Keys carry the publication generation (``PublicationState``), which every publish,
unpublish, withdrawal or re-render bumps, so a republished article is never served
from an older entry. Entries also expire no later than the next scheduled change of
visibility. With Redis (``REDIS_URL``) all app servers share entries; with the
default local-memory cache each process keeps its own, still correct because the
generation is read from the database.
"""

import hashlib
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from articles.delivery import public_reads
from articles.publishing import publication_state_refresh
from newsroom.api.http import etag_for, public_response

CACHEABLE = frozenset({200, 404, 410})


@dataclass(frozen=True)
class CachedResponse:
    status: int
    body: bytes
    etag: str
    last_modified: object = None
    surrogate_keys: tuple = ()
    content_type: str = "application/json"
    vary: tuple = ()


@dataclass(frozen=True)
class Varies:
    """Stands at an address whose response varies on these request headers."""

    headers: tuple


def current_state():
    """Return the publication state, refreshing it if a scheduled change is due."""
    state = public_reads.publication_state()
    if state is None or state.is_stale():
        publication_state_refresh()  # the publishing side owns the generation
        state = public_reads.publication_state()
    return state


def cached_public_response(request, build, *, vary=()):
    """Serve ``build()``'s response for this request from the cache when possible.

    ``build`` returns a CachedResponse; ``vary`` names the request headers the body
    depends on beyond the address (Accept-Language, say), as the response's Vary says.
    """
    state = request_state(request)
    entry = lookup(request, state)
    if entry is None:
        entry = replace(build(), vary=tuple(vary))
        store(request, state, entry)
    return respond(request, state, entry)


def request_state(request):
    """The publication state for this request, read once (the fast path may have)."""
    state = getattr(request, "_newsroom_state", None)
    if state is None:
        state = request._newsroom_state = current_state()
    return state


def lookup(request, state):
    """Return the cached response for this request, or None.

    Like an HTTP cache: the entry at the address may say which request headers the
    response varies on; then the entry for this request's values of them is read.
    """
    if not settings.NEWSROOM_RESPONSE_CACHE:
        return None
    address = _address(request)
    entry = cache.get(_key(state, request, address))
    if isinstance(entry, Varies):
        entry = cache.get(_key(state, request, address, entry.headers))
    return entry


def store(request, state, entry):
    ttl = _ttl(state)
    if not settings.NEWSROOM_RESPONSE_CACHE or ttl <= 0 or entry.status not in CACHEABLE:
        return
    address = _address(request)
    if entry.vary:
        cache.set_many(
            {
                _key(state, request, address): Varies(entry.vary),
                _key(state, request, address, entry.vary): entry,
            },
            ttl,
        )
    else:
        cache.set(_key(state, request, address), entry, ttl)


def respond(request, state, entry):
    return public_response(
        request,
        entry.body,
        etag=entry.etag,
        last_modified=entry.last_modified,
        surrogate_keys=entry.surrogate_keys,
        status=entry.status,
        content_type=entry.content_type,
        max_age=_ttl(state),
        vary=entry.vary,
    )


def _ttl(state):
    """Seconds an entry may live: never past the next scheduled change of visibility."""
    ttl = settings.NEWSROOM_RESPONSE_CACHE_SECONDS
    if state.next_change_at is not None:
        remaining = (state.next_change_at - timezone.now()).total_seconds()
        ttl = max(0, min(ttl, int(remaining)))
    return ttl


def _address(request):
    # The scheme and host belong to the address: bodies carry absolute links
    # (pagination's "next") to this API as the client reached it.
    return request.build_absolute_uri()


def _key(state, request, address, headers=()):
    values = "|".join(f"{name}={request.headers.get(name, '')}" for name in headers)
    digest = hashlib.blake2b(f"{address}|{values}".encode(), digest_size=16).hexdigest()
    return f"newsroom:response:{state.key}:{digest}"


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
