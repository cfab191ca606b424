"""What the whole-string date suites (ctparse's, natty's) share: reading a suite file, judging
each case with the dateparser suite's ``judge``, and the printed report of the share read
correctly (with every miss and every negative that reads something)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.core.test_date_suite_dateparser import judge
from wpk_archive.core.dates import find_dates


def load_suite(path: Path) -> dict[str, Any]:
    """The suite file: its header, "cases" and "negative"."""
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def results(suite: dict[str, Any]) -> list[tuple[dict[str, Any], bool, str]]:
    """Each case, whether it was read as expected, and what was read."""
    return [(case, *judge(case)) for case in suite["cases"]]


def missed(suite: dict[str, Any]) -> set[str]:
    """The ids of the cases not read as expected."""
    return {case["id"] for case, ok, _ in results(suite) if not ok}


def share_report(name: str, suite: dict[str, Any], raw_key: str) -> float:
    """Print the share read correctly (and against the project's own unconverted values, kept
    under ``raw_key``), each miss and each negative read; return the share."""
    scored = results(suite)
    hits = sum(ok for _, ok, _ in scored)
    share = hits / len(scored)
    print(f"\n{name} EN news-relevant suite: {hits}/{len(scored)} = {share:.3f}")
    raw = [
        judge({**case, "expected": case.get(raw_key, case["expected"])})[0]
        for case in suite["cases"]
    ]
    print(
        f"  against {name}'s unconverted values: {sum(raw)}/{len(raw)} = {sum(raw) / len(raw):.3f}"
    )
    for case, ok, shown in scored:
        if not ok:
            span = f" span {case['span']}" if "span" in case else ""
            match = f" ({case['match']})" if "match" in case else ""
            print(
                f"  MISS {case['id']} {case['text']!r} @ {case['doc_date']}{span} "
                f"expected {case['expected']} {case['precision']}{match}: {shown}"
            )
    negatives = suite["negative"]
    read = [n for n in negatives if find_dates(n["text"], doc_date=n["doc_date"])]
    print(f"  negatives reading nothing: {len(negatives) - len(read)}/{len(negatives)}")
    for negative in read:
        print(f"  NEGATIVE READ {negative['id']} {negative['text']!r}")
    return share
