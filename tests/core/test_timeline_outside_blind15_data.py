"""The fifteenth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind15.json holds verbatim excerpts of real English text from reference works
(Wikipedia articles on single congresses, conferences, Central Committees, Political Committees and Supreme
People's Assemblies and their copies and forks, biographies with career lines, CIA World Factbook editions,
a who's-who, think-tank and research-blog explainers, GlobalSecurity.org's library, a Vietnamese party's
congress history and other negatives), annotated by hand with the rules of the earlier sets and committed
before the extractor was run on them (see the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports
no timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind15.json"


def test_blind15_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind15_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    years = check_varied(excerpts)
    assert max(years) >= 2020
    # the set's focus: meetings before 1990, named in reference texts of any decade
    early = [
        x for x in excerpts if any(e["start"] and int(e["start"][:4]) < 1990 for e in x["events"])
    ]
    assert len(early) >= 8


def test_blind15_is_new_against_the_fourteen_earlier_sets() -> None:
    check_new(NAME, at_least=600)
