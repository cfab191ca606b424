"""Upkeep: the timeline merged again, the search index checked against the store, kept in
step, rebuilt, and the doctor's checks and repairs.

Every function takes the open archive (:class:`wpk_archive.core.archive.Archive` delegates to
these).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from wpk_archive.core import corrections, timeline
from wpk_archive.core import search as passage_index
from wpk_archive.core import store as store_module
from wpk_archive.core.chronology import Chronology, load_chronology
from wpk_archive.core.models import Event
from wpk_archive.core.operations.common import (
    CHRONOLOGY_NAME,
    CORRECTION_ISSUES,
    TIMELINE_STALE,
    ArchiveError,
    Progress,
    StoreError,
)
from wpk_archive.core.store import damage_marks
from wpk_archive.core.store import salvage as store_salvage

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive

_T = TypeVar("_T")


def chronology(archive: Archive) -> Chronology:
    """The reference chronology: the shipped table and the archive folder's chronology.tsv."""
    if archive._chronology is None:
        archive._chronology = load_chronology([archive.folder / CHRONOLOGY_NAME])
        if archive._chronology.messages:
            skipped = "Some rows of your chronology.tsv were skipped: " + "; ".join(
                archive._chronology.messages[:5]
            )
            archive.notice = f"{archive.notice} {skipped}" if archive.notice else skipped
            archive._notices.append(skipped)
    return archive._chronology


def rebuild_timeline(archive: Archive) -> list[Event]:
    """Merge every stored event mention into the timeline, then replay the user's corrections.

    The user's corrections and gists follow their meeting when its id changes (a new grammar
    or chronology identifies it differently): to the new event holding most of its sources.
    """
    archive._require_writable()
    with archive._write_lock:
        merged = timeline.merge_mentions(archive._store.all_mentions(), archive.chronology())
        moves = moved_events(archive._store.all_events(), merged)
        if moves:
            archive._store.retarget_event_data(moves)
        applied = corrections.apply_to_events(
            merged, archive._store.corrections(target_type="event")
        )
        archive._resent.count_independent(applied.events)  # a re-sent story counts once
        archive.orphan_corrections = applied.orphans
        archive.failed_corrections = applied.failed
        issues = corrections.describe_issues(applied)
        with archive._store.transaction():
            archive._store.replace_events(applied.events)
            archive._store.set_meta(TIMELINE_STALE, "0")
            archive._store.set_meta(CORRECTION_ISSUES, json.dumps(issues))
        sync_index_kinds(archive, applied.events)
        return applied.events


def take_notices(archive: Archive) -> list[str]:
    """Notices raised since the last call (indexing failed, index rebuilt or out of date),
    for the status bar or stderr; each is given once."""
    taken, archive._notices = archive._notices, []
    return taken


def timeline_kinds(
    archive: Archive, events: list[Event] | None = None
) -> dict[tuple[str, int], set[str]]:
    """The event kinds each passage names on the corrected timeline (rejected events left
    out): what the index's kind field holds."""
    if events is None:
        events = archive._store.events()
    return passage_index.kinds_by_passage(events)


def reindex_documents(
    archive: Archive, doc_ids: Iterable[str], deleted: Iterable[str] = ()
) -> None:
    """Index again the documents whose fields changed, and drop the deleted ones (instead of
    rebuilding the whole index)."""
    changed = sorted(set(doc_ids))
    gone = sorted(set(deleted))
    if not changed and not gone:
        return
    with archive._write_lock:
        ensure_index(archive, for_edit=True)
        if gone:
            archive._index.delete_documents(gone)
        docs = [d for d in (archive._store.document(i) for i in changed) if d is not None]
        if docs:
            archive._index.add_documents(docs, kinds=timeline_kinds(archive), replace=True)
        archive._index.set_generation(archive._store.generation())


def sync_index_kinds(archive: Archive, events: list[Event] | None = None) -> int:
    """Re-index the documents whose passages' event kinds changed on the timeline (a
    correction, a rejection, a join); returns how many. Not during a big import (its
    indexing process owns the index; it syncs when it is done)."""
    if archive.readonly or archive._bulk is not None:
        return 0
    try:
        if not archive._index.exists():
            return 0
        wanted = timeline_kinds(archive, events)
        have = archive._index.passage_kinds()
    except passage_index.IndexError_:
        return 0  # the next check rebuilds the index, kinds and all
    changed = sorted(
        {k[0] for k in set(wanted) | set(have) if wanted.get(k, set()) != have.get(k, set())}
    )
    docs = [d for d in (archive._store.document(i) for i in changed) if d is not None]
    if docs:
        with archive._write_lock:
            try:
                archive._index.add_documents(docs, kinds=wanted, replace=True)
            except passage_index.IndexError_:
                archive._index_checked = False  # locked or damaged: the next check syncs it
                return 0
            if archive._index_checked:
                archive._index.set_generation(archive._store.generation())
    return len(docs)


def prepare_search(archive: Archive) -> None:
    """Open the index and read its per-passage lookups now (the app calls this in the
    background after opening), so the first search does not wait for them: at 200,000
    articles they take about a second."""
    ensure_index(archive)
    archive._index.warm_up()


def check_index(archive: Archive, progress: Progress | None = None) -> str | None:
    """Bring the index into step with the store; a message for the user when it was rebuilt."""
    with archive._write_lock:
        before = archive._index_checked
        archive._index_checked = False
        rebuilt: list[bool] = []

        def note(done: int, total: int, what: str) -> None:
            rebuilt.append(True)
            if progress is not None:
                progress(done, total, what)

        try:
            ensure_index(archive, progress=note)
        finally:
            archive._index_checked = archive._index_checked or before
    if rebuilt:
        return (
            "The search index was missing, damaged or out of date and has been rebuilt "
            "from the archive. Nothing was lost."
        )
    return None


def ensure_index(
    archive: Archive,
    progress: Progress | None = None,
    *,
    thorough: bool = False,
    for_edit: bool = False,
) -> None:
    """Rebuild the index from the store when it is missing, damaged or out of step.

    For a read (not ``for_edit``), an index that opens but is out of step is not removed
    when the disk has no room for a new one: it is searched as it is, with a notice.

    The quick check reads only the index's stamp (its analyzer version and the store
    generation it reflects) and leaves the index closed: opening it maps ~200 MB at 20,000
    articles, which waits for the first search. ``thorough`` opens it and compares contents.
    """
    if archive._bulk is not None or (archive._index_checked and not thorough):
        return  # (during a big import the indexer owns the index; it is checked after)
    if (
        not thorough
        and archive._index.exists()
        and archive._index.generation == archive._store.generation()
    ):
        archive._index_checked = True
        return
    readable = False
    try:
        archive._index.close()
        archive._index.open()
        readable = True
        generation = archive._store.generation()
        # the cheap check first: the index says which store generation it reflects
        stale = archive._index.generation != generation and (
            archive._index.doc_ids() != archive._store.document_ids()
        )
        if not stale and not archive.readonly and archive._index.generation != generation:
            with contextlib.suppress(OSError):  # a full disk: the stamp stays as it was
                archive._index.set_generation(generation)
    except passage_index.IndexError_:
        stale = True
    had_index = any(archive._index.path.glob("*.toc")) if archive._index.path.exists() else False
    if stale:
        if archive.readonly:
            archive._notices.append("The search index is out of date (opened read-only).")
        elif readable and not for_edit and not room_to_rebuild(archive):
            # rebuilding starts by removing the old index: without room for the new one,
            # searching the old one is better than nothing
            archive._notices.append(
                "The search index is out of date, and the disk has no room to rebuild it: "
                "searching it as it is (recent changes may be missing). Free some space."
            )
            return
        else:
            archive.reindex(progress=progress)
        if not archive.readonly and had_index:  # a new archive's first index is no news
            archive._notices.append(
                "The search index was missing, damaged, out of date or not written by this "
                "installation; it was rebuilt from the archive. Nothing was lost."
            )
    archive._index_checked = True


def room_to_rebuild(archive: Archive) -> bool:
    """Whether the disk can hold a new index beside the store (twice the old one, 10 MB at
    least)."""
    try:
        used = sum(f.stat().st_size for f in archive._index.path.iterdir() if f.is_file())
    except OSError:
        used = 0
    return not store_module.disk_full(archive.folder, room=max(10 << 20, 2 * used))


def reindex(archive: Archive, *, progress: Progress | None = None) -> int:
    """Rebuild the whole index from the store; returns the number of passages indexed."""
    archive._require_writable()
    total = archive._store.count("documents")
    kinds = timeline_kinds(archive)
    archive._index.create()

    def step(n: int) -> None:
        if progress is not None and (n % 200 == 0 or n == total):
            progress(n, total, "indexing")

    count = archive._index.add_documents(
        archive._store.iter_documents(),
        kinds=kinds,
        replace=False,
        large=total >= 200,
        progress=step,
    )
    archive._index.set_generation(archive._store.generation())
    archive._index_checked = True
    return count


def read_index(archive: Archive, run: Callable[[], _T]) -> _T:
    """``run()`` over a checked index; damage found while reading rebuilds it (as a search
    does)."""
    ensure_index(archive)
    try:
        return run()
    except passage_index.IndexError_ as exc:
        if archive.readonly:
            raise ArchiveError(
                f"The search index is damaged ({exc}) and the archive is open read-only: "
                "open it where it can be written (or run doctor) to rebuild it."
            ) from exc
        with archive._write_lock:
            archive.reindex()
        archive._notices.append(
            f"The search index could not be read ({exc}); it was rebuilt from the archive. "
            "Nothing was lost."
        )
        return run()


def doctor(archive: Archive, *, repair: bool = True) -> list[str]:
    """Check the archive and repair what can be repaired safely; one line per finding.

    Checks SQLite's integrity, the schema version, derived rows left without their document,
    documents without passages, the timeline and the search index. Repairs never touch
    user-authored data (summaries, gists, corrections).
    """
    from wpk_archive.core.store import SCHEMA_VERSION

    lines: list[str] = []
    try:
        verdict = archive._store.integrity_check()
    except StoreError as exc:
        verdict = exc.reason
    if verdict != "ok":
        # a damaged store: a verdict and what can be salvaged, no repair attempted in it;
        # the note left beside it (not in it) keeps every later open from writing into it
        damage_marks.mark_damaged(archive.folder, f"SQLite integrity check: {verdict}")
        return store_salvage.verdict(archive._store.path).lines
    lines.append("SQLite integrity: ok")
    if repair and not archive.readonly:
        damage_marks.clear_damage_mark(archive.folder)
    version = archive._store.schema_version
    lines.append(
        f"schema version: {version}"
        + ("" if version == SCHEMA_VERSION else f" (this program expects {SCHEMA_VERSION})")
    )
    orphans = {t: n for t, n in archive._store.orphan_counts().items() if n}
    if orphans:
        found = ", ".join(f"{n} in {t}" for t, n in orphans.items())
        if repair and not archive.readonly:
            lines.append(f"orphan rows: {found}; removed {archive._store.delete_orphans()}")
        else:
            lines.append(f"orphan rows: {found}")
    else:
        lines.append("orphan rows: none")
    empty = archive._store.documents_without_passages()
    if empty:
        lines.append(f"documents without passages: {len(empty)} ({', '.join(empty[:5])})")
    lines.extend(archive.detached_user_data())
    issues = archive.correction_issues(fresh=True)
    if issues:
        lines.append(f"corrections that do nothing now: {len(issues)} (kept; see corrections list)")
        for correction_id, why in list(issues.items())[:20]:
            lines.append(f"  correction #{correction_id}: {why}")
    else:
        lines.append("corrections: all apply")
    stale = archive._store.get_meta(TIMELINE_STALE) == "1"
    if stale and repair and not archive.readonly:
        archive.rebuild_timeline()
        lines.append("timeline: was out of date; merged again")
    else:
        lines.append("timeline: " + ("out of date" if stale else "ok"))
    try:
        archive._index.open()
        problems = passage_index.compare_passages(
            archive._index.passage_keys(), archive.store_passage_keys()
        )
        if not problems and archive._index.passage_kinds() != timeline_kinds(archive):
            problems = ["event kinds differ from the corrected timeline"]
    except passage_index.IndexError_ as exc:
        problems = [str(exc)]
    if not problems:
        lines.append(f"search index: ok ({archive._index.passage_count()} passages)")
    elif repair and not archive.readonly:
        count = archive.reindex()
        lines.append(
            f"search index: {'; '.join(problems)}; rebuilt from the store ({count} passages)"
        )
    else:
        lines.append(f"search index: {'; '.join(problems)} (run doctor to rebuild)")
    return lines


def store_passage_keys(archive: Archive) -> list[tuple[str, int]]:
    """(document id, passage) of every passage in the store."""
    return [(p.doc_id, p.ordinal) for d in archive._store.iter_documents() for p in d.passages]


def moved_events(old: list[Event], new: list[Event]) -> dict[str, str]:
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
