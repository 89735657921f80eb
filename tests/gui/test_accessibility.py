"""Every control a keyboard user can reach has a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QWidget


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        parent = widget.parentWidget()
        ancestor, inside_combo = parent, False
        while ancestor is not None:  # a combo box's inner editor and popup list speak for the combo
            inside_combo = inside_combo or isinstance(ancestor, (QAbstractSpinBox, QComboBox))
            ancestor = ancestor.parentWidget()
        if inside_combo:
            continue
        if widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(parent).__name__}")
    return missing


def test_every_focusable_control_has_an_accessible_name(window):
    for view in window.views()[:1]:
        for key in view.section_keys():  # build every section's editors, incl. a selected item's
            section = view.show_section(key)
            model = getattr(section, "model", None)
            if model is not None and model.rows:
                section.show_item(model.rows[0]["id"])
            for part in getattr(section, "parts", []):
                if part.model.rows:
                    part.show_item(part.model.rows[0]["id"])
    motions = window.current_view().show_section("motions")
    if motions.model.rows:
        motions.show_item(motions.model.rows[0]["id"])
    assert _unnamed(window) == []


def test_main_actions_have_shortcuts(window):
    shortcuts = {action.objectName(): action.shortcut().toString() for action in window.findChildren(type(window.undo_action))
                 if action.objectName()}
    for name in ("new", "open", "copy", "close", "quit", "find", "new-item", "delete"):
        assert shortcuts.get(name), f"action {name} has no shortcut"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]
