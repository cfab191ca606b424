"""Where shipped files live: in a source checkout, or inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def install_root() -> Path:
    """The folder holding ``resources/`` and ``db/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    checkout = Path(__file__).resolve().parent.parent.parent
    if (checkout / "resources").is_dir():
        return checkout  # a source checkout (or an editable install of one)
    return Path(sys.prefix) / "share" / "wpk-archive"  # pip install . (data-files)


def resources_dir() -> Path:
    """Shipped data: the bundled corpus, the variants and chronology tables, icons."""
    return install_root() / "resources"


def migrations_dir() -> Path:
    """The store's SQL migrations."""
    return install_root() / "db" / "migrations"
