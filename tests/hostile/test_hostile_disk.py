"""A full disk: reading never waits for room (opening needs no write), a failed import says
exactly what was stored and what was not, never exits 0, and the archive stays sound.

The disk is a small tmpfs mounted for the test (skipped where mounting is not allowed).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.conftest import cli, count, crashed, integrity, record


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("a small disk cannot be mounted here (needs root and tmpfs)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk, then free ``leave`` bytes; returns the filler file."""
    filler = disk / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for chunk in (1 << 20, 4096, 512):
            while True:
                try:
                    os.write(fd, b"\0" * chunk)
                except OSError:
                    break
        os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    finally:
        os.close(fd)
    return filler


def _feed(path: Path, n: int, start: int = 0) -> Path:
    rows = (
        {
            "title": f"Orchard report {i}",
            "text": f"The plenum on orchards number {i} met in Pyongyang. " * 25
            + "\n\nRice planting went on in the province.",
        }
        for i in range(start, start + n)
    )
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def test_a_full_disk_never_blocks_reading(small_disk: Path, tmp_path: Path) -> None:
    archive = small_disk / "archive"
    assert cli(archive, "import", str(_feed(tmp_path / "a.jsonl", 50))).returncode == 0
    filler = _fill(small_disk)
    search = cli(archive, "search", "orchards", "--json")
    timeline = cli(archive, "timeline")
    article = tmp_path / "new.txt"
    article.write_text("New\n\nThe wheat plenum met.", encoding="utf-8")
    imp = cli(archive, "import", str(article))
    reading = search.returncode == 0 and json.loads(search.stdout or "{}").get("total", 0) >= 50
    outcome = "crashed" if crashed(search) or crashed(imp) or not reading else "refused"
    record("search, timeline and import on a full disk", outcome)
    assert reading, search.stderr
    assert timeline.returncode == 0 and "full" in search.stderr, timeline.stderr
    assert imp.returncode != 0 and "full" in imp.stderr and not crashed(imp), imp.stderr
    filler.unlink()
    again = cli(archive, "import", str(article))
    assert again.returncode == 0 and "1 added" in again.stdout, again.stderr
    assert integrity(archive) == "ok"


def test_an_import_cut_off_by_a_full_disk_says_what_was_stored(
    small_disk: Path, tmp_path: Path
) -> None:
    archive = small_disk / "archive"
    assert cli(archive, "timeline").returncode == 0
    before = count(archive)
    filler = _fill(small_disk, leave=3 << 20)
    feed = _feed(tmp_path / "big.jsonl", 3_000)
    proc = cli(archive, "import", str(feed))
    stored = count(archive) - before
    said = re.search(r"Stored and kept: (\d+) document", proc.stderr)
    exact = said is not None and int(said.group(1)) == stored
    outcome = (
        "crashed"
        if crashed(proc)
        else ("refused" if exact and proc.returncode else "wrongly accepted")
    )
    record("an import cut off by a full disk", outcome)
    assert outcome == "refused", f"{proc.returncode} {stored}\n{proc.stderr}"
    assert "Not stored:" in proc.stderr and "nothing was written" not in proc.stderr
    assert 0 < stored < 3_000, "part went in before the disk filled"
    assert integrity(archive) == "ok"
    # while the disk stays full, searching still answers (from the index as it is)
    full = cli(archive, "search", "congress", "--json")
    assert full.returncode == 0 and not crashed(full), full.stderr
    assert json.loads(full.stdout)["total"] >= 1
    # with room again, importing the same file adds exactly what was missing
    filler.unlink()
    again = cli(archive, "import", str(feed))
    assert again.returncode == 0, again.stderr
    assert count(archive) == before + 3_000
    found = json.loads(cli(archive, "search", "orchards", "--json").stdout)
    assert found["total"] >= 3_000
