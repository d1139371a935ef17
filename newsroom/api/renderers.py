import orjson
from django.utils.functional import Promise
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

from newsroom import jsontext

_fallback = JSONEncoder()


def _default(value):
    if isinstance(value, Promise):
        return str(value)
    return _fallback.default(value)


class JSONRenderer(renderers.JSONRenderer):
    """Render JSON with orjson, passing pre-rendered ``orjson.Fragment`` through untouched.

    Published documents are stored as JSON text; wrapping them in a Fragment lets a
    response embed them without decoding and encoding them again.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        option = orjson.OPT_UTC_Z | orjson.OPT_NON_STR_KEYS
        if self.get_indent(accepted_media_type, renderer_context or {}):
            option |= orjson.OPT_INDENT_2
        return jsontext.dumps(data, default=_default, option=option)
