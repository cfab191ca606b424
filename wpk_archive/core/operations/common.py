"""What every archive operation shares: the errors, the constants, the progress callback, the
import report, and the shapes of a summary (for :mod:`wpk_archive.core.archive` and the
modules of :mod:`wpk_archive.core.operations`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wpk_archive.core import corrections, user_notes
from wpk_archive.core import store as store_module
from wpk_archive.core.ingest import Refusal
from wpk_archive.core.models import Event, EventSource, SummarySentence

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive

DB_NAME = "archive.sqlite"
INDEX_DIR = "index"
TIMELINE_STALE = "timeline_stale"
TIMELINE_GRAMMAR = "timeline_grammar"
CHRONOLOGY_NAME = "chronology.tsv"
NOTES_FORMAT = user_notes.NOTES_FORMAT
"""The file a delete writes the user's notes on a document to (``import-notes`` reads it)."""
CORRECTION_ISSUES = "correction_issues"
"""Meta key: JSON {correction id: why it does nothing}, written by every timeline merge."""

Progress = Callable[[int, int, str], None]
"""progress(done, total, what): called from the working thread."""


class ArchiveError(Exception):
    """A problem with the archive itself, worded for the user."""


StoreError = store_module.StoreError  # raised for failed writes (full disk, read-only file)
StoreDamaged = store_module.StoreDamaged  # the store file is damaged: a verdict, writes refused


class ReadOnlyArchive(ArchiveError):
    """A write was asked of an archive opened read-only."""


class ImportIncomplete(StoreError):
    """An import stopped by a failed write (a full disk...): the message says what was stored
    and what was not; ``report`` holds what was done before the failure."""

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message)
        self.report = report


def last_line(text: str) -> str:
    """The last line of a message (a failure report may carry the indexing process's
    traceback: the user gets its conclusion)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def incomplete(
    exc: StoreError, report: ImportReport, unstored: int, unread: int
) -> ImportIncomplete:
    """The message of an import cut off by a failed write: exactly what was and was not stored."""
    stored = report.added + report.updated
    lost = f"the {unstored} other document(s) read (the batch being written, and any after it)"
    if unread:
        lost += f" and {unread} file(s) not yet read"
    if isinstance(exc, StoreDamaged):
        advice = (
            "Nothing more is written into the damaged store: run `wpk-archive doctor "
            "--check-only` for a verdict."
        )
    else:
        advice = (
            "Free some space" if "full" in exc.reason else "Fix the cause"
        ) + " and import the same files again: what is stored is recognised as already present."
    message = (
        f"{exc.reason}: the import stopped. Stored and kept: {stored} document(s) "
        f"({report.added} new, {report.updated} updated), committed before the failure. "
        f"Not stored: {lost}. {advice}"
    )
    return ImportIncomplete(message, report)


@dataclass
class ImportReport:
    """What an import did: counts, and every refusal with its reason."""

    added: int = 0
    updated: int = 0
    """Documents already in the archive whose text changed: a new revision (the earlier kept)."""
    duplicates: int = 0
    resent: int = 0
    """Documents found to be a re-sent story (a near-duplicate) of another document."""
    removed: int = 0
    """Documents a re-fetch found no longer offered by their source (marked, not deleted)."""
    refused: list[Refusal] = field(default_factory=list)
    cancelled: bool = False
    notes: list[Refusal] = field(default_factory=list)
    """Items imported after a repair (invalid bytes replaced...), each saying what was done."""
    notices: list[str] = field(default_factory=list)
    """What the user must know about the archive after this import (index to be rebuilt...)."""
    stored: set[str] = field(default_factory=set)
    """The ids of the documents this import added or updated."""

    @property
    def changes(self) -> Changes:
        """What the import changed (see :class:`Changes`)."""
        if not self.stored:
            return Changes()
        return Changes(documents=frozenset(self.stored), events=True, index=True)

    @property
    def ok(self) -> bool:
        """True when nothing was refused."""
        return not self.refused

    def take(self, refused: Iterable[Refusal]) -> None:
        """File the refusals of one read: notes of repairs apart from real refusals."""
        for r in refused:
            (self.notes if r.repaired else self.refused).append(r)

    def summary(self) -> str:
        """One line for people."""
        parts = [
            f"{self.added} added",
            f"{self.updated} updated",
            f"{self.duplicates} already present",
        ]
        if self.resent:
            parts.append(f"{self.resent} re-sent stories grouped")
        if self.removed:
            parts.append(f"{self.removed} removed at source")
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        if self.cancelled:
            parts.append("cancelled")
        return ", ".join(parts)


@dataclass
class EventGist:
    """One line on a timeline event named in a document: the automatic gist, and the user's."""

    event: Event
    source: EventSource
    auto: SummarySentence
    user_text: str | None = None


@dataclass
class Summary:
    """A document's summary as shown: the user's when there is one, the automatic one always kept."""

    doc_id: str
    origin: str
    auto: list[SummarySentence]
    gists: list[SummarySentence]
    user_text: str | None = None
    user_updated_at: str | None = None
    user_outdated: bool = False
    events: list[EventGist] = field(default_factory=list)


def document_corrections_of(archive: Archive, doc_id: str) -> list[corrections.Correction]:
    """The corrections on record for one document, in the order taken."""
    return [c for c in archive._store.corrections(target_type="document") if c.target_id == doc_id]


def corrections_by_document(archive: Archive) -> dict[str, list[corrections.Correction]]:
    """The corrections on record for documents, by document, each list in the order taken."""
    by_document: dict[str, list[corrections.Correction]] = {}
    for correction in archive._store.corrections(target_type="document"):
        by_document.setdefault(correction.target_id, []).append(correction)
    return by_document


@dataclass(frozen=True)
class Changes:
    """What one write changed, so that the caller refreshes only that (in the manner of Anki's
    OpChanges). Every editing, import and delete method of the Archive returns one."""

    documents: frozenset[str] = frozenset()
    """Documents added, whose text or fields changed, or put back (their ids)."""
    deleted: frozenset[str] = frozenset()
    """Documents deleted."""
    events: bool = False
    """The timeline changed (events merged again, corrected, added, rejected...)."""
    user_data: bool = False
    """The user's own texts changed (summaries, gists, notes)."""
    index: bool = False
    """The search index changed (documents or event kinds indexed again)."""
    corrections: tuple[int, ...] = ()
    """The ids of the corrections the write recorded, in order (what undo takes back)."""
    event_id: str | None = None
    """The event the write created (an added event, a split-off one)."""

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            documents=self.documents | other.documents,
            deleted=self.deleted | other.deleted,
            events=self.events or other.events,
            user_data=self.user_data or other.user_data,
            index=self.index or other.index,
            corrections=self.corrections + other.corrections,
            event_id=other.event_id or self.event_id,
        )

    @property
    def nothing(self) -> bool:
        """True when the write changed nothing."""
        return self == Changes()


TIMELINE_CHANGED = Changes(events=True, index=True)
"""A correction replayed on the timeline (whose event kinds the index follows)."""
