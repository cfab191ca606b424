"""The main window: timeline, search and documents on the left; the side-by-side reader on the right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from wpk_archive import __version__
from wpk_archive.core.archive import Archive, Changes, open_archive
from wpk_archive.core.models import Event, SearchResult
from wpk_archive.ui import plain
from wpk_archive.ui.actions.corrections import CorrectionActions
from wpk_archive.ui.actions.exporting import ExportActions
from wpk_archive.ui.actions.importing import ImportActions
from wpk_archive.ui.actions.reading import ReadingActions
from wpk_archive.ui.actions.research import ResearchActions
from wpk_archive.ui.actions.results import ResultActions
from wpk_archive.ui.menus import build_menus
from wpk_archive.ui.models.documents_model import DocumentsModel
from wpk_archive.ui.models.timeline_model import TimelineModel
from wpk_archive.ui.people_view import PeoplePane
from wpk_archive.ui.plain import plain_label
from wpk_archive.ui.reader import ReaderView
from wpk_archive.ui.search_panel import PAGE, SearchPanel
from wpk_archive.ui.tasks import TaskRunner
from wpk_archive.ui.timeline_view import TimelinePane
from wpk_archive.ui.trends_view import TrendsPane

PREPARE_SEARCH_DELAY_MS = 1500
"""How long after the index check the search lookups are read in the background."""


class MainWindow(QMainWindow):
    """The app's one window. Every archive call runs as a task; results arrive by signal."""

    archive_ready = Signal()
    timeline_loaded = Signal()
    document_shown = Signal()
    search_done = Signal()
    import_finished = Signal(object)
    export_finished = Signal(str)
    corrections_changed = Signal()

    def __init__(
        self, archive_path: Path | None = None, *, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.setWindowTitle("WPK Archive")
        self.resize(1360, 840)
        self.setAcceptDrops(True)
        self.archive: Archive | None = None
        self._search_prepared = False
        self.tasks = TaskRunner(self)
        self.settings = settings or QSettings()
        self.query = ""
        self.reading = ReadingActions(self)
        self.corrections = CorrectionActions(self)
        self.imports = ImportActions(self)
        self.exports = ExportActions(self)
        self.research = ResearchActions(self)
        self.results = ResultActions(self)

        self.search = SearchPanel()
        self.search.search_requested.connect(self._run_search)
        self.search.more_requested.connect(self._more_results)
        self.search.hit_chosen.connect(self.reading.open_hit)

        self.timeline_model = TimelineModel(parent=self)
        self.timeline_pane = TimelinePane(self.timeline_model)
        self.timeline = self.timeline_pane.list
        self.timeline.activated.connect(self.reading.event_chosen)
        self.timeline.clicked.connect(self.reading.event_chosen)
        self.timeline_pane.filters_changed.connect(self.reload_timeline)
        self.timeline_pane.density.year_clicked.connect(self._narrow_to_year)
        self.timeline.customContextMenuRequested.connect(self.corrections.timeline_menu)

        self.documents_model = DocumentsModel(parent=self)
        self.documents = QListView()
        self.documents.setObjectName("documents")
        self.documents.setModel(self.documents_model)
        self.documents.setUniformItemSizes(True)  # 20,000 rows cost what the visible ones cost
        self.documents.activated.connect(self.reading.document_chosen)
        self.documents.clicked.connect(self.reading.document_chosen)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline_pane, "Timeline")
        self.tabs.addTab(self.search, "Search")
        self.tabs.addTab(self.documents, "Documents")
        self._add_research_tabs()

        self.reader = ReaderView()
        self.reader.source_requested.connect(self.reading.open_source)
        self.reader.summary_edited.connect(self.reading.save_summary)
        self.reader.document_requested.connect(lambda d: self.reading.open_document(d))
        self.reader.revisions_requested.connect(self.reading.show_revisions)
        self.reader.separate_requested.connect(self.reading.separate_current)
        self.split = QSplitter()
        self.split.addWidget(self.tabs)
        self.split.addWidget(self.reader)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 5)
        self.split.setSizes([420, 940])
        self.banner = plain_label("")
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background:#fff3bf;color:#5c4400;padding:6px;border-bottom:1px solid #e0c060"
        )
        self.banner.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.split, 1)
        self.setCentralWidget(central)

        toolbar = QToolBar("Search")
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(" Search: "))
        toolbar.addWidget(self.search.box)
        self.addToolBar(toolbar)
        self.search.box.textEdited.connect(lambda _t: self.tabs.setCurrentWidget(self.search))
        self.search.box.returnPressed.connect(lambda: self.tabs.setCurrentWidget(self.search))

        self.korean_first = build_menus(self)
        self.archive_status = QLabel("Opening the archive…")
        self.busy_status = QLabel("")
        self.statusBar().addWidget(self.archive_status, 1)
        self.statusBar().addPermanentWidget(self.busy_status)
        self.tasks.busy_changed.connect(
            lambda n: self.busy_status.setText(f"working ({n})…" if n else "")
        )
        self._restore_settings()
        self.tasks.write(
            open_archive, archive_path, done=self._archive_opened, failed=self._archive_failed
        )

    # -- people, trends, results out (issue #17): the work is in ui/actions/research.py and
    # ui/actions/results.py, the widgets in ui/people_view.py, ui/trends_view.py, ui/kwic_view.py

    def _add_research_tabs(self) -> None:
        self.people_pane = PeoplePane()
        self.trends_pane = TrendsPane()
        self.tabs.addTab(self.people_pane, "People")
        self.tabs.addTab(self.trends_pane, "Trends")
        self.research.connect_panes(self.people_pane, self.trends_pane)
        self.tabs.currentChanged.connect(
            lambda _i: self.research.tab_shown(self.tabs.currentWidget())
        )
        self.import_finished.connect(self.research.archive_changed)
        self.corrections_changed.connect(self.research.archive_changed)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.box.setFocus()
        self.search.box.selectAll()

    def escape(self) -> None:
        """Esc (the one binding of the key): close the find bar when it is open, else clear the
        search."""
        if self.reader.find_bar.isVisible():
            self.reader.close_find()
        else:
            self.clear_search()

    def clear_search(self) -> None:
        """Esc: empty the search box and its filters."""
        self.search.box.clear()
        self.search.filters.clear()
        self.search.search_now()
        self.timeline_pane.density.set_counts({})

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About WPK Archive",
            f"<b>WPK Archive {__version__}</b><p>A local research archive of articles on the "
            "Workers' Party of Korea: timeline, full-text search and anchored summaries.</p>",
        )

    # -- settings -----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for key, splitter in (("window/split", self.split), ("window/reader", self.reader.split)):
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        recent = self.settings.value("search/recent")
        if isinstance(recent, list):
            self.search.set_recent([str(q) for q in recent])
        korean_first = self.settings.value("timeline/korean_first") in (True, "true", "1", 1)
        self.korean_first.setChecked(korean_first)
        self.timeline_model.set_korean_first(korean_first)
        kind = self.settings.value("timeline/kind")
        if kind:
            index = self.timeline_pane.kind.findData(kind)
            if index >= 0:
                self.timeline_pane.kind.setCurrentIndex(index)

    def _save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/split", self.split.saveState())
        self.settings.setValue("window/reader", self.reader.split.saveState())
        self.settings.setValue("search/recent", self.search.recent)
        self.settings.setValue("timeline/kind", self.timeline_pane.kind.currentData() or "")
        self.settings.setValue("timeline/korean_first", self.korean_first.isChecked())
        self.settings.sync()

    # -- archive ------------------------------------------------------------------------------

    def _archive_opened(self, archive: Archive) -> None:
        self.archive = archive
        if archive.notice:
            self.show_banner(archive.notice)
        self.refresh()
        self.archive_ready.emit()
        if not archive.readonly:
            self.tasks.write(
                archive.check_index,
                progress=self._index_progress,
                done=self._index_checked,
                failed=self.failed,
            )

    def _index_checked(self, message: str | None) -> None:
        self.busy_status.setText("")
        if message:
            self.show_banner(message)
        if self.archive is not None and not self._search_prepared:
            # read the index's lookups before the first search needs them, once the timeline is
            # on screen (they compete with it for the interpreter)
            self._search_prepared = True
            QTimer.singleShot(PREPARE_SEARCH_DELAY_MS, self._prepare_search)

    def _prepare_search(self) -> None:
        if self.archive is not None:
            self.tasks.read(self.archive.prepare_search, failed=lambda _message: None)

    def show_banner(self, text: str) -> None:
        """A notice that stays until the archive is closed (read-only, index rebuilt…)."""
        current = self.banner.text()
        self.banner.setText(f"{current}\n{text}" if current else text)
        self.banner.show()

    def _index_progress(self, done: int, total: int, what: str) -> None:
        self.busy_status.setText(
            f"Rebuilding the search index from the archive: {done:,} of {total:,} documents "
            "(nothing is lost)"
        )

    def _archive_failed(self, message: str) -> None:
        self.archive_status.setText("The archive could not be opened.")
        plain.message(
            self,
            "WPK Archive",
            f"The archive could not be opened:\n\n{message}",
            icon=QMessageBox.Icon.Critical,
        ).exec()

    def refresh(self, changes: Changes | None = None) -> None:
        """Reload the timeline, the document list and the counts: those a write's ``changes``
        name (all without a record)."""
        archive = self.archive
        if archive is None:
            return
        if changes is None or changes.events or changes.deleted:
            self.reload_timeline()
        if changes is not None and not (changes.documents or changes.deleted):
            return

        def load() -> tuple[list[dict[str, Any]], dict[str, int]]:
            return archive.documents(limit=self.documents_model.batch), archive.stats()

        self.tasks.read(load, done=self._documents_loaded)

    def reload_timeline(self) -> None:
        """Read the first batch of events under the current filters (off the GUI thread)."""
        archive = self.archive
        if archive is None:
            return
        filters = self.timeline_pane.filters()

        def load() -> tuple[int, list[Event]]:
            total = archive.count_events(**filters)
            return total, archive.timeline(limit=self.timeline_model.batch, **filters)

        self.tasks.read(load, done=lambda payload: self._timeline_loaded(filters, payload))

    def _timeline_loaded(self, filters: dict[str, Any], payload: tuple[int, list[Event]]) -> None:
        if filters != self.timeline_pane.filters():
            return  # the filters changed while this was read
        total, first = payload
        archive = self.archive
        if archive is None:
            return  # the window was closed while this was read
        self.timeline_model.reset(
            total,
            first,
            lambda offset, limit: archive.timeline(limit=limit, offset=offset, **filters),
            self.tasks.submit,
        )
        self.timeline_pane.count.setText(f"{total} event{'s' if total != 1 else ''}")
        if self.reader.state is None:
            row = self.timeline_model.first_event_row()
            if row is not None:  # show something to read at once: the earliest event
                first_index = self.timeline_model.index(row, 0)
                self.timeline.setCurrentIndex(first_index)
                self.reading.event_chosen(first_index)
        self.timeline_loaded.emit()

    def _documents_loaded(self, payload: tuple[list[dict[str, Any]], dict[str, int]]) -> None:
        docs, stats = payload
        archive = self.archive
        if archive is None:
            return  # the window was closed while this was read
        self.documents_model.reset(
            stats["documents"],
            docs,
            lambda offset, limit: archive.documents(limit=limit, offset=offset),
            self.tasks.submit,
        )
        self.archive_status.setText(
            f"{stats['documents']:,} documents · {stats['passages']:,} passages · "
            f"{stats['events']:,} events · {archive.folder}"
            + (" · read-only" if archive.readonly else "")
        )

    # -- search -------------------------------------------------------------------------------

    def _run_search(self, query_id: int, text: str) -> None:
        archive = self.archive
        if archive is None:
            return
        self.query = text
        self.tasks.read(
            archive.search,
            text,
            limit=PAGE,
            sort=self.search.sort_key,
            filters=dict(self.search.filters),
            facets=True,
            done=lambda result: self._search_result(query_id, result),
            failed=lambda message: self.search.show_error(query_id, message),
        )

    def _more_results(self, query_id: int, offset: int) -> None:
        archive = self.archive
        if archive is None or query_id != self.search.query_id:
            return
        self.tasks.read(
            archive.search,
            self.query,
            limit=PAGE,
            offset=offset,
            sort=self.search.sort_key,
            filters=dict(self.search.filters),
            done=lambda result: self._more_shown(query_id, result),
            failed=lambda message: self.search.show_error(query_id, message),
        )

    def _more_shown(self, query_id: int, result: SearchResult) -> None:
        self.search.append_result(query_id, result)
        self.search_done.emit()

    def _search_result(self, query_id: int, result: SearchResult) -> None:
        if query_id != self.search.query_id:
            return
        self.search.show_result(query_id, result)
        self.timeline_pane.density.set_counts(result.facets.get("year", {}))
        self.search_done.emit()

    def _narrow_to_year(self, year: str) -> None:
        self.tabs.setCurrentWidget(self.search)
        self.search.narrow("year", year)

    def writable_archive(self) -> Archive | None:
        """The open archive when it can take changes; otherwise None, after telling the user why."""
        archive = self.archive
        if archive is not None and archive.readonly:
            plain.warn(self, "Read-only", archive.notice or "This archive is read-only.")
            return None
        return archive

    def failed(self, message: str) -> None:
        """Tell the user that a background task failed."""
        plain.warn(self, "WPK Archive", message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.imports.import_paths(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        archive, self.archive = self.archive, None  # answers still on their way are dropped
        self.tasks.wait(10000)
        if archive is not None:  # closed after every earlier write, on the write worker
            self.tasks.write(archive.close)
            self.tasks.wait(10000)
        super().closeEvent(event)
