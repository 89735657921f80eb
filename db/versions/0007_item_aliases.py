"""Other ids of an item, from other import formats (item_aliases).

The same Tweede Kamer motion is named by its Zaak in a Stemming page and by its Kamerstuk in KOOP XML; a TK
Zaak file names both. An import that gives an item's other id (the document's `aliases`, docs/interchange.md)
records it here, so that a later import naming the item by that id updates it instead of adding a second.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "item_aliases",
        sa.Column("alias_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_item_aliases_item_id_items"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("alias_id", name=op.f("pk_item_aliases")),
    )
    op.create_index(op.f("ix_item_aliases_item_id"), "item_aliases", ["item_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_item_aliases_item_id"), table_name="item_aliases")
    op.drop_table("item_aliases")
