"""Who is asking: the client's address, as the rate limits and the login lockout see it."""

from rest_framework.throttling import BaseThrottle


def client_address(request):
    """Return the address of the client that sent ``request``.

    ``X-Forwarded-For`` is believed only as far as ``NUM_PROXIES`` (REST_FRAMEWORK) says
    proxies of ours stand in front: the entry the nearest of them appended. With none
    configured (the default) the header is the client's own words and is ignored, so a
    client cannot pick a fresh address for every request. DRF's own reading, shared
    here so the rate limits (newsroom.api.throttling) and django-axes (the login lockout,
    ``AXES_CLIENT_IP_CALLABLE``) agree on who a client is.
    """
    return BaseThrottle().get_ident(request)
