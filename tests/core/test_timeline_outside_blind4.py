"""The timeline measured on a fourth, blind set of outside text: recall and precision on real English excerpts.

tests/data/timeline_outside_blind4.json holds 45 verbatim excerpts (Wilson Center documents of 1955-1974,
Keesing's of 1987, the 1995 CIA World Factbook, a 1999 NIS digest, encyclopedia mirrors, news agencies and
newspapers of 2001-2026, specialist sites, DPRK state texts republished outside KCNA, and negatives about
Vietnamese and Cuban party meetings, a front body's plenary session, youth-league events and Cabinet
meetings). They were collected and annotated by hand, following the rules of the three earlier sets, and
committed before the extractor was ever run on them (see the file's "about" field); none of the earlier sets'
excerpts or URLs is reused.

Matching and scoring are those of tests/core/test_timeline_outside.py, imported unchanged.
Run ``pytest -s tests/core/test_timeline_outside_blind4.py`` to see the report (misses and false events).
The floors are the first measurement minus about 0.03; raise them as the timeline improves.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path
from typing import Any

from tests.core.test_timeline_outside import DATA as FIRST_DATA
from tests.core.test_timeline_outside import KINDS, report, score
from tests.core.test_timeline_outside_blind import BLIND as SECOND_DATA
from tests.core.test_timeline_outside_blind import check_excerpts
from tests.core.test_timeline_outside_blind3 import BLIND3 as THIRD_DATA

# first run (blind: wpk_archive/ untouched and unread, code of a1f2e64; data committed in 2c93c26 before the
# run): recall 0.694 (50/72), precision 0.862 (50/58); 56/72 found on kind and numbers alone, dates right for
# 33/39. No annotation was changed after the run. Floors = measured minus about 0.03, rounded down.
RECALL_FLOOR = 0.66
PRECISION_FLOOR = 0.83

BLIND4 = Path(__file__).resolve().parent.parent / "data" / "timeline_outside_blind4.json"


def load_blind4() -> dict[str, Any]:
    """The fourth blind annotated test set."""
    with BLIND4.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _earlier_excerpts() -> list[dict[str, Any]]:
    """The excerpts of the first three sets, which the fourth must not repeat."""
    excerpts: list[dict[str, Any]] = []
    for path in (FIRST_DATA, SECOND_DATA, THIRD_DATA):
        with path.open(encoding="utf-8") as fh:
            excerpts.extend(json.load(fh)["excerpts"])
    return excerpts


def test_timeline_on_fourth_blind_outside_text_reaches_its_floors() -> None:
    result = score(load_blind4()["excerpts"])
    print()
    print("blind set 4: " + report(result))
    assert result.recall >= RECALL_FLOOR, report(result)
    assert result.precision >= PRECISION_FLOOR, report(result)


def test_blind4_data_is_well_formed_varied_and_new() -> None:
    excerpts = load_blind4()["excerpts"]
    assert 40 <= len(excerpts) <= 45
    ids = [x["id"] for x in excerpts]
    assert len(ids) == len(set(ids))
    publishers = collections.Counter(x["publisher"] for x in excerpts)
    assert len(publishers) >= 20
    assert max(publishers.values()) <= 6
    assert {x["english"] for x in excerpts} == {"American", "British"}
    assert sum(1 for x in excerpts if not x["events"]) >= 5
    assert sum(1 for x in excerpts if len(x["events"]) >= 3) >= 5
    earlier = _earlier_excerpts()
    assert not {x["url"] for x in excerpts} & {x["url"] for x in earlier}
    assert not set(ids) & {x["id"] for x in earlier}
    for x in excerpts:
        assert "kcna.co.jp" not in x["url"] and "kcna.kp" not in x["url"], x["id"]
    check_excerpts(excerpts, earlier)
    kinds = {e["kind"] for x in excerpts for e in x["events"]}
    assert kinds == KINDS
