"""What the window reads: a section's list page by page, one item, the timeline, the overview, the checklist.

Items travel as interchange dicts (see docs/interchange.md), the same shape the export and import use
and services/edits.py saves. Reads only. Callable from any thread (one dossier per thread at a time);
nothing returned holds a live ORM object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select, text
from sqlalchemy.orm import selectinload

from raadsdossier.storage import search as search_index
from raadsdossier.domain.checklist import META_KEY, load_template
from raadsdossier.domain.enums import Confidentiality
from raadsdossier.domain.errors import NotFound
from raadsdossier.domain.models import (
    Item, ItemActor, Partnership, QuestionSet,
)
from raadsdossier.storage.dossier import Dossier
from raadsdossier.interchange.export import export_checklist, export_item, loaders
from raadsdossier.interchange.spec import KIND_BY_KEY, KIND_BY_NAME, PARTNERSHIP


def spec_of(key: str):
    """The interchange spec of collection `key` ("motions", "partnership"); NotFound for a key that is none."""
    if key == "partnership":
        return PARTNERSHIP
    if key not in KIND_BY_KEY:
        raise NotFound(f"Onbekende soort items: {key}.")
    return KIND_BY_KEY[key]


def _computed(item: Item, today: date) -> dict:
    """Derived facts the lists show next to the stored fields."""
    out: dict = {"kind": item.kind}
    if item.kind == "motion":
        # Each vote's tally once (Vote.result, .disagrees and .computed_result each count it again):
        # the same rules as Motion.final_result and Vote.disagrees, a list page has hundreds of votes.
        tallies = [(v, v.tally) for v in item.votes]
        computed = [(v, t.result if t else None, t) for v, t in tallies]
        final = (computed[-1][1] or computed[-1][0].recorded_result) if computed else None
        out["result"] = final.value if final else None
        out["vote_count"] = len(computed)
        out["disagrees"] = any(c and v.recorded_result and c != v.recorded_result for v, c, _t in computed)
        out["votes_computed"] = [
            {"computed": c.value if c else None, "tally": [t.for_, t.against, t.not_voting] if t else None}
            for _v, c, t in computed
        ]
    elif item.kind == "question_set":
        out["days_to_answer"] = item.days_to_answer
        out["overdue"] = item.is_overdue(today)
        out["answered_late"] = item.answered_late
        out["deadline"] = item.deadline.isoformat() if item.deadline else None
    elif item.kind == "commitment":
        out["overdue"] = item.is_overdue(today)
    if item.kind in ("motion", "commitment"):
        out["follow_up_overdue"] = item.follow_up is not None and item.follow_up.is_overdue(today)
    return out


def _sort_column(spec, order: str):
    model = spec.model
    if order in ("confidentiality", "created_at", "updated_at"):
        return getattr(Item, order)
    for f in spec.fields:
        if f.key == order:
            return getattr(model, f.attr)
    columns = model.__mapper__.columns.keys()
    for candidate in ("date", "submitted_on", "promised_on", "title", "name", "claim", "file_name"):
        if candidate in columns:
            return getattr(model, candidate)
    return Item.seq


def _of_kind(spec, query):
    """Only items of the spec's kind. Implied by the join to the kind's table, but said on `items`
    it lets SQLite count and filter on the index items(kind, seq) without reading each row."""
    identity = spec.model.__mapper__.polymorphic_identity
    return query.where(Item.kind == identity) if identity else query


# A text filter counts its matches up to COUNT_BOUND; when more match, the list says so ("meer dan
# 1.000 items") instead of counting them all. An exact count of a word in a quarter of a
# 100,000-item dossier looked up all its 25,000 full-text matches on `items` (20–25 ms) for a number
# no one reads to the last digit; counting stops after the first COUNT_BOUND + 1 matches of the kind.
COUNT_BOUND = 1000


class Listing(NamedTuple):
    """The first page of a list and how many items it has."""

    rows: list[dict]
    total: int  # how many items match; COUNT_BOUND when more than COUNT_BOUND do (exact is then False)
    exact: bool


def _fts_query(text_filter: str | None) -> str:
    return search_index.to_fts_query(text_filter) if text_filter else ""


def _in_section(spec, query):
    """Only the items the section lists: of the unassigned votes, those not yet assigned (assigned
    ones are votes of their motion now)."""
    if spec.key == "unassigned_votes":
        query = query.where(spec.model.assigned_to_id.is_(None))
    return query


def _count_all(session, spec) -> int:
    # Every condition but the unassigned votes' is on `items`: counting there needs no join to the
    # kind's table (the index items(kind, seq) alone).
    source = spec.model if spec.key == "unassigned_votes" else Item
    return session.scalar(_in_section(spec, _of_kind(spec, select(func.count()).select_from(source)))) or 0


def _matching(fts: str):
    """The rowids (items.seq) of the full-text matches, as a subquery for IN."""
    return text(f"SELECT rowid FROM {search_index.FTS_TABLE} WHERE {search_index.FTS_TABLE} MATCH :q").bindparams(q=fts)


def _count_matches(session, spec, fts: str, bound: int | None) -> int:
    """How many items of the section match `fts`; with a bound, counting stops at bound + 1.

    The full-text matches drive the count (CROSS JOIN keeps them the outer loop; given the choice,
    SQLite ran the full-text query once per item of the kind, 10 s at 100,000 items) and each is looked
    up on the index items(kind, seq), so a bounded count reads about bound / (the kind's share of the
    matches) of them, not all of them."""
    fts_table = search_index.FTS_TABLE
    identity = spec.model.__mapper__.polymorphic_identity
    joins, conditions = "", [f"{fts_table} MATCH :q"]
    if identity:
        conditions.append("items.kind = :kind")
    if spec.key == "unassigned_votes":
        table = spec.model.__table__.name
        joins = f" CROSS JOIN {table} ON {table}.id = items.id"
        conditions.append(f"{table}.assigned_to_id IS NULL")
    sql = (f"SELECT count(*) FROM (SELECT 1 FROM {fts_table} CROSS JOIN items ON items.seq = {fts_table}.rowid"
           f"{joins} WHERE {' AND '.join(conditions)} LIMIT :n)")
    params = {"q": fts, "kind": identity, "n": -1 if bound is None else bound + 1}
    return session.execute(text(sql), {k: v for k, v in params.items() if f":{k}" in sql}).scalar() or 0


def count(dossier: Dossier, key: str, text_filter: str | None = None) -> int:
    """How many items `page` lists for this section and filter (exact, however many match)."""
    spec = spec_of(key)
    with dossier.session() as session:
        fts = _fts_query(text_filter)
        return _count_matches(session, spec, fts, None) if fts else _count_all(session, spec)


def _ordering(spec, order: str, descending: bool) -> list:
    """ORDER BY of a list: nulls last (both ways), the column, then the id of the column's own table as
    tie-break, reversed with the column. Terms all on one table, in the order of an index of migration
    0003, so SQLite reads a page from the index instead of sorting the whole section; the id (not the
    insertion counter items.seq) also keeps the order of ties across export and import."""
    column = _sort_column(spec, order)
    stored = column.expression  # the Column behind the mapped attribute: its table and nullability
    tie = Item.id if stored.table is Item.__table__ else spec.model.id
    terms = [column.is_(None)] if stored.nullable else []
    return [*terms, column.desc() if descending else column.asc(), tie.desc() if descending else tie.asc()]


def page(dossier: Dossier, key: str, *, text_filter: str | None = None, order: str = "date",
         descending: bool = False, offset: int = 0, limit: int = 200, today: date | None = None) -> list[dict]:
    """One page of a section's items, sorted and filtered in SQL; each an interchange dict plus `_computed`."""
    spec = spec_of(key)
    with dossier.session() as session:
        fts = _fts_query(text_filter)
        many = bool(fts) and _count_matches(session, spec, fts, COUNT_BOUND) > COUNT_BOUND
        return _page(session, spec, fts, order, descending, offset, limit, today or date.today(), many=many)


def first_page(dossier: Dossier, key: str, *, text_filter: str | None = None, order: str = "date",
               descending: bool = False, limit: int = 200, today: date | None = None) -> Listing:
    """The first page as `page` gives it, with how many items the list has: exact without a text filter
    and for a filter with at most COUNT_BOUND matches; otherwise total is COUNT_BOUND, exact False."""
    spec = spec_of(key)
    with dossier.session() as session:
        fts = _fts_query(text_filter)
        if fts:
            total = _count_matches(session, spec, fts, COUNT_BOUND)
            exact = total <= COUNT_BOUND
            total = min(total, COUNT_BOUND)
        else:
            total, exact = _count_all(session, spec), True
        rows = _page(session, spec, fts, order, descending, 0, limit, today or date.today(), many=not exact)
        if not exact and len(rows) < limit:  # (a bound below a page) all of them are on this page
            total, exact = len(rows), True
        return Listing(rows, total, exact)


def _page(session, spec, fts, order, descending, offset, limit, today, *, many: bool) -> list[dict]:
    """`many`: the filter matches more than COUNT_BOUND items of the kind."""
    # First the ids of the page (a narrow sort, or none where an index gives the order), then their items
    # with their children: sorting full rows carried every motion's texts through the sorter.
    query = select(spec.model.id).select_from(spec.model).order_by(*_ordering(spec, order, descending))
    query = _in_section(spec, query.offset(offset).limit(limit))
    on_items = _sort_column(spec, order).expression.table is Item.__table__
    if fts and many:
        # Many matches: walk the list's sort index in order and keep the items among the matches until
        # the page is full (for a word in a fifth of the motions, ~250 index entries for 48 rows).
        # "+ 0" keeps SQLite from driving the query from the matches instead: that looked up and
        # sorted every one of them (8,000 motions for a word in a quarter of a 100,000-item dossier).
        query = query.where((Item.seq + 0).in_(_matching(fts)))
    elif fts:  # few matches: each looked up on items(kind, seq), then sorted
        query = query.where(Item.seq.in_(_matching(fts)))
    # Sorted by a column of `items` (confidentiality), the kind constraint lets the index items(kind,
    # confidentiality, id) give the order; sorted by a column of the kind's own table it would steer
    # SQLite to that same items index and a full sort, instead of the kind's sort index (unless there
    # are few matches to sort anyway).
    if on_items or (fts and not many):
        query = _of_kind(spec, query)
    ids = list(session.scalars(query))
    if not ids:
        return []
    loaded = (
        select(spec.model).where(spec.model.id.in_(ids))
        .options(*loaders(spec.model), selectinload(spec.model.actors).selectinload(ItemActor.person),
                 selectinload(spec.model.actors).selectinload(ItemActor.party))
    )
    by_id = {item.id: item for item in session.scalars(loaded)}
    rows = []
    for item_id in ids:
        item = by_id[item_id]
        data = export_item(item, spec)
        data["_computed"] = _computed(item, today)
        data["_actors"] = {k: item.actor_names(role) for k, role in spec.actors}
        rows.append(data)
    _place_undated(session, spec.key, rows)
    return rows


def _place_undated(session, key: str, rows: list[dict]) -> None:
    """Give each row of a timeline section without a date of its own `_computed["placed_at"]`: where the
    timeline places it (its earliest source's date, _placed_at), so that its list says "(bron: januari 2022)" as
    its read view and the timeline do. One query for a page's undated rows, none when every row has a date."""
    if key not in TIMELINE_KEYS:
        return
    table, own_date, _title, _end = _timeline_columns(key)
    own = "submitted_on" if key == "question_sets" else _DATED[key][0]
    undated = [row["id"] for row in rows if not row.get(own)]
    if not undated:
        return
    placed = select(table.c.id, _placed_at(table, own_date)).where(table.c.id.in_(undated))
    places = dict(session.execute(placed).all())
    for row in rows:
        if places.get(row["id"]):
            row["_computed"]["placed_at"] = places[row["id"]]


def get(dossier: Dossier, item_id: str, today: date | None = None) -> tuple[str, dict]:
    """(section key, interchange dict with `_computed`) of one item."""
    with dossier.session() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise NotFound(f"Het item '{item_id}' bestaat niet (meer) in dit dossier.")
        spec = KIND_BY_NAME.get(item.kind)
        if spec is None:
            raise NotFound(f"Items van de soort {item.kind} worden hier niet getoond.")
        data = export_item(item, spec)
        data["_computed"] = _computed(item, today or date.today())
        data["_actors"] = {k: item.actor_names(role) for k, role in spec.actors}
        return spec.key, data


class Citing(NamedTuple):
    ids: list[str]  # the first `limit` of them, in the order they were added to the dossier
    total: int


def citing(dossier: Dossier, source_id: str, limit: int = 25) -> Citing:
    """The items that name source `source_id` among their sources: what a source's read view lists as where it is
    used. The ids of the first `limit`, and how many there are."""
    from raadsdossier.domain.models.base import item_sources

    citing_it = item_sources.c.source_id == source_id
    with dossier.session() as session:
        total = session.scalar(select(func.count()).select_from(item_sources).where(citing_it)) or 0
        ids = list(session.scalars(select(Item.id).join(item_sources, item_sources.c.item_id == Item.id)
                                   .where(citing_it).order_by(Item.seq).limit(limit))) if total else []
    return Citing(ids, total)


def exists(dossier: Dossier, item_id: str) -> bool:
    with dossier.session() as session:
        return session.get(Item, item_id) is not None


# -- overview and timeline ---------------------------------------------------

@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline. `date` is the item's own date, None when it has none; `place` is the
    date it stands at (see _placed_at), None when neither the item nor any source it cites has one."""

    date: str | None
    end_date: str | None
    key: str
    kind: str
    id: str
    title: str
    confidentiality: Confidentiality
    place: str | None = None
    period: str | None = None  # an event's period as its source words it ("sinds 2019"); not sorted by
    national: bool = False  # national context (Kamervragen, Kamerstukken), not the council's own

    @property
    def dated(self) -> bool:
        return self.date is not None


_DATED = {  # section key -> (date attribute, title attribute)
    "motions": ("date", "title"), "commitments": ("promised_on", "title"), "college_notes": ("date", "title"),
    "demonstrations": ("date", "title"), "events": ("date", "title"), "costs": ("date", "description"),
    "outcomes": ("date", "claim"), "sources": ("date", "title"), "meetings": ("date", "title"),
}
TIMELINE_KEYS = (*_DATED, "question_sets")  # the sections whose items the timeline lists: all their items


def _placed_at(table, own_date):
    """Where an item of `table` stands on the timeline: its own date; without one, its source's date.

    The rule for undated items. The sources leave some dates out (resources/demo/README.md: "what the
    sources do not say stays empty"), such as the Wuhan mayor's 'bedroefd' reaction, which only the
    Follow the Money article of January 2022 reports. Such an item is not dropped: it stands where its
    source puts it, at the date of the source it cites (of several, the earliest: the first report bounds
    the date best), before the items that have that same date (it happened no later than the report);
    the window shows it there as "datum onbekend (bron: januari 2022)". An item with neither a date of
    its own nor a dated source gets None and comes last, in a group of its own. Partial dates sort as
    text ("2021" before "2021-07" before "2021-07-05"), as the dated items always have."""
    from sqlalchemy import String, type_coerce

    from raadsdossier.domain.models import Source
    from raadsdossier.domain.models.base import item_sources

    cites = item_sources.alias("cites")
    cited = Source.__table__.alias("cited")  # aliased: the sources' own part of the timeline reads `sources`
    earliest = (select(func.min(cited.c.date)).select_from(cites.join(cited, cited.c.id == cites.c.source_id))
                .where(cites.c.item_id == table.c.id).scalar_subquery())
    # SQLite's COALESCE evaluates the subquery only for the undated items.
    return func.coalesce(type_coerce(own_date, String), earliest, type_=String)


def _national(key: str, table):
    """Whether a timeline row is national context: the Tweede Kamer's questions and documents."""
    from sqlalchemy import false

    if key == "question_sets":
        return table.c.set_kind == "parliamentary_questions"
    if key == "sources":
        return table.c.source_kind == "parliamentary_document"
    return false()


def _timeline_columns(key: str):
    """(table, own date, title, end date or None) of a section's items, as columns of the kind's own table."""
    if key == "question_sets":
        table = QuestionSet.__table__
        return table, table.c.submitted_on, func.coalesce(table.c.reference + " ", "") + table.c.title, None
    table = KIND_BY_KEY[key].model.__table__
    date_column, title_column = _DATED[key]
    return table, table.c[date_column], table.c[title_column], table.c.get("end_date")


_TIMELINE_STATEMENTS: dict = {}  # frozenset of keys (or None) -> the statements of _timeline_statements
_ROWS_AT_ONCE = 500  # ids per query of a page's rows: well below SQLite's limit of bound parameters


def _timeline_statements(keys: frozenset[str] | None):
    """(order, rows) for these sections, built once per set of keys (building them took longer than
    running them), or None for no sections.

    `order` selects the ids in timeline order (timeline_page) from one UNION ALL of (id, place, undated,
    title) read from the kinds' own tables only: joining `items` too (for kind and confidentiality) made
    sorting a 100,000-item dossier's timeline five times slower. `rows` then reads the columns of
    TimelineEntry for the ids bound to "ids", a page's worth."""
    if keys in _TIMELINE_STATEMENTS:
        return _TIMELINE_STATEMENTS[keys]
    from sqlalchemy import String, bindparam, literal, null, type_coerce, union_all

    order_parts, row_parts = [], []
    ids = bindparam("ids", expanding=True)
    for key in TIMELINE_KEYS:
        if keys is not None and key not in keys:
            continue
        table, own_date, title, end = _timeline_columns(key)
        place = _placed_at(table, own_date)
        order_parts.append(select(table.c.id.label("id"), place.label("place"), own_date.is_(None).label("undated"),
                                  title.label("title")))
        row_parts.append(select(table.c.id.label("id"), type_coerce(own_date, String).label("date"),
                                (end if end is not None else null()).label("end_date"), literal(key).label("key"),
                                Item.kind.label("kind"), title.label("title"),
                                Item.confidentiality.label("confidentiality"), place.label("place"),
                                (table.c.period if "period" in table.c else null()).label("period"),
                                _national(key, table).label("national"))
                         .select_from(table.join(Item.__table__, Item.id == table.c.id)).where(table.c.id.in_(ids)))
    statements = None
    if len(_TIMELINE_STATEMENTS) >= 64:  # 2^10 choices of kinds are possible, a few are made
        _TIMELINE_STATEMENTS.clear()
    if order_parts:
        c = union_all(*order_parts).subquery().c
        order = select(c.id).order_by(c.place.is_(None), c.place, c.undated.desc(), c.title, c.id)
        statements = (order, union_all(*row_parts))
    _TIMELINE_STATEMENTS[keys] = statements
    return statements


def timeline_counts(dossier: Dossier) -> dict[str, int]:
    """How many entries the timeline has of each section: {key: count} for every key of TIMELINE_KEYS.

    Every item of these sections is on the timeline (undated ones too), so this counts `items` by kind on
    its index: milliseconds at 100,000 items, where counting the timeline's UNION read every row."""
    from raadsdossier.domain import kinds

    names = {kinds.by_key(key).name: key for key in TIMELINE_KEYS}
    with dossier.session() as session:
        rows = session.execute(select(Item.kind, func.count()).where(Item.kind.in_(names)).group_by(Item.kind))
        counted = {names[kind]: number for kind, number in rows}
    return {key: counted.get(key, 0) for key in TIMELINE_KEYS}


def timeline_count(dossier: Dossier, keys: set[str] | None = None) -> int:
    """How many entries `timeline_page` has for these sections."""
    return sum(number for key, number in timeline_counts(dossier).items() if keys is None or key in keys)


def timeline_page(dossier: Dossier, keys: set[str] | None = None, offset: int = 0,
                  limit: int = 200) -> list[TimelineEntry]:
    """Every item of the chosen sections (keys of TIMELINE_KEYS; None: all), dated or not, in timeline
    order: by where it stands (_placed_at: its own date, else its source's), at one place undated items
    before dated ones, then by title and id; items placed nowhere last. Question sets by their submission
    date. One page at a time, sorted in SQL, so a dossier of any size hands over only the rows on screen."""
    statements = _timeline_statements(None if keys is None else frozenset(keys))
    if statements is None:
        return []
    order, rows = statements
    with dossier.session() as session:
        ids = list(session.scalars(order.offset(offset).limit(limit)))
        by_id: dict[str, TimelineEntry] = {}
        for start in range(0, len(ids), _ROWS_AT_ONCE):
            for item_id, when, end_date, key, kind, title, conf, place, period, national in session.execute(
                    rows, {"ids": ids[start:start + _ROWS_AT_ONCE]}):
                by_id[item_id] = TimelineEntry(when, end_date, key, kind, item_id, title or "", Confidentiality(conf),
                                               place, period, bool(national))
        return [by_id[item_id] for item_id in ids if item_id in by_id]  # (unless deleted in between)


def timeline(dossier: Dossier, keys: set[str] | None = None) -> list[TimelineEntry]:
    """Every item of the chosen sections in timeline order (timeline_page), undated ones included."""
    return timeline_page(dossier, keys, 0, -1)


def partnership_names(dossier: Dossier) -> tuple[str, str] | None:
    """(Dutch side, partner) of the dossier's partnership, for a tab or window title; one small query."""
    with dossier.session() as session:
        row = session.execute(select(Partnership.dutch_side, Partnership.partner_name).limit(1)).first()
        return (row[0], row[1]) if row else None


# -- checklist ----------------------------------------------------------------

def checklist_state(dossier: Dossier) -> dict:
    """The template with each item's assessment history (oldest first)."""
    with dossier.session() as session:
        template_id = session.scalar(text("SELECT value FROM dossier_meta WHERE key = :k").bindparams(k=META_KEY))
        template = load_template(template_id or "amnesty-2021")
        exported = export_checklist(session) or {"items": []}
        history: dict[str, list[dict]] = {}
        for entry in exported["items"]:
            history.setdefault(entry["id"], []).append(entry)
        return {
            "template": template.id, "title": template.title,
            "sections": [{"id": sid, "title": title} for sid, title in template.sections],
            "items": [
                {"id": i.id, "section": i.section, "title": i.title, "guidance": i.guidance,
                 "history": history.get(i.id, [])}
                for i in template.items
            ],
        }


_LABEL_COLUMN = {"party": "name", "person": "name", "cost": "description", "outcome": "claim",
                 "attachment": "file_name"}


def choices(dossier: Dossier, kind: str) -> list[tuple[str, str]]:
    """(id, label) of every item of a kind, for reference pickers."""
    spec = KIND_BY_NAME[kind]
    model = spec.model
    label = getattr(model, _LABEL_COLUMN.get(kind, "title"))
    with dossier.session() as session:
        if kind == "motion":
            rows = session.execute(select(model.id, model.reference, model.title).order_by(model.date, model.title))
            return [(i, f"{r} {t}" if r else t) for i, r, t in rows]
        return [(i, str(t)) for i, t in session.execute(select(model.id, label).order_by(label))]


def agenda_items(dossier: Dossier, meeting_id: str) -> list[tuple[str, str]]:
    _key, meeting = get(dossier, meeting_id)
    """(id, "number title") of the meeting's agenda items that something can stand on: not its headings."""
    return [(a["id"], f"{a.get('number') or ''} {a['title']}".strip()) for a in meeting.get("agenda_items", [])
            if a.get("kind") != "heading"]



def history(dossier: Dossier, item_id: str) -> list[dict]:
    """Earlier versions of an item, oldest first: {"recorded_at", "origin", "data"}."""
    from raadsdossier.domain.models import ItemVersion
    from raadsdossier.interchange.export import timestamp

    with dossier.session() as session:
        rows = session.scalars(select(ItemVersion).where(ItemVersion.item_id == item_id).order_by(ItemVersion.id))
        return [{"recorded_at": timestamp(v.recorded_at), "origin": v.origin, "data": v.data} for v in rows]
