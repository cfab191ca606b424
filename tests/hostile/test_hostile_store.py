"""A damaged archive.sqlite gets a verdict, never a traceback: every command says the store is
damaged (search included, not "Cannot read the query"), nothing is written into it, `doctor
--check-only` prints "integrity: FAILED" with what can be salvaged and changes nothing in the
store, and `doctor --salvage NEW` copies what is readable into a new archive."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.conftest import cli, crashed, record

ARTICLES = 60


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive with 62 documents, a summary of the user's and a correction."""
    root = tmp_path_factory.mktemp("store")
    feed = root / "feed.jsonl"
    rows = [
        {
            "title": f"Orchard report {i}",
            "date": f"2012-04-{i % 28 + 1:02d}",
            "text": f"The congress of orchard workers number {i} met in Pyongyang. " * 40
            + "\n\n"
            + "A second paragraph on rice planting. " * 30,
        }
        for i in range(ARTICLES)
    ]
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    folder = root / "base"
    assert cli(folder, "import", str(feed)).returncode == 0
    doc = json.loads(cli(folder, "search", "orchard", "--json").stdout)["hits"][0]["doc_id"]
    mine = root / "mine.txt"
    mine.write_text("My own summary of the orchard report.", encoding="utf-8")
    assert cli(folder, "summary", doc, "--set-file", str(mine)).returncode == 0
    event = json.loads(cli(folder, "timeline", "--json").stdout)[0]["id"]
    assert cli(folder, "event", event, "--name", "Renamed by me").returncode == 0
    return folder


def _damage(kind: str, folder: Path) -> None:
    db = folder / "archive.sqlite"
    data = bytearray(db.read_bytes())
    rnd = random.Random(7)
    page = 4096
    if kind == "truncated file":
        db.write_bytes(data[: len(data) * 6 // 10 + 123])
    elif kind == "zeroed header":
        data[:100] = bytes(100)
        db.write_bytes(data)
    elif kind == "garbage pages in the middle":
        middle = len(data) // page // 2
        for p in range(middle, middle + 4):
            data[p * page : (p + 1) * page] = rnd.randbytes(page)
        db.write_bytes(data)
    elif kind == "damaged index b-tree":
        conn = sqlite3.connect(db)
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'documents_content_hash'"
        ).fetchone()
        conn.close()
        data[(root - 1) * page : root * page] = rnd.randbytes(page)
        db.write_bytes(data)
    elif kind == "dropped table":
        conn = sqlite3.connect(db)
        conn.execute("DROP TABLE passages")
        conn.commit()
        conn.close()
    elif kind in ("wrong schema version", "newer schema version"):
        conn = sqlite3.connect(db)
        conn.execute(f"PRAGMA user_version = {1 if kind == 'wrong schema version' else 99}")
        conn.commit()
        conn.close()
    elif kind == "WAL file of garbage":
        (folder / "archive.sqlite-wal").write_bytes(rnd.randbytes(65536))
    elif kind == "empty file":
        db.write_bytes(b"")
    elif kind == "text file":
        db.write_text("these are notes, not a database\n" * 200, encoding="utf-8")
    else:
        raise AssertionError(kind)


READABLE = ("WAL file of garbage",)  # SQLite ignores a WAL whose checksums fail: nothing lost
DAMAGE = (
    "truncated file",
    "zeroed header",
    "garbage pages in the middle",
    "damaged index b-tree",
    "dropped table",
    "wrong schema version",
    "newer schema version",
    "WAL file of garbage",
    "empty file",
    "text file",
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_store_gets_a_verdict_not_a_traceback(
    base: Path, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "archive"
    shutil.copytree(base, folder)
    _damage(kind, folder)
    db = folder / "archive.sqlite"
    before = _digest(db)
    article = tmp_path / "new.txt"
    article.write_text("A new article\n\nThe orchard plenum met again.", encoding="utf-8")
    check = cli(folder, "doctor", "--check-only")
    search = cli(folder, "search", "orchard", "--limit", "1")
    timeline = cli(folder, "timeline")
    runs = [check, search, timeline]
    if any(crashed(p) for p in runs):
        record(f"damaged store: {kind}", "crashed")
        pytest.fail("\n".join(p.stderr for p in runs))
    assert _digest(db) == before, "doctor --check-only and reading change nothing in the store"
    if kind in READABLE:
        assert check.returncode == 0 and "SQLite integrity: ok" in check.stdout
        assert search.returncode == 0 and "matching passage" in search.stdout
        record(f"damaged store: {kind}", "repaired")
        return
    if kind == "newer schema version":
        assert "newer WPK Archive" in search.stderr and search.returncode == 2
        imp = cli(folder, "import", str(article))
        assert imp.returncode == 2 and "newer WPK Archive" in imp.stderr and not crashed(imp)
        record(f"damaged store: {kind}", "refused")
        return
    assert check.returncode == 1 and "integrity: FAILED" in check.stdout, check.stdout
    assert "salvageable:" in check.stdout and "--salvage" in check.stdout
    for proc in (search, timeline):
        clear = proc.returncode == 0 or "damaged" in proc.stderr
        assert clear and "Cannot read the query" not in proc.stdout + proc.stderr, proc.stderr
    # nothing is written into it (doctor found the damage), with a clear message
    imp = cli(folder, "import", str(article))
    assert imp.returncode == 2 and "damaged" in imp.stderr and not crashed(imp), imp.stderr
    assert _digest(db) == before
    # what is readable goes into a new archive
    salvaged = tmp_path / "salvaged"
    out = cli(folder, "doctor", "--salvage", str(salvaged))
    assert not crashed(out), out.stderr
    if kind in ("empty file", "text file"):
        assert out.returncode in (0, 2) and ("nothing" in out.stdout + out.stderr)
    else:
        assert out.returncode == 0 and f"salvaged into {salvaged}" in out.stdout, out.stderr
        found = json.loads(cli(salvaged, "search", "orchard", "--json").stdout)
        assert found["total"] > 0
        if kind in (
            "zeroed header",
            "damaged index b-tree",
            "dropped table",
            "wrong schema version",
        ):
            assert f"{ARTICLES + 2} documents" in out.stdout, "everything is salvaged"
            assert "1 of your summaries" in out.stdout and "1 of your corrections" in out.stdout
            assert cli(salvaged, "doctor", "--check-only").returncode == 0
    record(f"damaged store: {kind}", "refused")
