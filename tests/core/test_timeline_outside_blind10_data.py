"""The tenth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind10.json holds 41 verbatim excerpts of real English text: news of 1961-2010 (a
Hungarian embassy report of 1961, The Christian Science Monitor, UPI, The Baltimore Sun, The Jakarta Post, Deseret
News, The Irish Times, Reuters, AP and AFP copies, The Washington Post) and Korean and DPRK outlets in English of
any year (Yonhap, The Korea Herald, Arirang TV, Daily NK, The Pyongyang Times, Voice of Korea, Uriminzokkiri, DPRK
books and Kim Il Sung's works, speeches and captions on friendship sites), with negatives about a rally, a
commemorative meeting, communiques, South Korea's parliament and security council, and the youth league,
annotated by hand with the rules of the earlier sets and committed before the extractor was run on them (see the
file's "about" field). No text names a Secretariat meeting: the kind check allows that one gap.

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind10.json"


def test_blind10_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind10_is_varied() -> None:
    # every kind but secretariat_meeting: the only Secretariat/Executive Policy Council texts found while
    # searching are in earlier sets (see the "about" field)
    years = check_varied(load_set(NAME)["excerpts"], kinds=KINDS - {"secretariat_meeting"})
    assert min(years) < 1970  # a news set reaching back to the first decades
    # news of 1961-2009 (old news is scarce in the store)
    assert sum(1 for y in years if y < 2010) >= 10
    # Korean and DPRK outlets (and a few others) published after 2010
    assert sum(1 for y in years if y > 2010) >= 8
    assert len({y // 10 for y in years}) >= 5  # published in at least five decades


def test_blind10_is_new_against_the_eight_earlier_sets() -> None:
    check_new(NAME, at_least=350)
