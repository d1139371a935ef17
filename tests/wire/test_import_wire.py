"""manage.py import_wire --dry-run --json: one JSON array, a refused file does not stop it."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.wire.shared import DEV, needs_dev

STORY = """Port strike halts exports

By LAURA MENDES

A crane stands idle at the port on Tuesday. (AP Photo/Rita Caldwell)

HALDEN, Norway (AP) — Dockworkers walked off the job on Tuesday, halting exports.

"Patience does not pay the rent," said Ingrid Solberg, the leader of the dockworkers' union.

CONTRACTS

The port authority called the walkout "deeply irresponsible" in a statement on Tuesday.
"""


@pytest.fixture
def files(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return story, empty


def run(*arguments):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_wire", *map(str, arguments), stdout=out, stderr=err)
        error = None
    except CommandError as raised:
        error = raised
    return out.getvalue(), err.getvalue(), error


def test_dry_run_json_is_one_array_in_the_order_given(files):
    story, empty = files
    out, err, error = run(story, empty, story, "--dry-run", "--json")
    results = json.loads(out)  # the whole array, even though a file was refused
    assert [r["file"] for r in results] == [str(story), str(empty), str(story)]
    assert results[1] == {"file": str(empty), "error": "The file is empty."}
    assert "refused" in err
    assert error is not None  # non-zero exit: one file was refused


def test_dry_run_object_has_the_story_fields(files):
    story, _ = files
    out, _err, error = run(story, "--dry-run", "--json")
    assert error is None
    result = json.loads(out)[0]
    for key in (
        "format",
        "language",
        "headline",
        "dek",
        "byline",
        "dateline",
        "paragraphs",
        "quotes",
        "photos",
    ):
        assert key in result
    assert result["format"] == "text"
    assert result["language"] == "en"
    assert result["headline"] == "Port strike halts exports"
    assert result["byline"] == "By LAURA MENDES"
    assert result["dateline"] == "HALDEN, Norway (AP) —"
    assert result["paragraphs"][0] == "Dockworkers walked off the job on Tuesday, halting exports."
    assert result["photos"] == [
        {
            "caption": "A crane stands idle at the port on Tuesday.",
            "credit": "(AP Photo/Rita Caldwell)",
            "credit_parts": {
                "creator": "Rita Caldwell",
                "agency": "AP",
                "agency_category": "wire",
                "pool": False,
                "platform": "",
                "handle": "",
            },
            "captions": {"en": "A crane stands idle at the port on Tuesday."},
            "position": 0,
        }
    ]


def test_dry_run_quotes_name_speaker_role_kind_and_where_they_stand(files):
    story, _ = files
    result = json.loads(run(story, "--dry-run", "--json")[0])[0]
    first, second = result["quotes"]
    assert first["text"] == "Patience does not pay the rent"
    assert first["speaker"]["name"] == "Ingrid Solberg"
    assert first["role"] == "leader of the dockworkers' union"
    assert first["kind"] == "direct"
    assert 0 < first["confidence"] <= 1
    paragraph = result["paragraphs"][first["paragraph"]]
    assert paragraph[first["offset"] :].startswith(first["text"])
    # Block indexes count the subheading the paragraphs list leaves out.
    assert (second["paragraph"], second["block"]) == (2, 3)
    assert second["speaker"]["name"] == "port authority"
    assert second["kind"] == "partial"


def test_without_dry_run_nothing_is_imported(files):
    story, _ = files
    out, _err, error = run(story)
    assert "importing into the database is not available yet" in str(error)
    assert out == ""


def test_a_missing_file_is_reported_in_its_place(tmp_path, files):
    story, _ = files
    results = json.loads(run(tmp_path / "nowhere.xml", story, "--dry-run", "--json")[0])
    assert results[0]["error"] == "There is no such file."
    assert results[1]["headline"] == "Port strike halts exports"


@needs_dev
def test_development_story_through_the_command():
    path = DEV / "08-es-afp-scott-biden.txt"
    result = json.loads(run(path, "--dry-run", "--json")[0])[0]
    assert result["language"] == "es"
    assert result["dateline"] == "Washington.-"
    assert {q["speaker"]["name"] for q in result["quotes"]} == {"Rick Scott", "Joe Biden"}


def test_human_readable_dry_run(files):
    story, _ = files
    out, _err, _error = run(story, "--dry-run")
    assert "Ingrid Solberg" in out
