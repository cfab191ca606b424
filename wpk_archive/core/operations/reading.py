"""Reading through the index: search (all pages too), the spans a query matches in a document,
trends, and a document's summary as shown.

Every function takes the open archive (:class:`wpk_archive.core.archive.Archive` delegates to
these).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from wpk_archive.core import search as passage_index
from wpk_archive.core import summaries, trends
from wpk_archive.core.models import Document, SearchResult
from wpk_archive.core.operations import upkeep
from wpk_archive.core.operations.common import ArchiveError, EventGist, Summary
from wpk_archive.core.search.results import Sort, run_search

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive


def search(
    archive: Archive,
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
    """Passages matching ``query``, each with a highlighted snippet (see :func:`run_search`)."""
    if not query.strip():
        return SearchResult(query=query, total=0, hits=[])

    def run() -> SearchResult:
        return run_search(
            archive._store,
            archive._index,
            query,
            limit=limit,
            offset=offset,
            date_from=date_from,
            date_to=date_to,
            sort=sort,
            filters=filters,
            facets=facets,
        )

    # damage the quick check cannot see (a truncated or changed segment) rebuilds the index
    # from the store, then the search is answered (only query errors are messages)
    return upkeep.read_index(archive, run)


def match_spans(archive: Archive, query: str, doc: Document) -> list[tuple[int, int]]:
    """Document spans of the words ``query`` matches (for highlighting in the reader)."""
    if not query.strip():
        return []
    upkeep.ensure_index(archive)
    try:
        parsed = archive._index.parse(passage_index.normalize_query(query))
    except (passage_index.QueryError, passage_index.IndexError_):
        return []
    spans: list[tuple[int, int]] = []
    for p in doc.passages:
        spans.extend(
            (p.start + a, p.start + b) for a, b in archive._index.match_spans(parsed, p.text)
        )
    return spans


def summary(archive: Archive, doc_id: str) -> Summary | None:
    """A document's summary: automatic sentences always, and the user's text when written."""
    doc_hash = archive._store.document_hash(doc_id)
    if doc_hash is None:
        return None
    user = archive._store.user_summary(doc_id)
    doc = archive._store.document(doc_id)
    assert doc is not None
    sentences = summaries.split_document(doc)
    gists = []
    for event in archive._store.events(doc_id=doc_id):
        here = [s for s in event.sources if s.doc_id == doc_id]
        # the sentence that dates the event says most about it; a bare mention says least
        here.sort(key=lambda s: (s.start_date is None, s.start))
        for source in here[:1]:
            user_gist = archive._store.user_event_gist(event.id)
            gists.append(
                EventGist(
                    event=event,
                    source=source,
                    auto=summaries.event_gist(doc, source.start, source.end, sentences),
                    user_text=user_gist["text"] if user_gist else None,
                )
            )
    gists.sort(key=lambda g: g.source.start)
    return Summary(
        doc_id=doc_id,
        origin="user" if user else "auto",
        auto=archive._store.summary_sentences(doc_id, "summary"),
        gists=archive._store.summary_sentences(doc_id, "gist"),
        user_text=user["text"] if user else None,
        user_updated_at=user["updated_at"] if user else None,
        user_outdated=bool(user and user["written_for_hash"] != doc_hash),
        events=gists,
    )


def trend(
    archive: Archive,
    queries: Iterable[str],
    *,
    by: trends.By = "month",
    date_from: str | None = None,
    date_to: str | None = None,
) -> trends.Trend:
    """How often each query occurs per month or year (matching passages, documents, rate
    per 10,000 passages), each from one evaluation of the query (see :mod:`.trends`)."""
    wanted = list(queries)
    try:
        return upkeep.read_index(
            archive,
            lambda: trends.trend(
                archive._index, wanted, by=by, date_from=date_from, date_to=date_to
            ),
        )
    except trends.DateError as exc:
        raise ArchiveError(str(exc)) from exc


def search_all(
    archive: Archive,
    query: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    sort: Sort = "relevance",
    filters: dict[str, str] | None = None,
    page: int = 1000,
) -> SearchResult:
    """Every passage matching ``query`` (all pages), in the order of ``sort`` (for exports
    and keyword-in-context)."""
    first = archive.search(
        query, limit=page, date_from=date_from, date_to=date_to, sort=sort, filters=filters
    )
    hits = list(first.hits)
    while len(hits) < first.total and first.hits:
        more = archive.search(
            query,
            limit=page,
            offset=len(hits),
            date_from=date_from,
            date_to=date_to,
            sort=sort,
            filters=filters,
        )
        if not more.hits:
            break
        hits.extend(more.hits)
    first.hits = hits
    first.documents = []
    return first
