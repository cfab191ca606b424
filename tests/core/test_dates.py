"""Date mentions: every supported form, the things that are not dates, and span properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wpk_archive.core.dates import DateMention, find_dateline, find_dates, parse_date_value


def one(text: str, doc_date: str | None = None) -> DateMention:
    """The only date mention of ``text``."""
    found = find_dates(text, doc_date=doc_date)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("January 14, 2021", "2021-01-14", "2021-01-14", "day"),
        ("14 January 2021", "2021-01-14", "2021-01-14", "day"),
        ("2021-01-14", "2021-01-14", "2021-01-14", "day"),
        ("on Dec. 24, 1991.", "1991-12-24", "1991-12-24", "day"),
        ("Sunday, April 15, 2012", "2012-04-15", "2012-04-15", "day"),
        ("held in April 2012", "2012-04", "2012-04", "month"),
        ("in May 2016", "2016-05", "2016-05", "month"),
        ("in March of 1958", "1958-03", "1958-03", "month"),
        ("since the previous congress in 2016", "2016", "2016", "year"),
        ("in 2013 it", "2013", "2013", "year"),
        ("between 1946 and 1948", "1946", "1948", "year"),
        ("from 2011 to 2016", "2011", "2016", "year"),
        ("in 2011-2012", "2011", "2012", "year"),
        ("from March 30 to April 2, 2012", "2012-03-30", "2012-04-02", "day"),
        ("October 10-14, 1980", "1980-10-10", "1980-10-14", "day"),
        ("from October 10 to 14, Juche 69 (1980)", "1980-10-10", "1980-10-14", "day"),
        ("in April Juche 65 (1976)", "1976-04", "1976-04", "month"),
        ("born in Juche 51 (1962)", "1962", "1962", "year"),
        ("Juche 110", "2021", "2021", "year"),
        ("in the 1990s", "1990", "1999", "year"),
    ],
)
def test_explicit_dates(text: str, start: str, end: str, precision: str) -> None:
    mention = one(text)
    assert (mention.start_date, mention.end_date, mention.precision) == (start, end, precision)
    assert not mention.year_inferred
    assert text[mention.start : mention.end] == mention.text


def test_juche_year_with_gregorian_is_one_mention() -> None:
    mention = one("Juche 51 (1962)")
    assert mention.kind == "juche"
    assert mention.text == "Juche 51 (1962)"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("from January 5 to 12", "2021-01-05", "2021-01-12"),
        ("January 5-12", "2021-01-05", "2021-01-12"),
        ("5 to 12 January", "2021-01-05", "2021-01-12"),
        ("between January 5 and 12", "2021-01-05", "2021-01-12"),
    ],
)
def test_ranges_take_year_from_doc_date(text: str, start: str, end: str) -> None:
    mention = one(text, doc_date="2021-02-21")
    assert (mention.start_date, mention.end_date) == (start, end)
    assert mention.kind == "range"
    assert mention.precision == "day"
    assert mention.year_inferred


@pytest.mark.parametrize("text", ["Jan. 14", "Jan 14", "January 14", "14 January"])
def test_yearless_day_takes_doc_year(text: str) -> None:
    mention = one(f"on {text} they met", doc_date="2021-02-21")
    assert mention.start_date == "2021-01-14"
    assert mention.year_inferred


def test_year_is_never_taken_from_nearby_text() -> None:
    found = find_dates("The 1998 law, it was adopted on April 9.", doc_date="2012-05-01")
    assert [m.start_date for m in found] == ["1998", "2012-04-09"]
    found = find_dates("In 1998 and 2000 it was amended on April 9.", doc_date="2012-05-01")
    assert [m.start_date for m in found][-1] == "2012-04-09"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1998 it was adopted on April 9.", ["1998", "1998-04-09"]),
        (
            "In 1956, the plenum met in August. In March it met again.",
            ["1956", "1956-08", "2012-03"],
        ),
        (
            "Last year, the North held SPA sessions in January and September.",
            ["2011", "2011-01", "2011-09"],
        ),
        ("During 1961 the congress opened on September 11.", ["1961", "1961-09-11"]),
        # the day of a report is the report's, not the fronted year's
        (
            "In 2011, jobless came to 2.8 million, an official said on Jan. 31.",
            ["2011", "2012-01-31"],
        ),
        # "this year" is still the report's
        ("In 1995 it happened and in August this year it happened again.", ["1995", "2012-08"]),
    ],
)
def test_a_fronted_year_dates_the_yearless_days_of_its_sentence(
    text: str, expected: list[str]
) -> None:
    found = find_dates(text, doc_date="2012-05-01")
    assert [m.start_date for m in found] == expected
    told = [m for m in found if m.start_date[:4] == expected[0] and m.precision != "year"]
    assert all(m.year_inferred == text.startswith("Last") for m in told)


def test_late_month_in_early_document_is_previous_year() -> None:
    assert one("on December 28", doc_date="2012-01-03").start_date == "2011-12-28"
    assert one("on December 28", doc_date="2012-12-30").start_date == "2012-12-28"


def test_relative_years() -> None:
    assert one("held in September last year", doc_date="2011-09-10").start_date == "2010-09"
    assert one("on April 15 this year", doc_date="2011-09-10").start_date == "2011-04-15"
    assert find_dates("on September 2 that year", doc_date="2011-09-10") == []


def test_yearless_mentions_are_skipped_without_doc_date() -> None:
    assert find_dates("from January 5 to 12, on Sunday") == []


def test_month_alone_after_preposition() -> None:
    mention = one("a Party conference in April", doc_date="2012-03-20")
    assert (mention.text, mention.start_date, mention.precision) == ("April", "2012-04", "month")


def test_coordinated_years_are_two_mentions() -> None:
    text = "held in 2013 and 2017 were"
    found = find_dates(text)
    assert [(m.text, m.start_date, m.kind) for m in found] == [
        ("2013", "2013", "coordinated"),
        ("2017", "2017", "coordinated"),
    ]


def test_dateline_and_weekday() -> None:
    text = "Pyongyang, April 2 (KCNA) -- A meeting took place here on Sunday."
    dateline = find_dateline(text, doc_date="2012-04-03")
    assert dateline is not None
    assert (dateline.text, dateline.start_date, dateline.kind) == (
        "April 2",
        "2012-04-02",
        "dateline",
    )
    found = find_dates(text, doc_date="2012-04-03")
    assert [(m.text, m.start_date, m.kind) for m in found] == [
        ("April 2", "2012-04-02", "dateline"),
        ("Sunday", "2012-04-01", "weekday"),
    ]


def test_weekday_without_dateline_uses_doc_date() -> None:
    mention = one("was held here on Friday.", doc_date="2011-12-31")
    assert (mention.start_date, mention.year_inferred) == ("2011-12-30", True)


def test_held_today() -> None:
    assert one("which was held today", doc_date="2012-09-25").start_date == "2012-09-25"


@pytest.mark.parametrize(
    "text",
    [
        "the 8th Congress",
        "the 4th Session of the Supreme People's Assembly",
        "Attending the Congress were 4,750 delegates, including 1,455 industrial workers",
        "There were also 2,000 observers.",
        "There were also 2000 observers.",
        "10 per cent were women",
        "the five-year plan",
        "in the period of five years since the 7th Congress",
        "Volume 51 Number 5",
        "1. Achievements Made in the Period under Review;\n\n2. For an Epoch-making Advance",
        "In the new century of the Juche era",
        "No. 2012 of the series",
        "It may rain; in March we",  # no year, no doc date
        "1,2012 people",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, doc_date=None) == []


def test_volume_line_only_the_date() -> None:
    text = "Volume 51 Number 5 - February 21, 2021"
    assert [m.text for m in find_dates(text)] == ["February 21, 2021"]


def test_seed_article_not_dates(seed_texts: dict[str, str]) -> None:
    text = seed_texts["003_b66ec506c79849ee.txt"]
    found = {m.text for m in find_dates(text, doc_date="2021-02-21")}
    assert found == {
        "from January 5 to 12",
        "2016",
        "January 12",
        "January 17",
        "January 14, 2021",
        "February 21, 2021",
    }


def _check_spans(text: str, doc_date: str | None) -> None:
    """Every mention's span lies inside the text and covers exactly its text."""
    for mention in find_dates(text, doc_date=doc_date):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.precision in ("day", "month", "year")
        assert mention.start_date[:4] <= mention.end_date[:4]


_FRAGMENTS = st.sampled_from(
    [
        "January",
        "Jan.",
        "Sept",
        "May",
        "14",
        "5",
        "31",
        "2021",
        "1962",
        "Juche",
        "51",
        "(1962)",
        "110",
        "from",
        "to",
        "between",
        "and",
        "in",
        "-",
        "–",
        ",",
        " ",
        ".",
        "Sunday",
        "(KCNA)",
        "--",
        "Pyongyang,",
        "\n",
        "4,750",
        "8th",
        "last",
        "year",
        "that",
        "today",
        "held",
        "1990s",
        "2,000",
        "0",
        "29",
        "February",
        "30",
        "of",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "2021-02-21", "2012-01-03", "bogus"]))
def test_arbitrary_text_never_raises(text: str, doc_date: str | None) -> None:
    _check_spans(text, doc_date)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_FRAGMENTS, max_size=25).map(" ".join),
    st.sampled_from([None, "2021-02-21", "2012-01-03"]),
)
def test_date_like_text_never_raises(text: str, doc_date: str | None) -> None:
    _check_spans(text, doc_date)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=25).map("".join))
def test_glued_date_like_text_never_raises(text: str) -> None:
    _check_spans(text, "2021-02-21")


# --- issue #14: general English date writing -------------------------------------------------

DOC = "2024-08-10"  # a Saturday


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "precision", "kind"),
    [
        # day-first and month-first, ordinals, "of"
        ("on 10 October 1980 it", "10 October 1980", "1980-10-10", "1980-10-10", "day", "date"),
        ("on October 10, 1980 it", "October 10, 1980", "1980-10-10", "1980-10-10", "day", "date"),
        (
            "on the 10th of October 1980",
            "the 10th of October 1980",
            "1980-10-10",
            "1980-10-10",
            "day",
            "date",
        ),
        ("10th October 1980", "10th October 1980", "1980-10-10", "1980-10-10", "day", "date"),
        (
            "Tuesday, 10 January 2012",
            "Tuesday, 10 January 2012",
            "2012-01-10",
            "2012-01-10",
            "day",
            "date",
        ),
        ("Sun, Mar. 6, 2016", "Sun, Mar. 6, 2016", "2016-03-06", "2016-03-06", "day", "date"),
        # abbreviations, dots, letter case
        ("Oct. 10, 1980", "Oct. 10, 1980", "1980-10-10", "1980-10-10", "day", "date"),
        ("oct 10 1980", "oct 10 1980", "1980-10-10", "1980-10-10", "day", "date"),
        ("SEPT 5, 2011", "SEPT 5, 2011", "2011-09-05", "2011-09-05", "day", "date"),
        ("Sept 5th 2011", "Sept 5th 2011", "2011-09-05", "2011-09-05", "day", "date"),
        ("Sept. 2011", "Sept. 2011", "2011-09", "2011-09", "month", "date"),
        # numeric
        ("on 2024-06-28 it", "2024-06-28", "2024-06-28", "2024-06-28", "day", "date"),
        ("on 2024/06/28 it", "2024/06/28", "2024-06-28", "2024-06-28", "day", "date"),
        ("on 2024.6.28 it", "2024.6.28", "2024-06-28", "2024-06-28", "day", "date"),
        ("on 28.6.2024 it", "28.6.2024", "2024-06-28", "2024-06-28", "day", "date"),
        ("on 28/6/2024 it", "28/6/2024", "2024-06-28", "2024-06-28", "day", "date"),
        ("on 6/28/2024 it", "6/28/2024", "2024-06-28", "2024-06-28", "day", "date"),
        ("on 3/3/2015 it", "3/3/2015", "2015-03-03", "2015-03-03", "day", "date"),
        ("31-Oct-74", "31-Oct-74", "1974-10-31", "1974-10-31", "day", "date"),
        ("in 2014-10 it", "2014-10", "2014-10", "2014-10", "month", "date"),
        ("in 2/2013 it", "2/2013", "2013-02", "2013-02", "month", "date"),
        # ranges within and across days, months and years
        ("10–14 October 1980", "10–14 October 1980", "1980-10-10", "1980-10-14", "day", "range"),
        ("October 10-14, 1980", "October 10-14, 1980", "1980-10-10", "1980-10-14", "day", "range"),
        ("6–9 May 2016", "6–9 May 2016", "2016-05-06", "2016-05-09", "day", "range"),
        (
            "held from 10 to 14 October 1980",
            "from 10 to 14 October 1980",
            "1980-10-10",
            "1980-10-14",
            "day",
            "range",
        ),
        (
            "19 to 25 February 2026",
            "19 to 25 February 2026",
            "2026-02-19",
            "2026-02-25",
            "day",
            "range",
        ),
        (
            "between 4 and 22 January 1995",
            "between 4 and 22 January 1995",
            "1995-01-04",
            "1995-01-22",
            "day",
            "range",
        ),
        ("from 2014 to 2018", "from 2014 to 2018", "2014", "2018", "year", "range"),
        ("in 2014–2018", "2014–2018", "2014", "2018", "year", "range"),
        ("the war (1950-53)", "1950-53", "1950", "1953", "year", "range"),
        ("fiscal year 2011-12", "2011-12", "2011", "2012", "year", "range"),
        (
            "December 2011 to January 2012",
            "December 2011 to January 2012",
            "2011-12",
            "2012-01",
            "month",
            "range",
        ),
        (
            "late December 2019 - early January 2020",
            "late December 2019 - early January 2020",
            "2019-12",
            "2020-01",
            "month",
            "range",
        ),
        (
            "from late 1949 to early 1950",
            "from late 1949 to early 1950",
            "1949",
            "1950",
            "year",
            "range",
        ),
        (
            "from March 30, 2011 to April 2, 2012",
            "from March 30, 2011 to April 2, 2012",
            "2011-03-30",
            "2012-04-02",
            "day",
            "range",
        ),
        # months and years
        ("in June 2016 it", "June 2016", "2016-06", "2016-06", "month", "date"),
        ("in 2016 June it", "2016 June", "2016-06", "2016-06", "month", "date"),
        ("in June of 2016", "June of 2016", "2016-06", "2016-06", "month", "date"),
        ("in early June 2016", "early June 2016", "2016-06", "2016-06", "month", "date"),
        ("in mid-2016", "mid-2016", "2016", "2016", "year", "year"),
        ("in early 1980", "early 1980", "1980", "1980", "year", "year"),
        ("by the end of 2012", "the end of 2012", "2012", "2012", "year", "year"),
        ("in the spring of 1950", "the spring of 1950", "1950", "1950", "year", "year"),
        (
            "the first quarter of 2012",
            "the first quarter of 2012",
            "2012-01",
            "2012-03",
            "month",
            "period",
        ),
        ("in 2018Q4", "2018Q4", "2018-10", "2018-12", "month", "period"),
        (
            "the first half of 2011",
            "the first half of 2011",
            "2011-01",
            "2011-06",
            "month",
            "period",
        ),
        (
            "the first Tuesday of October 2014",
            "the first Tuesday of October 2014",
            "2014-10-07",
            "2014-10-07",
            "day",
            "date",
        ),
        (
            "the last day of October 2015",
            "the last day of October 2015",
            "2015-10-31",
            "2015-10-31",
            "day",
            "date",
        ),
        (
            "the first week of October 2014",
            "the first week of October 2014",
            "2014-10-06",
            "2014-10-12",
            "day",
            "period",
        ),
        # decades and centuries
        ("in the 1970s", "the 1970s", "1970", "1979", "year", "decade"),
        ("in the late 1990s", "the late 1990s", "1990", "1999", "year", "decade"),
        ("from the mid-1990's", "the mid-1990's", "1990", "1999", "year", "decade"),
        ("in the '70s", "the '70s", "1970", "1979", "year", "decade"),
        ("in the 20th century", "the 20th century", "1900", "1999", "year", "century"),
        ("in the 21st century", "the 21st century", "2000", "2099", "year", "century"),
        ("the early 19th century", "the early 19th century", "1800", "1899", "year", "century"),
        # Juche years in KCNA's forms
        ("Juche 101 (2012)", "Juche 101 (2012)", "2012", "2012", "year", "juche"),
        ("in Juche 101 it", "Juche 101", "2012", "2012", "year", "juche"),
        ("in the Juche year 101", "Juche year 101", "2012", "2012", "year", "juche"),
        ("Juche 113 (2024)", "Juche 113 (2024)", "2024", "2024", "year", "juche"),
        ("in April, Juche 65", "April, Juche 65", "1976-04", "1976-04", "month", "date"),
        ("in Juche 69 (1980)", "Juche 69 (1980)", "1980", "1980", "year", "juche"),
        (
            "in late December Juche 39 (1950)",
            "late December Juche 39 (1950)",
            "1950-12",
            "1950-12",
            "month",
            "date",
        ),
    ],
)
def test_written_out_dates(
    text: str, span: str, start: str, end: str, precision: str, kind: str
) -> None:
    mention = one(text, doc_date=DOC)
    assert (mention.text, mention.start_date, mention.end_date) == (span, start, end)
    assert (mention.precision, mention.kind, mention.basis) == (precision, kind, "text")
    assert not mention.year_inferred


@pytest.mark.parametrize(
    ("text", "span", "start", "end", "precision", "kind"),
    [
        (
            "from June 28 to July 1",
            "from June 28 to July 1",
            "2024-06-28",
            "2024-07-01",
            "day",
            "range",
        ),
        (
            "from December 28 to January 3",
            "from December 28 to January 3",
            "2024-12-28",
            "2025-01-03",
            "day",
            "range",
        ),
        ("on February 28 and 29", "February 28 and 29", "2024-02-28", "2024-02-29", "day", "range"),
        ("last year", "last year", "2023", "2023", "year", "relative"),
        ("this year", "this year", "2024", "2024", "year", "relative"),
        ("next year", "next year", "2025", "2025", "year", "relative"),
        ("earlier this year", "earlier this year", "2024", "2024", "year", "relative"),
        ("late last year", "late last year", "2023", "2023", "year", "relative"),
        ("by the end of the year", "the end of the year", "2024", "2024", "year", "relative"),
        ("this month", "this month", "2024-08", "2024-08", "month", "relative"),
        ("last month", "last month", "2024-07", "2024-07", "month", "relative"),
        ("next month", "next month", "2024-09", "2024-09", "month", "relative"),
        ("last December", "last December", "2023-12", "2023-12", "month", "relative"),
        ("last June", "last June", "2024-06", "2024-06", "month", "relative"),
        ("next March", "next March", "2025-03", "2025-03", "month", "relative"),
        ("in December last year", "December last year", "2023-12", "2023-12", "month", "date"),
        (
            "in December three years ago",
            "December three years ago",
            "2021-12",
            "2021-12",
            "month",
            "date",
        ),
        ("three years ago", "three years ago", "2021", "2021", "year", "relative"),
        ("a decade ago", "a decade ago", "2014", "2014", "year", "relative"),
        ("six months ago", "six months ago", "2024-02", "2024-02", "month", "relative"),
        ("two weeks ago", "two weeks ago", "2024-07-27", "2024-07-27", "day", "relative"),
        ("it was held yesterday", "yesterday", "2024-08-09", "2024-08-09", "day", "relative"),
        (
            "the day before yesterday",
            "the day before yesterday",
            "2024-08-08",
            "2024-08-08",
            "day",
            "relative",
        ),
        ("last week", "last week", "2024-07-29", "2024-08-04", "day", "relative"),
        ("this week", "this week", "2024-08-05", "2024-08-11", "day", "relative"),
        (
            "the first quarter of this year",
            "the first quarter of this year",
            "2024-01",
            "2024-03",
            "month",
            "period",
        ),
        (
            "the second half of the year",
            "the second half of the year",
            "2024-07",
            "2024-12",
            "month",
            "period",
        ),
        (
            "on the 20th of next month",
            "the 20th of next month",
            "2024-09-20",
            "2024-09-20",
            "day",
            "relative",
        ),
        ("this winter", "this winter", "2024", "2025", "year", "relative"),
        ("the last century", "the last century", "1900", "1999", "year", "century"),
        ("on Sunday", "Sunday", "2024-08-04", "2024-08-04", "day", "weekday"),
        ("last Sunday", "last Sunday", "2024-08-04", "2024-08-04", "day", "weekday"),
        ("next Monday", "next Monday", "2024-08-12", "2024-08-12", "day", "weekday"),
        ("on Tuesday the 6th", "Tuesday the 6th", "2024-08-06", "2024-08-06", "day", "weekday"),
        ("in mid-June", "mid-June", "2024-06", "2024-06", "month", "date"),
        (
            "the first week of January",
            "the first week of January",
            "2024-01-01",
            "2024-01-07",
            "day",
            "period",
        ),
    ],
)
def test_dates_that_need_the_publication_date(
    text: str, span: str, start: str, end: str, precision: str, kind: str
) -> None:
    mention = one(text, doc_date=DOC)
    assert (mention.text, mention.start_date, mention.end_date) == (span, start, end)
    assert (mention.precision, mention.kind, mention.basis) == (precision, kind, "dateline")
    assert mention.year_inferred
    assert find_dates(text) == []  # without a publication date they are skipped


def test_relative_dates_count_from_the_dateline() -> None:
    text = "Pyongyang, August 5 (KCNA) -- It was held yesterday, not last Friday as set three weeks ago."
    found = find_dates(text, doc_date="2024-08-07")
    assert [(m.text, m.start_date, m.kind) for m in found] == [
        ("August 5", "2024-08-05", "dateline"),
        ("yesterday", "2024-08-04", "relative"),
        ("last Friday", "2024-08-02", "weekday"),
        ("three weeks ago", "2024-07-15", "relative"),
    ]
    assert all(m.basis == "dateline" and m.year_inferred for m in found)
    found = find_dates(
        "Pyongyang, August 5 (KCNA) -- It closed the previous day.", doc_date="2024-08-07"
    )
    assert [(m.text, m.start_date) for m in found] == [
        ("August 5", "2024-08-05"),
        ("the previous day", "2024-08-04"),
    ]
    # a story's "the previous day" (no dateline, no date before it) is not read
    assert find_dates("The road was slippery because of rain the previous day.", doc_date=DOC) == []


def test_the_following_day_counts_from_the_date_before_it() -> None:
    found = find_dates("It opened on July 24, 1953 and closed the following day.", doc_date=DOC)
    assert [(m.text, m.start_date, m.basis) for m in found] == [
        ("July 24, 1953", "1953-07-24", "text"),
        ("the following day", "1953-07-25", "text"),
    ]
    assert find_dates("The delegation left the following day.", doc_date=DOC) == []


def test_non_consecutive_days_are_two_mentions() -> None:
    found = find_dates("held on 3 and 5 June 2016", doc_date=DOC)
    assert [(m.text, m.start_date, m.kind) for m in found] == [
        ("3", "2016-06-03", "coordinated"),
        ("5 June 2016", "2016-06-05", "coordinated"),
    ]
    found = find_dates("on June 3 and 5", doc_date=DOC)
    assert [(m.text, m.start_date, m.kind) for m in found] == [
        ("June 3", "2024-06-03", "coordinated"),
        ("5", "2024-06-05", "coordinated"),
    ]


def test_coordinated_months_take_the_year_at_the_end() -> None:
    found = find_dates(
        "visits in March and June 2016 and in May and August last year", doc_date=DOC
    )
    assert [(m.text, m.start_date, m.kind) for m in found] == [
        ("March", "2016-03", "coordinated"),
        ("June 2016", "2016-06", "coordinated"),
        ("May", "2023-05", "coordinated"),
        ("August last year", "2023-08", "coordinated"),
    ]


def test_a_future_clause_keeps_a_late_month_in_the_publication_year() -> None:
    assert one("It will be launched in September.", doc_date="2012-02-18").start_date == "2012-09"
    assert one("It was launched in September.", doc_date="2012-02-18").start_date == "2011-09"


@pytest.mark.parametrize(
    "text",
    [
        "The 8th Congress of the WPK",
        "the 10th anniversary",
        "Attending were 4,750 delegates",
        "the five-year plan",
        "a 100-day campaign",
        "No. 1 and No. 2",
        "Vol. 1990",
        "see page 2012",
        "pp. 1950-53",
        "Article 10 and Article 12",
        "the score was 3-1 and 2-15",
        "won 2:1 on the pitch",
        "at 10:30 a.m.",
        "at 650.650.6500",
        "at 650-650-6500",
        "IP 192.168.1.10",
        "version 2.1.2012",
        "three fifths or 3/5 of them",
        "a 2/15 share",
        "on 5/6/2024",
        "cost 2000 won",
        "Pay ABC 2000",
        "2000 observers",
        "5 000 years ago",
        "in 2014 BC",
        "they march 5 km a day",
        "It may 5 times",
        "the April 25 House of Culture",
        "the June 15 joint declaration",
        "the October 4 declaration",
        "on August 15 every year",
        "The lake begins to freeze in late September.",
        "the 15th of January under the lunar calendar",
        "the Day of the Sun, the 17th anniversary",
        "the Orchestra of the 21st Century",
        "This century-old desire",
        "in his early years",
        "the world of today",
        "Today the DPRK has a strong base",
        "the signal progress of yesterday and today",
        "a bright tomorrow",
        "It seems it was yesterday when we swore",
        "when those who landed ninety-six days ago came out",
        "the April-September first half",
        "the residential quarter",
        "March and April are clean-up months",
        "In January of 1696",
        "the last year of the plan",
        "the next year he went abroad",
        "two years back in my motherland",
    ],
)
def test_more_things_that_are_not_dates(text: str) -> None:
    assert find_dates(text, doc_date=DOC) == [], find_dates(text, doc_date=DOC)


def test_in_1963_compared_with_three_years_ago() -> None:
    found = find_dates("it rose in 1963 compared with three years ago", doc_date=DOC)
    assert [m.text for m in found] == ["1963"]
    found = find_dates("in July 1961, 50 years ago", doc_date="2011-08-28")
    assert [(m.text, m.start_date) for m in found] == [
        ("July 1961", "1961-07"),
        ("50 years ago", "1961"),
    ]


def test_on_the_day_takes_the_month_named_before() -> None:
    found = find_dates(
        "with Gambia on Sep. 22, France on the 25th and the U.S. on the 29th.",
        doc_date="2012-07-17",
    )
    assert [(m.text, m.start_date) for m in found] == [
        ("Sep. 22", "2012-09-22"),
        ("the 25th", "2012-09-25"),
        ("the 29th", "2012-09-29"),
    ]
    # without a month named before, the day nearest the publication day, a day ahead counting
    # three times a day back (reports tell what was); without any anchor it is not read
    found = find_dates("East Timor on the 8th.", doc_date="2012-07-17")
    assert [(m.text, m.start_date, m.year_inferred) for m in found] == [
        ("the 8th", "2012-07-08", True)
    ]
    found = find_dates("It closed on the 28th.", doc_date="2024-01-02")
    assert [(m.text, m.start_date) for m in found] == [("the 28th", "2023-12-28")]
    found = find_dates("It opens on the 3rd.", doc_date="2024-01-31")
    assert [(m.text, m.start_date) for m in found] == [("the 3rd", "2024-02-03")]
    assert find_dates("on the 15th anniversary", doc_date="2012-07-17") == []
    assert find_dates("East Timor on the 8th.") == []


def test_a_weekday_before_an_anniversary_is_only_the_weekday() -> None:
    found = find_dates("a meeting on Monday, the 15th anniversary of it", doc_date=DOC)
    assert [(m.text, m.start_date) for m in found] == [("Monday", "2024-08-05")]


def test_basis_defaults_to_text() -> None:
    assert DateMention(0, 4, "2012", "2012", "2012", "year", False, "year").basis == "text"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2012", "2012"),
        ("2012-04", "2012-04"),
        ("2012-4", "2012-04"),
        ("2012-04-15", "2012-04-15"),
        ("2012-4-5", "2012-04-05"),
        (" 2012-02-29 ", "2012-02-29"),
        ("2012-02-30", None),
        ("2011-02-29", None),
        ("2012-13", None),
        ("2012-00", None),
        ("2012-04-00", None),
        ("0000", None),
        ("12", None),
        ("foo", None),
        ("", None),
        ("2012-04-15T10:00", None),
        ("2012/04/15", None),
    ],
)
def test_parse_date_value(value: str, expected: str | None) -> None:
    assert parse_date_value(value) == expected


def test_an_earlier_month_in_a_clause_about_the_future_is_next_years() -> None:
    # the SPA's convocation notice, in a December article: "decided to convene ... on Jan. 22"
    found = find_dates(
        "The Standing Committee decided to convene the 12th session of the 14th SPA on Jan. 22.",
        doc_date="2024-12-06",
    )
    assert [(m.text, m.start_date) for m in found] == [("Jan. 22", "2025-01-22")]
    assert [
        m.start_date for m in find_dates("It will open in January.", doc_date="2024-12-06")
    ] == ["2025-01"]
    # told as past, the same month is this year's
    assert [m.start_date for m in find_dates("It was held in January.", doc_date="2024-12-06")] == [
        "2024-01"
    ]


# --- issue #14, the chrono suite's classes (tests/data/date_suite_chrono.json): own sentences ---


@pytest.mark.parametrize(
    ("text", "doc_date", "read", "start", "end"),
    [
        # a weekday decides the order of an ambiguous numeric date; so does the other end of a range
        ("The talks resumed on Wednesday 4/10/2017 in Geneva.", "2017-10-20",
         "Wednesday 4/10/2017", "2017-10-04", "2017-10-04"),
        ("The ship docked on Friday 07-05-2019.", "2019-08-01",
         "Friday 07-05-2019", "2019-07-05", "2019-07-05"),
        ("The fair ran from 9/3/2019 to 9/14/2019.", "2019-10-01",
         "9/3/2019 to 9/14/2019", "2019-09-03", "2019-09-14"),
        # a written month joined to its day or year by a hyphen or slash; the year first
        ("The decree is dated 18-March 2015.", "2019-08-01", "18-March 2015", "2015-03-18", "2015-03-18"),
        ("It was signed on March-18, 2015 in Hanoi.", "2019-08-01",
         "March-18, 2015", "2015-03-18", "2015-03-18"),
        ("The archive file is labelled 2015/Mar/18.", "2019-08-01",
         "2015/Mar/18", "2015-03-18", "2015-03-18"),
        ("The report for Nov-2019 was released.", "2020-01-01", "Nov-2019", "2019-11", "2019-11"),
        ("the trade index of 2019 Nov", "2020-01-01", "2019 Nov", "2019-11", "2019-11"),
        # a two-digit year closing a written date
        ("The letter is dated 5 Jan 87.", "2019-08-01", "5 Jan 87", "1987-01-05", "1987-01-05"),
        ("See the issue of Oct 3, 91.", "2019-08-01", "Oct 3, 91", "1991-10-03", "1991-10-03"),
        ("It first appeared in Sept '98.", "2019-08-01", "Sept '98", "1998-09", "1998-09"),
        # weekends (a Wednesday's report)
        ("Protests spread last weekend.", "2019-05-15", "last weekend", "2019-05-11", "2019-05-12"),
        ("Rallies are planned for this weekend.", "2019-05-15",
         "this weekend", "2019-05-18", "2019-05-19"),
        ("The vote comes next weekend.", "2019-05-15", "next weekend", "2019-05-25", "2019-05-26"),
        ("Storms are expected over the coming weekend.", "2019-05-15",
         "the coming weekend", "2019-05-18", "2019-05-19"),
        ("Clashes broke out this past weekend.", "2019-05-15",
         "this past weekend", "2019-05-11", "2019-05-12"),
        ("They meet on Friday, next week.", "2019-05-15",
         "Friday, next week", "2019-05-24", "2019-05-24"),
        # the day itself as what a clause says; "tomorrow" after a future verb
        ("The deadline for entries is today.", "2019-05-15", "today", "2019-05-15", "2019-05-15"),
        ("The final round is tomorrow.", "2019-05-15", "tomorrow", "2019-05-16", "2019-05-16"),
        ("The delegation will leave tomorrow.", "2019-05-15", "tomorrow", "2019-05-16", "2019-05-16"),
        ("The exhibition will open tomorrow.", "2019-05-15", "tomorrow", "2019-05-16", "2019-05-16"),
        # ranges of ordinal words
        ("The festival runs from the third to the sixth of June 2018.", "2019-05-15",
         "from the third to the sixth of June 2018", "2018-06-03", "2018-06-06"),
        ("The games were held July fourth to seventh, 2016.", "2019-05-15",
         "July fourth to seventh, 2016", "2016-07-04", "2016-07-07"),
    ],
)  # fmt: skip
def test_forms_of_the_second_outside_suite(
    text: str, doc_date: str, read: str, start: str, end: str
) -> None:
    mention = one(text, doc_date=doc_date)
    assert (mention.text, mention.start_date, mention.end_date) == (read, start, end)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # impossible days are no date, nor is their month or year read on its own
        ("The form said April 31, 2019 by mistake.", []),
        ("He was born on 30 February 2016, the paper claimed.", []),
        ("The hall is booked from November 25 - 31, 2017.", []),
        ("A 45 June 2011 entry was found.", []),
        ("The code 2019/14/33 was printed on it.", []),
        ("The serial 2012 80 10 was read out.", []),
        # a two-digit number after a date is a year only closing the clause, and not a decimal
        ("On 14 April 15 delegates arrived.", ["14 April"]),
        ("The price rose on May 3, 87.5 percent above the average.", ["May 3"]),
        ("On June 9, 45 were wounded.", ["June 9"]),
        ("The market opened in Aug 12.", ["Aug 12"]),
        ("Prices fell in Mar 45.", []),
        # weekends only as a relative date
        ("They rest on weekends.", []),
        ("It was a weekend of talks.", []),
        ("It falls on the last weekend of June.", []),
        # "today" as the state of things
        ("It made the country what it is today.", []),
        ("The nation is today stronger than ever.", []),
        ("The city as it is today.", []),
        # numeric dates left undecided
        ("The rate was 5/6/2024 in the table.", []),
        ("The run was 8/10/2012 - 8/11/2012.", []),
        ("The Sep-20 meeting", []),
        ("They finished first to fifth in March.", ["March"]),
    ],
)
def test_what_the_second_suite_widened_does_not_read(text: str, read: list[str]) -> None:
    assert [m.text for m in find_dates(text, doc_date="2019-05-15")] == read


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # a sentence opening with "On the 17th"
        (
            "On the 17th, the assembly met in the capital.",
            "2021-01-18",
            [("2021-01-17", "2021-01-17")],
        ),
        # two weekdays in a row: one span
        (
            "The conference took place on Tuesday and Wednesday.",
            "2016-04-20",
            [("2016-04-19", "2016-04-20")],
        ),
        # not in a row: two days
        (
            "He came on Monday and Wednesday.",
            "2016-04-20",
            [("2016-04-18", "2016-04-18"), ("2016-04-20", "2016-04-20")],
        ),
        # a weekday after "will": the coming one
        (
            "The plan will be discussed at Thursday's session.",
            "2018-04-10",
            [("2018-04-12", "2018-04-12")],
        ),
        ("The session opened on Monday.", "2018-04-10", [("2018-04-09", "2018-04-09")]),
        # "the previous day" in a story with a dateline, no other date in the sentence
        (
            "SEOUL, March 3 (Yonhap) -- The party met.\n\nThe session held the previous day ended.",
            "2022-03-03",
            [("2022-03-03", "2022-03-03"), ("2022-03-02", "2022-03-02")],
        ),
    ],
)
def test_days_told_by_weekdays_and_the_day_of_the_month(
    text: str, doc_date: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.start_date, m.end_date) for m in find_dates(text, doc_date=doc_date)] == expected


def test_a_weekday_on_a_page_dated_only_by_month_is_that_month() -> None:
    found = find_dates("The meeting was held Friday.", doc_date="2023-06")
    assert [(m.start_date, m.precision) for m in found] == [("2023-06", "month")]
    assert find_dates("The meeting was held Friday.", doc_date="2023") == []


def test_a_year_after_a_comma_with_no_space_closes_a_date() -> None:
    found = find_dates("The plenum was held from December 10 to 14,1962, in Pyongyang.")
    assert [(m.start_date, m.end_date) for m in found] == [("1962-12-10", "1962-12-14")]
    assert find_dates("It cost 1,962 won.") == []
    assert find_dates("He had 14,1962 members.") == []
