"""The timeline list: events in date order under year headings, fetched in batches as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from wpk_archive.core.models import Event
from wpk_archive.ui.labels import KIND_COLOURS, KIND_LABELS, date_label
from wpk_archive.ui.plain import tooltip

EventRole = Qt.ItemDataRole.UserRole + 1
HeaderRole = Qt.ItemDataRole.UserRole + 2

Fetch = Callable[[int, int], list[Event]]
"""fetch(offset, limit) -> events."""


def _year(event: Event) -> str:
    return event.start[:4] if event.start else "Undated"


class TimelineModel(QAbstractListModel):
    """Events `batch` at a time: a view of 100,000 events costs what its visible rows cost.

    Rows are year headings ("2012", …, "Undated") and events; only fetched events have rows.
    """

    def __init__(self, batch: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self.batch = batch
        self._rows: list[Event | str] = []
        self._fetched = 0
        self._total = 0
        self._fetch: Fetch | None = None
        self.fetch_calls = 0

    def reset(self, total: int, first: list[Event], fetch: Fetch) -> None:
        """Show a new result: ``total`` events, of which ``first`` are already read."""
        self.beginResetModel()
        self._total = total
        self._rows = []
        self._fetched = 0
        self._fetch = fetch
        self._append(first)
        self.endResetModel()

    def _append(self, events: list[Event]) -> None:
        last_year = next((_year(r) for r in reversed(self._rows) if isinstance(r, Event)), None)
        for event in events:
            year = _year(event)
            if year != last_year:
                self._rows.append(year)
                last_year = year
            self._rows.append(event)
        self._fetched += len(events)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._fetched < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid() or self._fetch is None:
            return
        self.fetch_calls += 1
        more = self._fetch(self._fetched, self.batch)
        if not more:
            self._total = self._fetched
            return
        staged = TimelineModel(self.batch)
        staged._rows = list(self._rows)
        staged._fetched = self._fetched
        staged._append(more)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, len(staged._rows) - 1)
        self._rows = staged._rows
        self._fetched = staged._fetched
        self.endInsertRows()

    @property
    def total(self) -> int:
        """Events in the whole result (fetched or not)."""
        return self._total

    @property
    def fetched(self) -> int:
        """Events read so far."""
        return self._fetched

    def event_at(self, row: int) -> Event | None:
        """The event shown in ``row`` (None for a year heading)."""
        if 0 <= row < len(self._rows):
            item = self._rows[row]
            return item if isinstance(item, Event) else None
        return None

    def first_event_row(self) -> int | None:
        """The row of the first event, if any."""
        return next((i for i, r in enumerate(self._rows) if isinstance(r, Event)), None)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self._rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if isinstance(item, str):
            return self._header_data(item, role)
        event = item
        if role == Qt.ItemDataRole.DisplayRole:
            sources = len({(s.doc_id, s.passage) for s in event.sources})
            more = f"  · {sources} sources" if sources > 1 else ""
            mark = " ≠" if event.conflicting_dates else ""
            mark += " ✎" if (event.corrected or event.manual) else ""
            return (
                f"{date_label(event.start, event.end, event.precision)}{mark}\n{event.name}{more}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = KIND_LABELS.get(event.kind, event.kind)
            inferred = "\nYear inferred from the article's date" if event.year_inferred else ""
            conflict = (
                "\nSources disagree on the date: " + ", ".join(event.conflicting_dates)
                if event.conflicting_dates
                else ""
            )
            quote = f"\n\n“{event.sources[0].quote}”" if event.sources else ""
            mine = ""
            if event.manual:
                mine = "\nAdded by you"
            shown = {
                k: v
                for k, v in event.corrected.items()
                if k in ("start", "end", "precision", "kind", "name")
            }
            if shown:
                mine += "\nCorrected by you; extracted " + ", ".join(
                    f"{k}: {v}" for k, v in shown.items()
                )
            return tooltip(f"{kind}{inferred}{conflict}{mine}{quote}")
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(KIND_COLOURS.get(event.kind, "#888888"))
        if role == EventRole:
            return event
        return None

    @staticmethod
    def _header_data(year: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return year
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            return font
        if role == HeaderRole:
            return year
        return None
