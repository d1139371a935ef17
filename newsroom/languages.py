"""Content languages: which ones the newsroom writes in, and how to name them."""

from django.conf import settings
from django.utils.translation import get_language_info


def language_choices():
    """Return ``(code, name)`` pairs for the configured content languages.

    A callable, so model fields read the setting when forms are built, not at import.
    """
    return [(code, get_language_info(code)["name"]) for code in settings.NEWSROOM_LANGUAGES]


def default_language():
    return settings.NEWSROOM_DEFAULT_LANGUAGE
