"""Render a pack as one self-contained, accessible HTML5 page, for publishing on a council's website.

The page holds the same content, in the same order, as the PDF and the DOCX, in the elements a browser
and a screen reader understand: the pack's headings as <h1>/<h2> (no level skipped), a list of facts as
<dl>, a table with its <caption> and column headers (<th scope="col">), a vote chart as a <figure> with an
inline SVG bar whose text alternative is `VoteChart.alt_text`, citations as links into the numbered list of
sources. Everything the pack holds is escaped; the page runs no script and fetches nothing (its stylesheet
is in it), so it can be put on any site or opened from a disk as it is.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from raadsdossier.export import fonts
from raadsdossier.export.model import Facts, Heading, Pack, Paragraph, Table, VoteChart

LANGUAGE = "nl-NL"  # when a pack names none
NOTICE = "Dit stuk bevat informatie die niet openbaar is. Niet verspreiden."
CJK_LANGUAGE = "zh"  # the CJK text in packs is Chinese (place names, quoted sources)
CHOICE_COLOURS = {"for": "#2e7d32", "against": "#c62828", "not_voting": "#9e9e9e"}
CHOICE_TEXT = {"for": "#ffffff", "against": "#ffffff", "not_voting": "#000000"}  # contrast on the colour
CHOICE_WORDS = {"for": "voor", "against": "tegen", "not_voting": "niet gestemd"}
SOURCE_ID = "bron-{}"
CONTENTS_ID, MAIN_ID = "inhoud", "tekst"
BAR_WIDTH, BAR_HEIGHT, BAR_TOP, BAR_FONT = 1000, 48, 6, 17  # the SVG's own units; it scales with the page

_INVALID = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")

STYLESHEET = """
:root { color-scheme: light; --accent: #1f3a5f; --mark: #b00020; --line: #c5ccd6; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
       "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       font-size: 100%; line-height: 1.55; color: #1a1a1a; background: #fff; }
body { max-width: 45em; margin: 0 auto; padding: 1.5em 1.25em 3em; overflow-wrap: break-word; }
a { color: #0b4f9c; }
a:focus-visible { outline: 3px solid #f2b400; outline-offset: 2px; }
.skip { position: absolute; left: -100vw; }
.skip:focus { position: static; }
.marking { color: var(--mark); font-weight: 700; text-align: center; letter-spacing: .04em;
           border: 2px solid var(--mark); padding: .3em .6em; margin: 0 0 1.5em; }
.marking span { display: block; font-weight: 400; letter-spacing: 0; color: #1a1a1a; font-size: .9em; }
footer .marking { margin: 2.5em 0 0; }
.cover { border-top: .6em solid var(--accent); padding-top: 1.5em; margin-bottom: 2em; }
.title { font-size: 2em; font-weight: 700; line-height: 1.2; color: var(--accent); margin: 0 0 .3em; }
.subtitle { font-size: 1.25em; margin: 0 0 1.2em; }
nav { border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); padding: .5em 0 1em;
      margin-bottom: 2em; }
.nav-title { font-weight: 700; font-size: 1.1em; color: var(--accent); }
nav ol { margin: .2em 0; padding-left: 1.4em; }
nav ol ol { font-size: .92em; }
h1, h2, h3, h4, h5, h6 { color: var(--accent); line-height: 1.25; break-after: avoid; }
h1 { font-size: 1.6em; margin: 2em 0 .6em; padding-bottom: .2em; border-bottom: 1px solid var(--line); }
h2, h3, h4, h5, h6 { font-size: 1.2em; margin: 1.6em 0 .4em; }
h3, h4, h5, h6 { font-size: 1.05em; }
blockquote { margin: .8em 0; padding: .1em 0 .1em 1em; border-left: 4px solid var(--line); color: #222; }
.small { font-size: .85em; color: #444; }
.label { font-weight: 700; margin-bottom: .2em; break-after: avoid; }
.cite { font-size: .8em; white-space: nowrap; }
dl.facts { margin: .8em 0 1.2em; }
dl.facts div { display: flex; gap: 1em; margin-bottom: .2em; }
dl.facts dt { flex: 0 0 28%; font-weight: 700; }
dl.facts dd { flex: 1; margin: 0; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: .8em 0 1.4em; font-size: .9em; }
caption { text-align: left; font-weight: 700; padding-bottom: .3em; }
th, td { border: 1px solid var(--line); padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: var(--accent); color: #fff; }
tbody tr:nth-child(even) { background: #f1f4f8; }
figure { margin: 1em 0 1.6em; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: .85em; color: #333; margin-top: .3em; }
.key { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin: 0 .25em 0 .6em;
       border: 1px solid #fff; outline: 1px solid #888; }
ol.sources { padding-left: 2.2em; font-size: .9em; }
ol.sources li { margin-bottom: .4em; }
ol.sources li:target { background: #fff6d5; }
@media (max-width: 30em) {
  dl.facts div { display: block; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .skip { display: none; }
  a { color: inherit; text-decoration: none; }
  h1 { break-before: page; }
  tr, figure, dl.facts div, blockquote { break-inside: avoid; }
  th { background: #fff; color: #000; border-bottom: 2px solid #000; }
  tbody tr:nth-child(even) { background: none; }
  .marking { border-width: 1px; }
}
"""


def _clean(text) -> str:
    """Text HTML can hold: other control characters dropped, page and line feeds as line breaks."""
    text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    return _INVALID.sub("", text)


def _attr(text) -> str:
    return escape(_clean(text).replace("\n", " "), quote=True)


def _text(text) -> str:
    """`text` escaped, its line breaks kept and its CJK runs marked as Chinese (for the screen reader's voice)."""
    out = []
    for part, is_cjk in fonts.split_cjk(_clean(text)):
        html = escape(part, quote=False).replace("\n", "<br>")
        out.append(f'<span lang="{CJK_LANGUAGE}">{html}</span>' if is_cjk else html)
    return "".join(out)


def _linked_text(text) -> str:
    """Like `_text`, with the web addresses in it as links (only http and https)."""
    text = _clean(text)
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(_text(text[last:match.start()]))
        url = match.group()
        out.append(f'<a href="{escape(url, quote=True)}">{_text(url)}</a>')
        last = match.end()
    out.append(_text(text[last:]))
    return "".join(out)


def heading_ids(headings: list[Heading], reserved: set[str]) -> list[str]:
    """A unique id per heading from its anchor: no white space, none of `reserved` (the sources' ids)."""
    used = set(reserved)
    ids = []
    for heading in headings:
        base = re.sub(r"\s+", "-", _clean(heading.anchor).strip()) or "kop"
        candidate, number = base, 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        used.add(candidate)
        ids.append(candidate)
    return ids


# -- the parts ---------------------------------------------------------------------

class _Page:
    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.out: list[str] = []
        self.sources = {source.number for source in pack.sources}
        self.charts = 0

    def write(self, *parts: str) -> None:
        self.out.extend(parts)

    def head(self) -> None:
        pack = self.pack
        title = _clean(pack.title).strip() or "Informatiepakket"
        if pack.marking:  # in the browser's tab and history too
            title = f"{title} ({_clean(pack.marking)})"
        self.write(
            "<!DOCTYPE html>\n",
            f'<html lang="{_attr(_clean(pack.language).strip() or LANGUAGE)}">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{escape(title.replace(chr(10), ' '))}</title>\n",
        )
        if pack.subtitle:
            self.write(f'<meta name="description" content="{_attr(pack.subtitle)}">\n')
        if pack.author:
            self.write(f'<meta name="author" content="{_attr(pack.author)}">\n')
        if pack.marking:  # not for a search engine, should it be put online by mistake
            self.write('<meta name="robots" content="noindex, nofollow">\n')
        self.write(f"<style>{STYLESHEET}</style>\n</head>\n<body>\n",
                   f'<a class="skip" href="#{MAIN_ID}">Naar de tekst</a>\n')

    def marking(self) -> None:
        if self.pack.marking:
            self.write(f'<p class="marking" role="note">{_text(self.pack.marking)}'
                       f"<span>{escape(NOTICE)}</span></p>\n")

    def cover(self) -> None:
        pack = self.pack
        self.write('<header class="cover">\n', f'<p class="title">{_text(pack.title)}</p>\n')
        if pack.subtitle:
            self.write(f'<p class="subtitle">{_text(pack.subtitle)}</p>\n')
        self.facts(pack.cover_facts())
        self.write("</header>\n")

    def contents(self, ids: list[str], levels: list[int]) -> None:
        headings = self.pack.headings()
        if not headings:
            return
        self.write(f'<nav id="{CONTENTS_ID}" aria-labelledby="{CONTENTS_ID}-titel">\n',
                   f'<p class="nav-title" id="{CONTENTS_ID}-titel">Inhoud</p>\n<ol>\n')
        depth = 1
        for index, (heading, anchor, level) in enumerate(zip(headings, ids, levels)):
            if index:
                if level > depth:
                    self.write("\n<ol>\n")
                else:
                    self.write("</li>\n")
                    while depth > level:
                        self.write("</ol>\n</li>\n")
                        depth -= 1
            depth = level
            self.write(f'<li><a href="#{_attr(anchor)}">{_text(heading.text)}</a>')
        self.write("</li>\n")
        while depth > 1:
            self.write("</ol>\n</li>\n")
            depth -= 1
        self.write("</ol>\n</nav>\n")

    def heading(self, block: Heading, anchor: str, level: int) -> None:
        self.write(f'<h{level} id="{_attr(anchor)}">{_text(block.text)}</h{level}>\n')
        if block.opens_sources and self.pack.sources:
            self.write('<ol class="sources">\n')
            for source in self.pack.sources:
                self.write(f'<li id="{SOURCE_ID.format(source.number)}" value="{source.number}">'
                           f"{_linked_text(source.text)}</li>\n")
            self.write("</ol>\n")

    def citations(self, numbers: tuple[int, ...]) -> str:
        links = [f'<a href="#{SOURCE_ID.format(n)}" aria-label="bron {n}">{n}</a>' if n in self.sources else str(n)
                 for n in numbers]
        return f' <span class="cite">[{", ".join(links)}]</span>'

    def paragraph(self, block: Paragraph) -> None:
        body = _text(block.text) + (self.citations(block.citations) if block.citations else "")
        if block.style == "quote":
            self.write(f"<blockquote><p>{body}</p></blockquote>\n")
        elif block.style in ("small", "label"):
            self.write(f'<p class="{block.style}">{body}</p>\n')
        else:
            self.write(f"<p>{body}</p>\n")

    def facts(self, block: Facts) -> None:
        if not block.rows:
            return
        self.write('<dl class="facts">\n')
        for label, value in block.rows:
            self.write(f"<div><dt>{_text(label)}</dt><dd>{_text(value)}</dd></div>\n")
        self.write("</dl>\n")

    def table(self, block: Table) -> None:
        n = len(block.columns)
        if not n:
            return
        self.write("<table>\n")
        if block.caption:
            self.write(f"<caption>{_text(block.caption)}</caption>\n")
        if len(block.widths) == n and sum(block.widths) > 0:
            total = sum(block.widths)
            self.write("<colgroup>" + "".join(f'<col style="width: {100 * w / total:.1f}%">' for w in block.widths)
                       + "</colgroup>\n")
        self.write("<thead><tr>" + "".join(f'<th scope="col">{_text(c)}</th>' for c in block.columns)
                   + "</tr></thead>\n<tbody>\n")
        for values in block.rows:
            values = tuple(values)[:n] + ("",) * max(0, n - len(values))
            self.write("<tr>" + "".join(f"<td>{_text(v)}</td>" for v in values) + "</tr>\n")
        self.write("</tbody>\n</table>\n")

    def vote_chart(self, chart: VoteChart) -> None:
        self.charts += 1
        title_id = f"grafiek-{self.charts}"
        alt = _clean(chart.alt_text).replace("\n", " ")
        self.write("<figure>\n")
        segments = [s for s in chart.segments if s[2] > 0]
        if segments:
            full = BAR_HEIGHT + 2 * BAR_TOP  # the line at half reaches past the bar
            self.write(f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{title_id}" '
                       f'viewBox="0 0 {BAR_WIDTH} {full}" width="{BAR_WIDTH}" height="{full}" focusable="false">\n',
                       f'<title id="{title_id}">{escape(alt)}</title>\n')
            total = sum(weight for _label, _choice, weight in segments)
            x, labels = 0.0, []
            for label, choice, weight in segments:
                width = BAR_WIDTH * weight / total
                self.write(f'<rect x="{x:.2f}" y="{BAR_TOP}" width="{width:.2f}" height="{BAR_HEIGHT}" '
                           f'fill="{CHOICE_COLOURS.get(choice, "#9e9e9e")}" stroke="#fff" stroke-width="2"/>\n')
                text = f"{_clean(label)} {weight}".replace("\n", " ")
                if _fits(text, width):
                    labels.append(f'<text x="{x + width / 2:.2f}" y="{BAR_TOP + BAR_HEIGHT / 2 + BAR_FONT / 3:.2f}" '
                                  f'font-size="{BAR_FONT}" text-anchor="middle" '
                                  f'fill="{CHOICE_TEXT.get(choice, "#000000")}">{escape(text)}</text>\n')
                x += width
            # the line at half under the labels, which stay readable where it crosses them
            self.write(f'<line x1="{BAR_WIDTH / 2}" y1="0" x2="{BAR_WIDTH / 2}" y2="{full}" '
                       'stroke="#000" stroke-width="2" stroke-dasharray="4 3"/>\n', *labels, "</svg>\n")
        else:  # no votes to draw: the words alone
            self.write(f"<p>{_text(alt)}</p>\n")
        keys = "".join(f'<span class="key" style="background: {CHOICE_COLOURS[choice]}"></span>{word}'
                       for choice, word in CHOICE_WORDS.items() if any(s[1] == choice for s in segments))
        self.write(f"<figcaption>{_text(chart.caption)} · streep: de helft"
                   + (f'<span aria-hidden="true">{keys}</span>' if keys else "") + "</figcaption>\n</figure>\n")


def _fits(text: str, width: float) -> bool:
    """Whether `text` fits in a segment `width` wide (a generous estimate: no font metrics here)."""
    estimate = sum(BAR_FONT * (1.0 if fonts.has_cjk(char) else 0.6) for char in text)
    return estimate < width - 8


def render_html(pack: Pack, target: Path, progress=None) -> Path:
    """Write `pack` as one HTML5 page (UTF-8) to `target`; `progress(done, total)` is called as blocks are written.

    The page needs nothing beside it: no script, no stylesheet, font or picture from elsewhere.
    """
    page = _Page(pack)
    headings = pack.headings()
    ids = heading_ids(headings, {CONTENTS_ID, f"{CONTENTS_ID}-titel", MAIN_ID}
                      | {SOURCE_ID.format(s.number) for s in pack.sources})
    levels = pack.outline_levels(6)  # <h1> to <h6>
    page.head()
    page.marking()
    page.cover()
    page.contents(ids, levels)
    page.write(f'<main id="{MAIN_ID}">\n')
    total = len(pack.blocks) or 1
    heading_index = 0
    for index, block in enumerate(pack.blocks):
        if isinstance(block, Heading):
            page.heading(block, ids[heading_index], levels[heading_index])
            heading_index += 1
        elif isinstance(block, Paragraph):
            page.paragraph(block)
        elif isinstance(block, Facts):
            page.facts(block)
        elif isinstance(block, Table):
            page.table(block)
        elif isinstance(block, VoteChart):
            page.vote_chart(block)
        if progress and index % 50 == 0:
            progress(index, total)
    page.write("</main>\n<footer>\n")
    page.write(f'<p class="small">{_text(pack.date + (f" · {pack.author}" if pack.author else ""))}</p>\n')
    page.marking()
    page.write("</footer>\n</body>\n</html>\n")
    Path(target).write_text("".join(page.out), encoding="utf-8", newline="\n")
    if progress:
        progress(total, total)
    return Path(target)
