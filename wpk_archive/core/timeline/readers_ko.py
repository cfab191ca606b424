"""The readers of Korean meeting names (see :mod:`.names_ko`, which holds the patterns and calls
these): from one match, the :class:`~.readers.NamedMeeting` objects it names, with the English
grammar's kinds, keys, slugs and labels, or none when the name is another body's.

Rules:
- a name belongs to another body when another organ stands right before it ("청년동맹 중앙위",
  "내각 전원회의") or is the clause's subject ("농근맹은 ... 전원회의를 진행해"), or, for a name
  that does not say it is the WPK's, when the sentence names another party, its country or South
  Korea's institutions and not the WPK or North Korea (:func:`foreign_ko_in`);
- numbers and terms are kept only within each kind's range; a congress or conference counted
  rather than numbered names no number;
- cell and primary-committee meetings, provincial and city committees' meetings, and a province's
  or the army's conference of party delegates get the English grammar's series, slugs and labels."""

from __future__ import annotations

import re
from collections.abc import Callable

from wpk_archive.core.timeline.names import NamedMeeting

_START = r"(?:(?<![가-힣])|(?<=\d년))"
PARTY_KO = (
    rf"(?:{_START}(?:북)?조선\s?[로노]동당|{_START}북한\s?[로노]동당|{_START}[로노]동당|{_START}당)"
)
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


ReaderKo = Callable[[re.Match[str], str], list[NamedMeeting] | None]
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
    if not re.match(PARTY_KO, text) and _OTHER_BEFORE.search(before):
        return True
    if not re.match(PARTY_KO, text):
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


def read_plenary_ko(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
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


def reader_ko(kind: str, noun: str, max_number: int, max_term: int) -> ReaderKo:
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


def read_congress_ko(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
    if _owned_elsewhere(match, sentence):
        return None
    numbers = _numbers(_group(match, "n"))
    if not _limits(numbers, None, 12, 12):
        return []
    before = sentence[max(0, match.start() - 12) : match.start()]
    plural = numbers == [None] and _COUNTED.search(before) is not None
    return _build(match, "party_congress", numbers, None, "congress", plural=plural)


def read_conference_ko(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
    if _owned_elsewhere(match, sentence):
        return None
    numbers = _numbers(_group(match, "n"))
    if not _limits(numbers, None, 12, 12):
        return []
    before = sentence[max(0, match.start() - 12) : match.start()]
    plural = numbers == [None] and _COUNTED.search(before) is not None
    return _build(match, "party_conference", numbers, None, "conference", plural=plural)


def read_cells_ko(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
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


def read_local_ko(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
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


def read_delegates_ko(match: re.Match[str], sentence: str) -> list[NamedMeeting] | None:
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
