"""Shared fixtures. Qt must run offscreen when there is no display, or it aborts the process."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "resources" / "corpus"
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def seed_texts() -> dict[str, str]:
    """The two bundled source articles, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def corpus_file(name: str) -> Path:
    """A file of ../shared/corpus, or skip the test when the corpus is not beside the checkout."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared KCNA corpus only exists beside a dev checkout)")
    return path
