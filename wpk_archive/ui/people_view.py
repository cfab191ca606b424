"""The People tab: officials in a sortable table; one person's chart of appearances per month
and every appearance (a click opens the passage); two printed lists compared.

Widgets only: the pane asks for what it shows by signal (the window reads it off the GUI thread,
see :mod:`wpk_archive.ui.actions.research`) and shows what it is given.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wpk_archive.core.people import Person, appearances_per_month, days_absent
from wpk_archive.ui.charts import seconds, time_plot
from wpk_archive.ui.plain import plain_label, tooltip

SortRole = Qt.ItemDataRole.UserRole + 10
DataRole = Qt.ItemDataRole.UserRole + 11
PEOPLE_COLUMNS = ("Name", "Appearances", "Last seen", "Days absent", "Latest office")
APPEARANCE_COLUMNS = ("Date", "Article", "¶", "Position", "List", "Office", "Event")
LIST_COLUMNS = ("Date", "List", "Names", "Article")
KIND_WORDS = {
    "present": "present",
    "accompanied": "accompanying",
    "participants": "participants",
    "funeral_committee": "funeral committee",
    "presidium": "presidium",
    "elected": "elected",
    "mourners": "mourners",
    "delegation": "delegation",
    "other": "other list",
}


def latest_office(person: Person) -> str:
    """The office the person was seen with last ("" when the texts give none)."""
    if not person.offices:
        return ""
    return max(person.offices, key=lambda o: (o.last_seen or "", o.first_seen or "")).title


def _item(text: str, sort: Any = None, data: Any = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(text if sort is None else sort, SortRole)
    if data is not None:
        item.setData(data, DataRole)
    if len(text) > 40:
        item.setToolTip(tooltip(text))
    return item


class _Table(QTableView):
    """A read-only, sortable table over a filtering proxy."""

    def __init__(self, columns: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = QStandardItemModel(0, len(columns), self)
        self.source.setHorizontalHeaderLabels(list(columns))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(22)
        self.setWordWrap(False)
        self.horizontalHeader().setStretchLastSection(True)

    def fill(self, rows: list[list[QStandardItem]]) -> None:
        """Replace the rows (sorting kept)."""
        self.source.removeRows(0, self.source.rowCount())
        for row in rows:
            self.source.appendRow(row)

    def data_at(self, row: int) -> Any:
        """The object behind a (proxy) row."""
        index = self.proxy.index(row, 0)
        return index.data(DataRole) if index.isValid() else None


class PersonView(QWidget):
    """One person: names, offices, a chart of appearances per month, and every appearance."""

    appearance_chosen = Signal(str, int, int, int)
    """(doc_id, passage, start, end) of the appearance clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person: Person | None = None
        self.header = plain_label("Choose a person above.")
        self.header.setObjectName("personHeader")
        self.header.setWordWrap(True)
        self.chart = time_plot()
        self.chart.setObjectName("personChart")
        self.chart.setMinimumHeight(150)
        self.chart.setLabel("left", "appearances")
        self.bars: pg.BarGraphItem | None = None
        self.table = _Table(APPEARANCE_COLUMNS)
        self.table.setObjectName("appearances")
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setSizes([180, 260])
        layout.addWidget(split, 1)

    def show_person(
        self,
        person: Person,
        detail: dict[str, Any],
        titles: dict[str, str],
        events: dict[str, str],
    ) -> None:
        """Show a person: ``detail`` in the ``person --json`` shape, ``titles`` of its
        documents, ``events`` the names of its appearances' timeline events."""
        self.person = person
        offices = "; ".join(
            f"{o['title']} ({o['first_seen'] or '?'} – {o['last_seen'] or '?'})"
            for o in detail["offices"][-4:]
        )
        other = [v for v in detail["variants"] if v != person.name][:4]
        lines = [
            f"{person.name} — {len(detail['appearances'])} appearances, "
            f"{person.first_seen or '?'} – {person.last_seen or '?'}"
        ]
        if other:
            lines.append("also written: " + ", ".join(other))
        if offices:
            lines.append("offices: " + offices)
        self.header.setText("\n".join(lines))
        self._draw(person)
        rows = []
        for a in detail["appearances"]:
            title = titles.get(a["doc_id"], a["doc_id"])
            if a["list_position"] is not None:
                position = f"{a['list_position']} of {a['list_length']}"
                sort = (a["list_position"], a["list_length"])
            else:
                position, sort = "", (10**6, 0)
            kind = KIND_WORDS.get(a["list_kind"] or "", a["list_kind"] or "")
            event = events.get(a["event_id"] or "", "")
            rows.append(
                [
                    _item(a["date"] or "undated", a["date"] or "", data=a),
                    _item(title),
                    _item(str(a["passage"]), a["passage"]),
                    _item(position, sort[0] * 10000 + sort[1]),
                    _item(kind),
                    _item(a["office"] or ""),
                    _item(event),
                ]
            )
        self.table.fill(rows)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        for column in (1, 5):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))

    def _draw(self, person: Person) -> None:
        self.chart.clear()
        months = appearances_per_month(person)
        if not months:
            return
        xs = [seconds(m, middle=True) for m, _ in months]
        heights = [n for _, n in months]
        width = 27 * 86400  # a little less than a month, so bars stay apart
        self.bars = pg.BarGraphItem(x=xs, height=heights, width=width, brush="#2f6db5")
        self.chart.addItem(self.bars)
        pad = 45 * 86400
        self.chart.setXRange(xs[0] - pad, xs[-1] + pad, padding=0)
        self.chart.setYRange(0, max(heights) * 1.1 + 0.5, padding=0)
        self.chart.setTitle(f"{person.name}: appearances per month", size="9pt")

    def _chosen(self, index: Any) -> None:
        a = self.table.data_at(index.row())
        if a is not None:
            self.appearance_chosen.emit(a["doc_id"], a["passage"], a["start"], a["end"])


class ComparisonView(QWidget):
    """Two printed lists chosen from every list of the archive, and how they compare."""

    lists_wanted = Signal()
    comparison_wanted = Signal(str, str)
    """(list id A, list id B)."""

    GROUPS = (
        ("moved_up", "Moved up"),
        ("moved_down", "Moved down"),
        ("new", "New in B"),
        ("missing", "Missing from B"),
        ("same", "Same rank"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: dict[str, Any] = {"a": None, "b": None}
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter lists (title, kind, date)…")
        self.filter.setClearButtonEnabled(True)
        self.lists = _Table(LIST_COLUMNS)
        self.lists.setObjectName("printedLists")
        self.filter.textChanged.connect(self.lists.proxy.setFilterFixedString)
        self.labels = {side: plain_label(f"{side.upper()}: —") for side in ("a", "b")}
        buttons = QHBoxLayout()
        for side in ("a", "b"):
            button = QPushButton(f"Set as {side.upper()}")
            button.clicked.connect(lambda _=False, s=side: self.set_selected(s))
            buttons.addWidget(button)
        self.compare_button = QPushButton("Compare")
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.compare)
        buttons.addWidget(self.compare_button)
        self.result = QTreeWidget()
        self.result.setObjectName("comparison")
        self.result.setColumnCount(4)
        self.result.setHeaderLabels(["Name", "Printed in A", "Printed in B", "Rank among shared"])
        self.result.headerItem().setToolTip(
            3,
            "Rank among the people both lists name: who moved up or down is read from this "
            "(a name dropped above someone does not move them up)",
        )
        self.result.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary = plain_label("")
        self.summary.setWordWrap(True)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.filter)
        top_layout.addWidget(self.lists, 1)
        top_layout.addLayout(buttons)
        for side in ("a", "b"):
            self.labels[side].setWordWrap(True)
            top_layout.addWidget(self.labels[side])
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.summary)
        bottom_layout.addWidget(self.result, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def set_lists(self, lists: list[Any]) -> None:
        """Show every printed list (``PrintedList`` objects)."""
        rows = []
        for item in lists:
            kind = KIND_WORDS.get(item.kind or "", item.kind or "")
            rows.append(
                [
                    _item(item.date or "undated", item.date or "", data=item),
                    _item(kind),
                    _item(str(item.length), item.length),
                    _item(item.title),
                ]
            )
        self.lists.fill(rows)
        self.lists.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.lists.resizeColumnsToContents()

    def set_selected(self, side: str) -> None:
        """Make the selected list list A or B."""
        rows = self.lists.selectionModel().selectedRows()
        if rows:
            self.choose(side, self.lists.data_at(rows[0].row()))

    def choose(self, side: str, item: Any) -> None:
        """Make ``item`` (a ``PrintedList``) list A or B."""
        if item is None:
            return
        self.chosen[side] = item
        kind = KIND_WORDS.get(item.kind or "", item.kind or "")
        self.labels[side].setText(
            f"{side.upper()}: {item.date or 'undated'} · {kind}, {item.length} names · {item.title}"
        )
        self.compare_button.setEnabled(all(self.chosen.values()))

    def compare(self) -> None:
        """Ask for the comparison of A and B."""
        a, b = self.chosen["a"], self.chosen["b"]
        if a is not None and b is not None:
            self.summary.setText("Comparing…")
            self.comparison_wanted.emit(a.list_id, b.list_id)

    def show_comparison(self, result: dict[str, Any]) -> None:
        """Show a comparison in the ``compare-lists --json`` shape."""
        self.result.clear()
        counts = []
        for group, title in self.GROUPS:
            entries = result[group]
            counts.append(f"{len(entries)} {title[0].lower()}{title[1:]}")
            top = QTreeWidgetItem([f"{title} ({len(entries)})", "", "", ""])
            for e in entries:
                rank = ""
                if e["rank_a"] is not None and e["rank_b"] is not None:
                    rank = f"{e['rank_a']} → {e['rank_b']}"
                top.addChild(
                    QTreeWidgetItem(
                        [
                            e["name"],
                            "—" if e["position_a"] is None else str(e["position_a"]),
                            "—" if e["position_b"] is None else str(e["position_b"]),
                            rank,
                        ]
                    )
                )
            self.result.addTopLevelItem(top)
            top.setExpanded(group in ("moved_up", "moved_down", "new"))
        a, b = result["a"], result["b"]
        self.summary.setText(
            f"A: {a['date']} {a['title']} ({a['length']} names) → "
            f"B: {b['date']} {b['title']} ({b['length']} names): " + ", ".join(counts)
        )

    def show_error(self, message: str) -> None:
        """Say why the comparison failed."""
        self.summary.setText(f"Could not compare: {message}")


class PeoplePane(QWidget):
    """People (table and person view) and the comparison of two lists, in two inner tabs."""

    people_wanted = Signal()
    person_wanted = Signal(object)
    """The person (``Person``) whose detail is wanted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: list[Person] = []
        self.as_of: date | None = None
        self.filter = QLineEdit()
        self.filter.setObjectName("peopleFilter")
        self.filter.setPlaceholderText("Filter by name or office…")
        self.filter.setClearButtonEnabled(True)
        self.count = QLabel("")
        self.table = _Table(PEOPLE_COLUMNS)
        self.table.setObjectName("people")
        self.filter.textChanged.connect(self._filter)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)
        self.person_view = PersonView()
        self.comparison = ComparisonView()
        people_page = QWidget()
        column = QVBoxLayout(people_page)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.count)
        column.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.person_view)
        split.setSizes([300, 420])
        column.addWidget(split, 1)
        self.inner = QTabWidget()
        self.inner.addTab(people_page, "People")
        self.inner.addTab(self.comparison, "Compare lists")
        self.inner.currentChanged.connect(self._inner_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner)
        self._lists_loaded = False

    def set_people(self, people: list[Person], as_of: str | None) -> None:
        """Show every person; days absent count to ``as_of`` (the archive's newest date)."""
        self.people = people
        self.as_of = date.fromisoformat(as_of[:10]) if as_of and len(as_of) >= 10 else None
        rows = []
        for person in people:
            absent = days_absent(person, self.as_of) if self.as_of else None
            rows.append(
                [
                    _item(person.name, person.name.casefold(), data=person),
                    _item(str(len(person.appearances)), len(person.appearances)),
                    _item(person.last_seen or "", person.last_seen or ""),
                    _item(
                        "" if absent is None else f"{absent:,}", -1 if absent is None else absent
                    ),
                    _item(latest_office(person)),
                ]
            )
        self.table.setSortingEnabled(False)
        self.table.fill(rows)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, max(self.table.columnWidth(0), 140))
        self.table.source.horizontalHeaderItem(3).setToolTip(
            f"Days from the last appearance to {self.as_of or 'the newest article'}"
        )
        self._count()

    def _filter(self, text: str) -> None:
        self.table.proxy.setFilterFixedString(text)
        self._count()

    def _count(self) -> None:
        shown, total = self.table.proxy.rowCount(), len(self.people)
        self.count.setText(
            f"{shown:,} of {total:,} people" if shown != total else f"{total:,} people"
        )

    def choose_row(self, row: int) -> None:
        """Choose the person shown in (proxy) ``row``."""
        self.table.selectRow(row)
        self._chosen(self.table.proxy.index(row, 0))

    def _chosen(self, index: Any) -> None:
        person = self.table.data_at(index.row())
        if person is not None:
            self.person_view.header.setText(f"Reading {person.name}…")
            self.person_wanted.emit(person)

    def _inner_changed(self, index: int) -> None:
        if self.inner.widget(index) is self.comparison and not self._lists_loaded:
            self._lists_loaded = True
            self.comparison.lists_wanted.emit()
