"""Finding the spans between quotation marks in one paragraph.

Handles straight and curly double quotes, « » guillemets, „ “ low-high quotes, AP's
``…'' and, where a text uses them as its quotation marks, single quotes. Marks nested
inside a quotation (‘…’ inside “…”, “…” inside «…») belong to its text. A quotation
still open at the end of the paragraph is returned unclosed, so the engine can join it
with the next paragraph's.
"""

import re
from dataclasses import dataclass

CLOSERS = {"“": "”", "«": "»", "„": "“”", "``": "''", '"': '"', "‘": "’", "'": "'"}
DOUBLE_OPENERS = ("``", "“", "«", "„", '"')
SINGLE_OPENERS = ("‘", "'")
DOUBLE_CANDIDATES = re.compile('["“«„`]')
SINGLE_CANDIDATES = re.compile("[\"“«„`‘']")
OPENING_CONTEXT = " \t\n([{—–-/:;,\xa0“«„‘"
CLOSING_CONTEXT = " \t\n)]}.,;:!?…—–-\xa0”»’\"'"


@dataclass
class Span:
    """The text between one pair of marks: ``start``/``end`` bound the words, ``opened``
    is where the opening mark stands and ``closed_at`` is after the closing one."""

    opened: int
    start: int
    end: int
    closed_at: int
    closed: bool

    def text(self, paragraph):
        """Return the quoted words: between the marks, trimmed, without one trailing
        comma (which belongs to the attribution)."""
        words = paragraph[self.start : self.end].strip()
        return words[:-1].rstrip() if words.endswith(",") else words

    def offset(self, paragraph):
        """Return where the quoted words begin in the paragraph."""
        raw = paragraph[self.start : self.end]
        return self.start + len(raw) - len(raw.lstrip())


def find_spans(text, *, single_quotes=False):
    """Return the top-level quotation ``Span``s of ``text``, in order."""
    spans = []
    index, length = 0, len(text)
    openers = DOUBLE_OPENERS + (SINGLE_OPENERS if single_quotes else ())
    candidates = SINGLE_CANDIDATES if single_quotes else DOUBLE_CANDIDATES
    while index < length:
        # Jump to the next character that could open a quotation.
        found = candidates.search(text, index)
        if found is None:
            break
        index = found.start()
        mark = _opening_mark(text, index, openers)
        if not mark:
            index += 1
            continue
        start = index + len(mark)
        if mark == '"' and text.startswith('"', start):
            start += 1  # A doubled opening mark (a typing slip) opens once.
        end, closed_at = _closing(text, start, mark)
        spans.append(
            Span(opened=index, start=start, end=end, closed_at=closed_at, closed=end != length)
        )
        index = closed_at
    return [span for span in spans if text[span.start : span.end].strip(" ,\xa0")]


def uses_single_quotes(texts):
    """Say whether single quotes are a text's quotation marks: it has no double ones."""
    return not any(mark in text for text in texts for mark in ('"', "“", "«", "„", "``"))


def _opening_mark(text, index, openers):
    for mark in openers:
        if not text.startswith(mark, index):
            continue
        after = text[index + len(mark) : index + len(mark) + 1]
        if not after or (after.isspace() and mark not in ("«", "„")):
            return ""
        if mark in ('"', "'"):
            before = text[index - 1] if index else " "
            if before not in OPENING_CONTEXT and not before.isspace():
                return ""
            if mark == "'" and not after.isalpha():
                return ""
        return mark
    return ""


def _closing(text, start, mark):
    """Return ``(end of the words, index after the closing mark)`` for a quotation
    opened by ``mark``; ``(len(text), len(text))`` when it stays open."""
    closers = CLOSERS[mark]
    nested_opener = "«" if mark == "«" else "“" if mark == "“" else None
    depth, index, length = 0, start, len(text)
    while index < length:
        char = text[index]
        if mark == "``" and text.startswith("''", index):
            return index, index + 2
        if nested_opener and char == nested_opener:
            depth += 1
        elif char in closers and mark != "``":
            if mark in ('"', "'") and not _closes(text, index, mark):
                index += 1
                continue
            if depth and mark in ("«", "“"):
                depth -= 1
            else:
                return index, index + 1
        elif mark == "“" and char == '"' and _closes(text, index, '"'):
            return index, index + 1  # Mixed typography: “ … "
        index += 1
    return length, length


def _closes(text, index, mark):
    """Say whether the straight mark at ``index`` closes: it follows a word or
    punctuation and is followed by a space, punctuation or the end."""
    after = text[index + 1 : index + 2]
    before = text[index - 1] if index else " "
    if before.isspace():
        return False
    if mark == "'" and before.isalpha() and after.isalpha():
        return False  # An apostrophe inside a word.
    return not after or after in CLOSING_CONTEXT or after.isspace()
