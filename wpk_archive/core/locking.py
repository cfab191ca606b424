"""An advisory lock on an archive folder, so a second program opens it read-only."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO


class ArchiveLock:
    """Exclusive, non-blocking lock on a file; released on close or when the process dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it (or the folder is read-only)."""
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held open while locked)
        except OSError:
            return False
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        """Give the lock back."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
