"""Years counted from a year the text told before (see :mod:`wpk_archive.core.dates`).

"The following year", "the previous year", "the preceding year", "a year later", "a year
earlier", "three years later", "two years before": a year counted from the last
date the same paragraph told before it ("He was elected in 1994. The following year he died":
1995). With no date before it in its paragraph the phrase is not read: "sales rose from a year
earlier" counts from a time the text does not give. "The next year" is not read (as often the
coming year as the one after the told one: "the Day of the Sun of the next year" in 2011 is 2012),
nor "from 2007 to the previous year" (the year before the report's), nor a count set after the
date it describes ("from February of 2010, 16 years later", counted from an earlier event); "The
year before last" keeps its own reading.
"""

from __future__ import annotations

import re

from wpk_archive.core.date_parts import MAX_YEAR
from wpk_archive.core.date_values import DateMention, mention_over, overlaps

_COUNT = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

_YEARS_AFTER = re.compile(
    r"(?<![\w'’-])(?<!\b(?i:to)\s)(?<!\b(?i:until)\s)(?<!\b(?i:till)\s)(?<!\b(?i:through)\s)"
    r"(?:(?i:the)\s+(?P<rel>(?i:following|previous|preceding|subsequent))\s+"
    r"(?i:year)(?!['’]s|\s+(?:or|and)\b)"
    r"|(?i:the)\s+(?i:year)\s+(?P<rel2>(?i:before|after))(?!\s+(?:last|next)\b)(?=\s*[,.;]|\s+[a-z])"
    r"|(?P<n>(?i:a|one|two|three|four|five|six|seven|eight|nine|ten)|[1-9]\d?)\s+"
    r"(?i:years?)\s+(?P<dir>(?i:later|earlier|afterwards|before))(?!\s+(?:than|the|that)\b))\b"
)


def years_after(text: str, found: list[DateMention], taken: list[tuple[int, int]]) -> None:
    """Add the years counted from a year the paragraph told before (see the module docstring)."""
    for match in _YEARS_AFTER.finditer(text):
        if overlaps(taken, *match.span()):
            continue
        paragraph = text.rfind("\n\n", 0, match.start()) + 1
        earlier = [m for m in found if paragraph <= m.start and m.end <= match.start()]
        if not earlier:
            continue
        base = max(earlier, key=lambda m: m.end)
        if re.fullmatch(r"[\s,(–—-]*", text[base.end : match.start()]):
            continue  # "from February of 2010, 16 years later": the date itself, counted from another
        rel = (match.group("rel") or match.group("rel2") or match.group("dir") or "").lower()
        back = rel in ("previous", "preceding", "before", "earlier")
        count = 1
        if match.group("n"):
            number = match.group("n").lower()
            count = _COUNT[number] if number in _COUNT else int(number)
        from_year = int((base.start_date if back else base.end_date)[:4])
        year = from_year - count if back else from_year + count
        if not 1 <= year <= MAX_YEAR:
            continue
        taken.append(match.span())
        found.append(
            mention_over(
                text,
                match.start(),
                match.end(),
                f"{year:04d}",
                f"{year:04d}",
                base.year_inferred,
                "relative",
            )
        )


__all__ = ["years_after"]
