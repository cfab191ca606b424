"""The fourteenth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind14.json holds 45 verbatim excerpts of real English text in the forms a
researcher pastes that the earlier sets have little of: briefing transcripts of South Korea's Ministry of
Unification and press conferences of Japan's MOFA, a Hansard sitting of 1983, Security Council Report,
think-tank and newsletter pages (Sejong Institute, 38 North, North Korea Leadership Watch, New Eastern
Outlook), blogs and aggregators, a Wikipedia copy of '2016 in North Korea', machine translations, wire copies,
archival documents of 1962 and 1967, and newspapers of 1990-2016, with numeric, day-first and month-first
dates, and negatives (a Chinese party plenum, UN negotiations, MOFA press conferences, succession stories of
the 1990s); annotated by hand with the rules of the earlier sets and committed before the extractor was run on
them (see the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports
no timeline either.
"""

from __future__ import annotations

import re

from tests.core.outside_sets import check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind14.json"
NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
DAY_FIRST = re.compile(
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
)


def test_blind14_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind14_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    years = check_varied(excerpts)
    assert sum(1 for y in years if y >= 2016) >= 10
    assert sum(1 for y in years if y < 2000) >= 6
    assert min(years) < 1970 and max(years) >= 2025
    # the set's focus: dates written in numeric or day-first form, in several excerpts
    assert sum(1 for x in excerpts if NUMERIC_DATE.search(x["text"])) >= 5
    assert sum(1 for x in excerpts if DAY_FIRST.search(x["text"])) >= 8


def test_blind14_is_new_against_the_twelve_earlier_sets() -> None:
    check_new(NAME, at_least=500)
