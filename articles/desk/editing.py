"""Editing services: save an article without overwriting anyone's work, translate it.

Every save of an article states which edit version it started from
(``expected_version``, the ``Article.version`` the editor loaded). The save claims the
row with ``UPDATE ... WHERE version = expected`` inside the transaction; when someone
else saved in between, nothing is written and ``EditConflict`` names who changed it and
when. The admin sends the version in a hidden field; the write API will take it from
``If-Match``.
"""

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import limits
from articles.desk import permissions
from articles.models import Article, ArticleStatus, Block, Byline, Quote
from articles.models.blocks import anchor_clashes


def local_time(value):
    """Format ``value`` in the newsroom's time zone, naming the zone."""
    value = timezone.localtime(value)
    return f"{value:%d %b %Y, %H:%M} ({value.tzname()})"


def user_name(user):
    if user is None:
        return _("someone")
    return user.get_full_name() or user.get_username()


class EditConflict(ValidationError):
    """Someone saved the article after the editor opened it; nothing was written."""

    def __init__(self, *, current, expected_version):
        self.current = current
        self.expected_version = expected_version
        message = _(
            "%(who)s changed this article at %(when)s (edit %(version)s) after you opened "
            "edit %(expected)s. Your changes have not been saved, and theirs have not been "
            "overwritten: copy what you typed, reload the article, and apply it again."
        ) % {
            "who": user_name(current.updated_by),
            "when": local_time(current.updated_at),
            "version": current.version,
            "expected": expected_version,
        }
        super().__init__(message, code="edit_conflict")


def article_claim(*, article, expected_version):
    """Lock ``article``'s row for this transaction if it is still at ``expected_version``.

    Raises EditConflict otherwise. Must run inside a transaction: the lock (a row lock on
    PostgreSQL, the write lock on SQLite) holds until it ends, so no save can slip in
    between the check and the write.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("article_claim() must run inside transaction.atomic().")
    claimed = Article.objects.filter(pk=article.pk, version=expected_version).update(
        version=F("version")
    )
    if not claimed:
        current = Article.objects.select_related("updated_by").get(pk=article.pk)
        raise EditConflict(current=current, expected_version=expected_version)


def require_write_permission(*, user, article=None):
    """Raise PermissionDenied unless ``user`` may create an article (``article`` None or
    unsaved) or edit ``article`` as stored; return the stored article (or None).

    Every write asks this before it looks at the input: a refusal must not depend on,
    and so not reveal, what the input would have run into (a slug in use, say).
    """
    if article is None or article.pk is None:
        if not permissions.can_create(user):
            raise PermissionDenied(_("You may not create articles."))
        return None
    stored = Article.objects.get(pk=article.pk)
    if not permissions.can_edit(user, stored):
        raise PermissionDenied(edit_refusal(user, stored))
    return stored


def article_save(*, article, user, expected_version=None, comment=""):
    """Save ``article`` (new or edited) as ``user`` and record a revision.

    ``expected_version`` is required for an existing article: the edit version the user
    started from. Raises PermissionDenied if ``user`` may not edit the article as stored,
    EditConflict if someone saved it since. Callers validate the input first (the admin
    form and the API serializer do).
    """
    with transaction.atomic(), reversion.create_revision():
        stored = require_write_permission(user=user, article=article)
        if stored is None:
            article.created_by = article.created_by or user
        else:
            if expected_version is None:
                raise ValueError("Saving an existing article needs its expected_version.")
            article_claim(article=article, expected_version=expected_version)
            stored = Article.objects.get(pk=article.pk)  # as locked: nothing moves now
            article.version = expected_version  # save() moves it on by one
            # What the workflow owns is never changed by an edit.
            for name in ("status", "first_published_at", "published_at", "created_by_id"):
                setattr(article, name, getattr(stored, name))
        linked = article.translation_of_id
        was_linked = stored.translation_of_id if stored is not None else None
        if (
            linked
            and linked != was_linked
            and not permissions.may_link_translation(user, article.translation_of)
        ):
            raise ValidationError({"translation_of": _("Choose an article you can read.")})
        article.updated_by = user
        article.save()
        reversion.set_user(user)
        reversion.set_comment(comment or _("Saved."))
        reversion.add_to_revision(article)
    return article


def edit_refusal(user, article):
    """Say, in an editor's words, why ``user`` may not edit ``article``."""
    if article.status == ArticleStatus.WITHDRAWN:
        return _("This article has been withdrawn; its record is kept as it is.")
    if article.created_by_id != getattr(user, "pk", None):
        return _("Only editors may change an article someone else wrote.")
    return _(
        "This article is %(status)s: a reporter may change it again once an editor "
        "returns it to draft."
    ) % {"status": article.get_status_display().lower()}


def article_translate(*, article, user, language):
    """Start a translation of ``article`` into ``language``: a new draft linked to the
    original, with its text and body copied for the translator to replace.

    Returns the new article. Refuses (ValidationError) a language the family already has.
    """
    if not permissions.can_create(user):
        raise PermissionDenied(_("You may not create articles."))
    original = article.translation_of or article
    with transaction.atomic(), reversion.create_revision():
        if original.translation_family().filter(language=language).exists():
            raise ValidationError(
                _("This article already has a %(language)s version.") % {"language": language}
            )
        translation = Article(
            **{name: getattr(article, name) for name in ARTICLE_FIELDS},
            created_by=user,
            updated_by=user,
        )
        translation.language, translation.translation_of = language, original
        translation.full_clean()
        translation.save()
        translation.tags.set(article.tags.all())
        translation.people.set(article.people.all())
        for byline in article.bylines.all():
            Byline.objects.create(
                article=translation,
                position=byline.position,
                person=byline.person,
                agency=byline.agency,
            )
        for block in article.blocks.filter(quote__isnull=True):
            Block.objects.create(
                article=translation,
                position=block.position,
                **{name: getattr(block, name) for name in Block.CONTENT_FIELDS},
            )
        reversion.set_user(user)
        reversion.set_comment(_("Translation started from %(original)s.") % {"original": article})
        reversion.add_to_revision(translation)
    return translation


# --- Whole-article writes (the write API, ingest) --------------------------------------------

ARTICLE_FIELDS = (
    "language",
    "translation_of",
    "kicker",
    "headline",
    "slug",
    "dek",
    "section",
    "lead_photo",
    "dateline",
    "source",
)


def article_write(*, user, data, article=None, expected_version=None, comment=""):
    """Create ``article`` (None) or update it from validated ``data``, atomically.

    ``data`` holds article fields (``ARTICLE_FIELDS``) and, when given, ``tags``,
    ``people``, ``bylines`` (dicts with ``person`` or ``agency``), ``blocks`` (dicts
    with ``kind``, ``text``, ``anchor``, ``level``, ``photo``, ``quote``: the index of a
    pull quote in ``quotes``, ``items``, ``url``) and ``quotes`` (dicts with ``text``,
    ``speaker``, ``speaker_role``, ``language``, ``said_on``, ``said_where``, ``block``:
    the index of the block it stands in, ``offset``, and ``id`` to keep an existing
    quote). Lists given replace what the article had; lists left out stay as they are.
    Permission (checked first) and conflict rules are ``article_save``'s; the size of an
    article is bounded by ``articles.limits``. Returns the article.
    """
    with transaction.atomic(), reversion.create_revision():
        require_write_permission(user=user, article=article)
        limits.check_article(data)
        article = article or Article()
        for name in ARTICLE_FIELDS:
            if name in data:
                setattr(article, name, data[name])
        if article.pk is None:
            article.external_source = data.get("external_source", "")
            article.external_id = data.get("external_id", "")
        article.full_clean(exclude=["section", "lead_photo", "translation_of"])
        article_save(
            article=article, user=user, expected_version=expected_version, comment=comment
        )
        for name in ("tags", "people"):
            if name in data:
                getattr(article, name).set(data[name])
        written = []
        if "bylines" in data:
            article.bylines.all().delete()
            written += Byline.objects.bulk_create(
                Byline(
                    article=article,
                    position=position,
                    person=b.get("person"),
                    agency=b.get("agency"),
                )
                for position, b in enumerate(data["bylines"])
            )
        if "blocks" in data or "quotes" in data:
            written += _replace_body(article, data.get("blocks"), data.get("quotes"))
        # The revision records every part with its name (a quote names its speaker); the
        # rows just written hold those at hand, where the article's own follow-up would
        # fetch each again, a query per quote.
        for row in written:
            reversion.add_to_revision(row)
        reversion.add_to_revision(article)
    return article


def _replace_body(article, blocks, quotes):
    """Replace the article's blocks and quotes (quotes with an ``id`` keep it); return the
    rows written.

    The new body is built and checked in memory first (sanitised, anchored, each placed
    quote's words at its offset, by ``Quote.clean``), then written in a fixed number of
    queries whatever its length: a long body once cost a query per block and several
    per placed quote. ``bulk_create`` skips ``save()``, so ``Block.normalise`` runs here;
    the revision still holds every block and quote (``add_to_revision`` follows them).
    """
    if quotes is None:
        quotes = [
            {**_quote_fields(q), "id": q.pk, "block": None, "offset": None}
            for q in article.quotes.select_related("speaker")
        ]
    kept = {q["id"] for q in quotes if q.get("id")}
    foreign = kept - set(article.quotes.values_list("pk", flat=True))
    if foreign:
        raise ValidationError(
            {
                "quotes": _("Quote %(ids)s belongs to another article.")
                % {"ids": ", ".join(map(str, sorted(foreign)))}
            }
        )
    existing = article.quotes.in_bulk(kept)
    quote_rows = []
    for quote in quotes:
        row = existing[quote["id"]] if quote.get("id") else Quote(article=article)
        for name, value in _quote_fields(quote).items():
            setattr(row, name, value)
        row.block, row.offset = None, None
        quote_rows.append(row)
    if blocks is None:
        pulled = set(article.blocks.filter(quote__isnull=False).values_list("quote_id", flat=True))
        if pulled - kept:
            raise ValidationError(
                {"quotes": _("A pull-quote block shows a quote left out; send the blocks too.")}
            )
        _save_quotes(article, quote_rows, kept)
        return quote_rows
    block_rows = _build_blocks(article, blocks)
    for block, data in zip(block_rows, blocks, strict=True):
        pull = data.get("quote")
        block.quote = quote_rows[pull] if pull is not None else None
    _check_blocks(block_rows)
    placements = _placements(quotes, quote_rows, block_rows)
    # Checked: now write. Blocks go first (quotes placed in them are unplaced by it), then
    # the quotes, then the blocks again (pull quotes need the quotes' ids), then places.
    article.blocks.all().delete()
    _save_quotes(article, quote_rows, kept)
    for block, data in zip(block_rows, blocks, strict=True):
        pull = data.get("quote")
        block.quote = quote_rows[pull] if pull is not None else None
    Block.objects.bulk_create(block_rows)
    for row, block, offset in placements:
        row.block, row.offset = block, offset
    Quote.objects.bulk_update([row for row, _block, _offset in placements], ["block", "offset"])
    return [*quote_rows, *block_rows]


def _build_blocks(article, blocks):
    """Return unsaved, normalised Blocks for ``blocks`` (validated dicts), or raise
    ValidationError naming the blocks whose anchor another block already has."""
    rows = [
        Block(
            article=article,
            position=position,
            # Fields left out take the model's defaults.
            **{name: block[name] for name in Block.CONTENT_FIELDS if name in block},
        )
        for position, block in enumerate(blocks)
    ]
    clashes = anchor_clashes([row.anchor for row in rows])
    if clashes:
        raise ValidationError(
            {
                "blocks": [
                    _("%(position)s: anchor: Another block of this article has this anchor.")
                    % {"position": position}
                    for position in clashes
                ]
            }
        )
    # Anchors given are kept; subheadings without one get one none of them has.
    taken = {row.anchor for row in rows if row.anchor}
    for row in rows:
        row.normalise(taken)
        taken.add(row.anchor)
    return rows


def _check_blocks(block_rows):
    """Raise ValidationError naming each block that breaks what its kind needs
    (``Block.clean``: the rules the admin's form and the API's serializer apply too)."""
    errors = []
    for position, row in enumerate(block_rows):
        try:
            row.clean()
        except ValidationError as error:
            errors += [
                f"{position}: {field}: {message}"
                for field, messages in error.message_dict.items()
                for message in messages
            ]
    if errors:
        raise ValidationError({"blocks": errors})


def _placements(quotes, quote_rows, block_rows):
    """Return (quote row, block row, offset) for each quote with a ``block`` index, each
    checked by Quote.clean (the words stand in the block at that offset)."""
    placements, errors = [], []
    for position, (quote, row) in enumerate(zip(quotes, quote_rows, strict=True)):
        if quote.get("block") is None:
            continue
        row.block, row.offset = block_rows[quote["block"]], quote.get("offset") or 0
        try:
            row.clean()
        except ValidationError as error:
            errors += [f"{position}: {message}" for message in error.messages]
        placements.append((row, row.block, row.offset))
        # Written unplaced first: the block is saved after the quote.
        row.block, row.offset = None, None
    if errors:
        raise ValidationError({"quotes": errors})
    return placements


# What a quote kept by the write service has rewritten (its place comes after the blocks).
QUOTE_COLUMNS = [*("text", "speaker", "speaker_role", "language"), "said_on", "said_where"]
QUOTE_COLUMNS += ["block", "offset"]


def _save_quotes(article, rows, kept):
    """Write the quotes (unplaced): update those kept, create the new, delete the rest."""
    article.quotes.exclude(pk__in=kept).delete()
    Quote.objects.bulk_update([row for row in rows if row.pk is not None], QUOTE_COLUMNS)
    Quote.objects.bulk_create([row for row in rows if row.pk is None])


def _quote_fields(quote):
    if isinstance(quote, Quote):
        quote = {
            "text": quote.text,
            "speaker": quote.speaker,
            "speaker_role": quote.speaker_role,
            "language": quote.language,
            "said_on": quote.said_on,
            "said_where": quote.said_where,
        }
    return {
        "text": quote["text"],
        "speaker": quote["speaker"],
        "speaker_role": quote.get("speaker_role", ""),
        "language": quote.get("language") or settings.NEWSROOM_DEFAULT_LANGUAGE,
        "said_on": quote.get("said_on"),
        "said_where": quote.get("said_where", ""),
    }


def article_ingest(*, user, source, external_id, data):
    """Create or update the article ``source`` sent as ``external_id``: a wire story
    sent again updates the same draft, never a second one. Returns (article, created).

    An ingested article that is no longer a draft (in review, published...) is left as
    the desk made it: the update is refused with a ValidationError. Permission comes
    first: who may not write learns nothing of what the wire sent before. Two deliveries
    of the same item at once both succeed, with one article: the one that loses the race
    to create it updates what the other created.
    """
    require_write_permission(user=user)
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                return _ingest_once(user=user, source=source, external_id=external_id, data=data)
        except IntegrityError:
            created_meanwhile = Article.objects.filter(
                external_source=source, external_id=external_id
            ).exists()
            if attempt == 2 or not created_meanwhile:
                raise ValidationError(
                    _("Another article took this address at the same moment; send it again.")
                ) from None
    raise AssertionError("unreachable")


def _ingest_once(*, user, source, external_id, data):
    existing = (
        Article.objects.select_for_update()
        .filter(external_source=source, external_id=external_id)
        .first()
    )
    if existing is None:
        data = {**data, "external_source": source, "external_id": external_id}
        return article_write(user=user, data=data, comment=_("Ingested.")), True
    require_write_permission(user=user, article=existing)
    if existing.status != ArticleStatus.DRAFT:
        raise ValidationError(
            _("%(source)s %(id)s is already %(status)s on the desk; it is not replaced.")
            % {
                "source": source,
                "id": external_id,
                "status": existing.get_status_display().lower(),
            }
        )
    article = article_write(
        user=user,
        data=data,
        article=existing,
        expected_version=existing.version,
        comment=_("Ingested again."),
    )
    return article, False


__all__ = [
    "ARTICLE_FIELDS",
    "EditConflict",
    "article_claim",
    "article_ingest",
    "article_save",
    "article_translate",
    "article_write",
    "edit_refusal",
    "local_time",
    "require_write_permission",
]
