"""Plain text as pasted from a wire screen: the headline on the first line, then
paragraphs separated by blank lines.

Between the headline and the story's first paragraph stand, in any order, the dek,
the byline, the agency's name, an editor's note and photo captions with their
credits; the first paragraph may open with a dateline. See ``wire.formats.layout``
for how each is recognised.
"""

import re

from wire.errors import WireRefused
from wire.formats.body import add_body, photo
from wire.formats.layout import (
    TERMINAL,
    credit_line,
    is_byline,
    is_editorial_note,
    is_sign_off,
    is_source_line,
    looks_like_name,
    split_caption,
    split_dateline,
)
from wire.formats.paragraphs import split_paragraphs
from wire.story import WireStory

FORMAT = "text"
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
SENTENCE = re.compile(r"[.!?…][\"”’»)]*(?:\s|$)")
URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


def read_plain_text(text, *, charset=""):
    """Return the ``WireStory`` in ``text``, refusing text that is not a story."""
    paragraphs = split_paragraphs(text)
    _check_reads_as_story(paragraphs)
    story = WireStory(format=FORMAT, charset=charset, headline=paragraphs[0])
    body_start = _read_top(story, paragraphs)
    _put_dek_under_headline(story)
    add_body(story, paragraphs[body_start:])
    return story


def _put_dek_under_headline(story):
    """Some pages print the dek above the headline. A dek is the longer of the two and
    a headline has no full stop: when the line under the first is the shorter and has
    none, the first line was the dek."""
    headline, dek = story.headline, story.dek
    if dek and len(dek.split()) < len(headline.split()) * 0.75 and not dek.endswith(TERMINAL):
        story.headline, story.dek = dek, headline


def _read_top(story, paragraphs):
    """Read what stands between the headline and the first paragraph; return the index
    of the first paragraph of the body."""
    index = 1
    while index < len(paragraphs):
        text = paragraphs[index]
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if is_editorial_note(text):
            story.editorial_note = text
        elif (is_byline(text) or looks_like_name(text)) and not story.byline:
            story.byline = text  # "By …", or a writer's name alone on its line
        elif is_source_line(text):
            story.source = story.source or text
            story.byline = story.byline or text
        elif caption := split_caption(text):
            story.photos.append(photo(caption.caption, caption.credit))
        elif credit_line(following) and not is_sign_off(following):
            story.photos.append(photo(text, credit_line(following)))
            index += 1
        elif index == 1 and _is_furniture(following):
            story.dek = text
        else:
            return index
        index += 1
    return index


def _is_furniture(text):
    """Say whether ``text`` belongs to the top of a story rather than its body (so the
    paragraph before it, right under the headline, is the dek)."""
    if not text:
        return False
    return bool(
        is_byline(text)
        or looks_like_name(text)
        or is_source_line(text)
        or is_editorial_note(text)
        or split_caption(text)
        or credit_line(text)
        or split_dateline(text)[0]
    )


def _check_reads_as_story(paragraphs):
    if len(paragraphs) < 2:
        raise WireRefused(
            "The text reads as no wire format: a story needs a headline and at least one "
            "paragraph."
        )
    body = " ".join(paragraphs[1:])
    letters = len(LETTER.findall(body))
    visible = len(body.replace(" ", ""))
    # Prose: some paragraph is a sentence of several words (a list of links, a title
    # and a date, or a table is not a story).
    sentences = [
        paragraph
        for paragraph in paragraphs
        if len(paragraph.split()) >= 6 and SENTENCE.search(paragraph)
    ]
    if (
        letters < visible * 0.6
        or not sentences
        or len(paragraphs[0]) > 400
        or URL.match(paragraphs[0])
    ):
        raise WireRefused(
            "The text reads as no wire format: it has no headline and paragraphs of prose."
        )
