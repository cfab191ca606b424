"""Nothing lost, nobody surprised: damaged index, full disk, read-only folder, two instances, doctor."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wpk_archive.core import archive as archive_module
from wpk_archive.core.archive import Archive, ReadOnlyArchive, StoreError, open_archive
from wpk_archive.core.ingest import document_from_text


def _doc_count(folder: Path) -> int:
    conn = sqlite3.connect(folder / "archive.sqlite")
    try:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        conn.close()


def _article(tmp_path: Path, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text("Orchard news\n\nThe orchard plenum was held in Pyongyang.", encoding="utf-8")
    return path


@pytest.mark.parametrize("damage", ["missing", "truncated", "garbage", "stale", "analyzer"])
def test_a_damaged_index_is_rebuilt_from_the_store(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "a"
    with open_archive(folder) as archive:
        archive.import_paths([_article(tmp_path)])
        expected = archive.search("orchard").total
    index = folder / "index"
    if damage == "missing":
        import shutil

        shutil.rmtree(index)
    elif damage in ("truncated", "garbage"):
        for f in index.iterdir():
            if f.suffix in (".toc", ".seg", ".trm", ".pst", ".fdt") or f.name.endswith(".toc"):
                data = f.read_bytes()
                f.write_bytes(data[: len(data) // 3] if damage == "truncated" else b"\x00junk" * 10)
    elif damage == "stale":
        with open_archive(folder) as archive:  # a document stored while the index missed it
            late = document_from_text("Late\n\nA late orchard article.", origin="test:late")
            archive._store.put_document(late, origin="test:late")
        expected += 1
    elif damage == "analyzer":
        stamp = index / "wpk_index.json"
        data = json.loads(stamp.read_text(encoding="utf-8"))
        data["analyzer_version"] = -1
        stamp.write_text(json.dumps(data), encoding="utf-8")
    with open_archive(folder) as archive:
        result = archive.search("orchard")
        assert result.total == expected
        assert archive._index.doc_ids() == archive._store.document_ids()


def test_full_disk_gives_a_clear_error_and_leaves_the_archive_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    with open_archive(folder) as archive:
        before = archive.stats()
        pages = archive._store.db.execute("PRAGMA page_count").fetchone()[0]
        archive._store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
        big = tmp_path / "big.txt"
        big.write_text(
            "Big\n\n" + ("A long paragraph about the orchard plenum. " * 40 + "\n\n") * 300,
            encoding="utf-8",
        )
        with pytest.raises(StoreError, match=r"full: the import stopped. Stored and kept: 0 doc"):
            archive.import_paths([big])
        assert archive.stats() == before
        assert archive._store.integrity_check() == "ok"
    assert _doc_count(folder) == 2


def test_read_only_folder_opens_read_only_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "a"
    open_archive(folder).close()
    monkeypatch.setattr(archive_module.os, "access", lambda path, mode: mode != os.W_OK)
    with open_archive(folder) as archive:
        assert archive.readonly and archive.notice and "cannot be written" in archive.notice
        assert archive.search("congress").total > 0
        with pytest.raises(ReadOnlyArchive):
            archive.import_paths([_article(tmp_path)])
    assert _doc_count(folder) == 2


def test_unwritable_database_file_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    with open_archive(folder) as archive:
        archive._store.db.execute("PRAGMA query_only = ON")  # writes now fail as on a read-only file
        with pytest.raises(StoreError, match=r"cannot be written|could not be written"):
            archive.import_paths([_article(tmp_path)])
        archive._store.db.execute("PRAGMA query_only = OFF")
        assert archive.stats()["documents"] == 2


def test_two_instances_never_show_lock_errors(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    with open_archive(folder) as first:
        with open_archive(folder) as second:
            assert second.readonly and "read-only" in (second.notice or "")
            assert second.search("congress").total > 0
            with pytest.raises(ReadOnlyArchive, match="read-only"):
                second.import_paths([_article(tmp_path)])
            first.import_paths([_article(tmp_path)])  # the first keeps working meanwhile
            assert second.search("orchard").total_documents == 1  # it sees the new article
        assert first.search("orchard").total_documents == 1


def test_doctor_reports_and_repairs_orphans_index_and_timeline(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    with open_archive(folder) as archive:
        archive._store.db.execute("PRAGMA foreign_keys = OFF")
        archive._store.db.execute(
            "INSERT INTO passages(doc_id, ordinal, start, \"end\", text) VALUES ('gone', 1, 0, 4, 'gone')"
        )
        archive._store.set_meta("timeline_stale", "1")
        archive._store.db.execute("PRAGMA foreign_keys = ON")
        import shutil

        archive._index.close()
        shutil.rmtree(folder / "index")
        report = "\n".join(archive.doctor())
        assert "SQLite integrity: ok" in report
        assert "orphan rows: 1 in passages; removed 1" in report
        assert "timeline: was out of date; merged again" in report
        assert "search index:" in report and "rebuilt" in report
        again = "\n".join(archive.doctor())
        assert "orphan rows: none" in again and "search index: ok" in again


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_any_query_string_never_raises(
    tmp_path_factory: pytest.TempPathFactory, query: str
) -> None:
    archive = _shared_archive(tmp_path_factory)
    result = archive.search(query)
    assert result.total >= 0


_ARCHIVES: dict[str, Archive] = {}


def _shared_archive(factory: pytest.TempPathFactory) -> Archive:
    if "a" not in _ARCHIVES:
        _ARCHIVES["a"] = open_archive(factory.mktemp("hyp") / "a")
    return _ARCHIVES["a"]
