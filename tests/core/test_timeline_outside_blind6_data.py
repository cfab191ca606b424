"""The sixth blind set of outside text: well-formed, varied and new (no scoring here).

tests/data/timeline_outside_blind6.json holds 45 verbatim excerpts of real English text (CIA, State Department
and Library of Congress documents of 1964-1994, an academic journal article, Wilson Center listings and a
Romanian telegram, wire stories from Xinhua, AP, EFE, IANS and Yonhap, newspapers of 1990-2022, Korean and DPRK
outlets in English, blogs and aggregators, and negatives about the Vietnamese, Cuban and East German parties'
congresses and plenums, a world Communist meeting, a Non-Aligned summit and a youth-league congress), annotated
by hand with the rules of the five earlier sets and committed before the extractor was run on them (see the
file's "about" field).

This module checks the data only: it reads JSON and never imports the timeline (wpk_archive.core.timeline),
so that the set stays blind until it is scored. The checks are those of the earlier sets' data tests, written
out here rather than imported, because the earlier test modules import the timeline to score.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BLIND6 = DATA_DIR / "timeline_outside_blind6.json"
EARLIER = tuple(
    DATA_DIR / name
    for name in (
        "timeline_outside.json",
        "timeline_outside_blind.json",
        "timeline_outside_blind3.json",
        "timeline_outside_blind4.json",
        "timeline_outside_blind5.json",
    )
)

KINDS = frozenset(
    {
        "party_congress",
        "party_conference",
        "cc_plenary",
        "politburo_meeting",
        "cmc_meeting",
        "secretariat_meeting",
        "spa_session",
        "spa_standing_committee",
        "other_party_meeting",
    }
)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FIELDS = ("id", "publisher", "url", "published", "english", "text", "events", "notes")
EVENT_FIELDS = ("kind", "term", "number", "start", "end", "quote")
RUN = 200  # no run of this many characters (whitespace folded) may be shared with an earlier set


def load_blind6() -> dict[str, Any]:
    """The sixth blind annotated test set."""
    with BLIND6.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def earlier_excerpts() -> list[dict[str, Any]]:
    """The excerpts of the five earlier sets, which the sixth must not repeat."""
    excerpts: list[dict[str, Any]] = []
    for path in EARLIER:
        with path.open(encoding="utf-8") as fh:
            excerpts.extend(json.load(fh)["excerpts"])
    return excerpts


def _flat(text: str) -> str:
    return " ".join(text.split())


def shared_run(text: str, others: list[str], size: int = RUN) -> str | None:
    """The first ``size``-character run of ``text`` (whitespace folded) found in one of ``others``, or None.

    Every offset is tried, so a run shared at any position is found.
    """
    flat = _flat(text)
    for i in range(0, max(1, len(flat) - size + 1)):
        window = flat[i : i + size]
        if any(window in other for other in others):
            return window
    return None


def test_shared_run_finds_a_copied_passage_and_not_a_fresh_one() -> None:
    sentence = " The 19th Plenary Meeting of the 14th Standing Committee was held on January 28."
    source = "y" * 40 + sentence * 4
    copied = "A heading.\n" + source[40:300] + "\nA foot line."
    fresh = "A different text about the Cabinet of the DPRK and its enlarged plenary meeting. " * 4
    assert shared_run(copied, [_flat(source)]) is not None
    assert shared_run(fresh, [_flat(source)]) is None
    # whitespace is folded: a hard line break does not hide a copied run
    assert shared_run(copied.replace(" ", "\n", 5), [_flat(source)]) is not None


def test_blind6_excerpts_are_well_formed() -> None:
    data = load_blind6()
    assert isinstance(data["about"], str) and len(data["about"]) > 500
    excerpts = data["excerpts"]
    assert 40 <= len(excerpts) <= 45
    ids = [x["id"] for x in excerpts]
    assert len(ids) == len(set(ids))
    for x in excerpts:
        assert tuple(x) == FIELDS, x["id"]
        assert x["url"].startswith("http"), x["id"]
        assert x["published"] is None or DATE.match(x["published"]), x["id"]
        assert x["english"] in {"American", "British"}, x["id"]
        assert 0 < len(x["text"]) <= 2000, x["id"]
        assert x["notes"].strip(), x["id"]
        quotes = [e["quote"] for e in x["events"]]
        assert len(quotes) == len(set(quotes)), x["id"]  # one entry per distinct meeting
        for e in x["events"]:
            assert tuple(e) == EVENT_FIELDS, (x["id"], e)
            assert e["kind"] in KINDS, (x["id"], e)
            assert e["quote"] and e["quote"] in x["text"], (x["id"], e["quote"])
            for field in ("term", "number"):
                value = e[field]
                assert value is None or (isinstance(value, int) and value > 0), (x["id"], e)
            for field in ("start", "end"):
                assert e[field] is None or DATE.match(e[field]), (x["id"], e)
            # compared at the end's precision ("2021-01-05" .. "2021-01")
            if e["start"] and e["end"]:
                assert e["start"][: len(e["end"])] <= e["end"], (x["id"], e)


def test_blind6_is_varied() -> None:
    excerpts = load_blind6()["excerpts"]
    publishers = collections.Counter(x["publisher"] for x in excerpts)
    assert len(publishers) >= 20
    assert max(publishers.values()) <= 6
    assert {x["english"] for x in excerpts} == {"American", "British"}
    assert sum(1 for x in excerpts if not x["events"]) >= 6
    assert sum(1 for x in excerpts if len(x["events"]) >= 3) >= 6
    assert {e["kind"] for x in excerpts for e in x["events"]} == KINDS
    years = [int(x["published"][:4]) for x in excerpts if x["published"]]
    assert min(years) < 1970 and max(years) >= 2020
    assert sum(1 for y in years if y < 2000) >= 8
    assert len({y // 10 for y in years}) >= 6  # published in at least six decades


def test_blind6_is_new_against_the_five_earlier_sets() -> None:
    excerpts = load_blind6()["excerpts"]
    earlier = earlier_excerpts()
    assert len(earlier) > 250
    assert not {x["url"] for x in excerpts} & {x["url"] for x in earlier}
    assert not {x["id"] for x in excerpts} & {x["id"] for x in earlier}
    earlier_texts = [_flat(x["text"]) for x in earlier]
    for x in excerpts:
        assert "kcna.co.jp" not in x["url"] and "kcna.kp" not in x["url"], x["id"]
        assert shared_run(x["text"], earlier_texts) is None, x["id"]
