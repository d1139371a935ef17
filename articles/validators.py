from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from newsroom.numbers import is_whole_number


def validate_not_numeric(value):
    """Refuse all-digit slugs: ``/articles/<id>/`` and ``/articles/<slug>/`` share a URL."""
    if is_whole_number(value):
        raise ValidationError(
            _("A slug cannot be only digits; add a word."), code="numeric_slug", params={}
        )
