"""The merge's folding passes (see :mod:`.merge`): events of one meeting that the keys alone keep
apart, joined after the events of each key are built.

Rules:
- an event whose key lacks its number joins the one numbered event of its kind whose date holds
  its date (at month precision, or day precision for bodies that meet more often), or the one
  meeting of that kind its own document names in that period;
- a document's one undated, numbered meeting of a kind and its one dated, unnumbered one are one
  meeting, unless the terms differ or the chronology holds the numbered one in other years;
- a meeting named with its number or its term only joins the one meeting of its kind the same
  document names whole and agrees with;
- a document's undated, unnumbered meeting joins the one meeting of its kind the document names
  otherwise, or else the one held in the month before the document; not where the text calls it
  "another" meeting, introduces it with an indefinite article after the other, or tells one as
  coming and the other as past."""

from __future__ import annotations

import re

from wpk_archive.core.date_values import parse_iso_day
from wpk_archive.core.models import Event
from wpk_archive.core.timeline.earlier import recalled_only
from wpk_archive.core.timeline.merge_keys import (
    RANK,
    RARE_KINDS,
    ChronologyRow,
    ChronologyTable,
    has_gap,
    key_parts,
    within,
)


def absorb_gaps(events: list[Event]) -> list[Event]:
    """Events whose key lacks a number ("Conference of the WPK held in September 2010", "a meeting
    of the Political Bureau on July 28") folded into the one numbered event of their kind whose
    date agrees (at month precision, or day precision for bodies that meet more often)."""
    numbered: dict[str, list[Event]] = {}
    for event in events:
        if not has_gap(event.key) and event.start is not None:
            numbered.setdefault(event.kind, []).append(event)
    kept: list[Event] = []
    for event in events:
        finest = (
            10
            if event.kind
            in ("politburo_meeting", "cmc_meeting", "secretariat_meeting", "spa_standing_committee")
            else 7
        )
        if has_gap(event.key) and event.start is not None and len(event.start) >= finest:
            term = key_parts(event.key)[1] if event.key.count(":") == 2 else "?"
            candidates = [
                other
                for other in numbered.get(event.kind, [])
                if other.start is not None
                and other.end is not None
                and len(other.start) >= finest
                and (term == "?" or key_parts(other.key)[1] == term)
                and within(event.start, other.start, other.end)
            ]
            if len(candidates) == 1:
                target = candidates[0]
                target.sources.extend(event.sources)
                if RANK[event.precision or "year"] > RANK[target.precision or "year"]:
                    target.start, target.end = event.start, event.end
                    target.precision, target.year_inferred = event.precision, event.year_inferred
                    target.date_basis = event.date_basis
                continue
        elif has_gap(event.key) and event.start is not None:
            # "this year's parliamentary meeting" beside the same article's "held a plenary
            # session on Sunday" (the 3rd Session): its one meeting of that kind in that year
            docs = {s.doc_id for s in event.sources}
            same_doc = [
                other
                for other in numbered.get(event.kind, [])
                if other.start is not None
                and other.end is not None
                and docs <= {s.doc_id for s in other.sources}
                and within(event.start, other.start, other.end)
            ]
            if len(docs) == 1 and len(same_doc) == 1:
                same_doc[0].sources.extend(event.sources)
                continue
        kept.append(event)
    return kept


def date_the_named(events: list[Event], chronology: ChronologyTable | None = None) -> list[Event]:
    """A document's one undated, numbered meeting of a kind and its one dated, unnumbered one of
    that kind joined: "the presidium ... released its decision to convene the third session of the
    14th SPA" and "North Korea's parliament will convene a plenary session ... on April 10" (the
    article tells of one session, naming it in one place and dating it in another)."""
    by_doc: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        docs = {s.doc_id for s in event.sources}
        if len(docs) == 1 and event.kind in _FOLDED_KINDS:
            by_doc.setdefault((next(iter(docs)), event.kind), []).append(event)
    gone: set[int] = set()
    for group in by_doc.values():
        named = [e for e in group if e.start is None and not has_gap(e.key)]
        dated = [e for e in group if e.start is not None and has_gap(e.key)]
        if len(named) != 1 or len(dated) != 1 or len(group) != 2:
            continue
        target, source = named[0], dated[0]
        parts, numbers = key_parts(source.key), key_parts(target.key)
        if len(parts) == 3 and len(numbers) == 3 and parts[1] != "?" and parts[1] != numbers[1]:
            continue  # another term's
        row = chronology.by_key(target.key) if chronology is not None else None
        if row is not None and source.start is not None and not _overlaps_row(source, row):
            continue  # "the plenary meeting in 2019" beside this week's 4th Plenary Meeting (2021)
        target.sources.extend(source.sources)
        target.start, target.end = source.start, source.end
        target.precision, target.year_inferred = source.precision, source.year_inferred
        target.date_basis = source.date_basis
        if source.status in ("held", "postponed") or target.status is None:
            target.status = source.status
        gone.add(id(source))
    return [e for e in events if id(e) not in gone]


def _overlaps_row(event: Event, row: ChronologyRow) -> bool:
    """Whether the event's years and the row's meet (a plan's day may move; its year rarely)."""
    start, end = (event.start or "")[:4], (event.end or event.start or "")[:4]
    return start <= (row.end or row.start)[:4] and row.start[:4] <= end


def join_partial(events: list[Event]) -> list[Event]:
    """A document's undated meeting named with its number or its term only ("the 6th plenary
    session", "the plenary meeting of the 8th Central Committee") joined to the one meeting of
    its kind that the same document names whole and that agrees with it (the 6th Plenary Meeting
    of the 8th Central Committee)."""
    whole: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        docs = {s.doc_id for s in event.sources}
        if not has_gap(event.key):
            for doc in docs:
                whole.setdefault((doc, event.kind), []).append(event)
    gone: set[int] = set()
    for event in events:
        parts = key_parts(event.key)
        docs = {s.doc_id for s in event.sources}
        if event.start is not None or not has_gap(event.key) or len(docs) != 1 or len(parts) != 3:
            continue
        if parts[1] == "?" and parts[2] == "?":
            continue  # (no number and no term: see fold_undated)
        doc = next(iter(docs))
        fits = [
            other
            for other in whole.get((doc, event.kind), [])
            if all(a in ("?", b) for a, b in zip(parts[1:], key_parts(other.key)[1:], strict=False))
            and not _coming_and_past(event, other)  # "the issue of convening a plenary meeting"
        ]
        if len(fits) == 1:
            fits[0].sources.extend(event.sources)
            gone.add(id(event))
    return [e for e in events if id(e) not in gone]


_FOLDED_KINDS = frozenset({"spa_session", "cc_plenary", "party_congress", "party_conference"})


def fold_undated(events: list[Event]) -> list[Event]:
    """A document's own undated, unnumbered event (see `merge_events._undated_events`) folded into
    the one event of its kind that the same document names otherwise (a headline's "Kim presides
    over Politburo meeting" and the report's "the 21st enlarged meeting of the Political Bureau ...
    on Sunday"). Where the document names several, which one is meant cannot be told and the
    event is dropped, unless it is "another" meeting."""
    kept: list[Event] = []
    folded: set[int] = set()  # (folded away: no other event folds into them)
    for event in events:
        docs = {s.doc_id for s in event.sources}
        if event.start is not None or not event.key.endswith(":?") or len(docs) != 1:
            kept.append(event)
            continue
        if event.kind in RARE_KINDS:
            kept.append(event)
            continue
        doc_id = next(iter(docs))
        same = [
            other
            for other in events
            if other is not event
            and id(other) not in folded
            and _same_body(other, event)
            and any(s.doc_id == doc_id for s in other.sources)
        ]
        if (
            any(ANOTHER.search(s.quote) for s in event.sources)
            or (
                same
                and all(
                    _introduces_later(event, other, doc_id) and not _still_to_come(event, other)
                    for other in same
                )
            )
            or (len(same) == 1 and _coming_and_past(event, same[0]))
        ):
            kept.append(event)  # "another meeting"; "Then, a closed meeting ... was held"
        elif len(same) == 1 and recalled_only(
            (s.quote for s in same[0].sources), (s.quote for s in event.sources)
        ):
            kept.append(event)  # "... with the last such meeting held in September": not it
        elif len(same) == 1:
            same[0].sources.extend(event.sources)
            folded.add(id(event))
        elif not same:
            kept.append(event)
    return kept


_RECENT_DAYS = 30


def _same_body(a: Event, b: Event) -> bool:
    """Whether two events are meetings of one body (for other party meetings, of one series)."""
    if a.kind != b.kind:
        return False
    return a.kind != "other_party_meeting" or key_parts(a.key)[1] == key_parts(b.key)[1]


def fold_into_recent(events: list[Event]) -> list[Event]:
    """A document's undated, unnumbered meeting folded into the one meeting of its kind held in
    the month before the document, which other documents date ("the organizational matter dealt
    with at a meeting of the Political Bureau", five days after one was held): the latest such
    meeting, unless the document calls it another one or a coming one."""
    dated: dict[str, list[Event]] = {}
    for event in events:
        if event.start is not None and len(event.start) == 10:
            dated.setdefault(event.kind, []).append(event)
    kept: list[Event] = []
    for event in events:
        docs = {s.doc_id for s in event.sources}
        doc_date = event.sources[0].doc_date if event.sources else None
        if (
            event.start is not None
            or not event.key.endswith(":?")
            or event.kind in RARE_KINDS
            or len(docs) != 1
            or doc_date is None
            or len(doc_date) != 10
            or event.status == "announced"
            or any(ANOTHER.search(s.quote) for s in event.sources)
        ):
            kept.append(event)
            continue
        day = parse_iso_day(doc_date)
        if day is None:  # (a malformed publication date: nothing to count from)
            kept.append(event)
            continue
        recent = [
            other
            for other in dated.get(event.kind, [])
            if _same_body(other, event)
            and not any(s.doc_id in docs for s in other.sources)  # (its own: `fold_undated`)
            and other.end is not None
            and len(other.end) == 10
            and (end := parse_iso_day(other.end)) is not None
            and 0 <= (day - end).days <= _RECENT_DAYS
        ]
        if not recent:
            kept.append(event)
            continue
        latest = max(recent, key=lambda e: e.end or "")
        latest.sources.extend(event.sources)
    return kept


ANOTHER = re.compile(
    r"\b(?:another|other|second|new)\s+(?:[\w-]+\s+)?(?:meeting|session|plenum)\b", re.I
)
_INDEFINITE = re.compile(
    r"\b(?:[Aa]n?)\s+(?:[\w-]+\s+){0,3}(?:meeting|session|plenum|plenary)\b(?!s)"
)


def _coming_and_past(event: Event, other: Event) -> bool:
    """Whether ``event`` is a meeting to come ("the issue of convening a plenary meeting") and
    ``other`` one its article tells as past ("the key policies advanced at the 2nd Plenary
    Meeting"): two meetings."""
    if event.status != "announced" or other.status == "announced":
        return False
    doc_date = event.sources[0].doc_date if event.sources else None
    return other.start is None or (doc_date is not None and before_the_month(other.start, doc_date))


def before_the_month(start: str, doc_date: str) -> bool:
    """Whether a meeting that starts on ``start`` lies before the month of ``doc_date`` (one held
    "early this month", in the article's month, may still be to come)."""
    common = min(len(start), len(doc_date))
    return start[:common] < doc_date[:common]


def _still_to_come(event: Event, other: Event) -> bool:
    """Whether ``event``, a meeting to come, may be ``other``: a meeting the article dates in its
    own month or later ("The politburo meeting comes ahead of a plenary session", after "a
    plenary session ... scheduled to be held early this month")."""
    doc_date = event.sources[0].doc_date if event.sources else None
    return (
        event.status == "announced"
        and other.start is not None
        and doc_date is not None
        and not before_the_month(other.start, doc_date)
    )


def _introduces_later(event: Event, other: Event, doc_id: str) -> bool:
    """Whether the document names ``event`` with an indefinite article ("a closed meeting of the
    CMC was held") after it has named ``other``: a new meeting, not ``other`` again (a headline's
    "Kim presides over a meeting" comes before the report and is the same)."""
    first_other = min(
        ((s.passage, s.start) for s in other.sources if s.doc_id == doc_id), default=None
    )
    first = min((s.passage, s.start) for s in event.sources)
    return (
        first_other is not None
        and first > first_other
        and all(_INDEFINITE.search(s.quote) for s in event.sources)
    )
