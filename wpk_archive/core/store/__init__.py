"""The SQLite store: the archive's source of truth. The only package that speaks SQL.

Tables are documented in ``db/migrations/*.sql``. Writes happen in explicit transactions
(:meth:`Store.transaction`), so a document is either wholly stored or not at all.

The store is one class, :class:`Store`, put together from the parts of this package: ``base``
(connections, transactions, migrations, meta, errors), ``documents``, ``events`` (mentions,
events, corrections), ``summaries``, ``people`` and ``upkeep`` (signatures, near-duplicates,
checks). ``salvage`` reads a damaged store.
"""

from __future__ import annotations

from wpk_archive.core.store.base import (
    OPEN_ERRORS,
    READERS_KEPT,
    SCHEMA_VERSION,
    DiskFull,
    StoreBase,
    StoreDamaged,
    StoreError,
    disk_full,
    now_iso,
)
from wpk_archive.core.store.documents import DocumentRows
from wpk_archive.core.store.events import EventRows
from wpk_archive.core.store.people import PeopleRows
from wpk_archive.core.store.summaries import SummaryRows
from wpk_archive.core.store.upkeep import UpkeepRows

__all__ = [
    "OPEN_ERRORS",
    "READERS_KEPT",
    "SCHEMA_VERSION",
    "DiskFull",
    "Store",
    "StoreDamaged",
    "StoreError",
    "disk_full",
    "now_iso",
]


class Store(DocumentRows, EventRows, SummaryRows, PeopleRows, UpkeepRows, StoreBase):
    """Access to ``archive.sqlite``. Thread-safe.

    Writes go through one connection under one lock, in explicit transactions. Reads go through
    read-only connections of their own (a small pool; the database is in WAL mode), so a read
    sees the last committed state and never waits for a write batch. Inside a write transaction
    the writing thread reads through the write connection, and so sees its own rows.

    Opened ``readonly``, nothing is ever written, not even SQLite's shared-memory file when the
    folder cannot take it: when a plain read-only open fails there (a read-only mount, a full
    disk), the file is opened ``immutable`` as it was last closed (``Store.immutable`` tells).
    """
