"""Which legacy encoding a text file is in, where a general detector is known to guess wrong.

Two families are told apart here by reading the bytes each way and judging the letters:

- Korean two-byte text: CP949 (EUC-KR) or the DPRK's KPS 9566. Both put Hangul in the same
  byte ranges, in different orders, so either reading gives syllables; the right one has the
  common syllables of Korean prose (이, 의, 다, 는, 에...).
- Latin letters with accents, one byte each: CP1252 (Latin-1), CP1250 or ISO 8859-2. A
  detector reads "São" as CP1250's "Săo"; here the reading wins whose accented letters one
  language uses together (ã with ç and é: Portuguese; ř with č and ě: Czech).
"""

from __future__ import annotations

import re

from wpk_archive.core import kps9566

_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_COMMON_SYLLABLES = frozenset(
    "이의다는에하고를을한로가기서지사대국인적정일조리자수시도어해으과와선당회위원동민주"
    "중전들여부보나있것었라게면상성제장경문화생관공년월우리께며였령군력"
)
_KOREAN_GUESSES = ("cp949", "euc_kr", "johab", "iso2022_kr", "uhc", "ks_c_5601")
_LATIN_CANDIDATES = ("cp1252", "cp1250", "iso8859_2")

# The accented letters each language writes (lower case).
_LANGUAGES = {
    "pt": "áàâãçéêíóôõú",
    "es": "áéíñóúü",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "it": "àèéìíîòóùú",
    "nl": "éëïóöü",
    "da": "æøåé",
    "sv": "åäöé",
    "is": "áðéíóúýþæö",
    "ca": "àçèéíïòóúü",
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ",
    "hr": "čćđšž",
    "sl": "čšž",
    "sq": "çë",
    "de-ch": "äöüéèà",
}


def _runs(data: bytes) -> list[int]:
    """Lengths of the runs of bytes 0x80-0xFF (the first 200,000 bytes)."""
    return [len(m.group()) for m in _HIGH_RUN.finditer(data[:200_000])]


def korean_score(text: str) -> float:
    """Share of the Hangul syllables of ``text`` that are among the commonest of Korean prose
    (about half in real text, a tenth or less in text read in the wrong encoding)."""
    syllables = [c for c in text if "\uac00" <= c <= "\ud7a3"]
    if not syllables:
        return 0.0
    bad = text.count("\ufffd")
    return sum(c in _COMMON_SYLLABLES for c in syllables) / (len(syllables) + 4 * bad)


def latin_score(text: str) -> float:
    """How well one language accounts for the accented letters of ``text`` (1.0: all of
    them); symbols and control characters where letters should be count against it."""
    letters: dict[str, int] = {}
    odd = 0
    for char in text:
        if ord(char) < 0x80:
            continue
        if char.isalpha():
            lower = char.lower()
            letters[lower] = letters.get(lower, 0) + 1
        elif char not in "«»“”„‘’‚–—…€£°§©®·•\u00a0¡¿":
            odd += 1
    total = sum(letters.values()) + odd
    if not total:
        return 0.0
    best = max(sum(n for c, n in letters.items() if c in s) for s in _LANGUAGES.values())
    return best / total


_LATIN_GUESS = re.compile(
    r"(cp125[0247]|cp1258|latin_?\d*|iso8859_(?:[1-49]|1[03-6])|mac_(?:roman|latin2|iceland)"
    r"|cp(?:437|850|852|858|860|863|865))$"
)


def _latin_guess(guess: str) -> bool:
    """Whether a detector's guess is a one-byte encoding of Latin letters."""
    return bool(_LATIN_GUESS.match(guess.lower().replace("-", "_")))


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def legacy_text(data: bytes, guess: str | None) -> str | None:
    """The text of bytes in a legacy encoding, given a detector's ``guess`` (None: it found
    none); None when no reading fits (the bytes are not text)."""
    runs = _runs(data)
    if runs:
        even = sum(1 for n in runs if n % 2 == 0) / len(runs)
        single = sum(1 for n in runs if n == 1) / len(runs)
        if even >= 0.9 and (guess is None or guess.lower() in _KOREAN_GUESSES or single == 0):
            korean: list[tuple[float, str]] = [
                (korean_score(text), text)
                for text in (
                    data.decode("cp949", errors="replace"),
                    kps9566.decode(data, "replace")[0],
                )
            ]
            score, best_text = max(korean, key=lambda r: r[0])
            if score >= 0.2:
                return best_text
        if single >= 0.5 or guess is None or _latin_guess(guess):
            latin: list[tuple[float, int, str]] = [
                (latin_score(decoded), -n, decoded)
                for n, encoding in enumerate(_LATIN_CANDIDATES)
                if (decoded := _decode(data, encoding)) is not None
            ]
            if latin:
                return max(latin)[2]
            return data.decode("latin-1")  # every byte is a Latin-1 character
    if guess is None:
        return None
    return data.decode(guess, errors="replace")
