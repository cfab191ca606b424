"""Building blocks of the date grammar (see :mod:`wpk_archive.core.dates`): the regular-expression
fragments for months, days, years and weekdays, and the cheap per-rule tests; the records and the
calendar arithmetic the readers share are in :mod:`wpk_archive.core.date_reckoning`.

Nothing here is public API; :mod:`wpk_archive.core.dates` re-exports what callers use.
"""

from __future__ import annotations

import re

JUCHE_OFFSET = 1911
MIN_YEAR = 1800
MIN_BARE_YEAR = 1900
MAX_YEAR = 2100

_MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_ABBR = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first so that no word shadows a longer one."""
    return "|".join(sorted(words, key=len, reverse=True))


_FULL_WORDS = [names[0] for names in _MONTH_NAMES]
_ABBR_WORDS = [name for names in _MONTH_NAMES for name in names[1:]]

# A month word in any letter case; only for places next to a day or year number.
M_ANY = (
    rf"(?=[ADFJMNOSadfjmnos])(?<![A-Za-z])(?i:(?:{_alternation(_FULL_WORDS)})|(?:{_alternation(_ABBR_WORDS)})\.?)"
    r"(?![A-Za-z])"
)
# A month word written as a name (Capitalised or ALL CAPS); the form for months standing alone.
_CAP_WORDS = [w.capitalize() for w in _FULL_WORDS] + [w.upper() for w in _FULL_WORDS]
_CAP_ABBR = [w.capitalize() for w in _ABBR_WORDS] + [w.upper() for w in _ABBR_WORDS]
M_CAP = (
    rf"(?<![A-Za-z])(?:(?:{_alternation(_CAP_WORDS)})|(?:{_alternation(_CAP_ABBR)})\.?)(?![A-Za-z])"
)
M_CAP_FULL = rf"(?<![A-Za-z])(?:{_alternation(_CAP_WORDS)})(?![A-Za-z])"
# A month standing alone, as a name or a Capitalised abbreviation: "in Sept.", "since Jan" (not
# "in Jan Smith's house": an abbreviation without its dot is not read before a Capitalised word,
# nor any abbreviation before a number the day rules did not take, "in Mar 45").
M_CAP_ALONE = rf"(?:{M_CAP_FULL}|(?<![A-Za-z])(?:{_alternation(_CAP_ABBR)})(?:\.|(?![A-Za-z.])(?!\s+[A-Z][a-z]))(?!\s*\d))"
# A month written in lower case standing alone or with "last / next" ("next june", "last sept",
# "june next year"): only the words that are no common English word ("may" and "march" are verbs,
# "august" an adjective).
_LOW_FULL = (
    "january",
    "february",
    "april",
    "june",
    "july",
    "september",
    "october",
    "november",
    "december",
)
_LOW_ABBR = ("jan", "feb", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec")
M_LOW_FULL = rf"(?<![A-Za-z])(?:{_alternation(list(_LOW_FULL))})(?![A-Za-z])"
M_ALONE = rf"(?:{M_CAP_ALONE}|{M_LOW_FULL}|(?<![A-Za-z])(?:{_alternation(list(_LOW_ABBR))})(?:\.|(?![A-Za-z.]))(?!\s*\d))"
M_FULL = rf"(?:{M_CAP_FULL}|{M_LOW_FULL})"
# The dateline's month: a Capitalised name or abbreviation.
M_DATELINE = rf"(?:(?:{'|'.join(w.capitalize() for w in _FULL_WORDS)})\b|(?:{'|'.join(w.capitalize() for w in _ABBR_WORDS)})\b\.?)"

WD_FULL = r"(?=[FMSTWfmstw])(?<![A-Za-z])(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![A-Za-z])"
WD_ABBR = rf"(?=[FMSTWfmstw])(?<![A-Za-z])(?i:{_alternation(list(_WEEKDAY_ABBR))})\.?(?![A-Za-z])"
# A weekday leading a date: "Sunday, April 15", "Fri, Jul 18", "Tuesday the 19th".
WD_LEAD = rf"(?:(?:{WD_FULL}|(?<!\bof\s)(?<![Tt]he\s){WD_ABBR}),?\s+)"

_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
ORDINALS: dict[str, int] = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
for _n, _word in enumerate(_ORDINAL_WORDS[:9], start=21):
    ORDINALS[f"twenty-{_word}"] = _n
    ORDINALS[f"twenty {_word}"] = _n
ORDINALS["thirtieth"] = 30
ORDINALS["thirty-first"] = ORDINALS["thirty first"] = 31
ORD_WORD = rf"(?=[EFNSTefnst])(?i:\b(?:{_alternation(list(ORDINALS))})\b)"

# A day of the month as a number: not part of a larger number, a decimal, a time, a fraction or a
# sum of money ("for $12 December 27" is December 27).
D = r"(?<![\d,./$£€¥])(?<![\d\s]:)(?<![$£€¥]\s)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.:/]\d|,(?!\d{4}(?!\d))\d)"
D_SUFFIXED = r"(?<![\d,.:/$£€¥])(?<![$£€¥]\s)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?!\d)"
DAY = rf"(?:{D}|{ORD_WORD})"

_YEAR_NUMBER = r"(?:1[89]\d\d|20\d\d|2100)"
_NOT_AFTER_YEAR = r"(?!\d|,\d|\.\d|s\b|['’]s\b|th\b|\s*B\.?\s?C\.?(?:E\b)?|\s*BCE\b)"
Y4 = rf"(?<![\d.$#/£€¥])(?<![^\d\s],){_YEAR_NUMBER}{_NOT_AFTER_YEAR}(?:\s*A\.?\s?D\.?(?![A-Za-z]))?"
JUCHE = (
    r"Juche\s+(?:year\s+)?(?:[1-9]\d{0,2})(?:\s*\(\s*\d{4}\s*\))?"
    r"(?![\d]|st\b|nd\b|rd\b|th\b)"
)
Y = rf"(?:{JUCHE}|{Y4})"

_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBERS: dict[str, int] = {word: n for n, word in enumerate(_NUMBER_WORDS, start=1)}
for _t, _tens in enumerate(_TENS_WORDS, start=2):
    NUMBERS[_tens] = _t * 10
    for _u, _unit in enumerate(_NUMBER_WORDS[:9], start=1):
        NUMBERS[f"{_tens}-{_unit}"] = NUMBERS[f"{_tens} {_unit}"] = _t * 10 + _u
NUMBERS.update({"a": 1, "an": 1})
COUNT = rf"(?=[\dA-Za-z])(?i:\b(?:\d{{1,3}}|{_alternation(list(NUMBERS))})\b)"

PARTS = re.compile(
    rf"(?P<y>{Y})|(?P<m>{M_ANY})|(?P<wd>{WD_FULL}|{WD_ABBR})|(?P<d>{D})|(?P<o>{ORD_WORD})"
)
JUCHE_VALUE = re.compile(r"Juche\s+(?:year\s+)?(\d{1,3})(?:\s*\(\s*(\d{4})\s*\))?")


_ORDINAL_STEMS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "teenth", "twentieth", "thirtieth",
)  # fmt: skip
# Cheap tests of a text, each a tuple of lower-case substrings, any of which makes the test pass; a
# rule is only tried on a text that passes all its tests ("digit", "month" and "dayish" are
# checked by has_feature itself).
FEATURES: dict[str, tuple[str, ...]] = {
    "connector": ("-", "–", "—", " to ", "till", "until", "through", "thru", " and "),
    "and": (" and ",),
    "upto": ("~", "to 1", "to 2", "through 1", "through 2", "thru", "till 1", "till 2", "until 1", "until 2"),
    "afternext": ("after next", "after the next"),
    "quarterword": ("quarter",),
    "inthe": ("er in the",),
    "between": ("from ", "between "),
    "dash": ("-", "–", "—", "/"),
    "ago": ("ago", "hence", "back", "from now", "from today", "after today"),
    "qual": (
        "early", "mid", "late", "end", "beginning", "start", "middle", "spring", "summer", "autumn",
        "fall", "winter",
    ),
    "decade": ("0s", "0's", "0’s", "0 s"),
    "decadeword": (
        "0s", "0's", "0’s", "decade", "twenties", "thirties", "forties", "fifties", "sixties",
        "seventies", "eighties", "nineties", "noughties", "thousands", "tens", "0 s",
    ),
    "period": ("quarter", "half", "q1", "q2", "q3", "q4"),
    "century": ("centur",),
    "ordinal": ("first", "second", "third", "fourth", "fifth", "last", "final", "1st", "2nd", "3rd", "4th", "5th"),
    "week": ("week",),
    "day": ("day",),
    "monthword": ("month",),
    "year": ("year",),
    "unit": ("year", "month", "week", "quarter"),
    "relword": ("last", "this", "next", "past", "coming", "after", "week", "previous", "following"),
    "dayword": ("today", "yesterday", "tomorrow", "day before", "day after"),
    "season": ("spring", "summer", "autumn", "winter", "fall"),
    "daypart": ("night", "morning", "afternoon", "evening", "tonight"),
    "seasonword": ("season",),
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "wdabbr": ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    "monthstem": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "ordword": _ORDINAL_STEMS,
}  # fmt: skip
# What a text needs for any rule at all to be tried (a digit is checked separately).
ANY_FEATURE = tuple(
    dict.fromkeys(
        FEATURES["monthstem"]
        + FEATURES["unit"]
        + FEATURES["day"]
        + FEATURES["ago"]
        + FEATURES["season"]
        + FEATURES["seasonword"]
        + FEATURES["daypart"]
        + FEATURES["century"]
        + FEATURES["decadeword"]
        + FEATURES["wdabbr"]
        + ("now", "tomorrow")
    )
)
_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile(M_ANY)
_CONNECTOR = re.compile(r"[-–—]|\b(?i:to|till|until|through|thru|and)\b")


def has_feature(name: str, text: str, lower: str) -> bool:
    """Whether ``text`` (``lower``: the same in lower case) passes the cheap test ``name``."""
    if name == "digit":
        return _DIGIT.search(text) is not None
    if name == "month":
        return any(stem in lower for stem in FEATURES["monthstem"]) and bool(
            _MONTH_WORD.search(text)
        )
    if name == "span":  # a month word with a range connector near it
        return any(
            _CONNECTOR.search(text, max(0, match.start() - 30), match.end() + 30)
            for match in _MONTH_WORD.finditer(text)
        )
    if name == "dayish":
        return _DIGIT.search(text) is not None or any(stem in lower for stem in _ORDINAL_STEMS)
    return any(part in lower for part in FEATURES[name])


FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+expected|are\s+expected|scheduled|slated|plans?\s+to|"
    r"(?:set|planned|due)\s+for|due\s+on|(?:is|are)\s+due\b(?!\s+to\b)|(?:is|are)\s+(?:set|poised|due|likely|slated)\s+to\s+(?:convene|convoke|hold|"
    r"open|meet|start|begin)|"
    r"planned\s+to|due\s+to\s+(?:be|open|start|take)|to\s+be\s+(?:held|opened|launched)|"
    r"(?:decided|decides|agreed|agrees|resolved)\s+to\s+(?:convene|convoke|hold|open|call)|"
    # a schedule told in the present: "When the congress opens Friday", "the session convenes on
    # Monday" (not "opened Friday")
    r"\b(?:opens|convenes|reconvenes|begins|starts|kicks\s+off)(?=\s+(?:on\s+)?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b)|"
    r"prepar(?:e|es|ing|ations?)\s+for|(?:decision|decree|resolution)\s+on\s+(?:holding|convening|"
    r"convoking|opening)|"
    # a headline's future: "NK to hold plenary meeting of party central committee on Friday"
    r"(?m:^)\W*(?:(?!(?:\w+ed|went|came|flew|met|was|were)\b)[\w'’.-]+\s+){0,3}?"
    r"(?:Korea|NK|North|Pyongyang|DPRK|WPK|KWP|[Pp]arty|[Pp]arliament|SPA|Kim(?:\s+Jong[\s-]\w+)?)"
    r"\s+to\s+(?:hold|convene|convoke|open|call))\b",
    re.I,
)


FROM = r"(?:(?=[BFbf])(?i:from|between)\s+)?"
TO = r"\s*(?:-|–|—|(?i:to|till|until|through|thru|and)\b)\s*"
QUAL_WORD = r"(?:(?=[EeLlMm])(?<![A-Za-z])(?i:early|mid|late)(?:-|\s+))"
QUAL_OF = r"(?:(?=[BbEeMmSsTt])(?<![A-Za-z])(?i:the\s+)?(?i:end|beginning|start|middle)\s+of\s+(?:the\s+)?)"
QUAL = rf"(?:{QUAL_WORD}|{QUAL_OF})"
YEAR_SEP = r"(?:\s*,\s*|\s+of\s+|\s+in\s+(?=\d{4}\b)|\s+)"  # ("June in 2016")
REL_YEAR = r"(?i:last|this|next|previous)\s+year\b"
UNKNOWN_YEAR = r"(?i:that|the\s+(?:same|following|next|previous|preceding))\s+year\b"
TAIL = rf"(?:(?:\s*,\s*|\s+of\s+|\s+in\s+(?=\d{{4}}\b)|\s+){Y}|\s*,?\s+(?:of\s+)?(?:{REL_YEAR}|{UNKNOWN_YEAR}))"
TAIL_YEAR = rf"(?:(?:\s*,\s*|\s+){Y})"
TRAILING_WD = rf"(?:,\s*(?:{WD_FULL}|{WD_ABBR}))"
DM = (
    rf"(?:(?:the\s+)?{DAY}\s+of\s+{M_ANY}"
    rf"|{D}\s*{M_ANY}"
    rf"|{M_ANY}\s*(?:the\s+)?{D}"
    rf"|{M_ANY}\s+{ORD_WORD}"
    # "September the twenty-first, 1978", not "in May the third phase began"
    rf"|{M_ANY}\s+the\s+{ORD_WORD}(?!\s+(?!(?:and|or|to|till|until|through|in|at|on|when|was|"
    rf"were|is|will)\b)[A-Za-z]))"
)
DMY = rf"(?:{WD_LEAD})?{DM}(?:{TAIL})?{TRAILING_WD}?"
MY = rf"{M_ANY}{YEAR_SEP}{Y}"
REL_TAIL_RE = re.compile(r"\b(last|this|next|previous)\s+year\b", re.I)
UNKNOWN_TAIL_RE = re.compile(UNKNOWN_YEAR)
RECURRING = re.compile(r"\s*,?\s*(?:each|every)\s+year\b", re.I)
PLURAL_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|(?!(?:was|has|is|as|this|its|his|us|days)\b)[a-z]+s\b|people|won|"
    r"yuan|km|kg|m\b|tonnes?|tons?|hectares?|meters?|metres?|miles?)"
)
_LOWER_VERBISH = re.compile(
    r"(?:\b(?:to|will|would|shall|must|can|could|should|did|do|does|not|they|we|you|I|and)\s+)$"
)
# Present-tense verbs of the yearly round of nature ("The lake begins to freeze in late September"):
# a yearless month in such a text tells what happens every year, not a date.
GENERIC = re.compile(
    r"\b(?:begins|starts|ends|melts|freezes|thaws|blooms|flowers|ripens|migrate|migrates|"
    r"hibernates|spawns|lays\s+eggs|sets\s+in)\b",
    re.I,
)


def month_token(fragment: str) -> str | None:
    """The first month word of ``fragment`` as written."""
    found = re.search(M_ANY, fragment)
    return found.group(0) if found else None


_MAY_ORDINAL = re.compile(r"\bmay\.?\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b")


def lowercase_month_ok(match: re.Match[str], has_year: bool) -> bool:
    """Whether a month word written in lower case may be read here.

    "may" and "march" are verbs too: a lower-case month counts only next to a day or year number,
    "may" only with a year, "march" not after a subject or modal ("they march 5 km").
    """
    token = month_token(match.group(0))
    if token is None or not token[:1].islower():
        return True
    word = token.rstrip(".").lower()
    if word == "may" and not has_year and not _MAY_ORDINAL.search(match.group(0)):
        return False  # ("may 2nd": a day with its ordinal suffix is no verb's object)
    before = match.string[max(0, match.start() - 12) : match.start()]
    if word in ("march", "may") and _LOWER_VERBISH.search(before):
        return False
    return has_year or not PLURAL_AFTER.match(match.string, match.end())
