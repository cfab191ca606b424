"""The words meeting names are made of: ordinals, the party, its Central Committee, the Assembly,
and the names of other parties (whose "Party" is not the WPK).

The regex pieces here are composed by :mod:`~wpk_archive.core.timeline.names` into the patterns
of meeting names; the functions tell a name's numbers and whose it is.
"""

from __future__ import annotations

import re

from wpk_archive.core.dates import MONTHS

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]


_TEENS = [
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
]


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


ORDINAL_WORDS: dict[str, int] = {word: i for i, word in enumerate(_UNITS, start=1)}
ORDINAL_WORDS.update({word: i for i, word in enumerate(_TEENS, start=10)})
ORDINAL_WORDS.update({"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50})
ORDINAL_WORDS["forth"] = 4  # "the Forth Central Committee" (see ORD)
for _tens_word, _tens in _TENS.items():
    for _i, _unit in enumerate(_UNITS, start=1):
        for _sep in ("-", " ", ""):
            ORDINAL_WORDS[f"{_tens_word}{_sep}{_unit}"] = _tens + _i


_UNIT_WORDS = "|".join(_UNITS)


_FORTH_CONTEXT = r"(?=\s+(?:Central|Plenary|Congress|Conference|Session|Supreme|SPA|Meeting)\b)"
ORD = (
    r"(?:(?i:\b(?:\d{1,3}\s?(?:st|nd|rd|th)\b|(?:(?:twenty|thirty|forty|fifty)[-\s]?)?"
    rf"(?:{_UNIT_WORDS})|{'|'.join(_TEENS)}|twentieth|thirtieth|fortieth|fiftieth)(?![\w-]))"
    r"|\bForth" + _FORTH_CONTEXT + ")"
)
"""One ordinal: "7th", "Seventh", "twenty-second"; and "Forth", KCNA's misspelling of "Fourth"
("the Forth Central Committee"), capitalised before a body or meeting only ("set forth" is not)."""


ORDS = rf"{ORD}(?:\s*,\s*{ORD})*(?:\s*,?\s+(?:and|&)\s+{ORD})?"
"""One or more ordinals: "ninth and tenth", "4th, 5th and 6th"."""


APOS = r"(?:['’`‘ʼ]|\s?\u0314)"
"""An apostrophe as copies write it: straight, curly, a backtick, an opening quote, a modifier
letter, or a mis-encoded combining mark ("Workers ̔ Party", "Worker ̔s Party")."""


WORKERS = rf"(?:ruling\s+)?Workers?{APOS}?s?{APOS}?\s*Party"


WPK = (
    rf"(?:{WORKERS}\s+of\s+(?:\(North\)\s+|North\s+)?Korea(?:\s*\((?:WPK|KWP|WPNK)\))?"
    rf"|(?:ruling\s+)?Korean\s+[Ww]orkers?{APOS}?s?\s*[Pp]arty(?:\s*\((?:WPK|KWP)\))?"
    rf"|(?:ruling\s+)?(?:WPK|KWP)|Korean\s+Labou?r\s+Party"
    # Daily NK's and romanized names: "the Chosun Workers' Party", "the Rodongdang"
    rf"|(?:Chosun|Choson|Joseon|Chosŏn)\s+(?:Workers?{APOS}?s?{APOS}?\s*Party|Rodongdang|Labou?r\s+Party)"
    # old American usage: "the North Korean Communist Party Congress"
    rf"|North\s+Korean\s+Communist\s+Party"
    # "the North Korean Workers' Party (WPK)", "North Korea's Workers' Party": the WPK (whose
    # numbering counts the North Korean Workers' Party's congresses of 1946 and 1948)
    rf"|North\s+Korea(?:n|{APOS}s)\s+(?:ruling\s+)?(?:Workers?{APOS}?s?{APOS}?\s*Party|Labou?r\s+Party)"
    rf"(?:\s*\((?:WPK|KWP|WPNK)\))?"
    rf"|{WORKERS}(?:\s*\((?:WPK|KWP)\))?(?!\s+of\s)(?![\w-]))"
)


ASSEMBLY_ACTS = (
    r"(?:(?:re-?)?elected|adopted|passed|approved|amended|ratified|enacted|appointed|endorsed)"
)
"""What the assembly does in session ("On 11 April 2019, the SPA re-elected Kim"): a session that
day, where a date tells it."""
ASSEMBLY_ACT_WORDS = (
    "elected",
    "adopted",
    "passed",
    "approved",
    "amended",
    "ratified",
    "enacted",
    "appointed",
    "endorsed",
)
"""The words of :data:`ASSEMBLY_ACTS`, for the readers' cheap pre-check."""


PARTY = rf"(?:{WPK}|[Pp]arty|ruling\s+party)"
"""The party as a name (the WPK, or a bare "Party" whose identity the caller checks)."""


THE = r"(?:(?:the|The|its|Its|their|our|Our)\s+)?"


CC = r"(?:Central\s+Committee|central\s+committee|C\.\s?C\.|CC)(?![\w])"


OF_PARTY = rf"(?:(?:\s*,\s*|\s+of\s+){THE}{PARTY})"


def term_cc(first: str = "t", second: str = "t2") -> str:
    """A Central Committee with its term, the term's groups named ``first`` and ``second``."""
    return (
        rf"{THE}(?:North(?:\s+Korea)?{APOS}s\s+)?(?:(?P<{first}>{ORD})\s+)?"
        rf"(?:(?:{WPK}|(?:ruling\s+)?[Pp]arty){APOS}?s?\s+)?"
        rf"(?:(?P<{second}>{ORD})\s+)?(?:(?:full|entire|whole)\s+)?{CC}{OF_PARTY}?"
    )


TERM_CC = term_cc()
"""A Central Committee with its term: "the Eighth Central Committee of the WPK", "the 8th WPK
Central Committee", "the Party Central Committee", "the C.C., the WPK"."""


SPA = (
    # (and a copy's garble, "the 14th Supreme's People's Assembly")
    rf"(?:(?:DPRK\s+)?Supreme(?:{APOS}s)?\s+People{APOS}?s\s+Assembly(?:\s*\(SPA\))?|SPA"
    # a translation from Chinese: "the 12th Supreme People's Congress of the DPRK"
    rf"|(?:Supreme|National)\s+People{APOS}s\s+Congress(?=\s+of\s+(?:the\s+)?(?:DPRK|Democratic|North|Korea))"
    # a machine translation's (from Japanese): "North Korea will hold the Supreme People's Congress,
    # which is the National Assembly, on the 29th", "the Supreme People's Conference"
    rf"|Supreme\s+People{APOS}s\s+(?:Congress|Conference)(?!\s+of\s+(?:the\s+)?(?!DPRK|Democratic|North|Korea)[A-Z]))"
    rf"(?:\s+of\s+{THE}(?:DPRK|Democratic\s+People{APOS}s\s+Republic\s+of\s+Korea"
    r"(?:\s*\(DPRK\))?))?"
)


WHEN_AHEAD = (
    r"(?:on|in|at|for|last|early|late|this|next|again|yesterday|today|tomorrow|[MTWFS][a-z]+day)\b"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}\b"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\b"
)
"""What follows an intransitive verb of holding when it tells when: "met on Tuesday", "convened
April 10" (news style drops the "on"), "will meet 28 September"."""


MODS = (
    r"(?:(?:(?:emergency|enlarged|extended|expanded|consultative|special|extraordinary|"
    r"joint|regular|urgent|closed|open|historic|important|recent|rare|key|crucial|major|full|"
    r"preliminary|ongoing|continuing|current|latest|forthcoming|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-day|week-long|"
    # "once-in-a-generation", "long-awaited", "year-end", "high-profile"
    r"[a-z]{2,12}(?:-[a-z]{1,12}){1,4}|long\s+awaited|much\s+anticipated|landmark|upcoming)[\s-]+)*)"
)


MODS_CI = rf"(?i:{MODS})"


MONTH_NAME = "|".join(name.capitalize() for name in MONTHS if len(name) > 3 or name == "may")


YEAR = r"(?:19[4-9]\d|20\d\d)"


DATE_NAME = (
    rf"(?P<dname>(?P<dm1>{MONTH_NAME})\s+(?P<dy1>{YEAR})|(?P<dy2>{YEAR})\s+(?P<dm2>{MONTH_NAME})"
    rf"|(?P<dy3>{YEAR})\s+year-end|year-end\s+(?P<dy4>{YEAR})|(?P<dm3>{MONTH_NAME}))"
)
"""A meeting named by its date: "December 2023", "2023 December", "2023 year-end"."""


_FOREIGN_WORDS = (
    r"Communist|Revolutionary|Socialist|Social|Labou?r|Democratic|Liberal|Republican|National|"
    r"Conservative|Progressive|Green|Justice|United|Popular|Unity|Workers|People|Peoples|"
    r"Nationalist|Independence|Liberation|Front|Union|Arab|Baath|Ba'ath"
)


_PARTY_WORD = re.compile(r"\bParty\b")


PARTY_NAMED = re.compile(r"(?i)\b(?:party|wpk|kwp|workers)\b")
"""A word that names the party ("party", "WPK", "KWP", "Workers'"), in any case."""


_FOREIGN_BEFORE_PARTY = re.compile(rf"\b(?:(?:{_FOREIGN_WORDS})(?:{APOS}s?|s)?\s+)+$")


_FOREIGN_AFTER_PARTY = re.compile(r"\s+of\s+(?!Korea\b)(?:the\s+)?[A-Z]")


_FOREIGN_NAMES = re.compile(
    r"\b(?:CPC|CCP|CPV|LPRP|PCC|CPRF|KPRF|CPSU|SED|PCF|PCI|CPI|CPN|PRI|MPLA|FRELIMO|ZANU|SWAPO|ANC|"
    r"Baath|Sandinista|FSLN|PAIGC|SPD|KMT|Kuomintang|LDP)\b"
    r"|\b(?:Chinese|Vietnamese|Lao|Laotian|Cuban|Soviet|Russian|Cambodian|Syrian|Nepalese|"
    r"Mongolian|Japanese|Albanian|Romanian|Bulgarian|Yugoslav|Polish|Czechoslovak|Hungarian|"
    r"East\s+German)\s+(?:communist|Communist|ruling|party|Party)"
)


_MERGED = re.compile(
    r"\b(?:merger|merging|amalgamation|fusion)\s+(?:of|with)\b[^.;:!?]{0,100}$"
    r"|\bmerged\s+with\b[^.;:!?]{0,100}$"
)


def _foreign_parties(text: str, start: int, end: int) -> int:
    """How many times ``text[start:end]`` names a party other than the WPK (at most 2 counted
    beyond the first, to stay cheap)."""
    count = len(_FOREIGN_NAMES.findall(text, start, end))
    for party in _PARTY_WORD.finditer(text, start, end):
        before = text[max(start, party.start() - 60) : party.start()]
        if re.search(
            rf"Workers{APOS}\s*$|(?:ruling|Korean|Korea{APOS}s|North{APOS}s)\s+Workers?\s*$", before
        ) and not re.match(_FOREIGN_AFTER_PARTY, text[party.end() : party.end() + 30]):
            continue
        if re.search(r"\bWorkers\s*$", before) and re.match(
            r"\s+of\s+(?:North\s+)?Korea\b", text[party.end() : party.end() + 20]
        ):
            continue  # "the Workers Party of Korea", written without its apostrophe
        if _MERGED.search(text, max(start, party.start() - 110), party.start()):
            continue  # "founded ... by the merger of the Communist Party of Korea and the New
            # People's Party": the parties the WPK was made of, not another's meeting
        if _FOREIGN_BEFORE_PARTY.search(before) or _FOREIGN_AFTER_PARTY.match(
            text, party.end(), min(end, party.end() + 30)
        ):
            count += 1
    return count


OTHER_BODY = re.compile(
    r"\b(?:Cabinet|UN|U\.N\.|United\s+Nations|General\s+Assembly|Security\s+Council|NAM|Non-Aligned|"
    r"Youth\s+League|League|Union|Federation|Association|Council|Children|Women|Trade\s+Unions?|"
    r"Kimilsungist-Kimjongilist|Socialist\s+Patriotic|Chongryon|Congress\s+of\s+the\s+United"
    r"|National\s+Assembly|Diet|Parliament|Senate|House|Duma|Bundestag)\b"
)


def ordinal_value(text: str) -> int | None:
    """The number of an ordinal ("7th", "Seventh", "twenty-first"), or None."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    digits = re.match(r"(\d+)\s?(?:st|nd|rd|th)$", text)
    if digits:
        return int(digits.group(1))
    return ORDINAL_WORDS.get(text)


def ordinal_text(number: int) -> str:
    """``number`` written as a numeric ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def ordinals(text: str | None) -> list[int]:
    """Every ordinal in ``text`` in order ("ninth and tenth" -> [9, 10])."""
    if not text:
        return []
    values = [ordinal_value(m.group(0)) for m in re.finditer(_ORD_ALONE, text)]
    return [v for v in values if v is not None]


_ORD_ALONE = ORD.replace(_FORTH_CONTEXT, "")
"""ORD for reading the ordinals of a name already matched (its "Forth" has no context left)."""


def names_wpk_in(text: str) -> bool:
    return re.search(WPK, text) is not None


_PARTY_PRECEDERS = frozenset(
    # (and a sentence's determiner: "Another Party conference in October 1966 took measures")
    {
        "The",
        "Our",
        "WPK",
        "KWP",
        "Korean",
        "Ruling",
        "Its",
        "Whole",
        "Entire",
        "A",
        "An",
        "Another",
        "This",
        "That",
        "Each",
        "Every",
        "Next",
        "Last",
        "Previous",
    }
)


def bare_party_foreign(match: re.Match[str], text: str) -> bool:
    """Whether a bare "Party" in the match is another party ("Revolutionary Party's Ninth Congress",
    "the Congress of the Party of Labour of Albania")."""
    for party in re.finditer(r"\b[Pp]arty\b", match.group(0)):
        at = match.start() + party.start()
        before = text[max(0, at - 40) : at]
        after = text[at + 5 : at + 40]
        if re.search(
            rf"Workers?{APOS}?s?{APOS}?\s*$|North\s+Korean\s+Communist\s+$|"
            # "the 8th Korean Labor Party Congress", "the Chosun Labor Party": the WPK translated
            r"(?:Korean|Chosun|Choson|Joseon|Chosŏn)\s+Labou?r\s+$",
            before,
        ):
            continue
        word = re.search(r"([A-Z][\w'’-]*)\s+$", before)
        if word and word.group(1) not in _PARTY_PRECEDERS and ordinal_value(word.group(1)) is None:
            return True
        if re.match(rf"\s+of\s+(?:the\s+)?(?!Korea\b|{WPK})[A-Z]", after):
            return True
    return False


def followed_by_foreign(match: re.Match[str], text: str) -> bool:
    """Whether the name goes on to name another body: "...Central Committee of the CPC",
    "...of the Lao People's Revolutionary Party", "...Standing Committee of the National People's
    Congress"."""
    after = text[match.end() : match.end() + 70]
    if re.match(rf"\s+of\s+(?:the\s+)?(?:{WPK}|DPRK|Korea\b|Democratic\s+People)", after):
        return False
    if re.match(r"\s*,\s*(?:the\s+)?(?:WPK|Workers|KWP|Korean\s+Workers)", after):
        return False
    if re.match(rf"\s+of\s+(?:(?:{MONTH_NAME})\b|{YEAR}\b)", after):
        return False  # "the ... Central Committee Meeting of August 1956": its date
    return (
        bool(re.match(r"(?:\s+of|\s*,)\s+(?:the\s+)?[A-Z]", after)) and foreign_party_in(after)
    ) or bool(re.match(r"\s+of\s+(?:the\s+)?[A-Z]", after))


def foreign_party_in(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` names a party other than the WPK."""
    return _foreign_parties(text, start, len(text) if end is None else end) > 0


def foreign_party_count(text: str) -> int:
    """How many times ``text`` names a party other than the WPK."""
    return _foreign_parties(text, 0, len(text))


def names_wpk(text: str) -> bool:
    """Whether ``text`` names the WPK itself ("WPK", "Workers' Party of Korea", ...)."""
    return names_wpk_in(text)


def other_body_in(text: str) -> bool:
    """Whether ``text`` names a body that holds congresses or sessions of its own (the Cabinet,
    the UN, a youth league, a foreign parliament...)."""
    return OTHER_BODY.search(text) is not None
