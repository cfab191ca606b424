"""The store's connections: reads never wait for a write batch, and an archive on read-only media
or a full disk opens for reading (issue #15 §3, issue #18 items 7 and 8)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from wpk_archive.core.archive import ReadOnlyArchive, open_archive
from wpk_archive.core.export import timeline_export
from wpk_archive.core.store import Store

HANG = 60.0
"""Seconds after which a read that has not returned is taken as blocked (a hang guard, not a
performance limit: an unblocked read takes milliseconds)."""


def _store(tmp_path: Path) -> Store:
    open_archive(tmp_path / "a").close()
    return Store(tmp_path / "a" / "archive.sqlite")


def test_a_read_does_not_wait_for_a_write_transaction(tmp_path: Path) -> None:
    store = _store(tmp_path)
    before = store.count("documents")
    inside = threading.Event()
    release = threading.Event()

    def write() -> None:
        with store.transaction():
            store.db.execute("INSERT INTO meta(key, value) VALUES ('pending', 'yes')")
            store.db.execute("DELETE FROM documents")
            inside.set()
            release.wait(HANG)  # a write batch that is still running

    writer = threading.Thread(target=write)
    writer.start()
    assert inside.wait(HANG)
    seen: list[object] = []
    reader = threading.Thread(
        target=lambda: seen.extend([store.get_meta("pending"), store.count("documents")])
    )
    reader.start()
    reader.join(HANG)
    blocked = reader.is_alive()
    release.set()
    writer.join()
    reader.join()
    store.close()
    assert not blocked, "the read waited for the write transaction"
    assert seen == [None, before]  # the last committed state, not the half-written one


def test_the_writer_reads_its_own_rows_inside_its_transaction(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with store.transaction():
        store.set_meta("pending", "yes")
        assert store.get_meta("pending") == "yes"
    assert store.get_meta("pending") == "yes"
    store.close()


def test_a_snapshot_reads_one_committed_state(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with store.snapshot():
        first = store.count("documents")
        other = threading.Thread(
            target=lambda: store.delete_document(
                store.list_documents()[0]["id"], with_user_data=True
            )
        )
        other.start()
        other.join()
        assert store.count("documents") == first  # the same state until the snapshot ends
    assert store.count("documents") == first - 1
    store.close()


@contextmanager
def read_only_view(folder: Path) -> Iterator[Path]:
    """``folder`` as found on read-only media: a read-only bind mount when root (root may write
    whatever the permissions say), else the folder with its write permissions taken away."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        view = folder.with_name(folder.name + "-ro")
        view.mkdir()
        mounted = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip(f"cannot bind-mount as root here: {mounted.stderr!r}")
        try:
            remount = ["mount", "-o", "remount,bind,ro", str(view)]
            if subprocess.run(remount, capture_output=True).returncode != 0:
                pytest.skip("cannot remount read-only here")
            yield view
        finally:
            subprocess.run(
                ["umount", "-l", str(view)], check=True
            )  # lazy: even if a failure left files open
    else:
        paths = [folder, *folder.rglob("*")]
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(modes[p] & ~0o222)
        try:
            yield folder
        finally:
            for p in reversed(paths):
                p.chmod(modes[p])


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_a_closed_archive_on_read_only_media_opens_for_reading(tmp_path: Path) -> None:
    folder = tmp_path / "dvd"
    open_archive(folder).close()
    before = _listing(folder)
    with read_only_view(folder) as view:
        with open_archive(view) as archive:
            assert archive.readonly
            assert "read-only disk or folder" in (archive.notice or "")
            assert archive.search("congress").total > 0
            doc_id = archive.documents()[0]["id"]
            doc = archive.document(doc_id)
            assert doc is not None and doc.passages
            assert archive.summary(doc_id) is not None
            events = archive.timeline()
            titles = archive.document_titles(s.doc_id for e in events for s in e.sources)
            assert "Conference" in timeline_export(events, "md", titles)
            assert archive.doctor(repair=False)[0] == "SQLite integrity: ok"
            with pytest.raises(ReadOnlyArchive):
                archive.set_user_summary(doc_id, "mine")
        out = subprocess.run(
            [sys.executable, "-m", "wpk_archive", "--archive", str(view), "search", "congress"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        assert "matching passage" in out.stdout
    assert _listing(folder) == before  # nothing was written


@contextmanager
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs (root only), to be filled by the test."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        pytest.skip("mounting a small disk needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr!r}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def _fill(disk: Path) -> None:
    for name, size in (("filler", 65536), ("crumbs", 1)):  # then the last partial block
        with (disk / name).open("wb", buffering=0) as out, suppress(OSError):
            while True:
                out.write(b"\0" * size)
    assert shutil.disk_usage(disk).free == 0


def test_a_full_disk_never_blocks_reading(tmp_path: Path) -> None:
    with full_disk(tmp_path) as disk:
        folder = disk / "a"
        open_archive(folder).close()
        _fill(disk)
        with open_archive(folder) as archive:
            assert archive.readonly and "full" in (archive.notice or "")
            assert archive.search("congress").total > 0
            assert len(archive.timeline()) == 10
        with open_archive(folder, readonly=True) as archive:
            assert archive.search("congress").total > 0
