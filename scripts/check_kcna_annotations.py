"""Check tests/data/kcna_annotated.json against the shared KCNA corpus.

    python scripts/check_kcna_annotations.py [CORPUS_DIR]

Re-draws the selection the data file describes (seeds 2026 and 2027) and checks that it gives
exactly the annotated (file, line, stratum) list, that each referenced line still has the recorded
title and date, that every quote is an exact substring of that article's text, and that kinds,
numbers and dates are well formed. Exit status 1 and one line per problem when anything is off
(a reshuffled or re-exported corpus is caught here). The corpus defaults to ../shared/corpus beside
the checkout.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "kcna_annotated.json"
CORPUS = REPO.parent / "shared" / "corpus"
FILES = ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz")

MEETING_RE = re.compile(
    r"Congress|Conference|Plenary|Political Bureau|Politburo|Presidium|Session|"
    r"Central Military Commission|Secretariat|plenum|enlarged meeting|Standing Committee",
    re.IGNORECASE,
)
SUPPLEMENT_MEETING_RE = re.compile(
    r"Congress|Conference|Plenary Meeting|plenum|Session", re.IGNORECASE
)
SUPPLEMENT_PARTY_RE = re.compile(r"Workers' Party of Korea|WPK|Supreme People's Assembly|\bSPA\b")
SEED, SUPPLEMENT_SEED = 2026, 2027
PER_FILE, RANDOM_EXTRA, SUPPLEMENT = 45, 10, 30
SUPPLEMENT_FILE = FILES[0]

KINDS = {
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
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load_corpus(corpus: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of both corpus files, by file name, in line order."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in FILES:
        with gzip.open(corpus / name, "rt", encoding="utf-8") as lines:
            rows[name] = [json.loads(line) for line in lines]
    return rows


def is_english(text: str) -> bool:
    """True when at least 90 % of the letters are ASCII (the skip rule; no article failed it)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.9


def draw(rows: dict[str, list[dict[str, Any]]]) -> list[tuple[str, int, str]]:
    """The (file, line, stratum) list the selection rule gives, in the data file's order."""
    rng = random.Random(SEED)
    picks: list[tuple[str, int, str]] = []
    for name in FILES:
        matching = [
            i
            for i, row in enumerate(rows[name])
            if MEETING_RE.search(row["text"]) and is_english(row["text"])
        ]
        picks += [(name, i, "regex") for i in sorted(rng.sample(matching, PER_FILE))]
    taken = {(name, i) for name, i, _ in picks}
    pool = [
        (name, i)
        for name in FILES
        for i, row in enumerate(rows[name])
        if (name, i) not in taken and is_english(row["text"])
    ]
    picks += [(name, i, "random") for name, i in sorted(rng.sample(pool, RANDOM_EXTRA))]
    taken = {(name, i) for name, i, _ in picks}
    supplement = [
        i
        for i, row in enumerate(rows[SUPPLEMENT_FILE])
        if (SUPPLEMENT_FILE, i) not in taken
        and SUPPLEMENT_MEETING_RE.search(row["text"])
        and SUPPLEMENT_PARTY_RE.search(row["text"])
        and is_english(row["text"])
    ]
    chosen = sorted(random.Random(SUPPLEMENT_SEED).sample(supplement, SUPPLEMENT))
    picks += [(SUPPLEMENT_FILE, i, "supplement") for i in chosen]
    return picks


def check(data: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every problem found, one message each; an empty list means the file is sound."""
    problems: list[str] = []
    articles = data["articles"]
    listed = [(a["file"], a["line"], a["stratum"]) for a in articles]
    if listed != draw(rows):
        problems.append("the annotated articles are not the ones the selection rule draws")
    for a in articles:
        where = f"{a['file']}:{a['line']}"
        if a["file"] not in rows or not 0 <= a["line"] < len(rows[a["file"]]):
            problems.append(f"{where}: no such line")
            continue
        row = rows[a["file"]][a["line"]]
        if row["title"] != a["title"] or row["date"] != a["date"]:
            problems.append(f"{where}: title/date differ ({row['title']!r}, {row['date']})")
        for e in a["events"]:
            if e["kind"] not in KINDS:
                problems.append(f"{where}: unknown kind {e['kind']!r}")
            if e["quote"] not in row["text"]:
                problems.append(f"{where}: quote not in text: {e['quote']!r}")
            for field in ("term", "number"):
                if e[field] is not None and not (isinstance(e[field], int) and e[field] > 0):
                    problems.append(f"{where}: bad {field} {e[field]!r}")
            for field in ("start", "end"):
                if e[field] is not None and not DATE_RE.match(e[field]):
                    problems.append(f"{where}: bad {field} date {e[field]!r}")
            if e["start"] and e["end"]:
                width = min(len(e["start"]), len(e["end"]))
                if e["start"][:width] > e["end"][:width]:
                    problems.append(f"{where}: start after end")
            if not isinstance(e["date_in_text"], bool):
                problems.append(f"{where}: date_in_text must be true or false")
            if e["date_in_text"] and e["start"] is None:
                problems.append(f"{where}: dated in the text but no start")
    return problems


def main(argv: list[str]) -> int:
    """Run the checks and print the problems (or a one-line summary)."""
    corpus = Path(argv[1]) if len(argv) > 1 else CORPUS
    data = json.loads(DATA.read_text(encoding="utf-8"))
    rows = load_corpus(corpus)
    problems = check(data, rows)
    for problem in problems:
        print(problem)
    events = [e for a in data["articles"] for e in a["events"]]
    print(f"{len(data['articles'])} articles, {len(events)} events, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
