"""The Trends tab: how often queries occur per month or year, overlaid on one chart with the
timeline's meetings as markers; a click on a point lists that period's passages.

Widgets only: the pane asks for a trend and a period's passages by signal (the window reads
them off the GUI thread, see :mod:`wpk_archive.ui.actions.research`) and draws what it gets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wpk_archive.core.models import Event, SearchResult
from wpk_archive.core.trends import Trend, period_bounds
from wpk_archive.ui.charts import SERIES_COLOURS, seconds, time_plot
from wpk_archive.ui.labels import KIND_COLOURS, KIND_LABELS
from wpk_archive.ui.plain import plain_label
from wpk_archive.ui.search_panel import HitModel, HitRole, HtmlDelegate

MARKER_KINDS = ("party_congress", "party_conference", "cc_plenary", "spa_session")
"""The meetings drawn as markers (the others would hide the curves)."""
LABELLED_KINDS = ("party_congress", "party_conference")
MEASURES = (
    ("per_10k_passages", "per 10,000 passages"),
    ("passages", "matching passages"),
    ("documents", "matching articles"),
)
SEPARATOR = ";"


@dataclass(frozen=True)
class TrendRequest:
    """What the pane asks for: queries, by month or year, optional bounds."""

    queries: tuple[str, ...]
    by: str
    date_from: str | None
    date_to: str | None


def split_queries(text: str) -> list[str]:
    """The queries typed in the box, separated by semicolons (empty ones dropped)."""
    return [q.strip() for q in text.split(SEPARATOR) if q.strip()]


class TrendsPane(QWidget):
    """Queries, a chart of their frequency over time, and the passages of a clicked period."""

    trend_wanted = Signal(object)
    """A :class:`TrendRequest`."""
    period_wanted = Signal(str, str, str)
    """(query, first day, last day) of the point clicked."""
    hit_chosen = Signal(object, str)
    """(hit, query) of a passage chosen in the period's list."""
    drawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend: Trend | None = None
        self.events: list[Event] = []
        self.curves: list[pg.PlotDataItem] = []
        self.markers: list[pg.InfiniteLine] = []
        self.period_query = ""
        self.box = QLineEdit()
        self.box.setObjectName("trendQueries")
        self.box.setPlaceholderText('Queries, separated by ";" — e.g. nuclear; "self-reliance"')
        self.box.returnPressed.connect(self.request)
        self.by = QComboBox()
        self.by.addItem("by month", "month")
        self.by.addItem("by year", "year")
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText("from")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("to")
        for box in (self.date_from, self.date_to):
            box.setMaximumWidth(90)
            box.returnPressed.connect(self.request)
        self.measure = QComboBox()
        for key, label in MEASURES:
            self.measure.addItem(label, key)
        self.measure.currentIndexChanged.connect(lambda _i: self.redraw())
        self.show_markers = QCheckBox("Meetings")
        self.show_markers.setChecked(True)
        self.show_markers.setToolTip("The timeline's party congresses, conferences, plenary "
                                     "meetings and SPA sessions as vertical lines")  # fmt: skip
        self.show_markers.toggled.connect(lambda _on: self.redraw())
        self.draw_button = QPushButton("Draw")
        self.draw_button.clicked.connect(self.request)
        self.status = plain_label("")
        self.status.setWordWrap(True)
        self.chart = time_plot()
        self.chart.setObjectName("trendChart")
        self.chart.setMinimumHeight(220)
        self.legend = self.chart.addLegend(offset=(10, 10))
        self.marker_key = QLabel(self._marker_key())
        self.marker_key.setTextFormat(Qt.TextFormat.RichText)
        self.period_status = plain_label("Click a point to list that period's passages.")
        self.period_status.setWordWrap(True)
        self.hits = HitModel(self)
        self.list = QListView()
        self.list.setObjectName("periodHits")
        self.list.setModel(self.hits)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.activated.connect(self._hit)
        self.list.clicked.connect(self._hit)

        controls = QHBoxLayout()
        controls.addWidget(self.by)
        controls.addWidget(self.date_from)
        controls.addWidget(self.date_to)
        controls.addWidget(self.measure)
        controls.addWidget(self.show_markers)
        controls.addStretch(1)
        controls.addWidget(self.draw_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.box)
        top_layout.addLayout(controls)
        top_layout.addWidget(self.status)
        top_layout.addWidget(self.chart, 1)
        top_layout.addWidget(self.marker_key)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.period_status)
        bottom_layout.addWidget(self.list, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([430, 250])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    @staticmethod
    def _marker_key() -> str:
        parts = [
            f"<span style='color:{KIND_COLOURS[k]}'>┃</span> {KIND_LABELS[k]}" for k in MARKER_KINDS
        ]
        return "<small>Markers: " + " &nbsp; ".join(parts) + "</small>"

    def request(self) -> None:
        """Ask for the trend of the queries typed."""
        queries = split_queries(self.box.text())
        if not queries:
            self.status.setText('Type one or more queries, separated by ";".')
            return
        self.status.setText("Counting…")
        self.trend_wanted.emit(
            TrendRequest(
                queries=tuple(queries),
                by=str(self.by.currentData()),
                date_from=self.date_from.text().strip() or None,
                date_to=self.date_to.text().strip() or None,
            )
        )

    def show_trend(self, trend: Trend, events: list[Event]) -> None:
        """Draw a trend, with ``events`` (the timeline's, in its window) as markers."""
        self.trend = trend
        self.events = [e for e in events if e.start and e.kind in MARKER_KINDS]
        notes = [f"{s.query}: {s.message}" for s in trend.series if s.message]
        totals = "; ".join(f"{s.query} — {s.total:,}" for s in trend.series)
        self.status.setText(" ".join([f"Matching passages: {totals}.", *notes]))
        self.redraw()

    def show_error(self, message: str) -> None:
        """Say why the trend could not be counted."""
        self.status.setText(f"Could not count: {message}")

    def redraw(self) -> None:
        """Draw the current trend with the current measure and markers."""
        self.chart.clear()
        self.legend.clear()
        self.curves, self.markers = [], []
        trend = self.trend
        if trend is None:
            return
        measure = str(self.measure.currentData())
        label = dict(MEASURES)[measure]
        self.chart.setLabel("left", label)
        for i, series in enumerate(trend.series):
            colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            xs = [seconds(p.period, middle=True) for p in series.points]
            ys = [
                math.nan if not p.all_passages else float(getattr(p, measure) or 0.0)
                for p in series.points
            ]  # no passage at all that period: a gap, not a zero
            curve = pg.PlotDataItem(
                xs,
                ys,
                pen=pg.mkPen(colour, width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=colour,
                symbolPen=colour,
                connect="finite",
                name=series.query,
            )
            curve.sigPointsClicked.connect(
                lambda _item, points, _ev, index=i: self._clicked(index, points)
            )
            self.chart.addItem(curve)
            self.curves.append(curve)
        if self.show_markers.isChecked():
            for event in self.events:
                assert event.start is not None
                line = pg.InfiniteLine(
                    pos=seconds(event.start),
                    angle=90,
                    pen=pg.mkPen(QColor(KIND_COLOURS.get(event.kind, "#999")), width=1,
                                 style=Qt.PenStyle.DashLine),
                    label=event.name[:40] if event.kind in LABELLED_KINDS else None,
                    labelOpts={"position": 0.92, "rotateAxis": (1, 0), "color": "#555"},
                )  # fmt: skip
                line.setToolTip(f"{event.start} — {event.name}")
                self.chart.addItem(line)
                self.markers.append(line)
        self.drawn.emit()

    def _clicked(self, index: int, points: Any) -> None:
        if len(points):
            self.choose_point(index, int(points[0].index()))

    def choose_point(self, series_index: int, point_index: int) -> None:
        """Ask for the passages of one point (a query's period)."""
        if self.trend is None:
            return
        series = self.trend.series[series_index]
        point = series.points[point_index]
        first, last = period_bounds(point.period)
        window_from, window_to = self.trend.date_from, self.trend.date_to
        first = max(first, window_from) if window_from else first
        last = min(last, window_to) if window_to else last
        self.period_query = series.query
        self.period_status.setText(f"{series.query} · {point.period}: reading…")
        self.period_wanted.emit(series.query, first, last)

    def show_period(self, label: str, result: SearchResult) -> None:
        """List a period's passages (a search of the query in the period)."""
        self.hits.set_result(result)
        shown = len(result.hits)
        more = f", the first {shown} shown" if shown < result.total else ""
        self.period_status.setText(f"{label}: {result.total} passage(s){more}")

    def _hit(self, index: Any) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.hit_chosen.emit(hit, self.period_query)
