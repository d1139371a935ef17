"""An article's history: every save is a revision (django-reversion); list them, show a
readable difference between two, and restore one.

An article's revision holds the article and, followed from it, its body blocks, quotes
and bylines. Restoring puts back the *content* (text, body, quotes, bylines, section,
photos, tags, people) as a new save; it never touches the workflow (status, dates,
embargo, expiry), which has its own log, nor anything already published.
"""

import difflib
from dataclasses import dataclass

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from reversion.models import Version

from articles.desk import permissions
from articles.desk.editing import article_claim, local_time, user_name
from articles.models import (
    Article,
    ArticleTransition,
    Block,
    BlockKind,
    Byline,
    Person,
    Quote,
    Section,
    Tag,
    TransitionAction,
)
from articles.sanitize import plain_text
from media.models import Agency, Photo

# The article fields a revision restores: content, never workflow.
RESTORED_FIELDS = [
    "kicker",
    "headline",
    "slug",
    "dek",
    "section_id",
    "lead_photo_id",
    "dateline",
    "source",
]
RESTORED_RELATIONS = ["tags", "people"]


def register():
    """Put articles and what they contain under version control (once)."""
    for model in (Block, Quote, Byline):
        if not reversion.is_registered(model):
            reversion.register(model)
    if not reversion.is_registered(Article):
        reversion.register(Article, follow=("blocks", "quotes", "bylines"))


def article_revisions(article):
    """Return the saved revisions of ``article``, newest first, as reversion Versions."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def revision_label(version):
    """Say when and by whom a revision was saved, in the newsroom's time zone."""
    revision = version.revision
    return _("%(when)s by %(who)s") % {
        "when": local_time(revision.date_created),
        "who": user_name(revision.user),
    }


# --- A readable form of one revision ------------------------------------------------------


@dataclass
class RevisionContent:
    """One revision of an article, as an editor reads it."""

    version: Version
    article: Article
    fields: dict  # label -> text
    body: list  # one line per block
    quotes: list
    bylines: list
    blocks: list
    quote_objects: list
    byline_objects: list
    m2m: dict

    @property
    def label(self):
        return revision_label(self.version)


def revision_content(version):
    """Read the article, blocks, quotes and bylines saved in ``version``'s revision."""
    followed = {Block: [], Quote: [], Byline: []}
    for item in version.revision.version_set.all():
        model = item._model
        if model in followed:
            deserialized = item._object_version.object
            if getattr(deserialized, "article_id", None) == int(version.object_id):
                followed[model].append(deserialized)
    deserialized_article = version._object_version
    article = deserialized_article.object
    m2m = {name: list(deserialized_article.m2m_data.get(name, [])) for name in RESTORED_RELATIONS}
    blocks = sorted(followed[Block], key=lambda block: block.position)
    quotes = sorted(followed[Quote], key=lambda quote: (quote.block_id or 0, quote.offset or 0))
    bylines = sorted(followed[Byline], key=lambda byline: byline.position)

    photos = Photo.objects.in_bulk(
        {article.lead_photo_id} | {block.photo_id for block in blocks} - {None}
    )
    people = Person.objects.in_bulk(
        {quote.speaker_id for quote in quotes}
        | {byline.person_id for byline in bylines}
        | set(m2m["people"])
    )
    quotes_by_id = Quote.objects.in_bulk({block.quote_id for block in blocks} - {None})
    quotes_by_id.update({quote.pk: quote for quote in quotes})
    agencies = Agency.objects.in_bulk({byline.agency_id for byline in bylines} - {None})
    section = Section.objects.filter(pk=article.section_id).first()

    def quote_line(quote):
        speaker = people.get(quote.speaker_id) or quote.speaker
        role = f", {quote.speaker_role}" if quote.speaker_role else ""
        return f"“{quote.text}” — {speaker}{role}"

    def block_line(block):
        kind = block.kind
        if kind == BlockKind.PARAGRAPH:
            return plain_text(block.text)
        if kind == BlockKind.HEADING:
            return f"## {block.text}"
        if kind == BlockKind.PHOTO:
            return f"[{_('Photo')}: {photos.get(block.photo_id, _('missing'))}]"
        if kind == BlockKind.QUOTE:
            quote = quotes_by_id.get(block.quote_id)
            return f"[{_('Pull quote')}: {quote_line(quote) if quote else _('missing')}]"
        if kind == BlockKind.LIST:
            return "\n".join(f"• {plain_text(item)}" for item in block.items)
        return f"[{_('Embed')}: {block.url}] {block.text}".strip()

    tags = Tag.objects.in_bulk(m2m["tags"])
    fields = {
        _("Kicker"): article.kicker,
        _("Headline"): article.headline,
        _("Address (slug)"): article.slug,
        _("Dek"): article.dek,
        _("Section"): str(section) if section else "",
        _("Lead photo"): str(photos.get(article.lead_photo_id, "")),
        _("Dateline"): article.dateline,
        _("Source"): article.source,
        _("Tags"): ", ".join(sorted(str(tag) for tag in tags.values())),
        _("People in the story"): ", ".join(
            sorted(str(people[pk]) for pk in m2m["people"] if pk in people)
        ),
    }
    return RevisionContent(
        version=version,
        article=article,
        fields=fields,
        body=[block_line(block) for block in blocks],
        quotes=[quote_line(quote) for quote in quotes],
        bylines=[
            str(people.get(byline.person_id) or agencies.get(byline.agency_id) or "")
            for byline in bylines
        ],
        blocks=blocks,
        quote_objects=quotes,
        byline_objects=bylines,
        m2m=m2m,
    )


# --- Differences ---------------------------------------------------------------------------


@dataclass
class Change:
    label: str
    rows: list  # (kind, old_html, new_html), kind in {"same", "removed", "added", "changed"}


def _words_diff(old, new):
    """Mark the words that changed between two lines with <del> and <ins>."""
    old_words, new_words = old.split(" "), new.split(" ")
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    old_out, new_out = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before = escape(" ".join(old_words[i1:i2]))
        after = escape(" ".join(new_words[j1:j2]))
        if tag == "equal":
            old_out.append(before)
            new_out.append(after)
            continue
        if before:
            old_out.append(f"<del>{before}</del>")
        if after:
            new_out.append(f"<ins>{after}</ins>")
    return mark_safe(" ".join(old_out)), mark_safe(" ".join(new_out))  # noqa: S308 (escaped above)


def _lines_diff(old_lines, new_lines):
    rows = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(("same", escape(line), escape(line)) for line in old_lines[i1:i2])
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for old, new in zip(old_lines[i1:i2], new_lines[j1:j2], strict=True):
                rows.append(("changed", *_words_diff(old, new)))
        else:
            rows.extend(("removed", escape(line), "") for line in old_lines[i1:i2])
            rows.extend(("added", "", escape(line)) for line in new_lines[j1:j2])
    return rows


def revisions_diff(old, new):
    """Return the changes from revision content ``old`` to ``new``, field by field; the
    body, quotes and bylines line by line, with changed words marked."""
    changes = []
    for label, old_value in old.fields.items():
        new_value = new.fields.get(label, "")
        if old_value != new_value:
            changes.append(Change(label, _lines_diff([old_value], [new_value])))
    for label, old_lines, new_lines in [
        (_("Bylines"), old.bylines, new.bylines),
        (_("Body"), old.body, new.body),
        (_("Quotes"), old.quotes, new.quotes),
    ]:
        if old_lines != new_lines:
            changes.append(Change(label, _lines_diff(old_lines, new_lines)))
    return changes


# --- Restoring -----------------------------------------------------------------------------


def article_restore_revision(*, article, user, version, expected_version, note=""):
    """Make ``version``'s content the article's current draft, as a new revision.

    The published version (if any) is untouched until someone publishes again. Raises
    PermissionDenied, EditConflict, or ValidationError when something the revision used
    (a photo, a speaker) no longer exists.
    """
    if int(version.object_id) != article.pk or version.content_type.model_class() is not Article:
        raise ValidationError(_("That revision belongs to another article."))
    stored = Article.objects.get(pk=article.pk)
    if not permissions.can_restore(user, stored):
        raise PermissionDenied(_("You may not change this article."))
    content = revision_content(version)
    try:
        with transaction.atomic(), reversion.create_revision():
            article_claim(article=stored, expected_version=expected_version)
            for name in RESTORED_FIELDS:
                setattr(stored, name, getattr(content.article, name))
            stored.version = expected_version
            stored.updated_by = user
            stored.full_clean(exclude=["translation_of"])
            stored.save()
            stored.tags.set(content.m2m["tags"])
            stored.people.set(content.m2m["people"])
            _restore_body(stored, content)
            reversion.set_user(user)
            comment = _("Restored the revision of %(label)s.") % {"label": content.label}
            reversion.set_comment(comment)
            reversion.add_to_revision(stored)
            ArticleTransition.objects.create(
                article=stored,
                action=TransitionAction.RESTORED,
                from_status=stored.status,
                to_status=stored.status,
                user=user,
                note=note or comment,
                details={"revision": version.revision_id},
            )
    except IntegrityError as error:
        raise ValidationError(
            _(
                "This revision cannot be restored: something it used (a photo, a person, "
                "an agency) no longer exists."
            )
        ) from error
    return stored


def _restore_body(article, content):
    # Blocks and quotes point at each other: clear the current ones, bring back the
    # quotes unplaced, then the blocks, then place the quotes again.
    article.blocks.all().delete()
    kept_quote_ids = {quote.pk for quote in content.quote_objects}
    article.quotes.exclude(pk__in=kept_quote_ids).delete()
    article.bylines.all().delete()
    for quote in content.quote_objects:
        block_id, quote.block_id = quote.block_id, None
        quote.article_id = article.pk
        quote.save()
        quote.block_id = block_id
    for block in content.blocks:
        block.article_id = article.pk
        block.save()
    for quote in content.quote_objects:
        if quote.block_id is not None:
            Quote.objects.filter(pk=quote.pk).update(block_id=quote.block_id)
    for byline in content.byline_objects:
        byline.article_id = article.pk
        byline.save()
