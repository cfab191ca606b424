"""Importing from the window: file and folder dialogs, drops, progress with cancel, the report."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from wpk_archive.core.archive import ImportReport
from wpk_archive.ui import plain
from wpk_archive.ui.plain import plain_label
from wpk_archive.ui.tasks import TaskSignals

if TYPE_CHECKING:
    from wpk_archive.ui.main_window import MainWindow


class ImportActions:
    """The File ▸ Import menu's work, and files dropped on the window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.report_box: QMessageBox | None = None
        self.progress: QProgressDialog | None = None  # of the import running, if any

    def import_files_dialog(self) -> None:
        """Ask for files and import them."""
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            "Import articles",
            "",
            "Articles (*.txt *.md *.html *.htm *.jsonl);;All files (*)",
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def import_folder_dialog(self) -> None:
        """Ask for a folder and import everything in it."""
        folder = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import in the background with a progress dialog that can cancel."""
        w = self.window
        archive = w.writable_archive()
        if archive is None:
            return
        dialog = QProgressDialog("Importing…", "Cancel", 0, 0, w)
        dialog.setLabel(plain_label("Importing…"))  # file names are shown as they are
        dialog.setWindowTitle("Import")
        dialog.setMinimumDuration(400)
        # not modal: the window stays in use (scroll, search, read) while the import runs
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.progress = dialog
        # Everything the worker uses exists before it starts: a cancel flag, a progress signal.
        cancel = threading.Event()
        bridge = TaskSignals(w)

        def progress(done: int, total: int, what: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(f"Importing {done} of {total}\n{what}")

        def finished(report: ImportReport) -> None:
            dialog.reset()
            bridge.deleteLater()
            w.refresh()
            self.report(report)
            w.import_finished.emit(report)

        def failed(message: str) -> None:
            dialog.reset()
            bridge.deleteLater()
            w.refresh()  # what was stored before the failure is shown (the message says what)
            plain.warn(w, "Import failed", message)

        bridge.progress.connect(progress)
        dialog.canceled.connect(cancel.set)
        w.tasks.write(
            lambda: archive.import_paths(
                paths, progress=bridge.progress.emit, cancelled=cancel.is_set
            ),
            done=finished,
            failed=failed,
        )

    def report(self, report: ImportReport) -> None:
        """The import's summary in the status bar, its notices in the banner; the files left out
        in a box (as plain text: file names are shown as they are)."""
        w = self.window
        w.statusBar().showMessage(f"Import: {report.summary()}", 15000)
        for notice in report.notices:
            w.show_banner(notice)
        if report.refused:
            shown = [str(r) for r in report.refused] + [f"{n.kind}: {n}" for n in report.notes]
            lines = "\n".join(shown[:50])
            more = f"\n… and {len(shown) - 50} more" if len(shown) > 50 else ""
            box = plain.message(
                w,
                "Some files were not imported",
                f"{report.summary()}.\n\nThese were refused:",
                informative=lines[:600] + more,
                detailed=lines + more,
            )
            box.setObjectName("importReport")
            box.show()
            self.report_box = box
