"""The reads every public request makes, in SQL written once.

Building a query with the ORM costs about a millisecond of Python, several times what
the database takes to answer a primary-key or unique-index lookup. The publication
state and the lookup of one live version run on every public request, so they are
written here as plain SQL (portable between SQLite and PostgreSQL, using the same
indexes as the ORM's queries) and return light row objects. Only constants (table
and column names) are formatted into the SQL; every value is a query parameter.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from newsroom.numbers import is_id

VERSIONS = "articles_articleversion"
# The same test as ArticleVersionQuerySet.visible(): "is_live" bare, as the ORM writes
# it, so SQLite can use the partial indexes on live versions.
VISIBLE = (
    '"is_live" AND "visible_from" <= %s AND ("visible_until" IS NULL OR "visible_until" > %s)'
)
DETAIL_COLUMNS = (
    "id",
    "article_id",
    "family_id",
    "language",
    "rendered_at",
    "rendering_valid_until",
    "withdrawn_at",
    "withdrawal_notice",
)
DATETIMES = {
    "rendered_at",
    "rendering_valid_until",
    "withdrawn_at",
    "next_change_at",
    "first_published_at",
    "changed_at",
}
LIST_COLUMNS = ("id", "article_id", "first_published_at", "changed_at", "rendering_valid_until")
SORT_COLUMNS = {"first_published_at", "changed_at", "article_id"}
BODY_COLUMNS = {"document", "ninjs", "jsonld", "teaser"}


@dataclass(frozen=True)
class State:
    key: str
    next_change_at: datetime | None

    def is_stale(self, at=None):
        return self.next_change_at is not None and self.next_change_at <= (at or timezone.now())


def publication_state():
    """Return the current publication State, or None when none was recorded yet."""
    with connection.cursor() as cursor:
        cursor.execute(
            'SELECT "token", "generation", "next_change_at" FROM "articles_publicationstate" '
            'WHERE "id" = 1'
        )
        row = cursor.fetchone()
    if row is None:
        return None
    token, generation, next_change_at = row
    return State(
        key=f"{str(token).replace('-', '')}:{generation}",
        next_change_at=_datetime(next_change_at),
    )


def live_version(lookup, *, language=None, default_language="en", column="document", at=None):
    """Return the visible live version with article id ``lookup`` (digits) or slug
    ``lookup``, preferring ``language`` (then ``default_language``) among articles
    sharing a slug; then its translation in ``language`` if that is visible too."""
    if column not in BODY_COLUMNS:
        raise ValueError(f"Unknown column {column!r}.")
    now = _now_param(at)
    select = ", ".join(f'"{name}"' for name in (*DETAIL_COLUMNS, column))
    if is_id(lookup):
        rows = _rows(
            f'SELECT {select} FROM "{VERSIONS}" WHERE {VISIBLE} AND "article_id" = %s',  # noqa: S608
            [now, now, int(lookup)],
        )
    else:
        rows = _rows(
            f'SELECT {select} FROM "{VERSIONS}" WHERE {VISIBLE} AND "slug" = %s '  # noqa: S608
            'ORDER BY CASE WHEN "language" = %s THEN 0 ELSE 1 END, "article_id" LIMIT 1',
            [now, now, lookup, language or default_language],
        )
    version = rows[0] if rows else None
    if version is not None and language and version.language != language:
        translations = _rows(
            f'SELECT {select} FROM "{VERSIONS}" WHERE {VISIBLE} '  # noqa: S608
            'AND "family_id" = %s AND "language" = %s',
            [now, now, version.family_id, language],
        )
        version = translations[0] if translations else version
    return version


def live_page(*, column, ordering, boundary=None, limit=20, section=None, language=None, at=None):
    """Return up to ``limit`` + 1 public versions (visible, not withdrawn) in
    ``ordering``, after ``boundary`` (value, article id, "lt" or "gt"), optionally in a
    section's subtree and a language: the SQL of the common article listings, which
    ``ArticleFilterSet`` also builds with the ORM (tests keep the two in step)."""
    if column not in BODY_COLUMNS or not {name.lstrip("-") for name in ordering} <= SORT_COLUMNS:
        raise ValueError("Unknown column or ordering.")
    now = _now_param(at)
    where, params = [VISIBLE, '"withdrawn_at" IS NULL'], [now, now]
    if language:
        where.append('"language" = %s')
        params.append(language)
    if boundary is not None:
        value, article_id, op = boundary
        field, sign = ordering[0].lstrip("-"), "<" if op == "lt" else ">"
        where.append(f'("{field}" {sign} %s OR ("{field}" = %s AND "article_id" {sign} %s))')
        value = connection.ops.adapt_datetimefield_value(value)
        params += [value, value, article_id]
    order = ", ".join(
        f'"{name.lstrip("-")}" {"DESC" if name.startswith("-") else "ASC"}' for name in ordering
    )
    select = ", ".join(f'"{name}"' for name in (*LIST_COLUMNS, column))

    def query(extra, extra_params):
        conditions = " AND ".join([*where, extra] if extra else where)
        sql = f'SELECT {select} FROM "{VERSIONS}" WHERE {conditions} ORDER BY {order} LIMIT %s'  # noqa: S608
        return sql, [*params, *extra_params, limit + 1]

    path = (section or "").strip("/")
    if not path:
        return _rows(*query("", []))
    if "/" not in path:  # a top section, as ArticleVersionQuerySet.in_section()
        return _rows(*query('"section_root" = %s', [path]))
    # A deeper section: the section itself and those below it ("a/b/" < path < "a/b0",
    # as "0" follows "/"), each read in order from its index, then merged.
    exact, exact_params = query('"section_path" = %s', [path])
    below, below_params = query(
        '"section_path" > %s AND "section_path" < %s', [f"{path}/", f"{path}0"]
    )
    sql = (
        f"SELECT * FROM ({exact}) AS exact UNION ALL SELECT * FROM ({below}) AS below "  # noqa: S608
        f"ORDER BY {order} LIMIT %s"
    )
    return _rows(sql, [*exact_params, *below_params, limit + 1])


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    return [_row(names, values) for values in rows]


def _row(names, values):
    row = SimpleNamespace(
        **{
            name: _datetime(value) if name in DATETIMES else value
            for name, value in zip(names, values, strict=True)
        }
    )
    row.pk = row.id
    return row


def _now_param(at=None):
    return connection.ops.adapt_datetimefield_value(at or timezone.now())


def _datetime(value):
    """Return a database datetime (a string on SQLite) as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
