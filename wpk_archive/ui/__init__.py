"""The PySide6 desktop app: thin; shows what core returns and sends what the user asks."""

from wpk_archive.ui.qt_guard import guard as _guard_none_refcount

_guard_none_refcount()  # see ui/qt_guard.py: a binding bug would otherwise abort long sessions
