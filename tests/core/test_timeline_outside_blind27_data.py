"""The twenty-seventh blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind27.json holds 41 verbatim excerpts of real English text from stored web pages the 26 earlier
sets did not use, chosen from odd carriers and uncommon publishers rather than the staple sites: aggregators and content farms
(machine-reworded wire copy, NYT summaries and headline feeds, Newser), an NPR newscast transcript, regional and foreign papers
carrying AP, AFP, Reuters, IANS, Yonhap and Xinhua (the Ohio Journal-News, the Philippine Daily Inquirer, TODAY, TwoCircles,
CanIndia, The Statesman, OANA, China.org.cn, People's Daily Online), TASS's archive, the South China Morning Post, Time (1994) and
Newsweek, spam-site copies of Yonhap and Korea Times reports, a machine translation, a blog's Guardian copy, a British solidarity
journal and a friendship society's blog, a Reddit thread, NCNK, NK Leadership Watch, a Britannica book page and Wikipedia text
in mirrors the earlier sets did not use (one of them garbled by a link-rewriting script). Published 1994-2023 and naming
congresses (1948 to 2021), the 4th Party Conference, CC plenums (1952, 1956), Politburo meetings, a CMC meeting, SPA sessions
(1967 to 2023), a conference of cell secretaries and the army's and provinces' party meetings, with 12 negatives, annotated by
hand with the rules of the earlier sets and committed before the extractor was run on them (see the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline), so that the set
stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no timeline either.
"""

from __future__ import annotations

import re

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind27.json"

# The sites the earlier sets drew on most; a few of their pages not used before are allowed, no more.
EARLIER_STAPLES = (
    "nknews.org",
    "38north.org",
    "nkleadershipwatch",
    "digitalarchive.wilsoncenter.org",
    "kcnawatch.org",
    "koreaherald.com",
    "dailynk.com",
    "cia.gov",
    "globalsecurity.org",
    "wikipedia.org",
    "kbs.co.kr",
    "yna.co.kr",
    "github.com/",
)

WEEKDAY = re.compile(r"\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b")


def test_blind27_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind27_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    # Short of the brief in two places (as sets 24-26): no text naming a secretariat (or Executive Policy Council) meeting or a
    # meeting of the SPA Standing Committee (or Presidium) survived the checks against the earlier sets, so those kinds are
    # missing; and only one excerpt names three or more meetings.
    years = check_varied(
        excerpts,
        kinds=KINDS - {"secretariat_meeting", "spa_standing_committee"},
        negatives=10,
        rich=1,
    )
    # writing of four decades: 1994, the 2000s, the 2010s and the 2020s
    assert min(years) <= 1994 and max(years) >= 2023
    assert len({y // 10 for y in years}) >= 4
    # the focus: pages of carriers the earlier sets did not use; the staple sites at most a handful
    staples = [x["id"] for x in excerpts if any(d in x["url"] for d in EARLIER_STAPLES)]
    assert len(staples) <= 4
    assert len({x["url"].split("/")[2] for x in excerpts}) >= 38  # distinct hosts
    # both spellings of the party's name, and the old one
    texts = [x["text"] for x in excerpts]
    assert any("Korean Workers" in t for t in texts)
    assert any("WPK" in t for t in texts)
    assert sum(1 for x in excerpts if x["english"] == "British") >= 10
    # the carriers' garbles and markup kept
    assert any(" teh " in t or t.startswith("teh ") for t in texts)
    assert any("<strong>" in t for t in texts)
    assert any("Article continues after this advertisement" in t for t in texts)
    # dates written in many ways: weekdays, month and year only, a year alone, undated meetings
    assert sum(1 for t in texts if WEEKDAY.search(t)) >= 15
    events = [e for x in excerpts for e in x["events"]]
    assert sum(1 for e in events if e["start"] and len(e["start"]) == 7) >= 10  # month precision
    assert sum(1 for e in events if e["start"] and len(e["start"]) == 4) >= 1  # year precision
    assert sum(1 for e in events if e["start"] and len(e["start"]) == 10) >= 6  # day precision
    assert sum(1 for e in events if not e["start"] and not e["end"]) >= 12  # named but undated
    undated_pages = [x["id"] for x in excerpts if x["published"] is None and x["events"]]
    assert len(undated_pages) >= 12  # no date to resolve against
    # meetings named from the 1940s to the 2020s
    starts = [int(e["start"][:4]) for e in events if e["start"]]
    assert min(starts) <= 1948 and max(starts) >= 2023
    assert len({s // 10 for s in starts}) >= 6


def test_blind27_is_new_against_all_earlier_sets() -> None:
    check_new(NAME, at_least=1000)
