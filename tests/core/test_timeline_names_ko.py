"""Korean meeting names (timeline/names_ko.py) and the Korean timeline end to end: the same keys as
English, Korean word order, and a Korean and an English report of one meeting merged."""

from __future__ import annotations

import pytest

from wpk_archive.core.chronology import load_chronology
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Event
from wpk_archive.core.timeline import extract_mentions, merge_mentions
from wpk_archive.core.timeline.names_ko import find_meetings_ko

CHRONOLOGY = load_chronology()


def named(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(m.kind, m.term, m.number) for m in find_meetings_ko(text)[0]]


@pytest.mark.parametrize(
    ("text", "expected", "enlarged", "explicit"),
    [
        (
            "조선로동당 중앙위원회 제8기 제10차전원회의 확대회의",
            [("cc_plenary", 8, 10)],
            True,
            True,
        ),
        ("노동당 중앙위 8기10차 전원회의", [("cc_plenary", 8, 10)], False, True),
        ("당중앙위원회 제8기 제9차 전원회의", [("cc_plenary", 8, 9)], False, False),
        ("노동당 제7기 중앙위원회 제4차 전원회의", [("cc_plenary", 7, 4)], False, True),
        ("1974년 제5기 8차 당 전원회의에서", [("cc_plenary", 5, 8)], False, False),
        ("당중앙위원회 정치국 비상확대회의", [("politburo_meeting", None, None)], True, False),
        (
            "조선로동당 중앙위원회 정치국 제22차 비상확대회의",
            [("politburo_meeting", None, 22)],
            True,
            True,
        ),
        ("제7기 제21차 정치국 확대회의를 주재했다", [("politburo_meeting", 7, 21)], True, False),
        ("노동당 중앙위 8기20차 정치국회의에서", [("politburo_meeting", 8, 20)], False, True),
        ("당중앙군사위원회 확대회의", [("cmc_meeting", None, None)], True, False),
        ("조선로동당 중앙군사위원회 제8기 제3차확대회의", [("cmc_meeting", 8, 3)], True, True),
        ("당중앙위원회 비서국 회의", [("secretariat_meeting", None, None)], False, False),
        ("당 중앙위원회 정무국회의를 열고", [("secretariat_meeting", None, None)], False, False),
        ("최고인민회의 제14기 제10차회의", [("spa_session", 14, 10)], False, True),
        ("제10기 최고인민회의 1차회의를", [("spa_session", 10, 1)], False, True),
        ("12기 최고인민회의 첫 전체회의를 열어", [("spa_session", 12, 1)], False, True),
        ("최고인민회의 상임위원회 전원회의", [("spa_standing_committee", None, None)], False, True),
        (
            "최고인민회의 상임위원회 제14기 제32차 전원회의",
            [("spa_standing_committee", 14, 32)],
            False,
            True,
        ),
        ("조선로동당 제8차대회", [("party_congress", None, 8)], False, True),
        ("당 제8차대회", [("party_congress", None, 8)], False, False),
        ("8차 당대회", [("party_congress", None, 8)], False, False),
        ("조선로동당 제7차 전국대표대회", [("party_congress", None, 7)], False, True),
        ("당대표자회", [("party_conference", None, None)], False, False),
        ("제3차 당대표자회", [("party_conference", None, 3)], False, False),
        ("1966년조선로동당 제2차 대표자회", [("party_conference", None, 2)], False, True),
        ("도당위원회 전원회의", [("other_party_meeting", None, None)], False, True),
        ("세포비서대회", [("other_party_meeting", None, None)], False, True),
        ("조선로동당 제6차 세포비서대회", [("other_party_meeting", None, 6)], False, True),
        (
            "당중앙위원회 제8기 제4차, 제5차 전원회의",
            [("cc_plenary", 8, 4), ("cc_plenary", 8, 5)],
            False,
            False,
        ),
    ],
)
def test_korean_names(
    text: str, expected: list[tuple[str, int | None, int | None]], enlarged: bool, explicit: bool
) -> None:
    meetings = find_meetings_ko(text)[0]
    assert [(m.kind, m.term, m.number) for m in meetings] == expected
    assert meetings[0].enlarged is enlarged
    assert meetings[0].explicit is explicit


def test_lower_party_meetings_share_the_english_slugs() -> None:
    (cells,) = find_meetings_ko("조선로동당 제6차 세포비서대회")[0]
    assert (cells.slug, cells.label) == (
        "conference-cell-secretaries",
        "Conference of Cell Secretaries of the WPK",
    )
    (province,) = find_meetings_ko("평안남도당위원회 확대전원회의")[0]
    assert province.slug == "plenary-meeting-south-phyongan-provincial"


@pytest.mark.parametrize(
    "text",
    [
        "중국공산당 제20차 대표대회",
        "중국 공산당 제20차 전국대표대회(당 대회)가 16일 개막했다",
        "라오스인민혁명당 제11차대회",
        "우리 인민은 형제적인 라오스당과 라오스인민이 당 제11차대회가 제시한 투쟁목표를",
        "김일성-김정일주의청년동맹 제10차대회",
        "청년동맹 중앙위 9기 12차 전원회의는",
        "국회 본회의",
        "내각전원회의",
        "북한 내각이 전원회의 확대회의를 열어",
        "민주당 강원도당 제1차 상무위원회의 개최",
        "라오인민혁명당은 지난 22일 10차 전당대회에서",
        "당중앙위원회 전원회의나 당대표자회와 같이",
    ],
)
def test_not_the_wpk(text: str) -> None:
    assert named(text) == []


def test_chronology_korean_names_read_back_to_their_rows() -> None:
    rows = [r for r in CHRONOLOGY.entries if r.name_ko]
    assert len(rows) >= 90
    for row in rows:
        meetings = find_meetings_ko(row.name_ko)[0]
        assert len(meetings) == 1, row.name_ko
        (meeting,) = meetings
        assert meeting.kind == row.kind, row.name_ko
        assert meeting.number == row.number, row.name_ko
        if meeting.date_name:
            assert row.start.startswith(meeting.date_name), row.name_ko
        elif row.kind not in ("party_congress", "party_conference"):
            assert meeting.term == row.term, row.name_ko


def events(text: str, date: str | None, origin: str = "k") -> list[Event]:
    doc = document_from_text(text, origin=origin, title=origin, date=date)
    return [
        e
        for e in merge_mentions(extract_mentions(doc), chronology=CHRONOLOGY)
        if not e.reference_only
    ]


def test_a_korean_and_an_english_report_make_one_event() -> None:
    korean = document_from_text(
        "【평양 7월 2일발 조선중앙통신】조선로동당 중앙위원회 제8기 제10차전원회의 확대회의가 "
        "6월 28일부터 7월 1일까지 당중앙위원회 본부청사에서 진행되였다.",
        origin="ko",
        title="ko",
        date="2024-07-02",
    )
    english = document_from_text(
        "Pyongyang, July 2 (KCNA) -- The enlarged 10th Plenary Meeting of the 8th Central Committee "
        "of the Workers' Party of Korea was held from June 28 to July 1.",
        origin="en",
        title="en",
        date="2024-07-02",
    )
    mentions = extract_mentions(korean) + extract_mentions(english)
    (event,) = [e for e in merge_mentions(mentions, chronology=CHRONOLOGY) if not e.reference_only]
    assert event.key == "cc_plenary:8:10"
    assert (event.start, event.end) == ("2024-06-28", "2024-07-01")
    assert len(event.sources) == 2
    assert event.name_ko == "조선로동당 중앙위원회 제8기 제10차전원회의"


@pytest.mark.parametrize(
    ("text", "date", "key", "start", "end"),
    [
        # the date first, then a place, then the name, the subject of a verb of holding
        (
            "2024년 6월 28일부터 7월 1일까지 당중앙위원회 본부청사에서 조선로동당 중앙위원회 제8기 "
            "제10차전원회의가 진행되었다.",
            None,
            "cc_plenary:8:10",
            "2024-06-28",
            "2024-07-01",
        ),
        # the name, then the date
        (
            "조선로동당 중앙위원회 제8기 제10차전원회의가 6월 28일부터 7월 1일까지 진행되었다.",
            "2024-07-02",
            "cc_plenary:8:10",
            "2024-06-28",
            "2024-07-01",
        ),
        # a relative clause
        (
            "지난해 12월26~30일 열린 당중앙위 8기9차 전원회의에서 선언했다.",
            "2024-06-29",
            "cc_plenary:8:9",
            "2023-12-26",
            "2023-12-30",
        ),
        # the opening day before the name, the closing day after it
        (
            "2021년 1월 5일 평양에서 개막한 조선로동당 제8차 대회가 1월 12일을 끝으로 마무리됐다.",
            "2021-01-15",
            "party_congress:8",
            "2021-01-05",
            "2021-01-12",
        ),
        # a bare 회의 refers back to the meeting named before
        (
            "최고인민회의 제14기 제11차회의가 소집되였다. 회의는 10월 7일부터 8일까지 진행되였다.",
            "2024-10-09",
            "spa_session:14:11",
            "2024-10-07",
            "2024-10-08",
        ),
        # a report's own date is not the meeting's
        (
            '조선중앙통신은 27일 "조선노동당 중앙위원회 제8기 제6차전원회의가 2022년 12월 26일 '
            '당중앙위원회 본부청사에서 소집됐다"고 밝혔다.',
            "2022-12-27",
            "cc_plenary:8:6",
            "2022-12-26",
            "2022-12-26",
        ),
    ],
)
def test_korean_word_order_dates_the_meeting(
    text: str, date: str | None, key: str, start: str, end: str
) -> None:
    (event,) = events(text, date)
    assert (event.key, event.start, event.end) == (key, start, end)


def test_a_date_of_what_a_meeting_decided_does_not_date_it() -> None:
    text = "이번 전원회의는 지난 5월24일 노동당 중앙위 8기20차 정치국회의에서 “6월 하순“ 소집하기로 결정됐다."
    found = {e.key: (e.start, e.end) for e in events(text, "2024-06-29")}
    assert found["politburo_meeting:8:20"] == ("2024-05-24", "2024-05-24")


def test_a_sitting_day_does_not_date_the_meeting() -> None:
    text = "통신은 당 제8기 제13차 전원회의 2일 차 회의가 어제 진행됐다며 결론을 밝혔습니다."
    mentions = extract_mentions(document_from_text(text, origin="s", title="s", date="2025-12-11"))
    assert [(m.key, m.start_date) for m in mentions] == [("cc_plenary:8:13", None)]


def test_an_elliptic_name_takes_the_body_named_before() -> None:
    text = (
        "조선중앙통신은 7일 조선노동당 중앙군사위원회 제8기 제4차 확대회의가 6일 진행됐다고 보도했다. "
        "북한이 당 중앙군사위원회를 소집한 것은 지난해 6월 21일부터 사흘간 열린 제8기 제3차 확대회의 "
        "개최 이후 7개월여 만이다."
    )
    found = {e.key: (e.start, e.end) for e in events(text, "2023-02-07")}
    assert found["cmc_meeting:8:4"] == ("2023-02-06", "2023-02-06")
    assert found["cmc_meeting:8:3"] == ("2022-06-21", "2022-06-23")


def test_english_text_takes_the_english_path() -> None:
    text = "The 8th Congress of the Workers' Party of Korea opened in Pyongyang on January 5, 2021."
    (event,) = events(text, "2021-01-06")
    assert (event.key, event.start) == ("party_congress:8", "2021-01-05")
