"""JSON text that is safe wherever a client puts it, a ``<script>`` element included.

A partner inlines JSON-LD in ``<script type="application/ld+json">`` and a front-end
embeds documents in its HTML: a headline or a caption holding ``</script>`` must not
end that element. Every public JSON body is written by ``dumps``, which escapes ``<``,
``>`` and ``&`` (and the line separators JavaScript once refused) as ``\\uXXXX``:
equal JSON to any parser, inert in HTML. The escaping is idempotent, so documents
stored escaped can be embedded in larger bodies and escaped again.
"""

import orjson

_ESCAPES = (
    (b"<", b"\\u003c"),
    (b">", b"\\u003e"),
    (b"&", b"\\u0026"),
    ("\u2028".encode(), b"\\u2028"),
    ("\u2029".encode(), b"\\u2029"),
)


def escape(text):
    """Return JSON ``text`` (bytes) with the characters HTML reads escaped."""
    for raw, escaped in _ESCAPES:
        if raw in text:
            text = text.replace(raw, escaped)
    return text


def dumps(value, *, option=orjson.OPT_UTC_Z, default=None):
    """Serialise ``value`` to escaped JSON bytes (datetimes in UTC with a Z)."""
    return escape(orjson.dumps(value, default=default, option=option))
