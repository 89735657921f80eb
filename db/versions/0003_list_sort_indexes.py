"""Indexes that serve the lists' ORDER BY ... LIMIT directly and count a kind's full-text matches.

The Moties list sorts by reference, title, date, status or confidentiality, nulls last, ties by id
(core.items.page). Without an index in exactly that order, every page sorted all motions (13,000 in a
100,000-item dossier); with one, a page reads its 48 index entries. items(kind, seq) lets a filtered
list count the full-text matches of one kind from the index alone.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


# (name, table, columns or expressions): the same as the Index(...) entries of the models.
INDEXES = [
    ("ix_items_kind_seq", "items", ["kind", "seq"]),
    ("ix_items_kind_confidentiality", "items", ["kind", "confidentiality", "id"]),
    ("ix_motions_sort_reference", "motions", [sa.text("(reference IS NULL)"), "reference", "id"]),
    ("ix_motions_sort_reference_desc", "motions", [sa.text("(reference IS NULL)"), sa.text("reference DESC"), sa.text("id DESC")]),
    ("ix_motions_sort_date", "motions", [sa.text("(date IS NULL)"), "date", "id"]),
    ("ix_motions_sort_date_desc", "motions", [sa.text("(date IS NULL)"), sa.text("date DESC"), sa.text("id DESC")]),
    ("ix_motions_sort_title", "motions", ["title", "id"]),
    ("ix_motions_sort_status", "motions", ["status", "id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
