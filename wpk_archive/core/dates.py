"""Date mentions in English text: exact spans, precision, ranges, Juche years, relative dates.

Hand-written grammar (general date libraries read ordinals such as "the 8th Congress" as days and
know no ranges). Every mention carries its half-open character span into the text it was found in.
The grammar: :mod:`date_parts` (fragments, cheap per-rule tests, calendar helpers),
:mod:`date_calendar` (quarters, centuries, nth weekday of a month), :mod:`date_numeric`
("2024-06-28", "28.6.2024"), :mod:`date_spans` (ranges and lists), :mod:`date_rules` (single
written dates, months, years, decades, centuries), :mod:`date_relative` ("last year", "three
years ago") and :mod:`date_days` (weekdays, "yesterday"). Rules are tried in that order of
priority (spans, then relative months, then single dates, then relative forms); a span once
claimed is not read again.

Conventions:
- dates are ISO strings written at their precision: "2012", "2012-04", "2021-01-05"; a range's
  two ends are cut to the coarser precision of the two; end >= start; only real calendar days;
- a day or month without a year takes its year from ``doc_date`` (the document's own publication
  date, at any precision: a magazine issue of "2020-09" places "Sept. 8"), never from another year in the text, and is flagged ``year_inferred``; when the month lies
  more than six months after the publication month, the previous year is used ("December 28" in
  an article of January 3), except shortly after a future marker in the same clause ("is
  expected to be launched between September and October" in February is this year's);
- relative dates ("last year", "three years ago", "in December three years ago", "last week",
  "yesterday", "next Monday") count from the anchor: ``weekday_anchor`` if given, else the
  text's dateline day ("Pyongyang, August 5 (KCNA) --"), else ``doc_date`` when it is a day;
- "the previous day / the following day / the previous week" count from the last day the text
  named before them ("from the afternoon of July 24 to the dawn of the next day"); with none,
  only "the previous ..." in a text with a dateline counts from the anchor (in a story it is the
  story's day); "today" only where it dates an event ("arrived here today", "today issued"),
  "tomorrow" only after a future verb of an event, both also after "is/was" closing a clause
  ("The deadline is today.", not "what it is today"), "yesterday" not in "yesterday and today";
  "last / this / next weekend" is the Saturday and Sunday of that Monday-to-Sunday week;
- counts back ("three years ago") that may count from a date the text names ("in 1963 compared
  with three years ago", "as of April 25, higher than ten days ago") are not read, nor counts of
  more than 31 days or 8 weeks (a story's "ninety-six days ago");
- without ``doc_date`` (and anchor) such yearless and relative mentions are *skipped*: a mention is
  only reported when it can be given a date;
- ``basis`` is "text" when the text gives every part of the date at its precision, "dateline"
  when a part came from the dateline or the publication date (then ``year_inferred`` is True too);
- a bare weekday ("on Sunday") is the last such day on or before the anchor, since news reports
  tell of what has just happened; "last/this/next Sunday" is the Sunday of the previous, current
  or next Monday-to-Sunday week; "last week" is that week's Monday..Sunday (day precision);
- slashed and dotted numeric dates are read only when unambiguous: "28/6/2024" and "6/28/2024"
  (one of the first two numbers above 12) or "3/3/2015" (both equal), or when a weekday written
  before it fits only one order ("Tuesday 11/3/2015") or the other end of a range decides it
  ("8/10/2012 - 8/15/2012"); "5/6/2024" is not read; two-digit years only with slashes
  ("10/31/74"), with hyphens when one number is above 12 ("10-31-74"), or closing a written date
  at the end of a clause ("3 Aug 96.", "Aug 9, 96", "Sept '98"; a month alone only with 69-99 or
  an apostrophe), 69-99 being 19xx and 00-68 20xx; yearless "2/15" is not read (a fraction or a
  score as often as a date); a day of the month alone ("on the 25th") only after a date of the
  text that names its month;
- a month joined to its day or year by a hyphen or slash is read ("10-August 2012",
  "August-10, 2012", "2012/Aug/10", "Sep-2012", "2024-August"), as is a year before a capitalised
  month or its abbreviation ("2024 Aug"); an impossible day ("February 29, 2022", "June 31",
  "32 August 2014", "February 20 - 29, 2022") is no date, and neither its month nor its year is
  read from it;
- "2014-10" is October 2014 but "2011-12" and "1950-53" are the years 2011-2012 and 1950-1953
  (a two-digit second number above the first year's last two digits continues the year);
- "the 20th century" is 1901-2000 (the strict reckoning; the 21st is 2001-2100); "the 1990s" is
  1990-1999; "the '70s" only for '30s..'90s (the '20s could be either century);
- seasons and "early / mid / late / the end of" keep the precision the text gives: "the spring of
  1950" and "early 1980" are the year, "early June 2016" the month;
- quarters and halves are month ranges; "the first week of October" is the first Monday-to-Sunday
  week wholly inside October;
- "February 28 and 29" (consecutive days joined by "and") is one range; "on 3 and 5 June" is two
  mentions of kind "coordinated", as are "in 2013 and 2017" and "in March and June 2016";
- "on August 15 every year" (recurring), "the June 15 Joint Declaration" and "the October 4
  declaration" (names), "the 15th of January in the lunar calendar", "The lake begins to freeze
  in late September" (the yearly round), "September 2 that year" (a year given elsewhere) and a
  lower-case "may"/"march" as a verb are not dates.

Kinds: "dateline", "date" (one day or month, also when the text names the month and counts only
the year: "in December last year", "in December three years ago"), "range", "year", "decade",
"century" (a century as years), "period" (a quarter, half or week of a year or month), "juche",
"coordinated", "weekday" (any weekday form), "relative" (every other form counted from the
anchor: today, yesterday, last year, three years ago, last December, this month, last week, the
previous day ...).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from wpk_archive.core import (
    date_days,
    date_numeric,
    date_periods,
    date_relative,
    date_rules,
    date_spans,
)
from wpk_archive.core.date_calendar import place_day
from wpk_archive.core.date_carry import carried_years
from wpk_archive.core.date_parts import (
    ANY_FEATURE,
    D_SUFFIXED,
    FUTURE,
    JUCHE_OFFSET,
    M_DATELINE,
    MAX_YEAR,
    MIN_BARE_YEAR,
    MIN_YEAR,
    MONTHS,
    WEEKDAYS,
    Context,
    Reader,
    has_feature,
    iso,
    precision_of,
    read_parts,
    resolve,
    year_from_expression,
)
from wpk_archive.core.models import Precision

__all__ = [
    "JUCHE_OFFSET",
    "MAX_YEAR",
    "MIN_BARE_YEAR",
    "MIN_YEAR",
    "MONTHS",
    "WEEKDAYS",
    "DateMention",
    "date_mention_to_json",
    "find_dateline",
    "find_dates",
    "parse_date_value",
    "year_from_expression",
]


@dataclass(frozen=True)
class DateMention:
    """One date (or date range) named in a text, with its exact span and precision."""

    start: int
    end: int
    text: str
    start_date: str
    end_date: str
    precision: Precision
    year_inferred: bool
    kind: str
    basis: str = "text"


_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z.'’ -]{{1,40}},\s+(?P<body>{M_DATELINE}\s*\d{{1,2}})\s*"
    r"\(\s*[A-Z][A-Za-z-]{1,15}\s*\)\s*(?:--|—|–|-)",
    re.MULTILINE,
)

_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    *date_numeric.NUMERIC_RULES,
    *date_spans.SPAN_RULES,
    *date_periods.PERIOD_RULES,
    *date_rules.NTH_RULES,
    *date_relative.MONTH_RULES,
    *date_rules.SINGLE_RULES,
    *date_relative.RELATIVE_RULES,
    *date_days.DAY_RULES,
]
_NEIGHBOUR = re.compile(
    r"(?:\b(?i:(?:the\s+)?(?:beginning|end|start|middle)\s+of)\s+)?"
    r"\b(?:(?P<the>[Tt]he)\s+)?(?P<rel>previous|preceding|following|next)\s+(?P<u>day|week)\b"
    r"(?!\s+(?:of|before|after)\b)"
)
_NEIGHBOUR_WORDS = ("previous", "preceding", "following", "next")
_ON_THE_DAY = re.compile(
    rf"\b[Oo]n\s+(?P<day>the\s+{D_SUFFIXED})(?=\s*(?:[.,;:)]|and\b|$))"
    # "were held between the 12th and the 14th", "from the 10th to the 13th"
    rf"|\b(?:[Bb]etween|[Ff]rom)\s+(?P<first>the\s+{D_SUFFIXED})\s+(?:and|to|till|until|through)\s+"
    rf"(?P<last>(?:the\s+)?{D_SUFFIXED})(?=\s*(?:[.,;:)]|and\b|$|\s+(?:to|in|at|for|with)\b))"
)


def _parse_iso_day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD (or longer ISO) string as a date, or None when absent or malformed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _parse_iso_partial(value: str | None) -> tuple[dt.date | None, str]:
    """A publication date at any precision ("2020", "2020-09", "2020-09-08") as its first day and
    its precision; (None, "day") when absent or malformed."""
    day = _parse_iso_day(value)
    if day is not None or not value:
        return day, "day"
    normal = parse_date_value(value)
    if normal is None:
        return None, "day"
    if len(normal) == 4:
        return dt.date(int(normal), 1, 1), "year"
    return dt.date(int(normal[:4]), int(normal[5:7]), 1), "month"


_DATE_VALUE = re.compile(r"\s*([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?\s*")


def parse_date_value(value: str) -> str | None:
    """A user-typed ISO date at any precision ("2012", "2012-04", "2012-04-15") normalised
    ("2012-4-5" -> "2012-04-05"), or None when malformed or impossible ("2012-02-30", "2012-13")."""
    match = _DATE_VALUE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None:
        try:
            return dt.date(year, month or 1, day).isoformat()
        except ValueError:
            return None
    return f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"


def find_dateline(text: str, *, doc_date: str | None = None) -> DateMention | None:
    """The news-agency dateline of ``text`` ("Pyongyang, April 2 (KCNA) --"), if any.

    Only the first 300 characters are looked at; the year comes from ``doc_date``.
    """
    doc, precision = _parse_iso_partial(doc_date)
    match = _DATELINE.search(text[:300])
    if match is None:
        return None
    ctx = Context(doc, doc if precision == "day" else None, doc_precision=precision)
    resolved = resolve(read_parts(match.group("body")), ctx)
    if resolved is None:
        return None
    value, inferred = resolved
    start, end = match.span("body")
    basis = "dateline" if inferred else "text"
    return DateMention(
        start, end, text[start:end], value, value, "day", inferred, "dateline", basis
    )


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps any span already taken."""
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _mention(
    text: str, start: int, end: int, first: str, last: str, inferred: bool, kind: str
) -> DateMention:
    """A mention over ``text[start:end]``."""
    precision = precision_of(first)
    basis = "dateline" if inferred else "text"
    return DateMention(start, end, text[start:end], first, last, precision, inferred, kind, basis)


def _days_of_named_month(
    text: str,
    found: list[DateMention],
    taken: list[tuple[int, int]],
    anchor: dt.date | None,
    futures: list[int] | None = None,
) -> None:
    """Add "on the 25th" and "between the 12th and the 14th": the days of the month an earlier
    mention of the text names ("on Sep. 22, France on the 25th"); without one, the days nearest
    the anchor (the dateline or the publication day) in its month or the month before or after
    (:func:`place_day`; after it where a future marker stands before: "will hold the session on
    the 29th"), the year inferred. Without either they are not read."""
    for match in _ON_THE_DAY.finditer(text):
        start, end = (
            match.span("day") if match.group("day") else (match.start("first"), match.end())
        )
        if _overlaps(taken, start, end):
            continue
        earlier = [m for m in found if m.end <= start and m.precision != "year"]
        days = [
            int(re.sub(r"\D", "", match.group(name)))
            for name in ("day", "first", "last")
            if match.group(name)
        ]
        if len(days) == 2 and days[1] <= days[0]:
            continue
        if earlier:
            previous = max(earlier, key=lambda m: m.end)
            year, month = int(previous.end_date[:4]), int(previous.end_date[5:7])
            inferred = previous.year_inferred
        elif anchor is not None:
            ahead = bool(futures) and _after_future(text, futures or [], start)
            placed = place_day(
                days[-1] if not ahead else days[0], "future" if ahead else None, anchor
            )
            if placed is None:
                continue
            (year, month), inferred = placed, True
        else:
            continue
        first, last = iso(year, month, days[0]), iso(year, month, days[-1])
        if first is None or last is None:
            continue
        taken.append((start, end))
        found.append(_mention(text, start, end, first, last, inferred, "date"))


def _neighbour_days(
    text: str,
    found: list[DateMention],
    taken: list[tuple[int, int]],
    ctx: Context,
    opened_by_dateline: bool = False,
) -> None:
    """Add "the previous day" / "the following day" / "the previous week" / "the next week":
    counted from the last day-precise date named before it in the text, else ("previous" only, in
    a text that opens with a dateline) from the anchor. Elsewhere they count from a day the text
    told before (a story's "the previous day") and are not read."""
    for match in _NEIGHBOUR.finditer(text):
        rel = match.group("rel")
        if (rel == "next" and not match.group("the")) or _overlaps(taken, *match.span()):
            continue
        step = -1 if rel in ("previous", "preceding") else 1
        earlier = [m for m in found if m.end <= match.start() and m.precision == "day"]
        if earlier:
            base_mention = max(earlier, key=lambda m: m.end)
            base = _parse_iso_day(base_mention.start_date if step < 0 else base_mention.end_date)
            inferred = base_mention.year_inferred
        elif step < 0 and (opened_by_dateline or any(m.kind == "dateline" for m in found)):
            base, inferred = ctx.anchor, True
        else:
            continue
        if base is None:
            continue
        if match.group("u") == "day":
            first = last = base + dt.timedelta(days=step)
        else:
            first = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
            last = first + dt.timedelta(days=6)
        begin = iso(first.year, first.month, first.day)
        finish = iso(last.year, last.month, last.day)
        if begin is None or finish is None:
            continue
        taken.append(match.span())
        found.append(_mention(text, *match.span(), begin, finish, inferred, "relative"))


_FUTURE_REACH = 150
"""How far after a future marker ("will", "plans to") a date may stand and still be read as to come."""


def _after_future(text: str, futures: list[int], at: int, *, reach: int = _FUTURE_REACH) -> bool:
    """Whether a future marker ("will", "is expected to") stands shortly before ``at`` in the same
    clause."""
    return any(
        0 <= at - end <= reach
        and not re.search(r"[.;:!?]", text[end:at])
        and not _PAST_VERB.search(text, end, at)
        for end in futures
    )


_NEAR_REACH = 60
_NEAR_ONLY = re.compile(r"(?i)\btomorrow\b|\btonight\b|\bweek\b")
"""A day counted from today: a future marker reaches it only from close by."""

_PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|took|since|ago|last|previous|earlier)\b"
    r"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)\b(?:held|convened|opened|ended|concluded|closed|met|began|"
    r"started)\b",
    re.I,
)
"""A future marker reaches a date only where no word of the past stands between: "North Korea plans to convene a meeting of its rubber-stamp parliament in Pyongyang in
January" (the next January), but "will discuss the decisions the plenum adopted in June"."""


def find_dates(
    text: str,
    *,
    doc_date: str | None = None,
    weekday_anchor: str | None = None,
    dateline: bool = False,
) -> list[DateMention]:
    """Every date mention in ``text``, in text order, without overlaps.

    ``doc_date`` (YYYY-MM-DD, YYYY-MM or YYYY) supplies the year of yearless days and months; ``weekday_anchor``
    (YYYY-MM-DD) is the day weekdays and relative dates are counted from (default: the text's own
    dateline, else ``doc_date``). ``dateline`` says that ``text`` is part of an article that opens
    with a dateline of ``weekday_anchor``'s day (a sentence read on its own): "the previous day" then
    counts from it. Counts, ordinals, list numbers and volume numbers are not dates.
    """
    lower = text.lower()
    if not (any(part in lower for part in ANY_FEATURE) or has_feature("digit", text, lower)):
        return []
    opened_by_dateline = dateline and weekday_anchor is not None
    opening = find_dateline(text, doc_date=doc_date)
    doc, precision = _parse_iso_partial(doc_date)
    anchor = (
        _parse_iso_day(weekday_anchor)
        or (_parse_iso_day(opening.start_date) if opening else None)
        or (doc if precision == "day" else None)
    )
    ctx = Context(doc, anchor, doc_precision=precision)
    future_ctx = Context(doc, anchor, True, doc_precision=precision)
    futures = (
        [
            marker.end()
            for marker in FUTURE.finditer(text)
            # (a plan told in the past is no future: "was supposed to be held on Friday", "was
            # scheduled to open on Friday" in a report after it)
            if not _PAST_PLAN.search(text, max(0, marker.start() - 24), marker.start())
        ]
        if "will" in lower or " to" in lower or "prepar" in lower or " on " in lower
        else []
    )
    scopes = (
        _fronted_years(text, doc) if ("year" in lower or has_feature("digit", text, lower)) else []
    )
    found: list[DateMention] = [opening] if opening else []
    taken: list[tuple[int, int]] = [(opening.start, opening.end)] if opening else []
    present: dict[str, bool] = {}
    for pattern, reader, needs in _RULES:
        passed = True
        for need in needs:
            if need not in present:
                present[need] = has_feature(need, text, lower)
            if not present[need]:
                passed = False
                break
        if not passed:
            continue
        for match in pattern.finditer(text):
            if _overlaps(taken, match.start(), match.end()):
                continue
            if match.group(0)[:1].isdigit() and not date_numeric.not_a_number_label(match):
                continue
            near = _NEAR_ONLY.search(match.group(0)) is not None
            here = (
                future_ctx
                if futures
                and _after_future(
                    text, futures, match.start(), reach=_NEAR_REACH if near else _FUTURE_REACH
                )
                else ctx
            )
            if scopes and not _REPORTED.search(text, max(0, match.start() - 40), match.start()):
                here = _in_scope(scopes, match.start(), here)
            for finding in reader(match, here):
                if _overlaps(taken, finding.start, finding.end):
                    continue
                taken.append((finding.start, finding.end))
                if finding.kind:
                    found.append(_mention(text, *finding))
    if (found or anchor is not None) and (
        "on the" in lower or "between the" in lower or "from the" in lower
    ):
        _days_of_named_month(text, found, taken, anchor, futures)
    if (found or opened_by_dateline) and any(word in lower for word in _NEIGHBOUR_WORDS):
        _neighbour_days(text, found, taken, ctx, opened_by_dateline)
    found.sort(key=lambda mention: (mention.start, mention.end))
    if len(found) > 1:
        found = carried_years(text, found)  # "on 11 September 1961 and adjourned on 18 September"
    return _without_counts_from_named_days(_joined_weekdays(text, _with_own_weekday(text, found)))


_PAST_PLAN = re.compile(r"\b(?:was|were|had\s+been)\s+(?:supposed\s+|originally\s+|initially\s+)?$")


def _weekday_of(value: str | None) -> str:
    """The first three letters of the weekday of an ISO day ("fri"), or "" when not a day."""
    day = _parse_iso_day(value)
    return day.strftime("%a").lower() if day is not None and value and len(value) == 10 else ""


def _with_own_weekday(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "a 30 December (Friday) meeting": a day and its own weekday in brackets, one mention."""
    if "(" not in text:
        return found
    result: list[DateMention] = []
    for mention in found:
        last = result[-1] if result else None
        if (
            last is not None
            and mention.kind == "weekday"
            and last.precision == "day"
            and last.start_date == last.end_date
            and _weekday_of(last.start_date) == mention.text[:3].lower()
            and re.fullmatch(r"\s*\(", text[last.end : mention.start])
            and text[mention.end : mention.end + 1] == ")"
        ):
            end = mention.end + 1
            result[-1] = replace(last, end=end, text=text[last.start : end])
            continue
        result.append(mention)
    return result


def _joined_weekdays(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "on Tuesday and Wednesday", two days in a row: one mention of both days (a meeting held
    on them lasted from the first to the second)."""
    result: list[DateMention] = []
    for mention in found:
        last = result[-1] if result else None
        first_day = _parse_iso_day(last.start_date) if last is not None else None
        second_day = _parse_iso_day(mention.start_date)
        if (
            last is not None
            and first_day is not None
            and second_day is not None
            and last.kind == mention.kind == "weekday"
            and last.start_date == last.end_date
            and (second_day - first_day).days == 1
            and re.fullmatch(r"\s+and\s+", text[last.end : mention.start])
        ):
            result[-1] = DateMention(
                last.start,
                mention.end,
                text[last.start : mention.end],
                last.start_date,
                mention.end_date,
                last.precision,
                last.year_inferred,
                "weekday",
                last.basis,
            )
            continue
        result.append(mention)
    return result


# A year fronted at the start of a sentence: "Last year, the North held sessions in January and
# September"; "In 1956 the plenum met in August". The yearless months and days of the rest of that
# sentence are its (not "In 1998 and 2000 ...").
_FRONTED_YEAR = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=--\s)|(?<=—\s))\s*(?:(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ee]arly\s+in|"
    r"[Ll]ater\s+in|[Ll]ate\s+in)\s+)?(?:(?P<year>1[89]\d\d|20\d\d)|(?P<rel>[Ll]ast|[Tt]his)\s+year)"
    r"(?:\s*,\s|\s(?!(?:and|or|to|through|till|until|alone)\b|[-–—]|\d))"
)
# "In 2011, unemployment came to 2.8 million, an official said on Jan. 31": the day of the report
# is the report's (the publication year's), not the fronted year's.
_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|noted|disclosed|revealed|released|published|"
    r"quoted|according\s+to\s+\w+)\s+(?:\w+\s+)?(?:on\s+|in\s+)?$"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“]|\s*$)")


def _fronted_years(text: str, doc: dt.date | None) -> list[tuple[int, int, int, bool]]:
    """(start, end, year) of each sentence scoped by a fronted year (see _FRONTED_YEAR)."""
    scopes = []
    for match in _FRONTED_YEAR.finditer(text):
        if match.group("year"):
            year, told = int(match.group("year")), True
        elif doc is not None:
            year, told = doc.year - (1 if match.group("rel").lower() == "last" else 0), False
        else:
            continue
        end = _SENTENCE_END.search(text, match.end())
        scopes.append((match.end(), end.start() if end else len(text), year, told))
    return scopes


def _in_scope(scopes: list[tuple[int, int, int, bool]], at: int, ctx: Context) -> Context:
    """``ctx`` with the fronted year of the sentence ``at`` lies in, if any, as the year of its
    yearless dates (relative dates still count from the anchor)."""
    for start, end, year, told in scopes:
        if start <= at < end:
            return replace(ctx, fronted_year=year, year_told=told)
    return ctx


_DAYS_AGO = re.compile(r"(?i:days?|weeks?)\s+(?i:ago|back|hence|from)")
_AGO = re.compile(r"\s(?i:ago|back|hence)$|\s(?i:from\s+(?:now|today))$")


def _without_counts_from_named_days(found: list[DateMention]) -> list[DateMention]:
    """Drop a count back ("ten days ago", "three years ago") after a date the text names, when it
    may count from that date rather than from the report's day: "as of April 25, 20 cm higher than
    ten days ago", "in 1963 compared with three years ago". A year told in apposition ("in July
    1961, 50 years ago") agrees with the count and is kept."""
    kept: list[DateMention] = []
    for mention in found:
        if mention.kind == "relative" and _AGO.search(mention.text):
            days = [m for m in kept if m.kind not in ("relative", "weekday", "dateline")]
            if _DAYS_AGO.search(mention.text) and any(m.precision == "day" for m in days):
                continue
            named = [m for m in kept if m.basis == "text" and m.kind != "dateline"]
            if named and not any(
                m.start_date[:4] <= mention.start_date[:4] <= m.end_date[:4] for m in named
            ):
                continue
        kept.append(mention)
    return kept


def date_mention_to_json(mention: DateMention) -> dict[str, Any]:
    """The JSON form of a date mention (as printed by ``wpk-archive dates --json``): character
    offsets into the text, and dates written as in the timeline."""
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "start_date": mention.start_date,
        "end_date": mention.end_date,
        "precision": mention.precision,
        "year_inferred": mention.year_inferred,
    }
