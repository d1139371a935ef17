"""Decoding agency text in the character set it was sent in.

Agencies send UTF-8, Latin-1 and Windows-1252, often without saying which. UTF-8 is
tried first because it almost never decodes wrongly by accident; Windows-1252 next,
because it is what "Latin-1" text with curly quotes and dashes really is; Latin-1
last, since it accepts every byte.
"""

import codecs

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACKS = ("utf-8", "cp1252", "latin-1")
# Labels that in practice mean Windows-1252 (as browsers treat them too): agencies that
# declare Latin-1 or ASCII still send its curly quotes and dashes.
WINDOWS_1252_LABELS = {"iso8859-1", "ascii", "cp1252"}


def decode_text(data, declared=""):
    """Return ``(text, charset)``: ``data`` decoded by its byte-order mark, the
    charset the file declares (when Python knows it and it fits), or the fallbacks."""
    for bom, charset in BOMS:
        if data.startswith(bom):
            return data.decode(charset), charset.removesuffix("-sig")
    candidates = [*_declared(declared), *FALLBACKS]
    for charset in candidates:
        try:
            return data.decode(charset), codecs.lookup(charset).name
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _declared(label):
    """Return the charsets to try for a declared ``label`` (none when Python lacks it)."""
    try:
        name = codecs.lookup(label).name if label else ""
    except LookupError:
        return []
    if name in WINDOWS_1252_LABELS:
        return ["cp1252", "latin-1"]
    return [name] if name else []
