"""Turning a story's paragraphs into body blocks, photos and sign-off lines.

Shared by every reader: the text formats send nothing but paragraphs, and even the
XML formats carry the dateline inside the first paragraph and the sign-off ("Reporting
by ...") as the last one.
"""

import re

from wire.formats.credits import credit_parts
from wire.formats.language import guess_language
from wire.formats.layout import (
    credit_line,
    is_caption_without_credit,
    is_editorial_note,
    is_separator,
    is_sign_off,
    is_subheading,
    split_caption,
    split_dateline,
)
from wire.story import HEADING, PARAGRAPH, Block, Photo

LIST_ITEM = re.compile(r"^\d{1,2}[.)]\s+(?P<text>\S.*)$")


def photo(caption, credit, position=0):
    """Return a ``Photo`` with ``credit`` as printed and read into parts."""
    return Photo(
        caption=caption, credit=credit, credit_parts=credit_parts(credit), position=position
    )


def add_body(story, paragraphs, *, find_headings=True, find_captions=True):
    """Append ``paragraphs`` to ``story`` as blocks, taking out what is not body text:
    the dateline of the first paragraph, photo captions, sign-offs, separators.

    Each paragraph is its text, or ``(kind, text)`` when the format marked it up as a
    heading or a paragraph already.
    """
    list_items = []
    for index, item in enumerate(paragraphs):
        marked, text = item if isinstance(item, tuple) else (None, item)
        if not text or is_separator(text):
            continue
        if marked == HEADING:
            story.blocks.append(Block(HEADING, text))
            continue
        if is_sign_off(text):
            story.sign_off.append(text)
            continue
        if is_editorial_note(text) and not story.blocks:
            story.editorial_note = " ".join(filter(None, [story.editorial_note, text]))
            continue
        if find_captions and _took_caption(story, text):
            continue
        if not any(block.kind == PARAGRAPH for block in story.blocks):
            dateline, rest = split_dateline(text)
            if dateline:
                _merge_dateline(story, dateline)
                text = rest
                if not text:
                    continue
        numbered = LIST_ITEM.match(text)
        if numbered and find_headings:
            list_items.append((len(story.blocks), numbered.group("text")))
            story.blocks.append(Block(PARAGRAPH, text))
            continue
        last = index == len(paragraphs) - 1
        kind = HEADING if find_headings and not last and is_subheading(text) else PARAGRAPH
        story.blocks.append(Block(kind, text))
    _drop_table_of_contents(story, list_items)


def _took_caption(story, text):
    credit = credit_line(text)
    if credit:
        # A credit on its own line belongs to the paragraph just above it.
        if story.blocks and story.blocks[-1].kind == PARAGRAPH:
            caption = story.blocks.pop().text
            story.photos.append(photo(caption, credit, len(story.blocks)))
            return True
        return False
    caption = split_caption(text)
    if caption:
        story.photos.append(photo(caption.caption, caption.credit, len(story.blocks)))
        return True
    if story.blocks and is_caption_without_credit(text):
        story.photos.append(photo(text, "", len(story.blocks)))
        return True
    return False


def _merge_dateline(story, found):
    """Keep what the format printed as the dateline, else take the one printed in the
    text, keeping a date the format gave (a place it gave may be the editing desk's,
    so the printed place wins)."""
    current = story.dateline
    if current.printed:
        current.agency = current.agency or found.agency
        return
    current.printed = found.printed
    current.place = found.place or current.place
    current.agency = found.agency or current.agency
    current.date = current.date or found.date


def _drop_table_of_contents(story, items):
    """Drop a numbered list whose items are the story's own subheadings: it is a table
    of contents, which the article builds from its headings itself."""
    if len(items) < 2:
        return
    headings = {block.text for block in story.blocks if block.kind == HEADING}
    if all(text in headings for _, text in items):
        for position, _ in reversed(items):
            del story.blocks[position]


def merge_language_captions(story):
    """Join captions printed one under the other with the same credit: one photo,
    captioned in several languages (agencies serving two languages print both)."""
    merged = []
    for item in story.photos:
        language = guess_language(item.caption)
        previous = merged[-1] if merged else None
        if (
            previous
            and item.credit
            and item.credit == previous.credit
            and item.position == previous.position
            and (language or previous.captions)
            and language not in previous.captions
        ):
            # A caption too short to tell its language still differs from the one above.
            language = language or next(
                code for code in ("en", "es", "fr", "pt", "de") if code not in previous.captions
            )
            previous.captions[language] = item.caption
            continue
        if language and not item.captions:
            item.captions[language] = item.caption
        merged.append(item)
    story.photos[:] = merged
