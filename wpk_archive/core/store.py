"""The SQLite store: the archive's source of truth. The only module that speaks SQL.

Tables are documented in ``db/migrations/*.sql``. Writes happen in explicit transactions
(:meth:`Store.transaction`), so a document is either wholly stored or not at all.
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
from typing import TYPE_CHECKING, Any, ClassVar

import sqlite_utils

from wpk_archive.core.corrections import Correction, UnreadableValue
from wpk_archive.core.models import (
    Document,
    Event,
    EventMention,
    EventSource,
    Passage,
    SummarySentence,
)
from wpk_archive.core.paths import migrations_dir

if TYPE_CHECKING:  # (imported where used: the people package imports the search package,
    # which imports this module)
    from wpk_archive.core.people.model import Appearance


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


class Store:
    """Access to ``archive.sqlite``. Thread-safe.

    Writes go through one connection under one lock, in explicit transactions. Reads go through
    read-only connections of their own (a small pool; the database is in WAL mode), so a read
    sees the last committed state and never waits for a write batch. Inside a write transaction
    the writing thread reads through the write connection, and so sees its own rows.

    Opened ``readonly``, nothing is ever written, not even SQLite's shared-memory file when the
    folder cannot take it: when a plain read-only open fails there (a read-only mount, a full
    disk), the file is opened ``immutable`` as it was last closed (``Store.immutable`` tells).
    """

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

    # -- documents ----------------------------------------------------------------------------

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

    def has_content(self, content_hash: str) -> str | None:
        """The id of a document with exactly this content, if any."""
        rows = self._rows("SELECT id FROM documents WHERE content_hash = ? LIMIT 1", [content_hash])
        return rows[0]["id"] if rows else None

    def document_origin(self, doc_id: str) -> str | None:
        """Where a stored document came from (the origin its id is made from)."""
        rows = self._rows("SELECT origin FROM documents WHERE id = ?", [doc_id])
        return rows[0]["origin"] if rows else None

    def document_hash(self, doc_id: str) -> str | None:
        """The content hash of a stored document, or None when it is not stored."""
        rows = self._rows("SELECT content_hash FROM documents WHERE id = ?", [doc_id])
        return rows[0]["content_hash"] if rows else None

    def put_document(self, doc: Document, *, origin: str) -> None:
        """Insert or replace a document and its passages (keeping the earlier text, with its
        metadata, as a revision in document_versions).

        Derived rows of an earlier version (mentions, summaries) are removed; user rows are not.
        Call inside :meth:`transaction` when other writes must go with it.
        """
        with self.transaction():
            old = self._rows(
                "SELECT content_hash, title, text, url, source, date, imported_at, fetched_at "
                "FROM documents WHERE id = ?",
                [doc.id],
            )
            if old:
                o = old[0]
                if o["content_hash"] != doc.content_hash:
                    self.db.execute(
                        "INSERT INTO document_versions(doc_id, content_hash, title, text, "
                        "replaced_at, url, source, date, imported_at, fetched_at) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?)",
                        [
                            doc.id,
                            o["content_hash"],
                            o["title"],
                            o["text"],
                            now_iso(),
                            o["url"],
                            o["source"],
                            o["date"],
                            o["imported_at"],
                            o["fetched_at"],
                        ],
                    )
                self.delete_derived(doc.id)
            self.db.execute(
                "INSERT INTO documents(id, origin, title, source, date, url, content_hash, "
                "imported_at, original_path, text, author, fetched_at, source_id, removed_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL) "
                "ON CONFLICT(id) DO UPDATE SET origin=excluded.origin, title=excluded.title, "
                "source=excluded.source, date=excluded.date, url=excluded.url, "
                "content_hash=excluded.content_hash, imported_at=excluded.imported_at, "
                "original_path=excluded.original_path, text=excluded.text, "
                "author=excluded.author, fetched_at=excluded.fetched_at, "
                "source_id=excluded.source_id, removed_at=NULL",
                [
                    doc.id,
                    origin,
                    doc.title,
                    doc.source,
                    doc.date,
                    doc.url,
                    doc.content_hash,
                    doc.imported_at or now_iso(),
                    doc.original_path,
                    doc.text,
                    doc.author,
                    doc.fetched_at,
                    doc.source_id,
                ],
            )
            self.db.conn.executemany(
                'INSERT INTO passages(doc_id, ordinal, start, "end", text, page) '
                "VALUES (?,?,?,?,?,?)",
                [(p.doc_id, p.ordinal, p.start, p.end, p.text, p.page) for p in doc.passages],
            )
            self._bump_generation()

    def delete_derived(self, doc_id: str) -> None:
        """Remove what was extracted from a document (passages, mentions, summaries)."""
        with self.transaction():
            for table in ("passages", "event_mentions", "summary_sentences", "appearances"):
                self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])

    def document(self, doc_id: str, *, with_passages: bool = True) -> Document | None:
        """A stored document, or None."""
        with self.snapshot():
            rows = self._rows("SELECT * FROM documents WHERE id = ?", [doc_id])
            if not rows:
                return None
            passages = self.passages(doc_id) if with_passages else []
        return _document(rows[0], passages)

    def documents_without_passages_by_id(self, ids: Iterable[str]) -> list[Document]:
        """Many stored documents at once, without their passages (missing ids are left out)."""
        wanted = list(ids)
        found: list[Document] = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.extend(
                _document(r, [])
                for r in self._rows(f"SELECT * FROM documents WHERE id IN ({marks})", chunk)
            )
        return found

    def find_document_ids(self, prefix: str) -> list[str]:
        """Ids starting with ``prefix`` (so users can type a short id)."""
        return [
            r["id"]
            for r in self._rows("SELECT id FROM documents WHERE id LIKE ? LIMIT 5", [prefix + "%"])
        ]

    def passages(self, doc_id: str) -> list[Passage]:
        """The passages of a document, in order."""
        rows = self._rows(
            'SELECT doc_id, ordinal, start, "end", text, page FROM passages WHERE doc_id = ? '
            "ORDER BY ordinal",
            [doc_id],
        )
        return [
            Passage(r["doc_id"], r["ordinal"], r["start"], r["end"], r["text"], r["page"])
            for r in rows
        ]

    def passage_texts(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """Texts of many passages at once, by (doc_id, ordinal)."""
        wanted = list(keys)
        found: dict[tuple[str, int], str] = {}
        for i in range(0, len(wanted), 400):
            chunk = wanted[i : i + 400]
            clause = " OR ".join("(doc_id = ? AND ordinal = ?)" for _ in chunk)
            params = [v for key in chunk for v in key]
            for r in self._rows(
                f"SELECT doc_id, ordinal, text FROM passages WHERE {clause}", params
            ):
                found[(r["doc_id"], r["ordinal"])] = r["text"]
        return found

    def document_headers(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Title, date and source of many documents at once."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, dict[str, Any]] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._rows(
                f"SELECT id, title, date, source, url FROM documents WHERE id IN ({marks})", chunk
            ):
                found[r["id"]] = r
        return found

    def list_documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Document headers, newest first, undated last."""
        sql = (
            "SELECT id, title, date, source, url FROM documents "
            "ORDER BY date IS NULL, date DESC, title"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [limit, offset]
        return self._rows(sql, params)

    def count(self, table: str) -> int:
        """Number of rows of a table."""
        return int(self._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"])

    def iter_documents(self, batch: int = 500) -> Iterator[Document]:
        """Every document with its passages, in id order, read in batches."""
        last = ""
        while True:
            rows = self._rows(
                "SELECT * FROM documents WHERE id > ? ORDER BY id LIMIT ?", [last, batch]
            )
            if not rows:
                return
            ids = [r["id"] for r in rows]
            marks = ",".join("?" * len(ids))
            by_doc: dict[str, list[Passage]] = {i: [] for i in ids}
            for p in self._rows(
                f'SELECT doc_id, ordinal, start, "end", text, page FROM passages '
                f"WHERE doc_id IN ({marks}) ORDER BY doc_id, ordinal",
                ids,
            ):
                by_doc[p["doc_id"]].append(
                    Passage(p["doc_id"], p["ordinal"], p["start"], p["end"], p["text"], p["page"])
                )
            for row in rows:
                yield _document(row, by_doc[row["id"]])
            last = ids[-1]

    def document_ids(self) -> set[str]:
        """Ids of every stored document."""
        return {r["id"] for r in self._rows("SELECT id FROM documents")}

    def versions(self, doc_id: str) -> list[dict[str, Any]]:
        """Earlier texts of a document with their metadata, oldest first."""
        return self._rows(
            "SELECT id, content_hash, title, text, replaced_at, url, source, date, imported_at, "
            "fetched_at FROM document_versions WHERE doc_id = ? ORDER BY id",
            [doc_id],
        )

    def mark_removed(self, doc_ids: Iterable[str], when: str) -> int:
        """Mark documents as no longer offered by their source (a re-fetch found them gone);
        returns how many were newly marked."""
        marked = 0
        with self.transaction():
            for doc_id in doc_ids:
                marked += self.db.execute(
                    "UPDATE documents SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
                    [when, doc_id],
                ).rowcount
        return marked

    def removed_at(self, doc_id: str) -> str | None:
        """When a re-fetch found the document gone at its source (None: it is offered)."""
        rows = self._rows("SELECT removed_at FROM documents WHERE id = ?", [doc_id])
        return rows[0]["removed_at"] if rows else None

    def documents_read_from(self, original_path: str) -> list[dict[str, Any]]:
        """Id, origin, url and removal mark of the documents read from one file or feed."""
        return self._rows(
            "SELECT id, origin, url, removed_at FROM documents WHERE original_path = ?",
            [original_path],
        )

    def document_id_for_origin(self, origin: str) -> str | None:
        """The id of the document imported from ``origin``, if any."""
        rows = self._rows("SELECT id FROM documents WHERE origin = ?", [origin])
        return rows[0]["id"] if rows else None

    # -- re-sent stories ----------------------------------------------------------------------

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """Every stored MinHash signature (doc id, raw bytes)."""
        for r in self._rows("SELECT doc_id, signature FROM doc_signatures"):
            yield r["doc_id"], r["signature"]

    def documents_without_signature(self) -> list[str]:
        """Ids of documents whose signature was never computed (imported before schema 5)."""
        return [
            r["id"]
            for r in self._rows(
                "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM doc_signatures)"
            )
        ]

    def put_signatures(self, rows: Iterable[tuple[str, bytes | None]]) -> None:
        """Store signatures (None: the text is too short to have one, recorded as empty)."""
        with self.transaction():
            self.db.conn.executemany(
                "INSERT INTO doc_signatures(doc_id, signature) VALUES (?, ?) "
                "ON CONFLICT(doc_id) DO UPDATE SET signature = excluded.signature",
                [(doc_id, sig if sig is not None else b"") for doc_id, sig in rows],
            )

    def drop_signatures(self, doc_ids: Iterable[str]) -> None:
        """Forget the signatures of documents whose text changed (they are computed again)."""
        with self.transaction():
            self.db.conn.executemany(
                "DELETE FROM doc_signatures WHERE doc_id = ?", [(d,) for d in doc_ids]
            )

    def clear_signatures(self) -> None:
        """Forget every signature (they are computed again)."""
        with self.transaction():
            self.db.execute("DELETE FROM doc_signatures")

    def replace_near_duplicates(
        self, doc_id: str, pairs: Iterable[tuple[str, float]]
    ) -> None:
        """Replace the near-duplicate pairs of one document (with its other documents)."""
        with self.transaction():
            self.db.execute(
                "DELETE FROM near_duplicates WHERE doc_id = ? OR other_id = ?", [doc_id, doc_id]
            )
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO near_duplicates(doc_id, other_id, similarity) "
                "VALUES (?,?,?)",
                [(min(doc_id, o), max(doc_id, o), round(s, 4)) for o, s in pairs if o != doc_id],
            )

    def near_duplicate_pairs(self) -> list[tuple[str, str, float]]:
        """Every near-duplicate pair (doc_id < other_id) with its similarity."""
        return [
            (r["doc_id"], r["other_id"], r["similarity"])
            for r in self._rows("SELECT doc_id, other_id, similarity FROM near_duplicates")
        ]

    def set_correction_value(self, correction_id: int, value: Any) -> None:
        """Move a correction's anchor (its value) to where its words are in a new revision of
        the document it points into."""
        with self.transaction():
            self.db.execute(
                "UPDATE corrections SET value = ? WHERE id = ?",
                [json.dumps(value, ensure_ascii=False), correction_id],
            )

    # -- events -------------------------------------------------------------------------------

    def put_mentions(self, doc_id: str, mentions: Iterable[EventMention]) -> None:
        """Replace the event mentions extracted from one document."""
        with self.transaction():
            self.db.execute("DELETE FROM event_mentions WHERE doc_id = ?", [doc_id])
            self.db.conn.executemany(
                'INSERT INTO event_mentions(doc_id, passage, start, "end", quote, kind, name, key, '
                "start_date, end_date, precision, year_inferred, ambiguous, status, basis, loose, role) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        m.doc_id,
                        m.passage,
                        m.start,
                        m.end,
                        m.quote,
                        m.kind,
                        m.name,
                        m.key,
                        m.start_date,
                        m.end_date,
                        m.precision,
                        int(m.year_inferred),
                        int(m.ambiguous),
                        m.status,
                        m.basis,
                        int(m.loose),
                        m.role,
                    )
                    for m in mentions
                ],
            )

    def all_mentions(self) -> list[EventMention]:
        """Every stored event mention."""
        return [
            EventMention(
                doc_id=r["doc_id"],
                passage=r["passage"],
                start=r["start"],
                end=r["end"],
                quote=r["quote"],
                kind=r["kind"],
                name=r["name"],
                key=r["key"],
                start_date=r["start_date"],
                end_date=r["end_date"],
                precision=r["precision"],
                year_inferred=bool(r["year_inferred"]),
                ambiguous=bool(r["ambiguous"]),
                status=r["status"],
                basis=r["basis"],
                loose=bool(r["loose"]),
                doc_date=r["doc_date"],
                role=r["role"],
            )
            for r in self._rows(
                "SELECT m.*, d.date AS doc_date FROM event_mentions m "
                "LEFT JOIN documents d ON d.id = m.doc_id ORDER BY m.id"
            )
        ]

    def replace_events(self, events: Iterable[Event]) -> None:
        """Replace the merged timeline."""
        with self.transaction():
            self.db.execute("DELETE FROM event_sources")
            self.db.execute("DELETE FROM events")
            event_rows = []
            source_rows: list[tuple[Any, ...]] = []
            for e in events:
                event_rows.append(
                    (
                        e.id,
                        e.kind,
                        e.name,
                        e.key,
                        e.start,
                        e.end,
                        e.precision,
                        int(e.year_inferred),
                        len(e.sources),
                        json.dumps(e.conflicting_dates) if e.conflicting_dates else None,
                        int(e.rejected),
                        json.dumps(e.corrected) if e.corrected else None,
                        int(e.manual),
                        e.status,
                        e.date_basis,
                        json.dumps(e.chronology) if e.chronology else None,
                        e.name_ko,
                        int(e.reference_only),
                        e.independent_sources,
                    )
                )
                source_rows.extend(
                    (
                        e.id,
                        s.doc_id,
                        s.passage,
                        s.start,
                        s.end,
                        s.quote,
                        s.start_date,
                        s.end_date,
                        s.precision,
                        int(s.year_inferred),
                        s.date_basis,
                        s.status,
                        s.doc_date,
                    )
                    for s in e.sources
                )
            self.db.conn.executemany(
                'INSERT OR REPLACE INTO events(id, kind, name, key, start, "end", precision, '
                "year_inferred, n_sources, conflicting_dates, rejected, corrected, manual, status, "
                "date_basis, chronology, name_ko, reference_only, n_independent) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                event_rows,
            )
            self.db.conn.executemany(
                'INSERT INTO event_sources(event_id, doc_id, passage, start, "end", quote, '
                "start_date, end_date, precision, year_inferred, date_basis, status, doc_date) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                source_rows,
            )

    def events(
        self,
        *,
        kind: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        doc_id: str | None = None,
        text: str | None = None,
        rejected: bool = False,
        reference: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Timeline events in date order (undated last), with their sources.

        ``rejected`` True lists the events the user rejected instead of the others; ``reference``
        True also lists the chronology's meetings that no document names.
        """
        where, params = _event_filter(
            kind, date_from, date_to, doc_id, text, rejected, reference
        )
        sql = f"SELECT * FROM events {where} ORDER BY start IS NULL, start, name"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        with self.snapshot():
            rows = self._rows(sql, params)
            sources = self._sources_for([r["id"] for r in rows])
        return [_event(r, sources.get(r["id"], [])) for r in rows]

    def count_events(
        self,
        *,
        kind: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        text: str | None = None,
        rejected: bool = False,
        reference: bool = False,
    ) -> int:
        """How many events match the filter."""
        where, params = _event_filter(kind, date_from, date_to, None, text, rejected, reference)
        return int(self._rows(f"SELECT count(*) AS n FROM events {where}", params)[0]["n"])

    def event(self, event_id: str) -> Event | None:
        """One event with its sources."""
        with self.snapshot():
            rows = self._rows("SELECT * FROM events WHERE id = ?", [event_id])
            if not rows:
                return None
            sources = self._sources_for([event_id]).get(event_id, [])
        return _event(rows[0], sources)

    def all_events(self) -> list[Event]:
        """Every event row, rejected and reference-only ones too (for following corrections)."""
        rows = self._rows("SELECT * FROM events")
        sources = self._sources_for([r["id"] for r in rows])
        return [_event(r, sources.get(r["id"], [])) for r in rows]

    def retarget_event_data(self, moves: dict[str, str]) -> int:
        """Move the user's corrections and gists from old event ids to new ones (the same meeting
        under a new id); returns how many rows moved. A gist already written for the new id wins."""
        moved = 0
        with self.transaction():
            for old, new in moves.items():
                cursor = self.db.execute(
                    "UPDATE corrections SET target_id = ? WHERE target_type = 'event' "
                    "AND target_id = ?",
                    [new, old],
                )
                moved += cursor.rowcount
                cursor = self.db.execute(
                    "UPDATE OR IGNORE user_event_gists SET event_id = ? WHERE event_id = ?",
                    [new, old],
                )
                moved += cursor.rowcount
        return moved

    def event_kinds_by_passage(self) -> dict[tuple[str, int], set[str]]:
        """Event kinds named in each passage (for filtering search results by kind)."""
        found: dict[tuple[str, int], set[str]] = {}
        for r in self._rows("SELECT doc_id, passage, kind FROM event_mentions"):
            found.setdefault((r["doc_id"], r["passage"]), set()).add(r["kind"])
        return found

    def _sources_for(self, event_ids: list[str]) -> dict[str, list[EventSource]]:
        found: dict[str, list[EventSource]] = {}
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._rows(
                f"SELECT * FROM event_sources WHERE event_id IN ({marks}) ORDER BY rowid", chunk
            ):
                found.setdefault(r["event_id"], []).append(
                    EventSource(
                        doc_id=r["doc_id"],
                        passage=r["passage"],
                        start=r["start"],
                        end=r["end"],
                        quote=r["quote"],
                        start_date=r["start_date"],
                        end_date=r["end_date"],
                        precision=r["precision"],
                        year_inferred=bool(r["year_inferred"]),
                        date_basis=r["date_basis"],
                        status=r["status"],
                        doc_date=r["doc_date"],
                    )
                )
        return found

    # -- summaries ----------------------------------------------------------------------------

    def put_summary(
        self, doc_id: str, summary: Iterable[SummarySentence], gists: Iterable[SummarySentence]
    ) -> None:
        """Replace a document's automatic summary and passage gists."""
        with self.transaction():
            self.db.execute("DELETE FROM summary_sentences WHERE doc_id = ?", [doc_id])
            rows = [
                (doc_id, role, rank, s.passage, s.start, s.end, s.text, int(s.trimmed))
                for role, sentences in (("summary", summary), ("gist", gists))
                for rank, s in enumerate(sentences)
            ]
            self.db.conn.executemany(
                'INSERT INTO summary_sentences(doc_id, role, rank, passage, start, "end", text, '
                "trimmed) VALUES (?,?,?,?,?,?,?,?)",
                rows,
            )

    def summary_sentences(self, doc_id: str, role: str = "summary") -> list[SummarySentence]:
        """A document's automatic summary ('summary') or passage gists ('gist')."""
        rows = self._rows(
            "SELECT * FROM summary_sentences WHERE doc_id = ? AND role = ? ORDER BY rank",
            [doc_id, role],
        )
        return [
            SummarySentence(
                r["doc_id"], r["passage"], r["start"], r["end"], r["text"], bool(r["trimmed"])
            )
            for r in rows
        ]

    def user_summary(self, doc_id: str) -> dict[str, Any] | None:
        """The user's own summary of a document: text, updated_at, written_for_hash."""
        rows = self._rows("SELECT * FROM user_summaries WHERE doc_id = ?", [doc_id])
        return rows[0] if rows else None

    def set_user_summary(self, doc_id: str, text: str, written_for_hash: str | None) -> None:
        """Store (or replace) the user's summary of a document."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO user_summaries(doc_id, text, updated_at, written_for_hash) "
                "VALUES (?,?,?,?) ON CONFLICT(doc_id) DO UPDATE SET text=excluded.text, "
                "updated_at=excluded.updated_at, written_for_hash=excluded.written_for_hash",
                [doc_id, text, now_iso(), written_for_hash],
            )

    def user_event_gist(self, event_id: str) -> dict[str, Any] | None:
        """The user's own gist of an event: text, updated_at."""
        rows = self._rows("SELECT * FROM user_event_gists WHERE event_id = ?", [event_id])
        return rows[0] if rows else None

    def set_user_event_gist(self, event_id: str, text: str) -> None:
        """Store (or replace) the user's gist of an event."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO user_event_gists(event_id, text, updated_at) VALUES (?,?,?) "
                "ON CONFLICT(event_id) DO UPDATE SET text=excluded.text, "
                "updated_at=excluded.updated_at",
                [event_id, text, now_iso()],
            )

    def all_user_event_gists(self) -> list[dict[str, Any]]:
        """Every user-written event gist (for export)."""
        return self._rows("SELECT * FROM user_event_gists ORDER BY event_id")

    def all_user_summaries(self) -> list[dict[str, Any]]:
        """Every user-written summary (for export)."""
        return self._rows("SELECT * FROM user_summaries ORDER BY doc_id")

    # -- corrections --------------------------------------------------------------------------

    def add_correction(
        self,
        target_type: str,
        target_id: str,
        action: str,
        *,
        field: str | None = None,
        value: Any = None,
        old: Any = None,
        created_at: str | None = None,
    ) -> int:
        """Record one user correction; returns its id."""
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO corrections(target_type, target_id, action, field, value, old, "
                "created_at) VALUES (?,?,?,?,?,?,?)",
                [
                    target_type,
                    target_id,
                    action,
                    field,
                    json.dumps(value, ensure_ascii=False),
                    json.dumps(old, ensure_ascii=False),
                    created_at or now_iso(),
                ],
            )
            return int(cursor.lastrowid or 0)

    def corrections(self, *, target_type: str | None = None) -> list[Correction]:
        """Every correction (undone ones included, marked inactive), in the order taken."""
        sql = "SELECT * FROM corrections"
        params: list[Any] = []
        if target_type:
            sql += " WHERE target_type = ?"
            params.append(target_type)
        return [
            Correction(
                id=r["id"],
                target_type=r["target_type"],
                target_id=r["target_id"],
                action=r["action"],
                field=r["field"],
                value=_loads(r["value"]),
                old=_loads(r["old"]),
                created_at=r["created_at"],
                active=bool(r["active"]),
            )
            for r in self._rows(sql + " ORDER BY id", params)
        ]

    def set_correction_active(self, correction_id: int, active: bool) -> None:
        """Undo (or redo) one correction."""
        with self.transaction():
            self.db.execute(
                "UPDATE corrections SET active = ? WHERE id = ?", [int(active), correction_id]
            )

    def delete_correction(self, correction_id: int) -> None:
        """Remove one correction from the record for good."""
        with self.transaction():
            self.db.execute("DELETE FROM corrections WHERE id = ?", [correction_id])

    def update_document_fields(self, doc_id: str, values: dict[str, Any]) -> None:
        """Set metadata columns (title, date, source, url) of a stored document."""
        allowed = {"title", "date", "source", "url"}
        names = [n for n in values if n in allowed]
        if not names:
            return
        with self.transaction():
            sets = ", ".join(f"{n} = ?" for n in names)
            self.db.execute(
                f"UPDATE documents SET {sets} WHERE id = ?", [values[n] for n in names] + [doc_id]
            )
            self._bump_generation()

    def delete_document(self, doc_id: str, *, with_user_data: bool) -> None:
        """Remove a document and everything derived from it (and the user's text on it if asked)."""
        with self.transaction():
            self.db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
            for table in (
                "passages",
                "event_mentions",
                "summary_sentences",
                "document_versions",
                "doc_signatures",
                "near_duplicates",
                "appearances",
            ):
                self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
            self.db.execute("DELETE FROM near_duplicates WHERE other_id = ?", [doc_id])
            if with_user_data:
                self.db.execute("DELETE FROM user_summaries WHERE doc_id = ?", [doc_id])
            self._bump_generation()

    # -- people (appearances, the user's splits) -------------------------------------------------

    def put_appearances(self, doc_id: str, appearances: Iterable[Appearance]) -> None:
        """Replace the appearances of officials extracted from one document."""
        with self.transaction():
            self.db.execute("DELETE FROM appearances WHERE doc_id = ?", [doc_id])
            self.db.conn.executemany(
                'INSERT INTO appearances(doc_id, passage, start, "end", name, person_key, list_id, '
                "list_kind, list_position, list_length, office) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        a.doc_id,
                        a.passage,
                        a.start,
                        a.end,
                        a.name,
                        a.person_key,
                        a.list_id,
                        a.list_kind,
                        a.list_position,
                        a.list_length,
                        a.office,
                    )
                    for a in appearances
                ],
            )

    def appearances(
        self,
        *,
        person_keys: Iterable[str] | None = None,
        list_ids: Iterable[str] | None = None,
        doc_id: str | None = None,
    ) -> list[Appearance]:
        """Stored appearances with their document's publication date, in document and text
        order; all of them, or those of some person keys, lists or one document."""
        from wpk_archive.core.people.model import Appearance

        clauses: list[str] = []
        params: list[Any] = []
        for column, values in (("person_key", person_keys), ("list_id", list_ids)):
            if values is not None:
                wanted = list(dict.fromkeys(values))
                if not wanted:
                    return []
                clauses.append(f"a.{column} IN ({','.join('?' * len(wanted))})")
                params.extend(wanted)
        if doc_id is not None:
            clauses.append("a.doc_id = ?")
            params.append(doc_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._rows(
            'SELECT a.doc_id, a.passage, a.start, a."end", a.name, a.person_key, a.list_id, '
            "a.list_kind, a.list_position, a.list_length, a.office, d.date AS doc_date "
            f"FROM appearances a JOIN documents d ON d.id = a.doc_id {where} "
            "ORDER BY a.doc_id, a.start",
            params,
        )
        return [
            Appearance(
                doc_id=r["doc_id"],
                passage=r["passage"],
                start=r["start"],
                end=r["end"],
                name=r["name"],
                person_key=r["person_key"],
                list_id=r["list_id"],
                list_kind=r["list_kind"],
                list_position=r["list_position"],
                list_length=r["list_length"],
                office=r["office"],
                doc_date=r["doc_date"],
            )
            for r in rows
        ]

    def printed_lists(self) -> list[dict[str, Any]]:
        """Every printed list: list_id, doc_id, passage, kind, length, and its document's title
        and date; newest first."""
        return self._rows(
            "SELECT a.list_id, a.doc_id, min(a.passage) AS passage, a.list_kind AS kind, "
            "count(*) AS length, d.title, d.date FROM appearances a "
            "JOIN documents d ON d.id = a.doc_id WHERE a.list_id IS NOT NULL "
            "GROUP BY a.list_id ORDER BY d.date IS NULL, d.date DESC, a.doc_id, min(a.start)"
        )

    def event_sources_in(
        self, passages: Iterable[tuple[str, int]]
    ) -> dict[tuple[str, int], list[tuple[int, str]]]:
        """(source offset, event id) of the timeline's events (rejected ones left out) with a
        source in each of ``passages`` (document id, passage), in text order."""
        wanted = set(passages)
        docs = sorted({doc_id for doc_id, _ in wanted})
        found: dict[tuple[str, int], list[tuple[int, str]]] = {}
        for i in range(0, len(docs), 500):
            chunk = docs[i : i + 500]
            for r in self._rows(
                "SELECT s.doc_id, s.passage, s.start, s.event_id FROM event_sources s "
                "JOIN events e ON e.id = s.event_id WHERE e.rejected = 0 "
                f"AND s.doc_id IN ({','.join('?' * len(chunk))}) ORDER BY s.start",
                chunk,
            ):
                key = (r["doc_id"], r["passage"])
                if key in wanted:
                    found.setdefault(key, []).append((r["start"], r["event_id"]))
        return found

    def newest_date(self) -> str | None:
        """The latest publication date in the archive (None when no document is dated)."""
        found = self._rows("SELECT max(date) AS d FROM documents")[0]["d"]
        return str(found) if found is not None else None

    def add_person_split(self, rule: dict[str, Any]) -> int:
        """Record one of the user's splits (see db/migrations/0006_people.sql); returns its id."""
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO person_splits(rule, created_at) VALUES (?, ?)",
                [json.dumps(rule, ensure_ascii=False), now_iso()],
            )
            return int(cursor.lastrowid or 0)

    def person_splits(self, *, active_only: bool = True) -> list[dict[str, Any]]:
        """The user's splits in the order made: id, rule (parsed JSON), created_at, active."""
        sql = "SELECT id, rule, created_at, active FROM person_splits"
        if active_only:
            sql += " WHERE active = 1"
        return [
            {**r, "rule": _loads(r["rule"]), "active": bool(r["active"])}
            for r in self._rows(sql + " ORDER BY id")
        ]

    def set_person_split_active(self, split_id: int, active: bool) -> bool:
        """Undo (or redo) one split; False when there is no such split."""
        with self.transaction():
            cursor = self.db.execute(
                "UPDATE person_splits SET active = ? WHERE id = ?", [int(active), split_id]
            )
            return bool(cursor.rowcount)

    # -- checks -------------------------------------------------------------------------------

    ORPHAN_CHECKS: ClassVar[dict[str, str]] = {
        "passages": "doc_id NOT IN (SELECT id FROM documents)",
        "event_mentions": "doc_id NOT IN (SELECT id FROM documents)",
        "summary_sentences": "doc_id NOT IN (SELECT id FROM documents)",
        "document_versions": "doc_id NOT IN (SELECT id FROM documents)",
        "doc_signatures": "doc_id NOT IN (SELECT id FROM documents)",
        "near_duplicates": "doc_id NOT IN (SELECT id FROM documents) "
        "OR other_id NOT IN (SELECT id FROM documents)",
        "appearances": "doc_id NOT IN (SELECT id FROM documents)",
        "event_sources": "event_id NOT IN (SELECT id FROM events) "
        "OR doc_id NOT IN (SELECT id FROM documents)",
    }

    def orphan_counts(self) -> dict[str, int]:
        """Derived rows whose document (or event) is gone, by table."""
        return {
            table: int(self._rows(f"SELECT count(*) AS n FROM {table} WHERE {where}")[0]["n"])
            for table, where in self.ORPHAN_CHECKS.items()
        }

    def delete_orphans(self) -> int:
        """Remove derived rows whose document (or event) is gone; never touches user tables."""
        removed = 0
        with self.transaction():
            for table, where in self.ORPHAN_CHECKS.items():
                removed += self.db.execute(f"DELETE FROM {table} WHERE {where}").rowcount
        return removed

    def documents_without_passages(self) -> list[str]:
        """Ids of documents that have no passage (a half-written import would leave these)."""
        return [
            r["id"]
            for r in self._rows(
                "SELECT id FROM documents WHERE id NOT IN (SELECT DISTINCT doc_id FROM passages)"
            )
        ]

    def integrity_check(self) -> str:
        """SQLite's own verdict on the file ('ok' when sound)."""
        return str(self._rows("PRAGMA integrity_check")[0]["integrity_check"])


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


def _document(row: dict[str, Any], passages: list[Passage]) -> Document:
    return Document(
        id=row["id"],
        title=row["title"],
        text=row["text"],
        passages=passages,
        source=row["source"],
        date=row["date"],
        url=row["url"],
        content_hash=row["content_hash"],
        original_path=row["original_path"],
        imported_at=row["imported_at"],
        author=row.get("author"),
        fetched_at=row.get("fetched_at"),
        source_id=row.get("source_id"),
    )


def _event(row: dict[str, Any], sources: list[EventSource]) -> Event:
    return Event(
        id=row["id"],
        kind=row["kind"],
        name=row["name"],
        key=row["key"],
        start=row["start"],
        end=row["end"],
        precision=row["precision"],
        year_inferred=bool(row["year_inferred"]),
        sources=sources,
        conflicting_dates=json.loads(row["conflicting_dates"]) if row["conflicting_dates"] else [],
        rejected=bool(row.get("rejected", 0)),
        manual=bool(row.get("manual", 0)),
        corrected=json.loads(row["corrected"]) if row.get("corrected") else {},
        status=row.get("status"),
        date_basis=row.get("date_basis"),
        chronology=json.loads(row["chronology"]) if row.get("chronology") else None,
        name_ko=row.get("name_ko"),
        reference_only=bool(row.get("reference_only", 0)),
        independent_sources=row.get("n_independent"),
    )


def _event_filter(
    kind: str | None,
    date_from: str | None,
    date_to: str | None,
    doc_id: str | None,
    text: str | None = None,
    rejected: bool = False,
    reference: bool = False,
) -> tuple[str, list[Any]]:
    clauses: list[str] = ["rejected = ?"]
    params: list[Any] = [int(rejected)]
    if not reference:  # meetings of the reference chronology that no document names
        clauses.append("reference_only = 0")
    if kind:
        clauses.append("kind = ?")
        params.append(kind)
    if date_from:
        # an event overlaps [from, to] when it ends on/after `from` and starts on/before `to`
        clauses.append('(coalesce("end", start) || char(65535)) >= ?')
        params.append(date_from)
    if date_to:
        clauses.append("start <= ?")
        params.append(date_to + "\uffff")
    if doc_id:
        clauses.append("id IN (SELECT event_id FROM event_sources WHERE doc_id = ?)")
        params.append(doc_id)
    if text:
        clauses.append("name LIKE ?")
        params.append(f"%{text}%")
    return "WHERE " + " AND ".join(clauses), params
