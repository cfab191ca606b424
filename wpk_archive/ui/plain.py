"""Document text and file names shown as plain text, never read as Qt rich text.

Qt reads a string that *might* be rich text (a tag near its start) as HTML in tooltips, labels
and message boxes: ``<img src="/dev/zero">`` in a passage or a file name would make Qt load that
file (and run out of memory, or hang on a FIFO). Everything that shows text from documents or
from the file system goes through one of these.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget

TOOLTIP_CHARS = 2_000
"""Tooltips longer than this are cut (a 10 MB passage is not a tooltip)."""


def tooltip(text: str | None, limit: int = TOOLTIP_CHARS) -> str:
    """A tooltip that shows ``text`` literally: escaped inside rich text (a tooltip has no plain
    text mode), line breaks kept, cut at ``limit`` characters."""
    if not text:
        return ""
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def plain_label(text: str = "") -> QLabel:
    """A label that shows its text literally."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def make_plain(box: QMessageBox) -> QMessageBox:
    """Make every text of a message box (main, informative) plain text; returns the box."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box


def message(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    informative: str = "",
    detailed: str = "",
) -> QMessageBox:
    """A message box whose texts are plain (not shown yet: call ``exec()`` or ``show()``)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if detailed:
        box.setDetailedText(detailed)
    return make_plain(box)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A modal warning with plain text (``QMessageBox.warning`` reads its text as rich text)."""
    message(parent, title, text).exec()


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question with plain text whose default (Enter, Esc) is No."""
    box = message(parent, title, text, icon=QMessageBox.Icon.Question)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def get_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """``QInputDialog.getText`` with its label shown as plain text."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    for child in dialog.findChildren(QLabel):
        child.setTextFormat(Qt.TextFormat.PlainText)
    accepted = bool(dialog.exec())
    return dialog.textValue(), accepted
