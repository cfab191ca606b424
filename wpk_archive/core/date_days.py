"""Readers for days told relative to the report's own day (see :mod:`wpk_archive.core.dates`):
weekdays ("on Sunday", "last Sunday", "next Monday", "Wednesday of next week", "Tuesday the
19th", "2 Thursdays ago"), weekends ("last weekend") and day words ("yesterday", "today", "tomorrow", "the day before
yesterday"); and the helpers the relative readers share.

They are resolved against ``Context.anchor`` (the dateline's day, else the publication date) and
need it: without an anchor nothing is reported.
"""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_parts import COUNT, D_SUFFIXED, ORD_WORD, ORDINALS, WD_ABBR, WD_FULL
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Reader,
    add_months,
    count_value,
    day_iso,
    iso,
    week_start,
    weekday_number,
)

_OFFSET = {
    "last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "present": 0, "the": 0,
    "next": 1, "coming": 1, "upcoming": 1, "following": 1,
}  # fmt: skip
NOT_THE = r"(?<![Tt]he\s)(?<![\w-])"
_WEEKDAY_PLURAL = r"(?i:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"
# A clipped weekday after "next / last / this coming": any case for the clippings that are no
# English word, capitalised only for "Wed", "Sat", "Sun" ("last sat", "this sun" are words).
_WD_CLIPPED_SAFE = r"(?<![A-Za-z])(?i:mon|tues?|thu|thur|thurs|fri)\.?(?![A-Za-z'’-])"
_WD_CLIPPED = rf"(?:{_WD_CLIPPED_SAFE}|(?<![A-Za-z])(?:Wed|Sat|Sun)\.?(?![A-Za-z'’-]))"


def group_of(match: re.Match[str], *names: str) -> str | None:
    """The first of the named groups that took part in the match."""
    for name in names:
        if name in match.re.groupindex and match.group(name) is not None:
            return match.group(name)
    return None


def offset(word: str) -> int:
    """The step a relative word takes: last -1, this 0, next +1."""
    words = word.lower().split()
    return _OFFSET[words[-1]] if words else 0


def anchor_of(ctx: Context) -> dt.date | None:
    """The day relative dates count from."""
    return ctx.anchor or (ctx.doc_date if ctx.doc_precision == "day" else None)


def anchor_at(ctx: Context, needed: str) -> dt.date | None:
    """The day relative dates count from, or, for a count that needs only the year ("last year",
    "three years ago", "this June") or only the month ("last month"), a publication date known
    to that precision (a page dated "2010" places "this coming September"); read only its year,
    or its year and month."""
    exact = anchor_of(ctx)
    if exact is not None or ctx.doc_date is None:
        return exact
    if needed == "year" and ctx.doc_precision in ("month", "year"):
        return ctx.doc_date
    if needed == "month" and ctx.doc_precision == "month":
        return ctx.doc_date
    return None


def one_finding(
    match: re.Match[str], value: str | None, kind: str = "relative", span: str | None = None
) -> list[Found]:
    """A single inferred finding over the match (or one of its groups)."""
    if value is None:
        return []
    start, end = match.span(span) if span else match.span()
    return [Found(start, end, value, value, True, kind)]


def _weekdays_ago(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "2 Thursdays ago", "three Fridays from now": that many such days away."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    wanted = weekday_number(match.group("wd"))
    count = count_value(match.group("n"))
    if match.group("dir").lower() in ("ago", "back"):
        day = anchor - dt.timedelta(days=(anchor.weekday() - wanted - 1) % 7 + 1)
        day -= dt.timedelta(weeks=count - 1)
    else:
        day = anchor + dt.timedelta(days=(wanted - anchor.weekday() - 1) % 7 + 1)
        day += dt.timedelta(weeks=count - 1)
    return one_finding(match, day_iso(day), kind="weekday")


_COUNTED_AFTER = re.compile(
    r"\s+(?:in\s+(?:decades|years|months|a\s+(?:decade|year|month)|\d|the\s+(?:past|last|history))|"
    r"such|time|ever|since|one|day|week|meeting|session|congress|plenum|conference|"
    r"of\s+(?:its|their|his|her)\b)",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"\b(?:scor\w*|won|wins?|beat|lost|toll|killed|rose|fell|numbered|total\w*|reached|counted)\b",
    re.I,
)


def _weekday_and_day(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "Tuesday the 19th", "Thu 15th": the nearest month around the anchor (the earlier
    one on a tie) whose day of that number falls on that weekday."""
    anchor = anchor_of(ctx)
    if anchor is None or _COUNTED_AFTER.match(match.string, match.end()):
        return []  # "on Tuesday, the first in decades": a count, the weekday alone is the date
    if match.group("d3"):
        clause = re.split(r"[.;:!?]", match.string[max(0, match.start() - 80) : match.start()])[-1]
        if _COUNTED.search(clause):
            return []  # "the toll rose on Sunday 15."
    wanted = weekday_number(match.group("wd") or match.group("wd2") or match.group("wd3"))
    text = match.group("d") or match.group("d2") or match.group("d3")
    digits = re.sub(r"\D", "", text)
    day = int(digits) if digits else ORDINALS.get(re.sub(r"\s+", " ", text.lower()), 0)
    if not 1 <= day <= 31:
        return []
    for distance in range(7):
        for step in (-distance, distance) if distance else (0,):
            year, month = add_months(anchor.year, anchor.month, step)
            value = iso(year, month, day)
            if value and dt.date(year, month, day).weekday() == wanted:
                return one_finding(match, value, kind="weekday")
    return []


def _weekday_relative(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "last Sunday" / "next Monday" / "this Wednesday" (that weekday of the previous,
    next or current Monday-to-Sunday week), "Wednesday of next week", "last week's Sunday",
    "Friday after next"."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    wanted = weekday_number(group_of(match, "wd", "wd2", "wd3", "wd4", "wd5", "wd6") or "")
    rel = (group_of(match, "rel", "rel2", "rel3", "rel4") or "after").lower()
    if match.group("wd6"):  # "Tuesday before last"
        day = anchor - dt.timedelta(days=(anchor.weekday() - wanted - 1) % 7 + 1 + 7)
    elif rel == "after":
        day = anchor + dt.timedelta(days=(wanted - anchor.weekday() - 1) % 7 + 1 + 7)
    elif rel.endswith("coming"):  # (also "upcoming")
        day = anchor + dt.timedelta(days=(wanted - anchor.weekday() - 1) % 7 + 1)
    elif rel.endswith("past"):
        day = anchor - dt.timedelta(days=(anchor.weekday() - wanted - 1) % 7 + 1)
    else:
        day = week_start(anchor) + dt.timedelta(weeks=offset(rel), days=wanted)
    return one_finding(match, day_iso(day), kind="weekday")


_NOT_THE_WEEKEND = re.compile(
    r"\b(?i:a|an|one|each|every|any|long|whole|entire|that|his|her|its|their|our|my|your|first|"
    r"second|third|fourth|fifth|last|holiday|busy|quiet|of)\s+$"
)
"""Before a bare "weekend": "a long weekend", "every weekend", "their weekend" name no one weekend."""
_PAST_TOLD = re.compile(
    r"\b(?:was|were|had|did|held|met|spent|went|came|took|saw|made|gave|left|said|told|wrote|"
    r"sent|spoke|began|won|lost|fell|rose|brought|found|kept|paid|ran|sold|stood|struck|thought|"
    r"\w+ed)\b",
    re.I,
)


def _weekend(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "last weekend", "this weekend", "next weekend" (the Saturday and Sunday of the
    previous, current or next Monday-to-Sunday week), "this past weekend" (the last one ended
    before the anchor) and "the coming weekend" (the first one beginning after it); "the weekend",
    "on weekend" is the current week's, or in a clause told in the past on a weekday the one just
    gone ("talks were held over the weekend" in a report of Monday)."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    rel_words = (group_of(match, "rel", "rel2", "rel3") or "").lower().split()
    if not rel_words:  # "the weekend", "on weekend"
        if _NOT_THE_WEEKEND.search(match.string, max(0, match.start() - 24), match.start()):
            return []
        clause = re.split(r"[.;:!?]", match.string[max(0, match.start() - 80) : match.start()])[-1]
        told_past = not ctx.future and _PAST_TOLD.search(clause) is not None
        rel_words = ["past" if told_past and anchor.weekday() < 5 else "this"]
    rel = rel_words[-1]
    if rel == "after":  # "the weekend after the next"
        saturday = week_start(anchor) + dt.timedelta(weeks=2, days=5)
    elif rel == "past":
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 6) % 7 or 7) - dt.timedelta(1)
    elif rel == "coming":
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7 or 7)
    else:
        saturday = week_start(anchor) + dt.timedelta(weeks=offset(rel), days=5)
    begin, finish = day_iso(saturday), day_iso(saturday + dt.timedelta(days=1))
    if begin is None or finish is None:
        return []
    return [Found(match.start(), match.end(), begin, finish, True, "relative")]


def _weekday_range(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "from Friday to Sunday", "Friday through Sunday", "between Friday and Sunday":
    the last such end day on or before the anchor, and the start day the nearest before it."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    first = weekday_number(group_of(match, "wd", "wd3") or "")
    last = weekday_number(group_of(match, "wd2", "wd4") or "")
    end = anchor - dt.timedelta(days=(anchor.weekday() - last) % 7)
    start = end - dt.timedelta(days=(last - first) % 7 or 7)
    begin, finish = day_iso(start), day_iso(end)
    if begin is None or finish is None:
        return []
    return [Found(match.start(), match.end(), begin, finish, True, "weekday")]


def _week_weekday_range(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "next week between Wednesday and Friday", "this week from Tue to Thur": those
    days of the week named."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    first = weekday_number(match.group("wd") or match.group("wd_b"))
    last = weekday_number(match.group("wd2"))
    if last < first:
        return []
    monday = week_start(anchor) + dt.timedelta(weeks=offset(match.group("rel")))
    begin = day_iso(monday + dt.timedelta(days=first))
    finish = day_iso(monday + dt.timedelta(days=last))
    if begin is None or finish is None:
        return []
    return [Found(match.start(), match.end(), begin, finish, True, "weekday")]


_NOT_WEEKDAY_BEFORE = re.compile(r"\b(?:Bloody|Palm|Easter|Black|Good|Holy|Super|Cyber|Ash)\s+$")
_NOT_WEEKDAY_AFTER = re.compile(r"\s+(?:School|Times|Telegraph|Post|Express|Mirror|Herald)\b")
_NEIGHBOUR_BEFORE = re.compile(r"\b[Tt]he\s+(?:following|next|previous|preceding)\s+$")
"""Before a weekday that counts from a day the text told ("left the following Friday"): read by
:func:`wpk_archive.core.date_passes.neighbour_days`, not as a bare weekday."""


def _weekday(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for a bare weekday: the last such day on or before the anchor date."""
    anchor = anchor_of(ctx)
    before = match.string[max(0, match.start() - 8) : match.start()]
    if _NOT_WEEKDAY_BEFORE.search(before) or _NOT_WEEKDAY_AFTER.match(match.string, match.end()):
        return []
    if _NEIGHBOUR_BEFORE.search(match.string, max(0, match.start() - 24), match.start()):
        return []
    if anchor is None and ctx.doc_date is not None and ctx.doc_precision == "month":
        # a page dated only "June 2023": its "on Friday" is a day of that month, which one
        # cannot be told (the month, as a reader would annotate it)
        return one_finding(match, ctx.doc_date.strftime("%Y-%m"), kind="weekday", span="wd")
    if anchor is None:
        return []
    wanted = weekday_number(match.group("wd"))
    if ctx.future:  # "the budget will be on the agenda at Wednesday's session": the coming one
        # (today's, in a report of that day: "will hold a plenary session on Wednesday", written
        # on a Wednesday, is that day)
        day = anchor + dt.timedelta(days=(wanted - anchor.weekday()) % 7)
    else:
        day = anchor - dt.timedelta(days=(anchor.weekday() - wanted) % 7)
    return one_finding(match, day_iso(day), kind="weekday", span="wd")


_EVENT_VERB = (
    r"(?:\w+ed|held|met|made|said|sent|gave|took\s+place|began|left|arrived|issued|carried|"
    r"released|opened|closed|published|announced|came|went|saw|won|told|wrote|spoke|paid|led|"
    r"brought|set|put|begun|run|ran|sang|held)"
)
_TODAY_BEFORE = re.compile(
    rf"(?:\b{_EVENT_VERB}\s+(?:(?:here|there|in\s+[A-Z][\w-]+|at\s+[A-Z][\w-]+|on|early|late)\s+)?"
    r"|\b(?:a\.m\.|p\.m\.|earlier|later|until|till|since|as\s+of)\s+"
    # "The Korean Workers' Party opened its sixth congress today"
    r"|\b(?:opened|closed|held|convened|began|started|ended|concluded)\s+(?:its|their|the|an?)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:congress|conference|meeting|session|plenum)\s+)$"
)
_TODAY_AFTER = re.compile(rf"\s+(?:(?:here|again|also)\s+)?{_EVENT_VERB}\b")
_FIGURATIVE = re.compile(r"^(?:\s+(?:and|or)\s+(?:today|tomorrow|yesterday))|^['’]s")
_FIGURATIVE_BEFORE = re.compile(
    r"(?:\b(?:of|for|and|or|the|a|bright|brighter|better|happy|new)\s+)$", re.I
)
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|to)\s+(?:be\s+)?(?:held|open(?:ed)?|closed?|start|begin|end|"
    r"arrive|leave|depart|visit|meet|take\s+place|convene|launch|released?|published)\b[^.;:!?]{0,40}$"
)
# "The deadline is today.", "The vote is tomorrow": the day itself is what the clause says; not
# "what Korea is today", "as it is today" (the present state of things).
_COPULA_BEFORE = re.compile(
    r"^(?!.*\b(?:what|as|how|where)\b[^.;:!?]*$).*\b(?:is|are|was|were|will\s+be)\s+$",
    re.I | re.S,
)
_TOLD_BEFORE = re.compile(r"\b[a-z]{2,}\s+$")
"""Inside a clause, after a lowercase word ("I'll go back today", "the vote falls tomorrow"):
the day itself, unless the words before make it the present state of things."""
_NOWADAYS_BEFORE = re.compile(
    r"(?:\b(?:world|society|country|nation|people|youth|generation|situation|reality|life|era|age|"
    r"times|even|still|only|here|just|like|than|both|is|are|was|were|be|being|been)|[A-Z][\w'’-]*)\s+$"
)
"""Before "today": "Korea today", "the world today", "even today", "as it is today": nowadays."""
_CLAUSE_END = re.compile(r"\s*(?:[.;:!?)]|,|$)")
_MEMORY_BEFORE = re.compile(r"\b(?:seems?|seemed|like|as\s+if|as\s+though)\b[^.;:!?]{0,15}$", re.I)


def _day_word(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "yesterday", "today", "tomorrow", "the day before yesterday", "the day after
    tomorrow", "the day before" (followed by nothing: the day before the anchor).

    "today" counts only where it dates an event ("arrived here today", "today issued"), "tomorrow"
    only in a future clause ("will open tomorrow"); both also after "is/was" ending a clause ("The
    deadline is today.", but not "what Korea is today"); "yesterday and today" and "the world of
    today" are not dates.
    """
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    text = match.string
    word = re.sub(r"\s+", " ", match.group(0).lower())
    before = text[max(0, match.start() - 60) : match.start()]
    after = text[match.end() : match.end() + 20]
    steps = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before": -1}
    steps.update({"the day before yesterday": -2, "the day after tomorrow": 2})
    if word in ("yesterday", "today", "tomorrow"):
        if _FIGURATIVE.match(after) or _FIGURATIVE_BEFORE.search(before[-12:]):
            return []
        if re.search(r"\b(?:today|yesterday|tomorrow)\s+(?:and|or)\s+$", before, re.I):
            return []
        if _MEMORY_BEFORE.search(before):  # "it seems it was yesterday when we swore"
            return []
    copula = bool(_COPULA_BEFORE.search(before) and _CLAUSE_END.match(after))
    told = (
        _TOLD_BEFORE.search(before) is not None and _NOWADAYS_BEFORE.search(before) is None
    ) or (
        not before.strip() and not text[match.end() :].strip(" .!?")
    )  # (or the word alone: "wpk-archive dates tomorrow")
    if word == "today" and not (
        _TODAY_BEFORE.search(before) or _TODAY_AFTER.match(after) or copula or told
    ):
        return []
    if word == "tomorrow" and not (_FUTURE_BEFORE.search(before) or copula or told):
        return []
    if word == "the day before" and not re.match(r"\s*(?:[.,;:)]|$)", after):
        return []
    return one_finding(match, day_iso(anchor + dt.timedelta(days=steps[word])))


# Weekday forms that must come before "this week" / "next week" are read.
WEEKDAY_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            rf"{NOT_THE}(?P<rel>(?i:last|this|next|previous))\s+(?i:week)\s+"
            rf"(?:(?i:from)\s+(?P<wd>{WD_FULL}|{WD_ABBR})\s+(?i:to|through|thru|till|until)\s+"
            rf"|(?i:between)\s+(?P<wd_b>{WD_FULL}|{WD_ABBR})\s+(?i:and)\s+)"
            rf"(?P<wd2>{WD_FULL}|{WD_ABBR})"
        ),
        _week_weekday_range,
        ("week", "wdabbr"),
    ),
    (
        re.compile(
            rf"(?P<n>{COUNT})\s+(?P<wd>{_WEEKDAY_PLURAL})\s+(?P<dir>(?i:ago|back|hence|from\s+now))\b"
        ),
        _weekdays_ago,
        ("ago",),
    ),
    (
        re.compile(
            rf"{NOT_THE}(?P<rel>(?i:last|this|next|past|coming|this\s+coming|this\s+past|this\s+upcoming|"
            rf"upcoming|previous|following))\s+(?P<wd>{WD_FULL}|{_WD_CLIPPED})"
            rf"|(?P<wd2>{WD_FULL}|{_WD_CLIPPED_SAFE}),?\s+(?:(?i:of|from)\s+)?(?P<rel2>(?i:this|last|next|previous))\s+(?i:week)\b"
            r"(?!['’]s)"
            rf"|(?P<rel3>(?i:last|this|next))\s+(?i:week)['’]s\s+(?P<wd3>{WD_FULL})"
            rf"|(?P<wd4>{WD_FULL})\s+after\s+next\b"
            # "Tuesday before last": the one before the last such day
            rf"|(?P<wd6>{WD_FULL})\s+before\s+last\b(?!\s+(?i:week|month|year)\b)"
            # "next week Tuesday", "this week Friday", "next week on Friday", "previous week -
            # Monday": the weekday of the week named before it
            rf"|(?<![Tt]he\s)(?P<rel4>(?i:last|this|next|previous))\s+(?i:week)"
            rf"(?:\s*[,-]\s*|\s+(?i:on\s+)?)(?P<wd5>{WD_FULL})(?!['’]s)"
        ),
        _weekday_relative,
        ("wdabbr", "relword"),
    ),
    (
        re.compile(
            rf"{NOT_THE}(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|past|coming))\s+"
            r"(?i:weekend)\b(?!s)|\b(?i:the)\s+(?P<rel2>(?i:past|coming))\s+(?i:weekend)\b(?!s)"
            r"|\b(?i:the)\s+(?i:weekend)\s+(?P<rel3>(?i:after))\s+(?i:the\s+)?(?i:next)\b"
            # "the weekend", "on weekend", "dinner with mom weekend."
            r"|(?:\b(?i:the)\s+|(?<=\b(?i:on|at)\s)|(?<=\b(?i:over)\s))(?i:weekend)\b"
            r"(?!s|['’]s|[-–]|\s+(?i:of|before|after|when|that|in|at)\b)"
            r"|(?<![\w-])(?<![Tt]he\s)(?i:weekend)(?=\s*(?:[.;!?]|$))"
        ),
        _weekend,
        ("week", "relword"),
    ),
]

# Day words, weekdays with a day number, bare weekdays: the last relative rules.
DAY_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            r"\b(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
            r"|the\s+day\s+before|yesterday|today|tomorrow)\b"
        ),
        _day_word,
        ("dayword",),
    ),
    (
        re.compile(
            rf"(?P<wd>{WD_FULL}|{WD_ABBR}),?\s+(?:(?i:the)\s+)?(?P<d>{D_SUFFIXED})"
            r"(?=\s*(?:[,.;:)!?]|$|[-–]|(?:and|or|at|in|when|to|until|till|through|thru)\b))"
            # "on Monday 21!": a bare number only closing the sentence ("on Monday 21 people")
            rf"|(?P<wd3>{WD_FULL}),?\s+(?P<d3>(?:1\d|2\d|3[01]))(?=\s*(?:[.!?]\s*$|$))"
            # "Thursday the twenty-first": a day in words after "the"
            rf"|(?P<wd2>{WD_FULL}),?\s+(?i:the)\s+(?P<d2>{ORD_WORD})"
            r"(?=\s*(?:[,.;:)!?]|$|(?:and|or|at|in|when)\b))"
        ),
        _weekday_and_day,
        ("wdabbr",),
    ),
    (
        re.compile(
            rf"(?:(?i:from)\s+)?(?P<wd>{WD_FULL})\s+(?i:to|through|thru|till|until)\s+(?P<wd2>{WD_FULL})"
            rf"|(?i:between)\s+(?P<wd3>{WD_FULL})\s+(?i:and)\s+(?P<wd4>{WD_FULL})"
        ),
        _weekday_range,
        ("weekday",),
    ),
    (re.compile(rf"(?P<wd>{WD_FULL})"), _weekday, ("weekday",)),
]
