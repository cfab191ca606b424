"""The reader: the original text with numbered passages beside its summary, linked both ways."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from wpk_archive.core.archive import Summary
from wpk_archive.core.models import Document

MATCH_STYLE = "background-color:#ffe066;color:#000"
FOCUS_STYLE = "background-color:#b3d7ff;color:#000"


@dataclass
class ReaderState:
    """What the reader shows: a document, its summary, and what is highlighted."""

    document: Document
    summary: Summary | None
    matches: list[tuple[int, int]]
    focus: tuple[int, int] | None = None
    passage: int | None = None


def _marked(text: str, offset: int, spans: list[tuple[int, int, str]]) -> str:
    """HTML of ``text`` (which starts at document offset ``offset``) with spans styled."""
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
    """Original (left) and summary (right), with a header."""

    passage_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: ReaderState | None = None
        self.header = QLabel("Choose an event, a document or a search result to read it here.")
        self.header.setWordWrap(True)
        self.header.setTextFormat(self.header.textFormat().RichText)
        self.header.setOpenExternalLinks(False)
        self.header.linkActivated.connect(self._open_external)
        self.original = QTextBrowser()
        self.original.setObjectName("original")
        self.original.setOpenLinks(False)
        self.original.anchorClicked.connect(self._original_link)
        self.summary = QTextBrowser()
        self.summary.setObjectName("summary")
        self.summary.setOpenLinks(False)
        self.summary.anchorClicked.connect(self._summary_link)
        self.split = QSplitter()
        self.split.addWidget(self.original)
        self.split.addWidget(self.summary)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.split, 1)

    # -- showing ------------------------------------------------------------------------------

    def show_document(
        self,
        document: Document,
        summary: Summary | None,
        *,
        passage: int | None = None,
        matches: list[tuple[int, int]] | None = None,
        focus: tuple[int, int] | None = None,
    ) -> None:
        """Show a document, scrolled to ``passage``, with ``matches`` and ``focus`` highlighted."""
        self.state = ReaderState(document, summary, list(matches or []), focus, passage)
        self._render_header()
        self._render_original()
        self._render_summary()
        if passage is not None:
            self.original.scrollToAnchor(f"p{passage}")

    def _render_header(self) -> None:
        assert self.state is not None
        doc = self.state.document
        bits = [html.escape(doc.date or "undated")]
        if doc.source:
            bits.append(html.escape(doc.source))
        if doc.url and doc.url.startswith(("http://", "https://")):
            bits.append(f'<a href="{html.escape(doc.url, quote=True)}">{html.escape(doc.url)}</a>')
        self.header.setText(
            f"<b style='font-size:14pt'>{html.escape(doc.title)}</b><br>"
            f"<span style='color:#666'>{' · '.join(bits)} · id {doc.id}</span>"
        )

    def _render_original(self) -> None:
        assert self.state is not None
        state = self.state
        spans = [(s, e, MATCH_STYLE) for s, e in state.matches]
        if state.focus:
            spans.append((state.focus[0], state.focus[1], FOCUS_STYLE))
        parts = []
        for p in state.document.passages:
            inside = [x for x in spans if x[0] < p.end and x[1] > p.start]
            bg = "background-color:rgba(255,224,102,40);" if p.ordinal == state.passage else ""
            parts.append(
                f'<a name="p{p.ordinal}"></a><p style="{bg}margin:6px 0">'
                f'<a href="passage:{p.ordinal}" style="color:#999;text-decoration:none">'
                f"{p.ordinal}</a>&nbsp;&nbsp;{_marked(p.text, p.start, inside)}</p>"
            )
        self.original.setHtml("".join(parts))

    def _render_summary(self) -> None:
        assert self.state is not None
        summary = self.state.summary
        if summary is None:
            self.summary.setHtml("<p style='color:#888'>No summary yet.</p>")
            return
        parts = []
        if summary.user_text is not None:
            note = " (written for an earlier version)" if summary.user_outdated else ""
            parts.append(
                f"<h3>Your summary</h3><p>{html.escape(summary.user_text)}</p>"
                f"<p style='color:#888'>{html.escape(summary.user_updated_at or '')}{note}</p>"
            )
        parts.append("<h3>Summary</h3>")
        focus = self.state.focus
        for s in summary.auto:
            style = FOCUS_STYLE if focus == (s.start, s.end) else ""
            parts.append(
                f'<p><a href="span:{s.passage}:{s.start}:{s.end}" '
                f'style="color:inherit;text-decoration:none;{style}">{html.escape(s.text)}</a> '
                f'<span style="color:#999">¶{s.passage}</span></p>'
            )
        if summary.gists:
            parts.append("<h3>Passage by passage</h3>")
            for s in summary.gists:
                parts.append(
                    f'<p><span style="color:#999">¶{s.passage}</span> '
                    f'<a href="span:{s.passage}:{s.start}:{s.end}" '
                    f'style="color:inherit;text-decoration:none">{html.escape(s.text)}</a></p>'
                )
        self.summary.setHtml("".join(parts))

    # -- links --------------------------------------------------------------------------------

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

    def _original_link(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "passage" and self.state is not None:
            self.state.passage = int(rest)
            self._render_original()
            self.passage_selected.emit(int(rest))

    def _open_external(self, link: str) -> None:
        if link.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(link))
