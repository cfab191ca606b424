"""The main window: timeline, search and documents on the left; the side-by-side reader on the right."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal
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
    QVBoxLayout,
    QWidget,
)

from wpk_archive import __version__
from wpk_archive.core.archive import Archive, ImportReport, open_archive
from wpk_archive.core.export import document_markdown, timeline_export
from wpk_archive.core.models import Event, EventSource, Hit, SearchResult
from wpk_archive.ui import plain
from wpk_archive.ui.models.documents_model import DocIdRole, DocumentsModel
from wpk_archive.ui.models.timeline_model import EventRole, TimelineModel
from wpk_archive.ui.plain import plain_label
from wpk_archive.ui.reader import ReaderView
from wpk_archive.ui.search_panel import PAGE, SearchPanel
from wpk_archive.ui.tasks import TaskRunner, TaskSignals
from wpk_archive.ui.timeline_view import TimelinePane

DocRole = Qt.ItemDataRole.UserRole + 2


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
        self._query = ""
        self._open_id = 0  # newest document request; older answers are dropped
        self.undo_stack: list[list[int]] = []  # correction ids of each action this session

        self.search = SearchPanel()
        self.search.search_requested.connect(self._run_search)
        self.search.more_requested.connect(self._more_results)
        self.search.hit_chosen.connect(self.open_hit)

        self.timeline_model = TimelineModel(parent=self)
        self.timeline_pane = TimelinePane(self.timeline_model)
        self.timeline = self.timeline_pane.list
        self.timeline.activated.connect(self._event_chosen)
        self.timeline.clicked.connect(self._event_chosen)
        self.timeline_pane.filters_changed.connect(self.reload_timeline)
        self.timeline_pane.density.year_clicked.connect(self._narrow_to_year)
        self.timeline.customContextMenuRequested.connect(self._timeline_menu)

        self.documents_model = DocumentsModel(parent=self)
        self.documents = QListView()
        self.documents.setObjectName("documents")
        self.documents.setModel(self.documents_model)
        self.documents.setUniformItemSizes(True)  # 20,000 rows cost what the visible ones cost
        self.documents.activated.connect(self._document_chosen)
        self.documents.clicked.connect(self._document_chosen)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline_pane, "Timeline")
        self.tabs.addTab(self.search, "Search")
        self.tabs.addTab(self.documents, "Documents")

        self.reader = ReaderView()
        self.reader.source_requested.connect(self._open_source)
        self.reader.summary_edited.connect(self._save_summary)
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

        self._build_menus()
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

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(
            file_menu, "&Import Files…", self.import_files_dialog, QKeySequence.StandardKey.Open
        )
        self._action(file_menu, "Import &Folder…", self.import_folder_dialog, "Ctrl+Shift+O")
        file_menu.addSeparator()
        export_menu = file_menu.addMenu("&Export")
        for fmt, label in (
            ("csv", "Timeline as &CSV…"),
            ("json", "Timeline as &JSON…"),
            ("md", "Timeline as &Markdown…"),
        ):
            self._action(export_menu, label, lambda _=False, f=fmt: self._export_timeline_dialog(f))
        export_menu.addSeparator()
        self._action(
            export_menu, "Document as M&arkdown…", lambda: self._export_document_dialog("md")
        )
        self._action(export_menu, "Document as &PDF…", lambda: self._export_document_dialog("pdf"))
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu("&Edit")
        self._action(edit_menu, "&Search", self.focus_search, "Ctrl+K")
        self._action(
            edit_menu, "&Find in Document", self.reader.show_find, QKeySequence.StandardKey.Find
        )
        self._action(edit_menu, "Copy &Citation", self.reader.copy_current_citation, "Ctrl+Shift+C")
        self._action(edit_menu, "Edit Summar&y", self.reader.start_editing, "Ctrl+E")
        self._action(edit_menu, "Clear Search", self.clear_search, "Escape")
        edit_menu.addSeparator()
        self.undo_action = self._action(
            edit_menu, "&Undo Correction", self.undo_last_correction, QKeySequence.StandardKey.Undo
        )
        self.undo_action.setEnabled(False)
        self._action(edit_menu, "Add Event from Passage…", self.add_event_dialog)
        self._action(edit_menu, "Correct Document Details…", self.edit_document_dialog)
        self._action(edit_menu, "Delete Document…", self.delete_document_dialog)
        view_menu = self.menuBar().addMenu("&View")
        self._action(
            view_menu, "&Timeline", lambda: self.tabs.setCurrentWidget(self.timeline_pane), "Ctrl+1"
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
                failed=self._failed,
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

    def refresh(self) -> None:
        """Reload the timeline, the document list and the counts."""
        archive = self.archive
        if archive is None:
            return
        self.reload_timeline()

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
        )
        self.timeline_pane.count.setText(f"{total} event{'s' if total != 1 else ''}")
        if self.reader.state is None:
            row = self.timeline_model.first_event_row()
            if row is not None:  # show something to read at once: the earliest event
                first_index = self.timeline_model.index(row, 0)
                self.timeline.setCurrentIndex(first_index)
                self._event_chosen(first_index)
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
        self._query = text
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
            self._query,
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

    def open_hit(self, hit: Hit) -> None:
        """Open a hit's document at its passage, the query's words highlighted."""
        self.open_document(hit.doc_id, passage=hit.passage, query=self._query)

    # -- reading ------------------------------------------------------------------------------

    def _event_chosen(self, index: QModelIndex) -> None:
        event = index.data(EventRole)
        if event is None or not event.sources:
            return
        self._open_source((event.sources, 0))

    def _open_source(self, choice: tuple[list[EventSource], int]) -> None:
        sources, i = choice
        source = sources[i]
        self.open_document(
            source.doc_id,
            passage=source.passage,
            focus=(source.start, source.end),
            sources=sources,
            source_index=i,
        )

    def _document_chosen(self, index: QModelIndex) -> None:
        self.open_document(str(index.data(DocIdRole)))

    def open_document(
        self,
        doc_id: str,
        *,
        passage: int | None = None,
        query: str = "",
        focus: tuple[int, int] | None = None,
        sources: list[EventSource] | None = None,
        source_index: int = 0,
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
            matches = archive.match_spans(query, doc) if query else []
            return doc, archive.summary(doc.id), matches, archive.document_corrections(doc.id)

        def show(payload: Any) -> None:
            if request != self._open_id:
                return  # the user has asked for another document since
            if payload is None:
                self.statusBar().showMessage(f"Document {doc_id} is no longer in the archive", 8000)
                return
            doc, summary, matches, corrected = payload
            self.reader.corrected = corrected
            self.reader.show_document(
                doc,
                summary,
                passage=passage,
                matches=matches,
                focus=focus,
                sources=sources,
                source_index=source_index,
            )
            self.document_shown.emit()

        self.tasks.read(load, done=show)

    def _writable_archive(self) -> Archive | None:
        """The open archive when it can take changes; otherwise None, after telling the user why."""
        archive = self.archive
        if archive is not None and archive.readonly:
            plain.warn(self, "Read-only", archive.notice or "This archive is read-only.")
            return None
        return archive

    def _save_summary(self, doc_id: str, text: str) -> None:
        archive = self._writable_archive()
        if archive is None:
            return
        state = self.reader.state
        passage = state.passage if state else None

        def saved(_result: Any) -> None:
            self.statusBar().showMessage("Your summary is saved.", 5000)
            self.open_document(doc_id, passage=passage, query=self._query)

        self.tasks.write(archive.set_user_summary, doc_id, text, done=saved, failed=self._failed)

    def _failed(self, message: str) -> None:
        plain.warn(self, "WPK Archive", message)

    # -- corrections ----------------------------------------------------------------------------

    def selected_events(self) -> list[Event]:
        """The events selected in the timeline, in list order."""
        rows = sorted(i.row() for i in self.timeline.selectionModel().selectedIndexes())
        return [e for r in rows if (e := self.timeline_model.event_at(r)) is not None]

    def _timeline_menu(self, pos: Any) -> None:
        from PySide6.QtWidgets import QMenu

        events = self.selected_events()
        if not events:
            return
        menu = QMenu(self)
        first = events[0]
        menu.addAction("Correct…", lambda: self.edit_event_dialog(first))
        if first.rejected:
            menu.addAction("Restore", lambda: self.restore_events(events))
        else:
            menu.addAction("Reject", lambda: self.reject_events(events))
        if len(events) > 1:
            menu.addAction(f"Join {len(events)} events into one", lambda: self.join_events(events))
        if len(first.sources) > 1:
            menu.addAction("Split sources off…", lambda: self.split_event_dialog(first))
        menu.addAction("Write your gist…", lambda: self.edit_gist_dialog(first))
        menu.exec(self.timeline.viewport().mapToGlobal(pos))

    def correct(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        """Run one correction action in the background; it can be undone with Ctrl+Z."""
        archive = self._writable_archive()
        if archive is None:
            return

        def work() -> list[int]:
            before = max((c.id for c in archive.corrections()), default=0)
            fn(*args, **kwargs)
            return [c.id for c in archive.corrections() if c.id > before]

        def done(ids: list[int]) -> None:
            if ids:
                self.undo_stack.append(ids)
                self.undo_action.setEnabled(True)
            self._after_correction("Correction saved. Ctrl+Z takes it back.")

        self.tasks.write(work, done=done, failed=self._failed)

    def _after_correction(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self.refresh()
        state = self.reader.state
        if state is not None:
            self.open_document(state.document.id, passage=state.passage, query=self._query)
        self.corrections_changed.emit()

    def undo_last_correction(self) -> None:
        """Take back the last correction action of this session."""
        archive = self.archive
        if archive is None or not self.undo_stack:
            return
        ids = self.undo_stack.pop()
        self.undo_action.setEnabled(bool(self.undo_stack))

        def work() -> None:
            for correction_id in reversed(ids):
                archive.undo_correction(correction_id)

        self.tasks.write(
            work, done=lambda _r: self._after_correction("Correction undone."), failed=self._failed
        )

    def edit_event_dialog(self, event: Event) -> None:
        """Correct an event's name, kind and dates."""
        from wpk_archive.ui.edit_dialogs import EventDialog

        dialog = EventDialog(event, self)
        if dialog.exec() and dialog.changes() and self.archive is not None:
            self.correct(self.archive.correct_event, event.id, **dialog.changes())

    def reject_events(self, events: list[Event]) -> None:
        """Take events off the timeline."""
        if self.archive is not None:
            archive = self.archive
            self.correct(lambda: [archive.reject_event(e.id) for e in events])

    def restore_events(self, events: list[Event]) -> None:
        """Put rejected events back."""
        if self.archive is not None:
            archive = self.archive
            self.correct(lambda: [archive.restore_event(e.id) for e in events])

    def join_events(self, events: list[Event]) -> None:
        """Fold the other selected events into the first."""
        if self.archive is not None and len(events) > 1:
            archive = self.archive
            self.correct(lambda: [archive.join_events(events[0].id, e.id) for e in events[1:]])

    def split_event_dialog(self, event: Event) -> None:
        """Choose sources to move into a new event."""
        from PySide6.QtCore import Qt as _Qt
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

        from wpk_archive.core.corrections import source_key

        dialog = QDialog(self)
        dialog.setWindowTitle("Split sources off into a new event")
        sources = QListWidget()
        for s in event.sources:
            item = QListWidgetItem(f"{s.start_date or 'undated'} · ¶{s.passage} · {s.quote[:90]}")
            item.setFlags(item.flags() | _Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(_Qt.CheckState.Unchecked)
            item.setData(DocRole, source_key(s))
            sources.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(sources)
        layout.addWidget(buttons)
        if not dialog.exec() or self.archive is None:
            return
        keys = [
            str(sources.item(i).data(DocRole))
            for i in range(sources.count())
            if sources.item(i).checkState() == _Qt.CheckState.Checked
        ]
        if keys:
            self.correct(self.archive.split_event, event.id, keys)

    def edit_gist_dialog(self, event: Event) -> None:
        """Write your own one-line gist of an event."""
        if self.archive is None:
            return
        current = self.archive.store.user_event_gist(event.id)
        text, ok = plain.get_text(
            self, "Your gist", event.name, text=current["text"] if current else ""
        )
        if ok and text.strip():
            archive = self.archive
            self.tasks.write(
                archive.set_user_event_gist,
                event.id,
                text.strip(),
                done=lambda _r: self._after_correction("Your gist is saved."),
                failed=self._failed,
            )

    def add_event_dialog(self) -> None:
        """Add an event by hand, anchored to the passage selected in the reader."""
        from wpk_archive.ui.edit_dialogs import EventDialog

        state = self.reader.state
        if state is None or self.archive is None:
            return
        passage = state.passage or 1
        dialog = EventDialog(None, self, title=f"New event from passage {passage}")
        if dialog.exec():
            v = dialog.values()
            self.correct(
                self.archive.add_event,
                doc_id=state.document.id,
                passage=passage,
                start=v["start"],
                end=v["end"],
                name=v["name"],
                kind=v["kind"],
            )

    def edit_document_dialog(self) -> None:
        """Correct the title, date, source or URL of the document being read."""
        from wpk_archive.ui.edit_dialogs import DocumentDialog

        state = self.reader.state
        if state is None or self.archive is None:
            return
        dialog = DocumentDialog(state.document, self)
        if dialog.exec() and dialog.changes():
            self.correct(self.archive.correct_document, state.document.id, **dialog.changes())

    def delete_document_dialog(self) -> None:
        """Delete the document being read, after exporting or confirming the loss of your notes."""
        state = self.reader.state
        archive = self.archive
        if state is None or archive is None:
            return
        doc = state.document
        if not plain.ask(
            self,
            "Delete document",
            f"Delete “{doc.title}” with its passages, events and index entries?\n\n"
            "Edit ▸ Undo (Ctrl+Z) in this session puts it back, with your summary.",
        ):
            return
        export_to: Path | None = None
        if state.summary is not None and state.summary.user_text is not None:
            name, _ = QFileDialog.getSaveFileName(
                self, "Save your notes on this document first", f"{doc.id}-notes.json"
            )
            if not name:
                return
            export_to = Path(name)
        self.reader.state = None
        self.correct(archive.delete_document, doc.id, export_to=export_to)

    # -- export -------------------------------------------------------------------------------

    def _export_timeline_dialog(self, fmt: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export timeline", f"timeline.{fmt}")
        if name:
            self.export_timeline(Path(name), fmt)

    def export_timeline(self, path: Path, fmt: str) -> None:
        """Write the timeline (as currently filtered) to ``path`` in the background."""
        archive = self.archive
        if archive is None:
            return
        filters = self.timeline_pane.filters()

        def work() -> str:
            events = archive.timeline(**filters)
            headers = archive.store.document_headers(s.doc_id for e in events for s in e.sources)
            titles = {d: h["title"] for d, h in headers.items()}
            path.write_text(timeline_export(events, fmt, titles), encoding="utf-8")
            return str(path)

        self.tasks.read(work, done=self._exported, failed=self._failed)

    def _export_document_dialog(self, fmt: str) -> None:
        if self.reader.state is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Export document", f"document.{fmt}")
        if name:
            self.export_document(Path(name), fmt)

    def export_document(self, path: Path, fmt: str) -> None:
        """Write the document being read, with its summary, as Markdown or PDF."""
        state = self.reader.state
        if state is None:
            return
        text = document_markdown(state.document, state.summary)
        if fmt == "md":
            self.tasks.read(
                lambda: (path.write_text(text, encoding="utf-8"), str(path))[1],
                done=self._exported,
                failed=self._failed,
            )
            return
        from wpk_archive.core.export import document_blocks
        from wpk_archive.ui.pdf_export import write_pdf

        # laid out from the text itself, never from re-parsed markup (nothing can be dropped)
        write_pdf(document_blocks(state.document, state.summary), path)
        self._exported(str(path))

    def _exported(self, path: str) -> None:
        self.statusBar().showMessage(f"Exported {path}", 8000)
        self.export_finished.emit(path)

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
        archive = self._writable_archive()
        if archive is None:
            return
        dialog = QProgressDialog("Importing…", "Cancel", 0, 0, self)
        dialog.setLabel(plain_label("Importing…"))  # file names are shown as they are
        dialog.setWindowTitle("Import")
        dialog.setMinimumDuration(400)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Everything the worker uses exists before it starts: a cancel flag, a progress signal.
        cancel = threading.Event()
        bridge = TaskSignals(self)

        def progress(done: int, total: int, what: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(f"Importing {done} of {total}\n{what}")

        def finished(report: ImportReport) -> None:
            dialog.reset()
            bridge.deleteLater()
            self.refresh()
            self._report_import(report)
            self.import_finished.emit(report)

        def failed(message: str) -> None:
            dialog.reset()
            bridge.deleteLater()
            self.refresh()  # what was stored before the failure is shown (the message says what)
            plain.warn(self, "Import failed", message)

        bridge.progress.connect(progress)
        dialog.canceled.connect(cancel.set)
        self.tasks.write(
            lambda: archive.import_paths(
                paths, progress=bridge.progress.emit, cancelled=cancel.is_set
            ),
            done=finished,
            failed=failed,
        )

    def _report_import(self, report: ImportReport) -> None:
        self.statusBar().showMessage(f"Import: {report.summary()}", 15000)
        for notice in report.notices:
            self.show_banner(notice)
        if report.refused:
            shown = [str(r) for r in report.refused] + [f"{n.kind}: {n}" for n in report.notes]
            lines = "\n".join(shown[:50])
            more = f"\n… and {len(shown) - 50} more" if len(shown) > 50 else ""
            box = plain.message(
                self,
                "Some files were not imported",
                f"{report.summary()}.\n\nThese were refused:",
                informative=lines[:600] + more,
                detailed=lines + more,
            )
            box.setObjectName("importReport")
            box.show()
            self.import_report = box

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        self.tasks.wait(10000)
        if self.archive is not None:
            self.archive.close()
            self.archive = None
        super().closeEvent(event)
