"""Keyword in context: every match of a search, one line each, the match in a column of its own
between its left and right context; a click opens the passage."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wpk_archive.core.result_export import KwicLine
from wpk_archive.ui.plain import plain_label

LineRole = Qt.ItemDataRole.UserRole + 20
COLUMNS = ("Left", "Match", "Right", "Date", "Article")


class KwicView(QWidget):
    """A window of keyword-in-context lines (every hit of a search, not one page)."""

    line_chosen = Signal(object)
    """The :class:`KwicLine` clicked."""
    save_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Keyword in context")
        self.resize(1100, 600)
        self.lines: list[KwicLine] = []
        self.query = ""
        self.status = plain_label("")
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.table = QTableView()
        self.table.setObjectName("kwic")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)
        save = QPushButton("Save as CSV…")
        save.clicked.connect(self.save_wanted.emit)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def show_loading(self, query: str) -> None:
        """Say that the lines of ``query`` are being read."""
        self.query = query
        self.setWindowTitle(f"Keyword in context — {query}")
        self.status.setText("Reading every match…")

    def show_lines(self, query: str, lines: list[KwicLine], total: int) -> None:
        """Show the lines of every match of ``query`` (``total`` passages matched)."""
        self.query, self.lines = query, lines
        self.setWindowTitle(f"Keyword in context — {query}")
        self.model.removeRows(0, self.model.rowCount())
        bold = QFont()
        bold.setBold(True)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for line in lines:
            items = [
                QStandardItem(line.left),
                QStandardItem(line.keyword),
                QStandardItem(line.right),
                QStandardItem(line.date or "undated"),
                QStandardItem(line.title),
            ]
            items[0].setTextAlignment(right)
            items[1].setFont(bold)
            items[0].setData(line, LineRole)
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        for column, width in ((0, 380), (1, 180), (2, 380)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        self.status.setText(f"{len(lines):,} match(es) in {total:,} passage(s) for {query!r}")

    def show_error(self, message: str) -> None:
        """Say why the lines could not be read."""
        self.status.setText(f"Could not read the matches: {message}")

    def _chosen(self, index: Any) -> None:
        line = self.model.index(index.row(), 0).data(LineRole)
        if line is not None:
            self.line_chosen.emit(line)
