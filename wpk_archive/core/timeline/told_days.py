"""Days a sentence tells through words or other sentences: "that day" (the last single day told
before it), and a meeting's length ("a five-day plenary meeting") with its opening or closing day
(see :mod:`.extract`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from wpk_archive.core.dates import DateMention, find_dates
from wpk_archive.core.models import Document
from wpk_archive.core.timeline.found import Found

_THAT_DAY = re.compile(r"\b(?:[Oo]n\s+)?(?:[Tt]hat|[Tt]he\s+same)\s+day\b(?!['’]s|\s+of\b)")
_LOOK_BACK = 8000  # characters before the sentence searched for the day "that day" is


def _told_before(
    doc: Document,
    start: int,
    at: int,
    dates: list[DateMention],
    anchor: str | None,
    has_dateline: bool,
    look_back: int,
) -> list[DateMention]:
    """The dates told before offset ``at`` of the sentence (which starts at ``start`` in the
    document): among ``dates``, else in the ``look_back`` characters before the sentence. The
    dateline does not count (a story's words point back to a day it tells)."""
    before = [d for d in dates if d.end <= at and d.kind != "dateline"]
    if before:
        return before
    window = max(0, start - look_back)
    return [
        d
        for d in find_dates(
            doc.text[window:start], doc_date=doc.date, weekday_anchor=anchor, dateline=has_dateline
        )
        if not (window == 0 and d.kind == "dateline")
    ]


def _last_day_told(
    doc: Document,
    start: int,
    at: int,
    dates: list[DateMention],
    anchor: str | None,
    has_dateline: bool,
    look_back: int,
) -> DateMention | None:
    """The last single day told before offset ``at`` (see `_told_before`); not a range ("from
    5 to 7 May")."""
    before = _told_before(doc, start, at, dates, anchor, has_dateline, look_back)
    days = [d for d in before if d.precision == "day"]
    if not days or days[-1].start_date != days[-1].end_date:
        return None
    return days[-1]


def that_day(
    doc: Document,
    start: int,
    sentence: str,
    dates: list[DateMention],
    anchor: str | None,
    has_dateline: bool,
) -> list[DateMention]:
    """``dates`` with "that day" / "the same day" read as the last single day named before it,
    in this sentence or the text before ("... on Oct. 21. ... the houses are to be finished by
    early December. ... That day the Secretariat decided"). The dateline's day does not count:
    "that day" points back to a day the story tells; nor does a range ("from 5 to 7 May")."""
    match = _THAT_DAY.search(sentence)
    if match is None or any(d.start < match.end() and match.start() < d.end for d in dates):
        return dates
    day = _last_day_told(doc, start, match.start(), dates, anchor, has_dateline, _LOOK_BACK)
    if day is None:
        return dates
    that = DateMention(
        match.start(),
        match.end(),
        match.group(0),
        day.start_date,
        day.end_date,
        "day",
        day.year_inferred,
        "date",
        day.basis,
    )
    return sorted([*dates, that], key=lambda d: (d.start, d.end))


_YEAR_BACK = 600  # characters before the sentence searched for the year a month is in


def month_in_told_year(doc: Document, start: int, sentence: str, at: int, month: int) -> str | None:
    """The year-month of a meeting named by its month alone ("the August Plenum") in the year of
    the last date told before it (in the sentence, or the text just before: a listing's
    "September 01, 1956 ... at the August Plenum" is 1956's, whatever the page's date), the
    year before for a month later than the told date's; None where nothing is told."""
    before = [
        d
        for d in find_dates(sentence[:at], doc_date=doc.date)
        if d.kind != "dateline" and d.start_date
    ]
    in_sentence = bool(before)
    if not before:
        window = max(0, start - _YEAR_BACK)
        before = [
            d
            for d in find_dates(doc.text[window:start], doc_date=doc.date)
            if d.kind not in ("dateline", "relative", "weekday") and d.start_date
        ]
    if not before or before[-1].year_inferred:
        return None
    told = before[-1].end_date or before[-1].start_date
    assert told is not None
    year = int(told[:4])
    if (
        len(told) >= 7
        and month > int(told[5:7])
        and not (in_sentence and _AFTER_IT.search(sentence, max(0, at - 25), at))
    ):
        year -= 1  # (but "in April 1956 ... after the August Plenum": later that year)
    return f"{year:04d}-{month:02d}"


_AFTER_IT = re.compile(
    r"\b(?:after|following|then|later|until|till|before|by)\s+(?:the\s+)?$", re.I
)
_THAT_MONTH = re.compile(
    r"\b(?:(?:earlier|later)\s+(?:in\s+)?|in\s+)(?:that|the\s+same)\s+(?P<unit>month|year)\b"
)


def that_month(
    doc: Document,
    start: int,
    sentence: str,
    dates: list[DateMention],
    anchor: str | None,
    has_dateline: bool,
) -> list[DateMention]:
    """``dates`` with "earlier that month", "later that year", "in the same month" read as the
    month (or year) of the last date told before it ("... roads were blown up on October 15 ...
    amended during a parliamentary meeting earlier that month": October)."""
    match = _THAT_MONTH.search(sentence)
    if match is None or any(d.start < match.end() and match.start() < d.end for d in dates):
        return dates
    before = [
        d
        for d in _told_before(doc, start, match.start(), dates, anchor, has_dateline, _NEXT_TO_BACK)
        if d.kind != "dateline"
    ]
    width = 7 if match.group("unit") == "month" else 4
    told = [d for d in before if d.end_date and len(d.end_date) >= width]
    if not told or told[-1].end_date is None:
        return dates
    value = told[-1].end_date[:width]
    found = DateMention(
        match.start(),
        match.end(),
        match.group(0),
        value,
        value,
        "month" if width == 7 else "year",
        told[-1].year_inferred,
        "relative",
        told[-1].basis,
    )
    return sorted([*dates, found], key=lambda d: (d.start, d.end))


_NEXT_TO = re.compile(
    r"\b(?:[Oo]n\s+)?[Tt]he\s+(?P<dir>previous|preceding|next|following)\s+day\b(?!['’]s\s+\w+\s+of)"
    r"|\b(?:[Oo]n\s+)?[Tt]he\s+day\s+(?P<dir2>before|after)\b(?!\s+(?:yesterday|tomorrow))"
    # "Two days after the deal was reached", "a week later", "three days earlier"
    r"|\b(?P<n>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten)|[1-9]|[12]\d)\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir3>later|after(?:wards)?|earlier|before|ahead\s+of|prior\s+to)\b"
    r"(?!\s+(?:yesterday|tomorrow|that|this|the\s+(?:\w+\s+)?(?:congress|conference|plenum|plenary|"
    r"meeting|session)s?\b))"
)
_EVENT_AFTER = re.compile(
    r"\s+(?:the|an?|his|her|its|their|this|that|[A-Z][a-z]+)\s+(?!(?:day|morning|evening)\b)\w"
)
"""After "the day before/after": the event it counts from ("the day after the congress closed")."""
_COUNT_WORDS = {
    w: i
    for i, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], start=1
    )
}


_AFTER_CLAUSE = re.compile(r"(\s+(?:the|an?|his|its|their)\s[^,;:.()]{3,60}?)\s*,")
"""After "two days after" / "a week before": the event the days count from, up to its comma."""


def _offset(match: re.Match[str]) -> int:
    """Days from the told day to the day ``match`` names (negative: before it)."""
    direction = match.group("dir") or match.group("dir2") or match.group("dir3")
    forward = direction.startswith(("next", "following", "after", "later"))
    days = 1
    if match.group("n"):
        word = match.group("n").lower()
        count = 1 if word in ("a", "an") else _COUNT_WORDS.get(word) or int(word)
        days = count * (7 if match.group("unit").startswith("week") else 1)
    return days if forward else -days


_NEXT_TO_BACK = 600  # characters before the sentence searched for the day it is next to


_COUNTED_TO = re.compile(
    r"\b(?P<n>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten)|[1-9]|[12]\d)\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir>after|before|ahead\s+of|prior\s+to)\b"
)
_TO_MEETING = re.compile(
    r"\s+(?:(?:Kim|he|she|North\s+Korea|Pyongyang|the\s+(?:party|North|leader))(?:\s+[\w'’-]+){0,4}?\s+"
    r"(?:presided\s+over|held|convened|attended|chaired|opened|guided|addressed|called|hosted)\s+)?"
    r"(?P<det>(?:the|an?|its|their)\s+)(?:[\w'’-]+\s+){0,5}?(?i:congress|conference|meeting|session|"
    r"plenum|plenary)\b"
)
"""After "a day after" / "two days ahead of": the meeting the days count to ("a day ahead of a rare
Workers' Party of Korea conference", "a day after Kim presided over an enlarged meeting of ...")."""


def _counted_to_meeting(
    sentence: str,
    match: re.Match[str],
    dates: list[DateMention],
    told_before: Callable[[int], DateMention | None],
) -> list[DateMention] | None:
    """``dates`` with the day of a meeting that "a day after" or "two days ahead of" counts to
    from the single day told before it in the sentence: "was made a general on September 27, 2010,
    a day ahead of a rare Workers' Party of Korea conference" (the conference: September 28);
    "The session opened on Thursday, a day after Kim presided over a Politburo meeting" (that
    meeting: Wednesday). None where the words are not of that form."""
    to = _TO_MEETING.match(sentence, match.end())
    if to is None:
        return None
    told = [
        d
        for d in dates
        if d.end <= match.start()
        and d.precision == "day"
        and d.start_date is not None
        and d.start_date == d.end_date
        and d.kind != "dateline"
    ]
    others = [d for d in dates if not (d.start < to.start("det") and match.start() < d.end)]
    if not told and not any(d.end <= match.start() and d.kind != "dateline" for d in dates):
        earlier = told_before(match.start())  # the day the sentence before told
        told = [earlier] if earlier is not None else []
    if not told or told[-1].start_date is None:
        return others
    word = match.group("n").lower()
    count = 1 if word in ("a", "an") else _COUNT_WORDS.get(word) or int(word)
    days = count * (7 if match.group("unit").startswith("week") else 1)
    offset = -days if match.group("dir").lower().startswith("after") else days
    day = (dt.date.fromisoformat(told[-1].start_date) + dt.timedelta(days=offset)).isoformat()
    found = DateMention(
        match.start(),
        to.start("det"),
        sentence[match.start() : to.start("det")],
        day,
        day,
        "day",
        told[-1].year_inferred,
        "counted",
        told[-1].basis,
    )
    return sorted([*others, found], key=lambda d: (d.start, d.end))


def next_to_told(
    doc: Document,
    start: int,
    sentence: str,
    dates: list[DateMention],
    anchor: str | None,
    has_dateline: bool,
) -> list[DateMention]:
    """``dates`` with "the previous day", "the next day", "the day before/after" read next to the
    last single day told just before it, in this sentence or the two or so before ("On May 5 he
    inspected the plant. The previous day he had ..."). Without such a day, "the previous day"
    keeps its reading from the dateline (news: the day before the report) and "the next day"
    is no date."""
    counted_to = _COUNTED_TO.search(sentence)
    if counted_to is not None:
        reversed_ = _counted_to_meeting(
            sentence,
            counted_to,
            dates,
            lambda at: _last_day_told(doc, start, at, [], anchor, has_dateline, _NEXT_TO_BACK),
        )
        if reversed_ is not None:
            return reversed_
    match = _NEXT_TO.search(sentence)
    if match is None:
        return dates
    offset = _offset(match)
    others = [d for d in dates if not (d.start < match.end() and match.start() < d.end)]
    if match.group("dir2") and _EVENT_AFTER.match(sentence, match.end()):
        # "On September 10, 1948, the day after the foundation of the DPRK was proclaimed": a
        # day counted from an event the sentence names, not from the day told before
        return others
    counted = match.group("n") is not None
    following = next((d for d in others if d.start >= match.end()), None)
    end = match.end()
    if counted and following is not None and not sentence[end : following.start].strip():
        if following.precision != "day" or following.start_date != following.end_date:
            return dates
        last: DateMention | None = following  # "two days after August 25"
        others.remove(following)
        end = following.end
    else:
        last = _last_day_told(
            doc, start, match.start(), others, anchor, has_dateline, _NEXT_TO_BACK
        )
        clause = _AFTER_CLAUSE.match(sentence, end) if counted else None
        if clause is not None:  # "Two days after the deal was reached, the CMC held ...": the
            end = clause.end(1)  # whole adverbial, so that the meeting's name follows it
    if last is None or last.start_date is None:
        return dates if offset < 0 and not counted else others
    told = dt.date.fromisoformat(last.start_date)
    day = (told + dt.timedelta(days=offset)).isoformat()
    found = DateMention(
        match.start(),
        end,
        sentence[match.start() : end],
        day,
        day,
        "day",
        last.year_inferred,
        "relative",
        last.basis,
    )
    return sorted([*others, found], key=lambda d: (d.start, d.end))


_LENGTH = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])[-\s]day\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_LENGTH_IN = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])[-\s]day\b(?![-\s]+old\b)",
    re.I,
)
"""A length inside a name: "The four-day plenary meeting of the ruling party"."""
_LASTED = re.compile(
    r"[^.;:]{0,60}?\b(?:(?:lasted|lasting|ran|running|went\s+on|continued|for|over|after)\s+(?:for\s+)?"
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])\s+days\b|for\s+a\s+"
    r"(?P<n2>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])-day\s+(?:run|session|meeting))",
    re.I,
)
"""A length told after a name or its opening day: "... opened on June 28 and lasted four days"."""
_LENGTH_WORDS = {
    w: i
    for i, w in enumerate(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], start=2
    )
}


def with_length(text: str, item: Found, day: str, role: str) -> tuple[str, str]:
    """(start, end) of a meeting whose one reported day is its ``role`` day, when its name says how
    many days it lasted ("a five-day plenary meeting"); else the day alone."""
    found = _LENGTH.search(text, max(0, item.start - 40), item.start)
    if found is None:
        found = _LENGTH_IN.search(text, item.start, item.end) or _LASTED.match(text, item.end)
    if found is None and item.date is not None and item.date.end >= item.end:
        found = _LASTED.match(text, item.date.end)  # "opened on June 28 and lasted four days"
    if found is None:
        return day, day
    word = (found.group("n") or found.group("n2")).lower()
    days = _LENGTH_WORDS.get(word) or int(word)
    point = dt.date.fromisoformat(day)
    other = point + dt.timedelta(days=days - 1 if role == "opening" else 1 - days)
    first, last = sorted((point, other))
    return first.isoformat(), last.isoformat()


_OPENED_BEFORE = re.compile(
    r"\b(?:opened|began|started|kicked\s+off|commenced|convened)\s+(?:on\s+|in\s+\w+\s+on\s+)?$",
    re.I,
)
_CLOSED_BEFORE = re.compile(
    r"\b(?:closed|ended|concluded|(?:wound|wrapped)\s+up|adjourned|finished|(?:came|drew)\s+to\s+"
    r"a\s+close)\s+(?:on\s+|in\s+\w+\s+on\s+)?$",
    re.I,
)
_PAIR_REACH = 160  # characters after the first day searched for the other


def opened_and_closed(
    sentence: str, item: Found, dates: list[DateMention], taken: set[int]
) -> None:
    """Widen a meeting's one day to its whole range where the sentence gives both its opening and
    its closing day: "The party conference, which opened on October 5, ended on Wednesday"
    (``taken``: the ids of the dates other meetings of the sentence hold)."""
    date = item.date
    if date is None or date.precision != "day" or date.start_date != date.end_date:
        return
    head = sentence[max(0, date.start - 30) : date.start]
    if _OPENED_BEFORE.search(head):
        wanted, later = _CLOSED_BEFORE, True
    elif _CLOSED_BEFORE.search(head):
        wanted, later = _OPENED_BEFORE, False
    else:
        return
    for other in dates:
        if other is date or id(other) in taken or other.precision != "day":
            continue
        if other.start_date != other.end_date or other.start_date is None:
            continue
        if later and not date.end < other.start <= date.end + _PAIR_REACH:
            continue
        if not later and not date.start - _PAIR_REACH <= other.start < date.start:
            continue
        if not wanted.search(sentence[max(0, other.start - 30) : other.start]):
            continue
        first, last = (date, other) if later else (other, date)
        if first.start_date is None or last.end_date is None or first.start_date > last.end_date:
            return
        item.date = replace(
            date,
            start_date=first.start_date,
            end_date=last.end_date,
            year_inferred=first.year_inferred or last.year_inferred,
        )
        return


_ENTERED_DAY = re.compile(
    r"\b(?:entered|entering|enters|was\s+in|is\s+in|went\s+into|moved\s+into)\s+its\s+(?P<n>second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|2nd|3rd|4th|5th|6th|7th|8th|9th)\s+day\b"
)
_DAY_ORDINALS = {
    w: i
    for i, w in enumerate(
        ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"], start=2
    )
} | {f"{i}{'nd' if i == 2 else 'rd' if i == 3 else 'th'}": i for i in range(2, 10)}


def entered_its_day(sentence: str, item: Found) -> None:
    """A meeting's range from the day it "entered its fourth day on Friday": from three days
    before to that day (it opened then, and was still in session)."""
    date = item.date
    if date is None or date.precision != "day" or date.start_date != date.end_date:
        return
    lo, hi = sorted((item.end, date.start))
    found = _ENTERED_DAY.search(sentence, lo, hi + 1)
    if found is None or date.start_date is None:
        return
    day = dt.date.fromisoformat(date.start_date)
    first = day - dt.timedelta(days=_DAY_ORDINALS[found.group("n").lower()] - 1)
    item.date = replace(date, start_date=first.isoformat())
