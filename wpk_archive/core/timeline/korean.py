"""The hook that lets :mod:`.extract` read Korean sentences with the English machinery.

:mod:`.extract` calls these only for text holding Hangul (:func:`has_hangul`, which is a plain
``str.isascii()`` on English text), so English extraction does exactly what it did before:
- :func:`meetings_ko` adds the Korean names (:mod:`.names_ko`) to the English grammar's, without
  overlaps, and reads elliptic names from the meeting named before ("제8기 제3차 확대회의" after a
  meeting of the Central Military Commission, "10차 회의" after an SPA session);
- :func:`anaphors_ko`: a bare 회의, 전원회의, 대회, 대표자회 ("회의는 28일부터 ... 진행되었다",
  "이번 전원회의에서는") refers back to the last meeting of its kind the document named, as "the
  meeting" does in English; another body's meeting (내각전원회의, 국회 본회의) does not;
- :func:`dates_ko` merges :func:`~wpk_archive.core.dates_ko.find_dates_ko` with the English
  dates (the Korean reading wins where they overlap: "2024년" is read once);
- :func:`assign`, :func:`status`, :func:`role` use :mod:`.dating_ko`'s rules for Korean sentences and
  :mod:`.dating`'s for the others;
- :func:`dateline_ko` reads a KCNA Korean-service dateline when the English one is absent.
"""

from __future__ import annotations

import re

from wpk_archive.core.dates import DateMention
from wpk_archive.core.dates_ko import find_dateline_ko, find_dates_ko, has_hangul
from wpk_archive.core.timeline.dating import Found, Ref, assign_dates, role_of, status_of
from wpk_archive.core.timeline.dating_ko import assign_dates_ko, role_ko, status_ko
from wpk_archive.core.timeline.names import NamedMeeting, OtherMeeting
from wpk_archive.core.timeline.names_ko import (
    find_meetings_ko,
    foreign_ko_in,
    has_meeting_words_ko,
)

_ELLIPTIC = re.compile(
    r"(?<![가-힣\d])(?:(?:제\s?)?(?P<t>\d{1,2})\s?기\s*)?(?:제\s?)?(?P<n>\d{1,3})\s?차\s*"
    r"(?P<enl>(?:비상\s*)?확대\s*)?회의(?![실장록])"
)
_BARE_BEFORE = re.compile(r"(?:[가-힣]|[가-힣]\s?\)|(?:내각|국회|동맹|상임위|위원회|공산당)\s*)$")
_NOUN_OF = {"plenary": "plenary", "session": "session", "conference": "conference",
            "congress": "congress", "meeting": "meeting"}


def korean_keywords(text: str) -> bool:
    """Whether ``text`` is Korean and holds a meeting noun (a sentence worth reading)."""
    return has_hangul(text) and has_meeting_words_ko(text)


def meetings_ko(
    sentence: str,
    named: list[NamedMeeting],
    others: list[OtherMeeting],
    last: dict[str, Ref | None],
    lead: str,
) -> tuple[list[NamedMeeting], list[OtherMeeting]]:
    """The English grammar's meetings of ``sentence`` with the Korean ones added (``last``: what
    "the <noun>" refers back to; ``lead``: the document's title and opening, whose other party
    makes a bare 당 another party's)."""
    korean, korean_others = find_meetings_ko(sentence)
    if foreign_ko_in(lead) and not re.search(r"[로노]동당|북한|김정은|조선민주주의", sentence):
        korean = [m for m in korean if m.explicit]
    merged = list(named)
    for meeting in korean + _elliptic(sentence, korean + named, last):
        if not any(meeting.start < m.end and m.start < meeting.end for m in merged):
            merged.append(meeting)
    merged.sort(key=lambda m: (m.start, m.number or 0))
    rest = [o for o in others + korean_others
            if not any(m.start <= o.start < m.end for m in merged)]
    rest.sort(key=lambda o: o.start)
    return merged, rest


def _elliptic(sentence: str, named: list[NamedMeeting], last: dict[str, Ref | None]) -> list[NamedMeeting]:
    """ "제8기 제3차 확대회의" after a CMC or Politburo meeting; "제14기 제13차 회의", "10차 회의"
    after an SPA session."""
    result = []
    for match in _ELLIPTIC.finditer(sentence):
        if any(m.start <= match.start() < m.end for m in named):
            continue
        term = int(match.group("t")) if match.group("t") else None
        number = int(match.group("n"))
        meeting, session = last.get("meeting"), last.get("session")
        kind = None
        if not match.group("enl") and session is not None and (term is None or term >= 10):
            kind = "spa_session"
        elif match.group("enl") and meeting is not None and meeting.kind in (
            "cmc_meeting", "politburo_meeting"
        ):
            kind = meeting.kind
        if kind is None or (term is not None and kind != "spa_session" and term > 12):
            continue
        noun = "session" if kind == "spa_session" else "meeting"
        result.append(
            NamedMeeting(match.start(), match.end(), kind, term, number,
                         enlarged=bool(match.group("enl")), explicit=True, noun=noun)
        )
    return result


def anaphors_ko(
    sentence: str, others: list[OtherMeeting], last: dict[str, Ref | None]
) -> list[Found]:
    """Bare meeting nouns pointing back to the last meeting of their kind."""
    found = []
    for other in others:
        if _BARE_BEFORE.search(sentence, max(0, other.start - 6), other.start):
            continue  # part of a longer word or another body's: "내각전원회의", "국회 본회의"
        noun = _NOUN_OF.get(other.noun, "meeting")
        ref = last.get(noun)
        if ref is None and noun == "meeting":
            ref = last.get("session")
        if ref is not None:
            found.append(Found(other.start, other.end, ref, False, False, anaphor=True))
    return found


def dates_ko(
    sentence: str, english: list[DateMention], doc_date: str | None, anchor: str | None
) -> list[DateMention]:
    """The Korean dates of ``sentence`` and the English ones that do not overlap them."""
    korean = find_dates_ko(sentence, doc_date=doc_date, weekday_anchor=anchor)
    merged = list(korean)
    for date in english:
        if not any(date.start < k.end and k.start < date.end for k in korean):
            merged.append(date)
    merged.sort(key=lambda d: (d.start, d.end))
    return merged


def assign(sentence: str, found: list[Found], dates: list[DateMention]) -> None:
    """Tie dates to meetings with the Korean rules for a Korean sentence, else the English ones."""
    if has_hangul(sentence):
        assign_dates_ko(sentence, found, dates)
    else:
        assign_dates(sentence, found, dates)


def status(sentence: str, meeting: Found, doc_date: str | None) -> str | None:
    """Held, announced or postponed, in Korean or English."""
    if has_hangul(sentence):
        return status_ko(sentence, meeting, doc_date)
    return status_of(sentence, meeting, doc_date)


def role(sentence: str, meeting: Found) -> str | None:
    """Opening or closing day, in Korean or English."""
    if has_hangul(sentence):
        return role_ko(sentence, meeting)
    return role_of(sentence, meeting)


def dateline_ko(text: str, doc_date: str | None) -> DateMention | None:
    """A KCNA Korean-service dateline in the first 300 characters, if any."""
    head = text[:300]
    return find_dateline_ko(head, doc_date=doc_date) if has_hangul(head) else None


__all__ = [
    "anaphors_ko",
    "assign",
    "dateline_ko",
    "dates_ko",
    "has_hangul",
    "korean_keywords",
    "meetings_ko",
    "role",
    "status",
]
