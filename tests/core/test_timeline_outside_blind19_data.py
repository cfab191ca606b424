"""The nineteenth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind19.json holds 43 verbatim excerpts of real English text, focused on news of
2011-2026 as a researcher would paste it: wire copy and newspapers (Yonhap and its copies, EFE, Reuters and AP
via copies, AFP, Xinhua, ANI/Sputnik, The Korea Herald, KBS World, NK News, Daily NK, News1, Fox News, The
Independent, SCMP, AJP, A News) reporting plenary meetings, Politburo, Secretariat and CMC meetings, SPA sessions
and a Standing Committee meeting, the 8th and 9th Congresses and conferences of party officials, just held, under
way or coming, with relative dates; aggregator copies, a think-tank post, a reference page and KCNA texts as
copied by other sites; and negatives about the Vietnamese and Chinese parties' congresses and plenums, mass
rallies and a KPA officers' meeting, annotated by hand with the rules of the earlier sets and committed before
the extractor was run on them (see the file's "about").

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind19.json"


def test_blind19_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind19_is_varied() -> None:
    years = check_varied(load_set(NAME)["excerpts"])
    # the brief's focus: news of 2011-2026, at least ten texts published 2023-2026
    assert min(years) >= 2011 and max(years) >= 2026
    assert sum(1 for y in years if y >= 2023) >= 10


def test_blind19_is_new_against_all_earlier_sets() -> None:
    check_new(NAME, at_least=750)
