"""Help → Handleiding: the user manual shipped in resources/manual/, one topic at a time beside its table of contents.

A manual is a Markdown file per language (`nl.md`, `en.md`): a `# ` title, then one `## Title {#id}` heading
per topic. The ids are the same in every language, so a link `[Importeren](#importeren)` and
`show_manual(topic="importeren")` work in each. Images are referred to relative to the manual
(`images/venster.png`), the same in every language: a manual whose language has screenshots of its own in
`images/<language>/` shows those (`images/en/venster.png`, of the window in English). One that is missing (the
screenshots are made by scripts/screenshots.py) is left out rather than shown broken, and a large one is scaled
down to the width of the page; clicking it shows it at its own size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSplitter,
    QTextBrowser, QVBoxLayout, QWidget,
)

from raadsdossier.base.paths import resource

LANGUAGES = ("nl", "en")  # the first is the fallback for a language without a manual
# The screenshots the manuals may show (written to resources/manual/images/ by scripts/screenshots.py).
IMAGES = ("venster.png", "bewerken.png", "importeren.png", "vergaderstuk.png", "overzicht.png")

_TOPIC = re.compile(r"^##\s+(?P<title>.+?)\s*\{#(?P<id>[A-Za-z0-9_-]+)\}\s*$")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    markdown: str  # the topic as shown: its `## ` heading (without the {#id}) and its text


@dataclass(frozen=True)
class Manual:
    title: str
    topics: tuple[Topic, ...]
    directory: Path  # where relative image paths start

    def topic(self, topic_id: str | None) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)


def language_code(language: str | None) -> str:
    """"en_GB", "en-US" and "EN" all mean "en"."""
    return re.split(r"[_-]", (language or LANGUAGES[0]).strip())[0].lower() or LANGUAGES[0]


def manual_path(language: str) -> Path:
    """The manual file for `language` ("nl", "en"), or the Dutch one when there is none in that language.

    Found the way every shipped resource is (base/paths.py): in the frozen bundle, an installed wheel or the
    source checkout. The file may be missing from a damaged installation; `show_manual` says so then.
    """
    path = resource("manual", f"{language_code(language)}.md")
    return path if path.is_file() else resource("manual", f"{LANGUAGES[0]}.md")


def parse_manual(text: str, directory: Path) -> Manual:
    """Split a manual's Markdown into its title and topics. Text before the first topic (besides the title) is
    shown above the first topic; a `## ` heading without an {#id} is part of the topic it is in."""
    title, topics, current, lead = "", [], None, []
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _TOPIC.match(line)
        if match:
            current = [match["id"], match["title"], [f"## {match['title']}"]]
            topics.append(current)
        elif not fenced and not title and line.startswith("# "):
            title = line[2:].strip()
        elif current is not None:
            current[2].append(line)
        else:
            lead.append(line)
    if topics and "".join(lead).strip():
        topics[0][2][1:1] = ["", *lead]
    return Manual(title, tuple(Topic(id_, heading, "\n".join(lines).strip() + "\n")
                              for id_, heading, lines in topics), directory)


def load_manual(language: str) -> Manual:
    """The manual in `language` (see manual_path); OSError or UnicodeDecodeError when it cannot be read."""
    path = manual_path(language)
    return parse_manual(path.read_text(encoding="utf-8"), path.parent)


def referenced_images(markdown: str) -> list[str]:
    """The image paths `markdown` refers to, in order."""
    return [match["src"] for match in _IMAGE.finditer(markdown)]


def _shown_images(markdown: str, directory: Path, language: str) -> str:
    """`markdown` as the dialog shows it: each local image in the manual's language where it has one of its own
    (`images/en/venster.png` for `images/venster.png`), and left out where its file is not there (a broken-image
    box helps nobody)."""
    def shown(match: re.Match) -> str:
        source = match["src"]
        if re.match(r"^[a-z][a-z0-9+.-]*:", source, re.IGNORECASE):
            return match[0]  # not ours
        own = (Path(source).parent / language / Path(source).name).as_posix()
        source = own if (directory / own).is_file() else source
        if not (directory / source).is_file():
            return ""
        return f"![{match['alt']}]({source})"

    return _IMAGE.sub(shown, markdown)


class ManualDialog(QDialog):
    """The manual: its topics on the left, the chosen topic on the right. Not modal; Escape or Sluiten closes it."""

    def __init__(self, parent=None, language: str = "nl") -> None:
        super().__init__(parent)
        self.setObjectName("manual")
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.language = ""
        self.manual: Manual | None = None
        self.current: Topic | None = None
        self._natural: dict[str, QSize] = {}
        self.image_dialog: ImageDialog | None = None  # a screenshot clicked, at its own size

        self.contents = QListWidget()
        self.contents.setObjectName("manual-contents")
        self.contents.setAccessibleName(self.tr("Inhoud van de handleiding"))
        self.contents.setMinimumWidth(170)
        self.contents.setSpacing(3)
        self.contents.currentRowChanged.connect(self._row_changed)
        self.browser = QTextBrowser()
        self.browser.setObjectName("manual-text")
        self.browser.setAccessibleName(self.tr("Tekst van de handleiding"))
        self.browser.setOpenLinks(False)  # topic links are ours to follow; a web link goes to the browser
        self.browser.anchorClicked.connect(self.follow)
        self.browser.document().setDocumentMargin(14)
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.browser.setFont(font)
        self.contents.setFont(font)
        self.browser.viewport().installEventFilter(self)  # a wider or narrower page: fit the images again

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 700])
        buttons = QDialogButtonBox()
        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.setAccessibleName(self.tr("Handleiding sluiten"))
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 700)
        self.load(language)

    # -- content -------------------------------------------------------------------

    def load(self, language: str) -> None:
        """Show the manual in `language`, at its first topic (or the topic that was shown, when it has it)."""
        shown = self.current.id if self.current else None
        self.language = language_code(language)
        try:
            self.manual = load_manual(self.language)
        except (OSError, UnicodeDecodeError) as exc:
            self.manual = None
            self.current = None
            self.contents.clear()
            self.setWindowTitle(self.tr("Handleiding"))
            self.browser.setPlainText(self.tr("De handleiding ontbreekt in deze installatie of is onleesbaar (%1). "
                                              "Installeer Raadsdossier opnieuw.").replace("%1", str(exc)))
            return
        self.setWindowTitle(self.manual.title or self.tr("Handleiding"))
        self.browser.setSearchPaths([str(self.manual.directory)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(self.manual.directory) + "/"))
        self.contents.blockSignals(True)
        self.contents.clear()
        for topic in self.manual.topics:
            entry = QListWidgetItem(topic.title)
            entry.setData(Qt.ItemDataRole.UserRole, topic.id)
            self.contents.addItem(entry)
        self.contents.blockSignals(False)
        self.current = None
        self.show_topic(shown)

    def topic_ids(self) -> list[str]:
        return [topic.id for topic in self.manual.topics] if self.manual else []

    def show_topic(self, topic_id: str | None) -> bool:
        """Show the topic `topic_id` (an unknown or no id: the first topic); False when it is not in the manual."""
        if self.manual is None or not self.manual.topics:
            return False
        topic = self.manual.topic(topic_id)
        found = topic is not None
        topic = topic or self.manual.topics[0]
        if topic is not self.current:
            self.current = topic
            self.browser.setMarkdown(_shown_images(topic.markdown, self.manual.directory, self.language))
            self._link_images()
            self._fit_images()
            self.browser.verticalScrollBar().setValue(0)
            self.browser.setAccessibleDescription(topic.title)
        row = self.manual.topics.index(topic)
        if self.contents.currentRow() != row:
            self.contents.blockSignals(True)
            self.contents.setCurrentRow(row)
            self.contents.blockSignals(False)
        return found

    def _row_changed(self, row: int) -> None:
        if self.manual is not None and 0 <= row < len(self.manual.topics):
            self.show_topic(self.manual.topics[row].id)

    def follow(self, url: QUrl) -> None:
        """A link in the text: `#id` shows that topic; a screenshot shows it at its own size (ImageDialog); a web
        or mail address opens outside the app."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and self.manual is not None and self.manual.topic(url.fragment()) is not None:
            self.show_topic(url.fragment())
        elif not url.scheme() and self.manual is not None and (self.manual.directory / url.path()).is_file():
            self.image_dialog = ImageDialog(self, self.manual.directory / url.path())
            self.image_dialog.show()

    # -- images --------------------------------------------------------------------

    def _natural_size(self, name: str) -> QSize:
        if name not in self._natural:
            path = Path(name) if Path(name).is_absolute() else self.manual.directory / name
            self._natural[name] = QImageReader(str(path)).size()  # reads the header only; invalid if missing
        return self._natural[name]

    def _images(self) -> list[tuple[int, int, object]]:
        """(position, length, image format) of each image in the text, collected before any is changed (setting a
        format splits and merges the fragments a walk would be on)."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().isImageFormat():
                    found.append((fragment.position(), fragment.length(), fragment.charFormat().toImageFormat()))
                fragments += 1
            block = block.next()
        return found

    def _link_images(self) -> None:
        """Each local image a link to itself: a click shows it at its own size (`follow`). (Qt's Markdown reader
        drops a link around an image, `[![…](x.png)](x.png)`, so the link is set on the image here.)"""
        for position, length, image in self._images():
            if not re.match(r"^[a-z][a-z0-9+.-]*:", image.name(), re.IGNORECASE):
                image.setAnchor(True)
                image.setAnchorHref(image.name())
                image.setToolTip(self.tr("Klik om de afbeelding op ware grootte te zien"))
                self._set_format(position, length, image)

    def _fit_images(self) -> None:
        """Show each image at its own size, or scaled down to the page's width when it is wider."""
        if self.manual is None:
            return
        document = self.browser.document()
        # The room with the scroll bar counted as there, so that scaling (which may add or remove the scroll
        # bar) does not change the room it was scaled for.
        page = self.browser.contentsRect().width() - self.browser.verticalScrollBar().sizeHint().width()
        room = max(120, page - 2 * int(document.documentMargin()) - 8)
        for position, length, image in self._images():
            natural = self._natural_size(image.name())
            if natural.isValid() and natural.width() > 0:
                width = min(natural.width(), room)
                if abs(image.width() - width) >= 1:
                    image.setWidth(width)
                    image.setHeight(natural.height() * width / natural.width())
                    self._set_format(position, length, image)

    def _set_format(self, position: int, length: int, image) -> None:
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.browser.viewport():
            self._fit_images()
        return super().eventFilter(watched, event)

    def shown_text(self) -> str:
        """The topic on screen, as plain text."""
        return self.browser.toPlainText()


class ImageDialog(QDialog):
    """A screenshot of the manual at its own size (scrolled where it is larger than the screen). Escape closes it."""

    def __init__(self, parent: QWidget, path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Afbeelding: %1").replace("%1", path.name))
        self.image = QLabel()
        self.image.setPixmap(QPixmap(str(path)))
        self.image.setAccessibleName(self.tr("Schermafbeelding %1").replace("%1", path.name))
        area = QScrollArea()
        area.setWidget(self.image)
        area.setAccessibleName(self.tr("Afbeelding op ware grootte"))
        close = QPushButton(self.tr("Sluiten"))
        close.setAccessibleName(self.tr("Afbeelding sluiten"))
        close.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(buttons)
        wanted = self.image.pixmap().size() + QSize(40, 80)
        screen = (parent.screen() if parent is not None else QApplication.primaryScreen()).availableGeometry()
        self.resize(min(wanted.width(), int(screen.width() * 0.95)), min(wanted.height(), int(screen.height() * 0.95)))


def show_manual(parent: QWidget | None, language: str = "nl", topic: str | None = None) -> QDialog:
    """Show the manual in `language` ("nl" or "en"; another falls back to Dutch) at `topic` (an id such as
    "importeren"; None: the first topic), non-modal, and return its dialog. A window asking again gets its
    open manual back, brought to the front, at the topic it showed unless `topic` is given. GUI thread only."""
    dialog = next(iter(parent.findChildren(ManualDialog)), None) if parent is not None else None
    if dialog is None:
        dialog = ManualDialog(parent, language)
    elif dialog.language != language_code(language):
        dialog.load(language)
    if topic is not None:
        dialog.show_topic(topic)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
