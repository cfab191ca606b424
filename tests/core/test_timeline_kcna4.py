"""The timeline scored against a fourth, held-out set of hand-annotated real KCNA articles.

tests/data/kcna_annotated4.json (80 articles of the 2023-24 corpus file, none of sets 1-3; its
"about" gives the selection rule, a broad meeting pattern with office titles cut out first, drawn
with a seeded generator, and the annotation rules of set 3) was annotated by a helper who read
none of wpk_archive/ and never ran the extractor on it; the data was committed (0787463) before
the first run. The earlier sets had already drawn nearly every 2023-24 article naming a meeting,
so only 2 of these 80 name one: the set measures precision on articles full of meeting words
(office titles, consultative meetings, ceremonies conveying the Central Committee's messages).
Scoring is that of tests/core/test_timeline_kcna.py, through test_timeline_kcna2.score_by_file.
"""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from tests.core.test_timeline_kcna2 import score_by_file

pytestmark = pytest.mark.corpus

DATA = REPO / "tests" / "data" / "kcna_annotated4.json"

# First run (blind: c548566, the session's start, and the session's code alike): recall 1/2,
# precision 1/1 (one event predicted in 80 articles, and it is right); the miss is "yesterday's
# consultative meeting with the relevant departments of the Party Central Committee".
RECALL_FLOOR = 0.5
PRECISION_FLOOR = 0.97


def test_timeline_against_the_fourth_set_of_annotated_kcna_articles() -> None:
    overall = score_by_file(DATA)
    assert overall.recall >= RECALL_FLOOR
    assert overall.precision >= PRECISION_FLOOR
    assert not overall.false_events
