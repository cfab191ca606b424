"""Rule 4 of :func:`.dating.assign_dates`: the loose date of a sentence that names one meeting "at"
or "in" which something was done, and gives one date as the time of it ("In August 1953 he
delivered a report at the 6th Plenary Meeting"), checked against the reference chronology at merge
time.

Rules:
- a date right after "said", "reported" or "announced" is the report's day, not the meeting's;
- a date before a verb of holding and its name dates the meeting ("On Saturday, Kim convened a
  meeting of the Politburo"), also when the clause of holding comes further on after "as he" or
  "when Kim" ("On Tuesday, Kim set forth ... as he presided over a meeting of the Political
  Bureau");
- a fronted month or year, then who announced that a meeting was held, dates it ("In April 2020,
  Pyongyang announced an SPA meeting was convened");
- otherwise only a date that is no weekday, no relative day and no dateline, of a name after "at",
  "in", "during", "attended" and the like, and not after "since", "by", "until" or "of" (a date
  before the name only at the sentence's start or after "in" or "on")."""

from __future__ import annotations

import re

from wpk_archive.core.dates import DateMention
from wpk_archive.core.timeline.found import Found

_LOOSE_BEFORE = re.compile(
    r"(?:\b(?:at|At|in|In|during|During|to|To|addressed|attended|convened|convoked|opened|"
    r"guided|chaired|presided\s+over|held|hold|holding)\s+(?:the\s+|an?\s+)?"
    r"(?:(?:historic|enlarged|extended|first|last|key|crucial|rare|special)\s+)*)$"
)


_LOOSE_DATE_BEFORE = re.compile(r"(?:^|\b(?:in|In|on|On)\s+)$|^\W*$")


_NOT_TIME = re.compile(r"\b(?:since|by|until|till|before|after|from|through|to|of)\s+$", re.I)


_CONVENED = re.compile(
    r"^[^;:.]{0,60}\b(?:held|convened|convoked|opened|presided\s+over|chaired|called|kicked\s+off|"
    r"guided)\s+(?:\w+\s+)?$"
)
_CONVENED_FAR = re.compile(
    r"^,?[^;:.]{0,160}\b(?:as|when|where|while)\s+(?:he|she|Kim(?:\s+[A-Z][a-z-]+){0,2})\s+"
    r"(?:held|convened|convoked|opened|presided\s+over|chaired|called|guided)\s+(?:\w+\s+)?$"
)
"""A date fronting the sentence, then its clause of holding further on: "On Tuesday, Kim set forth
important tasks ... as he presided over a meeting of the Political Bureau"."""


REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|reported|reports|announced|stated|added|confirmed|disclosed|revealed)\s+"
    r"(?:on\s+)?(?:(?:early|late)\s+(?:on\s+)?)?$"
)


def assign_loose(sentence: str, meeting: Found, date: DateMention) -> None:
    """Rule 4: the one date of a sentence that names one meeting "at" which something was done."""
    if REPORTED_BEFORE.search(sentence, max(0, date.start - 30), date.start):
        return  # "KCNA said Tuesday that Kim presided over a plenary meeting": the report's day
    if (
        date.end <= meeting.start
        and date.kind not in ("coordinated", "dateline", "decade")
        and (
            _CONVENED.search(sentence[date.end : meeting.start])
            or (
                re.fullmatch(r"\W*(?:[Oo]n\s+|[Ii]n\s+)?", sentence[: date.start])
                and _CONVENED_FAR.search(sentence[date.end : meeting.start])
            )
        )
    ):
        # "On Saturday, Kim convened a meeting of the Politburo", "For a week starting on
        # January 5, North Korea held its 8th Congress": the date, a verb of holding, the name
        meeting.date = date
        meeting.loose_date = True
        return
    if (
        date.end <= meeting.start
        and date.kind not in ("weekday", "relative", "coordinated", "dateline", "decade")
        and date.precision in ("month", "year")
        and re.fullmatch(r"\W*(?:[Ii]n\s+)?", sentence[: date.start])
        and _TOLD_THAT.fullmatch(sentence, date.end, meeting.start)
        and _PASSIVE_HELD.match(sentence, meeting.end)
    ):
        # "In April 2020, Pyongyang announced an SPA meeting was convened": told in that month
        # (a day or weekday would be the report's, not the meeting's)
        meeting.date = date
        meeting.loose_date = True
        return
    if date.kind in ("weekday", "relative", "coordinated", "dateline", "decade"):
        return
    if not _LOOSE_BEFORE.search(sentence[: meeting.start]):
        return
    before_date = sentence[max(0, date.start - 12) : date.start]
    if _NOT_TIME.search(before_date):
        return
    if date.end <= meeting.start and not _LOOSE_DATE_BEFORE.search(before_date):
        return
    meeting.date = date
    meeting.loose_date = True


_TOLD_THAT = re.compile(
    r"\s*,?\s+(?:[\w'’-]+\s+){1,4}?(?:announced|said|reported|revealed|disclosed|confirmed)\s+"
    r"(?:that\s+)?(?:the|a|an|its)\s+(?:[\w'’-]+\s+){0,3}"
)
"""Between a fronted date and a name: "In April 2020, Pyongyang announced an SPA meeting ..."."""
_PASSIVE_HELD = re.compile(
    r"\s+(?:(?:was|had\s+been)\s+(?:\w+ly\s+)?(?:held|convened|convoked|opened)|met|convened|opened|"
    r"took\s+place)\b"
)
