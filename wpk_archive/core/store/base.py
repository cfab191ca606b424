"""The store's foundation: its errors, the connections (one writer, a pool of readers),
transactions and the generation counter, migrations, and the meta table.

The tables themselves are read and written by the other modules of this package, each a part
of :class:`wpk_archive.core.store.Store` (a subclass of :class:`StoreBase`).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from wpk_archive.core.corrections import UnreadableValue
from wpk_archive.core.paths import migrations_dir


class StoreError(Exception):
    """A store problem worth showing to the user as is; ``reason`` is its cause alone (e.g.
    "the disk holding ... is full"), for messages that say themselves what was committed."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


OPEN_ERRORS = (StoreError, sqlite3.Error)
"""What opening a store can raise (for callers that speak no SQL)."""


class StoreDamaged(StoreError):
    """The store file is damaged (not a database, malformed pages, missing tables): nothing may
    be written into it; ``wpk-archive doctor`` gives the verdict and salvages what is readable."""


_DAMAGE_WORDS = (
    "malformed",
    "not a database",
    "no such table",
    "no such column",
    "corrupt",
    "disk image",
    "encrypted",
)


_CONVERTED = (sqlite3.OperationalError, sqlite3.DatabaseError)
"""SQLite errors that come from the file or the disk (constraint errors are the program's)."""


def _db_error(path: Path, exc: sqlite3.Error, *, writing: bool) -> StoreError:
    """An SQLite error worded for the user: damage, or a write that could not be made."""
    message = str(exc).lower()
    damaged = any(word in message for word in _DAMAGE_WORDS) or type(exc) is sqlite3.DatabaseError
    if not damaged and (writing or "full" in message or "locked" in message or "busy" in message):
        return _write_error(path, exc)  # type: ignore[arg-type]
    if not damaged and "i/o error" in message and disk_full(path):
        return _write_error(path, exc)  # type: ignore[arg-type]
    reason = f"The archive's store {path} is damaged or unreadable ({exc})"
    return StoreDamaged(
        f"{reason}. Nothing more is written into it. Run `wpk-archive doctor --check-only` "
        "for a verdict, and `wpk-archive doctor --salvage NEW_FOLDER` to copy what can be "
        "read into a new archive.",
        reason,
    )


class DiskFull(StoreError):
    """The archive cannot be opened for writing: its disk has no space left."""


def _disk_full(path: Path) -> bool:
    """Whether the disk holding ``path`` has (next to) no space left."""
    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def now_iso() -> str:
    """The current UTC time, to the second, ISO 8601."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(migrations_dir().glob("*.sql")):
        number = int(path.name.split("_", 1)[0])
        found.append((number, path))
    return found


SCHEMA_VERSION = max((n for n, _ in _migrations()), default=0)


READERS_KEPT = 4
"""Idle read connections kept open for the next reads (more are opened when more threads read)."""


class StoreBase:
    """The connections, transactions, schema and meta table of :class:`Store` (see there)."""

    def __init__(self, path: Path, *, readonly: bool = False, immutable: bool = False) -> None:
        self.path = path
        self.readonly = readonly or immutable
        self.immutable = False
        self.damaged: str | None = None
        """Why the store is known to be damaged (then every write is refused)."""
        self._lock = threading.RLock()
        self._depth = 0
        self._generation_pending = False  # a change to documents awaits its transaction's commit
        self._writer: int | None = None  # the thread inside a write transaction
        self._pool_lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._readers: list[sqlite3.Connection] = []
        self._snapshot = threading.local()  # the connection of a thread's snapshot()
        uri = path.resolve().as_uri()
        self._read_uri = f"{uri}?mode=ro"
        if immutable:  # nothing can be written beside the file (a full disk): read it as it is
            self._read_uri = f"{uri}?mode=ro&immutable=1"
            self.immutable = True
            self.db = sqlite_utils.Database(_connect(self._read_uri))
            return
        if readonly:
            self.db = sqlite_utils.Database(self._open_readonly(uri))
            return
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=5)
        conn.isolation_level = None  # explicit BEGIN/COMMIT only
        self.db = sqlite_utils.Database(conn)
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except (sqlite3.OperationalError, StoreError) as exc:
            conn.close()
            if _disk_full(path):
                raise DiskFull(f"The disk holding {path} is full.") from exc
            raise

    def _open_readonly(self, uri: str) -> sqlite3.Connection:
        """A read-only connection; immutable when SQLite cannot share the file (see the class)."""
        conn = _connect(self._read_uri)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            message = str(exc).lower()
            if "locked" in message or "busy" in message:  # a writer is at work: not immutable
                raise StoreError(f"{self.path} is busy; try again in a moment.") from exc
        self._read_uri = f"{uri}?mode=ro&immutable=1"
        self.immutable = True
        conn = _connect(self._read_uri)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{self.path} cannot be read: {exc}") from exc
        return conn

    @contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection]:
        """The connection a read runs on (see the class)."""
        held = getattr(self._snapshot, "conn", None)
        if held is not None:
            yield held
        elif self._writer == threading.get_ident():
            yield self.db.conn  # this thread holds the write lock, inside its transaction
        else:
            with self._pool_lock:
                conn = self._idle.pop() if self._idle else None
            if conn is None:
                conn = _connect(self._read_uri)
                with self._pool_lock:
                    self._readers.append(conn)
            try:
                yield conn
            finally:
                with self._pool_lock:
                    if len(self._idle) < READERS_KEPT and conn in self._readers:
                        self._idle.append(conn)
                    elif conn in self._readers:
                        self._readers.remove(conn)
                        conn.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read inside sees one and the same committed state (one read transaction)."""
        if (
            getattr(self._snapshot, "conn", None) is not None
            or self._writer == threading.get_ident()
        ):
            yield
            return
        with self._reader() as conn:
            conn.execute("BEGIN")
            self._snapshot.conn = conn
            try:
                yield
            finally:
                self._snapshot.conn = None
                with suppress(sqlite3.Error):
                    conn.execute("COMMIT")

    # -- schema -------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """The number of the last migration applied."""
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply the migrations newer than the database, each in its own transaction."""
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer WPK Archive (schema {current}, "
                f"this program knows {SCHEMA_VERSION}); update the program to open it."
            )
        for number, path in _migrations():
            if number <= current:
                continue
            with self.transaction():
                for statement in _statements(path.read_text(encoding="utf-8")):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all (nested calls join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            if self.damaged:
                raise StoreDamaged(
                    f"{self.damaged}: nothing is written into a damaged store. Run "
                    "`wpk-archive doctor --salvage NEW_FOLDER` to copy what can be read.",
                    self.damaged,
                )
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                raise self._error(exc, writing=True) from exc
            self._depth = 1
            self._writer = threading.get_ident()
            self._generation_pending = False
            try:
                yield
                if self._generation_pending:
                    self.db.execute(
                        "INSERT INTO meta(key, value) VALUES ('generation', '1') "
                        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
                    )
                self.db.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self._rollback()
                if type(exc) not in _CONVERTED:
                    raise
                raise self._error(exc, writing=True) from exc
            except BaseException:
                self._rollback()
                raise
            finally:
                self._depth = 0
                self._writer = None

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):  # SQLite may have rolled back already (disk full)
            self.db.execute("ROLLBACK")

    def _error(self, exc: sqlite3.Error, *, writing: bool) -> StoreError:
        """The user's error for an SQLite error; damage is remembered (writes refused after)."""
        error = _db_error(self.path, exc, writing=writing)
        if isinstance(error, StoreDamaged):
            self.damaged = error.reason
        return error

    def close(self) -> None:
        """Close the read connections, then the write connection (which checkpoints the WAL)."""
        with self._pool_lock:
            readers, self._readers, self._idle = self._readers, [], []
        for conn in readers:
            conn.close()
        with self._lock:
            self.db.conn.close()

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._reader() as conn:
            try:
                cursor = conn.execute(sql, list(params))
                names = [d[0] for d in cursor.description]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            except sqlite3.DatabaseError as exc:
                if type(exc) not in _CONVERTED:
                    raise
                raise self._error(exc, writing=False) from exc

    # -- meta ---------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A value of the meta table."""
        rows = self._rows("SELECT value FROM meta WHERE key = ?", [key])
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        """Set a value of the meta table."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # -- the generation counter ---------------------------------------------------------------

    def generation(self) -> int:
        """A counter bumped by every change to documents (the index records the one it reflects)."""
        value = self.get_meta("generation")
        return int(value) if value and value.isdigit() else 0

    def _bump_generation(self) -> None:
        """Count a change to documents: once per transaction, when it commits (a batch of
        1,000 documents bumped the counter 1,000 times: 0.5 s of a corpus import)."""
        if self._depth:
            self._generation_pending = True
        else:
            self.set_meta("generation", str(self.generation() + 1))


def _connect(uri: str) -> sqlite3.Connection:
    """A read connection (autocommit: each read sees the last committed state)."""
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5)
    conn.isolation_level = None
    return conn


def _write_error(path: Path, exc: sqlite3.OperationalError) -> StoreError:
    """A write failure worded for the user; the transaction has been rolled back."""
    message = str(exc).lower()
    if "full" in message or ("i/o error" in message and disk_full(path)):
        reason = f"The disk holding {path} is full"
        return StoreError(
            f"{reason}: nothing of this change was written and the archive is as it was. "
            "Free some space and try again.",
            reason,
        )
    if "readonly" in message or "read-only" in message or "permission" in message:
        reason = f"{path} cannot be written (read-only file or folder)"
        return StoreError(
            f"{reason}: nothing was changed. "
            "Check the folder's permissions, or open a copy of the archive.",
            reason,
        )
    if "locked" in message or "busy" in message:
        reason = f"{path} is busy: another program is writing to it"
        return StoreError(f"{reason}. Nothing was changed; try again when it has finished.", reason)
    reason = f"{path} could not be written ({exc})"
    return StoreError(f"{reason}; nothing was changed.", reason)


def disk_full(path: Path, room: int = 1 << 20) -> bool:
    """Whether the disk holding ``path`` has less than ``room`` bytes free."""
    try:
        return shutil.disk_usage(path if path.is_dir() else path.parent).free < room
    except OSError:
        return False


def _loads(raw: str | None) -> Any:
    """A JSON column's value; text that is not JSON (edited by hand) comes back marked as such."""
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return UnreadableValue(raw)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our DDL strings)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
