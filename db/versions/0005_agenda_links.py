"""Commitments, question sets, college notes and notes can stand on an agenda item, as motions can.

A meeting's pack (export/meeting.py) puts under each agenda item what each dossier holds for it; until
now only a motion could say which agenda item it was on. Commitments and the user's notes knew their
meeting only; question sets and college notes not even that. Every link is optional and set to NULL
when its meeting or agenda item goes.

The columns are added in place (ALTER TABLE … ADD COLUMN … REFERENCES, which SQLite and PostgreSQL both
take for a column whose default is NULL), never by making a table again: migrations run with SQLite's
foreign keys on, and dropping the old question_sets table would have deleted every question with it
(ON DELETE CASCADE).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


# table -> the columns it gains: (column, the table its foreign key points at)
ADDED = {
    "commitments": [("agenda_item_id", "agenda_items")],
    "question_sets": [("meeting_id", "meetings"), ("agenda_item_id", "agenda_items")],
    "college_notes": [("meeting_id", "meetings"), ("agenda_item_id", "agenda_items")],
    "notes": [("agenda_item_id", "agenda_items")],
}


def upgrade() -> None:
    for table, columns in ADDED.items():
        for column, target in columns:
            op.execute(f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR(36) CONSTRAINT fk_{table}_{column}_{target} "
                       f"REFERENCES {target} (id) ON DELETE SET NULL")
            op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def downgrade() -> None:
    for table, columns in ADDED.items():
        for column, _target in columns:
            op.drop_index(f"ix_{table}_{column}", table_name=table)
            with op.batch_alter_table(table) as batch:
                batch.drop_column(column)
