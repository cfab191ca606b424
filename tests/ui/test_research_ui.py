"""The People and Trends tabs, search results exported whole and the keyword-in-context view,
driven as a user drives them (offscreen): what they show is what the archive says, a click opens
the passage, and not one archive call runs on the GUI thread."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from tests.ui.test_responsiveness import ThreadRecorder
from wpk_archive.core.archive import open_archive
from wpk_archive.core.ingest import Item, document_from_text
from wpk_archive.core.people import appearances_per_month
from wpk_archive.ui import main_window as main_window_module
from wpk_archive.ui.main_window import MainWindow
from wpk_archive.ui.search_panel import PAGE

MEETING = "The {n}th Plenary Meeting of the 6th Central Committee of the WPK was held on {day}. "
LISTS = [
    ("Kim Yong Nam", "Choe Yong Rim", "Ri Yong Ho", "Kim Kyong Hui", "Kim Yong Chun"),
    ("Kim Yong Nam", "Kim Kyong Hui", "Ri Yong Ho", "Kim Yong Chun", "O Kuk Ryol"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]


def _articles() -> Iterator[Item]:
    """Two meetings with printed lists, and 90 orchard reports over nine months of 2012 (more
    hits than a page of search results)."""
    for n, names in enumerate(LISTS):
        day = f"{MONTHS[n * 3]} {10 + n}, 2011"
        text = (
            f"Meeting held\n\n{MEETING.format(n=n + 4, day=day)}"
            f"Present there were {', '.join(names[:-1])} and {names[-1]}."
        )
        date = f"2011-{n * 3 + 1:02d}-{11 + n:02d}"
        yield Item(
            f"m:{n}", document_from_text(text, origin=f"m:{n}", title=f"Meeting {n}", date=date)
        )
    for i in range(90):
        month = i % 9 + 1
        text = (
            f"Orchard report {i}\n\nThe orchard of farm {i} was inspected by "
            f"{'Kim Jong Un' if i % 3 == 0 else 'officials'}.\n\nThe orchard bore fruit."
        )
        yield Item(
            f"o:{i}",
            document_from_text(
                text, origin=f"o:{i}", title=f"Orchard {i}", date=f"2012-{month:02d}-05"
            ),
        )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("research") / "archive"
    with open_archive(folder, bundled=False) as archive:
        archive.import_items(_articles())
    return folder


@pytest.fixture
def window(qtbot, built: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "archive"
    shutil.copytree(built, folder)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    main = MainWindow(folder, settings=settings)
    main.resize(1400, 900)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.timeline_loaded, timeout=30000):
        main.show()
    qtbot.waitUntil(lambda: main.reader.state is not None, timeout=10000)
    main.split.setSizes([800, 600])
    yield main
    main.close()


def _people_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.research.people_loaded, timeout=20000):
        window.tabs.setCurrentWidget(window.people_pane)


def _column(table: Any, column: int) -> list[str]:
    return [table.proxy.index(r, column).data() for r in range(table.proxy.rowCount())]


def test_people_tab_sorts_filters_and_shows_a_person_with_chart(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _people_tab(qtbot, window)
    pane = window.people_pane
    archive = window.archive
    assert archive is not None
    expected = {p.name: p for p in archive.people()}
    table = pane.table
    assert (
        set(_column(table, 0)) == set(expected) and pane.count.text() == f"{len(expected)} people"
    )
    assert [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Name", "Appearances", "Last seen", "Days absent", "Latest office",
    ]  # fmt: skip
    # sorted by appearances at first; a click on "Name" sorts by name
    counts = [int(x) for x in _column(table, 1)]
    assert counts == sorted(counts, reverse=True) and counts[0] == 2
    table.horizontalHeader().sectionClicked.emit(0)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = _column(table, 0)
    assert names == sorted(names, key=str.casefold)
    # days absent count to the newest article (2012-09-05), not to today
    row = names.index("Choe Yong Rim")
    assert _column(table, 2)[row] == "2011-01-11" and _column(table, 3)[row] == "603"
    qtbot.keyClicks(pane.filter, "kim yong")
    assert set(_column(table, 0)) == {"Kim Yong Nam", "Kim Yong Chun"}
    assert "2 of" in pane.count.text()
    pane.filter.clear()

    row = _column(table, 0).index("Kim Kyong Hui")
    with qtbot.waitSignal(window.research.person_shown, timeout=20000):
        table.clicked.emit(table.proxy.index(row, 0))
    view = pane.person_view
    assert "Kim Kyong Hui — 2 appearances" in view.header.text()
    bars = [item for item in view.chart.getPlotItem().items if isinstance(item, pg.BarGraphItem)]
    assert len(bars) == 1
    heights = [int(h) for h in bars[0].opts["height"]]
    assert heights == [n for _, n in appearances_per_month(expected["Kim Kyong Hui"])]
    assert heights == [1, 0, 0, 1]  # January and April 2011, the months between at zero
    rows = view.table.proxy.rowCount()
    assert rows == 2 and _column(view.table, 3) == ["4 of 5", "2 of 5"]
    assert _column(view.table, 4) == ["present", "present"]
    assert all(_column(view.table, 6)), "each list is in the passage that dates its meeting"
    # a click on an appearance opens its passage in the reader, the name in focus
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        view.table.clicked.emit(view.table.proxy.index(1, 0))
    state = window.reader.state
    assert state is not None and state.document.title == "Meeting 1" and state.passage == 2
    assert state.focus is not None
    assert state.document.text[state.focus[0] : state.focus[1]] == "Kim Kyong Hui"


def test_two_lists_compared_in_the_people_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _people_tab(qtbot, window)
    pane = window.people_pane
    with qtbot.waitSignal(window.research.lists_loaded, timeout=20000):
        pane.inner.setCurrentWidget(pane.comparison)
    view = pane.comparison
    lists = [view.lists.data_at(r) for r in range(view.lists.proxy.rowCount())]
    assert [(x.title, x.length) for x in lists] == [("Meeting 1", 5), ("Meeting 0", 5)]
    # choose A and B as a user does: select a row, press the button
    for side, title in (("a", "Meeting 0"), ("b", "Meeting 1")):
        row = [x.title for x in lists].index(title)
        view.lists.selectRow(row)
        view.set_selected(side)
    assert view.compare_button.isEnabled()
    with qtbot.waitSignal(window.research.comparison_shown, timeout=20000):
        qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
    groups = {
        view.result.topLevelItem(i).text(0): [
            view.result.topLevelItem(i).child(k).text(0)
            for k in range(view.result.topLevelItem(i).childCount())
        ]
        for i in range(view.result.topLevelItemCount())
    }
    assert groups == {
        "Moved up (1)": ["Kim Kyong Hui"],
        "Moved down (1)": ["Ri Yong Ho"],
        "New in B (1)": ["O Kuk Ryol"],
        "Missing from B (1)": ["Choe Yong Rim"],
        "Same rank (2)": ["Kim Yong Nam", "Kim Yong Chun"],
    }
    moved = view.result.topLevelItem(0).child(0)
    assert (moved.text(1), moved.text(2), moved.text(3)) == ("4", "2", "3 → 2")


def _trend(qtbot, window: MainWindow, text: str) -> Any:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.trends_pane)
    pane = window.trends_pane
    pane.box.setText(text)
    with qtbot.waitSignal(window.research.trend_shown, timeout=20000):
        qtbot.mouseClick(pane.draw_button, Qt.MouseButton.LeftButton)
    return pane


def test_trends_overlay_queries_with_meeting_markers_and_list_a_period(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    pane = _trend(qtbot, window, "orchard; Kim Jong Un")
    archive = window.archive
    assert archive is not None
    expected = archive.trend(["orchard", "Kim Jong Un"], by="month")
    assert len(pane.curves) == 2
    assert [c.name() for c in pane.curves] == ["orchard", "Kim Jong Un"]
    for curve, series in zip(pane.curves, expected.series, strict=True):
        _xs, ys = curve.getData()
        want = [
            math.nan if p.per_10k_passages is None else p.per_10k_passages for p in series.points
        ]
        assert len(ys) == len(want) == 21  # 2011-01 .. 2012-09
        assert all(
            (math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(ys, want, strict=True)
        )
    # the two plenary meetings of the timeline are markers
    assert len(pane.markers) == 2
    meetings = sorted(e.start for e in archive.timeline() if e.kind == "cc_plenary")
    assert sorted(m.toolTip().split(" — ")[0] for m in pane.markers) == meetings  # type: ignore[attr-defined]
    # switching to counts redraws the same periods with the passages
    pane.measure.setCurrentIndex(pane.measure.findData("passages"))
    _xs, ys = pane.curves[0].getData()
    assert [int(y) for y in ys if not math.isnan(y)] == [
        p.passages for p in expected.series[0].points if p.all_passages
    ]

    # a click on a point (May 2012 of "orchard") lists that month's passages
    qtbot.wait(200)  # the chart takes its new range (after the redraw) on the next paint
    points = pane.curves[0].scatter.points()
    index = [p.period for p in expected.series[0].points].index("2012-05")
    spot = points[index]
    view = pane.chart
    position = view.mapFromScene(view.plotItem.vb.mapViewToScene(spot.pos()))
    with qtbot.waitSignal(window.research.period_shown, timeout=20000):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    total = archive.search("orchard", date_from="2012-05-01", date_to="2012-05-31").total
    assert total == expected.series[0].points[index].passages == 30
    assert len(pane.hits.hits) == total and "30 passage(s)" in pane.period_status.text()
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        pane.list.clicked.emit(pane.hits.index(pane.hits.first_hit_row() or 0, 0))
    state = window.reader.state
    assert state is not None and state.document.date == "2012-05-05" and state.matches


def test_search_results_export_every_hit_and_kwic_lists_every_match(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.search_done, timeout=10000):
        qtbot.keyClicks(window.search.box, "orchard")
    total = window.archive.search("orchard").total  # type: ignore[union-attr]
    assert total == 270 > PAGE and len(window.search.model.hits) == PAGE
    for fmt in ("csv", "json"):
        target = tmp_path / f"hits.{fmt}"
        with qtbot.waitSignal(window.export_finished, timeout=20000):
            window.results.export(target, fmt)
        body = target.read_text(encoding="utf-8")
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(body)))
            assert len(rows) == total
            assert all(
                "<mark>" in r["snippet"] and r["snippet"].lower().count("orchard") for r in rows
            )
            assert {"title", "date", "source", "url", "passage", "text", "snippet"} <= set(rows[0])
        else:
            data = json.loads(body)
            assert data["total"] == len(data["hits"]) == total and data["query"] == "orchard"
    with qtbot.waitSignal(window.results.kwic_shown, timeout=20000):
        window.results.show_kwic()
    view = window.results.kwic
    assert view is not None and view.isVisible()
    assert view.model.rowCount() == 270  # one match in each of the 270 passages
    assert {view.model.index(r, 1).data().lower() for r in range(view.model.rowCount())} == {
        "orchard"
    }
    contexts = [(view.model.index(r, 0).data(), view.model.index(r, 2).data()) for r in range(270)]
    assert ("The ", " of farm 80 was inspected by officials.") in contexts
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        view.table.clicked.emit(view.model.index(3, 0))
    line = view.lines[3]
    state = window.reader.state
    assert state is not None and state.document.id == line.doc_id and state.passage == line.passage
    view.close()


def test_no_archive_call_of_these_tabs_runs_on_the_gui_thread(
    qtbot, built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[str, bool]] = []
    gui = threading.get_ident()
    real_open = main_window_module.open_archive
    monkeypatch.setattr(
        main_window_module, "open_archive", lambda path: ThreadRecorder(real_open(path), calls, gui)
    )
    folder = tmp_path / "archive"
    shutil.copytree(built, folder)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.timeline_loaded, timeout=30000):
        window.show()
    _people_tab(qtbot, window)
    pane = window.people_pane
    with qtbot.waitSignal(window.research.person_shown, timeout=20000):
        pane.choose_row(0)
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        pane.person_view.table.clicked.emit(pane.person_view.table.proxy.index(0, 0))
    with qtbot.waitSignal(window.research.lists_loaded, timeout=20000):
        pane.inner.setCurrentWidget(pane.comparison)
    view = pane.comparison
    view.choose("a", view.lists.data_at(1))
    view.choose("b", view.lists.data_at(0))
    with qtbot.waitSignal(window.research.comparison_shown, timeout=20000):
        view.compare()
    trends = _trend(qtbot, window, "orchard; Ri Yong Ho")
    with qtbot.waitSignal(window.research.period_shown, timeout=20000):
        trends.choose_point(0, 17)
    window.search.box.setText("orchard")
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.results.export(tmp_path / "hits.csv", "csv")
    with qtbot.waitSignal(window.results.kwic_shown, timeout=20000):
        window.results.show_kwic()
    qtbot.waitUntil(lambda: not window.tasks._running, timeout=15000)
    window.close()
    names = {name for name, _ in calls}
    for expected in (
        "people", "newest_date", "person_detail", "document_titles", "event", "printed_lists",
        "compare_lists", "trend", "timeline", "search", "search_all", "document",
    ):  # fmt: skip
        assert expected in names, f"the window never called {expected}: the test missed a path"
    on_gui = sorted({name for name, on_gui_thread in calls if on_gui_thread})
    assert on_gui == [], f"archive calls on the GUI thread: {on_gui}"
