"""Checklist templates (resources/checklists/) and a dossier's progress against one."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from raadsdossier.domain.errors import NotFound
from raadsdossier.base.paths import resource

if TYPE_CHECKING:  # templates and progress are read without the data layer too (core/glance.py)
    from sqlalchemy.orm import Session

    from raadsdossier.domain.enums import ChecklistStatus

DEFAULT_TEMPLATE = "amnesty-2021"
META_KEY = "checklist_template"


class TemplateItem(NamedTuple):
    id: str
    section: str
    title: str
    guidance: str


class Template(NamedTuple):
    id: str
    version: int
    title: str
    sections: tuple[tuple[str, str], ...]  # (section id, Dutch title)
    items: tuple[TemplateItem, ...]
    # section id -> the source's own introduction to the section, verbatim (its items' guidance may
    # refer to it: "De hierboven geschetste …")
    intros: tuple[tuple[str, str], ...] = ()

    def intro(self, section_id: str) -> str:
        return dict(self.intros).get(section_id, "")

    def item(self, item_id: str) -> TemplateItem | None:
        return next((item for item in self.items if item.id == item_id), None)


_TEMPLATE_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,80}")


@lru_cache(maxsize=8)
def load_template(template_id: str = DEFAULT_TEMPLATE) -> Template:
    path = resource("checklists", f"{template_id}.json") if _TEMPLATE_ID.fullmatch(template_id or "") else None
    if path is None or not path.is_file():  # a name from a file is never a path out of the checklists' folder
        shown = template_id if len(template_id or "") <= 80 else f"{template_id[:80]}…"
        raise NotFound(f"De checklist '{shown}' bestaat niet in deze versie van Raadsdossier.")
    data = json.loads(path.read_text(encoding="utf-8"))
    return Template(
        id=data["template"],
        version=data["version"],
        title=data["title"],
        sections=tuple((s["id"], s["title"]) for s in data["sections"]),
        items=tuple(TemplateItem(i["id"], i["section"], i["title"], i["guidance"]) for i in data["items"]),
        intros=tuple((s["id"], s["intro"]) for s in data["sections"] if s.get("intro")),
    )


class ItemState(NamedTuple):
    item: TemplateItem
    status: ChecklistStatus
    note: str | None
    assessed_on: date | None


# ChecklistStatus.DONE and NOT_APPLICABLE, by their values (a StrEnum member equals its value): the window's
# first screen counts progress without importing the enums (a test holds the two equal).
DONE_STATUSES = ("done", "not_applicable")


def newest_assessments(rows) -> dict[str, tuple]:
    """Checklist item id -> its newest row of `rows` = (item id, status, assessed_on, ...) in the order made.

    The newest is the one assessed last; an undated assessment counts as oldest, and of two on
    the same day the one made later wins.
    """
    newest: dict[str, tuple] = {}
    for row in rows:
        known = newest.get(row[0])
        if known is None or (row[2] or date.min) >= (known[2] or date.min):
            newest[row[0]] = row
    return newest


def current_states(session: Session, template: Template, on: date | None = None) -> list[ItemState]:
    """Each template item's newest assessment (up to `on`, if given); not started when none."""
    from sqlalchemy import select

    from raadsdossier.domain.enums import ChecklistStatus
    from raadsdossier.domain.models import ChecklistAssessment

    query = (select(ChecklistAssessment).where(ChecklistAssessment.template == template.id)
             .order_by(ChecklistAssessment.seq))
    newest = newest_assessments(
        (a.checklist_item_id, a.status, a.assessed_on, a.note) for a in session.scalars(query)
        if on is None or not a.assessed_on or a.assessed_on <= on)
    states = []
    for item in template.items:
        found = newest.get(item.id)
        states.append(ItemState(item, ChecklistStatus(found[1]) if found else ChecklistStatus.NOT_STARTED,
                                found[3] if found else None, found[2] if found else None))
    return states


def progress(states: list[ItemState]) -> tuple[int, int]:
    """(done or not applicable, total applicable-or-done)."""
    done = sum(1 for s in states if s.status in DONE_STATUSES)
    return done, len(states)
