"""The quote engine: quotations and their speakers from a story's text.

Rules, not a model. Each paragraph's quotations are found by their marks; the
sentence around each is read for its attribution: a verb of saying with its subject
after the quotation ("…," Ruiz said / said Ann Bell / dijo el mandatario) or
before it (Ruiz said: "…" / said he "…"), "according to" / "según", or none, when
a quotation continues the previous one. Subjects resolve through the story's people
(``wire.quotes.people``): surnames to full names, pronouns to the person the story
is talking about, descriptions to the person whose role they echo or to the one in
focus, Spanish verbs without a subject to the current speaker. Quoted words with no
one to say them (scare quotes, titles, names) are left out.
"""

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from wire.quotes.lexicon import (
    DETERMINERS,
    GENERIC_ORGANISATION_HEADS,
    GENERIC_PERSON_HEADS,
    GROUP_PRONOUNS,
    NON_FINITE,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PREPOSITIONS,
    lexicon_for,
    role_group,
    singular,
)
from wire.quotes.marks import find_spans, uses_single_quotes
from wire.quotes.mentions import Mention, MentionReader
from wire.quotes.model import Quote, Speaker
from wire.quotes.people import UNNAMED_HEADS, Registry, content_words, normalise
from wire.quotes.tokens import CONTENT_END, sentences, tokenize

INVERTED_PRONOUN = re.compile(r"^\w+(?:-t)?-(il|elle|ils|elles)$", re.IGNORECASE)
ANAPHORIC_OBJECTS = frozenset("that this it so eso esto lo cela ça isso".split())
# Languages that drop the subject of a verb ("insistió"), and put it after the verb.
PRO_DROP = frozenset({"es", "fr", "pt", "it"})
POSITION_STEP = 1_000_000
NOT_BEFORE_SUBJECT = PREPOSITIONS | DETERMINERS
# Paragraphs read for names even when no quotation comes that far (a headline's).
LEAD_PARAGRAPHS = 6
# Mentions that make an organisation the one a story is about.
DOMINANT_MENTIONS = 3


@dataclass
class _Unit:
    part: str
    index: int | None
    text: str
    position: int
    spans: list = field(default_factory=list)
    words: list = field(default_factory=list)
    tokens: list = field(default_factory=list)
    sentences: list = field(default_factory=list)


@dataclass
class _Attribution:
    entity: object
    mention: str
    kind: str
    confidence: float


@dataclass
class _Focus:
    """Whom the story is talking about at this point."""

    person: object = None
    organisation: object = None
    speaker: object = None
    speaker_paragraph: int = -10
    unnamed: object = None
    unnamed_paragraph: int = -10
    # The last person or organisation a sentence was about, or who spoke.
    subject: object = None


def extract_quotes(
    *,
    headline="",
    dek="",
    paragraphs=(),
    language="en",
    known_people=(),
    captions=(),
    lexicon=None,
):
    """Return the ``Quote``s of a story, in reading order.

    ``known_people`` are names (or ``{"name", "aliases"}``) the caller knows, so a
    surname in the story resolves to them; ``captions`` are read for names and roles
    only. Nothing is looked up anywhere: the text and these arguments are all there is.
    """
    engine = _Engine(lexicon or lexicon_for(language), known_people, language)
    return engine.run(headline, dek, list(paragraphs), list(captions))


class _Engine:
    def __init__(self, lexicon, known_people, language):
        self.lexicon = lexicon
        self.language = language
        self.registry = Registry(lexicon, known_people)
        self.reader = MentionReader(lexicon, self.registry)
        self.focus = _Focus()
        self._according_starts = {phrase[0] for phrase in lexicon.according_to}

    # --- Reading ---------------------------------------------------------------------

    def run(self, headline, dek, paragraphs, captions):
        singles_everywhere = uses_single_quotes(paragraphs)
        units = [
            _Unit("headline", None, headline, 0),
            _Unit("dek", None, dek, POSITION_STEP),
            *(
                _Unit("body", index, text, (index + 2) * POSITION_STEP)
                for index, text in enumerate(paragraphs)
            ),
        ]
        caption_units = [
            _Unit("caption", index, text, -(index + 1) * POSITION_STEP)
            for index, text in enumerate(captions)
        ]
        for unit in units + caption_units:
            single = singles_everywhere or unit.part in ("headline", "dek")
            unit.spans = find_spans(unit.text, single_quotes=single) if unit.text else []
        # Nothing after the last quotation can change who said it (stories name people
        # in full and give their roles when they first appear), save the paragraph right
        # after it ("the mayor has said that") and the lead paragraphs, where the people of a
        # headline's or dek's quotation are named: the rest is not read.
        last = max((i for i, unit in enumerate(units) if unit.spans), default=-1)
        units = units[: max(last + 2, 2 + LEAD_PARAGRAPHS)]
        for unit in units + caption_units:
            self._prepare(unit)
        self.registry.caching = False  # names arrive fast while reading them all
        self._learn_names(units, caption_units)
        self.registry.caching = True
        chains = self._chains(units)
        found = self._found = {}
        self._units_by_index = {unit.index: unit for unit in units if unit.part == "body"}
        for unit in units[: last + 1]:
            for number, sentence in enumerate(unit.sentences):
                self._read_sentence(unit, sentence, number, found)
        return self._assemble(units, chains, found)

    def _prepare(self, unit):
        unit.words = [span.text(unit.text) for span in unit.spans]
        unit.tokens = tokenize(unit.text, unit.spans)
        unit.sentences = self._join_attributions(sentences(unit.tokens, unit.words), unit.words)

    def _join_attributions(self, cut, words):
        """Put back an attribution cut off after a quotation ending in a full stop
        ("Why?" Smith asked.)."""
        joined = []
        for sentence in cut:
            previous = joined[-1] if joined else None
            if (
                previous
                and previous[-1].kind == "quote"
                and words[previous[-1].quote].endswith(CONTENT_END)
                and not any(t.kind == "quote" for t in sentence)
                and any(self.lexicon.is_speech_verb(t.text) for t in sentence[:5])
                and len(sentence) <= 12
            ):
                previous.extend(sentence)
            else:
                joined.append(sentence)
        return joined

    def _learn_names(self, units, caption_units):
        """First reading: every name and the roles around it, fullest names first so
        that surnames met earlier resolve to them."""
        found = []
        for unit in caption_units + units:
            source = {"body": 0, "headline": 1, "dek": 1, "caption": 2}[unit.part]
            for sentence in unit.sentences:
                for run in self.registry.name_runs(sentence):
                    roles = self.registry.roles_around(sentence, run)
                    found.append((run, roles, source, unit.position + sentence[0].start))
        found.sort(key=lambda item: len(item[0].name.split()) < 2)
        for run, roles, source, position in found:
            self.registry.record(run, roles, source, position)

    def _chains(self, units):
        """Link a quotation left open at a paragraph's end with the one opening the next
        paragraph: ``{(unit, span): (next unit, span)}``."""
        links = {}
        body = [unit for unit in units if unit.part == "body"]
        for unit, following in itertools.pairwise(body):
            if not unit.spans or unit.spans[-1].closed or not following.spans:
                continue
            first = following.spans[0]
            if following.text[: first.opened].strip() == "":
                links[(id(unit), len(unit.spans) - 1)] = (following, 0)
        return links

    # --- Attribution -----------------------------------------------------------------

    def _read_sentence(self, unit, sentence, number, found):
        self.reader.headline_style = unit.part in ("headline", "dek")
        self._paragraph = unit.index if unit.index is not None else -1
        speakers = {}
        for position, token in enumerate(sentence):
            if token.kind != "quote":
                continue
            attribution = self._attribute(unit, sentence, position, number, speakers)
            if attribution is not None:
                speakers[position] = attribution
                found[(id(unit), token.quote)] = attribution
                if attribution.entity is not None:
                    self._remember_speaker(attribution.entity, unit)
        self._update_focus(unit, sentence, speakers)

    def _attribute(self, unit, sentence, position, number, speakers):
        words = unit.words[sentence[position].quote]
        lead, tail = sentence[:position], sentence[position + 1 :]
        lead_words = [t for t in lead if t.is_word]
        earlier = [speakers[p] for p in sorted(speakers) if p < position]
        if lead_words and _looks_like_title(words) and not (lead and lead[-1].is_punct(":")):
            return None
        if not lead_words:
            found = self._after_quote(sentence, position + 1, adjacent=True)
            if found is not None:
                return self._attribution(found, "direct")
            if earlier:
                return _Attribution(earlier[-1].entity, earlier[-1].mention, "direct", 0.85)
            return self._unattributed(unit, sentence, position, number, words)
        kind = self._kind(lead)
        if lead[-1].is_punct(":") and not earlier:
            # "Carney: 'We will respond'" (a headline's way), "Milei: «No habrá …»".
            named = self.reader.ending_at(sentence, len(lead) - 2)
            if named is not None and named.first in (0, 1) and named.kind != "pronoun":
                return self._attribution((named, 0.85), "direct")
        cue = self._last_cue(sentence, position)
        if cue is not None:
            kind_of_cue, index = cue
            if kind_of_cue == "according":
                if _inside_noun_phrase(sentence, index, position):
                    return None
                mention = self.reader.after(sentence, index)
                return self._attribution((mention, 0.9), kind) if mention else None
            mention = self._subject_of(sentence, index, position)
            if mention is not None:
                return self._attribution((mention, 0.9), kind)
            if earlier:
                return _Attribution(earlier[-1].entity, earlier[-1].mention, kind, 0.8)
            # Only some languages leave a verb's subject out; in English a verb of
            # saying without a person or organisation before it ("One study says") has
            # no speaker to give.
            if self.language in PRO_DROP and not self.reader.nominal_before(sentence, index):
                return self._subjectless(kind)
            return None
        found = self._after_quote(sentence, position + 1, adjacent=False)
        if found is not None:
            return self._attribution(found, kind)
        if earlier:
            return _Attribution(earlier[-1].entity, earlier[-1].mention, kind, 0.75)
        if position == len(sentence) - 1 or all(not t.is_word for t in tail):
            ahead = self._look_ahead(unit, number)
            if ahead is not None:
                return self._attribution((ahead, 0.6), kind)
        return None

    def _kind(self, lead):
        """Direct when the quotation follows a colon, or a comma right after the verb
        of saying ("by saying, …"); partial inside the reporter's sentence."""
        last = lead[-1]
        if last.is_punct(":"):
            return "direct"
        if last.is_punct(","):
            for back in range(len(lead) - 2, max(-1, len(lead) - 6), -1):
                token = lead[back]
                if token.bare in ("that", "que", "qu'"):
                    break
                if self.lexicon.is_speech_verb(token.text) or INVERTED_PRONOUN.match(token.text):
                    return "direct"
        return "partial"

    def _last_cue(self, sentence, position):
        """Return the last verb of saying or "according to" before the quotation at
        ``position`` (outside other quotations): ``("verb" | "according", index)``;
        for "according" the index is where the source's name starts."""
        for index in range(position - 1, -1, -1):
            token = sentence[index]
            if token.kind != "word":
                continue
            size = self._according_at(sentence, index)
            if size:
                return "according", index + size
            if self.lexicon.is_speech_verb(token.text) or INVERTED_PRONOUN.match(token.text):
                return "verb", index
        return None

    def _subject_of(self, sentence, verb, position):
        token = sentence[verb]
        inverted = INVERTED_PRONOUN.match(token.text) or (
            verb > 0 and INVERTED_PRONOUN.match(sentence[verb - 1].text)
        )
        if inverted:
            word = inverted.group(1).lower()
            return Mention("pronoun", word)
        mention = self.reader.subject_before(sentence, verb)
        if mention is not None and token.lower not in NON_FINITE:
            return mention
        if mention is None and self.language in PRO_DROP:
            between = sentence[verb + 1 : position]
            if between and between[0].bare not in ("que", "qu'", "que,"):
                after = self.reader.after(sentence, verb + 1)
                if after is not None and after.last <= position:
                    return after
        if token.lower in NON_FINITE:
            # "noting that …": the sentence's speaker said it.
            for index in range(verb - 1, -1, -1):
                if self.lexicon.is_speech_verb(sentence[index].text):
                    return self._subject_of(sentence, index, position)
            return mention
        return mention

    def _after_quote(self, sentence, start, *, adjacent):
        """Read the attribution after a quotation: "…," Ruiz said / said Ann Bell /
        insistió. ``adjacent`` wants it right after the marks; otherwise it may come at
        the end of the reporter's sentence (", the ministry said"). Return ``(Mention or
        None, confidence)`` or None when there is no attribution."""
        index = start
        while index < len(sentence) and sentence[index].is_punct(",:;)"):
            index += 1
        limit = len(sentence)
        for later in range(index, len(sentence)):
            if sentence[later].kind == "quote":
                limit = later
                break
        verbs = [
            i
            for i in range(index, limit)
            if (
                self.lexicon.is_speech_verb(sentence[i].text)
                or INVERTED_PRONOUN.match(sentence[i].text)
            )
            and not _negated(sentence, i)
        ]
        if not verbs:
            found = self._according_after(sentence, index, limit)
            if found is None and not adjacent and limit < len(sentence):
                # "visit "is a nightmare" because … "intensifies …," said X": the
                # attribution after the sentence's last quotation covers this one too.
                last = max(i for i, t in enumerate(sentence) if t.kind == "quote")
                found = self._after_quote(sentence, last + 1, adjacent=True)
            return found
        verb = verbs[0]
        if not adjacent and limit < len(sentence):
            return None  # The verb introduces the next quotation, not this one.
        token = sentence[verb]
        inverted = INVERTED_PRONOUN.match(token.text)
        if inverted:
            return Mention("pronoun", inverted.group(1).lower()), 0.85
        if verb == index:
            mention = self.reader.after(sentence, verb + 1)
            if mention is not None and mention.last <= limit:
                return mention, 0.95
            return None, 0.75  # "…", insistió.
        if adjacent and verb - index > 14:
            return None
        if (
            not adjacent
            and not sentence[verb - 1].is_word
            and not sentence[verb - 1].is_punct(",")
        ):
            return None
        mention = self.reader.subject_before(sentence, verb)
        if mention is None:
            return (None, 0.7) if adjacent else None
        if adjacent and mention.first not in (-1, index) and mention.first > index + 1:
            return None
        if not adjacent and mention.first > 0:
            before = mention.first - 1
            while before > 0 and sentence[before].bare in DETERMINERS:
                before -= 1
            # ", the ministry said": the attribution stands after a comma (or the quotation).
            if not (sentence[before].is_punct(",") or sentence[before].kind == "quote"):
                return None
        return mention, 0.95 if mention.kind == "name" else 0.85

    def _according_after(self, sentence, index, limit):
        for cursor in range(index, limit):
            size = self._according_at(sentence, cursor)
            if size:
                mention = self.reader.after(sentence, cursor + size)
                return (mention, 0.85) if mention is not None else None
        return None

    def _according_at(self, sentence, index):
        """Return the length of an "according to" phrase starting at ``index``, or 0."""
        if sentence[index].lower not in self._according_starts:
            return 0
        for phrase in self.lexicon.according_to:
            words = tuple(t.lower for t in sentence[index : index + len(phrase)])
            if words == phrase:
                return len(phrase)
        return 0

    def _unattributed(self, unit, sentence, position, number, words):
        """A quotation standing as its own sentence with no verb of saying: it goes on
        from the previous quotation (the same paragraph's, or the previous paragraph's
        last), or the next sentence says who said it ("the mayor has said that"). Quoted
        words that the reporter's sentence goes on after ("Operation Dawn" began …) are
        a name, not a quotation."""
        if any(token.is_word for token in sentence[position + 1 :]):
            return None
        previous = self._previous_in_unit(unit, sentence[position].quote)
        if previous is not None:
            return _Attribution(previous.entity, previous.mention, "direct", 0.8)
        opens_paragraph = unit.spans and sentence[position].quote == 0 and number == 0
        if (
            opens_paragraph
            and unit.part == "body"
            and self.focus.speaker is not None
            and self.focus.speaker_paragraph == unit.index - 1
        ):
            return _Attribution(self.focus.speaker, "", "direct", 0.75)
        ahead = self._look_ahead(unit, number)
        if ahead is not None:
            return self._attribution((ahead, 0.6), "direct")
        return None

    def _previous_in_unit(self, unit, quote_number):
        for number in range(quote_number - 1, -1, -1):
            attribution = self._found.get((id(unit), number))
            if attribution is not None and attribution.entity is not None:
                return attribution
        return None

    def _look_ahead(self, unit, number):
        """Return the subject of a next sentence such as "Senator Jim Hall has said that"."""
        following = None
        if number + 1 < len(unit.sentences):
            following = unit.sentences[number + 1]
        elif unit.part == "body":
            later = self._units_by_index.get(unit.index + 1)
            following = later.sentences[0] if later and later.sentences else None
        if not following:
            return None
        for index, token in enumerate(following[:10]):
            if self.lexicon.is_speech_verb(token.text):
                after = following[index + 1] if index + 1 < len(following) else None
                if after is not None and after.bare in ANAPHORIC_OBJECTS:
                    return self.reader.subject_before(following, index)
                return None
            if token.kind == "quote":
                return None
        return None

    def _subjectless(self, kind):
        entity = self.focus.subject or self.focus.speaker or self.focus.person
        return _Attribution(entity, "", kind, 0.7) if entity is not None else None

    def _attribution(self, found, kind):
        mention, confidence = found
        if mention is None:
            attribution = self._subjectless(kind)
            if attribution is not None:
                attribution.confidence = min(attribution.confidence, confidence)
            return attribution
        entity, certainty = self._resolve(mention)
        if entity is None:
            return None
        return _Attribution(entity, mention.text, kind, round(confidence * certainty, 2))

    # --- Who is meant ------------------------------------------------------------------

    def _resolve(self, mention):
        """Return ``(entity, certainty)`` for a mention, or ``(None, 0)``."""
        if mention.kind == "pronoun":
            word = _pronoun_word(mention.text)
            if word in PERSON_PRONOUNS:
                return self.focus.person, 0.9
            if word in GROUP_PRONOUNS:
                return (self.focus.organisation or self.focus.person), 0.8
            return None, 0
        if mention.kind == "name":
            entity = self.registry.lookup(mention.name, create=True)
            return entity, 1.0
        if mention.kind == "document":
            return (self.focus.organisation or self.focus.person), 0.6
        return self._resolve_description(mention)

    def _resolve_description(self, mention):
        # Lower case as written: the word lists keep their accents ("oposición").
        words = {word.lower() for word in mention.words}
        ordered = [word.lower() for word in mention.head] or sorted(words)
        head = set(ordered) | {singular(word) for word in ordered}
        text = _without_determiner(mention.text)
        written = text.split()
        if mention.first == 0 and written:
            written = written[1:]  # capitalised only because the sentence starts there
        capitalised = [
            w
            for w in written
            if w[:1].isupper()
            and not self.lexicon.is_role_noun(w.lower())
            and w.lower() not in PERSON_NOUNS
        ]
        kind = self._noun_kind(ordered)
        person, organisation = kind == "person", kind == "organisation"
        if organisation and capitalised:
            # "the Lisbon city council": a named organisation.
            return self.registry.lookup(text, kind="organisation", create=True), 0.9
        if mention.indefinite:
            return self.registry.add_unnamed(text), 0.8
        if person:
            described = plain_role_words(text)
            best, best_overlap = None, 0
            for entity in self.registry.people():
                roles = [r.text for r in entity.roles]
                known = set(entity.tokens).union(*(plain_role_words(r) for r in roles))
                # Each word of the description counts: two for the same word, one for
                # another word for the same role ("el mandatario", "presidente").
                overlap = sum(
                    2 if word in known else 1 if role_group(word) & known else 0
                    for word in described
                )
                if overlap > best_overlap or (
                    overlap == best_overlap
                    and best
                    and overlap
                    and entity.last_seen > best.last_seen
                ):
                    best, best_overlap = entity, overlap
            if best is not None:
                return best, 0.85
            if head & UNNAMED_HEADS:
                # "the official": the unnamed source met lately, or a new one.
                if self.focus.unnamed is not None and (
                    self._paragraph - self.focus.unnamed_paragraph <= 3
                ):
                    return self.focus.unnamed, 0.75
                return self.registry.add_unnamed(text), 0.6
            focus = self.focus.person
            if focus is not None and (head & GENERIC_PERSON_HEADS or not focus.roles):
                # "el mandatario", "the leader": whoever the story is about.
                return focus, 0.7
            # A role no one named holds ("el fiscal"): someone the story does not name.
            return self.registry.add_unnamed(text), 0.6
        plural = any(word != singular(word) and singular(word) in head for word in head)
        if organisation and plural:
            # "los sindicatos", "the unions": a group, not one organisation named earlier.
            return self.registry.lookup(text, kind="organisation", create=True), 0.6
        if organisation:
            seen = [e for e in self.registry.organisations() if e.last_seen >= 0]
            # "the union": the organisation whose name has that word (in a headline, one
            # the story names only further down).
            named = [
                e for e in self.registry.organisations() if content_words(text) & set(e.tokens)
            ]
            if named:
                return max(named, key=lambda e: (e.mentions, e.last_seen)), 0.8
            generic = bool(head & GENERIC_ORGANISATION_HEADS)
            # "the central bank" in a story about a named one: the organisation it keeps
            # coming back to (only for words any organisation may be called by; "la
            # oposición" is not the government the story is about).
            dominant = [e for e in seen if e.mentions >= DOMINANT_MENTIONS]
            if dominant and generic:
                return max(dominant, key=lambda e: (e.mentions, e.last_seen)), 0.75
            if len(content_words(text)) >= 2 or not generic:
                # "the port authority", "the finance ministry": the organisation as the
                # story describes it.
                return self.registry.lookup(text, kind="organisation", create=True), 0.65
            if self.focus.organisation is not None:
                return self.focus.organisation, 0.6
            if seen:
                return max(seen, key=lambda e: (e.mentions, e.last_seen)), 0.55
            return self.registry.lookup(text, kind="organisation", create=True), 0.5
        return None, 0

    def _noun_kind(self, head):
        """Return "person", "organisation" or "" for a description's head words: the
        last noun decides in English ("Public Workers Union"), the first in Spanish
        ("periodista ruso"), so the last known noun is read first."""
        for word in (head[-1], head[0]) if head else ():
            for form in (word, singular(word)):
                if form in ORGANISATION_WORDS:
                    return "organisation"
                if form in PERSON_NOUNS or self.lexicon.is_role_noun(form):
                    return "person"
        return ""  # "the carmaker's bankruptcy": a thing, which says nothing

    def _remember_speaker(self, entity, unit):
        self.focus.subject = entity
        if entity.kind == "person":
            self.focus.person = entity
        elif entity.kind == "organisation":
            self.focus.organisation = entity
        elif entity.kind == "unnamed":
            self.focus.unnamed = self.focus.person = entity
            self.focus.unnamed_paragraph = unit.index if unit.index is not None else -1
        self.focus.speaker = entity
        self.focus.speaker_paragraph = unit.index if unit.index is not None else -1

    def _update_focus(self, unit, sentence, speakers):
        """After a sentence: count who it mentions, and move the focus to its subject."""
        position = unit.position
        subject = None
        for run in self.registry.name_runs(sentence):
            entity = run.entity or self.registry.lookup(run.name, kind=run.kind)
            if entity is None:
                continue
            entity.mentions += 1
            entity.last_seen = position + sentence[run.first].start
            preceding = sentence[run.first - 1] if run.first > 0 else None
            plausible_subject = preceding is None or preceding.bare not in NOT_BEFORE_SUBJECT
            if subject is None and plausible_subject and entity.kind in ("person", "organisation"):
                subject = entity
        if speakers:
            return
        verbs = self.lexicon.speech_verbs
        for index, token in enumerate(sentence):
            if token.text in verbs:
                infinitive = index and sentence[index - 1].bare in ("to", "a")
                if infinitive or _negated(sentence, index):
                    continue  # "not authorised to speak": not what the sentence says
                mention = self.reader.subject_before(sentence, index)
                if mention is None:
                    continue
                if mention.kind == "description" and mention.indefinite:
                    # "A Commission spokeswoman said …": someone unnamed now in focus, whom a
                    # "she said" next refers to.
                    entity = self.registry.add_unnamed(_without_determiner(mention.text))
                    self.focus.unnamed = self.focus.person = self.focus.subject = entity
                    self.focus.unnamed_paragraph = unit.index if unit.index is not None else -1
                    return
                entity, _ = self._resolve(mention)
                if entity is not None:
                    # Someone said something: a verb without a subject next refers to them.
                    subject = self.focus.subject = entity
                break
        starts = self._according_starts
        source = None
        if any(token.lower in starts for token in sentence):
            source = self._according_after(sentence, 0, len(sentence))
        if source is not None and source[0] is not None:
            # "According to the weather service, …": the source is in focus.
            entity, _ = self._resolve(source[0])
            if entity is not None and entity.kind in ("person", "organisation"):
                subject = self.focus.subject = entity
        if subject is not None:
            if subject.kind == "person":
                self.focus.person = subject
            elif subject.kind == "organisation":
                self.focus.organisation = subject

    # --- Output ------------------------------------------------------------------------

    def _assemble(self, units, chains, found):
        quotes = []
        continued = {(id(following), number) for following, number in chains.values()}
        for unit in units:
            for number, span in enumerate(unit.spans):
                key = (id(unit), number)
                if key in continued:
                    continue
                parts = [(unit, number)]
                while (id(parts[-1][0]), parts[-1][1]) in chains:
                    parts.append(chains[(id(parts[-1][0]), parts[-1][1])])
                attributions = [found.get((id(u), n)) for u, n in parts]
                attribution = next((a for a in attributions if a and a.entity), None)
                if attribution is None and unit.part in ("headline", "dek"):
                    attribution = self._echoed(unit.words[number], units, found)
                if attribution is None:
                    continue
                first = attributions[0] or attribution
                text = " ".join(u.words[n] for u, n in parts)
                text = text[:-1].rstrip() if text.endswith(",") else text
                quotes.append(self._quote(unit, span, text, attribution, first.kind, parts))
        return quotes

    def _echoed(self, words, units, found):
        """Return the attribution of the body quotation a headline's or dek's quoted
        words repeat ("'We will not leave': villagers defy …" over "We will not leave,"
        said Marc Lefebvre)."""
        key = normalise(words)
        if len(key) < 3:
            return None
        for unit in units:
            if unit.part != "body":
                continue
            for number, text in enumerate(unit.words):
                attribution = found.get((id(unit), number))
                if attribution is not None and attribution.entity and key in normalise(text):
                    return _Attribution(attribution.entity, attribution.mention, "direct", 0.7)
        return None

    def _quote(self, unit, span, text, attribution, kind, parts):
        entity = attribution.entity
        speaker = Speaker(
            name=entity.name, kind=entity.kind, mention=attribution.mention, known=entity.known
        )
        role = entity.role if entity.kind == "person" else ""
        return Quote(
            text=text,
            speaker=speaker,
            role=role,
            kind=kind,
            confidence=round(min(attribution.confidence, 1.0), 2),
            part=unit.part,
            paragraph=unit.index,
            offset=span.offset(unit.text),
            spans=[
                {
                    "part": u.part,
                    "paragraph": u.index,
                    "offset": u.spans[n].offset(u.text),
                    "length": len(u.words[n]),
                }
                for u, n in parts
            ],
        )


@lru_cache(maxsize=2048)
def plain_role_words(text):
    """Return the words of a role or a description, with former holders' roles
    ("exalcalde": "alcalde")."""
    words = set()
    for word in content_words(text):
        words.add(word)
        if word.startswith(("ex-", "ex")) and len(word) > 4:
            words.add(word[3:] if word.startswith("ex-") else word[2:])
    return frozenset(words)


def _pronoun_word(text):
    word = text.lower()
    for ending in ("'d", "’d", "'ll", "’ll", "'s", "’s"):
        word = word.removesuffix(ending)
    return word


def _without_determiner(text):
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _looks_like_title(words):
    """Say whether quoted words are a title or a name ("Blue Harbour", "Premio Luna
    de Oro"): short, and most of their words capitalised."""
    tokens = list(re.findall(r"[^\W\d_][\w'’-]*", words))
    if not tokens or len(tokens) > 6 or words.rstrip().endswith((".", "?", "!")):
        return False
    significant = [w for w in tokens if len(w) > 3 or w[0].isupper()]
    capitalised = [w for w in significant if w[0].isupper()]
    return tokens[0][0].isupper() and len(capitalised) >= max(1, len(significant) * 0.6)


def _inside_noun_phrase(sentence, index, position):
    """Say whether the quotation at ``position`` sits inside the phrase that starts at
    ``index`` (after "according to"): "according to the new “heat map”"."""
    between = sentence[index:position]
    return len(between) <= 4 and all(
        t.is_word and (t.bare in DETERMINERS or not t.is_capitalised) for t in between
    )


def _negated(sentence, index):
    """Say whether the verb at ``index`` is negated ("did not respond"): not saying."""
    return any(
        t.bare in ("not", "no", "never", "n't", "nunca", "pas")
        for t in sentence[max(0, index - 2) : index]
    )
