"""A guard against a reference-counting bug of the Qt bindings that aborts the app.

PySide6 6.12.0 on CPython 3.11 and older drops one reference to ``None`` on every call of a Qt
method that returns nothing (``setText``, ``setValue``, ``setToolTip``…). ``None`` holds some
twenty thousand references when the window opens; a session of a few thousand searches, or an
import with a progress dialog, spends them, and when the count reaches zero the interpreter
aborts with "Fatal Python error: none_dealloc: deallocating None". (On CPython 3.12 and later,
``None`` is immortal and the bug does no harm.)

:func:`guard` probes for the bug with a few calls and, only where it shows, gives ``None`` 2**40
more references: the process would have to make a trillion such calls to spend them. It is
called once, when ``wpk_archive.ui`` is imported.

The same bindings drop a reference to ``True`` or ``False`` on every emission of a signal with a
``bool`` argument to a Python slot (a button's ``clicked``, a check box's ``toggled``, and the
many such signals pyqtgraph's items emit while a chart is drawn): ``True`` holds some five
thousand references, so a few dozen redrawn charts aborted the interpreter ("bool_dealloc").
:func:`guard` probes for that too, and gives ``True`` and ``False`` the same extra references
where it shows.
"""

from __future__ import annotations

import sys

EXTRA_REFERENCES = 1 << 40


def leaks_none() -> bool:
    """Whether a Qt method that returns nothing drops a reference to None here."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def leaks_bools() -> bool:
    """Whether a signal with a bool argument, emitted to a Python slot, drops a reference to
    the bool here."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        flag = Signal(bool)

    probe = _Probe()
    probe.flag.connect(lambda _value: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(16):
        probe.flag.emit(True)
        probe.flag.emit(False)
    after = sys.getrefcount(True), sys.getrefcount(False)
    return after[0] < before[0] or after[1] < before[1]


def guard() -> bool:
    """Make ``None`` (and ``True``, ``False``) immortal in effect where the bindings leak them;
    True when it was needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    import ctypes

    # CPython < 3.12: a PyObject starts with its reference count (Py_ssize_t)
    leaked: list[object] = [None] if leaks_none() else []
    if leaks_bools():
        leaked += [True, False]
    for singleton in leaked:
        ctypes.c_ssize_t.from_address(id(singleton)).value += EXTRA_REFERENCES
    return bool(leaked)
