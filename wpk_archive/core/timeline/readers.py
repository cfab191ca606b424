"""The readers of meeting names: from one pattern match, the meetings it names (kind, term,
number, whose), or none when the match turns out to name another body's meeting.

This module holds what a reader returns (:class:`NamedMeeting`) and what all readers share: a
match's term, numbers and date name, and one meeting per number. An ordinal that counts ("the
second party congress under the current leader") or says when ("the first party congress since
1980") numbers no meeting; "inaugural" or "founding" numbers the first. The readers themselves are
in :mod:`.readers_bodies` (the Central Committee's plenums, the Political Bureau, CMC, Secretariat
and SPA), :mod:`.readers_congress` (congresses and conferences) and :mod:`.readers_local` (lower
organs and local committees). :mod:`.names` holds the patterns and calls these; the vocabulary they
share is in :mod:`.vocabulary`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wpk_archive.core.dates import MONTHS
from wpk_archive.core.timeline.vocabulary import ordinal_value, ordinals


@dataclass(frozen=True)
class NamedMeeting:
    """A meeting named in one sentence (``start``/``end`` relative to the sentence).

    ``term`` and ``number`` are None where the text does not give them. ``explicit``: the name
    itself says whose meeting it is (it names the WPK, or it is the SPA's); a bare "the 9th
    Congress" or "the Party Congress" is not explicit. ``date_name``: the ISO month or year of a
    meeting named by its date. ``noun``: what "the <noun>" in a later sentence may refer back to.
    """

    start: int
    end: int
    kind: str
    term: int | None
    number: int | None
    enlarged: bool = False
    explicit: bool = True
    date_name: str | None = None
    noun: str = "meeting"
    slug: str = ""
    label: str = ""
    plural: bool = False


@dataclass(frozen=True)
class OtherMeeting:
    """A meeting noun that names no WPK or SPA meeting (for anaphora blocking)."""

    start: int
    end: int
    noun: str


def first_group(match: re.Match[str], *names: str) -> str | None:
    """The text of the first of the groups ``names`` that took part in the match."""
    for name in names:
        if name in match.re.groupindex and match.group(name):
            return match.group(name)
    return None


def term_of(match: re.Match[str]) -> int | None:
    value = first_group(
        match, "t", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13"
    )
    return ordinal_value(value) if value else None


def _enlarged(match: re.Match[str]) -> bool:
    return bool(re.search(r"(?i)enlarged|extended|expanded", match.group(0)))


def date_name_of(match: re.Match[str]) -> str | None:
    """ "2023-12" for "December 2023 Plenary Meeting", "2023" for "2023 year-end plenum"."""
    if "dname" not in match.re.groupindex or not match.group("dname"):
        return None
    month_name = first_group(match, "dm1", "dm2", "dm3")
    year = first_group(match, "dy1", "dy2", "dy3", "dy4")
    if month_name and year:
        return f"{year}-{MONTHS[month_name.lower()]:02d}"
    if month_name:  # "the August plenum": the year is the caller's to find
        return f"--{MONTHS[month_name.lower()]:02d}"
    return year


Reader = Callable[[re.Match[str], str], list[NamedMeeting]]


_PLURAL_HEAD = re.compile(
    r"(?i)(?:congresses|conferences|sessions|meetings|plenums|plenaries)$"
    r"|^(?:the\s+)?(?:(?i:enlarged|expanded|plenary|full)\s+)*"
    r"(?i:congresses|conferences|sessions|meetings|plenums)\s+of\s"
)
"""A name whose head is plural ("the previous congresses", "the conferences of the WPK", "plenary
meetings of its Central Committee")."""


def named_meetings(
    match: re.Match[str],
    kind: str,
    numbers: list[int | None],
    *,
    term: int | None,
    explicit: bool,
    noun: str,
    date_name: str | None = None,
    slug: str = "",
    label: str = "",
) -> list[NamedMeeting]:
    """One NamedMeeting per number of a match (two for "the ninth and tenth plenary meetings")."""
    plural = numbers == [None] and _PLURAL_HEAD.search(match.group(0)) is not None
    if plural and slug:
        plural = False  # "The Conferences of South Hamgyong, Ryanggang ...": one a place
    return [
        NamedMeeting(
            match.start(),
            match.end(),
            kind,
            term,
            number,
            enlarged=_enlarged(match),
            explicit=explicit,
            date_name=date_name,
            noun=noun,
            slug=slug,
            label=label,
            plural=plural,
        )
        for number in numbers
    ]


_COUNTED_UNDER = re.compile(
    r",?\s+(?:under|during)\s+(?:the\s+(?:current|present|young|new|incumbent)\s+leader|Kim\b|"
    r"his\b|her\b|the\s+(?:rule|reign|leadership)\s+of)"
    r"|,?\s+since\s+(?:Kim\b(?:\s+[A-Z][a-z-]+){0,2}\s+(?:took|assumed|came|inherited|became)|"
    r"(?:he|she)\s+(?:took|assumed|came|inherited|became)|the\s+(?:current\s+)?leader\b)"
)
"""After an ordinal name, words that make it a count: "the second party congress under the current
leader", "the third party congress since Kim took power"."""
_FIRST_SINCE = re.compile(
    r"(?:\s+(?:of|by)\s+(?:the\s+)?[\w'’]+(?:\s+[\w'’()]+){0,5}?)?,?"
    r"(?:\s+(?:held|convened|called|to\s+be\s+held|opened))?\s+(?:since|after|in\s+"
    r"(?:(?:over|more\s+than|nearly|almost|about|some)\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?|a)\s+"
    r"(?:years?|decades?|generations?)|in\s+decades|ever|of\s+its\s+kind|for\s+\d+\s+years)\b",
    re.IGNORECASE,  # (a headline: "Kim Calls First Party Congress in 35 Years")
)


_INAUGURAL = re.compile(
    r"\b[Ii]naugural\s+(?:[\w-]+\s+)?(?:[Cc]ongress|[Cc]onference|[Ss]ession|[Pp]lenary|[Mm]eeting)"
    r"|\b[Ff]ounding\s+(?:[Cc]ongress|[Cc]onference)"
)


def numbers_or_none(match: re.Match[str], limit: int) -> list[int | None] | None:
    """The meeting numbers of a match ([None] when unnumbered; None when out of range).

    "The first party congress since 1980", "the first congress ... in 36 years" are unnumbered:
    "first" says when, not which.
    """
    numbers = ordinals(first_group(match, "n", "n2", "n3", "n4", "n6"))
    if any(n > limit or n < 1 for n in numbers):
        return None
    if not numbers and _INAUGURAL.search(
        match.string, max(0, match.start() - 30), match.start() + 30
    ):
        return [1]  # "the historic inaugural congress of the Workers' Party of North Korea"
    if numbers == [1] and _FIRST_SINCE.match(match.string, match.end()):
        return [None]
    if len(numbers) == 1 and _COUNTED_UNDER.match(match.string, match.end()):
        return [None]  # "the second party congress under the current leader": a count
    return list(numbers) if numbers else [None]
