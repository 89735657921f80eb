"""Prefix indexes of 2 and 3 characters in the full-text index, for what a user has only begun to type.

Search and the lists' filters take the last word typed as a prefix ("be" finds "beleid" and
"bezoek"). Without a prefix index FTS5 merges the doclists of every word starting with it before
it can return one row: "be"* took 45-65 ms in a 100,000-item dossier, and the filter of a list
fires after a short pause in typing. With prefix = '2 3' a 2- or 3-character prefix reads one
precomputed doclist, lazily, so "newest first, LIMIT n" stops early (0.2 ms). Longer prefixes are
served as before (FTS5 uses a prefix index only for its exact length). The index grows by about
1.3x its size (24 to 55 MB of a 267 MB dossier).

FTS5 cannot add a prefix index to an existing table: the table is rebuilt from its own content, in
the migration's transaction, under the same rowids (items.seq).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


# The same as raadsdossier.storage.search.CREATE_FTS_SQL (a test holds them equal); spelled out here so
# this migration stays what it was when the app's definition changes again.
DEFINITION = "title, body, tokenize = 'unicode61 remove_diacritics 2'"
PREFIXES = ", prefix = '2 3'"


def _rebuild(definition: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # prefix indexes are FTS5's; PostgreSQL's GIN index answers prefix queries (:*) as it is
    # The text goes to a temporary table first and the old index is dropped before the new one is
    # written, so the new one reuses the old one's pages: built next to it, the 100,000-item bench
    # dossier grew from 267 to 401 MB (a file does not shrink without VACUUM); this way by 31 MB.
    op.execute("CREATE TEMP TABLE search_index_text AS SELECT id, c0, c1 FROM search_index_content")
    op.execute("DROP TABLE search_index")
    op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5({definition})")
    op.execute("INSERT INTO search_index(rowid, title, body) SELECT id, c0, c1 FROM temp.search_index_text ORDER BY id")
    op.execute("DROP TABLE temp.search_index_text")


def upgrade() -> None:
    _rebuild(DEFINITION + PREFIXES)


def downgrade() -> None:
    _rebuild(DEFINITION)
