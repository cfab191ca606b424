"""A damaged ``archive.sqlite``: a verdict instead of a traceback, and a copy of whatever can
still be read into a new archive.

The rest of the store package speaks SQL to a sound store; this one reads a store that may be broken in any
way (truncated, overwritten header, garbage pages, missing tables, wrong schema version), so it
opens its own read-only connections, never writes to the damaged file, and reads row by row
where whole queries fail.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wpk_archive.core.paths import migrations_dir
from wpk_archive.core.store import SCHEMA_VERSION

MAGIC = b"SQLite format 3\x00"
USER_TABLES = ("user_summaries", "user_event_gists", "corrections", "person_splits")
_CHUNK = 200


def _migration_tables() -> dict[int, set[str]]:
    tables: dict[int, set[str]] = {}
    for path in sorted(migrations_dir().glob("*.sql")):
        number = int(path.name.split("_", 1)[0])
        text = path.read_text(encoding="utf-8")
        tables[number] = set(
            re.findall(r"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", text, flags=re.IGNORECASE)
        )
    return tables


def header_problem(db: Path) -> str | None:
    """What is wrong with the file's SQLite header, read as bytes (None when it looks sound).

    Catches an empty file, a file that is not SQLite (or whose first bytes were overwritten), and
    a file cut short: cheap enough for every open.
    """
    try:
        size = db.stat().st_size
        with db.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        return f"the file cannot be read ({exc.strerror or exc})"
    if size == 0:
        return "the file is empty (0 bytes): it holds no archive"
    if len(head) < 100 or not head.startswith(MAGIC):
        return "the file has no SQLite header: it is not a database, or its start was overwritten"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if not 512 <= page_size <= 65536 or page_size & (page_size - 1):
        return f"its header gives an impossible page size ({page_size})"
    wal = db.with_name(db.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None  # the newest pages are in the WAL (a checkpoint cut off by a full disk)
    if size % page_size:
        return (
            f"its size ({size:,} bytes) is not a whole number of {page_size:,}-byte pages: "
            "the file is cut short or padded"
        )
    pages = int.from_bytes(head[28:32], "big")
    if head[24:28] == head[92:96] and pages and size < pages * page_size:
        return (
            f"the file is cut short: its header counts {pages:,} pages "
            f"({pages * page_size:,} bytes) but it holds {size:,} bytes"
        )
    return None


def schema_problem(tables: set[str], version: int) -> str | None:
    """Whether the tables match the schema version (a dropped table, a version set by hand)."""
    if version > SCHEMA_VERSION:
        return None  # a newer program's archive: the store says so itself
    known = _migration_tables()
    if version == 0 and not tables & {t for ts in known.values() for t in ts}:
        return None  # a new, empty database
    expected = {t for n, ts in known.items() if n <= version for t in ts}
    missing = sorted(expected - tables)
    if missing:
        return f"tables are missing: {', '.join(missing)}"
    later = sorted({t for n, ts in known.items() if n > version for t in ts} & tables)
    if later:
        return (
            f"its schema version ({version}) does not match its tables "
            f"({', '.join(later)} belong to a later version)"
        )
    return None


def _open(db: Path, immutable: bool = False) -> sqlite3.Connection:
    mode = "ro&immutable=1" if immutable else "ro"
    conn = sqlite3.connect(f"file:{db}?mode={mode}", uri=True, check_same_thread=False)
    # a file shorter than its header says is read as far as it goes (the connection cannot
    # write: this only lifts SQLite's refusal to open it)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def precheck(db: Path) -> str | None:
    """Why the store at ``db`` cannot be used (header, tables against schema version), or None.

    Opens its own read-only connection; never writes.
    """
    problem = header_problem(db)
    if problem:
        return problem
    try:
        try:
            conn = _open(db)
        except sqlite3.OperationalError:
            conn = _open(db, immutable=True)  # nothing can be created beside it (a full disk)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"its schema cannot be read ({exc})"
    return schema_problem(tables, version)


def _repaired_copy(db: Path, folder: Path) -> Path | None:
    """A copy of ``db`` with a rebuilt header (for a file whose first bytes were overwritten), or
    None when no page size makes it readable."""
    data = db.read_bytes()
    if len(data) < 1024:
        return None
    for page_size in (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512):
        if len(data) % page_size:
            continue
        header = bytearray(100)
        header[:16] = MAGIC
        header[16:18] = (1 if page_size == 65536 else page_size).to_bytes(2, "big")
        header[18], header[19] = 1, 1
        header[21], header[22], header[23] = 64, 32, 32
        header[24:28] = (1).to_bytes(4, "big")
        header[28:32] = (len(data) // page_size).to_bytes(4, "big")
        header[40:44] = (1).to_bytes(4, "big")
        header[44:48] = (4).to_bytes(4, "big")
        header[56:60] = (1).to_bytes(4, "big")
        header[60:64] = SCHEMA_VERSION.to_bytes(4, "big")
        header[92:96] = (1).to_bytes(4, "big")
        header[96:100] = (3_045_000).to_bytes(4, "big")
        copy = folder / f"repaired-{page_size}.sqlite"
        copy.write_bytes(bytes(header) + data[100:])
        try:
            conn = _open(copy)
            conn.execute("SELECT count(*) FROM documents").fetchone()
            conn.close()
            return copy
        except sqlite3.DatabaseError:
            continue
    return None


def connect_damaged(db: Path, scratch: Path) -> tuple[sqlite3.Connection | None, str | None]:
    """A read-only connection to what is readable of ``db`` (a header-repaired copy in
    ``scratch`` when the header is gone), and a note on how it was opened."""
    for immutable in (False, True):
        try:
            conn = _open(db, immutable)
            conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").fetchone()
            return conn, None
        except sqlite3.DatabaseError:
            continue
    try:
        copy = _repaired_copy(db, scratch)
    except OSError:
        copy = None
    if copy is None:
        return None, None
    return _open(copy), "read through a copy with a rebuilt file header"


@dataclass
class TableRead:
    """How much of one table could be read."""

    read: int = 0
    failed: int = 0
    """Row numbers whose reading failed (they may or may not have held a row)."""
    expected: int | None = None
    """How many rows the table holds, when SQLite can still count them."""
    unreadable: str | None = None
    """Why the table could not be read at all."""

    @property
    def lost(self) -> int:
        """Rows that could not be read (an estimate when the table cannot be counted)."""
        if self.expected is not None:
            return max(0, self.expected - self.read)
        return self.failed


def read_rows(
    conn: sqlite3.Connection, table: str, columns: list[str], tally: TableRead
) -> Iterator[dict[str, Any]]:
    """The readable rows of ``table``, by rowid; a damaged page loses only the rows on it."""
    names = ", ".join(f'"{c}"' for c in columns)
    try:
        tally.expected = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            tally.unreadable = "the table is missing"
            return
    try:
        last = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        pages = _pragma(conn, "page_count") or 0
        size = _pragma(conn, "page_size") or 4096
        last = pages * size // 32  # no row is smaller: an upper bound on the rowids
    if last is None:
        return
    start = 1
    while start <= last:
        end = start + _CHUNK - 1
        try:
            rows = conn.execute(
                f"SELECT {names} FROM {table} WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
                [start, end],
            ).fetchall()
        except sqlite3.DatabaseError:
            rows = []
            for rowid in range(start, end + 1):
                try:
                    found = conn.execute(
                        f"SELECT {names} FROM {table} WHERE rowid = ?", [rowid]
                    ).fetchone()
                except sqlite3.DatabaseError:
                    tally.failed += 1
                    continue
                if found is not None:
                    rows.append(found)
        for row in rows:
            tally.read += 1
            yield dict(zip(columns, row, strict=True))
        start = end + 1


def _pragma(conn: sqlite3.Connection, name: str) -> int | None:
    try:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])
    except (sqlite3.DatabaseError, TypeError):
        return None


DOCUMENT_COLUMNS = [
    "id", "origin", "title", "source", "date", "url", "imported_at", "original_path", "text",
]  # fmt: skip
USER_COLUMNS = {
    "user_summaries": ["doc_id", "text", "updated_at", "written_for_hash"],
    "user_event_gists": ["event_id", "text", "updated_at"],
    "corrections": [
        "id", "target_type", "target_id", "action", "field", "value", "old", "created_at", "active",
    ],
    "person_splits": ["id", "rule", "created_at", "active"],
}  # fmt: skip


@dataclass
class Verdict:
    """A damaged store's verdict: ``ok`` when SQLite finds nothing wrong; lines for people."""

    ok: bool
    lines: list[str] = field(default_factory=list)


def verdict(db: Path, *, count_salvageable: bool = True) -> Verdict:
    """Check the store as it is (read-only), and what could be salvaged from it."""
    lines: list[str] = []
    problems: list[str] = []
    header = header_problem(db)
    if header:
        problems.append(header)
    with tempfile.TemporaryDirectory(prefix="wpk-salvage-") as scratch:
        conn, how = connect_damaged(db, Path(scratch))
        if conn is None:
            problems.append("SQLite cannot read it at all")
        else:
            try:
                found = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
            except sqlite3.DatabaseError as exc:
                found = [str(exc)]
            if found != ["ok"]:
                problems.append(f"{len(found)} problem(s), first: {found[0]}")
            try:
                tables = {
                    r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }
                version = _pragma(conn, "user_version") or 0
                schema = schema_problem(tables, version)
                if schema:
                    problems.append(schema)
            except sqlite3.DatabaseError as exc:
                problems.append(f"the schema cannot be read ({exc})")
        if not problems:
            if conn is not None:
                conn.close()
            return Verdict(True, ["SQLite integrity: ok"])
        lines.append("SQLite integrity: FAILED (" + "; ".join(problems) + ")")
        if conn is not None and count_salvageable:
            if how:
                lines.append(f"salvage: the store can be {how}")
            tallies = {"documents": TableRead()}
            for _ in read_rows(conn, "documents", ["id"], tallies["documents"]):
                pass
            for table in USER_TABLES:
                tallies[table] = TableRead()
                for _ in read_rows(conn, table, ["rowid"], tallies[table]):
                    pass
            lines.append("salvageable: " + _counts(tallies))
            conn.close()
        elif conn is None:
            lines.append("salvageable: nothing (SQLite cannot read the file); restore a backup")
    lines.append(
        "next: `wpk-archive doctor --salvage NEW_FOLDER` copies what is readable into a new "
        "archive (this one is left as it is); or restore a backup of the folder"
    )
    return Verdict(False, lines)


def _counts(tallies: dict[str, TableRead]) -> str:
    words = {
        "documents": "documents",
        "user_summaries": "of your summaries",
        "user_event_gists": "of your event gists",
        "corrections": "of your corrections",
        "person_splits": "of your splits of people",
    }
    if tallies and all(t.unreadable for t in tallies.values()):
        return "nothing (the file holds none of the archive's tables)"
    parts = []
    for table, tally in tallies.items():
        part = f"{tally.read:,} {words[table]}"
        if tally.unreadable:
            part = f"none {words[table]} ({tally.unreadable})".replace(
                "none documents", "no documents"
            )
        elif tally.lost:
            part += f" ({tally.lost:,} unreadable)"
        parts.append(part)
    return ", ".join(parts)


@dataclass
class SalvageReport:
    """What a salvage copied into the new archive."""

    target: Path
    tallies: dict[str, TableRead] = field(default_factory=dict)
    imported: int = 0
    note: str | None = None

    def lines(self) -> list[str]:
        """Lines for people."""
        out = [f"salvaged into {self.target}: " + _counts(self.tallies)]
        if self.note:
            out.append(f"note: the store was {self.note}")
        out.append(
            "the new archive's timeline, summaries and search index were rebuilt from the texts; "
            "earlier versions of re-imported texts are not copied"
        )
        return out


def salvage(
    db: Path, target: Path, progress: Callable[[int, int, str], None] | None = None
) -> SalvageReport:
    """Copy every readable document and everything the user wrote from the store at ``db`` into
    a new archive at ``target`` (which must not hold an archive yet). ``db`` is only read.

    Documents go through a normal import (passages, events, summaries and the index are made
    again from the texts); the user's summaries, gists and corrections are copied as they are.
    """
    from wpk_archive.core.archive import ArchiveError, open_archive
    from wpk_archive.core.ingest import Item, content_hash, split_passages
    from wpk_archive.core.models import Document

    if (target / "archive.sqlite").exists() or (target.exists() and any(target.iterdir())):
        raise ArchiveError(f"{target} is not empty: salvage into a new folder")
    report = SalvageReport(target)
    with tempfile.TemporaryDirectory(prefix="wpk-salvage-") as scratch:
        conn, report.note = connect_damaged(db, Path(scratch))
        if conn is None:
            raise ArchiveError(f"{db} cannot be read at all: nothing can be salvaged from it")
        documents = report.tallies["documents"] = TableRead()

        def items() -> Iterator[Item]:
            for row in read_rows(conn, "documents", DOCUMENT_COLUMNS, documents):
                text, doc_id = row["text"], row["id"]
                if not isinstance(text, str) or not isinstance(doc_id, str) or not doc_id:
                    documents.read -= 1
                    documents.failed += 1
                    continue
                origin = row["origin"] if isinstance(row["origin"], str) else f"salvaged:{doc_id}"
                doc = Document(
                    id=doc_id,
                    title=str(row["title"] or ""),
                    text=text,
                    passages=split_passages(doc_id, text),
                    source=_text(row["source"]),
                    date=_text(row["date"]),
                    url=_text(row["url"]),
                    content_hash=content_hash(text),
                    original_path=_text(row["original_path"]),
                )
                yield Item(origin, doc)

        try:
            with open_archive(target, bundled=False) as archive:
                report.imported = archive.import_items(items(), progress=progress).added
                _copy_user_data(conn, archive, report)
                archive.rebuild_timeline()
        finally:
            conn.close()
    return report


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _copy_user_data(conn: sqlite3.Connection, archive: Any, report: SalvageReport) -> None:
    import json

    store = archive._store
    for table in USER_TABLES:
        tally = report.tallies[table] = TableRead()
        needed = {
            "corrections": ("target_type", "target_id", "action"),
            "person_splits": ("rule",),
        }.get(table, ("text",))
        for row in read_rows(conn, table, USER_COLUMNS[table], tally):
            if not all(isinstance(row[c], str) for c in needed):
                tally.read -= 1
                tally.failed += 1
                continue
            if table == "user_summaries":
                store.set_user_summary(row["doc_id"], row["text"], _text(row["written_for_hash"]))
            elif table == "user_event_gists":
                store.set_user_event_gist(row["event_id"], row["text"])
            elif table == "person_splits":
                try:
                    rule = json.loads(row["rule"])
                except ValueError:
                    tally.read -= 1
                    tally.failed += 1
                    continue
                split_id = store.add_person_split(rule)
                if not row["active"]:
                    store.set_person_split_active(split_id, False)
            else:
                try:
                    value = json.loads(row["value"]) if row["value"] is not None else None
                    old = json.loads(row["old"]) if row["old"] is not None else None
                except (TypeError, ValueError):
                    tally.read -= 1
                    tally.failed += 1
                    continue
                new_id = store.add_correction(
                    row["target_type"],
                    row["target_id"],
                    row["action"],
                    field=_text(row["field"]),
                    value=value,
                    old=old,
                    created_at=_text(row["created_at"]),
                )
                if not row["active"]:
                    store.set_correction_active(new_id, False)
