"""Highlighting: which words and phrases of a query to mark, and where they are in a text.

Computed once per search from the expanded query and applied to each hit's passage text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq

from wpk_archive.core.search.analysis import TEXT_FIELDS, token_spans
from wpk_archive.core.search.variants import Form


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def highlight_terms(query: wq.Query, reader: Any, names: dict[Form, str]) -> Highlight:
    """What to mark for ``query``: single words, and phrases marked only where the whole
    phrase occurs (computed once per search, reused for every snippet). Words the query
    excludes (NOT) are not marked. ``names`` maps each multi-word name form to its key."""
    found = Highlight()

    def walk(q: wq.Query) -> None:
        if isinstance(q, wq.Not):
            return
        if isinstance(q, wq.AndNot):
            walk(q.a)
            return
        if isinstance(q, wq.Phrase):
            if q.fieldname in TEXT_FIELDS:
                found.phrases.add(tuple(str(w) for w in q.words))
            return
        if type(q) is wq.Term and q.fieldname == "names":
            for form, key in names.items():
                if key == q.text:
                    (found.words.add(form[0]) if len(form) == 1 else found.phrases.add(form))
            return
        if q.is_leaf():
            try:
                pairs = q.existing_terms(reader, phrases=False, expand=True)
            except Exception:
                pairs = set()
            for fieldname, value in pairs:
                if fieldname in TEXT_FIELDS:
                    found.words.add(value.decode("utf-8") if isinstance(value, bytes) else value)
            return
        for child in q.children():
            walk(child)

    walk(query)
    return found


@dataclass
class Highlight:
    """Words and phrases (as index tokens) to mark in passage text."""

    words: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` to mark: each matching word, each token of each whole phrase."""
        if not self.words and not self.phrases:
            return []
        tokens = token_spans(text)
        marked: list[tuple[int, int]] = [(a, b) for w, a, b in tokens if w in self.words]
        if self.phrases:
            words = [w for w, _, _ in tokens]
            for phrase in self.phrases:
                n = len(phrase)
                for i in range(len(words) - n + 1):
                    if words[i] == phrase[0] and tuple(words[i : i + n]) == phrase:
                        marked.extend((a, b) for _, a, b in tokens[i : i + n])
        return merge_spans(marked)


def make_snippet(
    text: str, spans: list[tuple[int, int]], *, top: int = 3, surround: int = 80
) -> str:
    """HTML: the ``top`` passages of ``text`` densest in marked spans, in text order."""
    if not spans:
        return html.escape(text[:240], quote=False) + ("…" if len(text) > 240 else "")
    clusters: list[list[tuple[int, int]]] = [[spans[0]]]
    for span in spans[1:]:
        if span[1] - clusters[-1][0][0] <= 300 - 2 * surround:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    best = sorted(sorted(clusters, key=len, reverse=True)[:top], key=lambda c: c[0][0])
    pieces = []
    for cluster in best:
        a = _word_edge(text, max(0, cluster[0][0] - surround), back=True)
        b = _word_edge(text, min(len(text), cluster[-1][1] + surround), back=False)
        out = []
        index = a
        for s, e in cluster:
            out.append(html.escape(text[index:s], quote=False))
            out.append("<mark>" + html.escape(text[s:e], quote=False) + "</mark>")
            index = e
        out.append(html.escape(text[index:b], quote=False))
        pieces.append("".join(out).strip())
    return " … ".join(pieces)


def _word_edge(text: str, i: int, *, back: bool) -> int:
    """``i`` moved to the nearest space (so fragments do not cut words), within 15 characters."""
    if i <= 0 or i >= len(text):
        return i
    for k in range(15):
        j = i - k if back else i + k
        if 0 < j < len(text) and text[j].isspace():
            return j + 1 if back else j
    return i
