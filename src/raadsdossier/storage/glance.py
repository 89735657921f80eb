"""The Overzicht of a dossier in plain SQL, and a read-only glance at a dossier file without the data layer.

Importing SQLAlchemy and mapping the models takes three times as long as Python and Qt need to show
a bare window, so the window shows each dossier's first screen from `glance()` before the data layer
is imported (gui/app.py, start_window). services/dashboard.py runs the same `overview()` on the
session's connection, and `raadsdossier info --json` prints its `figures`: the first screen, the
screen after it and the command line count with one set of queries. `cost_summary` is the one rule
for adding up costs.

Nothing here imports SQLAlchemy or Qt.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date, timedelta
from pathlib import Path

from raadsdossier.domain import checklist, kinds
from raadsdossier.storage import migrations, sqlitefile
from raadsdossier.domain.errors import DossierError

OVERVIEW_EVENTS = 5  # latest (and coming) dated items on the overview

# What happened in a dossier, for the Overzicht's latest and coming items: (kind, table, date column,
# title). Sources, costs and outcomes have dates too, but they report on what happened.
_HAPPENINGS = (
    ("motion", "motions", "date", "coalesce(reference || ' ', '') || title"),
    ("commitment", "commitments", "promised_on", "title"),
    ("question_set", "question_sets", "submitted_on", "coalesce(reference || ' ', '') || title"),
    ("college_note", "college_notes", "date", "title"),
    ("demonstration", "demonstrations", "date", "title"),
    ("event", "events", "date", "title"),
    ("meeting", "meetings", "date", "title"),
)


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
        " p.partner_region, p.since, p.status, p.focus_themes, p.description FROM partnerships p"
        " JOIN items i ON i.id = p.id ORDER BY i.seq LIMIT 1")
    rows = _dicts(cursor)
    if not rows:
        return None
    partnership = rows[0]
    partnership["focus_themes"] = json.loads(partnership["focus_themes"] or "[]")
    cursor.execute("SELECT date, period, status, note FROM status_changes WHERE partnership_id = ? ORDER BY position",
                   (partnership["id"],))
    partnership["status_history"] = _dicts(cursor)
    return partnership


def overview(connection, today: date | None = None) -> dict:
    """The partnership at a glance (the Overzicht), from a DBAPI connection to a dossier at the current schema.

    `figures` holds every number the Overzicht shows, JSON-ready: `raadsdossier info --json` prints the
    same dict as "dashboard", so the screen and the command line count with one definition. The lists
    beside it (open commitments, overdue question sets, the latest and the coming events) name the items
    those numbers link to.
    """
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
    # Follow-ups past their deadline and not settled (FollowUp.is_overdue), of motions and commitments.
    cursor.execute("SELECT f.item_id, i.kind, COALESCE(m.reference || ' ' || m.title, m.title, c.title), f.deadline, f.state"
                   " FROM follow_ups f JOIN items i ON i.id = f.item_id"
                   " LEFT JOIN motions m ON m.id = f.item_id LEFT JOIN commitments c ON c.id = f.item_id"
                   " WHERE f.deadline IS NOT NULL AND f.deadline < ? AND f.state NOT IN ('done', 'not_done')"
                   " ORDER BY f.deadline", (today.isoformat(),))
    overdue_follow_ups = [{"id": item_id, "kind": kind, "title": title, "deadline": str(deadline), "state": state}
                          for item_id, kind, title, deadline, state in cursor.fetchall()]
    latest_events = dated_items(connection, "<=", today)
    # What is still to come is seldom much: all of it, for its number, in the statement that finds it.
    upcoming_events = dated_items(connection, ">", today, None)
    progress = checklist_progress(connection)
    return {
        "partnership": partnership_summary(connection),
        "counts": counts, "open_commitments": open_commitments, "overdue_questions": overdue_questions,
        "overdue_follow_ups": overdue_follow_ups,
        "latest_events": latest_events, "upcoming_events": upcoming_events[:OVERVIEW_EVENTS], "checklist": progress,
        "figures": _figures(cursor, counts, open_commitments, overdue_questions, progress, len(upcoming_events),
                            len(overdue_follow_ups)),
    }


def dated_items(connection, compare: str, today: date, limit: int | None = OVERVIEW_EVENTS) -> list[dict]:
    """The latest (`compare` "<=": on or before today, newest first) or the coming (">": after today, soonest
    first) dated items of the kinds in _HAPPENINGS: {"id", "date", "title", "kind"}, at most `limit` (None:
    all of them).

    Dates may be partial ("2021-05", "2012"): compared as text with today's ISO date, a partial date that
    contains today ("2026" on 1 December 2026) has begun, and counts among the latest, not the coming.
    With a limit, each kind's few are read on its date index, then merged.
    """
    if compare not in ("<=", ">"):
        raise ValueError(compare)
    newest_first = compare == "<="
    order = "DESC" if newest_first else "ASC"
    few = f" ORDER BY date {order} LIMIT :limit" if limit is not None else ""
    # One statement: each kind's part (with a limit: its few, on its date index) as a subquery.
    parts = [f"SELECT * FROM (SELECT id, {column} AS date, {title}, '{kind}' FROM {table} WHERE {column} IS NOT NULL"
             f" AND {column} {compare} :today{few})"
             for kind, table, column, title in _HAPPENINGS]
    cursor = connection.cursor()
    cursor.execute(" UNION ALL ".join(parts), {"today": today.isoformat(), "limit": limit}
                   if limit is not None else {"today": today.isoformat()})
    found = [{"id": item_id, "date": str(when), "title": text, "kind": kind}
             for item_id, when, text, kind in cursor.fetchall()]
    found.sort(key=lambda entry: entry["title"])
    found.sort(key=lambda entry: entry["date"], reverse=newest_first)  # stable: titles A–Z within a date
    return found if limit is None else found[:limit]


# Kinds whose figure is their number alone, under their collection key (domain/kinds.py).
_PLAIN_COUNTS = ("college_note", "demonstration", "event", "meeting", "source", "attachment", "note", "party", "person",
                 "outcome")


def _figures(cursor, counts: dict, open_commitments: list, overdue_questions: list, progress: dict | None,
             upcoming: int, overdue_follow_ups: int = 0) -> dict:
    """Every number of the Overzicht, JSON-ready (see `overview`)."""
    # The statuses' numbers, the unanswered question sets and the unassigned votes in one statement.
    cursor.execute(
        "SELECT 'motions', status, count(*) FROM motions GROUP BY status"
        " UNION ALL SELECT 'commitments', status, count(*) FROM commitments GROUP BY status"
        " UNION ALL SELECT 'question_sets', 'unanswered', count(*) FROM question_sets WHERE answered_on IS NULL"
        " UNION ALL SELECT 'unassigned_votes', 'unassigned', count(*) FROM unassigned_votes"
        " WHERE assigned_to_id IS NULL")
    found = {"motions": dict.fromkeys(("adopted", "rejected", "held", "withdrawn", "submitted"), 0),
             "commitments": dict.fromkeys(("open", "fulfilled", "withdrawn"), 0), "question_sets": {},
             "unassigned_votes": {}}
    for table, status, number in cursor.fetchall():
        found[table][status] = number
    motions, commitments = found["motions"], found["commitments"]
    motions["total"] = counts.get("motion", 0)
    commitments["total"] = counts.get("commitment", 0)
    commitments["overdue"] = sum(1 for c in open_commitments if c["overdue"])
    total, unanswered = counts.get("question_set", 0), found["question_sets"]["unanswered"]
    unassigned = found["unassigned_votes"]["unassigned"]
    # Answered after the deadline rule (QuestionSet.answered_late); unanswered ones past it are overdue.
    # The deadline is the submission date plus the rule's days (QuestionSet.deadline); SQLite's date() adds
    # days as timedelta does.
    cursor.execute("SELECT count(*) FROM question_sets WHERE answered_on IS NOT NULL AND submitted_on IS NOT NULL"
                   " AND answer_deadline_days IS NOT NULL"
                   " AND answered_on > date(submitted_on, answer_deadline_days || ' days')")
    late = cursor.fetchone()[0]
    cursor.execute(_COST_GROUPS)
    figures = {
        "motions": motions,
        "commitments": commitments,
        "question_sets": {"total": total, "unanswered": unanswered, "overdue": len(overdue_questions),
                          "answered_late": late},
        "upcoming": upcoming,
        "unassigned_votes": {"total": counts.get("unassigned_vote", 0), "unassigned": unassigned},
        "costs": summary_of_cost_groups(cursor.fetchall()),
        "checklist": progress,
        "attention": {"overdue_questions": len(overdue_questions), "overdue_commitments": commitments["overdue"],
                      "overdue_follow_ups": overdue_follow_ups, "unassigned_votes": unassigned},
    }
    for kind in _PLAIN_COUNTS:
        figures[kinds.kind(kind).key] = {"total": counts.get(kind, 0)}
    return figures


def cost_summary(costs) -> dict:
    """What costs add up to; the one rule for the Overzicht, `raadsdossier info` and the pack's total.

    `costs`: (amount_cents, amount_max_cents, basis, date, end_date) of each cost, basis as its value
    ("total", "per_year", "per_trip"). Only amounts with basis "total" are added up: an amount per year
    or per trip is a rate, not a sum, and is given as the range of such rates per basis instead. A range
    ("5.000 tot 12.000 euro") adds its minimum to the low total and its maximum to the high one.

    Per period: the total-basis amounts by the year of their date, or by the years from their date to
    their end date when they span several ("2013" to "2021" is one period: how a sum over years was
    spent is not known), undated last. The periods' amounts add up to the total.
    """
    groups: dict[tuple, list] = {}
    for amount, amount_max, basis, start, end in costs:
        top = amount if amount_max is None else amount_max
        group = groups.setdefault((basis, (start or "")[:4] or None, (end or "")[:4] or None), [0, 0, 0, amount, top])
        group[0] += 1
        group[1] += amount
        group[2] += top
        group[3], group[4] = min(group[3], amount), max(group[4], top)
    return summary_of_cost_groups((*key, *group) for key, group in groups.items())


# The same groups as cost_summary makes, counted by SQLite (a large dossier has thousands of costs).
_COST_GROUPS = ("SELECT basis, substr(date, 1, 4), substr(end_date, 1, 4), count(*), sum(amount_cents),"
                " sum(coalesce(amount_max_cents, amount_cents)), min(amount_cents),"
                " max(coalesce(amount_max_cents, amount_cents)) FROM costs GROUP BY 1, 2, 3")


def summary_of_cost_groups(groups) -> dict:
    """cost_summary's result from costs grouped by basis and the years of their date and end date:
    (basis, first year, last year, number, sum of amounts, sum of maxima (or amounts), least amount,
    greatest maximum), a year None where there is no date."""
    low = high = count = items = 0
    periods: dict[tuple, dict] = {}
    rates: dict[str, dict] = {}
    for basis, first, last, number, amounts, tops, least, most in groups:
        items += number
        if basis != "total":
            rate = rates.setdefault(basis, {"basis": basis, "low": least, "high": most, "count": 0})
            rate["low"], rate["high"] = min(rate["low"], least), max(rate["high"], most)
            rate["count"] += number
            continue
        count, low, high = count + number, low + amounts, high + tops
        key = (first or last, last or first)
        period = periods.setdefault(key, {"from": key[0], "until": key[1], "low": 0, "high": 0, "count": 0})
        period["low"] += amounts
        period["high"] += tops
        period["count"] += number
    order = ("per_year", "per_trip")
    return {
        "items": items,
        "total": {"low": low, "high": high, "count": count},
        "per_year": [periods[key] for key in sorted(periods, key=lambda k: (k[0] is None, k[0] or "", k[1] or ""))],
        "rates": sorted(rates.values(), key=lambda r: (order.index(r["basis"]) if r["basis"] in order else len(order),
                                                       r["basis"])),
    }


def disagreeing_votes(connection) -> list[str]:
    """"M 21-07, stemming 2" for each vote whose recorded result contradicts the one counted from its choices
    (Vote.disagrees, counted with the same domain/votes.py), motions in the order they were added."""
    from raadsdossier.domain import votes  # not needed for a glance (the window's first screen)

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
    return _read(path, lambda connection: overview(connection, today))


def glance_partnership(path: Path) -> dict | None:
    """Only the partnership of `glance(path)` (what a tab's title needs), or None when glance would give None.

    A third of a glance's time: the window reads the whole glance only of the dossier it shows first."""
    return _read(path, partnership_summary)


class ReadAhead:
    """The glances a window shows first, read on a thread of their own while the window is being made: the whole
    glance of the first of `paths`, the partnership of the others (what their tab titles need), as
    `show_glances` reads them. SQLite lets go of Python's lock while it opens a file and reads its schema, most
    of a glance's time, so on a second processor core that time is no longer the first screen's.

    `result()` waits for them: [glance(first), glance_partnership(second), …], or None where the thread failed
    (the caller then reads them itself, and meets the same error where it can say what is wrong)."""

    def __init__(self, paths: list[Path]) -> None:
        self._result: list | None = None
        self._thread = threading.Thread(target=self._read, args=(list(paths),), name="glances", daemon=True)
        self._thread.start()

    def _read(self, paths: list[Path]) -> None:
        self._result = [glance(path) if number == 0 else glance_partnership(path) for number, path in enumerate(paths)]

    def result(self) -> list | None:
        self._thread.join()
        return self._result


def _read(path: Path, read):
    """`read(connection)` on the dossier file at `path`, read-only; None where `glance` gives None."""
    path = Path(path)
    try:
        if sqlitefile.examine(path) != (sqlitefile.PLAIN, False):  # a crash journal: the proper open recovers it
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
        return read(connection)
    except (sqlite3.Error, ValueError, TypeError, KeyError, OSError):
        return None
    finally:
        connection.close()
