"""Importing: files and folders, documents already read, a web page or feed, the bundled
articles, and re-extraction of every stored document. Each batch is stored, extracted and
indexed as one (SQLite commits first, the index follows); a big import indexes on the other core
(:mod:`wpk_archive.core.search.indexer`).

Every function takes the open archive (:class:`wpk_archive.core.archive.Archive` delegates to
these).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wpk_archive.core import corrections, history, people, summaries, timeline
from wpk_archive.core import search as passage_index
from wpk_archive.core.ingest import Item, document_from_text, expand_paths, read_path
from wpk_archive.core.models import Document
from wpk_archive.core.operations import common, upkeep
from wpk_archive.core.operations import people as people_ops
from wpk_archive.core.operations.common import (
    TIMELINE_GRAMMAR,
    TIMELINE_STALE,
    ImportReport,
    Progress,
    StoreError,
    corrections_by_document,
    last_line,
)
from wpk_archive.core.paths import resources_dir
from wpk_archive.core.search.indexer import BackgroundIndexer, IndexerFailed
from wpk_archive.core.store import now_iso

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive

BATCH = 500
BULK_INDEXING = os.environ.get("WPK_BULK_INDEXING", "1") != "0"
"""Imports of more than one batch index on the other core (wpk_archive.core.search.indexer)."""


def import_bundled(archive: Archive) -> ImportReport:
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
    return archive.import_items(items)


def import_paths(
    archive: Archive,
    paths: Iterable[Path | str],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    ocr: bool = False,
) -> ImportReport:
    """Import files and folders. Refused files are reported; everything else is imported.

    ``progress`` is told of every file and, within a file of many articles, every few
    articles; ``ocr`` reads scanned PDFs by OCR (tesseract)."""
    archive._require_writable()
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
                tick = file_ticker(
                    progress, n, len(files), path.name, in_file - len(pending), in_file
                )
                import_batch(archive, pending[:BATCH], report, tick if in_file > BATCH else None)
                pending = pending[BATCH:]
            if progress is not None:
                progress(n, len(files), path.name)
        if pending and not report.cancelled:
            import_batch(archive, pending, report)
            pending = []
        note_resent(archive, report)  # as the indexing process writes its segment
        archive.rebuild_timeline()  # (after: a re-sent story counts once)
    except StoreError as exc:
        raise common.incomplete(exc, report, len(pending), len(files) - n) from exc
    finally:
        finish_bulk(archive, report)
    return report


def import_items(
    archive: Archive,
    items: Iterable[Item],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    total: int = 0,
) -> ImportReport:
    """Import documents already read (batched; each batch commits as a whole)."""
    archive._require_writable()
    report = ImportReport()
    pending: list[Item] = []
    try:
        with few_collections():
            _import_all(archive, items, report, pending, progress, cancelled, total)
    except StoreError as exc:
        raise common.incomplete(exc, report, len(pending), 0) from exc
    finally:
        finish_bulk(archive, report)
    return report


@contextlib.contextmanager
def few_collections() -> Iterator[None]:
    """Fewer runs of Python's cycle collector while an import runs: what was alive before is
    frozen (never scanned again until the end), and the youngest generation collects every
    50,000 allocations instead of 700. An import allocates millions of short-lived, acyclic
    objects; each full collection also scanned everything the program holds (0.4 s of a
    19,873-article import). Nested imports leave it to the outermost."""
    global _relaxed
    if _relaxed or not gc.isenabled():
        yield
        return
    _relaxed = True
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(RELAXED_GC[0], RELAXED_GC[1], RELAXED_GC[2])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
        _relaxed = False


RELAXED_GC = (50_000, 20, 10)
"""The collector's thresholds during an import (see :func:`few_collections`)."""
_relaxed = False


def _import_all(
    archive: Archive,
    items: Iterable[Item],
    report: ImportReport,
    pending: list[Item],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    total: int,
) -> None:
    """The batch loop of :func:`import_items` (``pending``: the items of the batch not yet
    committed, for the caller's message when the store fails)."""
    done = 0
    for item in items:
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        pending.append(item)
        if len(pending) >= BATCH:
            import_batch(archive, pending, report, items_ticker(progress, done, total))
            done += len(pending)
            pending.clear()
            if progress is not None:
                progress(done, total, "")
    if pending and not report.cancelled:
        import_batch(archive, pending, report)
        done += len(pending)
        pending.clear()
        if progress is not None:
            progress(done, total, "")
    note_resent(archive, report)  # as the indexing process writes its segment
    archive.rebuild_timeline()  # (after: a re-sent story counts once)


def import_url(
    archive: Archive,
    url: str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import an article page, or an RSS/Atom feed and the pages of its entries (see
    :mod:`wpk_archive.core.web_import`); the URL and the fetch time are stored."""
    from wpk_archive.core.operations import web as web_import

    return web_import.import_url(archive, url, progress=progress, cancelled=cancelled)


def import_batch(
    archive: Archive,
    items: list[Item],
    report: ImportReport,
    tick: Callable[[int], None] | None = None,
) -> None:
    """Store, extract and index one batch: SQLite commits first, the index follows.

    A document already stored under the same origin with another text gets a new revision
    (the earlier one is kept, the user's anchors move to the new text); re-sent stories
    are grouped with what they re-send. ``tick(n)``: n documents of the batch are done."""
    with archive._write_lock:
        try:
            upkeep.ensure_index(archive, for_edit=True)
        except (OSError, passage_index.IndexError_) as exc:
            indexing_failed(archive, exc)  # the store takes the batch; the index is rebuilt
        fresh: list[Document] = []
        updated: list[str] = []
        kinds: dict[tuple[str, int], set[str]] = {}
        seen_hashes: set[str] = set()
        duplicates = 0  # counted into the report once the batch is committed
        resent = 0
        with archive._store.transaction():
            # committed together with the batch: a crash before the timeline is merged again
            # leaves this mark, and the next open merges it (see __init__)
            archive._store.set_meta(TIMELINE_STALE, "1")
            others = threading.active_count() > 1
            # read once per batch, not per document (a query each, and every correction of
            # every document each time: quadratic for a researcher with many corrections)
            stamp = now_iso()  # (to the second; the batch commits as one)
            corrected = corrections_by_document(archive)
            contents = archive._store.stored_contents(i.document.content_hash for i in items)
            stored = archive._store.document_hashes(i.document.id for i in items)
            for n, item in enumerate(items):
                doc = item.document
                if doc.content_hash in seen_hashes or doc.content_hash in contents:
                    duplicates += 1
                    continue
                seen_hashes.add(doc.content_hash)
                if others and n % 4 == 0:
                    # let a waiting GUI thread run (each yield costs ~0.1-0.5 ms when the
                    # indexing process keeps the other core busy, so not every document)
                    time.sleep(0)
                if tick is not None and n % 25 == 0:
                    tick(n)
                existed = doc.id in stored
                previous = archive._store.document(doc.id) if existed else None
                doc.imported_at = stamp
                corrections.apply_to_document(doc, corrected.get(doc.id, []))
                mentions = timeline.extract_mentions(doc)
                archive._store.put_document(doc, origin=item.origin, new=not existed)
                if existed and archive._store.has_content(stored[doc.id]) is None:
                    contents.discard(stored[doc.id])  # (its earlier text may come again)
                stored[doc.id] = doc.content_hash  # (the same article again in this batch)
                if previous is not None:
                    report.notices.extend(history.move_anchors(archive._store, previous, doc))
                # (put_document removed what was extracted from an earlier text: nothing to
                # delete first, a query per table and document saved)
                archive._store.put_mentions(doc.id, mentions, replace=False)
                appearances = people.extract_appearances(doc)
                if appearances:
                    archive._store.put_appearances(doc.id, appearances, replace=False)
                summarize(archive, doc, replace=False)
                for m in mentions:
                    kinds.setdefault((doc.id, m.passage), set()).add(m.kind)
                fresh.append(doc)
                if existed:
                    updated.append(doc.id)
            if len(items) >= BATCH or archive._bulk is not None:
                archive._resent.sign(fresh, updated)  # compared at the end, as the index is written
            else:
                resent = archive._resent.note(fresh, updated)
        report.duplicates += duplicates
        report.resent += resent
        report.updated += len(updated)
        report.added += len(fresh) - len(updated)
        report.stored.update(doc.id for doc in fresh)
        if not fresh or archive._index_failed is not None:
            return  # (after an indexing failure the index is rebuilt from the store)
        try:
            if archive._bulk is None and len(items) >= BATCH and BULK_INDEXING:
                # a big import: from now on the index is written on the other core, in one
                # writer for the whole import (see wpk_archive.core.search.indexer)
                archive._bulk = BackgroundIndexer(archive._index.path)
            if archive._bulk is not None:
                archive._bulk.add(fresh, kinds, updated)
                return
            archive._index_checked = False  # if the index write fails, the next search repairs it
            if updated:  # only documents indexed before have passages to remove
                archive._index.delete_documents(updated)
            # one writer per batch in this process: forking Whoosh's two-process writer for
            # every batch cost more than it saved (bench/README.md)
            archive._index.add_documents(fresh, kinds=kinds, replace=False)
            archive._index.set_generation(archive._store.generation())
            archive._index_checked = True
        except (IndexerFailed, OSError, passage_index.IndexError_) as exc:
            # the store has committed the batch: the index is only behind, and is rebuilt
            indexing_failed(archive, exc)


def note_resent(archive: Archive, report: ImportReport) -> None:
    """Find the re-sent stories among the documents a big import stored (they were left
    for now: the indexing process is still writing, so this costs the user no time)."""
    with archive._write_lock:
        report.resent += archive._resent.note_pending()


def indexing_failed(archive: Archive, exc: BaseException) -> None:
    """Stop indexing this import (the indexing process died, the index cannot be written):
    the store keeps everything, and the index is rebuilt from it at the next check."""
    bulk, archive._bulk = archive._bulk, None
    if bulk is not None:
        with contextlib.suppress(Exception):
            bulk.cancel()
    archive._index_failed = last_line(str(exc)) or type(exc).__name__
    archive._index_checked = False


def finish_bulk(archive: Archive, report: ImportReport | None = None) -> None:
    """Commit the background indexer of a big import, if one was started.

    Runs after the last batch, also when the import was cancelled or failed: whatever the
    store committed becomes searchable. If indexing failed, the index is left for the next
    check to rebuild from the store.
    """
    bulk, archive._bulk = archive._bulk, None
    with archive._write_lock:
        if bulk is not None:
            try:
                bulk.commit()
            except IndexerFailed as exc:
                archive._index_failed = last_line(str(exc))
        failed, archive._index_failed = archive._index_failed, None
        if failed is None:
            if bulk is None:
                return
            try:
                archive._index.refresh()
                archive._index.set_generation(archive._store.generation())
                archive._index_checked = True
                upkeep.sync_index_kinds(archive)  # the timeline's corrections reach the kind field
                return
            except (OSError, passage_index.IndexError_) as exc:  # e.g. a full disk
                failed = last_line(str(exc)) or type(exc).__name__
        archive._index_checked = False  # the next search rebuilds it from the store
        message = (
            f"Indexing the import failed ({failed}); the search index will be rebuilt from "
            "the archive (where every stored document is) at the next search."
        )
        archive.notice = message
        archive._notices.append(message)
        if report is not None:
            report.notices.append(message)


def summarize(archive: Archive, doc: Document, *, replace: bool = True) -> None:
    """Store the automatic summary and gists of ``doc`` (``replace=False``: it has none yet)."""
    sentences = summaries.split_document(doc)  # split and classified once, for both
    archive._store.put_summary(
        doc.id,
        summaries.summarize(doc, sentences=sentences),
        summaries.passage_gists(doc, sentences=sentences),
        replace=replace,
    )


def reextract(archive: Archive, *, progress: Progress | None = None) -> int:
    """Re-run date, event, people and summary extraction on every stored document (user data
    kept).

    For when the extraction improves: stored texts are re-read, derived rows replaced, the
    timeline merged again and the index's event kinds refreshed.
    """
    archive._require_writable()
    total = archive._store.count("documents")
    done = 0
    with archive._write_lock:
        batch: list[Document] = []
        for doc in archive._store.iter_documents():
            batch.append(doc)
            if len(batch) >= BATCH:
                reextract_batch(archive, batch)
                done += len(batch)
                batch = []
                if progress is not None:
                    progress(done, total, "extracting")
        if batch:
            reextract_batch(archive, batch)
            done += len(batch)
        archive._store.set_meta(people_ops.PEOPLE_META, str(people.PEOPLE_VERSION))
    archive.rebuild_timeline()
    archive.reindex(progress=progress)
    return done


def reextract_batch(archive: Archive, docs: list[Document]) -> None:
    with archive._store.transaction():
        for doc in docs:
            archive._store.put_mentions(doc.id, timeline.extract_mentions(doc))
            summarize(archive, doc)
        people_ops.put_appearances(archive, docs)


def upgrade_timeline(archive: Archive) -> None:
    """Read every document's meetings again when the timeline grammar changed since the
    archive was last written (the user's corrections are replayed on the new timeline)."""
    with archive._write_lock:
        batch: list[Document] = []
        for doc in archive._store.iter_documents():
            batch.append(doc)
            if len(batch) >= BATCH:
                put_mentions(archive, batch)
                batch = []
        put_mentions(archive, batch)
        with archive._store.transaction():
            archive._store.set_meta(TIMELINE_GRAMMAR, str(timeline.GRAMMAR_VERSION))
        archive.rebuild_timeline()


def put_mentions(archive: Archive, docs: list[Document]) -> None:
    with archive._store.transaction():
        for doc in docs:
            archive._store.put_mentions(doc.id, timeline.extract_mentions(doc))


def items_ticker(
    progress: Progress | None, before: int, total: int
) -> Callable[[int], None] | None:
    """The progress of a batch of items: ``before`` were done before it."""
    if progress is None:
        return None

    def tick(done: int) -> None:
        progress(before + done, total, "")

    return tick


def file_ticker(
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
