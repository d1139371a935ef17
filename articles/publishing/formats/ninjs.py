"""IPTC ninjs 3.1 (News in JSON) for an article and its pictures.

The schema rejects unknown keys at every level, so this module writes only keys the
standard defines; tests validate the output against the official, unmodified schema.
"""

from articles.publishing.formats.html import body_html, body_text
from articles.publishing.links import absolute_url, urn

STANDARD = {
    "name": "ninjs",
    "version": "3.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
}
TAG_GROUPS = {"organisation": "organisations", "place": "places"}


def article_ninjs(document, *, embargo_until=None, expires_at=None):
    """Return the ninjs object for a public article ``document``."""
    html = body_html(document)
    text = body_text(document)
    item = {
        "uri": urn("article", document["id"]),
        "standard": STANDARD,
        "type": "text",
        "representationType": "full",
        "profile": "newsroom-article",
        "version": str(document["version"]),
        "pubStatus": "usable",
        "language": document["language"],
        "slugline": document["slug"],
        "headlines": [{"role": "main", "value": document["headline"]}],
        "bodies": [
            {
                "role": "main",
                "contentType": "text/html",
                "value": html,
                "charCount": len(text),
                "wordCount": len(text.split()),
            }
        ],
        "altIds": [{"role": "web", "value": document["web_url"]}],
    }
    if document["kicker"]:
        item["headlines"].append({"role": "kicker", "value": document["kicker"]})
    if document["dek"]:
        item["descriptions"] = [
            {"role": "summary", "contentType": "text/plain", "value": document["dek"]}
        ]
    for key, value in (
        ("firstCreated", document["published_at"]),
        ("versionCreated", document["updated_at"]),
    ):
        if value:
            item[key] = value
    if embargo_until:
        item["embargoedUntil"] = embargo_until
    if expires_at:
        item["expires"] = expires_at
    if document["bylines"]:
        item["by"] = ", ".join(byline["name"] for byline in document["bylines"])
    if document["dateline"]:
        item["located"] = document["dateline"]
    if document["source"]:
        item["infoSources"] = [{"name": document["source"], "role": "originator"}]

    people = _people(document)
    if people:
        item["people"] = people
    for kind, tags in _tags_by_group(document).items():
        item[kind] = tags

    pictures = _pictures(document)
    if pictures:
        item["associations"] = pictures
    return item


def _people(document):
    entries, seen = [], set()
    for person in document["people"]:
        entries.append({"name": person["name"], "rel": "about", "literal": person["slug"]})
        seen.add((person["slug"], "about"))
    for quote in document["quotes"]:
        speaker = quote["speaker"]
        if speaker and (speaker["slug"], "quoted") not in seen:
            seen.add((speaker["slug"], "quoted"))
            entries.append({"name": speaker["name"], "rel": "quoted", "literal": speaker["slug"]})
    for byline in document["bylines"]:
        if byline["type"] == "person":
            entries.append({"name": byline["name"], "rel": "author", "literal": byline["slug"]})
    return entries


def _tags_by_group(document):
    groups = {}
    for tag in document["tags"]:
        group = TAG_GROUPS.get(tag["kind"], "subjects")
        entry = {"name": tag["name"], "literal": tag["slug"]}
        if group == "subjects":
            entry["rel"] = tag["kind"]
        groups.setdefault(group, []).append(entry)
    return groups


def _pictures(document):
    photos = []
    if document["lead_photo"]:
        photos.append(("leadphoto", document["lead_photo"]))
    photos += [
        (f"photo{index}", block["photo"])
        for index, block in enumerate(document["body"], start=1)
        if block["type"] == "photo" and block["photo"]
    ]
    return [picture_ninjs(photo, name=name) for name, photo in photos]


def picture_ninjs(photo, *, name):
    """Return a ninjs association for a photo from its public JSON."""
    picture = {
        "name": name,
        "rel": "illustration",
        "uri": urn("photo", photo["id"]),
        "type": "picture",
        "renditions": renditions_ninjs(photo),
    }
    caption_language = photo.get("caption_language")
    if caption_language:
        picture["language"] = caption_language
    if photo.get("caption"):
        picture["descriptions"] = [
            {"role": "caption", "contentType": "text/plain", "value": photo["caption"]}
        ]
    if photo.get("alt_text"):
        picture.setdefault("descriptions", []).append(
            {"role": "alternativeText", "contentType": "text/plain", "value": photo["alt_text"]}
        )
    credit = photo.get("credit") or {}
    by = credit.get("creator") or credit.get("handle")
    if by:
        picture["by"] = by
    if photo.get("credit_line"):
        picture["infoSources"] = [{"name": photo["credit_line"], "role": "credit"}]
    if credit.get("agency"):
        picture.setdefault("infoSources", []).append(
            {"name": credit["agency"], "role": "distributor"}
        )
    if photo.get("copyright_notice"):
        picture["copyrightNotice"] = photo["copyright_notice"]
    if photo.get("usage_terms"):
        picture["usageTerms"] = photo["usage_terms"]
    if photo.get("taken_on"):
        picture["contentCreated"] = f"{photo['taken_on']}T00:00:00Z"
    return picture


def renditions_ninjs(photo):
    """Return the photo's renditions as ninjs renditions, the original first."""
    renditions = [
        {
            "name": "original",
            "href": absolute_url(photo["url"]),
            "width": photo["width"],
            "height": photo["height"],
        }
    ]
    for rendition in photo.get("renditions") or []:
        entry = {"name": rendition["name"], "href": absolute_url(rendition["url"])}
        for source, target in (
            ("width", "width"),
            ("height", "height"),
            ("content_type", "contentType"),
            ("size", "sizeInBytes"),
        ):
            if rendition.get(source) is not None:
                entry[target] = rendition[source]
        renditions.append(entry)
    return renditions
