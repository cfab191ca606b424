"""Date labels of the timeline list (no widgets: the function alone)."""

from __future__ import annotations

import pytest

from wpk_archive.ui.labels import date_label


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2012-04-11", "2012-04-11", "11 Apr 2012"),
        ("2021-01-05", "2021-01-12", "5–12 Jan 2021"),
        ("2016-12-23", "2016-12", "from 23 Dec 2016"),  # the last day not known
        ("1957-09-18", "1957-09", "from 18 Sep 1957"),
        ("2020-02", "2020-02", "Feb 2020"),
        (None, None, "Undated"),
    ],
)
def test_date_labels(start: str | None, end: str | None, expected: str) -> None:
    assert date_label(start, end) == expected
