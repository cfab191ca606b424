"""Korean personal names in romanisation: finding them in text, and one key per person.

A name is a Korean surname followed by one or two given-name syllables, as KCNA writes them
("Kim Jong Un", "Choe Ryong Hae", "Jang Chol"), or hyphenated as other sources do
("Choe Ryong-hae"); :func:`person_key` also reads fused forms ("Choe Ryonghae"), which are not
looked for in running text (Chinese given names split into Korean-looking syllables too often). Every given-name syllable must be a syllable of Korean
romanisation (an initial consonant, a vowel, a final consonant), and the surname must be one of
the surnames KCNA prints: this is what keeps Chinese ("Wang Jiarui", "Hu Jintao"), Lao, Russian
or Japanese names out. What the name stands in (a square, a university, a prize, a works of
the leader) is judged by the caller from the words around it; this module only reports, for each
name found, whether it is followed by more capitalised words or a possessive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wpk_archive.core.search.variants import Form, Variants, load_variants

_INITIAL = "(?:kk|kh|k|g|n|d|tt|th|t|r|m|pp|ph|p|b|ss|s|jj|j|ch|h)?"
_VOWEL = "(?:yae|wae|ae|ya|yo|yu|ye|wa|wo|we|wi|ui|oe|a|o|u|e|i)"
_FINAL = "(?:ng|k|n|l|m|p|t)?"
SYLLABLE = re.compile(_INITIAL + _VOWEL + _FINAL)
"""One syllable of Korean romanisation as KCNA prints it (no diacritics, no initial l)."""
_TWO_SYLLABLES = re.compile(f"({_INITIAL}{_VOWEL}{_FINAL})({_INITIAL}{_VOWEL}{_FINAL})")

SURNAMES: frozenset[str] = frozenset(
    [
        "Kim",
        "Ri",
        "Pak",
        "Choe",
        "Jang",
        "Ro",
        "Yang",
        "Kang",
        "Jo",
        "Hyon",
        "Jong",
        "Mun",
        "Ju",
        "Thae",
        "Jon",
        "Han",
        "Hong",
        "Hwang",
        "An",
        "Ho",
        "O",
        "So",
        "Song",
        "Nam",
        "Ryang",
        "Pae",
        "Ko",
        "Kwak",
        "Kung",
        "Ryu",
        "Yun",
        "Paek",
        "U",
        "Sin",
        "Kwon",
        "Rim",
        "Cha",
        "Son",
        "Kil",
        "Won",
        "Ku",
        "Chae",
        "Tong",
        "Chon",
        "Sim",
        "Yu",
        "Ki",
        "Wang",
        "Jin",
        "Wi",
        "Om",
        "Ma",
        "Ham",
        "Yom",
        "Ryo",
        "Im",
        "Ha",
        "Ji",
        "No",
        "Pu",
        "Pyon",
        "Kong",
        "Ryom",
        "Sok",
        "Kye",
        "Pang",
        "Phyo",
        "Min",
        "Chu",
        "Na",
        "Kum",
        "Yo",
        "Tae",
        "Pyo",
        "Sol",
        "Maeng",
        "Myong",
        "Ok",
        "Pan",
        "Kal",
        "Kyon",
        "Pong",
        "Sa",
        "To",
        "Mo",
        "Yom",
    ]
)
"""Surnames as KCNA romanises them. South Korean spellings (Lee, Park, Choi) are deliberately
absent: KCNA prints the South's politicians that way, and they are not officials of the North."""

LEADERS: dict[str, str] = {
    "kim jongun": "Kim Jong Un",
    "kim jongil": "Kim Jong Il",
    "kim ilsung": "Kim Il Sung",
}
"""The leaders' person keys and names: the 2023-24 feed glues them to the words around them
("ComradeKim Jong Unwas"), so they are found even without spaces."""

HISTORICAL: frozenset[str] = frozenset(
    {
        "kim ilsung",  # died 1994: every mention is a reference, never an appearance
        "kim hyongjik",  # Kim Il Sung's father
        "kang pansok",  # Kim Il Sung's mother
        "kim pohyon",  # grandfather
        "ri poik",  # grandmother
        "kim hyongkwon",  # uncle
        "o junghup",  # the "O Jung Hup-led 7th Regiment" title
        "hong kong",  # not a person at all
    }
)
"""Keys of the dead whose names KCNA gives to places, institutions and titles, and of one place
that looks like a name: never an official's appearance."""

NAMESAKES: frozenset[str] = frozenset({"kim jongsuk", "kim chaek", "kang kon"})
"""Keys of the dead (Kim Il Sung's wife, two generals) whose names living officials share: such a
name counts only in a list or with an office, and never beside the eternal leaders' names."""

KIM_JONG_IL_DIED = "2011-12-17"
"""After this date (the death was announced on 19 December 2011) Kim Jong Il is only referred to."""

_SURNAME_ALTERNATION = "|".join(sorted(SURNAMES, key=lambda s: (-len(s), s)))
NAME_PATTERN = re.compile(rf"(?:{_SURNAME_ALTERNATION})(?: [A-Z][a-z]*(?:-[a-z]+)?){{1,2}}")
"""Candidates: a surname, then one or two capitalised words (left boundary checked apart: a
pattern without look-behind lets the regex engine skip fast to the surnames' first letters)."""

_WEEKDAYS = frozenset(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)


@dataclass(frozen=True)
class NameSpan:
    """A Korean name found in text, with what stands right after it."""

    start: int
    end: int
    name: str
    key: str
    followed_by_word: bool
    """A capitalised word follows ("Kim Il Sung Square", "Kim Chaek University")."""
    possessive: bool
    """'s or a hyphenated word follows ("Kim Jong Il's", "O Jung Hup-led")."""


def _given_tokens(tokens: list[str], fused: bool = True) -> list[str] | None:
    """The given-name syllables of ``tokens`` (the words after the surname), or None if any word
    is not made of Korean syllables. With ``fused``, a lone given word may hold two syllables
    ("Ryonghae")."""
    syllables: list[str] = []
    for token in tokens:
        for part in token.lower().split("-"):
            if SYLLABLE.fullmatch(part):
                syllables.append(part)
            elif fused and len(tokens) == 1 and "-" not in token:
                pair = _split_two(part)
                if pair is None:
                    return None
                syllables.extend(pair)
            else:
                return None
    return syllables


def _split_two(word: str) -> tuple[str, str] | None:
    """``word`` as two syllables, the first as long as possible ("jongun" -> "jong", "un");
    each of at least two letters, so that "Tao" or "Kai" are no fused Korean names."""
    if len(word) < 4:
        return None
    for cut in range(len(word) - 2, 1, -1):
        head, tail = word[:cut], word[cut:]
        if SYLLABLE.fullmatch(head) and SYLLABLE.fullmatch(tail):
            return head, tail
    return None


def find_names(text: str, start: int = 0, end: int | None = None) -> list[NameSpan]:
    """Korean names in ``text[start:end]``, in order, with document offsets.

    Words glued to a leader's name by the 2023-24 feed are cut off ("ComradeKim Jong Unwas" gives
    "Kim Jong Un"); any other name must stand between word boundaries.
    """
    stop = len(text) if end is None else end
    found: list[NameSpan] = []
    for match in NAME_PATTERN.finditer(text, start, stop):
        span = _checked(text, match.start(), match.end(), stop)
        if span is not None:
            found.append(span)
    return found


def _checked(text: str, start: int, end: int, stop: int) -> NameSpan | None:
    before = text[start - 1] if start > 0 else " "
    glued_left = before.isalpha() and before.islower()
    if (before.isalnum() and not glued_left) or before in "'’_":
        return None
    if before == "-" and start > 1 and text[start - 2].isalnum():
        return None  # a compound ("anti-Kim ..."); a dash ("(KCNA) --Kim Jong Un") is fine
    # fused given names ("Choe Ryonghae") are not looked for in text: Chinese given names split
    # into two Korean-looking syllables too often ("Wang Huning", "Wang Dongping")
    valid = _valid_candidate(text[start:end])
    glued_right = False
    if not valid or glued_left:
        # a leader's name glued to the words around it: "ComradeKim Jong Unwas"
        leader = _leader_at(text, start, end)
        if leader is None:
            return None
        end, glued_right = leader
    after = text[end : min(stop, end + 40)]
    if not glued_right and after[:1].isalnum():
        return None
    name = text[start:end]
    followed = (glued_right and after[:1].isupper()) or (
        after[:1] == " " and after[1:2].isupper() and not _weekday_follows(after)
    )
    possessive = after.startswith(("'s", "’s", "-", "'", "’"))
    return NameSpan(start, end, name, person_key(name), followed, possessive)


@lru_cache(maxsize=65536)
def _valid_candidate(candidate: str) -> bool:
    """Whether every given-name word of a candidate ("Kim Jong Un") is a Korean syllable."""
    return _given_tokens(candidate.split(" ")[1:], fused=False) is not None


def _weekday_follows(after: str) -> bool:
    word = after[1:].split(" ", 1)[0].rstrip(".,;:")
    return word in _WEEKDAYS


def _leader_at(text: str, start: int, end: int) -> tuple[int, bool] | None:
    """The end of a leader's name at ``start`` (within the candidate ``end``), and whether a
    letter is glued to it."""
    for name in LEADERS.values():
        stop = start + len(name)
        if stop <= end and text.startswith(name, start):
            return stop, text[stop : stop + 1].isalpha()
    return None


_FOLDS = (("eo", "o"), ("eu", "u"), ("oo", "u"), ("ee", "ui"), ("sh", "s"))
_VOICED = {"g": "k", "d": "t", "b": "p"}


def _respell(word: str) -> str:
    """Revised Romanisation's vowels as McCune-Reischauer writes them (eo -> o, ee -> ui)."""
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return word


def _fold(syllable: str) -> str:
    """A given-name syllable with the spelling differences of romanisations folded away."""
    syllable = _respell(syllable)
    if syllable[:1] in _VOICED and syllable[:2] != "gg":
        syllable = _VOICED[syllable[0]] + syllable[1:]
    return syllable


SURNAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "ri": ("rhee", "lee", "yi", "i", "rhie", "li"),
    "choe": ("choi", "chwe", "choy"),
    "pak": ("park", "bak", "bahk"),
    "jo": ("cho",),
    "ryu": ("yu", "yoo", "ryoo", "rhyu"),
    "kang": ("gang",),
    "jong": ("jung", "chung", "jeong", "cheong"),
    "jang": ("chang",),
    "jon": ("jeon", "chun"),
    "rim": ("lim", "im", "yim"),
    "ro": ("roh", "no", "noh"),
    "kwon": ("gwon",),
    "ko": ("go", "koh"),
    "ku": ("koo", "gu"),
    "sin": ("shin",),
    "yun": ("yoon",),
    "mun": ("moon",),
    "hyon": ("hyun", "hyeon"),
    "paek": ("baek", "paik", "baik"),
    "pae": ("bae",),
    "so": ("seo", "suh"),
    "son": ("sohn",),
    "om": ("eom", "um"),
    "ryom": ("yom", "yeom"),
    "ho": ("heo", "hur", "huh"),
    "sim": ("shim",),
    "kil": ("gil",),
    "kye": ("gye",),
    "ju": ("joo",),
    "o": ("oh",),
    "pyon": ("byun", "pyun", "byeon"),
    "pang": ("bang",),
    "ki": ("gi",),
    "kim": ("gim",),
    "an": ("ahn",),
    "song": ("sung",),
    "u": ("woo",),
    "chu": ("choo",),
}
"""Spellings of one surname in different romanisations, the KCNA form first."""
_SURNAME_FOLD = {v: k for k, vs in SURNAME_VARIANTS.items() for v in vs}


def _tokens(name: str) -> Form:
    """A name as lowercase words (the variants table's forms are read the same way)."""
    cleaned = re.sub(r"[.'’`]", "", name).lower()
    return tuple(w for w in re.split(r"[\s_]+", cleaned) if w)


def base_key(name: str) -> str:
    """The key of a written name before the variants table is consulted (see person_key)."""
    words = _tokens(name)
    if not words:
        return ""
    parts = [p for w in words for p in w.split("-") if p]
    surname = _SURNAME_FOLD.get(parts[0], parts[0])
    given_words = list(words[1:])
    if not given_words and "-" in words[0]:
        given_words = ["-".join(parts[1:])]
    given_words = [_respell(w) for w in given_words]
    syllables = _given_tokens([w.capitalize() for w in given_words])
    if syllables is None:
        given = "".join(given_words).replace("-", "")
    else:
        given = "".join(_fold(s) for s in syllables)
    return f"{surname} {given}".strip()


@lru_cache(maxsize=1)
def _shipped_variants() -> Variants:
    return load_variants(_tokens)


@lru_cache(maxsize=65536)
def _keyed(name: str) -> str:
    return person_key(name, _shipped_variants())


def person_key(name: str, variants: Variants | None = None) -> str:
    """The normalised identity of a written name: one key for every spelling of one name.

    "Choe Ryong Hae", "Choe Ryong-hae", "CHOE RYONG HAE", "Choe Ryonghae" and "Choi Ryong-hae"
    all give "choe ryonghae": case, hyphens and spaces between the given-name syllables, the
    surname's romanisation (Ri / Rhee / Lee / Yi / I, Choe / Choi, Pak / Park ...) and voiced
    initials of given syllables (Gwon / Kwon) do not matter. A form listed in the variants table
    (resources/variants.tsv and the user's table) takes the key of its group, so a user can join
    spellings the rules do not (the key is then the key of the group's first form).
    ``variants`` defaults to the shipped table.
    """
    if variants is None:
        return _keyed(name)
    canonical = _canonical_forms(variants).get(_tokens(name))
    return base_key(canonical if canonical is not None else name)


_CANONICAL: dict[int, tuple[Variants, dict[Form, str]]] = {}


def _canonical_forms(variants: Variants) -> dict[Form, str]:
    """Every form of the table mapped to the first form of its group (the KCNA spelling)."""
    cached = _CANONICAL.get(id(variants))
    if cached is not None and cached[0] is variants and len(cached[1]) >= len(variants.groups):
        return cached[1]
    mapping = {form: " ".join(group[0]) for group in variants.groups if group for form in group}
    _CANONICAL[id(variants)] = (variants, mapping)
    return mapping
