"""Searching the archive: hits joined with stored text, snippets (as offsets), facets.

Reads through the store (passage texts, headers) and the index (matching); writes nothing.
The query is read leniently (:func:`.query.clean_query`: unbalanced quotes or brackets, lone
operators, unknown or empty fields are explained in ``SearchResult.message`` and the rest is
searched). What the user wrote and cannot be searched as meant (an impossible date, a query too
long) gives no hits and a message, never a wider search. A damaged index is not the query's
fault: :class:`.index.IndexError_` propagates to the caller, which rebuilds the index.
"""

from __future__ import annotations

import re
from typing import Literal

from whoosh import query as wq

from wpk_archive.core.models import DocumentHits, Hit, SearchResult
from wpk_archive.core.search.analysis import normalize_query
from wpk_archive.core.search.evaluate import SORTS
from wpk_archive.core.search.highlight import make_snippet
from wpk_archive.core.search.index import PassageIndex
from wpk_archive.core.search.lenient import QueryError, clean_query
from wpk_archive.core.search.lookups import DateError, DateWindow
from wpk_archive.core.search.query import MAX_WORD, ParsedQuery
from wpk_archive.core.store import Store

Sort = Literal["relevance", "date", "oldest"]


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
    """Passages matching ``query``: the page [offset, offset+limit), each with its snippet.

    ``date_from``/``date_to`` (YYYY, YYYY-MM or YYYY-MM-DD) filter on the article's publication
    date; ``filters`` narrows by facet value ({"year": "2012", "kind": "cc_plenary",
    "source": "..."}); ``facets`` asks for counts by year, kind and source over the whole result;
    ``sort`` is "relevance", "date" (newest first) or "oldest". Pages tile one total order
    (:func:`.evaluate.rank`). A query the user must change gives ``message`` and no hits;
    ``IndexError_`` (damage) propagates.
    """
    text = normalize_query(query).strip()
    if not text:
        return SearchResult(query=query, total=0, hits=[])
    notes: list[str] = []
    try:
        return _search(
            store, index, query, text, max(0, limit), max(0, offset), date_from, date_to, sort,
            filters, facets, notes,
        )  # fmt: skip
    except QueryError as exc:
        return SearchResult(query=query, total=0, hits=[], message=" ".join([*notes, str(exc)]))


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
    notes: list[str],
) -> SearchResult:
    prepared = prepare_query(index, text, date_from, date_to, filters, notes)
    if prepared is None:
        return SearchResult(query=query, total=0, hits=[], message=" ".join(notes) or None)
    cleaned, parsed, q, window = prepared
    if sort not in SORTS:
        notes.append(f"Unknown sort {sort!r}; sorted by relevance.")
        sort = "relevance"
    raw = index.search(q, limit=limit, offset=offset, sort=sort, facets=facets, window=window)
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
        spans = terms.spans(body)
        hit = Hit(
            doc_id=h.doc_id,
            title=header["title"],
            date=header["date"],
            source=header["source"],
            passage=h.passage,
            text=body,
            snippet=make_snippet(body, spans),
            score=h.score,
            spans=spans,
            url=header["url"],
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


def prepare_query(
    index: PassageIndex,
    text: str,
    date_from: str | None,
    date_to: str | None,
    filters: dict[str, str] | None,
    notes: list[str],
) -> tuple[str, ParsedQuery, wq.Query, DateWindow] | None:
    """The query as every search reads it: cleaned (what was cleaned said in ``notes``), parsed
    and expanded, narrowed by the facet ``filters``, with the date window of the bounds and of
    the query's own ``date:``. None when nothing is left to search; QueryError for what the user
    must change. (Search and the counts over time both read queries here.)"""
    cleaned, cleaning_notes = clean_query(text)
    notes.extend(cleaning_notes)
    if not cleaned:
        return None
    try:
        window = DateWindow.of(date_from, date_to)
    except DateError as exc:
        raise QueryError(str(exc)) from exc
    parsed = index.read_query(cleaned)
    notes.extend(parsed.notes)
    window = window & parsed.window
    restrict = []
    for name, value in (filters or {}).items():
        try:
            restrict.append(index.facet_filter(name, value))
        except ValueError as exc:
            raise QueryError(str(exc)) from exc
    return cleaned, parsed, index.narrow(parsed.query, restrict), window


def _suggestion(index: PassageIndex, text: str, words: list[str]) -> str | None:
    """The query with each word that occurs nowhere replaced by the closest indexed word."""
    suggested = text
    changed = False
    for word in dict.fromkeys(words):
        if not 3 <= len(word) <= MAX_WORD or not word.isalpha() or index.word_frequency(word) > 0:
            continue
        if index.variants.forms_of((word,)):
            continue
        better = index.suggest_word(word, maxdist=1 if len(word) <= 4 else 2)
        if better and better != word:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
            suggested, n = pattern.subn(better, suggested)
            changed = changed or n > 0
    return suggested if changed else None
