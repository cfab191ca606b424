"""The timeline list: events in date order, fetched in batches as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from wpk_archive.core.models import Event
from wpk_archive.ui.labels import KIND_COLOURS, KIND_LABELS, date_label

EventRole = Qt.ItemDataRole.UserRole + 1

Fetch = Callable[[int, int], list[Event]]
"""fetch(offset, limit) -> events."""


class TimelineModel(QAbstractListModel):
    """Events shown `batch` at a time: a view of 100,000 events costs what its visible rows cost."""

    def __init__(self, batch: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self.batch = batch
        self._rows: list[Event] = []
        self._total = 0
        self._fetch: Fetch | None = None

    def reset(self, total: int, first: list[Event], fetch: Fetch) -> None:
        """Show a new result: ``total`` events, of which ``first`` are already read."""
        self.beginResetModel()
        self._total = total
        self._rows = list(first)
        self._fetch = fetch
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid() or self._fetch is None:
            return
        more = self._fetch(len(self._rows), self.batch)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    @property
    def total(self) -> int:
        """Events in the whole result (fetched or not)."""
        return self._total

    def event_at(self, row: int) -> Event | None:
        """The event shown in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        event = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            sources = f"  · {len(event.sources)} sources" if len(event.sources) > 1 else ""
            return f"{date_label(event.start, event.end, event.precision)}\n{event.name}{sources}"
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = KIND_LABELS.get(event.kind, event.kind)
            inferred = "\nYear inferred from the article's date" if event.year_inferred else ""
            conflict = (
                "\nSources disagree on the date: " + ", ".join(event.conflicting_dates)
                if event.conflicting_dates
                else ""
            )
            return (
                f"{kind}{inferred}{conflict}\n\n“{event.sources[0].quote}”"
                if event.sources
                else kind
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(KIND_COLOURS.get(event.kind, "#888888"))
        if role == EventRole:
            return event
        return None
