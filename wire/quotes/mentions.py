"""Reading the phrase that names a speaker around a verb of saying.

A speaker is written as a name ("Finance Minister Ana Ruiz"), a pronoun ("she"), a
description ("the central bank", "el mandatario", "un alto cargo de defensa"), or a
relative pronoun standing for the phrase before it ("the city council, which has
spoken about ..."). These functions read one from a sentence's tokens; the engine
decides who it is.
"""

from dataclasses import dataclass, field, replace

from wire.quotes.lexicon import (
    AUXILIARIES,
    CONJUNCTIONS,
    CONNECTORS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_PRONOUNS,
    INDEFINITE,
    NON_FINITE,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    RELATIVES,
    STOP_WORDS,
    singular,
)
from wire.quotes.people import PARTICLE_PREFIX, join_tokens

CONTRACTIONS = ("'d", "’d", "'ll", "’ll", "'s", "’s")
CIRCUMSTANCE_PREPOSITIONS = frozenset("a al to en in durante during tras after on à em".split())
# Outlets a quotation is said to, which are not its speaker.
AGENCY_NAMES = frozenset(
    "efe afp reuters ap dpa ansa europa press xinhua bloomberg cnn bbc sputnik tass".split()
)
TIME_WORDS = frozenset(
    "lunes martes miércoles jueves viernes sábado domingo hoy ayer anoche mañana semana "
    "mes año pasado monday tuesday wednesday thursday friday saturday sunday today "
    "yesterday tonight week month year lundi mardi mercredi jeudi vendredi samedi "
    "dimanche hier segunda terça quarta quinta sexta sábado ontem este esta".split()
)


@dataclass
class Mention:
    kind: str  # "name", "pronoun", "description"
    text: str
    name: str = ""
    title: str = ""
    words: set = field(default_factory=set)
    # The words before any "of"/"de": where a description's noun is ("head" in "the
    # Israeli head of government", "periodista" in "el periodista ruso").
    head: tuple = ()
    indefinite: bool = False
    first: int = -1
    last: int = -1


def pronoun_of(token):
    word = token.lower
    for ending in CONTRACTIONS:
        word = word.removesuffix(ending)
    return word if word in PERSON_PRONOUNS | GROUP_PRONOUNS else ""


class MentionReader:
    def __init__(self, lexicon, registry):
        self.lexicon = lexicon
        self.registry = registry
        # Headlines and deks drop articles: "minister says", "Ministra critica".
        self.headline_style = False

    # --- Before a verb ---------------------------------------------------------------

    def subject_before(self, tokens, verb):
        """Return the ``Mention`` of the subject of the verb at ``verb``, reading left:
        past auxiliaries, a parenthesis between commas, a relative pronoun (its
        antecedent), a coordinated verb ("Gómez sonrió y dijo")."""
        index = verb - 1
        if (
            index >= 1
            and tokens[index].bare in ("to", "a", "de")
            and tokens[index - 1].is_word
            and not tokens[index - 1].is_capitalised
            and tokens[index - 1].bare not in STOP_WORDS
        ):
            # "continued to describe", "se limitó a manifestar": the governing verb's subject.
            index -= 2
        while index >= 0 and (tokens[index].bare in AUXILIARIES or tokens[index].is_punct("-")):
            index -= 1
        if index < 0:
            return None
        token = tokens[index]
        if token.is_punct(","):
            opening = self._previous_comma(tokens, index)
            enclosed = self.ending_at(tokens, index - 1)
            # "El economista jefe …, Luis Mora, advirtió": the name between the
            # commas is the subject, the phrase before it describes them.
            if (
                enclosed is not None
                and enclosed.kind == "name"
                and opening is not None
                and enclosed.first == opening + 1
            ):
                return enclosed
            if opening is None:
                # "Ministry cuts its forecast, warns of …": the sentence's subject.
                return self.sentence_subject(tokens, index)
            if opening == 0:
                return None
            return self.ending_at(tokens, opening - 1)
        if token.bare in RELATIVES:
            return self._antecedent(tokens, index)
        coordinated = token.bare in CONJUNCTIONS
        if coordinated:
            index -= 1
            skipped = 0
            while (
                index >= 0
                and skipped < 3
                and tokens[index].is_word
                and not (tokens[index].is_capitalised or pronoun_of(tokens[index]))
            ):
                index -= 1
                skipped += 1
            if index < 0:
                return None
        mention = self.ending_at(tokens, index)
        if mention is not None:
            return mention
        if coordinated:
            # "The Reserve Bank of India kept its rate unchanged and warned …"
            return self.sentence_subject(tokens, index)
        # "he'd predictably preface by saying": a pronoun or name a few words back.
        for back in range(index - 1, max(-1, index - 6), -1):
            if tokens[back].kind != "word":
                break
            if pronoun_of(tokens[back]) or tokens[back].is_capitalised:
                return self.ending_at(tokens, back)
        return None

    def nominal_before(self, tokens, verb):
        """Say whether a word that could be the verb's subject stands right before it (so
        the verb is not one of those a language leaves without a subject)."""
        index = verb - 1
        while index >= 0 and tokens[index].bare in AUXILIARIES:
            index -= 1
        if index < 0:
            return False
        token = tokens[index]
        return token.is_word and token.bare not in STOP_WORDS

    def sentence_subject(self, tokens, limit):
        """Return the noun phrase a sentence opens with, when a verb follows it."""
        for end in range(min(limit, 10)):
            mention = self.ending_at(tokens, end)
            following = tokens[end + 1] if end + 1 < limit else None
            if (
                mention is not None
                and (mention.first == 0 or (mention.first == 1 and tokens[0].bare in DETERMINERS))
                and following is not None
                and following.is_word
                and not following.is_capitalised
                and not self._continues_phrase(following)
            ):
                return mention
        return None

    def _continues_phrase(self, token):
        """Say whether ``token`` carries a noun phrase on ("Central" + "bank", "Reserve
        Bank" + "of India") rather than starting what is said of it."""
        word = token.bare
        return (
            word in CONNECTORS
            or word in PERSON_NOUNS
            or word in ORGANISATION_WORDS
            or singular(word) in ORGANISATION_WORDS
            or self.lexicon.is_role_noun(word)
        )

    def _previous_comma(self, tokens, index):
        """Return the comma opening the parenthesis that ends at ``index``, when the
        parenthesis says nothing itself: no quotation, no verb of saying outside a
        relative clause ("…, who has not commented on …, said")."""
        saying = False
        for back in range(index - 1, -1, -1):
            token = tokens[back]
            if token.kind == "quote" or token.is_punct(".;:"):
                return None
            if self.lexicon.is_speech_verb(token.text) and token.lower not in NON_FINITE:
                saying = True  # (", speaking in London," says nothing itself)
            if token.is_punct(","):
                relative = back + 1 < index and tokens[back + 1].bare in RELATIVES
                return None if saying and not relative else back
        return None

    def _antecedent(self, tokens, index):
        if index >= 1 and tokens[index - 1].is_punct(","):
            return self.ending_at(tokens, index - 2) if index >= 2 else None
        return self.ending_at(tokens, index - 1) if index >= 1 else None

    def ending_at(self, tokens, end):
        """Return the noun phrase that ends at token ``end``: a pronoun, a name with any
        title before it, or a description back to its determiner."""
        if end < 0 or tokens[end].kind != "word":
            return None
        token = tokens[end]
        if pronoun_of(token):
            return Mention("pronoun", token.text, first=end, last=end + 1)
        if token.is_capitalised or PARTICLE_PREFIX.match(token.text):
            run = self.registry.run_ending_at(tokens, end + 1)
            if run is not None and not self._only_title(run, tokens):
                begin = run.title_first if run.title_first >= 0 else run.first
                if not self._complement(tokens, begin):
                    return Mention(
                        "name",
                        join_tokens(tokens[begin : end + 1]),
                        name=run.name,
                        title=run.title,
                        first=begin,
                        last=end + 1,
                    )
        return self._description_ending_at(tokens, end)

    def _only_title(self, run, tokens):
        """Say whether a capitalised run is a title with no name ("Mayor says …")."""
        return all(self.lexicon.is_role_noun(t.bare) for t in tokens[run.first : run.last])

    def _skip_circumstance(self, tokens, index):
        """Return where the words after a verb of saying stop telling when, where or to
        whom it was said: a time ("este lunes", "on Tuesday") or a short prepositional
        phrase ("en un comunicado", "a la AFP", "a EFE") before the speaker."""
        for _ in range(3):
            start = index
            preposition = index < len(tokens) and tokens[index].bare in CIRCUMSTANCE_PREPOSITIONS
            if preposition:
                index += 1
            while index < len(tokens) and tokens[index].bare in DETERMINERS:
                index += 1
            if index >= len(tokens) or tokens[index].kind != "word":
                return start
            token = tokens[index]
            if token.is_capitalised:
                # To whom: an agency or outlet ("a EFE", "a la AFP"); a person's name
                # after it is the speaker ("dijo a EFE Lucía Herrera").
                if not preposition or not (token.text.isupper() or token.lower in AGENCY_NAMES):
                    return start
                index += 1
            else:
                words = 0
                while (
                    index < len(tokens)
                    and tokens[index].kind == "word"
                    and not tokens[index].is_capitalised
                    and tokens[index].bare not in DETERMINERS
                    and words < 3
                    and (preposition or tokens[index].bare in TIME_WORDS)
                ):
                    index += 1
                    words += 1
                if words == 0:
                    return start
            if index >= len(tokens) or tokens[index].kind != "word":
                return start
        return index

    def _complement(self, tokens, index):
        """Say whether the name starting at ``index`` completes a description ("a
        spokesman for (the) United Nations") rather than being the speaker."""
        before = index - 1
        if before >= 0 and tokens[before].bare in DETERMINERS:
            before -= 1
        return before >= 0 and tokens[before].bare in CONNECTORS

    def _description_ending_at(self, tokens, end):
        """A description: words back to a determiner ("the central bank", "un alto
        cargo de defensa"), or to the start of a headline ("Ministra de Sanidad")."""
        start = end
        while start >= 0:
            token = tokens[start]
            if token.kind != "word":
                if self.headline_style and start < end:
                    break
                return None
            if token.bare in DETERMINERS:
                # "a spokesman for the United Nations": the article of a complement.
                if start >= 2 and tokens[start - 1].bare in CONNECTORS:
                    start -= 2
                    continue
                break
            if token.bare in STOP_WORDS and token.bare not in CONNECTORS:
                return None
            if end - start > 7 or self.lexicon.is_speech_verb(token.text):
                return None
            start -= 1
        if start < 0 or tokens[start].kind != "word":
            start += 1
            determiner = None
        else:
            determiner = tokens[start]
        phrase = tokens[start + (1 if determiner is not None else 0) : end + 1]
        return self._description(phrase, determiner, start, end + 1)

    def _description(self, phrase, determiner, first, last):
        if not phrase:
            return None
        words = {t.bare for t in phrase} | {singular(t.bare) for t in phrase}
        if len(phrase) <= 2 and phrase[-1].bare in DOCUMENT_NOUNS:
            # "the statement said": whoever issued it is speaking.
            return Mention("document", join_tokens(phrase), words=words, first=first, last=last)
        head = []
        for token in phrase:
            if token.bare in CONNECTORS:
                break
            head.append(token.bare)
        if not words & (PERSON_NOUNS | ORGANISATION_WORDS) and not any(
            self.lexicon.is_role_noun(word) for word in words
        ):
            return None
        indefinite = determiner is not None and determiner.bare in INDEFINITE
        text = join_tokens(phrase)
        return Mention(
            "description",
            text,
            words=words,
            head=tuple(head),
            indefinite=indefinite,
            first=first,
            last=last,
        )

    # --- After a verb ----------------------------------------------------------------

    def after(self, tokens, index):
        """Return the ``Mention`` that starts at ``index`` (after a verb of saying or
        "according to"): a name with its title, a description, a pronoun."""
        while index < len(tokens) and tokens[index].is_punct(",:"):
            index += 1
        if index >= len(tokens) or tokens[index].kind != "word":
            return None
        token = tokens[index]
        if pronoun_of(token):
            return Mention("pronoun", token.text, first=index, last=index + 1)
        skipped = self._skip_circumstance(tokens, index)
        if skipped != index:
            # "dijo a la AFP la portavoz …", "señaló en un comunicado el Ministerio …",
            # "aseguró este lunes el ministro …": the speaker comes after.
            return self.after(tokens, skipped) if skipped < len(tokens) else None
        end = index
        while end < len(tokens) and tokens[end].kind == "word":
            word = tokens[end]
            if (
                word.bare in STOP_WORDS - CONNECTORS - DETERMINERS
                and end > index
                and not word.is_capitalised
            ):
                break
            if word.bare in DETERMINERS and end > index and tokens[end - 1].bare not in CONNECTORS:
                break
            if self.lexicon.is_speech_verb(word.text) and end > index:
                break
            end += 1
        while end > index and tokens[end - 1].bare in CONNECTORS | DETERMINERS:
            end -= 1
        if end == index:
            return None
        # The names from here on (a run read over the whole sentence may have begun
        # earlier: "dijo a EFE Lucía Herrera").
        runs = [
            replace(
                run,
                first=run.first + index,
                last=run.last + index,
                title_first=run.title_first + index if run.title_first >= 0 else -1,
            )
            for run in self.registry.name_runs(tokens[index:end])
        ]
        run = next(
            (r for r in reversed(runs) if r.first >= index and r.kind != "organisation"), None
        )
        if run is None:
            run = next((r for r in reversed(runs) if r.first >= index), None)
        if run is not None and (token.is_capitalised or run.title):
            begin = run.title_first if run.title_first >= index else run.first
            return Mention(
                "name",
                join_tokens(tokens[begin : run.last]),
                name=run.name,
                title=run.title,
                first=begin,
                last=run.last,
            )
        determiner = token if token.bare in DETERMINERS else None
        phrase = tokens[index + (1 if determiner else 0) : end]
        if not phrase:
            return None
        described = self._description(phrase, determiner, index, end)
        if end + 2 < len(tokens) and tokens[end].text == "(":
            # An acronym in brackets after the description: "(PMA)".
            closing = next(
                (i for i in range(end + 1, min(end + 5, len(tokens))) if tokens[i].text == ")"),
                None,
            )
            if closing is not None:
                end = closing + 1
        if described is not None and end + 1 < len(tokens) and tokens[end].is_punct(","):
            # "afirmó el portavoz del Gobierno, Juan García": the name that follows.
            named = self.after(tokens, end + 1)
            if named is not None and named.kind == "name" and named.first == end + 1:
                named.title = named.title or described.text
                return named
        return described
