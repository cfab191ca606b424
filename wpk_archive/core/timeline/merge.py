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
import re
from collections.abc import Iterable
from dataclasses import replace

from wpk_archive.core.chronology import Chronology, ChronologyEntry
from wpk_archive.core.models import Event, EventMention, EventSource
from wpk_archive.core.shapes import event_to_json

_RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}
_STATUS_RANK: dict[str | None, int] = {"held": 2, "postponed": 1, None: 1, "announced": 0}
_STALE_YEARS = 2
_ANNOUNCED_DAYS = 120
"""How long before a congress or conference the press speaks of it as coming (the 4th Conference
was called on 18 February 2012 for 11 April)."""
_RARE_KINDS = ("party_congress", "party_conference")
_FREQUENT_KINDS = (
    "politburo_meeting",
    "cmc_meeting",
    "secretariat_meeting",
    "spa_standing_committee",
)
"""Bodies that may meet more than once a month: only a day identifies one of their meetings."""
_RECALLED_YEARS = {"party_congress": 6.0, "party_conference": 2.0}
"""How long after it "the Party Congress" (or "the Party Conference") of an article is still the
last one held: congresses are now held every five years ("set forth by the Party Congress" in
2024 is the 8th, of 2021); a bare "the Party Congress" of 2011 is no congress the chronology can
name (the 6th was in 1980)."""
"""Kinds held at most once a year: a year identifies one of them."""


ChronologyTable = Chronology
ChronologyRow = ChronologyEntry


def dates_agree(a: str, b: str) -> bool:
    """Whether two ISO dates agree at the coarser of their precisions ("2016" and "2016-05" do)."""
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def _within(date: str, start: str, end: str) -> bool:
    """Whether ``date`` falls in ``start``..``end``, each bound compared at the coarser of its own
    precision and the date's ("1957-09-18" is within "1957-09-18".."1957-09")."""
    low, high = min(len(date), len(start)), min(len(date), len(end))
    return start[:low] <= date[:low] and date[:high] <= end[:high]


def _key_parts(key: str) -> list[str]:
    return key.split(":")


def _has_gap(key: str) -> bool:
    """Whether a key lacks its term or its number ("spa_session:?:4")."""
    return "?" in _key_parts(key)[1:]


def _candidates(mention: EventMention, chronology: ChronologyTable) -> list[ChronologyRow]:
    """Chronology meetings that a mention with an incomplete key may name."""
    parts = _key_parts(mention.key)
    kind = parts[0]
    if kind == "other_party_meeting":
        return []
    number = parts[-1] if len(parts) > 1 else "?"
    term = parts[1] if len(parts) == 3 else "?"
    rows = [
        row
        for row in chronology.entries
        if row.kind == kind
        and (number == "?" or row.number == int(number))
        and (term == "?" or row.term == int(term))
    ]
    if mention.start_date is not None:
        if mention.precision == "year" and number == "?" and kind not in _RARE_KINDS:
            return []
        if mention.precision != "day" and number == "?" and kind in _FREQUENT_KINDS:
            return []  # "a consultative meeting of the Political Bureau" in May: one of several
        end = mention.end_date or mention.start_date
        return [
            r
            for r in rows
            if _within(mention.start_date, r.start, r.end)
            # a range that takes in the meeting: "a parliamentary meeting scheduled to be held
            # this week" (16-22 January) is the session of 17-18 January
            or (end != mention.start_date and _within(r.start, mention.start_date, end))
        ]
    if mention.doc_date is None:
        return []
    doc_date = mention.doc_date
    if number == "?":
        if kind not in ("party_congress", "party_conference"):
            return []
        if mention.role == "previous":  # "the previous congress": the last one held before
            before = [r for r in rows if _years_between(r.start, doc_date) > 30 / 365.25]
            return [max(before, key=lambda r: r.start)] if before else []
        # (compared at the page's precision: a page of "2026-02" is after a congress opened on
        # 2026-02-19, which is then the one it reports)
        later = [r for r in rows if r.start[: len(doc_date)] > doc_date]
        soonest = min(later, key=lambda r: r.start, default=None)
        if soonest is not None and _years_between(doc_date, soonest.start) > 1.5:
            soonest = None
        earlier = [r for r in rows if r.start[: len(doc_date)] <= doc_date]
        latest = max(earlier, key=lambda r: r.start, default=None)
        if latest is not None and _years_between(latest.start, doc_date) > _RECALLED_YEARS[kind]:
            latest = None
        if mention.status in ("announced", "postponed"):  # "the forthcoming Conference"
            return [soonest] if soonest else []
        if (
            mention.status is None
            and soonest is not None
            and _years_between(doc_date, soonest.start) * 365.25 <= _ANNOUNCED_DAYS
        ):
            return []  # one held lately and one called for soon: the sentence does not say which
        return [latest] if latest else []
    earlier = [r for r in rows if r.start <= doc_date]
    if not earlier:
        return []
    latest = max(earlier, key=lambda r: r.start)
    return [latest] if _years_between(latest.start, doc_date) <= 1 else []


def _years_between(a: str, b: str) -> float:
    """Years from ISO date ``a`` to ``b`` (at their precision, start of period)."""

    def day(value: str) -> dt.date:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    return (day(b) - day(a)).days / 365.25


def _in_the_rows_year(mention: EventMention, row: ChronologyRow) -> EventMention:
    """The mention in its meeting's year where the text gave its days but not its year, and the
    chronology holds the meeting on those days of another year: "the historic inaugural congress
    of the Workers' Party of North Korea was held in Pyongyang from August 28 to 30", in an
    anniversary article of 2004, is the congress of 1946 (the year comes from the chronology)."""
    start, end = mention.start_date, mention.end_date
    if not mention.year_inferred or start is None or end is None or len(start) < 7:
        return mention
    if not row.start or len(row.start) < len(start) or row.start[:4] == start[:4]:
        return mention
    if row.start[4 : len(start)] != start[4:]:
        return mention  # other days: another meeting's date, or a slip the chronology won't mend
    shift = int(row.start[:4]) - int(start[:4])

    def moved(value: str) -> str:
        return f"{int(value[:4]) + shift:04d}{value[4:]}"

    return replace(mention, start_date=moved(start), end_date=moved(end), basis="chronology")


def _resolve(mention: EventMention, chronology: ChronologyTable | None) -> EventMention | None:
    """The mention with its key completed and its weak evidence checked (None: not this party's)."""
    unidentified = (
        mention.start_date is None and mention.key.endswith(":?") and mention.kind in _RARE_KINDS
    )
    if chronology is None:
        if unidentified:
            return None  # "the Conference of the WPK": which one, only the chronology can say
        return mention
    if _has_gap(mention.key):
        rows = _candidates(mention, chronology)
        if len(rows) == 1:
            mention = replace(mention, key=rows[0].key, name=rows[0].name, ambiguous=False)
    row = chronology.by_key(mention.key)
    if row is not None:
        mention = _in_the_rows_year(mention, row)
    if row is None and unidentified:
        return None  # "the Conference of the WPK", and no meeting of the chronology fits
    if (
        row is None
        and mention.loose
        and mention.kind in _RARE_KINDS
        and any(r.kind == mention.kind for r in chronology.entries)
    ):
        # the chronology knows every congress and conference: a bare "the 11th Congress",
        # or "the last conference ... on 12 July 2012", is not the WPK's
        return None
    if row is None or not mention.loose:
        return mention
    if mention.start_date is not None and not _within(mention.start_date, row.start, row.end):
        if mention.status == "announced":
            return mention
        if len(mention.start_date) == 10 and dates_agree(mention.start_date[:7], row.start):
            # a day of the row's own month ("the 4th plenary meeting ... on 11 April", held on
            # the 10th): the text's reading of the meeting's day, kept beside the chronology's
            return mention
        return replace(
            mention,
            start_date=None,
            end_date=None,
            precision=None,
            basis=None,
            year_inferred=False,
        )
    if (
        mention.start_date is None
        and mention.doc_date is not None
        and mention.status != "announced"
        and _years_between(mention.doc_date, row.start) > _STALE_YEARS
    ):
        return None
    return mention


def _rank(mention: EventMention) -> tuple[int, int, int, int, int]:
    """How final and precise a mention's date is (higher is better)."""
    return (
        _STATUS_RANK.get(mention.status, 1),
        _RANK[mention.precision or "year"],
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
            if dates_agree(leader.start_date, mention.start_date) or _within(
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
        days = _years_between(first, last) * 365.25
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
        before = [d for d in days_told if 0 < _years_between(d, last) * 365.25 <= 6]
        return (min(before), last) if before else None
    if openings and not closings:
        first = min(openings)
        after = [d for d in days_told if 0 < _years_between(first, d) * 365.25 <= 6]
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


def _merge_key(mentions: list[EventMention]) -> list[Event]:
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
        elif undated and _key_parts(undated[0].key)[-1] == "?":
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
        dated_here = [
            event
            for group, event in zip(groups, events, strict=True)
            if any(m.doc_id == doc_id for m in group)
        ]
        coming = [m for m in mentions if m.status == "announced"]
        if (
            coming
            and len(dated_here) == 1
            and dated_here[0].start is not None
            and coming[0].doc_date is not None
            and _before_the_month(dated_here[0].start, coming[0].doc_date)
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
        if len(dated_here) == 1 and not any(_ANOTHER.search(m.quote) for m in mentions):
            dated_here[0].sources.extend(_source(m) for m in mentions)
            continue
        event = _event(mentions, [], ambiguous=True)
        event.id = hashlib.sha1(f"{event.key}|undated|{doc_id}".encode()).hexdigest()[:12]
        extra.append(event)
    return extra


def _absorb_gaps(events: list[Event]) -> list[Event]:
    """Events whose key lacks a number ("Conference of the WPK held in September 2010", "a meeting
    of the Political Bureau on July 28") folded into the one numbered event of their kind whose
    date agrees (at month precision, or day precision for bodies that meet more often)."""
    numbered: dict[str, list[Event]] = {}
    for event in events:
        if not _has_gap(event.key) and event.start is not None:
            numbered.setdefault(event.kind, []).append(event)
    kept: list[Event] = []
    for event in events:
        finest = (
            10
            if event.kind
            in ("politburo_meeting", "cmc_meeting", "secretariat_meeting", "spa_standing_committee")
            else 7
        )
        if _has_gap(event.key) and event.start is not None and len(event.start) >= finest:
            term = _key_parts(event.key)[1] if event.key.count(":") == 2 else "?"
            candidates = [
                other
                for other in numbered.get(event.kind, [])
                if other.start is not None
                and other.end is not None
                and len(other.start) >= finest
                and (term == "?" or _key_parts(other.key)[1] == term)
                and _within(event.start, other.start, other.end)
            ]
            if len(candidates) == 1:
                target = candidates[0]
                target.sources.extend(event.sources)
                if _RANK[event.precision or "year"] > _RANK[target.precision or "year"]:
                    target.start, target.end = event.start, event.end
                    target.precision, target.year_inferred = event.precision, event.year_inferred
                    target.date_basis = event.date_basis
                continue
        elif _has_gap(event.key) and event.start is not None:
            # "this year's parliamentary meeting" beside the same article's "held a plenary
            # session on Sunday" (the 3rd Session): its one meeting of that kind in that year
            docs = {s.doc_id for s in event.sources}
            same_doc = [
                other
                for other in numbered.get(event.kind, [])
                if other.start is not None
                and other.end is not None
                and docs <= {s.doc_id for s in other.sources}
                and _within(event.start, other.start, other.end)
            ]
            if len(docs) == 1 and len(same_doc) == 1:
                same_doc[0].sources.extend(event.sources)
                continue
        kept.append(event)
    return kept


def _date_the_named(events: list[Event], chronology: ChronologyTable | None = None) -> list[Event]:
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
        named = [e for e in group if e.start is None and not _has_gap(e.key)]
        dated = [e for e in group if e.start is not None and _has_gap(e.key)]
        if len(named) != 1 or len(dated) != 1 or len(group) != 2:
            continue
        target, source = named[0], dated[0]
        parts, numbers = _key_parts(source.key), _key_parts(target.key)
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


def _join_partial(events: list[Event]) -> list[Event]:
    """A document's undated meeting named with its number or its term only ("the 6th plenary
    session", "the plenary meeting of the 8th Central Committee") joined to the one meeting of
    its kind that the same document names whole and that agrees with it (the 6th Plenary Meeting
    of the 8th Central Committee)."""
    whole: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        docs = {s.doc_id for s in event.sources}
        if not _has_gap(event.key):
            for doc in docs:
                whole.setdefault((doc, event.kind), []).append(event)
    gone: set[int] = set()
    for event in events:
        parts = _key_parts(event.key)
        docs = {s.doc_id for s in event.sources}
        if event.start is not None or not _has_gap(event.key) or len(docs) != 1 or len(parts) != 3:
            continue
        if parts[1] == "?" and parts[2] == "?":
            continue  # (no number and no term: see _fold_undated)
        doc = next(iter(docs))
        fits = [
            other
            for other in whole.get((doc, event.kind), [])
            if all(
                a in ("?", b) for a, b in zip(parts[1:], _key_parts(other.key)[1:], strict=False)
            )
            and not _coming_and_past(event, other)  # "the issue of convening a plenary meeting"
        ]
        if len(fits) == 1:
            fits[0].sources.extend(event.sources)
            gone.add(id(event))
    return [e for e in events if id(e) not in gone]


_FOLDED_KINDS = frozenset({"spa_session", "cc_plenary", "party_congress", "party_conference"})


def _fold_undated(events: list[Event]) -> list[Event]:
    """A document's own undated, unnumbered event (see `_undated_events`) folded into the one
    event of its kind that the same document names otherwise (a headline's "Kim presides over
    Politburo meeting" and the report's "the 21st enlarged meeting of the Political Bureau ...
    on Sunday"). Where the document names several, which one is meant cannot be told and the
    event is dropped, unless it is "another" meeting."""
    kept: list[Event] = []
    for event in events:
        docs = {s.doc_id for s in event.sources}
        if event.start is not None or not event.key.endswith(":?") or len(docs) != 1:
            kept.append(event)
            continue
        if event.kind in _RARE_KINDS:
            kept.append(event)
            continue
        doc_id = next(iter(docs))
        same = [
            other
            for other in events
            if other is not event
            and _same_body(other, event)
            and any(s.doc_id == doc_id for s in other.sources)
        ]
        if (
            any(_ANOTHER.search(s.quote) for s in event.sources)
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
        elif len(same) == 1:
            same[0].sources.extend(event.sources)
        elif not same:
            kept.append(event)
    return kept


_RECENT_DAYS = 30


def _same_body(a: Event, b: Event) -> bool:
    """Whether two events are meetings of one body (for other party meetings, of one series)."""
    if a.kind != b.kind:
        return False
    return a.kind != "other_party_meeting" or _key_parts(a.key)[1] == _key_parts(b.key)[1]


def _fold_into_recent(events: list[Event]) -> list[Event]:
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
            or event.kind in _RARE_KINDS
            or len(docs) != 1
            or doc_date is None
            or len(doc_date) != 10
            or event.status == "announced"
            or any(_ANOTHER.search(s.quote) for s in event.sources)
        ):
            kept.append(event)
            continue
        day = dt.date.fromisoformat(doc_date)
        recent = [
            other
            for other in dated.get(event.kind, [])
            if _same_body(other, event)
            and not any(s.doc_id in docs for s in other.sources)  # (its own: `_fold_undated`)
            and other.end is not None
            and len(other.end) == 10
            and 0 <= (day - dt.date.fromisoformat(other.end)).days <= _RECENT_DAYS
        ]
        if not recent:
            kept.append(event)
            continue
        latest = max(recent, key=lambda e: e.end or "")
        latest.sources.extend(event.sources)
    return kept


_ANOTHER = re.compile(
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
    return other.start is None or (
        doc_date is not None and _before_the_month(other.start, doc_date)
    )


def _before_the_month(start: str, doc_date: str) -> bool:
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
        and not _before_the_month(other.start, doc_date)
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
            and _years_between(end, source.doc_date) * 365.25 <= 10
        )

    for source in event.sources:
        if source.start_date is None and event.start is not None:
            source.date_basis = "chronology" if event.date_basis == "chronology" else "other_source"
    event.sources.sort(key=lambda s: (not is_report(s), s.doc_date or "9999", s.doc_id, s.start))


def _sort_key(event: Event) -> tuple[bool, str, str]:
    """Timeline order: by start date, undated last."""
    return (event.start is None, event.start or "", event.name)


def merge_mentions(
    mentions: Iterable[EventMention], chronology: ChronologyTable | None = None
) -> list[Event]:
    """Timeline events from the mentions of any number of documents, sorted by start date (see
    the module docstring for the rules)."""
    by_key: dict[str, list[EventMention]] = {}
    for mention in mentions:
        resolved = _resolve(mention, chronology)
        if resolved is not None:
            by_key.setdefault(resolved.key, []).append(resolved)
    events: list[Event] = []
    for key_mentions in by_key.values():
        events.extend(_merge_key(key_mentions))
    events = _date_the_named(_absorb_gaps(events), chronology)
    events = _fold_into_recent(_fold_undated(_join_partial(events)))
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
