"""The JSON shapes of the archive's records, one definition each.

What ``wpk-archive ... --json`` prints and what the exports write are built here, so that a
record has the same shape wherever it goes out:

- events: :func:`event_to_json` (``timeline --json``, ``event --json`` with the user's gist, the
  timeline's JSON export with each source's article: :func:`sourced_event_json`);
- search hits: :func:`hit_json` (``search --json``) and :func:`hit_row` (the hits exported as CSV
  or JSON), both from the same fields, the snippet marked by :func:`snippet_html`;
- people: :func:`person_to_json` and :func:`appearance_to_json` (``person --json``, the app's
  person view), :func:`comparison_to_json` (``compare-lists --json``);
- a document (:func:`document_json`), its summary (:func:`summary_json`), a diff of two revisions
  (:func:`diff_json`).

Records that carry their own small shape keep it as a ``to_json`` method, the one definition of
that shape (``Person``, ``Office``, ``PrintedList``, ``KwicLine``, trends, ``Revision``).
Nothing here imports the modules whose records it shapes (they import this one), but lazily.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wpk_archive.core.ingest.revisions import Op, Revision
    from wpk_archive.core.models import Document, Event, Hit, SearchResult, Snippet
    from wpk_archive.core.operations.common import Summary
    from wpk_archive.core.operations.people import PrintedList
    from wpk_archive.core.people.model import Appearance, ListComparison, Person

# -- events -----------------------------------------------------------------------------------


def event_to_json(event: Event) -> dict[str, Any]:
    """The JSON form of an event (as printed by ``wpk-archive timeline --json``)."""
    data: dict[str, Any] = {
        "id": event.id,
        "kind": event.kind,
        "name": event.name,
        "name_ko": event.name_ko,
        "start": event.start,
        "end": event.end,
        "precision": event.precision,
        "year_inferred": event.year_inferred,
        "status": event.status,
        "date_basis": event.date_basis,
        "sources": [
            {
                "doc_id": s.doc_id,
                "passage": s.passage,
                "start": s.start,
                "end": s.end,
                "quote": s.quote,
                "date": s.doc_date,
                "date_basis": s.date_basis,
                "status": s.status,
            }
            for s in event.sources
        ],
        "chronology": event.chronology,
    }
    if event.conflicting_dates:
        data["conflicting_dates"] = list(event.conflicting_dates)
    data["origin"] = "user" if (event.manual or event.corrected) else "auto"
    fields = {
        k: v
        for k, v in event.corrected.items()
        if k in ("start", "end", "precision", "kind", "name")
    }
    if fields:
        data["fields"] = {k: {"origin": "user", "extracted": v} for k, v in fields.items()}
    if event.rejected:
        data["rejected"] = True
    if event.reference_only:
        data["reference_only"] = True
    if event.independent_sources is not None and event.independent_sources < len(event.sources):
        # re-sent stories (near-duplicate documents) counted once: see ingest/neardup.py
        data["independent_sources"] = event.independent_sources
    return data


def event_detail_json(event: Event, user_gist: Any) -> dict[str, Any]:
    """One event as ``wpk-archive event ID --json`` prints it: :func:`event_to_json` and the
    user's own gist (None when there is none)."""
    data = event_to_json(event)
    data["user_gist"] = user_gist
    return data


Headers = dict[str, dict[str, Any]]
"""Document id -> {"title", "date", "url"} of the sources' articles (``Store.document_headers``)."""


def source_header(headers: Headers | None, doc_id: str) -> dict[str, Any]:
    """The title, date and URL of a source's article (each None when unknown)."""
    header = (headers or {}).get(doc_id) or {}
    return {"title": header.get("title"), "date": header.get("date"), "url": header.get("url")}


def sourced_event_json(event: Event, headers: Headers | None) -> dict[str, Any]:
    """An event as the timeline's JSON export writes it: :func:`event_to_json`, each source also
    with its article's ``title`` and ``url`` (and its ``date`` when the source has none)."""
    data = event_to_json(event)
    for source in data["sources"]:
        header = source_header(headers, source["doc_id"])
        source["title"] = header["title"]
        source["date"] = source.get("date") or header["date"]
        source["url"] = header["url"]
    return data


# -- search hits ------------------------------------------------------------------------------


def snippet_html(snippet: Snippet) -> str:
    """A snippet as HTML: text escaped, matches in ``<mark>…</mark>``."""
    return snippet.render(
        lambda t: "<mark>" + html.escape(t, quote=False) + "</mark>",
        lambda t: html.escape(t, quote=False),
    )


_HIT_FIELDS: dict[str, Callable[[Hit], Any]] = {
    "doc_id": lambda h: h.doc_id,
    "title": lambda h: h.title,
    "date": lambda h: h.date,
    "source": lambda h: h.source,
    "url": lambda h: h.url,
    "passage": lambda h: h.passage,
    "text": lambda h: h.text,
    "snippet": lambda h: snippet_html(h.snippet),
    "spans": lambda h: [list(span) for span in h.spans],
}
"""Every field a hit goes out with, by name (one definition of each value)."""

HIT_JSON_FIELDS = ("doc_id", "title", "date", "passage", "text", "snippet", "spans")
"""A hit in ``wpk-archive search --json`` (one page of hits, with the matches' spans)."""
HIT_COLUMNS = ("title", "date", "source", "url", "doc_id", "passage", "text", "snippet")
"""A hit exported (CSV columns, JSON rows): every hit of a search, each citable on its own."""


def hit_json(hit: Hit) -> dict[str, Any]:
    """One hit as ``wpk-archive search --json`` prints it (see :data:`HIT_JSON_FIELDS`)."""
    return {name: _HIT_FIELDS[name](hit) for name in HIT_JSON_FIELDS}


def hit_row(hit: Hit) -> dict[str, Any]:
    """One hit as an export row (see :data:`HIT_COLUMNS`)."""
    return {name: _HIT_FIELDS[name](hit) for name in HIT_COLUMNS}


def search_json(result: SearchResult, *, facets: bool = False) -> dict[str, Any]:
    """A page of search results as ``wpk-archive search --json`` prints it (with the counts by
    year, kind and source when ``facets``)."""
    payload: dict[str, Any] = {
        "query": result.query,
        "total": result.total,
        "total_documents": result.total_documents,
        "suggestion": result.suggestion,
        "message": result.message,
        "hits": [hit_json(h) for h in result.hits],
    }
    if facets:
        payload["facets"] = result.facets
    return payload


def _described(filters: dict[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (filters or {}).items() if v not in (None, "", [], {})}


def hits_export_json(
    query: str, hits: Sequence[Hit], *, total: int, filters: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Every hit of a search as exported: ``{"query", "total", "filters", "hits": [row, ...]}``;
    ``filters`` names what narrowed the search (dates, facets, sort), empty when nothing did."""
    return {
        "query": query,
        "total": total,
        "filters": _described(filters),
        "hits": [hit_row(h) for h in hits],
    }


# -- documents --------------------------------------------------------------------------------


def document_json(
    doc: Document,
    *,
    revisions: list[Revision],
    duplicates: list[str],
    removed_at_source: str | None,
) -> dict[str, Any]:
    """A document as ``wpk-archive show --json`` prints it: its fields, numbered passages (with
    their page, for a PDF), its revisions and the other publications of the same story."""
    from wpk_archive.core.history import revisions_json

    return {
        "doc_id": doc.id,
        "title": doc.title,
        "date": doc.date,
        "source": doc.source,
        "url": doc.url,
        "author": doc.author,
        "fetched_at": doc.fetched_at,
        "removed_at_source": removed_at_source,
        "passages": [
            {"passage": p.ordinal, "start": p.start, "end": p.end, "text": p.text}
            | ({"page": p.page} if p.page is not None else {})
            for p in doc.passages
        ],
        "revisions": revisions_json(revisions),
        "duplicates": duplicates,
    }


def diff_json(
    doc_id: str, old: Revision, new: Revision, runs: list[tuple[Op, str]]
) -> dict[str, Any]:
    """What changed between two revisions, as ``wpk-archive diff --json`` prints it."""
    from wpk_archive.core.ingest.revisions import diff_to_json

    return {"doc_id": doc_id, "from": old.to_json(), "to": new.to_json()} | diff_to_json(runs)


def summary_json(doc_id: str, summary: Summary) -> dict[str, Any]:
    """A document's summary as ``wpk-archive summary --json`` prints it: the sentences shown
    (the user's text when written, else the automatic ones), the automatic ones always, a line on
    each timeline event it names, and the user's summary with its date."""
    auto = [
        {"text": s.text, "passage": s.passage, "start": s.start, "end": s.end} for s in summary.auto
    ]
    payload: dict[str, Any] = {
        "doc_id": doc_id,
        "origin": summary.origin,
        "sentences": auto
        if summary.user_text is None
        else [{"text": summary.user_text, "passage": None, "start": None, "end": None}],
        "auto": auto,
    }
    payload["events"] = [
        {
            "event_id": g.event.id,
            "name": g.event.name,
            "text": g.auto.text,
            "passage": g.auto.passage,
            "start": g.auto.start,
            "end": g.auto.end,
            "user_text": g.user_text,
        }
        for g in summary.events
    ]
    if summary.user_text is not None:
        payload["user"] = {
            "text": summary.user_text,
            "updated_at": summary.user_updated_at,
            "written_for_earlier_version": summary.user_outdated,
        }
    return payload


# -- people -----------------------------------------------------------------------------------


def appearance_to_json(appearance: Appearance, event_id: str | None = None) -> dict[str, object]:
    """One appearance as the ``person`` command gives it."""
    return {
        "date": appearance.doc_date,
        "doc_id": appearance.doc_id,
        "passage": appearance.passage,
        "list_position": appearance.list_position,
        "list_length": appearance.list_length,
        "list_kind": appearance.list_kind,
        "event_id": event_id,
        "name": appearance.name,
        "office": appearance.office,
        "list_id": appearance.list_id,
        "start": appearance.start,
        "end": appearance.end,
    }


def person_to_json(
    person: Person, event_ids: Mapping[tuple[str, int], str] | None = None
) -> dict[str, object]:
    """A person with every appearance, as the ``person`` command gives it; ``event_ids`` maps
    (doc_id, passage) to the timeline event of that passage, where known."""
    events = event_ids or {}
    return {
        "id": person.id,
        "name": person.name,
        "variants": list(person.variants),
        "first_seen": person.first_seen,
        "last_seen": person.last_seen,
        "offices": [office.to_json() for office in person.offices],
        "appearances": [
            appearance_to_json(a, events.get((a.doc_id, a.passage))) for a in person.appearances
        ],
    }


def people_json(people: Iterable[Person]) -> list[dict[str, Any]]:
    """The ``people --json`` listing (see ``Person.to_json``)."""
    return [p.to_json() for p in people]


def comparison_to_json(
    a: PrintedList, b: PrintedList, comparison: ListComparison
) -> dict[str, Any]:
    """The ``compare-lists --json`` shape: both lists' headers and the groups of people."""
    return {"a": a.to_json(), "b": b.to_json(), **comparison.to_json()}
