"""The documents list: document headers, fetched in batches as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from wpk_archive.ui.plain import tooltip

DocIdRole = Qt.ItemDataRole.UserRole + 3

Fetch = Callable[[int, int], list[dict[str, Any]]]
"""fetch(offset, limit) -> document headers."""


class DocumentsModel(QAbstractListModel):
    """(id, title, date, source) rows, ``batch`` at a time: 200,000 documents cost what is shown."""

    def __init__(self, batch: int = 500, parent: Any = None) -> None:
        super().__init__(parent)
        self.batch = batch
        self.rows: list[dict[str, Any]] = []
        self.total = 0
        self._fetch: Fetch | None = None

    def reset(self, total: int, first: list[dict[str, Any]], fetch: Fetch) -> None:
        """Show ``total`` documents, of which ``first`` are already read."""
        self.beginResetModel()
        self.total = total
        self.rows = list(first)
        self._fetch = fetch
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid() or self._fetch is None:
            return
        more = self._fetch(len(self.rows), self.batch)
        if not more:
            self.total = len(self.rows)
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row['date'] or 'undated'}   {row['title']}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(" · ".join(x for x in (row["title"], row.get("source"), row["id"]) if x))
        if role == DocIdRole:
            return row["id"]
        return None
