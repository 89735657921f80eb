"""The follow-up of adopted motions and commitments: a state, an optional deadline, dated entries with their
evidence. A motion's free-text `follow_up` of before becomes the first entry of its follow-up (state
"unknown", undated): nothing is lost.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

STATES = ("not_started", "in_progress", "done", "not_done", "unknown")


def upgrade() -> None:
    op.create_table(
        "follow_ups",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.Enum(*STATES, name="followupstate", native_enum=False, create_constraint=True, length=32),
                  nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_follow_ups_item_id_items"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_follow_ups")),
    )
    op.create_table(
        "follow_up_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["follow_ups.item_id"], name=op.f("fk_follow_up_entries_item_id_follow_ups"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_entries")),
    )
    op.create_index(op.f("ix_follow_up_entries_item_id"), "follow_up_entries", ["item_id"], unique=False)
    op.create_table(
        "follow_up_evidence",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["follow_up_entries.id"],
                                name=op.f("fk_follow_up_evidence_entry_id_follow_up_entries"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_follow_up_evidence_item_id_items"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id", "item_id", name=op.f("pk_follow_up_evidence")),
    )
    op.create_index(op.f("ix_follow_up_evidence_item_id"), "follow_up_evidence", ["item_id"], unique=False)
    written = "follow_up IS NOT NULL AND trim(follow_up) != ''"
    op.execute(f"INSERT INTO follow_ups (item_id, state, deadline) SELECT id, 'unknown', NULL FROM motions WHERE {written}")
    op.execute("INSERT INTO follow_up_entries (item_id, position, date, text) "
               f"SELECT id, 0, NULL, follow_up FROM motions WHERE {written}")
    # In place (SQLite 3.35 and later drop a column without an index), never by making the table again: with
    # foreign keys on, dropping the old motions table would take every vote with it (ON DELETE CASCADE).
    op.execute("ALTER TABLE motions DROP COLUMN follow_up")


def downgrade() -> None:
    op.add_column("motions", sa.Column("follow_up", sa.Text(), nullable=True))
    # The entries' words back as one text (dates in front); state, deadline and evidence have no place there.
    # SQLite's group_concat is PostgreSQL's string_agg (in the entries' order, as they were written).
    joined = "group_concat({entry}, char(10) || char(10))" if op.get_bind().dialect.name == "sqlite" else \
        "string_agg({entry}, chr(10) || chr(10) ORDER BY e.position)"
    entry = "CASE WHEN e.date IS NULL THEN e.text ELSE e.date || ': ' || e.text END"
    op.execute(f"UPDATE motions SET follow_up = (SELECT {joined.format(entry=entry)} FROM follow_up_entries AS e "
               "WHERE e.item_id = motions.id) WHERE id IN (SELECT item_id FROM follow_up_entries)")
    op.drop_index(op.f("ix_follow_up_evidence_item_id"), table_name="follow_up_evidence")
    op.drop_table("follow_up_evidence")
    op.drop_index(op.f("ix_follow_up_entries_item_id"), table_name="follow_up_entries")
    op.drop_table("follow_up_entries")
    op.drop_table("follow_ups")
