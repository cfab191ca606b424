"""The reader's find bar: a box, the match count, previous/next and a close button.

Its keys are not shortcuts of its own (each key has one binding in the window, where two
bindings of one key cancel each other out): Ctrl+F and Esc are the window's actions, which call
:meth:`FindBar.open` and :meth:`FindBar.close_bar`; Enter and Shift+Enter are read by the box
itself, as typed keys, only while it has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Finds text in a QTextEdit (case-insensitive), wrapping around, and counts the matches."""

    closed = Signal()

    def __init__(self, target: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.target = target
        self.box = QLineEdit()
        self.box.setObjectName("findInDocument")
        self.box.setPlaceholderText("Find in this document (Enter: next, Shift+Enter: previous)")
        self.box.setClearButtonEnabled(True)
        self.box.textEdited.connect(self._edited)
        self.box.installEventFilter(self)
        self.count = QLabel("")
        self.count.setObjectName("findCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.previous = QToolButton()
        self.previous.setText("▲")
        self.previous.setToolTip("Previous match (Shift+Enter)")
        self.previous.clicked.connect(lambda: self.find_next(backward=True))
        self.next = QToolButton()
        self.next.setText("▼")
        self.next.setToolTip("Next match (Enter)")
        self.next.clicked.connect(lambda: self.find_next())
        self.close_button = QToolButton()
        self.close_button.setObjectName("closeFind")
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close the find bar (Esc)")
        self.close_button.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.box, 1)
        row.addWidget(self.count)
        row.addWidget(self.previous)
        row.addWidget(self.next)
        row.addWidget(self.close_button)
        self._starts: list[int] = []  # where each match of the box's text starts
        self.hide()

    def open(self) -> None:
        """Show the bar with its text selected, ready to type over."""
        self.show()
        self.box.setFocus()
        self.box.selectAll()
        self.recount()

    def close_bar(self) -> None:
        """Hide the bar and give the focus back to the text."""
        self.hide()
        self.target.setFocus()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                backward = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.find_next(backward=backward)
                return True
        return super().eventFilter(watched, event)

    def _edited(self, _text: str) -> None:
        """Typing searches from the top, as it goes."""
        cursor = self.target.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.target.setTextCursor(cursor)
        self.recount()
        if self.box.text():
            self.find_next()

    def recount(self) -> None:
        """Count the matches of the box's text in the document (after it changed)."""
        self._starts = []
        text = self.box.text()
        document = self.target.document()
        if text:
            cursor = document.find(text, 0)
            while not cursor.isNull():
                self._starts.append(cursor.selectionStart())
                cursor = document.find(text, cursor)
        self._show_count()

    def find_next(self, backward: bool = False) -> bool:
        """Select the next (or previous) match, wrapping around; False when there is none."""
        text = self.box.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.target.find(text, flags)
        if not found:
            cursor = self.target.textCursor()
            end = QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            cursor.movePosition(end)
            self.target.setTextCursor(cursor)
            found = self.target.find(text, flags)
        self._show_count()
        return found

    def _show_count(self) -> None:
        if not self.box.text():
            self.count.setText("")
            return
        if not self._starts:
            self.count.setText("no match")
            return
        cursor = self.target.textCursor()
        current = (
            self._starts.index(cursor.selectionStart()) + 1
            if cursor.hasSelection() and cursor.selectionStart() in self._starts
            else 0
        )
        total = len(self._starts)
        shown = f"{current} of {total}" if current else f"{total} match{'es' if total > 1 else ''}"
        self.count.setText(shown)

    @property
    def match_count(self) -> int:
        """How many matches the box's text has in the document."""
        return len(self._starts)
