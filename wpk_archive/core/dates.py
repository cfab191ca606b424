"""Date mentions in English text: exact spans, precision, ranges, Juche years, relative dates.

Hand-written grammar (general date libraries read ordinals such as "the 8th Congress" as days and
know no ranges). Every mention carries its half-open character span into the text it was found in.
The grammar: :mod:`date_parts` (fragments, cheap per-rule tests), :mod:`date_reckoning`
(the readers' records, calendar helpers),
:mod:`date_calendar` (quarters, centuries, nth weekday of a month), :mod:`date_numeric`
("2024-06-28", "28.6.2024"), :mod:`date_spans` (ranges and lists), :mod:`date_rules` (single
written dates, months, years, decades, centuries), :mod:`date_forms` ("Oct-2", "October, 1st"),
:mod:`date_relative` ("last year", "three
years ago"), :mod:`date_compound` ("1 month 21 days ago") and :mod:`date_days` (weekdays,
"yesterday"). Rules are tried in that order of
priority (spans, then relative months, then single dates, then relative forms); a span once
claimed is not read again. The passes around the rules (days told through another date, joined
weekdays, fronted years, counts from named days) are in :mod:`date_passes`; the
:class:`DateMention` record, ISO values and the dateline in :mod:`date_values`.

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
  only "the previous ..." in a text with a dateline, and "the next / following ..." in a clause
  of a plan ("I'll go back the next day"), count from the anchor (in a story it is the story's
  day); "previous week" without "the" is last week; "today" only where it dates an event ("arrived here today", "today issued"),
  "tomorrow" only after a future verb of an event, both also after "is/was" closing a clause
  ("The deadline is today.", not "what it is today"), "yesterday" not in "yesterday and today";
  "last / this / next weekend" is the Saturday and Sunday of that Monday-to-Sunday week, "the
  weekend" the current week's (in a clause told in the past on a weekday, the one just gone);
- counts back ("three years ago") that may count from a date the text names ("in 1963 compared
  with three years ago", "as of April 25, higher than ten days ago") are not read, nor counts of
  more than 31 days or 8 weeks (a story's "ninety-six days ago");
- without ``doc_date`` (and anchor) such yearless and relative mentions are *skipped*: a mention is
  only reported when it can be given a date;
- ``basis`` is "text" when the text gives every part of the date at its precision, "dateline"
  when a part came from the dateline or the publication date (then ``year_inferred`` is True too);
- a bare weekday ("on Sunday") is the last such day on or before the anchor, since news reports
  tell of what has just happened, except after a future marker ("will open on Friday", "slated
  for / scheduled for / set for Friday", "due on Friday": the coming one); "last/this/next Sunday" is the Sunday of the previous, current
  or next Monday-to-Sunday week; "last week" is that week's Monday..Sunday (day precision);
- slashed and dotted numeric dates are read only when unambiguous: "28/6/2024" and "6/28/2024"
  (one of the first two numbers above 12) or "3/3/2015" (both equal), or when a weekday written
  before it fits only one order ("Tuesday 11/3/2015") or the other end of a range decides it
  ("8/10/2012 - 8/15/2012"), or dots join a padded day and month to a full year ("05.12.2017"
  is 5 December, the European order); "5/6/2024" is not read; two-digit years only with slashes
  ("10/31/74"), with hyphens when one number is above 12 ("10-31-74"), or closing a written date
  at the end of a clause ("3 Aug 96.", "Aug 9, 96", "Sept '98"; a month alone only with 69-99 or
  an apostrophe), a two-digit year being the latest no more than ten years after the
  publication year ("12/12/30" in 2016 is 1930; without a publication date 69-99 are 19xx and
  00-68 20xx); yearless "2/15" is not read (a fraction or a score as often as a date) except
  after "on / by / until" closing a clause when only one order is a day ("on 4/22"); a day of
  the month alone ("on the 25th", "the week of the 18th") only after a date of the text that
  names its month, or placed near the anchor;
- weeks by their ISO number only where they can be nothing else ("week 3 of 2027", "the week
  31.", "from Week 31 to Week 35", :mod:`date_weeks`); compact days "20161016"
  (:mod:`date_extra_forms`); "from 2010 to the present / to date / till now" runs to the anchor
  (:mod:`date_open_ends`); "29/30 August" and dotted day ranges "14-15.11.2017"
  (:mod:`date_european`);
- a day told by its distance after a named day ("three days after March 3", "a week after this
  Friday", not "for three days from August 28") and a weekday or day told against one ("the
  Monday before May 25", "the day after March 3") are that day (:mod:`date_counted_from`); a year
  told after a yearless date as "'80" or "in the year 1980" is its year (:mod:`date_year_tails`);
  a clipped weekday after next/last/this coming ("next thurs") is read where the clipping is no
  English word ("last sat" is not);
- a month joined to its day or year by a hyphen or slash is read ("10-August 2012",
  "August-10, 2012", "2012/Aug/10", "Sep-2012", "2024-August"), as is a year before a capitalised
  month or its abbreviation ("2024 Aug"); an impossible day ("February 29, 2022", "June 31",
  "32 August 2014", "February 20 - 29, 2022") is no date, and neither its month nor its year is
  read from it;
- "2014-10" is October 2014 but "2011-12" and "1950-53" are the years 2011-2012 and 1950-1953
  (a two-digit second number above the first year's last two digits continues the year);
- "the 20th century" is 1900-1999 (the common reckoning; the 21st is 2000-2099); "the 1990s" is
  1990-1999; "the '70s" only for '30s..'90s (the '20s could be either century);
- seasons and "early / mid / late / the end of" keep the precision the text gives: "the spring of
  1950" and "early 1980" are the year, "early June 2016" the month;
- quarters and halves are month ranges; "the first week of October" is the first Monday-to-Sunday
  week with six of its days in October (a week cut by the month's last day counts when its
  Thursday is in the month; the weeks of a year and of January are ISO weeks: "the first week of
  2015" is December 29 - January 4);
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

import re

from wpk_archive.core import (
    date_compound,
    date_days,
    date_deictic,
    date_european,
    date_extra_forms,
    date_forms,
    date_numeric,
    date_order,
    date_periods,
    date_relative,
    date_rules,
    date_spans,
    date_weeks,
    date_years_after,
)
from wpk_archive.core.date_carry import carried_years
from wpk_archive.core.date_counted_from import counted_from_days
from wpk_archive.core.date_joins import joined_ranges
from wpk_archive.core.date_open_ends import open_ended
from wpk_archive.core.date_parts import (
    ANY_FEATURE,
    FUTURE,
    JUCHE_OFFSET,
    MAX_YEAR,
    MIN_BARE_YEAR,
    MIN_YEAR,
    MONTHS,
    WEEKDAYS,
    has_feature,
)
from wpk_archive.core.date_passes import (
    FUTURE_REACH,
    after_future,
    days_of_named_month,
    fronted_years,
    in_scope,
    joined_weekdays,
    neighbour_days,
    with_lead_words,
    with_own_weekday,
    without_counts_from_named_days,
)
from wpk_archive.core.date_reckoning import Context, Reader, year_from_expression
from wpk_archive.core.date_spelled import read_spelled
from wpk_archive.core.date_values import (
    DateMention,
    date_mention_to_json,
    find_dateline,
    mention_over,
    overlaps,
    parse_date_value,
    parse_iso_day,
    parse_iso_partial,
)
from wpk_archive.core.date_year_tails import read_year_tails

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


_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    *date_european.EUROPEAN_RULES,
    *date_numeric.NUMERIC_RULES,
    *date_spans.SPAN_RULES,
    *date_weeks.WEEK_RULES,
    *date_extra_forms.EXTRA_SPAN_RULES,
    *date_periods.PERIOD_RULES,
    *date_rules.NTH_RULES,
    *date_relative.NTH_MONTH_RULES,
    *date_relative.MONTH_RULES,
    *date_rules.SINGLE_RULES,
    *date_forms.FORM_RULES,
    *date_extra_forms.EXTRA_RULES,
    *date_compound.COMPOUND_RULES,
    *date_relative.RELATIVE_RULES,
    *date_order.ORDER_RULES,
    *date_deictic.DEICTIC_RULES,
    *date_days.DAY_RULES,
]
_NEIGHBOUR_WORDS = ("previous", "preceding", "following", "next")
_NEAR_REACH = 60
_NEAR_ONLY = re.compile(r"(?i)\btomorrow\b|\btonight\b|\bweek\b")
"""A day counted from today: a future marker reaches it only from close by."""


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
    counts from it. Counts, ordinals, list numbers and volume numbers are not dates. Years and
    days written in words are read as their figures would be (:mod:`date_spelled`), and a year told
    after a date as "'80" or "in the year 1980" as if written there in figures
    (:mod:`date_year_tails`).
    """

    doc_year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None

    def read_figures(figures: str) -> list[DateMention]:
        return _find_dates(
            figures, doc_date=doc_date, weekday_anchor=weekday_anchor, dateline=dateline
        )

    def read(figures: str) -> list[DateMention]:
        return read_year_tails(figures, read_figures, doc_year)

    spelled = read_spelled(text, read)
    return spelled if spelled is not None else read(text)


def _find_dates(
    text: str, *, doc_date: str | None, weekday_anchor: str | None, dateline: bool
) -> list[DateMention]:
    """:func:`find_dates` on a text with its numbers in figures."""
    lower = text.lower()
    if not (any(part in lower for part in ANY_FEATURE) or has_feature("digit", text, lower)):
        return []
    opened_by_dateline = dateline and weekday_anchor is not None
    opening = find_dateline(text, doc_date=doc_date)
    doc, precision = parse_iso_partial(doc_date)
    anchor = (
        parse_iso_day(weekday_anchor)
        or (parse_iso_day(opening.start_date) if opening else None)
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
        if any(cue in lower for cue in _FUTURE_CUES)
        else []
    )
    scopes = (
        fronted_years(text, doc) if ("year" in lower or has_feature("digit", text, lower)) else []
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
            if overlaps(taken, match.start(), match.end()):
                continue
            if match.group(0)[:1].isdigit() and not date_numeric.not_a_number_label(match):
                continue
            near = _NEAR_ONLY.search(match.group(0)) is not None
            here = (
                future_ctx
                if futures
                and after_future(
                    text, futures, match.start(), reach=_NEAR_REACH if near else FUTURE_REACH
                )
                else ctx
            )
            if scopes and not _REPORTED.search(text, max(0, match.start() - 40), match.start()):
                here = in_scope(scopes, match.start(), here)
            for finding in reader(match, here):
                if overlaps(taken, finding.start, finding.end):
                    continue
                taken.append((finding.start, finding.end))
                if finding.kind:
                    found.append(mention_over(text, *finding))
    if (found or anchor is not None) and (
        "on the" in lower or "between the" in lower or "from the" in lower or "week of the" in lower
    ):
        days_of_named_month(text, found, taken, anchor, futures)
    if (found or opened_by_dateline or anchor is not None) and any(
        word in lower for word in _NEIGHBOUR_WORDS
    ):
        neighbour_days(text, found, taken, ctx, opened_by_dateline)
    if found and "year" in lower:
        date_years_after.years_after(text, found, taken)  # "In 1994 ... The following year"
    found.sort(key=lambda mention: (mention.start, mention.end))
    if len(found) > 1:
        found = carried_years(text, found)  # "on 11 September 1961 and adjourned on 18 September"
        found = date_order.listed_years(text, found)  # "July 12th, 2014. July 13th, July 14th"
    found = joined_weekdays(text, with_own_weekday(text, found))
    # "a week after this Friday", "the Monday before May 25"
    if found and _COUNTED_FROM_CUES.search(text):
        found = counted_from_days(text, found)
    found = without_counts_from_named_days(joined_ranges(text, found))
    if found and anchor is not None and _OPEN_END_CUES.search(text):
        found = open_ended(text, found, anchor)
    if any(word in lower for word in _LEAD_CUES):
        found = with_lead_words(text, found)
    return found


_COUNTED_FROM_CUES = re.compile(r"(?i)\b(?:days?|weeks?)\s+after\b|day\s+(?:before|after)\b")
"""Words a text needs for :func:`counted_from_days` to be tried."""
_OPEN_END_CUES = re.compile(r"(?i)\b(?:now|present|current\s+date|date|today|yesterday)\b")
"""Words one of which a text needs for :func:`open_ended` to be tried."""
_LEAD_CUES = ("year", "starting", "beginning", "commencing", " as ", "later than")
"""Words one of which a text needs for :func:`with_lead_words` to be tried."""
_FUTURE_CUES = (
    "will",
    " to",
    "prepar",
    " on ",
    "slated",
    "scheduled",
    "set for",
    "due",
    "planned",
    "opens ",
    "convenes ",
    "begins ",
    "starts ",
    "kicks off ",
)
"""Words one of which a text needs for a future marker (:data:`FUTURE`) to be looked for."""
_PAST_PLAN = re.compile(r"\b(?:was|were|had\s+been)\s+(?:supposed\s+|originally\s+|initially\s+)?$")


# "In 2011, unemployment came to 2.8 million, an official said on Jan. 31": the day of the report
# is the report's (the publication year's), not the fronted year's.
_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|noted|disclosed|revealed|released|published|"
    r"quoted|according\s+to\s+\w+)\s+(?:\w+\s+)?(?:on\s+|in\s+)?$"
)
