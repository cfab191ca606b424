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

from tests.core.outside_sets import check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind9.json"


def test_blind9_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind9_is_varied() -> None:
    years = check_varied(load_set(NAME)["excerpts"])
    assert max(years) >= 2024
    # the set's focus: analysis and reports of 2000-2026, with a few older texts
    assert sum(1 for y in years if y >= 2000) >= 25
    assert sum(1 for y in years if y < 2010) >= 8
    assert len({y // 10 for y in years}) >= 3  # published in at least three decades


def test_blind9_is_new_against_the_eight_earlier_sets() -> None:
    check_new(NAME, at_least=300)
