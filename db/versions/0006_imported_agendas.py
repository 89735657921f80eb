"""Agendas as the council systems publish them: headings, repeated numbers, where each item came from,
and documents that belong to an agenda item.

A meeting imported from Notubiz or GemeenteOplossingen (importers/notubiz_meeting.py, go_meeting.py)
brings its whole agenda: headings without a number ("Algemeen", "TER KENNISNAMELIJST"), numbers that
repeat within one meeting (six items numbered "3." in a real Amsterdam agenda), and the system's own id
of every agenda item, so that a later capture of the same meeting updates the agenda instead of
doubling it while what the user added by hand stays. So agenda items:

- `number` may be empty (a heading), and is no longer unique within a meeting;
- `kind` may be `heading`;
- `origin` says which system and id an imported agenda item came from ("notubiz:3935516"); NULL for
  one the user made.

And a source may belong to one agenda item (`sources.agenda_item_id`): the documents of that item.

On SQLite, dropping a NOT NULL and a UNIQUE constraint means making the table again. Migrations run
with foreign keys on, so dropping the old table sets every motion's, commitment's, question set's,
college note's and note's link to its agenda item to NULL (ON DELETE SET NULL): the links are kept in a
temporary table first and put back after, in the same transaction. Other databases alter in place.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# The tables whose rows may stand on an agenda item (agenda_item_id → agenda_items.id).
LINKED = ("motions", "commitments", "question_sets", "college_notes", "notes")
KINDS = "'formality', 'debate', 'heading'"
OLD_KINDS = "'formality', 'debate'"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _remake_agenda_items(KINDS, number_null="", unique="")
        op.execute("ALTER TABLE agenda_items ADD COLUMN origin TEXT")
    else:
        op.alter_column("agenda_items", "number", existing_type=sa.Text(), nullable=True)
        op.drop_constraint(op.f("uq_agenda_items_meeting_id"), "agenda_items", type_="unique")
        op.drop_constraint(op.f("ck_agenda_items_agendaitemkind"), "agenda_items", type_="check")
        op.create_check_constraint(op.f("ck_agenda_items_agendaitemkind"), "agenda_items", f"kind IN ({KINDS})")
        op.add_column("agenda_items", sa.Column("origin", sa.Text(), nullable=True))
    op.create_index("ix_agenda_items_origin", "agenda_items", ["origin"], unique=False)
    op.execute("ALTER TABLE sources ADD COLUMN agenda_item_id VARCHAR(36) CONSTRAINT fk_sources_agenda_item_id_agenda_items "
               "REFERENCES agenda_items (id) ON DELETE SET NULL")
    op.create_index("ix_sources_agenda_item_id", "sources", ["agenda_item_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sources_agenda_item_id", table_name="sources")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("agenda_item_id")
    op.drop_index("ix_agenda_items_origin", table_name="agenda_items")
    # Back to one number per item: a heading gets its title as its number, a repeated number its position.
    op.execute("UPDATE agenda_items SET number = COALESCE(NULLIF(number, ''), title), kind = 'debate' "
               "WHERE number IS NULL OR number = '' OR kind = 'heading'")
    op.execute("UPDATE agenda_items SET number = number || ' (' || position || ')' WHERE EXISTS ("
               "SELECT 1 FROM agenda_items AS other WHERE other.meeting_id = agenda_items.meeting_id "
               "AND other.number = agenda_items.number AND other.position < agenda_items.position)")
    if op.get_bind().dialect.name == "sqlite":
        _remake_agenda_items(OLD_KINDS, number_null=" NOT NULL",
                             unique=", CONSTRAINT uq_agenda_items_meeting_id UNIQUE (meeting_id, number)")
    else:
        op.drop_column("agenda_items", "origin")
        op.drop_constraint(op.f("ck_agenda_items_agendaitemkind"), "agenda_items", type_="check")
        op.create_check_constraint(op.f("ck_agenda_items_agendaitemkind"), "agenda_items", f"kind IN ({OLD_KINDS})")
        op.create_unique_constraint(op.f("uq_agenda_items_meeting_id"), "agenda_items", ["meeting_id", "number"])
        op.alter_column("agenda_items", "number", existing_type=sa.Text(), nullable=False)


def _remake_agenda_items(kinds: str, number_null: str, unique: str) -> None:
    """Make agenda_items again with `kinds`, `number` NULL-able or not and the unique constraint or not,
    keeping its rows (without `origin`, which the caller adds or drops) and every link to them."""
    op.execute("CREATE TEMPORARY TABLE _agenda_links (tbl TEXT, id TEXT, agenda_item_id TEXT)")
    for table in LINKED:
        op.execute(f"INSERT INTO _agenda_links SELECT '{table}', id, agenda_item_id FROM {table} "
                   "WHERE agenda_item_id IS NOT NULL")
    op.execute(f"""CREATE TABLE _agenda_items_new (
        id VARCHAR(36) NOT NULL,
        meeting_id VARCHAR(36) NOT NULL,
        position INTEGER NOT NULL,
        number TEXT{number_null},
        title TEXT NOT NULL,
        kind VARCHAR(32) NOT NULL,
        CONSTRAINT pk_agenda_items PRIMARY KEY (id),
        CONSTRAINT fk_agenda_items_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
        CONSTRAINT ck_agenda_items_agendaitemkind CHECK (kind IN ({kinds})){unique}
    )""")
    op.execute("INSERT INTO _agenda_items_new (id, meeting_id, position, number, title, kind) "
               "SELECT id, meeting_id, position, number, title, kind FROM agenda_items")
    op.execute("DROP INDEX IF EXISTS ix_agenda_items_meeting_id")
    op.execute("DROP TABLE agenda_items")  # sets the links to NULL: they are put back below
    op.execute("ALTER TABLE _agenda_items_new RENAME TO agenda_items")
    op.create_index("ix_agenda_items_meeting_id", "agenda_items", ["meeting_id"], unique=False)
    for table in LINKED:
        op.execute(f"UPDATE {table} SET agenda_item_id = (SELECT agenda_item_id FROM _agenda_links AS l "
                   f"WHERE l.tbl = '{table}' AND l.id = {table}.id) "
                   f"WHERE id IN (SELECT id FROM _agenda_links WHERE tbl = '{table}')")
    op.execute("DROP TABLE _agenda_links")
