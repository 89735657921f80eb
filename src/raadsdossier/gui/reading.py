"""The read view: one item of a dossier as a typeset HTML page, for a QTextBrowser shown before its form.

Councillors read to prepare a debate: a motion with its considerations, dictum and every vote as a
chart per party, a question set as a numbered conversation, a college note with the college's
position set apart. Everything is written in Qt's rich-text subset (tables, td bgcolor/width, spans;
no flexbox) and leaves the page's background and text colours to the palette: only bars and notices
carry their own colours, and a notice sets both its background and its text.

Results, tallies and deadlines are the core's (data["_computed"]); this module only lays them out.
Links to other items of the dossier are `item:ID` (the host opens them); external URLs are plain links.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, QLocale

from raadsdossier.domain.errors import NotFound
from raadsdossier.gui.forms import LONG_TEXT
from raadsdossier.gui.i18n import field_label, format_date, format_size, is_english, kind_label, label
from raadsdossier.gui.sections.motions import changed_parties
from raadsdossier.interchange.spec import AGENDA_ITEM, T
from raadsdossier.services import lists


LONG_HEADING = 90  # characters: a longer title is set a size smaller


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reading", text)


# The colours of a vote's choices, as the vote chart of the form draws them (gui/vote_chart.py).
CHOICE_COLOURS = {"for": "#2e7d32", "against": "#c62828", "not_voting": "#9e9e9e"}
CHOICE_ORDER = {"for": 0, "against": 1, "not_voting": 2}
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
    text = _tr("(niet gevonden in dit dossier)")  # (lupdate reads no call inside an f-string)
    return f'<span style="color:{MUTED}">{esc(text)}</span>'


def notice(kind: str, body_html: str) -> str:
    """A coloured box across the page (a one-cell table: Qt's rich text draws no background on a <p> box)."""
    background, colour = NOTICES[kind]
    return (f'<table width="99.9%" border="0" cellspacing="0" cellpadding="8" bgcolor="{background}" '
            f'style="margin-top:6px; margin-bottom:6px"><tr><td style="color:{colour}">{body_html}</td></tr></table>')


def money(value) -> str:
    """"€ 12.500", "€ 12.500,50" (in English "€12,500.50")."""
    amount = float(value)
    whole = amount == int(amount)
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    if is_english():
        return f"€{text}"
    return "€ " + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def number(value: int) -> str:
    return QLocale().toString(int(value))


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def item_title(key: str, data: dict) -> str:
    """How an item is named in a heading or a link: a motion or question set with its reference."""
    if key == "partnership":
        return f"{data.get('dutch_side') or ''} – {data.get('partner_name') or ''}".strip(" –")
    if key in ("motions", "question_sets") and data.get("reference"):
        return f"{data['reference']} {data.get('title') or ''}".strip()
    for name in (HEADING_FIELD.get(key, "title"), "title", "name", "claim", "file_name", "decision",
                 "agenda_item", "description"):
        if data.get(name):
            return str(data[name])
    return kind_label(data.get("_computed", {}).get("kind", "")) if key else ""


class _Page:
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
            text = _tr("loopt risico")
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
                name = name or _tr("onbekend")
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
        if _empty(value):
            return ""
        if field.type == T.REF:
            if field.ref_kind == AGENDA_ITEM:
                return self.agenda_item(self.data.get("meeting_id"), value)
            return self.link(value, field.ref_kind)
        if field.type in (T.DATE, T.PARTIAL_DATE):
            return esc(format_date(value))
        if field.type == T.ENUM:
            return esc(label(value))
        if field.type == T.MONEY:
            return esc(money(value))
        if field.type == T.INT:
            return esc(number(value))
        if field.type == T.BOOL:
            return esc(_tr("ja") if value else _tr("nee"))
        if field.type == T.TEXT_LIST:
            return esc(", ".join(str(v) for v in value if v))
        if field.key == "url":
            return external_link(value)
        return esc(value).replace("\n", "<br>")

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
        text = esc(_tr("Niet openbaar: %1")).replace("%1", "<b>" + esc(label(level)) + "</b>")
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
        return section(_tr("Bronnen"), '<table border="0" cellspacing="0" cellpadding="2">' + "".join(rows) + "</table>")


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


# -- votes ---------------------------------------------------------------------

def _bar(colour: str, percent: float) -> str:
    """A horizontal bar `percent` wide of its cell: a nested one-cell table."""
    # Qt gives a nested table the whole cell whatever its width says; two cells of a table across the
    # cell do share it by their widths.
    width = min(100, max(1, round(percent)))
    rest = "<td></td>" if width < 100 else ""
    return (f'<table width="99.9%" border="0" cellspacing="0" cellpadding="0">'
            f'<tr><td width="{width}%" bgcolor="{colour}" style="font-size:7pt">&nbsp;</td>{rest}</tr></table>')


def _choice_rows(page: _Page, vote: dict) -> str:
    """One row per party or member: name, choice, seats and a bar as long as the seats, coloured by choice."""
    by_member = vote.get("kind") == "roll_call"
    parties, people = page.names("party"), page.names("person")
    rows = []
    for choice in vote.get("choices") or []:
        ref = choice.get("party") or choice.get("person")
        name = (parties if choice.get("party") else people).get(ref) or _tr("onbekend")
        seats = choice.get("seats")
        weight = seats if seats is not None else (1 if choice.get("person") else 0)
        rows.append((CHOICE_ORDER.get(choice.get("choice"), 3), -weight, name, ref, choice.get("choice"), seats, weight))
    rows.sort(key=lambda r: r[:3])
    largest = max((r[6] for r in rows), default=0)
    who = _tr("Lid") if by_member else _tr("Fractie")
    choice_caption, seats_caption = _tr("Keuze"), "" if by_member else _tr("Zetels")
    head = (f'<tr><td style="color:{MUTED}">{esc(who)}</td><td style="color:{MUTED}">{esc(choice_caption)}</td>'
            f'<td align="right" style="color:{MUTED}">{esc(seats_caption)}</td><td></td></tr>')
    body = []
    for _order, _neg, name, ref, choice, seats, weight in rows:
        colour = CHOICE_COLOURS.get(choice, MUTED)
        bar = _bar(colour, 100 * weight / largest) if largest and weight else ""
        seat_text = "" if by_member else (number(seats) if seats is not None else "—")
        who_html = f'<a href="item:{esc(ref)}">{esc(name)}</a>' if ref else esc(name)
        body.append(f'<tr><td valign="middle">{who_html}</td>'
                    f'<td valign="middle"><span style="color:{colour}">&#9632;</span> {esc(label(choice))}</td>'
                    f'<td valign="middle" align="right">{seat_text}</td>'
                    f'<td valign="middle" width="40%">{bar}</td></tr>')
    return ('<table width="99.9%" border="0" cellspacing="0" cellpadding="3" style="margin-top:4px">'
            + head + "".join(body) + "</table>")


def _tally_bar(tally: list[int]) -> str:
    """The whole vote as one bar: for, against and not voting side by side."""
    total = sum(tally)
    if total <= 0:
        return ""
    parts = [(choice, count) for choice, count in zip(("for", "against", "not_voting"), tally) if count > 0]
    cells = []
    for index, (choice, count) in enumerate(parts):
        percent = 100 * count / total
        # The last cell takes what is left: widths of whole percents round to a page a pixel too wide.
        width = "" if index == len(parts) - 1 else f' width="{max(1, int(percent))}%"'
        text = esc(f"{label(choice)} {number(count)}") if percent >= 15 else "&nbsp;"
        cells.append(f'<td{width} bgcolor="{CHOICE_COLOURS[choice]}" align="center" '
                     f'style="color:#ffffff; font-size:8pt">{text}</td>')
    return ('<table width="99.9%" border="0" cellspacing="0" cellpadding="2" style="margin-top:6px">'
            f'<tr>{"".join(cells)}</tr></table>')


def vote_html(page: _Page, number_: int | None, vote: dict, computed: dict | None) -> str:
    """One vote: heading, date and kind, note, the rows per party or member, the computed and recorded results."""
    out = []
    if number_ is not None:
        title = _tr("Stemming %1").replace("%1", str(number_))
        when = format_date(vote.get("date"))
        out.append(f'<h3 style="margin-top:16px">{esc(title)}'
                   + (f' <span style="color:{MUTED}; font-weight:normal">· {esc(when)}</span>' if when else "")
                   + "</h3>")
    choices = vote.get("choices") or []
    tally = (computed or {}).get("tally")
    recorded = vote.get("result")
    if not choices:  # only a recorded result: that first, then what the source says about it
        out.append("<p>" + (esc(_tr("Uitslag (vastgelegd): %1")).replace("%1", "<b>" + esc(label(recorded)) + "</b>")
                            if recorded else esc(_tr("Nog geen uitslag bekend."))) + "</p>")
        out.append(paragraphs(vote.get("note")))
        return "".join(out)
    if vote.get("kind"):
        out.append(f'<p style="color:{MUTED}">{esc(field_label("kind"))}: {esc(label(vote["kind"]))}</p>')
    out.append(paragraphs(vote.get("note")))
    out.append(_choice_rows(page, vote))
    if tally:
        for_, against, not_voting = tally
        result = (computed or {}).get("computed")
        line = (esc(_tr("Berekende uitslag: %1 (%2 voor, %3 tegen)")).replace("%1", "<b>" + esc(label(result)) + "</b>")
                .replace("%2", number(for_)).replace("%3", number(against)))
        if not_voting:
            line += " · " + esc(_tr("niet gestemd: %1").replace("%1", number(not_voting)))
        out.append(_tally_bar(tally))
        out.append(f"<p>{line}</p>")
        if recorded:
            out.append("<p>" + esc(_tr("Vastgelegde uitslag: %1")).replace("%1", "<b>" + esc(label(recorded)) + "</b>")
                       + "</p>")
            if result and recorded != result:
                out.append(notice("warning", "<b>" + esc(_tr("Let op:")) + "</b> " + esc(
                    _tr("de vastgelegde uitslag (%1) klopt niet met de stemmen, die %2 geven.")
                    .replace("%1", label(recorded)).replace("%2", label(result)))))
    else:
        if computed is not None:  # counted by the core, and nothing to count
            out.append(f'<p style="color:{MUTED}">'
                       + esc(_tr("Zonder zetels per fractie kan de uitslag niet worden berekend.")) + "</p>")
        if recorded:
            out.append("<p>" + esc(_tr("Uitslag (vastgelegd): %1")).replace("%1", "<b>" + esc(label(recorded)) + "</b>")
                       + "</p>")
    return "".join(out)


# -- the kinds -----------------------------------------------------------------

def _motion(page: _Page) -> str:
    data = page.data
    computed = data.get("_computed") or {}
    out = [page.heading(item_title("motions", data))]
    out.append(facts([
        page.fact("date"), page.fact("status"),
        (field_label("result"), esc(label(computed.get("result"))) if computed.get("result") else ""),
        page.fact("meeting_id"), page.fact("agenda_item_id"),
        (field_label("submitters"), page.actors("submitters")),
        (field_label("co_submitters"), page.actors("co_submitters")),
    ]))
    out.append(page.long_texts(("considerations", "operative_text", "pre_advice")))
    out.append(section(_tr("Wat ervan terechtkwam"), paragraphs(data.get("follow_up"))))
    votes = data.get("votes") or []
    if votes:
        all_computed = computed.get("votes_computed") or []
        body = [vote_html(page, index, vote, all_computed[index - 1] if index <= len(all_computed) else None)
                for index, vote in enumerate(votes, start=1)]
        changes = changed_parties(votes, page.names("party"))
        if changes:
            body.append('<p style="margin-top:14px"><b>' + esc(_tr("Van standpunt veranderd tussen stemmingen:"))
                        + "</b><br>" + "<br>".join(esc(line) for line in changes) + "</p>")
        out.append(section(field_label("votes"), "".join(body)))
    return "".join(out)


def _question_set(page: _Page) -> str:
    data = page.data
    computed = data.get("_computed") or {}
    out = [page.heading(item_title("question_sets", data))]
    days = computed.get("days_to_answer")
    out.append(facts([
        page.fact("kind"), (field_label("submitters"), page.actors("submitters")),
        (field_label("addressees"), page.actors("addressees")),
        page.fact("submitted_on"), page.fact("answered_on"),
        (field_label("days_to_answer"), esc(_tr("%1 dagen").replace("%1", number(days))) if days is not None else ""),
        page.fact("answer_deadline_days"),
        (field_label("deadline"), esc(format_date(computed.get("deadline")))),
        page.fact("meeting_id"), page.fact("agenda_item_id"),
    ]))
    if computed.get("overdue"):
        out.append(notice("warning", "<b>" + esc(_tr("Over de termijn en nog niet beantwoord.")) + "</b>"))
    elif computed.get("answered_late"):
        out.append(notice("caution", "<b>" + esc(_tr("Te laat beantwoord: na de termijn.")) + "</b>"))
    if data.get("postponement_notice_on") or data.get("postponement_note"):
        when = format_date(data.get("postponement_notice_on"))
        title = _tr("Uitstelbericht van %1").replace("%1", when) if when else _tr("Uitstelbericht")
        out.append(notice("info", "<b>" + esc(title) + "</b>" + paragraphs(data.get("postponement_note"))))
    questions = data.get("questions") or []
    if questions:
        body = []
        for question in questions:
            n = str(question.get("number", ""))
            body.append('<p style="margin-top:16px; margin-bottom:2px"><b>'
                        + esc(_tr("Vraag %1").replace("%1", n)) + "</b></p>" + paragraphs(question.get("question")))
            if question.get("answer"):
                answer = paragraphs(question["answer"])
            elif question.get("answered_with"):
                answer = "<p>" + esc(_tr("Zie het antwoord op vraag %1.").replace("%1", str(question["answered_with"]))) + "</p>"
            else:
                answer = f'<p style="color:{MUTED}">' + esc(_tr("Nog niet beantwoord.")) + "</p>"
            body.append(f'<table width="99.9%" border="0" cellspacing="0" cellpadding="6" bgcolor="{SHADE}" '
                        'style="margin-left:24px">'
                        f'<tr><td width="3" bgcolor="{ACCENT}"></td><td>'
                        '<p style="margin-top:0; margin-bottom:2px"><b>' + esc(_tr("Antwoord %1").replace("%1", n))
                        + "</b></p>" + answer + "</td></tr></table>")
        out.append(section(_tr("Vragen en antwoorden"), "".join(body)))
    return "".join(out)


def _college_note(page: _Page) -> str:
    data = page.data
    out = [page.heading(item_title("college_notes", data))]
    out.append(facts([page.fact("kind"), page.fact("date"), page.fact("status"), page.fact("attachment_id"),
                      page.fact("meeting_id"), page.fact("agenda_item_id")]))
    if data.get("stated_position"):
        background, colour = NOTICES["info"]
        out.append(f'<table width="99.9%" border="0" cellspacing="0" cellpadding="10" bgcolor="{background}" '
                   f'style="margin-top:12px"><tr><td style="color:{colour}">'
                   f'<h2 style="margin-top:0; color:{colour}">{esc(field_label("stated_position"))}</h2>'
                   + paragraphs(data["stated_position"]) + "</td></tr></table>")
    out.append(page.long_texts(("summary",)))
    return "".join(out)


def _demonstration(page: _Page) -> str:
    data = page.data
    size = data.get("estimated_size")
    out = [page.heading(item_title("demonstrations", data))]
    out.append(facts([
        page.fact("date"), page.fact("place"), (field_label("organisers"), page.actors("organisers")),
        (field_label("estimated_size"), esc(_tr("ongeveer %1 mensen").replace("%1", number(size))) if size else ""),
        page.fact("motion_id", _tr("Over motie")), page.fact("meeting_id", _tr("Bij vergadering")),
    ]))
    out.append(page.long_texts(("demands", "description")))
    return "".join(out)


def _commitment(page: _Page) -> str:
    data = page.data
    out = [page.heading(item_title("commitments", data))]
    out.append(facts([
        (field_label("promised_by"), page.actors("promised_by")), page.fact("promised_on"), page.fact("meeting_id"),
        page.fact("agenda_item_id"), page.fact("deadline"), page.fact("status"), page.fact("fulfilled_by_id"),
    ]))
    if (data.get("_computed") or {}).get("overdue"):
        out.append(notice("warning", "<b>" + esc(_tr("Over de uiterste datum en nog niet nagekomen.")) + "</b>"))
    out.append(page.long_texts(("description",)))
    return "".join(out)


def _meeting(page: _Page) -> str:
    data = page.data
    out = [page.heading(item_title("meetings", data)), facts(page.generic_facts(skip=("title",)))]
    entries = data.get("agenda_items") or []
    if entries:
        rows = "".join(f'<tr><td valign="top" width="10%"><b>{esc(e.get("number") or "")}</b></td>'
                       f'<td valign="top">{esc(e.get("title") or "")}</td>'
                       f'<td valign="top" width="20%" style="color:{MUTED}">{esc(label(e.get("kind")))}</td></tr>'
                       for e in entries)
        out.append(section(_tr("Agendapunten"),
                           f'<table width="99.9%" border="0" cellspacing="0" cellpadding="3">{rows}</table>'))
    return "".join(out)


def _partnership(page: _Page) -> str:
    data = page.data
    title = item_title("partnership", data)
    if data.get("partner_native_name"):
        title += f" ({data['partner_native_name']})"
    out = [page.heading(title), facts(page.generic_facts(skip=("dutch_side", "partner_name", "partner_native_name")))]
    out.append(page.long_texts(("description",)))
    history = data.get("status_history") or []
    rows = []
    for change in history:
        when = change.get("period") or format_date(change.get("date"))
        what = label(change.get("status")) if change.get("status") else ""
        rows.append(f'<tr><td valign="top" style="padding-right:10px">{esc(when)}</td><td valign="top"><b>{esc(what)}</b>'
                    + (f" — {esc(change['note'])}" if change.get("note") else "") + "</td></tr>")
    if rows:
        out.append(section(_tr("Statusgeschiedenis"),
                           '<table border="0" cellspacing="0" cellpadding="3">' + "".join(rows) + "</table>"))
    return "".join(out)


def _person(page: _Page) -> str:
    data = page.data
    out = [page.heading(item_title("people", data))]
    if data.get("sensitive"):
        out.append(notice("warning", "<b>" + esc(_tr("Deze persoon loopt risico.")) + "</b> "
                          + esc(_tr("Noem de naam nooit zonder toestemming, ook niet in een vergaderstuk."))))
    out.append(facts(page.generic_facts(skip=("name",))))
    out.append(page.long_texts(("description",)))
    return "".join(out)


def _attachment(page: _Page) -> str:
    data = page.data
    size = data.get("size")
    out = [page.heading(item_title("attachments", data))]
    out.append(facts([page.fact("media_type"), (field_label("size"), esc(format_size(size)) if size is not None else "")]))
    text = paragraphs(data.get("extracted_text"))
    out.append(section(field_label("extracted_text"), text or (
        f'<p style="color:{MUTED}">' + esc(_tr("Uit dit bestand is geen tekst gehaald.")) + "</p>")))
    return "".join(out)


def _cost(page: _Page) -> str:
    data = page.data
    amount = money(data["amount_eur"]) if not _empty(data.get("amount_eur")) else ""
    if not _empty(data.get("amount_max_eur")):
        amount = _tr("%1 tot %2").replace("%1", amount).replace("%2", money(data["amount_max_eur"]))
    out = [page.heading(item_title("costs", data))]
    out.append(facts([(_tr("Bedrag"), esc(amount)), page.fact("basis"), page.fact("category"),
                      page.fact("date"), page.fact("end_date")]))
    return "".join(out)


def _unassigned_vote(page: _Page) -> str:
    data = page.data
    out = [page.heading(item_title("unassigned_votes", data))]
    rows = page.generic_facts(skip=("decision", "kind", "result", "note", "assigned_to"))
    candidates = [page.link(m) for m in data.get("candidate_motions") or []]
    rows.append((_tr("Mogelijke moties"), "<br>".join(candidates)))
    rows.append((_tr("Toegewezen aan motie"), page.link(data.get("assigned_to"))))
    out.append(facts(rows))
    if not data.get("assigned_to"):
        unassigned = _tr("De bron koppelt deze stemming niet aan één motie. Wijs haar toe aan de motie waarover is gestemd.")
        out.append(notice("info", esc(unassigned)))
    vote = {"kind": data.get("kind"), "result": data.get("result"), "note": data.get("note"),
            "choices": data.get("choices") or []}
    out.append(section(_tr("Stemming"), vote_html(page, None, vote, None)))
    return "".join(out)


def _assessment(page: _Page) -> str:
    """A checklist assessment, as services.lists.checklist_state gives one in an item's history."""
    data = page.data
    title = data.get("title") or data.get("id") or ""
    caption = _tr("Beoordeling (Amnesty-checklist)")
    out = [f'<p style="color:{MUTED}; margin-bottom:0">{esc(caption)}</p>'
           f'<h1 style="margin-top:2px">{esc(title)}</h1>']
    evidence = "<br>".join(page.link(i) for i in data.get("evidence_ids") or [])
    out.append(facts([(field_label("status"), esc(label(data.get("status"))) if data.get("status") else ""),
                      (_tr("Beoordeeld op"), esc(format_date(data.get("assessed_on")))),
                      (_tr("Bewijs"), evidence)]))
    out.append(section(_tr("Toelichting"), paragraphs(data.get("note"))))
    return "".join(out)


def _generic(page: _Page) -> str:
    heading_key = HEADING_FIELD.get(page.key, "title")
    out = [page.heading(item_title(page.key, page.data)), facts(page.generic_facts(skip=(heading_key,)))]
    long_keys = [f.key for f in page.spec.fields if is_long(f) and f.key != heading_key] if page.spec else []
    out.append(page.long_texts(long_keys))
    return "".join(out)


RENDERERS = {
    "partnership": _partnership, "people": _person, "meetings": _meeting, "motions": _motion,
    "commitments": _commitment, "question_sets": _question_set, "college_notes": _college_note,
    "demonstrations": _demonstration, "costs": _cost, "attachments": _attachment,
    "unassigned_votes": _unassigned_vote, "checklist": _assessment,
}


def item_html(dossier, key: str, data: dict) -> str:
    """A whole HTML page (for QTextBrowser, Qt's rich-text subset) reading item `data` of collection `key`
    ("motions", "question_sets", ...), as returned by raadsdossier.services.lists.get(dossier, item_id)[1].

    Also takes key "checklist" with one assessment of services.lists.checklist_state's history. Looks up
    the titles of the items `data` refers to through services.lists (a few reads of `dossier`); call it
    on the GUI thread, like every translated string. Links to items are `item:ID`."""
    page = _Page(dossier, key, data)
    body = RENDERERS.get(key, _generic)(page)
    return ('<html><head><meta charset="utf-8"></head><body>'
            + page.confidentiality() + national(key, data) + body + page.sources() + "</body></html>")


# Kinds of the national parliament (Tweede Kamer): context for a council, never the council's own.
NATIONAL_KINDS = {("question_sets", "parliamentary_questions"), ("sources", "parliamentary_document")}


def national(key: str, data: dict) -> str:
    """A notice on national items (Kamervragen, Kamerstukken) that they are the national context."""
    if (key, data.get("kind")) not in NATIONAL_KINDS:
        return ""
    return notice("info", esc(_tr("Landelijke context: dit komt uit de Tweede Kamer, niet uit de eigen raad.")))
