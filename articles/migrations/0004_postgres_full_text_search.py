"""Full-text search objects on PostgreSQL (column, trigger, GIN index); nothing elsewhere.

The queries that use them are in articles.search. The language -> configuration map
below must match articles.search.CONFIGURATIONS; a later change needs a new migration.
"""

from django.db import migrations

SETUP = """
ALTER TABLE articles_articleversion ADD COLUMN search_vector tsvector;

CREATE FUNCTION articles_version_search_vector() RETURNS trigger AS $$
DECLARE
    config regconfig := (CASE NEW.language WHEN 'ar' THEN 'arabic' WHEN 'ca' THEN 'catalan' WHEN 'da' THEN 'danish' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fi' THEN 'finnish' WHEN 'fr' THEN 'french' WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'it' THEN 'italian' WHEN 'nl' THEN 'dutch' WHEN 'no' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian' WHEN 'sv' THEN 'swedish' WHEN 'tr' THEN 'turkish' ELSE 'simple' END)::regconfig;
    doc jsonb := CASE WHEN NEW.document = '' THEN '{}'::jsonb ELSE NEW.document::jsonb END;
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector(config, coalesce(doc->>'headline', '')), 'A') ||
        setweight(to_tsvector(config, coalesce(doc->>'dek', '')), 'B') ||
        setweight(to_tsvector(config, coalesce(NEW.search_text, '')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER articles_version_search_vector
    BEFORE INSERT OR UPDATE OF search_text, document, language ON articles_articleversion
    FOR EACH ROW EXECUTE FUNCTION articles_version_search_vector();

CREATE INDEX articles_version_search_gin
    ON articles_articleversion USING GIN (search_vector) WHERE is_live;

UPDATE articles_articleversion SET search_text = search_text;
"""

TEARDOWN = """
DROP INDEX articles_version_search_gin;
DROP TRIGGER articles_version_search_vector ON articles_articleversion;
DROP FUNCTION articles_version_search_vector();
ALTER TABLE articles_articleversion DROP COLUMN search_vector;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SETUP)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TEARDOWN)


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_publishing_read_model")]

    operations = [migrations.RunPython(create, drop)]
