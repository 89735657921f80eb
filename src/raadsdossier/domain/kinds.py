"""The one registry of item kinds, and of the window's and the pack's sections that show them.

An item kind has three names and no others (GLOSSARY.md): its model class (`Motion`), its kind
(`motion`: the interchange `kind`, search hits, `items.kind`) and its collection key (`motions`: the
interchange top-level key, the window's list and the pack's section). Here each kind also has its
Dutch and English labels, the window section and the pack section it is shown in, and its icon.

The command line and the packs print the Dutch labels as they are. The window shows every label
through Qt's translation (contexts "Kinds" and "Sections"); scripts/update_translations.py writes
this registry's English into the .ts file, so the two cannot drift apart.

No Qt and no SQLAlchemy here: the command line reads this before it knows whether it needs either.
"""

from __future__ import annotations

from typing import NamedTuple


class ItemKind(NamedTuple):
    name: str  # "motion"
    key: str  # "motions"
    singular: str  # Dutch: "motie"
    plural: str  # Dutch: "moties"
    singular_en: str
    plural_en: str
    section: str  # the key of the window's section (SECTIONS) that lists items of this kind
    pack_section: str | None  # the key of the pack section (PACK_SECTIONS) that prints them, if any
    icon: str  # a qtawesome icon name

    def label(self, count: int = 1, english: bool = False) -> str:
        """The singular for one, the plural for any other count."""
        if english:
            return self.singular_en if count == 1 else self.plural_en
        return self.singular if count == 1 else self.plural

    def count_text(self, count: int, english: bool = False) -> str:
        """"12 moties", "1 motie"."""
        return f"{count} {self.label(count, english)}"


class Section(NamedTuple):
    """A screen of the window's navigator."""

    key: str
    title: str  # Dutch
    title_en: str

    @property
    def kinds(self) -> tuple[ItemKind, ...]:
        """The item kinds this section lists, in registry order (none for a section of its own kind, such
        as the timeline)."""
        return tuple(kind for kind in KINDS if kind.section == self.key)


class PackSection(NamedTuple):
    """A chapter of a pack. Packs are Dutch; the English title is for the export dialog in English."""

    key: str
    title: str
    title_en: str
    default: bool = True  # chosen unless the user leaves it out

    @property
    def kinds(self) -> tuple[ItemKind, ...]:
        return tuple(kind for kind in KINDS if kind.pack_section == self.key)


KINDS: tuple[ItemKind, ...] = (
    ItemKind("partnership", "partnership", "stedenband", "stedenbanden", "partnership", "partnerships",
             "overview", "summary", "mdi6.handshake"),
    ItemKind("party", "parties", "fractie", "fracties", "party", "parties",
             "parties_and_people", None, "mdi6.account-group"),
    ItemKind("person", "people", "persoon", "personen", "person", "people",
             "parties_and_people", None, "mdi6.account"),
    ItemKind("meeting", "meetings", "vergadering", "vergaderingen", "meeting", "meetings",
             "meetings", None, "mdi6.calendar-account"),
    ItemKind("motion", "motions", "motie", "moties", "motion", "motions",
             "motions", "motions", "mdi6.gavel"),
    ItemKind("commitment", "commitments", "toezegging", "toezeggingen", "commitment", "commitments",
             "commitments", "commitments", "mdi6.handshake-outline"),
    ItemKind("question_set", "question_sets", "vragenset", "vragensets", "question set", "question sets",
             "question_sets", "question_sets", "mdi6.comment-question-outline"),
    ItemKind("college_note", "college_notes", "collegestuk", "collegestukken", "college document",
             "college documents", "college_notes", "college_notes", "mdi6.file-document-outline"),
    ItemKind("demonstration", "demonstrations", "demonstratie", "demonstraties", "demonstration",
             "demonstrations", "demonstrations", "demonstrations", "mdi6.bullhorn"),
    ItemKind("event", "events", "gebeurtenis", "gebeurtenissen", "event", "events",
             "events", "timeline", "mdi6.calendar-star"),
    ItemKind("cost", "costs", "kostenpost", "kostenposten", "cost item", "cost items",
             "costs_and_outcomes", "costs_and_outcomes", "mdi6.cash"),
    ItemKind("outcome", "outcomes", "opbrengst", "opbrengsten", "outcome", "outcomes",
             "costs_and_outcomes", "costs_and_outcomes", "mdi6.chart-line"),
    ItemKind("source", "sources", "bron", "bronnen", "source", "sources",
             "sources", "sources", "mdi6.book-open-variant"),
    ItemKind("attachment", "attachments", "bijlage", "bijlagen", "attachment", "attachments",
             "attachments", "attachments", "mdi6.paperclip"),
    ItemKind("note", "notes", "notitie", "notities", "note", "notes",
             "notes", "notes", "mdi6.note-text-outline"),
    ItemKind("checklist_assessment", "checklist", "checklistbeoordeling", "checklistbeoordelingen",
             "checklist assessment", "checklist assessments", "checklist", "checklist", "mdi6.clipboard-check-outline"),
    ItemKind("unassigned_vote", "unassigned_votes", "niet-toegewezen stemming", "niet-toegewezen stemmingen",
             "unassigned vote", "unassigned votes", "unassigned_votes", None, "mdi6.vote"),
)

# The navigator, in the order users expect.
SECTIONS: tuple[Section, ...] = (
    Section("overview", "Overzicht", "Overview"),
    Section("timeline", "Tijdlijn", "Timeline"),
    Section("motions", "Moties", "Motions"),
    Section("commitments", "Toezeggingen", "Commitments"),
    Section("question_sets", "Vragen & antwoorden", "Questions & answers"),
    Section("college_notes", "Collegestukken", "College documents"),
    Section("demonstrations", "Demonstraties", "Demonstrations"),
    Section("checklist", "Amnesty-checklist", "Amnesty checklist"),
    Section("costs_and_outcomes", "Kosten & opbrengsten", "Costs & outcomes"),
    Section("sources", "Bronnen", "Sources"),
    Section("attachments", "Bijlagen", "Attachments"),
    Section("notes", "Notities", "Notes"),
    Section("meetings", "Vergaderingen", "Meetings"),
    Section("events", "Gebeurtenissen", "Events"),
    Section("unassigned_votes", "Niet-toegewezen stemmingen", "Unassigned votes"),
    Section("parties_and_people", "Fracties & personen", "Parties & people"),
)

# A pack's chapters, in the order they are printed.
PACK_SECTIONS: tuple[PackSection, ...] = (
    PackSection("summary", "Samenvatting", "Summary"),
    PackSection("timeline", "Tijdlijn", "Timeline"),
    PackSection("motions", "Moties", "Motions"),
    PackSection("commitments", "Toezeggingen", "Commitments"),
    PackSection("question_sets", "Vragen en antwoorden", "Questions and answers"),
    PackSection("college_notes", "Collegestukken", "College documents"),
    PackSection("demonstrations", "Demonstraties", "Demonstrations"),
    PackSection("checklist", "Amnesty-checklist", "Amnesty checklist"),
    PackSection("costs_and_outcomes", "Kosten en opbrengsten", "Costs and outcomes"),
    PackSection("attachments", "Bijlagen", "Attachments"),
    PackSection("notes", "Eigen notities", "Own notes", default=False),  # the user's own: only when chosen
    PackSection("sources", "Bronnen", "Sources"),
)

# Pack section names of Raadsdossier 0.1, still accepted on the command line (`pack --sections`).
PACK_SECTION_ALIASES = {"questions": "question_sets", "money": "costs_and_outcomes"}

BY_NAME = {kind.name: kind for kind in KINDS}
BY_KEY = {kind.key: kind for kind in KINDS}
SECTION_BY_KEY = {section.key: section for section in SECTIONS}
PACK_SECTION_BY_KEY = {section.key: section for section in PACK_SECTIONS}
DEFAULT_PACK_SECTIONS = tuple(section.key for section in PACK_SECTIONS if section.default)


def kind(name: str) -> ItemKind:
    """The kind named `name` ("motion"); KeyError for a name that is none."""
    return BY_NAME[name]


def by_key(key: str) -> ItemKind:
    """The kind whose collection key is `key` ("motions"); KeyError for a key that is none."""
    return BY_KEY[key]


def pack_section_key(name: str) -> str | None:
    """The pack section `name` means (an old name gives its new one); None when it means none."""
    name = PACK_SECTION_ALIASES.get(name, name)
    return name if name in PACK_SECTION_BY_KEY else None
