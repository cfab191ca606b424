"""The Archive: the one gateway to an archive folder. Every caller (GUI, CLI, tests) goes through it.

An archive is a folder holding ``archive.sqlite`` (the store, the source of truth) and ``index/``
(the Whoosh index, derived from the store and rebuilt when missing, stale or damaged). Other files
in the folder are left alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from platformdirs import user_data_dir

from wpk_archive.core import (
    corrections,
    editing,
    history,
    people,
    people_ops,
    store_salvage,
    summaries,
    timeline,
    trends,
    user_notes,
)
from wpk_archive.core import search as passage_index
from wpk_archive.core import store as store_module
from wpk_archive.core.chronology import Chronology, load_chronology
from wpk_archive.core.corrections import CorrectionsImport
from wpk_archive.core.ingest import Item, Refusal, document_from_text, expand_paths, read_path
from wpk_archive.core.locking import ArchiveLock
from wpk_archive.core.models import Document, Event, EventSource, SearchResult, SummarySentence
from wpk_archive.core.paths import resources_dir
from wpk_archive.core.people import Appearance, Person
from wpk_archive.core.resent import ResentStories
from wpk_archive.core.search.indexer import BackgroundIndexer, IndexerFailed
from wpk_archive.core.search.results import Sort, run_search
from wpk_archive.core.store import Store, now_iso

DB_NAME = "archive.sqlite"
INDEX_DIR = "index"
BATCH = 500
BULK_INDEXING = os.environ.get("WPK_BULK_INDEXING", "1") != "0"
"""Imports of more than one batch index on the other core (wpk_archive.core.search.indexer)."""
TIMELINE_STALE = "timeline_stale"
TIMELINE_GRAMMAR = "timeline_grammar"
CHRONOLOGY_NAME = "chronology.tsv"
NOTES_FORMAT = user_notes.NOTES_FORMAT
"""The file a delete writes the user's notes on a document to (``import-notes`` reads it)."""
CORRECTION_ISSUES = "correction_issues"
"""Meta key: JSON {correction id: why it does nothing}, written by every timeline merge."""

_T = TypeVar("_T")

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


def _last_line(text: str) -> str:
    """The last line of a message (a failure report may carry the indexing process's
    traceback: the user gets its conclusion)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _incomplete(
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
            self.store = _open_store(db_path, readonly)
        except store_module.OPEN_ERRORS as exc:
            self._lock_file.release()
            if isinstance(exc, StoreError):
                raise
            raise ArchiveError(f"The archive's store {db_path} cannot be opened ({exc}).") from exc
        if self.store.readonly and not readonly:
            readonly = True  # the disk is full: reading works, writing cannot (the lock is
            # kept, so nobody writes under a reader that may be reading the file as immutable)
            self.readonly_reason = (
                f"The disk holding {folder} is full: opened read-only. Searching, reading and "
                "exporting work; free some space to make changes."
            )
        elif self.store.immutable and not marked:
            self.readonly_reason = (
                f"{folder} is on a read-only disk or folder: opened read-only, as it was last "
                "saved. Search, reading and export work; changes cannot be saved there."
            )
        self.notice = self.readonly_reason
        self.readonly = readonly
        self.index = passage_index.PassageIndex(folder / INDEX_DIR)
        self._index_checked = False
        self._bulk: BackgroundIndexer | None = None
        self._index_failed: str | None = None
        """Why indexing stopped during the current import (the index is rebuilt after it)."""
        self._write_lock = threading.RLock()
        self._resent = ResentStories(self.store)
        self.orphan_corrections: list[corrections.Correction] = []
        self._chronology: Chronology | None = None
        self.failed_corrections: list[tuple[corrections.Correction, str]] = []
        if is_new:
            self.store.set_meta(TIMELINE_GRAMMAR, str(timeline.GRAMMAR_VERSION))
            self.store.set_meta(people_ops.PEOPLE_META, str(people.PEOPLE_VERSION))
        elif not readonly and self.store.get_meta(people_ops.PEOPLE_META) != str(
            people.PEOPLE_VERSION
        ):
            self._upgrade_people()  # written by an earlier people extraction (or before it)
        if is_new and bundled:
            self.import_bundled()
        elif not readonly and self.store.get_meta(TIMELINE_GRAMMAR) != str(
            timeline.GRAMMAR_VERSION
        ):
            self._upgrade_timeline()  # written by an earlier timeline grammar
        elif not readonly and self.store.get_meta(TIMELINE_STALE) == "1":
            try:
                self.rebuild_timeline()  # an import was cut off before it merged the timeline
            except StoreError as exc:
                self.notice = (
                    f"The timeline could not be merged again ({exc.reason}): it shows the state "
                    "before the last import until it can be."
                )
        broken = [why for why in self._stored_issues().values() if why.startswith("not applied")]
        if broken:
            note = (
                f"{len(broken)} of your corrections could not be applied and were skipped "
                "(wpk-archive corrections list shows them; corrections remove ID deletes one)."
            )
            self.notice = f"{self.notice} {note}" if self.notice else note

    # -- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        """Release the store, the index and the archive lock."""
        self.index.close()
        self.store.close()
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
        with self._write_lock, self.store.transaction():
            yield

    def _indexing_after_edit_failed(self, exc: BaseException) -> None:
        """The store has the edit; the index could not follow (a full disk): rebuilt later."""
        self._index_checked = False
        self.notice = (
            f"The search index could not be updated ({_last_line(str(exc))}); it is rebuilt "
            "from the archive at the next search. Your change is saved."
        )

    def _require_writable(self) -> None:
        if self.store.damaged:
            store_salvage.mark_damaged(self.folder, self.store.damaged)
            raise StoreDamaged(
                f"{self.store.damaged}: nothing more is written into it. Run `wpk-archive "
                "doctor --salvage NEW_FOLDER` to copy what can be read into a new archive.",
                self.store.damaged,
            )
        if self.readonly:
            raise ReadOnlyArchive(self.notice or f"{self.folder} is open read-only")

    # -- import -------------------------------------------------------------------------------

    def import_bundled(self) -> ImportReport:
        """Import the articles shipped in resources/corpus/ (title and date from its sidecar)."""
        folder = resources_dir() / "corpus"
        meta_path = folder / "metadata.json"
        meta: dict[str, Any] = {}
        if meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8")).get("documents", {})
        items = []
        for path in sorted(folder.glob("*.txt")):
            info = meta.get(path.name, {})
            origin = "bundled:" + path.name
            doc = document_from_text(
                path.read_text(encoding="utf-8"),
                origin=origin,
                title=info.get("title"),
                date=info.get("date"),
                source=info.get("source"),
                original_path=f"resources/corpus/{path.name}",
            )
            items.append(Item(origin, doc))
        return self.import_items(items)

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
        self._require_writable()
        files, refusals = expand_paths([Path(p) for p in paths])
        report = ImportReport()
        report.take(refusals)
        pending: list[Item] = []
        n = 0
        try:
            for n, path in enumerate(files, 1):
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                if progress is not None:
                    progress(n - 1, len(files), f"reading {path.name}")
                items, refused = read_path(path, ocr=ocr)
                report.take(refused)
                pending.extend(items)
                in_file = len(items)
                while len(pending) >= BATCH:  # a big .jsonl is committed in batches too
                    if cancelled is not None and cancelled():
                        report.cancelled = True
                        break
                    tick = _file_ticker(
                        progress, n, len(files), path.name, in_file - len(pending), in_file
                    )
                    self._import_batch(pending[:BATCH], report, tick if in_file > BATCH else None)
                    pending = pending[BATCH:]
                if progress is not None:
                    progress(n, len(files), path.name)
            if pending and not report.cancelled:
                self._import_batch(pending, report)
                pending = []
            self._note_resent(report)  # as the indexing process writes its segment
            self.rebuild_timeline()  # (after: a re-sent story counts once)
        except StoreError as exc:
            raise _incomplete(exc, report, len(pending), len(files) - n) from exc
        finally:
            self._finish_bulk(report)
        return report

    def import_items(
        self,
        items: Iterable[Item],
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        total: int = 0,
    ) -> ImportReport:
        """Import documents already read (batched; each batch commits as a whole)."""
        self._require_writable()
        report = ImportReport()
        pending: list[Item] = []
        done = 0
        try:
            for item in items:
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                pending.append(item)
                if len(pending) >= BATCH:
                    self._import_batch(pending, report, _items_ticker(progress, done, total))
                    done += len(pending)
                    pending = []
                    if progress is not None:
                        progress(done, total, "")
            if pending and not report.cancelled:
                self._import_batch(pending, report)
                done += len(pending)
                pending = []
                if progress is not None:
                    progress(done, total, "")
            self._note_resent(report)  # as the indexing process writes its segment
            self.rebuild_timeline()  # (after: a re-sent story counts once)
        except StoreError as exc:
            raise _incomplete(exc, report, len(pending), 0) from exc
        finally:
            self._finish_bulk(report)
        return report

    def import_url(
        self,
        url: str,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import an article page, or an RSS/Atom feed and the pages of its entries (see
        :mod:`wpk_archive.core.web_import`); the URL and the fetch time are stored."""
        from wpk_archive.core import web_import

        return web_import.import_url(self, url, progress=progress, cancelled=cancelled)

    def _import_batch(
        self, items: list[Item], report: ImportReport, tick: Callable[[int], None] | None = None
    ) -> None:
        """Store, extract and index one batch: SQLite commits first, the index follows.

        A document already stored under the same origin with another text gets a new revision
        (the earlier one is kept, the user's anchors move to the new text); re-sent stories
        are grouped with what they re-send. ``tick(n)``: n documents of the batch are done."""
        with self._write_lock:
            try:
                self._ensure_index(for_edit=True)
            except (OSError, passage_index.IndexError_) as exc:
                self._indexing_failed(exc)  # the store takes the batch; the index is rebuilt
            fresh: list[Document] = []
            updated: list[str] = []
            kinds: dict[tuple[str, int], set[str]] = {}
            seen_hashes: set[str] = set()
            duplicates = 0  # counted into the report once the batch is committed
            resent = 0
            with self.store.transaction():
                # committed together with the batch: a crash before the timeline is merged again
                # leaves this mark, and the next open merges it (see __init__)
                self.store.set_meta(TIMELINE_STALE, "1")
                others = threading.active_count() > 1
                for n, item in enumerate(items):
                    doc = item.document
                    if doc.content_hash in seen_hashes or self.store.has_content(doc.content_hash):
                        duplicates += 1
                        continue
                    seen_hashes.add(doc.content_hash)
                    if others and n % 4 == 0:
                        # let a waiting GUI thread run (each yield costs ~0.1-0.5 ms when the
                        # indexing process keeps the other core busy, so not every document)
                        time.sleep(0)
                    if tick is not None and n % 25 == 0:
                        tick(n)
                    existed = self.store.document_hash(doc.id) is not None
                    previous = self.store.document(doc.id) if existed else None
                    doc.imported_at = now_iso()
                    corrections.apply_to_document(doc, self._document_corrections(doc.id))
                    mentions = timeline.extract_mentions(doc)
                    self.store.put_document(doc, origin=item.origin)
                    if previous is not None:
                        report.notices.extend(history.move_anchors(self.store, previous, doc))
                    self.store.put_mentions(doc.id, mentions)
                    appearances = people.extract_appearances(doc)
                    if appearances:  # (put_document removed those of an earlier text)
                        self.store.put_appearances(doc.id, appearances)
                    self._summarize(doc)
                    for m in mentions:
                        kinds.setdefault((doc.id, m.passage), set()).add(m.kind)
                    fresh.append(doc)
                    if existed:
                        updated.append(doc.id)
                if len(items) >= BATCH or self._bulk is not None:
                    self._resent.sign(fresh, updated)  # compared at the end, as the index is written
                else:
                    resent = self._resent.note(fresh, updated)
            report.duplicates += duplicates
            report.resent += resent
            report.updated += len(updated)
            report.added += len(fresh) - len(updated)
            if not fresh or self._index_failed is not None:
                return  # (after an indexing failure the index is rebuilt from the store)
            try:
                if self._bulk is None and len(items) >= BATCH and BULK_INDEXING:
                    # a big import: from now on the index is written on the other core, in one
                    # writer for the whole import (see wpk_archive.core.search.indexer)
                    self._bulk = BackgroundIndexer(self.index.path)
                if self._bulk is not None:
                    self._bulk.add(fresh, kinds, updated)
                    return
                self._index_checked = False  # if the index write fails, the next search repairs it
                if updated:  # only documents indexed before have passages to remove
                    self.index.delete_documents(updated)
                # one writer per batch in this process: forking Whoosh's two-process writer for
                # every batch cost more than it saved (bench/README.md)
                self.index.add_documents(fresh, kinds=kinds, replace=False)
                self.index.set_generation(self.store.generation())
                self._index_checked = True
            except (IndexerFailed, OSError, passage_index.IndexError_) as exc:
                # the store has committed the batch: the index is only behind, and is rebuilt
                self._indexing_failed(exc)

    def _note_resent(self, report: ImportReport) -> None:
        """Find the re-sent stories among the documents a big import stored (they were left
        for now: the indexing process is still writing, so this costs the user no time)."""
        with self._write_lock:
            report.resent += self._resent.note_pending()

    def _indexing_failed(self, exc: BaseException) -> None:
        """Stop indexing this import (the indexing process died, the index cannot be written):
        the store keeps everything, and the index is rebuilt from it at the next check."""
        bulk, self._bulk = self._bulk, None
        if bulk is not None:
            with contextlib.suppress(Exception):
                bulk.cancel()
        self._index_failed = _last_line(str(exc)) or type(exc).__name__
        self._index_checked = False

    def _finish_bulk(self, report: ImportReport | None = None) -> None:
        """Commit the background indexer of a big import, if one was started.

        Runs after the last batch, also when the import was cancelled or failed: whatever the
        store committed becomes searchable. If indexing failed, the index is left for the next
        check to rebuild from the store.
        """
        bulk, self._bulk = self._bulk, None
        with self._write_lock:
            if bulk is not None:
                try:
                    bulk.commit()
                except IndexerFailed as exc:
                    self._index_failed = _last_line(str(exc))
            failed, self._index_failed = self._index_failed, None
            if failed is None:
                if bulk is None:
                    return
                try:
                    self.index.refresh()
                    self.index.set_generation(self.store.generation())
                    self._index_checked = True
                    self._sync_index_kinds()  # the timeline's corrections reach the kind field
                    return
                except (OSError, passage_index.IndexError_) as exc:  # e.g. a full disk
                    failed = _last_line(str(exc)) or type(exc).__name__
            self._index_checked = False  # the next search rebuilds it from the store
            message = (
                f"Indexing the import failed ({failed}); the search index will be rebuilt from "
                "the archive (where every stored document is) at the next search."
            )
            self.notice = message
            self._notices.append(message)
            if report is not None:
                report.notices.append(message)

    def _summarize(self, doc: Document) -> None:
        sentences = summaries.split_document(doc)  # split and classified once, for both
        self.store.put_summary(
            doc.id,
            summaries.summarize(doc, sentences=sentences),
            summaries.passage_gists(doc, sentences=sentences),
        )

    def chronology(self) -> Chronology:
        """The reference chronology: the shipped table and the archive folder's chronology.tsv."""
        if self._chronology is None:
            self._chronology = load_chronology([self.folder / CHRONOLOGY_NAME])
            if self._chronology.messages:
                skipped = "Some rows of your chronology.tsv were skipped: " + "; ".join(
                    self._chronology.messages[:5]
                )
                self.notice = f"{self.notice} {skipped}" if self.notice else skipped
                self._notices.append(skipped)
        return self._chronology

    def rebuild_timeline(self) -> list[Event]:
        """Merge every stored event mention into the timeline, then replay the user's corrections.

        The user's corrections and gists follow their meeting when its id changes (a new grammar
        or chronology identifies it differently): to the new event holding most of its sources.
        """
        self._require_writable()
        with self._write_lock:
            merged = timeline.merge_mentions(self.store.all_mentions(), self.chronology())
            moves = _moved_events(self.store.all_events(), merged)
            if moves:
                self.store.retarget_event_data(moves)
            applied = corrections.apply_to_events(
                merged, self.store.corrections(target_type="event")
            )
            self._resent.count_independent(applied.events)  # a re-sent story counts once
            self.orphan_corrections = applied.orphans
            self.failed_corrections = applied.failed
            issues = corrections.describe_issues(applied)
            with self.store.transaction():
                self.store.replace_events(applied.events)
                self.store.set_meta(TIMELINE_STALE, "0")
                self.store.set_meta(CORRECTION_ISSUES, json.dumps(issues))
            self._sync_index_kinds(applied.events)
            return applied.events

    def _upgrade_timeline(self) -> None:
        """Read every document's meetings again when the timeline grammar changed since the
        archive was last written (the user's corrections are replayed on the new timeline)."""
        with self._write_lock:
            batch: list[Document] = []
            for doc in self.store.iter_documents():
                batch.append(doc)
                if len(batch) >= BATCH:
                    self._put_mentions(batch)
                    batch = []
            self._put_mentions(batch)
            with self.store.transaction():
                self.store.set_meta(TIMELINE_GRAMMAR, str(timeline.GRAMMAR_VERSION))
            self.rebuild_timeline()

    def _put_mentions(self, docs: list[Document]) -> None:
        with self.store.transaction():
            for doc in docs:
                self.store.put_mentions(doc.id, timeline.extract_mentions(doc))

    # -- index --------------------------------------------------------------------------------

    def take_notices(self) -> list[str]:
        """Notices raised since the last call (indexing failed, index rebuilt or out of date),
        for the status bar or stderr; each is given once."""
        taken, self._notices = self._notices, []
        return taken

    def _timeline_kinds(self, events: list[Event] | None = None) -> dict[tuple[str, int], set[str]]:
        """The event kinds each passage names on the corrected timeline (rejected events left
        out): what the index's kind field holds."""
        if events is None:
            events = self.store.events()
        return passage_index.kinds_by_passage(events)

    def reindex_documents(self, doc_ids: Iterable[str], deleted: Iterable[str] = ()) -> None:
        """Index again the documents whose fields changed, and drop the deleted ones (instead of
        rebuilding the whole index)."""
        changed = sorted(set(doc_ids))
        gone = sorted(set(deleted))
        if not changed and not gone:
            return
        with self._write_lock:
            self._ensure_index(for_edit=True)
            if gone:
                self.index.delete_documents(gone)
            docs = [d for d in (self.store.document(i) for i in changed) if d is not None]
            if docs:
                self.index.add_documents(docs, kinds=self._timeline_kinds(), replace=True)
            self.index.set_generation(self.store.generation())

    def _sync_index_kinds(self, events: list[Event] | None = None) -> int:
        """Re-index the documents whose passages' event kinds changed on the timeline (a
        correction, a rejection, a join); returns how many. Not during a big import (its
        indexing process owns the index; it syncs when it is done)."""
        if self.readonly or self._bulk is not None:
            return 0
        try:
            if not self.index.exists():
                return 0
            wanted = self._timeline_kinds(events)
            have = self.index.passage_kinds()
        except passage_index.IndexError_:
            return 0  # the next check rebuilds the index, kinds and all
        changed = sorted(
            {k[0] for k in set(wanted) | set(have) if wanted.get(k, set()) != have.get(k, set())}
        )
        docs = [d for d in (self.store.document(i) for i in changed) if d is not None]
        if docs:
            with self._write_lock:
                try:
                    self.index.add_documents(docs, kinds=wanted, replace=True)
                except passage_index.IndexError_:
                    self._index_checked = False  # locked or damaged: the next check syncs it
                    return 0
                if self._index_checked:
                    self.index.set_generation(self.store.generation())
        return len(docs)

    def prepare_search(self) -> None:
        """Open the index and read its per-passage lookups now (the app calls this in the
        background after opening), so the first search does not wait for them: at 200,000
        articles they take about a second."""
        self._ensure_index()
        self.index.warm_up()

    def check_index(self, progress: Progress | None = None) -> str | None:
        """Bring the index into step with the store; a message for the user when it was rebuilt."""
        with self._write_lock:
            before = self._index_checked
            self._index_checked = False
            rebuilt: list[bool] = []

            def note(done: int, total: int, what: str) -> None:
                rebuilt.append(True)
                if progress is not None:
                    progress(done, total, what)

            try:
                self._ensure_index(progress=note)
            finally:
                self._index_checked = self._index_checked or before
        if rebuilt:
            return (
                "The search index was missing, damaged or out of date and has been rebuilt "
                "from the archive. Nothing was lost."
            )
        return None

    def _ensure_index(
        self, progress: Progress | None = None, *, thorough: bool = False, for_edit: bool = False
    ) -> None:
        """Rebuild the index from the store when it is missing, damaged or out of step.

        For a read (not ``for_edit``), an index that opens but is out of step is not removed
        when the disk has no room for a new one: it is searched as it is, with a notice.

        The quick check reads only the index's stamp (its analyzer version and the store
        generation it reflects) and leaves the index closed: opening it maps ~200 MB at 20,000
        articles, which waits for the first search. ``thorough`` opens it and compares contents.
        """
        if self._bulk is not None or (self._index_checked and not thorough):
            return  # (during a big import the indexer owns the index; it is checked after)
        if (
            not thorough
            and self.index.exists()
            and self.index.generation == self.store.generation()
        ):
            self._index_checked = True
            return
        readable = False
        try:
            self.index.close()
            self.index.open()
            readable = True
            generation = self.store.generation()
            # the cheap check first: the index says which store generation it reflects
            stale = self.index.generation != generation and (
                self.index.doc_ids() != self.store.document_ids()
            )
            if not stale and not self.readonly and self.index.generation != generation:
                with contextlib.suppress(OSError):  # a full disk: the stamp stays as it was
                    self.index.set_generation(generation)
        except passage_index.IndexError_:
            stale = True
        had_index = any(self.index.path.glob("*.toc")) if self.index.path.exists() else False
        if stale:
            if self.readonly:
                self._notices.append("The search index is out of date (opened read-only).")
            elif readable and not for_edit and not self._room_to_rebuild():
                # rebuilding starts by removing the old index: without room for the new one,
                # searching the old one is better than nothing
                self._notices.append(
                    "The search index is out of date, and the disk has no room to rebuild it: "
                    "searching it as it is (recent changes may be missing). Free some space."
                )
                return
            else:
                self.reindex(progress=progress)
            if not self.readonly and had_index:  # a new archive's first index is no news
                self._notices.append(
                    "The search index was missing, damaged, out of date or not written by this "
                    "installation; it was rebuilt from the archive. Nothing was lost."
                )
        self._index_checked = True

    def _room_to_rebuild(self) -> bool:
        """Whether the disk can hold a new index beside the store (twice the old one, 10 MB at
        least)."""
        try:
            used = sum(f.stat().st_size for f in self.index.path.iterdir() if f.is_file())
        except OSError:
            used = 0
        return not store_module.disk_full(self.folder, room=max(10 << 20, 2 * used))

    def reindex(self, *, progress: Progress | None = None) -> int:
        """Rebuild the whole index from the store; returns the number of passages indexed."""
        self._require_writable()
        total = self.store.count("documents")
        kinds = self._timeline_kinds()
        self.index.create()

        def step(n: int) -> None:
            if progress is not None and (n % 200 == 0 or n == total):
                progress(n, total, "indexing")

        count = self.index.add_documents(
            self.store.iter_documents(),
            kinds=kinds,
            replace=False,
            large=total >= 200,
            progress=step,
        )
        self.index.set_generation(self.store.generation())
        self._index_checked = True
        return count

    # -- reading ------------------------------------------------------------------------------

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
        if not query.strip():
            return SearchResult(query=query, total=0, hits=[])
        self._ensure_index()

        def run() -> SearchResult:
            return run_search(
                self.store,
                self.index,
                query,
                limit=limit,
                offset=offset,
                date_from=date_from,
                date_to=date_to,
                sort=sort,
                filters=filters,
                facets=facets,
            )

        try:
            return run()
        except passage_index.IndexError_ as exc:
            # damage the quick check cannot see (a truncated or changed segment): rebuild
            # from the store, then answer (only query errors are messages; this is not one)
            if self.readonly:
                raise ArchiveError(
                    f"The search index is damaged ({exc}) and the archive is open read-only: "
                    "open it where it can be written (or run doctor) to rebuild it."
                ) from exc
            with self._write_lock:
                self.reindex()
            self._notices.append(
                f"The search index could not be read ({exc}); it was rebuilt from the archive. "
                "Nothing was lost."
            )
            return run()

    def match_spans(self, query: str, doc: Document) -> list[tuple[int, int]]:
        """Document spans of the words ``query`` matches (for highlighting in the reader)."""
        if not query.strip():
            return []
        self._ensure_index()
        try:
            parsed = self.index.parse(passage_index.normalize_query(query))
        except (passage_index.QueryError, passage_index.IndexError_):
            return []
        spans: list[tuple[int, int]] = []
        for p in doc.passages:
            spans.extend(
                (p.start + a, p.start + b) for a, b in self.index.match_spans(parsed, p.text)
            )
        return spans

    def document(self, doc_id: str) -> Document | None:
        """A document with its passages; a unique id prefix is accepted."""
        doc = self.store.document(doc_id)
        if doc is None and len(doc_id) >= 4:
            matches = self.store.find_document_ids(doc_id)
            if len(matches) == 1:
                doc = self.store.document(matches[0])
        return doc

    def revisions(self, doc_id: str) -> list[history.Revision]:
        """Every text the document has had, oldest first; the last is the current one (the
        only one indexed and searched)."""
        doc = self._document_or_error(doc_id)
        return history.document_revisions(self.store, doc)

    def diff(
        self, doc_id: str, from_rev: int | None = None, to_rev: int | None = None
    ) -> tuple[history.Revision, history.Revision, list[tuple[str, str]]]:
        """What changed at the source between two revisions (default: the two latest): the
        revisions and the word diff, runs of kept ("="), removed ("-") and added ("+") words."""
        doc = self._document_or_error(doc_id)
        try:
            old, new, runs = history.diff(self.store, doc, from_rev, to_rev)
        except history.RevisionError as exc:
            raise ArchiveError(str(exc)) from exc
        return old, new, list(runs)

    def duplicates(self, doc_id: str) -> list[str]:
        """The other publications of the same story (re-sent near-duplicates), oldest first."""
        return self._resent.duplicates(self._document_or_error(doc_id).id)

    def separate_duplicate(self, doc_id: str) -> int:
        """Split a document off its group of re-sent stories (it is another story); kept as a
        correction, so it survives re-import. Returns the correction's id."""
        self._require_writable()
        doc = self._document_or_error(doc_id)
        others = self._resent.duplicates(doc.id)
        if not others:
            raise ArchiveError(f"{doc.id} is not grouped with another document")
        with self._atomic():
            correction = self.store.add_correction("document", doc.id, "separate", value=others)
            self.rebuild_timeline()
        return correction

    def removed_at(self, doc_id: str) -> str | None:
        """When a re-fetch found the document no longer offered by its source (else None)."""
        return self.store.removed_at(self._document_or_error(doc_id).id)

    def _document_or_error(self, doc_id: str) -> Document:
        doc = self.document(doc_id)
        if doc is None:
            raise ArchiveError(f"no document {doc_id}")
        return doc

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Document headers (id, title, date, source, url), newest first."""
        return self.store.list_documents(limit=limit, offset=offset)

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
        return self.store.events(
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
        return self.store.count_events(
            kind=kind,
            date_from=date_from,
            date_to=date_to,
            text=text,
            rejected=rejected,
            reference=reference,
        )

    def event(self, event_id: str) -> Event | None:
        """One timeline event."""
        return self.store.event(event_id)

    def summary(self, doc_id: str) -> Summary | None:
        """A document's summary: automatic sentences always, and the user's text when written."""
        doc_hash = self.store.document_hash(doc_id)
        if doc_hash is None:
            return None
        user = self.store.user_summary(doc_id)
        doc = self.store.document(doc_id)
        assert doc is not None
        sentences = summaries.split_document(doc)
        gists = []
        for event in self.store.events(doc_id=doc_id):
            here = [s for s in event.sources if s.doc_id == doc_id]
            # the sentence that dates the event says most about it; a bare mention says least
            here.sort(key=lambda s: (s.start_date is None, s.start))
            for source in here[:1]:
                user_gist = self.store.user_event_gist(event.id)
                gists.append(
                    EventGist(
                        event=event,
                        source=source,
                        auto=summaries.event_gist(doc, source.start, source.end, sentences),
                        user_text=user_gist["text"] if user_gist else None,
                    )
                )
        gists.sort(key=lambda g: g.source.start)
        return Summary(
            doc_id=doc_id,
            origin="user" if user else "auto",
            auto=self.store.summary_sentences(doc_id, "summary"),
            gists=self.store.summary_sentences(doc_id, "gist"),
            user_text=user["text"] if user else None,
            user_updated_at=user["updated_at"] if user else None,
            user_outdated=bool(user and user["written_for_hash"] != doc_hash),
            events=gists,
        )

    def set_user_summary(self, doc_id: str, text: str) -> None:
        """Save the user's own summary of a document (kept through every re-import and re-index)."""
        self._require_writable()
        doc_hash = self.store.document_hash(doc_id)
        if doc_hash is None:
            raise ArchiveError(f"no document {doc_id}")
        self.store.set_user_summary(doc_id, text, doc_hash)

    def user_event_gist(self, event_id: str) -> str | None:
        """The user's own gist of a timeline event, if written."""
        gist = self.store.user_event_gist(event_id)
        return str(gist["text"]) if gist else None

    def document_titles(self, ids: Iterable[str]) -> dict[str, str]:
        """The titles of the stored documents among ``ids``."""
        return {d: h["title"] for d, h in self.store.document_headers(ids).items()}

    def set_user_event_gist(self, event_id: str, text: str) -> None:
        """Save the user's own gist of a timeline event (kept through re-extraction)."""
        self._require_writable()
        if self.store.event(event_id) is None:
            raise ArchiveError(f"no event {event_id}")
        self.store.set_user_event_gist(event_id, text)

    def user_data(self) -> dict[str, Any]:
        """Everything the user wrote, as plain JSON-ready data (for export and backup)."""
        return {
            "format": "wpk-archive-user-data",
            "version": 1,
            "exported_at": now_iso(),
            "summaries": self.store.all_user_summaries(),
            "event_gists": self.store.all_user_event_gists(),
            "person_splits": self.store.person_splits(active_only=False),
        }

    def reextract(self, *, progress: Progress | None = None) -> int:
        """Re-run date, event, people and summary extraction on every stored document (user data
        kept).

        For when the extraction improves: stored texts are re-read, derived rows replaced, the
        timeline merged again and the index's event kinds refreshed.
        """
        self._require_writable()
        total = self.store.count("documents")
        done = 0
        with self._write_lock:
            batch: list[Document] = []
            for doc in self.store.iter_documents():
                batch.append(doc)
                if len(batch) >= BATCH:
                    self._reextract_batch(batch)
                    done += len(batch)
                    batch = []
                    if progress is not None:
                        progress(done, total, "extracting")
            if batch:
                self._reextract_batch(batch)
                done += len(batch)
            self.store.set_meta(people_ops.PEOPLE_META, str(people.PEOPLE_VERSION))
        self.rebuild_timeline()
        self.reindex(progress=progress)
        return done

    def _reextract_batch(self, docs: list[Document]) -> None:
        with self.store.transaction():
            for doc in docs:
                self.store.put_mentions(doc.id, timeline.extract_mentions(doc))
                self._summarize(doc)
            people_ops.put_appearances(self, docs)

    # -- people, trends and exports of results (issue #17) ------------------------------------
    # The work is done in people_ops, trends and result_export; these are the gateway's doors.

    def _upgrade_people(self) -> None:
        """Extract every document's appearances again: the people extraction changed since the
        archive was written (or the archive is older than it). The user's splits are kept."""
        with self._write_lock:
            people_ops.upgrade(self, BATCH)

    def people(self) -> list[Person]:
        """Every person named in the archive (the user's splits applied), most appearances
        first."""
        return people_ops.all_people(self)

    def document_headers(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Title, date, source and URL of the stored documents among ``ids`` (what exports
        say of each source)."""
        return self.store.document_headers(ids)

    def newest_date(self) -> str | None:
        """The latest publication date of the archive's articles: what "days absent" counts to
        (an archive of old articles is not about today)."""
        return self.store.newest_date()

    def person(self, name_or_id: str) -> Person:
        """One person: by id, else by name or any written form of it (case-insensitively), else
        by any spelling of the name. ArchiveError when none or several match."""
        try:
            return people_ops.find_person(self.people(), name_or_id, self.index.variants)
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
        self._require_writable()
        person = self.person(name_or_id)
        try:
            rule = people_ops.make_split(
                self,
                person,
                label,
                office=office,
                since=since,
                until=until,
                doc_ids=[self._document_id(d) for d in doc_ids],
                anchors=[(self._document_id(d), offset) for d, offset in anchors],
            )
        except people_ops.PeopleError as exc:
            raise ArchiveError(str(exc)) from exc
        return self.store.add_person_split(rule.to_json())

    def _document_id(self, doc_id: str) -> str:
        doc = self.store.document_headers([doc_id]).get(doc_id)
        if doc is not None:
            return doc_id
        matches = self.store.find_document_ids(doc_id) if len(doc_id) >= 4 else []
        if len(matches) == 1:
            return matches[0]
        raise ArchiveError(f"no document {doc_id} in the archive")

    def person_splits(self) -> list[dict[str, Any]]:
        """The user's splits (undone ones too): id, rule, created_at, active."""
        return self.store.person_splits(active_only=False)

    def remove_person_split(self, split_id: int) -> None:
        """Undo one of the user's splits (it stays on record, inactive)."""
        self._require_writable()
        if not self.store.set_person_split_active(split_id, False):
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
        return people_ops.comparison_to_json(header_a, header_b, comparison)

    def _read_index(self, run: Callable[[], _T]) -> _T:
        """``run()`` over a checked index; damage found while reading rebuilds it (as a search
        does)."""
        self._ensure_index()
        try:
            return run()
        except passage_index.IndexError_ as exc:
            if self.readonly:
                raise ArchiveError(
                    f"The search index is damaged ({exc}) and the archive is open read-only: "
                    "open it where it can be written (or run doctor) to rebuild it."
                ) from exc
            with self._write_lock:
                self.reindex()
            self._notices.append(
                f"The search index could not be read ({exc}); it was rebuilt from the archive. "
                "Nothing was lost."
            )
            return run()

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
        wanted = list(queries)
        try:
            return self._read_index(
                lambda: trends.trend(
                    self.index, wanted, by=by, date_from=date_from, date_to=date_to
                )
            )
        except trends.DateError as exc:
            raise ArchiveError(str(exc)) from exc

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
        first = self.search(
            query, limit=page, date_from=date_from, date_to=date_to, sort=sort, filters=filters
        )
        hits = list(first.hits)
        while len(hits) < first.total and first.hits:
            more = self.search(
                query,
                limit=page,
                offset=len(hits),
                date_from=date_from,
                date_to=date_to,
                sort=sort,
                filters=filters,
            )
            if not more.hits:
                break
            hits.extend(more.hits)
        first.hits = hits
        first.documents = []
        return first

    # -- corrections ----------------------------------------------------------------------------

    def _document_corrections(self, doc_id: str) -> list[corrections.Correction]:
        return [c for c in self.store.corrections(target_type="document") if c.target_id == doc_id]

    def _event_or_error(self, event_id: str) -> Event:
        event = self.store.event(event_id)
        if event is None:
            raise ArchiveError(f"no event {event_id}")
        return event

    def correct_event(self, event_id: str, **changes: Any) -> list[int]:
        """Change an event's start, end, precision, kind or name; returns the correction ids."""
        self._require_writable()
        event = self._event_or_error(event_id)
        checked = {}
        for name, value in changes.items():
            try:
                checked[name] = corrections.check_event_value(name, value)
            except corrections.CorrectionError as exc:
                raise ArchiveError(str(exc)) from exc
        with self._atomic():
            ids = [
                self.store.add_correction(
                    "event", event.id, "set", field=name, value=value, old=getattr(event, name)
                )
                for name, value in checked.items()
            ]
            self.rebuild_timeline()
        return ids

    def reject_event(self, event_id: str) -> int:
        """Take an event off the timeline (it stays listed among the rejected ones)."""
        return self._event_action(event_id, "reject")

    def restore_event(self, event_id: str) -> int:
        """Put a rejected event back on the timeline."""
        return self._event_action(event_id, "restore")

    def _event_action(self, event_id: str, action: str) -> int:
        self._require_writable()
        event = self._event_or_error(event_id)
        with self._atomic():
            correction = self.store.add_correction("event", event.id, action)
            self.rebuild_timeline()
        return correction

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
    ) -> str:
        """Add an event by hand, anchored to a passage (or a span of it); returns its id."""
        self._require_writable()
        doc = self.document(doc_id)
        if doc is None:
            raise ArchiveError(f"no document {doc_id}")
        if not 1 <= passage <= len(doc.passages):
            raise ArchiveError(f"document {doc.id} has passages 1 to {len(doc.passages)}")
        p = doc.passages[passage - 1]
        a, b = span or (p.start, p.end)
        if not p.start <= a < b <= p.end:
            raise ArchiveError(f"the span {a}-{b} is not inside passage {passage}")
        try:
            value = {
                "kind": corrections.check_event_value("kind", kind),
                "name": corrections.check_event_value("name", name),
                "start": corrections.check_event_value("start", start),
                "end": corrections.check_event_value("end", end),
                "doc_id": doc.id,
                "passage": passage,
                "span_start": a,
                "span_end": b,
                "quote": doc.text[a:b],
            }
        except corrections.CorrectionError as exc:
            raise ArchiveError(str(exc)) from exc
        created = now_iso()
        event_id = corrections.manual_event_id(value, created)
        with self._atomic():
            self.store.add_correction("event", event_id, "add", value=value, created_at=created)
            self.rebuild_timeline()
        return event_id

    def join_events(self, event_id: str, other_id: str) -> int:
        """Fold ``other_id`` into ``event_id`` (one event, the sources of both)."""
        self._require_writable()
        self._event_or_error(event_id)
        self._event_or_error(other_id)
        if event_id == other_id:
            raise ArchiveError("an event cannot be joined with itself")
        with self._atomic():
            correction = self.store.add_correction("event", event_id, "join", value=other_id)
            self.rebuild_timeline()
        return correction

    def split_event(self, event_id: str, source_keys: list[str]) -> str:
        """Move some sources of an event into a new event; returns the new event's id."""
        self._require_writable()
        event = self._event_or_error(event_id)
        known = {corrections.source_key(s) for s in event.sources}
        moving = [k for k in source_keys if k in known]
        if not moving or len(moving) == len(known):
            raise ArchiveError("name some, but not all, of the event's sources to split off")
        new_id = event.id + "-" + corrections.manual_event_id({"s": sorted(moving)}, now_iso())[1:6]
        with self._atomic():
            self.store.add_correction(
                "event", event.id, "split", value={"sources": sorted(moving), "new_id": new_id}
            )
            self.rebuild_timeline()
        return new_id

    def correct_document(self, doc_id: str, **changes: Any) -> list[int]:
        """Correct a document's title, date, source or url (kept through every re-import)."""
        self._require_writable()
        doc = self.document(doc_id)
        if doc is None:
            raise ArchiveError(f"no document {doc_id}")
        ids = []
        try:
            changes = {
                name: corrections.check_document_value(name, value)
                for name, value in changes.items()
            }
        except corrections.CorrectionError as exc:
            raise ArchiveError(str(exc)) from exc
        with self._atomic():
            for name, value in changes.items():
                ids.append(
                    self.store.add_correction(
                        "document", doc.id, "set", field=name, value=value, old=getattr(doc, name)
                    )
                )
                setattr(doc, name, value)
            self.store.update_document_fields(doc.id, changes)
            if "date" in changes:  # yearless and relative dates are read against its date
                self._put_mentions([doc])
                self.rebuild_timeline()
        with self._write_lock:
            try:
                self._ensure_index(for_edit=True)
                self.index.add_documents(
                    [doc], kinds=self._timeline_kinds(), replace=True
                )
                self.index.set_generation(self.store.generation())
            except (OSError, passage_index.IndexError_) as exc:
                self._indexing_after_edit_failed(exc)
        return ids

    def delete_document(
        self, doc_id: str, *, export_to: Path | None = None, confirm_loss: bool = False
    ) -> None:
        """Delete a document with its passages, events and index entries.

        When the user wrote something on it, that text is first exported to ``export_to``, or
        its loss must be confirmed; otherwise ArchiveError says so and nothing is deleted.
        """
        self._require_writable()
        doc = self.document(doc_id)
        if doc is None:
            raise ArchiveError(f"no document {doc_id}")
        mine = self.store.user_summary(doc.id)
        if mine and export_to is None and not confirm_loss:
            raise ArchiveError(
                f"you wrote a summary of {doc.id}: export it first or confirm its loss"
            )
        if mine and export_to is not None:
            payload = {
                "format": NOTES_FORMAT,
                "version": 1,
                "document": {"id": doc.id, "title": doc.title, "content_hash": doc.content_hash},
                "summary": mine,
                "event_gists": self._event_gists_of(doc.id),
            }
            try:
                export_to.write_text(
                    json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8"
                )
            except OSError as exc:
                raise ArchiveError(
                    f"your notes could not be saved to {export_to} ({exc.strerror or exc}); "
                    "nothing was deleted"
                ) from exc
        # what undo needs to put the document back as it was, with the user's summary
        kept = {
            "title": doc.title,
            "restore": {
                "origin": self.store.document_origin(doc.id),
                "title": doc.title,
                "text": doc.text,
                "source": doc.source,
                "date": doc.date,
                "url": doc.url,
                "original_path": doc.original_path,
                "imported_at": doc.imported_at,
                "user_summary": mine,
            },
        }
        with self._atomic():
            self.store.add_correction("document", doc.id, "delete", old=kept)
            self.store.delete_document(doc.id, with_user_data=True)
            self._resent.forget(doc.id)
            self.rebuild_timeline()
        with self._write_lock:
            try:
                self._ensure_index(for_edit=True)
                self.index.delete_documents([doc.id])
                self.index.set_generation(self.store.generation())
            except (OSError, passage_index.IndexError_) as exc:
                self._indexing_after_edit_failed(exc)

    def document_corrections(self, doc_id: str) -> dict[str, Any]:
        """Fields of a document the user corrected, each with the extracted value it replaced."""
        replaced: dict[str, Any] = {}
        for c in self._document_corrections(doc_id):
            if c.active and c.action == "set" and c.field:
                replaced.setdefault(c.field, c.old)
        return replaced

    def undo_correction(self, correction_id: int) -> None:
        """Take back one correction (it stays on record as inactive)."""
        self._require_writable()
        match = [c for c in self.store.corrections() if c.id == correction_id]
        if not match:
            raise ArchiveError(f"no correction {correction_id}")
        c = match[0]
        with self._atomic():
            if c.target_type == "document" and c.action == "delete" and c.active:
                self._restore_deleted(c)
            self.store.set_correction_active(correction_id, False)
            if c.target_type == "document" and c.action == "set" and c.field:
                doc = self.document(c.target_id)
                if doc is not None:
                    later = self._document_corrections(doc.id)
                    restored = next(
                        (x.value for x in reversed(later) if x.active and x.field == c.field),
                        c.old,
                    )
                    self.store.update_document_fields(doc.id, {c.field: restored})
            self.rebuild_timeline()

    def _restore_deleted(self, c: corrections.Correction) -> None:
        editing.restore_deleted(self, c)

    def _event_gists_of(self, doc_id: str) -> list[dict[str, Any]]:
        return editing.event_gists_of(self, doc_id)

    def corrections(self) -> list[corrections.Correction]:
        """Every correction on record, in the order taken."""
        return self.store.corrections()

    def export_corrections(self) -> dict[str, Any]:
        """All active corrections as JSON-ready data, to import into another archive."""
        return corrections.export_corrections(self.store.corrections(), now_iso())

    def import_corrections(self, data: Any, *, allow_deletes: bool = False) -> CorrectionsImport:
        """Add the corrections of an export, each row checked with the rules of the dialogs.

        Already present rows are skipped; each invalid row is refused with its number and the
        reason (the rest go in); rows that delete a document are taken only with
        ``allow_deletes``. ArchiveError when ``data`` is not a corrections export.
        """
        return editing.import_corrections(self, data, allow_deletes=allow_deletes)

    def correction_issues(self, *, fresh: bool = False) -> dict[int, str]:
        """Active corrections that do nothing now, by id, with why (see
        :func:`wpk_archive.core.editing.correction_issues`)."""
        return editing.correction_issues(self, fresh=fresh)

    def _stored_issues(self) -> dict[str, str]:
        return editing.stored_issues(self)

    def detached_user_data(self) -> list[str]:
        """The user's texts whose target is not in the archive now (kept, never dropped)."""
        return editing.detached_user_data(self)

    def import_notes(self, data: Any) -> list[str]:
        """Restore the summaries and gists of a notes file (of a delete, or export user-data);
        one line per note, restored or not and why (see :mod:`wpk_archive.core.editing`)."""
        return editing.import_notes(self, data)

    def remove_correction(self, correction_id: int) -> None:
        """Delete one correction from the record for good (undone first if it was active)."""
        self._require_writable()
        if not any(c.id == correction_id for c in self.store.corrections()):
            raise ArchiveError(f"no correction {correction_id}")
        with self._atomic():
            self.undo_correction(correction_id)
            self.store.delete_correction(correction_id)

    def doctor(self, *, repair: bool = True) -> list[str]:
        """Check the archive and repair what can be repaired safely; one line per finding.

        Checks SQLite's integrity, the schema version, derived rows left without their document,
        documents without passages, the timeline and the search index. Repairs never touch
        user-authored data (summaries, gists, corrections).
        """
        from wpk_archive.core.store import SCHEMA_VERSION

        lines: list[str] = []
        try:
            verdict = self.store.integrity_check()
        except StoreError as exc:
            verdict = exc.reason
        if verdict != "ok":
            # a damaged store: a verdict and what can be salvaged, no repair attempted in it;
            # the note left beside it (not in it) keeps every later open from writing into it
            store_salvage.mark_damaged(self.folder, f"SQLite integrity check: {verdict}")
            return store_salvage.verdict(self.store.path).lines
        lines.append("SQLite integrity: ok")
        if repair and not self.readonly:
            store_salvage.clear_damage_mark(self.folder)
        version = self.store.schema_version
        lines.append(
            f"schema version: {version}"
            + ("" if version == SCHEMA_VERSION else f" (this program expects {SCHEMA_VERSION})")
        )
        orphans = {t: n for t, n in self.store.orphan_counts().items() if n}
        if orphans:
            found = ", ".join(f"{n} in {t}" for t, n in orphans.items())
            if repair and not self.readonly:
                lines.append(f"orphan rows: {found}; removed {self.store.delete_orphans()}")
            else:
                lines.append(f"orphan rows: {found}")
        else:
            lines.append("orphan rows: none")
        empty = self.store.documents_without_passages()
        if empty:
            lines.append(f"documents without passages: {len(empty)} ({', '.join(empty[:5])})")
        lines.extend(self.detached_user_data())
        issues = self.correction_issues(fresh=True)
        if issues:
            lines.append(
                f"corrections that do nothing now: {len(issues)} (kept; see corrections list)"
            )
            for correction_id, why in list(issues.items())[:20]:
                lines.append(f"  correction #{correction_id}: {why}")
        else:
            lines.append("corrections: all apply")
        stale = self.store.get_meta(TIMELINE_STALE) == "1"
        if stale and repair and not self.readonly:
            self.rebuild_timeline()
            lines.append("timeline: was out of date; merged again")
        else:
            lines.append("timeline: " + ("out of date" if stale else "ok"))
        try:
            self.index.open()
            problems = passage_index.compare_passages(
                self.index.passage_keys(), self.store_passage_keys()
            )
            if not problems and self.index.passage_kinds() != self._timeline_kinds():
                problems = ["event kinds differ from the corrected timeline"]
        except passage_index.IndexError_ as exc:
            problems = [str(exc)]
        if not problems:
            lines.append(f"search index: ok ({self.index.passage_count()} passages)")
        elif repair and not self.readonly:
            count = self.reindex()
            lines.append(
                f"search index: {'; '.join(problems)}; rebuilt from the store ({count} passages)"
            )
        else:
            lines.append(f"search index: {'; '.join(problems)} (run doctor to rebuild)")
        return lines

    def store_passage_keys(self) -> list[tuple[str, int]]:
        """(document id, passage) of every passage in the store."""
        return [(p.doc_id, p.ordinal) for d in self.store.iter_documents() for p in d.passages]

    def stats(self) -> dict[str, int]:
        """Counts for the status bar: ``events`` as the timeline lists them by default (not the
        rejected ones, nor the chronology's meetings that no document names)."""
        return {
            "documents": self.store.count("documents"),
            "passages": self.store.count("passages"),
            "events": self.count_events(),
        }


def _items_ticker(
    progress: Progress | None, before: int, total: int
) -> Callable[[int], None] | None:
    """The progress of a batch of items: ``before`` were done before it."""
    if progress is None:
        return None

    def tick(done: int) -> None:
        progress(before + done, total, "")

    return tick


def _file_ticker(
    progress: Progress | None, n: int, files: int, name: str, start: int, in_file: int
) -> Callable[[int], None] | None:
    """The progress of a batch within a file of many articles: the bar counts its articles
    (so it moves within one big file), the text says which file of how many."""
    if progress is None:
        return None
    where = f"file {n} of {files}: " if files > 1 else ""

    def tick(done: int) -> None:
        at = min(in_file, max(0, start) + done)
        progress(at, in_file, f"{where}{name}: {at:,} of {in_file:,} articles")

    return tick


def _moved_events(old: list[Event], new: list[Event]) -> dict[str, str]:
    """Old event id -> the new event id of the same meeting, for old events whose id is gone: the
    new event of the same kind that holds most of the old one's source passages."""
    new_ids = {event.id for event in new}
    holder: dict[tuple[str, int, int], Event] = {}
    for event in new:
        for source in event.sources:
            holder[(source.doc_id, source.passage, source.start)] = event
    moves: dict[str, str] = {}
    for event in old:
        if event.id in new_ids or event.manual:
            continue
        votes: dict[str, int] = {}
        for source in event.sources:
            target = holder.get((source.doc_id, source.passage, source.start))
            if target is not None and target.kind == event.kind:
                votes[target.id] = votes.get(target.id, 0) + 1
        if votes:
            moves[event.id] = max(votes, key=lambda event_id: votes[event_id])
    return moves
