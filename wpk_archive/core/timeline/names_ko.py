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
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wpk_archive.core.timeline.names import NamedMeeting, OtherMeeting

_START = r"(?:(?<![가-힣])|(?<=\d년))"
_P = (
    rf"(?:{_START}(?:북)?조선\s?[로노]동당|{_START}북한\s?[로노]동당|{_START}[로노]동당|{_START}당)"
)
_CC = r"(?:중앙위원회|중앙위(?!원))"


def _term(group: str) -> str:
    return rf"(?:제\s?)?(?P<{group}>\d{{1,2}})\s?기"


def _nums(group: str) -> str:
    return rf"(?P<{group}>(?:(?:제\s?)?\d{{1,3}}(?:\s?차)?\s*(?:,|·|、|및|와|과)\s*)*(?:제\s?)?\d{{1,3}}\s?차)"


_ENLARGED = r"(?:\s*확대\s?회의)?"
_MEETING = r"(?:(?:비상\s*)?(?:확대\s*)?회의(?![실장록]))"

_FOREIGN = re.compile(
    r"중국\s?공산당|중공(?!업)|공산당|인민혁명당|라오스|라오(?![가-힣])|베트남|윁남|꾸바|쿠바|쏘련|소련|"
    r"로씨야|몽골|네팔|캄보쟈|캄보디아|시진핑|습근평|리커창|국무원|민주당|국민의힘|정의당|새누리|"
    r"한나라당|(?<![가-힣])국회(?!의원\s*선거)|청와대|대통령실"
)
_WPK = re.compile(
    r"[로노]동당|북한|북측|북조선|조선민주주의인민공화국|김정은|김일성|김정일|평양|조선중앙통신|"
    r"[로노]동신문|조선중앙방송|조선중앙TV|우리\s?당"
)
_OTHER_BEFORE = re.compile(
    r"(?:내각|국회|상임위원회|상임위|상설회의|동맹|소년단|공산당|혁명당|인민당|민주당|국민의힘|정의당|"
    r"단체|조합|국가계획위원회|인민위원회)\s*(?:\([^()]{0,12}\)\s*)?(?:[이가은는의]\s*)?(?:[가-힣]+\s+)?$"
)
_OTHER_SUBJECT = re.compile(
    r"(?:동맹|농근맹|직맹|여맹|녀맹|소년단|내각|공산당|혁명당|인민당|민주당)['’\"”]?(?:은|는|이|가|도)\s"
)
"""Another body as the subject of the clause ("농근맹은 지난 2월 4일 제8기 제11차 전원회의를 진행해")."""
_SITTING = re.compile(
    r"\s*(?:\d+\s*일\s*차|\d+\s*일\s*회의|첫\s?날|이틀째|사흘째|나흘째|닷새째|\d+\s*일째)"
)

_PROVINCES = {
    "평안남": "South Phyongan",
    "평안북": "North Phyongan",
    "함경남": "South Hamgyong",
    "함경북": "North Hamgyong",
    "황해남": "South Hwanghae",
    "황해북": "North Hwanghae",
    "강원": "Kangwon",
    "자강": "Jagang",
    "량강": "Ryanggang",
    "양강": "Ryanggang",
    "평양": "Pyongyang",
    "남포": "Nampho",
    "라선": "Rason",
    "나선": "Rason",
    "개성": "Kaesong",
}
_LEVELS = {"도": "Provincial", "시": "City", "군": "County", "구역": "District"}
_CELL_MEETINGS = {
    "세포비서": ("Conference of Cell Secretaries of the WPK", "conference-cell-secretaries"),
    "세포위원장": (
        "Conference of Chairpersons of Party Cells of the WPK",
        "conference-chairpersons-of-party-cells",
    ),
    "초급당비서": (
        "Conference of Secretaries of Primary Party Committees of the WPK",
        "conference-secretaries-of-primary-party-committees",
    ),
    "초급당위원장": (
        "Conference of Chairpersons of Primary Party Committees of the WPK",
        "conference-chairpersons-of-primary-party-committees",
    ),
    "분세포위원장": (
        "Conference of Chairpersons of Party Sub-cells of the WPK",
        "conference-chairpersons-of-party-sub-cells",
    ),
}


def foreign_ko_in(text: str) -> bool:
    """Whether ``text`` names another party, its country or South Korea's institutions, and not the
    WPK or North Korea."""
    return _FOREIGN.search(text) is not None and _WPK.search(text) is None


def _numbers(text: str | None) -> list[int | None]:
    if not text:
        return [None]
    return [int(n) for n in re.findall(r"\d{1,3}", text)]


def _group(match: re.Match[str], *names: str) -> str | None:
    for name in names:
        if name in match.re.groupindex and match.group(name):
            return match.group(name)
    return None


_Reader = Callable[[re.Match[str], str], list[NamedMeeting] | None]
"""A reader of one pattern's match: the meetings it names, [] when it names none, None when it is
another body's meeting (its text is then closed to the later patterns)."""


def _build(
    match: re.Match[str],
    kind: str,
    numbers: list[int | None],
    term: int | None,
    noun: str,
    *,
    explicit: bool | None = None,
    date_name: str | None = None,
    slug: str = "",
    label: str = "",
    plural: bool = False,
) -> list[NamedMeeting]:
    text = match.group(0)
    if explicit is None:
        explicit = re.search(r"[로노]동당|최고인민회의", text) is not None
    enlarged = "확대" in text
    return [
        NamedMeeting(
            match.start(),
            match.end(),
            kind,
            term,
            number,
            enlarged=enlarged,
            explicit=explicit,
            date_name=date_name,
            noun=noun,
            slug=slug,
            label=label,
            plural=plural,
        )
        for number in numbers
    ]


def _owned_elsewhere(match: re.Match[str], sentence: str) -> bool:
    """Whether the name belongs to another body: another organ stands right before it ("청년동맹
    중앙위", "내각 전원회의"), or, for a name that does not say it is the WPK's, the sentence is
    about another party or country."""
    before = sentence[max(0, match.start() - 16) : match.start()]
    text = match.group(0)
    if not re.match(_P, text) and _OTHER_BEFORE.search(before):
        return True
    if not re.match(_P, text):
        subjects = list(_OTHER_SUBJECT.finditer(sentence, 0, match.start()))
        if subjects and not re.search(
            r"[로노]동당|(?<![가-힣])당(?![가-힣])|최고인민회의",
            sentence[subjects[-1].end() : match.start()],
        ):
            return True
    explicit = re.search(r"[로노]동당|최고인민회의", text) is not None
    return not explicit and foreign_ko_in(sentence)


def _limits(numbers: list[int | None], term: int | None, max_number: int, max_term: int) -> bool:
    return all(n is None or 1 <= n <= max_number for n in numbers) and (
        term is None or 1 <= term <= max_term
    )


def _read_plenary(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
    if _owned_elsewhere(match, sentence):
        return None
    term_text = _group(match, "t", "t2")
    term = int(term_text) if term_text else None
    numbers = _numbers(_group(match, "n"))
    year, month = _group(match, "dy"), _group(match, "dm")
    date_name = None
    if month:
        date_name = f"{year}-{int(month):02d}" if year else f"--{int(month):02d}"
    if term is not None and term >= 10 and re.search(r"상임위|최고인민회의", sentence):
        if not _limits(numbers, term, 80, 20):  # "상임위원회는 ... 제14기 제37차 전원회의를 열고"
            return []
        return _build(match, "spa_standing_committee", numbers, term, "plenary", explicit=True)
    if not _limits(numbers, term, 40, 12):
        return []
    plural = numbers == [None] and bool(re.search(r"전원회의들$", match.group(0)))
    return _build(match, "cc_plenary", numbers, term, "plenary", date_name=date_name, plural=plural)


def _reader(kind: str, noun: str, max_number: int, max_term: int) -> _Reader:
    def read(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
        if kind != "spa_session" and _owned_elsewhere(match, sentence):
            return None
        term_text = _group(match, "t", "t2")
        term = int(term_text) if term_text else None
        numbers = _numbers(_group(match, "n", "n2"))
        if "first" in match.re.groupindex and match.group("first"):
            numbers = [1]
        if not _limits(numbers, term, max_number, max_term):
            return []
        explicit = True if kind in ("spa_session", "spa_standing_committee") else None
        return _build(match, kind, numbers, term, noun, explicit=explicit)

    return read


_COUNTED = re.compile(r"(?:\d+|여러|[가-힣]{1,2})\s*(?:차례|번)\s*(?:열린\s*|개최된\s*)?$")
"""Before a name, a count of meetings: "여섯 차례 당대회를 열었다", "2차례 열린 당 대표자회"."""


def _read_congress(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
    if _owned_elsewhere(match, sentence):
        return None
    numbers = _numbers(_group(match, "n"))
    if not _limits(numbers, None, 12, 12):
        return []
    before = sentence[max(0, match.start() - 12) : match.start()]
    plural = numbers == [None] and _COUNTED.search(before) is not None
    return _build(match, "party_congress", numbers, None, "congress", plural=plural)


def _read_conference(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
    if _owned_elsewhere(match, sentence):
        return None
    numbers = _numbers(_group(match, "n"))
    if not _limits(numbers, None, 12, 12):
        return []
    before = sentence[max(0, match.start() - 12) : match.start()]
    plural = numbers == [None] and _COUNTED.search(before) is not None
    return _build(match, "party_conference", numbers, None, "conference", plural=plural)


def _read_cells(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
    if foreign_ko_in(sentence):
        return None
    numbers = _numbers(_group(match, "n"))
    if not _limits(numbers, None, 40, 40):
        return []
    label, slug = _CELL_MEETINGS[re.sub(r"\s", "", match.group("what"))]
    return _build(
        match,
        "other_party_meeting",
        numbers,
        None,
        "conference",
        explicit=True,
        slug=slug,
        label=label,
    )


def _read_local(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
    if foreign_ko_in(sentence) or _FOREIGN.search(sentence):
        return None  # a South Korean party's provincial chapter (도당) is not the WPK's
    numbers = _numbers(_group(match, "n"))
    if not _limits(numbers, None, 60, 60):
        return []
    level = _LEVELS[match.group("level")]
    place = _PROVINCES.get(match.group("place") or "")
    if place:
        label = f"Plenary Meeting of the {place} {level} Committee of the WPK"
        slug = re.sub(r"[^a-z]+", "-", f"plenary meeting {place} {level}".lower()).strip("-")
    else:
        label = f"Plenary Meeting of a {level} Committee of the WPK"
        slug = f"plenary-meeting-{level.lower()}"
    return _build(
        match,
        "other_party_meeting",
        numbers,
        None,
        "plenary",
        explicit=True,
        slug=slug,
        label=label,
    )


def _read_delegates(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
    """ "평안남도 당대표회", "인민군 당대표회": a province's or the army's conference of party
    delegates (electing delegates to a congress or conference)."""
    if foreign_ko_in(sentence) or _FOREIGN.search(sentence):
        return None
    where = match.group("where")
    if where in ("인민군", "조선인민군"):
        place, slug_place = "the Korean People's Army", "kpa"
    else:
        name = _PROVINCES.get(re.sub(r"(?:도|시)$", "", where))
        if name is None:
            return []
        place, slug_place = f"{name} Province", name.lower().replace(" ", "-")
    return _build(
        match,
        "other_party_meeting",
        [None],
        None,
        "conference",
        explicit=True,
        slug=f"conference-party-delegates-{slug_place}",
        label=f"Conference of Party Delegates of {place} of the WPK",
    )


_SPA = r"(?:조선민주주의인민공화국\s*)?최고인민회의"
_PATTERNS: list[tuple[re.Pattern[str], _Reader]] = [
    (
        re.compile(
            rf"{_SPA}\s*(?:상임위원회|상임위)\s*(?:{_term('t')}\s*)?(?:{_nums('n')}\s*)?"
            r"(?:전원\s?회의|회의)|"
            rf"(?<=열린\s){_SPA}\s*(?:상임위원회|상임위)(?=에서|는|가|에|의)"
        ),
        _reader("spa_standing_committee", "plenary", 80, 20),
    ),
    (
        re.compile(
            rf"{_SPA}(?:\s*\([^()]{{1,20}}\))?\s*{_term('t')}\s*{_nums('n')}\s*(?:전체\s?)?회의|"
            rf"{_term('t2')}\s*최고인민회의\s*(?:{_nums('n2')}|(?P<first>첫))\s*(?:전체\s?)?회의"
        ),
        _reader("spa_session", "session", 20, 20),
    ),
    (
        re.compile(
            rf"(?<![가-힣\d]){_nums('n')}\s*최고인민회의(?!\s*(?:상임|상설|대의원|의장|법제))"
        ),
        _reader("spa_session", "session", 20, 20),
    ),
    (
        re.compile(
            rf"{_SPA}\s*본회의|{_SPA}(?=\s*(?:를|을)\s*(?:[가-힣]+\s+){{0,2}}?(?:열|개최|소집))|"
            rf"(?:(?<=월\s)|(?<=일\s)){_SPA}(?=에서)|"
            rf"(?:(?<=열린\s)|(?<=리는\s)|(?<=열릴\s)|(?<=개최된\s)|(?<=소집된\s)){_SPA}(?!\s*(?:상임|상설|대의원|의장|법제))"
        ),
        _reader("spa_session", "session", 20, 20),
    ),
    (
        re.compile(
            rf"(?:{_P}\s*)?(?:{_CC}\s*)?(?:{_term('t')}\s*{_nums('n')}\s*)?(?:중앙\s?)?"
            rf"(?:정치국|정치위원회)\s*(?:상무위원회\s*)?(?:{_nums('n2')}\s*)?{_MEETING}"
        ),
        _reader("politburo_meeting", "meeting", 60, 12),
    ),
    (
        re.compile(
            rf"(?:{_P}\s*)?(?:중앙군사위원회|중앙군사위)\s*(?:{_term('t')}\s*)?(?:{_nums('n')}\s*)?"
            r"(?:비상\s*|비공개\s*)?(?:확대\s*)?회의(?![실장록])"
        ),
        _reader("cmc_meeting", "meeting", 60, 12),
    ),
    (
        re.compile(rf"(?:{_P}\s*)?(?:{_CC}\s*)?(?:비서국|정무국)\s*(?:확대\s*)?회의(?![실장록])"),
        _reader("secretariat_meeting", "meeting", 1, 1),
    ),
    (
        re.compile(
            rf"(?:{_P}\s*)?(?:{_nums('n')}\s*['‘’\"“]?)?(?:전당\s?)?(?:\([^()]{{0,12}}\)\s*)?(?:{_P}\s*)?(?:당\s?)?"
            r"(?P<what>세포\s?비서|세포\s?위원장|초급\s?당\s?비서|초급\s?당\s?위원장|분세포\s?위원장)\s*대회"
        ),
        _read_cells,
    ),
    (
        re.compile(r"(?<![가-힣])(?P<where>(?:조선)?인민군|[가-힣]{1,4}(?:도|시))\s?당\s?대표회"),
        _read_delegates,
    ),
    (
        re.compile(
            r"(?<![가-힣])(?P<place>[가-힣]{0,5}?)(?P<level>도|시|군|구역)당\s*(?:위원회)?\s*"
            rf"(?:{_term('t')}\s*)?(?:{_nums('n')}\s*)?(?:확대\s*)?전원\s?회의{_ENLARGED}"
        ),
        _read_local,
    ),
    (re.compile(rf"(?<![가-힣\d]){_nums('n')}\s*{_P}\s*대표자\s?회"), _read_conference),
    (re.compile(rf"{_P}\s*(?:의\s*)?(?:{_nums('n')}\s*)?대표자\s?회"), _read_conference),
    (re.compile(rf"(?<![가-힣\d]){_nums('n')}\s*{_P}\s*대회"), _read_congress),
    (
        re.compile(rf"{_P}\s*(?:의\s*)?(?:{_nums('n')}\s*)?(?:당\s?)?(?:전국\s?)?(?:대표)?대회"),
        _read_congress,
    ),
    (
        re.compile(
            rf"(?:{_P}\s*)?(?:{_term('t')}\s*)?{_CC}\s*(?:{_term('t2')}\s*)?(?:{_nums('n')}\s*)?"
            rf"(?:확대\s*)?(?:전원|전체)\s?회의{_ENLARGED}|"
            r"(?:" + _P + r"\s*)?(?:" + _CC + r"\s*)?(?<![\d])(?:(?P<dy>\d{4})\s*년\s*)?"
            r"(?P<dm>1[0-2]|[1-9])\s*월\s*전원\s?회의"
        ),
        _read_plenary,
    ),
    (
        re.compile(
            rf"(?:{_P}\s*)?(?<![가-힣\d]){_term('t')}\s*{_nums('n')}\s*(?:{_P}\s*)?(?:확대\s*)?"
            rf"전원\s?회의{_ENLARGED}"
        ),
        _read_plenary,
    ),
    (
        re.compile(
            rf"(?:{_P}\s*)?(?<![\d]){_nums('n')}\s*(?:{_P}\s*)?(?:확대\s*)?전원\s?회의{_ENLARGED}"
        ),
        _read_plenary,
    ),
    (re.compile(rf"{_P}\s*(?:중앙\s?)?전원\s?회의(?:들)?{_ENLARGED}"), _read_plenary),
    (
        re.compile(
            r"(?<=연말\s)전원\s?회의|(?<=연초\s)전원\s?회의|(?:(?<=상순\s)|(?<=중순\s)|(?<=하순\s))전원\s?회의"
        ),
        _read_plenary,
    ),
    (re.compile(rf"(?<![가-힣\d]){_nums('n')}\s*대회(?!장)"), _read_congress),
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
