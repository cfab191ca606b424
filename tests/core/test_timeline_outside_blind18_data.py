"""The eighteenth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind18.json holds 45 verbatim excerpts of real English text, focused on research
and official sources: Polish, Hungarian and South Korean diplomatic documents of 1953-1980 (Wilson Center archive
and copies), Kim Il Sung's speeches and reports of 1973-1990 as reposted, the ROK Unification White Paper of 2005,
House of Lords and House of Commons debates, think-tank papers and posts (PIIE, KEI, 38 North, Stimson/Sejong,
Crisis Group, IIAS, Open Nuclear Network, JINF, NCNK, MERICS, Asia Pacific Foundation of Canada), academic
abstracts, North Korea Leadership Watch, a few news stories and KCNA texts as copied by friendship sites, and
negatives about Chinese party plenums, a mass rally, trade-union talks and diplomatic journeys, annotated by hand
with the rules of the earlier sets and committed before the extractor was run on them (see the file's "about").

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind18.json"


def test_blind18_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind18_is_varied() -> None:
    # (5 rich excerpts, not 6: the lead removed one that set 17 also holds)
    years = check_varied(load_set(NAME)["excerpts"], rich=5)
    assert min(years) < 1960 and max(years) >= 2025
    # the brief asked for at least eight texts published before 2000
    assert sum(1 for y in years if y < 2000) >= 8
    # published in the 1950s, 1970s, 1980s, 1990s, 2000s, 2010s and 2020s
    assert len({y // 10 for y in years}) >= 7


def test_blind18_is_new_against_all_earlier_sets() -> None:
    check_new(NAME, at_least=650)
