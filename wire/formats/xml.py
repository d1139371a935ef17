"""Parsing agency XML safely, and the small helpers every XML reader uses.

Every document goes through defusedxml: entity declarations (the "billion laughs"
expansion, external entities that would read local files or fetch URLs) are refused,
never expanded. Wire formats have no use for them.
"""

import html
import re
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.common import EntitiesForbidden
from defusedxml.ElementTree import fromstring

from wire.errors import WireRefused
from wire.formats.charsets import decode_text

XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>")
DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']""")
# Agencies (STT among them) sometimes escape twice: "&amp;quot;" reaches us as "&quot;".
LEFTOVER_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
SPACES = re.compile(r"\s+")


def parse_xml(data):
    """Return the root element of ``data``, refusing hostile or broken XML.

    A document whose bytes do not match its declared encoding (Windows-1252 sent as
    UTF-8 is the common case) is decoded by ``decode_text`` and parsed again.
    """
    try:
        return _parse(data)
    except ParseError as error:
        if "invalid token" not in str(error) and "encoding" not in str(error):
            raise WireRefused(f"The XML is not well-formed ({error}).") from error
    declared = DECLARED_ENCODING.match(data)
    text, _charset = decode_text(data, declared.group(1).decode("ascii") if declared else "")
    utf8 = XML_DECLARATION.sub(b"", text.encode("utf-8"), count=1)
    try:
        return _parse(utf8)
    except ParseError as error:
        raise WireRefused(f"The XML is not well-formed ({error}).") from error


def _parse(data):
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as error:
        if error.sysid or error.pubid:
            raise WireRefused(
                "The XML declares an external entity, which could read local files; refused."
            ) from error
        raise WireRefused(
            "The XML declares entities, which could expand without bound; refused."
        ) from error
    except DefusedXmlException as error:
        raise WireRefused(f"The XML uses a forbidden construct ({error}); refused.") from error


def local(tag):
    """Return an element tag without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element, name):
    """Return the direct children of ``element`` named ``name`` (any namespace)."""
    return [child for child in element if local(child.tag) == name]


def child(element, name):
    """Return the first direct child named ``name``, or None."""
    return next((c for c in element if local(c.tag) == name), None)


def descendants(element, name):
    """Return every element below ``element`` named ``name`` (any namespace)."""
    return [node for node in element.iter() if local(node.tag) == name and node is not element]


def first(element, *path):
    """Return the element at ``path`` (names, any namespace), or None."""
    for name in path:
        if element is None:
            return None
        element = child(element, name)
    return element


def clean(text):
    """Return ``text`` with runs of white space made one space, stripped, and any
    entity left over from double escaping resolved."""
    if not text:
        return ""
    if "&" in text and LEFTOVER_ENTITY.search(text):
        text = html.unescape(text)
    return SPACES.sub(" ", text).strip()


def text_of(element):
    """Return the whole text inside ``element``, cleaned; "" for None."""
    if element is None:
        return ""
    return clean("".join(element.itertext()))


def attribute(element, name, default=""):
    """Return an attribute by local name (namespaced attributes included)."""
    if element is None:
        return default
    for key, value in element.attrib.items():
        if local(key) == name:
            return value
    return default
