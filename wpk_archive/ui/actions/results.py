"""Search results out of the window: every hit of the current search exported as CSV or JSON,
and the keyword-in-context view of every match. Read and written by background tasks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from wpk_archive.core.result_export import export_hits, kwic_csv, kwic_lines
from wpk_archive.ui.kwic_view import KwicView

if TYPE_CHECKING:
    from wpk_archive.core.result_export import KwicLine
    from wpk_archive.ui.main_window import MainWindow


class ResultActions(QObject):
    """Exports of the current search's hits, and the KWIC window."""

    kwic_shown = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.kwic: KwicView | None = None
        self._kwic_request = 0

    def _search(self) -> tuple[str, str, dict[str, str]] | None:
        """The current search: query, sort, facet filters (None, with a word, when none)."""
        query = self.window.search.box.text().strip()
        if not query:
            self.window.statusBar().showMessage("Search for something first.", 6000)
            return None
        return query, self.window.search.sort_key, dict(self.window.search.filters)

    def export_dialog(self, fmt: str) -> None:
        """Ask for a file, then export every hit of the current search to it."""
        if self._search() is None:
            return
        name, _ = QFileDialog.getSaveFileName(self.window, "Export search results", f"hits.{fmt}")
        if name:
            self.export(Path(name), fmt)

    def export(self, path: Path, fmt: str) -> None:
        """Write every hit of the current search (all pages) to ``path``, in the background."""
        archive, search = self.window.archive, self._search()
        if archive is None or search is None:
            return
        query, sort, filters = search

        def work() -> str:
            result = archive.search_all(query, sort=sort, filters=filters)  # type: ignore[arg-type]
            text = export_hits(
                fmt, query, result.hits, total=result.total, filters={**filters, "sort": sort}
            )
            path.write_text(text, encoding="utf-8")
            return str(path)

        self.window.tasks.read(work, done=self.window.exports.exported, failed=self.window.failed)

    def show_kwic(self) -> None:
        """Open the keyword-in-context window on every match of the current search."""
        archive, search = self.window.archive, self._search()
        if archive is None or search is None:
            return
        query, sort, filters = search
        if self.kwic is None:
            self.kwic = KwicView(self.window)
            self.kwic.line_chosen.connect(self._open_line)
            self.kwic.save_wanted.connect(self._save_dialog)
        view = self.kwic
        view.show_loading(query)
        view.show()
        view.raise_()
        self._kwic_request += 1
        request = self._kwic_request

        def load() -> tuple[list[KwicLine], int]:
            result = archive.search_all(query, sort=sort, filters=filters)  # type: ignore[arg-type]
            return kwic_lines(result.hits), result.total

        def done(payload: tuple[list[KwicLine], int]) -> None:
            if request == self._kwic_request:
                view.show_lines(query, *payload)
                self.kwic_shown.emit()

        self.window.tasks.read(load, done=done, failed=view.show_error)

    def _open_line(self, line: KwicLine) -> None:
        query = self.kwic.query if self.kwic is not None else ""
        self.window.reading.open_document(line.doc_id, passage=line.passage, query=query)

    def _save_dialog(self) -> None:
        if self.kwic is None or not self.kwic.lines:
            return
        name, _ = QFileDialog.getSaveFileName(self.window, "Save keyword in context", "kwic.csv")
        if name:
            self.save_kwic(Path(name))

    def save_kwic(self, path: Path) -> None:
        """Write the KWIC lines shown to ``path`` as CSV, in the background."""
        lines: list[Any] = list(self.kwic.lines) if self.kwic is not None else []

        def work() -> str:
            path.write_text(kwic_csv(lines), encoding="utf-8")
            return str(path)

        self.window.tasks.read(work, done=self.window.exports.exported, failed=self.window.failed)
