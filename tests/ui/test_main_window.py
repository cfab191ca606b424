"""The main window driven through its widgets, as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from wpk_archive.ui.main_window import MainWindow
from wpk_archive.ui.search_panel import HitRole


def test_launch_shows_the_timeline_and_opens_the_first_event(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.timeline_model
    assert model.total == 10
    assert model.data(model.index(0, 0)) == "2012"  # the year heading
    first = model.event_at(model.first_event_row() or 0)
    assert first is not None and first.start == "2012-04-11"
    qtbot.waitUntil(lambda: window.reader.state is not None, timeout=10000)
    assert "Fourth Conference of the WPK held in April 2012" in window.reader.original.toPlainText()
    assert "2 documents" in window.archive_status.text()


def test_type_a_query_pick_a_hit_and_read_the_highlighted_passage(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.search.box, "Supreme People's Assembly")
    with qtbot.waitSignal(window.search_done, timeout=10000):
        qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.search
    assert len(window.search.model.hits) == 1
    assert "1 matching passage" in window.search.status.text()
    heading = window.search.model.data(window.search.model.index(0, 0))
    assert "8th Congress of Workers" in heading and "1 matching passage" in heading
    index = window.search.model.index(window.search.model.first_hit_row() or 0, 0)
    hit = index.data(HitRole)
    assert "Supreme People's Assembly" in [hit.text[a:b] for a, b in hit.snippet.marks]
    window.search.list.setCurrentIndex(index)
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        window.search.list.activated.emit(index)
    state = window.reader.state
    assert state is not None and state.document.id == hit.doc_id and state.passage == hit.passage
    passage = state.document.passages[hit.passage - 1]
    in_passage = [
        state.document.text[a:b] for a, b in state.matches if passage.start <= a < passage.end
    ]
    assert in_passage == ["Supreme People's Assembly"]  # a phrase is one mark
    html = window.reader.original.toHtml()
    assert "background-color:#ffe066" in html
    assert "8th Congress of Workers" in window.reader.header.text()


def test_search_as_you_type_drops_stale_results(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.search.box.setText("congress")
    window.search.search_now()
    stale_id = window.search.query_id
    window.search.box.setText("Pyongyang")
    with qtbot.waitSignal(window.search_done, timeout=10000):
        window.search.search_now()
    qtbot.wait(200)
    assert window.search.query_id == stale_id + 1
    texts = [hit.text for hit in window.search.model.hits]
    assert texts and all("Pyongyang" in t for t in texts)


def test_choosing_an_event_opens_its_source_passage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.timeline_model
    row = next(
        r
        for r in range(model.rowCount())
        if getattr(model.event_at(r), "kind", "") == "spa_session"
    )
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        window.timeline.clicked.emit(model.index(row, 0))
    state = window.reader.state
    assert state is not None and state.focus is not None
    start, end = state.focus
    assert "4th Session of the Supreme People's Assembly" in state.document.text[start:end]


def test_import_by_drop_reports_the_bad_file(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text("Orchard news\n\nThe orchard meeting was held.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
        window.imports.import_paths([good, bad])
    report = blocker.args[0]
    assert report.added == 1 and [Path(r.path).name for r in report.refused] == ["bad.txt"]
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 3, timeout=10000)


def test_the_index_is_prepared_in_the_background_before_the_first_search(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    archive = window.archive
    assert archive is not None
    # the lookups every search uses are read after opening, not by the first search
    qtbot.waitUntil(lambda: archive._index._facts is not None, timeout=10000)
    facts = archive._index._facts
    qtbot.waitUntil(lambda: "day" in vars(facts) and "doc_code" in vars(facts), timeout=10000)
    assert archive.search("congress").total > 0


def test_show_more_adds_the_next_page_of_hits(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from wpk_archive.core.ingest import Item, document_from_text

    archive = window.archive
    assert archive is not None
    items = []
    for i in range(40):  # 40 documents of 3 matching passages: 120 passages
        text = f"Farm report {i}\n\nRice field {i} a.\n\nRice field {i} b.\n\nRice field {i} c."
        items.append(Item(f"t:{i}", document_from_text(text, origin=f"t:{i}")))
    window.tasks.wait()
    archive.import_items(items)
    qtbot.keyClicks(window.search.box, "rice field")
    with qtbot.waitSignal(window.search_done, timeout=10000):
        qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert len(window.search.model.hits) == 50
    assert "120 matching passages" in window.search.status.text()
    assert "show 50 more" in window.search.status.text()
    for shown, link in ((100, "show 20 more"), (120, None)):
        with qtbot.waitSignal(window.search_done, timeout=10000):
            window.search.status.linkActivated.emit("more:")
        hits = window.search.model.hits
        assert len(hits) == shown
        assert len({(h.doc_id, h.passage) for h in hits}) == shown  # no passage twice
        assert (
            (link in window.search.status.text())
            if link
            else "more" not in window.search.status.text()
        )
    headings = [r for r in window.search.model.rows if not isinstance(r, type(hits[0]))]
    assert len({h.doc_id for h in headings}) == 40
