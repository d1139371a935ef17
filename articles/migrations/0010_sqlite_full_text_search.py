"""Full-text search on SQLite: an FTS5 index of live versions; nothing elsewhere.

A contentless FTS5 table (the text stays in articles_articleversion alone) with two
columns, ``lead`` (headline and dek) and ``body`` (the search text), kept by triggers
on the live versions only, as the GIN index on PostgreSQL (migration 0004). Removing a
row from a contentless index needs the values it was added with, so the triggers
compute them from the old row with the same expressions. Queries: articles.search.
"""

from django.db import migrations

LEAD = (
    "CASE WHEN json_valid({row}.document) THEN "
    "coalesce(json_extract({row}.document, '$.headline'), '') || ' ' || "
    "coalesce(json_extract({row}.document, '$.dek'), '') ELSE '' END"
)
ADD = (
    "INSERT INTO articles_versionsearch (rowid, lead, body) "
    "VALUES (new.id, " + LEAD.format(row="new") + ", new.search_text);"
)
REMOVE = (
    "INSERT INTO articles_versionsearch (articles_versionsearch, rowid, lead, body) "
    "VALUES ('delete', old.id, " + LEAD.format(row="old") + ", old.search_text);"
)

SETUP = [
    "CREATE VIRTUAL TABLE articles_versionsearch USING fts5("
    "lead, body, content='', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_versionsearch_insert AFTER INSERT ON articles_articleversion "
    f"WHEN new.is_live BEGIN {ADD} END",
    "CREATE TRIGGER articles_versionsearch_delete AFTER DELETE ON articles_articleversion "
    f"WHEN old.is_live BEGIN {REMOVE} END",
    "CREATE TRIGGER articles_versionsearch_update_old AFTER UPDATE ON articles_articleversion "
    f"WHEN old.is_live BEGIN {REMOVE} END",
    "CREATE TRIGGER articles_versionsearch_update_new AFTER UPDATE ON articles_articleversion "
    f"WHEN new.is_live BEGIN {ADD} END",
    "INSERT INTO articles_versionsearch (rowid, lead, body) "
    "SELECT id, " + LEAD.format(row="articles_articleversion") + ", search_text "
    "FROM articles_articleversion WHERE is_live",
]

TEARDOWN = [
    "DROP TRIGGER articles_versionsearch_update_new",
    "DROP TRIGGER articles_versionsearch_update_old",
    "DROP TRIGGER articles_versionsearch_delete",
    "DROP TRIGGER articles_versionsearch_insert",
    "DROP TABLE articles_versionsearch",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SETUP:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in TEARDOWN:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_version_section_root")]

    operations = [migrations.RunPython(create, drop)]
