"""Serializer fields shared by the write API."""

from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from newsroom.text import StorableTextValidator, unstorable_reason


class CharField(serializers.CharField):
    """DRF's CharField with one check for text a database can store (newsroom.text), a
    regular expression, instead of DRF's two, one of which looks at every character in
    Python: a second on the text of a long article."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(
                validator, ProhibitNullCharactersValidator | ProhibitSurrogateCharactersValidator
            )
        ]
        self.validators.append(StorableTextValidator())


class SlugRelatedField(serializers.SlugRelatedField):
    """DRF's SlugRelatedField, refusing before any query what no slug can be: a value
    that is not a string, or text no database can store (newsroom.text). DRF's own asks
    the database with whatever JSON sent, and a NUL fails there as a server error.

    Each slug is looked up once per request: a field inside a list (the speaker of each
    of 500 quotes) sees the same few again and again.
    """

    default_error_messages = {"not_a_string": _("Give a slug as a string.")}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_a_string")
        reason = unstorable_reason(data)
        if reason is not None:
            raise serializers.ValidationError(reason, code="unstorable")
        # Fields are copied for each serializer instance, so this lives for one request.
        found = self.__dict__.setdefault("_found", {})
        if data not in found:
            found[data] = super().to_internal_value(data)
        return found[data]
