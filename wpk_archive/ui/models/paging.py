"""Lists read page by page in the background, with placeholder rows while a page loads.

The view asks for more rows when it is scrolled to the end (Qt's ``canFetchMore``/``fetchMore``).
The model then shows a page of "Loading…" rows at once, hands the read to ``submit`` (the
window's read pool) and, when the page arrives, puts it in place of the placeholders. Nothing is
read on the GUI thread, so scrolling during an import never freezes the window (the approach of
Anki's browser table model: the rows a view can reach exist at once; what is in them comes later).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

Fetch = Callable[[int, int], list[Any]]
"""fetch(offset, limit) -> items: runs off the GUI thread."""

Submit = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[str], None]], None]
"""submit(job, done, failed): run ``job()`` off the GUI thread, then ``done(result)`` (or
``failed(message)``) back on it."""


class Loading:
    """A placeholder row: its page is being read."""

    def __repr__(self) -> str:
        return "LOADING"


LOADING = Loading()

LOADING_TEXT = "Loading…"


ROW_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
)


class PagedListModel(QStandardItemModel):
    """Rows made from items read ``batch`` at a time; subclasses say how an item looks.

    The rows are Qt's own items (QStandardItemModel), made once when their page arrives, so
    painting, scrolling and layout read them in C++: the view never calls back into Python for
    a row, and never waits for the interpreter while a background task holds it (a Python
    ``data()`` and ``rowCount()`` were called some 150,000 times during one 2,000-article
    import, each a chance to wait for the import's thread).
    """

    page_loaded = Signal()
    """A page has replaced its placeholders (or was dropped because the list was reset)."""

    def __init__(self, batch: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.batch = batch
        self._rows: list[Any] = []  # what each row shows, beside Qt's items
        self._fetched = 0
        self._total = 0
        self._fetch: Fetch | None = None
        self._submit: Submit | None = None
        self._generation = 0  # bumped by every reset: pages of an older list are dropped
        self._loading = 0  # placeholder rows at the end
        self.fetch_calls = 0

    # -- to override --------------------------------------------------------------------------

    def rows_for(self, items: list[Any]) -> list[Any]:
        """The rows that show ``items`` after the rows already there (default: one each)."""
        return list(items)

    def item_for(self, row: Any) -> QStandardItem:
        """The Qt item that shows one row."""
        raise NotImplementedError

    # -- filling ------------------------------------------------------------------------------

    def reset(self, total: int, first: list[Any], fetch: Fetch, submit: Submit) -> None:
        """Show a new list: ``total`` items, of which ``first`` are already read."""
        self._generation += 1
        self._total = total
        self._loading = 0
        self._fetch = fetch
        self._submit = submit
        self._rows = []
        rows = self.rows_for(list(first))
        self.clear()
        self._rows = rows
        self._fetched = len(first)
        if rows:
            self.invisibleRootItem().appendRows([self.item_for(r) for r in rows])

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return (
            not parent.isValid()
            and self._fetch is not None
            and not self._loading
            and self._fetched < self._total
        )

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        fetch, submit = self._fetch, self._submit
        assert fetch is not None and submit is not None
        self.fetch_calls += 1
        count = min(self.batch, self._total - self._fetched)
        first = len(self._rows)
        self._rows.extend([LOADING] * count)
        self._loading = count
        self.invisibleRootItem().appendRows([_placeholder() for _ in range(count)])
        generation, offset, limit = self._generation, self._fetched, self.batch
        submit(
            lambda: fetch(offset, limit),
            lambda items: self._arrived(generation, first, items),
            lambda _message: self._arrived(generation, first, None),
        )

    def _arrived(self, generation: int, first: int, items: list[Any] | None) -> None:
        if not shiboken6.isValid(self):
            return  # the window closed while the page was read
        if generation != self._generation:
            self.page_loaded.emit()
            return
        placeholders, self._loading = self._loading, 0
        del self._rows[first:]  # the placeholders: rows_for reads the rows above them
        new = self.rows_for(items) if items else []
        if items is not None and not items:
            self._total = self._fetched  # the list got shorter since it was counted
        # the page takes the placeholders' place: rows in common change in place (the view
        # keeps its scroll position), the rest come or go
        self._rows.extend(new)
        common = min(placeholders, len(new))
        for offset in range(common):
            self.setItem(first + offset, 0, self.item_for(new[offset]))
        if len(new) > placeholders:
            self.invisibleRootItem().appendRows([self.item_for(r) for r in new[placeholders:]])
        elif placeholders > len(new):
            self.removeRows(first + len(new), placeholders - len(new))
        self._fetched += len(items or [])
        self.page_loaded.emit()

    # -- reading ------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """Items in the whole list (read or not)."""
        return self._total

    @property
    def fetched(self) -> int:
        """Items read so far."""
        return self._fetched

    @property
    def loading(self) -> bool:
        """Whether a page is being read."""
        return bool(self._loading)

    def is_placeholder(self, row: int) -> bool:
        """Whether ``row`` waits for its page."""
        return 0 <= row < len(self._rows) and self._rows[row] is LOADING


def _placeholder() -> QStandardItem:
    item = QStandardItem(LOADING_TEXT)
    item.setForeground(QColor("#888888"))
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    return item
