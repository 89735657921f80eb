"""One party across dossiers: its spellings (name and abbreviation) matched case- and space-insensitively,
and the spellings the user said are one party ("GL" and "GroenLinks").

Dossiers name a fraction as their sources do: "GroenLinks" in one, "GL" or "Groen Links" in another. The
motion tracker, a party's record and the fraction pack (services/library.py, export/party.py) decide with
`PartyNames` whether a party of a dossier is the party asked for, so that all three agree.
"""

from __future__ import annotations

from collections.abc import Iterable


def spelling_key(spelling: str | None) -> str:
    """What two spellings of one party share: letters and digits, case-folded ("Groen Links" → "groenlinks")."""
    return "".join((spelling or "").casefold().split())


class PartyNames:
    """Which spellings are one party: those of one party item (its name and its abbreviation), joined by the
    user's equivalences (groups of spellings said to be one party). Spellings compare by `spelling_key`."""

    def __init__(self, equivalences: Iterable[Iterable[str]] = ()) -> None:
        self._parent: dict[str, str] = {}
        for group in equivalences:
            self.join(*group)

    def _root(self, key: str) -> str:
        parent = self._parent.setdefault(key, key)
        while parent != key:  # path halving keeps the chains short
            self._parent[key] = self._parent.setdefault(parent, parent)
            key, parent = parent, self._parent[parent]
        return key

    def join(self, *spellings: str | None) -> None:
        """Say that these spellings (the empty ones left out) name one party."""
        keys = [spelling_key(s) for s in spellings if spelling_key(s)]
        for key in keys[1:]:
            self._parent[self._root(key)] = self._root(keys[0])

    def party(self, *spellings: str | None) -> str | None:
        """The identity of the party these spellings name (one key per party: equal for all its spellings), or
        None when every spelling is empty. Give a party item's name and abbreviation together only after
        `join`ing them."""
        for spelling in spellings:
            key = spelling_key(spelling)
            if key:
                return self._root(key)
        return None

    def same(self, a: str | None, b: str | None) -> bool:
        """Whether two spellings name one party."""
        return bool(spelling_key(a)) and self.party(a) == self.party(b)
