"""The documents list: document headers, fetched in batches off the GUI thread as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from wpk_archive.ui.models.paging import LOADING, PagedListModel

DocIdRole = Qt.ItemDataRole.UserRole + 3


class DocumentsModel(PagedListModel):
    """(id, title, date, source) rows, ``batch`` at a time: 200,000 documents cost what is shown."""

    def __init__(self, batch: int = 500, parent: Any = None) -> None:
        super().__init__(batch, parent)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if row is LOADING:
            return self.placeholder_data(role)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row['date'] or 'undated'}   {row['title']}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(x for x in (row["title"], row.get("source"), row["id"]) if x)
        if role == DocIdRole:
            return row["id"]
        return None
