"""Plain text as pasted from a wire screen: the furniture around the story recognised."""

from tests.wire.shared import SEED, needs_seed
from wire.formats import read_wire, read_wire_file
from wire.formats.layout import is_sign_off, split_caption, split_dateline
from wire.formats.paragraphs import split_paragraphs


def story(text):
    return read_wire(text.encode("utf-8"))


PASTED = """Rail strike to go ahead after talks fail

Unions say the walkout will halt most trains on Friday

By ANNA KOWALSKI and MARK HOLT

Associated Press

Commuters wait on a platform in Leeds on Thursday. (AP Photo/Jane Fox)

LEEDS, England (AP) — Rail workers will strike on Friday after talks failed, the union said.

The strike is the third this year.

TALKS COLLAPSE

Negotiators left the building at midnight without a deal.

___

Associated Press writer Tom Reed in London contributed to this report.
"""


def test_headline_dek_byline_and_agency_line():
    read = story(PASTED)
    assert read.headline == "Rail strike to go ahead after talks fail"
    assert read.dek == "Unions say the walkout will halt most trains on Friday"
    assert read.byline == "By ANNA KOWALSKI and MARK HOLT"
    assert read.source == "Associated Press"


def test_caption_dateline_subheading_and_sign_off():
    read = story(PASTED)
    assert [(p.caption, p.credit) for p in read.photos] == [
        ("Commuters wait on a platform in Leeds on Thursday.", "(AP Photo/Jane Fox)")
    ]
    assert read.photos[0].credit_parts.creator == "Jane Fox"
    assert read.dateline.printed == "LEEDS, England (AP) —"
    assert read.paragraphs[0].startswith("Rail workers will strike")
    assert [(b.kind, b.text) for b in read.blocks][2] == ("heading", "TALKS COLLAPSE")
    assert read.sign_off == [
        "Associated Press writer Tom Reed in London contributed to this report."
    ]
    assert not any("___" in p for p in read.paragraphs)


def test_agency_line_without_by_is_the_byline_and_credit_line_under_a_caption():
    read = story(
        "Protest in the capital\n\nEFE\n\n"
        "Protesters march past parliament on Sunday.\n\n12-05-2024 | Efe\n\n"
        "Madrid, 12 may (EFE).- Thousands of people marched on Sunday in the capital.\n"
    )
    assert read.byline == "EFE"
    assert [(p.caption, p.credit) for p in read.photos] == [
        ("Protesters march past parliament on Sunday.", "Efe")
    ]
    assert read.dateline.printed == "Madrid, 12 may (EFE).-"
    assert read.dateline.agency == "EFE"
    assert read.dateline.date == "12 may"


def test_editorial_note_is_kept_out_of_the_body():
    read = story(
        "Prairies shrink\n\nEDITOR'S NOTE _ This is part of a series on farming.\n\n"
        "By JO LEE\n\nPIERRE, South Dakota (AP) _ Farmers plowed up grassland this year.\n"
    )
    assert read.editorial_note.startswith("EDITOR'S NOTE")
    assert read.paragraphs == ["Farmers plowed up grassland this year."]


def test_dek_printed_above_the_headline_is_put_under_it():
    read = story(
        "The minister met unions for six hours on Monday without reaching a deal\n\n"
        "Talks on pensions fail\n\n"
        "Workers walk out in Lyon. PHOTO/Marie Roux/AFP\n\n"
        "The talks ended late in the evening, and the unions called a strike for Thursday.\n"
    )
    assert read.headline == "Talks on pensions fail"
    assert read.dek.startswith("The minister met unions")


def test_captions_in_two_languages_with_one_credit_are_one_photo():
    read = story(
        "Ministers meet in Brussels\n\n"
        "Los ministros de Economía de la Unión Europea posan en Bruselas"
        " - PHOTO/Luc Martin/POOL/AFP\n"
        "European Union economy ministers pose for a photo in Brussels"
        " - PHOTO/Luc Martin/POOL/AFP\n\n"
        "The ministers agreed on a new budget rule on Tuesday after a night of talks.\n"
    )
    assert len(read.photos) == 1
    photo = read.photos[0]
    assert set(photo.captions) == {"es", "en"}
    assert photo.credit == "PHOTO/Luc Martin/POOL/AFP"
    assert (photo.credit_parts.creator, photo.credit_parts.pool) == ("Luc Martin", True)


def test_table_of_contents_matching_the_subheadings_is_dropped():
    read = story(
        "Storm hits coast\n\nThe storm arrived overnight and flooded the old harbour.\n\n"
        "  1. Damage\n  2. Recovery\n\nDamage\n\nRoofs were torn off along the seafront.\n\n"
        "Recovery\n\nCrews worked all day to clear the roads into town.\n"
    )
    assert [b.text for b in read.blocks if b.kind == "heading"] == ["Damage", "Recovery"]
    assert not any(text.startswith("1.") for text in read.paragraphs)


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "Berlin (dpa) - Negotiations between German conservatives headed by\n"
        "Chancellor Angela Merkel and the left-leaning Social Democrats\n"
        "could fail, a senior member warned.\n\n"
        "   Talks resume next week. Both sides said they wanted a deal before\n"
        "Christmas.\n"
    )
    assert split_paragraphs(text) == [
        "Berlin (dpa) - Negotiations between German conservatives headed by Chancellor "
        "Angela Merkel and the left-leaning Social Democrats could fail, a senior member "
        "warned.",
        "Talks resume next week. Both sides said they wanted a deal before Christmas.",
    ]


def test_datelines_as_agencies_print_them():
    cases = {
        "WASHINGTON (Reuters) - The": ("WASHINGTON (Reuters) -", "WASHINGTON", "Reuters"),
        "ROSCOE, South Dakota (AP) _ Robert": (
            "ROSCOE, South Dakota (AP) _",
            "ROSCOE, South Dakota",
            "AP",
        ),
        "Washington.- El senador": ("Washington.-", "Washington", ""),
        "(ANSA) - Rome, October 11 - Italian": ("(ANSA) - Rome, October 11 -", "Rome", "ANSA"),
        "PARIS — The": ("PARIS —", "PARIS", ""),
    }
    for text, (printed, place, agency) in cases.items():
        found, _rest = split_dateline(text)
        assert (found.printed, found.place, found.agency) == (printed, place, agency), text
    assert split_dateline("In the end (he said) - nothing happened.")[0] is None


def test_captions_and_sign_offs_as_printed():
    assert split_caption("A view of the port. Photo: Ann Lee/AFP").credit == "Photo: Ann Lee/AFP"
    assert split_caption("Presidente de Chile, Gabriel Boric / AFP").credit == "AFP"
    assert split_caption("The rubble in Gaza. REUTERS/Ali Omar").credit == "REUTERS/Ali Omar"
    assert split_caption("He said the deal was (almost) done.") is None
    assert is_sign_off("(Reporting by Ann Lee; Editing by Tom Hart)")
    assert is_sign_off("(Con información de AFP, EFE y Reuters)")
    assert is_sign_off("hh/ph/ts")
    assert not is_sign_off("The report was published on Monday.")


@needs_seed
def test_seed_story_reads_with_its_subheadings_and_bilingual_captions():
    read = read_wire_file(SEED)
    assert read.headline == "Blinken presses Israel for Gaza truce"
    assert (
        read.dek == "The US secretary of state met with Israeli Prime Minister Benjamin Netanyahu"
    )
    assert [b.text for b in read.blocks if b.kind == "heading"] == [
        "Children in fear",
        "Diplomatic pressure",
    ]
    assert [p.credit for p in read.photos] == [
        "PHOTO/X/@SecBlinken",
        "PHOTO/Mark Schiefelbein/POOL/AFP",
    ]
    assert [sorted(p.captions) for p in read.photos] == [["en", "es"], ["en", "es"]]
    assert read.photos[0].credit_parts.handle == "@SecBlinken"
