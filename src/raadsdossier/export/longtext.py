"""Text of any length in a pack: shortened where a line or a cell must stay readable, whole right after it.

A field can hold anything an import brought in: a motion title of a million characters, a word with no
space in it. Both renderers draw the same pack model, so the model itself keeps tables, facts and headings
to a readable length, and says where the whole text is: a table cell or fact is cut at CELL_LIMIT
characters and its whole text follows the table; a heading is cut at HEADING_LIMIT and its whole text
follows it. `chunks` splits a long text into paragraphs a renderer can lay out one at a time (reportlab
lays out a paragraph in time that grows faster than its length).
"""

from __future__ import annotations

import re

from raadsdossier.export.model import Block, Facts, Heading, Paragraph, Table

CELL_LIMIT = 500  # characters of a table cell or fact value shown in place
HEADING_LIMIT = 200  # characters of a heading (and of its line in the contents)
CHUNK = 5000  # characters of one paragraph as it is laid out (about a page)
LONG_WORD = 1000  # characters without a space from which a renderer breaks a word into lines itself
MORE = " (zie de volledige tekst hieronder)"


def shorten(text: str, limit: int) -> str:
    """`text` cut at a space before `limit` characters (or at `limit` when it has none there), with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + " …"


def chunks(text: str, size: int = CHUNK) -> list[tuple[str, bool]]:
    """`text` in pieces of at most `size` characters, each with whether the next piece continues its
    paragraph: split at paragraph breaks, then within a paragraph at a line break, after a sentence, at a
    space, or (a word of `size` characters) anywhere."""
    out: list[tuple[str, bool]] = []
    for paragraph in re.split(r"\n\s*\n", text):
        while len(paragraph) > size:
            cut = _cut(paragraph, size)
            out.append((paragraph[:cut].rstrip(), True))
            paragraph = paragraph[cut:].lstrip()
        out.append((paragraph, False))
    return [piece for piece in out if piece[0].strip()] or [("", False)]


def _cut(paragraph: str, size: int) -> int:
    for found in (paragraph.rfind("\n", size // 2, size), paragraph.rfind(". ", size // 2, size - 1) + 1,
                  paragraph.rfind(" ", size // 2, size)):
        if found > 0:
            return found
    return size


def fit(blocks: list[Block]) -> list[Block]:
    """The blocks with over-long table cells, fact values and headings shortened, each followed by its whole
    text; anything short is left as it is (and the list itself when nothing is long)."""
    if not any(_too_long(block) for block in blocks):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading) and len(block.text) > HEADING_LIMIT:
            out.append(Heading(block.level, shorten(block.text, HEADING_LIMIT), block.anchor))
            out.append(Paragraph(block.text, style="small"))
        elif isinstance(block, Table) and _too_long(block):
            rows, whole = [], []
            for row in block.rows:
                cells = []
                for column, cell in zip(block.columns, row):
                    if len(cell) > CELL_LIMIT:
                        whole.append(f"{column}: {cell}")
                        cell = shorten(cell, CELL_LIMIT - len(MORE)) + MORE
                    cells.append(cell)
                rows.append(tuple(cells))
            out.append(Table(block.columns, tuple(rows), block.widths, block.caption))
            out.extend(Paragraph(text, style="small") for text in whole)
        elif isinstance(block, Facts) and _too_long(block):
            rows, whole = [], []
            for label, value in block.rows:
                if len(value) > CELL_LIMIT:
                    whole.append(f"{label}: {value}")
                    value = shorten(value, CELL_LIMIT - len(MORE)) + MORE
                rows.append((label, value))
            out.append(Facts(tuple(rows)))
            out.extend(Paragraph(text, style="small") for text in whole)
        else:
            out.append(block)
    return out


def _too_long(block: Block) -> bool:
    if isinstance(block, Heading):
        return len(block.text) > HEADING_LIMIT
    if isinstance(block, Table):
        return any(len(cell) > CELL_LIMIT for row in block.rows for cell in row)
    if isinstance(block, Facts):
        return any(len(value) > CELL_LIMIT for _label, value in block.rows)
    return False
