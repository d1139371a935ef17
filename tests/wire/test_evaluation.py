"""Scoring against annotated stories: the matching rules, and the targets reached."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.wire.shared import DEV, STORIES, needs_dev
from wire.evaluation import (
    evaluate_folder,
    format_report,
    normalise_name,
    normalise_quote,
    role_matches,
)


def test_quotation_texts_match_across_mark_styles_spacing_and_a_trailing_comma():
    assert normalise_quote("It’s  over,") == normalise_quote("it's over")
    assert normalise_quote("«No»\xa0dijo") == normalise_quote('"no" dijo')
    assert normalise_quote("It's over.") != normalise_quote("It's over")


def test_names_match_without_accents_articles_or_full_stops():
    assert normalise_name("Dmitry Murátov") == normalise_name("dmitry muratov")
    assert normalise_name("the U.S. Federal Reserve") == normalise_name("U S Federal Reserve")


def test_roles_match_when_one_contains_the_other_and_empty_only_matches_empty():
    assert role_matches("civil service expert with decades of experience", "civil service expert")
    assert role_matches("", None)
    assert not role_matches("admirer", None)
    assert not role_matches("senador republicano", "senador por Florida")


def _shares(report):
    total = report.total()
    return total.f1, total.speaker_right / total.matched, total.role_right / total.matched


@needs_dev
def test_development_stories_reach_the_targets():
    report = evaluate_folder(DEV)
    f1, speaker, role = _shares(report)
    assert f1 >= 0.90
    assert speaker >= 0.90
    assert role >= 0.85
    assert report.share("headline_right") == 1.0
    assert report.share("dateline_right") >= 0.85
    assert report.share("byline_right") >= 0.85
    matched, compared = report.total().credits
    assert matched == compared


def test_invented_stories_reach_the_targets():
    f1, speaker, _role = _shares(evaluate_folder(STORIES))
    assert f1 >= 0.90
    assert speaker >= 0.90


def test_leave_one_out_takes_words_out_and_still_scores_every_story():
    report = evaluate_folder(STORIES, leave_one_out=True)
    assert any(story.removed_words for story in report.stories)
    assert len(report.stories) == len(list(STORIES.glob("*.expected.json")))


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="No annotated stories"):
        evaluate_folder(tmp_path)


def test_report_table_has_a_line_per_story_and_overall():
    report = evaluate_folder(STORIES)
    table = format_report(report)
    assert "overall" in table
    assert all(story.name in table for story in report.stories)


def test_evaluate_quotes_command_prints_the_table():
    out = StringIO()
    call_command("evaluate_quotes", str(STORIES), "--details", stdout=out)
    assert "F1" in out.getvalue()
    assert "overall" in out.getvalue()
