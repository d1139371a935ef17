"""IPTC NewsML 1.2, as AFP sends it: a NewsItem whose NewsComponents carry the text
(usually NITF inside ``DataContent``) and, in text-photo packages, the photos.

Taken: provider and item id, revision, urgency, creation dates, the NewsLines
(headline, sub-headline, by-line, dateline, slugline, credit line), language,
subjects, keywords and location, the text, and photos with their captions.
"""

from wire.formats.body import add_body, photo
from wire.formats.layout import split_dateline
from wire.formats.nitf import read_nitf
from wire.formats.paragraphs import split_paragraphs
from wire.formats.xml import attribute, child, children, descendants, first, local, text_of
from wire.story import Subject, WireStory

FORMAT = "newsml-1.2"


def read_newsml1(root):
    """Return the ``WireStory`` of the first NewsItem of a NewsML 1.2 document."""
    item = (descendants(root, "NewsItem") or [root])[0]
    story = WireStory(format=FORMAT)
    story.language = attribute(item, "lang")
    identifier = first(item, "Identification", "NewsIdentifier")
    if identifier is not None:
        story.item_id = text_of(child(identifier, "NewsItemId"))
        story.version = text_of(child(identifier, "RevisionId"))
        story.source = text_of(child(identifier, "ProviderId"))
    management = child(item, "NewsManagement")
    if management is not None:
        urgency = attribute(child(management, "Urgency"), "FormalName")
        story.urgency = int(urgency) if urgency.isdigit() else None
        story.created = text_of(child(management, "FirstCreated"))
        story.updated = text_of(child(management, "ThisRevisionCreated"))
        status = child(management, "StatusWillChange")
        if status is not None:
            story.embargo = text_of(child(status, "DateAndTime"))
    component = child(item, "NewsComponent")
    if component is not None:
        _read_component(story, component)
    return story


def _read_component(story, component):
    lines = child(component, "NewsLines")
    if lines is not None:
        story.headline = text_of(child(lines, "HeadLine"))
        story.dek = text_of(child(lines, "SubHeadLine"))
        story.byline = text_of(child(lines, "ByLine"))
        story.slugline = text_of(child(lines, "SlugLine"))
        printed = text_of(child(lines, "DateLine"))
        if printed:
            found, _ = split_dateline(printed)
            if found:
                story.dateline = found
            else:
                story.dateline.printed = story.dateline.place = printed
    party = first(component, "AdministrativeMetadata", "Provider", "Party")
    story.source = attribute(party, "FormalName") or story.source
    metadata = child(component, "DescriptiveMetadata")
    if metadata is not None:
        _read_descriptive(story, metadata)
    for content in descendants(component, "ContentItem"):
        media = attribute(child(content, "MediaType"), "FormalName").lower()
        data = child(content, "DataContent")
        if media == "text" and data is not None and not story.blocks:
            _read_text(story, data)
    for sub in descendants(component, "NewsComponent"):
        _read_photo_component(story, sub)


def _read_descriptive(story, metadata):
    story.language = attribute(child(metadata, "Language"), "FormalName") or story.language
    for code in children(metadata, "SubjectCode"):
        for subject in code:
            story.subjects.append(Subject(code=attribute(subject, "FormalName")))
    for prop in children(metadata, "Property"):
        if attribute(prop, "FormalName") == "Keyword":
            story.keywords.append(attribute(prop, "Value"))
    location = child(metadata, "Location")
    if location is not None and not story.dateline.place:
        for prop in children(location, "Property"):
            if attribute(prop, "FormalName") == "City":
                story.dateline.place = attribute(prop, "Value")


def _read_text(story, data):
    nitf = [node for node in data if local(node.tag) == "nitf"]
    if nitf:
        headline = story.headline
        read_nitf(nitf[0], story=story)
        story.headline = headline or story.headline
    else:
        add_body(story, split_paragraphs(data.text or ""))


def _read_photo_component(story, component):
    """A photo component: its picture's caption (a Caption role or the headline) and
    credit line."""
    kinds = {
        attribute(child(c, "MediaType"), "FormalName").lower()
        for c in children(component, "ContentItem")
    }
    if "photo" not in kinds:
        return
    lines = child(component, "NewsLines")
    caption = ""
    for content in descendants(component, "ContentItem"):
        if attribute(child(content, "MediaType"), "FormalName").lower() == "text":
            caption = text_of(child(content, "DataContent"))
    if not caption and lines is not None:
        caption = text_of(child(lines, "HeadLine"))
    credit = text_of(child(lines, "CreditLine")) if lines is not None else ""
    story.photos.append(photo(caption, credit))
