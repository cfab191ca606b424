"""Grammar 12 of the date reader: years and days in words, and the other forms added with it
(see wpk_archive/core/date_spelled.py and the modules named in each test's docstring)."""

from __future__ import annotations

import pytest

from wpk_archive.core.dates import find_dates

DOC = "2016-11-07"


def _read(text: str, doc_date: str = DOC) -> list[tuple[str, str, str]]:
    return [(m.text, m.start_date, m.end_date) for m in find_dates(text, doc_date=doc_date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam was finished in nineteen fifty-six.", [("nineteen fifty-six", "1956", "1956")]),
        (
            "It opened on 3 May nineteen oh five, he said.",
            [("3 May nineteen oh five", "1905-05-03", "1905-05-03")],
        ),
        ("Since two thousand and nine, output rose.", [("two thousand and nine", "2009", "2009")]),
        (
            "He was born on March twenty-two, nineteen forty.",
            [("March twenty-two, nineteen forty", "1940-03-22", "1940-03-22")],
        ),
        (
            "The letter is dated thirty one December nineteen hundred and ten.",
            [("thirty one December nineteen hundred and ten", "1910-12-31", "1910-12-31")],
        ),
        (
            "They met in October two thousand and five.",
            [("October two thousand and five", "2005-10", "2005-10")],
        ),
        (
            "The talks ran from nineteen ninety to nineteen ninety-four.",
            [("from nineteen ninety to nineteen ninety-four", "1990", "1994")],
        ),
    ],
)
def test_years_and_days_in_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Some two thousand and fourteen soldiers took part.",
        "About two thousand.",
        "Nineteen twenty-year-olds were hired.",
        "The price is nineteen ninety nine dollars.",
        "In June three people died.",
        "They may twenty one times try.",
    ],
)
def test_counts_in_words_stay_counts(text: str) -> None:
    words = ("three", "twenty", "thousand", "nineteen")
    assert not any(word in t.lower() for t, _, _ in _read(text) for word in words)
