"""Content languages: which ones the newsroom writes in, and how to name them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from rest_framework import exceptions as drf_exceptions


def language_choices():
    """Return ``(code, name)`` pairs for the configured content languages.

    A callable, so model fields read the setting when forms are built, not at import.
    """
    return [(code, get_language_info(code)["name"]) for code in settings.NEWSROOM_LANGUAGES]


def default_language():
    return settings.NEWSROOM_DEFAULT_LANGUAGE


def validate_content_language(value):
    """Refuse a language the newsroom does not write in: the one check and the one
    message for model fields, serializers and query parameters alike."""
    if value not in settings.NEWSROOM_LANGUAGES:
        raise ValidationError(
            _("Not a content language here; use one of: %(languages)s.")
            % {"languages": ", ".join(settings.NEWSROOM_LANGUAGES)},
            code="invalid_language",
        )
    return value


def query_language(request, name="lang"):
    """Return the content language a query parameter asks for, or None when absent;
    a 400 naming the parameter when it is not one."""
    value = request.query_params.get(name)
    if value is None:
        return None
    try:
        return validate_content_language(value)
    except ValidationError as error:
        raise drf_exceptions.ValidationError({name: error.messages}) from None
