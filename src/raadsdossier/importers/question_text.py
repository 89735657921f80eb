"""Written questions as plain text ("Kamervraag 2022Z11774 … • Vraag 1 …") as an import format.

The text form, as copied from a parliamentary-questions site or typed by a council clerk:

    Kamervraag 2022Z11774                      (or "Kamervragen …", "Schriftelijke vragen …")

    De situatie met betrekking tot de Oeigoeren   (the title: first non-empty line after it)

    Ingediend 10 juni 2022
    Beantwoord 15 juli 2022 (na 35 dagen)
    Indiener Sjoerd Sjoerdsma (D66)
    Beantwoord door Wopke Hoekstra (…) (CDA), Dilan Yeşilgöz-Zegerius (…) (VVD)
    Bron vraag https://…
    Bron antwoord https://…
     • Vraag 1
      question paragraph(s), one per line

      answer paragraph(s), one per line
    …
    Kamervraag document nummer: kv-tk-2022Z11774     (optional trailer; each "Volledige titel"
    Volledige titel: …                                 is the title of the document numbered
    Kamerantwoord document nummer: ah-tk-20212022-3578  on the line above it)
    Volledige titel: Antwoord op vragen van …

Other header lines ("Onderwerpen …") are skipped. Nothing the text does not say is filled
in: no deadline rule, no publisher, no people or parties (actors are plain names).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from raadsdossier.domain.enums import QuestionSetKind, SourceKind
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers import ImportFormat, register
from raadsdossier.storage.files import read_text
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import check_schema

MAX_BYTES = 20 * 1024 * 1024  # written questions are kilobytes; anything far larger is not one

# Fixed for good: ids derived from it make a second import of the same text update the first.
NAMESPACE = uuid.UUID("6f1c1f0e-3b5a-5e2a-9d7e-2a0c5b8e4d11")

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}

_REFERENCE = re.compile(r"^\s*(Kamervragen|Kamervraag|Schriftelijke\s+vragen)\b[\s:\-–]*(.*?)\s*$", re.I)
# "2 en 3", "2, 3 en 4", "2 t/m 4", "2-4"
_NUMBERS = r"\d+(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d+)*"
_HEADING = re.compile(rf"^\s*(?:[•·*\-–]\s*)?Vra(?:ag|gen)\s+({_NUMBERS})\s*[:.]?\s*$", re.I)
_ANSWER_LABEL = re.compile(
    rf"^\s*Antwoord(?:en)?(?:\s+op)?(?:\s+(?:vraag|vragen))?(?:\s+({_NUMBERS}))?\s*(?:$|:\s*(.*)$)", re.I
)
_HEADER_FIELD = re.compile(
    r"^\s*(Ingediend\s+door|Ingediend|Beantwoord\s+door|Beantwoord|Indieners?|Gericht\s+aan|"
    r"Bron\s+vraag|Bron\s+antwoord)\b\s*:?\s*(.*?)\s*$",
    re.I,
)
_TRAILER_FIELD = re.compile(
    r"^\s*(Kamervraag\s+document\s+nummer|Kamerantwoord\s+document\s+nummer|Volledige\s+titel)\s*:\s*(.*?)\s*$", re.I
)
_ANY_TRAILER_FIELD = re.compile(r"^\s*[^\s:][^:]{0,60}:\s*\S")
_DATE = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\s+(\d{4})\s*(\(.*\))?$")
_NOT_GIVEN = {"", "-", "–", "—"}

# Header keys as the text writes them, to the field they fill.
_HEADER_KEYS = {
    "ingediend door": "submitters", "indiener": "submitters", "indieners": "submitters",
    "ingediend": "submitted_on", "beantwoord": "answered_on",
    "beantwoord door": "addressees", "gericht aan": "addressees",
    "bron vraag": "question_url", "bron antwoord": "answer_url",
}
_TRAILER_DOCUMENTS = {"kamervraag document nummer": "question", "kamerantwoord document nummer": "answer"}



def question_numbers(written: str) -> list[int]:
    """ "2 en 3" → [2, 3]; "2 t/m 4" → [2, 3, 4]. ValueError, with the sentence that says why, when a range
    runs backwards or names question 0 (KOOP's XML numbers its questions and answers the same way)."""
    parts = re.split(r"\s*(,|en|t/m|tot\s+en\s+met|-|–)\s*", written.strip(), flags=re.I)
    numbers = [int(parts[0])]
    for separator, value in zip(parts[1::2], parts[2::2]):
        value = int(value)
        if separator.lower() in (",", "en"):
            numbers.append(value)
        elif value <= numbers[-1]:
            raise ValueError(f"'{written}' is geen oplopende reeks vraagnummers.")
        else:
            numbers.extend(range(numbers[-1] + 1, value + 1))
    if 0 in numbers:
        raise ValueError("vraag 0 bestaat niet; de nummers beginnen bij 1.")
    return numbers

@dataclass
class _Block:
    """One "Vraag N" block: the numbers it heads, its question and answer paragraphs."""

    numbers: list[int]
    line: int
    question: list[str] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)
    answer_line: int | None = None
    label: str | None = None  # "Antwoord 2 en 3" as written, when the answer starts with one
    label_numbers: list[int] = field(default_factory=list)


class _Reader:
    def __init__(self, text: str, source_name: str) -> None:
        self.source = source_name
        self.lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def fail(self, line: int, problem: str) -> InvalidInput:
        return InvalidInput(self.source, f"regel {line}: {problem}")

    # -- the parts of the text, top to bottom ----------------------------------------------

    def parse(self) -> dict:
        index = self._first_non_empty(0)
        if index is None:
            raise self.fail(1, "de tekst is leeg; verwacht een eerste regel als 'Kamervraag 2022Z11774'.")
        match = _REFERENCE.match(self.lines[index])
        if not match:
            raise self.fail(index + 1, "de tekst begint niet met 'Kamervraag <nummer>' of "
                                       "'Schriftelijke vragen <nummer>'.")
        kind = (QuestionSetKind.COUNCIL_QUESTIONS if match.group(1).lower().startswith("schriftelijke")
                else QuestionSetKind.PARLIAMENTARY_QUESTIONS)
        reference = match.group(2) or None
        reference_line = index + 1

        first_block = next((i for i, line in enumerate(self.lines) if _HEADING.match(line)), None)
        if first_block is None:
            last = max(i for i, line in enumerate(self.lines) if line.strip()) + 1
            raise self.fail(last, "de tekst eindigt zonder één blok 'Vraag <nummer>', dus zonder vragen.")
        title, header_start = self._title(index + 1, first_block)
        header = self._header(header_start, first_block)
        blocks, trailer = self._blocks(first_block)
        title = title or trailer.get("question_title")
        if not title:
            raise self.fail(reference_line + 1, f"na '{self.lines[index].strip()}' ontbreekt de titel van de vragen.")
        questions = self._questions(blocks)
        return self._document(kind, reference, title, header, trailer, questions)

    def _first_non_empty(self, start: int, stop: int | None = None) -> int | None:
        for i in range(start, len(self.lines) if stop is None else stop):
            if self.lines[i].strip():
                return i
        return None

    def _title(self, start: int, stop: int) -> tuple[str | None, int]:
        """The first non-empty line after the reference line, unless the header starts right away."""
        index = self._first_non_empty(start, stop)
        if index is None or _HEADER_FIELD.match(self.lines[index]):
            return None, start
        return self.lines[index].strip(), index + 1

    def _header(self, start: int, stop: int) -> dict:
        header: dict = {}
        seen: dict[str, int] = {}
        for i in range(start, stop):
            match = _HEADER_FIELD.match(self.lines[i])
            if not match:
                continue  # "Onderwerpen …" and the like: nothing to store it in
            key = _HEADER_KEYS[re.sub(r"\s+", " ", match.group(1).lower())]
            value = match.group(2)
            if value in _NOT_GIVEN:
                continue
            if key in seen:
                raise self.fail(i + 1, f"'{match.group(1)}' staat twee keer in de kop (ook op regel {seen[key]}).")
            seen[key] = i + 1
            if key in ("submitted_on", "answered_on"):
                header[key] = self._date(value, i + 1)
            elif key in ("submitters", "addressees"):
                header[key] = split_names(value)
            else:
                header[key] = value
        submitted, answered = header.get("submitted_on"), header.get("answered_on")
        if submitted and answered and answered < submitted:
            raise self.fail(seen["answered_on"],
                            f"de datum van beantwoording ({answered:%d-%m-%Y}) ligt vóór de datum van indiening "
                            f"({submitted:%d-%m-%Y}, regel {seen['submitted_on']}).")
        return header

    def _date(self, value: str, line: int) -> date:
        match = _DATE.match(value)
        month = MONTHS.get(match.group(2).lower()) if match else None
        if month is None:
            raise self.fail(line, f"'{value}' is geen Nederlandse datum zoals '10 juni 2022'.")
        try:
            return date(int(match.group(3)), month, int(match.group(1)))
        except ValueError:
            raise self.fail(line, f"'{value}' is geen bestaande datum.") from None

    def _blocks(self, start: int) -> tuple[list[_Block], dict]:
        blocks: list[_Block] = []
        trailer: dict = {}  # question_number, question_title, answer_number, answer_title
        trailer_lines: dict[str, int] = {}
        document = "question"  # which document a "Volledige titel" line belongs to
        in_trailer = False
        gap = False  # a blank line since the question paragraphs began
        for i in range(start, len(self.lines)):
            line, number = self.lines[i], i + 1
            trailer_match = _TRAILER_FIELD.match(line)
            if trailer_match or in_trailer:
                in_trailer = True
                if trailer_match:
                    name = re.sub(r"\s+", " ", trailer_match.group(1).lower())
                    document = _TRAILER_DOCUMENTS.get(name, document)
                    key = f"{document}_{'title' if name == 'volledige titel' else 'number'}"
                    if key in trailer_lines:
                        raise self.fail(number, f"'{trailer_match.group(1)}' staat twee keer bij hetzelfde "
                                                f"document (ook op regel {trailer_lines[key]}).")
                    trailer_lines[key] = number
                    if trailer_match.group(2) not in _NOT_GIVEN:
                        trailer[key] = trailer_match.group(2)
                elif line.strip() and not _ANY_TRAILER_FIELD.match(line):
                    raise self.fail(number, f"na de slotregels staat nog tekst die geen 'naam: waarde' is: "
                                            f"'{_shorten(line.strip())}'.")
                continue
            heading = _HEADING.match(line)
            if heading:
                blocks.append(_Block(self._numbers(heading.group(1), number), number))
                gap = False
                continue
            block = blocks[-1]
            text = line.strip()
            if not text:
                gap = bool(block.question)
            elif not gap:
                block.question.append(text)
            else:
                if not block.answer and block.label is None:
                    block.answer_line = number
                    text = self._answer_label(block, text, number)
                    if not text:
                        continue
                block.answer.append(text)
        return blocks, trailer

    def _answer_label(self, block: _Block, text: str, line: int) -> str:
        """Strip an "Antwoord 2 en 3:" label from the answer's first line; remember its numbers."""
        match = _ANSWER_LABEL.match(text)
        if not match:
            return text
        block.label = text if match.group(2) is None else text[: match.start(2)].rstrip(" :")
        if match.group(1):
            block.label_numbers = self._numbers(match.group(1), line)
        return (match.group(2) or "").strip()

    def _numbers(self, written: str, line: int) -> list[int]:
        try:
            return question_numbers(written)
        except ValueError as exc:
            raise self.fail(line, str(exc)) from None

    # -- from blocks to questions ----------------------------------------------------------

    def _questions(self, blocks: list[_Block]) -> list[dict]:
        questions: dict[int, dict] = {}
        lines: dict[int, int] = {}
        for block in blocks:
            if not block.question:
                raise self.fail(block.line, f"onder '{self.lines[block.line - 1].strip()}' staat geen vraag.")
            texts = self._split_question(block)
            for number, text in zip(block.numbers, texts):
                if number in lines:
                    raise self.fail(block.line, f"vraag {number} komt twee keer voor (ook op regel {lines[number]}).")
                previous = max(lines, default=0)
                if number < previous:
                    raise self.fail(block.line, f"vraag {number} staat na vraag {previous}; de nummers moeten oplopen.")
                lines[number] = block.line
                questions[number] = {"number": number, "question": text, "answer": None, "answered_with": None}
        answered_at: dict[int, int] = {}
        for block in blocks:
            if not block.answer:
                continue
            covered = sorted(set(block.label_numbers or block.numbers))
            for number in covered:
                if number not in questions:
                    raise self.fail(block.answer_line,
                                    f"'{block.label}' noemt vraag {number}, maar die staat niet in de tekst.")
                if number in answered_at:
                    raise self.fail(block.answer_line,
                                    f"vraag {number} is al beantwoord op regel {answered_at[number]}.")
                answered_at[number] = block.answer_line
            first, *others = covered
            questions[first]["answer"] = "\n\n".join(block.answer)
            for number in others:
                questions[number]["answered_with"] = first
        return [questions[n] for n in sorted(questions)]

    @staticmethod
    def _split_question(block: _Block) -> list[str]:
        """One paragraph per number when a "Vraag 2 en 3" block has exactly that many; else all share the text."""
        if len(block.numbers) > 1 and len(block.question) == len(block.numbers):
            return list(block.question)
        return ["\n\n".join(block.question)] * len(block.numbers)

    # -- the interchange document -----------------------------------------------------------

    def _document(self, kind: QuestionSetKind, reference: str | None, title: str, header: dict, trailer: dict,
                  questions: list[dict]) -> dict:
        key = reference or title

        def make_id(part: str) -> str:
            return str(uuid.uuid5(NAMESPACE, f"{key}/{part}"))

        label = reference or title
        sources = []
        for part, document, default_title, date_key in (
            ("bron-vraag", "question", f"Vragen {label}", "submitted_on"),
            ("bron-antwoord", "answer", f"Antwoord op vragen {label}", "answered_on"),
        ):
            url_key, number_key = f"{document}_url", f"{document}_number"
            if not (header.get(url_key) or trailer.get(number_key)):
                continue
            source = {"id": make_id(part), "kind": SourceKind.PARLIAMENTARY_DOCUMENT.value,
                      "title": trailer.get(f"{document}_title") or default_title}
            if header.get(date_key):
                source["date"] = header[date_key].isoformat()
            if header.get(url_key):
                source["url"] = header[url_key]
            if trailer.get(number_key):
                source["document_number"] = trailer[number_key]
            sources.append(source)

        question_set: dict = {"id": make_id("vragenset")}
        if reference:
            question_set["reference"] = reference
        question_set["title"] = title
        question_set["kind"] = kind.value
        for date_key in ("submitted_on", "answered_on"):
            if date_key in header:
                question_set[date_key] = header[date_key].isoformat()
        for actor_key in ("submitters", "addressees"):
            if header.get(actor_key):
                question_set[actor_key] = [{"name": name} for name in header[actor_key]]
        question_set["questions"] = questions
        if sources:
            question_set["source_ids"] = [s["id"] for s in sources]
        document = {"format": FORMAT, "question_sets": [question_set], "sources": sources, "people": [], "parties": []}
        check_schema(document, self.source)  # a parser bug must not reach the dossier
        return document


def split_names(written: str) -> list[str]:
    """Split "A (x, y) (CDA), B (VVD)" into names: only at a comma right after a closing
    parenthesis outside any parentheses, so a comma inside "(viceminister-president , minister …)"
    or in a name without parentheses never splits."""
    names, current, depth = [], [], 0
    for char in written:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0 and "".join(current).rstrip().endswith(")"):
            names.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    names.append("".join(current).strip())
    return [name for name in names if name]


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_question_text(text: str, source_name: str = "tekst") -> dict:
    """Read one set of written questions in plain text into an interchange document.

    Returns {"format", "question_sets": [one set], "sources", "people": [], "parties": []}, checked
    against the interchange schema; ids are derived from the reference, so importing the same text
    again updates the set. Raises InvalidInput(source_name, "regel N: …") on text it cannot read.
    Pure function: any thread may call it.
    """
    return _Reader(text, source_name).parse()


_DETECT_REFERENCE = re.compile(r"^\s*(Kamervraag|Schriftelijke\s+vragen)", re.I | re.M)
_DETECT_HEADING = re.compile(r"^\s*•?\s*Vraag \d+", re.M)


def _detect(path: Path, head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    return bool(_DETECT_REFERENCE.search(text) and _DETECT_HEADING.search(text))


def read_question_text(path: Path) -> dict:
    text = read_text(path, MAX_BYTES, "tekst met vragen")
    return parse_question_text(text, str(path))


FORMAT_SPEC = register(ImportFormat(
    name="questions-text",
    description="Schriftelijke vragen of Kamervragen als platte tekst",
    suffixes=(".txt",),
    detect=_detect,
    read=read_question_text,
))
