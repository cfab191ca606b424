"""Meeting names in Korean text, North and South Korean styles, full and abbreviated.

:func:`find_meetings_ko` reads one sentence and returns the same
:class:`~wpk_archive.core.timeline.names.NamedMeeting` objects as the English grammar (same kinds,
terms, numbers and flags; the same slugs and labels for lower party meetings), so a Korean and an
English report of one meeting get one timeline key ("cc_plenary:8:10") and become one event:

- cc_plenary: 조선로동당 중앙위원회 제8기 제10차전원회의 확대회의, 노동당 중앙위 8기10차 전원회의,
  노동당 제7기 중앙위원회 제4차 전원회의, 당 제8기 제13차 전원회의, 제13차 전원회의, 6, 7차
  전원회의 (two meetings), 당 전원회의, 조선로동당 중앙위원회 2023년 12월 전원회의 (named by its date);
- politburo_meeting: 당중앙위원회 정치국 (비상)확대회의, 조선로동당 중앙위원회 정치국 제22차
  비상확대회의, 제7기 제21차 정치국 확대회의, 정치국회의, 중앙정치국 확대회의, 정치위원회 회의;
- cmc_meeting: 당중앙군사위원회 확대회의, 조선로동당 중앙군사위원회 제8기 제3차확대회의;
- secretariat_meeting: 당중앙위원회 비서국 회의, 정무국회의 (the Executive Policy Council, 2016-2021);
- spa_session: 최고인민회의 제14기 제10차회의, 제10기 최고인민회의 1차회의, 12기 최고인민회의 첫
  전체회의, and unnumbered (dated only): 최고인민회의 본회의, 최고인민회의를 열고, 열리는 최고인민회의;
- spa_standing_committee: 최고인민회의 상임위원회 (제14기 제32차) 전원회의, 상임위 전원회의;
- party_congress: 조선로동당 제8차대회, 당 제8차 대회, 8차 당대회, 제7차 전국대표대회 (as Xinhua
  writes it), 당대회, and a bare 제5차 대회 (not explicit, like "the 5th Congress");
- party_conference: 당대표자회, 조선로동당 제3차 대표자회, 제4차 노동당 대표자회;
- other_party_meeting: (제6차) 세포비서대회, 세포위원장대회, 초급당비서대회, 도당위원회 (확대)전원회의,
  평안남도당위원회 전원회의.

``explicit`` is True where the name says whose meeting it is (조선로동당, 노동당, 최고인민회의); a
name with a bare 당 or none is the WPK's unless the sentence names another party or country and not
the WPK (:func:`foreign_ko_in`). Not WPK meetings: 중국공산당 제20차 대표대회, 라오스인민혁명당
제11차대회, 청년동맹 제10차대회 and its Central Committee's plenums, 국회 본회의, 내각전원회의,
South Korean parties' 도당 (provincial chapter) meetings. Their meeting nouns, and bare nouns (회의,
전원회의, 대회) are returned as :class:`OtherMeeting` for the caller's anaphora.

This module holds the pattern table and :func:`find_meetings_ko`; each pattern's match is read by
a reader of :mod:`.readers_ko`, which also tells another body's names apart.
"""

from __future__ import annotations

import re

from wpk_archive.core.timeline.names import NamedMeeting, OtherMeeting
from wpk_archive.core.timeline.readers_ko import (
    PARTY_KO,
    ReaderKo,
    foreign_ko_in,
    read_cells_ko,
    read_conference_ko,
    read_congress_ko,
    read_delegates_ko,
    read_local_ko,
    read_plenary_ko,
    reader_ko,
)

_CC = r"(?:중앙위원회|중앙위(?!원))"


def _term(group: str) -> str:
    return rf"(?:제\s?)?(?P<{group}>\d{{1,2}})\s?기"


def _nums(group: str) -> str:
    return rf"(?P<{group}>(?:(?:제\s?)?\d{{1,3}}(?:\s?차)?\s*(?:,|·|、|및|와|과)\s*)*(?:제\s?)?\d{{1,3}}\s?차)"


_ENLARGED = r"(?:\s*확대\s?회의)?"
_MEETING = r"(?:(?:비상\s*)?(?:확대\s*)?회의(?![실장록]))"

_SITTING = re.compile(
    r"\s*(?:\d+\s*일\s*차|\d+\s*일\s*회의|첫\s?날|이틀째|사흘째|나흘째|닷새째|\d+\s*일째)"
)

_SPA = r"(?:조선민주주의인민공화국\s*)?최고인민회의"
_PATTERNS: list[tuple[re.Pattern[str], ReaderKo]] = [
    (
        re.compile(
            rf"{_SPA}\s*(?:상임위원회|상임위)\s*(?:{_term('t')}\s*)?(?:{_nums('n')}\s*)?"
            r"(?:전원\s?회의|회의)|"
            rf"(?<=열린\s){_SPA}\s*(?:상임위원회|상임위)(?=에서|는|가|에|의)"
        ),
        reader_ko("spa_standing_committee", "plenary", 80, 20),
    ),
    (
        re.compile(
            rf"{_SPA}(?:\s*\([^()]{{1,20}}\))?\s*{_term('t')}\s*{_nums('n')}\s*(?:전체\s?)?회의|"
            rf"{_term('t2')}\s*최고인민회의\s*(?:{_nums('n2')}|(?P<first>첫))\s*(?:전체\s?)?회의"
        ),
        reader_ko("spa_session", "session", 20, 20),
    ),
    (
        re.compile(
            rf"(?<![가-힣\d]){_nums('n')}\s*최고인민회의(?!\s*(?:상임|상설|대의원|의장|법제))"
        ),
        reader_ko("spa_session", "session", 20, 20),
    ),
    (
        re.compile(
            rf"{_SPA}\s*본회의|{_SPA}(?=\s*(?:를|을)\s*(?:[가-힣]+\s+){{0,2}}?(?:열|개최|소집))|"
            rf"(?:(?<=월\s)|(?<=일\s)){_SPA}(?=에서)|"
            rf"(?:(?<=열린\s)|(?<=리는\s)|(?<=열릴\s)|(?<=개최된\s)|(?<=소집된\s)){_SPA}(?!\s*(?:상임|상설|대의원|의장|법제))"
        ),
        reader_ko("spa_session", "session", 20, 20),
    ),
    (
        re.compile(
            rf"(?:{PARTY_KO}\s*)?(?:{_CC}\s*)?(?:{_term('t')}\s*{_nums('n')}\s*)?(?:중앙\s?)?"
            rf"(?:정치국|정치위원회)\s*(?:상무위원회\s*)?(?:{_nums('n2')}\s*)?{_MEETING}"
        ),
        reader_ko("politburo_meeting", "meeting", 60, 12),
    ),
    (
        re.compile(
            rf"(?:{PARTY_KO}\s*)?(?:중앙군사위원회|중앙군사위)\s*(?:{_term('t')}\s*)?(?:{_nums('n')}\s*)?"
            r"(?:비상\s*|비공개\s*)?(?:확대\s*)?회의(?![실장록])"
        ),
        reader_ko("cmc_meeting", "meeting", 60, 12),
    ),
    (
        re.compile(
            rf"(?:{PARTY_KO}\s*)?(?:{_CC}\s*)?(?:비서국|정무국)\s*(?:확대\s*)?회의(?![실장록])"
        ),
        reader_ko("secretariat_meeting", "meeting", 1, 1),
    ),
    (
        re.compile(
            rf"(?:{PARTY_KO}\s*)?(?:{_nums('n')}\s*['‘’\"“]?)?(?:전당\s?)?(?:\([^()]{{0,12}}\)\s*)?(?:{PARTY_KO}\s*)?(?:당\s?)?"
            r"(?P<what>세포\s?비서|세포\s?위원장|초급\s?당\s?비서|초급\s?당\s?위원장|분세포\s?위원장)\s*대회"
        ),
        read_cells_ko,
    ),
    (
        re.compile(r"(?<![가-힣])(?P<where>(?:조선)?인민군|[가-힣]{1,4}(?:도|시))\s?당\s?대표회"),
        read_delegates_ko,
    ),
    (
        re.compile(
            r"(?<![가-힣])(?P<place>[가-힣]{0,5}?)(?P<level>도|시|군|구역)당\s*(?:위원회)?\s*"
            rf"(?:{_term('t')}\s*)?(?:{_nums('n')}\s*)?(?:확대\s*)?전원\s?회의{_ENLARGED}"
        ),
        read_local_ko,
    ),
    (re.compile(rf"(?<![가-힣\d]){_nums('n')}\s*{PARTY_KO}\s*대표자\s?회"), read_conference_ko),
    (re.compile(rf"{PARTY_KO}\s*(?:의\s*)?(?:{_nums('n')}\s*)?대표자\s?회"), read_conference_ko),
    (re.compile(rf"(?<![가-힣\d]){_nums('n')}\s*{PARTY_KO}\s*대회"), read_congress_ko),
    (
        re.compile(
            rf"{PARTY_KO}\s*(?:의\s*)?(?:{_nums('n')}\s*)?(?:당\s?)?(?:전국\s?)?(?:대표)?대회"
        ),
        read_congress_ko,
    ),
    (
        re.compile(
            rf"(?:{PARTY_KO}\s*)?(?:{_term('t')}\s*)?{_CC}\s*(?:{_term('t2')}\s*)?(?:{_nums('n')}\s*)?"
            rf"(?:확대\s*)?(?:전원|전체)\s?회의{_ENLARGED}|"
            r"(?:" + PARTY_KO + r"\s*)?(?:" + _CC + r"\s*)?(?<![\d])(?:(?P<dy>\d{4})\s*년\s*)?"
            r"(?P<dm>1[0-2]|[1-9])\s*월\s*전원\s?회의"
        ),
        read_plenary_ko,
    ),
    (
        re.compile(
            rf"(?:{PARTY_KO}\s*)?(?<![가-힣\d]){_term('t')}\s*{_nums('n')}\s*(?:{PARTY_KO}\s*)?(?:확대\s*)?"
            rf"전원\s?회의{_ENLARGED}"
        ),
        read_plenary_ko,
    ),
    (
        re.compile(
            rf"(?:{PARTY_KO}\s*)?(?<![\d]){_nums('n')}\s*(?:{PARTY_KO}\s*)?(?:확대\s*)?전원\s?회의{_ENLARGED}"
        ),
        read_plenary_ko,
    ),
    (re.compile(rf"{PARTY_KO}\s*(?:중앙\s?)?전원\s?회의(?:들)?{_ENLARGED}"), read_plenary_ko),
    (
        re.compile(
            r"(?<=연말\s)전원\s?회의|(?<=연초\s)전원\s?회의|(?:(?<=상순\s)|(?<=중순\s)|(?<=하순\s))전원\s?회의"
        ),
        read_plenary_ko,
    ),
    (re.compile(rf"(?<![가-힣\d]){_nums('n')}\s*대회(?!장)"), read_congress_ko),
]

_NOUNS = re.compile(
    r"(?P<plenary>전원\s?회의)|(?P<session>본회의)|(?P<conference>대표자\s?회)|"
    r"(?P<meeting>(?:비상\s?)?(?:확대\s?)?회의(?![실장록]))|(?P<congress>대회(?!장))"
)
_KEYWORDS_KO = re.compile(r"회의|대회|대표자회|대표회")


def has_meeting_words_ko(text: str) -> bool:
    """Whether ``text`` holds a Korean meeting noun (회의, 대회, 대표자회)."""
    return _KEYWORDS_KO.search(text) is not None


_GENERIC_AFTER = re.compile(
    r"(?:(?:나|이나|처럼|등의|등을|등과|등이|들과)(?![가-힣])|와\s*같|과\s*같|들(?:은|이|을|의)?\s)"
)


def _generic(meeting: NamedMeeting, sentence: str) -> bool:
    """ "전원회의나 당대표자회와 같이", "당대회 등": a kind of meeting, not one meeting."""
    return (
        meeting.number is None
        and meeting.date_name is None
        and (_GENERIC_AFTER.match(sentence, meeting.end) is not None)
    )


def find_meetings_ko(sentence: str) -> tuple[list[NamedMeeting], list[OtherMeeting]]:
    """The WPK and SPA meetings named in a Korean ``sentence`` in text order, without overlaps,
    and the meeting nouns left (another body's meetings, bare 회의/전원회의/대회)."""
    found: list[NamedMeeting] = []
    if not has_meeting_words_ko(sentence):
        return [], []
    closed: list[tuple[int, int]] = []
    for pattern, reader in _PATTERNS:
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if end == start or any(start < c_end and c_start < end for c_start, c_end in closed):
                continue
            meetings = reader(match, sentence)
            if meetings is None:
                closed.append((start, end))
                continue
            if not meetings or any(start < m.end and m.start < end for m in found):
                continue
            if _generic(meetings[0], sentence):
                closed.append((start, end))
                continue
            found.extend(meetings)
    found.sort(key=lambda meeting: (meeting.start, meeting.number or 0))
    others: list[OtherMeeting] = []
    for noun in _NOUNS.finditer(sentence):
        if any(m.start <= noun.start() < m.end for m in found):
            continue
        others.append(OtherMeeting(noun.start(), noun.end(), noun.lastgroup or "meeting"))
    return found, others


def sitting_day_after(sentence: str, end: int) -> bool:
    """Whether the words after a name at ``end`` speak of one day's sitting ("2일 차 회의",
    "사흘째 회의"): a date there is that sitting's, not the meeting's."""
    return _SITTING.match(sentence, end) is not None


__all__ = [
    "find_meetings_ko",
    "foreign_ko_in",
    "has_meeting_words_ko",
    "sitting_day_after",
]
