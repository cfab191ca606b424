"""Word-order guards and two small forms of the date reader (see :mod:`wpk_archive.core.dates`).

- A year written before a month ("1961 September 11", "2024 Aug") is read year-first only when it
  does not close a written day just before it and sits on the month's line: in "July 13th 2014
  July 14th 2014" the first 2014 belongs to July 13th (the English order), and in a list of lines
  "2023" over "January UTC" are two items (:func:`year_first`, a wrapper of the rules' readers).
- A year opening a sentence as the subject of a singular verb is that year: "2014 was a good year",
  "2019 saw record harvests" (:data:`ORDER_RULES`); a count before a noun or a plural verb
  ("2000 observers", "2000 were killed") stays a number, as the bare-year rule keeps it.
- A list of dates written one after another with only spaces and punctuation between them
  ("July 12th, 2014. July 13th, July 14th", "2014. July 13th July 14th") carries the year its
  first item writes to the yearless items after it, as a table or a list of days does
  (:func:`listed_years`); an item that goes on into a sentence ("... 1953. July 27 is marked as
  ...") leaves the list, and takes its year from the publication as usual.
- "day after tomorrow" and "day before yesterday" without "the" ("Day after tomorrow, the
  delegation leaves") are the day two days after or before the anchor, as with "the"
  (:data:`ORDER_RULES`); "a day after tomorrow's vote" or "every day before yesterday" are not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from wpk_archive.core.date_carry import shifted
from wpk_archive.core.date_parts import M_ANY, MAX_YEAR, MIN_BARE_YEAR
from wpk_archive.core.date_reckoning import Context, Found, Reader, day_iso
from wpk_archive.core.date_values import DateMention

_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_CLOSES_A_DAY = re.compile(
    rf"(?:{M_ANY}\.?\s+{_DAY_NUMBER}|(?<!\d){_DAY_NUMBER}\s+(?:(?i:of)\s+)?{M_ANY}\.?)\s*,?\s*$"
)
"""Text before a year that the year closes: "July 13th ", "13 July ", "the 13th of July, "."""


def year_first(reader: Reader) -> Reader:
    """``reader`` for a rule whose match opens with a year before its month, refusing a year that
    closes a written day before it or a month on the next line."""

    def read(match: re.Match[str], ctx: Context) -> list[Found]:
        lead = re.match(r"\d{4}[\s,]*", match.group(0))  # the year and the space after it
        if lead is not None and "\n" in lead.group(0):
            return []
        before = match.string[max(0, match.start() - 30) : match.start()]
        if _CLOSES_A_DAY.search(before):
            return []
        return reader(match, ctx)

    return read


_SUBJECT_VERB = (
    r"was|is|has|had|saw|sees|marked|marks|brought|brings|began|begins|ended|ends|became|"
    r"becomes|proved|remains|remained|will|would|could|promises|looks|seemed|turned|witnessed"
)
_SENTENCE_YEAR = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?P<y>(?:19|20)\d\d)(?=\s+(?:{_SUBJECT_VERB})\b)"
)


def _sentence_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for a year opening a sentence before a singular verb ("2014 was good")."""
    year = int(match.group("y"))
    if not MIN_BARE_YEAR <= year <= MAX_YEAR:
        return []
    return [Found(match.start("y"), match.end("y"), f"{year}", f"{year}", False, "year")]


def _two_days_off(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "day after tomorrow" / "day before yesterday" without "the"."""
    anchor = ctx.anchor or (ctx.doc_date if ctx.doc_precision == "day" else None)
    if anchor is None:
        return []
    step = 2 if match.group("way").lower().startswith("after") else -2
    value = day_iso(anchor + dt.timedelta(days=step))
    if value is None:
        return []
    return [Found(match.start(), match.end(), value, value, True, "relative")]


ORDER_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (_SENTENCE_YEAR, _sentence_year, ("digit",)),
    (
        re.compile(
            r"(?<![\w'’-])(?<!(?i:the)\s)(?<!(?i:one)\s)(?<!(?i:any)\s)(?<!(?i:each)\s)"
            r"(?<!(?i:every)\s)(?<!\b(?i:a)\s)(?i:day)\s+"
            r"(?P<way>(?i:after)\s+(?i:tomorrow)|(?i:before)\s+(?i:yesterday))\b(?!['’])"
        ),
        _two_days_off,
        ("dayword",),
    ),
]


_LIST_GAP = re.compile(r"[\s,.;:|/]{1,8}")
"""What separates two items of a list of dates: spaces and punctuation only."""
_LIST_END = re.compile(r"[\s,.;:|/]*$")


def listed_years(text: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` (in text order) with the year of the first item of a list of dates carried to the
    yearless days and months after it (see the module's docstring)."""
    result: list[DateMention] = []
    year: int | None = None
    month = 0
    for index, mention in enumerate(found):
        previous = result[-1] if result else None
        in_list = previous is not None and _LIST_GAP.fullmatch(text[previous.end : mention.start])
        if not in_list:
            year = None
        if (
            year is not None
            and mention.year_inferred
            and mention.kind == "date"
            and mention.precision in ("day", "month")
        ):
            following = found[index + 1] if index + 1 < len(found) else None
            rest = text[mention.end : following.start if following else len(text)]
            ends_list = _LIST_END.fullmatch(rest.split("\n", 1)[0]) is not None
            if (following is not None and _LIST_GAP.fullmatch(rest)) or ends_list:
                wanted = year + 1 if month and int(mention.start_date[5:7]) < month else year
                shift = wanted - int(mention.start_date[:4])
                mention = replace(
                    mention,
                    start_date=shifted(mention.start_date, shift),
                    end_date=shifted(mention.end_date, shift),
                    year_inferred=False,
                )
        if not mention.year_inferred and mention.kind in ("date", "year"):
            year = int(mention.end_date[:4])
            month = int(mention.end_date[5:7]) if len(mention.end_date) >= 7 else 0
        elif mention.year_inferred:
            year = None
        result.append(mention)
    return result
