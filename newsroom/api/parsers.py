"""Request body parsers: JSON bounded in depth.

DRF hands its JSON parser ``request.body``, which Django bounds by
``DATA_UPLOAD_MAX_MEMORY_SIZE`` (a larger body is a 413 in the API's error shape, see
``newsroom.api.errors``), then parses it with the standard library, whose recursion on
``[[[[...`` ends in a RecursionError: a server error. This parser uses orjson, which
stops at 1,024 levels and refuses lone surrogates and non-numbers such as NaN, and then
refuses anything nested deeper than any request of ours needs, so no later ``repr()``
or error message recurses through it either.
"""

import orjson
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# An article is four levels deep (article > blocks > block > items); 32 leaves room for
# any request we may add and stays far from Python's recursion limit.
MAX_JSON_DEPTH = 32


class JSONParser(parsers.JSONParser):
    """JSON bodies (UTF-8, as RFC 8259 requires), parsed by orjson."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = orjson.loads(stream.read())
        except orjson.JSONDecodeError as error:
            raise ParseError(f"JSON parse error - {error}") from None
        if nested_deeper_than(data, MAX_JSON_DEPTH):
            raise ParseError(
                f"JSON parse error - nested deeper than {MAX_JSON_DEPTH} levels of arrays "
                "and objects."
            )
        return data


def nested_deeper_than(value, limit):
    """True when ``value`` (parsed JSON) nests arrays and objects more than ``limit`` deep."""
    pending = [(value, 1)] if isinstance(value, dict | list) else []
    while pending:
        item, depth = pending.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
