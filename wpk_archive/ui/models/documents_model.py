"""The documents list: document headers, fetched in batches off the GUI thread as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem

from wpk_archive.ui.models.paging import ROW_FLAGS, PagedListModel
from wpk_archive.ui.plain import tooltip

DocIdRole = Qt.ItemDataRole.UserRole + 3


class DocumentsModel(PagedListModel):
    """(id, title, date, source) rows, ``batch`` at a time: 200,000 documents cost what is shown."""

    def __init__(self, batch: int = 500, parent: Any = None) -> None:
        super().__init__(batch, parent)

    def item_for(self, row: Any) -> QStandardItem:
        """The date and title; the tooltip adds the source and the id."""
        item = QStandardItem(f"{row['date'] or 'undated'}   {row['title']}")
        item.setToolTip(
            tooltip(" · ".join(x for x in (row["title"], row.get("source"), row["id"]) if x))
        )
        item.setData(row["id"], DocIdRole)
        item.setFlags(ROW_FLAGS)
        return item
