"""Highlighting: which words and phrases of a query to mark, and where they are in a text.

Computed once per search from the expanded query and applied to each hit's passage text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq

from wpk_archive.core.models import Snippet
from wpk_archive.core.search.analysis import TEXT_FIELDS, wanted_tokens, word_spans
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
                words = tuple(str(w) for w in q.words)
                if q.slop > 1:  # a proximity query: its words, wherever they are
                    found.words.update(words)
                else:
                    found.phrases.add(words)
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
        """Spans of ``text`` to mark: each matching word, and each whole occurrence of a
        phrase as one span (from its first word to its last)."""
        if not self.words and not self.phrases:
            return []
        if not self.phrases:  # words only: one regular expression finds them
            found = word_spans(text, self.words)
            if found is not None:
                return merge_spans(found)
        in_phrases = {w for phrase in self.phrases for w in phrase}
        tokens = wanted_tokens(text, self.words | in_phrases)
        marked: list[tuple[int, int]] = [(a, b) for w, _, a, b in tokens if w in self.words]
        if self.phrases:
            at: dict[int, dict[str, tuple[int, int]]] = {}
            for w, p, a, b in tokens:
                if w in in_phrases:
                    at.setdefault(p, {}).setdefault(w, (a, b))
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for phrase in self.phrases:
                by_first.setdefault(phrase[0], []).append(phrase)
            for w, p, a, _b in tokens:
                if w not in by_first:
                    continue
                for phrase in by_first[w]:
                    end = _phrase_end(at, phrase, p)
                    if end is not None:
                        marked.append((a, end))
        return merge_spans(marked)


def _phrase_end(
    at: dict[int, dict[str, tuple[int, int]]], phrase: tuple[str, ...], start: int
) -> int | None:
    """Where the phrase that starts at position ``start`` ends, if it occurs there."""
    end = None
    for i, word in enumerate(phrase):
        span = at.get(start + i, {}).get(word)
        if span is None:
            return None
        end = span[1]
    return end


SNIPPET_TOP = 3
"""Excerpts a snippet shows at most."""


def make_snippet(
    text: str, spans: list[tuple[int, int]], *, top: int = SNIPPET_TOP, surround: int = 80
) -> Snippet:
    """The ``top`` excerpts of ``text`` densest in the (sorted, disjoint) ``spans``, in text
    order, with the spans they hold marked. Excerpts that would overlap are joined, so no text
    is shown twice; every span shown is whole."""
    if not spans:
        end = len(text) if len(text) <= 240 else _word_edge(text, 240, back=True)
        end = len(text[:end].rstrip()) if end < len(text) else end
        return Snippet(text, [(0, end)] if end else [], [], truncated=end < len(text))
    clusters: list[list[tuple[int, int]]] = [[spans[0]]]
    for span in spans[1:]:
        if span[1] - clusters[-1][0][0] <= 300 - 2 * surround:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    best = sorted(sorted(clusters, key=len, reverse=True)[:top], key=lambda c: c[0][0])
    windows: list[list[int]] = []
    for cluster in best:
        a = _word_edge(text, max(0, cluster[0][0] - surround), back=True)
        b = _word_edge(text, min(len(text), cluster[-1][1] + surround), back=False)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    # a span cut by a window's edge is shown whole
    for window in windows:
        for s, e in spans:
            if s < window[0] < e:
                window[0] = s
            if s < window[1] < e:
                window[1] = e
    fragments: list[tuple[int, int]] = []
    for a, b in windows:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if fragments and a <= fragments[-1][1]:
            fragments[-1] = (fragments[-1][0], max(b, fragments[-1][1]))
        elif a < b:
            fragments.append((a, b))
    marks = [(s, e) for s, e in spans if any(a <= s and e <= b for a, b in fragments)]
    return Snippet(text, fragments, marks)


def _word_edge(text: str, i: int, *, back: bool) -> int:
    """``i`` moved to the nearest space (so fragments do not cut words), within 15 characters."""
    if i <= 0 or i >= len(text):
        return i
    for k in range(15):
        j = i - k if back else i + k
        if 0 < j < len(text) and text[j].isspace():
            return j + 1 if back else j
    return i
