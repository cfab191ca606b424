"""A year written once and carried to the yearless days after it in the same sentence.

"The Fourth Congress convened on 11 September 1961 and adjourned on 18 September": a reader takes
1961 for the 18th, not the publication's year. The carried year replaces the inferred one only
where a word of sequence joins the two dates ("and", "to", "until", "closed", "ended" ...) within
one clause, and not across a report or an anniversary ("On the anniversary of 25 June 1950,
state media said on June 25 ...").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol, TypeVar


class _Dated(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def start_date(self) -> str: ...
    @property
    def end_date(self) -> str: ...
    @property
    def precision(self) -> str: ...
    @property
    def year_inferred(self) -> bool: ...
    @property
    def kind(self) -> str: ...


D = TypeVar("D", bound=_Dated)

_JOINED = re.compile(
    r"\b(?:and|to|until|till|through|then|before|after|closed|closing|ended|adjourned|concluded|"
    r"lasted|reopened|resumed|continued|wound\s+up|wrapped\s+up)\b",
    re.IGNORECASE,
)
_NOT_JOINED = re.compile(
    r"[.;:!?]\s|\b(?:said|says|reported|announced|anniversary|marked|marking|commemorat\w*|today|"
    r"now|this\s+year|last\s+year)\b",
    re.IGNORECASE,
)
_FORWARD = re.compile(
    r"\b(?:and|to|until|till|through|then|closed|closing|ended|adjourned|concluded|lasted|"
    r"reopened|resumed|continued|wound\s+up|wrapped\s+up)\b",
    re.IGNORECASE,
)
_BACK = re.compile(r"\bafter\b", re.IGNORECASE)  # "X, after ... Y": Y came first
_REACH = 90


def carried_years(text: str, found: list[D]) -> list[D]:
    """``found`` (in text order) with the inferred year of a yearless day or month replaced by the
    year of a full date just before it that a word of sequence joins to it."""
    result: list[D] = []
    told: D | None = None
    for mention in found:
        if (
            told is not None
            and mention.year_inferred
            and mention.kind == "date"
            and mention.precision in ("day", "month")
            and 0 <= mention.start - told.end <= _REACH
        ):
            gap = text[told.end : mention.start]
            year = int(told.end_date[:4])
            if _BACK.search(gap) and not _FORWARD.search(gap):
                # "on August 29, 2019, after the previous amendment ... on April 11": before it
                if mention.start_date[5:] > told.start_date[5:]:
                    year -= 1
            elif mention.start_date[5:7] < told.end_date[5:7]:
                year += 1  # "from 28 December 1961 to 2 January": the year after
            if (
                _JOINED.search(gap)
                and not _NOT_JOINED.search(gap)
                and year != int(mention.start_date[:4])
            ):
                shift = year - int(mention.start_date[:4])
                mention = replace(  # type: ignore[type-var]
                    mention,
                    start_date=shifted(mention.start_date, shift),
                    end_date=shifted(mention.end_date, shift),
                    year_inferred=False,
                )
        if not mention.year_inferred and mention.kind == "date" and len(mention.end_date) >= 7:
            told = mention
        result.append(mention)
    return result


def shifted(value: str, shift: int) -> str:
    """ISO date ``value`` moved by ``shift`` years (29 February to the 28th off leap years)."""
    year, rest = int(value[:4]) + shift, value[4:]
    return f"{year:04d}{'-02-28' if rest == '-02-29' else rest}"


__all__ = ["carried_years", "shifted"]
