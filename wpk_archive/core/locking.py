"""The writer's lock on an archive folder, held by the operating system, so a second program
opens the archive read-only.

The lock is an OS lock on open files that stay open for as long as the archive is open, and the
OS drops it when the process ends, however it ends (no stale lock files to clean up):

- POSIX: ``flock`` on the archive folder itself and on ``archive.lock`` inside it. Deleting
  ``archive.lock`` cannot let a second writer in: the folder's lock still stands. (On a file
  system that cannot lock a folder, such as some network shares, the lock file alone is used.)
- Windows: ``msvcrt.locking`` on the first byte of ``archive.lock``. A file Python holds open
  cannot be deleted on Windows, so the lock file cannot vanish while it is held.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import IO

_BUSY = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES}
"""What a lock held by somebody else fails with (other errors: this folder cannot be locked)."""


class ArchiveLock:
    """Exclusive, non-blocking lock on an archive folder; released on close or when the process dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None
        self._folder_fd: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock; False when another program (or another Archive) holds it, or the
        folder cannot be written."""
        if self._handle is not None:
            return True
        folder_fd = _lock_folder(self.path.parent)
        if folder_fd == -1:
            return False
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held open while locked)
        except OSError:
            _unlock_folder(folder_fd)
            return False
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)  # every program locks the same byte, whatever the file's length
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            _unlock_folder(folder_fd)
            return False
        self._handle = handle
        self._folder_fd = folder_fd
        return True

    def release(self) -> None:
        """Give the lock back."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if self._folder_fd is not None:
            _unlock_folder(self._folder_fd)
            self._folder_fd = None


def _lock_folder(folder: Path) -> int | None:
    """flock the folder: its descriptor; -1 when somebody else holds it; None where folders
    cannot be locked (Windows, some network file systems)."""
    if sys.platform == "win32":
        return None
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        return -1 if exc.errno in _BUSY else None
    return fd


def _unlock_folder(fd: int | None) -> None:
    if fd is not None and fd >= 0:
        os.close(fd)  # closing the descriptor drops its flock
