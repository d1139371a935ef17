"""IPTC NewsML-G2: a ``newsMessage`` wrapping news items, or a ``newsItem`` alone.

Taken: the text item's guid and version, provider and credit line, language,
headline and sub-headline, by-line, dateline and located place, urgency, embargo,
subjects and keywords, editorial notes meant for publication, and the body (XHTML in
``inlineXML``, or text in ``inlineData``). A package item, which only points at other
items, gives its headline and metadata and no body.
"""

import html
import re

from wire.formats.body import add_body
from wire.formats.layout import split_dateline
from wire.formats.markup import element_paragraphs
from wire.formats.paragraphs import split_paragraphs
from wire.formats.xml import attribute, child, children, descendants, first, local, text_of
from wire.story import Dateline, Subject, WireStory

FORMAT = "newsml-g2"
ROOTS = frozenset({"newsMessage", "newsItem", "packageItem"})
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
TAG = re.compile(r"<[^>]+>")


def read_newsml_g2(root):
    """Return the ``WireStory`` of the first text item in a NewsML-G2 document."""
    item = _text_item(root)
    meta = child(item, "itemMeta")
    content = child(item, "contentMeta")
    story = WireStory(format=FORMAT)
    story.item_id = attribute(item, "guid")
    story.version = attribute(item, "version")
    story.language = attribute(first(content, "language"), "tag") or attribute(item, "lang")
    story.source = _source(item, meta, content)
    story.created = text_of(first(meta, "firstCreated"))
    story.updated = text_of(first(meta, "versionCreated"))
    story.embargo = text_of(first(meta, "embargoed"))
    notes = children(meta, "edNote") if meta is not None else []
    story.editorial_note = " ".join(
        text_of(note)
        for note in notes
        if "nonpublic" not in attribute(note, "pubconstraint")
        and attribute(note, "role") in ("", "dpaednoterole:editorialnote")
    )
    if content is not None:
        _read_content_meta(story, content)
    if story.urgency is None:
        story.urgency = _number(text_of(first(root, "header", "priority")))
    content_set = child(item, "contentSet")
    if content_set is not None:
        add_body(story, _body(content_set), find_headings=False, find_captions=False)
    return story


def _text_item(root):
    if local(root.tag) in ("newsItem", "packageItem"):
        return root
    items = [node for node in root.iter() if local(node.tag) in ("newsItem", "packageItem")]
    texts = [node for node in items if local(node.tag) == "newsItem"]
    return (texts or items or [root])[0]


def _read_content_meta(story, content):
    for headline in children(content, "headline"):
        role = attribute(headline, "role")
        if not role or role.endswith(":main"):
            story.headline = story.headline or text_of(headline)
        elif "sub" in role.lower():
            story.dek = story.dek or text_of(headline)
    for description in children(content, "description"):
        if "summary" in attribute(description, "role") or "abstract" in attribute(
            description, "role"
        ):
            story.dek = story.dek or text_of(description)
    story.byline = text_of(child(content, "by"))
    if not story.byline:
        creators = [text_of(child(c, "name")) for c in children(content, "creator")]
        story.byline = ", ".join(name for name in creators if " " in name)
    story.slugline = text_of(child(content, "slugline"))
    story.urgency = _number(text_of(child(content, "urgency")))
    located = child(content, "located")
    place = text_of(child(located, "name")) or attribute(located, "literal")
    printed = text_of(child(content, "dateline"))
    if printed and not TIMESTAMP.match(printed):
        found, _ = split_dateline(printed)
        story.dateline = found or Dateline(printed=printed, place=printed)
    story.dateline.place = story.dateline.place or place
    if not story.language:
        story.language = attribute(child(content, "language"), "tag")
    for subject in children(content, "subject"):
        code = attribute(subject, "qcode") or attribute(subject, "literal")
        names = children(subject, "name")
        story.subjects.append(Subject(code=code, name=text_of(names[0]) if names else ""))
    story.keywords = [text_of(keyword) for keyword in children(content, "keyword")]


def _source(item, meta, content):
    candidates = [
        text_of(child(content, "creditline")) if content is not None else "",
        *(
            attribute(info, "literal") or text_of(child(info, "name"))
            for info in (children(content, "infoSource") if content is not None else [])
        ),
        *(
            attribute(holder, "literal") or text_of(child(holder, "name"))
            for holder in descendants(item, "copyrightHolder")
        ),
        text_of(child(child(meta, "provider"), "name")) if meta is not None else "",
        attribute(child(meta, "provider"), "literal") if meta is not None else "",
    ]
    for candidate in candidates:
        candidate = (candidate or "").strip(" -–—")
        if candidate:
            return candidate
    return ""


def _body(content_set):
    paragraphs = []
    for node in content_set:
        name = local(node.tag)
        if name == "inlineXML":
            paragraphs += element_paragraphs(node)
        elif name == "inlineData":
            # Plain text, sometimes with paragraph tags inside its CDATA.
            raw = html.unescape(TAG.sub("\n", node.text or ""))
            paragraphs += split_paragraphs(raw)
    return paragraphs


def _number(text):
    return int(text) if text.strip().isdigit() else None
