from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    """One rate limit per client: per user when logged in ("user" rate), per address
    otherwise ("anon" rate). One cache read and write per request, not two."""

    def get_rate(self):
        return None  # chosen per request in allow_request

    def allow_request(self, request, view):
        authenticated = bool(request.user and request.user.is_authenticated)
        self.scope = "user" if authenticated else "anon"
        self.rate = self.THROTTLE_RATES.get(self.scope)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            ident = request.user.pk
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
