"""The passes :func:`wpk_archive.core.dates.find_dates` runs around its rules: days told through
another date of the text, dates joined or dropped after the rules have read them, and the scope
of a fronted year.

Rules:
- "on the 25th", "between the 12th and the 14th", "the week of the 18th": the days of the month an
  earlier mention names; without one, the days nearest the anchor in its month or the month before
  or after (after it where a future marker or a plan's word, "please", "I'll", stands before);
  without either, not read;
- "the previous day / the following day / the previous week / the next week" count from the last
  day-precise date named before them, else ("previous" only, in a text that opens with a dateline)
  from the anchor; elsewhere not read;
- a future marker ("will", "plans to") reaches a date only in the same clause, within 150
  characters, with no word of the past between;
- "a 30 December (Friday) meeting" is one mention; "on Tuesday and Wednesday", two days in a row,
  one mention of both days;
- a year fronted at the start of a sentence ("Last year, ...", "In 1956 the plenum met in August")
  is the year of that sentence's yearless dates;
- a count back ("ten days ago", "three years ago") after a date the text names, which may count
  from that date, is dropped (a year told in apposition, "in July 1961, 50 years ago", is kept)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from wpk_archive.core.date_calendar import place_day
from wpk_archive.core.date_parts import D_SUFFIXED, WD_FULL
from wpk_archive.core.date_reckoning import Context, day_iso, iso, week_start, weekday_number
from wpk_archive.core.date_values import DateMention, mention_over, overlaps, parse_iso_day

_NEIGHBOUR = re.compile(
    r"(?:\b(?i:(?:the\s+)?(?:beginning|end|start|middle)\s+of)\s+)?"
    r"\b(?:(?P<the>[Tt]he)\s+)?(?P<rel>previous|preceding|following|next)\s+"
    rf"(?:(?P<u>day|week)\b|(?P<wd>{WD_FULL}))"
    r"(?!\s+(?:of|before|after)\b)"
)
_ON_THE_DAY = re.compile(
    rf"\b[Oo]n\s+(?P<day>the\s+{D_SUFFIXED})(?=\s*(?:[.,;:)]|and\b|$))"
    # "were held between the 12th and the 14th", "from the 10th to the 13th"
    rf"|\b(?:[Bb]etween|[Ff]rom)\s+(?P<first>the\s+{D_SUFFIXED})\s+(?:and|to|till|until|through)\s+"
    rf"(?P<last>(?:the\s+)?{D_SUFFIXED})(?=\s*(?:[.,;:)]|and\b|$|\s+(?:to|in|at|for|with)\b))"
    # "set something up for the week of the 18th": the Monday-to-Sunday week holding that day
    rf"|\b(?:[Tt]he\s+)?[Ww]eek\s+of\s+(?P<week>the\s+{D_SUFFIXED})(?=\s*(?:[.,;:)!?]|and\b|$))"
)


def days_of_named_month(
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
        if match.group("week"):
            start, end = match.span()
        else:
            start, end = (
                match.span("day") if match.group("day") else (match.start("first"), match.end())
            )
        if overlaps(taken, start, end):
            continue
        earlier = [m for m in found if m.end <= start and m.precision != "year"]
        days = [
            int(re.sub(r"\D", "", match.group(name)))
            for name in ("day", "first", "last", "week")
            if match.group(name)
        ]
        if len(days) == 2 and days[1] <= days[0]:
            continue
        if earlier:
            previous = max(earlier, key=lambda m: m.end)
            year, month = int(previous.end_date[:4]), int(previous.end_date[5:7])
            inferred = previous.year_inferred
        elif anchor is not None:
            clause = re.split(r"[.;:!?]", text[max(0, start - 80) : start])[-1]
            ahead = (bool(futures) and after_future(text, futures or [], start)) or bool(
                _AHEAD.search(clause)
            )
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
        if match.group("week"):
            monday = week_start(dt.date(year, month, days[0]))
            first, last = day_iso(monday), day_iso(monday + dt.timedelta(days=6))
            if first is None or last is None:
                continue
        taken.append((start, end))
        kind = "period" if match.group("week") else "date"
        found.append(mention_over(text, start, end, first, last, inferred, kind))


_AHEAD = re.compile(
    r"(?:\b(?:will|shall|is\s+to|are\s+to|going\s+to|plans?\s+to|scheduled?|please)\b|['’]ll\b)",
    re.I,
)
"""In the clause before "the next day" / "the following week" with no day named before: a plan
of the report's own time, so counted from the report's day."""


_SPAN_BEFORE = re.compile(r"\b(?:within|over|during|in)\s+$", re.I)


def neighbour_days(
    text: str,
    found: list[DateMention],
    taken: list[tuple[int, int]],
    ctx: Context,
    opened_by_dateline: bool = False,
) -> None:
    """Add "the previous day" / "the following day" / "the previous week" / "the next week" /
    "the following Friday" (the first Friday after that day; "the previous Friday" the last one
    before it): counted from the last day-precise date named before it in the text, else ("previous" only, in
    a text that opens with a dateline; "next" and "following" in a clause of a plan: "I'll go back
    the next day", "please schedule it for the following week") from the anchor. Elsewhere they
    count from a day the text told before (a story's "the previous day") and are not read."""
    for match in _NEIGHBOUR.finditer(text):
        rel = match.group("rel")
        step = -1 if rel in ("previous", "preceding") else 1
        earlier = [m for m in found if m.end <= match.start() and m.precision == "day"]
        clause = re.split(r"[.;:!?]", text[max(0, match.start() - 80) : match.start()])[-1]
        ahead = (
            step > 0
            and not earlier
            and _AHEAD.search(clause) is not None
            and not _SPAN_BEFORE.search(clause)  # "within the next week": a time span
            and not re.match(r"\s+or\b", text[match.end() :])  # "the next day or two"
        )
        if (
            (rel == "next" and not match.group("the") and not ahead)
            or (match.group("wd") and not match.group("the"))  # "next Friday": date_days
            or overlaps(taken, *match.span())
        ):
            continue
        if earlier:
            base_mention = max(earlier, key=lambda m: m.end)
            base = parse_iso_day(base_mention.start_date if step < 0 else base_mention.end_date)
            inferred = base_mention.year_inferred
        elif (
            step < 0 and (opened_by_dateline or any(m.kind == "dateline" for m in found))
        ) or ahead:
            base, inferred = ctx.anchor, True
        else:
            continue
        if base is None:
            continue
        if match.group("wd"):  # "the following Friday": the first Friday after the day
            wanted = weekday_number(match.group("wd"))
            first = last = (
                base + dt.timedelta(days=(wanted - base.weekday() - 1) % 7 + 1)
                if step > 0
                else base - dt.timedelta(days=(base.weekday() - wanted - 1) % 7 + 1)
            )
        elif match.group("u") == "day":
            first = last = base + dt.timedelta(days=step)
        else:
            first = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
            last = first + dt.timedelta(days=6)
        begin = iso(first.year, first.month, first.day)
        finish = iso(last.year, last.month, last.day)
        if begin is None or finish is None:
            continue
        taken.append(match.span())
        found.append(mention_over(text, *match.span(), begin, finish, inferred, "relative"))


FUTURE_REACH = 150
"""How far after a future marker ("will", "plans to") a date may stand and still be read as to come."""


def after_future(text: str, futures: list[int], at: int, *, reach: int = FUTURE_REACH) -> bool:
    """Whether a future marker ("will", "is expected to") stands shortly before ``at`` in the same
    clause."""
    return any(
        0 <= at - end <= reach
        and not re.search(r"[.;:!?]", text[end:at])
        and not _PAST_VERB.search(text, end, at)
        for end in futures
    )


_PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|took|since|ago|last|previous|earlier)\b"
    r"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)\b(?:held|convened|opened|ended|concluded|closed|met|began|"
    r"started)\b",
    re.I,
)
"""A future marker reaches a date only where no word of the past stands between: "North Korea plans to convene a meeting of its rubber-stamp parliament in Pyongyang in
January" (the next January), but "will discuss the decisions the plenum adopted in June"."""


def _weekday_of(value: str | None) -> str:
    """The first three letters of the weekday of an ISO day ("fri"), or "" when not a day."""
    day = parse_iso_day(value)
    return day.strftime("%a").lower() if day is not None and value and len(value) == 10 else ""


_CLIPPED_WEEKDAY = re.compile(r"\s*\((?P<w>(?i:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun))\.?\)")


def with_own_weekday(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "a 30 December (Friday) meeting", "Nov 12 (Sun)": a day and its own weekday in brackets,
    one mention (a clipped weekday is not read alone, so it is looked for after the day)."""
    if "(" not in text:
        return found
    result: list[DateMention] = []
    for mention in found:
        clipped = _CLIPPED_WEEKDAY.match(text, mention.end)
        if (
            clipped
            and mention.precision == "day"
            and mention.start_date == mention.end_date
            and _weekday_of(mention.start_date) == clipped.group("w")[:3].lower()
        ):
            mention = replace(mention, end=clipped.end(), text=text[mention.start : clipped.end()])
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


def joined_weekdays(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "on Tuesday and Wednesday", two days in a row: one mention of both days (a meeting held
    on them lasted from the first to the second)."""
    result: list[DateMention] = []
    for mention in found:
        last = result[-1] if result else None
        first_day = parse_iso_day(last.start_date) if last is not None else None
        second_day = parse_iso_day(mention.start_date)
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
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“]|\s*$)")


def fronted_years(text: str, doc: dt.date | None) -> list[tuple[int, int, int, bool]]:
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


def in_scope(scopes: list[tuple[int, int, int, bool]], at: int, ctx: Context) -> Context:
    """``ctx`` with the fronted year of the sentence ``at`` lies in, if any, as the year of its
    yearless dates (relative dates still count from the anchor)."""
    for start, end, year, told in scopes:
        if start <= at < end:
            return replace(ctx, fronted_year=year, year_told=told)
    return ctx


_DAYS_AGO = re.compile(r"(?i:days?|weeks?)\s+(?i:ago|back|hence|from)")
_AGO = re.compile(r"\s(?i:ago|back|hence)$|\s(?i:from\s+(?:now|today))$")


def without_counts_from_named_days(found: list[DateMention]) -> list[DateMention]:
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


_LEAD_WORDS = re.compile(
    r"(?:\b(?i:starting|beginning|commencing)(?:\s+(?i:on|from|in))?"
    r"|\b(?i:as\s+(?:early|late|soon)\s+as|no\s+later\s+than|not\s+later\s+than)"
    r"|\b(?i:the)\s+(?i:year))\s+$"
)


def with_lead_words(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "starting January 7th", "beginning on Sep 2019" (the open start of a span), "as late as
    tomorrow", "no later than June 5" (its open end), "the year
    2008": the words that lead the date into its mention; the dates stay as read ("the year"
    only before a bare year)."""
    result: list[DateMention] = []
    for mention in found:
        floor = result[-1].end if result else 0
        lead = _LEAD_WORDS.search(text, max(floor, mention.start - 24), mention.start)
        if lead is not None and (
            not lead.group(0).lower().startswith("the") or mention.kind == "year"
        ):
            mention = replace(mention, start=lead.start(), text=text[lead.start() : mention.end])
        result.append(mention)
    return result
