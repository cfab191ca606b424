"""The seventeenth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind17.json holds 42 verbatim excerpts of real English text: news and wire
stories (Yonhap, AP, AFP, Reuters, Xinhua, IANS/EFE, RT, the Korea Herald, the Dong-A Ilbo, Daily NK, NK News,
North Korea Leadership Watch, Arirang, newspapers and aggregators carrying wire copy, KCNA and Voice of Korea
items as copied by others, 2004-2025) and encyclopedia-like texts (Wikipedia and its copies on SPA terms of
1957-1977, the Politburo and a Lao party congress, a reference page), naming SPA sessions, ordinary plenums,
Politburo, CMC and Secretariat meetings, conferences of party secretaries and a provincial party meeting, with
negatives about the Lao and Cuban parties' congresses, the youth league, the People's Assembly of 1947-48,
elections of deputies and obituaries, annotated by hand with the rules of the earlier sets and committed before
the extractor was run on them (see the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports
no timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind17.json"


def test_blind17_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind17_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    # Shortfalls against the brief, found within the helper's 40 look-ups (see the "about" field): four
    # excerpts name three or more meetings (six asked), and no SPA Standing Committee (Presidium) meeting
    # could be found that an earlier set did not already hold, so that kind is not required here.
    years = check_varied(excerpts, kinds=KINDS - {"spa_standing_committee"}, negatives=10, rich=4)
    assert min(years) <= 2005 and max(years) >= 2025
    assert len({y // 10 for y in years}) >= 3  # published in the 2000s, 2010s and 2020s
    # the brief's focus: meetings other than the best-known ones, over the decades
    starts = [int(e["start"][:4]) for x in excerpts for e in x["events"] if e["start"]]
    assert sum(1 for y in starts if y < 1980) >= 8  # SPA sessions of 1957-1967
    assert sum(1 for y in starts if 2000 <= y < 2016) >= 6
    kinds = [e["kind"] for x in excerpts for e in x["events"]]
    assert kinds.count("cmc_meeting") >= 3 and kinds.count("other_party_meeting") >= 3


def test_blind17_is_new_against_the_sixteen_earlier_sets() -> None:
    check_new(NAME, at_least=700)
