"""The thirteenth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind13.json holds 45 verbatim excerpts of real English text of 1956-2026, chosen
for the meeting kinds the earlier sets have least of (set 14, built at the same time, has another focus):
Politburo meetings (enlarged and emergency ones), Central Military Commission and Secretariat meetings, plenary
meetings of the SPA Standing Committee, provincial, county and ministry party committees' meetings, national
meetings of cell secretaries and party delegates' meetings, with congresses, conferences, plenums and SPA
sessions in passing. The sources are wire stories and their copies (Yonhap, AP, AFP, Kyodo, IANS, Sputnik,
EPA-EFE), Korean outlets in English, analysts' trackers and papers (North Korea Leadership Watch, 38 North, NK
News, KINU, HRNK), KCNA texts as copied by other sites, archival documents of 1956, 1975 and 1982, reference
pages and blogs, with negatives about the Lao and Cuban parties' congresses, a summit and state media, annotated
by hand with the rules of the earlier sets and committed before the extractor was run on them (see the file's
"about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind13.json"
FOCUS = frozenset(
    {"politburo_meeting", "cmc_meeting", "secretariat_meeting", "spa_standing_committee"}
)


def test_blind13_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind13_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    # five excerpts name three or more meetings, not six: the candidates with more meetings that were found
    # repeat an earlier set's text word for word (see the "about" field)
    years = check_varied(excerpts, rich=5)
    assert min(years) < 1970 and max(years) >= 2025
    assert sum(1 for y in years if y < 2011) >= 8
    assert len({y // 10 for y in years}) >= 4  # published in at least four decades
    events = [e for x in excerpts for e in x["events"]]
    assert sum(1 for e in events if e["kind"] in FOCUS) >= 12  # the set's focus
    assert sum(1 for e in events if e["kind"] == "other_party_meeting") >= 6


def test_blind13_is_new_against_the_twelve_earlier_sets() -> None:
    check_new(NAME, at_least=500)
