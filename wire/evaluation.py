"""Measuring the wire desk against stories an editor annotated by hand.

A folder holds ``NAME.txt`` stories with ``NAME.expected.json`` beside them (see the
wire README for the conventions). Each story is read as the import reads it, its
quotations found, and the result compared with the annotation:

Quotation spans: a found quotation matches an expected one when their texts are equal
after normalising (Unicode NFKC; curly and straight quotes and apostrophes, and
no-break spaces, made plain; runs of white space made one space; one trailing comma
dropped; case folded). Each expected quotation matches at most one found one, so a
quotation repeated in the headline and the body counts twice when found twice.
Precision is matched / found, recall matched / expected, F1 their harmonic mean.

Of the matched quotations: the speaker is right when the names are equal after
folding accents, case, full stops and a leading article; the role is right when both
are empty or, after the same folding, one contains the other (annotators cut
appositions at different places: "civil service expert" for "a civil service expert
with decades of federal government experience").

Headline, dateline and byline are right when equal after white space is tidied (an
absent one equals none expected). Photo credits and captions are compared as lists,
each printed credit or caption matched at most once.

``leave_one_out`` scores each story with the words only that story uses (its verbs of
saying and role nouns that no other story in the folder contains) taken out of the
engine's lexicon: how much the result leans on words the engine met nowhere else.
"""

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from wire.formats import read_wire
from wire.quotes import lexicon_for
from wire.quotes.lexicon import ROLE_NOUNS
from wire.reading import quotes_in

QUOTE_MARKS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "\xa0": " ",
        "\u202f": " ",
    }
)
ARTICLES = ("the ", "el ", "la ", "los ", "las ", "un ", "una ", "a ", "an ", "le ", "o ")


def normalise_text(text):
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTE_MARKS)
    text = " ".join(text.split())
    return text[:-1].rstrip() if text.endswith(",") else text


def normalise_quote(text):
    return normalise_text(text).casefold()


def normalise_name(name):
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = " ".join(text.replace(".", " ").casefold().split())
    for article in ARTICLES:
        if text.startswith(article):
            return text[len(article) :]
    return text


def role_matches(found, expected):
    found, expected = normalise_name(found), normalise_name(expected)
    if not found or not expected:
        return not found and not expected
    return found in expected or expected in found


@dataclass
class StoryScore:
    name: str
    expected: int = 0
    found: int = 0
    matched: int = 0
    speaker_right: int = 0
    role_right: int = 0
    kind_right: int = 0
    headline_right: bool = False
    dateline_right: bool = False
    byline_right: bool = False
    credits: tuple = (0, 0)  # (matched, compared)
    captions: tuple = (0, 0)
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    removed_words: list = field(default_factory=list)

    @property
    def precision(self):
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self):
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    stories: list

    def total(self):
        total = StoryScore(name="overall")
        for story in self.stories:
            for name in (
                "expected",
                "found",
                "matched",
                "speaker_right",
                "role_right",
                "kind_right",
            ):
                setattr(total, name, getattr(total, name) + getattr(story, name))
            total.credits = _add(total.credits, story.credits)
            total.captions = _add(total.captions, story.captions)
        return total

    def share(self, attribute):
        return sum(bool(getattr(s, attribute)) for s in self.stories) / max(1, len(self.stories))


def _add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def evaluate_story(name, data, expected, *, lexicon=None):
    """Return the ``StoryScore`` of the story in ``data`` (bytes) against ``expected``."""
    story = read_wire(data)
    quotes = quotes_in(story, lexicon=lexicon)
    score = StoryScore(name=name, expected=len(expected["quotes"]), found=len(quotes))
    unused = list(quotes)
    for wanted in expected["quotes"]:
        key = normalise_quote(wanted["text"])
        candidates = [q for q in unused if normalise_quote(q.text) == key]
        if not candidates:
            score.missed.append(wanted)
            continue
        same_speaker = [
            q
            for q in candidates
            if q.speaker and normalise_name(q.speaker.name) == normalise_name(wanted["speaker"])
        ]
        found = (same_speaker or candidates)[0]
        unused.remove(found)
        score.matched += 1
        speaker_right = bool(found.speaker) and normalise_name(found.speaker.name) == (
            normalise_name(wanted["speaker"])
        )
        role_right = role_matches(found.role, wanted.get("role"))
        score.speaker_right += speaker_right
        score.role_right += role_right
        score.kind_right += found.kind == wanted.get("kind")
        if not (speaker_right and role_right):
            score.wrong.append((wanted, found))
    score.extra = unused
    score.headline_right = normalise_text(story.headline) == normalise_text(expected["headline"])
    score.dateline_right = normalise_text(story.dateline.printed) == normalise_text(
        expected.get("dateline")
    )
    score.byline_right = normalise_text(story.byline) == normalise_text(expected.get("byline"))
    score.credits = _compare_lists(
        [p.credit for p in story.photos if p.credit], expected.get("photo_credits", [])
    )
    score.captions = _compare_lists(
        [p.caption for p in story.photos], expected.get("captions", [])
    )
    return score


def _compare_lists(found, expected):
    remaining = [normalise_text(item) for item in found]
    matched = 0
    for item in expected:
        key = normalise_text(item)
        if key in remaining:
            remaining.remove(key)
            matched += 1
    return matched, max(len(found), len(expected))


def load_folder(folder):
    """Return ``[(name, bytes, expected)]`` for the annotated stories in ``folder``."""
    cases = []
    for path in sorted(Path(folder).glob("*.expected.json")):
        story = path.with_name(path.name.removesuffix(".expected.json") + ".txt")
        if story.is_file():
            expected = json.loads(path.read_text(encoding="utf-8"))
            cases.append((story.stem, story.read_bytes(), expected))
    return cases


def evaluate_folder(folder, *, leave_one_out=False):
    """Return the ``Report`` for the annotated stories in ``folder``."""
    cases = load_folder(folder)
    if not cases:
        raise ValueError(f"No annotated stories (NAME.txt with NAME.expected.json) in {folder}.")
    words = [_words(data) for _, data, _ in cases]
    scores = []
    for index, (name, data, expected) in enumerate(cases):
        lexicon = None
        removed = []
        if leave_one_out:
            others = set().union(*(w for i, w in enumerate(words) if i != index))
            lexicon = lexicon_for(expected.get("language") or "en")
            known = lexicon.speech_verbs | ROLE_NOUNS
            removed = sorted((words[index] - others) & known)
            lexicon = lexicon.without(removed)
        score = evaluate_story(name, data, expected, lexicon=lexicon)
        score.removed_words = removed
        scores.append(score)
    return Report(stories=scores)


def _words(data):
    text = data.decode("utf-8", errors="replace").lower()
    return set(re.findall(r"[^\W\d_][\w'’-]*", text))


def format_report(report):
    """Return the report as a text table, per story and overall."""
    header = (
        f"{'story':40} {'exp':>4} {'found':>5} {'match':>5} {'P':>5} {'R':>5} {'F1':>5} "
        f"{'speaker':>7} {'role':>5} {'kind':>5}  head date byl credits"
    )
    lines = [header, "-" * len(header)]
    for story in [*report.stories, report.total()]:
        matched = story.matched or 1
        line = (
            f"{story.name[:40]:40} {story.expected:>4} {story.found:>5} {story.matched:>5} "
            f"{story.precision:>5.2f} {story.recall:>5.2f} {story.f1:>5.2f} "
            f"{story.speaker_right / matched:>7.2f} {story.role_right / matched:>5.2f} "
            f"{story.kind_right / matched:>5.2f}"
        )
        if story.name == "overall":
            lines.append("-" * len(header))
            line += (
                f"  {report.share('headline_right'):4.2f} {report.share('dateline_right'):4.2f}"
                f" {report.share('byline_right'):4.2f} {_ratio(story.credits):>7}"
            )
        else:
            line += (
                f"  {_mark(story.headline_right):>4} {_mark(story.dateline_right):>4}"
                f" {_mark(story.byline_right):>3} {_ratio(story.credits):>7}"
            )
        lines.append(line)
    lines.append("")
    lines.append(
        "Speaker, role and kind: shares of the matched quotations. head/date/byl: headline, "
        "dateline, byline right (overall: share of stories). credits: photo credits "
        "matched / compared."
    )
    return "\n".join(lines)


def format_details(report):
    """Return what went wrong, story by story: missed, extra and misattributed quotes."""
    lines = []
    for story in report.stories:
        if story.removed_words:
            lines.append(f"{story.name}: without {', '.join(story.removed_words)}")
        for wanted in story.missed:
            lines.append(f"{story.name}: missed “{wanted['text'][:70]}” ({wanted['speaker']})")
        for quote in story.extra:
            speaker = quote.speaker.name if quote.speaker else "?"
            lines.append(f"{story.name}: extra “{quote.text[:70]}” ({speaker})")
        for wanted, found in story.wrong:
            lines.append(
                f"{story.name}: “{wanted['text'][:50]}” by {found.speaker.name!r} "
                f"as {found.role!r}; expected {wanted['speaker']!r} as {wanted.get('role')!r}"
            )
    return "\n".join(lines)


def _mark(value):
    return "yes" if value else "no"


def _ratio(pair):
    return f"{pair[0]}/{pair[1]}"
