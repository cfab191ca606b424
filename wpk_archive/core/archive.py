"""The Archive: the one gateway to an archive folder. Every caller (GUI, CLI, tests) goes through it.

An archive is a folder holding ``archive.sqlite`` (the store, the source of truth) and ``index/``
(the Whoosh index, derived from the store and rebuilt when missing, stale or damaged). Other files
in the folder are left alone.

This module is the facade: the work is done in :mod:`wpk_archive.core.operations` (opening,
importing, editing, upkeep, reading, people, records, web), each function taking the open archive.

The class is the whole public API, one door per method (its signature, its docstring and one call
into operations/ or the store); the work itself is elsewhere. Its doors are in three modules: this
one (opening, import, timeline and index, reading, upkeep), :mod:`wpk_archive.core.archive_people`
(people, printed lists, the user's splits) and :mod:`wpk_archive.core.archive_user_data` (the
user's texts and the corrections), whose classes :class:`Archive` is made of.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from wpk_archive.core import corrections, history, trends
from wpk_archive.core import search as passage_index
from wpk_archive.core.archive_people import PeopleDoors
from wpk_archive.core.archive_user_data import UserDataDoors
from wpk_archive.core.chronology import Chronology
from wpk_archive.core.ingest import Item
from wpk_archive.core.models import Document, Event, SearchResult
from wpk_archive.core.operations import importing, opening, reading, upkeep
from wpk_archive.core.operations.common import (
    CHRONOLOGY_NAME,
    CORRECTION_ISSUES,
    DB_NAME,
    INDEX_DIR,
    NOTES_FORMAT,
    TIMELINE_GRAMMAR,
    TIMELINE_STALE,
    ArchiveError,
    Changes,
    EventGist,
    ImportIncomplete,
    ImportReport,
    Progress,
    ReadOnlyArchive,
    StoreDamaged,
    StoreError,
    Summary,
    last_line,
)
from wpk_archive.core.operations.importing import BATCH, BULK_INDEXING
from wpk_archive.core.resent import ResentStories
from wpk_archive.core.search.indexer import BackgroundIndexer
from wpk_archive.core.search.results import Sort
from wpk_archive.core.store import damage_marks

__all__ = [
    "BATCH",
    "BULK_INDEXING",
    "CHRONOLOGY_NAME",
    "CORRECTION_ISSUES",
    "DB_NAME",
    "INDEX_DIR",
    "NOTES_FORMAT",
    "TIMELINE_GRAMMAR",
    "TIMELINE_STALE",
    "Archive",
    "ArchiveError",
    "Changes",
    "EventGist",
    "ImportIncomplete",
    "ImportReport",
    "Progress",
    "ReadOnlyArchive",
    "StoreDamaged",
    "StoreError",
    "Summary",
    "default_archive_path",
    "open_archive",
]


def default_archive_path() -> Path:
    """``WPK_ARCHIVE_HOME`` if set, else the platform's data directory."""
    env = os.environ.get("WPK_ARCHIVE_HOME")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("wpk-archive", appauthor=False))


def open_archive(
    path: Path | str | None = None, *, readonly: bool = False, bundled: bool = True
) -> Archive:
    """Open (creating if needed) the archive folder at ``path`` (default: :func:`default_archive_path`).

    A new archive first imports the bundled articles, quietly (unless ``bundled`` is False). When
    another program holds the archive, its disk is full or its store was found damaged, it opens
    read-only (``Archive.readonly`` and ``Archive.notice`` tell). A damaged store that cannot be
    read raises :class:`StoreDamaged`.
    """
    folder = Path(path).expanduser() if path is not None else default_archive_path()
    return Archive(folder, readonly=readonly, bundled=bundled)


class Archive(PeopleDoors, UserDataDoors):
    """An open archive folder."""

    def __init__(self, folder: Path, *, readonly: bool = False, bundled: bool = True) -> None:
        self.folder = folder
        self.notice: str | None = None
        self._notices: list[str] = []
        opened = opening.open_folder(folder, readonly)
        self._lock_file = opened.lock
        self.readonly_reason: str | None = opened.readonly_reason
        """Why the archive opened read-only when it was not asked to (None otherwise)."""
        self.held_elsewhere = opened.held_elsewhere
        """Read-only because another program (the app) holds the archive for writing."""
        self._store = opened.store
        self.notice = self.readonly_reason
        self.readonly = opened.readonly
        self._index = passage_index.PassageIndex(folder / INDEX_DIR)
        self._index_checked = False
        self._bulk: BackgroundIndexer | None = None
        self._index_failed: str | None = None
        """Why indexing stopped during the current import (the index is rebuilt after it)."""
        self._write_lock = threading.RLock()
        self._resent = ResentStories(self._store)
        self.orphan_corrections: list[corrections.Correction] = []
        self._chronology: Chronology | None = None
        self.failed_corrections: list[tuple[corrections.Correction, str]] = []
        opening.finish_opening(self, is_new=opened.is_new, bundled=bundled)

    # -- lifecycle ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Release the store, the index and the archive lock."""
        self._index.close()
        self._store.close()
        self._lock_file.release()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _atomic(self) -> Iterator[None]:
        """One store transaction for a whole edit (its corrections and the timeline merged
        again): a write that fails (a full disk) leaves nothing of the edit behind, as the
        error says."""
        with self._write_lock, self._store.transaction():
            yield

    def _indexing_after_edit_failed(self, exc: BaseException) -> None:
        """The store has the edit; the index could not follow (a full disk): rebuilt later."""
        self._index_checked = False
        self.notice = (
            f"The search index could not be updated ({last_line(str(exc))}); it is rebuilt "
            "from the archive at the next search. Your change is saved."
        )

    def _require_writable(self) -> None:
        if self._store.damaged:
            damage_marks.mark_damaged(self.folder, self._store.damaged)
            raise StoreDamaged(
                f"{self._store.damaged}: nothing more is written into it. Run `wpk-archive "
                "doctor --salvage NEW_FOLDER` to copy what can be read into a new archive.",
                self._store.damaged,
            )
        if self.readonly:
            raise ReadOnlyArchive(self.notice or f"{self.folder} is open read-only")

    # -- import ------------------------------------------------------------------------------------

    def import_bundled(self) -> ImportReport:
        """Import the articles shipped in resources/corpus/ (title and date from its sidecar)."""
        return importing.import_bundled(self)

    def import_paths(
        self,
        paths: Iterable[Path | str],
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        ocr: bool = False,
    ) -> ImportReport:
        """Import files and folders. Refused files are reported; everything else is imported.

        ``progress`` is told of every file and, within a file of many articles, every few
        articles; ``ocr`` reads scanned PDFs by OCR (tesseract)."""
        return importing.import_paths(self, paths, progress=progress, cancelled=cancelled, ocr=ocr)

    def import_items(
        self,
        items: Iterable[Item],
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        total: int = 0,
    ) -> ImportReport:
        """Import documents already read (batched; each batch commits as a whole)."""
        return importing.import_items(
            self, items, progress=progress, cancelled=cancelled, total=total
        )

    def import_url(
        self,
        url: str,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import an article page, or an RSS/Atom feed and the pages of its entries (see
        :mod:`wpk_archive.core.web_import`); the URL and the fetch time are stored."""
        return importing.import_url(self, url, progress=progress, cancelled=cancelled)

    def reextract(self, *, progress: Progress | None = None) -> int:
        """Re-run date, event, people and summary extraction on every stored document (user data
        kept).

        For when the extraction improves: stored texts are re-read, derived rows replaced, the
        timeline merged again and the index's event kinds refreshed.
        """
        return importing.reextract(self, progress=progress)

    # -- timeline and index ------------------------------------------------------------------------

    def chronology(self) -> Chronology:
        """The reference chronology: the shipped table and the archive folder's chronology.tsv."""
        return upkeep.chronology(self)

    def rebuild_timeline(self) -> list[Event]:
        """Merge every stored event mention into the timeline, then replay the user's corrections.

        The user's corrections and gists follow their meeting when its id changes (a new grammar
        or chronology identifies it differently): to the new event holding most of its sources.
        """
        return upkeep.rebuild_timeline(self)

    def take_notices(self) -> list[str]:
        """Notices raised since the last call (indexing failed, index rebuilt or out of date),
        for the status bar or stderr; each is given once."""
        return upkeep.take_notices(self)

    def reindex_documents(self, doc_ids: Iterable[str], deleted: Iterable[str] = ()) -> None:
        """Index again the documents whose fields changed, and drop the deleted ones (instead of
        rebuilding the whole index)."""
        upkeep.reindex_documents(self, doc_ids, deleted)

    def prepare_search(self) -> None:
        """Open the index and read its per-passage lookups now (the app calls this in the
        background after opening), so the first search does not wait for them: at 200,000
        articles they take about a second."""
        upkeep.prepare_search(self)

    def check_index(self, progress: Progress | None = None) -> str | None:
        """Bring the index into step with the store; a message for the user when it was rebuilt."""
        return upkeep.check_index(self, progress)

    def reindex(self, *, progress: Progress | None = None) -> int:
        """Rebuild the whole index from the store; returns the number of passages indexed."""
        return upkeep.reindex(self, progress=progress)

    # -- reading -----------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        date_from: str | None = None,
        date_to: str | None = None,
        sort: Sort = "relevance",
        filters: dict[str, str] | None = None,
        facets: bool = False,
    ) -> SearchResult:
        """Passages matching ``query``, each with a highlighted snippet (see :func:`run_search`)."""
        return reading.search(
            self,
            query,
            limit=limit,
            offset=offset,
            date_from=date_from,
            date_to=date_to,
            sort=sort,
            filters=filters,
            facets=facets,
        )

    def match_spans(self, query: str, doc: Document) -> list[tuple[int, int]]:
        """Document spans of the words ``query`` matches (for highlighting in the reader)."""
        return reading.match_spans(self, query, doc)

    def document(self, doc_id: str) -> Document | None:
        """A document with its passages; a unique id prefix is accepted."""
        doc = self._store.document(doc_id)
        if doc is None and len(doc_id) >= 4:
            matches = self._store.find_document_ids(doc_id)
            if len(matches) == 1:
                doc = self._store.document(matches[0])
        return doc

    def revisions(self, doc_id: str) -> list[history.Revision]:
        """Every text the document has had, oldest first; the last is the current one (the
        only one indexed and searched)."""
        doc = self._document_or_error(doc_id)
        return history.document_revisions(self._store, doc)

    def diff(
        self, doc_id: str, from_rev: int | None = None, to_rev: int | None = None
    ) -> tuple[history.Revision, history.Revision, list[tuple[str, str]]]:
        """What changed at the source between two revisions (default: the two latest): the
        revisions and the word diff, runs of kept ("="), removed ("-") and added ("+") words."""
        doc = self._document_or_error(doc_id)
        try:
            old, new, runs = history.diff(self._store, doc, from_rev, to_rev)
        except history.RevisionError as exc:
            raise ArchiveError(str(exc)) from exc
        return old, new, list(runs)

    def duplicates(self, doc_id: str) -> list[str]:
        """The other publications of the same story (re-sent near-duplicates), oldest first."""
        return self._resent.duplicates(self._document_or_error(doc_id).id)

    def removed_at(self, doc_id: str) -> str | None:
        """When a re-fetch found the document no longer offered by its source (else None)."""
        return self._store.removed_at(self._document_or_error(doc_id).id)

    def _document_or_error(self, doc_id: str) -> Document:
        doc = self.document(doc_id)
        if doc is None:
            raise ArchiveError(f"no document {doc_id}")
        return doc

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Document headers (id, title, date, source, url), newest first."""
        return self._store.list_documents(limit=limit, offset=offset)

    def timeline(
        self,
        *,
        kind: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        doc_id: str | None = None,
        text: str | None = None,
        rejected: bool = False,
        reference: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Timeline events in date order, undated last; ``text`` filters on the event's name.

        ``rejected`` True lists the events the user rejected (to restore them) instead;
        ``reference`` True also lists the chronology's meetings that no document names.
        """
        return self._store.events(
            rejected=rejected,
            reference=reference,
            kind=kind,
            date_from=date_from,
            date_to=date_to,
            doc_id=doc_id,
            text=text,
            limit=limit,
            offset=offset,
        )

    def count_events(
        self,
        *,
        kind: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        text: str | None = None,
        rejected: bool = False,
        reference: bool = False,
    ) -> int:
        """How many timeline events match the filter."""
        return self._store.count_events(
            kind=kind,
            date_from=date_from,
            date_to=date_to,
            text=text,
            rejected=rejected,
            reference=reference,
        )

    def event(self, event_id: str) -> Event | None:
        """One timeline event."""
        return self._store.event(event_id)

    def summary(self, doc_id: str) -> Summary | None:
        """A document's summary: automatic sentences always, and the user's text when written."""
        return reading.summary(self, doc_id)

    def trend(
        self,
        queries: Iterable[str],
        *,
        by: trends.By = "month",
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> trends.Trend:
        """How often each query occurs per month or year (matching passages, documents, rate
        per 10,000 passages), each from one evaluation of the query (see :mod:`.trends`)."""
        return reading.trend(self, queries, by=by, date_from=date_from, date_to=date_to)

    def search_all(
        self,
        query: str,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        sort: Sort = "relevance",
        filters: dict[str, str] | None = None,
        page: int = 1000,
    ) -> SearchResult:
        """Every passage matching ``query`` (all pages), in the order of ``sort`` (for exports
        and keyword-in-context)."""
        return reading.search_all(
            self, query, date_from=date_from, date_to=date_to, sort=sort, filters=filters, page=page
        )

    # -- upkeep ------------------------------------------------------------------------------------

    def doctor(self, *, repair: bool = True) -> list[str]:
        """Check the archive and repair what can be repaired safely; one line per finding.

        Checks SQLite's integrity, the schema version, derived rows left without their document,
        documents without passages, the timeline and the search index. Repairs never touch
        user-authored data (summaries, gists, corrections).
        """
        return upkeep.doctor(self, repair=repair)

    def store_passage_keys(self) -> list[tuple[str, int]]:
        """(document id, passage) of every passage in the store."""
        return upkeep.store_passage_keys(self)

    def stats(self) -> dict[str, int]:
        """Counts for the status bar: ``events`` as the timeline lists them by default (not the
        rejected ones, nor the chronology's meetings that no document names)."""
        return {
            "documents": self._store.count("documents"),
            "passages": self._store.count("passages"),
            "events": self.count_events(),
        }
