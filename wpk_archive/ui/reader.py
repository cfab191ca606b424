"""The reader: the original text with numbered passages beside its summary, linked both ways."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wpk_archive.core.archive import Summary
from wpk_archive.core.export import citation
from wpk_archive.core.models import Document, EventSource
from wpk_archive.ui.find_bar import FindBar
from wpk_archive.ui.labels import date_label
from wpk_archive.ui.plain import tooltip
from wpk_archive.ui.revisions import DocumentHistory, history_html

MATCH_STYLE = "background-color:#ffe066;color:#000"
FOCUS_STYLE = "background-color:#9ecbff;color:#000"
PASSAGE_STYLE = "background-color:rgba(120,170,255,38);"


@dataclass
class ReaderState:
    """What the reader shows: a document, its summary, and what is highlighted."""

    document: Document
    summary: Summary | None
    matches: list[tuple[int, int]]
    focus: tuple[int, int] | None = None
    passage: int | None = None
    sources: list[EventSource] = field(default_factory=list)
    source_index: int = 0
    history: DocumentHistory | None = None
    """Its other publications, revisions and removal at source (see ui/revisions.py)."""


def _marked(text: str, offset: int, spans: list[tuple[int, int, str]]) -> str:
    """HTML of ``text`` (which starts at document offset ``offset``) with spans styled.

    Overlapping spans: the later one in sort order starts after the earlier one ends.
    """
    pieces: list[str] = []
    position = 0
    for start, end, style in sorted(spans):
        a, b = max(start - offset, position), min(end - offset, len(text))
        if b <= a:
            continue
        pieces.append(html.escape(text[position:a]))
        pieces.append(f'<span style="{style}">{html.escape(text[a:b])}</span>')
        position = b
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


class ReaderView(QWidget):
    """Original (left) and summary (right), with a header and a tool row."""

    passage_selected = Signal(int)
    source_requested = Signal(object)  # an EventSource of the current event, to open
    summary_edited = Signal(str, str)  # doc_id, the user's text
    document_requested = Signal(str)  # another publication of the same story, to open
    revisions_requested = Signal()  # compare the revisions of the document shown
    separate_requested = Signal()  # the document shown is not a re-send of its group

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: ReaderState | None = None
        self.corrected: dict[str, object] = {}  # document fields the user corrected -> extracted
        self.header = QLabel("Choose an event, a document or a search result to read it here.")
        self.header.setObjectName("readerHeader")
        self.header.setWordWrap(True)
        self.header.linkActivated.connect(self._open_external)

        self.prev_source = QToolButton()
        self.prev_source.setText("◀")
        self.prev_source.setToolTip("Previous source of this event")
        self.next_source = QToolButton()
        self.next_source.setText("▶")
        self.next_source.setToolTip("Next source of this event")
        self.source_label = QLabel("")
        self.prev_source.clicked.connect(lambda: self._step_source(-1))
        self.next_source.clicked.connect(lambda: self._step_source(1))
        self.copy_citation = QPushButton("Copy citation")
        self.copy_citation.setToolTip("Copy title, source, date and passage number")
        self.copy_citation.clicked.connect(self.copy_current_citation)
        self.edit_button = QPushButton("Edit summary")
        self.edit_button.clicked.connect(self.start_editing)
        tools = QHBoxLayout()
        for w in (self.prev_source, self.source_label, self.next_source):
            tools.addWidget(w)
        tools.addStretch(1)
        tools.addWidget(self.copy_citation)
        tools.addWidget(self.edit_button)

        self.original = QTextBrowser()
        self.original.setObjectName("original")
        self.original.setOpenLinks(False)
        self.original.anchorClicked.connect(self._original_link)
        # Ctrl+F and Esc are the window's (one binding per key): see ui/find_bar.py
        self.find_bar = FindBar(self.original)
        self.find_box = self.find_bar.box
        self.summary = QTextBrowser()
        self.summary.setObjectName("summary")
        self.summary.setOpenLinks(False)
        self.summary.anchorClicked.connect(self._summary_link)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("summaryEditor")
        self.editor.setPlaceholderText("Write your own summary. The automatic one is kept as well.")
        save = QPushButton("Save my summary")
        save.setObjectName("saveSummary")
        save.clicked.connect(self.save_editing)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.stop_editing)
        edit_page = QWidget()
        edit_layout = QVBoxLayout(edit_page)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.addWidget(self.editor, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        edit_layout.addLayout(buttons)
        self.right = QStackedWidget()
        self.right.addWidget(self.summary)
        self.right.addWidget(edit_page)

        self.split = QSplitter()
        self.split.addWidget(self.original)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addLayout(tools)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.split, 1)
        self._update_tools()

    # -- showing ------------------------------------------------------------------------------

    def show_document(
        self,
        document: Document,
        summary: Summary | None,
        *,
        passage: int | None = None,
        matches: list[tuple[int, int]] | None = None,
        focus: tuple[int, int] | None = None,
        sources: list[EventSource] | None = None,
        source_index: int = 0,
        history: DocumentHistory | None = None,
    ) -> None:
        """Show a document, scrolled to ``passage``, with ``matches`` and ``focus`` highlighted.

        ``sources`` are all the passages that name the event being read (to step through);
        ``history`` its other publications and revisions, shown in the header.
        """
        self.state = ReaderState(
            document,
            summary,
            list(matches or []),
            focus,
            passage,
            list(sources or []),
            source_index,
            history,
        )
        self.stop_editing()
        self._render_header()
        self._render_original()
        self._render_summary()
        self._update_tools()
        if self.find_bar.isVisible():
            self.find_bar.recount()  # the count is of the document now shown
        if passage is not None:
            self.original.scrollToAnchor(f"p{passage}")

    def _update_tools(self) -> None:
        state = self.state
        many = bool(state and len(state.sources) > 1)
        for w in (self.prev_source, self.next_source, self.source_label):
            w.setVisible(many)
        if state and many:
            self.source_label.setText(f"Source {state.source_index + 1} of {len(state.sources)}")
        self.copy_citation.setEnabled(state is not None)
        self.edit_button.setEnabled(state is not None)

    def _render_header(self) -> None:
        assert self.state is not None
        doc = self.state.document
        bits = [html.escape(doc.date or "undated")]
        if doc.author:
            bits.insert(0, html.escape(doc.author))
        if doc.source:
            bits.append(html.escape(doc.source))
        if doc.url and doc.url.startswith(("http://", "https://")):
            bits.append(f'<a href="{html.escape(doc.url, quote=True)}">{html.escape(doc.url)}</a>')
        mark = " <span style='color:#a60'>✎</span>" if self.corrected else ""
        self.header.setText(
            f"<b style='font-size:14pt'>{html.escape(doc.title)}</b>{mark}<br>"
            f"<span style='color:#777'>{' · '.join(bits)} · id {html.escape(doc.id)}</span>"
            + history_html(self.state.history)
        )
        self.header.setToolTip(
            tooltip(
                "Corrected by you; extracted "
                + ", ".join(f"{k}: {v or '(none)'}" for k, v in self.corrected.items())
            )
            if self.corrected
            else ""
        )

    def _render_original(self) -> None:
        assert self.state is not None
        state = self.state
        spans = [(s, e, MATCH_STYLE) for s, e in state.matches]
        if state.focus:
            spans = [x for x in spans if x[1] <= state.focus[0] or x[0] >= state.focus[1]]
            spans.append((state.focus[0], state.focus[1], FOCUS_STYLE))
        parts = []
        for p in state.document.passages:
            inside = [x for x in spans if x[0] < p.end and x[1] > p.start]
            bg = PASSAGE_STYLE if p.ordinal == state.passage else ""
            parts.append(
                f'<a name="p{p.ordinal}"></a><p style="{bg}margin:6px 0">'
                f'<a href="passage:{p.ordinal}" style="color:#999;text-decoration:none">'
                f"{p.ordinal}</a>&nbsp;&nbsp;{_marked(p.text, p.start, inside)}</p>"
            )
        self.original.setHtml("".join(parts))

    def _sentence_html(self, passage: int, start: int, end: int, text: str) -> str:
        assert self.state is not None
        state = self.state
        if state.focus == (start, end):
            style = FOCUS_STYLE
        elif state.passage == passage:
            style = PASSAGE_STYLE
        else:
            style = ""
        spans = [(a - start, b - start) for a, b in state.matches if start <= a and b <= end]
        body = _marked(text, 0, [(a, b, MATCH_STYLE) for a, b in spans if b <= len(text)])
        return (
            f'<a href="span:{passage}:{start}:{end}" style="color:inherit;text-decoration:none;'
            f'{style}">{body}</a> <span style="color:#999">¶{passage}</span>'
        )

    def _render_summary(self) -> None:
        assert self.state is not None
        summary = self.state.summary
        if summary is None:
            self.summary.setHtml("<p style='color:#888'>No summary yet.</p>")
            return
        parts = []
        if summary.user_text is not None:
            note = " · written for an earlier version of the text" if summary.user_outdated else ""
            parts.append(
                f"<h3>Your summary</h3><p>{html.escape(summary.user_text)}</p>"
                f"<p style='color:#888'>{html.escape(summary.user_updated_at or '')}{note}</p>"
            )
        parts.append(
            "<h3>Summary</h3>" if summary.user_text is None else "<h3>Automatic summary</h3>"
        )
        for s in summary.auto:
            parts.append(f"<p>{self._sentence_html(s.passage, s.start, s.end, s.text)}</p>")
        if summary.events:
            parts.append("<h3>Events in this article</h3>")
            for g in summary.events:
                when = html.escape(date_label(g.event.start, g.event.end, g.event.precision))
                shown = {
                    k: v
                    for k, v in g.event.corrected.items()
                    if k in ("start", "end", "precision", "kind", "name")
                }
                if shown or g.event.manual:
                    was = ", ".join(f"{k}: {v}" for k, v in shown.items()) or "added by you"
                    tip = html.escape(tooltip(was), quote=True)  # a tooltip of plain text
                    when += f" <span style='color:#a60' title='{tip}'>✎</span>"
                mine = f"<br><i>Your gist: {html.escape(g.user_text)}</i>" if g.user_text else ""
                parts.append(
                    f"<p><b>{when}</b> {html.escape(g.event.name)}<br>"
                    f"{self._sentence_html(g.auto.passage, g.source.start, g.source.end, g.auto.text)}"
                    f"{mine}</p>"
                )
        if summary.gists:
            parts.append("<h3>Passage by passage</h3>")
            for s in summary.gists:
                parts.append(f"<p>{self._sentence_html(s.passage, s.start, s.end, s.text)}</p>")
        self.summary.setHtml("".join(parts))

    # -- interaction --------------------------------------------------------------------------

    def _summary_link(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "span" and self.state is not None:
            passage, start, end = (int(x) for x in rest.split(":"))
            self.focus_span(passage, start, end)

    def focus_span(self, passage: int, start: int, end: int) -> None:
        """Highlight a source span (and the summary sentence drawn from it) and scroll to it."""
        if self.state is None:
            return
        self.state.focus = (start, end)
        self.state.passage = passage
        self._render_original()
        self._render_summary()
        self.original.scrollToAnchor(f"p{passage}")
        self.passage_selected.emit(passage)

    def select_passage(self, passage: int) -> None:
        """Mark a passage and the summary sentences drawn from it."""
        if self.state is None:
            return
        self.state.passage = passage
        self.state.focus = None
        self._render_original()
        self._render_summary()
        self.passage_selected.emit(passage)

    def _original_link(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "passage":
            self.select_passage(int(rest))

    def _step_source(self, step: int) -> None:
        state = self.state
        if state is None or len(state.sources) < 2:
            return
        index = (state.source_index + step) % len(state.sources)
        self.source_requested.emit((state.sources, index))

    def current_citation(self) -> str:
        """A citation of the passage being read (the first passage when none is chosen)."""
        assert self.state is not None
        return citation(self.state.document, self.state.passage or 1)

    def copy_current_citation(self) -> None:
        """Put the citation on the clipboard."""
        if self.state is not None:
            QGuiApplication.clipboard().setText(self.current_citation())

    def show_find(self) -> None:
        """Open the find bar (the window's Ctrl+F)."""
        self.find_bar.open()

    def close_find(self) -> None:
        """Close the find bar (the window's Esc, or its close button)."""
        self.find_bar.close_bar()

    def find_next(self, backward: bool = False) -> bool:
        """Find the next (or previous) occurrence of the find bar's text, wrapping around."""
        return self.find_bar.find_next(backward=backward)

    def start_editing(self) -> None:
        """Edit the summary in place (starting from the user's text, else the automatic one)."""
        state = self.state
        if state is None:
            return
        summary = state.summary
        if summary is not None and summary.user_text is not None:
            self.editor.setPlainText(summary.user_text)
        elif summary is not None:
            self.editor.setPlainText(" ".join(s.text for s in summary.auto))
        self.right.setCurrentIndex(1)
        self.editor.setFocus()

    def save_editing(self) -> None:
        """Hand the edited text to the window to save as the user's summary."""
        if self.state is not None:
            self.summary_edited.emit(self.state.document.id, self.editor.toPlainText().strip())
        self.stop_editing()

    def stop_editing(self) -> None:
        """Back to the summary view."""
        self.right.setCurrentIndex(0)

    def _open_external(self, link: str) -> None:
        if link.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(link))
        elif link.startswith("doc:"):
            self.document_requested.emit(link[4:])
        elif link == "revisions:":
            self.revisions_requested.emit()
        elif link == "separate:":
            self.separate_requested.emit()
