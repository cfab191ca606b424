"""Event mentions, the merged timeline's events and their sources, and the user's
corrections (a part of :class:`Store`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from wpk_archive.core.corrections import Correction
from wpk_archive.core.models import Event, EventMention, EventSource
from wpk_archive.core.store.base import StoreBase, _loads, now_iso


class EventRows(StoreBase):
    """The ``event_mentions``, ``events``, ``event_sources`` and ``corrections`` tables."""

    # -- events -------------------------------------------------------------------------------

    def put_mentions(
        self, doc_id: str, mentions: Iterable[EventMention], *, replace: bool = True
    ) -> None:
        """Replace the event mentions extracted from one document.

        ``replace=False`` when the document has none (the import's put_document cleared them).
        """
        with self.transaction():
            if replace:
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
        where, params = _event_filter(kind, date_from, date_to, doc_id, text, rejected, reference)
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

    def set_correction_value(self, correction_id: int, value: Any) -> None:
        """Move a correction's anchor (its value) to where its words are in a new revision of
        the document it points into."""
        with self.transaction():
            self.db.execute(
                "UPDATE corrections SET value = ? WHERE id = ?",
                [json.dumps(value, ensure_ascii=False), correction_id],
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
