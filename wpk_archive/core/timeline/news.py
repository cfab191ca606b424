"""What news stories tell of a meeting beside its name: that it is denied ("will not hold a party
congress"), has just opened ("North Korea has opened a rare congress ..., state media said
Wednesday"), was last held in a year ("which Kim last hosted in 2016"), or is pictured in a photo
released on a day (see :mod:`.extract`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from wpk_archive.core.dates import DateMention
from wpk_archive.core.timeline.discourse import Context, key_and_name
from wpk_archive.core.timeline.found import Found
from wpk_archive.core.timeline.readers import NamedMeeting
from wpk_archive.core.timeline.years import in_year

NOT_HELD = re.compile(
    r"\b(?:not|never)\s+(?:\w+\s+){0,2}?(?:hold|held|convene|convened|open|opened|call|called|"
    r"attend|attended)\s+(?:a|an|the|its|any)\s+(?:[\w'’-]+\s+){0,3}$|\bn['’]t\s+(?:\w+\s+){0,2}?"
    r"(?:hold|held|convene|convened|open|opened|call|called)\s+(?:a|an|the|its|any)\s+(?:[\w'’-]+\s+)"
    r"{0,3}$|\b(?:no|without\s+an?)\s+(?:[\w'’-]+\s+){0,2}$"
)
"""Before a name, words that deny the meeting: "has not held a plenary meeting of its Central
Committee since December 1993", "no party congress"."""
HAS_HELD = re.compile(
    r"\b(?:(?:has|have)\s+(?:just\s+|now\s+)?(?:opened|convened|convoked|held|kicked\s+off|"
    r"(?:wrapped|wound)\s+up|concluded|closed|ended|begun|started)"
    # "North Korea is holding its first ruling party congress in 36 years": in session
    r"|(?:is|are)\s+(?:now\s+)?(?:holding|convening|hosting))\s+(?:a|an|its|the)\s+"
    r"(?:[\w'’-]+\s+){0,3}$"
    # "Kim was elected chairman at the just-concluded party congress"
    r"|\b(?:just|recently)[\s-](?:concluded|ended|closed|finished)\s+(?:[\w'’-]+\s+){0,2}$"
)
DAY_OF = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|final|last|closing|opening)\s+(?:and\s+(?:final|last)\s+)?"
    r"day\s+of\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,3}$"
)
"""Before a name: "The decisions were made at the fourth and final day of the WPK's plenary
meeting" (a news story's meeting, in the report's month)."""
OPENED_IT = re.compile(
    r"\b(?:opened|convened|kicked\s+off|began|started)\s+(?:a|an|the|its)\s+(?:[\w'’-]+\s+){0,3}$"
)
REPORTED_DAY = re.compile(
    r"\b(?:reported|said|announced)\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|today|yesterday)\b"
)
"""A meeting opened as state media "reported on Wednesday": in session in the report's month."""

PRESIDED_OVER = re.compile(
    r"\b(?:presided\s+(?:over|at)|chaired|held|convened|convoked|guided|called|addressed)\s+"
    r"(?:a|an|the|its)\s+(?:[\w'’-]+\s+){0,3}$"
)
"""Before a name, a leader's or a body's verb of holding it: "Kim Jong Un presided over a politburo
meeting of the ruling party, state media said on Monday"."""
STATE_MEDIA_SAID = re.compile(
    r"\b(?:state|official|government|North\s+Korean|Pyongyang['’]s)\s+(?:[\w-]+\s+)?(?:media|"
    r"news\s+agency|TV|television|radio)\s+(?:said|reported|announced)|\b(?:KCNA|Korean\s+Central\s+"
    r"News\s+Agency|Rodong\s+Sinmun|Yonhap)\b[^.;]{0,60}?\b(?:said|reported|announced)\b"
    r"|\b(?:according\s+to|reported\s+by|said\s+by|citing)\s+(?:the\s+)?(?:state|official|KCNA|"
    r"Korean\s+Central|North\s+Korea['’]s\s+(?:state|official))"
)
"""A news story's report of what state media told that day: the meeting it names was just held."""


def day_before(date: str) -> str:
    """The ISO day before a day ("2020-11-01" -> "2020-10-31"); a month or year as it is."""
    if len(date) < 10:
        return date
    return (dt.date.fromisoformat(date[:10]) - dt.timedelta(days=1)).isoformat()


_REPORT_WEEKDAY = re.compile(
    r"\b(?:said|reported|announced|says|reports)\s+(?:on\s+|early\s+|late\s+)?(?P<wd>Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WEEKDAY_NUMBERS = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6,
}  # fmt: skip
ONE_DAY_KINDS = frozenset({"politburo_meeting", "secretariat_meeting", "cmc_meeting"})
"""Meetings that sit one day as a rule: a report of one the next morning dates it to the day."""


def held_before_report(sentence: str, doc_date: str) -> str:
    """The day before state media reported a meeting: the report's weekday where the sentence
    names it ("state media said on Monday", the last such day up to the story's), else the
    story's day; the day before that (a month or year when the story's date is no finer)."""
    if len(doc_date) < 10:
        return doc_date
    reported = dt.date.fromisoformat(doc_date[:10])
    weekday = _REPORT_WEEKDAY.search(sentence)
    if weekday is not None:
        back = (reported.weekday() - _WEEKDAY_NUMBERS[weekday.group("wd")]) % 7
        # (the day after the story's: a report across the date line, "KCNA said on Saturday" in a
        # Friday story of Washington)
        reported += dt.timedelta(days=1) if back == 6 else -dt.timedelta(days=back)
    return (reported - dt.timedelta(days=1)).isoformat()


def in_the_names_year(date: DateMention, named: str) -> DateMention:
    """A yearless date of a meeting in the year its name gives ("The 1966 party conference, held
    from 5 to 12 October": 1966, not the publication's year). A name with a month ("the December
    2019 plenary") is left to the caller's reading of that month."""
    if not date.year_inferred or len(named) != 4:
        return date
    return in_year(date, named)


_LAST_HELD = re.compile(
    r"\b(?:(?:which|that|it)\s+(?:[\w'’-]+\s+){0,2}?(?:was\s+|were\s+|had\s+been\s+)?last\s+"
    r"(?:held|hosted|convened|convoked|met|took\s+place|opened)|,\s*(?:which\s+was\s+)?last\s+(?:held|hosted|"
    r"convened|met)|(?:the\s+)?(?:last|previous)\s+one\s+"
    r"(?:was\s+|had\s+been\s+)?(?:held|convened|took\s+place)"
    r"|(?<=[a-z])\s+last\s+(?:met|convened|gathered))"  # "The congress last met 35 years ago, in"
    r"(?:\s+[\w\s-]{1,25}?\s+ago,?)?\s+(?:(?:in|on)\s+)?$",
    re.IGNORECASE,
)
_LAST_KINDS = ("party_congress", "party_conference", "cc_plenary", "spa_session")


def last_held(
    sentence: str, found: list[Found], dates: list[DateMention], ctx: Context
) -> list[Found]:
    """The earlier meeting of a series a name's clause dates: "a party congress, which Kim last
    hosted in 2016", "a Party Congress (the last one was held in October, 1980)" (the earlier
    one: the caller keeps the name itself from taking that date)."""
    extra: list[Found] = []
    for date in dates:
        clause = _LAST_HELD.search(sentence, max(0, date.start - 70), date.start)
        if clause is None:
            continue
        before = [f for f in found if f.end <= clause.start() and f.ref.kind in _LAST_KINDS]
        if not before or clause.start() - before[-1].end > 40:
            continue
        item = before[-1]
        doc_date = ctx.doc.date
        if (
            date.year_inferred
            and date.start_date is not None
            and date.end_date is not None
            and doc_date
            and date.start_date[:7] > doc_date[:7]
        ):  # "which last met in April", in January: last year's April
            date = replace(
                date,
                start_date=f"{int(date.start_date[:4]) - 1:04d}{date.start_date[4:]}",
                end_date=f"{int(date.end_date[:4]) - 1:04d}{date.end_date[4:]}",
            )
        named = NamedMeeting(date.start, date.end, item.ref.kind, None, None, explicit=True)
        # (from its clause on: the caller takes every date in it from the other names)
        extra.append(
            Found(clause.start(), date.end, key_and_name(named, ctx), False, True, date=date)
        )
    return extra


_PHOTO_ON = re.compile(
    r"\bin\s+(?:this|an?|the)\s+(?:undated\s+)?(?:file\s+)?(?:photo|image|picture|handout)\b"
    r"[^.;]{0,90}?\b(?:on|dated)\s+$",
    re.IGNORECASE,
)


_THIS_PHOTO = re.compile(
    r"\b(?:This|this|The|the|A|a)\s+(?:undated\s+)?(?:file\s+)?(?:photo|image|picture)\s*,?\s+(?:\w+\s+){0,2}?"
    r"(?:carried|released|provided|supplied|distributed|taken|published|issued)\b[^.;]{0,90}?\b(?:on|dated)\s+$"
)
"""Before a date: "This photo, carried by North Korea's official Korean Central News Agency on"."""


def photo_date(sentence: str, found: list[Found], dates: list[DateMention]) -> None:
    """A caption's meeting dated by its photo: "Kim Jong Un attends a plenary meeting of ... in this
    photo supplied by KCNA on February 10, 2021", "This photo, carried by KCNA on Jan. 1, 2023,
    shows Kim speaking at a plenary meeting" (released the day after the meeting, or a day later:
    the month of the day before)."""
    photo = next(
        (
            d
            for d in dates
            if _PHOTO_ON.search(sentence, max(0, d.start - 130), d.start)
            or _THIS_PHOTO.search(sentence, max(0, d.start - 130), d.start)
        ),
        None,
    )
    if photo is None or photo.start_date is None or photo.end_date is None:
        return
    named = [item for item in found if not item.anaphor]
    if len(named) != 1 or (named[0].date is not None and named[0].date is not photo):
        return
    if photo.precision != "day":
        named[0].date = None  # (a photo of some month: nothing to tell of the meeting's day)
        return
    # released the day after, as KCNA's are: the month of the day before
    day = day_before(photo.start_date)
    named[0].date = replace(photo, start_date=day[:7], end_date=day[:7], precision="month")


__all__ = [
    "DAY_OF",
    "HAS_HELD",
    "NOT_HELD",
    "ONE_DAY_KINDS",
    "OPENED_IT",
    "PRESIDED_OVER",
    "REPORTED_DAY",
    "STATE_MEDIA_SAID",
    "day_before",
    "held_before_report",
    "in_the_names_year",
    "last_held",
    "photo_date",
]
