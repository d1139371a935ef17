"""Character sets as agencies send them come out right."""

from tests.wire.shared import FORMATS, needs_formats
from wire.formats import read_wire, read_wire_file

TEXT = (
    "Müller wins the cup\n\n"
    "“Ich bin sehr glücklich,” said Thomas Müller, the captain, after the final in München.\n"
)


def test_utf8():
    story = read_wire(TEXT.encode("utf-8"))
    assert story.charset == "utf-8"
    assert story.headline == "Müller wins the cup"


def test_utf8_with_byte_order_mark():
    story = read_wire(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert story.headline == "Müller wins the cup"


def test_utf16_with_byte_order_mark():
    story = read_wire(TEXT.encode("utf-16"))
    assert story.headline == "Müller wins the cup"
    assert "München" in story.paragraphs[0]


def test_windows_1252_curly_quotes_and_umlauts():
    story = read_wire(TEXT.encode("cp1252"))
    assert story.charset == "cp1252"
    assert story.paragraphs[0].startswith("“Ich bin sehr glücklich,”")


def test_latin1_without_curly_quotes():
    text = TEXT.replace("“", '"').replace("”", '"')
    story = read_wire(text.encode("latin-1"))
    assert "Thomas Müller" in story.paragraphs[0]


def test_xml_declared_latin1_is_decoded_as_declared():
    nitf = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><nitf><body><body.head><hedline>'
        "<hl1>Élection à Genève</hl1></hedline></body.head><body.content><p>Le député "
        "a été réélu à Genève dimanche avec une large avance sur ses rivaux.</p>"
        "</body.content></body></nitf>"
    ).encode("latin-1")
    story = read_wire(nitf)
    assert story.headline == "Élection à Genève"


def test_xml_declared_utf8_but_sent_in_windows_1252_is_recovered():
    nitf = (
        '<?xml version="1.0" encoding="UTF-8"?><nitf><body><body.head><hedline>'
        "<hl1>Café prices rise</hl1></hedline></body.head><body.content><p>“Prices are "
        "rising,” the café’s owner said on Monday in the old town.</p></body.content>"
        "</body></nitf>"
    ).encode("cp1252")
    story = read_wire(nitf)
    assert story.headline == "Café prices rise"
    assert story.paragraphs[0].startswith("“Prices are rising,”")


@needs_formats
def test_iptc7901_odd_charset_sample():
    story = read_wire_file(FORMATS / "IPTC7901_odd_charset.txt")
    assert "Thomas Müller, and" in " ".join(story.paragraphs)
