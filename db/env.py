"""Alembic environment: migrations run on the connection (and inside the transaction) the app hands in."""

from alembic import context
from sqlalchemy import create_engine

from raadsdossier.domain.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):
    # The FTS5 index and its shadow tables are made by hand in the migrations.
    return not (type_ == "table" and name.startswith("search_index"))


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # developer use: `alembic -x url=sqlite:///x.raadsdossier revision --autogenerate`
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///dev.raadsdossier")
        with create_engine(url).connect() as own_connection:
            _run(own_connection)
            own_connection.commit()
        return
    _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
