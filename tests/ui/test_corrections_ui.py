"""Correcting the timeline from the window: context-menu actions, dialogs, marks and undo."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from wpk_archive.core.models import Event
from wpk_archive.ui.edit_dialogs import DocumentDialog, EventDialog
from wpk_archive.ui.main_window import MainWindow


def _row(window: MainWindow, name_start: str) -> int:
    model = window.timeline_model
    return next(
        r
        for r in range(model.rowCount())
        if (e := model.event_at(r)) is not None and e.name.startswith(name_start)
    )


def _select(window: MainWindow, *names: str) -> list[Event]:
    selection = window.timeline.selectionModel()
    selection.clearSelection()
    for name in names:
        index = window.timeline_model.index(_row(window, name), 0)
        selection.select(index, QItemSelectionModel.SelectionFlag.Select)
    return window.corrections.selected_events()


def _wait_corrected(qtbot, window: MainWindow, action) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.corrections_changed, timeout=15000):
        action()
    qtbot.waitUntil(lambda: not window.tasks._running, timeout=15000)
    qtbot.wait(100)


def test_correct_an_event_through_the_dialog_and_undo_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    (event,) = _select(window, "4th Conference of the WPK")
    dialog = EventDialog(event, window)
    # (the extracted date is the chronology's 11 April: the user gives another day)
    dialog.start.setText("2012-04-12")
    dialog.name.setText("Fourth Party Conference")
    assert dialog.changes() == {"start": "2012-04-12", "name": "Fourth Party Conference"}
    assert window.archive is not None
    _wait_corrected(
        qtbot,
        window,
        lambda: window.corrections.correct(
            window.archive.correct_event, event.id, **dialog.changes()
        ),
    )  # type: ignore[union-attr]
    model = window.timeline_model
    row = _row(window, "Fourth Party Conference")
    label = model.data(model.index(row, 0))
    assert label.startswith("12 Apr 2012") and "✎" in label
    tooltip = model.data(model.index(row, 0), 3)
    assert "Corrected by you" in tooltip and "start: 2012-04-11" in tooltip
    assert window.corrections.undo_action.isEnabled()
    _wait_corrected(qtbot, window, window.corrections.undo_last_correction)
    assert _row(window, "4th Conference of the WPK") >= 0
    assert not window.corrections.undo_action.isEnabled()


def test_reject_from_the_menu_then_restore_from_the_rejected_view(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    events = _select(window, "4th Session of the 14th Supreme")
    _wait_corrected(qtbot, window, lambda: window.corrections.reject_events(events))
    assert all(
        e.kind != "spa_session"
        for r in range(window.timeline_model.rowCount())
        if (e := window.timeline_model.event_at(r))
    )
    with qtbot.waitSignal(window.timeline_loaded, timeout=10000):
        window.timeline_pane.show_rejected.setChecked(True)
    rejected = [
        e
        for r in range(window.timeline_model.rowCount())
        if (e := window.timeline_model.event_at(r))
    ]
    assert [e.id for e in rejected] == [events[0].id]
    window.timeline.selectionModel().select(
        window.timeline_model.index(_row(window, "4th Session"), 0),
        QItemSelectionModel.SelectionFlag.Select,
    )
    _wait_corrected(
        qtbot,
        window,
        lambda: window.corrections.restore_events(window.corrections.selected_events()),
    )
    assert window.timeline_model.total == 0, "nothing left in the rejected view"


def test_join_two_selected_events_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    events = _select(window, "4th Conference of Cell", "5th Conference of Cell")
    assert len(events) == 2
    total = window.timeline_model.total
    _wait_corrected(qtbot, window, lambda: window.corrections.join_events(events))
    assert window.timeline_model.total == total - 1
    _wait_corrected(qtbot, window, window.corrections.undo_last_correction)
    assert window.timeline_model.total == total


def test_document_details_dialog_and_add_event_from_passage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    state = window.reader.state
    assert state is not None
    dialog = DocumentDialog(state.document, window)
    dialog.boxes["date"].setText("2020-10-01")
    assert dialog.changes() == {"date": "2020-10-01"}
    assert window.archive is not None
    _wait_corrected(
        qtbot,
        window,
        lambda: window.corrections.correct(
            window.archive.correct_document, state.document.id, **dialog.changes()
        ),
    )  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: (
            window.reader.state is not None and window.reader.state.document.date == "2020-10-01"
        ),
        timeout=10000,
    )
    assert "2020-10-01" in window.reader.header.text()
    doc_id = window.reader.state.document.id  # type: ignore[union-attr]
    _wait_corrected(
        qtbot,
        window,
        lambda: window.corrections.correct(
            window.archive.add_event,
            doc_id=doc_id,
            passage=7,
            start=None,
            name="Primary committees conference",
        ),  # type: ignore[union-attr]
    )
    assert _row(window, "Primary committees conference") >= 0
