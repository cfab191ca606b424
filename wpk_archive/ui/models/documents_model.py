"""The documents list: headers of every document, shown through one model reset."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

DocIdRole = Qt.ItemDataRole.UserRole + 3


class DocumentsModel(QAbstractListModel):
    """(id, title, date, source) rows; the view asks only for what it shows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these documents (one reset, however many)."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row['date'] or 'undated'}   {row['title']}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(x for x in (row["title"], row.get("source"), row["id"]) if x)
        if role == DocIdRole:
            return row["id"]
        return None
