"""The ninth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind9.json holds 43 verbatim excerpts of real English analysis and reports, mostly of
2000-2026 (think tanks and research institutes, specialist sites and leadership-tracking blogs, an academic
e-journal, a government site's press translation, Wikipedia pages on officials, a foreign party's letter, news
summaries of the 2026 congress, forum and blog copies of newspapers and magazines) with eight texts of 1982-2008
(CIA assessments, a research report, blog posts), and negatives about plenums and congresses of the Vietnamese and
Chinese parties, the succession, SPA elections and offices, annotated by hand with the rules of the eight earlier
sets and committed before the extractor was run on them (see the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

import collections

from tests.core.outside_sets import KINDS, check_new, check_well_formed, flat, load_set, shared_run

NAME = "timeline_outside_blind9.json"


def test_shared_run_finds_a_copied_passage_and_not_a_fresh_one() -> None:
    sentence = " The 25th Plenary Meeting of the 14th Standing Committee took place on April 11."
    source = "w" * 40 + sentence * 4
    copied = "A heading.\n" + source[40:300] + "\nA foot line."
    fresh = "A different text about a plenum of the Vietnamese party's Central Committee. " * 4
    assert shared_run(copied, [flat(source)]) is not None
    assert shared_run(fresh, [flat(source)]) is None
    # whitespace is folded: a hard line break does not hide a copied run
    assert shared_run(copied.replace(" ", "\n", 5), [flat(source)]) is not None


def test_blind9_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind9_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    publishers = collections.Counter(x["publisher"] for x in excerpts)
    assert len(publishers) >= 20
    assert max(publishers.values()) <= 6
    assert {x["english"] for x in excerpts} == {"American", "British"}
    assert sum(1 for x in excerpts if not x["events"]) >= 6
    assert sum(1 for x in excerpts if len(x["events"]) >= 3) >= 6
    assert {e["kind"] for x in excerpts for e in x["events"]} == KINDS
    years = [int(x["published"][:4]) for x in excerpts if x["published"]]
    assert max(years) >= 2024
    # the set's focus: analysis and reports of 2000-2026, with a few older texts
    assert sum(1 for y in years if y >= 2000) >= 25
    assert sum(1 for y in years if y < 2010) >= 8
    assert len({y // 10 for y in years}) >= 3  # published in at least three decades


def test_blind9_is_new_against_the_eight_earlier_sets() -> None:
    check_new(NAME, at_least=300)
