"""Readers for the short written forms of a day (see :mod:`wpk_archive.core.dates`): a month joined
to its day by a hyphen or slash ("Oct-2", "oct-02", "Jan/3", "Nov/2") and a month set off from an
ordinal day by a comma ("October, 1st"); a weekday with its month and day in figures ("Friday
7/6", "this friday 5/12"). A day above 9 after a hyphen or slash is read only with
its suffix ("Oct-20th"): "The Sep-20 meeting" may be of September 2020.

Both are yearless: the year comes from the publication date as for "October 2". A lower-case
month is read only when it is no common word (not "may", "mar", "march"); a number after the
day ("Oct-2-2012", "Oct/2/12", "October, 1st 2019") leaves the form to the rules for whole
dates, and "Oct-2s" or "Jan-3 missile" stay names.
"""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_parts import M_ANY, M_CAP_FULL, M_LOW_FULL, RECURRING, WD_FULL
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Parts,
    Reader,
    claim,
    month_number,
    resolve,
    weekday_number,
)

_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_COMMON_WORDS = ("may", "mar", "mar.", "march")


def _short_day(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "Oct-2", "Jan/3", "October, 1st": that day of the month, the year inferred."""
    token = match.group("m")
    if token[:1].islower() and token.lower() in _COMMON_WORDS:
        return []
    if RECURRING.match(match.string, match.end()):
        return claim(match)
    resolved = resolve(
        Parts(None, month_number(token), int(match.group("d") or match.group("d2"))), ctx
    )
    if resolved is None:
        return claim(match)  # "Feb-30": no date
    value, inferred = resolved
    return [Found(match.start(), match.end(), value, value, inferred, "date")]


SCORES = re.compile(
    r"(?i:\b(?:win|wins|won|beat|beats|defeat\w*|scor\w*|lost|loss|draw|drew|victory|match|"
    r"game|final|league|cup|goals?|points?|tie)\b)"
)


def _weekday_numeric(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "Friday 7/6", "this friday 5/12", "Friday 7.6": a weekday told with its month and
    day in figures, which the weekday makes a date (without it "5/12" could be a fraction or a
    score). Month first, as in American use, unless only the other order is a date or only it
    falls on the weekday. Not near a word of sport ("won on Sunday 2-1")."""
    text = match.string
    if SCORES.search(text, max(0, match.start() - 60), min(len(text), match.end() + 40)):
        return []
    if match.group("s") == "." and "," in match.group(0):
        return []  # "on Monday, 1.1p higher": a figure of the report, not the day
    first, second = int(match.group("a")), int(match.group("b"))
    wanted = weekday_number(match.group("wd"))
    options = []
    for month, day in ((first, second), (second, first)):
        resolved = resolve(Parts(None, month, day), ctx) if 1 <= month <= 12 else None
        if resolved is not None:
            options.append(resolved)
    if not options:
        return []
    fitting = [o for o in options if dt.date.fromisoformat(o[0]).weekday() == wanted]
    value, inferred = fitting[0] if len(fitting) == 1 else options[0]
    return [Found(match.start(), match.end(), value, value, inferred, "date")]


_AFTER = r"(?![\w/.-]\d|\d|\w|[-/]\w|\s*,?\s*\d|\s+(?:[A-Z]|missiles?|rockets?|class)\b)"

FORM_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            rf"(?:\b(?i:this|next|last|coming)\s+)?(?P<wd>{WD_FULL}),?\s+(?:\(\s*)?"
            r"(?P<a>0?[1-9]|[12]\d|3[01])(?P<s>[/.-])(?P<b>0?[1-9]|[12]\d|3[01])"
            r"(?!\d|(?P=s)\d|[.,]\d|[A-Za-z]|\s*(?:%|per\b|percent|million|billion|thousand|points?\b))"
            r"(?:\s*\))?"
        ),
        _weekday_numeric,
        ("digit", "weekday"),
    ),
    (  # "this Friday-Jun-15", "this friday (jun-15)": the weekday makes "Jun-15" a day
        re.compile(
            rf"(?:\b(?i:this|next|last|coming)\s+)?{WD_FULL}\s*(?:-|\(\s*)(?P<m>{M_ANY})(?<!\.)-"
            r"(?P<d>0?[1-9]|[12]\d|3[01])(?!\d|-\d)(?:\s*\))?"
        ),
        _short_day,
        ("digit", "month", "weekday"),
    ),
    (
        re.compile(
            rf"(?<![\w/.-])(?P<m>{M_ANY})(?<!\.)[-/]"
            rf"(?:(?P<d>0?[1-9])(?:st|nd|rd|th)?|(?P<d2>[12]\d|3[01])(?:st|nd|rd|th)){_AFTER}"
        ),
        _short_day,
        ("digit", "month", "dash"),
    ),
    (
        re.compile(rf"(?P<m>{M_CAP_FULL}|{M_LOW_FULL}),\s*{_DAY}(?:st|nd|rd|th){_AFTER}"),
        _short_day,
        ("digit", "month"),
    ),
]
