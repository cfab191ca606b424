"""The events of one key built from its mentions (see :mod:`.merge`), with their stable ids.

Rules:
- dated mentions are grouped so that the dates in a group agree with its best date: the most
  final (held before postponed before announced), then the most precise, a range before a day,
  a year the text gave before an inferred one, the text's date before another's;
- a key that identifies its meeting makes one event: the group most sources report held gives
  the date, the others' dates are its ``conflicting_dates`` (not announced dates beside a held
  one); an ambiguous key makes one event per group, and mentions that neither number nor date a
  meeting make one event per document unless the document dates one meeting of that key;
- an opening day and a closing day reported of one meeting make its range (within a month), and
  so do a closing day and a day in the week before it, or an opening day and one in the week
  after it; a later day of the same document's multi-day meeting joins its opening day's event;
- an unambiguous key's id is the key alone, so it is the same event whatever dates its sources
  give."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from wpk_archive.core.models import Event, EventMention, EventSource
from wpk_archive.core.timeline.earlier import recalled_only
from wpk_archive.core.timeline.merge_folds import ANOTHER, before_the_month
from wpk_archive.core.timeline.merge_keys import RANK, dates_agree, key_parts, within, years_between

_STATUS_RANK: dict[str | None, int] = {"held": 2, "postponed": 1, None: 1, "announced": 0}


def _rank(mention: EventMention) -> tuple[int, int, int, int, int]:
    """How final and precise a mention's date is (higher is better)."""
    return (
        _STATUS_RANK.get(mention.status, 1),
        RANK[mention.precision or "year"],
        int(mention.end_date != mention.start_date),
        int(not mention.year_inferred),
        int(mention.basis == "text"),
    )


def _best(mentions: list[EventMention]) -> EventMention:
    """The mention whose date is most final and most precise."""
    dated = [m for m in mentions if m.start_date is not None]
    if not dated:
        return mentions[0]
    return max(dated, key=_rank)


def _clusters(mentions: list[EventMention]) -> list[list[EventMention]]:
    """Dated mentions grouped so that the dates in a group agree with its best date."""
    groups: list[list[EventMention]] = []
    for mention in sorted(mentions, key=_rank, reverse=True):
        assert mention.start_date is not None
        for group in groups:
            leader = group[0]
            assert leader.start_date is not None and leader.end_date is not None
            if dates_agree(leader.start_date, mention.start_date) or within(
                mention.start_date, leader.start_date, leader.end_date
            ):
                group.append(mention)
                break
        else:
            groups.append([mention])
    return groups


def event_id(key: str, start: str | None, *, ambiguous: bool = False) -> str:
    """Stable event id: the key alone for a meeting the key identifies, else key and start."""
    when = "" if not ambiguous else ("undated" if start is None else start)
    return hashlib.sha1(f"{key}|{when}".encode()).hexdigest()[:12]


def _source(mention: EventMention) -> EventSource:
    return EventSource(
        doc_id=mention.doc_id,
        passage=mention.passage,
        start=mention.start,
        end=mention.end,
        quote=mention.quote,
        start_date=mention.start_date,
        end_date=mention.end_date,
        precision=mention.precision,
        year_inferred=mention.year_inferred,
        date_basis=mention.basis if mention.start_date else None,
        status=mention.status,
        doc_date=mention.doc_date,
    )


def _status(mentions: Iterable[EventMention]) -> str | None:
    statuses = {m.status for m in mentions}
    for status in ("held", "postponed", "announced"):
        if status in statuses:
            return status
    return None


def _event(mentions: list[EventMention], conflicts: list[str], *, ambiguous: bool) -> Event:
    """One event from mentions of one meeting (the best-dated mention gives the date)."""
    best = _best(mentions)
    named = max(mentions, key=lambda m: (m.key.count("?") == 0, not m.loose, len(m.name)))
    return Event(
        id=event_id(best.key, best.start_date, ambiguous=ambiguous),
        kind=best.kind,
        name=named.name,
        key=best.key,
        start=best.start_date,
        end=best.end_date,
        precision=best.precision,
        year_inferred=best.year_inferred,
        sources=[_source(m) for m in mentions],
        conflicting_dates=conflicts,
        status=_status(mentions),
        date_basis=best.basis if best.start_date else None,
    )


def _joined_range(mentions: list[EventMention]) -> tuple[str, str] | None:
    """The range from a meeting's reported opening day to its closing day ("opened Saturday",
    "the closure ... on Monday"), when both are reported and no source gives a wider range."""
    openings = [m.start_date for m in mentions if m.role == "opening" and m.start_date]
    closings = [m.start_date for m in mentions if m.role == "closing" and m.start_date]
    if openings and closings:
        first, last = min(openings), max(closings)
        days = years_between(first, last) * 365.25
        return (first, last) if 0 < days <= 31 else None
    # only the closing day, and a day of the week before it ("the second sitting ... on Wednesday",
    # "... came to a close the previous day"): from that day to the closing one; likewise after
    # an opening day (a day reported while the meeting went on)
    days_told = [
        m.start_date
        for m in mentions
        if m.role is None
        and m.precision == "day"
        and m.start_date is not None
        and m.start_date == m.end_date
    ]
    if closings and not openings:
        last = max(closings)
        before = [d for d in days_told if 0 < years_between(d, last) * 365.25 <= 6]
        return (min(before), last) if before else None
    if openings and not closings:
        first = min(openings)
        after = [d for d in days_told if 0 < years_between(first, d) * 365.25 <= 6]
        return (first, max(after)) if after else None
    return None


_MULTI_DAY = frozenset(("cc_plenary", "party_congress", "party_conference", "spa_session"))
"""Kinds of meeting that last several days (a day reported after the opening day is the same
meeting's)."""


def _fold_into_opening(events: list[Event], mentions: list[EventMention]) -> list[Event]:
    """An unnumbered multi-day meeting whose opening day a document reports, and a later day of
    the week after it in the same document ("kicked off the WPK's plenary meeting Monday" ...
    "during the enlarged meeting ... Wednesday"), are one meeting: from the opening to that day."""
    openings = [
        m
        for m in mentions
        if m.role == "opening" and m.precision == "day" and m.start_date and m.kind in _MULTI_DAY
    ]
    for opening in openings:
        assert opening.start_date is not None
        home = next(
            (
                e
                for e in events
                if e.start == opening.start_date
                and any(s.doc_id == opening.doc_id and s.start == opening.start for s in e.sources)
            ),
            None,
        )
        if home is None:
            continue
        first = dt.date.fromisoformat(opening.start_date)
        for other in list(events):
            if other is home or other.start is None or len(other.start) != 10:
                continue
            if not all(s.doc_id == opening.doc_id for s in other.sources):
                continue
            start = dt.date.fromisoformat(other.start)
            end = dt.date.fromisoformat(other.end or other.start)
            if (start - first).days > 0 and (end - first).days <= 6:
                home.sources.extend(other.sources)
                home.end = max(home.end or home.start or "", other.end or other.start)
                events.remove(other)
    return events


def merge_key(mentions: list[EventMention]) -> list[Event]:
    """Events for the mentions of one key."""
    events = _fold_into_opening(_merge_key_plain(mentions), mentions)
    joined = _joined_range(mentions)
    if joined is not None:
        for event in events:
            if (
                event.start is not None
                and len(event.start) == 10
                and joined[0] <= event.start <= joined[1]
                and (event.end or event.start) <= joined[1]
            ):
                event.start, event.end = joined
                event.conflicting_dates = [
                    c for c in event.conflicting_dates if not joined[0] <= c <= joined[1]
                ]
    return events


def _merge_key_plain(mentions: list[EventMention]) -> list[Event]:
    """Events for the mentions of one key, before opening and closing days are joined."""
    dated = [m for m in mentions if m.start_date is not None]
    undated = [m for m in mentions if m.start_date is None]
    ambiguous = any(m.ambiguous for m in mentions)
    groups = _clusters(dated)
    if ambiguous:
        events = [_event(group, [], ambiguous=True) for group in groups]
        if undated and len(events) == 1 and not all(m.ambiguous for m in undated):
            events[0].sources.extend(_source(m) for m in undated)
        elif undated and key_parts(undated[0].key)[-1] == "?":
            events.extend(_undated_events(undated, groups, events))
        elif undated:  # "the 1st Session of the SPA", its Assembly not named: one meeting
            events.append(_event(undated, [], ambiguous=True))
        return events
    if not groups:
        return [_event(undated, [], ambiguous=False)]
    groups.sort(
        key=lambda g: (len([m for m in g if m.status != "announced"]), len(g), _rank(_best(g))),
        reverse=True,
    )
    main = groups[0]
    held = any(m.status != "announced" for m in main)
    conflicts = [
        _best(g).start_date or ""
        for g in groups[1:]
        if not (held and all(m.status == "announced" for m in g))
    ]
    event = _event(main, conflicts, ambiguous=False)
    event.sources.extend(_source(m) for g in groups[1:] for m in g)
    event.sources.extend(_source(m) for m in undated)
    event.status = _status(m for g in groups for m in g) if not held else "held"
    return [event]


def _undated_events(
    undated: list[EventMention], groups: list[list[EventMention]], events: list[Event]
) -> list[Event]:
    """Mentions that neither number nor date a meeting ("the Political Bureau convened an
    enlarged meeting"): nothing ties those of two documents to one meeting, so each document's
    make one event of their own, unless the document dates a meeting of that key elsewhere (then
    they are its sources: the article's one Politburo meeting, named twice)."""
    by_doc: dict[str, list[EventMention]] = {}
    for mention in undated:
        by_doc.setdefault(mention.doc_id, []).append(mention)
    extra: list[Event] = []
    for doc_id, mentions in by_doc.items():
        here = [
            (group, event)
            for group, event in zip(groups, events, strict=True)
            if any(m.doc_id == doc_id for m in group)
        ]
        dated_here = [event for _, event in here]
        coming = [m for m in mentions if m.status == "announced"]
        if (
            coming
            and len(dated_here) == 1
            and dated_here[0].start is not None
            and coming[0].doc_date is not None
            and before_the_month(dated_here[0].start, coming[0].doc_date)
        ):
            # "the North could soon hold a plenary meeting ..." and "... declared the moratorium
            # during a plenary meeting last year": one to come and one past, two meetings
            rest = [m for m in mentions if m.status != "announced"]
            if rest:
                dated_here[0].sources.extend(_source(m) for m in rest)
            event = _event(coming, [], ambiguous=True)
            event.id = hashlib.sha1(f"{event.key}|coming|{doc_id}".encode()).hexdigest()[:12]
            extra.append(event)
            continue
        if (
            len(dated_here) == 1
            and not any(ANOTHER.search(m.quote) for m in mentions)
            # (not where the dated one is named only as an earlier one: "an enlarged meeting of
            # the CMC ... with the last such meeting held in September")
            and not recalled_only(
                (m.quote for m in here[0][0] if m.doc_id == doc_id), (m.quote for m in mentions)
            )
        ):
            dated_here[0].sources.extend(_source(m) for m in mentions)
            continue
        event = _event(mentions, [], ambiguous=True)
        event.id = hashlib.sha1(f"{event.key}|undated|{doc_id}".encode()).hexdigest()[:12]
        extra.append(event)
    return extra
