"""Answer anonymous public reads from the response cache before the framework runs.

A hit costs what the cache costs: the publication state (one indexed query), one or
two cache reads and the rate-limit count; no URL routing, no DRF request, no
authentication. Everything else, misses included, goes on to the views, which fill
the cache through the same functions (articles.public_cache), so both paths answer
alike. Sits last in MIDDLEWARE so every other middleware still sees the request and
adds its headers.
"""

from django.conf import settings

from articles.delivery import cache as public_cache
from newsroom.api.throttling import ClientRateThrottle

PUBLIC_PREFIXES = ("/api/v1/", "/feeds/", "/sitemap")


class CachedPublicReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.may_answer(request):
            state = public_cache.request_state(request)  # the views reuse it on a miss
            entry = public_cache.lookup(request, state)
            # Over its rate limit, the client goes on to the views for the usual 429.
            if entry is not None and ClientRateThrottle().allow_anonymous(request):
                return public_cache.respond(request, state, entry)
        return self.get_response(request)

    @staticmethod
    def may_answer(request):
        # Only requests that carry no credentials: a logged-in user, a token or a
        # preview link always reaches the views and their permission checks.
        return (
            settings.NEWSROOM_RESPONSE_CACHE
            and request.method == "GET"
            and request.path.startswith(PUBLIC_PREFIXES)
            and "authorization" not in request.headers
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
