"""The timeline filters, the side-by-side reader and the exports, driven through the widgets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QGuiApplication

from wpk_archive.core.models import Event
from wpk_archive.ui.main_window import MainWindow
from wpk_archive.ui.models.timeline_model import TimelineModel


def _events(window: MainWindow) -> list[Event]:
    model = window.timeline_model
    return [e for r in range(model.rowCount()) if (e := model.event_at(r)) is not None]


def _open_event(qtbot, window: MainWindow, name_start: str) -> Event:  # type: ignore[no-untyped-def]
    model = window.timeline_model
    row = next(
        r
        for r in range(model.rowCount())
        if (e := model.event_at(r)) is not None and e.name.startswith(name_start)
    )
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        window.timeline.clicked.emit(model.index(row, 0))
    event = model.event_at(row)
    assert event is not None
    return event


def test_timeline_filters_by_kind_text_and_years(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pane = window.timeline_pane
    with qtbot.waitSignal(window.timeline_loaded, timeout=10000):
        pane.kind.setCurrentIndex(pane.kind.findData("party_congress"))
    assert {e.kind for e in _events(window)} == {"party_congress"}
    with qtbot.waitSignal(window.timeline_loaded, timeout=10000):
        pane.kind.setCurrentIndex(0)
        qtbot.keyClicks(pane.text, "Session")
    assert [e.name for e in _events(window)] == [
        "4th Session of the 14th Supreme People's Assembly"
    ]
    with qtbot.waitSignal(window.timeline_loaded, timeout=10000):
        pane.text.clear()
        pane.year_from.setValue(2013)
        pane.year_to.setValue(2017)
    # the 1st Conference of Chairpersons of Primary Committees is dated by the chronology, and the
    # others take its days inside the year or month their texts give
    assert [e.start for e in _events(window)] == [
        "2013-01-28",
        "2016-05-06",
        "2016-12-23",
        "2017-12-21",
    ]
    assert "4 events" in pane.count.text()


def test_undated_events_have_their_own_group(window: MainWindow) -> None:
    model = window.timeline_model
    headings = [
        model.data(model.index(r, 0)) for r in range(model.rowCount()) if model.event_at(r) is None
    ]
    assert headings == ["2012", "2013", "2016", "2017", "2019", "2020", "2021"]
    # nothing is undated in the bundled articles any more (the chronology dates the one meeting
    # they name without a date); an undated event still gets a group of its own
    undated = Event("x", "other", "X", "x", None, None, None, False)
    assert model.rows_for([undated]) == ["Undated", undated]


def test_the_status_bar_counts_the_events_the_timeline_lists(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    # the chronology's meetings that no document names are hidden, and not counted (it said
    # "113 events" beside a timeline of 10)
    listed = sum(
        1 for r in range(window.timeline_model.rowCount()) if window.timeline_model.event_at(r)
    )
    qtbot.waitUntil(lambda: "events" in window.archive_status.text())
    assert f"· {listed} events ·" in window.archive_status.text()
    assert listed == 10


def test_a_merged_event_lets_the_reader_step_through_its_sources(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    event = _open_event(qtbot, window, "7th Congress")
    reader = window.reader
    assert reader.source_label.isVisibleTo(window) and "of 4" in reader.source_label.text()
    docs = set()
    for _ in range(len(event.sources)):
        state = reader.state
        assert state is not None and state.focus is not None
        start, end = state.focus
        assert state.document.text[start:end] == event.sources[state.source_index].quote
        docs.add(state.document.id)
        with qtbot.waitSignal(window.document_shown, timeout=10000):
            reader.next_source.click()
    assert len(docs) == 2


def test_clicking_a_summary_sentence_highlights_its_source_span(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_event(qtbot, window, "8th Congress")
    reader = window.reader
    state = reader.state
    assert state is not None and state.summary is not None
    sentence = state.summary.auto[0]
    reader.summary.anchorClicked.emit(
        QUrl(f"span:{sentence.passage}:{sentence.start}:{sentence.end}")
    )
    assert state.focus == (sentence.start, sentence.end)
    assert state.document.text[sentence.start : sentence.end] == sentence.text
    assert "background-color:#9ecbff" in reader.original.toHtml()
    # and selecting a passage marks the summary sentences drawn from it
    assert (
        reader.summary.toHtml().count("background-color:#9ecbff") >= 1
    )  # the sentence (and an event gist of the same span)
    reader.select_passage(sentence.passage)
    assert state.focus is None and state.passage == sentence.passage
    assert "background-color:rgba(120,170,255" in reader.summary.toHtml()


def test_edit_the_summary_in_place_saves_it_as_the_users(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_event(qtbot, window, "8th Congress")
    reader = window.reader
    reader.edit_button.click()
    assert reader.right.currentIndex() == 1
    reader.editor.setPlainText("My summary: a congress of five-year plans.")
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        reader.save_editing()
    state = reader.state
    assert state is not None and state.summary is not None
    assert state.summary.user_text == "My summary: a congress of five-year plans."
    assert "Your summary" in reader.summary.toPlainText()
    assert state.summary.auto, "the automatic summary is still there"


def test_find_in_document_and_copy_citation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_event(qtbot, window, "4th Session of the 14th Supreme")
    reader = window.reader
    reader.show_find()
    reader.find_box.setText("Kim Tok Hun")
    assert reader.find_next()
    assert reader.original.textCursor().selectedText() == "Kim Tok Hun"
    reader.copy_current_citation()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("“8th Congress of Workers' Party of Korea Sets Ambitious Program”")
    assert "2021-02-21" in text and "para. 15" in text


def test_export_every_format(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("csv", "json", "md"):
        target = tmp_path / f"timeline.{fmt}"
        with qtbot.waitSignal(window.export_finished, timeout=10000):
            window.exports.export_timeline(target, fmt)
        assert "April 2012" in target.read_text(encoding="utf-8")
    assert len(json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))["events"]) == 10
    _open_event(qtbot, window, "8th Congress")
    for fmt in ("md", "pdf"):
        target = tmp_path / f"doc.{fmt}"
        with qtbot.waitSignal(window.export_finished, timeout=20000):
            window.exports.export_document(target, fmt)
        assert target.stat().st_size > 500
    assert (tmp_path / "doc.pdf").read_bytes().startswith(b"%PDF")
    assert "## Summary" in (tmp_path / "doc.md").read_text(encoding="utf-8")


def test_escape_clears_the_search(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.search.box.setText("congress")
    with qtbot.waitSignal(window.search_done, timeout=10000):
        window.search.search_now()
    assert window.search.model.rowCount() > 0
    window.clear_search()
    assert window.search.box.text() == "" and window.search.model.rowCount() == 0


def test_timeline_model_fetches_in_batches(qtbot) -> None:  # type: ignore[no-untyped-def]
    events = [
        Event(
            id=str(i),
            kind="other",
            name=f"Event {i}",
            key=str(i),
            start=f"{1950 + i // 1000}-01",
            end=None,
            precision="month",
            year_inferred=False,
        )
        for i in range(100_000)
    ]
    asked: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[Event]:
        asked.append((offset, limit))
        return events[offset : offset + limit]

    jobs: list[tuple[Any, Any]] = []  # what the model handed to the read pool, not yet run

    def submit(job, done, failed) -> None:  # type: ignore[no-untyped-def]
        jobs.append((job, done))

    model = TimelineModel(batch=200)
    model.reset(len(events), fetch(0, 200), fetch, submit)
    assert model.fetched == 200 and model.canFetchMore(model.index(-1, 0))
    model.fetchMore(model.index(-1, 0))
    # the page is not read here (on the GUI thread): 200 placeholder rows wait for it
    assert asked == [(0, 200)] and len(jobs) == 1
    assert model.rowCount() == 201 + 200 and model.loading
    assert model.data(model.index(300, 0)) == "Loading…" and model.event_at(300) is None
    assert not model.canFetchMore(model.index(-1, 0)), "one page at a time"
    model.fetchMore(model.index(-1, 0))
    assert len(jobs) == 1
    job, done = jobs.pop()
    done(job())  # the pool's answer, delivered on the GUI thread
    assert model.fetched == 400 and asked == [(0, 200), (200, 200)]
    assert model.rowCount() == 400 + 1  # one year heading so far
    assert not model.loading and all(not model.is_placeholder(r) for r in range(401))
    model.fetchMore(model.index(-1, 0))
    stale_job, stale_done = jobs.pop()
    model.reset(len(events), fetch(0, 200), fetch, submit)  # new filters while a page loads
    stale_done(stale_job())
    assert model.rowCount() == 201 and model.fetched == 200, "a page of the old list is dropped"


def test_keyboard_focus_search(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.focus_search()
    assert window.search.box.hasFocus() or QGuiApplication.focusObject() is window.search.box
    shortcuts = [a.shortcut().toString() for a in window.findChildren(QAction)]
    assert "Ctrl+K" in shortcuts and "Ctrl+F" in shortcuts


def test_search_with_a_facet_narrows_the_results(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    rows = [
        {
            "title": f"Orchard {y}-{i}",
            "date": f"{y}-05-0{i + 1}",
            "source": "KCNA",
            "text": f"The orchard report {i} of {y}.",
        }
        for y in (2011, 2012)
        for i in range(3)
    ]
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.imports.import_paths([feed])
    with qtbot.waitSignal(window.search_done, timeout=10000):
        window.search.box.setText("orchard")
        window.search.search_now()
    assert len(window.search.model.hits) == 6
    assert "2011" in window.search.facets.text() and "2012" in window.search.facets.text()
    assert window.timeline_pane.density.counts == {"2011": 3, "2012": 3}
    with qtbot.waitSignal(window.search_done, timeout=10000):
        window.search.facets.linkActivated.emit("facet:year:2012")
    assert {h.date[:4] for h in window.search.model.hits if h.date} == {"2012"}
    assert len(window.search.model.hits) == 3
    assert "Year: 2012 ✕" in window.search.facets.text()
    headings = [
        window.search.model.data(window.search.model.index(r, 0))
        for r in range(window.search.model.rowCount())
    ]
    assert sum("1 matching passage" in str(h) for h in headings) == 3  # one heading per article
    with qtbot.waitSignal(window.search_done, timeout=10000):
        window.search.facets.linkActivated.emit("unfacet:year")
    assert len(window.search.model.hits) == 6
    assert "orchard" in window.search.recent
    assert window.search.completer.model().rowCount() >= 1


def test_the_reader_marks_a_corrected_document(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    state = window.reader.state
    assert state is not None and window.archive is not None
    with qtbot.waitSignal(window.corrections_changed, timeout=15000):
        window.corrections.correct(
            window.archive.correct_document, state.document.id, date="2020-10-01"
        )
    qtbot.waitUntil(
        lambda: (
            window.reader.state is not None and window.reader.state.document.date == "2020-10-01"
        ),
        timeout=10000,
    )
    assert "✎" in window.reader.header.text()
    assert "Corrected by you; extracted date:" in window.reader.header.toolTip()


def test_opening_a_large_archive_reads_only_the_first_batches(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from wpk_archive.core.archive import open_archive
    from wpk_archive.core.ingest import Item, document_from_text
    from wpk_archive.ui.main_window import MainWindow as Window

    folder = tmp_path / "big"
    with open_archive(folder) as archive:
        archive.import_items(
            Item(
                f"t:{i}",
                document_from_text(f"Report {i}\n\nA short orchard report {i}.", origin=f"t:{i}"),
            )
            for i in range(1200)
        )
    calls: list[tuple[int | None, int]] = []
    from wpk_archive.core import archive as archive_module

    original = archive_module.Archive.documents

    def counting(self, *, limit=None, offset=0):  # type: ignore[no-untyped-def]
        calls.append((limit, offset))
        return original(self, limit=limit, offset=offset)

    archive_module.Archive.documents = counting  # type: ignore[method-assign]
    try:
        window = Window(
            folder, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.timeline_loaded, timeout=30000):
            window.show()
        qtbot.waitUntil(lambda: window.documents_model.total == 1202, timeout=10000)
        assert window.documents_model.rowCount() == 500, "only the first batch is read"
        assert all(limit is not None for limit, _ in calls), "no call read every document"
        with qtbot.waitSignal(window.documents_model.page_loaded, timeout=10000):
            window.documents_model.fetchMore(window.documents_model.index(-1, 0))
            assert window.documents_model.is_placeholder(999)
        assert window.documents_model.rowCount() == 1000
        assert not window.documents_model.is_placeholder(999)
        assert (500, 500) in calls
        window.close()
    finally:
        archive_module.Archive.documents = original  # type: ignore[method-assign]


def test_timeline_marks_dates_no_source_gives_and_lists_reference_meetings(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    from wpk_archive.core.models import EventSource
    from wpk_archive.ui.models.timeline_model import _label, _tooltip

    source = EventSource(
        "d", 1, 0, 10, "the decisions of the Eighth Congress", date_basis="chronology"
    )
    dated_by_reference = Event(
        "e1",
        "party_congress",
        "8th Congress of the WPK",
        "party_congress:8",
        "2021-01-05",
        "2021-01-12",
        "day",
        False,
        sources=[source],
        date_basis="chronology",
        chronology={
            "name": "8th Congress of the WPK",
            "start": "2021-01-05",
            "end": "2021-01-12",
            "source_url": "https://example.org/8th",
        },
    )
    assert " ≈" in _label(dated_by_reference).splitlines()[0]
    tip = _tooltip(dated_by_reference)
    assert "not from any source text" in tip and "https://example.org/8th" in tip
    announced = Event(
        "e2",
        "spa_session",
        "11th Session",
        "spa_session:14:11",
        "2024-10-07",
        "2024-10-07",
        "day",
        False,
        date_basis="text",
        status="announced",
    )
    assert "(announced)" in _label(announced) and " ≈" not in _label(announced)

    rows = _events(window)
    assert rows and all(not e.reference_only for e in rows)
    with qtbot.waitSignal(window.timeline_loaded, timeout=10000):
        window.timeline_pane.show_reference.setChecked(True)
    everything = _events(window)
    reference = [e for e in everything if e.reference_only]
    assert reference and len(everything) == len(rows) + len(reference)
    sixth = next(e for e in reference if e.name == "6th Congress of the WPK")
    assert sixth.start == "1980-10-10" and sixth.sources == []
