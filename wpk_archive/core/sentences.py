"""Sentence boundaries with exact character spans (syntok underneath)."""

from __future__ import annotations

from syntok import segmenter


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of ``text``, shifted by ``offset``.

    Spans exclude surrounding whitespace; every span lies inside ``text``.
    """
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if not sentence:
                continue
            first = sentence[0]
            last = sentence[-1]
            start = first.offset
            end = last.offset + len(last.value)
            if end > start:
                spans.append((start + offset, end + offset))
    return spans
