"""Appearances of officials and the user's splits of people (a part of :class:`Store`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from wpk_archive.core.store.base import StoreBase, _loads, now_iso

if TYPE_CHECKING:  # (imported where used: the people package imports the search package,
    # which imports this module)
    from wpk_archive.core.people.model import Appearance


class PeopleRows(StoreBase):
    """The ``appearances`` and ``person_splits`` tables."""

    # -- people (appearances, the user's splits) -------------------------------------------------

    def put_appearances(
        self, doc_id: str, appearances: Iterable[Appearance], *, replace: bool = True
    ) -> None:
        """Replace the appearances of officials extracted from one document.

        ``replace=False`` when the document has none (the import's put_document cleared them).
        """
        with self.transaction():
            if replace:
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
