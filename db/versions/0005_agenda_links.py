"""Commitments, question sets, college notes and notes can stand on an agenda item, as motions can.

A meeting's pack (export/meeting.py) puts under each agenda item what each dossier holds for it; until
now only a motion could say which agenda item it was on. Commitments and the user's notes knew their
meeting only; question sets and college notes not even that. Every link is optional and set to NULL
when its meeting or agenda item goes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa


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
        # Batch mode: SQLite adds a column with a foreign key only by making the table again (in this
        # transaction, rows and ids kept); other databases alter the table in place.
        with op.batch_alter_table(table) as batch:
            for column, target in columns:
                batch.add_column(sa.Column(column, sa.String(length=36), nullable=True))
                batch.create_foreign_key(f"fk_{table}_{column}_{target}", target, [column], ["id"],
                                         ondelete="SET NULL")
                batch.create_index(f"ix_{table}_{column}", [column], unique=False)


def downgrade() -> None:
    for table, columns in ADDED.items():
        with op.batch_alter_table(table) as batch:
            for column, target in columns:
                batch.drop_index(f"ix_{table}_{column}")
                batch.drop_constraint(f"fk_{table}_{column}_{target}", type_="foreignkey")
                batch.drop_column(column)
