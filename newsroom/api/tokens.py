"""Log in to the API: a username and password for an expiring token (django-rest-knox).

Passwords are checked by ``django.contrib.auth.authenticate`` with the request, so the
login lockout (django-axes, newsroom.logins) counts these attempts with the admin's:
past the limit the answer is a 429 whatever the password.
"""

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.views import LoginView, LogoutView
from rest_framework import serializers
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.permissions import AllowAny

from newsroom.api.authentication import TokenAuthentication
from newsroom.api.schema import ErrorSerializer
from newsroom.api.views import StrictQueryParamsMixin


class TokenLoginSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(
        max_length=4096, trim_whitespace=False, write_only=True, style={"input_type": "password"}
    )

    def validate(self, data):
        # The Django request, not DRF's: django-axes marks a locked-out client on it.
        request = self.context["request"]._request
        user = authenticate(request, username=data["username"], password=data["password"])
        if user is None:
            raise serializers.ValidationError(
                "Unable to log in with this username or password.", code="invalid"
            )
        return {"user": user}


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send it as: Authorization: Token <token>.")
    expiry = serializers.DateTimeField(help_text="The token stops working at this moment.")


class TokenLoginView(StrictQueryParamsMixin, LoginView):
    """Exchange a username and password for a token that expires."""

    # The credentials are in the body; a session cookie or an old token plays no part.
    authentication_classes = []
    permission_classes = [AllowAny]
    # JSON from scripts, or a plain HTML form; nothing here is a file.
    parser_classes = [JSONParser, FormParser]

    @extend_schema(
        summary="Log in: a username and password for an API token",
        request=TokenLoginSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Wrong or missing credentials."),
            415: OpenApiResponse(ErrorSerializer, description="Not JSON or form data."),
            429: OpenApiResponse(
                ErrorSerializer,
                description="Too many failed logins for this user or address: locked out "
                "for a while (Retry-After), or too many requests.",
            ),
        },
        auth=[],
    )
    def post(self, request, format=None):
        serializer = TokenLoginSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        request.user = serializer.validated_data["user"]
        return super().post(request, format=format)


class TokenLogoutView(StrictQueryParamsMixin, LogoutView):
    """Revoke the token this request is made with."""

    authentication_classes = [TokenAuthentication]

    @extend_schema(
        summary="Log out: revoke the token sent with this request",
        request=None,
        responses={
            204: None,
            401: OpenApiResponse(ErrorSerializer, description="No valid token."),
        },
    )
    def post(self, request, format=None):
        return super().post(request, format=format)
