"""The Archive: the one gateway to an archive folder. Every caller (GUI, CLI, tests) goes through it.

An archive is a folder holding ``archive.sqlite`` (the store, the source of truth) and ``index/``
(the Whoosh index, derived from the store and rebuilt when missing, stale or damaged). Other files
in the folder are left alone.

This module is the facade: the work is done in :mod:`wpk_archive.core.operations` (importing,
editing, upkeep, reading, people, records, web), each function taking the open archive.

Over 500 lines on purpose: it is the whole public API, one door per method (its signature,
its docstring and one call into operations/ or the store); the work itself is elsewhere.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from wpk_archive.core import corrections, history, people, shapes, timeline, trends
from wpk_archive.core import search as passage_index
from wpk_archive.core import store as store_module
from wpk_archive.core.chronology import Chronology
from wpk_archive.core.corrections import CorrectionsImport
from wpk_archive.core.ingest import Item
from wpk_archive.core.locking import ArchiveLock
from wpk_archive.core.models import Document, Event, SearchResult
from wpk_archive.core.operations import editing, importing, reading, records, upkeep
from wpk_archive.core.operations import people as people_ops
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
from wpk_archive.core.people import Appearance, Person
from wpk_archive.core.resent import ResentStories
from wpk_archive.core.search.indexer import BackgroundIndexer
from wpk_archive.core.search.results import Sort
from wpk_archive.core.store import Store, now_iso
from wpk_archive.core.store import salvage as store_salvage

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


def _writable(folder: Path, db_path: Path) -> bool:
    """Whether the archive folder and its database file can be written."""
    return os.access(folder, os.W_OK) and (not db_path.exists() or os.access(db_path, os.W_OK))


def _open_store(db_path: Path, readonly: bool) -> Store:
    """The store; read-only when a writable open fails for want of disk space (reading must not
    need to write)."""
    if readonly:
        return Store(db_path, readonly=True)
    try:
        return Store(db_path)
    except store_module.DiskFull:
        if not db_path.exists():
            raise
    return Store(db_path, readonly=True)


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


class Archive:
    """An open archive folder."""

    def __init__(self, folder: Path, *, readonly: bool = False, bundled: bool = True) -> None:
        self.folder = folder
        self.notice: str | None = None
        self._notices: list[str] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(
                f"cannot create the archive folder {folder}: {exc.strerror}"
            ) from exc
        db_path = folder / DB_NAME
        is_new = not db_path.exists()
        self._lock_file = ArchiveLock(folder / "archive.lock")
        self.readonly_reason: str | None = None
        """Why the archive opened read-only when it was not asked to (None otherwise)."""
        self.held_elsewhere = False
        """Read-only because another program (the app) holds the archive for writing."""
        if not readonly and not is_new and not _writable(folder, db_path):
            readonly = True
            self.readonly_reason = (
                f"The archive folder {folder} cannot be written: opened read-only. "
                "Check its permissions to make changes."
            )
        elif not readonly and not self._lock_file.acquire():
            readonly = True
            self.held_elsewhere = True
            self.readonly_reason = (
                "Another WPK Archive window has this archive open: opened read-only. "
                "Close the other one to make changes here."
            )
        if readonly and is_new:
            raise ArchiveError(f"{folder} holds no archive yet, and it cannot be created read-only")
        damage = None if is_new else store_salvage.precheck(db_path)
        if damage:
            self._lock_file.release()
            raise StoreDamaged(
                f"The archive's store {db_path} is damaged: {damage}. Nothing was changed. "
                "Run `wpk-archive doctor --check-only` for a verdict, and `wpk-archive doctor "
                "--salvage NEW_FOLDER` to copy what can be read into a new archive.",
                f"The archive's store {db_path} is damaged: {damage}",
            )
        marked = store_salvage.damage_mark(folder)
        if marked and not readonly:
            readonly = True
            self.readonly_reason = (
                f"The archive's store was found damaged ({marked}): opened read-only. Run "
                "`wpk-archive doctor` for a verdict; nothing more is written into it."
            )
        try:
            self._store = _open_store(db_path, readonly)
        except store_module.OPEN_ERRORS as exc:
            self._lock_file.release()
            if isinstance(exc, StoreError):
                raise
            raise ArchiveError(f"The archive's store {db_path} cannot be opened ({exc}).") from exc
        if self._store.readonly and not readonly:
            readonly = True  # the disk is full: reading works, writing cannot (the lock is
            # kept, so nobody writes under a reader that may be reading the file as immutable)
            self.readonly_reason = (
                f"The disk holding {folder} is full: opened read-only. Searching, reading and "
                "exporting work; free some space to make changes."
            )
        elif self._store.immutable and not marked:
            self.readonly_reason = (
                f"{folder} is on a read-only disk or folder: opened read-only, as it was last "
                "saved. Search, reading and export work; changes cannot be saved there."
            )
        self.notice = self.readonly_reason
        self.readonly = readonly
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
        if is_new:
            self._store.set_meta(TIMELINE_GRAMMAR, str(timeline.GRAMMAR_VERSION))
            self._store.set_meta(people_ops.PEOPLE_META, str(people.PEOPLE_VERSION))
        elif not readonly and self._store.get_meta(people_ops.PEOPLE_META) != str(
            people.PEOPLE_VERSION
        ):
            with self._write_lock:  # written by an earlier people extraction (or before it)
                people_ops.upgrade(self, importing.BATCH)
        if is_new and bundled:
            self.import_bundled()
        elif not readonly and self._store.get_meta(TIMELINE_GRAMMAR) != str(
            timeline.GRAMMAR_VERSION
        ):
            importing.upgrade_timeline(self)  # written by an earlier timeline grammar
        elif not readonly and self._store.get_meta(TIMELINE_STALE) == "1":
            try:
                self.rebuild_timeline()  # an import was cut off before it merged the timeline
            except StoreError as exc:
                self.notice = (
                    f"The timeline could not be merged again ({exc.reason}): it shows the state "
                    "before the last import until it can be."
                )
        broken = [
            why for why in records.stored_issues(self).values() if why.startswith("not applied")
        ]
        if broken:
            note = (
                f"{len(broken)} of your corrections could not be applied and were skipped "
                "(wpk-archive corrections list shows them; corrections remove ID deletes one)."
            )
            self.notice = f"{self.notice} {note}" if self.notice else note

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
            store_salvage.mark_damaged(self.folder, self._store.damaged)
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

    # -- the user's texts --------------------------------------------------------------------------

    def set_user_summary(self, doc_id: str, text: str) -> Changes:
        """Save the user's own summary of a document (kept through every re-import and re-index)."""
        return editing.set_user_summary(self, doc_id, text)

    def user_event_gist(self, event_id: str) -> str | None:
        """The user's own gist of a timeline event, if written."""
        gist = self._store.user_event_gist(event_id)
        return str(gist["text"]) if gist else None

    def document_titles(self, ids: Iterable[str]) -> dict[str, str]:
        """The titles of the stored documents among ``ids``."""
        return {d: h["title"] for d, h in self._store.document_headers(ids).items()}

    def set_user_event_gist(self, event_id: str, text: str) -> Changes:
        """Save the user's own gist of a timeline event (kept through re-extraction)."""
        return editing.set_user_event_gist(self, event_id, text)

    def user_data(self) -> dict[str, Any]:
        """Everything the user wrote, as plain JSON-ready data (for export and backup)."""
        return {
            "format": "wpk-archive-user-data",
            "version": 1,
            "exported_at": now_iso(),
            "summaries": self._store.all_user_summaries(),
            "event_gists": self._store.all_user_event_gists(),
            "person_splits": self._store.person_splits(active_only=False),
        }

    # -- people (issue #17): the work is done in operations.people ---------------------------------

    def people(self) -> list[Person]:
        """Every person named in the archive (the user's splits applied), most appearances
        first."""
        return people_ops.all_people(self)

    def document_headers(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Title, date, source and URL of the stored documents among ``ids`` (what exports
        say of each source)."""
        return self._store.document_headers(ids)

    def newest_date(self) -> str | None:
        """The latest publication date of the archive's articles: what "days absent" counts to
        (an archive of old articles is not about today)."""
        return self._store.newest_date()

    def person(self, name_or_id: str) -> Person:
        """One person: by id, else by name or any written form of it (case-insensitively), else
        by any spelling of the name. ArchiveError when none or several match."""
        try:
            return people_ops.find_person(self.people(), name_or_id, self._index.variants)
        except people_ops.PeopleError as exc:
            raise ArchiveError(str(exc)) from exc

    def person_detail(self, person: Person | str) -> dict[str, Any]:
        """A person with every appearance and its timeline event (the ``person --json`` shape)."""
        found = self.person(person) if isinstance(person, str) else person
        return people_ops.person_detail(self, found)

    def split_person(
        self,
        name_or_id: str,
        label: str,
        *,
        office: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_ids: Iterable[str] = (),
        anchors: Iterable[tuple[str, int]] = (),
    ) -> int:
        """Record that some appearances of a person are another person, ``label`` (those whose
        office matches the pattern, in the dates, documents or at the anchors given); kept as the
        user's data and applied after every extraction. Returns the split's id."""
        return people_ops.split_person(
            self,
            name_or_id,
            label,
            office=office,
            since=since,
            until=until,
            doc_ids=doc_ids,
            anchors=anchors,
        )

    def person_splits(self) -> list[dict[str, Any]]:
        """The user's splits (undone ones too): id, rule, created_at, active."""
        return self._store.person_splits(active_only=False)

    def remove_person_split(self, split_id: int) -> None:
        """Undo one of the user's splits (it stays on record, inactive)."""
        self._require_writable()
        if not self._store.set_person_split_active(split_id, False):
            raise ArchiveError(f"no split {split_id}")

    def printed_lists(self) -> list[people_ops.PrintedList]:
        """Every printed list of names in the archive, newest first."""
        return people_ops.printed_lists(self)

    def printed_list(self, ref: str) -> tuple[people_ops.PrintedList, list[Appearance]]:
        """One printed list, in printed order: by its id (DOC:PASSAGE:N) or DOC:N."""
        try:
            return people_ops.resolve_list(self, ref)
        except people_ops.PeopleError as exc:
            raise ArchiveError(str(exc)) from exc

    def compare_lists(self, ref_a: str, ref_b: str) -> dict[str, Any]:
        """Two printed lists compared (a the earlier): their headers, and who moved up, moved
        down, is new in b, is missing from b, stayed (the ``compare-lists --json`` shape)."""
        header_a, a = self.printed_list(ref_a)
        header_b, b = self.printed_list(ref_b)
        comparison = people.compare_lists(people_ops.rekeyed(self, a), people_ops.rekeyed(self, b))
        return shapes.comparison_to_json(header_a, header_b, comparison)

    # -- corrections -------------------------------------------------------------------------------

    def separate_duplicate(self, doc_id: str) -> Changes:
        """Split a document off its group of re-sent stories (it is another story); kept as a
        correction, so it survives re-import. The Changes carry the correction's id."""
        return editing.separate_duplicate(self, doc_id)

    def correct_event(self, event_id: str, **changes: Any) -> Changes:
        """Change an event's start, end, precision, kind or name; the Changes carry the correction ids."""
        return editing.correct_event(self, event_id, **changes)

    def reject_event(self, event_id: str) -> Changes:
        """Take an event off the timeline (it stays listed among the rejected ones)."""
        return editing.event_action(self, event_id, "reject")

    def restore_event(self, event_id: str) -> Changes:
        """Put a rejected event back on the timeline."""
        return editing.event_action(self, event_id, "restore")

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
            self,
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
        return editing.join_events(self, event_id, other_id)

    def split_event(self, event_id: str, source_keys: list[str]) -> Changes:
        """Move some sources of an event into a new event; the Changes carry the new event's id."""
        return editing.split_event(self, event_id, source_keys)

    def correct_document(self, doc_id: str, **changes: Any) -> Changes:
        """Correct a document's title, date, source or url (kept through every re-import)."""
        return editing.correct_document(self, doc_id, **changes)

    def delete_document(
        self, doc_id: str, *, export_to: Path | None = None, confirm_loss: bool = False
    ) -> Changes:
        """Delete a document with its passages, events and index entries.

        When the user wrote something on it, that text is first exported to ``export_to``, or
        its loss must be confirmed; otherwise ArchiveError says so and nothing is deleted.
        """
        return editing.delete_document(self, doc_id, export_to=export_to, confirm_loss=confirm_loss)

    def document_corrections(self, doc_id: str) -> dict[str, Any]:
        """Fields of a document the user corrected, each with the extracted value it replaced."""
        return editing.document_corrections(self, doc_id)

    def undo_correction(self, correction_id: int) -> Changes:
        """Take back one correction (it stays on record as inactive)."""
        return editing.undo_correction(self, correction_id)

    def remove_correction(self, correction_id: int) -> Changes:
        """Delete one correction from the record for good (undone first if it was active)."""
        return editing.remove_correction(self, correction_id)

    def corrections(self) -> list[corrections.Correction]:
        """Every correction on record, in the order taken."""
        return self._store.corrections()

    def export_corrections(self) -> dict[str, Any]:
        """All active corrections as JSON-ready data, to import into another archive."""
        return corrections.export_corrections(self._store.corrections(), now_iso())

    def import_corrections(self, data: Any, *, allow_deletes: bool = False) -> CorrectionsImport:
        """Add the corrections of an export, each row checked with the rules of the dialogs.

        Already present rows are skipped; each invalid row is refused with its number and the
        reason (the rest go in); rows that delete a document are taken only with
        ``allow_deletes``. ArchiveError when ``data`` is not a corrections export.
        """
        return records.import_corrections(self, data, allow_deletes=allow_deletes)

    def correction_issues(self, *, fresh: bool = False) -> dict[int, str]:
        """Active corrections that do nothing now, by id, with why (see
        :func:`wpk_archive.core.records.correction_issues`)."""
        return records.correction_issues(self, fresh=fresh)

    def detached_user_data(self) -> list[str]:
        """The user's texts whose target is not in the archive now (kept, never dropped)."""
        return records.detached_user_data(self)

    def import_notes(self, data: Any) -> list[str]:
        """Restore the summaries and gists of a notes file (of a delete, or export user-data);
        one line per note, restored or not and why (see :mod:`wpk_archive.core.editing`)."""
        return records.import_notes(self, data)

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
