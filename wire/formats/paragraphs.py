"""Cutting plain text into paragraphs, as agencies and wire screens lay it out.

Three layouts meet here: one paragraph per line with blank lines between (text pasted
from a wire screen or a web page), paragraphs hard-wrapped at about 70 characters with
blank lines between (IPTC 7901), and wrapped paragraphs that start with an indent and
no blank line (ANPA-1312, some 7901 feeds).
"""

import re

BLANK_LINE = re.compile(r"\n[ \t\f\v\xa0]*\n")
INDENT = re.compile(r"^(?:\t| {2,})\S")
LINE_END = tuple(".!?…:\"”’»')")


def split_paragraphs(text):
    """Return the paragraphs of ``text``, each on one line, white space tidied."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for chunk in BLANK_LINE.split(text):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        paragraphs.extend(_chunk_paragraphs(lines))
    return paragraphs


def _chunk_paragraphs(lines):
    if len(lines) == 1:
        return [_tidy(lines[0])]
    if not _hard_wrapped(lines):
        # One paragraph per line (captions in two languages, a list, a pasted page).
        return [_tidy(line) for line in lines]
    indented = [bool(INDENT.match(line)) for line in lines]
    paragraphs, current = [], []
    for line, starts in zip(lines, indented, strict=True):
        # An indented line opens a paragraph, unless every line is indented alike.
        if current and starts and not all(indented):
            paragraphs.append(_tidy(" ".join(current)))
            current = []
        current.append(line.strip())
    paragraphs.append(_tidy(" ".join(current)))
    return paragraphs


def _hard_wrapped(lines):
    """Say whether the lines are one text wrapped at a fixed width: some line before
    the last ends mid-sentence, and the lines are of a wrapped text's length (wire
    formats wrap at 64 to 80 characters; a line per paragraph runs longer)."""
    body = lines[:-1]
    ends_mid_sentence = any(not line.endswith(LINE_END) for line in body)
    lengths = [len(line.strip()) for line in body]
    wrapped_width = all(length <= 90 for length in lengths)
    long_enough = sum(length >= 40 for length in lengths) >= len(body) / 2
    return ends_mid_sentence and wrapped_width and long_enough


def _tidy(line):
    return re.sub(r"[ \t\f\v]+", " ", line).strip()
