"""The doors of the gateway to what the user wrote and corrected: a part of
:class:`wpk_archive.core.archive.Archive`.

The user's own texts (summaries, gists, the user-data export) and the corrections (of events and
documents, deletes, undo, corrections and notes files). Like the rest of the gateway, one door per
method (its signature, its docstring and one call into :mod:`wpk_archive.core.operations.editing`,
:mod:`~wpk_archive.core.operations.records` or the store); the work itself is there.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from wpk_archive.core import corrections
from wpk_archive.core.corrections import CorrectionsImport
from wpk_archive.core.operations import editing, records
from wpk_archive.core.operations.common import Changes
from wpk_archive.core.store import now_iso

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive


def _archive(doors: UserDataDoors) -> Archive:
    """The open archive these doors are part of (as the operations take it)."""
    return cast("Archive", doors)


class UserDataDoors:
    """The user's texts and the corrections (mixed into :class:`Archive`)."""

    # -- the user's texts --------------------------------------------------------------------------

    def set_user_summary(self, doc_id: str, text: str) -> Changes:
        """Save the user's own summary of a document (kept through every re-import and re-index)."""
        return editing.set_user_summary(_archive(self), doc_id, text)

    def user_event_gist(self, event_id: str) -> str | None:
        """The user's own gist of a timeline event, if written."""
        gist = _archive(self)._store.user_event_gist(event_id)
        return str(gist["text"]) if gist else None

    def document_titles(self, ids: Iterable[str]) -> dict[str, str]:
        """The titles of the stored documents among ``ids``."""
        return {d: h["title"] for d, h in _archive(self)._store.document_headers(ids).items()}

    def set_user_event_gist(self, event_id: str, text: str) -> Changes:
        """Save the user's own gist of a timeline event (kept through re-extraction)."""
        return editing.set_user_event_gist(_archive(self), event_id, text)

    def user_data(self) -> dict[str, Any]:
        """Everything the user wrote, as plain JSON-ready data (for export and backup)."""
        return {
            "format": "wpk-archive-user-data",
            "version": 1,
            "exported_at": now_iso(),
            "summaries": _archive(self)._store.all_user_summaries(),
            "event_gists": _archive(self)._store.all_user_event_gists(),
            "person_splits": _archive(self)._store.person_splits(active_only=False),
        }

    # -- corrections -------------------------------------------------------------------------------

    def separate_duplicate(self, doc_id: str) -> Changes:
        """Split a document off its group of re-sent stories (it is another story); kept as a
        correction, so it survives re-import. The Changes carry the correction's id."""
        return editing.separate_duplicate(_archive(self), doc_id)

    def correct_event(self, event_id: str, **changes: Any) -> Changes:
        """Change an event's start, end, precision, kind or name; the Changes carry the correction ids."""
        return editing.correct_event(_archive(self), event_id, **changes)

    def reject_event(self, event_id: str) -> Changes:
        """Take an event off the timeline (it stays listed among the rejected ones)."""
        return editing.event_action(_archive(self), event_id, "reject")

    def restore_event(self, event_id: str) -> Changes:
        """Put a rejected event back on the timeline."""
        return editing.event_action(_archive(self), event_id, "restore")

    def add_event(
        self,
        *,
        doc_id: str,
        passage: int,
        start: str | None,
        name: str,
        kind: str = "other",
        end: str | None = None,
        span: tuple[int, int] | None = None,
    ) -> Changes:
        """Add an event by hand, anchored to a passage (or a span of it); the Changes carry its id."""
        return editing.add_event(
            _archive(self),
            doc_id=doc_id,
            passage=passage,
            start=start,
            name=name,
            kind=kind,
            end=end,
            span=span,
        )

    def join_events(self, event_id: str, other_id: str) -> Changes:
        """Fold ``other_id`` into ``event_id`` (one event, the sources of both)."""
        return editing.join_events(_archive(self), event_id, other_id)

    def split_event(self, event_id: str, source_keys: list[str]) -> Changes:
        """Move some sources of an event into a new event; the Changes carry the new event's id."""
        return editing.split_event(_archive(self), event_id, source_keys)

    def correct_document(self, doc_id: str, **changes: Any) -> Changes:
        """Correct a document's title, date, source or url (kept through every re-import)."""
        return editing.correct_document(_archive(self), doc_id, **changes)

    def delete_document(
        self, doc_id: str, *, export_to: Path | None = None, confirm_loss: bool = False
    ) -> Changes:
        """Delete a document with its passages, events and index entries.

        When the user wrote something on it, that text is first exported to ``export_to``, or
        its loss must be confirmed; otherwise ArchiveError says so and nothing is deleted.
        """
        return editing.delete_document(
            _archive(self), doc_id, export_to=export_to, confirm_loss=confirm_loss
        )

    def document_corrections(self, doc_id: str) -> dict[str, Any]:
        """Fields of a document the user corrected, each with the extracted value it replaced."""
        return editing.document_corrections(_archive(self), doc_id)

    def undo_correction(self, correction_id: int) -> Changes:
        """Take back one correction (it stays on record as inactive)."""
        return editing.undo_correction(_archive(self), correction_id)

    def remove_correction(self, correction_id: int) -> Changes:
        """Delete one correction from the record for good (undone first if it was active)."""
        return editing.remove_correction(_archive(self), correction_id)

    def corrections(self) -> list[corrections.Correction]:
        """Every correction on record, in the order taken."""
        return _archive(self)._store.corrections()

    def export_corrections(self) -> dict[str, Any]:
        """All active corrections as JSON-ready data, to import into another archive."""
        return corrections.export_corrections(_archive(self)._store.corrections(), now_iso())

    def import_corrections(self, data: Any, *, allow_deletes: bool = False) -> CorrectionsImport:
        """Add the corrections of an export, each row checked with the rules of the dialogs.

        Already present rows are skipped; each invalid row is refused with its number and the
        reason (the rest go in); rows that delete a document are taken only with
        ``allow_deletes``. ArchiveError when ``data`` is not a corrections export.
        """
        return records.import_corrections(_archive(self), data, allow_deletes=allow_deletes)

    def correction_issues(self, *, fresh: bool = False) -> dict[int, str]:
        """Active corrections that do nothing now, by id, with why (see
        :func:`wpk_archive.core.records.correction_issues`)."""
        return records.correction_issues(_archive(self), fresh=fresh)

    def detached_user_data(self) -> list[str]:
        """The user's texts whose target is not in the archive now (kept, never dropped)."""
        return records.detached_user_data(_archive(self))

    def import_notes(self, data: Any) -> list[str]:
        """Restore the summaries and gists of a notes file (of a delete, or export user-data);
        one line per note, restored or not and why (see :mod:`wpk_archive.core.editing`)."""
        return records.import_notes(_archive(self), data)
