"""Saving without losing work, history (revisions, diffs, restore), translations and
sanitisation."""

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from articles.desk import workflow
from articles.desk.editing import EditConflict, article_claim, article_save, article_translate
from articles.desk.history import (
    article_restore_revision,
    article_revisions,
    revision_content,
    revisions_diff,
)
from articles.models import Article, ArticleStatus, Block, BlockKind, TransitionAction
from tests.desk import make_user
from tests.factories import BlockFactory, QuoteFactory, UserFactory, article_with_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_user("editor", first_name="Maria", last_name="Editor")


@pytest.fixture
def other_editor():
    return make_user("editor", username="second")


# --- No lost work -----------------------------------------------------------------------------


def test_second_save_from_the_same_version_is_refused_naming_who_and_when(editor, other_editor):
    article = article_with_body(headline="Original")
    opened = article.version
    first = Article.objects.get(pk=article.pk)
    second = Article.objects.get(pk=article.pk)

    first.headline = "First editor's headline"
    with time_machine.travel("2030-06-01 14:05Z", tick=False):
        article_save(article=first, user=editor, expected_version=opened)

    second.headline = "Second editor's headline"
    with pytest.raises(EditConflict) as conflict:
        article_save(article=second, user=other_editor, expected_version=opened)
    message = conflict.value.messages[0]
    assert "Maria Editor changed this article at 01 Jun 2030, 14:05 (UTC)" in message
    assert "have not been saved" in message
    stored = Article.objects.get(pk=article.pk)
    assert stored.headline == "First editor's headline"
    assert stored.version == opened + 1
    assert stored.updated_by == editor


def test_edit_conflict_is_a_validation_error_for_every_caller():
    assert issubclass(EditConflict, ValidationError)


def test_publishing_meanwhile_also_counts_as_a_change(editor, other_editor):
    article = article_with_body()
    opened = article.version
    workflow.article_publish(article=article, user=other_editor)
    article.headline = "Late edit"
    with pytest.raises(EditConflict, match="second changed this article"):
        article_save(article=article, user=editor, expected_version=opened)


def test_saving_keeps_the_workflow_fields_as_stored(editor):
    article = article_with_body()
    article.status = ArticleStatus.PUBLISHED  # a tampered form cannot publish
    article_save(article=article, user=editor, expected_version=article.version)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.DRAFT


@pytest.mark.django_db(transaction=True)
def test_claiming_outside_a_transaction_is_a_programming_error():
    article = article_with_body()
    with pytest.raises(RuntimeError):
        article_claim(article=article, expected_version=article.version)


def test_claim_holds_for_the_transaction():
    article = article_with_body()
    with transaction.atomic():
        article_claim(article=article, expected_version=article.version)
        with pytest.raises(EditConflict):
            article_claim(article=article, expected_version=article.version - 1)


def test_a_user_without_rights_cannot_save_at_all():
    article = article_with_body()
    with pytest.raises(PermissionDenied):
        article_save(article=article, user=UserFactory(), expected_version=article.version)


# --- History ---------------------------------------------------------------------------------


def test_every_save_is_a_revision_with_its_author(editor):
    article = article_with_body(headline="One")
    for headline in ("Two", "Three"):
        article.headline = headline
        article_save(article=article, user=editor, expected_version=article.version)
    revisions = list(article_revisions(article))
    assert len(revisions) == 2
    assert revisions[0].revision.user == editor
    assert revision_content(revisions[0]).fields["Headline"] == "Three"


def test_diff_between_two_revisions_marks_the_changed_words(editor):
    article = article_with_body(headline="Talks resume in Doha")
    article_save(article=article, user=editor, expected_version=article.version)
    article.headline = "Talks collapse in Doha"
    paragraph = article.blocks.filter(kind=BlockKind.PARAGRAPH).first()
    paragraph.text = "A brand new first paragraph."
    paragraph.save()
    article_save(article=article, user=editor, expected_version=article.version)
    newer, older = article_revisions(article)[:2]
    changes = {
        change.label: change
        for change in revisions_diff(revision_content(older), revision_content(newer))
    }
    assert set(changes) == {"Headline", "Body"}
    kind, old, new = changes["Headline"].rows[0]
    assert kind == "changed"
    assert "<del>resume</del>" in old
    assert "<ins>collapse</ins>" in new
    body_kinds = [row[0] for row in changes["Body"].rows]
    assert "same" in body_kinds
    assert "changed" in body_kinds or {"removed", "added"} <= set(body_kinds)


def test_diff_escapes_what_editors_typed(editor):
    article = article_with_body(headline="Plain")
    article_save(article=article, user=editor, expected_version=article.version)
    article.headline = "<script>alert(1)</script>"
    article_save(article=article, user=editor, expected_version=article.version)
    newer, older = article_revisions(article)[:2]
    (change,) = revisions_diff(revision_content(older), revision_content(newer))
    assert "<script>" not in change.rows[0][2]
    assert "&lt;script&gt;" in change.rows[0][2]


def test_restoring_a_revision_brings_back_text_body_and_quotes_as_a_new_save(editor):
    article = article_with_body(headline="The good version", paragraphs=2)
    paragraph = article.blocks.filter(kind=BlockKind.PARAGRAPH).first()
    paragraph.text = 'The minister said "we will talk" today.'
    paragraph.save()
    quote = QuoteFactory(
        article=article, block=paragraph, offset=19, text="we will talk", speaker_role="minister"
    )
    article_save(article=article, user=editor, expected_version=article.version)
    good = article_revisions(article).first()
    body_before = list(article.blocks.values_list("kind", "text"))

    # A bad edit: new headline, a paragraph deleted, the quote removed, a block added.
    article.headline = "The bad version"
    paragraph.delete()
    quote.delete()
    BlockFactory(article=article, position=99, text="Nonsense.")
    article_save(article=article, user=editor, expected_version=article.version)
    workflow.article_submit(article=article, user=editor)
    article.refresh_from_db()

    restored = article_restore_revision(
        article=article, user=editor, version=good, expected_version=article.version
    )
    assert restored.headline == "The good version"
    assert list(restored.blocks.values_list("kind", "text")) == body_before
    restored_quote = restored.quotes.get()
    assert (restored_quote.text, restored_quote.block.text) == ("we will talk", paragraph.text)
    assert restored.status == ArticleStatus.IN_REVIEW  # the workflow is not rewound
    assert restored.transitions.first().action == TransitionAction.RESTORED
    assert article_revisions(article).count() == 3
    assert "Restored" in article_revisions(article).first().revision.comment


def test_restoring_with_a_stale_version_is_a_conflict(editor):
    article = article_with_body(headline="One")
    article_save(article=article, user=editor, expected_version=article.version)
    old = article_revisions(article).first()
    stale = article.version
    article.headline = "Two"
    article_save(article=article, user=editor, expected_version=stale)
    with pytest.raises(EditConflict):
        article_restore_revision(article=article, user=editor, version=old, expected_version=stale)
    assert Article.objects.get(pk=article.pk).headline == "Two"


def test_reporter_cannot_restore_a_submitted_article():
    reporter = make_user("reporter")
    article = article_with_body(created_by=reporter)
    article_save(article=article, user=reporter, expected_version=article.version)
    workflow.article_submit(article=article, user=reporter)
    article.refresh_from_db()
    with pytest.raises(PermissionDenied):
        article_restore_revision(
            article=article,
            user=reporter,
            version=article_revisions(article).first(),
            expected_version=article.version,
        )


# --- Translations ----------------------------------------------------------------------------


def test_translation_is_a_linked_draft_with_the_body_to_translate(editor):
    original = article_with_body(slug="truce", language="en")
    translation = article_translate(article=original, user=editor, language="es")
    assert translation.translation_of == original
    assert (translation.language, translation.slug, translation.status) == ("es", "truce", "draft")
    assert translation.blocks.count() == original.blocks.count()
    assert {a.language for a in original.translation_family()} == {"en", "es"}
    with pytest.raises(ValidationError, match="already has"):
        article_translate(article=translation, user=editor, language="es")


# --- Sanitisation: Block.save is the single point ---------------------------------------------

DIRTY = (
    'Safe <b>bold</b> and <i>italic</i> with <a href="https://example.org/">a link</a>'
    "<script>alert('x')</script>"
    '<b onclick="steal()">click</b> <img src="x" onerror="steal()">'
    '<a href="javascript:steal()">bad link</a> <a href="JaVaScRiPt:steal()">also bad</a>'
)


def test_paragraph_keeps_inline_formatting_and_loses_script_handlers_and_js_links():
    block = BlockFactory(text=DIRTY)
    block.refresh_from_db()
    assert "<script" not in block.text
    assert "alert" not in block.text
    assert "onclick" not in block.text
    assert "onerror" not in block.text
    assert "<img" not in block.text
    assert "javascript:" not in block.text.lower()
    assert "<b>bold</b>" in block.text
    assert "<i>italic</i>" in block.text
    assert 'href="https://example.org/"' in block.text


def test_list_items_are_sanitised_and_headings_are_plain_text():
    article = article_with_body()
    items = Block.objects.create(
        article=article, position=50, kind=BlockKind.LIST, items=[DIRTY, "<b>ok</b>"]
    )
    assert "<script" not in items.items[0]
    assert "onclick" not in items.items[0]
    assert items.items[1] == "<b>ok</b>"
    heading = Block.objects.create(
        article=article, position=51, kind=BlockKind.HEADING, text="<em onclick=x()>Title</em>"
    )
    assert heading.text == "Title"
