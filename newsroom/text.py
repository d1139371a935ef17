"""Text a database can store, checked before it reaches one.

PostgreSQL text cannot hold the NUL character (U+0000): a query carrying one fails inside
the driver. Neither database can hold a lone UTF-16 surrogate (U+D800 to U+DFFF), which
JSON's ``"\\ud800"`` escapes produce and UTF-8 cannot encode. Any such value is bad input,
whatever it was meant to name: nothing stored can equal it, and nothing may store it.
Forms refuse NUL already (Django's CharField); lookups by a value from a URL, a cursor,
a header or a JSON body go through here.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_reason(value):
    """Return why ``value`` (a str) cannot be stored, in an editor's words, or None."""
    found = UNSTORABLE.search(value)
    if found is None:
        return None
    if found.group() == "\x00":
        return _("Contains a NUL character (U+0000), which no text here can hold.")
    return _("Contains a lone surrogate (U+%(code)04X), which is not a character.") % {
        "code": ord(found.group())
    }


def is_storable(value):
    """True when ``value`` is a str a database can store and compare."""
    return isinstance(value, str) and UNSTORABLE.search(value) is None


@deconstructible
class StorableTextValidator:
    """Refuse text no database can store (see the module's docstring)."""

    code = "unstorable"

    def __call__(self, value):
        reason = unstorable_reason(str(value))
        if reason is not None:
            raise ValidationError(reason, code=self.code)

    def __eq__(self, other):
        return isinstance(other, StorableTextValidator)


validate_storable_text = StorableTextValidator()
