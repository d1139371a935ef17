"""One test per agency sample: each is read by content into the story an editor sees."""

import json
import shutil

import pytest

from tests.wire.shared import FORMATS, needs_formats
from wire.formats import read_wire, read_wire_file
from wire.reading import quotes_in

pytestmark = needs_formats


def read(name):
    return read_wire_file(FORMATS / name)


def test_iptc7901_takes_headline_dateline_and_leaves_out_the_notebook():
    story = read("IPTC7901.txt")
    assert story.format == "iptc-7901"
    assert story.headline == "Germany Social Democrats: Coalition talks with Merkel could fail"
    assert story.dateline.printed == "Berlin (dpa) -"
    assert story.dateline.place == "Berlin"
    assert story.source == "dpa"
    assert story.urgency == 4
    assert story.paragraphs[0].startswith("Negotiations between German conservatives")
    assert not any("NOTEBOOK" in paragraph for paragraph in story.paragraphs)
    assert "not for publication" in story.editorial_note


def test_iptc7901_in_latin1_reads_umlauts_and_its_lead_version():
    story = read("IPTC7901_odd_charset.txt")
    assert story.charset == "cp1252"
    assert any("Thomas Müller" in paragraph for paragraph in story.paragraphs)
    assert story.version == "1ST LEAD"
    assert story.byline == "By Manuel Schwarz, dpa"
    assert story.headline == "German football saddened by illness to striker legend Mueller"
    speakers = {quote.speaker.name for quote in quotes_in(story)}
    assert {"Karl-Heinz Rummenigge", "Joachim Loew"} <= speakers


def test_newsml_g2_specimen_gives_metadata_and_embargo():
    story = read("LISTING_1_A_NewsML-G2_News_Item.xml")
    assert story.format == "newsml-g2"
    assert story.headline == 'Fed to halt QE to avert "bubble"'
    assert story.item_id == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert story.version == "9"
    assert story.embargo == "2016-10-23T12:00:00Z"
    assert story.byline == "Meredith Jameson"
    assert story.dateline.place == "Berlin"
    assert ("medtop:20000523", "labour market") in {(s.code, s.name) for s in story.subjects}
    assert story.paragraphs == []


def test_newsml_g2_reuters_text_item_takes_the_printed_dateline_over_the_desk():
    story = read("tag_reuters.com_2014_newsml_KBN0FL0ZP_version_2")
    assert story.item_id == "tag_reuters.com_2014_newsml_KBN0FL0ZP"
    assert story.version == "2"
    assert story.dateline.printed == "BEIRUT (Reuters) -"
    assert story.dateline.place == "BEIRUT"  # not the editing desk in <located>
    assert story.sign_off == ["(Reporting by Tom Perry, editing by John Stonestreet)"]
    assert story.paragraphs[0].startswith("President Bashar al-Assad")
    quotes = quotes_in(story)
    assert {quote.speaker.name for quote in quotes} == {"Bashar al-Assad"}
    assert "high price" in [quote.text for quote in quotes]


def test_newsml_g2_reuters_package_gives_headline_and_byline_without_a_body():
    story = read("tag_reuters.com_2014_newsml_KBN0FL0NM_version_10")
    assert story.headline == "Confident Assad launches new term in stronger position"
    assert story.byline == "By Marwan Makdisi"
    assert story.version == "10"
    assert story.paragraphs == []


def test_newsml_g2_ansa_plain_text_body_is_cut_into_paragraphs():
    story = read("ansa-newsmlg2-text.xml")
    assert story.source == "ANSA"
    assert story.language == "en"  # labelled "it", written in English
    assert story.dek == "Foreign minister expresses faith in Spanish government"
    assert story.dateline.printed == "(ANSA) - Rome, October 11 -"
    assert story.dateline.place == "Rome"
    assert len(story.paragraphs) == 4
    quote = quotes_in(story)[0]
    assert (quote.text, quote.speaker.name) == (
        "Unacceptable Catalan unilateral independence declaration",
        "Angelino Alfano",
    )


def test_newsml_g2_dpa_leaves_out_page_furniture_and_private_notes():
    story = read("dpa.xml")
    assert story.language == "de"
    assert story.headline == "Eintracht in London: Hintereggers Tränen und Attacke auf Reporter"
    assert story.dateline.printed == "London (dpa) -"
    assert story.keywords == ["Champions League", "Frankfurt", "London"]
    assert story.paragraphs[0].startswith("2019 gab es bittere Tränen")
    assert "reichardt" not in story.editorial_note.lower()


def test_newsml_g2_stt_resolves_double_escaped_entities_and_keeps_subheadings():
    story = read("stt_newsml_test.xml")
    assert story.source == "STT"
    assert "Also the unemployment law went through" in [
        block.text for block in story.blocks if block.kind == "heading"
    ]
    assert any('"The will of the government' in p for p in story.paragraphs)
    assert any("4 o'clock" in p for p in story.paragraphs)


def test_nitf_ap_separates_byline_title_dateline_and_contact_line():
    story = read("ap-nitf.xml")
    assert story.format == "nitf"
    assert story.headline == "Can trading pollution like stocks help fight climate change?"
    assert story.byline == "By BERNARD CONDON"
    assert story.source == "The Associated Press"
    assert story.dateline.printed == "NEW YORK (AP) —"
    assert story.paragraphs[0].startswith("The gas produced by hog manure")
    assert any("can be reached at" in line for line in story.sign_off)
    assert quotes_in(story)[0].speaker.name == "Rudi Roeslein"


def test_nitf_efe_reads_ids_urgency_abstract_and_initials():
    story = read("efe_nitf.xml")
    assert story.item_id == "22751909"
    assert story.urgency == 5
    assert story.source == "Agencia EFE"
    assert story.dek == "Test Abstract"
    assert story.dateline.printed == "Tegucigalpa, Jan 2 (EFE).-"
    assert story.paragraphs == ["Test body."]
    assert story.sign_off == ["gr/bp"]
    assert story.keywords == ["HONDURAS GOVERNMENT"]


def test_nitf_specimen_reads_subheadings_media_and_tagline():
    story = read("nitf-fishing.xml")
    assert story.headline == "Weather and Tide Updates for Norfolk"
    assert story.byline == "By Alan Karben"
    assert story.embargo == "20020226T093000-0500"
    assert story.keywords == ["fishing", "lures", "tides"]
    assert [b.text for b in story.blocks if b.kind == "heading"] == [
        "The Tides are High",
        "Local Nooks",
    ]
    assert [(p.caption, p.credit) for p in story.photos] == [
        ("The tides, captured on film late yesterday.", "Karben")
    ]
    assert story.sign_off == ["Stewart Klometers contributed to this article."]
    assert story.editorial_note.startswith("This sample article")


def test_newsml_1_2_afp_reads_identification_lines_and_body():
    story = read("afp.xml")
    assert story.format == "newsml-1.2"
    assert story.item_id == "TX-PAR-FXW86"
    assert story.version == "1"
    assert story.source == "AFP"
    assert story.urgency == 4
    assert story.dateline.printed == "STOCKHOLM, Aug 29, 2014 (AFP) -"
    assert story.dateline.date == "Aug 29, 2014"
    assert "Saab" in story.keywords
    assert story.sign_off == ["hh/ph/ts/hd"]
    assert len(story.paragraphs) == 9


def test_anpa_reads_header_lines_byline_and_body():
    story = read("anpa-1.tst")
    assert story.format == "anpa-1312"
    assert story.headline == "For Argentine chemo patients, mirrors can hurt"
    assert story.byline == "By PAUL BYRNE and ALMUDENA CALATRAVA"
    assert story.source == "Associated Press"
    assert story.dateline.printed == "BUENOS AIRES, Argentina (AP) _"
    assert story.editorial_note == "Eds: With AP Photos."
    assert any("helped with this story" in line for line in story.sign_off)
    first = quotes_in(story)[0]
    assert first.text.startswith("You see a face")
    assert first.speaker.name == "Mariela Steinberg"


def test_anpa_writethru_reads_take_summary_and_subheadings():
    story = read("ap_anpa-1.tst")
    assert story.version == "1stLd-Writethru"
    assert story.dek.startswith("Luol Deng scored 30 points")
    assert story.byline == "By CHARLES ODUM - AP Sports Writer"
    headings = [b.text for b in story.blocks if b.kind == "heading"]
    assert headings == ["TIP-INS", "UP NEXT"]


def test_ninjs_1_reads_item_fields():
    story = read("ninjs1.json")
    assert (story.format, story.format_version) == ("ninjs", "1.x")
    assert story.language == "fr"
    assert (story.headline, story.dek, story.byline) == ("headline", "abstract", "Peter and Jane")
    assert story.source == "AAP"
    assert story.version == "2"
    assert story.dateline.place == "Milton Keynes"
    assert story.paragraphs == ["The story so far."]


def test_ninjs_feed_answer_gives_its_first_item():
    story = read("bbc-ninjs-text-test.json")
    assert story.headline == "advisory"
    assert story.paragraphs == ["body"]
    assert story.byline == "John Doe"
    assert story.urgency == 3
    assert story.item_id == "https://www.example.com//12345"


@pytest.mark.parametrize(
    ("sample", "disguise", "format"),
    [("afp.xml", "story.txt", "newsml-1.2"), ("anpa-1.tst", "story.xml", "anpa-1312")],
)
def test_format_is_told_by_content_not_file_name(tmp_path, sample, disguise, format):
    path = tmp_path / disguise
    shutil.copy(FORMATS / sample, path)
    assert read_wire_file(path).format == format


def test_ninjs_2_and_3_keys_are_read_alike():
    version_2 = json.dumps(
        {
            "uri": "u",
            "headlines": [{"role": "main", "value": "Title"}],
            "bodies": [
                {
                    "role": "main",
                    "contenttype": "text/html",
                    "value": "<p>One.</p><h2>Sub</h2><p>Two.</p>",
                }
            ],
        }
    ).encode()
    version_3 = json.dumps(
        {
            "uri": "u",
            "headlines": [{"role": "main", "value": "Title"}],
            "bodies": [{"role": "main", "contentType": "text/plain", "value": "One.\n\nTwo."}],
            "embargoedUntil": "2030-01-01T00:00:00Z",
        }
    ).encode()
    two, three = read_wire(version_2), read_wire(version_3)
    assert (two.format_version, three.format_version) == ("2.x", "3.x")
    assert [(b.kind, b.text) for b in two.blocks] == [
        ("paragraph", "One."),
        ("heading", "Sub"),
        ("paragraph", "Two."),
    ]
    assert three.paragraphs == ["One.", "Two."]
    assert three.embargo == "2030-01-01T00:00:00Z"
