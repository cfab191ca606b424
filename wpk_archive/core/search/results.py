"""Searching the archive: query language, hits joined with stored text, snippets, facets.

Reads through the store (passage texts, headers) and the index (matching); writes nothing.
The query is read leniently (:func:`.query.clean_query`: unbalanced quotes or brackets, lone
operators, unknown fields are explained in ``SearchResult.message`` and searched as well as they
can be), never raising.
"""

from __future__ import annotations

import re
from typing import Literal

from wpk_archive.core.models import DocumentHits, Hit, SearchResult
from wpk_archive.core.search.index import PassageIndex
from wpk_archive.core.search.lookups import narrowest
from wpk_archive.core.search.query import OPERATORS, clean_query
from wpk_archive.core.store import Store, StoreError

Sort = Literal["relevance", "date"]


def run_search(
    store: Store,
    index: PassageIndex,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    date_from: str | None = None,
    date_to: str | None = None,
    sort: Sort = "relevance",
    filters: dict[str, str] | None = None,
    facets: bool = False,
) -> SearchResult:
    """Passages matching ``query``: the page [offset, offset+limit), each with a highlighted snippet.

    ``date_from``/``date_to`` (YYYY, YYYY-MM or YYYY-MM-DD) filter on the article's publication
    date; ``filters`` narrows by facet value ({"year": "2012", "kind": "cc_plenary",
    "source": "..."}); ``facets`` asks for counts by year, kind and source over the whole result.
    Never raises for a bad query: ``message`` says what was read leniently.
    """
    text = query.strip()
    if not text:
        return SearchResult(query=query, total=0, hits=[])
    try:
        return _search(
            store, index, query, text, max(0, limit), max(0, offset), date_from, date_to, sort,
            filters, facets,
        )  # fmt: skip
    except StoreError:  # a damaged or unreadable store is not the query's fault: say so
        raise
    except Exception as exc:  # a last guard: fall back to the plain words of the query
        words = " ".join(re.findall(r"\w+", text))
        words = " ".join(w for w in words.split() if w not in OPERATORS)
        message = f"Cannot read the query ({exc}); searched its words instead."
        if words and words != text:
            try:
                result = _search(
                    store, index, query, words, max(0, limit), max(0, offset), date_from,
                    date_to, sort, filters, facets,
                )  # fmt: skip
                result.message = message
                return result
            except Exception:
                pass
        return SearchResult(
            query=query, total=0, hits=[], message=f"Cannot read the query ({exc})."
        )


def _search(
    store: Store,
    index: PassageIndex,
    query: str,
    text: str,
    limit: int,
    offset: int,
    date_from: str | None,
    date_to: str | None,
    sort: str,
    filters: dict[str, str] | None,
    facets: bool,
) -> SearchResult:
    cleaned, notes = clean_query(text)
    if not cleaned:
        return SearchResult(query=query, total=0, hits=[], message=" ".join(notes) or None)
    parsed = index.read_query(cleaned)
    notes.extend(parsed.notes)
    restrict = []
    if date_from or date_to:
        try:
            index.date_filter(date_from, date_to)  # validates the bounds
        except ValueError as exc:
            notes.append(str(exc))
            date_from = date_to = None
    if parsed.date_from or parsed.date_to:
        date_from, date_to = narrowest((date_from, date_to), (parsed.date_from, parsed.date_to))
    for name, value in (filters or {}).items():
        try:
            restrict.append(index.facet_filter(name, value))
        except ValueError as exc:
            notes.append(str(exc))
    q = index.narrow(parsed.query, restrict)
    if sort not in ("relevance", "date"):
        notes.append(f"Unknown sort {sort!r}; sorted by relevance.")
        sort = "relevance"
    raw = index.search(
        q,
        limit=limit,
        offset=offset,
        sort=sort,
        facets=facets,
        date_from=date_from or None,
        date_to=date_to or None,
    )
    texts = store.passage_texts((h.doc_id, h.passage) for h in raw.hits)
    headers = store.document_headers(h.doc_id for h in raw.hits)
    terms = index.highlight_terms(parsed.query)
    hits: list[Hit] = []
    groups: dict[str, DocumentHits] = {}
    for h in raw.hits:
        body = texts.get((h.doc_id, h.passage))
        header = headers.get(h.doc_id)
        if body is None or header is None:
            continue  # index ahead of the store: skip rather than show what cannot be traced
        hit = Hit(
            doc_id=h.doc_id,
            title=header["title"],
            date=header["date"],
            source=header["source"],
            passage=h.passage,
            text=body,
            snippet=index.snippet(parsed.query, body, terms=terms),
            score=h.score,
        )
        hits.append(hit)
        group = groups.get(h.doc_id)
        if group is None:
            group = groups[h.doc_id] = DocumentHits(
                doc_id=h.doc_id,
                title=hit.title,
                date=hit.date,
                source=hit.source,
                count=raw.doc_counts.get(h.doc_id, 0),
                hits=[],
            )
        group.hits.append(hit)
    return SearchResult(
        query=query,
        total=raw.total,
        hits=hits,
        message=" ".join(notes) or None,
        suggestion=_suggestion(index, cleaned, parsed.words),
        facets=raw.facets,
        documents=list(groups.values()),
        total_documents=raw.total_documents,
    )


def _suggestion(index: PassageIndex, text: str, words: list[str]) -> str | None:
    """The query with each word that occurs nowhere replaced by the closest indexed word."""
    suggested = text
    changed = False
    for word in dict.fromkeys(words):
        if len(word) < 3 or not word.isalpha() or index.word_frequency(word) > 0:
            continue
        if index.variants.forms_of((word,)):
            continue
        better = index.suggest_word(word, maxdist=1 if len(word) <= 4 else 2)
        if better and better != word:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
            suggested, n = pattern.subn(better, suggested)
            changed = changed or n > 0
    return suggested if changed else None
