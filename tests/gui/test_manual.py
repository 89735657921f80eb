"""Help → Handleiding: both manuals load with every topic, links between topics work, images are the known ones."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from raadsdossier.base.paths import resources_dir
from raadsdossier.gui import manual
from raadsdossier.gui.manual import IMAGES, ManualDialog, load_manual, manual_path, referenced_images, show_manual

TOPICS = ["eerste-stappen", "importeren", "vergaderstuk", "moties-volgen", "vertrouwelijkheid", "reservekopieen"]
DUTCH_TITLES = ["Eerste stappen", "Importeren", "Een vergaderstuk maken", "Moties volgen", "Vertrouwelijkheid",
                "Reservekopieën"]
ENGLISH_TITLES = ["First steps", "Importing", "Creating a meeting paper", "Tracking motions", "Confidentiality", "Backups"]


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _contents(dialog: ManualDialog) -> list[str]:
    return [dialog.contents.item(row).text() for row in range(dialog.contents.count())]


def _click_link(qtbot, dialog: ManualDialog, href: str) -> None:
    """Click the first link to `href` in the text on screen, with the mouse, as a user would."""
    document = dialog.browser.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                dialog.browser.setTextCursor(cursor)
                dialog.browser.ensureCursorVisible()
                rect = dialog.browser.cursorRect(cursor)
                spot = QPoint(rect.center().x(), rect.center().y())
                qtbot.mouseClick(dialog.browser.viewport(), Qt.MouseButton.LeftButton, pos=spot)
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in topic {dialog.current.id}")


def test_manual_path_is_a_shipped_resource_per_language():
    assert manual_path("nl") == resources_dir() / "manual" / "nl.md"
    assert manual_path("en") == resources_dir() / "manual" / "en.md"
    assert manual_path("en_GB") == manual_path("en")
    assert manual_path("fr") == manual_path("nl")  # no French manual: the Dutch one
    assert manual_path("nl").is_file() and manual_path("en").is_file()


def test_both_manuals_have_the_same_topics_in_the_same_order():
    dutch, english = load_manual("nl"), load_manual("en")
    assert [t.id for t in dutch.topics] == TOPICS
    assert [t.id for t in english.topics] == TOPICS
    assert [t.title for t in dutch.topics] == DUTCH_TITLES
    assert [t.title for t in english.topics] == ENGLISH_TITLES
    # A faithful translation: the same sub-headings, images and links, topic by topic.
    for nl_topic, en_topic in zip(dutch.topics, english.topics):
        assert nl_topic.markdown.count("\n### ") == en_topic.markdown.count("\n### "), nl_topic.id
        assert referenced_images(nl_topic.markdown) == referenced_images(en_topic.markdown), nl_topic.id
        links = [line.count("](#") for line in (nl_topic.markdown, en_topic.markdown)]
        assert links[0] == links[1], nl_topic.id


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_image_is_one_of_the_screenshots(language):
    text = manual_path(language).read_text(encoding="utf-8")
    used = referenced_images(text)
    assert used, "the manual shows the screenshots"
    assert {Path(src).parent.as_posix() for src in used} == {"images"}
    assert sorted({Path(src).name for src in used}) == sorted(IMAGES)  # all five, and no others


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_topic_link_points_at_a_topic(language):
    loaded = load_manual(language)
    ids = {t.id for t in loaded.topics}
    for topic in loaded.topics:
        for target in re.findall(r"\]\(#([^)]+)\)", topic.markdown):
            assert target in ids, (topic.id, target)
            assert target != topic.id


@pytest.mark.parametrize("language, titles", [("nl", DUTCH_TITLES), ("en", ENGLISH_TITLES)])
def test_the_dialog_shows_every_topic(qtbot, parent, language, titles):
    dialog = show_manual(parent, language=language)
    qtbot.waitExposed(dialog)
    assert not dialog.isModal()
    assert _contents(dialog) == titles
    for row, title in enumerate(titles):
        dialog.contents.setCurrentRow(row)
        assert dialog.current.id == TOPICS[row]
        assert dialog.shown_text().startswith(title)
        assert "{#" not in dialog.shown_text()


def test_english_manual_is_english(qtbot, parent):
    dialog = show_manual(parent, language="en", topic="vergaderstuk")
    assert dialog.windowTitle() == "Raadsdossier manual"
    text = dialog.shown_text()
    assert "File → Create meeting paper…" in text and "raadsdossier pack --all" in text
    assert "Vergaderstuk maken" not in text
    dialog.show_topic("reservekopieen")
    assert "Make a backup now" in dialog.shown_text()


def test_dutch_manual_is_dutch(qtbot, parent):
    dialog = show_manual(parent, topic="importeren")
    assert dialog.windowTitle() == "Handleiding Raadsdossier"
    assert "Bestand → Importeren…" in dialog.shown_text()
    assert "Niet-toegewezen stemmingen" in dialog.shown_text()


def test_links_between_topics_navigate(qtbot, parent):
    dialog = show_manual(parent, topic="eerste-stappen")
    qtbot.waitExposed(dialog)
    _click_link(qtbot, dialog, "#importeren")
    qtbot.waitUntil(lambda: dialog.current.id == "importeren")
    assert dialog.contents.currentRow() == TOPICS.index("importeren")
    assert dialog.shown_text().startswith("Importeren")
    _click_link(qtbot, dialog, "#reservekopieen")
    qtbot.waitUntil(lambda: dialog.current.id == "reservekopieen")
    dialog.follow(QUrl("#vertrouwelijkheid"))
    assert dialog.current.id == "vertrouwelijkheid"
    dialog.follow(QUrl("#bestaat-niet"))  # an unknown topic: stay
    assert dialog.current.id == "vertrouwelijkheid"


def test_links_navigate_in_english_too(qtbot, parent):
    dialog = show_manual(parent, language="en", topic="eerste-stappen")
    qtbot.waitExposed(dialog)
    _click_link(qtbot, dialog, "#vertrouwelijkheid")
    qtbot.waitUntil(lambda: dialog.current.id == "vertrouwelijkheid")
    assert dialog.shown_text().startswith("Confidentiality")


def test_topic_argument_and_unknown_topic(qtbot, parent):
    dialog = show_manual(parent, topic="reservekopieen")
    assert dialog.current.id == "reservekopieen"
    assert dialog.contents.currentItem().text() == "Reservekopieën"
    assert not dialog.show_topic("onbekend")
    assert dialog.current.id == "eerste-stappen"


def test_asking_again_brings_back_the_same_window(qtbot, parent):
    first = show_manual(parent, topic="importeren")
    again = show_manual(parent)
    assert again is first and again.current.id == "importeren"
    english = show_manual(parent, language="en")
    assert english is first and english.current.id == "importeren"
    assert english.shown_text().startswith("Importing")


def test_escape_and_close_button_close(qtbot, parent):
    dialog = show_manual(parent)
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    dialog = show_manual(parent)
    assert dialog.isVisible()
    assert dialog.close_button.text() == "Sluiten"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def _copy_manual(tmp_path: Path, monkeypatch, images: dict[str, Path]) -> Path:
    """The shipped manuals in a private folder, with `images` (name → file) in its images/ folder."""
    folder = tmp_path / "manual"
    shutil.copytree(resources_dir() / "manual", folder, ignore=shutil.ignore_patterns("images"))
    (folder / "images").mkdir()
    for name, source in images.items():
        shutil.copyfile(source, folder / "images" / name)
    monkeypatch.setattr(manual, "manual_path", lambda language: folder / f"{manual.language_code(language)}.md")
    return folder


def _image_widths(dialog: ManualDialog) -> dict[str, float]:
    widths = {}
    block = dialog.browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat():
                widths[fmt.toImageFormat().name()] = fmt.toImageFormat().width()
            fragments += 1
        block = block.next()
    return widths


def _png(path: Path, width: int, height: int) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    assert image.save(str(path))
    return path


def test_images_show_and_fit_the_page(qtbot, parent, tmp_path, monkeypatch):
    big = _png(tmp_path / "big.png", 1280, 820)
    _copy_manual(tmp_path, monkeypatch, {name: big for name in IMAGES})
    dialog = show_manual(parent, topic="eerste-stappen")
    qtbot.waitExposed(dialog)
    widths = _image_widths(dialog)
    assert set(widths) == {"images/venster.png", "images/overzicht.png", "images/bewerken.png"}
    room = dialog.browser.viewport().width()
    assert all(0 < width <= room for width in widths.values()), (widths, room)
    # The image itself is found (not Qt's broken-image stand-in of 16 pixels).
    resource = dialog.browser.document().resource(2, QUrl("images/venster.png"))  # QTextDocument.ImageResource
    assert resource is not None and resource.width() == 1280
    dialog.resize(1200, 800)
    qtbot.waitUntil(lambda: max(_image_widths(dialog).values()) > max(widths.values()))


def test_a_missing_image_is_left_out(qtbot, parent, tmp_path, monkeypatch):
    small = _png(tmp_path / "small.png", 300, 200)
    _copy_manual(tmp_path, monkeypatch, {"venster.png": small})  # the other four are missing
    dialog = show_manual(parent, topic="eerste-stappen")
    qtbot.waitExposed(dialog)
    assert _image_widths(dialog) == {"images/venster.png": 300}  # its own size: never scaled up
    dialog.show_topic("importeren")
    assert _image_widths(dialog) == {}
    assert "Welke bestanden" in dialog.shown_text()


def test_a_missing_manual_is_said_not_raised(qtbot, parent, tmp_path, monkeypatch):
    monkeypatch.setattr(manual, "manual_path", lambda language: tmp_path / "weg.md")
    dialog = show_manual(parent)
    assert dialog.contents.count() == 0
    assert "De handleiding ontbreekt" in dialog.shown_text()
    assert not dialog.show_topic("importeren")


def test_the_english_manual_shows_the_window_in_english(qtbot, parent):
    """Both manuals showed the Dutch screenshots. scripts/screenshots.py makes each manual's own, and the shipped
    ones are there."""
    shipped = resources_dir() / "manual" / "images"
    assert all((shipped / "en" / name).is_file() for name in IMAGES) and all((shipped / n).is_file() for n in IMAGES)
    english = show_manual(parent, language="en", topic="eerste-stappen")
    qtbot.waitExposed(english)
    assert set(_image_widths(english)) == {"images/en/venster.png", "images/en/overzicht.png", "images/en/bewerken.png"}
    english.close()


def test_a_screenshot_clicked_is_shown_at_its_own_size(qtbot, parent, tmp_path, monkeypatch):
    """Scaled to the page, the window's screenshot was too small to read; a click shows it whole."""
    big = _png(tmp_path / "big.png", 1280, 820)
    _copy_manual(tmp_path, monkeypatch, {name: big for name in IMAGES})
    dialog = show_manual(parent, topic="eerste-stappen")
    qtbot.waitExposed(dialog)
    assert _image_widths(dialog)["images/venster.png"] < 1280
    cursor = dialog.browser.document().find("Het venster")  # the sub-heading right above the screenshot
    block = cursor.block().next()
    link = next(fragment.charFormat().anchorHref() for fragment in _fragments(block)
                if fragment.charFormat().isImageFormat())
    assert link == "images/venster.png"
    dialog.follow(QUrl(link))
    shown = dialog.image_dialog
    assert shown is not None and shown.isVisible()
    assert shown.image.pixmap().size().width() == 1280 and shown.windowTitle() == "Afbeelding: venster.png"
    shown.close()


def _fragments(block):
    fragments = block.begin()
    while not fragments.atEnd():
        yield fragments.fragment()
        fragments += 1
