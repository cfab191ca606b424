"""Exports from the window: the timeline (CSV, JSON, Markdown), a document (Markdown, PDF).

Every export is read and written by a background task; the GUI thread only asks for a file name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from wpk_archive.core.export import document_blocks, document_markdown, timeline_export
from wpk_archive.ui.pdf_export import write_pdf

if TYPE_CHECKING:
    from wpk_archive.ui.main_window import MainWindow


class ExportActions:
    """The File ▸ Export menu's work."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def export_timeline_dialog(self, fmt: str) -> None:
        """Ask for a file, then export the timeline as shown to it."""
        name, _ = QFileDialog.getSaveFileName(self.window, "Export timeline", f"timeline.{fmt}")
        if name:
            self.export_timeline(Path(name), fmt)

    def export_timeline(self, path: Path, fmt: str) -> None:
        """Write the timeline (as currently filtered, which the export says) to ``path`` in the
        background; each source with its article's title, date and URL."""
        archive = self.window.archive
        if archive is None:
            return
        filters = self.window.timeline_pane.filters()

        def work() -> str:
            events = archive.timeline(**filters)
            headers = archive.document_headers(s.doc_id for e in events for s in e.sources)
            titles = {doc_id: h["title"] for doc_id, h in headers.items()}
            text = timeline_export(events, fmt, titles, headers=headers, filters=filters)
            path.write_text(text, encoding="utf-8")
            return str(path)

        self.window.tasks.read(work, done=self.exported, failed=self.window.failed)

    def export_document_dialog(self, fmt: str) -> None:
        """Ask for a file, then export the document being read to it."""
        if self.window.reader.state is None:
            return
        name, _ = QFileDialog.getSaveFileName(self.window, "Export document", f"document.{fmt}")
        if name:
            self.export_document(Path(name), fmt)

    def export_document(self, path: Path, fmt: str) -> None:
        """Write the document being read, with its summary, as Markdown or PDF (in the background)."""
        state = self.window.reader.state
        if state is None:
            return
        doc, summary = state.document, state.summary

        def work() -> str:
            if fmt == "pdf":
                # laid out from the text itself, never from re-parsed markup (nothing can be
                # dropped); Qt paints text documents onto a QPrinter from any thread
                write_pdf(document_blocks(doc, summary), path)
                return str(path)
            path.write_text(document_markdown(doc, summary), encoding="utf-8")
            return str(path)

        self.window.tasks.read(work, done=self.exported, failed=self.window.failed)

    def exported(self, path: str) -> None:
        """Tell the user where the export went."""
        self.window.statusBar().showMessage(f"Exported {path}", 8000)
        self.window.export_finished.emit(path)
