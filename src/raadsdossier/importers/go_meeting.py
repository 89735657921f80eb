"""GemeenteOplossingen ("GO. raadsinformatie") meeting pages as an import format.

GO councils publish no API: the meeting page is what there is, saved from the browser. It is
parsed as HTML (lxml.html; never with patterns on the markup) and becomes ONE meeting with ALL
its agenda items in page order, and its documents as sources:

    the site's address           og:url, else <link rel="canonical">, else <base href>, else the
                                 "saved from url" comment a browser writes; relative document
                                 addresses are made absolute against it. A page without any of
                                 them is refused: without the site the meeting cannot be told
                                 apart from another council's.
    input#meeting_object_id      GO's id of the meeting (else input#currentObjectIds; else the
                                 meeting's path without its time, "Gemeenteraad/2015/31-augustus").
                                 reference "go-<host>-<id>"; the ids of the meeting, its agenda items
                                 and documents derive from the host and GO's ids, so a later capture
                                 (or another page of the same meeting) updates them in place
    h2.page_title span.group     title ("Gemeenteraad", "Raadscommissie Bestuur en Middelen"); else
                                 the breadcrumb's meeting type, else the page's <title>
    span.date                    date ("31 augustus 2015"); else the <title>, else the address
                                 (".../2015/31-augustus/19:30/")
    title names a commissie      body "committee", else "council"
    div#documenten li a          sources (kind "other": title as the link reads, absolute url): the
                                 meeting's source_ids, with the page itself (kind "web_page")
    div#downloaden li a          the recordings of the meeting: sources titled "Geluidsopname: …"
    li.agendaRow                 agenda items in page order (nested rows after their parent):
      id "agendapunt19024_4718"  GO's id of the agenda item (19024): the agenda item's id and its
                                 origin "go:<host>:19024"
      div.first                  number ("6"; a trailing dot dropped; may repeat)
      div.title h3               title
      div.documents li a         sources with "agenda_item_id": the documents GO shows at the
                                 agenda item (present when the page was saved with them open)
    every agenda item is kind "debate": GO's page does not mark formalities or headings.

Skipped and said so in the report: agenda rows without a GO id, document links without an
address, a second row with the same GO id. Not read: explanations (div.toelichting), notes,
speakers, video fragments, the legend.

Refused with a sentence saying why: HTML that is not a GO meeting page (no li.agendaRow), an
agenda row saved on its own (as scrapers keep them: it names neither the site nor the meeting, so
it cannot be put on the right meeting; its meeting page holds the same row), and GO's list of one
agenda item's documents (risbis "get_docs_for_ag": it does not name its meeting either).

Files over 50 MB are refused; bad input raises InvalidInput naming the file and the element.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from raadsdossier.domain.enums import AgendaItemKind, Body, SourceKind
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers import ImportFormat, register
from raadsdossier.importers._common import with_present
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import check_schema
from raadsdossier.storage.files import read_bytes, read_head

NAME = "go-meeting"
# Fixed for good: ids derived from it make a second import of the same meeting update the first.
NAMESPACE = uuid.UUID("3a9dca71-f768-4414-bc68-72009669b090")
MAX_BYTES = 50 * 1024 * 1024
MEETINGS_FOLDER = "/vergaderingen/"  # GO's addresses: /vergaderingen/<gremium>/<year>/<day-month>/<time>/

MONTHS = {name: number for number, names in enumerate((
    ("januari", "jan"), ("februari", "feb"), ("maart", "mrt", "mar"), ("april", "apr"), ("mei",),
    ("juni", "jun"), ("juli", "jul"), ("augustus", "aug"), ("september", "sep", "sept"),
    ("oktober", "okt", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}

# These read values GO put in attributes, comments and addresses, not the markup.
_ROW_ID = re.compile(r"^agendapunt(\d+)(?:_\d+)?$")
_ROW_PART_ID = re.compile(r"^(?:attachements_|agendapunt_documenten_|button)(\d+)$")
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)\s*(\S+)")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})", re.I)
_PATH_DATE = re.compile(r"/(\d{4})/(\d{1,2})-([a-z]+)/", re.I)
_COMMITTEE = re.compile(r"commissie", re.I)

_ROW = 'contains(concat(" ", normalize-space(@class), " "), " agendaRow ")'
_NOTE = 'contains(concat(" ", normalize-space(@class), " "), " notelink ")'


def _make_id(host: str, *parts) -> str:
    return str(uuid.uuid5(NAMESPACE, f"go/{host}/" + "/".join(str(p) for p in parts)))


def _words(element) -> str:
    """An element's text as one line: GO wraps titles over several source lines."""
    return " ".join(element.text_content().split()) if element is not None else ""


def _first(elements: list):
    return elements[0] if elements else None


def _dutch_date(text: str) -> str | None:
    """ "31 augustus 2015" (or "31-augustus-2015") → "2015-08-31"; None when the text holds no such date."""
    for day, month, year in _DAY_MONTH_YEAR.findall(text or ""):
        number = MONTHS.get(month.lower())
        if number:
            try:
                return date(int(year), number, int(day)).isoformat()
            except ValueError:
                return None
    return None


def _load(path: Path):
    data = read_bytes(path, MAX_BYTES, "GO-vergaderpagina's")
    if not data.strip():
        raise InvalidInput(path, "het bestand is leeg; verwacht een vergaderpagina van GemeenteOplossingen (HTML).")
    # An HTML parser reads a page cut off halfway without complaint, and the agenda would silently lack its
    # last items: a whole page ends with its </html>.
    if b"<html" in data[:4096].lower() and b"</html>" not in data[-65536:].lower():
        raise InvalidInput(path, "de pagina houdt halverwege op (het slot </html> ontbreekt), dus de agenda is niet "
                                 "compleet; sla de vergaderpagina opnieuw op vanuit de browser.")
    try:
        data.decode("utf-8")
        parser = lxml.html.HTMLParser(encoding="utf-8")
    except UnicodeDecodeError:
        parser = lxml.html.HTMLParser()  # the page's own <meta charset>, as a browser reads it
    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        raise InvalidInput(path, "dit is geen leesbare HTML; verwacht een vergaderpagina van "
                                 "GemeenteOplossingen.") from None


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.sources: dict[str, dict] = {}
        self.skipped: dict[str, int] = {}
        self.warnings: list[str] = []

    def fail(self, problem: str) -> InvalidInput:
        return InvalidInput(self.path, problem)

    def skip(self, what: str, warning: str) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + 1
        self.warnings.append(warning)

    def read(self) -> dict:
        page = _load(self.path)
        rows = page.xpath(f"//li[{_ROW}]")
        self.base = self._site_address(page)
        if not rows:
            raise self._not_a_meeting(page)
        meeting_key = self._meeting_key(page)
        if self.base is None:
            if meeting_key is None and not page.xpath("//title | //meta"):
                raise self._lone_row(rows[0])
            raise self.fail("het adres van de GO-site staat niet in de pagina (geen og:url, canonical of base); "
                            "zonder dat is de vergadering niet van die van een andere gemeente te onderscheiden. "
                            "Sla de vergaderpagina op vanuit de browser en importeer die.")
        self.host = urlsplit(self.base).hostname.lower()
        meeting_key = meeting_key or self._path_key()
        if meeting_key is None:
            raise self.fail("de pagina noemt het nummer van de vergadering niet (input#meeting_object_id) en haar "
                            f"adres ({self.base}) is geen GO-vergaderadres (/Vergaderingen/<orgaan>/<jaar>/<dag>/); "
                            "zo kan een latere import haar niet terugvinden.")

        title = self._title(page)
        heading_date = page.xpath('//h2[contains(@class, "page_title")]//span[contains(@class, "date")]')
        when = (_dutch_date(_words(_first(heading_date))) or _dutch_date(_words(_first(page.xpath("//title"))))
                or self._path_date())
        page_source = with_present({"id": _make_id(self.host, "bron", "vergadering", meeting_key),
                                    "kind": SourceKind.WEB_PAGE.value,
                                    # No file name in it: a later capture comes in another file.
                                    "title": f"GO-vergaderpagina: {title}{f' {when}' if when else ''}",
                                    "publisher": f"GemeenteOplossingen {self.host}"}, date=when, url=self.base)
        self.sources[page_source["id"]] = page_source
        source_ids = [page_source["id"]]
        for where, item in self._document_links(page.xpath('//div[@id="documenten"]//li'), "div#documenten"):
            source = self._document(item, where, None)
            if source and source["id"] not in source_ids:
                source_ids.append(source["id"])
        for where, item in self._document_links(page.xpath('//div[@id="downloaden"]//li'), "div#downloaden"):
            source = self._document(item, where, None, prefix="Geluidsopname: ")
            if source and source["id"] not in source_ids:
                source_ids.append(source["id"])

        agenda, seen = [], {}
        for position, row in enumerate(rows, start=1):
            entry = self._agenda_item(row, position, seen)
            if entry is not None:
                agenda.append(entry)

        self.meeting_id = _make_id(self.host, "meeting", meeting_key)
        entry = with_present({"id": self.meeting_id, "reference": f"go-{self.host}-{meeting_key}"}, date=when)
        entry["body"] = (Body.COMMITTEE if _COMMITTEE.search(title) else Body.COUNCIL).value
        entry.update(title=title, agenda_items=agenda, source_ids=source_ids)
        document: dict = {"format": FORMAT, "sources": list(self.sources.values()), "meetings": [entry]}
        if self.skipped or self.warnings:
            document["report"] = {"skipped": self.skipped, "warnings": self.warnings}
        check_schema(document, self.path)  # a parser bug must not reach the dossier
        return document

    # -- what kind of page -----------------------------------------------------------------

    def _not_a_meeting(self, page) -> InvalidInput:
        heading = _words(_first(page.xpath("//h4")))
        if heading.lower().startswith("vergaderstukken bij agendapunt"):
            return self.fail("dit is GO's lijst met stukken bij één agendapunt; die noemt de vergadering niet, dus "
                             "de stukken kunnen niet aan het juiste agendapunt worden gehangen. Importeer de "
                             "vergaderpagina, opgeslagen met de stukken van het agendapunt opengeklapt.")
        generator = " ".join(page.xpath('//meta[@name="generator" or @name="author"]/@content'))
        if re.search(r"GemeenteOplossingen|GO\. raadsinformatie", generator):
            return self.fail("dit is een pagina van GemeenteOplossingen, maar geen vergaderpagina: er staan geen "
                             "agendapunten (li.agendaRow) in.")
        return self.fail("dit is geen vergaderpagina van GemeenteOplossingen: er staan geen agendapunten "
                         "(li.agendaRow) in.")

    def _lone_row(self, row) -> InvalidInput:
        number = _words(_first(row.xpath('./div[contains(@class, "first")]')))
        title = self._row_title(row)
        return self.fail(f"dit is één agendapunt (punt {number or '?'}: '{title}') zoals het op een "
                         "GO-vergaderpagina staat, zonder de pagina eromheen: het noemt de site en de vergadering niet, dus het kan "
                         "niet aan de juiste vergadering worden gekoppeld. Importeer de vergaderpagina zelf "
                         "(opgeslagen vanuit de browser); daarop staat dit agendapunt ook.")

    # -- the meeting -----------------------------------------------------------------------

    def _site_address(self, page) -> str | None:
        candidates = (page.xpath('//meta[@property="og:url"]/@content')
                      + page.xpath('//link[@rel="canonical"]/@href')
                      + page.xpath("//base/@href")
                      + [m.group(1) for c in page.xpath("//comment()") if (m := _SAVED_FROM.search(c.text or ""))])
        for candidate in candidates:
            candidate = candidate.strip()
            parts = urlsplit(candidate)
            if parts.scheme in ("http", "https") and parts.hostname:
                return candidate
        return None

    def _meeting_key(self, page) -> str | None:
        for value in page.xpath('//input[@id="meeting_object_id"]/@value | //input[@id="currentObjectIds"]/@value'):
            first = value.replace(",", " ").split()
            if first and first[0].isdigit():
                return first[0]
        return None

    def _path_segments(self) -> list[str]:
        """The meeting's part of the address: ["Gemeenteraad", "2015", "31-augustus", "19:30"]."""
        segments = [s for s in urlsplit(self.base).path.split("/") if s]
        lowered = [s.lower() for s in segments]
        folder = MEETINGS_FOLDER.strip("/")
        return segments[lowered.index(folder) + 1:] if folder in lowered else []

    def _path_key(self) -> str | None:
        segments = self._path_segments()
        # Without the time: GO changes the address when a meeting's time changes.
        return "/".join(segments[:3]) if len(segments) >= 3 else None

    def _path_date(self) -> str | None:
        match = _PATH_DATE.search(urlsplit(self.base).path)
        return _dutch_date(f"{match.group(2)} {match.group(3)} {match.group(1)}") if match else None

    def _title(self, page) -> str:
        group = _words(_first(page.xpath('//h2[contains(@class, "page_title")]//span[contains(@class, "group")]')))
        if group:
            return group
        crumbs = [_words(a) for a in page.xpath('//div[@id="breadcrumb"]/a')]
        if len(crumbs) >= 2 and crumbs[1]:
            return crumbs[1]
        segments = self._path_segments()
        return _words(_first(page.xpath("//title"))) or (segments[0].replace("-", " ") if segments else "") \
            or "GO-vergadering"

    # -- agenda items and documents --------------------------------------------------------

    def _row_title(self, row) -> str:
        title = _words(_first(row.xpath('./div[contains(@class, "title")]//h3')))
        if not title:
            title = _words(_first(row.xpath('./div[contains(@class, "title")]//a')))
        return title

    def _agenda_item(self, row, position: int, seen: dict[str, int]) -> dict | None:
        number = _words(_first(row.xpath('./div[contains(@class, "first")]'))).rstrip(".").strip()
        title = self._row_title(row)
        where = f"agendapunt {position}" + (f" (nummer {number})" if number else "") + f" '{title}'"
        match = _ROW_ID.match(row.get("id") or "")
        go_id = match.group(1) if match else next(
            (m.group(1) for e in row.xpath(".//*[@id]") if (m := _ROW_PART_ID.match(e.get("id")))), None)
        if go_id is None:
            self.skip("agendapunten zonder GO-id", f"{where}: de regel heeft geen GO-id (li id=\"agendapunt…\") en "
                                                   "is overgeslagen.")
            return None
        if go_id in seen:
            self.skip("dubbele agendapunten", f"{where}: GO-id {go_id} staat ook bij agendapunt {seen[go_id]}; "
                                              "de tweede is overgeslagen.")
            return None
        seen[go_id] = position
        entry = {"id": _make_id(self.host, "agenda_item", go_id), "number": number or None,
                 "title": title or "(zonder titel)", "kind": AgendaItemKind.DEBATE.value,
                 "origin": f"go:{self.host}:{go_id}"}
        own = [li for li in row.xpath('.//div[contains(@class, "documents")]//li')
               if _first(li.xpath(f"ancestor::li[{_ROW}][1]")) is row]  # not those of a nested row
        if not own:  # links straight in the list, without list items
            own = [a for a in row.xpath('.//div[contains(@class, "documents")]//a')
                   if _first(a.xpath(f"ancestor::li[{_ROW}][1]")) is row]
        for link_where, link in self._document_links(own, f"{where}, stukken"):
            self._document(link, link_where, entry["id"])
        return entry

    def _document_links(self, items: list, where: str) -> list[tuple[str, object]]:
        """(where, the <a>) of each listed document: the first link of each <li> (or each link given) that is
        not a note link."""
        found = []
        for number, item in enumerate(items, start=1):
            links = [item] if item.tag == "a" else item.xpath(".//a")
            link = next((a for a in links if not a.xpath(f"self::a[{_NOTE}]") and _words(a).lower() != "notitie"),
                        None)
            if link is not None:
                found.append((f"{where}, document {number}", link))
        return found

    def _document(self, link, where: str, on_agenda_item: str | None, prefix: str = "") -> dict | None:
        title = _words(link)
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            self.skip("documenten zonder adres", f"{where}: '{title or '?'}' heeft geen adres en is overgeslagen.")
            return None
        url = urljoin(self.base, href)
        source_id = _make_id(self.host, "document", url)
        if source_id in self.sources:
            return self.sources[source_id]
        source = {"id": source_id, "kind": SourceKind.OTHER.value, "title": prefix + (title or url.rsplit("/", 1)[-1]),
                  "publisher": f"GemeenteOplossingen {self.host}", "url": url}
        if on_agenda_item:
            source["agenda_item_id"] = on_agenda_item
        self.sources[source_id] = source
        return source


def read_go_meeting(path: Path) -> dict:
    """Read a GemeenteOplossingen meeting page into an interchange document.

    One meeting with every agenda row in page order, its documents and recordings as sources; checked
    against the interchange schema, ids derived from the site's host and GO's own ids. Raises
    InvalidInput naming the file (and the row) for anything else. Pure function: any thread may call it.
    """
    return _Reader(path).read()


def _detect(path: Path, head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if not text.startswith("<"):
        return False
    # A row saved alone, one agenda item's documents: recognised, to be refused with what to import instead.
    if "agendaRow" in text or "get_docs_for_ag" in text or "Vergaderstukken bij agendapunt" in text:
        return True
    if "GemeenteOplossingen" not in text and "GO. raadsinformatie" not in text and "<html" in text.lower():
        # A page saved with its styles inline (a "saved from url" comment and kilobytes of CSS in <head>) names
        # GO after the first 4 KiB: look further into an HTML file, as notubiz-meeting does into JSON.
        text = read_head(path, 1024 * 1024).decode("utf-8", errors="ignore")
        if "agendaRow" in text:
            return True
    if "GemeenteOplossingen" in text or "GO. raadsinformatie" in text:
        # A GO site's other pages (its home page, a document list) are no meetings: look for the agenda.
        return b"agendaRow" in read_head(path, 8 * 1024 * 1024)
    return False


FORMAT_SPEC = register(ImportFormat(
    name=NAME,
    description="GemeenteOplossingen: een vergaderpagina met agenda en stukken (HTML, opgeslagen uit de browser)",
    suffixes=(".html", ".htm"),
    detect=_detect,
    read=read_go_meeting,
    priority=20,
))
