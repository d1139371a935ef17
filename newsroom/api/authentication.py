from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular import authentication as openapi_authentication
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox import auth as knox_auth
from rest_framework import authentication, exceptions


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


class TokenAuthentication(knox_auth.TokenAuthentication):
    """django-rest-knox's hashed, expiring tokens (``Authorization: Token <key>``). A key
    that is not even text (bytes outside UTF-8 in the header) is a wrong key: 401."""

    def authenticate_credentials(self, token):
        try:
            token.decode("utf-8")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        return super().authenticate_credentials(token)


class TokenScheme(KnoxTokenScheme):
    """The OpenAPI description of the above: knox's own (drf-spectacular's contrib)."""

    target_class = TokenAuthentication
