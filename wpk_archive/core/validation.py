"""Checks of values typed by people or read from files (one rule for every caller).

``parse_date_value`` is the archive's date rule: YYYY, YYYY-MM or YYYY-MM-DD, each part in range,
the day one that exists in that month (2012-02-30 and 2011-02-29 are refused, 2012-02-29 is not).
"""

from __future__ import annotations

import calendar
import re

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date_value(value: str) -> str | None:
    """The date ``value`` as written (stripped) when it is a real date at year, month or day
    precision, else None."""
    text = value.strip()
    m = _DATE.match(text)
    if not m:
        return None
    year = int(m.group(1))
    if year < 1:
        return None
    if m.group(2) is None:
        return text
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None
    if m.group(3) is None:
        return text
    day = int(m.group(3))
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return text
