"""The twenty-fourth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind24.json holds 42 verbatim excerpts of real English text focused on government,
parliamentary, intergovernmental and scholarly writing (a US Open Source Center/INR analysis, a 1956 TASS sheet from the
Russian state archive, a FRUS document, the US Embassy Tokyo's media summaries, a House hearing record, UK and Australian
Hansard, the European Parliament and its research service, UN press releases, a Human Rights Council report and DPRK
General Assembly speeches, the 1998 DPRK constitution; KIDA, the Sejong Institute, IFES, JIIA, KINU and Asan
researchers; Brookings, Cato, FDD, PIIE, Stratfor, KEI, the Nautilus Institute, the Friedrich Naumann Foundation, NIAS;
the CWIHP Bulletin, a KEI academic paper and scholars' columns), published 1956-2023 and naming congresses, party
conferences, CC plenums, Politburo, CMC and SPA meetings and a joint meeting of party bodies from 1956 to 2021, and
negatives about Soviet, UN, European, British, Australian and American meetings, annotated by hand with the rules of the
earlier sets and committed before the extractor was run on them (see the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline), so that the set
stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no timeline either.
"""

from __future__ import annotations

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind24.json"

# The sites the earlier sets drew on most, which this set's focus leaves out (one KBS World programme built on a KINU
# researcher's explanation is the only exception, as the "about" field says).
EARLIER_STAPLES = (
    "nknews.org",
    "38north.org",
    "nkleadershipwatch",
    "digitalarchive.wilsoncenter.org",
    "kcnawatch.org",
    "yna.co.kr",
    "kbs.co.kr",
    "koreaherald.com",
    "dailynk.com",
    "cia.gov",
    "globalsecurity.org",
    "wikipedia.org",
)

# Addresses of governments, parliaments and intergovernmental bodies (or of their own documents' stores).
OFFICIAL = (
    "state.gov",
    "usembassy.gov",
    "congress.gov",
    "parliament.uk",
    "europarl.europa.eu",
    "europeansources.info",
    "press.un.org",
    "right-docs.org",
    "openaustralia.org.au",
    "un.koenvangilst.nl",
    "kida.re.kr",
    "jiia.or.jp",
    "asianlii.org",
)


def test_blind24_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind24_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    # Short of the brief in one place, within its look-up budget: no text naming a secretariat meeting (or the Executive
    # Policy Council's) or a meeting of the SPA Standing Committee (or Presidium) survived the check against the earlier
    # sets, so those two kinds are missing.
    years = check_varied(
        excerpts,
        kinds=KINDS - {"secretariat_meeting", "spa_standing_committee"},
        negatives=12,
        rich=6,
    )
    # writing of several decades: an archival document of 1956, the 1998 constitution, 2004 and the 2010s-2020s
    assert min(years) <= 1956 and max(years) >= 2023
    assert len({y // 10 for y in years}) >= 5
    # the focus: official and scholarly writing, hardly any of the earlier sets' staple sites
    assert len([x["id"] for x in excerpts if any(d in x["url"] for d in EARLIER_STAPLES)]) <= 1
    assert len([x["id"] for x in excerpts if any(d in x["url"] for d in OFFICIAL)]) >= 15
    # both spellings of the party's name
    texts = [x["text"] for x in excerpts]
    assert any("Korean Workers" in t for t in texts) and any("KWP" in t for t in texts)
    assert any("WPK" in t for t in texts)
    # meetings named from the 1950s to the 2020s
    starts = [int(e["start"][:4]) for x in excerpts for e in x["events"] if e["start"]]
    assert min(starts) <= 1956 and max(starts) >= 2021
    assert len({s // 10 for s in starts}) >= 6


def test_blind24_is_new_against_all_earlier_sets() -> None:
    check_new(NAME, at_least=900)
