"""The pack model: plain data that both renderers draw, and nothing else decides."""

from __future__ import annotations

from dataclasses import dataclass, field

from raadsdossier.domain.enums import Confidentiality


SOURCES_ANCHOR = "sources"


@dataclass(frozen=True)
class Heading:
    level: int  # 1: section, 2: item
    text: str
    anchor: str  # unique within the pack; the contents link to it

    @property
    def opens_sources(self) -> bool:
        """The pack's numbered source list is printed right after this heading."""
        return self.anchor == SOURCES_ANCHOR


@dataclass(frozen=True)
class Paragraph:
    text: str
    citations: tuple[int, ...] = ()  # numbers in the pack's source list
    style: str = "body"  # body, quote, small, label


@dataclass(frozen=True)
class Facts:
    """Label/value pairs shown as a two-column list (date, status, submitters, …)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative widths, summing to 1
    caption: str = ""


@dataclass(frozen=True)
class VoteChart:
    """One vote as segments (label, choice, weight), in the order for, against, not voting."""

    segments: tuple[tuple[str, str, int], ...]
    caption: str

    @property
    def alt_text(self) -> str:
        """The chart in words, for readers who cannot see it (a figure's alternative text in PDF, DOCX, HTML):
        "Staafdiagram van de stemming: voor GL (8), SP (3); tegen VVD (6). voor 11 · tegen 6 · niet gestemd 0"."""
        words = {"for": "voor", "against": "tegen", "not_voting": "niet gestemd"}
        parts = []
        for choice, word in words.items():
            who = [f"{label} ({weight})" for label, chosen, weight in self.segments if chosen == choice]
            if who:
                parts.append(f"{word} {', '.join(who)}")
        return f"Staafdiagram van de stemming: {'; '.join(parts) or 'geen stemmen'}. {self.caption}"


Block = Heading | Paragraph | Facts | Table | VoteChart


@dataclass(frozen=True)
class Citation:
    """An entry of a pack's numbered list of sources (not the dossier's Source item: what is printed of it)."""

    number: int
    text: str  # "Follow the Money, Stedenbanden met China … (januari 2022). https://…"


@dataclass
class Pack:
    title: str  # the meeting and agenda item, or the dossier
    subtitle: str
    date: str  # Dutch reading form: "22 november 2026"
    author: str
    marking: str | None  # "VERTROUWELIJK" (or "… – FRACTIE-INTERN") when such items are inside, else None
    levels: tuple[Confidentiality, ...]  # the levels included, lowest first
    blocks: list[Block] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)  # the numbered list the text cites
    included_items: int = 0  # how many items the pack prints (each once, wherever it appears)
    withheld_items: int = 0  # how many items of its sections it leaves out for their level alone
    language: str = "nl-NL"  # BCP 47: the document language every renderer declares (packs are Dutch)

    def headings(self, level: int | None = None) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and (level is None or b.level == level)]

    def cover_facts(self) -> Facts:
        """What every renderer prints on the cover under the title: the date, who prepared it, the levels the
        pack includes and the highest level in it."""
        from raadsdossier.export.labels import nl

        rows = [("Datum", self.date)]
        if self.author:
            rows.append(("Opgesteld door", self.author))
        rows.append(("Opgenomen niveaus", ", ".join(nl(level) for level in self.levels)))
        rows.append(("Hoogste niveau in dit stuk", self.marking or "OPENBAAR"))
        return Facts(tuple(rows))

    def outline_levels(self, deepest: int) -> list[int]:
        """The level each heading is set at: its own, but never deeper than one below the heading before it (a
        screen reader's list of headings has no gaps), and between 1 and `deepest` (Word's 9, HTML's 6)."""
        levels, previous = [], 0
        for heading in self.headings():
            previous = max(1, min(heading.level, previous + 1, deepest))
            levels.append(previous)
        return levels
