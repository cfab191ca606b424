"""The timeline list: events in date order under year headings, fetched in batches as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from wpk_archive.core.models import Event
from wpk_archive.ui.labels import KIND_COLOURS, KIND_LABELS, date_label
from wpk_archive.ui.models.paging import LOADING, PagedListModel

EventRole = Qt.ItemDataRole.UserRole + 1
HeaderRole = Qt.ItemDataRole.UserRole + 2


def _year(event: Event) -> str:
    return event.start[:4] if event.start else "Undated"


class TimelineModel(PagedListModel):
    """Events `batch` at a time: a view of 100,000 events costs what its visible rows cost.

    Rows are year headings ("2012", …, "Undated") and events; only fetched events have rows, and
    a page being read shows as placeholder rows (see :mod:`wpk_archive.ui.models.paging`).
    """

    def __init__(self, batch: int = 200, parent: Any = None) -> None:
        super().__init__(batch, parent)

    def rows_for(self, items: list[Any]) -> list[Any]:
        """The events under a heading for each year not already headed above them."""
        last_year = next((_year(r) for r in reversed(self._rows) if isinstance(r, Event)), None)
        rows: list[Event | str] = []
        for event in items:
            year = _year(event)
            if year != last_year:
                rows.append(year)
                last_year = year
            rows.append(event)
        return rows

    def event_at(self, row: int) -> Event | None:
        """The event shown in ``row`` (None for a year heading or a placeholder)."""
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
        if item is LOADING:
            return self.placeholder_data(role)
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
            return f"{kind}{inferred}{conflict}{mine}{quote}"
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
