import time

from django.core.cache import cache
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from newsroom.clients import client_address


class ClientRateThrottle(BaseThrottle):
    """One rate limit per client: per user when logged in (the "user" rate), per
    address otherwise (the "anon" rate), from REST_FRAMEWORK's DEFAULT_THROTTLE_RATES.

    A fixed-window counter: one atomic increment in the cache per request (DRF's own
    throttles read and rewrite the list of every recent request's time, which grows
    with the rate). In Redis the count is shared by every app server.
    """

    THROTTLE_RATES = SimpleRateThrottle.THROTTLE_RATES
    parse_rate = SimpleRateThrottle.parse_rate

    def get_ident(self, request):
        return client_address(request)

    def allow_request(self, request, view):
        if request.user and request.user.is_authenticated:
            return self.allow("user", request.user.pk)
        return self.allow("anon", self.get_ident(request))

    def allow_anonymous(self, request):
        """The anonymous check for a plain Django request (the cached-reads fast path)."""
        return self.allow("anon", self.get_ident(request))

    def allow(self, scope, ident):
        rate = self.THROTTLE_RATES.get(scope)
        if rate is None:
            return True
        limit, duration = self.parse_rate(rate)
        now = time.time()
        window = int(now // duration)
        key = f"throttle:{scope}:{ident}:{window}"
        cache.add(key, 0, timeout=duration + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr: a new window
            cache.set(key, 1, timeout=duration + 1)
            count = 1
        self.retry_after = (window + 1) * duration - now
        return count <= limit

    def wait(self):
        return self.retry_after
