"""Body markup (XHTML in NewsML-G2, NITF's body.content, ninjs' HTML) as paragraphs.

Inline markup is dropped: the wire desk keeps the words, and the article's own
sanitiser decides later what inline HTML an editor may add back.
"""

from html.parser import HTMLParser

from wire.formats.xml import attribute, clean, first, local, text_of

PARAGRAPHS = frozenset({"p", "li", "blockquote", "pre", "dd", "dt"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2"})
# Not body text: page furniture some agencies put in the body element (dpa's header with
# its slugline and time, NITF's media handled apart), scripts and styles.
SKIPPED = frozenset({"header", "time", "script", "style", "head", "title", "media", "table"})
BLOCK_LEVEL = PARAGRAPHS | HEADINGS | {"ul", "ol", "dl", "div", "section", "block", "p"}


def element_paragraphs(element):
    """Return ``[(kind, text)]`` for the body under ``element`` ("paragraph" or
    "heading"), in order."""
    found = []
    _walk(element, found)
    return [(kind, text) for kind, text in found if text]


def _walk(element, found):
    for node in element:
        name = local(node.tag)
        if name in SKIPPED:
            _loose(node.tail, found)
            continue
        if name in HEADINGS:
            found.append(("heading", text_of(node)))
        elif name in PARAGRAPHS and not any(local(c.tag) in BLOCK_LEVEL for c in node):
            found.append(("paragraph", text_of(node)))
        else:
            _loose(node.text, found)
            _walk(node, found)
        _loose(node.tail, found)


def _loose(text, found):
    """Text standing between block elements is a paragraph of its own."""
    text = clean(text)
    if text:
        found.append(("paragraph", text))


def nitf_media(element):
    """Return ``[(caption, credit)]`` for NITF ``media`` elements of type image under
    ``element``."""
    photos = []
    for node in element.iter():
        if local(node.tag) != "media":
            continue
        if attribute(node, "media-type", "image") not in ("image", "photo", "graphic"):
            continue
        caption = text_of(first(node, "media-caption"))
        credit = text_of(first(node, "media-producer"))
        photos.append((caption, credit))
    return photos


class _HTMLParagraphs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.kind = None
        self.buffer = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in HEADINGS or tag in PARAGRAPHS or tag in BLOCK_LEVEL:
            self._flush()
            self.kind = "heading" if tag in HEADINGS else "paragraph"
        elif tag == "br":
            self.buffer.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in HEADINGS or tag in PARAGRAPHS or tag in BLOCK_LEVEL:
            self._flush()

    def handle_data(self, data):
        if not self.skipping:
            self.buffer.append(data)

    def _flush(self):
        text = clean("".join(self.buffer))
        if text:
            self.found.append((self.kind or "paragraph", text))
        self.buffer = []
        self.kind = None

    def close(self):
        super().close()
        self._flush()


def html_paragraphs(markup):
    """Return ``[(kind, text)]`` for an HTML fragment, as ``element_paragraphs`` does."""
    parser = _HTMLParagraphs()
    parser.feed(markup or "")
    parser.close()
    return parser.found


def html_text(markup):
    """Return the plain text of an HTML fragment, its paragraphs joined by blank lines."""
    return "\n\n".join(text for _, text in html_paragraphs(markup))
