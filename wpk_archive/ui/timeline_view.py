"""The timeline pane: filters, a hit-density strip for the current search, and the event list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wpk_archive.core.models import EVENT_KINDS
from wpk_archive.ui.labels import KIND_LABELS
from wpk_archive.ui.models.timeline_model import TimelineModel


class DensityStrip(QWidget):
    """Matching passages per year for the current search, as bars; a click on a year emits it."""

    year_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.setMinimumHeight(34)
        self.setToolTip("Matching passages per year for the current search; click a year to narrow")
        self.hide()

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show these per-year counts (hidden when empty)."""
        self.counts = {y: n for y, n in sorted(counts.items()) if y[:4].isdigit()}
        self.setVisible(bool(self.counts))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, 38)

    def _bars(self) -> list[tuple[str, QRect]]:
        years = list(self.counts)
        if not years:
            return []
        width = max(1, self.width() // len(years))
        return [(y, QRect(i * width, 0, width - 1, self.height())) for i, y in enumerate(years)]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        peak = max(self.counts.values(), default=1)
        label_h = 12
        for year, rect in self._bars():
            h = max(2, int((rect.height() - label_h) * self.counts[year] / peak))
            bar = QRect(rect.left() + 1, rect.bottom() - label_h - h, rect.width() - 2, h)
            painter.fillRect(bar, QColor("#e0a800"))
            painter.setPen(self.palette().text().color())
            font = painter.font()
            font.setPointSizeF(7)
            painter.setFont(font)
            painter.drawText(
                QRect(rect.left(), rect.bottom() - label_h, rect.width(), label_h),
                Qt.AlignmentFlag.AlignCenter,
                f"'{year[2:4]}" if len(self.counts) > 8 else year,
            )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for year, rect in self._bars():
            if rect.contains(event.position().toPoint()):
                self.year_clicked.emit(year)
                return


class TimelinePane(QWidget):
    """Filter bar, density strip and the lazy event list. Emits ``filters_changed``."""

    filters_changed = Signal()

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.addItem("All kinds", None)
        for kind in EVENT_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.year_from = QSpinBox()
        self.year_to = QSpinBox()
        for box, value in ((self.year_from, 1945), (self.year_to, 2100)):
            box.setRange(1900, 2100)
            box.setValue(value)
            box.setToolTip("Year range")
        self.text = QLineEdit()
        self.text.setObjectName("timelineFilter")
        self.text.setPlaceholderText("Filter events by name…")
        self.text.setClearButtonEnabled(True)
        self.show_rejected = QCheckBox("Show rejected")
        self.show_rejected.setObjectName("showRejected")
        self.show_rejected.setToolTip("List the events you rejected, to restore them")
        self.show_rejected.toggled.connect(lambda _c: self.filters_changed.emit())
        self.show_reference = QCheckBox("Reference")
        self.show_reference.setObjectName("showReference")
        self.show_reference.setToolTip(
            "Also list the meetings of the reference chronology that no document names"
        )
        self.show_reference.toggled.connect(lambda _c: self.filters_changed.emit())
        self.count = QLabel("")
        self.count.setObjectName("timelineCount")
        self.density = DensityStrip()
        self.list = QListView()
        self.list.setObjectName("timeline")
        self.list.setModel(model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(False)
        self.list.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.filters_changed)
        self.kind.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.year_from.valueChanged.connect(lambda _v: self._debounce.start())
        self.year_to.valueChanged.connect(lambda _v: self._debounce.start())
        self.text.textChanged.connect(lambda _t: self._debounce.start())

        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(self.year_from)
        row.addWidget(QLabel("–"))
        row.addWidget(self.year_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        text_row = QHBoxLayout()
        text_row.addWidget(self.text, 1)
        text_row.addWidget(self.show_rejected)
        text_row.addWidget(self.show_reference)
        layout.addLayout(text_row)
        layout.addWidget(self.density)
        layout.addWidget(self.count)
        layout.addWidget(self.list, 1)

    def filters(self) -> dict[str, Any]:
        """The current filters as Archive.timeline keyword arguments."""
        undated_ok = self.year_from.value() == 1945 and self.year_to.value() == 2100
        return {
            "kind": self.kind.currentData(),
            "date_from": None if undated_ok else str(self.year_from.value()),
            "date_to": None if undated_ok else str(self.year_to.value()),
            "text": self.text.text().strip() or None,
            "rejected": self.show_rejected.isChecked(),
            "reference": self.show_reference.isChecked(),
        }
