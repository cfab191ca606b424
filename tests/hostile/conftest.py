"""The hostile-input suite: each case is a bad input that must get a clear refusal (naming the
file and the problem) while the rest goes in, the archive stays intact and nothing hangs.

Risky cases run the real command line in a subprocess under a timeout (a hang guard, not a speed
limit). Every case records its outcome in a tally printed at the end of the run:
``refused`` (a clear refusal), ``repaired`` (taken, with a note, as intended), ``wrongly
accepted`` (stored as given although it is bad) or ``crashed`` (a traceback, a hang, or an
archive that no longer opens).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
HANG_GUARD = 300
"""Seconds before a subprocess counts as hung (a guard against hangs, not a speed limit)."""

_TALLY: Counter[str] = Counter()
_CASES: list[tuple[str, str]] = []


def record(case: str, outcome: str) -> str:
    """Count one hostile input's outcome (see the module doc); returns the outcome."""
    assert outcome in ("refused", "repaired", "wrongly accepted", "crashed"), outcome
    _TALLY[outcome] += 1
    _CASES.append((case, outcome))
    return outcome


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _CASES:
        return
    counts = ", ".join(
        f"{name} {_TALLY[name]}" for name in ("refused", "repaired", "wrongly accepted", "crashed")
    )
    terminalreporter.write_line(f"hostile inputs tried: {len(_CASES)}; {counts}")
    for case, outcome in _CASES:
        if outcome in ("wrongly accepted", "crashed"):
            terminalreporter.write_line(f"  {outcome}: {case}")


def cli(archive: Path, *args: str, timeout: float = HANG_GUARD) -> subprocess.CompletedProcess[str]:
    """Run ``wpk-archive --archive ARCHIVE ARGS`` in a fresh process of this checkout.

    A hang past ``timeout`` comes back as returncode -9 with "HUNG" on stderr.
    """
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("WPK_ARCHIVE_HOME", None)
    command = [sys.executable, "-m", "wpk_archive", "--archive", str(archive), *args]
    try:
        return subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=timeout, errors="replace"
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode("utf-8", "replace") if isinstance(exc.stdout, bytes) else ""
        return subprocess.CompletedProcess(command, -9, out, "HUNG: no answer in time")


def crashed(proc: subprocess.CompletedProcess[str]) -> bool:
    """A traceback, a hang, or death by a signal."""
    return proc.returncode < 0 or "Traceback" in proc.stderr or "Traceback" in proc.stdout


def integrity(folder: Path) -> str:
    """SQLite's verdict on the archive's store."""
    conn = sqlite3.connect(folder / "archive.sqlite")
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def count(folder: Path, table: str = "documents") -> int:
    """Rows of a table of the archive's store (read directly, not through the program)."""
    conn = sqlite3.connect(folder / "archive.sqlite")
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    """A fresh archive (the two bundled articles), made by the command line."""
    folder = tmp_path / "archive"
    proc = cli(folder, "timeline")
    assert proc.returncode == 0, proc.stderr
    return folder
