"""Sentence boundaries of Korean text, with exact character spans.

syntok (:mod:`.sentences`) is made for European languages: in Korean text it cuts a quotation of
several sentences inside its quotes and keeps sentences glued without a space
("진행되였다.김정은동지께서") as one. This splitter follows how Korean news text is written:

- a sentence ends at ``.``, ``!``, ``?`` or ``。`` (a run of them, or ``…``, counts once), with the
  closing quotes and brackets right after it (``…하였다.”``);
- after a Hangul syllable, before a space or the end of the text: "…했다. 그는", "…하였다. 회의";
- glued to the next word without a space only after a sentence ending (다, 요, 까, 라, 자, 죠,
  네): "되었다.김정은" is two sentences, "2024.6.28." and "3.5%" are not cut;
- never inside a quotation that closes within 300 characters on the same line (《…》, “…”,
  ‘…’, 「…」, 『…』, "…", (…)): “회의가 진행되었다. 결정이 채택되었다.”고 is one sentence; a
  closing quote glued to a Hangul particle (”고, 》라고, ”며) continues the sentence;
- after Latin letters only before a space and not after one capital letter or a usual
  abbreviation ("U.S. 대통령", "Mr. Kim");
- a digit before the period never ends a sentence ("제8기 제10차." is rare; "2.5" is common).

Spans exclude surrounding whitespace; line breaks are left to the caller (a summary splits
headings and paragraphs at them).
"""

from __future__ import annotations

import re

_TERMINALS = frozenset(".!?。？！…")
_PAIRS = {"《": "》", "“": "”", "‘": "’", "「": "」", "『": "』", "(": ")", "〈": "〉", "【": "】"}
_CLOSERS = frozenset("》”’」』)〉】\"'")
_ENDINGS = frozenset("다요까라자죠네")
"""Syllables that end a Korean sentence (했다, 합니다요, 합니까, 하라, 하자, 하죠, 하네)."""
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "no", "vol", "vs", "etc", "jr", "sr"})
MAX_QUOTE = 300
"""A quotation longer than this is split inside like any text (a long quoted speech)."""
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")
_HANGUL_LETTER = re.compile("[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]")
_ALNUM = re.compile(r"[^\W_]")


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def is_korean(text: str, share: float = 0.3) -> bool:
    """Whether ``text`` is Korean: Hangul letters are at least ``share`` of its letters and
    digits (an English text with a Korean gloss is not)."""
    if text.isascii():
        return False
    hangul = len(_HANGUL_LETTER.findall(text))
    if not hangul:
        return False
    return hangul >= share * len(_ALNUM.findall(text))


def _quoted(text: str) -> list[bool]:
    """For each character, whether it lies inside a quotation that closes soon (see module)."""
    inside = [False] * len(text)
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        close = _PAIRS.get(ch) or ('"' if ch == '"' else None)
        if close is None:
            i += 1
            continue
        limit = min(n, i + 1 + MAX_QUOTE)
        depth = 1
        j = i + 1
        while j < limit and text[j] != "\n":
            if text[j] == close and close != ch:
                depth -= 1
            elif text[j] == ch and close != ch:
                depth += 1
            elif text[j] == close:
                depth = 0
            if depth == 0:
                break
            j += 1
        if j < limit and depth == 0 and text[j] == close:
            for k in range(i + 1, j):
                inside[k] = True
            i = j + 1 if close == ch else i + 1  # a straight quote pair is consumed whole
        else:
            i += 1
    return inside


def _ends_here(text: str, at: int, after: int) -> bool:
    """Whether the terminal run ``text[at:after]`` (closers included) ends a sentence."""
    before = text[at - 1] if at > 0 else ""
    if not before or before.isdigit():
        return False
    glued = after < len(text) and not text[after].isspace()
    closed = any(c in _CLOSERS for c in text[at:after])
    if glued:
        following = text[after]
        if closed and _hangul(following):
            return False  # ”고, 》라고: the quotation goes on as part of the sentence
        return (
            _hangul(before)
            and before in _ENDINGS
            and (
                _hangul(following) or following.isalnum() or following in _PAIRS or following == '"'
            )
        )
    if _hangul(before) or before in _CLOSERS:
        return True
    if before.isalpha():
        start = at
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        word = text[start:at]
        if start > 0 and text[start - 1] == ".":
            return False  # "U.S."
        return not ((len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS)
    return False


def korean_sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of Korean ``text``, shifted by ``offset`` (see the
    module docstring for the rules)."""
    inside = _quoted(text)
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    i = 0
    while i < n:
        if text[i] not in _TERMINALS:
            i += 1
            continue
        j = i + 1
        while j < n and text[j] in _TERMINALS:
            j += 1
        if inside[i] and not (j < n and text[j] in _CLOSERS and not inside[j]):
            i = j  # inside a quotation, unless the quotation closes right here
            continue
        while j < n and text[j] in _CLOSERS:
            j += 1
        if _ends_here(text, i, j):
            spans.append((start, j))
            start = j
        i = j
    spans.append((start, n))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a + offset, b + offset))
    return out
