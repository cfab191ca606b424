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
- :func:`dateline_ko` reads a KCNA Korean-service dateline when the English one is absent;
- :func:`split_glued` cuts Korean sentences glued by a period without a space ("...되었다.김정은"),
  which syntok (:mod:`wpk_archive.core.sentences`) keeps as one.
"""

from __future__ import annotations

import re

from wpk_archive.core.dates import DateMention
from wpk_archive.core.dates_ko import find_dateline_ko, find_dates_ko, has_hangul
from wpk_archive.core.timeline.dating import assign_dates
from wpk_archive.core.timeline.dating_ko import assign_dates_ko, role_ko, status_ko
from wpk_archive.core.timeline.dating_status import role_of, status_of
from wpk_archive.core.timeline.found import Found, Ref
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
_NOUN_OF = {
    "plenary": "plenary",
    "session": "session",
    "conference": "conference",
    "congress": "congress",
    "meeting": "meeting",
}


def korean_keywords(text: str) -> bool:
    """Whether ``text`` is Korean and holds a meeting noun (a sentence worth reading)."""
    return has_hangul(text) and has_meeting_words_ko(text)


def meetings_ko(
    sentence: str,
    named: list[NamedMeeting],
    others: list[OtherMeeting],
    last: dict[str, Ref | None],
    lead: str,
    terms: dict[str, int],
    last_named: dict[str, Ref] | None = None,
) -> tuple[list[NamedMeeting], list[OtherMeeting]]:
    """The English grammar's meetings of ``sentence`` with the Korean ones added.

    ``last``: what "the <noun>" refers back to; ``lead``: the document's title and opening (where
    another party makes a bare 당 another party's); ``terms``: the Central Committee's and the
    Assembly's terms the document named, updated here from the Korean names ("제8기 제9차
    전원회의" makes a later "10차 전원회의" the 8th Central Committee's, as in English);
    ``last_named``: the last numbered meeting of each kind (for elliptic names).
    """
    korean, korean_others = find_meetings_ko(sentence)
    if foreign_ko_in(lead) and not re.search(r"[로노]동당|북한|김정은|조선민주주의", sentence):
        korean = [m for m in korean if m.explicit]
    korean = [m for m in korean if not any(m.start < e.end and e.start < m.end for e in named)]
    korean = [_series(sentence, m, [*named, *korean], last) for m in korean]
    merged = [*named, *korean]
    for meeting in _elliptic(sentence, merged, last, last_named or {}):
        if not any(meeting.start < m.end and m.start < meeting.end for m in merged):
            merged.append(meeting)
    rest = [
        o for o in others + korean_others if not any(m.start <= o.start < m.end for m in merged)
    ]
    copies = _same_sentence(sentence, merged, rest)
    merged.extend(copies)
    merged.sort(key=lambda m: (m.start, m.number or 0))
    rest = [o for o in rest if not any(c.start == o.start for c in copies)]
    rest.sort(key=lambda o: o.start)
    for meeting in korean:
        if meeting.term is not None:
            body = "spa" if meeting.kind.startswith("spa_") else "cc"
            if body == "spa" or meeting.kind in ("cc_plenary", "politburo_meeting"):
                terms[body] = meeting.term
    return merged, rest


_BARE_NUMBERED = re.compile(r"(?:제\s?)?\d{1,2}\s?차\s*대회")


def _series(
    sentence: str, meeting: NamedMeeting, named: list[NamedMeeting], last: dict[str, Ref | None]
) -> NamedMeeting:
    """ "초급당비서대회는 2016년 12월 제1차 대회 이후": a bare numbered 대회 after a lower party
    meeting (in the sentence, or the last the document named) is one of that series."""
    if meeting.kind != "party_congress" or not _BARE_NUMBERED.fullmatch(
        sentence[meeting.start : meeting.end]
    ):
        return meeting
    before = [m for m in named if m.end <= meeting.start and m.kind == "other_party_meeting"]
    if before:
        series = before[-1]
        return NamedMeeting(
            meeting.start,
            meeting.end,
            series.kind,
            None,
            meeting.number,
            explicit=True,
            noun=series.noun,
            slug=series.slug,
            label=series.label,
        )
    ref = last.get("conference")
    if ref is not None and ref.kind == "other_party_meeting":
        slug = ref.key.split(":")[1]
        label = re.sub(r"^\d+(?:st|nd|rd|th)\s+", "", ref.name)
        return NamedMeeting(
            meeting.start,
            meeting.end,
            ref.kind,
            None,
            meeting.number,
            explicit=True,
            noun="conference",
            slug=slug,
            label=label,
        )
    return meeting


_KINDS_OF_NOUN = {
    "plenary": ("cc_plenary", "spa_standing_committee", "other_party_meeting"),
    "meeting": (
        "cc_plenary",
        "politburo_meeting",
        "cmc_meeting",
        "secretariat_meeting",
        "spa_standing_committee",
        "spa_session",
        "other_party_meeting",
    ),
    "session": ("spa_session",),
    "congress": ("party_congress", "other_party_meeting"),
    "conference": ("party_conference",),
}
_NOT_THIS = re.compile(
    r"(?:직전|지난|이전|다음|앞선|차기|첫|마지막|매|각|역대|여러|두|세|\d+\s*일\s*차|첫\s?날|"
    r"이틀째|사흘째|나흘째|닷새째|\d+\s*일째|마지막\s?날|둘째\s?날)\s*$"
)


def _bare(sentence: str, other: OtherMeeting) -> bool:
    """Whether a meeting noun stands alone (회의는, 이번 전원회의에서), referring back, and not to
    another meeting than the last ("직전 전원회의", "다음 대회"), nor to another body's."""
    if _BARE_BEFORE.search(sentence, max(0, other.start - 6), other.start):
        return False
    if _NOT_THIS.search(sentence, max(0, other.start - 8), other.start):
        return False
    return not re.match(r"인\s", sentence[other.end : other.end + 2])


def _same_sentence(
    sentence: str, named: list[NamedMeeting], others: list[OtherMeeting]
) -> list[NamedMeeting]:
    """A bare noun after a name in the same sentence is that meeting again ("노동당 비서국
    확대회의를 열고 ... 어제(27일) 열린 회의에선")."""
    copies = []
    for other in others:
        if not _bare(sentence, other):
            continue
        kinds = _KINDS_OF_NOUN.get(other.noun, ())
        before = [m for m in named if m.end <= other.start and m.kind in kinds]
        if before:
            m = before[-1]
            copies.append(
                NamedMeeting(
                    other.start,
                    other.end,
                    m.kind,
                    m.term,
                    m.number,
                    enlarged=m.enlarged,
                    explicit=m.explicit,
                    noun=m.noun,
                    slug=m.slug,
                    label=m.label,
                )
            )
    return copies


def _elliptic(
    sentence: str,
    named: list[NamedMeeting],
    last: dict[str, Ref | None],
    last_named: dict[str, Ref],
) -> list[NamedMeeting]:
    """ "제8기 제3차 확대회의" after a CMC or Politburo meeting; "제14기 제13차 회의", "10차 회의"
    after an SPA session."""
    result = []
    for match in _ELLIPTIC.finditer(sentence):
        if any(m.start <= match.start() < m.end for m in named):
            continue
        term = int(match.group("t")) if match.group("t") else None
        number = int(match.group("n"))
        meeting, session = last.get("meeting"), last.get("session")
        before = [m.kind for m in named if m.end <= match.start()]
        if "spa_session" in before or "spa_standing_committee" in before:
            session = session or Ref("spa_session", "", "", True)
        if before and before[-1] in ("cmc_meeting", "politburo_meeting"):
            meeting = Ref(before[-1], "", "", True)
        elif meeting is None or meeting.kind not in ("cmc_meeting", "politburo_meeting"):
            bodies = [k for k in ("cmc_meeting", "politburo_meeting") if k in last_named]
            meeting = Ref(bodies[0], "", "", True) if len(bodies) == 1 else meeting
        kind = None
        if not match.group("enl") and session is not None:
            kind = "spa_session"
        elif (
            match.group("enl")
            and meeting is not None
            and meeting.kind in ("cmc_meeting", "politburo_meeting")
        ):
            kind = meeting.kind
        if kind is None or (term is not None and kind != "spa_session" and term > 12):
            continue
        noun = "session" if kind == "spa_session" else "meeting"
        result.append(
            NamedMeeting(
                match.start(),
                match.end(),
                kind,
                term,
                number,
                enlarged=bool(match.group("enl")),
                explicit=True,
                noun=noun,
            )
        )
    return result


def anaphors_ko(
    sentence: str, others: list[OtherMeeting], last: dict[str, Ref | None]
) -> list[Found]:
    """Bare meeting nouns pointing back to the last meeting of their kind."""
    found = []
    for other in others:
        if not _bare(sentence, other):
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


_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")


def korean_sentence(sentence: str) -> bool:
    """Whether a sentence is written in Korean (word order and all), not English with a Korean
    gloss in it ("The August faction incident (8월 종파 사건) ... in 1956")."""
    if not has_hangul(sentence):
        return False
    return len(_HANGUL.findall(sentence)) * 2 >= len(_LATIN.findall(sentence))


def assign(sentence: str, found: list[Found], dates: list[DateMention]) -> None:
    """Tie dates to meetings with the Korean rules for a Korean sentence, else the English ones."""
    if korean_sentence(sentence):
        assign_dates_ko(sentence, found, dates)
    else:
        assign_dates(sentence, found, dates)


def status(sentence: str, meeting: Found, doc_date: str | None) -> str | None:
    """Held, announced or postponed, in Korean or English."""
    if korean_sentence(sentence):
        return status_ko(sentence, meeting, doc_date)
    return status_of(sentence, meeting, doc_date)


def role(sentence: str, meeting: Found) -> str | None:
    """Opening or closing day, in Korean or English."""
    if korean_sentence(sentence):
        return role_ko(sentence, meeting)
    return role_of(sentence, meeting)


_GLUED_END = re.compile(r"(?<=[다요까])\.(?=[가-힣\[【(“\"])")
_GLUED_END_EN = re.compile(r"(?<=[a-z]{3})\.(?=(?:The|A|An|In|On|At|It|He|She|They|North|Kim)\s)")
"""An English sentence glued to the next by a web copy ("... next month.The Korean Central News
Agency reported ..."); only before a word that opens sentences, so "kcna.kp" or "U.S." stay."""


def split_glued(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with Korean sentences that web copies glue together ("진행되었다.김정은
    동지가 ...", where no space follows the period) cut apart; syntok only splits at a space."""
    result = []
    for start, end in spans:
        for glued in (_GLUED_END if has_hangul(text[start:end]) else _GLUED_END_EN).finditer(
            text, start, end
        ):
            result.append((start, glued.end()))
            start = glued.end()
        result.append((start, end))
    return result


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
    "split_glued",
    "status",
]
