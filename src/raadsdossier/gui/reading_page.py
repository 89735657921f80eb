"""The read view's page: escaping, paragraphs, notices, facts and the `Page` that turns an item's interchange dict
into typeset HTML pieces (its heading, a field's value, linked items, sources). gui/reading.py lays out each
kind with these pieces."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, QLocale

from raadsdossier.domain.errors import NotFound
from raadsdossier.gui.forms import LONG_TEXT
from raadsdossier.gui.i18n import field_label, format_date, format_money, kind_label, label
from raadsdossier.interchange.spec import AGENDA_ITEM, T
from raadsdossier.services import lists


LONG_HEADING = 90  # characters: a longer title is set a size smaller


def translated(text: str) -> str:
    return QCoreApplication.translate("Reading", text)


# The colours of a vote's choices, as the vote chart of the form draws them (gui/vote_chart.py).
CHOICE_COLOURS = {"for": "#2e7d32", "against": "#c62828", "not_voting": "#9e9e9e"}
CHOICE_ORDER = {"for": 0, "against": 1, "not_voting": 2}
TRACKER_SCHEME = "moties-volgen"  # a link to the motion tracker filtered on a party: moties-volgen:<party name>
MUTED = "#808080"  # a grey that reads on a light and on a dark palette
# (background, text) of a notice: each sets both, so it reads whatever the palette.
NOTICES = {"warning": ("#fdecea", "#7f1d1d"), "caution": ("#fff4e5", "#5f3700"), "info": ("#e8f1fb", "#0d3c61")}
ACCENT = "#1565c0"  # the bar beside an answer
# A translucent grey (#AARRGGBB): lighter on a dark palette, darker on a light one. Set on a table: on a
# cell, Qt paints it once more behind each paragraph, which shows as stripes.
SHADE = "#24808080"
# Tables across the page are 99.9% wide: at 100% Qt rounds cells of percent widths to a page one pixel
# wider than the view at some widths, and the view grows a horizontal scroll bar.

# The field a kind's page is headed with, when it is not "title".
HEADING_FIELD = {"parties": "name", "people": "name", "costs": "description", "outcomes": "claim",
                 "attachments": "file_name", "unassigned_votes": "decision"}


def is_long(field) -> bool:
    """A field read as paragraphs under its own heading rather than as a line of the key facts
    (a meeting's `body` is its council or committee, a note's `body` its text)."""
    return field.key in LONG_TEXT and field.type == T.TEXT


def esc(text) -> str:
    return html.escape(str(text))


def paragraphs(text: str | None) -> str:
    """`text` as paragraphs: a blank line starts a new one, a single line break stays one."""
    if not text or not str(text).strip():
        return ""
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t\u00a0]*\n", str(text).replace("\r\n", "\n")) if b.strip()]
    return "".join(f"<p>{esc(block).replace(chr(10), '<br>')}</p>" for block in blocks)


def missing() -> str:
    """In place of a link to an item that is not (or no longer) in the dossier."""
    text = translated("(niet gevonden in dit dossier)")  # (lupdate reads no call inside an f-string)
    return f'<span style="color:{MUTED}">{esc(text)}</span>'


def notice(kind: str, body_html: str) -> str:
    """A coloured box across the page (a one-cell table: Qt's rich text draws no background on a <p> box)."""
    background, colour = NOTICES[kind]
    return (f'<table width="99.9%" border="0" cellspacing="0" cellpadding="8" bgcolor="{background}" '
            f'style="margin-top:6px; margin-bottom:6px"><tr><td style="color:{colour}">{body_html}</td></tr></table>')


def number(value: int) -> str:
    return QLocale().toString(int(value))


def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


TITLE_LENGTH = 100  # a description standing in for a title is shortened to about this (`short_title`)


def short_title(text: str, limit: int = TITLE_LENGTH, sentences: bool = True) -> str:
    """A description made into a title: its first sentence when that fits in `limit` characters, else its words up to
    `limit` and "…". What is shortened this way is shown whole below the heading (the read view's "Omschrijving").
    `sentences` False: a title that is one already (whose part before a colon may not say what it is about) is
    only cut at a word."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    ends = [match.end() for match in re.finditer(r"[.?!;:](?=\s)", text) if 20 <= match.end() <= limit]
    if ends and sentences:
        return text[:ends[0]].rstrip(".;:") if text[ends[0] - 1] in ";:" else text[:ends[0]]
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:–-") + "…"


def item_title(key: str, data: dict) -> str:
    """How an item is named in a heading or a link: a motion or question set with its reference; an item named by
    its description (a cost) by its first sentence."""
    if key == "partnership":
        return f"{data.get('dutch_side') or ''} – {data.get('partner_name') or ''}".strip(" –")
    if key in ("motions", "question_sets") and data.get("reference"):
        return f"{data['reference']} {data.get('title') or ''}".strip()
    for name in (HEADING_FIELD.get(key, "title"), "title", "name", "claim", "file_name", "decision",
                 "agenda_item", "description"):
        if data.get(name):
            return short_title(data[name]) if name == "description" else str(data[name])
    return kind_label(data.get("_computed", {}).get("kind", "")) if key else ""


class Page:
    """The reading of one item: looks up what it refers to (cached for the page) and writes HTML."""

    def __init__(self, dossier, key: str, data: dict) -> None:
        self.dossier = dossier
        self.key = key
        self.data = data
        try:
            self.spec = lists.spec_of(key)
        except NotFound:
            self.spec = None
        self._refs: dict[str, tuple[str, dict] | None] = {}
        self._names: dict[str, dict[str, str]] = {}

    # -- lookups ---------------------------------------------------------------

    def ref(self, item_id: str) -> tuple[str, dict] | None:
        if item_id not in self._refs:
            try:
                self._refs[item_id] = lists.get(self.dossier, item_id)
            except NotFound:
                self._refs[item_id] = None
        return self._refs[item_id]

    def names(self, kind: str) -> dict[str, str]:
        """id -> name of every item of `kind` (parties, people: a vote's rows; attachments)."""
        if kind not in self._names:
            self._names[kind] = dict(lists.choices(self.dossier, kind))
        return self._names[kind]

    def link(self, item_id: str | None, kind: str | None = None) -> str:
        """A link to another item of the dossier (of `kind`, when known), named by its title."""
        if not item_id:
            return ""
        if kind == "attachment":  # by its name alone: reading the item would read (and encode) the whole file
            name = self.names("attachment").get(item_id)
            if name is not None:
                return f'<a href="item:{esc(item_id)}">{esc(name)}</a>'
        found = self.ref(item_id)
        if found is None:
            return missing()
        key, data = found
        return f'<a href="item:{esc(item_id)}">{esc(item_title(key, data))}</a>' + self.risk_tag(key, data)

    def risk_tag(self, key: str, data: dict) -> str:
        if key == "people" and data.get("sensitive"):
            text = translated("loopt risico")
            return f' <span style="color:{CHOICE_COLOURS["against"]}"><b>({esc(text)})</b></span>'
        return ""

    def agenda_item(self, meeting_id: str | None, agenda_item_id: str | None) -> str:
        """An agenda item named by number and title, linked to its meeting."""
        found = self.ref(meeting_id) if meeting_id else None
        if found:
            for entry in found[1].get("agenda_items", []):
                if entry.get("id") == agenda_item_id:
                    text = f"{entry.get('number') or ''} {entry.get('title') or ''}".strip()
                    return f'<a href="item:{esc(meeting_id)}">{esc(text)}</a>'
        return missing()

    def actors(self, role_key: str) -> str:
        """The people, parties and plain names in a role (submitters, organisers, …), people and parties linked."""
        entries = self.data.get(role_key) or []
        shown = (self.data.get("_actors") or {}).get(role_key) or []
        out = []
        for index, entry in enumerate(entries):
            ref = entry.get("person") or entry.get("party")
            if ref:
                found = self.ref(ref)
                name = shown[index] if index < len(shown) and shown[index] else (
                    item_title(found[0], found[1]) if found else "")
                tag = self.risk_tag(*found) if found else ""
                name = name or translated("onbekend")
                out.append(f'<a href="item:{esc(ref)}">{esc(name)}</a>{tag}')
            elif entry.get("name"):
                out.append(esc(entry["name"]))
        if not entries:  # only names, as some readers hand them over
            out = [esc(name) for name in shown if name]
        return ", ".join(out)

    # -- values ----------------------------------------------------------------

    def value(self, field) -> str:
        """The HTML of one field's value; "" when it is empty."""
        value = self.data.get(field.key)
        if is_empty(value):
            return self.date_by_source() if field.key == "date" else ""
        if field.type == T.REF:
            if field.ref_kind == AGENDA_ITEM:
                return self.agenda_item(self.data.get("meeting_id"), value)
            return self.link(value, field.ref_kind)
        if field.type in (T.DATE, T.PARTIAL_DATE):
            return esc(format_date(value))
        if field.type == T.ENUM:
            return esc(label(value))
        if field.type == T.MONEY:
            return esc(format_money(value))
        if field.type == T.INT:
            return esc(number(value))
        if field.type == T.BOOL:
            return esc(translated("ja") if value else translated("nee"))
        if field.type == T.TEXT_LIST:
            return esc(", ".join(str(v) for v in value if v))
        if field.key == "url":
            return external_link(value)
        return esc(value).replace("\n", "<br>")

    def date_by_source(self) -> str:
        """For an item without a date of its own that the timeline places by its sources (services/lists.py
        _placed_at: the earliest date among the sources it cites), where it reads there: "onbekend (bron: januari
        2022)"; "" when none of its sources has a date either."""
        if self.key == "sources" or self.key not in lists.TIMELINE_KEYS:
            return ""
        dates = [found[1].get("date") for found in map(self.ref, self.data.get("source_ids") or []) if found]
        dates = sorted(date for date in dates if date)
        return esc(translated("onbekend (bron: %1)").replace("%1", format_date(dates[0]))) if dates else ""

    def field(self, key: str):
        return next((f for f in self.spec.fields if f.key == key), None) if self.spec else None

    def fact(self, key: str, caption: str | None = None) -> tuple[str, str]:
        found = self.field(key)
        return (caption or field_label(key), self.value(found) if found else "")

    # -- building blocks -------------------------------------------------------

    def heading(self, title: str) -> str:
        kind = self.data.get("_computed", {}).get("kind") or (self.spec.kind if self.spec else "")
        caption = kind_label(kind) if kind else ""
        caption = caption[:1].upper() + caption[1:]
        tag = "h1" if len(title) <= LONG_HEADING else "h2"  # a sentence-long title (a cost) reads as a sentence
        return (f'<p style="color:{MUTED}; margin-bottom:0">{esc(caption)}</p>'
                f'<{tag} style="margin-top:2px">{esc(title)}</{tag}>')

    def confidentiality(self) -> str:
        level = self.data.get("confidentiality")
        if not level or level == "public":
            return ""
        text = esc(translated("Niet openbaar: %1")).replace("%1", "<b>" + esc(label(level)) + "</b>")
        return notice("caution", text)

    def long_texts(self, keys) -> str:
        out = []
        for key in keys:
            body = paragraphs(self.data.get(key))
            if body:  # field_label("body") is a meeting's body (Orgaan); a note's body is its text
                out.append(section(field_label("body_text" if key == "body" else key), body))
        return "".join(out)

    def generic_facts(self, skip=()) -> list[tuple[str, str]]:
        """Every short field of the kind, then its actors; long texts and `skip` left out."""
        rows = []
        for spec_field in self.spec.fields if self.spec else ():
            if is_long(spec_field) or spec_field.key in skip or spec_field.type == T.BOOL:
                continue
            rows.append((field_label(spec_field.key), self.value(spec_field)))
        for role_key, _role in self.spec.actors if self.spec else ():
            rows.append((field_label(role_key), self.actors(role_key)))
        return rows

    def sources(self) -> str:
        """The item's sources, numbered: title (linked), publisher, date, document number, URL."""
        rows = []
        for index, source_id in enumerate(self.data.get("source_ids") or [], start=1):
            found = self.ref(source_id)
            if found is None:
                parts = [missing()]
            else:
                source = found[1]
                parts = [f'<a href="item:{esc(source_id)}">{esc(source.get("title") or "")}</a>']
                parts += [esc(text) for text in (source.get("publisher"), format_date(source.get("date")),
                                                 source.get("document_number")) if text]
                if source.get("url"):
                    parts.append(external_link(source["url"]))
            rows.append(f'<tr><td align="right" valign="top" style="padding-right:6px">{index}.</td>'
                        f'<td valign="top">{", ".join(parts)}</td></tr>')
        if not rows:
            return ""
        return section(translated("Bronnen"), '<table border="0" cellspacing="0" cellpadding="2">' + "".join(rows) + "</table>")


def external_link(url: str) -> str:
    text = esc(url)
    if re.match(r"^(https?|mailto|ftp):", str(url), re.IGNORECASE):
        return f'<a href="{html.escape(str(url), quote=True)}">{text}</a>'
    return text


def section(title: str, body_html: str) -> str:
    return f'<h2 style="margin-top:18px">{esc(title)}</h2>{body_html}' if body_html else ""


def facts(rows: list[tuple[str, str]]) -> str:
    """Label and value, one row each; rows without a value are left out."""
    shown = [(caption, value) for caption, value in rows if value]
    if not shown:
        return ""
    body = "".join(f'<tr><td valign="top" width="30%" style="color:{MUTED}; padding-right:10px">{esc(caption)}</td>'
                   f'<td valign="top">{value}</td></tr>' for caption, value in shown)
    return f'<table width="99.9%" border="0" cellspacing="0" cellpadding="3">{body}</table>'
