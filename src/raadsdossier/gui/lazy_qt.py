"""Qt's namespace of enums (Qt.AlignmentFlag, Qt.Key, …) kept out of the first screen of start-up.

PySide6 makes every enum of Qt's namespace in Python the first time any one of them is needed: as an attribute,
as an argument or return value, and also when PySide6 tells the overloads of a method apart by whether an
argument is such an enum (QPainter.setPen, QPainter.setBrush, QPen(QColor), QAction.setShortcut,
QColor(QColor), …). That takes about as long as a fifth of what a bare PySide6 window needs to start, and the
first screen is measured against that window (bench/run.py "start"). So the modules of the first screen take
`Qt` from here, made when first used, and what they do before the first paint they do without it:

- enum-valued properties are set by name through Qt's property system (`set_by_name`), as a .ui file does;
- QPainter.drawText and QFontMetrics.boundingRect take their flags as the ints below;
- the Overzicht paints with its widget's palette (gui/sections/overview_widgets.py), not with setPen/setBrush;
- the first palette is light or dark as the system's palette is, until Qt's colour scheme is asked (gui/app.py).

gui/app.py makes the namespace on the GUI thread right after the first paint, before the worker that imports
the data layer starts (its modules import Qt directly). tests/gui/test_startup_first_paint.py checks that the
first screen makes none of it, and that the ints below are Qt's.
"""

from __future__ import annotations

# Qt.AlignmentFlag and Qt.TextFlag values, as the ints QPainter.drawText and QFontMetrics.boundingRect take.
ALIGN_LEFT, ALIGN_RIGHT, ALIGN_TOP, ALIGN_VCENTER = 0x0001, 0x0002, 0x0020, 0x0080
TEXT_WORD_WRAP = 0x1000
# Qt.ItemDataRole.UserRole, as the int item data takes.
USER_ROLE = 0x0100


class _Namespace:
    """Stands for PySide6.QtCore.Qt: the first attribute asked for imports it; each one is then kept here."""

    def __getattr__(self, name: str):
        from PySide6.QtCore import Qt

        value = getattr(Qt, name)
        setattr(self, name, value)  # found directly from now on, without this method
        return value


Qt = _Namespace()


def set_by_name(widget, name: str, value: str) -> None:
    """Set the enum or flags property `name` of `widget` to the value called `value` ("PlainText",
    "StrongFocus", "TextSelectableByMouse"): Qt turns the name into the value in C++. A name Qt does not
    take is an error, not ignored."""
    if not widget.setProperty(name, value):
        raise ValueError(f"{type(widget).__name__}.{name} does not take {value!r}")


def make_namespace() -> None:
    """Make Qt's namespace now (gui/app.py calls this after the first paint, on the GUI thread)."""
    Qt.AlignmentFlag  # noqa: B018  (the attribute access is the point)
