"""North and South Korean spellings in search: the initial-sound rule (두음법칙), both ways.

South Korean spelling drops or softens an initial ㄹ or ㄴ that North Korean spelling keeps:
ㄹ before ㅣ or a y-vowel becomes ㅇ (력사 → 역사, 리 → 이, 량 → 양, 료 → 요, 류 → 유, 륙 → 육,
룡 → 용), ㄹ before any other vowel becomes ㄴ (로동 → 노동, 래일 → 내일), and ㄴ before ㅣ or a
y-vowel becomes ㅇ (녀성 → 여성). Read backwards, a South Korean ㅇ before ㅣ or a y-vowel may be a
North Korean ㄹ or ㄴ, and a ㄴ before another vowel a ㄹ.

The rule applies where a word (or a word inside a compound) begins, which bigrams cannot see:
조선로동당 is 조선노동당 in the South. So a query word's syllables are varied at its start and
from its third syllable on (조선|로동당, 민주|녀성, 조선|력사); the second syllable is left as typed,
because a compound of one syllable and a 두음 word is rare, while the second syllable of a
two-syllable word is often a ㄹ or ㄴ that both spellings keep (원래 is not 원내, 신라 not 신나).
Only spellings whose bigrams all occur in the index are searched (:func:`spelling_variants`), so
a variant that no text holds costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

_FIRST = 0xAC00
_LAST = 0xD7A3
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11
_Y_VOWELS = frozenset({2, 3, 6, 7, 12, 17, 20})
"""ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ: the vowels before which an initial ㄹ or ㄴ becomes ㅇ."""
MAX_VARIANTS = 16
"""Spellings searched for one query word at most (besides the one typed)."""


def _split(ch: str) -> tuple[int, int, int] | None:
    code = ord(ch)
    if not _FIRST <= code <= _LAST:
        return None
    index = code - _FIRST
    return index // 588, (index % 588) // 28, index % 28


def _join(initial: int, vowel: int, final: int) -> str:
    return chr(_FIRST + initial * 588 + vowel * 28 + final)


def syllable_alternatives(ch: str) -> tuple[str, ...]:
    """The other spellings of one syllable under the initial-sound rule, North to South and
    South to North (로 → 노; 노 → 로; 리 → 이; 이 → 리, 니; 녀 → 여); () when it has none."""
    parts = _split(ch)
    if parts is None:
        return ()
    initial, vowel, final = parts
    y_vowel = vowel in _Y_VOWELS
    if initial == _RIEUL:
        return (_join(_IEUNG if y_vowel else _NIEUN, vowel, final),)
    if initial == _NIEUN:
        return (_join(_IEUNG if y_vowel else _RIEUL, vowel, final),)
    if initial == _IEUNG and y_vowel:
        return (_join(_RIEUL, vowel, final), _join(_NIEUN, vowel, final))
    return ()


def _varies(position: int) -> bool:
    """Whether the syllable at ``position`` of a word is varied (see the module docstring)."""
    return position != 1


def spelling_variants(
    run: str, known: Callable[[str], bool], limit: int = MAX_VARIANTS
) -> list[str]:
    """Other spellings of the Hangul run ``run`` (a word's syllables, no spaces) under the
    initial-sound rule, each of whose changed index tokens ``known`` accepts (a bigram, or the
    syllable itself when the run is one syllable): at most ``limit``, the fewest changes first."""
    options = [
        (ch, *syllable_alternatives(ch)) if _varies(i) else (ch,) for i, ch in enumerate(run)
    ]
    if all(len(o) == 1 for o in options):
        return []
    found: list[str] = []

    def walk(i: int, prefix: str) -> Iterator[str]:
        if i == len(run):
            yield prefix
            return
        for ch in options[i]:
            if len(run) == 1:
                if ch != run and not known(ch):
                    continue
            elif (
                i > 0 and (ch != run[i] or prefix[-1] != run[i - 1]) and not known(prefix[-1] + ch)
            ):
                continue
            yield from walk(i + 1, prefix + ch)

    for spelling in walk(0, ""):
        if spelling != run:
            found.append(spelling)
        if len(found) >= limit:
            break
    changes = {s: sum(a != b for a, b in zip(s, run, strict=True)) for s in found}
    return sorted(found, key=lambda s: changes[s])


def is_hangul(token: str) -> bool:
    """Whether ``token`` is made of composed Hangul syllables only."""
    return bool(token) and all(_FIRST <= ord(c) <= _LAST for c in token)


def join_bigrams(tokens: list[str]) -> list[tuple[str, bool]]:
    """A query word's index tokens read back as pieces: (a Hangul run rebuilt from its
    overlapping bigrams, True) or (another token, False). ["조선", "선로", "로동", "동당"] is
    [("조선로동당", True)]; ["8", "기"] is [("8", False), ("기", True)]."""
    pieces: list[tuple[str, bool]] = []
    previous = ""
    for token in tokens:
        hangul = is_hangul(token)
        if (
            hangul
            and len(token) == 2
            and pieces
            and pieces[-1][1]
            and len(previous) == 2
            and previous[1] == token[0]
        ):
            pieces[-1] = (pieces[-1][0] + token[1], True)
        else:
            pieces.append((token, hangul))
        previous = token if hangul else ""
    return pieces


def bigrams(run: str) -> list[str]:
    """The index tokens of a Hangul run: its overlapping bigrams, or itself when one syllable."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


# -- verbs: a dictionary form finds its inflections ----------------------------------------------

_FINALS = (4, 8, 16, 17)
"""ㄴ ㄹ ㅁ ㅂ: the endings that join a verb's last syllable (열린, 열릴, 열림, 엽니다)."""
_CONTRACTED = {20: 6, 8: 9, 13: 14, 18: 4, 0: 0, 4: 4, 1: 1, 5: 5, 11: 10}
"""A stem's last vowel with 어/아 contracted into it (ㅣ→ㅕ 열려, ㅗ→ㅘ, ㅜ→ㅝ, ㅡ→ㅓ, ㅚ→ㅙ 돼)."""
_SSANG_SIOT = 20


def verb_forms(run: str) -> list[str]:
    """What a query word in a verb's dictionary form (a stem of two or more syllables and 다)
    also searches: the stem with its last syllable as inflections change it (열리다: 열리, 열린,
    열릴, 열림, 열립, 열려, 열렸; 진행되다: 진행돼, 진행됐; 참석하다: 참석해, 참석했), and for a
    verb of a noun and 하다/되다 the noun itself (참석: it finds every form). [] for any other
    word."""
    if len(run) < 3 or run[-1] != "다" or not is_hangul(run):
        return []
    stem = run[:-1]
    head, last = stem[:-1], stem[-1]
    if last in ("하", "되") and len(head) >= 2:
        return [head]  # every form holds the noun: 참석하다 is 참석한, 참석했다, 참석하여 ...
    parts = _split(last)
    if parts is None:
        return []
    initial, vowel, final = parts
    forms = [stem]
    if final == 0:
        forms += [head + _join(initial, vowel, f) for f in _FINALS]
        if last == "하":
            forms += [head + "해", head + "했"]
        elif vowel in _CONTRACTED:
            contracted = _join(initial, _CONTRACTED[vowel], 0)
            forms += [head + contracted, head + _join(initial, _CONTRACTED[vowel], _SSANG_SIOT)]
    return list(dict.fromkeys(f for f in forms if f != run))
