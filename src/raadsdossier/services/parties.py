"""Parties across a library: the spellings the user said are one party, the parties a library holds, and a party's
record (the motions it submitted, its votes, where it changed sides).

The user's equivalences ("GL" and "GroenLinks" are one party) are kept in a small JSON file in the app's own
folder (base/home.py), `partijen.json`: {"same": [["GL", "GroenLinks"], …]}, one list per party. They hold no
dossier content, only spellings, and apply to every library. Reads only, except `same_party` and `forget_party`,
which write that file (whole or not at all).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from raadsdossier.domain import votes as vote_counting
from raadsdossier.domain.errors import InvalidInput, NotFound
from raadsdossier.domain.parties import spelling_key
from raadsdossier.storage.files import json_problem, os_reason, replace_whole
from raadsdossier.services.library import Library, MotionFilter, party_keys, track

EQUIVALENCES_FILE = "partijen.json"


def equivalences_path() -> Path:
    from raadsdossier.base.home import home

    return home() / EQUIVALENCES_FILE


def read_equivalences() -> tuple[list[list[str]], InvalidInput | None]:
    """The saved spellings (one list per party) and, when `partijen.json` is there but cannot be read (damaged,
    a folder, not the shape it should have), the sentence that names it; ([], None) when none are saved."""
    path = equivalences_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [], None
    except json.JSONDecodeError as exc:
        why = json_problem(path, exc).problem.rstrip(".")
    except UnicodeDecodeError:
        why = "dit is geen tekst in UTF-8"
    except OSError as exc:
        why = os_reason(exc)
    except RecursionError:
        why = "het is te diep genest om veilig te lezen"
    else:
        groups = data.get("same") if isinstance(data, dict) else None
        if isinstance(groups, list) and all(isinstance(group, list) for group in groups):
            return [[s for s in group if isinstance(s, str) and s.strip()] for group in groups], None
        why = 'het heeft niet de vorm {"same": [["GL", "GroenLinks"], …]}'
    return [], InvalidInput(path, f"de partijen die als één zijn vastgelegd, kunnen niet worden gelezen ({why})")


def saved_equivalences() -> list[list[str]]:
    """The spellings the user said are one party, one list per party; [] when none are saved or the file cannot
    be read (equivalences are a convenience, never a reason to refuse a library: `read_equivalences` says why)."""
    return read_equivalences()[0]


def _saved_for_change() -> list[list[str]]:
    """The saved equivalences, for a change to them; InvalidInput naming `partijen.json` when it cannot be read:
    writing the change would replace the pairings in it that could not be read."""
    groups, problem = read_equivalences()
    if problem is not None:
        raise InvalidInput(problem.source, f"{problem.problem}; het wordt niet overschreven, zodat niets ervan "
                                           "verloren gaat. Herstel of verwijder het bestand en probeer het opnieuw.")
    return groups


def _save(groups: list[list[str]]) -> None:
    """Write `partijen.json` whole or not at all; InvalidInput naming it when that cannot be done."""
    path = equivalences_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(path.parent, f"de map van de app kan niet worden gemaakt ({os_reason(exc)}).") from None
    text = json.dumps({"same": groups}, ensure_ascii=False, indent=2) + "\n"
    replace_whole(path, lambda temporary: temporary.write_text(text, encoding="utf-8"),
                  "de lijst van partijen die één zijn")


def same_party(spellings: list[str]) -> list[str]:
    """Record that `spellings` (two or more) name one party, joining any saved group that shares one of them;
    returns that party's spellings now. InvalidInput for fewer than two distinct spellings."""
    given = [s.strip() for s in spellings if s and s.strip()]
    keys = {spelling_key(s) for s in given}
    if len(keys) < 2:
        raise InvalidInput(None, "geef minstens twee verschillende schrijfwijzen van één partij, bv. GL GroenLinks.")
    joined, others = [], []
    for group in _saved_for_change():
        if keys & {spelling_key(s) for s in group}:
            joined.extend(group)
        else:
            others.append(group)
    merged = _distinct(joined + given)  # the spellings saved before keep their place
    _save(others + [merged])
    return merged


def forget_party(spelling: str) -> list[str]:
    """Take `spelling` out of the equivalences it is in; returns the spellings it was said to equal (a group left
    with one spelling is dropped). NotFound when it is in none."""
    key, kept, former = spelling_key(spelling), [], None
    for group in _saved_for_change():
        if key in {spelling_key(s) for s in group}:
            former = [s for s in group if spelling_key(s) != key]
            if len({spelling_key(s) for s in former}) >= 2:
                kept.append(former)
        else:
            kept.append(group)
    if former is None:
        raise NotFound(f"'{spelling}' staat niet bij de partijen die als één zijn vastgelegd.")
    _save(kept)
    return former


def _distinct(spellings: list[str]) -> list[str]:
    """Each spelling once (the first of those with one key), in the order given."""
    seen, out = set(), []
    for spelling in spellings:
        if spelling_key(spelling) not in seen:
            seen.add(spelling_key(spelling))
            out.append(spelling)
    return out


# -- the parties of a library ------------------------------------------------------------------------------------

def parties(library: Library) -> list[dict]:
    """The parties the library's dossiers hold, one per party as the library matches them (name, abbreviation
    and the saved equivalences), A–Z: {"name", "spellings", "dossiers", "seats"} with the most used full name,
    every spelling met (and those saved for it), the dossiers it is in, and its seats per dossier."""
    names = library.party_names()
    found: dict[str, dict] = {}
    for party in library.parties:
        entry = found.setdefault(names.party(party.name, party.abbreviation) or "",
                                 {"name": None, "spellings": [], "dossiers": [], "seats": {}, "_names": []})
        entry["_names"].append(party.name)
        entry["spellings"].extend(s for s in (party.name, party.abbreviation) if s)
        if party.dossier not in entry["dossiers"]:
            entry["dossiers"].append(party.dossier)
        if party.seats is not None:
            entry["seats"][party.dossier] = party.seats
    for group in saved_equivalences():
        key = names.party(*group)
        if key in found:
            found[key]["spellings"].extend(group)
    out = []
    for entry in found.values():
        entry["name"] = max(entry.pop("_names"), key=lambda n: (entry["spellings"].count(n), len(n)))
        entry["spellings"] = sorted(_distinct(entry["spellings"]), key=str.casefold)
        out.append(entry)
    return sorted(out, key=lambda entry: entry["name"].casefold())


def party_record(library: Library, party: str, filters: MotionFilter | None = None) -> dict:
    """A party's record across the library, matched by any of its spellings: the motions it submitted (as
    submitter or co-submitter, itself or through a member), every vote it took part in with its choice, the
    number of votes for, against and not cast, and where it changed sides between one vote on a motion and the
    next. Only motions at the levels `filters.include` lists (and meeting its other conditions); `withheld`
    counts those left out for their level. NotFound when no dossier knows the party."""
    filters = filters or MotionFilter()
    keys = party_keys(library, party)
    names = library.party_names()
    if not any(names.same(p.name, party) or names.same(p.abbreviation, party) for p in library.parties) \
            and not any(keys & record.submitted for record in library._records):
        known = ", ".join(entry["name"] for entry in parties(library)) or "geen"
        raise NotFound(f"Geen dossier van de bibliotheek kent de partij '{party}'. Bekend: {known}. "
                       "Zeg met 'raadsdossier parties --same' welke schrijfwijzen één partij zijn.")
    found = track(library, replace(filters, party=party))
    submitted, cast, changes = [], [], []
    counts = {"for": 0, "against": 0, "not_voting": 0}
    for motion in found.motions:
        role = _role(motion, keys)
        if role:
            submitted.append({**_motion_ref(motion), "role": role, "status": motion["status"],
                              "result": motion["result"]})
        sides = []
        for number, vote in enumerate(motion["votes"], start=1):
            choice = _choice_of(vote, keys)
            sides.append({party: choice} if choice else {})
            if choice:
                counts[choice] += 1
                cast.append({**_motion_ref(motion), "vote": number, "vote_date": vote["date"], "choice": choice,
                             "result": vote["result"]})
        for change in vote_counting.side_changes(sides):
            changes.append({**_motion_ref(motion), "from_vote": change.number, "to_vote": change.number + 1,
                            "before": change.before, "after": change.after})
    matched = [p for p in parties(library) if names.same(p["name"], party)]
    return {"party": matched[0]["name"] if matched else party,
            "spellings": matched[0]["spellings"] if matched else [party],
            "submitted": submitted, "votes": cast, "counts": counts, "changed_sides": changes,
            "withheld": found.withheld}


def _motion_ref(motion: dict) -> dict:
    return {"dossier": motion["dossier"], "path": motion["path"], "id": motion["id"], "reference": motion["reference"],
            "title": motion["title"], "date": motion["date"]}


def _role(motion: dict, keys: frozenset[str]) -> str | None:
    """"submitter" or "co_submitter" when the party (or one of its members) is among them, else None."""
    for role, actors in (("submitter", motion["submitters"]), ("co_submitter", motion["co_submitters"])):
        for actor in actors:
            if spelling_key(actor["party"]) in keys or (actor["party"] is None and spelling_key(actor["name"]) in keys):
                return role
    return None


def _choice_of(vote: dict, keys: frozenset[str]) -> str | None:
    """The party's choice in a vote (domain/votes.py party_choice), None when it did not take part."""
    return vote_counting.party_choice(c["choice"] for c in vote["choices"] if spelling_key(c["party"]) in keys)
