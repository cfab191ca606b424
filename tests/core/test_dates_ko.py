"""Korean date mentions: the forms of wpk_archive.core.dates_ko, their spans and precision, and the
numbers that are not dates."""

from __future__ import annotations

import itertools

import pytest

from wpk_archive.core.dates import DateMention
from wpk_archive.core.dates_ko import find_dateline_ko, find_dates_ko, has_hangul

DOC = "2024-06-29"  # a Saturday


def one(text: str, doc_date: str | None = DOC, anchor: str | None = None) -> DateMention:
    (mention,) = find_dates_ko(text, doc_date=doc_date, weekday_anchor=anchor)
    assert text[mention.start : mention.end] == mention.text
    return mention


def dates(text: str, doc_date: str | None = DOC) -> list[tuple[str, str, str, str]]:
    return [
        (m.text, m.start_date, m.end_date, m.kind) for m in find_dates_ko(text, doc_date=doc_date)
    ]


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "precision", "kind", "inferred"),
    [
        (
            "회의는 2024년 6월 28일 열렸다",
            "2024년 6월 28일",
            "2024-06-28",
            "2024-06-28",
            "day",
            "date",
            False,
        ),
        ("2024년 6월 하순에", "2024년 6월 하순", "2024-06", "2024-06", "month", "date", False),
        (
            "6월 28일부터 7월 1일까지 진행",
            "6월 28일부터 7월 1일까지",
            "2024-06-28",
            "2024-07-01",
            "day",
            "range",
            True,
        ),
        (
            "지난해 12월26~30일 열린",
            "지난해 12월26~30일",
            "2023-12-26",
            "2023-12-30",
            "day",
            "range",
            True,
        ),
        ("12월26~30일 열린", "12월26~30일", "2024-12-26", "2024-12-30", "day", "range", True),
        (
            "28일부터 30일까지",
            "28일부터 30일까지",
            "2024-06-28",
            "2024-06-30",
            "day",
            "range",
            True,
        ),
        (
            "2023년 12월 26일부터 30일까지 진행",
            "2023년 12월 26일부터 30일까지",
            "2023-12-26",
            "2023-12-30",
            "day",
            "range",
            False,
        ),
        (
            "2023년 12월 28일부터 1월 2일까지",
            "2023년 12월 28일부터 1월 2일까지",
            "2023-12-28",
            "2024-01-02",
            "day",
            "range",
            False,
        ),
        (
            "2016년 5월 6~9일 열렸다",
            "2016년 5월 6~9일",
            "2016-05-06",
            "2016-05-09",
            "day",
            "range",
            False,
        ),
        ("지난 7~8일 평양", "지난 7~8일", "2024-06-07", "2024-06-08", "day", "range", True),
        (
            "2021년 1월 5일-12일",
            "2021년 1월 5일-12일",
            "2021-01-05",
            "2021-01-12",
            "day",
            "range",
            False,
        ),
        (
            "지난해 6월 21일부터 사흘간 열린",
            "지난해 6월 21일부터 사흘간",
            "2023-06-21",
            "2023-06-23",
            "day",
            "range",
            True,
        ),
        ("주체113(2024)년", "주체113(2024)년", "2024", "2024", "year", "juche", False),
        ("주체113년", "주체113년", "2024", "2024", "year", "juche", False),
        (
            "주체 87(1998)년 9월5일 평양에서",
            "주체 87(1998)년 9월5일",
            "1998-09-05",
            "1998-09-05",
            "day",
            "date",
            False,
        ),
        (
            "주체113(2024)년 6월 28일",
            "주체113(2024)년 6월 28일",
            "2024-06-28",
            "2024-06-28",
            "day",
            "date",
            False,
        ),
        ("지난해 12월 전원회의", "지난해 12월", "2023-12", "2023-12", "month", "date", True),
        ("올해 4월", "올해 4월", "2024-04", "2024-04", "month", "date", True),
        ("내년 1월 하순", "내년 1월 하순", "2025-01", "2025-01", "month", "date", True),
        (
            "지난 5월24일 정치국회의",
            "지난 5월24일",
            "2024-05-24",
            "2024-05-24",
            "day",
            "date",
            True,
        ),
        ("지난 7월 1일", "지난 7월 1일", "2023-07-01", "2023-07-01", "day", "date", True),
        ("오는 7월 1일", "오는 7월 1일", "2024-07-01", "2024-07-01", "day", "date", True),
        ("지난달 28일", "지난달 28일", "2024-05-28", "2024-05-28", "day", "date", True),
        ("내달 5일 평양에서", "내달 5일", "2024-07-05", "2024-07-05", "day", "date", True),
        ("6월 상순에 소집", "6월 상순", "2024-06", "2024-06", "month", "date", True),
        ("6월 중순", "6월 중순", "2024-06", "2024-06", "month", "date", True),
        ("6월 하순경", "6월 하순", "2024-06", "2024-06", "month", "date", True),
        ("12월 말 제8기", "12월 말", "2024-12", "2024-12", "month", "date", True),
        ("올 연말 열리는", "올 연말", "2024-12", "2024-12", "month", "date", True),
        ("2023년 말", "2023년 말", "2023-12", "2023-12", "month", "date", False),
        ("내년 초 9차 당대회", "내년 초", "2025", "2025", "year", "year", True),
        ("2024.6.28. 보도", "2024.6.28.", "2024-06-28", "2024-06-28", "day", "date", False),
        ("2024. 6. 28. 보도", "2024. 6. 28.", "2024-06-28", "2024-06-28", "day", "date", False),
        ("입력 2022.12.27", "2022.12.27", "2022-12-27", "2022-12-27", "day", "date", False),
        (
            "제6차대회/1980.10.10~14",
            "1980.10.10~14",
            "1980-10-10",
            "1980-10-14",
            "day",
            "range",
            False,
        ),
        ("1980년대에 이르러", "1980년대", "1980", "1989", "year", "decade", False),
        ("2016년 7차 당대회", "2016년", "2016", "2016", "year", "year", False),
        ("2024년도 사업", "2024년도", "2024", "2024", "year", "year", False),
        ("94년 4월 개최됐던", "94년 4월", "1994-04", "1994-04", "month", "date", False),
        (
            "2017년10월7일 7기 2차",
            "2017년10월7일",
            "2017-10-07",
            "2017-10-07",
            "day",
            "date",
            False,
        ),
    ],
)
def test_korean_date_forms(
    text: str, span: str, start: str, end: str, precision: str, kind: str, inferred: bool
) -> None:
    mention = one(text)
    assert (mention.text, mention.start_date, mention.end_date) == (span, start, end)
    assert (mention.precision, mention.kind, mention.year_inferred) == (precision, kind, inferred)


def test_a_range_takes_the_coarser_precision() -> None:
    mention = one("2023년 12월부터 2024년 1월 5일까지")
    assert (mention.start_date, mention.end_date, mention.precision) == (
        "2023-12",
        "2024-01",
        "month",
    )


def test_a_day_alone_is_placed_by_the_publication_date() -> None:
    # the nearest of this month, the month before and the month after, a later date counting triple
    assert one("28일 열렸다").start_date == "2024-06-28"
    assert one("3일 열렸다", doc_date="2024-07-01").start_date == "2024-07-03"
    assert one("28일 열렸다", doc_date="2024-07-03").start_date == "2024-06-28"
    assert (
        one("19일 노동당 중앙위원회 전원회의를 소집한다", doc_date="2020-08-18").start_date
        == "2020-08-19"
    )
    # 지난: on or before the anchor; 오는: after it
    assert one("지난 30일", doc_date="2024-07-01").start_date == "2024-06-30"
    assert one("오는 28일").start_date == "2024-07-28"
    assert one("오는 30일").start_date == "2024-06-30"
    # the dateline, when given, is the anchor
    assert one("28일 진행되였다", anchor="2024-07-02").start_date == "2024-06-28"
    # 어제(9일): the day in brackets
    assert one("어제(9일) 노동당", doc_date="2019-04-10").start_date == "2019-04-09"
    assert one("31일 열렸다", doc_date="2024-06-01").start_date == "2024-05-31"
    assert one("28일 차관급 회담").start_date == "2024-06-28"  # 차 of 차관, not "2일 차"


def test_yearless_dates_need_a_publication_date() -> None:
    for text in (
        "6월 28일",
        "28일 열렸다",
        "지난해 12월",
        "지난 일요일",
        "어제 개막했다",
        "6월 28일부터 7월 1일까지",
    ):
        assert find_dates_ko(text) == [], text
    assert [m.start_date for m in find_dates_ko("2024년 6월 28일")] == ["2024-06-28"]


def test_weekdays_and_relative_days() -> None:
    assert (one("지난 일요일 열린").start_date, one("지난 일요일").kind) == (
        "2024-06-23",
        "weekday",
    )
    assert one("금요일 진행되였다").start_date == "2024-06-28"
    assert one("토요일 열렸다").start_date == "2024-06-29"
    assert one("지난 토요일").start_date == "2024-06-22"
    assert one("오는 월요일").start_date == "2024-07-01"
    yesterday = one("어제 평양에서 개막했다")
    assert (yesterday.text, yesterday.start_date, yesterday.kind) == (
        "어제",
        "2024-06-28",
        "relative",
    )
    assert one("그저께 열렸다").start_date == "2024-06-27"
    assert one("북한이 오늘 평양에서 당대표자회를 엽니다").start_date == "2024-06-29"
    assert one("전날 열린 최고인민회의 상임위원회").start_date == "2024-06-28"
    assert one("이틀 후 열리는 최고인민회의에서").start_date == "2024-07-01"
    # only where they date something (a verb of holding follows in the clause), as in English
    assert find_dates_ko("오늘 날씨가 좋다", doc_date=DOC) == []
    assert find_dates_ko("어제 담화를 발표했다", doc_date=DOC) == []
    assert find_dates_ko("오늘날의 현실", doc_date=DOC) == []
    # "이틀 후 열린": two days after a day the sentence names, not after the publication date
    assert find_dates_ko("이틀 후 열린 최고인민회의에는 불참했다", doc_date="2018-04-12") == []
    assert dates(
        "9일 정치국회의를 주재했고 이틀 후 열린 최고인민회의에는 불참했다", "2018-04-12"
    ) == [
        ("9일", "2018-04-09", "2018-04-09", "date"),
        ("이틀 후", "2018-04-11", "2018-04-11", "relative"),
    ]


def test_kcna_korean_datelines() -> None:
    text = "【평양 6월 29일발 조선중앙통신】조선로동당 중앙위원회 제8기 제10차전원회의 확대회의가 6월 28일부터 7월 1일까지 진행되였다."
    line = find_dateline_ko(text, doc_date="2024-06-29")
    assert line is not None and (line.text, line.start_date, line.kind) == (
        "6월 29일",
        "2024-06-29",
        "dateline",
    )
    found = find_dates_ko(text, doc_date="2024-06-29")
    assert [(m.kind, m.start_date, m.end_date) for m in found] == [
        ("dateline", "2024-06-29", "2024-06-29"),
        ("range", "2024-06-28", "2024-07-01"),
    ]
    paren = find_dateline_ko("(평양 10월 9일발 조선중앙통신)\n\n회의가", doc_date="2024-10-09")
    assert paren is not None and paren.start_date == "2024-10-09"
    day_only = find_dateline_ko(
        "【22일발 조선중앙통신】조선민주주의인민공화국", doc_date="2018-03-22"
    )
    assert day_only is not None and day_only.start_date == "2018-03-22"
    assert find_dateline_ko("평양에서 6월 29일 보도", doc_date="2024-06-29") is None


@pytest.mark.parametrize(
    "text",
    [
        "조선로동당 중앙위원회 제8기 제10차전원회의",
        "새로운 국가경제발전 5개년 계획을 제시",
        "대표자 4,750명이 참가",
        "3차 회의, 100% 수행, 1호 청사, 2만 t의 비료",
        "모두 천 6백 53명의 대표자",
        "3일간 진행된 회의, 5년 만에, 36년만에 열린",
        "노동당 제7차대회 3일회의가 진행됐다",
        "전원회의 2일 차 회의",
        "4.25문화회관에서 열린 6.25전쟁 기념",
        "5∼30명 규모의 당 최말단 조직",
        "이 달성은 크다",
        "3·4분기 인민경제계획",
        "6개월 만에",
        "1년 7개월 만",
        "제 2차 당대표자회",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates_ko(text, doc_date=DOC) == [], text


def test_calendar_dates_only() -> None:
    assert find_dates_ko("2023년 2월 30일", doc_date=DOC) == []
    assert [m.start_date for m in find_dates_ko("2024년 2월 29일", doc_date=DOC)] == ["2024-02-29"]
    assert all(m.start_date != "2023-13" for m in find_dates_ko("2023년 13월", doc_date=DOC))
    assert find_dates_ko("2023.2.30.", doc_date=DOC) == []


def test_spans_do_not_overlap_and_follow_text_order() -> None:
    text = "2021년 1월 5일 평양에서 개막한 조선로동당 제8차 대회가 1월 12일을 끝으로 마무리됐다. 1970년 제5차 대회 이후"
    found = find_dates_ko(text, doc_date="2021-01-15")
    assert [m.text for m in found] == ["2021년 1월 5일", "1월 12일", "1970년"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_hangul_detection_is_cheap_on_ascii() -> None:
    assert not has_hangul("The 8th Congress of the WPK")
    assert not has_hangul("Kim Jong Un’s “report”")
    assert has_hangul("조선로동당")
