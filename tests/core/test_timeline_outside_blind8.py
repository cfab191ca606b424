"""The timeline measured on an eighth, blind set of outside text: recall and precision on real English excerpts.

tests/data/timeline_outside_blind8.json holds 44 verbatim excerpts from 33 publishers, of history and reference
texts (encyclopedias and their mirrors, Wilson Center documents and listings, a TASS sheet, a Hungarian telegram,
CIA papers, biographies, obituaries, Daily NK and North Korea Leadership Watch pages; 12 negatives), collected and
annotated by a helper who read none of wpk_archive/ and never ran the extractor; the data was committed (8e6d7ad)
before the first run, and no annotation was changed after it.
tests/core/test_timeline_outside_blind8_data.py checks that it is well formed and new.

Matching and scoring are those of tests/core/test_timeline_outside.py, imported unchanged.
Run ``pytest -s tests/core/test_timeline_outside_blind8.py`` to see the report (misses and false events).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.core.test_timeline_outside import report, score

# first run (blind: code of 1670058, grammar 8, data committed in 8e6d7ad before it): recall 0.549
# (28/51), precision 0.875 (28/32); 29/51 found on kind and numbers. The code at the start of that
# session (b71f160, grammar 7) scored the same. Floors = measured minus 0.03.
RECALL_FLOOR = 0.51
PRECISION_FLOOR = 0.84

BLIND8 = Path(__file__).resolve().parent.parent / "data" / "timeline_outside_blind8.json"


def load_blind8() -> dict[str, Any]:
    """The eighth blind annotated test set."""
    with BLIND8.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def test_timeline_on_eighth_blind_outside_text_reaches_its_floors() -> None:
    result = score(load_blind8()["excerpts"])
    print()
    print("blind set 8: " + report(result))
    assert result.recall >= RECALL_FLOOR, report(result)
    assert result.precision >= PRECISION_FLOOR, report(result)
