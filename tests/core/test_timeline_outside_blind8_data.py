"""The eighth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind8.json holds 44 verbatim excerpts of real English history and reference text
(Wikipedia articles and their mirrors, forks, snapshots, edit pages and diffs on the 3rd and 8th Congresses, the
3rd and 6th Central Committees, the Executive Policy Bureau, the Secretariat and the SPA; Encyclopedia.com; a
machine-translated wiki biography; a book page and a journal abstract; CIA reading-room documents of 1962 and
1975; Wilson Center translations of 1956 and 1980 and listings of its archive and mirrors; obituaries and
profiles of 2011 and 2025; news and blogs of 2003-2009; a research site's category pages and two KCNA copies of
2021-2022 for the kinds that exist only after 2010), annotated by hand with the rules of the earlier sets and
committed before the extractor was run on them (see the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind8.json"


def test_blind8_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind8_is_varied() -> None:
    years = check_varied(load_set(NAME)["excerpts"])
    assert min(years) < 1965  # a history set: archival documents of the 1950s and 1960s
    assert sum(1 for y in years if y < 2000) >= 6
    # reference pages, obituaries and retrospectives published after 2010
    assert sum(1 for y in years if y > 2010) >= 8
    assert len({y // 10 for y in years}) >= 6  # published in at least six decades


def test_blind8_is_new_against_the_six_earlier_sets() -> None:
    check_new(NAME, at_least=300)
