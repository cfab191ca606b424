"""Dialogs for the researcher's corrections: an event's fields, a document's metadata."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from wpk_archive.core import validation
from wpk_archive.core.models import EVENT_KINDS, Document, Event
from wpk_archive.ui.labels import KIND_LABELS
from wpk_archive.ui.plain import plain_label


def _problem(check: Any, value: Any) -> str | None:
    try:
        check(value)
    except validation.ValidationError as exc:
        return str(exc)
    return None


class _CheckedDialog(QDialog):
    """A form that closes on OK only when :meth:`problem` finds nothing, else shows it."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.error = plain_label("")
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color:#b00")

    def _finish(self, form: QFormLayout) -> None:
        """The error line and the OK/Cancel buttons, below the fields."""
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def problem(self) -> str | None:
        """What keeps the values from being accepted, if anything."""
        return None

    def _check(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
        else:
            self.accept()


class EventDialog(_CheckedDialog):
    """Edit an event's name, kind and dates (or make a new one). ``changes()`` gives what changed."""

    def __init__(
        self, event: Event | None, parent: QWidget | None = None, *, title: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or ("Correct event" if event else "New event"))
        self.target = event
        self.name = QLineEdit(event.name if event else "")
        self.kind = QComboBox()
        for kind in EVENT_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.kind.setCurrentIndex(
            EVENT_KINDS.index(event.kind) if event else EVENT_KINDS.index("other")
        )
        self.start = QLineEdit(event.start or "" if event else "")
        self.end = QLineEdit(event.end or "" if event else "")
        for box in (self.start, self.end):
            box.setPlaceholderText("YYYY, YYYY-MM or YYYY-MM-DD")
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Kind", self.kind)
        form.addRow("Start", self.start)
        form.addRow("End", self.end)
        if event and event.corrected:
            was = ", ".join(f"{k}: {v}" for k, v in event.corrected.items() if k != "joined")
            form.addRow("Extracted", plain_label(was))
        self._finish(form)

    def problem(self) -> str | None:
        """The first value that the archive would refuse (the same checks), worded for people."""
        for label, box in (("Start", self.start), ("End", self.end)):
            why = _problem(validation.check_optional_date, box.text())
            if why:
                box.setFocus()
                return f"{label}: {why}"
        start, end = self.start.text().strip(), self.end.text().strip()
        if start and end and end < start:
            return "End: the event cannot end before it starts"
        if not self.name.text().strip():
            return "An event needs a name"
        if "name" not in self.changes():
            return None  # the extracted name is kept as it is
        why = _problem(validation.check_name, self.name.text())
        return f"Name: {why}" if why else None

    def values(self) -> dict[str, Any]:
        """Every field as entered."""
        return {
            "name": self.name.text().strip(),
            "kind": self.kind.currentData(),
            "start": self.start.text().strip() or None,
            "end": self.end.text().strip() or None,
        }

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the event."""
        values = self.values()
        if self.target is None:
            return values
        return {k: v for k, v in values.items() if v != getattr(self.target, k)}


class DocumentDialog(_CheckedDialog):
    """Correct a document's title, date, source and URL."""

    FIELDS = ("title", "date", "source", "url")

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Correct document details")
        self.doc = doc
        self.boxes = {name: QLineEdit(getattr(doc, name) or "") for name in self.FIELDS}
        self.boxes["date"].setPlaceholderText("YYYY-MM-DD")
        form = QFormLayout(self)
        for name, box in self.boxes.items():
            form.addRow(name.capitalize(), box)
        self._finish(form)

    def problem(self) -> str | None:
        """The first value that the archive would refuse (the same checks), worded for people."""
        if not self.boxes["title"].text().strip():
            return "A document needs a title"
        changed = self.changes()
        for name, box in self.boxes.items():
            if name not in changed:
                continue  # what was extracted is kept as it is
            why = _problem(lambda v, n=name: validation.check_document_value(n, v), box.text())
            if why:
                box.setFocus()
                return f"{name.capitalize()}: {why}"
        return None

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the document."""
        out: dict[str, Any] = {}
        for name, box in self.boxes.items():
            value = box.text().strip() or None
            if value != getattr(self.doc, name):
                out[name] = value
        return out
