"""The entities of the Tweede Kamer's Gegevensmagazijn: their Dutch names, how a record shows which one it
is, and the words the import report counts them in.

The field names are those of the service's `$metadata` (OData v4, version 2.0, as captured by
tommyvanderwal/motiematcher's `api_metadata.xml`, October 2025). Raadsdossier reads Zaak, Fractie,
Stemming and Besluit (with its Stemming expanded); every other entity is named in the report and
skipped, so that a page of Activiteiten is reported as Activiteiten and not as something else.
"""

from __future__ import annotations

from typing import NamedTuple


class Entity(NamedTuple):
    singular: str
    plural: str
    neuter: bool = False  # a het-word: "1 verwijderd Agendapunt", but "1 verwijderde Zaak"
    reason: str | None = None  # why its records are not imported, for the report


def _records(name: str) -> Entity:
    """An entity whose name has no plural of its own ("PersoonOnderwijs"): counted as records."""
    return Entity(f"{name}-record", f"{name}-records", neuter=True)


ENTITIES: dict[str, Entity] = {
    # read
    "Zaak": Entity("Zaak", "Zaken"),
    "Fractie": Entity("Fractie", "Fracties"),
    "Stemming": Entity("Stemming", "Stemmingen"),
    "Besluit": Entity("Besluit", "Besluiten", neuter=True),
    # named and skipped
    "Activiteit": Entity("Activiteit", "Activiteiten",
                         reason="activiteiten van de Tweede Kamer worden niet geïmporteerd"),
    "ActiviteitActor": Entity("ActiviteitActor", "ActiviteitActoren",
                              reason="deelnemers aan activiteiten worden niet geïmporteerd"),
    "Agendapunt": Entity("Agendapunt", "Agendapunten", neuter=True,
                         reason="agendapunten van de Tweede Kamer worden niet geïmporteerd"),
    "Commissie": Entity("Commissie", "Commissies", reason="commissies van de Tweede Kamer worden niet geïmporteerd"),
    "CommissieContactinformatie": _records("CommissieContactinformatie"),
    "CommissieZetel": Entity("CommissieZetel", "CommissieZetels"),
    "CommissieZetelVastPersoon": Entity("CommissieZetelVastPersoon", "CommissieZetelVastPersonen"),
    "CommissieZetelVastVacature": Entity("CommissieZetelVastVacature", "CommissieZetelVastVacatures"),
    "CommissieZetelVervangerPersoon": Entity("CommissieZetelVervangerPersoon", "CommissieZetelVervangerPersonen"),
    "CommissieZetelVervangerVacature": Entity("CommissieZetelVervangerVacature", "CommissieZetelVervangerVacatures"),
    "Document": Entity("Document", "Documenten", neuter=True,
                       reason="een document wordt alleen geïmporteerd als bron van een motie of vragenset "
                              "(Zaak met $expand=Document)"),
    "DocumentActor": Entity("DocumentActor", "DocumentActoren"),
    "DocumentPublicatie": Entity("DocumentPublicatie", "DocumentPublicaties"),
    "DocumentPublicatieMetadata": _records("DocumentPublicatieMetadata"),
    "DocumentVersie": Entity("DocumentVersie", "DocumentVersies"),
    "FractieZetel": Entity("FractieZetel", "FractieZetels",
                           reason="zetels worden niet geïmporteerd; het aantal zetels staat bij de Fractie"),
    "FractieZetelPersoon": Entity("FractieZetelPersoon", "FractieZetelPersonen"),
    "FractieZetelVacature": Entity("FractieZetelVacature", "FractieZetelVacatures"),
    "Kamerstukdossier": Entity("Kamerstukdossier", "Kamerstukdossiers", neuter=True,
                               reason="kamerstukdossiers worden niet geïmporteerd"),
    "Persoon": Entity("Persoon", "Personen",
                      reason="Kamerleden worden alleen geïmporteerd met hun stem in een hoofdelijke stemming"),
    "PersoonContactinformatie": _records("PersoonContactinformatie"),
    "PersoonGeschenk": Entity("PersoonGeschenk", "PersoonGeschenken", neuter=True),
    "PersoonLoopbaan": Entity("PersoonLoopbaan", "PersoonLoopbanen"),
    "PersoonNevenfunctie": Entity("PersoonNevenfunctie", "PersoonNevenfuncties"),
    "PersoonNevenfunctieInkomsten": _records("PersoonNevenfunctieInkomsten"),
    "PersoonOnderwijs": _records("PersoonOnderwijs"),
    "PersoonReis": Entity("PersoonReis", "PersoonReizen"),
    "Reservering": Entity("Reservering", "Reserveringen"),
    "Toezegging": Entity("Toezegging", "Toezeggingen",
                         reason="toezeggingen aan de Tweede Kamer worden niet geïmporteerd"),
    "Vergadering": Entity("Vergadering", "Vergaderingen",
                          reason="vergaderingen van de Tweede Kamer worden niet geïmporteerd"),
    "Verslag": Entity("Verslag", "Verslagen", neuter=True, reason="verslagen worden niet geïmporteerd"),
    "Zaal": Entity("Zaal", "Zalen"),
    "ZaakActor": Entity("ZaakActor", "ZaakActoren", reason="de actoren van een zaak worden niet geïmporteerd"),
}
READ = ("Zaak", "Fractie", "Stemming", "Besluit")

# How a record without `@odata.context` or `@odata.type` shows its entity: (entity, fields it has all of,
# fields it has one of), asked in this order. Most entities have a field no other has; where two share
# one (Commissie and Fractie both have NaamNL), the more specific is asked first. Keys count, not
# values: a deleted placeholder has every field, all null. CommissieZetelVastPersoon and
# CommissieZetelVervangerPersoon (and the two Vacature entities) have the same fields: only a context
# tells them apart.
_MARKS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Stemming", (), ("FractieGrootte", "Besluit_Id", "SidActorLid", "SidActorFractie")),
    ("Besluit", (), ("BesluitTekst", "BesluitSoort", "StemmingsSoort", "AgendapuntZaakBesluitVolgorde")),
    ("Commissie", (), ("NaamWebNL", "NaamWebEN", "Inhoudsopgave")),
    ("Fractie", (), ("AantalZetels", "AantalStemmen", "NaamNL")),
    ("Zaak", (), ("Kabinetsappreciatie", "GestartOp", "Afgedaan", "GrootProject", "HuidigeBehandelstatus",
                  "Grondslagvoorhang")),
    ("Activiteit", (), ("DatumSoort", "Voortouwnaam", "Voortouwafkorting", "Voortouwkortenaam", "VRSNummer",
                        "Voortouwcommissie_Id", "Besloten")),
    ("ActiviteitActor", ("Activiteit_Id",), ("ActorNaam", "Spreektijd", "Relatie")),
    ("Agendapunt", (), ("Rubriek", "Activiteit_Id")),
    ("ZaakActor", (), ("Zaak_Id",)),
    ("DocumentActor", ("Document_Id",), ("ActorNaam", "Relatie")),
    ("DocumentVersie", (), ("Versienummer", "Extensie", "Bestandsgrootte", "ExterneIdentifier")),
    ("DocumentPublicatie", (), ("DocumentVersie_Id",)),
    ("Document", (), ("DocumentNummer", "DatumRegistratie", "DatumOntvangst", "Aanhangselnummer", "KenmerkAfzender",
                      "HuidigeDocumentVersie_Id")),
    ("Kamerstukdossier", (), ("HoogsteVolgnummer", "Toevoeging", "Afgesloten")),
    ("Vergadering", (), ("VergaderingNummer", "Sluiting")),
    ("Verslag", (), ("Vergadering_Id",)),
    ("Toezegging", (), ("DatumNakoming", "KamerbriefNakoming", "Ministerie", "Aanmaakdatum")),
    ("Persoon", (), ("Geboortedatum", "Geboorteplaats", "Roepnaam", "Fractielabel", "Titels", "Overlijdensdatum")),
    ("FractieZetelPersoon", ("FractieZetel_Id", "Persoon_Id"), ()),
    ("FractieZetelVacature", (), ("FractieZetel_Id",)),
    ("CommissieZetel", ("Commissie_Id", "Gewicht"), ()),
    ("CommissieContactinformatie", ("Commissie_Id", "Waarde"), ()),
    ("PersoonContactinformatie", ("Persoon_Id", "Waarde"), ()),
    ("PersoonGeschenk", ("Persoon_Id", "Omschrijving"), ()),
    ("PersoonLoopbaan", (), ("Werkgever", "OmschrijvingNl")),
    ("PersoonNevenfunctieInkomsten", (), ("Nevenfunctie_Id", "BedragSoort")),
    ("PersoonNevenfunctie", (), ("VergoedingSoort", "PeriodeVan", "PeriodeTotEnMet")),
    ("PersoonOnderwijs", (), ("OpleidingNl", "Instelling")),
    ("PersoonReis", (), ("Bestemming", "BetaaldDoor")),
    ("FractieZetel", ("Fractie_Id", "Gewicht"), ()),
    ("Reservering", (), ("StatusCode", "StatusNaam")),
    ("Zaal", (), ("SysCode",)),
    ("Zaak", ("Nummer", "Soort"), ()),  # last: a Zaak asked for with only $select=Nummer,Soort
)


def entity_by_fields(record: dict) -> str | None:
    """The entity whose fields `record` carries; None when they fit none."""
    for name, all_of, one_of in _MARKS:
        if all(key in record for key in all_of) and (not one_of or any(key in record for key in one_of)):
            return name
    return None


def counted(entity: str, count: int) -> str:
    """The report's key for `count` records of `entity` that are not imported: "Activiteiten — activiteiten
    van de Tweede Kamer worden niet geïmporteerd", "1 Fractie" (the count stands before it)."""
    found = ENTITIES[entity]
    noun = found.singular if count == 1 else found.plural
    return f"{noun} — {found.reason}" if found.reason else noun


def counted_deleted(entity: str | None, count: int) -> str:
    """The report's key for deleted placeholders: "verwijderde Fracties", "verwijderd Agendapunt"."""
    found = ENTITIES.get(entity) if entity else None
    if found is None:
        return "verwijderd record" if count == 1 else "verwijderde records"
    if count == 1:
        return f"{'verwijderd' if found.neuter else 'verwijderde'} {found.singular}"
    return f"verwijderde {found.plural}"


def counted_empty(entity: str, count: int) -> str:
    """The report's key for server pages without records: "lege pagina zonder Stemmingen"."""
    pages = "lege pagina" if count == 1 else "lege pagina's"
    return f"{pages} zonder {ENTITIES[entity].plural}"
