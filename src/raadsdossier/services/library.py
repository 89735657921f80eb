"""A library of dossiers read as one collection, and the motion tracker over it.

A fraction follows motions across all its partnerships (Dalian, Wuhan, Yangzhou, …): a folder of dossiers, or
the dossiers given, is read as one library without merging any file. `open_library` reads each dossier once,
read-only (no lock is taken, so a dossier another program has open for writing is read too; an older dossier
is read from an upgraded private copy, as Dossier.open(read_only=True) does), with a few plain-SQL queries per
dossier, and closes it again; a dossier that cannot be read is skipped and named with the reason. What it
read stays in memory, in the tracker's order: `track` and `motions` filter it there, so a filter is quick
however many dossiers there are.

    library = open_library([folder])                 # Library: .dossiers, .skipped
    rows = motions(library, MotionFilter(party="GL", follow_up="overdue"))
    found = track(library, MotionFilter())           # .motions, and .withheld: left out for their level

Each motion is a JSON-ready dict whose keys and their order are a contract for scripts (docs/motions.md); the
dicts are the library's own and read-only. Reads only; any thread may call these (one at a time per library);
nothing returned holds a dossier open or an ORM object.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from raadsdossier.base.gcpause import cyclic_gc_paused
from raadsdossier.domain import votes as vote_counting
from raadsdossier.domain.dates import check_partial_date
from raadsdossier.domain.enums import Confidentiality, FollowUpState, MotionStatus, confidentiality_levels
from raadsdossier.domain.errors import DossierError, InvalidInput
from raadsdossier.domain.parties import PartyNames, spelling_key
from raadsdossier.storage.sqlitefile import SUFFIX

REDACTED = "[naam weggelaten]"  # a person at risk, as packs print one (export/details.py)
OVERDUE = "overdue"  # --follow-up overdue: past its deadline and not settled (FollowUp.is_overdue)
NO_FOLLOW_UP = "none"  # --follow-up none: no follow-up recorded
_SETTLED = (FollowUpState.DONE.value, FollowUpState.NOT_DONE.value)


# -- the library ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Skipped:
    """A dossier of the library that was not read, and why: one Dutch sentence naming nothing else."""

    path: Path
    reason: str  # "Het dossier is versleuteld en er is geen wachtwoord voor gegeven."


@dataclass(frozen=True)
class LibraryDossier:
    """A dossier that was read: its file and its partnership as the tracker names it ("Arnhem – Wuhan")."""

    path: Path
    name: str
    motions: int  # how many motions it holds, at every level


@dataclass(frozen=True)
class PartySeen:
    """A party item of a dossier: its spellings, as the library matches them (domain/parties.py)."""

    dossier: str  # the dossier's name
    name: str
    abbreviation: str | None
    seats: int | None


@dataclass
class Library:
    """The dossiers read (by their name), those skipped (in the order given, a folder's files by file name), and
    what was read.

    `today` decides what is overdue. The password (or passwords per path) stays in memory so that a fraction
    pack can open the same dossiers again; nothing holds a file open."""

    dossiers: list[LibraryDossier] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    parties: list[PartySeen] = field(default_factory=list)
    today: date = field(default_factory=date.today)
    _records: list[_Record] = field(default_factory=list, repr=False)
    _passwords: dict = field(default_factory=dict, repr=False)  # resolved path -> password, for reopening

    def password_of(self, path: Path) -> str | None:
        """The password the library read the dossier at `path` with (None: not encrypted, or not given)."""
        return self._passwords.get(Path(path).resolve())

    def party_names(self) -> PartyNames:
        """Which spellings are one party in this library: each party item's name and abbreviation, joined by
        the user's equivalences (services/parties.py). Read anew on every call: the user may have said since
        that two spellings are one party."""
        from raadsdossier.services.parties import saved_equivalences

        names = PartyNames(saved_equivalences())
        for party in self.parties:
            names.join(party.name, party.abbreviation)
        return names


def library_files(paths: Iterable[Path]) -> list[Path]:
    """The dossier files `paths` stand for: a file as given, a folder as its *.raadsdossier files (not its
    subfolders: a folder of backups or exports beside the dossiers is not part of the library), by name.
    The same file given twice (by any path) is read once. InvalidInput for a path that does not exist, or a
    folder without dossiers."""
    found, seen = [], set()
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.glob(f"*{SUFFIX}") if not p.name.startswith("."))
            if not files:
                raise InvalidInput(path, f"in deze map staan geen dossiers (*{SUFFIX}).")
        elif path.exists():
            files = [path]
        else:
            raise InvalidInput(path, "dit bestand of deze map bestaat niet.")
        for file in files:
            real = file.resolve()
            if real not in seen:
                seen.add(real)
                found.append(file)
    return found


def open_library(paths: Iterable[Path], password: str | None = None, *,
                 passwords: Mapping[Path, str] | None = None, today: date | None = None) -> Library:
    """Read the dossiers at `paths` (files, and folders of them: `library_files`) as one library.

    Each is opened read-only (no lock), read with a few queries and closed. An encrypted dossier is read with
    its entry in `passwords` (by path), else with `password`; one that cannot be read (damaged, encrypted
    without its password, made by a newer Raadsdossier, busy, not a dossier) is in `skipped` with the reason,
    and the rest is read. InvalidInput only for `paths` themselves (see library_files)."""
    library = Library(today=today or date.today())
    by_path = {Path(p).resolve(): secret for p, secret in (passwords or {}).items()}
    files = library_files(paths)
    # A library makes a few objects per vote, hundreds of thousands in all, that live as long as it does: the
    # collector would walk them again and again while they are made (half the reading time) and free nothing.
    with cyclic_gc_paused():
        read = [(path, _read_dossier(path, by_path.get(path.resolve(), password), library.today)) for path in files]
        library.skipped = [outcome for _path, outcome in read if isinstance(outcome, Skipped)]
        # The motions in the tracker's order once, so that a filter only picks: newest first, undated last; within
        # a date by dossier, reference and title (each dossier's motions come in that order, and a sort is stable).
        opened = sorted(_told_apart([(path, outcome) for path, outcome in read if not isinstance(outcome, Skipped)]),
                        key=lambda pair: pair[1][0].name)
        for path, (dossier, parties, records, secret) in opened:
            if secret is not None:
                library._passwords[path.resolve()] = secret
            library.dossiers.append(dossier)
            library.parties.extend(PartySeen(dossier.name, *party) for party in parties)
            library._records.extend(records)
        library._records.sort(key=lambda r: r.data["date"] or "", reverse=True)
    return library


def _told_apart(read: list[tuple]) -> list[tuple]:
    """`read` ((path, what _read_dossier read) pairs) with two dossiers of one partnership (a griffie's copy beside
    a councillor's) each named with its file's name after the partnership's ("Arnhem – Wuhan · arnhem-griffie"), as
    the window's tabs name them: their LibraryDossier and each of their motions."""
    names = [dossier.name for _path, (dossier, *_rest) in read]
    told = []
    for path, (dossier, parties, records, secret) in read:
        if names.count(dossier.name) > 1:
            dossier = replace(dossier, name=f"{dossier.name} · {path.stem}")
            for record in records:
                record.data["dossier"] = dossier.name
        told.append((path, (dossier, parties, records, secret)))
    return told


def _why(exc: DossierError) -> str:
    """The reason of a dossier error as one sentence without the path (the library names the file itself)."""
    from raadsdossier.domain.errors import (
        DossierFileError,
        PasswordRequired,
        WrongPassword,
    )

    if isinstance(exc, PasswordRequired):
        return "Het dossier is versleuteld en er is geen wachtwoord voor gegeven."
    if isinstance(exc, WrongPassword):
        return "Het dossier is versleuteld en het gegeven wachtwoord opent het niet."
    text = exc.problem if isinstance(exc, DossierFileError) else str(exc)
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def _read_dossier(path: Path, password: str | None, today: date) -> Skipped | tuple:
    """One dossier read (Dossier.open read-only: no lock; an older schema from an upgraded copy): (LibraryDossier,
    its parties as (name, abbreviation, seats), its motions, the password it was opened with or None), or Skipped
    with the reason it cannot be read. Any thread."""
    from raadsdossier.storage.dossier import Dossier

    try:
        # verify=False: SQLite's check of every page costs a large dossier a good part of a second; a page that
        # cannot be read is found by the queries below (Dossier.connection: DamagedDossier) all the same.
        with Dossier.open(path, read_only=True, password=password, verify=False) as dossier:
            with dossier.connection() as connection:
                name, parties, records = _read(connection, path, today)
            secret = dossier.password
    except DossierError as exc:
        return Skipped(path, _why(exc))
    return LibraryDossier(path, name, len(records)), parties, records, secret


# -- reading one dossier ------------------------------------------------------------------------------------------

class _Record(NamedTuple):
    """One motion as read, ready to filter: its JSON-ready dict and the facts the filters ask about."""

    data: dict
    rank: int  # the motion's confidentiality rank
    submitted: frozenset  # spelling keys of the parties that submitted it (directly or by a member)
    voted: frozenset  # spelling keys of the parties that voted on it (as a party or by a member)
    names: str  # every submitter's and co-submitter's name, case-folded, for --submitter
    evidence: dict  # the rank of each item of its follow-up's evidence above public, by id


def _dossier_name(connection, path: Path) -> str:
    row = connection.execute("SELECT p.dutch_side, p.partner_name FROM partnerships p JOIN items i ON i.id = p.id"
                             " ORDER BY i.seq LIMIT 1").fetchone()
    return f"{row[0]} – {row[1]}" if row else path.stem


def _read(connection, path: Path, today: date) -> tuple[str, list, list[_Record]]:
    """(the dossier's name, its parties as (name, abbreviation, seats), its motions, overdue as of `today`) from
    a DB-API connection in one read transaction (Dossier.connection). A few queries, whatever the number of
    motions."""
    name = _dossier_name(connection, path)
    parties = {pid: (party_name, abbreviation, seats) for pid, party_name, abbreviation, seats in connection.execute(
        "SELECT id, name, abbreviation, seats FROM parties")}
    people = {pid: (person_name, party_id, bool(sensitive)) for pid, person_name, party_id, sensitive in connection.execute(
        "SELECT id, name, party_id, sensitive FROM people")}
    voters = _Voters(parties, people)
    actors = _actors(connection, voters)
    votes = _votes(connection, voters)
    follow_ups = _follow_ups(connection, today)
    # Few motions are above public: their levels alone, on the index items(kind, confidentiality), spare a join
    # of every motion with `items`.
    levels = dict(connection.execute(
        "SELECT id, confidentiality FROM items WHERE kind = 'motion' AND confidentiality != 'public'"))
    public = Confidentiality.PUBLIC.value
    ranks = {level.value: level.rank for level in Confidentiality}
    records = []
    for motion_id, reference, title, when, status in connection.execute(
            "SELECT id, reference, title, date, status FROM motions ORDER BY coalesce(reference, ''), title"):
        level = levels.get(motion_id, public)
        submitters, co_submitters, submitted, names = actors.get(motion_id) or ([], [], frozenset(), "")
        motion_votes, voted = votes.get(motion_id) or ([], frozenset())
        follow_up, evidence = follow_ups.get(motion_id, (None, {}))
        final = motion_votes[-1]["result"] if motion_votes else None
        data = {"dossier": name, "path": str(path), "id": motion_id, "reference": reference, "title": title or "",
                "date": when, "status": status, "result": final, "confidentiality": level,
                "submitters": submitters, "co_submitters": co_submitters, "votes": motion_votes,
                "follow_up": follow_up}
        records.append(_Record(data, ranks[level], submitted, voted, names, evidence))
    return name, list(parties.values()), records


class _Voters:
    """Who a party id or a person id is, as the tracker shows them, each worked out once per dossier."""

    def __init__(self, parties: dict, people: dict) -> None:
        self._parties, self._people = parties, people
        self._party: dict = {}
        self._person: dict = {}
        self._keys: dict = {}

    def party(self, party_id: str | None) -> tuple[str | None, str | None]:
        """(name, spelling key) of a party; (None, None) for an unknown one."""
        if party_id not in self._party:
            party = self._parties.get(party_id)
            self._party[party_id] = (party[0], spelling_key(party[0])) if party else (None, None)
        return self._party[party_id]

    def keys(self, keys) -> frozenset:
        """`keys` (party spelling keys) as a frozenset, one object for equal sets: the motions of a dossier share
        a few, and each set is an object Python's collector walks."""
        found = frozenset(keys)
        return self._keys.setdefault(found, found)

    def person(self, person_id: str) -> tuple[str, str | None, str | None]:
        """(name as shown, their party's name, its spelling key) of a person; a person at risk is not named."""
        if person_id not in self._person:
            person_name, party_id, sensitive = self._people.get(person_id, ("", None, False))
            self._person[person_id] = (REDACTED if sensitive else person_name or "", *self.party(party_id))
        return self._person[person_id]


def _actors(connection, voters: _Voters) -> dict:
    """Per motion: (submitters, co-submitters, spelling keys of the parties among them, their names case-folded).

    A submitter is a person (with the party they belong to), a party, or a plain name as the source gave it; a
    plain name counts for the party it spells ("GroenLinks" typed as a name)."""
    found: dict[str, list] = {}
    for motion_id, role, person_id, party_id, plain in connection.execute(
            "SELECT a.item_id, a.role, a.person_id, a.party_id, a.name FROM item_actors a"
            " JOIN motions m ON m.id = a.item_id WHERE a.role IN ('submitter', 'co_submitter')"
            " ORDER BY a.item_id, a.position"):
        entry = found.get(motion_id)
        if entry is None:
            entry = found[motion_id] = [[], [], set(), []]
        if person_id is not None:
            shown, party_name, key = voters.person(person_id)
        elif party_id is not None:
            shown, key = voters.party(party_id)
            party_name = shown
        else:
            shown, party_name, key = plain or "", None, spelling_key(plain)
        entry[0 if role == "submitter" else 1].append({"name": shown or "", "party": party_name})
        if key:
            entry[2].add(key)
        entry[3].append((shown or "").casefold())
    return {motion_id: (sub, co, voters.keys(keys), "\n".join(names))
            for motion_id, (sub, co, keys, names) in found.items()}


def _votes(connection, voters: _Voters) -> dict:
    """Per motion: (its votes as JSON-ready dicts in their order, spelling keys of the parties that voted).

    A vote's choices are read as one JSON text per vote (SQLite makes it: quicker than any other shape it can
    hand over), and equal choices are one shared list: a council votes on many motions with the same parties
    and seats, and a library holds hundreds of thousands of choices. The lists are read-only."""
    casts = dict(connection.execute(
        "SELECT vote_id, json_group_array(json_array(position, party_id, person_id, choice, seats))"
        " FROM vote_casts GROUP BY vote_id"))
    by_text: dict[str, tuple] = {}
    by_cast: dict[tuple, tuple] = {}
    found: dict[str, tuple[list, list]] = {}
    for vote_id, motion_id, when, kind, recorded in connection.execute(
            "SELECT id, motion_id, date, kind, recorded_result FROM votes ORDER BY motion_id, position"):
        text = casts.get(vote_id, "[]")
        made = by_text.get(text)
        if made is None:
            made = by_text[text] = _choices(text, voters, by_cast)
        choices, tally, computed, keys = made
        entry = found.get(motion_id)
        if entry is None:
            entry = found[motion_id] = ([], [])
        entry[0].append({"date": when, "kind": kind, "result": computed or recorded, "recorded_result": recorded,
                         "tally": tally, "choices": choices})
        entry[1].append(keys)
    return {motion_id: (listed, keys[0] if len(keys) == 1 else voters.keys(frozenset().union(*keys)))
            for motion_id, (listed, keys) in found.items()}


def _choices(text: str, voters: _Voters, by_cast: dict) -> tuple[list, dict | None, str | None, frozenset]:
    """(the choices as dicts in their order, their tally (domain/votes.py), its result, the spelling keys of the
    parties that voted) of a vote whose casts are the JSON [[position, party_id, person_id, choice, seats], …];
    `by_cast` keeps each cast as read once (a council's few parties make few distinct ones)."""
    cast = []
    for position, *what in sorted(json.loads(text), key=itemgetter(0)):
        what = tuple(what)
        read = by_cast.get(what)
        if read is None:
            read = by_cast[what] = _cast(*what, voters)
        cast.append(read)
    tally = vote_counting.tally(read[1] for read in cast)
    counts = {"for": tally.for_, "against": tally.against, "not_voting": tally.not_voting} if tally else None
    return ([read[0] for read in cast], counts, tally.result.value if tally else None,
            voters.keys(read[2] for read in cast if read[2]))


def _cast(party_id: str | None, person_id: str | None, choice: str, seats: int | None,
          voters: _Voters) -> tuple[dict, tuple, str | None]:
    """(the choice as a dict, (choice, seats, by a member) to count, the party's spelling key) of one cast."""
    if person_id is not None:
        member, party_name, key = voters.person(person_id)
    else:
        member, (party_name, key) = None, voters.party(party_id)
    return ({"party": party_name, "member": member, "choice": choice, "seats": seats},
            (choice, seats, person_id is not None), key)


def _follow_ups(connection, today: date) -> dict:
    """Per motion: (its follow-up as a JSON-ready dict, overdue as of `today`; the rank of each evidence item
    above public, by id)."""
    ranks = {level.value: level.rank for level in Confidentiality}
    evidence: dict[int, list] = {}
    above: dict[str, dict] = {}
    for motion_id, entry_id, item_id, level in connection.execute(
            "SELECT f.item_id, e.entry_id, e.item_id, i.confidentiality FROM follow_up_evidence e"
            " JOIN items i ON i.id = e.item_id JOIN follow_up_entries f ON f.id = e.entry_id"
            " JOIN motions m ON m.id = f.item_id ORDER BY i.seq"):
        evidence.setdefault(entry_id, []).append(item_id)
        if ranks[level]:
            above.setdefault(motion_id, {})[item_id] = ranks[level]
    entries: dict[str, list] = {}
    for entry_id, motion_id, when, text in connection.execute(
            "SELECT f.id, f.item_id, f.date, f.text FROM follow_up_entries f JOIN motions m ON m.id = f.item_id"
            " ORDER BY f.item_id, f.position"):
        entries.setdefault(motion_id, []).append({"date": when, "text": text, "evidence_ids": evidence.get(entry_id, [])})
    found, today = {}, today.isoformat()
    for motion_id, state, deadline in connection.execute(
            "SELECT f.item_id, f.state, f.deadline FROM follow_ups f JOIN motions m ON m.id = f.item_id"):
        deadline = str(deadline) if deadline else None
        overdue = deadline is not None and today > deadline and state not in _SETTLED  # FollowUp.is_overdue
        found[motion_id] = ({"state": state, "deadline": deadline, "overdue": overdue,
                             "entries": entries.get(motion_id, [])}, above.get(motion_id, {}))
    return found


# -- the tracker ----------------------------------------------------------------------------------------------------

FOLLOW_UP_CHOICES = (*(state.value for state in FollowUpState), OVERDUE, NO_FOLLOW_UP)


@dataclass(frozen=True)
class MotionFilter:
    """Which motions the tracker lists; every condition given must hold (None: any).

    `party`: the motions a party submitted (as submitter or co-submitter, itself or through a member) or voted on,
    by any of its spellings (Library.party_names). `submitter`: part of a submitter's or co-submitter's name, in
    any case. `status`: a MotionStatus value. `follow_up`: a FollowUpState value, "overdue" (past its deadline,
    not settled) or "none" (no follow-up recorded). `since`: a (partial) date; a motion dated on or after it,
    a partial date counting when its period reaches it ("2021" for 2021-06-01), undated ones left out.
    `include`: the levels besides public that are listed (people at risk are never named: a pack names them
    only when asked, the tracker has no such choice). InvalidInput, in Dutch, for a value that is none of these."""

    party: str | None = None
    submitter: str | None = None
    status: str | None = None
    follow_up: str | None = None
    since: str | None = None
    include: frozenset = frozenset()

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in {s.value for s in MotionStatus}:
            raise InvalidInput(None, f"onbekende status: {self.status} (kies uit "
                                     f"{', '.join(s.value for s in MotionStatus)}).")
        if self.follow_up is not None and self.follow_up not in FOLLOW_UP_CHOICES:
            raise InvalidInput(None, f"onbekende stand van uitvoering: {self.follow_up} (kies uit "
                                     f"{', '.join(FOLLOW_UP_CHOICES)}).")
        try:
            check_partial_date(self.since)
        except ValueError as exc:
            raise InvalidInput(None, f"{exc}.") from None
        object.__setattr__(self, "include", frozenset(confidentiality_levels(self.include)))

    @property
    def highest_rank(self) -> int:
        """The rank of the highest level listed (public is always listed)."""
        return max((level.rank for level in self.include), default=Confidentiality.PUBLIC.rank)


@dataclass(frozen=True)
class Tracked:
    """What the tracker lists for a filter, and how many more motions it would list with every level included."""

    motions: list[dict]  # the motions listed, newest first (docs/motions.md)
    withheld: int  # motions that meet the filter but are at a level not listed


def track(library: Library, filters: MotionFilter | None = None) -> Tracked:
    """Every motion of the library that meets `filters`, newest first (undated last), as JSON-ready dicts
    (docs/motions.md: the keys and their order are a contract), and how many more met it at a level left out.

    The dicts are the library's own, shared by every call (a filter picks, it copies nothing): read them, and
    copy one before changing it. No filter: every public motion."""
    filters = filters or MotionFilter()
    wanted = party_keys(library, filters.party) if filters.party else None
    needle = filters.submitter.casefold().strip() if filters.submitter else None
    since, highest = filters.since, filters.highest_rank
    listed, withheld = [], 0
    for record in library._records:
        data = record.data
        if filters.status and data["status"] != filters.status:
            continue
        if since and (not data["date"] or data["date"] < since[:len(data["date"])]):
            continue
        if needle is not None and needle not in record.names:
            continue
        if wanted is not None and wanted.isdisjoint(record.submitted) and wanted.isdisjoint(record.voted):
            continue
        if filters.follow_up and not _follow_up_is(data["follow_up"], filters.follow_up):
            continue
        if record.rank > highest:
            withheld += 1
            continue
        listed.append(record)
    return Tracked([_shown(record, highest) for record in listed], withheld)


def motions(library: Library, filters: MotionFilter | None = None) -> list[dict]:
    """The motions `track` lists (without the number left out)."""
    return track(library, filters).motions


def party_keys(library: Library, party: str) -> frozenset[str]:
    """Every spelling key of the library that names `party` (its name, its abbreviation, the spellings the user
    said are the same party): what a motion's party keys are compared with."""
    names = library.party_names()
    known = {spelling_key(p.name) for p in library.parties} | {spelling_key(p.abbreviation) for p in library.parties}
    known |= {key for record in library._records for key in record.submitted}
    return frozenset(key for key in known if key and names.same(key, party)) | {spelling_key(party)}


def knows_party(library: Library, party: str) -> bool:
    """Whether any dossier of the library names `party` (as a party, a submitter, or a spelling the user joined
    to one): an unknown one lists nothing, and the user is told so rather than left guessing."""
    names = library.party_names()
    known = {spelling_key(p.name) for p in library.parties} | {spelling_key(p.abbreviation) for p in library.parties}
    known |= {key for record in library._records for key in record.submitted}
    return any(key and names.same(key, party) for key in known)


def _follow_up_is(follow_up: dict | None, wanted: str) -> bool:
    if wanted == NO_FOLLOW_UP:
        return follow_up is None
    if follow_up is None:
        return False
    return follow_up["overdue"] if wanted == OVERDUE else follow_up["state"] == wanted


def _shown(record: _Record, highest: int) -> dict:
    """The motion as listed: as read, or (evidence of its follow-up at a level not listed) a copy without that
    evidence."""
    data = record.data
    if not record.evidence or max(record.evidence.values()) <= highest:
        return data
    follow_up = data["follow_up"]
    entries = [{**entry, "evidence_ids": [item_id for item_id in entry["evidence_ids"]
                                          if record.evidence.get(item_id, 0) <= highest]}
               for entry in follow_up["entries"]]
    return {**data, "follow_up": {**follow_up, "entries": entries}}
