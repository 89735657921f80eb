"""Dutch words for the model's enumerated values, as printed in packs (packs are Dutch; item kinds are named by
raadsdossier.domain.kinds)."""

from __future__ import annotations

from datetime import date

from raadsdossier.domain.dates import format_partial_nl

NL = {
    "public": "openbaar", "internal": "fractie-intern", "confidential": "vertrouwelijk",
    "municipality": "gemeente", "province": "provincie", "council": "raad", "committee": "commissie",
    "active": "actief", "dormant": "sluimerend", "suspended": "opgeschort", "ended": "beëindigd", "unknown": "onbekend",
    "submitted": "ingediend", "held": "aangehouden", "withdrawn": "ingetrokken", "adopted": "aangenomen",
    "rejected": "verworpen", "tied": "staken der stemmen",
    "for": "voor", "against": "tegen", "not_voting": "niet gestemd",
    "party": "per fractie", "roll_call": "hoofdelijk",
    "open": "open", "fulfilled": "nagekomen",
    "council_questions": "schriftelijke vragen", "parliamentary_questions": "Kamervragen",
    "note": "notitie", "information_letter": "raadsinformatiebrief", "letter": "brief", "decision": "besluit",
    "planned": "gepland", "published": "verschenen",
    "trade_mission": "handelsmissie", "delegation_visit": "delegatiebezoek", "gift": "geschenk",
    "signing": "ondertekening", "cancellation": "afgelasting", "statement": "verklaring", "other": "overig",
    "travel": "reizen", "staff": "personeel", "event": "evenement",
    "total": "totaal", "per_year": "per jaar", "per_trip": "per reis",
    "not_started": "niet begonnen", "in_progress": "bezig", "done": "gedaan", "not_applicable": "niet van toepassing",
    "not_done": "niet gedaan",
    "article": "artikel", "report": "rapport", "web_page": "webpagina", "parliamentary_document": "Kamerstuk",
    "speaking_notes": "spreektekst", "general": "algemeen",
}


def nl(value) -> str:
    if value is None:
        return ""
    value = getattr(value, "value", value)
    return NL.get(value, str(value))


def nl_date(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        value = value.isoformat()
    return format_partial_nl(value)


def euro(cents: int | None) -> str:
    if cents is None:
        return ""
    whole, rest = divmod(abs(cents), 100)
    text = f"{whole:,}".replace(",", ".")
    if rest:
        text += f",{rest:02}"
    return ("-" if cents < 0 else "") + "€ " + text
