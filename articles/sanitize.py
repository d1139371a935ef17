"""Keep paragraph HTML to the safe inline formatting a story needs.

nh3 (the Rust ammonia sanitiser) does the work: a whitelist of tags and attributes,
links limited to http(s) and mailto, and ``rel`` forced on every link.
"""

import html

import nh3

INLINE_TAGS = frozenset({"a", "b", "strong", "i", "em", "br", "sub", "sup", "s"})
INLINE_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def clean_inline_html(value):
    """Return ``value`` with everything but safe inline formatting removed."""
    return nh3.clean(
        value,
        tags=set(INLINE_TAGS),
        attributes={tag: set(attrs) for tag, attrs in INLINE_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def plain_text(value):
    """Return the text of a fragment of inline HTML, without tags or entities."""
    return html.unescape(nh3.clean(value, tags=set(), attributes={}))
