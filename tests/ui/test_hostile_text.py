"""Hostile text from documents and file names is shown literally in every widget, and nothing it
names is loaded; the correction dialogs refuse impossible dates inline, keeping what was typed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox

from wpk_archive.core.archive import open_archive
from wpk_archive.core.models import Event
from wpk_archive.ui.edit_dialogs import DocumentDialog, EventDialog
from wpk_archive.ui.main_window import MainWindow

# an image Qt would load (a missing file here; /dev/zero or a FIFO in the attack), bold, a
# javascript link and an entity: each must show as typed
HOSTILE = '<img src="/nonexistent/probe.png"> <b>bold</b> <a href="javascript:alert(1)">x</a> &lt;'
PIECES = ('<img src="/nonexistent/probe.png">', "<b>bold</b>", 'href="javascript:alert(1)"', "&lt;")


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt shows for ``text`` in a label or tooltip of format ``fmt`` (AutoText for
    tooltips): rich text is laid out by Qt's HTML reader, plain text is shown as it is."""
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def literal(text: str) -> bool:
    """Whether every hostile piece shows as typed (so none of it was read as markup)."""
    return all(piece in text for piece in PIECES)


def label_texts(widget: Any) -> list[str]:
    return [shown(label.text(), label.textFormat()) for label in widget.findChildren(QLabel)]


@pytest.fixture
def hostile_archive(tmp_path: Path) -> dict[str, str]:
    """An archive folder (the one the ``window`` fixture opens) holding a hostile document."""
    folder = tmp_path / "archive"
    jsonl = tmp_path / "hostile.jsonl"
    text = (
        f"The Supreme People's Assembly met in Pyongyang on the congress. {HOSTILE}\n\n"
        f"{HOSTILE} The second passage names the congress again."
    )
    row = {"title": HOSTILE, "text": text, "source": HOSTILE, "date": "2021-01-05"}
    jsonl.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with open_archive(folder) as archive:
        assert archive.import_paths([jsonl]).added == 1
        doc_id = next(d["id"] for d in archive.documents() if d["title"] == HOSTILE)
        event_id = archive.add_event(doc_id=doc_id, passage=1, start="2021-01-05", name=HOSTILE).event_id
        archive.correct_document(doc_id, title="Corrected " + HOSTILE)
    return {"doc_id": doc_id, "event_id": event_id}


def _modal(
    qtbot: Any, trigger: Callable[[], None], answer: Callable[[Any], None]
) -> dict[str, Any]:
    """Run ``trigger`` (which opens a modal dialog); look at the dialog, then ``answer`` it."""
    seen: dict[str, Any] = {}

    def probe() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, probe)
            return
        seen["texts"] = label_texts(widget)
        seen["widget"] = widget
        if isinstance(widget, QMessageBox):
            seen["default"] = widget.standardButton(widget.defaultButton())
        answer(widget)

    QTimer.singleShot(0, probe)
    trigger()
    qtbot.waitUntil(lambda: "texts" in seen, timeout=10000)
    return seen


def test_hostile_text_shows_literally_in_every_widget(  # type: ignore[no-untyped-def]
    qtbot, hostile_archive: dict[str, str], window: MainWindow, tmp_path: Path
) -> None:
    doc_id, event_id = hostile_archive["doc_id"], hostile_archive["event_id"]
    # search results: document headings and passages, drawn as rich text, and their tooltips
    window.search.box.setText("congress")
    with qtbot.waitSignal(window.search_done, timeout=10000):
        window.search.search_now()
    model = window.search.model
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    ours = [i for i in rows if literal(shown(str(i.data(Qt.ItemDataRole.ToolTipRole))))]
    assert len(ours) >= 2, "the heading's and the passages' tooltips show the text as typed"
    assert any(literal(shown(str(i.data()), Qt.TextFormat.RichText)) for i in rows), "heading"
    # the document list and the timeline: tooltips
    docs = window.documents_model
    window.documents_model.fetchMore(docs.index(0, 0).parent())
    tips = [
        docs.data(docs.index(r, 0), Qt.ItemDataRole.ToolTipRole) for r in range(docs.rowCount())
    ]
    assert any(literal(shown(t)) for t in tips if t)
    timeline = window.timeline_model
    event_row = next(
        r
        for r in range(timeline.rowCount())
        if getattr(timeline.event_at(r), "id", None) == event_id
    )
    tip = timeline.data(timeline.index(event_row, 0), Qt.ItemDataRole.ToolTipRole)
    assert literal(shown(tip)), tip
    # the reader: header (and its tooltip of corrected fields), original text, summary
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        window.reading.open_document(doc_id, passage=1)
    reader = window.reader
    assert literal(shown(reader.header.text(), reader.header.textFormat()))
    assert literal(shown(reader.header.toolTip()))
    assert literal(reader.original.toPlainText())
    assert literal(reader.summary.toPlainText())
    # the banner (notices hold paths and messages)
    window.show_banner(HOSTILE)
    assert literal(shown(window.banner.text(), window.banner.textFormat()))
    # the import report names refused files: a path holding markup
    bad = Path(f"{tmp_path}/{HOSTILE}.pdf")  # its "/" make folders: the path holds it all
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"%PDF-1.4")
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.imports.import_paths([bad])
    report = window.imports.report_box
    assert any(literal(t) for t in label_texts(report)), label_texts(report)
    report.close()
    # modal boxes: a failure message, the delete confirmation (default No), the gist dialog
    seen = _modal(qtbot, lambda: window.failed(HOSTILE), lambda w: w.accept())
    assert any(literal(t) for t in seen["texts"])
    seen = _modal(
        qtbot,
        window.corrections.delete_document_dialog,
        lambda w: w.button(QMessageBox.StandardButton.No).click(),
    )
    assert (
        any(literal(t) for t in seen["texts"]) and seen["default"] == QMessageBox.StandardButton.No
    )
    assert window.archive is not None and window.archive.document(doc_id) is not None
    event = window.archive.event(event_id)
    assert event is not None
    seen = _modal(qtbot, lambda: window.corrections.edit_gist_dialog(event), lambda w: w.reject())
    assert any(literal(t) for t in seen["texts"]), seen["texts"]
    # the correction dialog's "Extracted" line
    dialog = EventDialog(
        Event(
            id="e1",
            kind="other",
            name="N",
            key="k",
            start=None,
            end=None,
            precision=None,
            year_inferred=False,
            corrected={"name": HOSTILE},
        )
    )
    assert any(literal(t) for t in label_texts(dialog))


def _press_ok(dialog: Any) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.parametrize(
    "start,why",
    [
        ("2012-02-30", "February 2012 has 29 days"),
        ("2011-02-29", "February 2011 has 28 days"),
        ("2012-13", "no month 13"),
        ("April", "not a date"),
    ],
)
def test_impossible_dates_are_refused_inline_and_what_was_typed_is_kept(  # type: ignore[no-untyped-def]
    qtbot, start: str, why: str
) -> None:
    event = Event(
        id="e1",
        kind="other",
        name="Meeting",
        key="k",
        start="2012",
        end="2012",
        precision="year",
        year_inferred=False,
    )
    for dialog in (EventDialog(event), EventDialog(None, title="New event from passage 1")):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.name.setText("Meeting")
        dialog.start.setText(start)
        _press_ok(dialog)
        assert dialog.isVisible() and dialog.result() == 0, "the dialog stays open"
        assert why in dialog.error.text()
        assert dialog.start.text() == start, "what was typed is kept"
        dialog.start.setText("2012-02-29")
        dialog.end.setText("")
        _press_ok(dialog)
        assert dialog.result() == 1 and dialog.values()["start"] == "2012-02-29"


def test_document_dialog_refuses_an_impossible_date_inline(qtbot) -> None:  # type: ignore[no-untyped-def]
    from wpk_archive.core.models import Document

    doc = Document(id="d1", title="A title", text="x", passages=[], date="2012-01-01")
    dialog = DocumentDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.boxes["date"].setText("2021-02-30")
    _press_ok(dialog)
    assert dialog.isVisible() and "February 2021 has 28 days" in dialog.error.text()
    assert dialog.boxes["date"].text() == "2021-02-30"


def test_pdf_and_markdown_exports_keep_every_word(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from wpk_archive.core.export import document_blocks, document_markdown
    from wpk_archive.ui.pdf_export import pdf_document, write_pdf

    text = (
        "Report\n\nThe editorial of <<Rodong Sinmun>> says: the orchard plenum met. "
        f"{HOSTILE} Everything after the brackets stays.\n\nA second passage."
    )
    jsonl = tmp_path / "doc.jsonl"
    jsonl.write_text(json.dumps({"title": HOSTILE, "text": text}) + "\n", encoding="utf-8")
    with open_archive(tmp_path / "a") as archive:
        archive.import_paths([jsonl])
        doc_id = next(d["id"] for d in archive.documents() if d["title"] == HOSTILE)
        doc = archive.document(doc_id)
        assert doc is not None
        summary = archive.summary(doc_id)
    blocks = document_blocks(doc, summary)
    laid_out = pdf_document(blocks).toPlainText()
    assert (
        "<<Rodong Sinmun>> says" in laid_out and "Everything after the brackets stays." in laid_out
    )
    assert literal(laid_out) and "A second passage." in laid_out
    pdf = tmp_path / "doc.pdf"
    write_pdf(blocks, pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    # the Markdown export, read by a Markdown renderer (Qt's), shows the same words, no markup
    rendered = QTextDocument()
    rendered.setMarkdown(document_markdown(doc, summary))
    assert "<<Rodong Sinmun>> says" in rendered.toPlainText()
    assert (
        literal(rendered.toPlainText())
        and "Everything after the brackets stays." in rendered.toPlainText()
    )
    markup = rendered.toHtml()
    assert "<a " not in markup and "<img" not in markup, "no link, no image was made"


def test_a_delete_is_undone_from_the_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    state = window.reader.state
    assert state is not None and window.archive is not None
    doc_id = state.document.id
    with qtbot.waitSignal(window.corrections_changed, timeout=15000):
        _modal(
            qtbot,
            window.corrections.delete_document_dialog,
            lambda w: w.button(QMessageBox.StandardButton.Yes).click(),
        )
    qtbot.waitUntil(lambda: not window.tasks._running, timeout=15000)
    assert window.archive.document(doc_id) is None
    assert window.corrections.undo_action.isEnabled()
    with qtbot.waitSignal(window.corrections_changed, timeout=15000):
        window.corrections.undo_last_correction()
    qtbot.waitUntil(lambda: not window.tasks._running, timeout=15000)
    assert window.archive.document(doc_id) is not None, "undo puts the document back"
    assert "Correction undone" in window.statusBar().currentMessage()


def test_a_refused_edit_shows_its_reason_not_an_exception_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    state = window.reader.state
    assert state is not None and window.archive is not None
    archive = window.archive
    seen = _modal(
        qtbot,
        lambda: window.corrections.correct(
            archive.add_event, doc_id=state.document.id, passage=1, start="2012-02-30", name="X"
        ),
        lambda w: w.accept(),
    )
    text = " ".join(seen["texts"])
    assert "February 2012 has 29 days" in text and "ArchiveError" not in text, text
