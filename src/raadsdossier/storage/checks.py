"""Check a dossier (SQLite's own checks and the dossier's consistency) and repair what can be repaired.

`check` only reads. `repair` makes a backup first, then fixes what the check found in one
transaction, and checks again. Findings are plain Dutch sentences for the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple

from sqlalchemy import Boolean, Integer, LargeBinary, select, text
from sqlalchemy.orm import Session

from raadsdossier.storage import indexing, sqlitefile
from raadsdossier.storage import search as search_index
from raadsdossier.domain import kinds
from raadsdossier.domain.checklist import load_template
from raadsdossier.domain.dates import check_partial_date
from raadsdossier.domain.errors import DossierError
from raadsdossier.domain.models import ITEM_CLASSES, Base, ChecklistAssessment, Item
from raadsdossier.domain.models.base import utcnow
from raadsdossier.storage.dossier import Dossier
from raadsdossier.base.words import number_of

# What SQLite's integrity_check says when only an index is out of step with its table: REINDEX mends that.
_INDEX_ONLY = ("missing from index", "wrong # of entries in index", "index ")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str  # one Dutch sentence
    repairable: bool
    count: int = 1
    # What to do, when it is not the usual (repair, or restore a backup); "" when the message says it itself.
    advice: str | None = None


@dataclass
class CheckReport:
    path: Path
    findings: list[Finding] = field(default_factory=list)
    # Filled in by repair(): the backup made first, and what was done.
    backup: Path | None = None
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def lines_nl(self) -> list[str]:
        if self.ok:
            return [f"{self.path}: het dossier is in orde (bestand, verwijzingen, stemmingen, zoekindex en reservekopieën gecontroleerd)."]
        count = len(self.findings)
        lines = [f"{self.path}: {count} {'probleem' if count == 1 else 'problemen'} gevonden:"]
        for finding in self.findings:
            how = finding.advice if finding.advice is not None else \
                "te repareren" if finding.repairable else "niet te repareren; zet een reservekopie terug"
            lines.append(f"  - {finding.message}" + (f" ({how})" if how else ""))
        return lines


def _integrity(session: Session) -> list[Finding]:
    rows = [row[0] for row in session.execute(text("PRAGMA integrity_check(100)"))]
    if rows == ["ok"]:
        return []
    index_only = all(any(marker in row for marker in _INDEX_ONLY) for row in rows)
    first = sqlitefile.first_problem(rows[0])
    errors = number_of(len(rows), "fout", "fouten")
    return [Finding("integrity", f"SQLite meldt {errors} in het bestand, bijvoorbeeld: {first}",
                    repairable=index_only, count=len(rows))]


def _foreign_keys(session: Session) -> list[Finding]:
    rows = session.execute(text("PRAGMA foreign_key_check")).all()
    per_table: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in rows:
        per_table[(table, parent)] = per_table.get((table, parent), 0) + 1
    return [Finding("foreign_key", f"{number_of(n, 'rij', 'rijen')} in '{table}' "
                                   f"{'verwijst' if n == 1 else 'verwijzen'} naar iets in '{parent}' dat niet bestaat",
                    repairable=True, count=n) for (table, parent), n in sorted(per_table.items())]


def _half_items(session: Session) -> dict[str, list[str]]:
    """Ids of items, per kind, whose row in their own table is missing (half of an item)."""
    halves = {}
    for kind, cls in sorted(ITEM_CLASSES.items()):
        table = cls.__table__.name
        if table != "items":
            ids = session.execute(text(
                f"SELECT id FROM items WHERE kind = :kind AND id NOT IN (SELECT id FROM {table})"), {"kind": kind}).scalars()
            halves[kind] = list(ids)
    return {kind: ids for kind, ids in halves.items() if ids}


def _item_rows(session: Session) -> list[Finding]:
    """Every item has its row in its own table (the two halves of one item)."""
    return [Finding("item_half", f"{number_of(len(ids), 'item', 'items')} van soort '{kind}' "
                    f"{'mist zijn' if len(ids) == 1 else 'missen hun'} gegevens", True, len(ids))
            for kind, ids in _half_items(session).items()]


def _votes(session: Session) -> list[Finding]:
    orphans = session.execute(text(
        "SELECT count(*) FROM votes WHERE motion_id IS NULL OR motion_id NOT IN (SELECT id FROM motions)")).scalar()
    casts = session.execute(text(
        "SELECT count(*) FROM vote_casts WHERE vote_id IS NULL OR vote_id NOT IN (SELECT id FROM votes)")).scalar()
    findings = []
    if orphans:
        findings.append(Finding("vote_without_motion",
                                f"{number_of(orphans, 'stemming hoort', 'stemmingen horen')} bij geen enkele motie",
                                True, orphans))
    if casts:
        findings.append(Finding("choice_without_vote",
                                f"{number_of(casts, 'stemkeuze hoort', 'stemkeuzes horen')} bij geen enkele stemming",
                                True, casts))
    return findings


class _Unreadable(NamedTuple):
    """A stored value that cannot be read as its column's: a partial date ("2021-07") that is none, a date, time,
    JSON text or choice SQLAlchemy cannot make into its type (a dossier changed outside Raadsdossier). Loading its
    row fails, and with it whatever shows the item."""

    table: str
    column: str
    rowid: int
    value: object
    item_id: str | None  # the item the row is, or belongs to
    date: bool  # a date or a time
    mended: object  # what a repair puts in its place (None: empty); _KEEP where no value would be right


_KEEP = object()


def _read_columns() -> list[tuple[str, str, Callable | None, bool, object]]:
    """(table, column, read, date, mended) of every column whose stored value is made into something as it is
    loaded: the models' partial dates (domain/models/base.py partial_dates), and every column SQLAlchemy converts
    on SQLite (dates and times, JSON, choices), `read` raising as loading would. What a repair puts in a value's
    place: nothing where the column may be empty, the time of the repair for a time that must be there."""
    from sqlalchemy import Date, DateTime
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    found: dict[tuple[str, str], tuple] = {}
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            column_type = column.type.dialect_impl(dialect)
            read = column_type.result_processor(dialect, None)
            if read is None or isinstance(column.type, (Integer, Boolean, LargeBinary)):
                continue  # read as SQLite hands it over (a Boolean's 0 or 1, an Integer's number)
            is_date = isinstance(column.type, (Date, DateTime))
            mended = None if column.nullable else (
                column_type.bind_processor(dialect)(utcnow()) if isinstance(column.type, DateTime) else _KEEP)
            found[(table.name, column.name)] = (read, is_date, mended)
    for mapper in Base.registry.mappers:
        for name, (method, _options) in mapper.validators.items():
            if getattr(method, "partial_dates", None) and name in mapper.columns:
                column = mapper.columns[name]
                found[(column.table.name, column.name)] = (check_partial_date, True, None if column.nullable else _KEEP)
    return [(table, column, *what) for (table, column), what in sorted(found.items())]


def _unreadable(session: Session) -> list[_Unreadable]:
    item_tables = {"items"} | {cls.__table__.name for cls in ITEM_CLASSES.values()}
    found = []
    for table, column, read, is_date, mended in _read_columns():
        columns = Base.metadata.tables[table].columns
        owner = "id" if table in item_tables else "item_id" if "item_id" in columns else "NULL"
        for rowid, value, item_id in session.execute(text(
                f'SELECT rowid, "{column}", {owner} FROM "{table}" WHERE "{column}" IS NOT NULL')):
            try:
                read(value)
            except (TypeError, ValueError, LookupError):
                found.append(_Unreadable(table, column, rowid, value, item_id, is_date, mended))
    return found


def _item_named(session: Session, item_id: str | None) -> str:
    """"de motie ‘Motie stedenband met Wuhan verbreken’", from the item's kind and its indexed title."""
    row = session.execute(text(f"SELECT i.kind, s.title FROM items i LEFT JOIN {search_index.FTS_TABLE} s"
                               " ON s.rowid = i.seq WHERE i.id = :id"), {"id": item_id}).first()
    if row is None:
        return "een rij zonder item"
    kind = kinds.BY_NAME.get(row[0])
    what = f"de {kind.singular}" if kind else f"een item van soort '{row[0]}'"
    return f"{what} ‘{row[1]}’" if row[1] else what


def _described(session: Session, value: _Unreadable) -> str:
    """"de datum ‘2021-13’ bij de motie ‘…’"."""
    shown = str(value.value)
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    return f"{'de datum' if value.date else 'de waarde'} ‘{shown}’ bij {_item_named(session, value.item_id)}"


def _values(session: Session) -> list[Finding]:
    found = _unreadable(session)
    findings = []
    for repairable, values in ((True, [v for v in found if v.mended is not _KEEP]),
                               (False, [v for v in found if v.mended is _KEEP])):
        if values:
            which = number_of(len(values), "opgeslagen waarde kan", "opgeslagen waarden kunnen")
            findings.append(Finding("unreadable_value", f"{which} niet worden gelezen, bijvoorbeeld "
                                                        f"{_described(session, values[0])}", repairable, len(values)))
    return findings


def _search(session: Session) -> list[Finding]:
    """The index has exactly one entry per item, with the item's current text."""
    table = search_index.FTS_TABLE
    indexed = dict(session.execute(text(f"SELECT rowid, title || char(31) || body FROM {table}")).all())
    halves = [item_id for ids in _half_items(session).values() for item_id in ids]
    missing = stale = 0
    seqs = set(session.execute(select(Item.seq).where(Item.id.in_(halves))).scalars())  # their text cannot be known
    for item in session.scalars(select(Item).where(Item.id.not_in(halves))):
        seqs.add(item.seq)
        title, body = item.search_text()
        if item.seq not in indexed:
            missing += 1
        elif indexed[item.seq] != f"{title or ''}\x1f{body or ''}":
            stale += 1
    extra = len(set(indexed) - seqs)
    wrong = missing + stale + extra
    if not wrong:
        return []
    parts = [f"{n} {what}" for n, what in ((missing, "ontbreekt" if missing == 1 else "ontbreken"),
                                           (stale, "verouderd"), (extra, "te veel")) if n]
    return [Finding("search_index", f"de zoekindex klopt niet met de gegevens ({', '.join(parts)})", True, wrong)]


def _checklist(session: Session) -> list[Finding]:
    findings = []
    by_template: dict[str, set[str]] = {}
    for assessment in session.scalars(select(ChecklistAssessment)):
        by_template.setdefault(assessment.template, set()).add(assessment.checklist_item_id)
    for template_id, used in sorted(by_template.items()):
        try:
            known = {entry.id for entry in load_template(template_id).items}
        except DossierError:
            findings.append(Finding("checklist", f"de checklist '{template_id}' is onbekend in deze versie", False))
            continue
        unknown = used - known
        if unknown:
            which = number_of(len(unknown), "beoordeling hoort", "beoordelingen horen")
            findings.append(Finding("checklist", f"{which} bij geen punt van de checklist "
                                                 f"'{template_id}' ({', '.join(sorted(unknown)[:3])})", False, len(unknown)))
    return findings


def _run_checks(session: Session) -> list[Finding]:
    findings = _integrity(session)
    if findings and not findings[0].repairable:
        return findings  # the tables themselves are damaged: reading further would only add noise or fail
    for check_fn in (_foreign_keys, _item_rows, _votes, _values):
        findings += check_fn(session)
    if any(finding.code == "unreadable_value" for finding in findings):
        return findings  # the checks below load items, which an unreadable value makes fail: after the repair
    for check_fn in (_search, _checklist):
        findings += check_fn(session)
    return findings


def check(dossier: Dossier) -> CheckReport:
    """Run every check; changes nothing. Any thread; may take seconds on a large dossier."""
    from sqlalchemy.exc import DatabaseError

    with dossier.session() as session:
        try:
            findings = _run_checks(session)
        except DatabaseError as exc:
            if sqlitefile.is_busy(exc):  # another program is writing: that says nothing about the file
                raise sqlitefile.busy_error(dossier.path) from exc
            findings = [Finding("unreadable", f"een deel van het bestand kan niet worden gelezen "
                                              f"({sqlitefile.reason(exc)})", False)]
    return CheckReport(dossier.path, findings + _backups(dossier))


def _backups(dossier: Dossier) -> list[Finding]:
    """Each backup that does not fit the dossier: one it cannot open (another password, damaged, a newer
    format), or a plain one beside an encrypted dossier. Reads every page of each, as the dossier's check does."""
    from raadsdossier.storage import backups

    findings = []
    for found in backups.list_backups(dossier.path):
        problem = backups.diagnose(found.path, dossier.password, thorough=True)
        if problem is not None:
            findings.append(Finding(f"backup_{problem.kind}", f"reservekopie {found.path.name}: {problem.text}",
                                    False, advice=""))
    return findings


def repair(dossier: Dossier) -> CheckReport:
    """Back up, repair what the checks found (one transaction), and check again.

    Returns the report after repair, with the backup's path and what was done. What cannot be
    repaired here (damaged tables) is left for restoring a backup.
    """
    before = check(dossier)
    if before.ok:
        return before
    backup = dossier.backup("repair")
    done: list[str] = []
    codes = {f.code for f in before.findings if f.repairable}
    with dossier.transaction() as session:
        if "integrity" in codes:
            session.execute(text("REINDEX"))
            done.append("indexen opnieuw opgebouwd")
        if "unreadable_value" in codes:
            done += _mend_values(session)
        if codes & {"foreign_key", "vote_without_motion", "choice_without_vote", "item_half"}:
            emptied, removed = _remove_dangling(session)
            done.append(f"{number_of(emptied, 'verwijzing', 'verwijzingen')} naar iets dat niet meer bestaat "
                        f"leeggemaakt, {number_of(removed, 'losse rij', 'losse rijen')} verwijderd")
        if codes & {"search_index", "item_half", "foreign_key"}:
            count = indexing.rebuild(session)
            done.append(f"zoekindex opnieuw opgebouwd ({count} items)")
    after = check(dossier)
    after.backup, after.repaired = backup, done
    return after


def _mend_values(session: Session, shown: int = 10) -> list[str]:
    """Empty each value that cannot be read (a time that must be there, such as when an item was made, becomes
    the time of the repair). What was there is in the backup made first, and in the lines returned."""
    lines = []
    mended = [value for value in _unreadable(session) if value.mended is not _KEEP]
    for value in mended:
        session.execute(text(f'UPDATE "{value.table}" SET "{value.column}" = :value WHERE rowid = :r'),
                        {"value": value.mended, "r": value.rowid})
        if len(lines) < shown:
            lines.append(_described(session, value) + (" leeggemaakt" if value.mended is None else
                                                       " vervangen door het tijdstip van deze reparatie"))
    if len(mended) > shown:
        lines.append(f"en {number_of(len(mended) - shown, 'waarde', 'waarden')} meer")
    return lines


def _remove_dangling(session: Session) -> tuple[int, int]:
    """Mend references to rows that are gone, as the schema would have: a reference that may be
    empty (ON DELETE SET NULL) is emptied, a row that cannot exist without its parent is removed.
    Returns (references emptied, rows removed)."""
    emptied = removed = 0
    actions: dict[tuple[str, int], tuple[str, list[str]]] = {}
    for table, rowid, _parent, fk_id in session.execute(text("PRAGMA foreign_key_check")).all():
        if (table, fk_id) not in actions:
            rows = [r for r in session.execute(text(f'PRAGMA foreign_key_list("{table}")')).all() if r[0] == fk_id]
            actions[(table, fk_id)] = (rows[0][6].upper(), [r[3] for r in rows])  # on_delete, columns
        on_delete, columns = actions[(table, fk_id)]
        if on_delete == "SET NULL":
            assignments = ", ".join(f'"{c}" = NULL' for c in columns)
            emptied += session.execute(text(f'UPDATE "{table}" SET {assignments} WHERE rowid = :r'), {"r": rowid}).rowcount
        else:
            removed += session.execute(text(f'DELETE FROM "{table}" WHERE rowid = :r'), {"r": rowid}).rowcount
    removed += session.execute(text(
        "DELETE FROM vote_casts WHERE vote_id IS NULL OR vote_id NOT IN (SELECT id FROM votes)")).rowcount
    removed += session.execute(text(
        "DELETE FROM votes WHERE motion_id IS NULL OR motion_id NOT IN (SELECT id FROM motions)")).rowcount
    for ids in _half_items(session).values():
        for start in range(0, len(ids), 500):
            removed += session.execute(Item.__table__.delete().where(Item.id.in_(ids[start:start + 500]))).rowcount
    return emptied, removed
