"""What summaries need to know of Korean text (used by :mod:`.summaries` for Korean sentences).

- **Terms** for the similarity graph: the Hangul bigrams of each word (the search's pieces:
  Korean attaches particles and endings, so 전원회의가 and 전원회의를 share 전원, 원회, 회의),
  without the bigrams of grammatical endings (하였, 였다, 에서 ...).
- **Prose**: a Korean sentence is prose from four words (eojeol) on, when it ends with a
  terminal (closing quotes and brackets allowed after it); photo credits (사진=노동신문) and
  copyright lines (저작권자 ©, 무단전재) are not.
- **Datelines and bylines** opening a story are not part of the sentence shown:
  "【평양 6월 29일발 조선중앙통신】", "(서울=연합뉴스) 김지헌 기자 = ".
- **Cuts** of long sentences (gists) fall after a clause ending (…하고, …하며, …하면서, …하여,
  …했으나, …지만, a comma), never inside quotes, with limits in words of Korean (fewer and
  longer than English words).
"""

from __future__ import annotations

import re

from wpk_archive.core.sentences_ko import is_korean

MIN_WORDS = 4
GIST_WORDS = 18
EVENT_WORDS = 16
GIST_PASSAGE_WORDS = 45
"""A passage of at least this many Korean words gets a gist (80 English words)."""
_MIN_CUT_WORDS = 4

_RUN = re.compile("[\uac00-\ud7a3]+")
_LATIN = re.compile(r"[a-z0-9]+")
_GRAMMAR = frozenset({
    "하였", "였다", "되였", "되었", "었다", "했다", "한다", "하는", "하고", "하여", "하며", "하면", "면서", "에서", "으로",
    "에게", "께서", "있다", "있는", "있었", "것이", "것을", "이다", "하기", "기로", "라고", "이라", "다고", "했으", "였으",
    "으며", "는데", "하게", "되는", "하다", "된다", "됐다", "에는", "에도", "까지", "부터", "들이", "들을", "들의", "들과",
})  # fmt: skip
_TERMINAL = re.compile(r"""[.!?…。][\s"'”’)\]》」』〉】]*$""")
_NON_PROSE = re.compile(
    r"^\s*[(\[]?\s*(?:사진|영상|자료|그래픽)\s*[=:]|저작권자|무단\s*전재|재배포\s*금지|기사\s*URL"
)
_DATELINE = re.compile(
    r"^\s*[【\[(（]\s*[가-힣]{2,4}\s*(?:=|\d{1,2}\s*월\s*\d{1,2}\s*일발?)\s*[^】\])）]{0,20}"
    r"[】\])）]\s*(?:[가-힣]{2,4}\s*(?:[가-힣]{1,8}\s*)?기자\s*=\s*)?"
)
_CLAUSE_END = re.compile(
    r"(?:고|며|면서|으며|하여|여서|아서|어서|지만|으나|았으나|었으나|였으나|는데|인데|되어|하자|"
    r"한편|그러면서),?$|,$"
)
_OPEN_CLOSE = (("《", "》"), ("“", "”"), ("‘", "’"), ("「", "」"), ("(", ")"))


def terms(chunk: str) -> dict[str, int]:
    """Counts of the terms of a (Korean) sentence: Hangul bigrams and Latin words."""
    counts: dict[str, int] = {}
    lowered = chunk.lower()
    for run in _RUN.findall(lowered):
        for i in range(len(run) - 1):
            piece = run[i : i + 2]
            if piece not in _GRAMMAR:
                counts[piece] = counts.get(piece, 0) + 1
    for word in _LATIN.findall(lowered):
        if len(word) > 1:
            counts[word] = counts.get(word, 0) + 1
    return counts


def strip_dateline(chunk: str) -> int:
    """How many characters of a dateline or byline open ``chunk`` (0 when none)."""
    match = _DATELINE.match(chunk)
    return match.end() if match and match.end() < len(chunk) else 0


def is_prose(chunk: str, words: int, title: str) -> bool:
    """Whether a Korean sentence is summary material (see the module docstring)."""
    if words < MIN_WORDS or chunk.strip() == title:
        return False
    return bool(_TERMINAL.search(chunk)) and not _NON_PROSE.search(chunk)


def _balanced(prefix: str) -> bool:
    if prefix.count('"') % 2:
        return False
    return all(prefix.count(o) == prefix.count(c) for o, c in _OPEN_CLOSE)


def cut_point(chunk: str, limit: int, keep_until: int = 0) -> int | None:
    """Where to cut a Korean sentence so about ``limit`` words remain, or None to keep it
    whole: after the latest clause ending within the limit (a little past it if none), else
    after the ``limit``-th word; never inside quotes, and past ``keep_until`` when possible."""
    ends = [m.end() for m in re.finditer(r"\S+", chunk)]
    if len(ends) <= limit:
        return None
    first = min(_MIN_CUT_WORDS, limit) - 1
    for upper in (limit, min(len(ends) - 1, limit + limit // 4)):
        candidates = [
            ends[k]
            for k in range(first, upper)
            if _CLAUSE_END.search(chunk[: ends[k]]) and _balanced(chunk[: ends[k]])
        ]
        if candidates:
            kept = [c for c in candidates if c >= keep_until]
            return (kept or candidates)[-1]
    return ends[limit - 1]


__all__ = [
    "EVENT_WORDS",
    "GIST_PASSAGE_WORDS",
    "GIST_WORDS",
    "MIN_WORDS",
    "cut_point",
    "is_korean",
    "is_prose",
    "strip_dateline",
    "terms",
]
