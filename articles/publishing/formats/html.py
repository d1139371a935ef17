"""The body of a public document as one HTML fragment (feeds, ninjs, previews)."""

from django.utils.html import escape, format_html

from articles.models import BlockKind
from articles.sanitize import plain_text


def body_html(document):
    """Return the body as HTML: paragraphs, anchored headings, figures, quotes, lists."""
    return "\n".join(filter(None, (_block_html(block) for block in document["body"])))


def body_text(document):
    """Return the body as plain text, one block per paragraph."""
    parts = []
    for block in document["body"]:
        if block["type"] == BlockKind.PARAGRAPH:
            parts.append(plain_text(block["html"]))
        elif block["type"] == BlockKind.HEADING:
            parts.append(block["text"])
        elif block["type"] == BlockKind.LIST:
            parts.extend(plain_text(item) for item in block["items"])
        elif block["type"] == BlockKind.QUOTE and block["quote"]:
            parts.append(block["quote"]["text"])
    return "\n\n".join(parts)


def _block_html(block):
    kind = block["type"]
    if kind == BlockKind.PARAGRAPH:
        return f"<p>{block['html']}</p>"  # sanitised when saved
    if kind == BlockKind.HEADING:
        level = block["level"]
        return format_html('<h{} id="{}">{}</h{}>', level, block["anchor"], block["text"], level)
    if kind == BlockKind.PHOTO and block["photo"]:
        photo = block["photo"]
        return format_html(
            '<figure><img src="{}" width="{}" height="{}" alt="{}">'
            "<figcaption>{} <small>{}</small></figcaption></figure>",
            photo["url"],
            photo["width"],
            photo["height"],
            photo["alt_text"],
            photo["caption"],
            photo["credit_line"],
        )
    if kind == BlockKind.QUOTE and block["quote"]:
        quote = block["quote"]
        speaker = quote["speaker"]["name"] if quote["speaker"] else ""
        role = f", {quote['speaker_role']}" if quote["speaker_role"] else ""
        return format_html(
            "<blockquote><p>{}</p><footer>{}{}</footer></blockquote>", quote["text"], speaker, role
        )
    if kind == BlockKind.LIST:
        items = "".join(f"<li>{item}</li>" for item in block["items"])  # sanitised when saved
        return f"<ul>{items}</ul>"
    if kind == BlockKind.EMBED:
        return format_html(
            '<p><a href="{}">{}</a></p>', block["url"], block["caption"] or block["url"]
        )
    return ""


def text_excerpt(value, limit):
    """Return ``value`` cut at a word boundary to at most ``limit`` characters."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    return value[: limit - 1].rsplit(" ", 1)[0] + "…"


__all__ = ["body_html", "body_text", "escape", "text_excerpt"]
