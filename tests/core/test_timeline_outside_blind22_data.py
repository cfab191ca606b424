"""The twenty-second blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind22.json holds 45 verbatim excerpts of real English text focused on biographies, profiles,
obituaries, chronologies and reference pages and on news in which meetings appear as the place of an election, an appointment
or a decision (profiles of Kim Yo Jong, Ri Pyong Chol, Hwang Pyong So and Pak Thae-song, premiers chosen at SPA sessions and
plenums of 2019 and 2024, wiki copies and renderings with their markup, North Korea Leadership Watch pages, wire copies of
2010-2025 on small sites in several countries, many of them machine-paraphrased), and negatives about the Chinese party's 19th
Congress and plenum, the Soviet Politburo of 1982 and 1985, funerals and commemorative meetings, annotated by hand with the
rules of the earlier sets and committed before the extractor was run on them (see the file's "about" field). It was made at
the same time as set 21 (the DPRK's own English).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline), so that the set
stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind22.json"


def test_blind22_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind22_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    # Short of the brief in two places, within its look-up budget: no text naming a secretariat meeting (or the
    # Executive Policy Council's) survived the check against the earlier sets, and only two (not six) excerpts name
    # three or more meetings (the richer chronologies and category pages found are in earlier sets).
    years = check_varied(excerpts, kinds=KINDS - {"secretariat_meeting"}, rich=2)
    assert min(years) < 1990 and max(years) >= 2025
    # published in the 1980s, 2010s and 2020s (many reference pages carry no date)
    assert len({y // 10 for y in years}) >= 3
    # the focus: texts that name meetings as the place of an election, appointment, dismissal or promotion
    places = ("elected", "appointed", "dismissed", "replaced", "promoted", "named")
    assert sum(1 for x in excerpts if x["events"] and any(w in x["text"] for w in places)) >= 15
    # meetings named from 1980 to 2025, some planned
    starts = [int(e["start"][:4]) for x in excerpts for e in x["events"] if e["start"]]
    assert min(starts) <= 1980 and max(starts) >= 2025


def test_blind22_is_new_against_all_earlier_sets() -> None:
    check_new(NAME, at_least=800)
