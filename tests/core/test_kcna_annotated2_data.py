"""The second hand-annotated KCNA set (tests/data/kcna_annotated2.json) is sound against the corpus.

The set is held out from tests/data/kcna_annotated.json: no (file, line) of the first set is drawn.
Its "about" field gives the selection rule, which is re-drawn here (seed 2028) and must give exactly
the annotated (file, line, stratum) list; every referenced line must still carry the recorded title
and date, every quote must be an exact substring of that article's text, and kinds, numbers and
dates must be well formed. Nothing here runs the timeline extractor: this checks the data only.
"""

from __future__ import annotations

import copy
import gzip
import json
import random
import re
from typing import Any

import pytest

from tests.conftest import REPO, corpus_file

pytestmark = pytest.mark.corpus

DATA = REPO / "tests" / "data" / "kcna_annotated2.json"
FIRST_SET = REPO / "tests" / "data" / "kcna_annotated.json"
FILES = ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz")
SEED, PER_FILE, RANDOM_EXTRA = 2028, 40, 10

_WPK = r"(?:Workers['’] Party of Korea|WPK)"
_SPA = r"(?:Supreme People['’]s Assembly|SPA)"
STRICT_PATTERN = (
    r"\b(?:Party|WPK) Congress\b|\bCongress of (?:the|our) (?:" + _WPK + r"|Party)\b"
    r"|\b(?:Party|WPK) Conference\b|\bConference of (?:the|our) (?:" + _WPK + r"|Party)\b"
    r"|[Pp]lenary [Mm]eeting of the (?:.{0,40}?(?:Central Committee|C\.C\.),? (?:of )?(?:the )?"
    + _WPK
    + r"|.{0,25}?(?:Party|WPK) Central Committee|.{0,12}?Standing Committee of the "
    + _SPA
    + r")"
    r"|\b(?:Party|WPK) (?:Central Committee )?[Pp]lenary [Mm]eeting\b"
    r"|[Pp]lenum of the (?:.{0,25}?(?:Central Committee|C\.C\.),? (?:of )?(?:the )?"
    + _WPK
    + r"|(?:Party|WPK) Central Committee)"
    r"|\b(?:[Mm]eeting|[Ss]ession) of the (?:Presidium of the )?(?:Political Bureau|Politburo)\b"
    r"|\bPolitburo (?:[Mm]eeting|[Ss]ession)\b"
    r"|\b[Ss]ession of (?:the )?.{0,20}?" + _SPA + r"\b|\bSPA [Ss]ession\b"
    r"|\b(?:[Mm]eeting|[Ss]ession) of the .{0,20}?Central Military Commission\b"
    r"|\b(?:[Mm]eeting|[Ss]ession) of the Secretariat\b"
)
STRICT_RE = re.compile(STRICT_PATTERN)
BROAD_RE = re.compile(
    r"Congress|Conference|Plenary|Political Bureau|Politburo|Presidium|Session|"
    r"Central Military Commission|Secretariat|plenum|enlarged meeting|Standing Committee",
    re.IGNORECASE,
)
STRATA = {"strict", "fill", "random"}
KINDS = {
    "party_congress",
    "party_conference",
    "cc_plenary",
    "politburo_meeting",
    "cmc_meeting",
    "secretariat_meeting",
    "spa_session",
    "spa_standing_committee",
    "other_party_meeting",
}
EVENT_FIELDS = {"kind", "term", "number", "start", "end", "date_in_text", "quote", "notes"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load_rows() -> dict[str, list[dict[str, Any]]]:
    """Every row of both corpus files, by file name, in line order (skips when absent)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in FILES:
        with gzip.open(corpus_file(name), "rt", encoding="utf-8") as lines:
            rows[name] = [json.loads(line) for line in lines]
    return rows


def is_english(text: str) -> bool:
    """True when at least 90 % of the letters are ASCII (the first set's rule)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.9


def first_set_lines() -> set[tuple[str, int]]:
    """The (file, line) pairs of the first annotated set, which this set must not reuse."""
    data = json.loads(FIRST_SET.read_text(encoding="utf-8"))
    return {(a["file"], a["line"]) for a in data["articles"]}


def draw(rows: dict[str, list[dict[str, Any]]]) -> list[tuple[str, int, str]]:
    """The (file, line, stratum) list the selection rule of the data file's "about" gives."""
    return draw_strict(rows, seed=SEED, taken=first_set_lines(), per_file=PER_FILE)


def draw_strict(
    rows: dict[str, list[dict[str, Any]]],
    *,
    seed: int,
    taken: set[tuple[str, int]],
    per_file: int,
) -> list[tuple[str, int, str]]:
    """Set 2's rule (also set 3's, with its own seed, earlier sets and size): per file, up to
    ``per_file`` eligible STRICT_RE lines, filled from BROAD_RE lines, then RANDOM_EXTRA others."""
    rng = random.Random(seed)
    eligible = {
        name: [
            i
            for i, row in enumerate(rows[name])
            if (name, i) not in taken and is_english(row["text"])
        ]
        for name in FILES
    }
    picks: list[tuple[str, int, str]] = []
    for name in FILES:
        strict = [i for i in eligible[name] if STRICT_RE.search(rows[name][i]["text"])]
        k = min(per_file, len(strict))
        picks += [(name, i, "strict") for i in sorted(rng.sample(strict, k))]
        if k < per_file:
            chosen = set(strict)
            fill = [
                i
                for i in eligible[name]
                if i not in chosen and BROAD_RE.search(rows[name][i]["text"])
            ]
            picks += [(name, i, "fill") for i in sorted(rng.sample(fill, per_file - k))]
    drawn = {(name, i) for name, i, _ in picks}
    pool = [(name, i) for name in FILES for i in eligible[name] if (name, i) not in drawn]
    picks += [(name, i, "random") for name, i in sorted(rng.sample(pool, RANDOM_EXTRA))]
    return picks


def check(data: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every problem found in the data, one message each; an empty list means it is sound."""
    problems: list[str] = []
    articles = data["articles"]
    listed = [(a["file"], a["line"], a["stratum"]) for a in articles]
    if listed != draw(rows):
        problems.append("the annotated articles are not the ones the selection rule draws")
    if STRICT_PATTERN not in data["about"]:
        problems.append("the about field does not give the STRICT_RE the draw uses")
    overlap = {(a["file"], a["line"]) for a in articles} & first_set_lines()
    if overlap:
        problems.append(f"lines shared with the first set: {sorted(overlap)}")
    for a in articles:
        where = f"{a['file']}:{a['line']}"
        if a["stratum"] not in STRATA:
            problems.append(f"{where}: unknown stratum {a['stratum']!r}")
        if a["file"] not in rows or not 0 <= a["line"] < len(rows[a["file"]]):
            problems.append(f"{where}: no such line")
            continue
        row = rows[a["file"]][a["line"]]
        if row["title"] != a["title"] or row["date"] != a["date"]:
            problems.append(f"{where}: title/date differ ({row['title']!r}, {row['date']})")
        for e in a["events"]:
            problems += [f"{where}: {p}" for p in check_event(e, row["text"])]
    return problems


def check_event(e: dict[str, Any], text: str) -> list[str]:
    """The problems of one annotated event against its article's text."""
    problems: list[str] = []
    if set(e) != EVENT_FIELDS:
        problems.append(f"fields {sorted(set(e) ^ EVENT_FIELDS)} missing or extra")
        return problems
    if e["kind"] not in KINDS:
        problems.append(f"unknown kind {e['kind']!r}")
    if not e["quote"] or e["quote"] not in text:
        problems.append(f"quote not in text: {e['quote']!r}")
    for field in ("term", "number"):
        if e[field] is not None and not (isinstance(e[field], int) and e[field] > 0):
            problems.append(f"bad {field} {e[field]!r}")
    for field in ("start", "end"):
        if e[field] is not None and not (isinstance(e[field], str) and DATE_RE.match(e[field])):
            problems.append(f"bad {field} date {e[field]!r}")
    if isinstance(e["start"], str) and isinstance(e["end"], str):
        width = min(len(e["start"]), len(e["end"]))
        if e["start"][:width] > e["end"][:width]:
            problems.append("start after end")
    if not isinstance(e["date_in_text"], bool):
        problems.append("date_in_text must be true or false")
    elif e["date_in_text"] and e["start"] is None:
        problems.append("dated in the text but no start")
    return problems


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, Any]]]:
    """Both corpus files, read once for the module."""
    return load_rows()


def test_second_set_matches_the_corpus(rows: dict[str, list[dict[str, Any]]]) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert check(data, rows) == []
    strata = [a["stratum"] for a in data["articles"]]
    assert len(strata) == 2 * PER_FILE + RANDOM_EXTRA
    for name in FILES:
        drawn = [a for a in data["articles"] if a["file"] == name and a["stratum"] != "random"]
        assert len(drawn) == PER_FILE


def test_checker_catches_a_wrong_quote_a_moved_line_and_a_bad_kind(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    with_event = next(i for i, a in enumerate(data["articles"]) if a["events"])
    broken = copy.deepcopy(data)
    broken["articles"][with_event]["events"][0]["quote"] += " (not in the article)"
    broken["articles"][with_event]["events"][0]["kind"] = "rally"
    broken["articles"][with_event]["line"] += 1
    problems = check(broken, rows)
    assert any("not the ones the selection rule draws" in p for p in problems)
    assert any("quote not in text" in p for p in problems)
    assert any("unknown kind 'rally'" in p for p in problems)
    assert any("title/date differ" in p for p in problems)


def test_strict_pattern_names_meetings_not_office_titles() -> None:
    for named in (
        "the historic Eighth Congress of the Workers' Party of Korea",
        "the Fourth Conference of the WPK",
        "the Ninth Plenary Meeting of the Eighth Central Committee of the WPK",
        "the 22nd emergency enlarged meeting of the Political Bureau of the Eighth Central",
        "the 11th Session of 14th Supreme People's Assembly",
        "the 32nd Plenary Meeting of the 14th Standing Committee of the Supreme People's Assembly",
    ):
        assert STRICT_RE.search(named), named
    for title in (
        "member of the Presidium of the Political Bureau of the Central Committee of the WPK",
        "vice-chairman of the Central Military Commission of the WPK",
        "chairman of the Standing Committee of the Supreme People's Assembly",
        "the plenary meetings of the Party Central Committee",
        "the 20th Congress of the CPC",
    ):
        assert not STRICT_RE.search(title), title
