"""A news story's meeting dated only where it is described ("the ruling party's key meeting held
from Friday to Sunday") and named only where no date is given (described.py). Every sentence
here was written for these tests (none is taken from a test set)."""

from __future__ import annotations

from tests.core.test_timeline_grammar9 import dated

_NAMED = (
    " Kim spoke at the enlarged meeting of the Political Bureau of the WPK Central Committee,"
    " which approved a new budget."
)


def test_a_described_meeting_dates_the_one_meeting_named_without_a_date() -> None:
    text = (
        "North Korea's ruling party held a rare two-day meeting that ended on Wednesday, state "
        "media said." + _NAMED
    )
    assert dated(text, "2022-03-04") == [("politburo_meeting", "2022-03-01", "2022-03-02")]


def test_a_range_of_weekdays_in_the_description_is_the_meetings() -> None:
    text = (
        "Officials were told to work harder at the ruling party's key meeting held from Friday "
        "to Sunday, KCNA said on Monday." + _NAMED
    )
    assert dated(text, "2022-03-07") == [("politburo_meeting", "2022-03-04", "2022-03-06")]


def test_one_day_of_a_described_meeting_dates_it_to_the_month() -> None:
    # "a key party meeting on Sunday" may be its second day: only the month is sure
    text = "Kim Jong Un spoke at a key party meeting on Sunday, state media said." + _NAMED
    assert dated(text, "2022-03-07") == [("politburo_meeting", "2022-03", "2022-03")]


def test_nothing_is_joined_where_two_kinds_are_named_without_dates() -> None:
    text = (
        "North Korea's ruling party held a rare two-day meeting that ended on Wednesday."
        + _NAMED
        + " Delegates also prepared a session of the Supreme People's Assembly, whose date was"
        " not given."
    )
    assert all(start is None for _, start, _ in dated(text, "2022-03-04"))


def test_a_described_meeting_far_from_the_story_is_another() -> None:
    text = "The ruling party's key meeting in 1994 was the model, officials said." + _NAMED
    assert dated(text, "2022-03-04") == []


def test_a_description_that_looks_back_is_another_meeting() -> None:
    text = "Since the last party gathering on Monday, prices have risen." + _NAMED
    assert dated(text, "2022-03-04") == []


def test_a_description_needs_the_partys_mark() -> None:
    text = "A rare two-day meeting ended on Wednesday in the capital." + _NAMED
    assert dated(text, "2022-03-04") == []


def test_a_meeting_dated_by_its_name_takes_no_description() -> None:
    text = (
        "North Korea's ruling party held a rare two-day meeting that ended on Wednesday. The "
        "Political Bureau of the WPK Central Committee met on 20 February 2022 and approved a "
        "budget." + _NAMED
    )
    assert dated(text, "2022-03-04") == [("politburo_meeting", "2022-02-20", "2022-02-20")]
