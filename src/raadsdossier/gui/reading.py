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

from urllib.parse import quote

from raadsdossier.gui.i18n import field_label, format_date, format_money, format_size, kind_label, label
from raadsdossier.gui.reading_page import (
    ACCENT, CHOICE_COLOURS, CHOICE_ORDER, HEADING_FIELD, MUTED, NOTICES, SHADE, TRACKER_SCHEME, Page, esc, facts, is_empty,
    is_long, item_title, notice, number, paragraphs, section, translated,
)
from raadsdossier.gui.sections.motions import changed_parties
from raadsdossier.services import lists


# -- votes ---------------------------------------------------------------------

def _bar(colour: str, percent: float) -> str:
    """A horizontal bar `percent` wide of its cell: a nested one-cell table."""
    # Qt gives a nested table the whole cell whatever its width says; two cells of a table across the
    # cell do share it by their widths.
    width = min(100, max(1, round(percent)))
    rest = "<td></td>" if width < 100 else ""
    return (f'<table width="99.9%" border="0" cellspacing="0" cellpadding="0">'
            f'<tr><td width="{width}%" bgcolor="{colour}" style="font-size:7pt">&nbsp;</td>{rest}</tr></table>')


def _choice_rows(page: Page, vote: dict) -> str:
    """One row per party or member: name, choice, seats and a bar as long as the seats, coloured by choice."""
    by_member = vote.get("kind") == "roll_call"
    parties, people = page.names("party"), page.names("person")
    rows = []
    for choice in vote.get("choices") or []:
        ref = choice.get("party") or choice.get("person")
        name = (parties if choice.get("party") else people).get(ref) or translated("onbekend")
        seats = choice.get("seats")
        weight = seats if seats is not None else (1 if choice.get("person") else 0)
        rows.append((CHOICE_ORDER.get(choice.get("choice"), 3), -weight, name, ref, choice.get("choice"), seats, weight))
    rows.sort(key=lambda r: r[:3])
    largest = max((r[6] for r in rows), default=0)
    who = translated("Lid") if by_member else translated("Fractie")
    choice_caption, seats_caption = translated("Keuze"), "" if by_member else translated("Zetels")
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


def vote_html(page: Page, number_: int | None, vote: dict, computed: dict | None) -> str:
    """One vote: heading, date and kind, note, the rows per party or member, the computed and recorded results."""
    out = []
    if number_ is not None:
        title = translated("Stemming %1").replace("%1", str(number_))
        when = format_date(vote.get("date"))
        out.append(f'<h3 style="margin-top:16px">{esc(title)}'
                   + (f' <span style="color:{MUTED}; font-weight:normal">· {esc(when)}</span>' if when else "")
                   + "</h3>")
    choices = vote.get("choices") or []
    tally = (computed or {}).get("tally")
    recorded = vote.get("result")
    if not choices:  # only a recorded result: that first, then what the source says about it
        out.append("<p>" + (esc(translated("Uitslag (vastgelegd): %1")).replace("%1", "<b>" + esc(label(recorded)) + "</b>")
                            if recorded else esc(translated("Nog geen uitslag bekend."))) + "</p>")
        out.append(paragraphs(vote.get("note")))
        return "".join(out)
    if vote.get("kind"):
        out.append(f'<p style="color:{MUTED}">{esc(field_label("kind"))}: {esc(label(vote["kind"]))}</p>')
    out.append(paragraphs(vote.get("note")))
    out.append(_choice_rows(page, vote))
    if tally:
        for_, against, not_voting = tally
        result = (computed or {}).get("computed")
        line = (esc(translated("Berekende uitslag: %1 (%2 voor, %3 tegen)")).replace("%1", "<b>" + esc(label(result)) + "</b>")
                .replace("%2", number(for_)).replace("%3", number(against)))
        if not_voting:
            line += " · " + esc(translated("niet gestemd: %1").replace("%1", number(not_voting)))
        out.append(_tally_bar(tally))
        out.append(f"<p>{line}</p>")
        if recorded:
            out.append("<p>" + esc(translated("Vastgelegde uitslag: %1")).replace("%1", "<b>" + esc(label(recorded)) + "</b>")
                       + "</p>")
            if result and recorded != result:
                out.append(notice("warning", "<b>" + esc(translated("Let op:")) + "</b> " + esc(
                    translated("de vastgelegde uitslag (%1) klopt niet met de stemmen, die %2 geven.")
                    .replace("%1", label(recorded)).replace("%2", label(result)))))
    else:
        if computed is not None:  # counted by the core, and nothing to count
            out.append(f'<p style="color:{MUTED}">'
                       + esc(translated("Zonder zetels per fractie kan de uitslag niet worden berekend.")) + "</p>")
        if recorded:
            out.append("<p>" + esc(translated("Uitslag (vastgelegd): %1")).replace("%1", "<b>" + esc(label(recorded)) + "</b>")
                       + "</p>")
    return "".join(out)


# -- the kinds -----------------------------------------------------------------

def _motion(page: Page) -> str:
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
    out.append(follow_up_html(page))
    votes = data.get("votes") or []
    if votes:
        all_computed = computed.get("votes_computed") or []
        body = [vote_html(page, index, vote, all_computed[index - 1] if index <= len(all_computed) else None)
                for index, vote in enumerate(votes, start=1)]
        changes = changed_parties(votes, page.names("party"))
        if changes:
            body.append('<p style="margin-top:14px"><b>' + esc(translated("Van standpunt veranderd tussen stemmingen:"))
                        + "</b><br>" + "<br>".join(esc(line) for line in changes) + "</p>")
        out.append(section(field_label("votes"), "".join(body)))
    return "".join(out)


def _question_set(page: Page) -> str:
    data = page.data
    computed = data.get("_computed") or {}
    out = [page.heading(item_title("question_sets", data))]
    days = computed.get("days_to_answer")
    out.append(facts([
        page.fact("kind"), (field_label("submitters"), page.actors("submitters")),
        (field_label("addressees"), page.actors("addressees")),
        page.fact("submitted_on"), page.fact("answered_on"),
        (field_label("days_to_answer"), esc(translated("%1 dagen").replace("%1", number(days))) if days is not None else ""),
        page.fact("answer_deadline_days"),
        (field_label("deadline"), esc(format_date(computed.get("deadline")))),
        page.fact("meeting_id"), page.fact("agenda_item_id"),
    ]))
    if computed.get("overdue"):
        out.append(notice("warning", "<b>" + esc(translated("Over de termijn en nog niet beantwoord.")) + "</b>"))
    elif computed.get("answered_late"):
        out.append(notice("caution", "<b>" + esc(translated("Te laat beantwoord: na de termijn.")) + "</b>"))
    if data.get("postponement_notice_on") or data.get("postponement_note"):
        when = format_date(data.get("postponement_notice_on"))
        title = translated("Uitstelbericht van %1").replace("%1", when) if when else translated("Uitstelbericht")
        out.append(notice("info", "<b>" + esc(title) + "</b>" + paragraphs(data.get("postponement_note"))))
    questions = data.get("questions") or []
    if questions:
        body = []
        for question in questions:
            n = str(question.get("number", ""))
            body.append('<p style="margin-top:16px; margin-bottom:2px"><b>'
                        + esc(translated("Vraag %1").replace("%1", n)) + "</b></p>" + paragraphs(question.get("question")))
            if question.get("answer"):
                answer = paragraphs(question["answer"])
            elif question.get("answered_with"):
                answer = "<p>" + esc(translated("Zie het antwoord op vraag %1.").replace("%1", str(question["answered_with"]))) + "</p>"
            else:
                answer = f'<p style="color:{MUTED}">' + esc(translated("Nog niet beantwoord.")) + "</p>"
            body.append(f'<table width="99.9%" border="0" cellspacing="0" cellpadding="6" bgcolor="{SHADE}" '
                        'style="margin-left:24px">'
                        f'<tr><td width="3" bgcolor="{ACCENT}"></td><td>'
                        '<p style="margin-top:0; margin-bottom:2px"><b>' + esc(translated("Antwoord %1").replace("%1", n))
                        + "</b></p>" + answer + "</td></tr></table>")
        out.append(section(translated("Vragen en antwoorden"), "".join(body)))
    return "".join(out)


def _college_note(page: Page) -> str:
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


def _demonstration(page: Page) -> str:
    data = page.data
    size = data.get("estimated_size")
    out = [page.heading(item_title("demonstrations", data))]
    out.append(facts([
        page.fact("date"), page.fact("place"), (field_label("organisers"), page.actors("organisers")),
        (field_label("estimated_size"), esc(translated("ongeveer %1 mensen").replace("%1", number(size))) if size else ""),
        page.fact("motion_id", translated("Over motie")), page.fact("meeting_id", translated("Bij vergadering")),
    ]))
    out.append(page.long_texts(("demands", "description")))
    return "".join(out)


def _commitment(page: Page) -> str:
    data = page.data
    out = [page.heading(item_title("commitments", data))]
    out.append(facts([
        (field_label("promised_by"), page.actors("promised_by")), page.fact("promised_on"), page.fact("meeting_id"),
        page.fact("agenda_item_id"), page.fact("deadline"), page.fact("status"), page.fact("fulfilled_by_id"),
    ]))
    if (data.get("_computed") or {}).get("overdue"):
        out.append(notice("warning", "<b>" + esc(translated("Over de uiterste datum en nog niet nagekomen.")) + "</b>"))
    out.append(page.long_texts(("description",)))
    out.append(follow_up_html(page))
    return "".join(out)


def follow_up_html(page: Page) -> str:
    """What became of an adopted motion or a commitment: its state, its deadline (a notice when past it), and
    each dated entry with its evidence linked."""
    follow_up = page.data.get("follow_up")
    if not follow_up:
        return ""
    state = follow_up.get("state")
    rows = [(translated("Stand"), esc(label(state)) if state and state != "unknown" else ""),
            (translated("Uiterlijk"), esc(format_date(follow_up.get("deadline"))))]
    out = [facts(rows)]
    if (page.data.get("_computed") or {}).get("follow_up_overdue"):
        out.append(notice("warning", "<b>" + esc(translated("De uitvoering is over de uiterste datum.")) + "</b>"))
    for entry in follow_up.get("entries") or []:
        when = format_date(entry.get("date"))
        evidence = ", ".join(page.link(item_id) for item_id in entry.get("evidence_ids") or [])
        text = esc(entry.get("text") or "").replace(chr(10), "<br>")
        out.append(f'<p>{"<b>" + esc(when) + "</b>" + (" — " if text else "") if when else ""}{text}'
                   + (f'<br><span style="color:{MUTED}">{esc(translated("Bewijs"))}: {evidence}</span>' if evidence else "")
                   + "</p>")
    return section(translated("Wat ervan terechtkwam"), "".join(out))


def _meeting(page: Page) -> str:
    data = page.data
    out = [page.heading(item_title("meetings", data)), facts(page.generic_facts(skip=("title",)))]
    entries = data.get("agenda_items") or []
    if entries:
        rows = "".join(f'<tr><td valign="top" width="10%"><b>{esc(e.get("number") or "")}</b></td>'
                       f'<td valign="top">{esc(e.get("title") or "")}</td>'
                       f'<td valign="top" width="20%" style="color:{MUTED}">{esc(label(e.get("kind")))}</td></tr>'
                       for e in entries)
        out.append(section(translated("Agendapunten"),
                           f'<table width="99.9%" border="0" cellspacing="0" cellpadding="3">{rows}</table>'))
    return "".join(out)


def _partnership(page: Page) -> str:
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
        out.append(section(translated("Statusgeschiedenis"),
                           '<table border="0" cellspacing="0" cellpadding="3">' + "".join(rows) + "</table>"))
    return "".join(out)


def _person(page: Page) -> str:
    data = page.data
    out = [page.heading(item_title("people", data))]
    if data.get("sensitive"):
        out.append(notice("warning", "<b>" + esc(translated("Deze persoon loopt risico.")) + "</b> "
                          + esc(translated("Noem de naam nooit zonder toestemming, ook niet in een vergaderstuk."))))
    out.append(facts(page.generic_facts(skip=("name",))))
    out.append(page.long_texts(("description",)))
    return "".join(out)


def _attachment(page: Page) -> str:
    data = page.data
    size = data.get("size")
    out = [page.heading(item_title("attachments", data))]
    out.append(facts([page.fact("media_type"), (field_label("size"), esc(format_size(size)) if size is not None else "")]))
    text = paragraphs(data.get("extracted_text"))
    out.append(section(field_label("extracted_text"), text or (
        f'<p style="color:{MUTED}">' + esc(translated("Uit dit bestand is geen tekst gehaald.")) + "</p>")))
    return "".join(out)


def _cost(page: Page) -> str:
    data = page.data
    amount = format_money(data["amount_eur"]) if not is_empty(data.get("amount_eur")) else ""
    if not is_empty(data.get("amount_max_eur")):
        amount = translated("%1 tot %2").replace("%1", amount).replace("%2", format_money(data["amount_max_eur"]))
    title = item_title("costs", data)
    out = [page.heading(title)]
    out.append(facts([(translated("Bedrag"), esc(amount)), page.fact("basis"), page.fact("category"),
                      page.fact("date"), page.fact("end_date")]))
    if " ".join(str(data.get("description") or "").split()) != title:  # the heading has its first sentence
        out.append(page.long_texts(("description",)))
    return "".join(out)


def _unassigned_vote(page: Page) -> str:
    data = page.data
    out = [page.heading(item_title("unassigned_votes", data))]
    rows = page.generic_facts(skip=("decision", "kind", "result", "note", "assigned_to"))
    candidates = [page.link(m) for m in data.get("candidate_motions") or []]
    rows.append((translated("Mogelijke moties"), "<br>".join(candidates)))
    rows.append((translated("Toegewezen aan motie"), page.link(data.get("assigned_to"))))
    out.append(facts(rows))
    if not data.get("assigned_to"):
        unassigned = translated("De bron koppelt deze stemming niet aan één motie. Wijs haar toe aan de motie waarover is gestemd.")
        out.append(notice("info", esc(unassigned)))
    vote = {"kind": data.get("kind"), "result": data.get("result"), "note": data.get("note"),
            "choices": data.get("choices") or []}
    out.append(section(translated("Stemming"), vote_html(page, None, vote, None)))
    return "".join(out)


def _assessment(page: Page) -> str:
    """A checklist assessment, as services.lists.checklist_state gives one in an item's history."""
    data = page.data
    title = data.get("title") or data.get("id") or ""
    caption = translated("Beoordeling (Amnesty-checklist)")
    out = [f'<p style="color:{MUTED}; margin-bottom:0">{esc(caption)}</p>'
           f'<h1 style="margin-top:2px">{esc(title)}</h1>']
    evidence = "<br>".join(page.link(i) for i in data.get("evidence_ids") or [])
    out.append(facts([(field_label("status"), esc(label(data.get("status"))) if data.get("status") else ""),
                      (translated("Beoordeeld op"), esc(format_date(data.get("assessed_on")))),
                      (translated("Bewijs"), evidence)]))
    out.append(section(translated("Toelichting"), paragraphs(data.get("note"))))
    return "".join(out)


def _generic(page: Page) -> str:
    heading_key = HEADING_FIELD.get(page.key, "title")
    out = [page.heading(item_title(page.key, page.data)), facts(page.generic_facts(skip=(heading_key,)))]
    long_keys = [f.key for f in page.spec.fields if is_long(f) and f.key != heading_key] if page.spec else []
    out.append(page.long_texts(long_keys))
    return "".join(out)


CITING_SHOWN = 25  # items listed under a source's "Gebruikt als bron bij"; the rest are counted


def _source(page: Page) -> str:
    """A source's facts, then where the dossier uses it: the items that cite it, as links."""
    out = [_generic(page)]
    used = lists.citing(page.dossier, page.data["id"], limit=CITING_SHOWN)
    if used.total:
        links = []
        for item_id in used.ids:  # each with its kind, as the Overzicht's timeline names its entries
            found = page.ref(item_id)
            kind = kind_label(found[1].get("_computed", {}).get("kind", "")) if found else ""
            links.append(f"<li>{page.link(item_id)}" + (f' <span style="color:{MUTED}">({esc(kind)})</span>' if kind
                                                         else "") + "</li>")
        if used.total > len(used.ids):
            links.append(f'<li style="color:{MUTED}">'
                         + esc(translated("en nog %1").replace("%1", number(used.total - len(used.ids)))) + "</li>")
        body = "<ul>" + "".join(links) + "</ul>"
    else:
        body = f'<p style="color:{MUTED}">' + esc(translated("Nog geen item in dit dossier noemt deze bron.")) + "</p>"
    out.append(section(translated("Gebruikt als bron bij"), body))
    return "".join(out)


def _party(page: Page) -> str:
    """A party's facts, then where its record is: the motion tracker, filtered on it (one link). The tracker reads
    the record off the window's thread, however many motions and votes the dossiers hold; read here, for a page,
    it took a large dossier's window more than a second (bench/run.py, the 100,000-item dossier)."""
    out = [_generic(page)]
    name = (page.data.get("name") or "").strip()
    if name:
        href = f"{TRACKER_SCHEME}:{quote(name, safe='')}"
        text = translated("Moties volgen toont welke moties %1 in de geopende dossiers indiende of mede-indiende en "
                          "hoe zij bij elke stemming stemde: ").replace("%1", name)
        out.append(section(translated("Moties en stemgedrag"),
                           f'<p>{esc(text)}<a href="{href}">'
                           + esc(translated("de moties van %1 tonen").replace("%1", name)) + "</a></p>"))
    return "".join(out)


RENDERERS = {
    "partnership": _partnership, "people": _person, "meetings": _meeting, "motions": _motion,
    "commitments": _commitment, "question_sets": _question_set, "college_notes": _college_note,
    "demonstrations": _demonstration, "costs": _cost, "attachments": _attachment,
    "unassigned_votes": _unassigned_vote, "checklist": _assessment, "sources": _source, "parties": _party,
}


def item_html(dossier, key: str, data: dict) -> str:
    """A whole HTML page (for QTextBrowser, Qt's rich-text subset) reading item `data` of collection `key`
    ("motions", "question_sets", ...), as returned by raadsdossier.services.lists.get(dossier, item_id)[1].

    Also takes key "checklist" with one assessment of services.lists.checklist_state's history. Looks up
    the titles of the items `data` refers to through services.lists (a few reads of `dossier`); call it
    on the GUI thread, like every translated string. Links to items are `item:ID`."""
    page = Page(dossier, key, data)
    body = RENDERERS.get(key, _generic)(page)
    return ('<html><head><meta charset="utf-8"></head><body>'
            + page.confidentiality() + national(key, data) + body + page.sources() + "</body></html>")


# Kinds of the national parliament (Tweede Kamer): context for a council, never the council's own.
NATIONAL_KINDS = {("question_sets", "parliamentary_questions"), ("sources", "parliamentary_document")}


def national(key: str, data: dict) -> str:
    """A notice on national items (Kamervragen, Kamerstukken) that they are the national context."""
    if (key, data.get("kind")) not in NATIONAL_KINDS:
        return ""
    return notice("info", esc(translated("Landelijke context: dit komt uit de Tweede Kamer, niet uit de eigen raad.")))
