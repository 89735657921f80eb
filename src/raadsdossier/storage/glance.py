"""The Overzicht of a dossier in plain SQL, and a read-only glance at a dossier file without the data layer.

Importing SQLAlchemy and mapping the models takes three times as long as Python and Qt need to show
a bare window, so the window shows each dossier's first screen from `glance()` before the data layer
is imported (gui/startup.py). `items.overview` runs the same `overview()` on the session's
connection, so the first screen and the screen after it come from one set of queries.

Nothing here imports SQLAlchemy or Qt.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from raadsdossier.domain import checklist, votes
from raadsdossier.storage import migrations, sqlitefile
from raadsdossier.domain.errors import DossierError

OVERVIEW_EVENTS = 5  # latest dated events on the overview


def _dicts(cursor) -> list[dict]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None  # SQLite hands DATE columns back as ISO text


def partnership_summary(connection) -> dict | None:
    """The partnership's facts the overview and a tab title show (the first partnership, as the model reads it)."""
    cursor = connection.cursor()
    cursor.execute(
        "SELECT p.id, p.dutch_side, p.level, p.partner_name, p.partner_native_name, p.partner_country,"
        " p.partner_region, p.since, p.status FROM partnerships p JOIN items i ON i.id = p.id"
        " ORDER BY i.seq LIMIT 1")
    rows = _dicts(cursor)
    if not rows:
        return None
    partnership = rows[0]
    cursor.execute("SELECT date, period, status, note FROM status_changes WHERE partnership_id = ? ORDER BY position",
                   (partnership["id"],))
    partnership["status_history"] = _dicts(cursor)
    return partnership


def overview(connection, today: date | None = None) -> dict:
    """The partnership at a glance (the Overzicht), from a DBAPI connection to a dossier at the current schema."""
    today = today or date.today()
    cursor = connection.cursor()
    cursor.execute("SELECT kind, count(*) FROM items GROUP BY kind")
    counts = dict(cursor.fetchall())
    cursor.execute("SELECT c.id, c.title, c.deadline FROM commitments c JOIN items i ON i.id = c.id"
                   " WHERE c.status = 'open' ORDER BY i.seq")
    open_commitments = [
        {"id": item_id, "title": title, "deadline": deadline or None,
         "overdue": deadline is not None and today > _day(deadline)}
        for item_id, title, deadline in cursor.fetchall()
    ]
    # Only unanswered sets with a deadline rule can be overdue (QuestionSet.is_overdue).
    cursor.execute("SELECT id, reference, title, submitted_on, answer_deadline_days FROM question_sets"
                   " WHERE answered_on IS NULL AND submitted_on IS NOT NULL AND answer_deadline_days IS NOT NULL"
                   " ORDER BY submitted_on")
    overdue_questions = []
    for item_id, reference, title, submitted, days in cursor.fetchall():
        deadline = _day(submitted) + timedelta(days=days)
        if today > deadline:
            overdue_questions.append({"id": item_id, "title": f"{reference} {title}" if reference else title,
                                      "deadline": deadline.isoformat()})
    cursor.execute("SELECT id, date, title, event_kind AS kind FROM events WHERE date IS NOT NULL"
                   " ORDER BY date DESC LIMIT ?", (OVERVIEW_EVENTS,))
    latest_events = _dicts(cursor)
    return {
        "partnership": partnership_summary(connection),
        "counts": counts, "open_commitments": open_commitments, "overdue_questions": overdue_questions,
        "latest_events": latest_events, "checklist": checklist_progress(connection),
    }


def disagreeing_votes(connection) -> list[str]:
    """"M 21-07, stemming 2" for each vote whose recorded result contradicts the one counted from its choices
    (Vote.disagrees, counted with the same domain/votes.py), motions in the order they were added."""
    cursor = connection.cursor()
    cursor.execute("SELECT v.id, v.motion_id, v.recorded_result, m.reference, m.title FROM votes v"
                   " JOIN motions m ON m.id = v.motion_id JOIN items i ON i.id = m.id ORDER BY i.seq, v.position")
    rows = cursor.fetchall()
    recorded = {vote_id for vote_id, _motion, result, _reference, _title in rows if result is not None}
    casts: dict[str, list[tuple]] = {vote_id: [] for vote_id in recorded}
    if recorded:
        cursor.execute("SELECT c.vote_id, c.choice, c.seats, c.person_id IS NOT NULL FROM vote_casts c"
                       " JOIN votes v ON v.id = c.vote_id WHERE v.recorded_result IS NOT NULL ORDER BY c.position")
        for vote_id, choice, seats, by_member in cursor.fetchall():
            casts[vote_id].append((choice, seats, bool(by_member)))
    out, number = [], 0
    for index, (vote_id, motion_id, result, reference, title) in enumerate(rows):
        number = number + 1 if index and rows[index - 1][1] == motion_id else 1  # the vote's place on its motion
        if vote_id in recorded and votes.disagrees(votes.tally(casts[vote_id]), result):
            out.append(f"{reference or title}, stemming {number}")
    return out


def checklist_progress(connection) -> dict | None:
    """Done / total per section of the dossier's checklist template, or None when it has none."""
    cursor = connection.cursor()
    cursor.execute("SELECT value FROM dossier_meta WHERE key = ?", (checklist.META_KEY,))
    row = cursor.fetchone()
    if not row:
        return None
    template = checklist.load_template(row[0])
    cursor.execute("SELECT a.checklist_item_id, a.status, a.assessed_on FROM checklist_assessments a"
                   " JOIN items i ON i.id = a.id WHERE a.template = ? ORDER BY i.seq", (template.id,))
    newest = checklist.newest_assessments((item_id, status, _day(on)) for item_id, status, on in cursor.fetchall())
    sections = []
    for section_id, section_title in template.sections:
        in_section = [item for item in template.items if item.section == section_id]
        done = sum(1 for item in in_section if item.id in newest and newest[item.id][1] in checklist.DONE_STATUSES)
        sections.append({"id": section_id, "title": section_title, "done": done, "total": len(in_section)})
    return {"template": template.id, "title": template.title, "sections": sections,
            "done": sum(s["done"] for s in sections), "total": len(template.items)}


def glance(path: Path, today: date | None = None) -> dict | None:
    """The overview of the dossier file at `path`, read-only, or None when it has to be opened properly first.

    None for anything but a plain dossier at this app's current schema with no crash journal beside it:
    encrypted, damaged, older or newer, missing, busy. Opening it the normal way then asks for the
    password, migrates, recovers or explains, as always; a glance never changes a file.
    """
    path = Path(path)
    try:
        if sqlitefile.classify(path) != sqlitefile.PLAIN or sqlitefile.journal_path(path).exists():
            return None
        # A short timeout: a file another program is writing is opened the normal way, not waited for here.
        connection = sqlite3.connect(sqlitefile.uri(path, "ro"), uri=True, timeout=0.1)
    except (DossierError, OSError, sqlite3.Error):  # the proper open says what is wrong, in a sentence
        return None
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT version_num FROM alembic_version")
        row = cursor.fetchone()
        if row is None or row[0] != migrations.head_revision():
            return None
        return overview(connection, today)
    except (sqlite3.Error, ValueError, TypeError, KeyError, OSError):
        return None
    finally:
        connection.close()
