"""The search panel: a query box and the matching passages with highlighted snippets."""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from wpk_archive.core.models import DocumentHits, Hit, SearchResult
from wpk_archive.ui.labels import KIND_LABELS
from wpk_archive.ui.plain import tooltip

HitRole = Qt.ItemDataRole.UserRole + 1
PAGE = 50
"""Passages a search shows at first, and each "show more" adds."""
MARK_HTML = '<span style="background-color:#ffe066;color:#000">'


def hit_html(hit: Hit) -> str:
    """One matching passage as rich text: its number, then the snippet (the passage's text
    escaped, its matches highlighted from the snippet's offsets)."""
    snippet = hit.snippet.render(
        lambda t: MARK_HTML + html.escape(t, quote=False) + "</span>",
        lambda t: html.escape(t, quote=False),
    )
    return f"<span style='color:#888'>¶{hit.passage}</span>&nbsp; {snippet}"


def group_html(group: DocumentHits) -> str:
    """A document heading in the results: title, date, and how many of its passages match."""
    many = f"{group.count} matching passages" if group.count != 1 else "1 matching passage"
    return (
        f"<b>{html.escape(group.title)}</b> <span style='color:#888'>"
        f"{html.escape(group.date or 'undated')} · {many}</span>"
    )


class HitModel(QAbstractListModel):
    """Results grouped by document: a heading row per document, then its matching passages."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[DocumentHits | Hit] = []

    @property
    def hits(self) -> list[Hit]:
        """The passages shown, in order."""
        return [r for r in self.rows if isinstance(r, Hit)]

    def set_result(self, result: SearchResult | None) -> None:
        """Show a result, grouped by document (flat when the result has no groups)."""
        self.beginResetModel()
        self.rows = []
        if result is not None:
            if result.documents:
                for group in result.documents:
                    self.rows.append(group)
                    self.rows.extend(group.hits)
            else:
                self.rows.extend(result.hits)
        self.endResetModel()

    def append_result(self, result: SearchResult) -> None:
        """Add the next page of a result below the rows shown (a document already headed
        above gets a "continued" heading)."""
        headed = {r.doc_id for r in self.rows if isinstance(r, DocumentHits)}
        last = self.rows[-1].doc_id if self.rows else None
        rows: list[DocumentHits | Hit] = []
        for i, group in enumerate(result.documents):
            if i == 0 and group.doc_id == last:
                rows.extend(group.hits)  # the page goes on with the document shown last
                continue
            if group.doc_id in headed:
                group = replace(group, title=f"{group.title} (continued)")
            rows.append(group)
            rows.extend(group.hits)
        if not result.documents:
            rows.extend(result.hits)
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def first_hit_row(self) -> int | None:
        """The row of the first passage, if any."""
        return next((i for i, r in enumerate(self.rows) if isinstance(r, Hit)), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self.rows[index.row()], DocumentHits):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if isinstance(row, DocumentHits):
            if role == Qt.ItemDataRole.DisplayRole:
                return group_html(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip(" · ".join(x for x in (row.title, row.source, row.doc_id) if x))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit_html(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row.text)
        if role == HitRole:
            return row
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Draws an item's display text as rich text, wrapped to the view's width."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        doc.setTextWidth(max(100, option.rect.width() - 8))
        return doc

    def paint(
        self, painter: Any, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget
            )
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 3)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 4, option.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        width = view.viewport().width() if isinstance(view, QListView) else 400
        option.rect.setWidth(width)
        doc = self._document(option, index)
        return QSize(width, int(doc.size().height()) + 8)


FACET_NAMES = {"year": "Year", "kind": "Event kind", "source": "Source"}


def facets_html(facets: dict[str, dict[str, int]], active: dict[str, str]) -> str:
    """Facet counts as links ("facet:NAME:VALUE"); active filters as removable chips."""
    parts = []
    for name, value in active.items():
        label = KIND_LABELS.get(value, value) if name == "kind" else value
        parts.append(
            f'<a href="unfacet:{html.escape(name)}" style="text-decoration:none">'
            f"<b>{html.escape(FACET_NAMES.get(name, name))}: {html.escape(label)} ✕</b></a>"
        )
    for name, counts in facets.items():
        if name in active or not counts:
            continue
        links = []
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if name == "year":
            ordered = sorted(counts.items(), reverse=True)
        for value, count in ordered[:12]:
            label = KIND_LABELS.get(value, value) if name == "kind" else value
            href = f"facet:{name}:{value}"
            links.append(
                f'<a href="{html.escape(href, quote=True)}">{html.escape(label[:40])}</a>&nbsp;{count}'
            )
        parts.append(
            f"<span style='color:#888'>{FACET_NAMES.get(name, name)}:</span> " + " · ".join(links)
        )
    return "<br>".join(parts)


class SearchPanel(QWidget):
    """Query box, sort, facets, status line and result list.

    Emits ``search_requested(query_id, text)`` and ``hit_chosen(hit)``; the window runs the search
    with :attr:`sort` and :attr:`filters`.
    """

    search_requested = Signal(int, str)
    more_requested = Signal(int, int)
    """(query id, offset): the next page of the current query is wanted."""
    hit_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query_id = 0
        self._shown: SearchResult | None = None
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText("Search every passage…  (Ctrl+K)")
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self.search_now)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(250)
        self.debounce.timeout.connect(self.search_now)
        self.box.textEdited.connect(lambda _text: self.debounce.start())
        self.status = QLabel("")
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.linkActivated.connect(self._status_link)
        self.sort = QComboBox()
        self.sort.setObjectName("sort")
        self.sort.addItem("Best match", "relevance")
        self.sort.addItem("Newest first", "date")
        self.sort.addItem("Oldest first", "oldest")
        self.sort.currentIndexChanged.connect(lambda _i: self.search_now())
        self.filters: dict[str, str] = {}
        self.facets = QLabel("")
        self.facets.setObjectName("facets")
        self.facets.setWordWrap(True)
        self.facets.setTextFormat(Qt.TextFormat.RichText)
        self.facets.linkActivated.connect(self._facet_link)
        self.recent: list[str] = []
        self.completer = QCompleter([], self)  # recent queries, offered as you type
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.box.setCompleter(self.completer)
        self.model = HitModel(self)
        self.list = QListView()
        self.list.setObjectName("hits")
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.activated.connect(self._chosen)
        self.list.clicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.sort)
        layout.addLayout(row)
        layout.addWidget(self.facets)
        layout.addWidget(self.list, 1)

    def search_now(self) -> None:
        """Ask for the current query (a new query id makes older results stale)."""
        self.debounce.stop()
        self.query_id += 1
        text = self.box.text().strip()
        if not text:
            self._shown = None
            self.model.set_result(None)
            self.status.setText("")
            self.facets.setText("")
            return
        self.status.setText("Searching…")
        self.search_requested.emit(self.query_id, text)

    def show_result(self, query_id: int, result: SearchResult) -> None:
        """Show a result unless a newer query was asked since."""
        if query_id != self.query_id:
            return
        self.model.set_result(result)
        self._shown = result
        self._show_status()
        self.facets.setText(facets_html(result.facets, self.filters))
        query = self.box.text().strip()
        if result.total and query and query not in self.recent[:1]:
            self.recent = [query, *[q for q in self.recent if q != query]][:20]
            self.set_recent(self.recent)

    def append_result(self, query_id: int, result: SearchResult) -> None:
        """Show the next page of the current result below the rows shown (unless a newer
        query was asked since)."""
        if query_id != self.query_id:
            return
        self.model.append_result(result)
        self._show_status()

    def _show_status(self) -> None:
        """The count (with a link to the next page), the query's message and did-you-mean."""
        result = self._shown
        if result is None:
            return
        shown, total = len(self.model.hits), result.total
        docs = f" in {result.total_documents} documents" if result.total_documents else ""
        text = f"{total} matching passage{'s' if total != 1 else ''}{docs}"
        if shown < total:
            text += f", showing {shown} — <a href='more:'>show {min(PAGE, total - shown)} more</a>"
        if result.message:
            text = f"<span style='color:#b00'>{html.escape(result.message)}</span><br>{text}"
        if result.suggestion:
            text += (
                f" — did you mean <a href='suggest:{html.escape(result.suggestion, quote=True)}'>"
                f"{html.escape(result.suggestion)}</a>?"
            )
        self.status.setText(text)

    def set_recent(self, queries: list[str]) -> None:
        """Queries to offer in the search box's completer (most recent first)."""
        self.recent = list(queries)
        self.completer.setModel(QStringListModel(self.recent, self.completer))

    @property
    def sort_key(self) -> str:
        """ "relevance", "date" (newest first) or "oldest"."""
        return str(self.sort.currentData())

    def narrow(self, name: str, value: str) -> None:
        """Add a facet filter and search again."""
        self.filters[name] = value
        self.search_now()

    def _facet_link(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        if kind == "facet":
            name, _, value = rest.partition(":")
            self.narrow(name, value)
        elif kind == "unfacet":
            self.filters.pop(rest, None)
            self.search_now()

    def _status_link(self, link: str) -> None:
        if link == "more:":
            self.more_requested.emit(self.query_id, len(self.model.hits))
        elif link.startswith("suggest:"):
            self.box.setText(link.removeprefix("suggest:"))
            self.search_now()

    def show_error(self, query_id: int, message: str) -> None:
        """Show why a search failed."""
        if query_id == self.query_id:
            self.status.setText(f"Search failed: {message}")

    def _chosen(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.hit_chosen.emit(hit)
