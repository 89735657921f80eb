"""The motion tracker's list (gui/tracker_view.py): one row per motion `services.library.track` listed, with the
texts its columns show and sort by, and the chosen motion read as HTML beside the list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from raadsdossier.domain.enums import Confidentiality, FollowUpState, MotionStatus
from raadsdossier.gui.i18n import format_date, label
from raadsdossier.gui.models import CONFIDENTIAL_BRUSH, INTERNAL_BRUSH, cell_text
from raadsdossier.gui.reading_page import MUTED, esc, facts, notice, section
from raadsdossier.services import library as motion_library

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
OVERDUE_BRUSH = QBrush(QColor("#c62828"))
CHOICES = ("for", "against", "not_voting")
# Columns, in order, with the width each may take before its text is shortened (the full text is its tooltip
# and the pane beside the list); the title takes what is left.
(DOSSIER, DATE, REFERENCE, TITLE, STATUS, SUBMITTERS, RESULT, PARTIES, FOLLOW_UP, LEVEL) = range(10)
CAPS = {DOSSIER: 230, DATE: 150, REFERENCE: 110, STATUS: 120, SUBMITTERS: 200, RESULT: 120, PARTIES: 280,
        FOLLOW_UP: 200, LEVEL: 130}
# Which columns give way first when the list is narrow (the title never does): the level first, since a non-public
# row is shaded as well. The pane beside the list shows what every column says.
GIVE_WAY = (LEVEL, REFERENCE, SUBMITTERS, RESULT, PARTIES, STATUS, DATE, FOLLOW_UP, DOSSIER)
STATE_ORDER = {state.value: number for number, state in enumerate(FollowUpState)}


def abbreviations(found: motion_library.Library) -> dict[str, dict[str, str]]:
    """Per dossier name: party name -> the party's abbreviation, where it has one."""
    short: dict[str, dict[str, str]] = {}
    for party in found.parties:
        if party.abbreviation:
            short.setdefault(party.dossier, {})[party.name] = party.abbreviation
    return short


def party_summary(vote: dict, short: dict[str, str]) -> str:
    """"voor: GL, SP · tegen: VVD": the parties (or members) of a vote by their choice, each by its abbreviation
    when `short` (party name -> abbreviation) has one; a party whose members chose differently under each choice."""
    groups: dict[str, list[str]] = {}
    for choice in vote.get("choices") or []:
        who = choice.get("party") or choice.get("member") or "?"
        listed = groups.setdefault(choice.get("choice"), [])
        name = short.get(who, who)
        if name not in listed:
            listed.append(name)
    order = [*CHOICES, *sorted(c for c in groups if c not in CHOICES and c)]
    return " · ".join(f"{label(choice)}: {', '.join(groups[choice])}" for choice in order if groups.get(choice))


def submitters_text(actors: list[dict]) -> str:
    return "; ".join(actor["name"] + (f" ({actor['party']})" if actor.get("party") and actor["party"] != actor["name"]
                                      else "") for actor in actors)


class TrackerModel(QAbstractTableModel):
    """The motions `library.track` listed, one row each; a column's SortRole is what sorting compares."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []
        self.short: dict[str, dict[str, str]] = {}  # abbreviations()
        self.headers = [self.tr("Dossier"), self.tr("Datum"), self.tr("Kenmerk"), self.tr("Titel"), self.tr("Status"),
                        self.tr("Indieners"), self.tr("Uitslag"), self.tr("Stemming per fractie"),
                        self.tr("Uitvoering"), self.tr("Vertrouwelijkheid")]

    def set_rows(self, rows: list[dict], short: dict[str, dict[str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.short = short
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def follow_up_text(self, row: dict) -> str:
        follow_up = row.get("follow_up")
        if follow_up is None:
            return ""
        text = label(follow_up.get("state"))
        if follow_up.get("overdue"):  # its deadline is in the tooltip and the pane
            text += " · " + self.tr("te laat")
        return text

    def last_vote(self, row: dict) -> dict | None:
        return row["votes"][-1] if row.get("votes") else None

    def text(self, row: dict, column: int) -> str:
        if column == DOSSIER:
            return row["dossier"]
        if column == DATE:
            return format_date(row.get("date"))
        if column == REFERENCE:
            return row.get("reference") or ""
        if column == TITLE:
            return row.get("title") or ""
        if column == STATUS:
            return label(row.get("status"))
        if column == SUBMITTERS:
            return submitters_text(row.get("submitters") or [])
        if column == RESULT:
            return label(row.get("result"))
        if column == PARTIES:
            vote = self.last_vote(row)
            return party_summary(vote, self.short.get(row["dossier"], {})) if vote else ""
        if column == FOLLOW_UP:
            return self.follow_up_text(row)
        if column == LEVEL:
            return label(row.get("confidentiality"))
        return ""

    def sort_key(self, row: dict, column: int):
        if column == DATE:
            return row.get("date") or ""
        if column == FOLLOW_UP:  # overdue first, then by state (in FollowUpState's order), untracked last
            follow_up = row.get("follow_up")
            if follow_up is None:
                return "9"
            order = STATE_ORDER.get(follow_up["state"], 8)
            return f"{0 if follow_up.get('overdue') else 1}{order}{follow_up.get('deadline') or '9999'}"
        if column == LEVEL:
            return str(Confidentiality(row["confidentiality"]).rank) if row.get("confidentiality") else "0"
        return self.text(row, column).casefold()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(self.text(row, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            follow_up = row.get("follow_up") or {}
            if column == FOLLOW_UP and follow_up.get("deadline"):
                return self.text(row, column) + " — " + self.tr("uiterlijk %1").replace("%1", format_date(follow_up["deadline"]))
            return cell_text(self.text(row, column))
        if role == SortRole:
            return self.sort_key(row, column)
        if role == RowRole:
            return row
        level = row.get("confidentiality")
        if role == Qt.ItemDataRole.BackgroundRole:  # as the dossier's lists mark a level (gui/models.py)
            return CONFIDENTIAL_BRUSH if level == Confidentiality.CONFIDENTIAL else \
                INTERNAL_BRUSH if level == Confidentiality.INTERNAL else None
        if role == Qt.ItemDataRole.FontRole:
            overdue = column == FOLLOW_UP and (row.get("follow_up") or {}).get("overdue")
            if level == Confidentiality.CONFIDENTIAL or overdue:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole and column == FOLLOW_UP and (row.get("follow_up") or {}).get("overdue"):
            return OVERDUE_BRUSH
        return None

    def motion_html(self, data: dict) -> str:
        """The motion as the tracker has it: its facts, each vote with the parties by choice, its follow-up."""
        title = f"{data['reference']} {data['title']}" if data.get("reference") else data["title"]
        level = data.get("confidentiality")
        out = []
        if level and level != Confidentiality.PUBLIC:
            kind = "warning" if level == Confidentiality.CONFIDENTIAL else "caution"
            out.append(notice(kind, "<b>" + esc(label(level).capitalize()) + "</b>"))
        out.append(f'<p style="color:{MUTED}; margin-bottom:0">{esc(data["dossier"])}</p><h2 style="margin-top:2px">'
                   f'{esc(title)}</h2>')
        out.append(facts([
            (self.tr("Datum"), esc(format_date(data.get("date")))), (self.tr("Status"), esc(label(data.get("status")))),
            (self.tr("Uitslag"), esc(label(data.get("result")))),
            (self.tr("Indieners"), esc(submitters_text(data.get("submitters") or []))),
            (self.tr("Mede-indieners"), esc(submitters_text(data.get("co_submitters") or []))),
        ]))
        short = self.short.get(data["dossier"], {})
        votes = []
        for number, vote in enumerate(data.get("votes") or [], start=1):
            when = format_date(vote.get("date"))
            heading = self.tr("Stemming %1").replace("%1", str(number)) + (f" · {when}" if when else "")
            result = label(vote.get("result")) if vote.get("result") else self.tr("uitslag onbekend")
            tally = vote.get("tally")
            if tally:
                result += " " + self.tr("(%1 voor, %2 tegen)").replace("%1", str(tally["for"])) \
                    .replace("%2", str(tally["against"]))
            summary = party_summary(vote, short)
            votes.append(f"<p><b>{esc(heading)}</b>: {esc(result)}"
                         + (f"<br>{esc(summary)}" if summary else "") + "</p>")
        out.append(section(self.tr("Stemmingen"), "".join(votes)))
        follow_up = data.get("follow_up")
        if follow_up is not None:
            body = [facts([(self.tr("Stand"), esc(label(follow_up.get("state")))),
                           (self.tr("Uiterlijk"), esc(format_date(follow_up.get("deadline"))))])]
            if follow_up.get("overdue"):
                body.append(notice("warning", "<b>" + esc(self.tr("De uitvoering is over de uiterste datum.")) + "</b>"))
            for entry in follow_up.get("entries") or []:
                when = format_date(entry.get("date"))
                text = esc(entry.get("text") or "").replace("\n", "<br>")
                evidence = len(entry.get("evidence_ids") or [])
                line = ("<b>" + esc(when) + "</b>" + (" — " if text else "") if when else "") + text
                if evidence:
                    line += f'<br><span style="color:{MUTED}">' + esc(
                        self.tr("1 stuk als bewijs") if evidence == 1 else
                        self.tr("%1 stukken als bewijs").replace("%1", str(evidence))) + "</span>"
                body.append(f"<p>{line}</p>")
            out.append(section(self.tr("Uitvoering"), "".join(body)))
        elif data.get("status") == MotionStatus.ADOPTED:
            out.append(section(self.tr("Uitvoering"), f'<p style="color:{MUTED}">' + esc(self.tr(
                "Nog niet bijgehouden. Open de motie in haar dossier en kies Bewerken om bij te houden wat het "
                "college ermee doet.")) + "</p>"))
        return '<html><head><meta charset="utf-8"></head><body>' + "".join(out) + "</body></html>"
