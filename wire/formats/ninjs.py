"""IPTC ninjs (news in JSON), versions 1.x, 2.x and 3.x.

1.x has ``headline``, ``body_html`` and ``description_text``; 2.x lists
``headlines``, ``bodies`` and ``descriptions`` with roles; 3.x spells the same keys in
camelCase. Keys are compared in lower case, which reads 2.x and 3.x alike. A feed
answer that wraps items (``{"item": [...]}``) gives its first item.

Taken: uri or guid and version, language, headline, dek (the summary description),
by-line (``by``, ``byline`` or the authors), located place, urgency, embargo,
subjects, keywords, source, the body (HTML or text) and pictures among the
associations, with caption and credit.
"""

from wire.errors import WireRefused
from wire.formats.body import add_body, photo
from wire.formats.markup import html_paragraphs, html_text
from wire.formats.paragraphs import split_paragraphs
from wire.story import Subject, WireStory

FORMAT = "ninjs"
WRAPPERS = ("item", "items", "data", "results")
NINJS_KEYS = frozenset(
    {
        "uri",
        "guid",
        "headline",
        "headlines",
        "body_html",
        "body_text",
        "bodies",
        "type",
        "versioncreated",
        "firstcreated",
        "pubstatus",
        "byline",
        "by",
    }
)


def read_ninjs(data):
    """Return the ``WireStory`` of a decoded ninjs document (a dict or a list)."""
    item = _item(data)
    original_keys = set(item)
    item = _lower_keys(item)
    if len(NINJS_KEYS & set(item)) < 2 or not (_headline(item) or _body(item)):
        raise WireRefused("The JSON is not a ninjs news item (no headline or body).")
    story = WireStory(format=FORMAT)
    story.format_version = _version(item, original_keys)
    story.item_id = str(item.get("uri") or item.get("guid") or item.get("id") or "")
    story.version = str(item.get("version") or "")
    story.language = item.get("language") or ""
    story.headline = _headline(item)
    story.dek = _description(item)
    story.byline = _byline(item)
    story.dateline.place = item.get("located") or ""
    story.urgency = item.get("urgency") if isinstance(item.get("urgency"), int) else None
    story.embargo = item.get("embargoed") or item.get("embargoeduntil") or ""
    story.created = item.get("firstcreated") or ""
    story.updated = item.get("versioncreated") or ""
    story.slugline = item.get("slugline") or ""
    story.editorial_note = item.get("ednote") or ""
    story.source = _source(item)
    for subject in item.get("subject") or item.get("subjects") or []:
        if isinstance(subject, dict):
            code = subject.get("code") or subject.get("uri") or subject.get("literal") or ""
            story.subjects.append(Subject(code=str(code), name=subject.get("name") or ""))
    story.keywords = [str(k) for k in item.get("keywords") or [] if k]
    for caption, credit in _pictures(item):
        story.photos.append(photo(caption, credit))
    add_body(story, _body(item), find_headings=False, find_captions=False)
    return story


def _item(data):
    for key in WRAPPERS:
        if isinstance(data, dict) and isinstance(data.get(key), list | dict):
            data = data[key]
            break
    if isinstance(data, list):
        data = next((entry for entry in data if isinstance(entry, dict)), None)
    if not isinstance(data, dict):
        raise WireRefused("The JSON is not a ninjs news item (no object found).")
    return data


def _lower_keys(value):
    if isinstance(value, dict):
        return {str(k).lower(): _lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower_keys(v) for v in value]
    return value


def _version(item, original_keys):
    if any(key != key.lower() for key in original_keys):
        return "3.x"
    if "headlines" in item or "bodies" in item or "descriptions" in item:
        return "2.x"
    return "1.x"


def _by_role(entries, roles):
    """Return the value of the entry whose role is first in ``roles`` (or the first)."""
    entries = [e for e in entries or [] if isinstance(e, dict) and e.get("value")]
    for role in roles:
        for entry in entries:
            if (entry.get("role") or "").lower() == role:
                return entry
    return entries[0] if entries else None


def _headline(item):
    if item.get("headline"):
        return str(item["headline"]).strip()
    entry = _by_role(item.get("headlines"), ("main", "headline", ""))
    return html_text(entry["value"]) if entry else ""


def _description(item):
    if item.get("description_text"):
        return str(item["description_text"]).strip()
    if item.get("description_html"):
        return html_text(item["description_html"])
    entry = _by_role(item.get("descriptions"), ("summary", "abstract", "description"))
    return html_text(entry["value"]) if entry else ""


def _byline(item):
    for key in ("by", "byline"):
        if item.get(key):
            return str(item[key]).strip()
    names = [a.get("name") for a in item.get("authors") or [] if isinstance(a, dict)]
    return ", ".join(name for name in names if name)


def _source(item):
    if item.get("source"):
        return str(item["source"])
    for info in item.get("infosources") or []:
        if isinstance(info, dict) and (info.get("name") or info.get("literal")):
            return info.get("name") or info.get("literal")
    return item.get("copyrightholder") or ""


def _body(item):
    if item.get("body_html"):
        return html_paragraphs(item["body_html"])
    entry = _by_role(item.get("bodies"), ("main", "body", ""))
    if entry:
        content_type = (entry.get("contenttype") or "text/html").lower()
        if "html" in content_type:
            return html_paragraphs(entry["value"])
        return split_paragraphs(entry["value"])
    if item.get("body_text"):
        return split_paragraphs(item["body_text"])
    return []


def _pictures(item):
    associations = item.get("associations") or {}
    entries = associations.values() if isinstance(associations, dict) else associations
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("type") not in ("picture", "image", "photo"):
            continue
        caption = _description(entry) or entry.get("body_text") or _headline(entry)
        credit = entry.get("creditline") or entry.get("byline") or entry.get("by") or ""
        yield caption, credit
