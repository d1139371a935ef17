"""Sparse fields (``?fields=``) and expansions (``?expand=``) of article JSON.

Documents are stored as JSON text and normally sent as they are; only a request that
asks to reshape them pays for decoding and encoding.
"""

import orjson
from rest_framework.exceptions import ValidationError

from articles.models import ArticleVersion, Person, Section

TEASER_FIELDS = frozenset(
    {
        "id",
        "version",
        "api_url",
        "web_url",
        "language",
        "slug",
        "kicker",
        "headline",
        "dek",
        "section",
        "bylines",
        "source",
        "dateline",
        "published_at",
        "updated_at",
        "lead_photo",
    }
)
DOCUMENT_FIELDS = TEASER_FIELDS | {
    "body",
    "table_of_contents",
    "quotes",
    "people",
    "tags",
    "translations",
}
EXPANSIONS = frozenset({"translations", "section", "people"})


def parse_list(request, name, allowed):
    raw = request.query_params.get(name)
    if raw is None:
        return None
    values = [value.strip() for value in raw.split(",") if value.strip()]
    unknown = sorted(set(values) - allowed)
    if unknown or not values:
        choices = ", ".join(sorted(allowed))
        raise ValidationError(
            {name: [f"Unknown: {', '.join(unknown) or '(empty)'}. Choose from: {choices}."]}
        )
    return values


def shape(documents, *, fields, expand):
    """Return ``documents`` (dicts) with only ``fields`` kept and ``expand`` applied."""
    if expand:
        _expand(documents, set(expand))
    if fields:
        keep = set(fields)
        documents = [
            {key: value for key, value in doc.items() if key in keep} for doc in documents
        ]
    return documents


def _expand(documents, expand):
    if "translations" in expand:
        ids = {link["id"] for doc in documents for link in doc.get("translations", [])}
        teasers = {
            version.article_id: orjson.loads(version.teaser)
            for version in ArticleVersion.objects.public()
            .filter(article_id__in=ids)
            .only("article_id", "teaser")
        }
        for doc in documents:
            doc["translations"] = [
                teasers[link["id"]]
                for link in doc.get("translations", [])
                if link["id"] in teasers
            ]
    if "section" in expand:
        ids = {doc["section"]["id"] for doc in documents if doc.get("section")}
        sections = Section.objects.in_bulk(ids)
        for doc in documents:
            if doc.get("section") and doc["section"]["id"] in sections:
                doc["section"]["description"] = sections[doc["section"]["id"]].description
    if "people" in expand:
        ids = {person["id"] for doc in documents for person in doc.get("people", [])}
        people = Person.objects.in_bulk(ids)
        for doc in documents:
            doc["people"] = [
                {
                    **person,
                    "description": people[person["id"]].description,
                    "wikidata_id": people[person["id"]].wikidata_id,
                }
                for person in doc.get("people", [])
                if person["id"] in people
            ]
