"""The fifth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind5.json holds 45 verbatim excerpts of real English text (embassy telegrams,
CIA and FBIS documents and archive listings of 1956-1980, encyclopedias and their mirrors, news agencies and
newspapers of 2009-2026, specialist sites, DPRK texts republished outside KCNA, and negatives about the
Japanese, Chinese and Lao parties' meetings, a Non-Aligned Movement summit, a youth league and an anniversary
meeting), annotated by hand with the rules of the four earlier sets and committed before the extractor was
run on them (see the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no timeline either.
"""

from __future__ import annotations

import collections

from tests.core.outside_sets import KINDS, check_new, check_well_formed, load_set

NAME = "timeline_outside_blind5.json"


def test_blind5_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=False)


def test_blind5_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    publishers = collections.Counter(x["publisher"] for x in excerpts)
    assert len(publishers) >= 20
    assert max(publishers.values()) <= 6
    assert {x["english"] for x in excerpts} == {"American", "British"}
    assert sum(1 for x in excerpts if not x["events"]) >= 5
    assert sum(1 for x in excerpts if len(x["events"]) >= 3) >= 5
    assert {e["kind"] for x in excerpts for e in x["events"]} == KINDS
    years = {int(x["published"][:4]) for x in excerpts if x["published"]}
    assert min(years) < 1970 and max(years) >= 2025
    assert sum(1 for y in years if y < 1995) >= 4


def test_blind5_is_new_against_the_four_earlier_sets() -> None:
    check_new(NAME, at_least=200)
