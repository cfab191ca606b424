"""Date mentions: every supported form, the things that are not dates, and span properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wpk_archive.core.dates import DateMention, find_dateline, find_dates


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
    found = find_dates("In 1998 it was adopted on April 9.", doc_date="2012-05-01")
    assert [m.start_date for m in found] == ["1998", "2012-04-09"]


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
