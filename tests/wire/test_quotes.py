"""The quote engine on invented sentences, one attribution pattern at a time.

None of these sentences comes from the development stories: they check that the rules
are general, not that one story's wording is recognised.
"""

import pytest

from wire.quotes import extract_quotes


def found(*paragraphs, headline="", dek="", language="en", known=(), captions=()):
    return extract_quotes(
        headline=headline,
        dek=dek,
        paragraphs=paragraphs,
        language=language,
        known_people=known,
        captions=captions,
    )


def said(*paragraphs, **options):
    """Return (text, speaker, role, kind) for each quotation found."""
    return [
        (q.text, q.speaker.name if q.speaker else None, q.role, q.kind)
        for q in found(*paragraphs, **options)
    ]


# --- Where the speaker stands ------------------------------------------------------------


def test_speaker_after_the_quotation_resolves_to_the_full_name():
    assert said("Maria Smith runs the shelter.", '"We will not back down," Smith said.') == [
        ("We will not back down", "Maria Smith", "", "direct")
    ]


def test_inverted_attribution_with_an_apposition_gives_the_role():
    assert said('"We will not back down," said Maria Smith, a spokeswoman for the ministry.') == [
        ("We will not back down", "Maria Smith", "spokeswoman for the ministry", "direct")
    ]


def test_speaker_before_a_colon():
    assert said('Maria Smith said: "We will not back down."') == [
        ("We will not back down.", "Maria Smith", "", "direct")
    ]


def test_title_before_the_name_is_the_role():
    assert said('"We have no choice," Prime Minister Keir Starmer told reporters.') == [
        ("We have no choice", "Keir Starmer", "Prime Minister", "direct")
    ]


def test_description_then_name_between_commas():
    assert said(
        "The manager of the bakery, Ines Park, said the shop would stay open.",
        '"People need bread," Park said.',
    ) == [("People need bread", "Ines Park", "manager of the bakery", "direct")]


# --- Splits, continuations, paragraphs ----------------------------------------------------


def test_quotation_split_around_its_attribution_is_two_quotations():
    assert said('"We will not back down," Maria Smith said. "Not today, not ever."') == [
        ("We will not back down", "Maria Smith", "", "direct"),
        ("Not today, not ever.", "Maria Smith", "", "direct"),
    ]


def test_quotation_interrupted_by_its_attribution():
    assert said('"We tried," said Omar Haddad, "but the door was locked."') == [
        ("We tried", "Omar Haddad", "", "direct"),
        ("but the door was locked.", "Omar Haddad", "", "direct"),
    ]


def test_quotation_running_over_paragraphs_is_one_joined_with_a_space():
    quotes = found(
        '"This is the first part of what I want to say.',
        '"And this is the rest," said Ana Ruiz.',
    )
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("This is the first part of what I want to say. And this is the rest", "Ana Ruiz")
    ]
    assert [(s["paragraph"], s["offset"]) for s in quotes[0].spans] == [(0, 1), (1, 1)]


def test_whole_paragraph_quotation_continues_the_previous_speaker():
    assert said('"We lost the harvest," said Tomas Berg.', '"Now we are waiting for rain."') == [
        ("We lost the harvest", "Tomas Berg", "", "direct"),
        ("Now we are waiting for rain.", "Tomas Berg", "", "direct"),
    ]


def test_paragraph_and_offset_point_at_the_words():
    paragraphs = ("Nothing was said here.", 'Later, Kim Lee said: "It is done."')
    quote = found(*paragraphs)[0]
    assert (quote.part, quote.paragraph) == ("body", 1)
    assert paragraphs[1][quote.offset : quote.offset + len(quote.text)] == "It is done."


# --- Partial quotations -------------------------------------------------------------------


def test_partial_quotation_inside_the_reporters_sentence():
    assert said(
        "Mayor Ann Lee spoke on Monday.",
        'The mayor called the plan "a disaster for the city" on Tuesday.',
    ) == [("a disaster for the city", "Ann Lee", "Mayor", "partial")]


def test_partial_quotation_after_said_that():
    assert said('Rosa Diaz said that the cuts were "simply unworkable."') == [
        ("simply unworkable.", "Rosa Diaz", "", "partial")
    ]


def test_partial_quotation_with_the_attribution_at_the_end():
    assert said(
        "Lena Park runs the school.", 'The new rules are "simply unworkable," she said.'
    ) == [("simply unworkable", "Lena Park", "", "partial")]


def test_two_partial_quotations_share_the_attribution_after_the_second():
    assert said(
        'The visit was "a nightmare" and the army "made it worse," said Sami Aziz, a farmer.'
    ) == [
        ("a nightmare", "Sami Aziz", "farmer", "partial"),
        ("made it worse", "Sami Aziz", "farmer", "partial"),
    ]


# --- Verbs and who it was said to --------------------------------------------------------


def test_told_an_agency():
    assert said('"It was terrible," Peter Jones told AFP by telephone.') == [
        ("It was terrible", "Peter Jones", "", "direct")
    ]


def test_said_in_a_statement_by_an_organisation():
    assert said(
        "Acme Holdings Inc. cut 200 jobs.",
        '"We are shocked by the decision," the company said in a statement.',
    ) == [("We are shocked by the decision", "Acme Holdings Inc.", "", "direct")]


def test_according_to_an_unnamed_source():
    assert said('The deal is "very close," according to a senior official.') == [
        ("very close", "senior official", "", "partial")
    ]


def test_noting_that_takes_the_sentence_speaker():
    assert said(
        '"The economy is strong," Jerome Powell told reporters, adding that inflation '
        'remained "too high."'
    ) == [
        ("The economy is strong", "Jerome Powell", "", "direct"),
        ("too high.", "Jerome Powell", "", "partial"),
    ]


# --- Pronouns, descriptions, known people -------------------------------------------------


def test_pronoun_resolves_to_the_person_in_focus():
    assert said(
        "Tom Baker, an engineer at the plant, arrived late.", '"I missed the train," he said.'
    ) == [("I missed the train", "Tom Baker", "engineer at the plant", "direct")]


def test_description_resolves_to_the_person_with_that_role():
    assert said(
        "Secretary of State Antony Blinken met officials in Beijing.",
        '"We are making progress," the secretary said.',
    ) == [("We are making progress", "Antony Blinken", "Secretary of State", "direct")]


def test_description_of_an_organisation_resolves_to_its_name():
    assert said(
        "The Public Workers Union called a strike.",
        '"Our members have had enough," the union said.',
    ) == [("Our members have had enough", "Public Workers Union", "", "direct")]


def test_known_person_resolves_a_surname():
    quotes = found('"We are close," Blinken said.', known=["Antony Blinken"])
    assert (quotes[0].speaker.name, quotes[0].speaker.known) == ("Antony Blinken", True)


def test_known_person_with_aliases():
    quotes = found(
        '"We are close," said Lula.',
        known=[{"name": "Luiz Inácio Lula da Silva", "aliases": ["Lula"]}],
    )
    assert quotes[0].speaker.name == "Luiz Inácio Lula da Silva"


def test_unnamed_spokesman():
    assert said('"The talks will continue," a spokesman for the United Nations said.') == [
        ("The talks will continue", "spokesman for the United Nations", "", "direct")
    ]


def test_two_speakers_in_one_paragraph():
    assert said(
        '"We will win," said Ann Bell, a candidate. Her rival, Bob Stone, disagreed. '
        '"She will lose," he said.'
    ) == [
        ("We will win", "Ann Bell", "candidate", "direct"),
        ("She will lose", "Bob Stone", "", "direct"),
    ]


# --- Not quotations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        'The so-called "peace plan" was rejected by both sides.',
        'She starred in "The Long Night" last year.',
        'He joined a group called "Friends of the Earth" in 1999.',
        'Rates will level off at a long-run "normal" 3 percent, officials expect.',
        'At least five members changed their view, according to the new "dot plot" of forecasts.',
        '"Operation Dawn" began in May.',
        'The program\'s motto, "Hope is beautiful," is printed on every bag.',
    ],
)
def test_scare_quotes_titles_and_names_are_not_quotations(sentence):
    assert found("Nina Holt, a campaigner, spoke to the crowd.", sentence) == []


def test_quoted_words_with_a_speaker_elsewhere_in_the_sentence_are_not_taken_for_a_name():
    assert [
        q.text
        for q in found('In a letter to the "school community," Rita Moreno said she "would stay."')
    ] == ["would stay."]


# --- Headlines and deks -------------------------------------------------------------------


def test_headline_quotation_resolves_through_the_body():
    assert said(
        "Mayor Ann Lee presented the budget on Tuesday.",
        headline='Mayor says budget is "the best in years"',
    ) == [("the best in years", "Ann Lee", "Mayor", "partial")]


def test_headline_with_a_colon_names_the_speaker():
    assert said(
        "Prime Minister Mark Carney spoke on Tuesday.", headline="Carney: 'We will respond'"
    ) == [("We will respond", "Mark Carney", "Prime Minister", "direct")]


def test_dek_quotation_with_a_bare_description():
    assert said(
        "The minister, Carla Duarte, spoke in Lisbon.", dek='"We will cut taxes," minister says'
    ) == [("We will cut taxes", "Carla Duarte", "minister", "direct")]


def test_headline_quotation_repeating_a_body_quotation_takes_its_speaker():
    assert said(
        '"We will not leave," said Marc Lefebvre, a farmer.',
        headline="'We will not leave': villagers defy order",
    )[0] == ("We will not leave", "Marc Lefebvre", "farmer", "direct")


def test_quotation_attributed_by_the_next_sentence():
    assert said(
        'Climate change - "it is a fraud."', "Senator Jim Hall has said that repeatedly."
    ) == [("it is a fraud.", "Jim Hall", "Senator", "partial")]


# --- Marks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We lost everything," Dale Hicks said.',
        "“We lost everything,” Dale Hicks said.",
        "``We lost everything,'' Dale Hicks said.",
        "«We lost everything», Dale Hicks said.",
    ],
)
def test_straight_curly_guillemet_and_ap_marks(paragraph):
    assert said(paragraph) == [("We lost everything", "Dale Hicks", "", "direct")]


def test_nested_quotation_stays_in_the_text():
    assert said("\"He told me, 'Go home,' and left,\" said Rita Moreno.")[0][0] == (
        "He told me, 'Go home,' and left"
    )


# --- Spanish, French, Portuguese ------------------------------------------------------------


def test_spanish_verb_after_the_quotation_with_a_description_and_name():
    assert said(
        '"No vamos a ceder", dijo el ministro de Economía, Carlos Pérez.', language="es"
    ) == [("No vamos a ceder", "Carlos Pérez", "ministro de Economía", "direct")]


def test_spanish_partial_after_que():
    assert said('La alcaldesa Rosa Díaz aseguró que "no habrá recortes".', language="es") == [
        ("no habrá recortes", "Rosa Díaz", "alcaldesa", "partial")
    ]


def test_spanish_verb_without_subject_takes_the_person_in_focus():
    assert said(
        "La ministra Ana Gómez visitó la zona.", '"Es una vergüenza", insistió.', language="es"
    ) == [("Es una vergüenza", "Ana Gómez", "ministra", "direct")]


def test_spanish_dijo_a_la_agencia_then_the_speaker():
    assert said('"No lo sabemos", dijo a la AFP la portavoz María López.', language="es") == [
        ("No lo sabemos", "María López", "portavoz", "direct")
    ]


def test_spanish_el_mandatario_is_the_president_in_focus():
    assert said(
        "El presidente Gabriel Boric viajó a Lima.",
        "«Es un día triste», declaró el mandatario.",
        language="es",
    ) == [("Es un día triste", "Gabriel Boric", "presidente", "direct")]


def test_spanish_segun_and_guillemets():
    assert said(
        "El ministro Pedro Ruiz viajó a Roma.",
        "Según el ministro, la medida es «temporal».",
        language="es",
    ) == [("temporal", "Pedro Ruiz", "ministro", "partial")]


def test_spanish_role_that_nobody_named_is_an_unnamed_speaker():
    assert said(
        "El exalcalde Juan Mora llegó al juzgado.",
        "El fiscal sostiene que Mora diseñó «un sistema de favores».",
        language="es",
    ) == [("un sistema de favores", "fiscal", "", "partial")]


def test_french_inverted_pronoun():
    assert said(
        "Jean Dupont est arrivé.", "« Nous tiendrons », a-t-il ajouté.", language="fr"
    ) == [("Nous tiendrons", "Jean Dupont", "", "direct")]


def test_portuguese_verb_after_the_quotation():
    assert said('"Não vamos desistir", disse o ministro João Silva.', language="pt") == [
        ("Não vamos desistir", "João Silva", "ministro", "direct")
    ]


def test_confidence_is_higher_for_a_name_than_for_a_pronoun():
    named, pronoun = found('"A," said Ann Bell.', '"B," she said.')
    assert 0 < pronoun.confidence < named.confidence <= 1
