"""Dutch labels (translatable) for the model's enumerations and fields, and Dutch dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from raadsdossier.base.sizes import size_text
from raadsdossier.domain import kinds
from raadsdossier.domain.dates import format_partial_nl
from raadsdossier.domain.field_labels import LABELS


def tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def _labels() -> dict[str, str]:
    # Every value once; QCoreApplication.translate needs the literal strings for lupdate.
    t = tr
    return {
        "public": t("openbaar"), "internal": t("fractie-intern"), "confidential": t("vertrouwelijk"),
        "municipality": t("gemeente"), "province": t("provincie"),
        "active": t("actief"), "dormant": t("sluimerend"), "suspended": t("opgeschort"), "ended": t("beëindigd"),
        "unknown": t("onbekend"),
        "member": t("raadslid"), "alderman": t("wethouder"), "mayor": t("burgemeester"), "clerk": t("griffier"),
        "activist": t("activist"), "expert": t("deskundige"), "official": t("ambtenaar"), "other": t("overig"),
        "council": t("raad"), "committee": t("commissie"), "formality": t("hamerstuk"), "debate": t("bespreekstuk"),
        "heading": t("kopje"),
        "submitted": t("ingediend"), "held": t("aangehouden"), "withdrawn": t("ingetrokken"),
        "adopted": t("aangenomen"), "rejected": t("verworpen"), "tied": t("staken der stemmen"),
        "party": t("per fractie"), "roll_call": t("hoofdelijk"),
        "for": t("voor"), "against": t("tegen"), "not_voting": t("niet gestemd"),
        "open": t("open"), "fulfilled": t("nagekomen"),
        "council_questions": t("schriftelijke vragen"), "parliamentary_questions": t("Kamervragen"),
        "note": t("notitie"), "information_letter": t("raadsinformatiebrief"), "letter": t("brief"),
        "decision": t("besluit"), "planned": t("gepland"), "published": t("verschenen"),
        "trade_mission": t("handelsmissie"), "delegation_visit": t("delegatiebezoek"), "gift": t("geschenk"),
        "signing": t("ondertekening"), "cancellation": t("afgelasting"), "statement": t("verklaring"),
        "travel": t("reizen"), "staff": t("personeel"), "event": t("evenement"),
        "total": t("totaal"), "per_year": t("per jaar"), "per_trip": t("per reis"),
        "article": t("artikel"), "report": t("rapport"), "web_page": t("webpagina"),
        "parliamentary_document": t("Kamerstuk"), "speaking_notes": t("spreektekst"), "general": t("algemeen"),
        "not_started": t("niet begonnen"), "in_progress": t("bezig"), "done": t("gedaan"), "not_done": t("niet gedaan"),
        "not_applicable": t("niet van toepassing"),
    }


_label_cache: tuple[str, dict[str, str]] | None = None


def label(value: str | None) -> str:
    """The label of an enum value in the current language. Lists call this per cell, so the table is
    built once per language (one translated word tells whether the language changed) not per call."""
    global _label_cache
    if value is None:
        return ""
    probe = tr("openbaar")
    if _label_cache is None or _label_cache[0] != probe:
        _label_cache = (probe, _labels())
    return _label_cache[1].get(value, value)


def kind_label(kind: str, count: int = 1) -> str:
    """The name of an item kind ("motion") in the current language: the singular for one, else the plural.
    From the registry (raadsdossier.domain.kinds), through Qt's translation."""
    entry = kinds.BY_NAME.get(kind)
    if entry is None:
        return kind
    return QCoreApplication.translate("Kinds", entry.label(count))


def count_label(kind: str, count: int) -> str:
    """"12 moties", "1 motie", "1.204 moties": the count in the locale's digits and the kind's name."""
    return f"{QLocale().toString(count)} {kind_label(kind, count)}"


def counts_text(counts: dict[str, int]) -> str:
    """"12 moties, 3 vragensets": the counts by kind name, in the registry's order of kinds (kinds it does
    not know after them), in the current language."""
    known = [kind.name for kind in kinds.KINDS if counts.get(kind.name)]
    others = sorted(kind for kind in counts if counts[kind] and kind not in known)
    return ", ".join(count_label(kind, counts[kind]) for kind in known + others)


def section_title(title: str, context: str = "Sections") -> str:
    """The title of a navigator section ("Sections") or a pack section ("PackSections") of the registry,
    in the current language."""
    return QCoreApplication.translate(context, title)


def section_titles() -> list[tuple[str, str]]:
    """(key, title) of every navigator entry, in order and in the current language, without building (or
    importing) any section: the registry's sections (raadsdossier.domain.kinds). Here rather than in
    gui/sections/registry.py, which the first screen of start-up does not need to import."""
    return [(section.key, section_title(section.title)) for section in kinds.SECTIONS]


def field_label(key: str) -> str:
    """The name of the field `key` as its form labels it, in the current language: the Dutch of
    raadsdossier.domain.field_labels (the core's messages name fields by it too) through Qt's translation."""
    return tr(LABELS[key]) if key in LABELS else key


_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]


def is_english() -> bool:
    return QLocale().language() == QLocale.Language.English


def format_money(value) -> str:
    """An amount in euros as the language writes it: "€ 12.500", "€ 12.500,50"; in English "€12,500.50". Cents
    only where there are any. The lists, the read view and the Overzicht all write amounts this way."""
    amount = float(value)
    text = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    if is_english():
        return f"€{text}"
    return "€ " + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_size(size: int) -> str:
    """ "12 kB", "1,2 MB" (in English "1.2 MB")."""
    text = size_text(size)
    return text.replace(",", ".") if is_english() else text


def format_date(value: str | date | None) -> str:
    """"22 november 2026", "juli 2021" or "2021"; in English "22 November 2026"."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        value = value.isoformat()
    text = format_partial_nl(value)
    if is_english():
        for index, name in enumerate(["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                      "september", "oktober", "november", "december"]):
            text = text.replace(name, _MONTHS_EN[index])
    return text
