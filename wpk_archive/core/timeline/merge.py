"""Timeline events from the mentions of every document, checked against the reference chronology.

Rules a reader of the results should know:
- mentions of one meeting (one key: "party_congress:7", "cc_plenary:8:9") become one event, each
  keeping its passage; mentions whose key lacks the term or the number ("the 4th Session of the
  SPA", "the December 2023 Plenary Meeting") are identified through the chronology when exactly one
  of its meetings fits the mention's date (or, undated, the document's date);
- the event's date is that of its most final and most precise source: a report of the meeting
  held beats its announcement, so a convocation notice ("to be convened on October 7") never
  shortens the range a report gives; dates that disagree are kept as ``conflicting_dates``;
- a mention read from weak evidence (``EventMention.loose``) is dropped where the chronology says
  otherwise: its date when the date disagrees, the whole mention when its document was published
  long before the meeting took place (a bare "the 9th Congress" in 2011 is not the WPK's);
- a meeting no source dates takes the chronology's date, with ``date_basis`` "chronology"; the
  chronology's own row is shown beside the sources, never as one of them;
- meetings of the chronology that no document names are returned with ``reference_only`` set;
- ids are stable: an unambiguous key's event is the same event whatever dates its sources give.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from wpk_archive.core.models import Event, EventMention, EventSource
from wpk_archive.core.shapes import event_to_json
from wpk_archive.core.timeline.merge_events import event_id, merge_key
from wpk_archive.core.timeline.merge_folds import (
    absorb_gaps,
    date_the_named,
    fold_into_recent,
    fold_undated,
    join_partial,
)
from wpk_archive.core.timeline.merge_keys import (
    RARE_KINDS,
    ChronologyRow,
    ChronologyTable,
    dates_agree,
    resolve,
    years_between,
)


def _refines(event: Event, row: ChronologyRow) -> bool:
    """Whether the row gives, more precisely, the period the event's coarser date already says:
    the event's month (or year) holds the row's start and end."""
    if event.start is None or event.end is None or not row.start:
        return False
    size = len(event.start)
    end = row.end or row.start
    return (
        size < len(row.start)
        and len(event.end) == size
        and row.start[:size] >= event.start
        and end[:size] <= event.end
        and not event.conflicting_dates
    )


def _apply_chronology(events: list[Event], chronology: ChronologyTable | None) -> list[Event]:
    """The chronology's row beside each event it knows; its date where no source gives one;
    and its meetings that no document names, as reference-only events."""
    if chronology is None:
        return events
    named: set[str] = set()
    for event in events:
        row = chronology.by_key(event.key)
        if row is None:
            continue
        named.add(row.key)
        event.chronology = {
            "name": row.name,
            "start": row.start,
            "end": row.end,
            "source_url": row.source_url,
        }
        event.name_ko = row.name_ko or None
        event.name = row.name
        if event.start is None or _refines(event, row):
            # no source dates it, or the sources give only the month (or year) of the row's days:
            # the row's days, marked as the chronology's ("the 3rd Plenary Meeting ... in June")
            event.start, event.end = row.start, row.end
            event.precision = {4: "year", 7: "month"}.get(len(row.start), "day")  # type: ignore[assignment]
            event.date_basis = "chronology"
            event.year_inferred = False
    for row in chronology.entries:
        if row.key in named:
            continue
        events.append(
            Event(
                id=event_id(row.key, row.start),
                kind=row.kind,
                name=row.name,
                key=row.key,
                start=row.start,
                end=row.end,
                precision={4: "year", 7: "month"}.get(len(row.start), "day"),  # type: ignore[arg-type]
                year_inferred=False,
                date_basis="chronology",
                chronology={
                    "name": row.name,
                    "start": row.start,
                    "end": row.end,
                    "source_url": row.source_url,
                },
                name_ko=row.name_ko or None,
                reference_only=True,
                status="held" if row.start <= dt.date.today().isoformat() else "announced",
            )
        )
    return events


def _order_sources(event: Event) -> None:
    """Sources in date order, the meeting's own report first; each with where its date is from."""

    def is_report(source: EventSource) -> bool:
        if event.start is None or source.doc_date is None or source.status == "announced":
            return False
        end = event.end or event.start
        return (
            event.start[:10] <= source.doc_date[: len(end)]
            and years_between(end, source.doc_date) * 365.25 <= 10
        )

    seen: dict[tuple[str, int, int], EventSource] = {}
    for source in event.sources:
        # one passage span is one source, however many readings named the meeting there ("since
        # the previous congress in 2016": the previous congress, and the congress of 2016); the
        # dated reading is kept
        key = (source.doc_id, source.start, source.end)
        kept = seen.get(key)
        if kept is None or (kept.start_date is None and source.start_date is not None):
            seen[key] = source
    event.sources = list(seen.values())
    for source in event.sources:
        if source.start_date is None and event.start is not None:
            source.date_basis = "chronology" if event.date_basis == "chronology" else "other_source"
    event.sources.sort(key=lambda s: (not is_report(s), s.doc_date or "9999", s.doc_id, s.start))


def _sort_key(event: Event) -> tuple[bool, str, str]:
    """Timeline order: by start date, undated last."""
    return (event.start is None, event.start or "", event.name)


def _without_unplaced(mentions: list[EventMention]) -> list[EventMention]:
    """The resolved mentions less the unplaced ones (an undated "the Party Congress" of a text with
    no date, which :func:`.merge_keys.resolve` keeps) of a document that names or dates another
    meeting of that kind: a reference page's "Congress of the WPK" beside its numbered ones."""
    placed = {
        (m.doc_id, m.kind)
        for m in mentions
        if m.kind in RARE_KINDS
        and (m.start_date is not None or not m.key.endswith(":?"))
        # (not the earlier one a story recalls: "The last congress was held in October 1980")
        and m.role != "previous"
    }
    placed_docs = {doc_id for doc_id, _ in placed}
    return [
        m
        for m in mentions
        if not (
            m.doc_date is None
            and m.kind in RARE_KINDS
            and m.start_date is None
            and m.key.endswith(":?")
            and (
                (m.doc_id, m.kind) in placed
                # told neither as held nor as to come ("the decisions of the Party Congress"):
                # only where the text places no congress or conference at all
                or (m.status is None and m.doc_id in placed_docs)
            )
        )
    ]


def merge_mentions(
    mentions: Iterable[EventMention], chronology: ChronologyTable | None = None
) -> list[Event]:
    """Timeline events from the mentions of any number of documents, sorted by start date (see
    the module docstring for the rules)."""
    by_key: dict[str, list[EventMention]] = {}
    for mention in _without_unplaced(
        [r for r in (resolve(m, chronology) for m in mentions) if r is not None]
    ):
        by_key.setdefault(mention.key, []).append(mention)
    events: list[Event] = []
    for key_mentions in by_key.values():
        events.extend(merge_key(key_mentions))
    events = date_the_named(absorb_gaps(events), chronology)
    events = fold_into_recent(fold_undated(join_partial(events)))
    events = _apply_chronology(events, chronology)
    seen: dict[str, int] = {}
    for event in events:
        _order_sources(event)
        count = seen.get(event.id, 0)
        seen[event.id] = count + 1
        if count:
            event.id = hashlib.sha1(f"{event.id}|{count}".encode()).hexdigest()[:12]
    events.sort(key=_sort_key)
    return events


__all__ = [
    "ChronologyTable",
    "dates_agree",
    "event_id",
    "event_to_json",
    "merge_mentions",
]
