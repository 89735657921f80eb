"""The Stemming and Besluit part of the Tweede Kamer OData reader (importers/tk_odata.py): rows grouped by
decision across the whole file, a vote made only of a whole decision (a party vote whose seats add up to the
chamber, a roll call of all its members), and the motion it goes on. A mixin of tk_odata's reader, kept apart
for its length; the rules are in tk_odata's docstring and docs/imports.md."""

from __future__ import annotations

import json

from raadsdossier.domain.enums import VoteKind
from raadsdossier.importers._tk_records import (
    CHOICES, MOTION, NOTE_SEVERAL, SEATS,
    SKIP_INCOMPLETE, SKIP_NO_MOTION, SKIP_NO_VOTES, _ROW_FIELDS, _Decision, _Record, _kind_of, _text, make_id,
)
from raadsdossier.importers._common import motion_status, vote_result


class _VoteReading:
    """Stemming rows and Besluiten into votes; the reader's other parts (its sources, parties, people and motions)
    are the reader's own (tk_odata._Reader)."""

    # -- Stemming and Besluit --------------------------------------------------------------------

    def _besluit(self, record: _Record) -> None:
        """A Besluit entity: its expanded Stemming rows are its votes; without them it is skipped."""
        besluit_id = self._id(record, label="Besluit: ")
        stemmingen = record.data.get("Stemming")
        if not isinstance(stemmingen, list) or not stemmingen:
            self.skipped[SKIP_NO_VOTES] += 1
            return
        besluit = {k: v for k, v in record.data.items() if k != "Stemming"}
        for index, row in enumerate(stemmingen):
            if not isinstance(row, dict):
                raise self.fail(f"{record.where}.Stemming[{index}]", f"is {_kind_of(row)}, geen Stemming-record.")
            self._row(_Record(f"{record.where}.Stemming[{index}]", {"Besluit_Id": besluit_id, **row,
                                                                    "Besluit": besluit}, "Stemming"))

    def _row(self, row: _Record) -> None:
        """One Stemming row, put with the other rows of its Besluit wherever in the file they stand.

        A decision is judged whole or not once the whole file is read (`_votes`). Until then only what its
        vote needs is kept: the row's own fields, one Besluit expansion per decision and one Fractie and
        Persoon expansion per Id, not every row's copy of them.
        """
        row_id = self._id(row, label="Stemming: ")
        if row_id in self._row_ids:
            return  # the same row twice (overlapping pages): it counts once
        self._row_ids.add(row_id)
        if row.data.get("Verwijderd") is True:
            self.deleted["Stemming"] += 1
            return
        besluit = row.data.get("Besluit") if isinstance(row.data.get("Besluit"), dict) else None
        besluit_id = _text(row.data.get("Besluit_Id")) or _text((besluit or {}).get("Id"))
        if besluit_id is None:
            raise self.fail(row.where, f"Stemming {row_id} noemt geen 'Besluit_Id'; zonder besluit hoort de "
                                       "stem bij geen stemming.")
        decision = self._decisions.get(besluit_id)
        if decision is None:
            decision = self._decisions[besluit_id] = _Decision(besluit_id)
        if decision.besluit is None and besluit is not None:
            decision.besluit = besluit
        kept = {key: row.data[key] for key in _ROW_FIELDS if key in row.data}
        for key in ("Fractie", "Persoon"):
            expansion = row.data.get(key)
            if isinstance(expansion, dict):
                expansion_id = expansion.get("Id")
                kept[key] = self._expansions.setdefault((key, expansion_id), expansion) \
                    if isinstance(expansion_id, str) else expansion
        decision.rows.append(_Record(row.where, kept, "Stemming"))

    def _votes(self) -> None:
        """Each decision read, as one whole vote or not at all, in an order that does not depend on the
        order of the rows in the file (the server promises none): by the date, the decision's place on
        its agenda item, and its Id."""
        for decision in sorted(self._decisions.values(), key=_Decision.order):
            self._vote(decision.id, decision.rows, decision.besluit)

    @staticmethod
    def _is_member(row: _Record) -> bool:
        return bool(_text(row.data.get("Persoon_Id")) or isinstance(row.data.get("Persoon"), dict))

    def _seats(self, row: _Record) -> int | None:
        """A party row's FractieGrootte; None for a member's row without one (it counts one vote)."""
        size = row.data.get("FractieGrootte")
        if size is None and self._is_member(row):
            return None
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise self.fail(row.where, f"'FractieGrootte' is {json.dumps(size, ensure_ascii=False)}; zonder het "
                                       "aantal zetels van de fractie telt de stem niet.")
        return size

    def _choice(self, row: _Record) -> str:
        soort = _text(row.data.get("Soort"))
        choice = CHOICES.get((soort or "").lower())
        if choice is None:
            raise self.fail(row.where, f"'Soort' {json.dumps(row.data.get('Soort'), ensure_ascii=False)} is geen "
                                       "stemkeuze; verwacht Voor, Tegen of Niet deelgenomen.")
        return choice

    def _vote(self, besluit_id: str, rows: list[_Record], besluit: dict | None) -> None:
        """The vote of one decision when its rows are all there, else nothing (named in the report).

        A party vote is whole when its FractieGrootte add up to the Kamer's 150 seats (a member voting
        apart from the party counts one). A roll call (every row names a Persoon) is whole when it has 150
        members: the Gegevensmagazijn records no absence (its Stemming and Besluit have no such field), so
        every member has a row, "Niet deelgenomen" for one who did not vote, and that row counts.
        """
        if besluit is not None and besluit.get("Verwijderd") is True:
            self.deleted["Besluit"] += 1
            return
        roll_call = all(self._is_member(r) for r in rows)
        if roll_call:
            total = len({_text(r.data.get("Persoon_Id")) or _text(r.data["Persoon"].get("Id")) for r in rows})
            counted, unit = f"{total} van de {SEATS} Kamerleden", "Kamerleden"
        else:
            total = sum(1 if size is None else size for size in map(self._seats, rows))
            counted, unit = f"{total} van de {SEATS} zetels", "zetels"
        if total > SEATS:
            self.skipped[SKIP_INCOMPLETE] += 1
            self.warnings.append(f"Besluit {besluit_id} telt {total} {unit}, meer dan de {SEATS} van de Kamer; "
                                 "deze stemming is niet geïmporteerd.")
            return
        if total < SEATS:
            self.skipped[SKIP_INCOMPLETE] += 1
            self.warnings.append(f"Besluit {besluit_id} is onvolledig op deze pagina ({counted}) en is niet "
                                 "geïmporteerd; de andere stemmen staan op een andere pagina: importeer die samen "
                                 "met deze in één bestand (zet ze achter elkaar, bijvoorbeeld met cat).")
            return

        zaken = self._zaken(besluit)
        motions = [z for z in zaken or [] if _text(z.get("Soort")) == MOTION]
        if zaken is not None and not motions:
            self.skipped[SKIP_NO_MOTION] += 1
            return
        anchor = rows[0]
        sizes = [None if roll_call else self._seats(row) for row in rows]
        for row, seats in zip(rows, sizes):  # the parties from their own rows first, whatever the rows' order
            if seats is not None:
                self._row_party(row, seats)
        choices = []
        for row, seats in zip(rows, sizes):
            choice = self._choice(row)
            if seats is None:  # a member's own vote: in a roll call, or apart from the party's
                choices.append({"person": self._person(row, self._row_party(row, None)), "choice": choice})
                continue
            party_id = self._row_party(row, seats)
            if party_id is None:
                raise self.fail(row.where, "de stem noemt geen fractie ('Fractie', 'Fractie_Id' met 'ActorFractie').")
            choices.append({"party": party_id, "choice": choice, "seats": seats})
        besluit = besluit or {}
        text = _text(besluit.get("BesluitTekst"))
        result = vote_result(text) or vote_result(besluit.get("BesluitSoort"))
        way = _text(besluit.get("StemmingsSoort"))
        decision = " ".join(filter(None, [text, f"({way})" if way else None])) or f"Besluit {besluit_id}"
        mistakes = sorted({_text(r.data.get("ActorNaam")) or "?" for r in rows if r.data.get("Vergissing") is True})
        remark = f" Vergissing gemeld door {', '.join(mistakes)} (de stem telt zoals uitgebracht)." if mistakes else ""
        vote = {"kind": (VoteKind.ROLL_CALL if roll_call else VoteKind.PARTY).value,
                "result": result.value if result else None}
        when = self._vote_date(anchor, besluit)
        if when:
            vote["date"] = when
        besluit_source = self._source(("besluit", besluit_id), f"Besluit {besluit_id}", "Besluit", besluit_id)

        if len(motions) == 1:
            motion = self._motion(anchor, motions[0])
            vote["note"] = decision + remark
            vote["choices"] = choices
            motion.setdefault("votes", []).append(vote)
            status = motion_status(text) or motion_status(besluit.get("BesluitSoort"))
            if status is not None:
                motion["status"] = status.value
            self._link(motion, besluit_source)
            return
        candidates = []
        for zaak in motions:
            motion_id = self._motion(anchor, zaak)["id"]
            if motion_id not in candidates:
                candidates.append(motion_id)
        agendapunt = besluit.get("Agendapunt") if isinstance(besluit.get("Agendapunt"), dict) else {}
        subject, number = _text(agendapunt.get("Onderwerp")), _text(agendapunt.get("Nummer"))
        order = besluit.get("AgendapuntZaakBesluitVolgorde")
        if candidates:
            note = f"{NOTE_SEVERAL}: het agendapunt noemt {len(candidates)} moties."
        else:
            note = ("Het bestand noemt de motie van deze stemming niet; vraag de stemmingen op met "
                    "$expand=Besluit($expand=Agendapunt($expand=Zaak)).")
        if isinstance(order, int) and not isinstance(order, bool):
            note += f" Dit is besluit {order} bij het agendapunt."
        entry = {"id": make_id("besluit", besluit_id),
                 "agenda_item": f"{subject} ({number})" if subject and number else subject or number,
                 "decision": decision, **({"date": vote["date"]} if "date" in vote else {}),
                 "kind": vote["kind"], "result": vote["result"], "note": note + remark, "choices": choices,
                 "candidate_motions": candidates, "source_ids": [besluit_source]}
        self.unassigned.append(entry)

    @staticmethod
    def _zaken(besluit: dict | None) -> list[dict] | None:
        """The Zaken the expansion names (direct Besluit → Zaak first); None when nothing is expanded."""
        if besluit is None:
            return None
        found = besluit.get("Zaak")
        if not isinstance(found, list):
            agendapunt = besluit.get("Agendapunt")
            found = agendapunt.get("Zaak") if isinstance(agendapunt, dict) else None
        if not isinstance(found, list):
            return None
        unique: dict[str, dict] = {}
        for zaak in found:
            if isinstance(zaak, dict) and not zaak.get("Verwijderd") and zaak.get("Id"):
                unique.setdefault(str(zaak["Id"]), zaak)
        return list(unique.values())

    def _vote_date(self, row: _Record, besluit: dict) -> str | None:
        agendapunt = besluit.get("Agendapunt") if isinstance(besluit.get("Agendapunt"), dict) else {}
        activiteit = agendapunt.get("Activiteit") if isinstance(agendapunt.get("Activiteit"), dict) else {}
        for data, key in ((activiteit, "Datum"), (activiteit, "Aanvangstijd"), (agendapunt, "Aanvangstijd")):
            when = self._date(row, data, key)
            if when:
                return when
        return None
