"""The timeline measured on a seventh, blind set of outside text: recall and precision on real English excerpts.

tests/data/timeline_outside_blind7.json holds 40 verbatim excerpts of news and analysis of 1998-2026 from
about 35 publishers (wire stories of Yonhap, AP, Reuters, AFP, Kyodo and Xinhua and their copies, newspapers and
broadcasters, specialist sites and think tanks, fact boxes; 6 negatives), collected and annotated by a helper who
read none of wpk_archive/ and never ran the extractor; the data was committed (bc77930) before the first run, 2
excerpts whose URLs set 8 has were removed before it (28b898f), and no annotation was changed after it.
tests/core/test_timeline_outside_blind7_data.py checks that it is well formed and new.

Matching and scoring are those of tests/core/test_timeline_outside.py, imported unchanged.
Run ``pytest -s tests/core/test_timeline_outside_blind7.py`` to see the report (misses and false events).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.core.test_timeline_outside import report, score

# first run (blind: code of 1f0e62f, grammar 8, data of 28b898f): recall 0.610 (36/59), precision
# 0.947 (36/38); 37/59 found on kind and numbers. The code at the start of that session (b71f160,
# grammar 7) scored 0.610 / 0.923. Floors = measured minus 0.03.
RECALL_FLOOR = 0.58
PRECISION_FLOOR = 0.91

BLIND7 = Path(__file__).resolve().parent.parent / "data" / "timeline_outside_blind7.json"


def load_blind7() -> dict[str, Any]:
    """The seventh blind annotated test set."""
    with BLIND7.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def test_timeline_on_seventh_blind_outside_text_reaches_its_floors() -> None:
    result = score(load_blind7()["excerpts"])
    print()
    print("blind set 7: " + report(result))
    assert result.recall >= RECALL_FLOOR, report(result)
    assert result.precision >= PRECISION_FLOOR, report(result)
