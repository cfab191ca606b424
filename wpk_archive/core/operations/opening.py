"""Opening an archive folder, for the gateway's constructor (:class:`wpk_archive.core.archive.Archive`).

Two steps: :func:`open_folder` creates the folder, takes the archive lock, checks the store for
damage and opens it (read-only when asked, when another program holds the lock, when the folder
cannot be written, when the store was found damaged or the disk is full), before the archive
object exists; :func:`finish_opening` then brings a just-opened archive up to date (the bundled
articles into a new one; people and timeline extracted again after a new extraction or grammar; a
timeline merge an import left unfinished) and notes the corrections that could not be applied.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wpk_archive.core import people, timeline
from wpk_archive.core import store as store_module
from wpk_archive.core.locking import ArchiveLock
from wpk_archive.core.operations import importing, records
from wpk_archive.core.operations import people as people_ops
from wpk_archive.core.operations.common import (
    DB_NAME,
    TIMELINE_GRAMMAR,
    TIMELINE_STALE,
    ArchiveError,
    StoreDamaged,
    StoreError,
)
from wpk_archive.core.store import Store, damage_marks
from wpk_archive.core.store import salvage as store_salvage

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive


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


@dataclass
class OpenedFolder:
    """An archive folder with its store open: what :func:`open_folder` found and took."""

    store: Store
    lock: ArchiveLock
    is_new: bool
    """The folder held no store before (one was created)."""
    readonly: bool
    readonly_reason: str | None
    """Why the archive opened read-only when it was not asked to (None otherwise)."""
    held_elsewhere: bool
    """Read-only because another program (the app) holds the archive for writing."""


def open_folder(folder: Path, readonly: bool) -> OpenedFolder:
    """Create the folder if needed, take the archive lock and open the store (see
    :func:`wpk_archive.core.archive.open_archive` for when it opens read-only)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(f"cannot create the archive folder {folder}: {exc.strerror}") from exc
    db_path = folder / DB_NAME
    is_new = not db_path.exists()
    lock_file = ArchiveLock(folder / "archive.lock")
    readonly_reason: str | None = None
    held_elsewhere = False
    if not readonly and not is_new and not _writable(folder, db_path):
        readonly = True
        readonly_reason = (
            f"The archive folder {folder} cannot be written: opened read-only. "
            "Check its permissions to make changes."
        )
    elif not readonly and not lock_file.acquire():
        readonly = True
        held_elsewhere = True
        readonly_reason = (
            "Another WPK Archive window has this archive open: opened read-only. "
            "Close the other one to make changes here."
        )
    if readonly and is_new:
        raise ArchiveError(f"{folder} holds no archive yet, and it cannot be created read-only")
    damage = None if is_new else store_salvage.precheck(db_path)
    if damage:
        lock_file.release()
        raise StoreDamaged(
            f"The archive's store {db_path} is damaged: {damage}. Nothing was changed. "
            "Run `wpk-archive doctor --check-only` for a verdict, and `wpk-archive doctor "
            "--salvage NEW_FOLDER` to copy what can be read into a new archive.",
            f"The archive's store {db_path} is damaged: {damage}",
        )
    marked = damage_marks.damage_mark(folder)
    if marked and not readonly:
        readonly = True
        readonly_reason = (
            f"The archive's store was found damaged ({marked}): opened read-only. Run "
            "`wpk-archive doctor` for a verdict; nothing more is written into it."
        )
    try:
        store = _open_store(db_path, readonly)
    except store_module.OPEN_ERRORS as exc:
        lock_file.release()
        if isinstance(exc, StoreError):
            raise
        raise ArchiveError(f"The archive's store {db_path} cannot be opened ({exc}).") from exc
    if store.readonly and not readonly:
        readonly = True  # the disk is full: reading works, writing cannot (the lock is
        # kept, so nobody writes under a reader that may be reading the file as immutable)
        readonly_reason = (
            f"The disk holding {folder} is full: opened read-only. Searching, reading and "
            "exporting work; free some space to make changes."
        )
    elif store.immutable and not marked:
        readonly_reason = (
            f"{folder} is on a read-only disk or folder: opened read-only, as it was last "
            "saved. Search, reading and export work; changes cannot be saved there."
        )
    return OpenedFolder(
        store=store,
        lock=lock_file,
        is_new=is_new,
        readonly=readonly,
        readonly_reason=readonly_reason,
        held_elsewhere=held_elsewhere,
    )


def finish_opening(archive: Archive, *, is_new: bool, bundled: bool) -> None:
    """Bring a just-opened archive up to date, and add to its notice the corrections that could
    not be applied (the end of the gateway's constructor)."""
    readonly = archive.readonly
    if is_new:
        archive._store.set_meta(TIMELINE_GRAMMAR, str(timeline.GRAMMAR_VERSION))
        archive._store.set_meta(people_ops.PEOPLE_META, str(people.PEOPLE_VERSION))
    elif not readonly and archive._store.get_meta(people_ops.PEOPLE_META) != str(
        people.PEOPLE_VERSION
    ):
        with archive._write_lock:  # written by an earlier people extraction (or before it)
            people_ops.upgrade(archive, importing.BATCH)
    if is_new and bundled:
        archive.import_bundled()
    elif not readonly and archive._store.get_meta(TIMELINE_GRAMMAR) != str(
        timeline.GRAMMAR_VERSION
    ):
        importing.upgrade_timeline(archive)  # written by an earlier timeline grammar
    elif not readonly and archive._store.get_meta(TIMELINE_STALE) == "1":
        try:
            archive.rebuild_timeline()  # an import was cut off before it merged the timeline
        except StoreError as exc:
            archive.notice = (
                f"The timeline could not be merged again ({exc.reason}): it shows the state "
                "before the last import until it can be."
            )
    broken = [
        why for why in records.stored_issues(archive).values() if why.startswith("not applied")
    ]
    if broken:
        note = (
            f"{len(broken)} of your corrections could not be applied and were skipped "
            "(wpk-archive corrections list shows them; corrections remove ID deletes one)."
        )
        archive.notice = f"{archive.notice} {note}" if archive.notice else note
