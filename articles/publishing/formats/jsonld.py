"""schema.org NewsArticle as JSON-LD, with the image credits Google reads."""

from django.conf import settings

from articles.publishing.formats.html import body_text, text_excerpt
from articles.publishing.links import absolute_url

# Google asks for 16:9, 4:3 and 1:1 images of at least 50,000 pixels: the largest JPEG
# of each of our crops (1600 px wide for photos that big).
CROPS = ("16x9", "4x3", "1x1")


def article_jsonld(document):
    """Return the NewsArticle JSON-LD object for a public article ``document``."""
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": document["web_url"],
        "url": document["web_url"],
        "mainEntityOfPage": document["web_url"],
        "headline": text_excerpt(document["headline"], 110),
        "inLanguage": document["language"],
        "isAccessibleForFree": True,
        "publisher": publisher(),
        "articleBody": body_text(document),
    }
    if document["dek"]:
        article["description"] = document["dek"]
    if document["published_at"]:
        article["datePublished"] = document["published_at"]
    if document["updated_at"]:
        article["dateModified"] = document["updated_at"]
    if document["section"]:
        article["articleSection"] = document["section"]["name"]
    authors = [_author(byline) for byline in document["bylines"]]
    if authors:
        article["author"] = authors
    if document["tags"]:
        article["keywords"] = [tag["name"] for tag in document["tags"]]
    if document["people"]:
        article["about"] = [
            {"@type": "Person", "name": person["name"]} for person in document["people"]
        ]
    images = lead_images(document["lead_photo"]) if document["lead_photo"] else []
    if images:
        article["image"] = images
    corrections = document.get("corrections") or []
    if corrections:
        article["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": note["text"],
                **({"datePublished": note["date"]} if note.get("date") else {}),
            }
            for note in corrections
        ]
    return article


def publisher():
    organisation = {"@type": "Organization", "name": settings.NEWSROOM_PUBLICATION_NAME}
    if settings.NEWSROOM_PUBLISHER_LOGO_URL:
        organisation["logo"] = {
            "@type": "ImageObject",
            "url": settings.NEWSROOM_PUBLISHER_LOGO_URL,
        }
    return organisation


def _author(byline):
    kind = "Person" if byline["type"] == "person" else "Organization"
    return {"@type": kind, "name": byline["name"]}


def lead_images(photo):
    """Return ImageObjects for the photo: one per aspect ratio Google asks for when the
    photo has crops in those ratios, else the original."""
    chosen = []
    for crop in CROPS:
        candidates = [
            rendition
            for rendition in photo.get("renditions") or []
            if rendition.get("crop") == crop and rendition.get("content_type") == "image/jpeg"
        ]
        if candidates:
            best = max(candidates, key=lambda rendition: rendition["width"])
            chosen.append(image_object(photo, best["url"], best["width"], best["height"]))
    return chosen or [image_object(photo, photo["url"], photo["width"], photo["height"])]


def image_object(photo, url, width, height):
    image = {
        "@type": "ImageObject",
        "contentUrl": absolute_url(url),
        "url": absolute_url(url),
        "width": width,
        "height": height,
    }
    credit = photo.get("credit") or {}
    creator = credit.get("creator") or credit.get("handle") or credit.get("agency")
    if creator:
        kind = "Person" if credit.get("creator") else "Organization"
        image["creator"] = {"@type": kind, "name": creator}
    if photo.get("credit_line"):
        image["creditText"] = photo["credit_line"]
    if photo.get("copyright_notice"):
        image["copyrightNotice"] = photo["copyright_notice"]
    if photo.get("caption"):
        image["caption"] = photo["caption"]
    return image
