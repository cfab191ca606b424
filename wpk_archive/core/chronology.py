"""The reference chronology of meetings (resources/chronology.tsv, extensible by users).

Each row is one sourced meeting: a party congress or conference, a plenary meeting of the Central
Committee, a session of the Supreme People's Assembly, a Political Bureau meeting... with its
ordinal, its dates at the precision the sources give and one public URL where they can be checked.
The timeline uses it to name and date the meetings an article mentions; ``key`` matches the keys
``wpk_archive.core.timeline`` gives ("cc_plenary:8:9"), and ``Chronology.find`` answers "which
plenary meeting was held in December 2023?" for mentions that carry no number.

A user's own ``chronology.tsv`` (in the archive folder) is read after the shipped table: its rows
replace shipped rows with the same key, and its bad rows are reported in ``messages`` and skipped.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wpk_archive.core.paths import resources_dir

TABLE_NAME = "chronology.tsv"

COLUMNS = ("kind", "term", "number", "name", "name_ko", "start", "end", "source_url", "note")

KINDS = (
    "party_congress",
    "party_conference",
    "cc_plenary",
    "spa_session",
    "politburo_meeting",
    "cmc_meeting",
    "other_party_meeting",
)

_NUMBERED_KINDS = ("party_congress", "party_conference")  # key on the number alone
_TERMED_KINDS = ("cc_plenary", "spa_session")  # need the term (CC or Assembly number)

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _date_range(text: str) -> tuple[date, date] | None:
    """The first and last day an ISO date at any precision covers, or None if it is no date.

    "2023-12-26" covers one day, "2023-12" the whole month, "2023" the whole year; the month and
    day are checked against the calendar ("2012-02-30" is no date).
    """
    match = _ISO.fullmatch(text.strip())
    if not match:
        return None
    year = int(match.group(1))
    if year < 1:
        return None
    if match.group(2) is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return None
    last_day = calendar.monthrange(year, month)[1]
    if match.group(3) is None:
        return date(year, month, 1), date(year, month, last_day)
    day = int(match.group(3))
    if not 1 <= day <= last_day:
        return None
    return date(year, month, day), date(year, month, day)


def is_iso_date(text: str) -> bool:
    """Whether ``text`` is a calendar-valid ISO date at year, month or day precision."""
    return _date_range(text) is not None


@dataclass(frozen=True)
class ChronologyEntry:
    """One meeting of the chronology (a row of chronology.tsv)."""

    kind: str
    term: int | None
    number: int | None
    name: str
    name_ko: str
    start: str
    end: str
    source_url: str
    note: str
    series: str = ""
    """For other_party_meeting: the series a meeting is numbered in ("cell-secretaries" for the
    conferences of cell secretaries, also held as conferences of cell chairpersons), written in the
    term column."""

    @property
    def key(self) -> str:
        """The timeline key: "party_congress:8", "cc_plenary:8:9", "spa_session:14:10".

        A meeting the sources give no number is keyed by its start date as well
        ("cc_plenary:6:?@2013-03-31"), so that several unnumbered meetings of one term stay apart.
        """
        if self.kind == "other_party_meeting":
            return f"{self.kind}:{self.series}:{self.number if self.number is not None else '?'}"
        if self.kind in _NUMBERED_KINDS:
            return f"{self.kind}:{self.number if self.number is not None else '?@' + self.start}"
        term = self.term if self.term is not None else "?"
        if self.number is None:
            return f"{self.kind}:{term}:?@{self.start}"
        return f"{self.kind}:{term}:{self.number}"

    @property
    def first_day(self) -> date:
        """The first day the start date can mean."""
        span = _date_range(self.start)
        assert span is not None  # entries are only built from validated rows
        return span[0]

    @property
    def last_day(self) -> date:
        """The last day the end date can mean."""
        span = _date_range(self.end)
        assert span is not None
        return span[1]

    def covers(self, iso_date: str) -> bool:
        """Whether the meeting's start..end agrees with ``iso_date`` at the coarser precision.

        "2023-12" agrees with a meeting held 2023-12-26..30, and "2023-12-27" with a meeting
        dated only "2023-12"; an invalid date agrees with nothing.
        """
        span = _date_range(iso_date)
        if span is None:
            return False
        return span[0] <= self.last_day and self.first_day <= span[1]


@dataclass
class Chronology:
    """The meetings of the shipped and user tables, sorted by start, and the problems found."""

    entries: list[ChronologyEntry] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    _by_key: dict[str, ChronologyEntry] = field(default_factory=dict, repr=False)

    def by_key(self, key: str) -> ChronologyEntry | None:
        """The meeting with this timeline key, if the chronology has it."""
        return self._by_key.get(key)

    def find(self, kind: str, start_date: str) -> list[ChronologyEntry]:
        """The meetings of ``kind`` whose dates agree with ``start_date`` (any ISO precision)."""
        return [e for e in self.entries if e.kind == kind and e.covers(start_date)]


def _int_cell(text: str) -> int | str | None:
    """An ordinal cell: None when empty, the number, or an error message."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        return f"not a positive whole number: {text!r}"
    return int(text)


def parse_row(cells: list[str]) -> ChronologyEntry | str:
    """One row's entry, or a message saying what is wrong with it."""
    if len(cells) > len(COLUMNS):
        return f"{len(cells)} columns, expected at most {len(COLUMNS)}"
    cells = [c.strip() for c in cells] + [""] * (len(COLUMNS) - len(cells))
    kind, term_text, number_text, name, name_ko, start, end, source_url, note = cells
    if kind not in KINDS:
        return f"unknown kind {kind!r}"
    series = ""
    if kind == "other_party_meeting":  # the term column names the series
        if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", term_text):
            return f"series {term_text!r}: write lowercase words joined by hyphens"
        series, term_text = term_text, ""
    term = _int_cell(term_text)
    if isinstance(term, str):
        return f"term {term}"
    number = _int_cell(number_text)
    if isinstance(number, str):
        return f"number {number}"
    if kind in _NUMBERED_KINDS and number is None:
        return f"a {kind} needs a number"
    if kind in _TERMED_KINDS and term is None:
        return f"a {kind} needs a term"
    if not name:
        return "missing name"
    start_span = _date_range(start)
    if start_span is None:
        return f"bad start date {start!r}" if start else "missing start date"
    end = end or start
    end_span = _date_range(end)
    if end_span is None:
        return f"bad end date {end!r}"
    if end_span[1] < start_span[0]:
        return f"end {end} is before start {start}"
    if not source_url:
        return "missing source_url"
    if not re.match(r"https?://\S+$", source_url):
        return f"source_url is not an http(s) URL: {source_url!r}"
    return ChronologyEntry(kind, term, number, name, name_ko, start, end, source_url, note, series)


def parse_table(text: str, source: str) -> tuple[list[ChronologyEntry], list[str]]:
    """The entries of one table and the messages ("<source>: line N: problem") for bad rows."""
    entries: list[ChronologyEntry] = []
    messages: list[str] = []
    seen: dict[str, int] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if [c.strip() for c in cells] == list(COLUMNS):
                continue
            if cells[0].strip() == "kind":
                messages.append(f"{source}: line {number}: header is not {'/'.join(COLUMNS)}")
                continue
            messages.append(f"{source}: line {number}: no header line; columns read as usual")
        entry = parse_row(cells)
        if isinstance(entry, str):
            messages.append(f"{source}: line {number}: {entry}")
            continue
        if entry.key in seen:
            messages.append(
                f"{source}: line {number}: duplicate key {entry.key} "
                f"(line {seen[entry.key]}); the later row is used"
            )
            entries = [e for e in entries if e.key != entry.key]
        seen[entry.key] = number
        entries.append(entry)
    return entries, messages


def load_chronology(extra: Iterable[Path] = ()) -> Chronology:
    """The shipped table plus the user tables in ``extra`` (later rows replace earlier ones).

    Missing user tables are skipped silently; unreadable ones and bad rows are reported in
    ``messages``. Nothing here raises on bad input.
    """
    by_key: dict[str, ChronologyEntry] = {}
    messages: list[str] = []
    for path in [resources_dir() / TABLE_NAME, *extra]:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError) as error:
            messages.append(f"{path}: unreadable ({error})")
            continue
        entries, problems = parse_table(text, str(path))
        messages.extend(problems)
        for entry in entries:
            by_key[entry.key] = entry
    entries = sorted(
        by_key.values(),
        key=lambda e: (e.first_day, e.last_day, KINDS.index(e.kind), e.term or 0, e.number or 0),
    )
    return Chronology(entries=entries, messages=messages, _by_key=by_key)
