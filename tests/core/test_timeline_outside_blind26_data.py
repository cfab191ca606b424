"""The twenty-sixth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind26.json holds 43 verbatim excerpts of real English text as it is carried in files of public
GitHub repositories rather than on the publishers' own pages (a Markdown mirror of Wikipedia's Current events portal with
ledes of Arirang News, the BBC, AP, AFP and Reuters; Reuters reports in a Jekyll copy of the WhenItsOn site; Yonhap and Korea
Herald articles crawled from Naver; Daily Mail story files of the CNN/Daily Mail summarisation corpus; an Economist article
in a Markdown copy of the print edition; Daily Mail, Al Jazeera and CSIS copies on GitHub-hosted sites; machine-written news and
biographies; a fact file; a Wikipedia abstract dump and a wikitext-to-Markdown conversion of Wikipedia's 'Kim Jong Il'),
plus a few stored pages of carriers the earlier sets did not use (Cameroon Intelligence Report, Japan Gazette and
International Mass Media machine translations, Bytes Europe's NHK copy and Yonhap's mobile edition). Published 2009-2026 and naming congresses (1961 to the planned 9th of 2026), party conferences,
CC plenums, a Politburo meeting, CMC meetings, SPA sessions, meetings of the SPA Standing Committee and party meetings named
only as such, with 12 negatives, annotated by hand with the rules of the earlier sets and committed before the extractor was
run on them (see the file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline), so that the set
stays blind until it is scored. The checks are in tests/core/outside_sets.py, which imports no timeline either.
"""

from __future__ import annotations

import re

from tests.core.outside_sets import KINDS, check_new, check_varied, check_well_formed, load_set

NAME = "timeline_outside_blind26.json"

# The sites the earlier sets drew on most, which this set's focus leaves out.
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
)

# The focus: files of public GitHub repositories (news mirrors, crawls, corpora, dumps, site sources).
CARRIERS = ("github.com/",)

WEEKDAY = re.compile(r"\b(on|last) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def test_blind26_excerpts_are_well_formed() -> None:
    check_well_formed(load_set(NAME), distinct_quotes=True)


def test_blind26_is_varied() -> None:
    excerpts = load_set(NAME)["excerpts"]
    # Short of the brief in one place: no text naming a secretariat meeting (or the Executive Policy Council's) survived
    # the checks against the earlier sets, so that kind is missing (as in sets 24 and 25). Few texts of these carriers
    # name three or more meetings (one does).
    years = check_varied(excerpts, kinds=KINDS - {"secretariat_meeting"}, negatives=10, rich=1)
    # writing of two decades and more: 2009-2010, the 2010s and the 2020s up to 2026
    assert min(years) <= 2009 and max(years) >= 2026
    assert len({y // 10 for y in years}) >= 3
    # the focus: text carried in GitHub repositories, none of the earlier sets' staple sites
    assert not [x["id"] for x in excerpts if any(d in x["url"] for d in EARLIER_STAPLES)]
    carried = [x["id"] for x in excerpts if any(d in x["url"] for d in CARRIERS)]
    assert len(carried) >= 30
    repositories = {x["url"].split("/")[4] for x in excerpts if "github.com/" in x["url"]}
    assert len(repositories) >= 10
    # both spellings of the party's name, and the old one
    texts = [x["text"] for x in excerpts]
    assert any("Korean Workers" in t for t in texts)
    assert any("WPK" in t for t in texts)
    # the carriers' markup kept: Markdown headings, HTML, wikilinks, entities
    assert sum(1 for t in texts if t.startswith("#") or "\n#" in t) >= 8
    assert any("<p>" in t for t in texts)
    assert any('"wikilink")' in t for t in texts)
    assert any("&#x27;" in t for t in texts)
    # dates written in many ways: weekdays, month and year only, a year alone, undated meetings
    assert sum(1 for t in texts if WEEKDAY.search(t)) >= 5
    events = [e for x in excerpts for e in x["events"]]
    assert sum(1 for e in events if e["start"] and len(e["start"]) == 7) >= 5  # month precision
    assert sum(1 for e in events if e["start"] and len(e["start"]) == 4) >= 5  # year precision
    assert sum(1 for e in events if not e["start"] and not e["end"]) >= 8  # named but undated
    undated_pages = [x["id"] for x in excerpts if x["published"] is None and x["events"]]
    assert len(undated_pages) >= 5  # no date to resolve against
    # meetings named from the 1960s to the 2020s
    starts = [int(e["start"][:4]) for e in events if e["start"]]
    assert min(starts) <= 1961 and max(starts) >= 2026
    assert len({s // 10 for s in starts}) >= 5


def test_blind26_is_new_against_all_earlier_sets() -> None:
    check_new(NAME, at_least=1000)
