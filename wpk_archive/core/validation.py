"""Value checks shared by every way a value enters the archive: the dialogs, the CLI's edits,
correction files and JSONL imports. One rule per kind of value, worded for the user.

Each ``check_*`` function returns the value as it is to be stored, or raises
:class:`ValidationError` whose message says what is wrong and what to write instead.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from typing import Any

from wpk_archive.core.dates import parse_date_value as parse_date_value  # the one date check
from wpk_archive.core.models import EVENT_KINDS

DATE_HINT = "write YYYY, YYYY-MM or YYYY-MM-DD"
MAX_NAME = 300
"""Longest event name, document source or target id accepted (characters)."""
MAX_TITLE = 1_000
MAX_URL = 2_000
PRECISIONS = ("day", "month", "year")

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
# a date followed by a time ("2021-01-05T10:00:00", "2021-01-05 10:00:00+09:00", "...Z")
_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?",
    re.ASCII,
)


class ValidationError(ValueError):
    """A value that cannot be taken as given; the message is for the user."""


def _shown(value: Any, limit: int = 40) -> str:
    """A value quoted for a message, cut short and without control characters."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return repr(text[:limit] + ("…" if len(text) > limit else ""))


def date_problem(value: str) -> str:
    """Why ``value`` is not a date (for a message), assuming :func:`parse_date_value` refused it."""
    match = _ISO.fullmatch(value.strip()) if isinstance(value, str) else None
    if match and match.group(2) and not 1 <= int(match.group(2)) <= 12:
        return f"{_shown(value)} is not a date: there is no month {int(match.group(2))}"
    if match and match.group(3):
        year, month = int(match.group(1)), int(match.group(2))
        days = calendar.monthrange(year, month)[1] if year >= 1 else 31
        name = calendar.month_name[month]
        return f"{_shown(value)} is not a date: {name} {year} has {days} days"
    return f"{_shown(value)} is not a date: {DATE_HINT}"


def check_date(value: Any) -> str:
    """An ISO date at any precision, calendar-checked; ValidationError otherwise."""
    parsed = parse_date_value(value) if isinstance(value, str) else None
    if parsed is None:
        raise ValidationError(
            date_problem(value) if isinstance(value, str) else f"{_shown(value)} is not a date"
        )
    return parsed


def check_optional_date(value: Any) -> str | None:
    """None for a missing value (None or ""), else :func:`check_date`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return check_date(value)


def parse_import_date(value: Any) -> tuple[str | None, str | None]:
    """(date, problem) of a date read from an import: an ISO date, or a datetime read as its day.

    ``("2021-01-05", None)`` for "2021-01-05T10:00:00"; ``(None, reason)`` for an impossible date
    such as "2020-13-45"; ``(None, None)`` when there is no date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        return None, f"the date {_shown(value)} is not text"
    text = value.strip()
    timed = _DATETIME.fullmatch(text)
    if timed:
        hour, minute = int(timed.group(2)), int(timed.group(3))
        second = int(timed.group(4) or 0)
        if hour > 23 or minute > 59 or second > 60:
            return None, f"{_shown(value)} is not a time of day"
        text = timed.group(1)
    parsed = parse_date_value(text)
    if parsed is None:
        return None, date_problem(value)
    return parsed, None


def check_kind(value: Any) -> str:
    """One of :data:`wpk_archive.core.models.EVENT_KINDS`."""
    if not isinstance(value, str) or value not in EVENT_KINDS:
        raise ValidationError(
            f"{_shown(value)} is not an event kind: kind is one of {', '.join(EVENT_KINDS)}"
        )
    return value


def check_precision(value: Any) -> str:
    """day, month or year."""
    if value not in PRECISIONS:
        raise ValidationError(f"{_shown(value)} is not a precision: use day, month or year")
    return str(value)


_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unsafe(ch: str) -> bool:
    return ch in _BIDI or unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character (escapes, NULs, line breaks, tabs) or a
    bidirectional override, which could disguise what is shown."""
    return any(_unsafe(ch) for ch in text)


def check_plain(value: Any, what: str, *, limit: int = MAX_NAME, empty: bool = False) -> str:
    """One line of plain text: a string, no control characters, at most ``limit`` characters.

    Surrounding spaces are removed; ``empty`` allows an empty result.
    """
    if not isinstance(value, str):
        raise ValidationError(f"the {what} must be text, not {_shown(value)}")
    text = value.strip()
    if not text and not empty:
        raise ValidationError(f"the {what} is empty")
    if has_control(text):
        raise ValidationError(f"the {what} {_shown(text)} holds control characters")
    if len(text) > limit:
        raise ValidationError(f"the {what} is {len(text):,} characters long (at most {limit:,})")
    return text


def check_name(value: Any) -> str:
    """An event's name: plain text on one line, not empty, bounded."""
    return check_plain(value, "name")


def check_identifier(value: Any, what: str = "id") -> str:
    """An event or document id as written by this program: letters, digits, '-', '_', ':'."""
    text = check_plain(value, what, limit=200)
    if not re.fullmatch(r"[\w:.-]+", text, re.ASCII):
        raise ValidationError(f"{_shown(text)} is not a valid {what}")
    return text


def check_timestamp(value: Any) -> str:
    """When a correction was made: an ISO date or datetime, kept as written."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"{_shown(value)} is not a time: write an ISO date and time")
    text = value.strip()
    if len(text) > 40 or parse_import_date(text)[0] is None:
        raise ValidationError(f"{_shown(value)} is not a time: write an ISO date and time")
    return text


def check_document_value(name: str, value: Any) -> str | None:
    """A new value for a document's title, date, source or url (None clears all but the title)."""
    if name == "title":
        return check_plain(value, "title", limit=MAX_TITLE)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if name == "date":
        return check_date(value)
    if name == "source":
        return check_plain(value, "source")
    if name == "url":
        text = check_plain(value, "url", limit=MAX_URL)
        if any(ch.isspace() for ch in text):
            raise ValidationError(f"the url {_shown(text)} holds spaces")
        return text
    raise ValidationError(f"documents have no field {_shown(name)}; use title, date, source, url")


def clean_text(text: str) -> str:
    """Text as stored from an import: NUL bytes removed (they end strings in many tools)."""
    return text.replace("\x00", "")


def clean_title(title: str) -> str:
    """A title from an import on one line: NULs and other control characters become spaces."""
    text = "".join(" " if _unsafe(ch) else ch for ch in title.replace("\x00", ""))
    return text.strip()[:MAX_TITLE]
