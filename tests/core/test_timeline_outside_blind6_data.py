"""The sixth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind6.json holds 45 verbatim excerpts of real English text (CIA, State Department
and Library of Congress documents of 1964-1994, an academic journal article, Wilson Center listings and a
Romanian telegram, wire stories from Xinhua, AP, EFE, IANS and Yonhap, newspapers of 1990-2022, Korean and DPRK
outlets in English, blogs and aggregators, and negatives about the Vietnamese, Cuban and East German parties'
congresses and plenums, a world Communist meeting, a Non-Aligned summit and a youth-league congress), annotated
by hand with the rules of the five earlier sets and committed before the extractor was run on them (see the
file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind6.json"


def test_blind6_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind6_is_varied() -> None:
    years = check_varied(load_set(NAME)["excerpts"])
    assert min(years) < 1970 and max(years) >= 2020
    assert sum(1 for y in years if y < 2000) >= 8
    assert len({y // 10 for y in years}) >= 6  # published in at least six decades


def test_blind6_is_new_against_the_five_earlier_sets() -> None:
    check_new(NAME, at_least=250)
