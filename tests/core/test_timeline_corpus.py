"""Timeline extraction over the real KCNA corpus: it never fails and its anchors are exact."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest

from tests.conftest import corpus_file
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.timeline import extract_mentions, merge_mentions

pytestmark = pytest.mark.corpus

ARTICLES = 3000


def test_first_articles_extract_with_exact_spans() -> None:
    path = corpus_file("kcna_2011_2012.jsonl.gz")
    mentions = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, ARTICLES):
            row = json.loads(line)
            doc = document_from_text(
                row["text"],
                origin=row["url"] + "#" + row["title"],
                title=row["title"],
                date=row["date"],
            )
            for mention in extract_mentions(doc):
                assert doc.text[mention.start : mention.end] == mention.quote
                passage = doc.passages[mention.passage - 1]
                assert passage.start <= mention.start < mention.end <= passage.end
                if mention.start_date is not None:
                    assert mention.end_date is not None and mention.start_date <= mention.end_date
                mentions.append(mention)
    assert mentions
    events = merge_mentions(mentions)
    assert len({event.id for event in events}) == len(events)
