"""Whole-article writes from structured data: the write API, wire ingest and the wire
import. The article, its body and quotes are checked in memory by the models' own rules
(``Block.clean``, ``Quote.clean``, ``articles.limits``), then written in a fixed number of
queries; permission and conflict rules are ``articles.desk.editing``'s.
"""

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from articles import limits
from articles.desk.editing import ARTICLE_FIELDS, article_save, require_write_permission
from articles.models import Article, ArticleStatus, Block, Byline, Quote
from articles.models.blocks import anchor_clashes


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


__all__ = ["article_ingest", "article_write"]
