"""Reading from the window: an event, a document or a hit opened in the reader; your summary saved.

Documents are read by a background task; the newest request wins (older answers are dropped).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex

from wpk_archive.core.models import EventSource, Hit
from wpk_archive.ui import plain
from wpk_archive.ui.models.documents_model import DocIdRole
from wpk_archive.ui.revisions import RevisionsDialog, load_history

if TYPE_CHECKING:
    from wpk_archive.ui.main_window import MainWindow


class ReadingActions:
    """What opens documents in the reader."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._open_id = 0  # newest document request; older answers are dropped
        self.revisions_dialog: RevisionsDialog | None = None

    def event_chosen(self, index: QModelIndex) -> None:
        """A timeline row was chosen: open its event's first source."""
        event = self.window.timeline_model.event_at(index.row())
        if event is None or not event.sources:
            return
        self.open_source((event.sources, 0))

    def open_source(self, choice: tuple[list[EventSource], int]) -> None:
        """Open one of an event's sources at its passage, the dating words in focus."""
        sources, i = choice
        source = sources[i]
        self.open_document(
            source.doc_id,
            passage=source.passage,
            focus=(source.start, source.end),
            sources=sources,
            source_index=i,
        )

    def document_chosen(self, index: QModelIndex) -> None:
        """A row of the document list was chosen."""
        doc_id = index.data(DocIdRole)
        if doc_id is not None:  # (not a placeholder row)
            self.open_document(str(doc_id))

    def open_hit(self, hit: Hit) -> None:
        """Open a hit's document at its passage, the query's words highlighted."""
        self.open_document(hit.doc_id, passage=hit.passage, query=self.window.query)

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
        w = self.window
        archive = w.archive
        if archive is None:
            return
        self._open_id += 1
        request = self._open_id

        def load() -> Any:
            doc = archive.document(doc_id)
            if doc is None:
                return None
            matches = archive.match_spans(query, doc) if query else []
            return (
                doc,
                archive.summary(doc.id),
                matches,
                archive.document_corrections(doc.id),
                load_history(archive, doc.id),
            )

        def show(payload: Any) -> None:
            if request != self._open_id:
                return  # the user has asked for another document since
            if payload is None:
                w.statusBar().showMessage(f"Document {doc_id} is no longer in the archive", 8000)
                return
            doc, summary, matches, corrected, history = payload
            w.reader.corrected = corrected
            w.reader.show_document(
                doc,
                summary,
                passage=passage,
                matches=matches,
                focus=focus,
                sources=sources,
                source_index=source_index,
                history=history,
            )
            w.document_shown.emit()

        w.tasks.read(load, done=show)

    def save_summary(self, doc_id: str, text: str) -> None:
        """Save the user's own summary, then show the document again."""
        w = self.window
        archive = w.writable_archive()
        if archive is None:
            return
        state = w.reader.state
        passage = state.passage if state else None

        def saved(_result: Any) -> None:
            w.statusBar().showMessage("Your summary is saved.", 5000)
            self.open_document(doc_id, passage=passage, query=w.query)

        w.tasks.write(archive.set_user_summary, doc_id, text, done=saved, failed=w.failed)

    def show_revisions(self) -> None:
        """The revisions of the document in the reader, and the word diff of any two."""
        w = self.window
        state = w.reader.state
        if w.archive is None or state is None or state.history is None:
            return
        dialog = RevisionsDialog(w, w.archive, w.tasks, state.document.id, state.history.revisions)
        dialog.show()
        self.revisions_dialog = dialog

    def separate_current(self) -> None:
        """Split the document in the reader off its group of re-sent stories."""
        w = self.window
        state = w.reader.state
        archive = w.writable_archive()
        if archive is None or state is None:
            return
        if not plain.ask(
            w,
            "Not the same story",
            f"“{state.document.title}” will no longer be grouped with the documents it was "
            "taken for a re-send of, and it counts as a source of its own (kept through "
            "re-imports; Edit ▸ Undo takes it back).",
        ):
            return
        w.corrections.correct(archive.separate_duplicate, state.document.id)
