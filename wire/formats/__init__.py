"""Wire readers: the bytes an agency sends in, one ``WireStory`` out.

The format is told by the content, never by the file's name: ANPA-1312 and IPTC 7901
by their control-character framing, XML by its root element (NewsML-G2, NewsML 1.2,
NITF), JSON by ninjs' keys, and anything else that reads as a story as plain text.
Whatever cannot be read raises ``WireRefused`` with one sentence saying why.
"""

import json

from wire.errors import WireRefused
from wire.formats.anpa import is_anpa, read_anpa
from wire.formats.body import merge_language_captions
from wire.formats.charsets import decode_text
from wire.formats.iptc7901 import is_iptc7901, read_iptc7901
from wire.formats.language import guess_language, language_code
from wire.formats.limits import MAX_BYTES, check_not_empty_or_binary, check_size, read_capped
from wire.formats.newsml1 import read_newsml1
from wire.formats.newsml_g2 import ROOTS as NEWSML_G2_ROOTS
from wire.formats.newsml_g2 import read_newsml_g2
from wire.formats.ninjs import read_ninjs
from wire.formats.nitf import read_nitf
from wire.formats.plain_text import read_plain_text
from wire.formats.xml import local, parse_xml

__all__ = ["MAX_BYTES", "WireRefused", "read_wire", "read_wire_file"]


def read_wire_file(path, *, max_bytes=MAX_BYTES):
    """Return the ``WireStory`` in the file at ``path``; a file over ``max_bytes`` is
    refused before it is read."""
    return read_wire(read_capped(path, max_bytes), max_bytes=max_bytes)


def read_wire(data, *, max_bytes=MAX_BYTES):
    """Return the ``WireStory`` in ``data`` (bytes), whatever its format."""
    check_size(data, max_bytes)
    check_not_empty_or_binary(data)
    story = _read(data)
    _finish(story)
    return story


def _read(data):
    if is_anpa(data):
        text, charset = decode_text(data)
        return _with_charset(read_anpa(text), charset)
    if is_iptc7901(data):
        text, charset = decode_text(data)
        return _with_charset(read_iptc7901(text), charset)
    text, charset = decode_text(data)
    opening = text.lstrip()[:1]
    if opening == "<":
        return _with_charset(_read_xml(data), charset)
    if opening in "{[":
        try:
            document = json.loads(text)
        except ValueError as error:
            raise WireRefused(f"The JSON is not well-formed ({error}).") from error
        return _with_charset(read_ninjs(document), charset)
    return read_plain_text(text, charset=charset)


def _read_xml(data):
    root = parse_xml(data)
    name = local(root.tag)
    if name in NEWSML_G2_ROOTS:
        return read_newsml_g2(root)
    if name == "NewsML" or name == "NewsItem":
        return read_newsml1(root)
    if name == "nitf":
        return read_nitf(root)
    raise WireRefused(f"The XML is in no wire format we read (its root element is <{name}>).")


def _with_charset(story, charset):
    story.charset = story.charset or charset
    return story


def _finish(story):
    """Fill what every format may leave open: the language (guessed from the text),
    the source (from the dateline's agency), photo captions in several languages."""
    sample = " ".join([story.headline, story.dek, *story.paragraphs[:6]])
    guessed = guess_language(sample)
    declared = language_code(story.language)
    # Agencies' English services often label their copy with the home language (ANSA's
    # "it", STT's "fi"); enough text in another language outweighs the label.
    if not declared or (guessed and guessed != declared and len(sample.split()) >= 40):
        declared = guessed or declared
    story.language = declared
    story.source = story.source or story.dateline.agency
    if not story.headline and not story.paragraphs:
        raise WireRefused("The file carries neither a headline nor any text.")
    merge_language_captions(story)
