"""Charts (pyqtgraph, MIT): a plot with a time axis, and the dates it needs as seconds.

pyqtgraph draws with Qt's own painter (QGraphicsView), so it works offscreen and in the built
app; Qt Charts (GPL) is not used.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timezone

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

pg.setConfigOptions(background="w", foreground="#333333", antialias=True)

SERIES_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b")
"""Colours of overlaid series, in order (colour-blind-safe enough to tell apart)."""


def seconds(iso: str, *, middle: bool = False) -> float:
    """A date "YYYY", "YYYY-MM" or "YYYY-MM-DD" as seconds since 1970 (UTC), at its first day,
    or with ``middle`` at the middle of the year or month it names."""
    year = int(iso[:4])
    month = int(iso[5:7]) if len(iso) >= 7 else (7 if middle else 1)
    if len(iso) >= 10:
        day = int(iso[8:10])
    elif middle and len(iso) >= 7:
        day = (calendar.monthrange(year, month)[1] + 1) // 2
    else:
        day = 1
    day = min(day, calendar.monthrange(year, month)[1])  # a stored "2012-02-30"
    return datetime(year, month, day, tzinfo=timezone.utc).timestamp()


def time_plot(parent: QWidget | None = None) -> pg.PlotWidget:
    """A plot whose x axis reads dates (seconds since 1970), with a light grid; the mouse
    zooms horizontally only."""
    plot = pg.PlotWidget(parent=parent, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.setMouseEnabled(x=True, y=False)
    plot.setMenuEnabled(False)
    plot.getPlotItem().hideButtons()
    return plot
