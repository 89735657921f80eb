"""Niet-toegewezen stemmingen: decisions an import could not tie to one motion, assigned in one step."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from raadsdossier.services import items
from raadsdossier.domain.errors import DossierError
from raadsdossier.gui.forms import compact
from raadsdossier.gui.sections.items import ItemSection
from raadsdossier.gui.undo import AssignVoteCommand


class UnassignedVoteSection(ItemSection):
    def extra_editor(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.candidates = compact(QComboBox())
        self.candidates.setAccessibleName(self.tr("Motie waarop deze stemming betrekking heeft"))
        self.assign_button = QPushButton(self.tr("Toewijzen"))
        self.assign_button.clicked.connect(self.assign)
        row = QHBoxLayout()
        row.addWidget(self.candidates, 1)
        row.addWidget(self.assign_button)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        return box

    def load_extra(self, data: dict | None) -> None:
        self.candidates.clear()
        self.assign_button.setEnabled(data is not None)
        if data is None:
            self.explain.clear()
            return
        titles = dict(items.choices(self.view.dossier, "motion"))
        candidates = [m for m in data.get("candidate_motions", []) if m in titles] or list(titles)
        for motion_id in candidates:
            self.candidates.addItem(titles[motion_id], motion_id)
        self.explain.setText(self.tr("De bron koppelt deze stemming niet aan één motie. Kies de motie waarover is "
                                     "gestemd; de stemming wordt dan een stemming van die motie."))

    def assign(self) -> None:
        motion_id = self.candidates.currentData()
        if self.current is None or motion_id is None:
            return
        try:
            before = [("unassigned_votes", self.current), items.get(self.view.dossier, motion_id)]
            items.assign_vote(self.view.dossier, self.current["id"], motion_id)
        except DossierError as exc:
            self.view._error(exc)
            return
        self.view.undo_stack.push(AssignVoteCommand(self.view, self.current["id"], motion_id, before,
                                                    self.tr("Stemming toewijzen")))
        self.view._mark_changed("*")
