"""The timeline measured on a eighteenth, blind set of outside text: recall and precision on real English excerpts.

tests/data/timeline_outside_blind18.json holds 44 verbatim excerpts of think-tank and research
reports, academic abstracts, archival diplomatic documents, government white papers and
parliamentary records of 1953-2025 (and a few news stories) from 33 publishers, 13 negatives,
collected and annotated by a helper who read none of wpk_archive/ and never ran the extractor; the
data was committed (14d25c5) before the first run, and no annotation was changed after it.
tests/core/test_timeline_outside_blind18_data.py checks that it is well formed and new.

Matching and scoring are those of tests/core/test_timeline_outside.py, imported unchanged.
Run ``pytest -s tests/core/test_timeline_outside_blind18.py`` to see the report (misses and false events).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.core.test_timeline_outside import report, score

# first run (blind: code of 3cb4b5f, grammar 9, data of 14d25c5 less one excerpt that set 17 also
# holds, removed before the run): recall 0.686 (35/51), precision 0.814 (35/43); 40/51 found on
# kind and numbers. The code at the start of that session (fa3815e, grammar 8) scored the same,
# 0.686 / 0.814. Floors = measured minus 0.03.
RECALL_FLOOR = 0.65
PRECISION_FLOOR = 0.78

BLIND18 = Path(__file__).resolve().parent.parent / "data" / "timeline_outside_blind18.json"


def load_blind18() -> dict[str, Any]:
    """The eighteenth blind annotated test set."""
    with BLIND18.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def test_timeline_on_eighteenth_blind_outside_text_reaches_its_floors() -> None:
    result = score(load_blind18()["excerpts"])
    print()
    print("blind set 18: " + report(result))
    assert result.recall >= RECALL_FLOOR, report(result)
    assert result.precision >= PRECISION_FLOOR, report(result)
