"""Keys, pressed as a user presses them: one binding per shortcut, Ctrl+F opens the find bar from
anywhere in the window, Esc closes it, and the bar counts matches and has a close button."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from wpk_archive.ui.main_window import MainWindow


def _active(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def _press(qtbot, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def test_every_shortcut_has_one_binding(window: MainWindow) -> None:
    bound = [
        s.toString() for a in window.findChildren(QAction) for s in a.shortcuts() if not s.isEmpty()
    ]
    bound += [s.key().toString() for s in window.findChildren(QShortcut) if not s.key().isEmpty()]
    twice = {k: n for k, n in Counter(bound).items() if n > 1}
    assert not twice, f"bound more than once (Qt then fires neither): {twice}"
    assert {"Ctrl+F", "Esc", "Ctrl+K", "Ctrl+Z"} <= set(bound)


def test_ctrl_f_opens_the_find_bar_from_anywhere_and_esc_closes_it(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    _active(qtbot, window)
    bar = window.reader.find_bar
    window.search.box.setText("congress")
    for name, widget in (
        ("search box", window.search.box),
        ("timeline", window.timeline),
        ("document text", window.reader.original),
        ("summary", window.reader.summary),
        ("documents list", window.documents),
    ):
        if widget is window.documents:
            window.tabs.setCurrentWidget(window.documents)
        _press(qtbot, widget, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert bar.isVisible(), f"Ctrl+F in the {name} did not open the find bar"
        assert bar.box.hasFocus()
        _press(qtbot, bar.box, Qt.Key.Key_Escape)
        assert not bar.isVisible(), f"Esc did not close the find bar (opened from the {name})"
    assert window.search.box.text() == "congress", "Esc closed the bar; it left the search alone"
    _press(qtbot, window.search.box, Qt.Key.Key_Escape)  # with the bar closed, Esc clears
    assert window.search.box.text() == ""


def test_the_find_bar_counts_matches_steps_through_them_and_closes(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    _active(qtbot, window)
    reader = window.reader
    bar = reader.find_bar
    _press(qtbot, reader.original, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.box, "wpk")
    text = reader.original.toPlainText()
    total = text.lower().count("wpk")
    assert total >= 3 and bar.match_count == total
    assert bar.count.text() == f"1 of {total}"  # typing finds the first one
    assert reader.original.textCursor().selectedText().lower() == "wpk"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {total}"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"{total} of {total}", "Shift+Enter wraps to the last"
    qtbot.keyClicks(bar.box, "zzqx")
    assert bar.count.text() == "no match"
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
