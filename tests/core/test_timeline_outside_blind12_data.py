"""The twelfth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind12.json holds 45 verbatim excerpts of real English text of 1949-2014 (set 11,
built at the same time, keeps to 2015-2026): a State Department despatch of 1949 and an editorial note of the
FRUS volume for 1955-1957, CIA CREST reports and weekly summaries of 1953-1961, Wilson Center documents of
1956-1980, reference and almanac pages (the CIA World Factbook 1986, Library of Congress country studies, an
encyclopedia entry, Chinese reference cards), a Columbia Law School course reading, a US defence report page,
newspaper archives (The New York Times 1972, The Press of Christchurch 1966, AP in The Washington Times 2010),
Korean outlets in English (The Korea Herald, Yonhap, JoongAng Daily, The Hankyoreh, Daily NK), Xinhua and KCNA
copies, and analysts' blogs, with negatives about foreign parties' congresses and plenums, UN debates, rallies, a
Cabinet plenum and a meeting of security officials, annotated by hand with the rules of the earlier sets and
committed before the extractor was run on them (see the file's "about" field). No text of those years names a
Secretariat meeting or a meeting of the SPA's Standing Committee or Presidium: the kind check allows that gap.

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind12.json"


def test_blind12_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind12_is_varied() -> None:
    # every kind but secretariat_meeting and spa_standing_committee: the only such texts found while
    # searching are KCNA reports of 2021-2025, outside this set's years (see the "about" field)
    years = check_varied(
        load_set(NAME)["excerpts"],
        kinds=KINDS - {"secretariat_meeting", "spa_standing_committee"},
    )
    assert min(years) < 1965  # reaching back to the first decades
    assert max(years) <= 2014  # set 11 has 2015-2026
    assert sum(1 for y in years if y < 1980) >= 8
    assert sum(1 for y in years if 2000 <= y <= 2014) >= 8
    assert len({y // 10 for y in years}) >= 5  # published in at least five decades


def test_blind12_is_new_against_the_ten_earlier_sets() -> None:
    check_new(NAME, at_least=450)
