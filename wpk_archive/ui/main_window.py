"""The main window: timeline, search and documents on the left; the side-by-side reader on the right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTabWidget,
    QToolBar,
)

from wpk_archive import __version__
from wpk_archive.core.archive import Archive, ImportReport, open_archive
from wpk_archive.core.models import Event, Hit, SearchResult
from wpk_archive.ui.models.timeline_model import EventRole, TimelineModel
from wpk_archive.ui.reader import ReaderView
from wpk_archive.ui.search_panel import SearchPanel
from wpk_archive.ui.tasks import TaskRunner

DocRole = Qt.ItemDataRole.UserRole + 2


class MainWindow(QMainWindow):
    """The app's one window. Every archive call runs as a task; results arrive by signal."""

    archive_ready = Signal()
    timeline_loaded = Signal()
    document_shown = Signal()
    search_done = Signal()
    import_finished = Signal(object)

    def __init__(self, archive_path: Path | None = None) -> None:
        super().__init__()
        self.setWindowTitle("WPK Archive")
        self.resize(1280, 800)
        self.setAcceptDrops(True)
        self.archive: Archive | None = None
        self.tasks = TaskRunner(self)
        self._query = ""
        self._open_id = 0  # newest document request; older answers are dropped

        self.search = SearchPanel()
        self.search.search_requested.connect(self._run_search)
        self.search.hit_chosen.connect(self.open_hit)

        self.timeline_model = TimelineModel(parent=self)
        self.timeline = QListView()
        self.timeline.setObjectName("timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        self.timeline.activated.connect(self._event_chosen)
        self.timeline.clicked.connect(self._event_chosen)

        self.documents = QListWidget()
        self.documents.setObjectName("documents")
        self.documents.itemActivated.connect(self._document_chosen)
        self.documents.itemClicked.connect(self._document_chosen)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline, "Timeline")
        self.tabs.addTab(self.search, "Search")
        self.tabs.addTab(self.documents, "Documents")

        self.reader = ReaderView()
        self.split = QSplitter()
        self.split.addWidget(self.tabs)
        self.split.addWidget(self.reader)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 5)
        self.split.setSizes([380, 900])
        self.setCentralWidget(self.split)

        toolbar = QToolBar("Search")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(" Search: "))
        toolbar.addWidget(self.search.box)
        self.addToolBar(toolbar)
        self.search.box.textEdited.connect(lambda _t: self.tabs.setCurrentWidget(self.search))
        self.search.box.returnPressed.connect(lambda: self.tabs.setCurrentWidget(self.search))

        self._build_menus()
        self.archive_status = QLabel("Opening the archive…")
        self.busy_status = QLabel("")
        self.statusBar().addWidget(self.archive_status, 1)
        self.statusBar().addPermanentWidget(self.busy_status)
        self.tasks.busy_changed.connect(
            lambda n: self.busy_status.setText(f"working ({n})…" if n else "")
        )
        self.tasks.write(
            open_archive, archive_path, done=self._archive_opened, failed=self._archive_failed
        )

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(
            file_menu, "&Import Files…", self.import_files_dialog, QKeySequence.StandardKey.Open
        )
        self._action(file_menu, "Import &Folder…", self.import_folder_dialog, "Ctrl+Shift+O")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu("&Edit")
        self._action(edit_menu, "&Search", self.focus_search, "Ctrl+K")
        view_menu = self.menuBar().addMenu("&View")
        self._action(
            view_menu, "&Timeline", lambda: self.tabs.setCurrentWidget(self.timeline), "Ctrl+1"
        )
        self._action(
            view_menu, "&Search Results", lambda: self.tabs.setCurrentWidget(self.search), "Ctrl+2"
        )
        self._action(
            view_menu, "&Documents", lambda: self.tabs.setCurrentWidget(self.documents), "Ctrl+3"
        )
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About WPK Archive", self._about)

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.box.setFocus()
        self.search.box.selectAll()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About WPK Archive",
            f"<b>WPK Archive {__version__}</b><p>A local research archive of articles on the "
            "Workers' Party of Korea: timeline, full-text search and anchored summaries.</p>",
        )

    # -- archive ------------------------------------------------------------------------------

    def _archive_opened(self, archive: Archive) -> None:
        self.archive = archive
        if archive.notice:
            self.statusBar().showMessage(archive.notice, 15000)
        self.refresh()
        self.archive_ready.emit()

    def _archive_failed(self, message: str) -> None:
        self.archive_status.setText("The archive could not be opened.")
        QMessageBox.critical(self, "WPK Archive", f"The archive could not be opened:\n\n{message}")

    def refresh(self) -> None:
        """Reload the timeline, the document list and the counts."""
        archive = self.archive
        if archive is None:
            return

        def load() -> tuple[int, list[Event], list[dict[str, Any]], dict[str, int]]:
            total = archive.store.count_events()
            first = archive.timeline(limit=self.timeline_model.batch)
            docs = archive.documents(limit=2000)
            return total, first, docs, archive.stats()

        self.tasks.read(load, done=self._loaded)

    def _loaded(
        self, payload: tuple[int, list[Event], list[dict[str, Any]], dict[str, int]]
    ) -> None:
        total, first, docs, stats = payload
        archive = self.archive
        assert archive is not None
        self.timeline_model.reset(
            total, first, lambda offset, limit: archive.timeline(limit=limit, offset=offset)
        )
        if self.reader.state is None and self.timeline_model.rowCount() > 0:
            # show something to read at once: the earliest event, at its source passage
            first_index = self.timeline_model.index(0, 0)
            self.timeline.setCurrentIndex(first_index)
            self._event_chosen(first_index)
        self.documents.clear()
        for row in docs:
            item = QListWidgetItem(f"{row['date'] or 'undated'}   {row['title']}")
            item.setData(DocRole, row["id"])
            item.setToolTip(row["title"])
            self.documents.addItem(item)
        self.archive_status.setText(
            f"{stats['documents']} documents · {stats['passages']} passages · "
            f"{stats['events']} events · {archive.folder}"
            + (" · read-only" if archive.readonly else "")
        )
        self.timeline_loaded.emit()

    # -- search -------------------------------------------------------------------------------

    def _run_search(self, query_id: int, text: str) -> None:
        archive = self.archive
        if archive is None:
            return
        self._query = text
        self.tasks.read(
            archive.search,
            text,
            limit=50,
            done=lambda result: self._search_result(query_id, result),
            failed=lambda message: self.search.show_error(query_id, message),
        )

    def _search_result(self, query_id: int, result: SearchResult) -> None:
        self.search.show_result(query_id, result)
        self.search_done.emit()

    def open_hit(self, hit: Hit) -> None:
        """Open a hit's document at its passage, the query's words highlighted."""
        self.open_document(hit.doc_id, passage=hit.passage, query=self._query)

    # -- reading ------------------------------------------------------------------------------

    def _event_chosen(self, index: QModelIndex) -> None:
        event = index.data(EventRole)
        if event is None or not event.sources:
            return
        source = event.sources[0]
        self.open_document(source.doc_id, passage=source.passage, focus=(source.start, source.end))

    def _document_chosen(self, item: QListWidgetItem) -> None:
        self.open_document(str(item.data(DocRole)))

    def open_document(
        self,
        doc_id: str,
        *,
        passage: int | None = None,
        query: str = "",
        focus: tuple[int, int] | None = None,
    ) -> None:
        """Load a document (off the GUI thread) and show it in the reader."""
        archive = self.archive
        if archive is None:
            return
        self._open_id += 1
        request = self._open_id

        def load() -> Any:
            doc = archive.document(doc_id)
            if doc is None:
                return None
            return doc, archive.summary(doc.id), archive.match_spans(query, doc) if query else []

        def show(payload: Any) -> None:
            if request != self._open_id:
                return  # the user has asked for another document since
            if payload is None:
                self.statusBar().showMessage(f"Document {doc_id} is no longer in the archive", 8000)
                return
            doc, summary, matches = payload
            self.reader.show_document(doc, summary, passage=passage, matches=matches, focus=focus)
            self.document_shown.emit()

        self.tasks.read(load, done=show)

    # -- import -------------------------------------------------------------------------------

    def import_files_dialog(self) -> None:
        """Ask for files and import them."""
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", "", "Articles (*.txt *.md *.html *.htm *.jsonl);;All files (*)"
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def import_folder_dialog(self) -> None:
        """Ask for a folder and import everything in it."""
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import in the background with a progress dialog that can cancel."""
        archive = self.archive
        if archive is None:
            return
        dialog = QProgressDialog("Importing…", "Cancel", 0, 0, self)
        dialog.setWindowTitle("Import")
        dialog.setMinimumDuration(400)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        holder: dict[str, Any] = {}

        def cancelled() -> bool:
            return bool(holder.get("task") and holder["task"].cancelled)

        def progress(done: int, total: int, what: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(f"Importing {done} of {total}\n{what}")

        def finished(report: ImportReport) -> None:
            dialog.reset()
            self.refresh()
            self._report_import(report)
            self.import_finished.emit(report)

        def failed(message: str) -> None:
            dialog.reset()
            QMessageBox.warning(self, "Import failed", message)

        task = self.tasks.write(
            lambda: archive.import_paths(
                paths, progress=holder["task"].report, cancelled=cancelled
            ),
            done=finished,
            failed=failed,
            progress=progress,
        )
        holder["task"] = task
        dialog.canceled.connect(lambda: setattr(task, "cancelled", True))

    def _report_import(self, report: ImportReport) -> None:
        self.statusBar().showMessage(f"Import: {report.summary()}", 15000)
        if report.refused:
            lines = "\n".join(str(r) for r in report.refused[:50])
            more = f"\n… and {len(report.refused) - 50} more" if len(report.refused) > 50 else ""
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Some files were not imported")
            box.setText(f"{report.summary()}.\n\nThese were refused:")
            box.setDetailedText(lines + more)
            box.setInformativeText(lines[:600] + more)
            box.show()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.wait(10000)
        if self.archive is not None:
            self.archive.close()
            self.archive = None
        super().closeEvent(event)
