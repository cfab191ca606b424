"""The seventh blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind7.json holds 42 verbatim excerpts of real English text, mostly news and analysis of
2010-2026 (wire stories of Yonhap, Xinhua, AP, Reuters, AFP and Kyodo and their copies, newspapers and
broadcasters, specialist sites, blogs, aggregators, category pages and a fact box) with eight texts of 1998-2009,
and negatives about mass rallies, UN meetings, South Korea's National Assembly and the 1998 SPA elections,
annotated by hand with the rules of the six earlier sets and committed before the extractor was run on them (see
the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind7.json"


def test_blind7_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind7_is_varied() -> None:
    # (its one Secretariat meeting was in an excerpt removed because set 8 has its URL)
    years = check_varied(load_set(NAME)["excerpts"], kinds=KINDS - {"secretariat_meeting"})
    assert max(years) >= 2024
    # the set's focus: news and analysis of 2010-2026
    assert sum(1 for y in years if y >= 2010) >= 25
    assert sum(1 for y in years if y < 2010) >= 7  # (8 before the removal of one of 2003)
    assert len({y // 10 for y in years}) >= 4  # published in at least four decades


def test_blind7_is_new_against_the_earlier_sets_and_set_8() -> None:
    check_new(NAME, at_least=290)
