"""Readers for the short written forms of a day (see :mod:`wpk_archive.core.dates`): a month joined
to its day by a hyphen or slash ("Oct-2", "oct-02", "Jan/3", "Nov/2") and a month set off from an
ordinal day by a comma ("October, 1st"). A day above 9 after a hyphen or slash is read only with
its suffix ("Oct-20th"): "The Sep-20 meeting" may be of September 2020.

Both are yearless: the year comes from the publication date as for "October 2". A lower-case
month is read only when it is no common word (not "may", "mar", "march"); a number after the
day ("Oct-2-2012", "Oct/2/12", "October, 1st 2019") leaves the form to the rules for whole
dates, and "Oct-2s" or "Jan-3 missile" stay names.
"""

from __future__ import annotations

import re

from wpk_archive.core.date_parts import M_ANY, M_CAP_FULL, M_LOW_FULL, RECURRING
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Parts,
    Reader,
    claim,
    month_number,
    resolve,
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


_AFTER = r"(?![\w/.-]\d|\d|\w|[-/]\w|\s*,?\s*\d|\s+(?:[A-Z]|missiles?|rockets?|class)\b)"

FORM_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
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
