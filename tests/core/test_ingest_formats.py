"""What researchers collect, imported: PDF, Word, OpenDocument, EPUB, Markdown, HTML, .gz and
.zip; every file made here as the real thing, imported, then found by search."""

from __future__ import annotations

import gzip
import json
import unicodedata
import zipfile
from pathlib import Path

import pytest

from tests.documents import make_docx, make_epub, make_odt, make_pdf
from wpk_archive.core import kps9566
from wpk_archive.core.archive import Archive, open_archive
from wpk_archive.core.ingest import containers, read_path
from wpk_archive.core.ingest.pdf import tesseract


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with open_archive(tmp_path / "archive") as opened:
        yield opened


def _found(archive: Archive, word: str) -> list[str]:
    """Titles of the documents a search for ``word`` finds."""
    return sorted({h.title for h in archive.search(word, limit=50).hits})


def test_a_two_page_pdf_keeps_its_page_numbers_and_is_found(
    archive: Archive, tmp_path: Path
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(
        make_pdf(
            [
                ["Report on the plenary meeting", "", "The plenary met on the zeolite question."],
                ["On the second page the delegates discussed the orchard quinces."],
            ],
            title="Plenary report",
        )
    )
    items, refused = read_path(pdf)
    assert not refused
    doc = items[0].document
    assert doc.title == "Plenary report"
    pages = {p.page for p in doc.passages}
    assert pages == {1, 2}
    quince = next(p for p in doc.passages if "quinces" in p.text)
    assert quince.page == 2 and doc.text[quince.start : quince.end] == quince.text
    report = archive.import_paths([pdf])
    assert report.added == 1 and not report.refused
    assert _found(archive, "quinces") == ["Plenary report"]
    stored = archive.document(doc.id)
    assert stored is not None and [p.page for p in stored.passages] == [
        p.page for p in doc.passages
    ]
    from wpk_archive.core.export import citation

    assert "p. 2" in citation(stored, quince.ordinal)


def test_a_scanned_pdf_says_it_has_no_text_layer(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([[], []]))
    items, refused = read_path(scan)
    assert not items
    assert "no text layer" in refused[0].problem and "OCR" in refused[0].problem


@pytest.mark.skipif(tesseract() is None, reason="tesseract is not installed")
def test_ocr_reads_a_scanned_page(tmp_path: Path) -> None:
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QFont, QImage, QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    image = QImage(1700, 2200, QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(QFont("DejaVu Sans", 48))
    painter.drawText(QRectF(100, 200, 1500, 600), "The plenary meeting opened")
    painter.end()
    scan = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(scan))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    page = QPainter(writer)
    page.drawImage(QRectF(0, 0, writer.width(), writer.height()), image)
    page.end()
    items, refused = read_path(scan, ocr=True)
    assert items, refused
    assert "plenary" in items[0].document.text.lower()


def test_docx_odt_and_epub_are_read_and_found(archive: Archive, tmp_path: Path) -> None:
    make_docx(
        tmp_path / "speech.docx",
        [("Title", "Translation of the speech"), ("Normal", "The wolfram mine\tproduced more.")],
    )
    make_odt(tmp_path / "notes.odt", "Notes on the session", ["Delegates praised the yttrium."])
    make_epub(
        tmp_path / "book.epub",
        "A History",
        [("Chapter One", ["The founding."]), ("Chapter Two", ["The molybdenum era began."])],
    )
    report = archive.import_paths([tmp_path])
    assert report.added == 3 and not report.refused, report.refused
    assert _found(archive, "wolfram") == ["Translation of the speech"]
    assert _found(archive, "yttrium") == ["Notes on the session"]
    assert _found(archive, "molybdenum") == ["A History"]
    book = next(d for d in archive.documents() if d["title"] == "A History")
    doc = archive.document(book["id"])
    assert doc is not None and doc.author == "Author B" and doc.date == "2019-04-10"
    # the spine's order, not the manifest's: chapter two comes first in this book
    assert doc.text.index("Chapter Two") < doc.text.index("Chapter One")


def test_gz_and_zip_containers_with_folders_are_read(archive: Archive, tmp_path: Path) -> None:
    rows = [
        {"title": "Row about basalt", "text": "The basalt quarry opened.", "url": "http://a/1"},
        {"title": "Row about cobalt", "text": "The cobalt quarry closed.", "url": "http://a/2"},
    ]
    (tmp_path / "rows.jsonl.gz").write_bytes(
        gzip.compress("\n".join(json.dumps(r) for r in rows).encode())
    )
    with zipfile.ZipFile(tmp_path / "texts.zip", "w") as z:
        z.writestr("2012/one.txt", "Garnet report\n\nThe garnet harvest.")
        z.writestr("2012/deeper/two.txt", "Jasper report\n\nThe jasper harvest.")
        z.writestr("2012/photo.jpg", b"\xff\xd8\xff")
    report = archive.import_paths([tmp_path])
    assert report.added == 4, report.summary()
    for word, title in (
        ("basalt", "Row about basalt"),
        ("cobalt", "Row about cobalt"),
        ("garnet", "Garnet report"),
        ("jasper", "Jasper report"),
    ):
        assert _found(archive, word) == [title]
    skipped = {n.path.split("/", 2)[-1]: n.problem for n in report.notes if n.kind == "skipped"}
    photo = next(p for n, p in skipped.items() if n.endswith("texts.zip:2012/photo.jpg"))
    assert "'.jpg'" in photo


def test_compression_bombs_are_refused_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(bytes(containers.MAX_MEMBER_BYTES + 1024), compresslevel=1))
    assert bomb.stat().st_size < 2_000_000
    items, refused = read_path(bomb)
    assert not items and "compression bomb" in refused[0].problem
    monkeypatch.setattr(containers, "MAX_UNPACKED_BYTES", 1_000_000)
    with zipfile.ZipFile(tmp_path / "big.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", "x" * 800_000)
        z.writestr("b.txt", "y" * 800_000)
    items, refused = read_path(tmp_path / "big.zip")
    assert not items and "zip bomb" in refused[0].problem


def test_a_folder_import_names_every_file_it_leaves_out(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "collected"
    folder.mkdir()
    (folder / "ok.txt").write_text("Fine\n\nThe orchard.", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "scan.pdf").write_bytes(make_pdf([[]]))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    report = archive.import_paths([folder])
    assert report.added == 1
    refused = {Path(r.path).name: r.problem for r in report.refused}
    skipped = {Path(n.path).name: n.problem for n in report.notes if n.kind == "skipped"}
    assert "no text layer" in refused["scan.pdf"]
    assert "not a readable Word document" in refused["broken.docx"]
    assert "not an article file" in skipped["photo.jpg"]


def test_markdown_markup_leaves_title_and_text(tmp_path: Path) -> None:
    md = tmp_path / "note.md"
    md.write_text(
        "# Politburo meeting of the WPK\n\n**July 15, 2012**\n\n"
        "The [Politburo](http://example.org) met *today* and discussed `item 3`.\n\n"
        "- first point\n- second point\n\n> A quoted line.\n",
        encoding="utf-8",
    )
    items, refused = read_path(md)
    doc = items[0].document
    assert not refused and doc.title == "Politburo meeting of the WPK"
    assert doc.date == "2012-07-15"
    assert "The Politburo met today and discussed item 3." in doc.text
    assert "first point" in doc.text and "A quoted line." in doc.text
    for mark in ("#", "**", "](", "`", "- first", "> A"):
        assert mark not in doc.text


def test_html_main_text_without_navigation_and_with_page_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Plenary | Watch</title><meta name='author' content='Pak Il'>"
        "<meta property='article:published_time' content='2021-01-05T08:00:00+09:00'>"
        "<meta property='og:title' content='Plenary Meeting Opens'></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/n'>News</a> | <a href='/p'>Photo</a></nav>"
        "<article><h1>Plenary Meeting Opens</h1><p>The plenary meeting of the Central "
        "Committee opened in Pyongyang on January 5.</p><p>It discussed the five-year plan "
        "for the national economy.</p></article><footer>Copyright | Contact</footer></body></html>",
        encoding="utf-8",
    )
    doc = read_path(page)[0][0].document
    assert doc.passages[0].text.startswith("The plenary meeting of the Central Committee")
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert (doc.title, doc.date, doc.author) == ("Plenary Meeting Opens", "2021-01-05", "Pak Il")


def test_decomposed_korean_is_found_after_import(archive: Archive, tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "조선로동당 전원회의\n\n전원회의가 평양에서 열렸다.")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    (tmp_path / "nfd.txt").write_text(decomposed, encoding="utf-8")
    report = archive.import_paths([tmp_path / "nfd.txt"])
    assert report.added == 1
    assert archive.search("평양에서").total == 1
    assert _found(archive, "전원회의") == ["조선로동당 전원회의"]


def test_kps_9566_latin1_and_cp1250_files_are_read_right(tmp_path: Path) -> None:
    korean = (
        "조선로동당 중앙위원회 전원회의가 평양에서 열렸다. 회의에서는 당의 로선이 토의되였다.\n"
    )
    (tmp_path / "kp.txt").write_bytes(kps9566.encode(korean * 5)[0])
    (tmp_path / "kr.txt").write_bytes((korean * 5).encode("cp949"))
    (tmp_path / "pt.txt").write_bytes("O ministro João visitou São Tomé.".encode("latin-1"))
    (tmp_path / "cz.txt").write_bytes("Příliš žluťoučký kůň úpěl ďábelské ódy.".encode("cp1250"))
    assert read_path(tmp_path / "kp.txt")[0][0].document.text == korean * 5
    assert read_path(tmp_path / "kr.txt")[0][0].document.text == korean * 5
    assert "São Tomé" in read_path(tmp_path / "pt.txt")[0][0].document.text
    assert "žluťoučký kůň úpěl" in read_path(tmp_path / "cz.txt")[0][0].document.text
    assert b"\xbc\xbf".decode("kps9566") == "조"
