"""Full-text search over published articles.

On PostgreSQL: a ``search_vector`` column (headline weighted A, dek B, body C), kept
by a trigger in each article's own language configuration (English stems "talks" to
"talk", Spanish "negociaciones" to "negoci"), a GIN index over live versions, and
``ts_rank_cd`` for relevance. The column, trigger and index are created by migration
0005 on PostgreSQL only (its SQL is frozen there), so the model stays portable.

Elsewhere (SQLite, the embedded default): every word must appear, case-insensitively;
relevance counts words found in the headline and dek above words found in the body.
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


def _fallback_search(queryset, query):
    words = [word.strip("\"'") for word in query.split() if word.strip("\"'")][:10]
    if not words:
        return queryset.none()
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
