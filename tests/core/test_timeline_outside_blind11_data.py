"""The eleventh blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind11.json holds 45 verbatim excerpts of real English text of 2015-2026 (12 pages
show no date): pages about individual people (biographies on a Wikipedia mirror and NK Leadership Watch,
obituaries and death notices, stories on promotions), wire services of other countries (Xinhua, Sputnik, Anadolu,
EFE, IANS, NHK in machine translation, VNA, Yonhap) and their copies on regional and foreign sites, a KCNA press
release and a DPRK portal's text reposted by third parties, reference and listing pages, a podcast's show notes,
and negatives about obituaries, a rally, the UN General Assembly and the Communist Party of Vietnam's 13th
Congress, annotated by hand with the rules of the earlier sets and committed before the extractor was run on them
(see the file's "about" field). No text names a Secretariat meeting: the kind check allows that one gap.

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no
timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind11.json"


def test_blind11_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind11_is_varied() -> None:
    # every kind but secretariat_meeting: no Secretariat/Executive Policy Council text was found that an
    # earlier set does not already carry (see the "about" field)
    years = check_varied(load_set(NAME)["excerpts"], kinds=KINDS - {"secretariat_meeting"})
    # texts of 2015-2026 only (set 12, made at the same time, holds those of 1946-2014)
    assert min(years) >= 2015 and max(years) <= 2026
    assert sum(1 for y in years if 2015 <= y <= 2018) >= 8
    assert sum(1 for y in years if 2023 <= y <= 2026) >= 8


def test_blind11_is_new_against_the_ten_earlier_sets() -> None:
    check_new(NAME, at_least=400)
