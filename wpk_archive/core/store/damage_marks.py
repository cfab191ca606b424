"""The note left in an archive folder when its store was found damaged (``store-damaged.txt``):
while it is there, the archive opens read-only; ``doctor`` clears it when the store is sound again.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

DAMAGE_MARK = "store-damaged.txt"
"""Written into an archive folder when its store was found damaged: later opens are read-only."""


def mark_damaged(folder: Path, reason: str) -> None:
    """Leave a note in the archive folder that its store is damaged (later opens are read-only)."""
    with contextlib.suppress(OSError):  # a full or read-only disk: it is found again when used
        (folder / DAMAGE_MARK).write_text(
            f"{reason}\nRun `wpk-archive doctor --check-only` for a verdict; "
            "`wpk-archive doctor --salvage NEW_FOLDER` copies what is readable.\n",
            encoding="utf-8",
        )


def damage_mark(folder: Path) -> str | None:
    """The reason left by :func:`mark_damaged`, if any."""
    try:
        return (folder / DAMAGE_MARK).read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError, UnicodeDecodeError):
        return None


def clear_damage_mark(folder: Path) -> None:
    """Remove the note (the store was found sound again, e.g. restored from a backup)."""
    with contextlib.suppress(OSError):
        (folder / DAMAGE_MARK).unlink()
