"""Which meeting of the reference chronology a mention names (see :mod:`.merge`), and the date
comparisons the merge makes.

Rules:
- two dates agree at the coarser of their precisions ("2016" and "2016-05" do); a date is within a
  range when each bound, compared at the date's precision, holds it;
- a key lacking its term or number ("spa_session:?:4") is completed when exactly one chronology
  meeting of its kind fits the mention's date, or, undated, the document's date: a year identifies
  only congresses and conferences, a month no meeting of the bodies that meet more than once a
  month; an unnumbered "the Party Congress" is the last one held within a few years of the article
  (or the coming one, when the text calls it coming);
- a mention of weak evidence loses its date where the chronology's row disagrees (unless it is
  announced, or a day of the row's own month), and the whole mention where its document is long
  stale, or where no congress or conference of the chronology fits it;
- days told without their year move to the year the chronology holds them on those days;
- a news report's undated, unnumbered meeting (``role == "recent"``) is the one of its kind the
  chronology holds in the weeks before the report (days, for bodies that meet often), or, to
  come, in the month after; none there, it is dropped; a party gathering told by description
  without a day is the congress or conference around the report, and one told by a year ("the
  last party meeting in 1980") that year's."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from wpk_archive.core.chronology import Chronology, ChronologyEntry
from wpk_archive.core.date_values import parse_iso_day
from wpk_archive.core.models import EventMention
from wpk_archive.core.timeline.earlier import GENERIC_NAME

RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}
_STALE_YEARS = 2
_ANNOUNCED_DAYS = 120
"""How long before a congress or conference the press speaks of it as coming (the 4th Conference
was called on 18 February 2012 for 11 April)."""
RARE_KINDS = ("party_congress", "party_conference")
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


def within(date: str, start: str, end: str) -> bool:
    """Whether ``date`` falls in ``start``..``end``, each bound compared at the coarser of its own
    precision and the date's ("1957-09-18" is within "1957-09-18".."1957-09")."""
    low, high = min(len(date), len(start)), min(len(date), len(end))
    return start[:low] <= date[:low] and date[:high] <= end[:high]


def key_parts(key: str) -> list[str]:
    return key.split(":")


def has_gap(key: str) -> bool:
    """Whether a key lacks its term or its number ("spa_session:?:4")."""
    return "?" in key_parts(key)[1:]


def _candidates(mention: EventMention, chronology: ChronologyTable) -> list[ChronologyRow]:
    """Chronology meetings that a mention with an incomplete key may name."""
    parts = key_parts(mention.key)
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
        if mention.precision == "year" and number == "?" and kind not in RARE_KINDS:
            return []
        if mention.precision != "day" and number == "?" and kind in _FREQUENT_KINDS:
            return []  # "a consultative meeting of the Political Bureau" in May: one of several
        end = mention.end_date or mention.start_date
        return [
            r
            for r in rows
            if within(mention.start_date, r.start, r.end)
            # a range that takes in the meeting: "a parliamentary meeting scheduled to be held
            # this week" (16-22 January) is the session of 17-18 January
            or (end != mention.start_date and within(r.start, mention.start_date, end))
        ]
    if mention.doc_date is None:
        return []
    doc_date = mention.doc_date
    if number == "?":
        if kind not in ("party_congress", "party_conference"):
            if mention.role == "recent" or mention.status in ("announced", "postponed"):
                return _reported(mention, rows, doc_date)
            return []
        if mention.role == "recent":  # a report's "its biggest political conference"
            near = around_the_report(rows, doc_date)
            if len(near) == 1:
                return near
        if mention.role == "previous":  # "the previous congress": the last one held before
            before = [r for r in rows if years_between(r.start, doc_date) > 30 / 365.25]
            return [max(before, key=lambda r: r.start)] if before else []
        # (compared at the page's precision: a page of "2026-02" is after a congress opened on
        # 2026-02-19, which is then the one it reports)
        later = [r for r in rows if r.start[: len(doc_date)] > doc_date]
        soonest = min(later, key=lambda r: r.start, default=None)
        if soonest is not None and years_between(doc_date, soonest.start) > 1.5:
            soonest = None
        earlier = [r for r in rows if r.start[: len(doc_date)] <= doc_date]
        latest = max(earlier, key=lambda r: r.start, default=None)
        if latest is not None and years_between(latest.start, doc_date) > _RECALLED_YEARS[kind]:
            latest = None
        if mention.status in ("announced", "postponed"):  # "the forthcoming Conference"
            return [soonest] if soonest else []
        if (
            mention.status is None
            and soonest is not None
            and years_between(doc_date, soonest.start) * 365.25 <= _ANNOUNCED_DAYS
        ):
            # one held lately and one called for soon: the sentence does not say which; none
            # held lately ("NKorea ready for major party conference"), the one called for
            return [] if latest is not None else [soonest]
        return [latest] if latest else []
    earlier = [r for r in rows if r.start <= doc_date]
    if not earlier:
        return []
    latest = max(earlier, key=lambda r: r.start)
    return [latest] if years_between(latest.start, doc_date) <= 1 else []


_RECENT_DAYS = 45
_RECENT_DAYS_FREQUENT = 7
"""How far back a report's undated meeting may lie: weeks for a plenum or a session; for bodies
that meet more often than the chronology lists (the Politburo, the CMC), the days before only."""
_SOON_DAYS = 31


def _reported(
    mention: EventMention, rows: list[ChronologyRow], doc_date: str
) -> list[ChronologyRow]:
    """The meeting an undated, unnumbered mention of a news report names ("the KWP CC plenum",
    "a session of the Supreme People's Assembly"): of the chronology's meetings of its kind, the
    last one held in the weeks before the report, or, for one to come, the next one in the weeks
    after it."""
    report = parse_iso_day(doc_date) if len(doc_date) == 10 else None
    if report is None:
        return []  # (a page of a month or a year, or a malformed date: no weeks to count)
    back = _RECENT_DAYS_FREQUENT if mention.kind in _FREQUENT_KINDS else _RECENT_DAYS

    def day(value: str, last: bool = False) -> dt.date | None:
        if len(value) == 10:
            return parse_iso_day(value)
        first = parse_iso_day(value + "-01") if len(value) == 7 else None
        if first is None or not last:
            return first
        return (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)

    if mention.status in ("announced", "postponed"):
        soon = [
            r
            for r in rows
            if (start := day(r.start)) is not None and 0 < (start - report).days <= _SOON_DAYS
        ]
        return [min(soon, key=lambda r: r.start)] if soon else []
    recent = [
        r
        for r in rows
        if (start := day(r.start)) is not None
        and start <= report
        and (report - (day(r.end or r.start, last=True) or start)).days <= back
    ]
    return [max(recent, key=lambda r: r.start)] if recent else []


def years_between(a: str, b: str) -> float:
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


def _without_anothers_term(mention: EventMention, chronology: ChronologyTable) -> EventMention:
    """The mention with its term left open where its date lies more than a year outside every
    meeting the chronology gives that term: "the SPA session in April 2013" of an article about
    the 14th SPA (elected in 2019) is the 12th's, not the 14th's."""
    parts = key_parts(mention.key)
    if (
        len(parts) != 3
        or not parts[1].isdigit()
        or parts[2] != "?"
        or mention.start_date is None
        or mention.kind not in GENERIC_NAME
    ):
        return mention
    rows = [r for r in chronology.entries if r.kind == parts[0] and r.term == int(parts[1])]
    if not rows:
        return mention
    first = min(r.start for r in rows)
    last = max(r.end or r.start for r in rows)
    if (
        years_between(mention.start_date, first) <= 1
        and years_between(last, mention.start_date) <= 1
    ):
        return mention
    return replace(mention, key=f"{parts[0]}:?:?", name=GENERIC_NAME[mention.kind])


_GATHERING_KINDS = ("party_congress", "party_conference", "cc_plenary")


def _gathering(mention: EventMention, chronology: ChronologyTable | None) -> EventMention | None:
    """A party meeting told of by description ("a rare meeting of the ruling party on Tuesday"):
    the congress, conference or plenum of the chronology held on its day (a congress or a
    conference before the plenum held during it), or the congress or conference of its month ("a
    rare conference in September 2010"); None where no row, or more than one, fits."""
    if chronology is None:
        return None
    if mention.start_date is None and mention.role == "recent":
        return _gathering_reported(mention, chronology)
    if mention.role == "previous" and mention.precision == "year" and mention.start_date:
        return _gathering_of_the_year(mention, chronology)
    if mention.start_date is None or len(mention.start_date) < 7:
        return None
    day = mention.start_date
    rows = [
        row
        for row in chronology.entries
        if row.kind in (_GATHERING_KINDS if len(day) == 10 else _GATHERING_KINDS[:2])
        and len(row.start) == 10
        and row.start[: len(day)] <= day <= (row.end or row.start)[: len(day)]
    ]
    if len(rows) > 1:
        rows = [row for row in rows if row.kind != "cc_plenary"]
    if not rows and _a_party_meeting_held(mention, day):
        # "at a Workers' Party meeting on Sunday", a day no congress, conference or plenum was
        # held on: a meeting of the party whose body the text does not say, of that day
        return replace(
            mention,
            kind="other_party_meeting",
            key=f"other_party_meeting:party@{day}",
            name="Meeting of the WPK",
            ambiguous=True,
        )
    if len(rows) != 1:
        return None
    row = rows[0]
    # (one of its days, perhaps not the first: its month, which the row's days then refine)
    month = day[:7]
    return replace(
        mention,
        kind=row.kind,
        key=row.key,
        name=row.name,
        ambiguous=False,
        loose=True,
        start_date=month,
        end_date=month,
        precision="month",
    )


def _a_party_meeting_held(mention: EventMention, day: str) -> bool:
    """Whether a described party meeting is told as held on one day before its report ("a
    Workers' Party meeting on Sunday", not "a key meeting to open on Monday", nor a congress's
    or conference's description, "a rare one-day party gathering")."""
    return (
        len(day) == 10
        and mention.role is None
        and mention.status != "announced"
        and mention.doc_date is not None
        and day <= mention.doc_date
        and mention.start_date == mention.end_date
        and _PARTY_MEETING.search(mention.quote) is not None
    )


_PARTY_MEETING = re.compile(
    r"\b(?:[Pp]arty|Workers['’]\s+Party|WPK|KWP|Labou?r\s+Party)\s+meeting\s+(?:(?:held|convened)\s+)?"
    r"(?:on|last|this|yesterday|in\s+(?:early|mid|late)\b)"
)
"""A party meeting with its day right after it ("a party meeting on May 23rd", "a Workers' Party
meeting last Sunday"; not "... had failed to give self-criticism at a party meeting")."""


_CONVENTION = re.compile(r"\b[Cc]onvention\b")
_BEFORE_DAYS = 31
_AFTER_DAYS = 3


def around_the_report(rows: list[ChronologyRow], doc_date: str) -> list[ChronologyRow]:
    """The rows (congresses, conferences) that open in the month after a report of ``doc_date``
    or were under way in the days before it: the one a report without a date tells of."""
    report = parse_iso_day(doc_date) if len(doc_date) == 10 else None
    if report is None:
        return []
    near = []
    for row in rows:
        start = parse_iso_day(row.start) if len(row.start) == 10 else None
        end = parse_iso_day(row.end or row.start) if len(row.end or row.start) == 10 else None
        if (
            start is not None
            and end is not None
            and (start - report).days <= _BEFORE_DAYS
            and (report - end).days <= _AFTER_DAYS
        ):
            near.append(row)
    return near


def _gathering_of_the_year(
    mention: EventMention, chronology: ChronologyTable
) -> EventMention | None:
    """An earlier congress or conference told by its year ("A previous conference in 1980"): the
    one of that year the chronology holds (of the kind named, where one is); None otherwise."""
    year = mention.start_date or ""
    noun = key_parts(mention.key)[-1]
    kinds = _GATHERING_KINDS[:2] if noun == "?" else (f"party_{noun}",)
    return _the_one_row(
        mention, [row for row in chronology.entries if row.kind in kinds and row.start[:4] == year]
    )


def _the_one_row(mention: EventMention, rows: list[ChronologyRow]) -> EventMention | None:
    """The mention as naming the one row of ``rows`` (None unless exactly one)."""
    if len(rows) != 1:
        return None
    row = rows[0]
    return replace(mention, kind=row.kind, key=row.key, name=row.name, ambiguous=False)


def _gathering_reported(mention: EventMention, chronology: ChronologyTable) -> EventMention | None:
    """A party meeting told of by description without a date ("A rare meeting of North Korea's
    ruling party", a headline): the one congress or conference of the chronology that opens in
    the month after the report or was under way in the days before it; None otherwise."""
    if mention.doc_date is None:
        return None
    return _the_one_row(
        mention,
        around_the_report(
            [row for row in chronology.entries if row.kind in _GATHERING_KINDS[:2]],
            mention.doc_date,
        ),
    )


def _weekday_in_the_rows_week(mention: EventMention, row: ChronologyRow) -> EventMention:
    """A bare weekday counted from the report ("kicking off ... the seventh congress on Friday",
    read as the Friday before a report of Thursday) that misses the row's days by one week:
    the same weekday of the week the row holds (the text's day, the week the chronology's)."""
    day = mention.start_date
    if (
        day is None
        or len(day) != 10
        or mention.end_date != day
        or mention.basis != "dateline"
        or mention.doc_date is None
        or len(mention.doc_date) != 10
        or not row.start
        or within(day, row.start, row.end or row.start)
    ):
        return mention
    told, report = parse_iso_day(day), parse_iso_day(mention.doc_date)
    if told is None or report is None or abs((told - report).days) > 7:
        return mention
    for weeks in (1, -1):
        moved = (told + dt.timedelta(weeks=weeks)).isoformat()
        if within(moved, row.start, row.end or row.start):
            return replace(mention, start_date=moved, end_date=moved)
    return mention


def resolve(mention: EventMention, chronology: ChronologyTable | None) -> EventMention | None:
    """The mention with its key completed and its weak evidence checked (None: not this party's)."""
    unidentified = (
        mention.start_date is None and mention.key.endswith(":?") and mention.kind in RARE_KINDS
    )
    if mention.kind == "party_gathering":
        return _gathering(mention, chronology)
    if chronology is None:
        if unidentified:
            return None  # "the Conference of the WPK": which one, only the chronology can say
        return mention
    mention = _without_anothers_term(mention, chronology)
    if has_gap(mention.key):
        rows = _candidates(mention, chronology)
        if len(rows) == 1:
            mention = replace(mention, key=rows[0].key, name=rows[0].name, ambiguous=False)
        elif not rows and mention.key == "party_congress:?" and _CONVENTION.search(mention.quote):
            # "the upcoming Workers' Party Convention" of September 2010: the press's word for a
            # congress or a conference; no congress fits, so the conference that does
            conference = replace(mention, kind="party_conference", key="party_conference:?")
            rows = _candidates(conference, chronology)
            if len(rows) == 1:
                mention = replace(conference, key=rows[0].key, name=rows[0].name, ambiguous=False)
    row = chronology.by_key(mention.key)
    if row is not None:
        mention = _in_the_rows_year(mention, row)
        mention = _weekday_in_the_rows_week(mention, row)
    if row is None and mention.role == "recent" and mention.kind != "other_party_meeting":
        return None  # a report's "the plenum" that names no meeting the chronology holds near it
    if row is None and unidentified:
        if mention.doc_date is None:
            # a text with no date at all: a congress it names, which one unknown (undated)
            return mention
        return None  # "the Conference of the WPK", and no meeting of the chronology fits
    if (
        row is None
        and mention.loose
        and mention.kind in RARE_KINDS
        and any(r.kind == mention.kind for r in chronology.entries)
    ):
        # the chronology knows every congress and conference: a bare "the 11th Congress",
        # or "the last conference ... on 12 July 2012", is not the WPK's
        return None
    if row is None or not mention.loose:
        return mention
    if mention.start_date is not None and not within(mention.start_date, row.start, row.end):
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
        and years_between(mention.doc_date, row.start) > _STALE_YEARS
    ):
        return None
    return mention
