"""Seat count for the next vote on a motion: the council's current seats per party, each party for, against or
unknown, the totals and whether the motion would pass. Reads only: nothing here is ever stored.

What a party is pre-filled with (a guess, always shown with what it is based on):

- its choice in the last vote on this motion that it took part in (voted for or against; in a roll call, its
  voting members all alike), e.g. "stemming 3 van deze motie (juli 2021)";
- when it took part in no vote on this motion (the motion has no vote yet), its choice in its last vote on
  another motion of the same dossier, most recent vote first. Motions carry no theme tags, and a dossier is
  one partnership, so "a motion sharing its theme" is a motion of the same dossier: the partnership is the
  theme. The basis names that motion ("M12 Stedenband met Wuhan beëindigen (5 juli 2021)");
- otherwise unknown.

The council is the dossier's parties valid today (valid_from and valid_until are partial dates: "2022" runs
through the whole year; a party without dates counts as current). A party whose seats are not known is
listed as such and its seats count as unknown: no number is made up for it.

Counting: the rule of domain/votes.py (a motion is adopted when more seats vote for it than against it among
those voting; equal is a tie). Every party votes with all its seats; a seat whose choice is unknown may go
either way, or not be cast (absent members are not modelled otherwise: set their party to unknown). The
outcome is settled only when it is the same however the unknown seats vote, and open otherwise.

Callable from any thread (one dossier per thread at a time); nothing returned holds a live ORM object.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, or_, select

from raadsdossier.domain import votes
from raadsdossier.domain.dates import format_partial_nl
from raadsdossier.domain.enums import VoteChoice, VoteResult
from raadsdossier.domain.errors import InvalidInput, NotFound
from raadsdossier.storage.dossier import Dossier

FOR, AGAINST, UNKNOWN = "for", "against", "unknown"
CHOICES = (FOR, AGAINST, UNKNOWN)
OPEN = "open"  # the verdict when the unknown seats could still tip it; the others are VoteResult's values
VERDICTS = (VoteResult.ADOPTED.value, VoteResult.REJECTED.value, VoteResult.TIED.value, OPEN)
_CHOICE_NL = {FOR: "voor", AGAINST: "tegen", UNKNOWN: "onbekend"}
_LISTED = 10  # motions named in a "not found" message


@dataclass(frozen=True)
class Basis:
    """A vote a pre-filled choice is taken from: the `vote`-th vote (1 = first) on a motion."""

    motion_id: str
    reference: str | None
    title: str
    date: str | None  # the vote's date, else the motion's (partial); None when neither is known
    vote: int
    this_motion: bool  # a vote on the motion being counted, not on another motion of the dossier

    @property
    def label(self) -> str:
        """"stemming 3 van deze motie (juli 2021)" or "M12 Stedenband met Wuhan beëindigen (5 juli 2021)"."""
        when = f" ({format_partial_nl(self.date)})" if self.date else ""
        if self.this_motion:
            return f"stemming {self.vote} van deze motie{when}"
        name = f"{self.reference} {self.title}" if self.reference else self.title
        return f"{name}{when}"


@dataclass(frozen=True)
class PartySeats:
    """One party of the council: its seats (None: not known), its choice for the next vote, and whether that
    choice is the pre-fill (`guessed`) rather than set by the user. `prefill` is the pre-filled choice and
    `basis` the vote(s) it is taken from (empty when there was nothing to take it from)."""

    id: str
    name: str
    abbreviation: str | None
    seats: int | None
    choice: str
    guessed: bool
    prefill: str
    basis: tuple[Basis, ...]

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation and self.abbreviation != self.name else self.name


@dataclass(frozen=True)
class SeatCount:
    """The count for one motion. `for_`, `against` and `unknown` are seats of parties whose seats are known
    (`unknown`: those whose choice is unknown); `seats_unknown` names the parties whose seats are not known;
    `council_size` is the sum of the known seats and `majority` the seats for that adopt the motion even when
    every other seat votes against (0 when no seats are known). `verdict` is one of VERDICTS and `sentence` says it in Dutch."""

    motion_id: str
    motion_reference: str | None
    motion_title: str
    motion_date: str | None
    today: str
    parties: tuple[PartySeats, ...]
    for_: int
    against: int
    unknown: int
    council_size: int
    majority: int
    verdict: str
    sentence: str

    @property
    def seats_unknown(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parties if p.seats is None)

    @property
    def motion_name(self) -> str:
        return f"{self.motion_reference} {self.motion_title}" if self.motion_reference else self.motion_title

    def party(self, party_id: str) -> PartySeats:
        return next(p for p in self.parties if p.id == party_id)

    def as_json(self) -> dict:
        """The `--json` form (docs/seats.md)."""
        return {
            "motion": {"id": self.motion_id, "reference": self.motion_reference, "title": self.motion_title,
                       "date": self.motion_date},
            "today": self.today,
            "parties": [{
                "id": p.id, "name": p.name, "abbreviation": p.abbreviation, "seats": p.seats, "choice": p.choice,
                "guessed": p.guessed, "prefill": p.prefill,
                "basis": [{"motion_id": b.motion_id, "reference": b.reference, "title": b.title, "date": b.date,
                           "vote": b.vote, "this_motion": b.this_motion, "label": b.label} for b in p.basis],
            } for p in self.parties],
            "for": self.for_, "against": self.against, "unknown": self.unknown,
            "seats_unknown": list(self.seats_unknown), "council_size": self.council_size, "majority": self.majority,
            "verdict": self.verdict, "sentence": self.sentence, "stored": False,
        }


# -- the service ----------------------------------------------------------------------------------------------

def seat_count(dossier: Dossier, motion: str, choices: dict[str, str] | None = None,
               today: date | None = None) -> SeatCount:
    """The seat count for the next vote on `motion` (its id or reference; NotFound when none matches,
    InvalidInput naming the motions when a reference matches several), with the parties' pre-filled choices
    and, on top, `choices` ({party id: "for" | "against" | "unknown"}; InvalidInput for a party that is not
    counted or a choice that is none of these). Reads only."""
    from raadsdossier.domain.models import Party

    today = today or date.today()
    with dossier.session() as session:
        found = _find_motion(session, motion)
        parties = [p for p in session.scalars(select(Party)) if is_current(p.valid_from, p.valid_until, today)]
        ids = [p.id for p in parties]
        own, other = _last_votes(session, found.id, ids)
        counted = []
        for party in parties:
            prefill, basis = own.get(party.id) or other.get(party.id) or (UNKNOWN, ())
            counted.append(PartySeats(party.id, party.name, party.abbreviation, party.seats, prefill,
                                      bool(basis), prefill, basis))
        counted.sort(key=lambda p: (p.seats is None, -(p.seats or 0), p.name.casefold(), p.id))
        base = SeatCount(found.id, found.reference, found.title, found.date, today.isoformat(), tuple(counted),
                         0, 0, 0, 0, 0, OPEN, "")
    return recount(base, choices or {})


def recount(count: SeatCount, choices: dict[str, str]) -> SeatCount:
    """`count` with `choices` ({party id: choice}) set by the user over the pre-fill: a party not in `choices`
    has its pre-filled choice (guessed when it has a basis). Pure: the window calls this on every click.
    InvalidInput for a party id not in the count or a choice not in CHOICES."""
    known = {p.id for p in count.parties}
    for party_id, choice in choices.items():
        if party_id not in known:
            raise InvalidInput(None, f"De fractie {party_id} telt niet mee voor deze stemming. {parties_text(count)}")
        if choice not in CHOICES:
            raise InvalidInput(None, f"'{choice}' is geen keuze; kies voor, tegen of onbekend (for, against, unknown).")
    parties = tuple(replace(p, choice=choices[p.id], guessed=False) if p.id in choices
                    else replace(p, choice=p.prefill, guessed=bool(p.basis)) for p in count.parties)
    for_ = sum(p.seats or 0 for p in parties if p.choice == FOR)
    against = sum(p.seats or 0 for p in parties if p.choice == AGAINST)
    unknown = sum(p.seats or 0 for p in parties if p.choice == UNKNOWN)
    size = for_ + against + unknown
    verdict = _verdict(for_, against, unknown, parties)
    counted = replace(count, parties=parties, for_=for_, against=against, unknown=unknown, council_size=size,
                      majority=size // 2 + 1 if size else 0, verdict=verdict, sentence="")
    return replace(counted, sentence=sentence(counted))


def choices_by_name(count: SeatCount, for_: list[str] = (), against: list[str] = (),
                    unknown: list[str] = ()) -> dict[str, str]:
    """{party id: choice} from parties named by name or abbreviation (case-insensitive), as the command line
    gives them. InvalidInput listing the parties for a name that is none of them, or names one party twice."""
    chosen: dict[str, str] = {}
    for choice, names in ((FOR, for_), (AGAINST, against), (UNKNOWN, unknown)):
        for name in names:
            party = find_party(count, name)
            if chosen.get(party.id, choice) != choice:
                raise InvalidInput(None, f"{party.name} staat zowel bij {_CHOICE_NL[chosen[party.id]]} als bij "
                                         f"{_CHOICE_NL[choice]}; kies één.")
            chosen[party.id] = choice
    return chosen


def find_party(count: SeatCount, name: str) -> PartySeats:
    """The counted party named `name` (its name or abbreviation, case and spaces ignored); InvalidInput
    listing the parties otherwise."""
    key = _key(name)
    matches = [p for p in count.parties if key and key in (_key(p.name), _key(p.abbreviation))]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InvalidInput(None, f"'{name}' past bij meer fracties: {', '.join(p.display_name for p in matches)}.")
    raise InvalidInput(None, f"Geen fractie '{name}' in de raad van dit dossier. {parties_text(count)}")


def parties_text(count: SeatCount) -> str:
    """"Fracties: GroenLinks (GL), VVD." — the parties one can name, for messages."""
    if not count.parties:
        return "Dit dossier heeft geen huidige fracties."
    return "Fracties: " + ", ".join(p.display_name for p in count.parties) + "."


def is_current(valid_from: str | None, valid_until: str | None, today: date) -> bool:
    """Whether a party with these partial dates sits on `today`: "2018" begins on its first day and "2022-03"
    ends on its last; a missing date is no bound."""
    now = today.isoformat()
    if valid_from and now[:len(valid_from)] < valid_from:
        return False
    return not (valid_until and now[:len(valid_until)] > valid_until)


# -- the verdict ----------------------------------------------------------------------------------------------

def _verdict(for_: int, against: int, unknown: int, parties: tuple[PartySeats, ...]) -> str:
    """Settled only when every way the unknown seats can go gives the same result (domain/votes.py's rule).
    A party whose seats are not known adds an unknown number of seats to its choice's side (either side when
    its choice is unknown too)."""
    unsized = [p.choice for p in parties if p.seats is None]
    may_add_for = any(choice != AGAINST for choice in unsized)
    may_add_against = any(choice != FOR for choice in unsized)
    # (absent seats only make either side smaller: the worst case for one side is the other getting them all)
    if not may_add_against and votes.Tally(for_, against + unknown, 0).result is VoteResult.ADOPTED:
        return VoteResult.ADOPTED.value
    if not may_add_for and votes.Tally(for_ + unknown, against, 0).result is VoteResult.REJECTED:
        return VoteResult.REJECTED.value
    if not unknown and not unsized and parties and votes.Tally(for_, against, 0).result is VoteResult.TIED:
        return VoteResult.TIED.value
    return OPEN


def _seats(number: int) -> str:
    return f"{number} zetel" if number == 1 else f"{number} zetels"


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def unknown_text(count: SeatCount) -> str:
    """What is not known, or "": "nog 5 zetels onbekend", "zetels van GroenLinks onbekend", "nog 5 zetels
    onbekend, en de zetels van GroenLinks"."""
    unsized = list(count.seats_unknown)
    if count.unknown and unsized:
        return f"nog {_seats(count.unknown)} onbekend, en de zetels van {_names(unsized)}"
    if count.unknown:
        return f"nog {_seats(count.unknown)} onbekend"
    if unsized:
        return f"zetels van {_names(unsized)} onbekend"
    return ""


def sentence(count: SeatCount) -> str:
    """The verdict in one Dutch sentence: "Aangenomen bij 20 van 39 zetels.", "Verworpen: 18 voor, 21 tegen.",
    "Staken der stemmen: 19 voor, 19 tegen; de raad stemt opnieuw.", "Nog 5 zetels onbekend — uitkomst open
    (17 voor, 17 tegen)."; with something unknown that cannot change a settled outcome, it says so."""
    if not count.parties:
        return "Geen huidige fracties in dit dossier: voeg de fracties van de raad met hun zetels toe om te tellen."
    unknown = unknown_text(count)
    settled = f"; {unknown}, maar dat verandert de uitkomst niet" if unknown else ""
    size = f"ten minste {count.council_size}" if count.seats_unknown else str(count.council_size)
    if count.verdict == VoteResult.ADOPTED:
        return f"Aangenomen bij {count.for_} van {size} zetels{settled}."
    if count.verdict == VoteResult.REJECTED:
        return f"Verworpen: {count.for_} voor, {count.against} tegen{settled}."
    if count.verdict == VoteResult.TIED:
        return f"Staken der stemmen: {count.for_} voor, {count.against} tegen; de raad stemt opnieuw."
    return f"{unknown[0].upper()}{unknown[1:]} — uitkomst open ({count.for_} voor, {count.against} tegen)."


# -- reading the dossier --------------------------------------------------------------------------------------

def _key(text: str | None) -> str:
    return "".join((text or "").casefold().split())


def _motion_name(reference: str | None, title: str, motion_id: str) -> str:
    return f"{reference} {title} (id {motion_id})" if reference else f"{title} (id {motion_id})"


def _find_motion(session, wanted: str):
    """The motion with id `wanted`, else the one whose reference is `wanted` (case and spaces ignored)."""
    from raadsdossier.domain.models import Motion

    wanted = (wanted or "").strip()
    found = session.get(Motion, wanted) if wanted else None
    if found is not None:
        return found
    key = _key(wanted)
    # Compared here, not in SQL: SQLite's lower() folds ASCII letters only.
    ids = [i for i, reference in session.execute(select(Motion.id, Motion.reference).where(
        Motion.reference.is_not(None))) if key and _key(reference) == key]
    matches = list(session.scalars(select(Motion).where(Motion.id.in_(ids)).order_by(Motion.date, Motion.id)))
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InvalidInput(None, f"Het kenmerk '{wanted}' hoort bij {len(matches)} moties; geef het id van de "
                                 "bedoelde: " + "; ".join(_motion_name(m.reference, m.title, m.id) for m in matches) + ".")
    rows = session.execute(select(Motion.id, Motion.reference, Motion.title).order_by(
        Motion.reference.is_(None), Motion.reference, Motion.date, Motion.id).limit(_LISTED + 1)).all()
    if not rows:
        raise NotFound(f"Geen motie '{wanted}': dit dossier heeft geen moties.")
    listed = "; ".join(_motion_name(r, t, i) for i, r, t in rows[:_LISTED]) + ("; …" if len(rows) > _LISTED else "")
    raise NotFound(f"Geen motie met kenmerk of id '{wanted}' in dit dossier. Moties: {listed}.")


def _last_votes(session, motion_id: str, party_ids: list[str]):
    """({party id: (choice, (basis,))} from the votes on this motion, the same from other motions for the parties
    that took part in none of those): a party's last vote it took part in, on this motion; else on the most
    recent other motion of the dossier (by the motion's date, undated ones last) on which it took part in one.

    A few small queries per party, whatever the dossier's size: the other motions are walked newest first on
    their date index and the walk stops at the first one the party voted on (reading every vote of a
    100,000-item dossier to find it took seconds)."""
    from raadsdossier.domain.models import Motion, Person, Vote, VoteCast

    motions, people, vote, cast = Motion.__table__.c, Person.__table__.c, Vote.__table__.c, VoteCast.__table__.c
    own = _on_motion(session, motion_id, party_ids, this_motion=True)
    other: dict[str, tuple] = {}
    for party_id in party_ids:
        if party_id in own:
            continue
        members = select(people.id).where(people.party_id == party_id)
        by_party = or_(cast.party_id == party_id, cast.person_id.in_(members))
        if not session.scalar(select(select(cast.id).where(by_party, cast.choice.in_(_TAKING_PART)).exists())):
            continue  # it never voted (a new party): no need to walk every motion to find that out
        took_part = (select(cast.vote_id).select_from(VoteCast.__table__.join(Vote.__table__, vote.id == cast.vote_id))
                     .where(vote.motion_id == motions.id, cast.choice.in_(_TAKING_PART), by_party).exists())
        # In the order of the index ix_motions_sort_date_desc: SQLite walks it and stops at the first match.
        newest_first = (select(motions.id).where(motions.id != motion_id, took_part)
                        .order_by(motions.date.is_(None), motions.date.desc(), motions.id.desc()))
        for (candidate,) in session.execute(newest_first):
            found = _on_motion(session, candidate, [party_id], this_motion=False)
            if party_id in found:  # (not when its members split in every vote on it)
                other[party_id] = found[party_id]
                break
    return own, other


_TAKING_PART = [VoteChoice.FOR.value, VoteChoice.AGAINST.value]


def _on_motion(session, motion_id: str, party_ids: list[str], this_motion: bool) -> dict[str, tuple]:
    """{party id: (choice, (basis,))}: each party's choice in the last vote on `motion_id` it took part in (for
    or against; in a roll call, its voting members all alike)."""
    from raadsdossier.domain.models import Motion, Person, Vote, VoteCast

    if not party_ids:
        return {}
    motions, people, vote, cast = Motion.__table__.c, Person.__table__.c, Vote.__table__.c, VoteCast.__table__.c
    reference, title, motion_date = session.execute(
        select(motions.reference, motions.title, motions.date).where(motions.id == motion_id)).one()
    order = [(vote_id, when) for vote_id, when in session.execute(
        select(vote.id, vote.date).where(vote.motion_id == motion_id).order_by(vote.position, vote.id))]
    party = func.coalesce(cast.party_id, people.party_id)
    chosen: dict[tuple[str, str], set[str]] = {}
    for vote_id, party_id, choice in session.execute(
            select(cast.vote_id, party, cast.choice)
            .select_from(VoteCast.__table__.join(Vote.__table__, vote.id == cast.vote_id)
                         .outerjoin(Person.__table__, people.id == cast.person_id))
            .where(vote.motion_id == motion_id, cast.choice.in_(_TAKING_PART), party.in_(party_ids))):
        chosen.setdefault((vote_id, party_id), set()).add(choice)
    found: dict[str, tuple] = {}
    for number, (vote_id, when) in reversed(list(enumerate(order, start=1))):
        for party_id in party_ids:
            choices = chosen.get((vote_id, party_id), set())
            if party_id not in found and len(choices) == 1:
                basis = Basis(motion_id, reference, title, when or motion_date, number, this_motion)
                found[party_id] = (VoteChoice(choices.pop()).value, (basis,))
    return found
