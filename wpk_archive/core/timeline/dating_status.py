"""What a sentence says of a meeting it dates (see :mod:`.dating`): held, announced or postponed;
the opening or closing day; a date that is a decision's day, or a year early.

:func:`status_of` tells whether the sentence reports the meeting held, announces it, or says it was
postponed; :func:`role_of` whether a one-day date is only its opening or closing day.

Rules:
- postponed where the words around the name say so ("postponed", "put off", "delayed");
  announced where the words before or after it announce it ("decided to convene the ...", "the
  upcoming", "... will be held on") and its date is not before the publication, or where the date
  is after the publication; an undated, unnumbered meeting takes the tense of its sentence; held
  where it is dated or a verb of holding stands near it;
- a weekday or "today" before the publication, after words that announce the meeting and tell a
  decision, is the day of the decision to hold it (:func:`decision_day`);
- a date whose year the text left out, which the publication year would put two months or more
  after the publication, moves a year back where the sentence says the meeting was held
  (:func:`year_before`);
- a meeting named by its month alone ("the August plenum") is of the publication year, or the year
  before for a later month (:func:`named_date`);
- a date's basis is "text" when the text gives it whole, "dateline" when part came from the
  dateline (:func:`basis_of`)."""

from __future__ import annotations

import re
from dataclasses import replace

from wpk_archive.core.dates import DateMention
from wpk_archive.core.timeline.dating import HOLDING
from wpk_archive.core.timeline.found import Found

_ANNOUNCED_BEFORE = re.compile(
    r"\b(?:(?:decided|decision|decree|resolution|proposed|plans?|planning|called|agreed|issue|"
    r"question|matter)\s+"
    r"(?:on|to|of|for)\s+(?:convene|convoke|convening|convoking|hold|holding|open|opening|call)|"
    r"to\s+(?:convene|convoke|hold|open)|will\s+(?:convene|convoke|hold|open)|upcoming|"
    r"(?:could|would|may|might)\s+(?:soon\s+|likely\s+|shortly\s+)?(?:convene|convoke|hold|open)|"
    r"on\s+the\s+threshold\s+of|in\s+the\s+run-up\s+to|"
    r"forthcoming|coming|next|ahead\s+of|on\s+the\s+eve\s+of|preparations?\s+for|"
    r"prepare\s+for|convocation\s+of|"
    # "the decision of the Political Bureau of the C.C., WPK on holding a Party conference"
    r"(?:on|about)\s+(?:convening|convoking|holding))"
    r"\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
"""Before a meeting's name, words that announce it: "decided to convene the ...", "the upcoming"."""
_ANNOUNCED_AFTER = re.compile(
    r"^[\s,]*(?:(?:of|in)\s+[^,.;]{0,60}?\s+)?(?:which\s+|that\s+)?(?:will|shall|would)\s+"
    r"(?:\w+ly\s+)?(?:be\s+)?(?:held|convened|convoked|opened|open|take\s+place|meet)|"
    r"^[\s,]*(?:(?:of|in)\s+[^,.;]{0,60}?\s+)?(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:to\s+be\s+"
    r"(?:held|convened|convoked|opened)|(?:scheduled|slated|set|expected|due|going)\s+to|"
    r"scheduled\s+for)|^[\s,]*(?:(?:to\s+be|scheduled)\s+(?:held|convened|convoked|opened|for))",
    re.IGNORECASE,
)
"""After a meeting's name, words that announce it: "... will be held on", "... is to be convened"."""
_FUTURE = re.compile(
    r"\b(?:will|shall)\s+(?:\w+\s+){0,2}?(?:open|be\s+(?:held|convened|convoked|opened)|convene|"
    r"take\s+place)\b|\bto\s+be\s+(?:held|convened|convoked|opened)\b|\b(?:upcoming|forthcoming|"
    r"preparatory\s+committee|preparations?\s+for|decision\s+on\s+(?:convening|holding)|greet|"
    r"run[-\s]up\s+to|delegates?\s+to|eve\s+of|called\s+to\s+(?:pick|elect|choose|decide|discuss))\b",
    re.IGNORECASE,
)
"""Anywhere in a sentence, words that put an unnumbered, undated meeting in the future."""
_POSTPONED = re.compile(
    r"\b(?:postpon\w*|put\s+off|(?<!without\s)delay(?:ed|s|ing)?|defer\w*|rescheduled)\b", re.I
)

_POSTPONED_TO = re.compile(
    r"\b(?:postpon\w*|put\s+off|delay(?:ed)?|defer\w*|rescheduled|pushed\s+back)\b[^.;]{0,80}?"
    r"\b(?:to|until|till)\s+(?:on\s+|the\s+)?$",
    re.I,
)
"""Before a date: the day a meeting was put off to ("postponed the session, originally set for
April 10, to April 12")."""


def _postponed_to(sentence: str, meeting: Found, dates: list[DateMention]) -> DateMention | None:
    """The date after "postponed ... to" following ``meeting`` (the later date, the one it is held
    on), or None."""
    for date in dates:
        if date.start < meeting.end or date.start_date is None:
            continue
        if _POSTPONED_TO.search(sentence, max(0, date.start - 110), date.start):
            return date
    return None


def date_postponed(sentence: str, found: list[Found], dates: list[DateMention]) -> None:
    """Date an undated meeting the sentence puts off by the day it is put off to ("postponed the
    session, originally set for April 10, to April 12"): the name nearest before that day only
    (not "The Politburo meeting put off the session to April 12"), and a day no other name holds."""
    if not _POSTPONED.search(sentence):
        return
    taken = {id(item.date) for item in found if item.date is not None}
    for item in found:
        if item.date is not None or item.anaphor:
            continue
        date = _postponed_to(sentence, item, dates)
        if date is None or id(date) in taken:
            continue
        nearest = max((f for f in found if f.end <= date.start), key=lambda f: f.end)
        if nearest is item:
            item.date = date
            taken.add(id(date))


_OPENING = re.compile(r"\b(?:opened|opening|began|started|kicked\s+off|commenced)\b", re.I)


_CLOSING = re.compile(
    r"\b(?:closed|closing|closure|conclu\w+|ended|(?:came|drew)\s+to\s+a\s+close|(?:wound|wrapped)\s+up|"
    r"finished|adjourned)\b",
    re.I,
)


def role_of(sentence: str, meeting: Found) -> str | None:
    """ "opening" or "closing" when the one-day date of a meeting is only its first or last day."""
    date = meeting.date
    if date is None or date.start_date != date.end_date or date.precision != "day":
        return None
    lo, hi = sorted((meeting.end, date.start))
    lo = min(lo, meeting.start)
    between = sentence[max(0, lo - 40) : min(len(sentence), hi + 1)]
    opening, closing = _OPENING.search(between), _CLOSING.search(between)
    if opening and not closing:
        return "opening"
    if closing and not opening:
        return "closing"
    return None


def status_of(sentence: str, meeting: Found, doc_date: str | None) -> str | None:
    """ "held", "announced" or "postponed" as the sentence tells of the meeting (None: unsaid)."""
    window = sentence[max(0, meeting.start - 90) : min(len(sentence), meeting.end + 140)]
    if _POSTPONED.search(window):
        return "postponed"
    date = meeting.date
    before = sentence[max(0, meeting.start - 90) : meeting.start]
    after = sentence[meeting.end : meeting.end + 140]
    announced = bool(
        _ANNOUNCED_BEFORE.search(before)
        or _ANNOUNCED_AFTER.search(after)
        # a name that holds its own verb: "The ruling party ... will hold a conference"
        or _WILL_HOLD.search(sentence, meeting.start, meeting.end)
    )
    if not announced and date is None and meeting.ref.key.endswith(":?"):
        # "the Party conference ... as it will open at a historic juncture": which conference, the
        # tense of the whole sentence tells
        # (but "The Conferences ... to elect delegates to the WPK Conference were held": the
        # conferences were held, the WPK Conference is to come)
        announced = bool(_FUTURE.search(sentence[max(0, meeting.start - 40) : meeting.end])) or (
            bool(_FUTURE.search(sentence)) and not _PAST_HELD.search(sentence, meeting.end)
        )
    if announced and (
        date is None
        or doc_date is None
        or date.start_date[: len(doc_date)] >= doc_date[: len(date.start_date)]
    ):
        return "announced"
    if date is not None and doc_date is not None:
        common = min(len(doc_date), len(date.start_date), 10)
        if date.start_date[:common] > doc_date[:common]:
            return "announced"
    if date is not None or HOLDING.search(window):
        return "held"
    return None


_PAST_IN_NAME = re.compile(r"\b(?:held|convened|convoked|opened|concluded|closed|ended)\s")
_WILL_HOLD = re.compile(r"\b(?:will|shall|to)\s+(?:hold|convene|convoke|open|meet)\b")


_PAST_HELD = re.compile(
    r"\b(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+|last\s+|first\s+)?(?:held|convened|convoked|opened|"
    r"closed|concluded|adjourned)\b|\btook\s+place\b|\b(?:concluded|ended|closed|lasted)\b"
    r"|\blast\s+(?:met|held|convened|hosted|gathered)\b"
    # a reduced relative clause: "In the second meeting of 13th SPA, convened on Sept. 25, ..."
    r"|,\s+(?:convened|held|opened|convoked)\s+(?:on|in)\b"
    # the sentence's subject did something there: "At a year-end party meeting in December, he
    # defined inter-Korean ties as ..."
    r"|,\s+(?:he|she|they|Kim(?:\s+[A-Z][a-z-]+){0,2})\s+(?:\w+ly\s+)?(?:[a-z]{3,}ed|made|said|"
    r"gave|set|took|spoke|held)\b"
    # a personnel decision told as made there: "Kim was named the top commander ... at a Workers'
    # Party meeting on 30 December", "were elected at the plenum on Dec. 29"
    r"|\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:named|elected|re-?elected|appointed|promoted|"
    r"dismissed|removed|relieved|demoted|chosen|made|given)\b"
)


def decision_day(sentence: str, meeting: Found, doc_date: str | None) -> bool:
    """Whether the meeting's date is the day a decision to hold it was made: "the Presidium made
    the decision to hold the second session ... on Thursday", in the report of Friday (a plan is
    not held on a day already past; the weekday dates the decision)."""
    date = meeting.date
    if date is None or doc_date is None or date.kind not in ("weekday", "relative"):
        return False
    if date.end_date[:10] >= doc_date[:10] or len(date.end_date) < 10:
        return False
    before = sentence[max(0, meeting.start - 90) : meeting.start]
    return _ANNOUNCED_BEFORE.search(before) is not None and _DECIDED.search(before) is not None


_DECIDED = re.compile(r"\b(?:decided|decision|decree|resolution|agreed|announced)\b", re.I)


def another_acts_day(sentence: str, meeting: Found) -> bool:
    """Whether the meeting's date is that of another act named before it: "delegates will be
    required to register for the session on March 30" (the registration's day)."""
    date = meeting.date
    if date is None or date.start < meeting.end:
        return False
    before = sentence[max(0, meeting.start - 40) : meeting.start]
    return _ACT_FOR.search(before) is not None


_ACT_FOR = re.compile(
    r"\b(?:register|registration|registered|arrive|arrived|arriving|arrival|leave|left|depart|"
    r"departed|departure|sign\s+up|gather(?:ed)?\s+in\s+Pyongyang)\s+(?:for|at|to|in)\s+"
    r"(?:(?:the|an?|its)\s+(?:[\w-]+\s+){0,2})?$",
    re.IGNORECASE,
)


_LAST_MET = re.compile(
    r"\blast\s+(?:met|convened|gathered|sat)\b|\b(?:was|were)\s+last\s+(?:held|convened)\b"
)


def year_before(sentence: str, meeting: Found, doc_date: str | None) -> DateMention | None:
    """The meeting's date a year earlier, where the text did not write its year, the publication
    year would put it after the publication, and the sentence says it was held ("The session was
    held on April 9", in February): a report of the past (None where nothing moves)."""
    date = meeting.date
    if date is None or not date.year_inferred or date.start_date is None or date.end_date is None:
        return None
    if doc_date is None or len(doc_date) < 7 or len(date.start_date) < 7:
        return None
    months = (int(date.start_date[:4]) - int(doc_date[:4])) * 12 + int(date.start_date[5:7])
    window = sentence[max(0, meeting.start - 90) : meeting.end + 140]
    after = months - int(doc_date[5:7])
    if after < 2 and not (after >= 1 and _LAST_MET.search(window)):
        # a day or weeks after the dateline: a slip or a plan, not last year's (but "The
        # parliament last met in September", in August, is last year's September)
        return None
    # (or the name holds its past verb: "The Central Committee ... held its 13th plenary session")
    past = _PAST_HELD.search(window) or _PAST_IN_NAME.search(sentence, meeting.start, meeting.end)
    if not past or _FUTURE.search(sentence):
        return None
    if _ANNOUNCED_BEFORE.search(sentence[max(0, meeting.start - 90) : meeting.start]):
        return None  # "the decision ... on holding a Party conference in April": to come

    def back(value: str) -> str:
        year, rest = int(value[:4]) - 1, value[4:]
        return f"{year:04d}{'-02-28' if rest == '-02-29' else rest}"

    return replace(date, start_date=back(date.start_date), end_date=back(date.end_date))


def named_date(date_name: str | None, doc_date: str | None) -> tuple[str | None, str]:
    """The date of a meeting named by its date, and its basis: "December 2023" as written; a month
    alone ("the August plenum") in the publication year, or the year before for a later month."""
    if not date_name or not date_name.startswith("--"):
        return date_name, "text"
    if doc_date is None or len(doc_date) < 7:
        return None, "text"
    month, year = int(date_name[2:]), int(doc_date[:4])
    if month > int(doc_date[5:7]):
        year -= 1
    return f"{year:04d}-{month:02d}", "dateline"


def basis_of(date: DateMention) -> str:
    """ "text" when the text gives the whole date, "dateline" when part came from the dateline."""
    basis = getattr(date, "basis", None)
    if isinstance(basis, str):
        return basis
    return "dateline" if date.year_inferred or date.kind in ("weekday", "relative") else "text"
