"""Checks shared by the data tests of the blind outside sets (no scoring here).

They read JSON only and never import the timeline (wpk_archive.core.timeline), so that a set can be
checked while it is still blind, before the extractor is ever run on it.
"""

from __future__ import annotations

import collections
import functools
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SETS = (
    "timeline_outside.json",
    "timeline_outside_blind.json",
    "timeline_outside_blind3.json",
    "timeline_outside_blind4.json",
    "timeline_outside_blind5.json",
    "timeline_outside_blind6.json",
    "timeline_outside_blind8.json",
    "timeline_outside_blind7.json",
    "timeline_outside_blind9.json",
    "timeline_outside_blind10.json",
    "timeline_outside_blind11.json",
    "timeline_outside_blind12.json",
    "timeline_outside_blind14.json",
    "timeline_outside_blind13.json",
    "timeline_outside_blind15.json",
    "timeline_outside_blind16.json",
    "timeline_outside_blind17.json",
    "timeline_outside_blind18.json",
    "timeline_outside_blind19.json",
    "timeline_outside_blind20.json",
    "timeline_outside_blind21.json",
    "timeline_outside_blind22.json",
    "timeline_outside_blind23.json",
    "timeline_outside_blind24.json",
    "timeline_outside_blind25.json",
    "timeline_outside_blind26.json",
    "timeline_outside_blind27.json",
    "timeline_outside_blind28.json",
)
"""The outside sets in the order they were made. Sets made at the same time, in pairs: 7 and 8 (8
merged first, 7 checked against it), 9 and 10 (10 checked against 9), 11 and 12 (12 against 11),
13 and 14 (14 merged first, 13 against it), 15 and 16 (16 against 15), 17 and 18 (18 against
17), 19 and 20 (20 written against the eighteen earlier sets while 19 was being made), 21 and 22
(each written against the twenty earlier sets while the other was being made; 22 checked against
21 when merged); 23 written against all twenty-two. 24 was written against all twenty-three, 25
against all twenty-four, 26 against all twenty-five, 27 against all twenty-six, and 28 against all
twenty-seven."""

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


def load_set(name: str) -> dict[str, Any]:
    """One annotated set of tests/data/ by file name."""
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def earlier_excerpts(name: str) -> list[dict[str, Any]]:
    """The excerpts of every set made before ``name``, which it must not repeat."""
    excerpts: list[dict[str, Any]] = []
    for earlier in SETS[: SETS.index(name)]:
        excerpts.extend(load_set(earlier)["excerpts"])
    return excerpts


def flat(text: str) -> str:
    """``text`` with every run of whitespace folded to one space."""
    return " ".join(text.split())


def shared_run(text: str, others: Sequence[str], size: int = RUN) -> str | None:
    """The first ``size``-character run of ``text`` (whitespace folded) found in one of ``others``
    (folded already), or None. Every offset is tried."""
    folded = flat(text)
    joined, seen = _windows(tuple(others), size)
    for i in range(0, max(1, len(folded) - size + 1)):
        window = folded[i : i + size]
        if hash(window) in seen and window in joined:
            return window
    return None


@functools.lru_cache(maxsize=4)
def _windows(others: tuple[str, ...], size: int) -> tuple[str, frozenset[int]]:
    """The texts joined by a character none holds (so that no run straddles two), and the hashes
    of every ``size``-character run of them: one set look-up per run tried, not one search."""
    joined = "\x00".join(others)
    return joined, frozenset(hash(joined[i : i + size]) for i in range(len(joined) - size + 1))


def check_well_formed(data: dict[str, Any], *, distinct_quotes: bool = True) -> None:
    """Fields, kinds, dates and quotes of every excerpt and event (assertions)."""
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
        if distinct_quotes:
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


def check_varied(
    excerpts: Sequence[dict[str, Any]],
    *,
    kinds: frozenset[str] = KINDS,
    negatives: int = 6,
    rich: int = 6,
) -> list[int]:
    """The variety every blind set must show (assertions): at least 20 publishers, none more than
    6 times; British and American English; ``negatives`` excerpts naming no meeting and ``rich``
    naming three or more; every kind of ``kinds``. Returns the publication years, for the set's
    own checks of its focus."""
    publishers = collections.Counter(x["publisher"] for x in excerpts)
    assert len(publishers) >= 20
    assert max(publishers.values()) <= 6
    assert {x["english"] for x in excerpts} == {"American", "British"}
    assert sum(1 for x in excerpts if not x["events"]) >= negatives
    assert sum(1 for x in excerpts if len(x["events"]) >= 3) >= rich
    assert {e["kind"] for x in excerpts for e in x["events"]} == kinds
    return [int(x["published"][:4]) for x in excerpts if x["published"]]


def check_new(name: str, *, at_least: int) -> None:
    """No URL, id or 200-character run of set ``name`` in an earlier set; nothing from KCNA's own
    sites (assertions)."""
    excerpts = load_set(name)["excerpts"]
    earlier = earlier_excerpts(name)
    assert len(earlier) > at_least
    assert not {x["url"] for x in excerpts} & {x["url"] for x in earlier}
    assert not {x["id"] for x in excerpts} & {x["id"] for x in earlier}
    earlier_texts = [flat(x["text"]) for x in earlier]
    for x in excerpts:
        assert "kcna.co.jp" not in x["url"] and "kcna.kp" not in x["url"], x["id"]
        assert shared_run(x["text"], earlier_texts) is None, x["id"]
