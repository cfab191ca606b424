"""Where shipped files live: in a source checkout, or inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def install_root() -> Path:
    """The folder holding ``resources/`` and ``db/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent.parent


def resources_dir() -> Path:
    """Shipped data: the bundled corpus, the variants table, icons."""
    return install_root() / "resources"


def migrations_dir() -> Path:
    """The store's SQL migrations."""
    return install_root() / "db" / "migrations"
