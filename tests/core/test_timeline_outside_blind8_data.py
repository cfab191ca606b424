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

import collections

from tests.core.outside_sets import KINDS, check_new, check_well_formed, flat, load_set, shared_run

NAME = "timeline_outside_blind8.json"


def test_shared_run_finds_a_copied_passage_and_not_a_fresh_one() -> None:
    sentence = " The 17th Plenary Session of the 2nd Central Committee decided on 3 December 1955."
    source = "z" * 40 + sentence * 4
    copied = "A heading.\n" + source[40:300] + "\nA foot line."
    fresh = "A different text about a Hungarian telegram on the coming congress. " * 4
    assert shared_run(copied, [flat(source)]) is not None
    assert shared_run(fresh, [flat(source)]) is None
    # whitespace is folded: a hard line break does not hide a copied run
    assert shared_run(copied.replace(" ", "\n", 5), [flat(source)]) is not None


def test_blind8_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind8_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    publishers = collections.Counter(x["publisher"] for x in excerpts)
    assert len(publishers) >= 20
    assert max(publishers.values()) <= 6
    assert {x["english"] for x in excerpts} == {"American", "British"}
    assert sum(1 for x in excerpts if not x["events"]) >= 6
    assert sum(1 for x in excerpts if len(x["events"]) >= 3) >= 6
    assert {e["kind"] for x in excerpts for e in x["events"]} == KINDS
    years = [int(x["published"][:4]) for x in excerpts if x["published"]]
    assert min(years) < 1965  # a history set: archival documents of the 1950s and 1960s
    assert sum(1 for y in years if y < 2000) >= 6
    # reference pages, obituaries and retrospectives published after 2010
    assert sum(1 for y in years if y > 2010) >= 8
    assert len({y // 10 for y in years}) >= 6  # published in at least six decades


def test_blind8_is_new_against_the_six_earlier_sets() -> None:
    check_new(NAME, at_least=300)
