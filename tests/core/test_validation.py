"""One set of value rules for every way a value comes in (dialogs, CLI, corrections, imports)."""

from __future__ import annotations

import pytest

from wpk_archive.core import validation
from wpk_archive.core.ingest import find_date_line
from wpk_archive.core.validation import ValidationError, parse_date_value, parse_import_date


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2012", "2012"),
        ("2012-04", "2012-04"),
        ("2012-04-15", "2012-04-15"),
        (" 2012-02-29 ", "2012-02-29"),
        ("2000-02-29", "2000-02-29"),
        ("2012-02-30", None),
        ("2011-02-29", None),
        ("1900-02-29", None),
        ("2012-13", None),
        ("2012-00", None),
        ("2012-04-31", None),
        ("2012-04-00", None),
        ("0000", None),
        ("foo", None),
        ("", None),
        ("12", None),
        ("2012-4-15", "2012-04-15"),  # normalised, as typed in a dialog
        ("2012/04/15", None),
        ("２０１２", None),
        ("2012-04-15T10:00", None),
    ],
)
def test_parse_date_value(value: str, expected: str | None) -> None:
    assert parse_date_value(value) == expected


def test_the_message_says_why() -> None:
    with pytest.raises(ValidationError, match="February 2012 has 29 days"):
        validation.check_date("2012-02-30")
    with pytest.raises(ValidationError, match="no month 13"):
        validation.check_date("2012-13")
    with pytest.raises(ValidationError, match="write YYYY, YYYY-MM or YYYY-MM-DD"):
        validation.check_date("April 2012")


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2021-01-05T10:00:00", ("2021-01-05", None)),
        ("2021-01-05 10:00", ("2021-01-05", None)),
        ("2021-01-05T10:00:00.123+09:00", ("2021-01-05", None)),
        ("2021-01-05T10:00:00Z", ("2021-01-05", None)),
        (None, (None, None)),
        ("", (None, None)),
    ],
)
def test_import_dates_read_datetimes_as_their_day(value: str | None, expected: object) -> None:
    assert parse_import_date(value) == expected


@pytest.mark.parametrize("value", ["2020-13-45", "2021-02-30", "2021-01-05T25:00:00", 2021, "x"])
def test_impossible_import_dates_are_refused_with_a_reason(value: object) -> None:
    date, problem = parse_import_date(value)
    assert date is None and problem


def test_kinds_names_and_plain_text() -> None:
    assert validation.check_kind("cc_plenary") == "cc_plenary"
    for bad in ("<b>cc</b>", "picnic", None, 3):
        with pytest.raises(ValidationError, match="kind is one of"):
            validation.check_kind(bad)
    assert validation.check_name("  The <b> Plenum  ") == "The <b> Plenum"  # shown as plain text
    for bad in ("", "  ", "a\x1b[2Jb", "a\nb", "a\u202eb", "x" * 301, 5):
        with pytest.raises(ValidationError):
            validation.check_name(bad)
    assert validation.clean_title("A\x00B\x1b]0;t\x07C") == "AB ]0;t C"
    assert validation.check_document_value("date", "") is None
    with pytest.raises(ValidationError):
        validation.check_document_value("url", "http://a b")


def test_a_date_line_that_is_not_a_real_day_is_not_a_date() -> None:
    assert find_date_line("Title\n\nText.\n\nFebruary 28, 2021") == "2021-02-28"
    assert find_date_line("Title\n\nText.\n\nFebruary 30, 2021") is None
