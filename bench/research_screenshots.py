#!/usr/bin/env python
"""Screenshots of the People and Trends tabs (issue #17), taken offscreen on an archive of the
real corpus: the People tab, a person with a chart, a comparison of two lists, and a trend chart
with two queries and meeting markers.

    bench/research_screenshots.py ARCHIVE_FOLDER OUT_FOLDER

ARCHIVE_FOLDER is an archive built from ../shared/corpus (e.g. bench/out/corpus_archive, made by
``bench/trend_bench.py --build``); nothing is written into it. The PNGs go to OUT_FOLDER.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from wpk_archive.ui.main_window import MainWindow  # noqa: E402


def wait_for(signal, timeout: int = 60000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout, loop.quit)
    loop.exec()


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    archive, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(archive, settings=settings)
    window.resize(1500, 900)
    window.show()
    wait_for(window.timeline_loaded)
    window.tasks.wait()
    window.split.setSizes([820, 680])

    # the People tab, sorted by appearances
    window.tabs.setCurrentWidget(window.people_pane)
    wait_for(window.research.people_loaded)
    pane = window.people_pane
    rows = [pane.table.data_at(r).name for r in range(pane.table.proxy.rowCount())]
    pane.choose_row(rows.index("Choe Ryong Hae"))
    wait_for(window.research.person_shown)
    window.tasks.wait()
    view = pane.person_view  # open the latest appearance: the passage shows in the reader
    last = view.table.proxy.rowCount() - 1
    view.table.selectRow(last)
    view.table.clicked.emit(view.table.proxy.index(last, 0))
    wait_for(window.document_shown, 10000)
    settle()
    window.grab().save(str(out / "people_tab.png"))

    # a person with a chart (the person view, larger)
    pane.filter.setText("Choe Ryong Hae")
    pane.choose_row(0)
    wait_for(window.research.person_shown)
    settle()
    pane.grab().save(str(out / "person_chart.png"))

    # a comparison: the funeral committee of December 2011 and the farewell ceremony after it
    pane.inner.setCurrentWidget(pane.comparison)
    wait_for(window.research.lists_loaded)
    view = window.people_pane.comparison
    lists = [view.lists.data_at(r) for r in range(view.lists.proxy.rowCount())]
    committee = next(x for x in lists if x.title == "National Funeral Committee Formed")
    ceremony = max(
        (x for x in lists if x.title.startswith("Ceremony of Bidding Last Farewell")),
        key=lambda x: x.length,
    )
    view.filter.setText("2011-12")
    view.choose("a", committee)
    view.choose("b", ceremony)
    view.compare()
    wait_for(window.research.comparison_shown)
    settle()
    pane.grab().save(str(out / "list_comparison.png"))

    # a trend: two queries by month, with the meetings as markers
    window.tabs.setCurrentWidget(window.trends_pane)
    trends = window.trends_pane
    trends.box.setText('nuclear; "self-reliance"')
    trends.date_from.setText("2011-01")
    trends.date_to.setText("2012-12")
    trends.request()
    wait_for(window.research.trend_shown)
    trends.choose_point(0, 3)
    wait_for(window.research.period_shown)
    settle(500)
    trends.grab().save(str(out / "trend_chart.png"))
    window.close()
    app.processEvents()
    for name in ("people_tab", "person_chart", "list_comparison", "trend_chart"):
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
