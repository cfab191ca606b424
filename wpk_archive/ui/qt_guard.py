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


def guard() -> bool:
    """Make ``None`` immortal in effect where the bindings leak it; True when it was needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not leaks_none():
        return False
    import ctypes

    # CPython < 3.12: a PyObject starts with its reference count (Py_ssize_t)
    ctypes.c_ssize_t.from_address(id(None)).value += EXTRA_REFERENCES
    return True
