"""Reading untrusted XML safely (defusedxml, size and depth limits, Dutch messages) and cleaning its text.

Shared by the KOOP importers; the leading underscore keeps the registry from taking it for a format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from xml.parsers.expat import errors as expat_errors

from defusedxml import EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.storage.files import read_bytes, unicode_encoding

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 200


# -- safe XML ----------------------------------------------------------------------------------

def local_name(tag) -> str:
    """ "{http://www.loc.gov/zing/srw/}record" → "record"; SRU answers come with and without namespaces."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass
class XmlFile:
    """A parsed file: its root, the line each element starts on, what the reader had to say."""

    path: Path
    root: ET.Element
    lines: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def at(self, element: ET.Element) -> str:
        """ "regel 12: " for an element of this file, for messages."""
        line = self.lines.get(element)
        return f"regel {line}: " if line else ""

    def fail(self, element: ET.Element | None, problem: str) -> InvalidInput:
        return InvalidInput(self.path, (self.at(element) if element is not None else "") + problem)


class _TooDeep(Exception):
    def __init__(self, tag: str, line: int) -> None:
        self.tag, self.line = tag, line


class _Builder:
    """Parser target: builds the tree like TreeBuilder, remembers each element's line, and stops
    at nesting deeper than MAX_DEPTH while parsing, before anything recurses into the tree."""

    def __init__(self, line_offset: int) -> None:
        self._builder = ET.TreeBuilder()
        self._depth = 0
        self._offset = line_offset
        self.expat = None
        self.lines: dict = {}

    def start(self, tag, attrs):
        self._depth += 1
        line = self.expat.CurrentLineNumber + self._offset
        if self._depth > MAX_DEPTH:
            raise _TooDeep(local_name(tag), line)
        element = self._builder.start(tag, attrs)
        self.lines[element] = line
        return element

    def end(self, tag):
        self._depth -= 1
        return self._builder.end(tag)

    def data(self, data):
        self._builder.data(data)

    def close(self):
        return self._builder.close()


_EXPAT_NL = {
    expat_errors.XML_ERROR_NO_ELEMENTS: "het bestand houdt op voordat alle elementen zijn afgesloten "
                                        "(is het afgebroken of leeg?)",
    expat_errors.XML_ERROR_UNCLOSED_TOKEN: "het bestand houdt op midden in een element",
    expat_errors.XML_ERROR_TAG_MISMATCH: "de eindtag past niet bij de begintag",
    expat_errors.XML_ERROR_INVALID_TOKEN: "hier staat een teken dat in XML niet mag",
    expat_errors.XML_ERROR_SYNTAX: "de opbouw klopt niet",
    expat_errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: "na het laatste element staat nog meer",
    expat_errors.XML_ERROR_UNDEFINED_ENTITY: "hier staat een onbekende entiteit (&…;)",
    expat_errors.XML_ERROR_MISPLACED_XML_PI: "de XML-declaratie (<?xml …?>) staat niet aan het begin",
    expat_errors.XML_ERROR_DUPLICATE_ATTRIBUTE: "een attribuut staat twee keer in hetzelfde element",
    expat_errors.XML_ERROR_UNKNOWN_ENCODING: "de tekenset in de XML-declaratie is onbekend",
    expat_errors.XML_ERROR_INCORRECT_ENCODING: "de tekst is niet in de tekenset van de XML-declaratie",
    expat_errors.XML_ERROR_PARTIAL_CHAR: "het bestand houdt op midden in een teken",
    expat_errors.XML_ERROR_UNCLOSED_CDATA_SECTION: "een CDATA-blok is niet afgesloten",
    expat_errors.XML_ERROR_BAD_CHAR_REF: "hier verwijst &#…; naar een teken dat in XML niet mag (een stuurteken "
                                         "of een half teken)",
    expat_errors.XML_ERROR_UNBOUND_PREFIX: "een element of attribuut gebruikt een voorvoegsel (prefix:) dat nergens "
                                           "met xmlns: is vastgelegd",
    expat_errors.XML_ERROR_XML_DECL: "de XML-declaratie (<?xml …?>) klopt niet",
    expat_errors.XML_ERROR_NO_MEMORY: "het geheugen raakte op bij het lezen",
    expat_errors.XML_ERROR_AMPLIFICATION_LIMIT_BREACH: "het bestand zou bij het lezen uitdijen tot veel meer dan het "
                                                       "is (entiteiten die naar elkaar verwijzen)",
}
_EXPAT_NL = {expat_errors.codes[message]: dutch for message, dutch in _EXPAT_NL.items()}
_INVALID_TOKEN = expat_errors.codes[expat_errors.XML_ERROR_INVALID_TOKEN]
# The encoding an XML declaration names; without one (and without a UTF-16 byte order mark) XML is UTF-8.
_DECLARED_ENCODING = re.compile(rb"""\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.-]*)["']""")


def not_utf8(data: bytes) -> tuple[int, str] | None:
    """(line, what is wrong) for the first byte that is not UTF-8 in XML that has to be UTF-8 (its declaration
    names no other encoding, and it has no UTF-16 byte order mark); None when there is no such byte. Expat
    calls such a byte an invalid token, which tells the user nothing about how to repair the file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    declared = _DECLARED_ENCODING.match(data)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (data.count(b"\n", 0, exc.start) + 1,
                f"dit is geen tekst in UTF-8 (byte 0x{data[exc.start]:02x}), en XML zonder andere tekenset in de "
                "XML-declaratie moet UTF-8 zijn; sla het bestand op als UTF-8")
    return None


def read_xml(path: Path, *, skip_leading_junk: bool = False) -> XmlFile:
    """Parse an untrusted XML file; InvalidInput naming the file (and line) on anything unsafe or broken.

    Refuses files over MAX_BYTES and nesting over MAX_DEPTH, entity declarations (billion laughs)
    and external references (nothing is ever fetched). With skip_leading_junk, text before the
    XML declaration or first element (a capturing script's log lines) is skipped with a warning;
    line numbers in messages still count from the top of the file. Pure: any thread may call it.
    """
    data = read_bytes(path, MAX_BYTES, "XML-bestanden")
    if unicode_encoding(data) == "utf-32":  # expat reads UTF-8 and UTF-16 but not UTF-32: make it UTF-8
        try:
            text = data.decode("utf-32")
        except UnicodeDecodeError:
            raise InvalidInput(path, "het bestand begint als UTF-32, maar is het niet helemaal; sla het op als "
                                     "UTF-8.") from None
        data = re.sub(r"""^(<\?xml\s[^>]*?\bencoding\s*=\s*["'])[^"']*""", r"\g<1>UTF-8", text).encode("utf-8")
    line_offset, warnings = 0, []
    if skip_leading_junk:
        data, line_offset = _skip_junk(path, data)
        if line_offset:
            warnings.append("de eerste regel vóór de XML is overgeslagen." if line_offset == 1 else
                            f"de eerste {line_offset} regels vóór de XML zijn overgeslagen.")
    builder = _Builder(line_offset)
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    builder.expat = parser.parser

    def line() -> int:
        return parser.parser.CurrentLineNumber + line_offset

    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as exc:
        row, column = exc.position
        bad = not_utf8(data) if exc.code == _INVALID_TOKEN else None
        if bad and bad[0] <= row:  # the byte expat stopped at, or one before it
            raise InvalidInput(path, f"geen geldige XML (regel {bad[0] + line_offset}): {bad[1]}.") from None
        detail = _EXPAT_NL.get(exc.code) or f"de opbouw klopt niet ({str(exc).split(': line ')[0]})"
        where = f"regel {row + line_offset}, kolom {column + 1}"
        raise InvalidInput(path, f"geen geldige XML ({where}): {detail}.") from None
    except _TooDeep as exc:
        raise InvalidInput(path, f"regel {exc.line}: element <{exc.tag}> ligt meer dan {MAX_DEPTH} niveaus diep; "
                                 "zo diep geneste XML wordt niet gelezen.") from None
    except EntitiesForbidden as exc:
        if exc.sysid:
            raise InvalidInput(path, f"regel {line()}: <!ENTITY {exc.name}> verwijst naar '{exc.sysid}'; externe "
                                     "bestanden en adressen worden om veiligheidsredenen nooit gelezen.") from None
        raise InvalidInput(path, f"regel {line()}: <!ENTITY {exc.name}> declareert een entiteit; entiteiten worden "
                                 "om veiligheidsredenen niet uitgevouwen, dus dit bestand wordt niet "
                                 "gelezen.") from None
    except ExternalReferenceForbidden as exc:
        raise InvalidInput(path, f"regel {line()}: het bestand verwijst naar '{exc.sysid}'; externe bestanden en "
                                 "adressen worden om veiligheidsredenen nooit gelezen.") from None
    return XmlFile(path, root, builder.lines, warnings)


def _skip_junk(path: Path, data: bytes) -> tuple[bytes, int]:
    start = data.find(b"<?xml")
    if start < 0:
        match = re.search(rb"<[A-Za-z_]", data)
        start = match.start() if match else -1
    if start < 0:
        raise InvalidInput(path, "er staat geen XML in dit bestand (geen '<?xml' en geen element).")
    return data[start:], data.count(b"\n", 0, start)


# -- text ---------------------------------------------------------------------------------------

_SPACE = re.compile(r"[ \t\r\n]+")  # not \s: a no-break space in the text is meant
# Bytes 0x80–0xBF of a UTF-8 sequence as Latin-1 or Windows-1252 shows them.
_CONT = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
        "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_GARBLED_CHAR = re.compile(f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}")
# Garbled sequences that give themselves away: "Ã«" (ë) and "Â " (a no-break space), garbled characters of
# Latin-1, and "â€™" (’), garbled punctuation. Valid text practically never has Â, Ã or â before such symbols.
# The other sequences valid text does hold: a capital before a closing quote ("CAFÉ»", "BELGIË”", as KOOP
# writes them) or a vowel before an ellipsis and a quote ("café…”") also decode as UTF-8, to "CAFɻ",
# "BELGI˔" and "caf醔". A sequence that gives itself away and is still there after repair cannot be repaired.
_TELLTALE = re.compile(f"[\u00c2\u00c3][{_CONT}]|\u00e2[{_CONT}]{{2}}")
_TWO_IN_A_ROW = re.compile(f"(?:{_GARBLED_CHAR.pattern}){{2}}")


def _undo_one(match: re.Match) -> str:
    for codec in ("latin-1", "cp1252"):
        try:
            return match.group().encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return match.group()


def _garbled_throughout(text: str) -> bool:
    """Whether the text as a whole reads as double UTF-8: every character outside ASCII is part of a garbled
    sequence (a text that was garbled whole has no other; a valid « or é standing alone says it was not), and
    it holds a sequence that gives itself away or two in a row (a Chinese name: "æ­¦æ±‰" for 武汉)."""
    return (_GARBLED_CHAR.sub("", text).isascii()
            and (_TELLTALE.search(text) is not None or _TWO_IN_A_ROW.search(text) is not None))


def repair_double_encoding(text: str) -> str:
    """Undo UTF-8 that was read as Latin-1 or Windows-1252 ("FinanciÃ«n" → "Financiën") without touching valid
    text. Sequences that give themselves away ("Ã«", "â€™") are repaired wherever they stand, so that a text
    mixing good and garbled characters is repaired too; any other sequence only when the whole text is garbled
    (see _garbled_throughout), since "CAFÉ»" decodes as UTF-8 too. Text without garbling comes back unchanged."""
    for _ in range(3):  # text encoded twice over needs a second round
        if _garbled_throughout(text):
            repaired = _GARBLED_CHAR.sub(_undo_one, text)
        else:
            repaired = _TELLTALE.sub(_undo_one, text)
        if repaired == text:
            break
        text = repaired
    return text


def clean_text(text: str | None, xml: XmlFile, element: ET.Element | None, what: str) -> str | None:
    """Whitespace collapsed, double encoding repaired (with a warning); garbling that cannot be
    repaired is refused rather than stored. None or "" → None."""
    if text is None:
        return None
    text = _SPACE.sub(" ", text).strip()
    repaired = repair_double_encoding(text)
    if repaired != text:
        note = "dubbel gecodeerde tekst (UTF-8 gelezen als Latin-1) is hersteld"
        if not any(w.startswith(note) for w in xml.warnings):
            # The first sequence repaired: where the texts start to differ.
            at = next(i for i, (old, new) in enumerate(zip(text, repaired)) if old != new)
            first = _GARBLED_CHAR.match(text, at) or _GARBLED_CHAR.search(text)
            start = max(text.rfind(" ", 0, first.start()) + 1, first.start() - 30)
            end = text.find(" ", first.end())
            sample = text[start:end if end >= 0 else None]
            xml.warnings.append(f"{note}, bijvoorbeeld '{sample}' → '{repair_double_encoding(sample)}'.")
    leftover = _TELLTALE.search(repaired)
    if leftover:
        snippet = repaired[max(0, leftover.start() - 20): leftover.end() + 20]
        raise xml.fail(element, f"{what}: de tekst '…{snippet}…' is verminkt (UTF-8 dubbel gecodeerd) en niet te "
                                "herstellen; sla het bestand opnieuw op als UTF-8.")
    return repaired or None


def text_of(element: ET.Element, skip: tuple[str, ...] = ("noot", "nr", "li.nr")) -> str:
    """All text inside `element` in document order, without footnotes; depth is bounded by read_xml."""
    parts: list[str] = []

    def walk(node: ET.Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if local_name(child.tag) not in skip:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if local_name(child.tag) == name]


def child(element: ET.Element | None, *path: str) -> ET.Element | None:
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if local_name(c.tag) == name), None)
    return element


def descendant(element: ET.Element, *names: str) -> ET.Element | None:
    """The first element below `element` (or itself) named like the first of `names` that occurs."""
    for name in names:
        found = next((e for e in element.iter() if local_name(e.tag) == name), None)
        if found is not None:
            return found
    return None


def iso_date(value: str | None, xml: XmlFile, element: ET.Element, what: str) -> str | None:
    """ "2024-06-17" checked as a real date; a wrong one is refused, naming the element."""
    if not value or not value.strip():
        return None
    value = value.strip()
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:$|T)", value)  # a time after the date is dropped
    try:
        return date.fromisoformat(match.group(1)).isoformat()
    except (AttributeError, ValueError):
        raise xml.fail(element, f"{what}: '{value}' is geen datum in de vorm JJJJ-MM-DD.") from None
