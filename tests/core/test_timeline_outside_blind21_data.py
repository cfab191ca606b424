"""The twenty-first blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind21.json holds 43 verbatim excerpts of real English text from the DPRK's own
English outside the KCNA corpus (The Pyongyang Times, Voice of Korea, Naenara, Rodong Sinmun's English page,
the Foreign Ministry's site, DPRK portals) and from friendship associations, Juche study groups and left
outlets (KFA sites, British, Irish and Russian-speaking solidarity blogs, the Pan-African News Wire, Red Star TV,
a Moscow Juche society's paper, a CPRF report), with negatives about the Cuban and Chinese parties' congresses,
a CPC plenum, the youth league's congress, Chongryon's meetings, anniversaries and books of the leaders' works,
annotated by hand with the rules of the earlier sets and committed before the extractor was run on them (see
the file's "about" field).

The set falls short of the usual variety in two ways, measured here as they are rather than hidden: it has
no secretariat_meeting (every Secretariat or Executive Policy Council page found was already in an earlier
set) and three, not six, excerpts naming three or more meetings.

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind21.json"


def test_blind21_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind21_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    years = check_varied(excerpts, kinds=KINDS - {"secretariat_meeting"}, rich=3)
    assert min(years) < 2000 and max(years) >= 2025
    assert len({y // 10 for y in years}) >= 5  # published in at least five decades
    assert sum(1 for x in excerpts if not x["events"]) >= 10  # negatives of many kinds


def test_blind21_is_new_against_the_twenty_earlier_sets() -> None:
    check_new(NAME, at_least=800)
