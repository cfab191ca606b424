"""Importing from the window: file, folder and URL dialogs, drops, a progress bar in the status
bar that goes on while the user reads and searches (with a cancel), and the report at the end."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wpk_archive.core.archive import ImportReport
from wpk_archive.core.ingest.pdf import tesseract
from wpk_archive.ui import plain
from wpk_archive.ui.plain import plain_label
from wpk_archive.ui.tasks import TaskSignals

if TYPE_CHECKING:
    from wpk_archive.ui.main_window import MainWindow

FILE_TYPES = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.xhtml *.jsonl *.pdf *.docx *.odt *.epub "
    "*.gz *.zip);;All files (*)"
)


class ImportProgress(QWidget):
    """The status bar's import progress: what is being read, a bar that moves with every few
    articles, and Cancel. The window stays in use meanwhile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.label = plain_label("Importing…")
        self.label.setMinimumWidth(260)
        self.label.setMaximumWidth(520)
        self.bar = QProgressBar()
        self.bar.setObjectName("importBar")
        self.bar.setFixedWidth(220)
        self.bar.setRange(0, 0)  # busy until the first figure arrives
        self.cancel = QPushButton("Cancel")
        self.cancel.setObjectName("cancelImport")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar)
        row.addWidget(self.cancel)

    def show_progress(self, done: int, total: int, what: str) -> None:
        """Show ``done`` of ``total`` (0 of 0: busy) and what is being read."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        self.label.setText(what or "Importing…")
        self.label.setToolTip(plain.tooltip(what))

    def wasCanceled(self) -> bool:
        """Whether the user asked to cancel."""
        return not self.cancel.isEnabled()


class UrlDialog(QDialog):
    """File ▸ Import from URL: an article page, or an RSS or Atom feed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import from URL")
        self.url = QLineEdit()
        self.url.setObjectName("importUrl")
        self.url.setPlaceholderText("https://… (an article page, or an RSS or Atom feed)")
        self.url.setMinimumWidth(460)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "A page is imported as one article (its main text, title, date and author).\n"
                "A feed's entries are each fetched and imported; importing the same feed\n"
                "again adds only what is new."
            )
        )
        layout.addWidget(self.url)
        layout.addWidget(buttons)


class ImportActions:
    """The File ▸ Import menu's work, and files dropped on the window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.report_box: QMessageBox | None = None
        self.progress: ImportProgress | None = None  # of the import running, if any
        self.url_dialog: UrlDialog | None = None
        self.ocr = False

    def import_files_dialog(self) -> None:
        """Ask for files and import them."""
        dialog = QFileDialog(self.window, "Import articles")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(FILE_TYPES)
        ocr = QCheckBox("Read scanned PDFs by OCR (tesseract)")
        if tesseract() is not None:  # the option only where OCR can run
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            grid = dialog.layout()
            if isinstance(grid, QGridLayout):
                grid.addWidget(ocr, grid.rowCount(), 0, 1, -1)
        if dialog.exec() and dialog.selectedFiles():
            self.ocr = ocr.isChecked()
            self.import_paths([Path(f) for f in dialog.selectedFiles()])

    def import_folder_dialog(self) -> None:
        """Ask for a folder and import everything in it."""
        folder = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles")
        if folder:
            self.import_paths([Path(folder)])

    def import_url_dialog(self) -> None:
        """Ask for a page's or a feed's URL and import it."""
        dialog = UrlDialog(self.window)
        self.url_dialog = dialog

        def chosen() -> None:
            url = dialog.url.text().strip()
            if url:
                self.import_url(url)

        dialog.accepted.connect(chosen)
        dialog.open()

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders in the background."""
        ocr = self.ocr
        self.ocr = False
        self._run(
            lambda archive, progress, cancelled: archive.import_paths(
                paths, progress=progress, cancelled=cancelled, ocr=ocr
            ),
            "Importing…",
        )

    def import_url(self, url: str) -> None:
        """Import a page or a feed in the background."""
        self._run(
            lambda archive, progress, cancelled: archive.import_url(
                url, progress=progress, cancelled=cancelled
            ),
            f"Fetching {url}…",
        )

    def _run(self, work: Callable[..., ImportReport], what: str) -> None:
        """Run an import on the write worker with the status-bar progress."""
        w = self.window
        archive = w.writable_archive()
        if archive is None:
            return
        if self.progress is not None:
            plain.warn(w, "Import", "An import is running; wait for it to end, or cancel it.")
            return
        widget = ImportProgress(w)
        widget.show_progress(0, 0, what)
        w.statusBar().addPermanentWidget(widget)
        self.progress = widget
        # Everything the worker uses exists before it starts: a cancel flag, a progress signal.
        cancel = threading.Event()
        bridge = TaskSignals(w)

        def cancelling() -> None:
            cancel.set()
            widget.cancel.setEnabled(False)
            widget.label.setText("Cancelling: the batch being written is finished first…")

        def ended() -> None:
            w.statusBar().removeWidget(widget)
            widget.deleteLater()
            self.progress = None
            bridge.deleteLater()
            w.refresh()

        def finished(report: ImportReport) -> None:
            ended()
            self.report(report)
            w.import_finished.emit(report)

        def failed(message: str) -> None:
            ended()  # what was stored before the failure is shown (the message says what)
            plain.warn(w, "Import failed", message)

        bridge.progress.connect(widget.show_progress)
        widget.cancel.clicked.connect(cancelling)
        w.tasks.write(
            lambda: work(archive, bridge.progress.emit, cancel.is_set),
            done=finished,
            failed=failed,
        )

    def report(self, report: ImportReport) -> None:
        """The import's summary in the status bar, its notices in the banner, and a report box
        (as plain text: file names are shown as they are): what was added, updated, already
        present or grouped as re-sent, what was refused and skipped, each with why; a cancelled
        import says what it kept."""
        w = self.window
        w.statusBar().showMessage(f"Import: {report.summary()}", 15000)
        for notice in report.notices:
            w.show_banner(notice)
        lines = [f"refused: {r}" for r in report.refused]
        lines += [f"{n.kind}: {n}" for n in report.notes]
        counts = [
            f"{report.added} added",
            f"{report.updated} updated (a new revision; the earlier text is kept)",
            f"{report.duplicates} already in the archive",
        ]
        if report.resent:
            counts.append(f"{report.resent} re-sent stories grouped with what they re-send")
        if report.removed:
            counts.append(f"{report.removed} marked removed at source")
        if report.refused:
            counts.append(f"{len(report.refused)} refused")
        head = "Import report"
        if report.cancelled:
            kept = report.added + report.updated
            head = "Import cancelled"
            counts.insert(
                0,
                f"Cancelled: {kept} document(s) imported before the cancel are kept; "
                "the rest was not imported (import the same files again to finish).",
            )
        if not lines and not report.cancelled and not report.resent:
            return  # everything went in: the status bar says so
        shown = "\n".join(lines[:50])
        more = f"\n… and {len(lines) - 50} more" if len(lines) > 50 else ""
        box = plain.message(
            w,
            head,
            "\n".join(counts)
            + ("\n\nLeft out, each with why:" if lines else "")
            + (f"\n{shown[:600]}" if lines else ""),
            icon=QMessageBox.Icon.Warning if report.refused else QMessageBox.Icon.Information,
            detailed=(shown + more) if lines else "",
        )
        box.setObjectName("importReport")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        self.report_box = box
