"""Full-text search over documents' titles and texts: an FTS5 index on SQLite, a generated,
weighted tsvector with a GIN index on PostgreSQL. Both follow ``search_title`` and ``search_text``,
which ``documents.services`` keeps from the current language versions."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
         search_title, search_text, content='documents_document', content_rowid='id',
         tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents_document BEGIN
         INSERT INTO documents_fts(rowid, search_title, search_text)
         VALUES (new.id, new.search_title, new.search_text);
       END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents_document BEGIN
         INSERT INTO documents_fts(documents_fts, rowid, search_title, search_text)
         VALUES ('delete', old.id, old.search_title, old.search_text);
       END""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE OF search_title, search_text
       ON documents_document BEGIN
         INSERT INTO documents_fts(documents_fts, rowid, search_title, search_text)
         VALUES ('delete', old.id, old.search_title, old.search_text);
         INSERT INTO documents_fts(rowid, search_title, search_text)
         VALUES (new.id, new.search_title, new.search_text);
       END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS documents_fts_update",
    "DROP TRIGGER IF EXISTS documents_fts_delete",
    "DROP TRIGGER IF EXISTS documents_fts_insert",
    "DROP TABLE IF EXISTS documents_fts",
]
POSTGRES = [
    """ALTER TABLE documents_document ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (
         setweight(to_tsvector('simple', coalesce(search_title, '')), 'A') ||
         setweight(to_tsvector('simple', coalesce(search_text, '')), 'B')
       ) STORED""",
    "CREATE INDEX documents_document_search_vector ON documents_document USING GIN (search_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS documents_document_search_vector",
    "ALTER TABLE documents_document DROP COLUMN IF EXISTS search_vector",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in POSTGRES if vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in POSTGRES_REVERSE if vendor == "postgresql" else SQLITE_REVERSE:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
