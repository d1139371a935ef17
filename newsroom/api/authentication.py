from django.conf import settings
from drf_spectacular import authentication as openapi_authentication
from rest_framework import authentication


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication, with CSRF checks; a request without a session
    cookie is anonymous without opening the session, so public answers do not tell
    shared caches ``Vary: Cookie`` (Django's session middleware adds it to any response
    whose request read the session)."""

    def authenticate(self, request):
        if settings.SESSION_COOKIE_NAME not in request._request.COOKIES:
            return None
        return super().authenticate(request)


class SessionScheme(openapi_authentication.SessionScheme):
    """The OpenAPI description of the above: the admin's session cookie."""

    target_class = SessionAuthentication
