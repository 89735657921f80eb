"""The Overzicht as a dashboard: its figures, the items they link to, and the partnership as its form edits it.

Every figure comes from one definition, storage/glance.py's `overview`, read with plain SQL: the first
screen of start-up (before the data layer is loaded) reads it from the file, the window from here, and
`raadsdossier info --json` prints `figures` as "dashboard", so the three always agree. Reads only;
callable from any thread (one dossier per thread at a time); nothing returned holds an ORM object.
"""

from __future__ import annotations

from datetime import date

from raadsdossier.storage import glance
from raadsdossier.storage.dossier import Dossier


def figures(dossier: Dossier, today: date | None = None) -> dict:
    """Every number the Overzicht shows, JSON-ready (storage/glance.py `overview`, "figures"). Plain SQL:
    no ORM model is imported, so the command line stays quick."""
    with dossier.connection() as connection:
        return glance.overview(connection, today or date.today())["figures"]


def overview(dossier: Dossier, today: date | None = None) -> dict:
    """What the Overzicht shows (glance.overview: the partnership's summary, `figures`, the open commitments,
    the overdue question sets, the latest and the coming dated items, the checklist's progress), with the
    partnership as its form edits it (its interchange dict) in place of the summary; `today` decides what
    is overdue and what is still to come."""
    from sqlalchemy import select

    from raadsdossier.domain.models import Partnership
    from raadsdossier.interchange.export import export_item
    from raadsdossier.interchange.spec import PARTNERSHIP

    with dossier.session() as session:  # one snapshot: the figures and the form's partnership agree
        data = glance.overview(session.connection().connection.dbapi_connection, today or date.today())
        partnership = session.scalars(select(Partnership).order_by(Partnership.seq).limit(1)).first()
        data["partnership"] = export_item(partnership, PARTNERSHIP) if partnership else None
        return data
