"""Killing an import at random moments never loses or half-writes anything (SIGKILL harness)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wpk_archive.core.archive import open_archive

TRIALS = 20
PER_TRIAL = 600
WORKER = """
import sys
from pathlib import Path
from wpk_archive.core import archive as archive_module
from wpk_archive.core.operations import importing

importing.BATCH = 25  # commit often, so kills land between and inside commits
with archive_module.open_archive(Path(sys.argv[1])) as archive:
    print("opened", flush=True)
    report = archive.import_paths([Path(p) for p in sys.argv[2:]])
    print("done", report.summary(), flush=True)
"""


def _feed(path: Path, start: int, count: int) -> Path:
    rows = []
    for i in range(start, start + count):
        rows.append(
            {
                "title": f"Meeting report {i}",
                "date": f"{2011 + i % 10}-{1 + i % 12:02d}-{1 + i % 27:02d}",
                "source": "KCNA",
                "url": f"http://example.org/{i}",
                "text": (
                    f"The {1 + i % 20}th Plenary Meeting of the {1 + i % 8}th WPK Central Committee "
                    f"was held in December {2000 + i % 20}. It discussed item {i} of the agenda.\n\n"
                    f"Delegates from province {i} spoke about farming, the economy and the plan. "
                    "The meeting adopted a resolution on the tasks ahead. "
                    "It called on everyone to carry out the decisions thoroughly.\n\n"
                    f"Report number {i} ends here with a note on the orchard harvest."
                ),
            }
        )
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def _check(folder: Path) -> int:
    """Open the archive as a user would and check that nothing is lost or half-written."""
    conn = sqlite3.connect(folder / "archive.sqlite")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with open_archive(folder) as archive:
        store = archive._store
        docs = store.document_ids()
        for doc_id in docs:
            doc = archive.document(doc_id)
            assert doc is not None and doc.passages, f"{doc_id} has no passages"
            summary = archive.summary(doc_id)
            assert summary is not None and summary.auto, f"{doc_id} has no summary"
            assert archive.timeline(doc_id=doc_id), (
                f"{doc_id} has no events (read-only: {archive.readonly}, "
                f"stale mark: {store.get_meta('timeline_stale')})"
            )
        orphans = store._rows(
            "SELECT count(*) AS n FROM passages WHERE doc_id NOT IN (SELECT id FROM documents)"
        )[0]["n"]
        assert orphans == 0
        # the index is brought into step on open (rebuilt when it disagrees with the store)
        archive.search("orchard")
        assert archive._index.doc_ids() == docs
        reports = [d for d in archive.documents() if d["title"].startswith("Meeting report")]
        assert archive.search("orchard").total == len(reports)  # each report once, none twice
        return len(docs)


@pytest.mark.slow
def test_sigkill_during_import_never_loses_committed_documents(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    rng = random.Random(20261124)
    committed_before = 0
    kills = 0
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for trial in range(TRIALS):
        feed = _feed(tmp_path / f"feed{trial}.jsonl", trial * PER_TRIAL, PER_TRIAL)
        process = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(folder), str(feed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "opened"
        time.sleep(rng.uniform(0.05, 1.2))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=120)
        count = _check(folder)
        assert count >= committed_before, "a committed document disappeared"
        committed_before = count
    assert kills >= TRIALS // 2, f"only {kills} of {TRIALS} runs were killed mid-import"
    # and a final, uninterrupted import completes the archive
    with open_archive(folder) as archive:
        for trial in range(TRIALS):
            archive.import_paths([tmp_path / f"feed{trial}.jsonl"])
    assert _check(folder) == TRIALS * PER_TRIAL + 2
