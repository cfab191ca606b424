"""The third hand-annotated KCNA set (tests/data/kcna_annotated3.json) is sound against the corpus.

The set is held out from tests/data/kcna_annotated.json and tests/data/kcna_annotated2.json: no
(file, line) of either is drawn. Its "about" field gives the selection rule (the second set's
procedure with seed 2029 and 45 per file), which is re-drawn here and must give exactly the
annotated (file, line, stratum) list; every referenced line must still carry the recorded title
and date, every quote must be an exact substring of that article's text, and kinds, numbers and
dates must be well formed. Nothing here runs the timeline extractor: this checks the data only.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from tests.conftest import REPO
from tests.core.test_kcna_annotated2_data import (
    STRATA,
    STRICT_PATTERN,
    check_event,
    draw_strict,
    load_rows,
)

pytestmark = pytest.mark.corpus

DATA = REPO / "tests" / "data" / "kcna_annotated3.json"
EARLIER_SETS = (
    REPO / "tests" / "data" / "kcna_annotated.json",
    REPO / "tests" / "data" / "kcna_annotated2.json",
)
FILES = ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz")
SEED, PER_FILE, RANDOM_EXTRA = 2029, 45, 10

ARTICLE_FIELDS = {"file", "line", "stratum", "title", "date", "events", "notes"}


def earlier_set_lines() -> set[tuple[str, int]]:
    """The (file, line) pairs of the first and second annotated sets, which this set must not reuse."""
    taken: set[tuple[str, int]] = set()
    for path in EARLIER_SETS:
        data = json.loads(path.read_text(encoding="utf-8"))
        taken |= {(a["file"], a["line"]) for a in data["articles"]}
    return taken


def draw(rows: dict[str, list[dict[str, Any]]]) -> list[tuple[str, int, str]]:
    """The (file, line, stratum) list the selection rule of the data file's "about" gives."""
    return draw_strict(rows, seed=SEED, taken=earlier_set_lines(), per_file=PER_FILE)


def check(data: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every problem found in the data, one message each; an empty list means it is sound."""
    problems: list[str] = []
    articles = data["articles"]
    listed = [(a["file"], a["line"], a["stratum"]) for a in articles]
    if listed != draw(rows):
        problems.append("the annotated articles are not the ones the selection rule draws")
    if STRICT_PATTERN not in data["about"]:
        problems.append("the about field does not give the STRICT_RE the draw uses")
    overlap = {(a["file"], a["line"]) for a in articles} & earlier_set_lines()
    if overlap:
        problems.append(f"lines shared with the first or second set: {sorted(overlap)}")
    return problems + check_articles(articles, rows, STRATA)


def check_articles(
    articles: list[dict[str, Any]], rows: dict[str, list[dict[str, Any]]], strata: set[str]
) -> list[str]:
    """The problems of each article of a set: its fields, stratum, corpus line, title and date,
    and its events (shared by the third and fourth sets)."""
    problems: list[str] = []
    for a in articles:
        where = f"{a['file']}:{a['line']}"
        if set(a) != ARTICLE_FIELDS:
            problems.append(
                f"{where}: article fields {sorted(set(a) ^ ARTICLE_FIELDS)} missing or extra"
            )
        if a["stratum"] not in strata:
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


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, Any]]]:
    """Both corpus files, read once for the module."""
    return load_rows()


def test_third_set_matches_the_corpus(rows: dict[str, list[dict[str, Any]]]) -> None:
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
