"""The twenty-fifth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind25.json holds 44 verbatim excerpts of real English text focused on wire copy as reprinted
by regional and foreign papers and on unusual carriers of text (AP in the National Post and the Arkansas Democrat-Gazette,
AFP in the Taipei Times and The Sydney Morning Herald, UPI in the Los Angeles Times archive, Bloomberg in The Japan Times,
IANS, Sputnik via UrduPoint, NHK World, Chinese and Vietnamese state media, Zee News, ABC and the AFR of Australia, Newshub, BBC
News, Al Jazeera, The Hankyoreh, The Washington Post, The Diplomat, JURIST, a PIIE blog, a Japanese university's column,
blogs, book pages on publishers' and e-book sites, a spam-site copy of Yonhap and two Markdown files of GitHub
repositories), published 1990-2026 and naming congresses, party conferences, CC plenums, Politburo, CMC and SPA meetings and
conferences of cell officials from 1948 (as a text dates the first congress) to 2026, with 13 negatives about Chinese,
Vietnamese and Lao party congresses, rallies, an election, obituaries, a constitution and counts of meetings, annotated by
hand with the rules of the earlier sets and committed before the extractor was run on them (see the file's "about"
field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline), so that the set
stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no timeline either.
"""

from __future__ import annotations

import re

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind25.json"

# The sites the earlier sets drew on most, which this set's focus leaves out.
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

# Addresses of copies, mirrors, aggregators and repositories rather than of the publisher's own site: the focus on text
# as it travels.
CARRIERS = (
    "pefafa.com",
    "azureedge.net",
    "34.80.245.248",
    "cargreen.es",
    "ganp.jp",
    "urdupoint.com",
    "24hbongdda.site",
    "eaginsights.com",
    "epdf.pub",
    "issuhub.com",
    "zzzogryeb.bond",
    "github.com",
    "news.yahoo.com",
    "pressenza.com",
    "markozen.com",
    "openprivilege.com",
)


def test_blind25_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind25_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    # Short of the brief in one place, within its look-up budget: no text naming a secretariat meeting (or the Executive
    # Policy Council's) or a meeting of the SPA Standing Committee (or Presidium) survived the check against the earlier
    # sets, so those two kinds are missing (as in set 24).
    years = check_varied(
        excerpts,
        kinds=KINDS - {"secretariat_meeting", "spa_standing_committee"},
        negatives=12,
        rich=6,
    )
    # writing of several decades: 1990 and 1994 archives, 2006, 2009-2010 and the 2010s-2020s up to 2026
    assert min(years) <= 1990 and max(years) >= 2026
    assert len({y // 10 for y in years}) >= 4
    # the focus: wire copy and text as it travels, hardly any of the earlier sets' staple sites
    assert not [x["id"] for x in excerpts if any(d in x["url"] for d in EARLIER_STAPLES)]
    assert len([x["id"] for x in excerpts if any(d in x["url"] for d in CARRIERS)]) >= 12
    # both spellings of the party's name, and the old one
    texts = [x["text"] for x in excerpts]
    assert any("Korean Workers" in t or "KWP" in t for t in texts)
    assert any("WPK" in t for t in texts)
    # dates written in many ways: day first, ranges, relative days, month and year only, and undated meetings
    day_first = re.compile(
        r"\b\d{1,2}(st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December)\b"
    )
    assert sum(1 for t in texts if day_first.search(t)) >= 2
    events = [e for x in excerpts for e in x["events"]]
    assert any(e["start"] and e["end"] and len(e["end"]) == 10 for e in events)  # a range of days
    assert sum(1 for e in events if not e["start"] and not e["end"]) >= 8  # named but undated
    assert (
        sum(1 for x in excerpts if x["published"] is None and x["events"]) >= 5
    )  # no date to resolve against
    # meetings named from the 1940s to the 2020s
    starts = [int(e["start"][:4]) for e in events if e["start"]]
    assert min(starts) <= 1952 and max(starts) >= 2026
    assert len({s // 10 for s in starts}) >= 6


def test_blind25_is_new_against_all_earlier_sets() -> None:
    check_new(NAME, at_least=1000)
