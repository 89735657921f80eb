<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AttachmentSection</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/attachments.py" line="+14"/>
        <source>Sleep bestanden naar deze lijst om ze als bijlage toe te voegen; de tekst ervan wordt doorzoekbaar.</source>
        <translation>Drag files onto this list to add them as attachments; their text becomes searchable.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bestand toevoegen…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bestand als bijlage toevoegen</source>
        <translation>Add file as attachment</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bijlagen toevoegen</source>
        <translation>Add attachments</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/backups_dialog.py" line="+30"/>
        <source>Reservekopieën – %1</source>
        <translation>Backups – %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reservekopieën van %1, de nieuwste bovenaan, in de map %2.
Terugzetten bewaart de huidige toestand eerst als reservekopie, dus ook dat kunt u weer ongedaan maken.</source>
        <translation>Backups of %1, newest at the top, in the folder %2.
Restoring first keeps the current state as a backup, so that too can be undone.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gemaakt op</source>
        <translation>Made on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inhoud</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reservekopieën</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nu een reservekopie maken</source>
        <translation>Make a backup now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terugzetten</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De gekozen reservekopie in de plaats van het dossier zetten</source>
        <translation>Put the chosen backup in the place of the dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>wordt geteld…</source>
        <translation>counting…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dit dossier heeft nog geen reservekopieën.</source>
        <translation>This dossier has no backups yet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>onleesbaar: %1</source>
        <translation>unreadable: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>leeg</source>
        <translation>empty</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reservekopie wordt gemaakt…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reservekopie gemaakt: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Niet gelukt: %1</source>
        <translation>Did not succeed: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reservekopie van %1 wordt teruggezet…</source>
        <translation>Restoring the backup of %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Het beschadigde bestand is bewaard als %1.</source>
        <translation>The damaged file was kept as %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De toestand van daarvoor is bewaard als reservekopie (vóór terugzetten).</source>
        <translation>The state before was kept as a backup (before restore).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De reservekopie van %1 is teruggezet. %2</source>
        <translation>The backup of %1 was restored. %2</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/check_dialog.py" line="+22"/>
        <source>Dossier controleren – %1</source>
        <translation>Check dossier – %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uitkomst van de controle</source>
        <translation>Result of the check</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bezig met controleren</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gevonden problemen</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Repareren</source>
        <translation>Repair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maakt eerst een reservekopie en repareert dan wat te repareren is</source>
        <translation>Makes a backup first, then repairs what can be repaired</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opnieuw controleren</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Het dossier wordt gecontroleerd…</source>
        <translation>Checking the dossier…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>De controle kon niet worden uitgevoerd: %1</source>
        <translation>The check could not be run: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Het dossier is in orde. Gecontroleerd: het bestand zelf, de verwijzingen tussen items, de stemmingen en de zoekindex.</source>
        <translation>The dossier is in order. Checked: the file itself, the links between items, the votes and the search index.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Er is 1 probleem gevonden:</source>
        <translation>1 problem was found:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Er zijn %1 problemen gevonden:</source>
        <translation>%1 problems were found:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>te repareren met Repareren</source>
        <translation>can be fixed with Repair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>niet te repareren; zet een reservekopie terug (Bestand → Reservekopieën…)</source>
        <translation>cannot be repaired; restore a backup (File → Backups…)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Eerst een reservekopie, dan wordt er gerepareerd…</source>
        <translation>Making a backup first, then repairing…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gerepareerd. Eerst is een reservekopie gemaakt: %1.</source>
        <translation>Repaired. A backup was made first: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>ChecklistSection</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/checklist.py" line="+56"/>
        <source>Checklistitems</source>
        <translation>Checklist items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aanbeveling</source>
        <translation>Recommendation (Dutch, as published)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+20"/>
        <location line="+26"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Beoordeeld</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+47"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+31"/>
        <source>Eerdere beoordelingen</source>
        <translation>Previous assessments</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Notitie bij de beoordeling</source>
        <translation>Note on the assessment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Datum van de beoordeling</source>
        <translation>Date of the assessment</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>Bewijs</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Beoordeling vastleggen</source>
        <translation>Record assessment</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Klaar met beoordelen</source>
        <translation>Done assessing</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Datum beoordeling</source>
        <translation>Date of assessment</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lezen: aanbeveling</source>
        <translation>Reading: recommendation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beoordelen (F2)</source>
        <translation>Assess (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beoordelen</source>
        <translation>Assess</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Kies links een aanbeveling om de toelichting te lezen en haar te beoordelen.</source>
        <translation>Choose a recommendation on the left to read its guidance and assess it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Beoordelingen</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nog niet beoordeeld. Kies Beoordelen om de stand vast te leggen.</source>
        <translation>Not assessed yet. Choose Assess to record where things stand.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bewijs:</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inleiding van Amnesty bij dit onderdeel</source>
        <translation>Amnesty&apos;s introduction to this part (Dutch, as published)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Toelichting van Amnesty</source>
        <translation>Amnesty&apos;s guidance (Dutch, as published)</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+41"/>
        <source>%1 van %2 aanbevelingen afgerond</source>
        <translation>%1 of %2 recommendations completed</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Nog niet beoordeeld. Elke beoordeling die u vastlegt, komt hier te staan met haar datum.</source>
        <translation>Not assessed yet. Each assessment you record will be listed here with its date.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Checklistitem afvinken</source>
        <translation>Tick off checklist item</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checklistitem beoordelen</source>
        <translation>Assess checklist item</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/conflict_dialog.py" line="+72"/>
        <source>Verwijderd aan één kant</source>
        <translation>Deleted on one side</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(verwijderd)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(gewijzigd)</source>
        <translation>(changed)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>door %1 op %2</source>
        <translation>by %1 on %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>door %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>op %1</source>
        <translation>on %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Conflicten met de server</source>
        <translation>Conflicts with the server</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: 1 conflict.</source>
        <translation>%1: 1 conflict.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2 conflicten.</source>
        <translation>%1: %2 conflicts.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U en iemand anders hebben hetzelfde veld verschillend gewijzigd. Kies per item welke waarde blijft; de keuze geldt voor het hele item (met Mijn waarde gaat uw versie van het item naar de server). Tot u kiest, blijven beide waarden bewaard: de uwe in dit dossier, die van de server op de server.</source>
        <translation>You and someone else changed the same field differently. Choose per item which value stays; the choice applies to the whole item (with My value, your version of the item goes to the server). Until you choose, both values are kept: yours in this dossier, the server’s on the server.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Veld</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hier</source>
        <translation>Here</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Op de server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gewijzigd op de server</source>
        <translation>Changed on the server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Keuze voor %1, %2</source>
        <translation>Choice for %1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nog niet kiezen</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mijn waarde</source>
        <translation>My value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die van de server</source>
        <translation>The server’s value</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Overal &amp;mijn waarde</source>
        <translation>My value every&amp;where</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overal die van de &amp;server</source>
        <translation>The &amp;server’s value everywhere</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Toepassen</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De gekozen waarden vastleggen: hier en op de server</source>
        <translation>Keep the chosen values: here and on the server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nu niets kiezen: beide waarden blijven bewaard</source>
        <translation>Choose nothing now: both values are kept</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <location filename="../../src/raadsdossier/gui/dossier_view.py" line="+73"/>
        <source>Onderdelen van het dossier</source>
        <translation>Sections of the dossier</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Niet te lezen</source>
        <translation>Cannot be read</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dit dossier is alleen-lezen geopend.</source>
        <translation>This dossier has been opened read-only.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 verwijderen</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Bezig met importeren…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bijlage toevoegen</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bijlage niet toegevoegd</source>
        <translation>Attachment not added</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bijlagen worden toegevoegd…</source>
        <translation>Adding attachments…</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/follow_up_editor.py" line="+105"/>
        <source>Bewijs kiezen</source>
        <translation>Choose evidence</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Vink de stukken aan die laten zien wat er gebeurde: een collegestuk, een brief, een gebeurtenis of een ander item van het dossier.</source>
        <translation>Tick the documents that show what happened: a college document, a letter, an event or any other item of the dossier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filteren…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter bewijs</source>
        <translation>Filter evidence</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Items van het dossier</source>
        <translation>Items of the dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dit dossier heeft nog geen collegestukken, bronnen, gebeurtenissen of andere items die als bewijs kunnen dienen. Voeg ze toe of importeer ze, en kies ze dan hier.</source>
        <translation>This dossier has no college documents, sources, events or other items yet that could serve as evidence. Add or import them, then choose them here.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kiezen</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/export_dialog.py" line="+56"/>
        <location line="+277"/>
        <location line="+4"/>
        <location line="+130"/>
        <source>Vergaderstuk maken</source>
        <translation>Create meeting paper</translation>
    </message>
    <message>
        <location line="-401"/>
        <location line="+67"/>
        <source>Waarvoor</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Het hele dossier</source>
        <translation>The whole dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(de hele vergadering)</source>
        <translation>(the whole meeting)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agendapunt</source>
        <translation>agenda item</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Onderdelen</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Onderdeel</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Openbaar</source>
        <translation>Public</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fractie-intern</source>
        <translation>Party-internal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertrouwelijk</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ook uit deze geopende dossiers (één stuk per agendapunt)</source>
        <translation>Also from these open dossiers (one pack, by agenda item)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alle aanbevelingen van de checklist, ook de niet beoordeelde</source>
        <translation>Every recommendation of the checklist, also those not assessed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Elk agendapunt op zijn plaats, ook zonder stukken uit het dossier</source>
        <translation>Every agenda item in its place, also those without documents from the dossier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ook fractie-interne items opnemen</source>
        <translation>Also include party-internal items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ook vertrouwelijke items opnemen</source>
        <translation>Also include confidential items</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Personen die risico lopen bij naam noemen (%1 in dit dossier)</source>
        <translation>Name people at risk (%1 in this dossier)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wat erin gaat</source>
        <translation>What goes in</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+18"/>
        <source>Opgesteld door</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>DOCX (bewerkbaar)</source>
        <translation>DOCX (editable)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTML (voor de website)</source>
        <translation>HTML (for the website)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bestandsnaam zonder extensie</source>
        <translation>File name without extension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Openen als het klaar is</source>
        <translation>Open when finished</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Het vergaderstuk wordt gemaakt…</source>
        <translation>Creating the meeting paper…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>Vergaderstuk opgeslagen als %1</source>
        <translation>Meeting paper saved as %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Opgeslagen als:</source>
        <translation>Saved as:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items in het stuk: %1. Niet-openbare items weggelaten: %2.</source>
        <translation>Items in the paper: %1. Non-public items left out: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dossiers in het stuk: %1.</source>
        <translation>Dossiers in the pack: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Niet opgenomen, want de vergadering heeft daar een niveau dat niet is gekozen: %1.</source>
        <translation>Left out, because the meeting has a level there that was not chosen: %1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Het bestand kon niet worden geopend: er is waarschijnlijk geen programma voor %1-bestanden ingesteld. Het staat in:
%2</source>
        <translation>The file could not be opened: there is probably no program set up for %1 files. It is in:
%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>De map kon niet worden geopend. Het vergaderstuk staat in:
%1</source>
        <translation>The folder could not be opened. The meeting paper is in:
%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Het stuk %1 kon niet worden gemaakt: %2</source>
        <translation>The paper %1 could not be created: %2</translation>
    </message>
    <message>
        <location line="-327"/>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Formaat</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertrouwelijkheid</source>
        <translation>Confidentiality</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Maken</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Onderdelen en het aantal items per niveau:</source>
        <translation>Sections and the number of items per level:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Vergaderstuk gemaakt</source>
        <translation>Meeting paper created</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resultaat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Probleem bij openen</source>
        <translation>Problem opening</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map tonen</source>
        <translation>Show folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Wordt geteld…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 items gaan erin; %2 niet-openbare items blijven eruit.</source>
        <translation>%1 items go in; %2 non-public items are left out.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Het stuk krijgt de markering VERTROUWELIJK op elke pagina.</source>
        <translation>The paper is marked VERTROUWELIJK (confidential) on every page.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vergaderstuk opslaan</source>
        <translation>Save meeting paper</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Kies een naam voor het bestand.</source>
        <translation>Choose a name for the file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kies ten minste één onderdeel en één formaat.</source>
        <translation>Choose at least one section and one format.</translation>
    </message>
</context>
<context>
    <name>FollowUpEditor</name>
    <message>
        <location filename="../../src/raadsdossier/gui/follow_up_editor.py" line="+39"/>
        <source>Uitvoering</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+1"/>
        <source>Uitvoering bijhouden</source>
        <translation>Track follow-up</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stand van de uitvoering</source>
        <translation>State of the follow-up</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JJJJ-MM-DD (mag leeg blijven)</source>
        <translation>YYYY-MM-DD (may stay empty)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uiterste datum van de uitvoering</source>
        <translation>Deadline of the follow-up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De uitvoering is over de uiterste datum.</source>
        <translation>The follow-up is past its deadline.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wat er gebeurde</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bewijs</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regels van de uitvoering</source>
        <translation>Entries of the follow-up</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nog geen regels. Voeg een regel toe voor elke stap: een brief of besluit van het college, een gesprek, een uitgevoerde maatregel — met de datum en de stukken die het laten zien.</source>
        <translation>No entries yet. Add an entry for each step: a letter or decision of the college, a meeting, a measure carried out — with its date and the documents that show it.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Regel toevoegen</source>
        <translation>Add entry</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regel verwijderen</source>
        <translation>Remove entry</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bewijs kiezen…</source>
        <translation>Choose evidence…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bewijs kiezen voor de gekozen regel</source>
        <translation>Choose evidence for the selected entry</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Niet meer bijhouden</source>
        <translation>Stop tracking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De uitvoering met al haar regels weghalen (ongedaan te maken)</source>
        <translation>Remove the follow-up with all its entries (can be undone)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Houd bij hoe het college deze toezegging uitvoert: hoe ver het is, wanneer het af moet zijn, en wat er gebeurde, met de stukken die het laten zien.</source>
        <translation>Track how the college carries out this commitment: how far it got, when it is due, and what happened, with the documents that show it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deze motie is aangenomen. Houd bij wat het college ermee doet: hoe ver het is, wanneer het af moet zijn, en wat er gebeurde, met de stukken die het laten zien.</source>
        <translation>This motion was adopted. Track what the college does with it: how far it got, when it is due, and what happened, with the documents that show it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nog niet bijgehouden. Zodra de motie is aangenomen, kunt u hier bijhouden wat het college ermee doet.</source>
        <translation>Not tracked yet. Once the motion is adopted, you can track here what the college does with it.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(niet gevonden in dit dossier)</source>
        <translation>(not found in this dossier)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>nog geen (dubbelklik om te kiezen)</source>
        <translation>none yet (double-click to choose)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dubbelklik om de stukken te kiezen die deze regel laten zien</source>
        <translation>Double-click to choose the documents that show this entry</translation>
    </message>
</context>
<context>
    <name>GlanceNavigator</name>
    <message>
        <location filename="../../src/raadsdossier/gui/glance_view.py" line="+47"/>
        <source>Onderdelen van het dossier</source>
        <translation>Sections of the dossier</translation>
    </message>
</context>
<context>
    <name>GlanceView</name>
    <message>
        <location line="+90"/>
        <source>Het dossier wordt geopend…</source>
        <translation>Opening the dossier…</translation>
    </message>
</context>
<context>
    <name>ImageDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/manual.py" line="+311"/>
        <source>Afbeelding: %1</source>
        <translation>Image: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schermafbeelding %1</source>
        <translation>Screenshot %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Afbeelding op ware grootte</source>
        <translation>Image at full size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Afbeelding sluiten</source>
        <translation>Close image</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/import_dialog.py" line="+40"/>
        <source>Importeren in %1</source>
        <translation>Import into %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <source>Formaat</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>herkennen</source>
        <translation>detect</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bestanden kiezen…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wat er gebeurt</source>
        <translation>What will happen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bestand of soort</source>
        <translation>File or kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Toegevoegd</source>
        <translation>Added</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bijgewerkt</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overgeslagen</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+98"/>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Bestanden importeren</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>De bestanden worden gelezen en gecontroleerd…</source>
        <translation>Reading and checking the files…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Niets is nog opgeslagen. Kies Importeren om dit in één stap toe te voegen (ongedaan te maken met Ctrl+Z).</source>
        <translation>Nothing has been saved yet. Choose Import to add this in one step (undo with Ctrl+Z).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bezig met importeren…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Geïmporteerd in %1. %2</source>
        <translation>Imported into %1. %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Toegevoegd: %1; bijgewerkt: %2.</source>
        <translation>Added: %1; updated: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>niets</source>
        <translation>nothing</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Het importeren is niet gelukt; er is niets veranderd. %1</source>
        <translation>The import failed; nothing was changed. %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+37"/>
        <source>Er is iets mis met een bestand; er wordt niets geïmporteerd.</source>
        <translation>Something is wrong with a file; nothing will be imported.</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <location filename="../../src/raadsdossier/gui/forms.py" line="+204"/>
        <source>één naam per regel</source>
        <translation>one name per line</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>JJJJ, JJJJ-MM of JJJJ-MM-DD</source>
        <translation>YYYY, YYYY-MM or YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JJJJ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>gescheiden door ;</source>
        <translation>separated by ;</translation>
    </message>
</context>
<context>
    <name>ItemSection</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/items.py" line="+64"/>
        <source>Filteren…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter %1</source>
        <translation>Filter %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lijst %1</source>
        <translation>List %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+107"/>
        <source>Nieuw item: %1</source>
        <translation>New item: %1</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geselecteerd item verwijderen</source>
        <translation>Delete selected item</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Klaar met bewerken</source>
        <translation>Done editing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terug naar de leesweergave (Esc); wijzigingen zijn al opgeslagen</source>
        <translation>Back to the read view (Esc); changes are already saved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Elk veld wordt opgeslagen zodra u het verlaat.</source>
        <translation>Each field is saved as soon as you leave it.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bewerken: %1</source>
        <translation>Edit: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Bewerken (F2)</source>
        <translation>Edit (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bewerken</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lezen: %1</source>
        <translation>Reading: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nog leeg: %1</source>
        <translation>Still empty: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nieuw…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importeren…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importeren in %1</source>
        <translation>Import into %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Kies een %1 in de lijst om het hier te lezen.</source>
        <translation>Choose a %1 in the list to read it here.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Nieuw: %1</source>
        <translation>New: %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>meer dan %1</source>
        <translation>more than %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 bewerken</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1 komen items alleen uit een import.</source>
        <translation>Items in %1 come from an import only.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 toevoegen</source>
        <translation>Add %1</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+77"/>
        <source>motie</source>
        <translation>motion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>moties</source>
        <translation>motions</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>stedenband</source>
        <translation>partnership</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stedenbanden</source>
        <translation>partnerships</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fractie</source>
        <translation>party</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fracties</source>
        <translation>parties</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>persoon</source>
        <translation>person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>personen</source>
        <translation>people</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vergadering</source>
        <translation>meeting</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vergaderingen</source>
        <translation>meetings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>toezegging</source>
        <translation>commitment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>toezeggingen</source>
        <translation>commitments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vragenset</source>
        <translation>question set</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vragensets</source>
        <translation>question sets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>collegestuk</source>
        <translation>college document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>collegestukken</source>
        <translation>college documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demonstratie</source>
        <translation>demonstration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>demonstraties</source>
        <translation>demonstrations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gebeurtenis</source>
        <translation>event</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gebeurtenissen</source>
        <translation>events</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kostenpost</source>
        <translation>cost item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kostenposten</source>
        <translation>cost items</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>opbrengst</source>
        <translation>outcome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>opbrengsten</source>
        <translation>outcomes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bron</source>
        <translation>source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bronnen</source>
        <translation>sources</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bijlage</source>
        <translation>attachment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bijlagen</source>
        <translation>attachments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>notitie</source>
        <translation>note</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>notities</source>
        <translation>notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checklistbeoordeling</source>
        <translation>checklist assessment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>checklistbeoordelingen</source>
        <translation>checklist assessments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>niet-toegewezen stemming</source>
        <translation>unassigned vote</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>niet-toegewezen stemmingen</source>
        <translation>unassigned votes</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../src/raadsdossier/gui/i18n.py" line="+23"/>
        <location line="+36"/>
        <source>openbaar</source>
        <translation>public</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>fractie-intern</source>
        <translation>party-internal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vertrouwelijk</source>
        <translation>confidential</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gemeente</source>
        <translation>municipality</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>provincie</source>
        <translation>province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>actief</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sluimerend</source>
        <translation>dormant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>opgeschort</source>
        <translation>suspended</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>beëindigd</source>
        <translation>ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raadslid</source>
        <translation>councillor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>wethouder</source>
        <translation>alderman</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>burgemeester</source>
        <translation>mayor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>griffier</source>
        <translation>clerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activist</source>
        <translation>activist</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deskundige</source>
        <translation>expert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ambtenaar</source>
        <translation>civil servant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>overig</source>
        <translation>other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raad</source>
        <translation>council</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>commissie</source>
        <translation>committee</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hamerstuk</source>
        <translation>formality</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bespreekstuk</source>
        <translation>debate item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kopje</source>
        <translation>heading</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ingediend</source>
        <translation>submitted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>aangehouden</source>
        <translation>held over</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ingetrokken</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aangenomen</source>
        <translation>adopted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>verworpen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>staken der stemmen</source>
        <translation>tie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per fractie</source>
        <translation>by party</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hoofdelijk</source>
        <translation>roll call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voor</source>
        <translation>for</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tegen</source>
        <translation>against</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>niet gestemd</source>
        <translation>did not vote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nagekomen</source>
        <translation>fulfilled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>schriftelijke vragen</source>
        <translation>written questions</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kamervragen</source>
        <translation>parliamentary questions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notitie</source>
        <translation>note</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>raadsinformatiebrief</source>
        <translation>council information letter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>brief</source>
        <translation>letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>besluit</source>
        <translation>decision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gepland</source>
        <translation>planned</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>verschenen</source>
        <translation>published</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handelsmissie</source>
        <translation>trade mission</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>delegatiebezoek</source>
        <translation>delegation visit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>geschenk</source>
        <translation>gift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ondertekening</source>
        <translation>signing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>afgelasting</source>
        <translation>cancellation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>verklaring</source>
        <translation>statement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reizen</source>
        <translation>travel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>personeel</source>
        <translation>staff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>evenement</source>
        <translation>event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>totaal</source>
        <translation>total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per jaar</source>
        <translation>per year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per reis</source>
        <translation>per trip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>artikel</source>
        <translation>article</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rapport</source>
        <translation>report</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>webpagina</source>
        <translation>web page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kamerstuk</source>
        <translation>parliamentary paper</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>spreektekst</source>
        <translation>speaking notes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>algemeen</source>
        <translation>general</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>niet begonnen</source>
        <translation>not started</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bezig</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gedaan</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>niet gedaan</source>
        <translation>not done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>niet van toepassing</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/domain/field_labels.py" line="+12"/>
        <source>Nederlandse kant</source>
        <translation>Dutch side</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Naam in eigen schrift</source>
        <translation>Name in native script</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Land</source>
        <translation>Country</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regio</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Speerpunten</source>
        <translation>Focus themes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Afkorting</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zetels</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geldig vanaf</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Geldig tot</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fractie</source>
        <translation>Party</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persoon loopt risico (nooit noemen zonder toestemming)</source>
        <translation>Person at risk (never name without consent)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Einddatum</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Orgaan</source>
        <translation>Body</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vergadering</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agendapunt</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overwegingen</source>
        <translation>Considerations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dictum</source>
        <translation>Operative text</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preadvies college</source>
        <translation>Pre-advice of the college</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uitvoering</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indieners</source>
        <translation>Submitters</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mede-indieners</source>
        <translation>Co-submitters</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Toegezegd door</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toegezegd op</source>
        <translation>Promised on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uiterste datum</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nagekomen met</source>
        <translation>Fulfilled by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ingediend op</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Beantwoord op</source>
        <translation>Answered on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uitstelbericht op</source>
        <translation>Postponement notice on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uitstelbericht</source>
        <translation>Postponement notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Termijn (dagen)</source>
        <translation>Deadline (days)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gericht aan</source>
        <translation>Addressed to</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standpunt college</source>
        <translation>Position of the college</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bijlage</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisatoren</source>
        <translation>Organisers</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Geschatte omvang</source>
        <translation>Estimated size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Eisen</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motie</source>
        <translation>Motion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bedrag (€)</source>
        <translation>Amount (€)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tot bedrag (€)</source>
        <translation>Up to amount (€)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grondslag</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opbrengst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Volgens</source>
        <translation>According to</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uitgever</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internetadres</source>
        <translation>Web address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documentnummer</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bestandsnaam</source>
        <translation>File name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bestandssoort</source>
        <translation>File type</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Tekst</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Vertrouwelijkheid</source>
        <translation>Confidentiality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uitslag</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dagen tot antwoord</source>
        <translation>Days to answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stemmingen</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grootte</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agendapunt (volgens de bron)</source>
        <translation>Agenda item (as the source says)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Toelichting</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toegewezen aan motie</source>
        <translation>Assigned to motion</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/raadsdossier/gui/mainwindow.py" line="+81"/>
        <location line="+56"/>
        <source>Open dossiers</source>
        <translation>Open dossiers</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Alleen-lezen</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&lt;h1&gt;Welkom bij Raadsdossier&lt;/h1&gt;&lt;p&gt;Eén dossier per stedenband: moties en stemmingen, toezeggingen, vragen en antwoorden, collegestukken, demonstraties en de Amnesty-checklist.&lt;/p&gt;&lt;p&gt;Begin met de voorbeelddossiers of maak een nieuw dossier.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Welcome to Raadsdossier&lt;/h1&gt;&lt;p&gt;One dossier per partnership: motions and votes, commitments, questions and answers, college documents, demonstrations and the Amnesty checklist.&lt;/p&gt;&lt;p&gt;Start with the example dossiers or create a new dossier.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Voorbeelddossiers openen</source>
        <translation>Open example dossiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nieuw dossier…</source>
        <translation>New dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossier openen…</source>
        <translation>Open dossier…</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/window_menus.py" line="+53"/>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Nieuw dossier…</source>
        <translation>&amp;New dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Openen…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Voorbeelddossiers openen</source>
        <translation>Open &amp;example dossiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recente dossiers</source>
        <translation>&amp;Recent dossiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kopie opslaan als…</source>
        <translation>Save cop&amp;y as…</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>&amp;Vergaderstuk maken…</source>
        <translation>Create &amp;meeting paper…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reservekopieën…</source>
        <translation>&amp;Backups…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Dossier &amp;controleren…</source>
        <translation>&amp;Check dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Versleutelen…</source>
        <translation>&amp;Encrypt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wachtwoord wijzigen…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Versleuteling &amp;opheffen…</source>
        <translation>Remove encr&amp;yption…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opnie&amp;uw</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nieuw &amp;item</source>
        <translation>New &amp;item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item &amp;bewerken</source>
        <translation>&amp;Edit item</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Item &amp;verwijderen</source>
        <translation>&amp;Delete item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vragen &amp;plakken…</source>
        <translation>&amp;Paste questions…</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Zoeken in dossier</source>
        <translation>&amp;Search in dossier</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Bee&amp;ld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moties</source>
        <translation>Motions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amnesty-checklist</source>
        <translation>Amnesty checklist</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vragen &amp;&amp; antwoorden</source>
        <translation>Questions &amp;&amp; answers</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>&amp;Moties volgen</source>
        <translation>&amp;Motion tracker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De moties van alle geopende dossiers in één lijst, met stemmingen en uitvoering</source>
        <translation>The motions of every open dossier in one list, with their votes and follow-up</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Handleiding</source>
        <translation>&amp;Manual</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>&amp;Over Raadsdossier</source>
        <translation>&amp;About Raadsdossier</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+2"/>
        <source>Werkbalk</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opnieuw</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vergaderstuk</source>
        <translation>Meeting paper</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bewerken</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reservekopieën</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handleiding</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/mainwindow.py" line="+131"/>
        <source>De dossiers kunnen niet worden geopend, omdat een onderdeel van Raadsdossier ontbreekt of beschadigd is (%1). Installeer Raadsdossier opnieuw; uw dossiers zijn niet veranderd.</source>
        <translation>The dossiers cannot be opened because a part of Raadsdossier is missing or damaged (%1). Please reinstall Raadsdossier; your dossiers have not been changed.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>het dossier is beschadigd (de integriteitscontrole meldt: %1).</source>
        <translation>the dossier is damaged (the integrity check reports: %1).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dossier openen</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Voorbeelddossiers</source>
        <translation>Example dossiers</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nieuw dossier opslaan</source>
        <translation>Save new dossier</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nieuw dossier</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Kopie opslaan als</source>
        <translation>Save copy as</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kopie niet opgeslagen</source>
        <translation>Copy not saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kopie opgeslagen: %1</source>
        <translation>Copy saved: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lijst wissen</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>De lijst met recente dossiers is gewist.</source>
        <translation>The list of recent dossiers was cleared.</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/safety_actions.py" line="+70"/>
        <location line="+90"/>
        <source>Niet gelukt</source>
        <translation>Did not succeed</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Versleutelen</source>
        <translation>Encrypt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kies een wachtwoord voor %1. Het dossier en zijn reservekopieën worden ermee versleuteld. Zonder dit wachtwoord is het dossier niet meer te openen: bewaar het goed.</source>
        <translation>Choose a password for %1. The dossier and its backups are encrypted with it. Without this password the dossier can no longer be opened: keep it safe.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is nu versleuteld.</source>
        <translation>%1 is now encrypted.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wachtwoord wijzigen</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geef het huidige wachtwoord van %1 en kies een nieuw. De reservekopieën krijgen het nieuwe wachtwoord ook.</source>
        <translation>Enter the current password of %1 and choose a new one. The backups get the new password too.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Het wachtwoord van %1 is gewijzigd.</source>
        <translation>The password of %1 was changed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Versleuteling opheffen</source>
        <translation>Remove encryption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Na het opheffen kan iedereen die bij %1 of zijn reservekopieën kan, de inhoud lezen. Geef het wachtwoord om de versleuteling op te heffen.</source>
        <translation>Afterwards anyone who can get at %1 or its backups can read what it holds. Enter the password to remove the encryption.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is niet meer versleuteld.</source>
        <translation>%1 is no longer encrypted.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ook %1 reservekopie(ën) zijn omgezet.</source>
        <translation>%1 backup(s) were converted too.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Wachtwoord van een reservekopie</source>
        <translation>Password of a backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De reservekopie %1 opent niet met het wachtwoord van het dossier: hij heeft nog een ander wachtwoord (of hij is beschadigd). Geef dat wachtwoord, dan wordt hij mee omgezet; er is nog niets veranderd.</source>
        <translation>The backup %1 does not open with the dossier&apos;s password: it still has another password (or it is damaged). Give that password and it will be converted too; nothing has been changed yet.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Automatische reservekopie gemaakt: %1</source>
        <translation>Automatic backup made: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatische reservekopie niet gelukt: %1</source>
        <translation>Automatic backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/mainwindow.py" line="+37"/>
        <source>%1 is alleen-lezen geopend: u kunt lezen, zoeken en vergaderstukken maken, maar niets wijzigen. Sluit het dossier op de andere computer en open het opnieuw om te bewerken.</source>
        <translation>%1 is open read-only: you can read, search and make meeting documents, but not change anything. Close the dossier on the other computer and open it again to edit.</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/window_titles.py" line="+33"/>
        <source> (alleen-lezen)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/mainwindow.py" line="+42"/>
        <location filename="../../src/raadsdossier/gui/window_menus.py" line="-3"/>
        <location filename="../../src/raadsdossier/gui/window_titles.py" line="+11"/>
        <source>Moties volgen</source>
        <translation>Motion tracker</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/window_titles.py" line="+6"/>
        <source>alleen-lezen</source>
        <translation>read-only</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>alle wijzigingen opgeslagen</source>
        <translation>all changes saved</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/mainwindow.py" line="+1"/>
        <source>De moties van alle geopende dossiers, of van een map met dossiers</source>
        <translation>The motions of every open dossier, or of a folder of dossiers</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>De nieuwe taal is actief na het herstarten van Raadsdossier.</source>
        <translation>The new language takes effect after restarting Raadsdossier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Over Raadsdossier</source>
        <translation>About Raadsdossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Raadsdossier %1&lt;/h3&gt;&lt;p&gt;Dossiers over stedenbanden, en vergaderstukken daaruit. Werkt volledig zonder internet.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Raadsdossier %1&lt;/h3&gt;&lt;p&gt;Dossiers on partnerships, and meeting papers drawn from them. Works entirely without internet.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/manual.py" line="-182"/>
        <source>Inhoud van de handleiding</source>
        <translation>Contents of the manual</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tekst van de handleiding</source>
        <translation>Text of the manual</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handleiding sluiten</source>
        <translation>Close the manual</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>Handleiding</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>De handleiding ontbreekt in deze installatie of is onleesbaar (%1). Installeer Raadsdossier opnieuw.</source>
        <translation>The manual is missing from this installation or cannot be read (%1). Install Raadsdossier again.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Klik om de afbeelding op ware grootte te zien</source>
        <translation>Click to see the image at full size</translation>
    </message>
</context>
<context>
    <name>MeetingSection</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/meetings.py" line="+15"/>
        <source>Agendapunten</source>
        <translation>Agenda items</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agendapunt toevoegen</source>
        <translation>Add agenda item</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nieuw agendapunt</source>
        <translation>New agenda item</translation>
    </message>
</context>
<context>
    <name>MotionSection</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/motions.py" line="+205"/>
        <source>Zetels tellen…</source>
        <translation>Count seats…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zetels tellen voor de volgende stemming over deze motie</source>
        <translation>Count seats for the next vote on this motion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tel met de huidige zetels per fractie of de motie het haalt; er wordt niets opgeslagen</source>
        <translation>Count with each party&apos;s current seats whether the motion passes; nothing is saved</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>De zetels worden geteld…</source>
        <translation>Counting the seats…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zetels tellen</source>
        <translation>Count seats</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stemmingen</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stemming toevoegen</source>
        <translation>Add vote</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>uitslag</source>
        <translation>result</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Motie</source>
        <translation>Motion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Veranderd tussen stemmingen:</source>
        <translation>Changed between votes:</translation>
    </message>
</context>
<context>
    <name>NewDossierDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/dialogs.py" line="+19"/>
        <location line="+66"/>
        <location line="+5"/>
        <source>Nieuw dossier</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Uit de lijst van provinciale stedenbanden</source>
        <translation>From the list of provincial partnerships</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— zelf invullen —</source>
        <translation>— fill in manually —</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Uit lijst</source>
        <translation>From list</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nederlandse kant *</source>
        <translation>Dutch side *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Partner *</source>
        <translation>Partner *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Naam in eigen schrift</source>
        <translation>Name in native script</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Land</source>
        <translation>Country</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Versleutelen met een wachtwoord</source>
        <translation>Encrypt with a password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zonder het wachtwoord is het dossier niet te openen, ook niet door ons. Bewaar het goed.</source>
        <translation>Without the password nobody can open the dossier, not even us. Keep it safe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wachtwoord (nogmaals)</source>
        <translation>Password (again)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 na %2</source>
        <translation>%1 after %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Vul de Nederlandse kant en de partner in.</source>
        <translation>Fill in the Dutch side and the partner.</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <location filename="../../src/raadsdossier/gui/opening.py" line="+43"/>
        <source>%1 is al geopend door %2 op computer %3 (sinds %4).

U kunt het alleen-lezen openen, of het daar eerst sluiten.</source>
        <translation>%1 is already open by %2 on computer %3 (since %4).

You can open it read-only, or close it there first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>een onbekende gebruiker</source>
        <translation>an unknown user</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>een onbekende computer</source>
        <translation>an unknown computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Onderbroken wijziging afgerond</source>
        <translation>Interrupted change completed</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 is versleuteld. Geef het wachtwoord om het te openen.</source>
        <translation>%1 is encrypted. Enter the password to open it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dossier is al geopend</source>
        <translation>Dossier is already open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alleen-lezen openen</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+22"/>
        <source>Dossier is bezet</source>
        <translation>Dossier is busy</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+43"/>
        <source>Dossier niet geopend</source>
        <translation>Dossier not opened</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>automatisch</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>handmatig</source>
        <translation>manual</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vóór bijwerken</source>
        <translation>before upgrading</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vóór terugzetten</source>
        <translation>before restoring</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vóór reparatie</source>
        <translation>before repair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vóór import</source>
        <translation>before import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vóór versleutelen</source>
        <translation>before encrypting</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Dossier beschadigd</source>
        <translation>Dossier damaged</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1

Er is geen reservekopie van dit dossier die in orde is. Het bestand is niet veranderd.</source>
        <translation>%1

There is no backup of this dossier that is in order. The file was not changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1

De nieuwste reservekopie die in orde is, is van %2 (%3). Het beschadigde bestand wordt apart gezet (niet verwijderd) en de reservekopie komt ervoor in de plaats.</source>
        <translation>%1

The newest backup that is in order is from %2 (%3). The damaged file is set aside (not deleted) and the backup takes its place.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reservekopie terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Niet openen</source>
        <translation>Do not open</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reservekopie teruggezet</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De reservekopie van %1 staat nu op de plaats van het dossier. Het beschadigde bestand is bewaard als %2.</source>
        <translation>The backup of %1 now stands in the place of the dossier. The damaged file was kept as %2.</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/overview.py" line="+166"/>
        <source>Gegevens van de stedenband</source>
        <translation>Details of the partnership</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Het dossier wordt geopend…</source>
        <translation>Opening the dossier…</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Terug naar de leesweergave (Esc); wijzigingen zijn al opgeslagen</source>
        <translation>Back to the read view (Esc); changes are already saved</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Nog geen statusgeschiedenis vastgelegd.</source>
        <translation>No status history recorded yet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>niet binnen de termijn beantwoord (uiterlijk %1)</source>
        <translation>not answered in time (due %1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>over de termijn (uiterlijk %1)</source>
        <translation>past its deadline (due %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>uitvoering over de termijn (uiterlijk %1)</source>
        <translation>follow-up overdue (due %1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>wacht op toewijzing aan een motie</source>
        <translation>is waiting to be assigned to a motion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wachten op toewijzing aan een motie</source>
        <translation>are waiting to be assigned to a motion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stemmingen</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aandacht nodig (%1)</source>
        <translation>Needs attention (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Geen vragen, toezeggingen of uitvoering van moties over de termijn, en geen stemmingen die nog aan een motie moeten worden toegewezen.</source>
        <translation>No questions, commitments or follow-up of motions overdue, and no votes waiting to be assigned to a motion.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>en nog %1 in de lijst</source>
        <translation>and %1 more in the list</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>geen %1</source>
        <translation>no %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>alle %1</source>
        <translation>all %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waarvan %1</source>
        <translation>of which %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>aangenomen</source>
        <translation>adopted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>verworpen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aangehouden</source>
        <translation>held</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>ingetrokken</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>nog zonder besluit</source>
        <translation>not yet decided</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nagekomen</source>
        <translation>fulfilled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 open %2</source>
        <translation>%1 open %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 over de termijn</source>
        <translation>%1 past the deadline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>verder %1</source>
        <translation>further %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 nog niet beantwoord</source>
        <translation>%1 not yet answered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 over de termijn)</source>
        <translation>(%1 past the deadline)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 te laat beantwoord</source>
        <translation>%1 answered late</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>beantwoord</source>
        <translation>answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alle beantwoord</source>
        <translation>all answered</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opent %1</source>
        <translation>Opens %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Dit dossier heeft geen checklist.</source>
        <translation>This dossier has no checklist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 van %2 afgerond</source>
        <translation>%1 of %2 completed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>De onderdelen in het Nederlands, zoals Amnesty ze publiceerde.</source>
        <translation>The parts in Dutch, as Amnesty published them.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>uiterlijk %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>over de termijn</source>
        <translation>past the deadline</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Geen open toezeggingen.</source>
        <translation>No open commitments.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kosten</source>
        <translation>Costs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nog geen kosten vastgelegd.</source>
        <translation>No costs recorded yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>zonder datum</source>
        <translation>undated</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>per jaar</source>
        <translation>per year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per reis</source>
        <translation>per trip</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Daarnaast %1 %2 (niet opgeteld).</source>
        <translation>In addition %1 %2 (not added up).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daarnaast %1 bedragen %2, van %3 (niet opgeteld).</source>
        <translation>In addition %1 amounts %2, ranging %3 (not added up).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Laatste ontwikkelingen</source>
        <translation>Latest developments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nog niets met een datum.</source>
        <translation>Nothing dated yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Op de agenda</source>
        <translation>Coming up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Niets met een datum na vandaag.</source>
        <translation>Nothing dated after today.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Stedenband bewerken</source>
        <translation>Edit partnership</translation>
    </message>
    <message>
        <location line="-126"/>
        <location line="+4"/>
        <source>Amnesty-checklist</source>
        <translation>Amnesty checklist</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Geen aandachtspunten</source>
        <translation>Nothing needs attention</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Open toezeggingen</source>
        <translation>Open commitments</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Omschrijving en statusgeschiedenis</source>
        <translation>Description and status history</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bewerken (F2)</source>
        <translation>Edit (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Gegevens van de stedenband bewerken</source>
        <translation>Edit the details of the partnership</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Klaar met bewerken</source>
        <translation>Done editing</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Het overzicht kon niet worden gelezen</source>
        <translation>The overview could not be read</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Dit dossier heeft nog geen stedenband.</source>
        <translation>This dossier has no partnership yet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speerpunten</source>
        <translation>Focus themes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>datum onbekend</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statusgeschiedenis</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>PackSections</name>
    <message>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+7"/>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moties</source>
        <translation>Motions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toezeggingen</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collegestukken</source>
        <translation>College documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demonstraties</source>
        <translation>Demonstrations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amnesty-checklist</source>
        <translation>Amnesty checklist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bijlagen</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vragen en antwoorden</source>
        <translation>Questions and answers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kosten en opbrengsten</source>
        <translation>Costs and outcomes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eigen notities</source>
        <translation>Own notes</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/questions.py" line="+23"/>
        <source>Vragen plakken</source>
        <translation>Paste questions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tekst van de vragen en antwoorden</source>
        <translation>Text of the questions and answers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kamervraag 2022Z11774

Titel

Ingediend 10 juni 2022
…
 • Vraag 1
  …</source>
        <translation>Kamervraag 2022Z11774

Titel

Ingediend 10 juni 2022
…
 • Vraag 1
  …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plak hier de tekst van schriftelijke vragen of Kamervragen met de antwoorden.</source>
        <translation>Paste the text of written questions or parliamentary questions with their answers here.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../src/raadsdossier/gui/prompts.py" line="+24"/>
        <source>Kies een wachtwoord van minstens %1 tekens.</source>
        <translation>Choose a password of at least %1 characters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De twee wachtwoorden zijn niet gelijk.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Huidig wachtwoord</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nieuw wachtwoord</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nieuw wachtwoord (nogmaals)</source>
        <translation>New password (again)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Onthouden op deze computer</source>
        <translation>Remember on this computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wachtwoord onthouden op deze computer</source>
        <translation>Remember password on this computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Het wachtwoord wordt bewaard in de sleutelbos van het systeem, niet in de instellingen van Raadsdossier.</source>
        <translation>The password is kept in the system&apos;s keyring, not in Raadsdossier&apos;s settings.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Vul het wachtwoord in.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Het wachtwoord klopt niet. Probeer het opnieuw.</source>
        <translation>The password is wrong. Try again.</translation>
    </message>
</context>
<context>
    <name>QuestionSection</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/questions.py" line="+9"/>
        <source>Vragen en antwoorden</source>
        <translation>Questions and answers</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vraag</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Antwoord</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vraag toevoegen</source>
        <translation>Add question</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vraag verwijderen</source>
        <translation>Delete question</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vragen plakken…</source>
        <translation>Paste questions…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vragen en antwoorden als tekst plakken</source>
        <translation>Paste questions and answers as text</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ingediend %1</source>
        <translation>submitted %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>beantwoord %1</source>
        <translation>answered %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>na %1 dagen</source>
        <translation>after %1 days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>termijn tot %1</source>
        <translation>due by %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>over de termijn, nog niet beantwoord</source>
        <translation>overdue, not yet answered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>te laat beantwoord</source>
        <translation>answered late</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(zie het antwoord op vraag %1)</source>
        <translation>(see the answer to question %1)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nieuwe vraag</source>
        <translation>New question</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>geplakte tekst</source>
        <translation>pasted text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vragen niet herkend</source>
        <translation>Questions not recognised</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vragen plakken</source>
        <translation>Paste questions</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <location filename="../../src/raadsdossier/gui/reading_page.py" line="+65"/>
        <source>(niet gevonden in dit dossier)</source>
        <translation>(not found in this dossier)</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>loopt risico</source>
        <translation>at risk</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/reading.py" line="+45"/>
        <location filename="../../src/raadsdossier/gui/reading_page.py" line="+26"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/reading_page.py" line="+28"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>onbekend (bron: %1)</source>
        <translation>unknown (source: %1)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Niet openbaar: %1</source>
        <translation>Not public: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/reading.py" line="+6"/>
        <source>Lid</source>
        <translation>Member</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fractie</source>
        <translation>Party</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zetels</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Stemming %1</source>
        <translation>Vote %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+29"/>
        <source>Uitslag (vastgelegd): %1</source>
        <translation>Result (recorded): %1</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Nog geen uitslag bekend.</source>
        <translation>No result known yet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Berekende uitslag: %1 (%2 voor, %3 tegen)</source>
        <translation>Computed result: %1 (%2 for, %3 against)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>niet gestemd: %1</source>
        <translation>not voting: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vastgelegde uitslag: %1</source>
        <translation>Recorded result: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Let op:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>de vastgelegde uitslag (%1) klopt niet met de stemmen, die %2 geven.</source>
        <translation>the recorded result (%1) does not match the votes, which give %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zonder zetels per fractie kan de uitslag niet worden berekend.</source>
        <translation>Without the seats of each party the result cannot be computed.</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Wat ervan terechtkwam</source>
        <translation>What came of it</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Van standpunt veranderd tussen stemmingen:</source>
        <translation>Changed sides between votes:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 dagen</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Over de termijn en nog niet beantwoord.</source>
        <translation>Past the deadline and not yet answered.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Te laat beantwoord: na de termijn.</source>
        <translation>Answered late: after the deadline.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uitstelbericht van %1</source>
        <translation>Postponement notice of %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uitstelbericht</source>
        <translation>Postponement notice</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vraag %1</source>
        <translation>Question %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zie het antwoord op vraag %1.</source>
        <translation>See the answer to question %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nog niet beantwoord.</source>
        <translation>Not answered yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Antwoord %1</source>
        <translation>Answer %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vragen en antwoorden</source>
        <translation>Questions and answers</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>ongeveer %1 mensen</source>
        <translation>about %1 people</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over motie</source>
        <translation>About motion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bij vergadering</source>
        <translation>At meeting</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Over de uiterste datum en nog niet nagekomen.</source>
        <translation>Past the deadline and not yet fulfilled.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De uitvoering is over de uiterste datum.</source>
        <translation>The follow-up is past its deadline.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Agendapunten</source>
        <translation>Agenda items</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Statusgeschiedenis</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deze persoon loopt risico.</source>
        <translation>This person is at risk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noem de naam nooit zonder toestemming, ook niet in een vergaderstuk.</source>
        <translation>Never name this person without their consent, not in a meeting pack either.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Uit dit bestand is geen tekst gehaald.</source>
        <translation>No text was extracted from this file.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 tot %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bedrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mogelijke moties</source>
        <translation>Possible motions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toegewezen aan motie</source>
        <translation>Assigned to motion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De bron koppelt deze stemming niet aan één motie. Wijs haar toe aan de motie waarover is gestemd.</source>
        <translation>The source does not tie this vote to one motion. Assign it to the motion that was voted on.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stemming</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Beoordeling (Amnesty-checklist)</source>
        <translation>Assessment (Amnesty checklist)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Beoordeeld op</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bewijs</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toelichting</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>en nog %1</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nog geen item in dit dossier noemt deze bron.</source>
        <translation>No item in this dossier cites this source yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gebruikt als bron bij</source>
        <translation>Cited as a source by</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Moties volgen toont welke moties %1 in de geopende dossiers indiende of mede-indiende en hoe zij bij elke stemming stemde: </source>
        <translation>The motion tracker shows which motions %1 submitted or co-submitted in the open dossiers, and how it voted in each vote: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moties en stemgedrag</source>
        <translation>Motions and votes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>de moties van %1 tonen</source>
        <translation>show the motions of %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Landelijke context: dit komt uit de Tweede Kamer, niet uit de eigen raad.</source>
        <translation>National context: this comes from the Tweede Kamer (the Dutch House of Representatives), not from the council itself.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../src/raadsdossier/gui/search_results.py" line="+131"/>
        <source>Gezocht naar „%1” in %2.</source>
        <translation>Searched for “%1” in %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Meer dan %1 resultaten; de beste %1: %2</source>
        <translation>More than %1 results; the best %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 resultaat: %1</source>
        <translation>1 result: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 resultaten: %2</source>
        <translation>%1 results: %2</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Aantal zoekresultaten</source>
        <translation>Number of search results</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/search_panel.py" line="+98"/>
        <source>Zoeken in het dossier (Ctrl+F)</source>
        <translation>Search the dossier (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pijltjestoetsen kiezen een resultaat, Enter opent het, Escape wist de zoekvraag.</source>
        <translation>Arrow keys choose a result, Enter opens it, Escape clears the search.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in alle open dossiers</source>
        <translation>in all open dossiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoeken in alle open dossiers</source>
        <translation>Search in all open dossiers</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Er is geen dossier open om in te zoeken.</source>
        <translation>No dossier is open to search in.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Zoeken naar „%1”…</source>
        <translation>Searching for “%1”…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Zoeken lukte niet: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/search_results.py" line="+4"/>
        <source>Zoekresultaten</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>alle open dossiers</source>
        <translation>all open dossiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Niets gevonden.</source>
        <translation>Nothing found.</translation>
    </message>
</context>
<context>
    <name>SeatsDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/seats_dialog.py" line="+44"/>
        <source>Zetels tellen</source>
        <translation>Count seats</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>De fracties van de huidige raad met hun zetels. Kies per fractie voor, tegen of onbekend. Vooringevuld is een schatting: de laatste stemming van de fractie over deze motie, of, als zij daarover nog niet stemde, haar laatste stemming over een andere motie van dit dossier (moties hebben geen themalabels; het dossier is één stedenband). Onbekende zetels kunnen alle kanten op, ook afwezig.</source>
        <translation>The parties of the current council with their seats. Choose for, against or unknown for each party. What is filled in is a guess: the party&apos;s last vote on this motion or, if it has not voted on it yet, its last vote on another motion of this dossier (motions have no theme tags; the dossier is one partnership). Unknown seats can go either way, or be absent.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fractie</source>
        <translation>Party</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zetels</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schatting</source>
        <translation>Guess</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dit dossier heeft geen huidige fracties. Voeg onder Fracties de fracties van de raad toe, met hun zetels.</source>
        <translation>This dossier has no current parties. Add the council&apos;s parties with their seats under Parties.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fracties en hun keuze</source>
        <translation>Parties and their choice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Deze telling wordt niet opgeslagen.</source>
        <translation>This count is not saved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terug naar de schatting</source>
        <translation>Back to the guess</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elke fractie terug naar de schatting</source>
        <translation>Every party back to the guess</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>zetels onbekend</source>
        <translation>seats unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+82"/>
        <source>voor</source>
        <translation>for</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+82"/>
        <source>tegen</source>
        <translation>against</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+81"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>geschat — gebaseerd op: %1</source>
        <translation>guessed — based on: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Geschat naar: %1</source>
        <translation>Guessed from: %1</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>door u gekozen (de schatting was: %1)</source>
        <translation>chosen by you (the guess was: %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>door u gekozen</source>
        <translation>chosen by you</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>geen eerdere stemming</source>
        <translation>no earlier vote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deze fractie stemde nog over geen motie van dit dossier.</source>
        <translation>This party has not voted on any motion of this dossier yet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>stemming %1 van deze motie</source>
        <translation>vote %1 on this motion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 zetel</source>
        <translation>1 seat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 zetels</source>
        <translation>%1 seats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 en %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nog %1 onbekend, en de zetels van %2</source>
        <translation>%1 still unknown, and the seats of %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nog %1 onbekend</source>
        <translation>%1 still unknown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>zetels van %1 onbekend</source>
        <translation>seats of %1 unknown</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Geen huidige fracties in dit dossier: voeg de fracties van de raad met hun zetels toe om te tellen.</source>
        <translation>No current parties in this dossier: add the council&apos;s parties with their seats to count.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; %1, maar dat verandert de uitkomst niet</source>
        <translation>; %1, but that does not change the outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ten minste %1</source>
        <translation>at least %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aangenomen bij %1 van %2 zetels%3.</source>
        <translation>Adopted with %1 of %2 seats%3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verworpen: %1 voor, %2 tegen%3.</source>
        <translation>Rejected: %1 for, %2 against%3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staken der stemmen: %1 voor, %2 tegen; de raad stemt opnieuw.</source>
        <translation>Tie: %1 for, %2 against; the council votes again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — uitkomst open (%2 voor, %3 tegen).</source>
        <translation>%1 — outcome open (%2 for, %3 against).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voor: %1 · tegen: %2 · onbekend: %3 — van %4</source>
        <translation>For: %1 · against: %2 · unknown: %3 — of %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, meerderheid %1</source>
        <translation>, majority %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; zetels onbekend: %1</source>
        <translation>; seats unknown: %1</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/registry.py" line="+110"/>
        <location line="+56"/>
        <source>Vertrouwelijkheid</source>
        <translation>Confidentiality</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="-30"/>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/registry.py" line="+4"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Moties</source>
        <translation>Motions</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+70"/>
        <location line="+39"/>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="-109"/>
        <location line="+66"/>
        <location line="+4"/>
        <location line="+7"/>
        <location line="+3"/>
        <location line="+19"/>
        <location line="+7"/>
        <location line="+2"/>
        <location line="+3"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-110"/>
        <location line="+77"/>
        <location line="+2"/>
        <location line="+11"/>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+8"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Indieners</source>
        <translation>Submitters</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+66"/>
        <location line="+11"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>(bron: %1)</source>
        <translation>(source: %1)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Uitslag</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hier komen de moties over de stedenband: wie ze indiende, de overwegingen en het dictum, hoe elke fractie stemde en wat het college ermee deed.</source>
        <translation>The motions about the partnership go here: who submitted them, the considerations and the operative text, how each party voted and what the college did with them.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen de toezeggingen van het college: wie wat beloofde, wanneer, en of het al is nagekomen.</source>
        <translation>The college&apos;s commitments go here: who promised what, when, and whether it has been fulfilled.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen schriftelijke vragen en Kamervragen met hun antwoorden, en hoe lang de beantwoording duurde. Plak ze als tekst of importeer ze.</source>
        <translation>Written questions and parliamentary questions go here, with their answers and how long answering took. Paste them as text or import them.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen collegestukken: raadsinformatiebrieven, notities en besluiten, met het standpunt van het college.</source>
        <translation>College documents go here: information letters to the council, notes and decisions, with the college&apos;s position.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen demonstraties en acties over de stedenband: waar, wanneer, wie, en wat ze vroegen.</source>
        <translation>Demonstrations and protests about the partnership go here: where, when, who, and what they asked for.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen de kosten van de stedenband: reizen, personeel en evenementen, per jaar of in totaal.</source>
        <translation>The partnership&apos;s costs go here: travel, staff and events, per year or in total.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen de opbrengsten die aan de stedenband worden toegeschreven, en wie dat zegt.</source>
        <translation>The outcomes attributed to the partnership go here, and who claims them.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hier komen de bronnen waarop het dossier steunt: artikelen, Kamerstukken, rapporten en webpagina&apos;s.</source>
        <translation>The sources the dossier rests on go here: articles, parliamentary papers, reports and web pages.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen bestanden die bij het dossier horen (PDF, DOCX, tekst of afbeeldingen). Sleep ze hierheen of voeg ze toe; hun tekst wordt doorzoekbaar.</source>
        <translation>Files that belong to the dossier go here (PDF, DOCX, text or images). Drag them here or add them; their text becomes searchable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen uw eigen notities: spreekteksten en aantekeningen. Ze gaan alleen mee in een vergaderstuk als u dat kiest.</source>
        <translation>Your own notes go here: speaking notes and jottings. They only go into a meeting paper if you choose so.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen de vergaderingen van raad en commissies waarin de stedenband aan de orde was, met hun agendapunten.</source>
        <translation>The council and committee meetings where the partnership was discussed go here, with their agenda items.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen gebeurtenissen rond de stedenband: handelsmissies, bezoeken, ondertekeningen en verklaringen.</source>
        <translation>Events around the partnership go here: trade missions, visits, signings and statements.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen stemmingen die een import niet aan één motie kon koppelen. Nu zijn er geen: alle stemmingen horen bij een motie.</source>
        <translation>Votes that an import could not tie to one motion go here. There are none now: every vote belongs to a motion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier komen de fracties in de raad, met hun zetels; stemmingen per fractie gebruiken ze.</source>
        <translation>The parties in the council go here, with their seats; votes per party use them.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hier komen raadsleden, wethouders en anderen die in het dossier voorkomen. Wie risico loopt, wordt nooit zonder toestemming genoemd.</source>
        <translation>Councillors, aldermen and others who appear in the dossier go here. Anyone at risk is never named without permission.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hier is nog niets.</source>
        <translation>Nothing here yet.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Toezeggingen</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toegezegd door</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uiterste datum</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+6"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="-5"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Vragen &amp; antwoorden</source>
        <translation>Questions &amp; answers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ingediend</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beantwoord</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dagen</source>
        <translation>Days</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Collegestukken</source>
        <translation>College documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <location line="+4"/>
        <location line="+3"/>
        <location line="+5"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-32"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Demonstraties</source>
        <translation>Demonstrations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geschatte omvang</source>
        <translation>Estimated size</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+21"/>
        <source>Einddatum</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Amnesty-checklist</source>
        <translation>Amnesty checklist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kosten &amp; opbrengsten</source>
        <translation>Costs &amp; outcomes</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/registry.py" line="-26"/>
        <source>Kosten</source>
        <translation>Costs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bedrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grondslag</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opbrengsten</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opbrengst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volgens</source>
        <translation>According to</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uitgever</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documentnummer</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Bijlagen</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bestandsnaam</source>
        <translation>File name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grootte</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Vergaderingen</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orgaan</source>
        <translation>Body</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Gebeurtenissen</source>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Niet-toegewezen stemmingen</source>
        <translation>Unassigned votes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agendapunt</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/domain/kinds.py" line="+1"/>
        <source>Fracties &amp; personen</source>
        <translation>Parties &amp; people</translation>
    </message>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/registry.py" line="+3"/>
        <source>Fracties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Afkorting</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zetels</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risico</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loopt risico</source>
        <translation>at risk</translation>
    </message>
</context>
<context>
    <name>ServerActions</name>
    <message>
        <location filename="../../src/raadsdossier/gui/server_actions.py" line="+37"/>
        <source>1 wijziging</source>
        <translation>1 change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 wijzigingen</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 conflict</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 conflicten</source>
        <translation>%1 conflicts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server niet bereikbaar — u werkt offline</source>
        <translation>Server not reachable — you are working offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>%1 te versturen</source>
        <translation>%1 to send</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 te beslissen</source>
        <translation>%1 to decide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>achter, versie %1 beschikbaar</source>
        <translation>behind, version %1 available</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bijgewerkt</source>
        <translation>up to date</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; op %2; dit bestand is op versie %3. De server is nu niet te bereiken: u werkt offline verder en verstuurt uw wijzigingen later.</source>
        <translation>&apos;%1&apos; on %2; this file is at version %3. The server cannot be reached now: you keep working offline and send your changes later.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; op %2; dit bestand is op versie %3, de server op versie %4.</source>
        <translation>&apos;%1&apos; on %2; this file is at version %3, the server at version %4.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 verstuurd</source>
        <translation>%1 sent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>niets te versturen</source>
        <translation>nothing to send</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 binnengehaald</source>
        <translation>%1 brought in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>niets nieuws op de server</source>
        <translation>nothing new on the server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2; nu versie %3.</source>
        <translation>%1: %2; now at version %3.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Opslag &amp;maken…</source>
        <translation>&amp;Create store…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De opslag voor dossiers maken in een PostgreSQL-database</source>
        <translation>Create the store for dossiers in a PostgreSQL database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dossiers op de server…</source>
        <translation>&amp;Dossiers on the server…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De dossiers op de server tonen en er een ophalen om in te werken</source>
        <translation>Show the dossiers on the server and fetch one to work in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Op de server zetten…</source>
        <translation>&amp;Put on the server…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Het huidige dossier op de server zetten, zodat anderen het kunnen ophalen</source>
        <translation>Put the current dossier on the server, so that others can fetch it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wijzigingen versturen</source>
        <translation>&amp;Send changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uw wijzigingen naar de server sturen en die van anderen binnenhalen</source>
        <translation>Send your changes to the server and bring in those of others</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bijwerken</source>
        <translation>&amp;Update</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binnenhalen wat anderen op de server wijzigden; uw eigen wijzigingen blijven hier</source>
        <translation>Bring in what others changed on the server; your own changes stay here</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Conflicten oplossen…</source>
        <translation>&amp;Resolve conflicts…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per item kiezen tussen uw waarde en die van de server</source>
        <translation>Choose per item between your value and the server’s</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Serverstatus</source>
        <translation>Server status</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Server: status wordt opgehaald…</source>
        <translation>Server: fetching status…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Server: status onbekend</source>
        <translation>Server: status unknown</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+162"/>
        <source>Niet gelukt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>Opslag maken</source>
        <translation>Create store</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Maak de opslag voor dossiers in een PostgreSQL-database. De database zelf maakt de beheerder van de server; Raadsdossier maakt er zijn opslag in. Bestaat die al, dan verandert er niets.</source>
        <translation>Create the store for dossiers in a PostgreSQL database. The server’s administrator creates the database itself; Raadsdossier creates its store in it. If the store already exists, nothing changes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Op %1 is de opslag gemaakt. Zet er dossiers op met Server → Op de server zetten.</source>
        <translation>The store was created at %1. Put dossiers on it with Server → Put on the server.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Op %1 was de opslag er al; er is niets veranderd.</source>
        <translation>The store already existed at %1; nothing was changed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De opslag wordt gemaakt op %1…</source>
        <translation>Creating the store at %1…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Niet opgehaald</source>
        <translation>Not fetched</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Er is al een bestand %1. Ophalen overschrijft nooit een bestand: kies een andere naam.</source>
        <translation>There is already a file %1. Fetching never overwrites a file: choose another name.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; is opgehaald (versie %2) en staat in %3. U werkt erin zoals altijd, ook offline; Server → Wijzigingen versturen stuurt uw wijzigingen terug.</source>
        <translation>&apos;%1&apos; was fetched (version %2) and saved as %3. Work in it as always, offline too; Server → Send changes sends your changes back.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; wordt opgehaald van de server…</source>
        <translation>Fetching &apos;%1&apos; from the server…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 staat op de server als &apos;%2&apos; (versie %3). Dit bestand is nu opgehaald van de server: stuur uw wijzigingen met Server → Wijzigingen versturen.</source>
        <translation>%1 is on the server as &apos;%2&apos; (version %3). This file is now checked out from the server: send your changes with Server → Send changes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 wordt op de server gezet…</source>
        <translation>Putting %1 on the server…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Wijzigingen van %1 worden verstuurd…</source>
        <translation>Sending the changes of %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 wordt bijgewerkt van de server…</source>
        <translation>Updating %1 from the server…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Eén conflict wacht nog op uw keuze (Server → Conflicten oplossen…); tot dan blijven beide waarden bewaard.</source>
        <translation>One conflict still awaits your choice (Server → Resolve conflicts…); until then both values are kept.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 conflicten wachten nog op uw keuze (Server → Conflicten oplossen…); tot dan blijven beide waarden bewaard.</source>
        <translation>%1 conflicts still await your choice (Server → Resolve conflicts…); until then both values are kept.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 heeft geen conflicten met de server.</source>
        <translation>%1 has no conflicts with the server.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Gekozen voor 1 item: %2 met uw waarde, %3 met die van de server.</source>
        <translation>Chosen for 1 item: %2 with your value, %3 with the server’s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gekozen voor %1 items: %2 met uw waarde, %3 met die van de server.</source>
        <translation>Chosen for %1 items: %2 with your value, %3 with the server’s.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Het conflict blijft bewaard tot u kiest</source>
        <translation>The conflict is kept until you choose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De %1 conflicten blijven bewaard tot u kiest</source>
        <translation>The %1 conflicts are kept until you choose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uw waarden in dit dossier, die van de server op de server. Van de items in conflict is niets verstuurd of overschreven. Kies later met Server → Conflicten oplossen…</source>
        <translation>your values in this dossier, the server’s on the server. Nothing of the items in conflict was sent or overwritten. Choose later with Server → Resolve conflicts…</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../src/raadsdossier/gui/server_dialog.py" line="+30"/>
        <source>Vul het adres van de server in.</source>
        <translation>Fill in the server’s address.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dit is geen bruikbaar adres. Schrijf postgresql://gebruiker@server/database of service:NAAM.</source>
        <translation>This is not a usable address. Write postgresql://user@server/database or service:NAME.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zet geen wachtwoord in het adres: het zou dan in de instellingen komen. Zet het in ~/.pgpass of in pg_service.conf.</source>
        <translation>Do not put a password in the address: it would end up in the settings. Put it in ~/.pgpass or in pg_service.conf.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Het wachtwoord hoort niet in het adres: zet het in ~/.pgpass of in pg_service.conf (vraag de beheerder van de server). Raadsdossier onthoudt alleen het adres.</source>
        <translation>The password does not belong in the address: put it in ~/.pgpass or in pg_service.conf (ask the server’s administrator). Raadsdossier remembers only the address.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Adres van de server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>postgresql://gebruiker@server/database, of service:NAAM voor een dienst uit pg_service.conf</source>
        <translation>postgresql://user@server/database, or service:NAME for a service from pg_service.conf</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+65"/>
        <source>&amp;Adres van de server</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+82"/>
        <source>Naam op de server</source>
        <translation>Name on the server</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Onder deze naam vinden anderen het dossier op de server</source>
        <translation>Others find the dossier on the server under this name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Naam op de server</source>
        <translation>&amp;Name on the server</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Vul de naam in waaronder het dossier op de server komt.</source>
        <translation>Fill in the name the dossier gets on the server.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+3"/>
        <source>Op de server zetten</source>
        <translation>Put on the server</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Het dossier komt op de server onder de naam hieronder. Daarna is dit bestand opgehaald van de server: u werkt erin zoals altijd, ook offline, en stuurt uw wijzigingen met Server → Wijzigingen versturen.</source>
        <translation>The dossier goes on the server under the name below. This file is then checked out from the server: you work in it as always, offline too, and send your changes with Server → Send changes.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+30"/>
        <source>Dossiers op de server</source>
        <translation>Dossiers on the server</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Kies een dossier en haal het op: het komt als een bestand op deze computer, waarin u ook offline werkt. Met Server → Wijzigingen versturen gaan uw wijzigingen terug naar de server.</source>
        <translation>Choose a dossier and fetch it: it becomes a file on this computer, in which you can also work offline. Server → Send changes sends your changes back to the server.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Tonen</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dossiers op deze server tonen</source>
        <translation>Show the dossiers on this server</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laatst bijgewerkt</source>
        <translation>Last updated</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Ophalen…</source>
        <translation>&amp;Fetch…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Het gekozen dossier ophalen</source>
        <translation>Fetch the chosen dossier</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>De server wordt gevraagd welke dossiers er zijn…</source>
        <translation>Asking the server which dossiers it holds…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 dossier(s) op %2.</source>
        <translation>%1 dossier(s) on %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Er staan nog geen dossiers op %1. Zet er een op met Server → Op de server zetten.</source>
        <translation>There are no dossiers on %1 yet. Put one on it with Server → Put on the server.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Opgehaald dossier opslaan</source>
        <translation>Save the fetched dossier</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/timeline.py" line="+124"/>
        <location line="+63"/>
        <source>datum onbekend</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Vertrouwelijkheid, als het item niet openbaar is</source>
        <translation>Confidentiality, when the item is not public</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Items zonder datum en zonder bron met een datum</source>
        <translation>Items without a date and without a dated source</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (bron: %2)</source>
        <translation>%1 (source: %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(landelijk)</source>
        <translation>(national)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zonder eigen datum: het staat op de datum van de bron die het noemt (%1).</source>
        <translation>No date of its own: it stands at the date of the source it cites (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zonder eigen datum en zonder bron met een datum.</source>
        <translation>No date of its own and no dated source.</translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <location line="+198"/>
        <source>Toon %1</source>
        <translation>Show %1</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Alles</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alle soorten tonen</source>
        <translation>Show all types</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Niets</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geen enkele soort tonen</source>
        <translation>Show no type</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tijdlijn leeg</source>
        <translation>Timeline empty</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Hier verschijnen de moties, toezeggingen, vragen, collegestukken, demonstraties, gebeurtenissen, kosten, opbrengsten, bronnen en vergaderingen van dit dossier, per jaar op volgorde van datum; dit dossier heeft er nog geen.</source>
        <translation>This dossier&apos;s motions, commitments, questions, college documents, demonstrations, events, costs, outcomes, sources and meetings appear here, by year in date order; this dossier has none yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Geen soort gekozen: kies hierboven welke soorten de tijdlijn toont.</source>
        <translation>No type chosen: choose above which types the timeline shows.</translation>
    </message>
</context>
<context>
    <name>TrackerModel</name>
    <message>
        <location filename="../../src/raadsdossier/gui/tracker_model.py" line="+65"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+111"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+111"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-110"/>
        <location line="+112"/>
        <source>Indieners</source>
        <translation>Submitters</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+111"/>
        <source>Uitslag</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Stemming per fractie</source>
        <translation>Vote by party</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+144"/>
        <location line="+2"/>
        <source>Uitvoering</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Vertrouwelijkheid</source>
        <translation>Confidentiality</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>te laat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>uiterlijk %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Mede-indieners</source>
        <translation>Co-submitters</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stemming %1</source>
        <translation>Vote %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uitslag onbekend</source>
        <translation>result unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1 voor, %2 tegen)</source>
        <translation>(%1 for, %2 against)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stemmingen</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De uitvoering is over de uiterste datum.</source>
        <translation>The follow-up is past its deadline.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 stuk als bewijs</source>
        <translation>1 document as evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 stukken als bewijs</source>
        <translation>%1 documents as evidence</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nog niet bijgehouden. Open de motie in haar dossier en kies Bewerken om bij te houden wat het college ermee doet.</source>
        <translation>Not tracked yet. Open the motion in its dossier and choose Edit to track what the college does with it.</translation>
    </message>
</context>
<context>
    <name>TrackerView</name>
    <message>
        <location filename="../../src/raadsdossier/gui/tracker_view.py" line="+54"/>
        <source>Moties volgen</source>
        <translation>Motion tracker</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>de geopende dossiers</source>
        <translation>the open dossiers</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+95"/>
        <source>Map kiezen…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Opnieuw lezen</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lees de dossiers opnieuw, met wat er sinds is veranderd</source>
        <translation>Read the dossiers again, with what has changed since</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moties uit:</source>
        <translation>Motions from:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>alle fracties</source>
        <translation>all parties</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Fractie</source>
        <translation>Party</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>De moties die deze fractie indiende of waarover zij stemde</source>
        <translation>The motions this party submitted or voted on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>naam of deel ervan</source>
        <translation>name or part of it</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>Indiener</source>
        <translation>Submitter</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+5"/>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+26"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>te laat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>niet bijgehouden</source>
        <translation>not tracked</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+20"/>
        <source>Uitvoering</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>JJJJ, JJJJ-MM of JJJJ-MM-DD</source>
        <translation>YYYY, YYYY-MM or YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+54"/>
        <source>Filters wissen</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Moties in alle dossiers</source>
        <translation>Motions in all dossiers</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Aantal moties</source>
        <translation>Number of motions</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nog geen moties</source>
        <translation>No motions yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dossier openen…</source>
        <translation>Open dossier…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Openen in het dossier</source>
        <translation>Open in its dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De motie in haar dossier openen (dubbelklik of Enter in de lijst)</source>
        <translation>Open the motion in its dossier (double-click or Enter in the list)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lezen: de gekozen motie</source>
        <translation>Reading: the chosen motion</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Bezig met lezen</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wat er is gelezen</source>
        <translation>What was read</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>een map (nog niet gekozen)</source>
        <translation>a folder (not chosen yet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>de map %1</source>
        <translation>the folder %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Map met dossiers kiezen</source>
        <translation>Choose a folder of dossiers</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Bezig met het lezen van %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+147"/>
        <source>De dossiers worden gelezen…</source>
        <translation>Reading the dossiers…</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>1 dossier</source>
        <translation>1 dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 dossiers</source>
        <translation>%1 dossiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 motie</source>
        <translation>1 motion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 moties</source>
        <translation>%1 motions</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Gelezen: %1 uit %2.</source>
        <translation>Read: %1 from %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overgeslagen: %1 — %2</source>
        <translation>Skipped: %1 — %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>De dossiers konden niet worden gelezen: %1</source>
        <translation>The dossiers could not be read: %1</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Geen motie voldoet aan deze filters.</source>
        <translation>No motion meets these filters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In deze dossiers staan nog geen moties. Hier komen de moties uit al uw dossiers samen: wie ze indiende, hoe elke fractie stemde en wat het college ermee deed. Importeer moties in een dossier (Bestand → Importeren…), of maak er een in de lijst Moties van een dossier.</source>
        <translation>These dossiers hold no motions yet. Here the motions of all your dossiers come together: who submitted them, how each party voted and what the college did with them. Import motions into a dossier (File → Import…), or make one in a dossier&apos;s Motions list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hier komen de moties uit al uw dossiers samen: wie ze indiende, hoe elke fractie stemde en wat het college ermee deed. Open de dossiers die u wilt volgen, of kies een map met dossiers.</source>
        <translation>Here the motions of all your dossiers come together: who submitted them, how each party voted and what the college did with them. Open the dossiers you want to follow, or choose a folder of dossiers.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Kies een motie in de lijst om haar hier te lezen. Dubbelklik erop (of druk op Enter) om haar in haar dossier te openen.</source>
        <translation>Choose a motion in the list to read it here. Double-click it (or press Enter) to open it in its dossier.</translation>
    </message>
</context>
<context>
    <name>UnassignedVoteSection</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/unassigned.py" line="+27"/>
        <source>Motie waarop deze stemming betrekking heeft</source>
        <translation>Motion this vote was on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toewijzen</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>De bron koppelt deze stemming niet aan één motie. Kies de motie waarover is gestemd; de stemming wordt dan een stemming van die motie.</source>
        <translation>The source does not tie this vote to one motion. Choose the motion that was voted on; the vote then becomes a vote on that motion.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stemming toewijzen</source>
        <translation>Assign vote</translation>
    </message>
</context>
<context>
    <name>Unexpected</name>
    <message>
        <location filename="../../src/raadsdossier/gui/unexpected.py" line="+23"/>
        <source>Niet gelukt</source>
        <translation>Did not succeed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Onverwachte fout</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Er ging iets mis in Raadsdossier (%1). Wat al was opgeslagen, blijft opgeslagen; meld dit, met wat u deed, aan wie Raadsdossier beheert.</source>
        <translation>Something went wrong in Raadsdossier (%1). What was saved stays saved; please report this, with what you did, to whoever looks after Raadsdossier.</translation>
    </message>
</context>
<context>
    <name>VoteChart</name>
    <message>
        <location filename="../../src/raadsdossier/gui/vote_chart.py" line="+22"/>
        <source>Stemmingsgrafiek</source>
        <translation>Vote chart</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+14"/>
        <source>geen stemmen per fractie of lid bekend</source>
        <translation>no votes per party or member known</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Zonder zetels per fractie kan de uitslag niet worden berekend.</source>
        <translation>Without the seats of each party the result cannot be computed.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>voor %1 · tegen %2 · niet gestemd %3 · streep: de helft</source>
        <translation>for %1 · against %2 · did not vote %3 · line: half</translation>
    </message>
</context>
<context>
    <name>VoteEditor</name>
    <message>
        <location filename="../../src/raadsdossier/gui/sections/motions.py" line="-244"/>
        <source>Stemming %1</source>
        <translation>Vote %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JJJJ, JJJJ-MM of JJJJ-MM-DD</source>
        <translation>YYYY, YYYY-MM or YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datum van stemming %1</source>
        <translation>Date of vote %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Soort stemming %1</source>
        <translation>Type of vote %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>niet vastgelegd</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vastgelegde uitslag van stemming %1</source>
        <translation>Recorded result of vote %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Toelichting bij stemming %1</source>
        <translation>Note on vote %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stemmen bij stemming %1</source>
        <translation>Votes cast in vote %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fractie</source>
        <translation>Party</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lid</source>
        <translation>Member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zetels</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Regel erbij</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alle fracties</source>
        <translation>All parties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voeg elke fractie met haar zetels toe die nog niet in deze stemming staat</source>
        <translation>Add every party not yet in this vote, with its seats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regel weg</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stemming weg</source>
        <translation>Remove vote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stemming %1 verwijderen</source>
        <translation>Delete vote %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vastgelegde uitslag</source>
        <translation>Recorded result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Toelichting</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Wie, regel %1</source>
        <translation>Who, row %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keuze, regel %1</source>
        <translation>Choice, row %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zetels, regel %1</source>
        <translation>Seats, row %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Uitslag (vastgelegd): %1</source>
        <translation>Result (recorded): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nog geen uitslag bekend.</source>
        <translation>No result known yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Berekende uitslag: %1 (%2 voor, %3 tegen)</source>
        <translation>Computed result: %1 (%2 for, %3 against)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>vastgelegd: %1</source>
        <translation>recorded: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>let op: de vastgelegde uitslag klopt niet met de stemmen</source>
        <translation>note: the recorded result does not match the votes</translation>
    </message>
</context>
<context>
    <name>_EntryDelegate</name>
    <message>
        <location filename="../../src/raadsdossier/gui/follow_up_editor.py" line="-310"/>
        <source>JJJJ, JJJJ-MM of JJJJ-MM-DD</source>
        <translation>YYYY, YYYY-MM or YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datum van de regel</source>
        <translation>Date of the entry</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wat er gebeurde</source>
        <translation>What happened</translation>
    </message>
</context>
</TS>
