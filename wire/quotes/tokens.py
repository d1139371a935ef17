"""Words, punctuation and quotations of a paragraph as tokens, cut into sentences.

A quotation is one token (``kind == "quote"``), so the reporter's sentence around it
can be read without the quoted words' own punctuation getting in the way.
"""

import re

from wire.quotes.lexicon import ABBREVIATIONS, HONORIFICS, TITLE_ABBREVIATIONS

TITLES = HONORIFICS | TITLE_ABBREVIATIONS

WORD = r"[^\W_]\w*(?:['’\-][^\W_]\w*)*(?:\.[^\W\d_](?=\.))*"
WORD_OR_MARK = re.compile(rf"(?P<word>{WORD})|(?P<mark>[^\w\s]|_)")
SENTENCE_END = frozenset(".!?…")
POSSESSIVES = ("'s", "’s")
CONTENT_END = tuple(".!?…")


class Token:
    """A word, a punctuation mark or a whole quotation (``kind`` "word", "punct",
    "quote"; ``quote`` is then its number among the paragraph's spans). What the
    engine asks of a token is worked out once, here: it asks many times."""

    __slots__ = (
        "bare",
        "end",
        "is_capitalised",
        "is_word",
        "kind",
        "lower",
        "quote",
        "start",
        "text",
    )

    def __init__(self, text, start, end, kind, quote=-1):
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.quote = quote
        if kind != "word":
            self.lower = self.bare = text
            self.is_word = self.is_capitalised = False
            return
        self.lower = lower = text.lower()
        self.is_word = True
        self.is_capitalised = text[0].isupper()
        # The word in lower case without a final full stop or possessive ending.
        bare = lower.rstrip(".") if lower[-1] == "." else lower
        if ("'" in bare or "’" in bare) and bare.endswith(POSSESSIVES):
            bare = bare[:-2]
        self.bare = bare

    def __repr__(self):
        return f"Token({self.text!r}, {self.kind})"

    def is_punct(self, chars):
        return self.kind == "punct" and self.text in chars


def tokenize(text, spans):
    """Return the tokens of ``text``, each span in ``spans`` as one quotation token."""
    tokens, position = [], 0
    for number, span in enumerate(spans):
        tokens += _words(text, position, span.opened)
        tokens.append(
            Token(text[span.opened : span.closed_at], span.opened, span.closed_at, "quote", number)
        )
        position = span.closed_at
    tokens += _words(text, position, len(text))
    return tokens


def _words(text, start, end):
    tokens, taken = [], start
    for match in WORD_OR_MARK.finditer(text, start, end):
        index, word_end = match.span()
        if index < taken:
            continue  # the full stop an abbreviation took
        if match.lastgroup == "mark":
            tokens.append(Token(match.group(), index, word_end, "punct"))
            continue
        if word_end < end and text[word_end] == "." and _abbreviation(match.group()):
            word_end += 1
        taken = word_end
        tokens.append(Token(text[index:word_end], index, word_end, "word"))
    return tokens


def _abbreviation(word):
    """Say whether a full stop after ``word`` is an abbreviation's, not a sentence's:
    initials, dotted abbreviations, and titles, months and states, which are written
    with a capital (so the Spanish "mar." that ends a sentence is not March)."""
    return (
        "." in word
        or (len(word) == 1 and word.isupper())
        or (word[0].isupper() and word.lower() in ABBREVIATIONS)
    )


def sentences(tokens, quote_texts):
    """Cut ``tokens`` into sentences (lists of tokens). ``quote_texts`` are the quoted
    words by quotation number: a quotation ending in a full stop ends its sentence
    when a new one starts after it."""
    result, start = [], 0
    for index in range(len(tokens) - 1):
        token = tokens[index]
        if token.kind == "word" and not token.text.endswith("."):
            continue  # the common case, decided quickly
        if _ends_sentence(token, tokens[index + 1], quote_texts):
            result.append(tokens[start : index + 1])
            start = index + 1
    if start < len(tokens):
        result.append(tokens[start:])
    return result


def _ends_sentence(token, following, quote_texts):
    opens_next = following.is_capitalised or following.kind == "quote" or following.text in "¿¡"
    if token.kind == "punct" and token.text in SENTENCE_END:
        return opens_next or following.text[:1].isdigit()
    if token.kind == "word" and token.text.endswith(".") and following.kind == "quote":
        # "… in the U.S. "It was bizarre."": an abbreviation ends the sentence when a
        # quotation follows (a title such as "Rep." never stands before one).
        return token.text.lower().rstrip(".") not in TITLES
    if token.kind == "quote":
        # "…a farmer's friend." Then the next sentence; the engine joins back an
        # attribution that follows such a quotation ("Why?" Smith asked.).
        words = quote_texts[token.quote].rstrip().rstrip("'’”\"»")
        return words.endswith(CONTENT_END) and opens_next
    return False
