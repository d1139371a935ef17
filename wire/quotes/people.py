"""Who a story names: people and organisations, with the roles the story gives them.

A first reading of the whole story (captions included) finds every capitalised name,
splits titles from names ("Finance Minister" / "Ana Ruiz"), and collects the roles written
around them: an apposition after the name ("Omar Haddad, CEO of Brightline,"), a description
before it ("the manager of the bakery, Ines Park,") or a title
("senior party member Tom Lind"). Later mentions ("Ruiz", "the Fed", "Martín")
resolve to the fullest name the story gave.
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from wire.quotes.lexicon import (
    CONNECTORS,
    DETERMINERS,
    HONORIFICS,
    ORGANISATION_WORDS,
    PREPOSITIONS,
    RELATIVES,
    SENTENCE_CAPS,
    STOP_WORDS,
    TITLE_ABBREVIATIONS,
)

PARTICLES = frozenset(
    "de del della di da dos das du van von der den bin ibn al el la le y".split()
)
PARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|bin|ibn|abu|d')[-’'][A-ZÀ-Þ]")
PARTICLE_STARTS = ("al", "el", "ul", "bin", "ibn", "abu", "d'")
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
NAME_LINKS = PARTICLES | CONNECTORS
TITLE_LINKS = CONNECTORS | {"and", "y"}
# Where the head of a role phrase ends: its first preposition.
HEAD_ENDS = (PREPOSITIONS | CONNECTORS) - {"a"}
INITIAL = re.compile(r"^[A-ZÀ-Þ]\.$")
# A state or party after a lawmaker's name ("Md.", "R-Utah", "D-N.Y."): not a role.
STATE_OR_PARTY = re.compile(r"^(?:[A-Z][a-z]{1,4}\.|[RDI]-[\w.]+|[A-Z]\.[A-Z]\.)$")
VERB_LIKE = re.compile(r"(?:ed|ing|ó|ió|aba|ía)$")
# Description heads that name a source without naming them.
UNNAMED_HEADS = frozenset(
    "official officials source sources spokesman spokeswoman spokesperson aide diplomat "
    "officer funcionario funcionaria fuente fuentes portavoz cargo responsable".split()
)
# Role classes, strongest first: after the name, before it with a comma, a title.
APPOSITION, DESCRIBED, TITLE, HONORIFIC = 1, 2, 3, 4
# Marks an apposition that names an organisation ("… of the Environmental Working Group").
ORGANISATION_MARK = "\x00"


@lru_cache(maxsize=8192)
def normalise(text):
    """Return ``text`` folded for comparison: no accents, lower case, no possessive.
    (Cached: the same names are compared again and again.)"""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("’", "'")
    return re.sub(r"'s?\b", "", text).strip(" .,")


@lru_cache(maxsize=4096)
def content_words(text):
    """Return the words of ``text`` that carry meaning, folded."""
    return {word for word in normalise(text).replace("-", " ").split() if word not in STOP_WORDS}


@dataclass
class Role:
    text: str
    strength: int
    source: int  # 0 body, 1 headline or dek, 2 caption
    position: int


@dataclass
class Entity:
    """A person, organisation or unnamed source the story mentions."""

    name: str
    kind: str  # "person", "organisation", "unnamed" or "unknown"
    known: bool = False
    roles: list = field(default_factory=list)
    mentions: int = 0
    last_seen: int = -1

    @cached_property
    def tokens(self):
        return normalise(self.name).split()

    @cached_property
    def name_parts(self):
        """The name's words as written (without full stops) and its initials."""
        parts = [part.rstrip(".") for part in self.name.split()]
        return parts, "".join(part[0] for part in parts if part[:1].isupper())

    @cached_property
    def surnames(self):
        """The last name, and without its particle ("al-Amin" is also "Amin")."""
        words = [word for word in self.tokens if word not in NAME_SUFFIXES]
        if not words:
            return set()
        last = words[-1]
        return {last, re.sub(r"^(?:al|el|ul|bin|ibn|abu|d)[-']", "", last)}

    @property
    def role(self):
        """Return the role the story gives: the strongest kind of mention, from the body
        before captions, earliest first; a later role that extends it wins."""
        if not self.roles:
            return ""
        ranked = sorted(self.roles, key=lambda r: (r.strength, r.source, r.position))
        chosen = ranked[0].text
        longer = [
            r.text
            for r in self.roles
            if normalise(r.text).startswith(normalise(chosen) + " ") and r.strength <= TITLE
        ]
        return max(longer, key=len) if longer else chosen


@dataclass
class NameRun:
    """A name found in a sentence: its tokens, and the title or description before it."""

    first: int  # index of the first token of the name
    last: int  # index after the last
    name: str
    kind: str
    title: str = ""
    title_first: int = -1  # index where the title starts, if any
    # The entity the first reading filed a full name under (it will not change).
    entity: object = None


class Registry:
    """The people and organisations of one story."""

    def __init__(self, lexicon, known_people=()):
        self.lexicon = lexicon
        self.entities = {}
        self.unique = []
        self._unique_ids = set()
        self._runs = {}
        self._looked_up = {}
        # Whether lookups are remembered (not while the first reading files names).
        self.caching = True
        self._by_surname = {}
        self._alias_index = {}
        self._initials_index = {}
        for person in known_people:
            self._add_known(person)

    def _store(self, key, entity):
        if key not in self.entities:
            self.entities[key] = entity
            # It may be what another name resolves to: forget those answers.
            if not self.caching:
                self._looked_up.clear()
            elif entity.kind == "person":
                surnames = entity.surnames
                self._looked_up = {
                    name: found
                    for name, found in self._looked_up.items()
                    if name.rsplit(" ", 1)[-1] not in surnames
                }
            elif entity.kind == "organisation":
                self._looked_up.clear()
            if id(entity) not in self._unique_ids:
                self._unique_ids.add(id(entity))
                self.unique.append(entity)
                if entity.kind == "person":
                    for surname in entity.surnames:
                        self._by_surname.setdefault(surname, []).append(entity)
                elif entity.kind == "organisation" and " " in entity.name:
                    self._index_organisation(entity)
        return self.entities[key]

    def _add_known(self, person):
        if isinstance(person, str):
            name, aliases = person, ()
        else:
            name, aliases = person.get("name", ""), person.get("aliases", ())
        if not name:
            return
        entity = self._store(normalise(name), Entity(name=name, kind="person", known=True))
        entity.known = True
        for alias in aliases:
            self._store(normalise(alias), entity)

    # --- Finding names in a sentence ---------------------------------------------------

    def name_runs(self, tokens):
        """Return the ``NameRun``s of a sentence's tokens (remembered: the engine asks
        again for the same sentence and its beginnings)."""
        if not tokens:
            return []
        key = (id(tokens[0]), len(tokens))
        if key not in self._runs:
            self._runs[key] = self._find_runs(tokens)
        return self._runs[key]

    def run_ending_at(self, tokens, end):
        """Return the ``NameRun`` that ends just before token ``end`` in ``tokens``."""
        for run in self.name_runs(tokens):
            if run.last == end:
                return run
            if run.first < end < run.last:
                # The sentence's run goes on past ``end``: read the part before it.
                return next((r for r in self._find_runs(tokens[:end]) if r.last == end), None)
        return None

    def runs_within(self, tokens, end):
        """Return the ``NameRun``s of ``tokens`` that end by token ``end``."""
        runs = self.name_runs(tokens)
        if any(run.first < end < run.last for run in runs):
            return self._find_runs(tokens[:end])
        return [run for run in runs if run.last <= end]

    def _find_runs(self, tokens):
        runs, index, count = [], 0, len(tokens)
        while index < count:
            token = tokens[index]
            # (Inlined ``_starts_name``: this loop sees every word of the story.)
            if token.is_capitalised:
                if token.bare in SENTENCE_CAPS:
                    index += 1
                    continue
            elif not (token.is_word and _particle_name(token.text)):
                index += 1
                continue
            end = index + 1
            while end < count and self._continues_name(tokens, end):
                end += 1
            while end > index and tokens[end - 1].bare in NAME_LINKS:
                end -= 1
            if end == index:
                index += 1
                continue
            runs.append(self._split_title(tokens, index, end))
            index = end
        return runs

    def _continues_name(self, tokens, index):
        token = tokens[index]
        if tokens[index - 1].text.endswith(("'s", "’s")):
            return False  # "Egypt's Amin": a possessive ends a name.
        if token.kind != "word":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if token.text in ("'", "’") and token.start == tokens[index - 1].end:
                # "Manufacturers' Association": a plural possessive inside a name.
                return tokens[index - 1].text.endswith("s") and bool(
                    following and following.is_capitalised
                )
            return token.text == "&" and bool(following and following.is_capitalised)
        if token.is_capitalised:
            return (
                token.bare not in STOP_WORDS
                or token.text.isupper()
                or bool(INITIAL.match(token.text))
            )
        if _particle_name(token.text):
            return True
        if token.bare in NAME_LINKS:
            # "Pieter van der Berg", "Premio Nobel de la Paz", "Department of the Interior":
            # particles and articles lead on to a capitalised word.
            ahead = index + 1
            while (
                ahead < len(tokens)
                and ahead - index < 3
                and tokens[ahead].bare in NAME_LINKS | DETERMINERS
                and not tokens[ahead].is_capitalised
            ):
                ahead += 1
            if ahead < len(tokens):
                following = tokens[ahead]
                return following.is_capitalised and following.bare not in SENTENCE_CAPS
        return False

    def _split_title(self, tokens, first, end):
        """Split a capitalised run into a title and a name at its last role word
        ("Teachers Association President" / "Rosa Diaz")."""
        split = first
        last_name_word = end
        while last_name_word > first and tokens[last_name_word - 1].bare in NAME_SUFFIXES:
            last_name_word -= 1  # "Sr." after a name is part of it, not a title.
        for index in range(first, last_name_word - 1):
            word = tokens[index].bare
            if self.lexicon.is_role_noun(word, plural=False) or word in HONORIFICS:
                split = index + 1
        if split > first and all(t.bare in ORGANISATION_WORDS for t in tokens[split:end]):
            split = first  # "… Association", "… Union": an organisation, not a name
        if (
            split == first
            and end - first >= 3
            and first >= 2
            and tokens[first - 1].bare in CONNECTORS
            and self.lexicon.is_role_noun(tokens[first - 2].bare)
            and _kind(tokens[first + 1 : end]) == "person"
        ):
            # "el exalcalde de Villanueva Ramón Beltrán": the place completes the title
            # (but "portavoz del Programa Mundial de Alimentos" is one organisation).
            split = first + 1
        while split < end and tokens[split].bare in TITLE_LINKS:
            # "Secretary of State Ana Ruiz": the title's own complement, as long as
            # a name of two words is left.
            if tokens[split].bare in CONNECTORS and end - split > 3:
                split += 1
                while split < end and end - split > 2 and tokens[split].is_capitalised:
                    split += 1
                continue
            split += 1
        while (
            end - split > 2
            and tokens[split].text.isupper()
            and len(tokens[split].text) > 1
            and "." not in tokens[split].text
        ):
            split += 1  # "a EFE Lucía Herrera": an acronym before a name is not part of it
        name_tokens = tokens[split:end]
        if not name_tokens:
            text = _join(tokens[first:end])
            return NameRun(first, end, text, _kind(tokens[first:end]), title="", title_first=-1)
        title_tokens = tokens[first:split]
        title_first = first if title_tokens else -1
        # A title may go on in lower case before the run: "tattoo artist Lea Moss".
        start = first
        while start > 0 and first - start < 8:
            if self._title_word(tokens[start - 1]):
                start -= 1
            elif (
                split > first
                and start > 1
                and tokens[start - 1].bare in CONNECTORS
                and self._title_word(tokens[start - 2])
            ):
                start -= 2  # "exalcalde de" + "Villanueva" + the name
            else:
                break
        if start < first:
            title_tokens = tokens[start:split]
            title_first = start
        title = _join(
            [t for t in title_tokens if t.bare not in HONORIFICS or t.bare in TITLE_ABBREVIATIONS]
        )
        if title and not any(self.lexicon.is_role_noun(t.bare) for t in title_tokens):
            title, title_first = "", -1
        name = _join(name_tokens)
        return NameRun(split, end, name, _kind(name_tokens), title=title, title_first=title_first)

    def _title_word(self, token):
        if token.kind != "word" or token.bare in STOP_WORDS:
            return False
        if self.lexicon.is_speech_verb(token.text):
            return False
        return "-" in token.text or not VERB_LIKE.search(token.lower)

    # --- Roles ---------------------------------------------------------------------------

    def roles_around(self, tokens, run):
        """Return ``[(role text, strength)]`` the sentence gives the name in ``run``."""
        following = tokens[run.last] if run.last < len(tokens) else None
        preceding = tokens[run.first - 1] if run.first > 0 else None
        if (
            not run.title
            and (
                following is None or (following.text != "," and following.bare not in ("of", "de"))
            )
            and (preceding is None or preceding.text != ",")
        ):
            return []  # no comma, title or "of" around it: nothing can state a role
        found = []
        after = self._apposition(tokens, run.last)
        if after and after.startswith(ORGANISATION_MARK):
            # "Economist Mari Haugen of the Institute …": with a title, one role of both.
            organisation = after[len(ORGANISATION_MARK) :]
            if run.title:
                start = run.last
                after = f"{run.title} {_join(tokens[start : start + _span_of(tokens, start)])}"
            else:
                after = organisation
        if after:
            found.append((after, APPOSITION))
        # "the manager of the bakery, Ines Park, said": the name stands between
        # commas (or ends the sentence), in apposition; a name that goes on into its own
        # verb ("Preguntado por un periodista …, Gómez sonrió") is not described.
        closes = run.last == len(tokens) or tokens[run.last].is_punct(",.;)")
        before = closes and self._described_before(
            tokens, run.title_first if run.title else run.first
        )
        if before:
            found.append((before, DESCRIBED))
        if run.title:
            strength = TITLE
            if all(
                word.rstrip(".") in TITLE_ABBREVIATIONS for word in normalise(run.title).split()
            ):
                strength = HONORIFIC
            found.append((run.title, strength))
        return found

    def _apposition(self, tokens, index):
        """Read "Name, a role," or "Name of the Organisation" after the name."""
        if (
            index < len(tokens)
            and tokens[index].bare in ("of", "de")
            and tokens[index].kind == "word"
        ):
            start = index + 1
            while start < len(tokens) and tokens[start].bare in DETERMINERS:
                start += 1
            org_end = start
            while org_end < len(tokens) and self._continues_name(tokens, org_end):
                org_end += 1
            if org_end > start and tokens[start].is_capitalised:
                return ORGANISATION_MARK + _join(tokens[start:org_end])
            return ""
        if index >= len(tokens) or not tokens[index].is_punct(","):
            return ""
        segment = _segment(tokens, index + 1)
        if (
            segment
            and len(segment) == 1
            and (STATE_OR_PARTY.match(segment[0].text) or segment[0].text.isdigit())
        ):
            # "Tom H. Reed, Md., the …", "Lisa Cho, 45, a nurse …": the role is next.
            next_comma = index + 2
            if next_comma < len(tokens) and tokens[next_comma].is_punct(","):
                segment = _segment(tokens, next_comma + 1)
        role = self._role_phrase(segment)
        if role and segment:
            # "spokesman for the UN humanitarian office, OCHA." keeps its acronym.
            end = tokens.index(segment[-1]) + 1
            if (
                end + 2 <= len(tokens)
                and tokens[end].is_punct(",")
                and tokens[end + 1].kind == "word"
                and tokens[end + 1].text.isupper()
                and (end + 2 == len(tokens) or tokens[end + 2].is_punct(".;"))
            ):
                role = f"{role}, {tokens[end + 1].text}"
        return role

    def _described_before(self, tokens, index):
        """Read "the manager of the dealership, Name" before the name: the shortest
        phrase from a determiner (or the sentence's start) back from the comma that
        states a role ("su abogada" in "acompañado de su abogada, Marta Vidal")."""
        if index < 2 or not tokens[index - 1].is_punct(","):
            return ""
        end = index - 1
        start = end
        while start > 0 and end - start <= 14:
            token = tokens[start - 1]
            if token.text == ")":
                # "portavoz del Programa Mundial de Alimentos (PMA), Tomás Ibáñez"
                opening = next(
                    (i for i in range(start - 2, max(-1, start - 6), -1) if tokens[i].text == "("),
                    None,
                )
                if opening is None:
                    break
                start = opening
                continue
            if token.kind != "word" or self.lexicon.is_speech_verb(token.text):
                break
            start -= 1
            if token.bare in DETERMINERS or start == 0:
                role = self._role_phrase(tokens[start:end])
                if role:
                    return role
        return ""

    def _role_phrase(self, segment):
        """Return the role a phrase states, or "" when it states none ("the mind behind
        the iPhone", "at the hospital", an age, "Consultado por un periodista").

        A role names what someone is: the phrase's head, the words before its first
        preposition ("managing editor" of "managing editor of The Daily Ledger"), holds
        a title or an occupation.
        """
        while segment and (segment[0].bare in DETERMINERS or segment[0].is_punct("-")):
            segment = segment[1:]
        if not segment or len(segment) > 20 or segment[0].kind != "word":
            return ""
        if segment[0].bare in STOP_WORDS or segment[0].text.isdigit():
            return ""  # "at the hospital", "who ...", "se reúne con ...", an age.
        if any(self.lexicon.is_speech_verb(t.text) for t in segment):
            return ""
        head = []
        for token in segment:
            if token.bare in HEAD_ENDS:
                break
            head.append(token)
        if not any(self.lexicon.is_role_noun(t.bare) for t in head):
            return ""
        return _join(segment)

    # --- The story's entities ------------------------------------------------------------

    def record(self, run, roles, source, position):
        """Note a name the first reading found, with the roles around it."""
        if len(run.name.split()) < 2 and run.kind != "organisation" and not roles:
            return
        if STATE_OR_PARTY.match(run.name):
            return
        entity = self.lookup(run.name, kind=run.kind, create=True)
        if entity is None:
            return
        if self.entities.get(normalise(run.name)) is entity:
            run.entity = entity
        for text, strength in roles:
            if entity.kind != "organisation":
                entity.roles.append(Role(text, strength, source, position))

    def lookup(self, name, *, kind="unknown", create=False):
        """Return the entity a name refers to: the same name, a person by surname, an
        organisation by a word, prefix or acronym of its name; or a new one."""
        key = normalise(name)
        if not key:
            return None
        if key in self.entities:
            return self.entities[key]
        if key in self._looked_up and (self._looked_up[key] is not None or not create):
            return self._looked_up[key]
        found, ambiguous = self._resolve(name, key)
        if found is not None or not create:
            if self.caching and not ambiguous:  # Two Muellers: ask again later.
                self._looked_up[key] = found
            return found
        if kind == "unknown" and len(key.split()) >= 2:
            kind = "person"
        return self._store(key, Entity(name=_clean_name(name), kind=kind))

    def _resolve(self, name, key):
        words = [word for word in key.split() if word not in NAME_SUFFIXES]
        if words:
            matches = [
                e for e in self._by_surname.get(words[-1], ()) if set(words[:-1]) <= set(e.tokens)
            ]
            if matches:
                best = max(matches, key=lambda e: (e.last_seen, e.mentions, len(e.name)))
                return best, len(matches) > 1
        if len(words) == 1:
            organisation = self._organisation_alias(name)
            return organisation, organisation is not None
        return None, False

    def _organisation_alias(self, word):
        """Return the organisation a single word stands for: one of its name's words
        ("Acme" for Acme Inc.), the start of one ("Fed" for Federal Reserve), or its
        initials ("NTEU"); the most mentioned when several."""
        word = word.strip().rstrip(".").replace("’s", "").replace("'s", "")
        candidates = list(self._alias_index.get(word, ()))
        if word.isupper() and len(word) >= 2:
            candidates += self._initials_index.get(word, ())
        if not candidates:
            return None
        return max(candidates, key=lambda e: (e.mentions, e.last_seen))

    def _index_organisation(self, entity):
        parts, initials = entity.name_parts
        for part in parts:
            # Short forms are cut from a word's start: "Fed", "Dept", "Intl" (up to 5).
            keys = {part, *(part[:size] for size in range(3, min(len(part), 6)))}
            for key in keys:
                self._alias_index.setdefault(key, []).append(entity)
        self._initials_index.setdefault(initials, []).append(entity)

    def people(self):
        return [e for e in self.unique if e.kind == "person"]

    def organisations(self):
        return [e for e in self.unique if e.kind == "organisation"]

    def add_unnamed(self, description):
        key = "unnamed:" + normalise(description)
        return self._store(key, Entity(name=description, kind="unnamed"))


def _kind(tokens):
    words = {t.bare for t in tokens}
    if not words.isdisjoint(ORGANISATION_WORDS) or not words.isdisjoint(("of", "de", "for")):
        return "organisation"
    if len(tokens) == 1 and tokens[0].text.isupper() and len(tokens[0].text) >= 2:
        return "organisation"
    return "person" if len(tokens) >= 2 else "unknown"


def _particle_name(text):
    """Say whether a lower-case word is a name with its particle ("al-Amin")."""
    return (
        ("-" in text or "'" in text or "’" in text)
        and text.startswith(PARTICLE_STARTS)
        and bool(PARTICLE_PREFIX.match(text))
    )


def _span_of(tokens, start):
    """Return how many tokens "of the Organisation" takes from ``start``."""
    end = start + 1
    while end < len(tokens) and tokens[end].bare in DETERMINERS:
        end += 1
    while end < len(tokens) and (
        tokens[end].is_capitalised or (tokens[end].bare in CONNECTORS and end + 1 < len(tokens))
    ):
        end += 1
    while end > start and tokens[end - 1].bare in CONNECTORS | DETERMINERS:
        end -= 1
    return end - start


def _segment(tokens, start):
    """Return the tokens from ``start`` to the next comma, full stop, bracket, relative
    pronoun or quotation."""
    end = start
    while end < len(tokens):
        token = tokens[end]
        if token.kind == "quote" or token.is_punct(",.;:()[]—–"):
            break
        if token.bare in RELATIVES and end > start:
            break
        end += 1
    return tokens[start:end]


def _join(tokens):
    """Return the text of consecutive tokens, spaced as written."""
    if not tokens:
        return ""
    parts = [tokens[0].text]
    for previous, token in itertools.pairwise(tokens):
        parts.append((" " if token.start > previous.end else "") + token.text)
    return "".join(parts)


def _clean_name(name):
    name = re.sub(r"['’]s$", "", name.strip())
    return name.rstrip("'’")


join_tokens = _join
