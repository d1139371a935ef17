"""Full-text search over published articles.

On PostgreSQL: a ``search_vector`` column (headline weighted A, dek B, body C), kept
by a trigger in each article's own language configuration (English stems "talks" to
"talk", Spanish "negociaciones" to "negoci"), a GIN index over live versions, and
``ts_rank_cd`` for relevance. The column, trigger and index are created by migration
0005 on PostgreSQL only (its SQL is frozen there), so the model stays portable.

On SQLite (the embedded default): an FTS5 index of live versions (migration 0010),
headline and dek in one column and the body in another, with Porter stemming (English;
other languages match whole words, accents folded). Every word must appear; relevance
counts words found in the headline and dek above words found only in the body.

Other databases: every word must appear as a substring, case-insensitively; relevance
counts words found in the headline and dek.
"""

from django.db import connection
from django.db.models import BooleanField, Case, FloatField, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

# Content language -> PostgreSQL text search configuration; others use 'simple'.
CONFIGURATIONS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "id": "indonesian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
MAX_QUERY_LENGTH = 200


def uses_postgres():
    return connection.vendor == "postgresql"


def search(queryset, query, *, languages=None):
    """Filter ``queryset`` (ArticleVersions) to matches of ``query``, annotated with
    ``rank`` (higher is more relevant). ``languages`` narrows the configurations tried
    when the caller already filters by language."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if uses_postgres():
        return _postgres_search(queryset, query, languages)
    if connection.vendor == "sqlite":
        return _sqlite_search(queryset, query)
    return _fallback_search(queryset, query)


def _config_sql(language_column="language"):
    cases = " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in CONFIGURATIONS.items())
    return f"(CASE {language_column} {cases} ELSE 'simple' END)::regconfig"


def _postgres_search(queryset, query, languages):
    table = queryset.model._meta.db_table
    configs = {}
    for code in languages or CONFIGURATIONS:
        configs.setdefault(CONFIGURATIONS.get(code, "simple"), []).append(code)
    # One branch per configuration, so each can use the GIN index (a BitmapOr).
    branches, params = [], []
    for config, codes in configs.items():
        placeholders = ", ".join(["%s"] * len(codes))
        branches.append(
            f'("{table}"."language" IN ({placeholders}) AND '
            f'"{table}"."search_vector" @@ websearch_to_tsquery(\'{config}\', %s))'
        )
        params += [*codes, query]
    if languages is None:
        known = list(CONFIGURATIONS)
        placeholders = ", ".join(["%s"] * len(known))
        branches.append(
            f'("{table}"."language" NOT IN ({placeholders}) AND '
            f'"{table}"."search_vector" @@ websearch_to_tsquery(\'simple\', %s))'
        )
        params += [*known, query]
    # Only constants are formatted into the SQL (table and configuration names); the
    # reader's words and the language codes travel as parameters.
    match = RawSQL(" OR ".join(branches), params, output_field=BooleanField())  # noqa: S611
    config = _config_sql(f'"{table}"."language"')
    rank = RawSQL(  # noqa: S611
        f'ts_rank_cd("{table}"."search_vector", websearch_to_tsquery({config}, %s), 1)',
        [query],
        output_field=FloatField(),
    )
    return queryset.filter(match).annotate(rank=rank)


def _words(query):
    return [word.strip("\"'") for word in query.split() if word.strip("\"'")][:10]


def _sqlite_search(queryset, query):
    words = _words(query)
    if not words:
        return _nothing(queryset)
    # Each word a quoted FTS5 string: the reader's operators and punctuation are text.
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    table = queryset.model._meta.db_table
    # Only the table's name is formatted into the SQL; the words travel as parameters.
    # Each IN list is computed once per query (not per row), so the cost follows the
    # number of matches, not the archive.
    matches_sql = (
        f'"{table}"."id" IN (SELECT rowid FROM articles_versionsearch '  # noqa: S608
        "WHERE articles_versionsearch MATCH %s)"
    )
    found = RawSQL(  # noqa: S611
        matches_sql, [" ".join(quoted)], output_field=BooleanField()
    )
    # Relevance: words found in the headline and dek count above words in the body
    # (PostgreSQL ranks by ts_rank_cd; bm25 here would be computed row by row).
    rank = sum(
        (
            Case(
                When(
                    RawSQL(matches_sql, [f"lead : {word}"], output_field=BooleanField()),  # noqa: S611
                    then=Value(2),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
            for word in quoted
        ),
        Value(len(words)),
    )
    return queryset.filter(found).annotate(rank=rank)


def _nothing(queryset):
    """No words to look for (only quotes, say): no results, in the usual shape."""
    return queryset.none().annotate(rank=Value(0.0, output_field=FloatField()))


def _fallback_search(queryset, query):
    words = _words(query)
    if not words:
        return _nothing(queryset)
    condition = Q()
    for word in words:
        condition &= Q(search_text__icontains=word)
    rank = sum(
        (
            Case(
                When(teaser__icontains=word, then=Value(2)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for word in words
        ),
        Value(len(words)),
    )
    return queryset.filter(condition).annotate(rank=rank)
