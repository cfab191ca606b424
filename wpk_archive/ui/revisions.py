"""A document's history in the reader: its other publications ("also published as"), its
revisions, the word diff of any two ("what changed at the source"), and a removal at source."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wpk_archive.core.history import Revision

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive
    from wpk_archive.ui.tasks import TaskRunner

REMOVED_STYLE = "background-color:#ffd7d5;color:#82071e;text-decoration:line-through"
ADDED_STYLE = "background-color:#ccffd8;color:#055d20"


@dataclass
class DocumentHistory:
    """What the reader shows of a document's history."""

    revisions: list[Revision] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    """The other publications of the same story: id, title, date."""
    removed_at: str | None = None


def load_history(archive: Archive, doc_id: str) -> DocumentHistory:
    """The history of a document (called off the GUI thread)."""
    others = archive.duplicates(doc_id)
    headers = archive.document_headers(others)
    return DocumentHistory(
        revisions=archive.revisions(doc_id),
        duplicates=[
            {
                "id": d,
                "title": headers.get(d, {}).get("title", d),
                "date": headers.get(d, {}).get("date"),
            }
            for d in others
        ],
        removed_at=archive.removed_at(doc_id),
    )


def history_html(history: DocumentHistory | None) -> str:
    """Lines for the reader's header (links: doc:ID, revisions:, separate:ID)."""
    if history is None:
        return ""
    lines: list[str] = []
    if history.duplicates:
        links = ", ".join(
            f'<a href="doc:{html.escape(d["id"], quote=True)}">{html.escape(d["title"])}</a>'
            f" ({html.escape(d['date'] or 'undated')})"
            for d in history.duplicates
        )
        lines.append(
            f"Also published as: {links} "
            "<a href='separate:' style='color:#888'>(not the same story?)</a>"
        )
    if len(history.revisions) > 1:
        lines.append(
            f"Revision {history.revisions[-1].id} of {len(history.revisions)}, changed at the "
            "source · <a href='revisions:'>compare revisions</a>"
        )
    if history.removed_at:
        lines.append(
            f"<span style='color:#a40'>Removed at source (found gone {html.escape(history.removed_at[:10])})</span>"
        )
    return "".join(f"<br><span style='color:#555'>{line}</span>" for line in lines)


def diff_html(runs: list[tuple[str, str]]) -> str:
    """A word diff as HTML: removed words struck through in red, added words in green."""
    parts: list[str] = []
    for op, text in runs:
        words = html.escape(text).replace("\n\n", "<br><br>")
        if op == "-":
            parts.append(f'<span style="{REMOVED_STYLE}">{words}</span>')
        elif op == "+":
            parts.append(f'<span style="{ADDED_STYLE}">{words}</span>')
        else:
            parts.append(words)
    return "<p style='line-height:150%'>" + " ".join(parts) + "</p>"


def _label(rev: Revision) -> str:
    when = (rev.imported_at or "")[:16].replace("T", " ")
    current = " (current)" if rev.current else ""
    return f"Revision {rev.id}{current} · imported {when} · {rev.title[:60]}"


class RevisionsDialog(QDialog):
    """The revisions of one document, and the word diff of the two chosen (not modal)."""

    def __init__(
        self,
        parent: QWidget | None,
        archive: Archive,
        tasks: TaskRunner,
        doc_id: str,
        revisions: list[Revision],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revisionsDialog")
        self.setWindowTitle("Revisions: what changed at the source")
        self.resize(900, 620)
        self.archive, self.tasks, self.doc_id = archive, tasks, doc_id
        self.older = QComboBox()
        self.newer = QComboBox()
        for combo in (self.older, self.newer):
            for rev in revisions:
                combo.addItem(_label(rev), rev.id)
        self.older.setCurrentIndex(max(0, len(revisions) - 2))
        self.newer.setCurrentIndex(len(revisions) - 1)
        self.summary = QLabel("")
        self.summary.setObjectName("diffSummary")
        self.view = QTextBrowser()
        self.view.setObjectName("diffView")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(QLabel("From"))
        row.addWidget(self.older, 1)
        row.addWidget(QLabel("to"))
        row.addWidget(self.newer, 1)
        legend = QLabel(
            f"<span style='{REMOVED_STYLE}'>removed words</span> &nbsp; "
            f"<span style='{ADDED_STYLE}'>added words</span>"
        )
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(legend)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._request = 0
        self.older.currentIndexChanged.connect(self.compare)
        self.newer.currentIndexChanged.connect(self.compare)
        self.compare()

    def compare(self) -> None:
        """Show the word diff of the chosen revisions (computed off the GUI thread)."""
        self._request += 1
        request = self._request
        older, newer = self.older.currentData(), self.newer.currentData()

        def shown(payload: Any) -> None:
            if request != self._request:
                return  # another pair was chosen since
            _old, _new, runs = payload
            removed = sum(len(t.split()) for op, t in runs if op == "-")
            added = sum(len(t.split()) for op, t in runs if op == "+")
            self.summary.setText(
                f"{removed} word(s) removed, {added} added"
                if removed or added
                else "The two revisions have the same words."
            )
            self.view.setHtml(diff_html(runs))

        self.tasks.read(self.archive.diff, self.doc_id, older, newer, done=shown)
