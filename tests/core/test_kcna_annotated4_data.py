"""The fourth hand-annotated KCNA set (tests/data/kcna_annotated4.json) is sound against the corpus.

The set is held out from the first three sets (no (file, line) of theirs is drawn) and covers only
kcna_2023_2024.jsonl.gz, whose lines matching the second set's STRICT_RE the first three sets used
up. Its "about" field gives the selection rule (MEETING2_RE, searched after office titles are cut
out, seed 2030, 70 matching lines and 10 random ones), which is re-drawn here and must give exactly
the annotated (file, line, stratum) list; every referenced line must still carry the recorded title
and date, every quote must be an exact substring of that article's text, and kinds, numbers and
dates must be well formed. Nothing here runs the timeline extractor: this checks the data only.
"""

from __future__ import annotations

import copy
import json
import random
import re
from typing import Any

import pytest

from tests.conftest import REPO
from tests.core.test_kcna_annotated2_data import is_english, load_rows
from tests.core.test_kcna_annotated3_data import check_articles

pytestmark = pytest.mark.corpus

DATA = REPO / "tests" / "data" / "kcna_annotated4.json"
EARLIER_SETS = (
    REPO / "tests" / "data" / "kcna_annotated.json",
    REPO / "tests" / "data" / "kcna_annotated2.json",
    REPO / "tests" / "data" / "kcna_annotated3.json",
)
FILE = "kcna_2023_2024.jsonl.gz"
SEED, MEETING2_K, RANDOM_EXTRA = 2030, 70, 10
STRATA = {"meeting2", "random"}

# Office titles, cut out of the text (case-insensitive) before MEETING2_RE is searched, so that a
# line whose only matches are titles does not match.
TITLE_PATTERN = (
    r"\b(?:Presidium |alternate |candidate )?members? of the (?:Presidium of the )?"
    r"(?:Political Bureau|Politburo)"
    r"(?: of the (?:[\w.'’ ]{0,40}?)Central Committee(?: of the (?:Workers['’] Party of Korea|WPK))?)?"
    r"|\b(?:alternate |candidate )?members? of the (?:[\w.'’ ]{0,30}?)"
    r"(?:Central Committee|Central Military Commission)(?: of the (?:Workers['’] Party of Korea|WPK))?"
    r"|\b(?:general |first |executive )?(?:secretar(?:y|ies)(?: general)?|(?:vice[- ])?chairm[ae]n)"
    r" of the (?:[\w.'’ ]{0,30}?)Central Committee(?: of the (?:Workers['’] Party of Korea|WPK))?"
    r"|\b(?:first |vice[- ]|deputy )?(?:department )?directors? of (?:a |the )?(?:[\w.'’ ]{0,30}?)"
    r"(?:department of the )?(?:[\w.'’ ]{0,30}?)Central Committee"
    r"(?: of the (?:Workers['’] Party of Korea|WPK))?"
    r"|\b(?:first |vice[- ])?(?:chairm[ae]n|chairpersons?|presidents?|secretar(?:y|ies)(?: general)?"
    r"|members?) of the (?:Presidium|Standing Committee)(?: of the (?:Supreme People['’]s Assembly|SPA))?"
    r"|\b(?:first |vice[- ])?(?:chairm[ae]n|chairpersons?|members?) of the (?:[\w.'’ ]{0,20}?)"
    r"Central Military Commission(?: of the (?:Workers['’] Party of Korea|WPK))?"
)
TITLE_RE = re.compile(TITLE_PATTERN, re.IGNORECASE)
MEETING2_PATTERN = (
    r"Congress|Conference|Plenary|plenum|Political Bureau|Politburo|Presidium|Session|Secretariat"
    r"|Central Military Commission|Central Committee|enlarged meeting|consultative meeting"
    r"|Standing Committee"
)
MEETING2_RE = re.compile(MEETING2_PATTERN, re.IGNORECASE)


def names_a_meeting_word(text: str) -> bool:
    """True when MEETING2_RE matches the text once its office titles are cut out."""
    return MEETING2_RE.search(TITLE_RE.sub(" ", text)) is not None


def earlier_set_lines() -> set[tuple[str, int]]:
    """The (file, line) pairs of the first three annotated sets, which this set must not reuse."""
    taken: set[tuple[str, int]] = set()
    for path in EARLIER_SETS:
        data = json.loads(path.read_text(encoding="utf-8"))
        taken |= {(a["file"], a["line"]) for a in data["articles"]}
    return taken


def draw(rows: dict[str, list[dict[str, Any]]]) -> list[tuple[str, int, str]]:
    """The (file, line, stratum) list the selection rule of the data file's "about" gives."""
    rng = random.Random(SEED)
    taken = earlier_set_lines()
    lines = rows[FILE]
    eligible = [
        i for i, row in enumerate(lines) if (FILE, i) not in taken and is_english(row["text"])
    ]
    matching = [i for i in eligible if names_a_meeting_word(lines[i]["text"])]
    chosen = sorted(rng.sample(matching, min(MEETING2_K, len(matching))))
    drawn = set(chosen)
    pool = [i for i in eligible if i not in drawn]
    picks = [(FILE, i, "meeting2") for i in chosen]
    picks += [(FILE, i, "random") for i in sorted(rng.sample(pool, RANDOM_EXTRA))]
    return picks


def check(data: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every problem found in the data, one message each; an empty list means it is sound."""
    problems: list[str] = []
    articles = data["articles"]
    listed = [(a["file"], a["line"], a["stratum"]) for a in articles]
    if listed != draw(rows):
        problems.append("the annotated articles are not the ones the selection rule draws")
    for name, pattern in (("MEETING2_RE", MEETING2_PATTERN), ("TITLE_RE", TITLE_PATTERN)):
        if pattern not in data["about"]:
            problems.append(f"the about field does not give the {name} the draw uses")
    overlap = {(a["file"], a["line"]) for a in articles} & earlier_set_lines()
    if overlap:
        problems.append(f"lines shared with the first three sets: {sorted(overlap)}")
    return problems + check_articles(articles, rows, STRATA)


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, Any]]]:
    """Both corpus files, read once for the module."""
    return load_rows()


def test_fourth_set_matches_the_corpus(rows: dict[str, list[dict[str, Any]]]) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert check(data, rows) == []
    strata = [a["stratum"] for a in data["articles"]]
    assert strata.count("meeting2") == MEETING2_K
    assert strata.count("random") == RANDOM_EXTRA


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


def test_meeting2_pattern_skips_lines_whose_only_matches_are_office_titles() -> None:
    for named in (
        "the Ninth Plenary Meeting of the Eighth Central Committee",
        "the enlarged plenum",
        "the December Plenary Meeting",
        "the Eighth Party Congress",
        "the session of the SPA",
        "the Political Bureau of the WPK Central Committee",
        "the Party Central Committee",
        "a meeting of the Presidium",
        "a consultative meeting on national defence",
    ):
        assert names_a_meeting_word(named), named
    for title in (
        "Jo Yong Won, member of the Presidium of the Political Bureau of the C.C., WPK",
        "Presidium members of the Political Bureau of the WPK Central Committee",
        "Kim Yo Jong, vice department director of the Central Committee of the WPK",
        "Kim Jong Un, general secretary of the Central Committee of the Communist Party",
        "Choe Ryong Hae, chairman of the Standing Committee of the Supreme People's Assembly",
        "Pak Jong Chon, vice-chairman of the Central Military Commission of the WPK",
        "secretaries of the WPK Central Committee",
    ):
        assert not names_a_meeting_word(title), title
