"""Correcting the timeline and documents: the context menu, the dialogs and session undo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
)

from wpk_archive.core.archive import Changes
from wpk_archive.core.corrections import source_key
from wpk_archive.core.models import Event
from wpk_archive.ui import plain

if TYPE_CHECKING:
    from wpk_archive.ui.main_window import MainWindow

SourceKeyRole = Qt.ItemDataRole.UserRole + 2


class CorrectionActions:
    """Every correction the user can make from the window, each one undoable with Ctrl+Z."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.undo_stack: list[list[int]] = []  # correction ids of each action this session
        self.undo_action = QAction("&Undo Correction", window)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo_last_correction)
        self.undo_action.setEnabled(False)

    def selected_events(self) -> list[Event]:
        """The events selected in the timeline, in list order."""
        w = self.window
        rows = sorted(i.row() for i in w.timeline.selectionModel().selectedIndexes())
        return [e for r in rows if (e := w.timeline_model.event_at(r)) is not None]

    def timeline_menu(self, pos: Any) -> None:
        """The timeline's context menu on the selected events."""
        events = self.selected_events()
        if not events:
            return
        menu = QMenu(self.window)
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
        menu.exec(self.window.timeline.viewport().mapToGlobal(pos))

    def correct(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        """Run one correction action in the background; it can be undone with Ctrl+Z."""
        archive = self.window.writable_archive()
        if archive is None:
            return

        def work() -> Changes:
            return combined(fn(*args, **kwargs))

        def done(changes: Changes) -> None:
            if changes.corrections:
                self.undo_stack.append(list(changes.corrections))
                self.undo_action.setEnabled(True)
            self.after_correction("Correction saved. Ctrl+Z takes it back.", changes)

        self.window.tasks.write(work, done=done, failed=self.window.failed)

    def after_correction(self, message: str, changes: Changes | None = None) -> None:
        """Show what changed: the lists and the document being read are read again, those the
        write's Changes name (all of them without a record)."""
        w = self.window
        w.statusBar().showMessage(message, 8000)
        w.refresh(changes)
        state = w.reader.state
        if state is not None and (
            changes is None
            or (
                state.document.id not in changes.deleted
                and (changes.events or changes.user_data or state.document.id in changes.documents)
            )
        ):
            w.reading.open_document(state.document.id, passage=state.passage, query=w.query)
        w.corrections_changed.emit()

    def undo_last_correction(self) -> None:
        """Take back the last correction action of this session."""
        archive = self.window.archive
        if archive is None or not self.undo_stack:
            return
        ids = self.undo_stack.pop()
        self.undo_action.setEnabled(bool(self.undo_stack))

        def work() -> Changes:
            return combined([archive.undo_correction(i) for i in reversed(ids)])

        self.window.tasks.write(
            work,
            done=lambda changes: self.after_correction("Correction undone.", changes),
            failed=self.window.failed,
        )

    def edit_event_dialog(self, event: Event) -> None:
        """Correct an event's name, kind and dates."""
        from wpk_archive.ui.edit_dialogs import EventDialog

        dialog = EventDialog(event, self.window)
        archive = self.window.archive
        if dialog.exec() and dialog.changes() and archive is not None:
            self.correct(archive.correct_event, event.id, **dialog.changes())

    def reject_events(self, events: list[Event]) -> None:
        """Take events off the timeline."""
        archive = self.window.archive
        if archive is not None:
            self.correct(lambda: [archive.reject_event(e.id) for e in events])

    def restore_events(self, events: list[Event]) -> None:
        """Put rejected events back."""
        archive = self.window.archive
        if archive is not None:
            self.correct(lambda: [archive.restore_event(e.id) for e in events])

    def join_events(self, events: list[Event]) -> None:
        """Fold the other selected events into the first."""
        archive = self.window.archive
        if archive is not None and len(events) > 1:
            self.correct(lambda: [archive.join_events(events[0].id, e.id) for e in events[1:]])

    def split_event_dialog(self, event: Event) -> None:
        """Choose sources to move into a new event."""
        dialog = QDialog(self.window)
        dialog.setWindowTitle("Split sources off into a new event")
        sources = QListWidget()
        for s in event.sources:
            item = QListWidgetItem(f"{s.start_date or 'undated'} · ¶{s.passage} · {s.quote[:90]}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(SourceKeyRole, source_key(s))
            sources.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(sources)
        layout.addWidget(buttons)
        archive = self.window.archive
        if not dialog.exec() or archive is None:
            return
        keys = [
            str(sources.item(i).data(SourceKeyRole))
            for i in range(sources.count())
            if sources.item(i).checkState() == Qt.CheckState.Checked
        ]
        if keys:
            self.correct(archive.split_event, event.id, keys)

    def edit_gist_dialog(self, event: Event) -> None:
        """Write your own one-line gist of an event (the current one is read in the background)."""
        archive = self.window.archive
        if archive is None:
            return
        self.window.tasks.read(
            archive.user_event_gist,
            event.id,
            done=lambda current: self._ask_gist(event, current),
            failed=self.window.failed,
        )

    def _ask_gist(self, event: Event, current: str | None) -> None:
        text, ok = plain.get_text(self.window, "Your gist", event.name, text=current or "")
        archive = self.window.writable_archive() if ok and text.strip() else None
        if archive is None:
            return
        self.window.tasks.write(
            archive.set_user_event_gist,
            event.id,
            text.strip(),
            done=lambda changes: self.after_correction("Your gist is saved.", changes),
            failed=self.window.failed,
        )

    def add_event_dialog(self) -> None:
        """Add an event by hand, anchored to the passage selected in the reader."""
        from wpk_archive.ui.edit_dialogs import EventDialog

        state = self.window.reader.state
        archive = self.window.archive
        if state is None or archive is None:
            return
        passage = state.passage or 1
        dialog = EventDialog(None, self.window, title=f"New event from passage {passage}")
        if dialog.exec():
            v = dialog.values()
            self.correct(
                archive.add_event,
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

        state = self.window.reader.state
        archive = self.window.archive
        if state is None or archive is None:
            return
        dialog = DocumentDialog(state.document, self.window)
        if dialog.exec() and dialog.changes():
            self.correct(archive.correct_document, state.document.id, **dialog.changes())

    def delete_document_dialog(self) -> None:
        """Delete the document being read, after exporting or confirming the loss of your notes."""
        w = self.window
        state = w.reader.state
        archive = w.archive
        if state is None or archive is None:
            return
        doc = state.document
        if not plain.ask(
            w,
            "Delete document",
            f"Delete “{doc.title}” with its passages, events and index entries?\n\n"
            "Edit ▸ Undo (Ctrl+Z) in this session puts it back, with your summary.",
        ):
            return
        export_to: Path | None = None
        if state.summary is not None and state.summary.user_text is not None:
            name, _ = QFileDialog.getSaveFileName(
                w, "Save your notes on this document first", f"{doc.id}-notes.json"
            )
            if not name:
                return
            export_to = Path(name)
        w.reader.state = None
        self.correct(archive.delete_document, doc.id, export_to=export_to)


def combined(result: Any) -> Changes:
    """The Changes of one action: a write's record, or the union of several writes' records."""
    if isinstance(result, Changes):
        return result
    total = Changes()
    for one in result:
        total = total | one
    return total
