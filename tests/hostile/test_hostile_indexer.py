"""Killing the indexing process during a big import ends in "the index will be rebuilt", never a
traceback or an aborted import: every document is stored, and the next search rebuilds the
index from the store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.conftest import HANG_GUARD, REPO, cli, count, integrity, record

ARTICLES = 2_000


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of the direct children of ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == pid:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                found.append((int(entry.name), command))
        except (OSError, ValueError, IndexError):
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the child through /proc")
@pytest.mark.parametrize("delay", [0.0, 0.5, 1.5])
def test_killing_the_indexing_process_never_aborts_the_import(
    archive_dir: Path, tmp_path: Path, delay: float
) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = (
        {
            "title": f"Orchard report {i}",
            "text": f"The plenum on orchards number {i} met. " * 30 + "\n\nRice planting went on.",
        }
        for i in range(ARTICLES)
    )
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    before = count(archive_dir)
    env = {**os.environ, "PYTHONPATH": str(REPO), "WPK_BULK_INDEXING": "1"}
    command = [
        sys.executable,
        "-m",
        "wpk_archive",
        "--archive",
        str(archive_dir),
        "import",
        str(feed),
    ]
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    killed = False
    deadline = time.monotonic() + HANG_GUARD
    seen_at: float | None = None
    while proc.poll() is None and time.monotonic() < deadline and not killed:
        workers = [p for p, c in _children(proc.pid) if "indexer" in c or "--index-worker" in c]
        if workers and seen_at is None:
            seen_at = time.monotonic()
        if workers and seen_at is not None and time.monotonic() - seen_at >= delay:
            for pid in workers:
                os.kill(pid, signal.SIGKILL)
            killed = True
        time.sleep(0.02)
    try:
        out, err = proc.communicate(timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        err += "\nHUNG"
    if not killed:
        pytest.skip("the import ended before its indexing process could be killed")
    stored = count(archive_dir) - before
    crashed = "Traceback" in err or "HUNG" in err or proc.returncode != 0
    outcome = "crashed" if crashed or stored != ARTICLES else "refused"
    record(f"the indexing process killed after {delay} s", outcome)
    assert outcome == "refused", (proc.returncode, out, err)
    assert "index will be rebuilt" in err, err
    # the next search rebuilds the index from the store: every article is found
    found = cli(archive_dir, "search", "orchards", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] >= ARTICLES
    assert integrity(archive_dir) == "ok"
    assert cli(archive_dir, "doctor", "--check-only").returncode == 0
