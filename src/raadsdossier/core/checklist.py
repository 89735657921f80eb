"""Checklist templates (resources/checklists/) and a dossier's progress against one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from raadsdossier.core.enums import ChecklistStatus
from raadsdossier.core.errors import NotFound
from raadsdossier.core.models import ChecklistAssessment
from raadsdossier.paths import resource

DEFAULT_TEMPLATE = "amnesty-2021"
META_KEY = "checklist_template"


@dataclass(frozen=True)
class TemplateItem:
    id: str
    section: str
    title: str
    guidance: str


@dataclass(frozen=True)
class Template:
    id: str
    version: int
    title: str
    sections: tuple[tuple[str, str], ...]  # (section id, Dutch title)
    items: tuple[TemplateItem, ...]

    def item(self, item_id: str) -> TemplateItem | None:
        return next((item for item in self.items if item.id == item_id), None)


@lru_cache(maxsize=8)
def load_template(template_id: str = DEFAULT_TEMPLATE) -> Template:
    path = resource("checklists", f"{template_id}.json")
    if not path.is_file():
        raise NotFound(f"De checklist '{template_id}' bestaat niet in deze versie van Raadsdossier.")
    data = json.loads(path.read_text(encoding="utf-8"))
    return Template(
        id=data["template"],
        version=data["version"],
        title=data["title"],
        sections=tuple((s["id"], s["title"]) for s in data["sections"]),
        items=tuple(TemplateItem(i["id"], i["section"], i["title"], i["guidance"]) for i in data["items"]),
    )


@dataclass(frozen=True)
class ItemState:
    item: TemplateItem
    status: ChecklistStatus
    note: str | None
    assessed_on: date | None


def current_states(session: Session, template: Template, on: date | None = None) -> list[ItemState]:
    """Each template item's newest assessment (up to `on`, if given); not started when none."""
    newest: dict[str, ChecklistAssessment] = {}
    query = select(ChecklistAssessment).where(ChecklistAssessment.template == template.id)
    for assessment in session.scalars(query):
        if on is not None and assessment.assessed_on and assessment.assessed_on > on:
            continue
        known = newest.get(assessment.checklist_item_id)
        if known is None or (assessment.assessed_on or date.min) >= (known.assessed_on or date.min):
            newest[assessment.checklist_item_id] = assessment
    states = []
    for item in template.items:
        found = newest.get(item.id)
        states.append(ItemState(item, found.status if found else ChecklistStatus.NOT_STARTED,
                                found.note if found else None, found.assessed_on if found else None))
    return states


def progress(states: list[ItemState]) -> tuple[int, int]:
    """(done or not applicable, total applicable-or-done)."""
    done = sum(1 for s in states if s.status in (ChecklistStatus.DONE, ChecklistStatus.NOT_APPLICABLE))
    return done, len(states)
