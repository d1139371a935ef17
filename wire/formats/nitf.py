"""NITF (News Industry Text Format), as AP, EFE and others send it.

Taken: the document id, urgency, issue and release dates (a release date is the
embargo), subjects and keywords, the event location; from the body head the headline
(``hl1``), the dek (the abstract, or an ``hl2`` that is not the headline again or a
catch-line), by-line, distributor, dateline and editor's note; the body's paragraphs,
subheadings and images with caption and credit; the tagline as a sign-off.
"""

import re

from wire.formats.body import add_body, photo
from wire.formats.layout import is_sign_off, split_dateline
from wire.formats.markup import element_paragraphs, nitf_media
from wire.formats.xml import attribute, child, children, descendants, first, local, text_of
from wire.story import Subject, WireStory

FORMAT = "nitf"
INITIALS = re.compile(r"^[a-z]{1,4}(?:/[a-z]{1,4})+$")


def read_nitf(root, *, story=None):
    """Return the ``WireStory`` of an ``nitf`` element (or fill ``story`` with it, for
    formats that wrap NITF)."""
    nitf = root if local(root.tag) == "nitf" else (descendants(root, "nitf") or [root])[0]
    story = story or WireStory(format=FORMAT)
    story.language = story.language or _language(nitf)
    head = child(nitf, "head")
    if head is not None:
        _read_head(story, head)
    body = child(nitf, "body")
    if body is None:
        return story
    body_head = child(body, "body.head")
    if body_head is not None:
        _read_body_head(story, body_head)
    content = child(body, "body.content")
    if content is not None:
        for caption, credit in nitf_media(content):
            story.photos.append(photo(caption, credit))
        add_body(story, element_paragraphs(content), find_headings=False, find_captions=False)
    tagline = text_of(first(body, "body.end", "tagline"))
    if tagline:
        story.sign_off.append(tagline)
    return story


def _language(nitf):
    for node in nitf.iter():
        for key in ("baselang", "lang"):
            value = attribute(node, key)
            if value:
                return value
    return ""


def _read_head(story, head):
    story.headline = text_of(child(head, "title"))
    docdata = child(head, "docdata")
    if docdata is not None:
        story.item_id = attribute(child(docdata, "doc-id"), "id-string")
        urgency = attribute(child(docdata, "urgency"), "ed-urg")
        story.urgency = int(urgency) if urgency.isdigit() else None
        story.created = attribute(child(docdata, "date.issue"), "norm")
        story.embargo = attribute(child(docdata, "date.release"), "norm")
        story.keywords = [attribute(keyword, "key") for keyword in descendants(docdata, "keyword")]
        story.dateline.place = attribute(child(docdata, "evloc"), "city")
        story.editorial_note = attribute(child(docdata, "ed-msg"), "info")
        holder = attribute(child(docdata, "doc.copyright"), "holder")
        story.source = story.source or holder
    for subject in descendants(head, "tobject.subject"):
        name = next(
            (
                attribute(subject, key)
                for key in ("tobject.subject.detail", "tobject.subject.matter")
                if attribute(subject, key)
            ),
            attribute(subject, "tobject.subject.type"),
        )
        story.subjects.append(
            Subject(code=attribute(subject, "tobject.subject.refnum"), name=name)
        )


def _read_body_head(story, body_head):
    hedline = child(body_head, "hedline")
    headline = text_of(child(hedline, "hl1")) if hedline is not None else ""
    story.headline = headline or story.headline
    abstract = text_of(child(body_head, "abstract"))
    second = [text_of(hl2) for hl2 in children(hedline, "hl2")] if hedline is not None else []
    # An hl2 repeating the headline (AP's "originalHeadline") or shouting a catch-line
    # in capitals (EFE) is not a dek.
    dek = next((t for t in second if t != story.headline and not t.isupper()), "")
    story.dek = abstract or dek
    byline = child(body_head, "byline")
    if byline is not None:
        title = text_of(child(byline, "byttl"))
        text = text_of(byline)
        text = text[: len(text) - len(title)].strip() if title and text.endswith(title) else text
        if INITIALS.match(text) or is_sign_off(text):
            story.sign_off.append(text)
        else:
            story.byline = text
    distributor = text_of(child(body_head, "distributor"))
    story.source = (
        distributor or text_of(first(body_head, "rights", "rights.owner")) or story.source
    )
    dateline = child(body_head, "dateline")
    if dateline is not None:
        place = ", ".join(
            text_of(node)
            for node in dateline.iter()
            if local(node.tag) in ("city", "state", "country")
        ) or text_of(child(dateline, "location"))
        story.dateline.place = place or story.dateline.place
        story.dateline.date = attribute(child(dateline, "story.date"), "norm")
        loose = text_of(dateline)
        if loose and not place:
            found, _ = split_dateline(loose)
            if found:
                story.dateline = found
    note = child(body_head, "note")
    if note is not None:
        story.editorial_note = text_of(note)
