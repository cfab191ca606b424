"""The app survives the Qt bindings' None reference leak (ui/qt_guard.py)."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QLabel

import wpk_archive.ui  # noqa: F401 (the guard runs on import)
from wpk_archive.ui import qt_guard

CALLS = 60_000
"""More void Qt calls than None has references when the window opens (about 22,000)."""


def test_many_void_qt_calls_do_not_abort_the_interpreter(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    for _ in range(CALLS):
        label.setText("x")
    assert sys.getrefcount(None) > 1000


def test_without_the_guard_such_calls_abort_where_the_bindings_leak() -> None:
    script = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        f"for _ in range({CALLS}): o.setObjectName('x')\n"
        "print('survived')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    if qt_guard.leaks_none():
        assert out.returncode != 0 and "deallocating None" in out.stderr
    else:
        assert "survived" in out.stdout  # bindings without the bug: nothing to guard


def test_many_bool_signals_do_not_abort_the_interpreter(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A check box toggled (a bool signal to a Python slot) more often than True and False have
    references (about 5,000): the bindings that leak them would abort without the guard."""
    from PySide6.QtWidgets import QCheckBox

    box = QCheckBox()
    seen: list[bool] = []
    box.toggled.connect(lambda on: seen.append(on) if len(seen) < 2 else None)
    for _ in range(CALLS // 4):
        box.toggle()
    assert seen == [True, False] and sys.getrefcount(True) > 1000 and sys.getrefcount(False) > 1000


def test_without_the_guard_bool_signals_abort_where_the_bindings_leak() -> None:
    script = (
        "from PySide6.QtCore import QObject, Signal\n"
        "class P(QObject):\n"
        "    flag = Signal(bool)\n"
        "p = P()\n"
        "p.flag.connect(lambda v: None)\n"
        f"for _ in range({CALLS}): p.flag.emit(True)\n"
        "print('survived')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    if qt_guard.leaks_bools():
        assert out.returncode != 0 and "deallocating True" in out.stderr
    else:
        assert "survived" in out.stdout  # bindings without the bug: nothing to guard
