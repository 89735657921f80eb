"""The Dutch name of each field of an item, by its interchange key, as the item's form labels it.

One table for the window, which shows each name through Qt's translation (context "Labels", gui/i18n.py
field_label; scripts/update_translations.py reads this table for the .ts file), and for the core's messages
about a field a user filled in ("Titel is verplicht"), which name it as the form does.

No Qt and no SQLAlchemy here: the window's first screen reads this before the data layer is imported.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    "dutch_side": "Nederlandse kant", "level": "Niveau", "partner_name": "Partner",
    "partner_native_name": "Naam in eigen schrift", "partner_country": "Land",
    "partner_region": "Regio", "since": "Sinds", "status": "Status", "focus_themes": "Speerpunten",
    "description": "Omschrijving", "name": "Naam", "abbreviation": "Afkorting", "seats": "Zetels",
    "valid_from": "Geldig vanaf", "valid_until": "Geldig tot", "role": "Rol", "party_id": "Fractie",
    "sensitive": "Persoon loopt risico (nooit noemen zonder toestemming)", "reference": "Kenmerk",
    "date": "Datum", "end_date": "Einddatum", "body": "Orgaan", "title": "Titel",
    "meeting_id": "Vergadering", "agenda_item_id": "Agendapunt", "considerations": "Overwegingen",
    "operative_text": "Dictum", "pre_advice": "Preadvies college", "follow_up": "Uitvoering",
    "submitters": "Indieners", "co_submitters": "Mede-indieners", "promised_by": "Toegezegd door",
    "promised_on": "Toegezegd op", "deadline": "Uiterste datum", "fulfilled_by_id": "Nagekomen met",
    "kind": "Soort", "submitted_on": "Ingediend op", "answered_on": "Beantwoord op",
    "postponement_notice_on": "Uitstelbericht op", "postponement_note": "Uitstelbericht",
    "answer_deadline_days": "Termijn (dagen)", "addressees": "Gericht aan", "summary": "Samenvatting",
    "stated_position": "Standpunt college", "attachment_id": "Bijlage", "place": "Plaats",
    "organisers": "Organisatoren", "estimated_size": "Geschatte omvang", "demands": "Eisen",
    "motion_id": "Motie", "period": "Periode", "amount_eur": "Bedrag (€)",
    "amount_max_eur": "Tot bedrag (€)", "basis": "Grondslag", "category": "Categorie",
    "claim": "Opbrengst", "value": "Waarde", "claimed_by": "Volgens", "publisher": "Uitgever",
    "url": "Internetadres", "document_number": "Documentnummer", "file_name": "Bestandsnaam",
    "media_type": "Bestandssoort", "extracted_text": "Tekst", "confidentiality": "Vertrouwelijkheid",
    "source_ids": "Bronnen", "result": "Uitslag", "days_to_answer": "Dagen tot antwoord",
    "votes": "Stemmingen", "size": "Grootte", "body_text": "Tekst",
    "agenda_item": "Agendapunt (volgens de bron)", "decision": "Besluit", "note": "Toelichting",
    "assigned_to": "Toegewezen aan motie",
}


def field_label(key: str) -> str:
    """The Dutch name of the field `key` ("title": "Titel"); the key itself for a field without one."""
    return LABELS.get(key, key)
