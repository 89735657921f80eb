"""Niet-toegewezen stemmingen: decisions an import could not tie to one motion, assigned in one step."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from raadsdossier.gui.forms import compact
from raadsdossier.gui.sections.items import ItemSection
from raadsdossier.services import lists


class UnassignedVoteSection(ItemSection):
    extra_shows = ("motion",)  # the motions to choose from
    can_create = False  # they come from imports only

    def extra_buttons(self) -> list:
        self.new_button.hide()
        return []

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
        titles = dict(lists.choices(self.view.dossier, "motion"))
        candidates = [m for m in data.get("candidate_motions", []) if m in titles] or list(titles)
        for motion_id in candidates:
            self.candidates.addItem(titles[motion_id], motion_id)
        self.explain.setText(self.tr("De bron koppelt deze stemming niet aan één motie. Kies de motie waarover is "
                                     "gestemd; de stemming wordt dan een stemming van die motie."))

    def assign(self) -> None:
        motion_id = self.candidates.currentData()
        if self.current is None or motion_id is None:
            return
        self.view.assign_vote(self.current["id"], motion_id, self.tr("Stemming toewijzen"))
