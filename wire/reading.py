"""Reading wire files into stories with their quotations, as plain data.

This is what ``manage.py import_wire --dry-run`` shows, and what the import will
write: the story's article fields, its blocks, photos with credits in parts, and the
quotations with their speakers, each placed in the block it stands in.
"""

from dataclasses import asdict
from pathlib import Path

from wire.errors import WireRefused
from wire.formats import read_wire_file
from wire.quotes import extract_quotes


def quotes_in(story, *, known_people=(), lexicon=None):
    """Return the ``Quote``s of a ``WireStory`` (captions are read for names and roles)."""
    return extract_quotes(
        headline=story.headline,
        dek=story.dek,
        paragraphs=story.paragraphs,
        language=story.language,
        known_people=known_people,
        captions=[caption for photo in story.photos for caption in _captions(photo)],
        lexicon=lexicon,
    )


def _captions(photo):
    return list(dict.fromkeys([photo.caption, *photo.captions.values()]))


def read_file(path, *, known_people=()):
    """Return the plain-data reading of the wire file at ``path``: the story and its
    quotations, or ``{"file", "error"}`` with one sentence when it is refused."""
    path = Path(path)
    try:
        story = read_wire_file(path)
    except FileNotFoundError:
        return {"file": str(path), "error": "There is no such file."}
    except IsADirectoryError:
        return {"file": str(path), "error": "This is a folder, not a file."}
    except PermissionError:
        return {"file": str(path), "error": "The file cannot be read (permission denied)."}
    except WireRefused as error:
        return {"file": str(path), "error": str(error)}
    return {"file": str(path), **story_data(story, quotes_in(story, known_people=known_people))}


def story_data(story, quotes):
    """Return a story and its quotations as JSON-ready data.

    Text fields the story lacks are ``None``; ``paragraphs`` are the body's paragraphs
    (subheadings are in ``blocks``), and each quotation says the paragraph and the
    block it begins in and the offset of its words there.
    """
    block_of_paragraph = story.paragraph_block_indexes()
    return {
        "format": story.format,
        "format_version": story.format_version or None,
        "charset": story.charset or None,
        "language": story.language or None,
        "headline": story.headline or None,
        "dek": story.dek or None,
        "byline": story.byline or None,
        "dateline": story.dateline.printed or None,
        "dateline_parts": {
            "place": story.dateline.place or None,
            "agency": story.dateline.agency or None,
            "date": story.dateline.date or None,
        },
        "paragraphs": story.paragraphs,
        "blocks": [asdict(block) for block in story.blocks],
        "quotes": [_quote_data(quote, block_of_paragraph) for quote in quotes],
        "photos": [
            {
                "caption": photo.caption or None,
                "credit": photo.credit or None,
                "credit_parts": asdict(photo.credit_parts),
                "captions": photo.captions,
                "position": photo.position,
            }
            for photo in story.photos
        ],
        "source": story.source or None,
        "item_id": story.item_id or None,
        "version": story.version or None,
        "slugline": story.slugline or None,
        "subjects": [asdict(subject) for subject in story.subjects],
        "keywords": story.keywords,
        "urgency": story.urgency,
        "embargo": story.embargo or None,
        "created": story.created or None,
        "updated": story.updated or None,
        "editorial_note": story.editorial_note or None,
        "sign_off": story.sign_off,
        "article": story.article_fields(),
    }


def _quote_data(quote, block_of_paragraph):
    speaker = quote.speaker
    block = None
    if quote.part == "body" and quote.paragraph is not None:
        block = block_of_paragraph[quote.paragraph]
    return {
        "text": quote.text,
        "speaker": asdict(speaker) if speaker else None,
        "role": quote.role or None,
        "kind": quote.kind,
        "confidence": quote.confidence,
        "part": quote.part,
        "paragraph": quote.paragraph,
        "block": block,
        "offset": quote.offset,
        "spans": quote.spans,
    }
