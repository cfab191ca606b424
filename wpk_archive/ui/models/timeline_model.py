"""The timeline list: events in date order under year headings, fetched in batches as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QStandardItem

from wpk_archive.core.models import Event
from wpk_archive.ui.labels import BASIS_LABELS, KIND_COLOURS, KIND_LABELS, date_label
from wpk_archive.ui.models.paging import ROW_FLAGS, PagedListModel
from wpk_archive.ui.plain import tooltip

HeaderRole = Qt.ItemDataRole.UserRole + 2


def _year(event: Event) -> str:
    return event.start[:4] if event.start else "Undated"


class TimelineModel(PagedListModel):
    """Events `batch` at a time: a view of 100,000 events costs what its visible rows cost.

    Rows are year headings ("2012", …, "Undated") and events; only fetched events have rows, and
    a page being read shows as placeholder rows (see :mod:`wpk_archive.ui.models.paging`). The
    items hold text, colours and fonts only; :meth:`event_at` gives a row's event (Python
    objects kept inside Qt items are not reliably reference-counted by PySide6).
    """

    def __init__(self, batch: int = 200, parent: Any = None) -> None:
        super().__init__(batch, parent)
        self.korean_first = False
        """Whether an event's Korean name (from the chronology) comes before its English one."""

    def set_korean_first(self, on: bool) -> None:
        """Put the Korean names first (or the English ones), in the rows already shown too."""
        self.korean_first = on
        for row in range(self.rowCount()):
            event = self.event_at(row)
            item = self.item(row)
            if event is not None and event.name_ko and item is not None:
                item.setText(_label(event, on))

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

    def item_for(self, row: Any) -> QStandardItem:
        """A bold year heading, or an event: its dates and marks, its name, a kind colour."""
        if isinstance(row, str):
            heading = QStandardItem(row)
            font = QFont()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            heading.setFont(font)
            heading.setData(row, HeaderRole)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren)
            return heading
        event: Event = row
        item = QStandardItem(_label(event, self.korean_first))
        item.setToolTip(tooltip(_tooltip(event)))
        item.setData(
            QColor(KIND_COLOURS.get(event.kind, "#888888")), Qt.ItemDataRole.DecorationRole
        )
        if event.reference_only:  # a meeting of the reference chronology that no document names
            font = QFont()
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(QColor("#7a7a7a"))
        item.setFlags(ROW_FLAGS)
        return item


def _label(event: Event, korean_first: bool = False) -> str:
    sources = len({(s.doc_id, s.passage) for s in event.sources})
    # a re-sent story (near-duplicate documents) counts once: see core/ingest/neardup.py
    independent = min(sources, event.independent_sources or sources)
    more = f"  · {independent} sources" if independent > 1 else ""
    if independent < sources:
        more += f" (+{sources - independent} re-sent)"
    if event.reference_only:
        more = "  · reference chronology, no source"
    # "≈": a date no source text gives (the reference chronology's)
    mark = " ≈" if event.date_basis == "chronology" and not event.reference_only else ""
    mark += " ≠" if event.conflicting_dates else ""
    mark += " ✎" if (event.corrected or event.manual) else ""
    status = f"  ({event.status})" if event.status in ("announced", "postponed") else ""
    when = date_label(event.start, event.end, event.precision)
    name = event.name
    if event.name_ko:  # the chronology's Korean name beside the English one
        name = f"{event.name_ko} · {name}" if korean_first else f"{name} · {event.name_ko}"
    return f"{when}{mark}{status}\n{name}{more}"


def _tooltip(event: Event) -> str:
    kind = KIND_LABELS.get(event.kind, event.kind)
    inferred = "\nYear inferred from the article's date" if event.year_inferred else ""
    conflict = (
        "\nSources disagree on the date: " + ", ".join(event.conflicting_dates)
        if event.conflicting_dates
        else ""
    )
    basis = BASIS_LABELS.get(event.date_basis or "", "")
    basis = f"\n{basis[:1].upper()}{basis[1:]}" if basis else ""
    if event.chronology:
        row = event.chronology
        when = date_label(row.get("start"), row.get("end"))
        basis += f"\nReference chronology: {row.get('name')}, {when}\n{row.get('source_url')}"
    status = f"\nStatus: {event.status}" if event.status in ("announced", "postponed") else ""
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
        mine += "\nCorrected by you; extracted " + ", ".join(f"{k}: {v}" for k, v in shown.items())
    korean = f"\n{event.name_ko}" if event.name_ko else ""
    return f"{kind}{korean}{inferred}{basis}{status}{conflict}{mine}{quote}"
