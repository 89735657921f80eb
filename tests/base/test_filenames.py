"""A file name the user typed keeps its dots: only the extension asked for is added, and never twice."""

from __future__ import annotations

from pathlib import Path

from raadsdossier.base.filenames import with_extension, without_extension


def test_a_name_with_dates_in_it_keeps_them_and_gets_the_extension_after():
    assert with_extension(Path("/uit/raad 12.03.2025"), ".pdf") == Path("/uit/raad 12.03.2025.pdf")
    assert with_extension("v1.2", ".docx") == Path("v1.2.docx")


def test_a_name_typed_with_the_extension_in_any_case_does_not_get_it_twice():
    assert with_extension(Path("/uit/raad.pdf"), ".pdf") == Path("/uit/raad.pdf")
    assert with_extension(Path("/uit/raad 12.03.2025.PDF"), ".pdf") == Path("/uit/raad 12.03.2025.pdf")
    assert with_extension("kopie.Raadsdossier", ".raadsdossier") == Path("kopie.raadsdossier")
    assert with_extension("kopie.bak", ".raadsdossier") == Path("kopie.bak.raadsdossier")


def test_only_the_extensions_named_are_taken_off():
    formats = (".pdf", ".docx", ".html")
    assert without_extension(Path("/uit/raad 12.03.2025"), formats) == Path("/uit/raad 12.03.2025")
    assert without_extension(Path("/uit/raad 12.03.2025.DOCX"), formats) == Path("/uit/raad 12.03.2025")
    assert without_extension("raad.pdf.html", formats) == Path("raad.pdf")
    assert without_extension("/uit/.pdf", formats) == Path("/uit/.pdf")  # nothing but an extension: that is the name
