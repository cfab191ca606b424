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

import collections

from tests.core.outside_sets import KINDS, check_new, check_well_formed, flat, load_set, shared_run

NAME = "timeline_outside_blind6.json"


def test_shared_run_finds_a_copied_passage_and_not_a_fresh_one() -> None:
    sentence = " The 19th Plenary Meeting of the 14th Standing Committee was held on January 28."
    source = "y" * 40 + sentence * 4
    copied = "A heading.\n" + source[40:300] + "\nA foot line."
    fresh = "A different text about the Cabinet of the DPRK and its enlarged plenary meeting. " * 4
    assert shared_run(copied, [flat(source)]) is not None
    assert shared_run(fresh, [flat(source)]) is None
    # whitespace is folded: a hard line break does not hide a copied run
    assert shared_run(copied.replace(" ", "\n", 5), [flat(source)]) is not None


def test_blind6_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind6_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    publishers = collections.Counter(x["publisher"] for x in excerpts)
    assert len(publishers) >= 20
    assert max(publishers.values()) <= 6
    assert {x["english"] for x in excerpts} == {"American", "British"}
    assert sum(1 for x in excerpts if not x["events"]) >= 6
    assert sum(1 for x in excerpts if len(x["events"]) >= 3) >= 6
    assert {e["kind"] for x in excerpts for e in x["events"]} == KINDS
    years = [int(x["published"][:4]) for x in excerpts if x["published"]]
    assert min(years) < 1970 and max(years) >= 2020
    assert sum(1 for y in years if y < 2000) >= 8
    assert len({y // 10 for y in years}) >= 6  # published in at least six decades


def test_blind6_is_new_against_the_five_earlier_sets() -> None:
    check_new(NAME, at_least=250)
