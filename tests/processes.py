"""Helpers for tests that need a second program on the same archive."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HOLDER = """
import sys
from wpk_archive.core.archive import open_archive
archive = open_archive(sys.argv[1])
print("writable" if not archive.readonly else "read-only", flush=True)
sys.stdin.read()  # hold the archive until the test closes our stdin
archive.close()
"""


@contextmanager
def held_by_another_process(folder: Path) -> Iterator[str]:
    """Another process opens ``folder`` and keeps it open; yields how it opened it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        yield holder.stdout.readline().strip()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
