"""Offices: read from the words after a name ("Kim Tok Hun, member of ... and premier of the
Cabinet") or before it ("Premier Choe Yong Rim", "Vice-Premiers Jon Ha Chol and Jo Pyong Ju"),
split into single offices, and keyed so that spellings of one office group together."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADS = (
    r"members?|alternate members?|candidate members?|secretar(?:y|ies)(?:[- ]general)?"
    r"|chairm[ae]n|chairwom[ae]n|chairpersons?|directors?(?:[- ]general)?|premiers?"
    r"|ministers?|presidents?|chiefs?|heads?|commanders?|generals?|marshals?|admirals?"
    r"|deput(?:y|ies)|ambassadors?|consuls?(?:[- ]generals?)?|charge d'affaires|editors?(?:-in-chief)?"
    r"|rectors?|deans?|managers?|spokes(?:man|woman|person)|delegates?|governors?|mayors?"
    r"|leader|commissar|counsellors?|councillors?|envoys?|officers? in charge"
)
_PREFIX_WORD = (
    r"(?:first|second|vice|alternate|candidate|department|deputy|executive|standing|honorary"
    r"|senior|chief|general|acting|permanent|political|foreign|defence|former|managing"
    r"|assistant|associate|supreme|co|sub|section|branch|bureau|division|room|workshop|team"
    r"|vice-department|vice-director|(?-i:[A-Z][\w'’.-]*))"
)
OFFICE_START = re.compile(
    rf"(?:(?:a|an)\s+)?(?:{_PREFIX_WORD}\s+){{0,3}}(?:vice[- ]|co-)?(?:{_HEADS})\b(?!-)", re.I
)
"""The beginning of an office: a head word ("member", "premier", "secretaries", "director")
within the first four words, before any "of"."""
_PLURAL_HEAD = re.compile(
    r"\b(?:members|secretaries|chairmen|chairwomen|chairpersons|directors|premiers|ministers"
    r"|presidents|chiefs|heads|commanders|generals|marshals|admirals|deputies|ambassadors"
    r"|delegates|managers|editors|envoys)\b",
    re.I,
)
_DELIMITER = re.compile(r",\s+and\s+|,\s+|\s+and\s+|;\s+")
_CC_END = re.compile(r"(?:C\.C\.?|Central Committee|Commission|Political Bureau|Presidium)$")
_ELECTED_LEAD = re.compile(
    r"\s+(?:was|were)\s+(?:also\s+)?(?:elected|appointed|by-elected|promoted|named)(?:\s+(?:as|to))?\s+"
)
_WORD = re.compile(r"\S+")
_NEW_PARAGRAPH = re.compile(r"\s*\n\s*(?=[A-Z\"“])")


def _clause_start(office: str) -> int | None:
    """Where an office ends and the sentence goes on: a verb right after a capitalised word
    ("... of the Korean People's Army (KPA) visited ...", "... Committee made a speech")."""
    previous = ""
    for match in _WORD.finditer(office):
        word = match.group()
        if previous and word in _CLAUSE_WORDS:
            return match.start()  # "... People's Committee which visited China"
        if (
            previous
            and (previous[:1].isupper() or previous.endswith(")"))
            and not previous.endswith(",")
            and _VERBISH.fullmatch(word.strip(",.;:"))
        ):
            return match.start()
        previous = word
    return None


_CLAUSE_WORDS = frozenset({"which", "that", "where", "when", "while", "after", "before", "since"})
_VERBISH = re.compile(
    r"is|are|was|were|has|have|had|will|would|made|said|sent|gave|met|held|took|paid|laid|left"
    r"|came|went|saw|spoke|told|won|became|led|received|"
    r"(?!(?:concerned|related|united|advanced|talented|honou?red|noted|distinguished|retired"
    r"|merited|named|based|elected|appointed|bereaved|decorated|renowned|detailed)$)[a-z]{2,}ed"
)


_TRAILER = re.compile(r"(?:\s+to fill (?:the |a )?vacanc(?:y|ies))?[.,;:]?$")
_AND_OTHER = re.compile(r",?\s+and\s+(?:many\s+)?other\s+")

TITLE_HEADS = (
    r"(?:(?:First|Executive|Acting|Senior|Deputy|Honorary|General|Alternate|Candidate|Managing|Chief)\s+)*"
    r"(?:Vice[- ](?i:marshal|admiral)s?"
    r"|(?:Vice[- ])?(?i:premier|minister|chairman|chairwoman|chairperson|president|director"
    r"|department\s+director|secretary|chief|commander|ambassador|member|manager|editor"
    r"|principal|rector|dean|head"
    r"|editor-in-chief|secretar(?:y|ies)[- ]general)s?"
    r"|Secretaries|Chairmen|Chairwomen"
    r"|(?:Colonel|Col\.|Lieutenant|Lieut\.|Lt\.|Major|Maj\.)\s+(?:Generals?|Gen\.)"
    r"|(?:Senior\s+)?Colonels?|Generals?|Gen\.|Marshals?|Admirals?"
    r"|(?:(?:First\s+)?Vice[- ])?Foreign\s+Minister"
    r"|Defence\s+Minister|Deputy|Deputies|Delegate|General\s+Secretary|Supreme\s+Leader"
    r"|Supreme\s+Commander|General\s+Officers?)"
)
PRE_TITLE = re.compile(
    rf"(?:former\s+)?(?:(?:KPA|DPRK|WPK|SPA|NDC|Korean|Cabinet|Party|State|Army|Navy|Air\s+Force)\s+)*"
    rf"(?P<head>(?=[A-Z]){TITLE_HEADS})"
    r"(?:\s+(?:of|for|to|on|in|at|with)(?:\s+(?:the|its|his|their|and|of|for|on|[A-Z][\w'’.-]*,?"
    r"|\d+))+)*\s*$"
)
"""A title before a name, capitalised: "Premier", "KPA Vice Marshal", "Minister of Foreign
Affairs", "Secretary of the Central Committee of the Workers' Party of Korea"."""
HONORIFICS = re.compile(
    r"^(?:(?:the\s+)?(?:dear\s+)?(?:respected\s+)?(?:fatherly\s+)?)?"
    r"(?:(?:Comrade|Marshal|Generalissimos?|Leader|Supreme\s+Leader|His\s+Excellency"
    r"|Your\s+Excellency|H\.?E\.?|Dr\.?|Prof\.?|Professor|Academician|Mr\.?|Mrs\.?|Ms\.?"
    r"|Madame|(?:DPRK\s+|Labou?r\s+)?Hero(?:\s+of\s+the\s+DPRK)?|People's\s+(?:Artiste?"
    r"|Teacher|Athlete|Scientist|Doctor)|Merited\s+(?:Artiste?|Teacher|Athlete|Scientist)"
    r"|Doctor|Poet|Writer|Composer)\s*(?:and\s+)?)*\s*$"
)
"""Words of respect or honorary titles before a name: no office ("the dear respected Marshal",
"People's Artiste", "Prof. and Dr.")."""

FOREIGN = re.compile(
    r"\b(?:China|Chinese|CPC|Russia|Russian|Vietnam|Vietnamese|Laos|Lao|Cambodia|Cambodian"
    r"|Myanmar|Thailand|Thai|Mongolia|Mongolian|Japan|Japanese|Cuba|Cuban|Syria|Syrian|Iran"
    r"|Iranian|Indonesia|Indonesian|Malaysia|Malaysian|India|Indian|Nepal|Nepali|Bangladesh"
    r"|Pakistan|Singapore|Philippines|U\.S\.|United States|American|UN|United Nations|Kingdom"
    r"|Royal|King|[Pp]rime [Mm]inister|[Pp]arliament|[Ss]enator|State Council|Duma|Majlis"
    r"|[Ss]outh Korean?|S\. Korean?|ROK|puppet|Saenuri|Grand National Party|GNP|Belarus"
    r"|Ukraine|Egypt|Africa|African|Europe|European|Italy|Italian|France|French|Germany|German"
    r"|Britain|British|Sweden|Swedish|Nigeria|Guinea|Brazil|Mexico|Peru|Venezuela|Bolivia"
    r"|Nicaragua|Ecuador|Chile|Argentina|Palestine|Palestinian|Kuwait|Qatar|Oman|Yemen"
    r"|Ethiopia|Uganda|Tanzania|Zimbabwe|Angola|Mozambique|Congo|Senegal|Mali|Benin|Ghana"
    r"|Poland|Polish|Czech|Bulgaria|Romania|Hungary|Serbia|Greece|Spain|Portugal|Switzerland"
    r"|Swiss|Austria|Denmark|Norway|Finland|Netherlands|Belgium|Australia|Canada|Kyrgyz\w*"
    r"|Kazakh\w*|Uzbek\w*|Tajik\w*|Turkmen\w*|Azerbaijan\w*|Armenia\w*|Georgia|Turkey|Iraq"
    r"|Lebanon|Jordan|Libya|Algeria|Tunisia|Morocco|Sudan|Sri Lanka|Afghanistan|presidential"
    r"|Cheong Wa Dae|Blue House|assemblyman|lawmaker|National Assembly|Unification|Defense"
    r"|Intelligence Service|Joint Chiefs|Democratic Party|Uri Party|Liberty Korea)\b"
)
DPRK = re.compile(
    r"\b(?:DPRK|WPK|Workers' Party of Korea|Workers’ Party of Korea|KPA|Korean People's Army"
    r"|Chongryon|Korean Residents|Koreans\b|Supreme People's Assembly|SPA|Cabinet)"
    r"|(?<!south )(?<!South )(?<!S\. )\bKorean?\b"
)


@dataclass(frozen=True)
class PostOffice:
    """The office after a name: its span (document offsets), whether it is plural (shared by
    the names before it: "X and Y, members of ..."), and whether it came as "and other ..."."""

    start: int
    end: int
    plural: bool
    and_other: bool


def read_post_office(
    text: str, start: int, stop: int, before_name: bool = False
) -> PostOffice | None:
    """The office right after a name ending at ``start`` (not beyond ``stop``), or None.

    It follows a comma ("X, member of ..."), "was elected" ("X was elected member of ..."), a
    bare space ("Kwak Pom Gi ... and Jo Yon Jun alternate members of ...") or "and other"
    ("X and other secretaries of ..."). It runs over commas and "and" while what follows is
    another office ("..., WPK and premier of the Cabinet") or completes an organ's name
    ("of the C.C., the WPK"). With ``before_name`` (``stop`` is where the next name begins),
    words that run into that name are its title, not this name's office ("..., KPA Vice Marshal
    Kim Jong Gak", "..., members of the Central Military Commission Kim Won Hong").
    """
    gap = text[start:stop]
    and_other = False
    lead = _COMMA_LEAD.match(gap)
    if lead is None:
        lead = _ELECTED_LEAD.match(gap) or _AND_OTHER.match(gap)
        and_other = lead is not None and lead.re is _AND_OTHER
        if lead is None:
            lead = _SPACE_LEAD.match(gap)
    if lead is None:
        return None
    pos = lead.end()
    first = OFFICE_START.match(gap, pos)
    if first is None:
        return None
    chunks: list[tuple[int, int, bool]] = []  # start, end, completes the chunk before it
    chunk_start, completes = pos, False
    while True:
        delimiter = _DELIMITER.search(gap, chunk_start)
        if delimiter is None:
            chunks.append((chunk_start, len(gap), completes))
            if before_name:
                # the last words run into the next name: they are its title ("..., KPA Vice
                # Marshal Kim Jong Gak"), with the words they complete ("Secretary of the C.C.,
                # the WPK Kim Yong Il")
                while chunks and chunks.pop()[2]:
                    pass
            break
        chunks.append((chunk_start, delimiter.start(), completes))
        chunk = gap[chunk_start : delimiter.start()]
        follow = gap[delimiter.end() :]
        completes_organ = bool(_CC_END.search(chunk)) and bool(_ORGAN_NEXT.match(follow))
        is_and = "," not in delimiter.group() and ";" not in delimiter.group()
        proper_noun = is_and and bool(_AND_NEXT.match(follow))
        another = OFFICE_START.match(follow) is not None and not _ARTICLE.match(follow)
        goes_on = completes_organ if and_other else completes_organ or another or proper_noun
        if not goes_on:
            break
        chunk_start, completes = delimiter.end(), (completes_organ or proper_noun) and not another
    if not chunks:
        return None
    end = chunks[-1][1]
    office = gap[pos:end]
    paragraph = _NEW_PARAGRAPH.search(office)
    if paragraph is not None:
        office = office[
            : paragraph.start()
        ]  # "..., alternate member of the Political Bureau\n\nBorn in"
    clause = _clause_start(office)
    if clause is not None:
        office = office[:clause]
    office = _TRAILER.sub("", office.rstrip().rstrip(",;").rstrip())
    if office.endswith(".") and not _INITIAL_END.search(office):
        office = office[:-1]
    if not office or OFFICE_START.match(office) is None:
        return None
    return PostOffice(
        start + pos,
        start + pos + len(office),
        bool(_PLURAL_HEAD.search(first.group())),
        and_other,
    )


_COMMA_LEAD = re.compile(r",\s+")
_SPACE_LEAD = re.compile(r"\s+(?=[a-z])")
_ORGAN_NEXT = re.compile(r"the\s|[A-Z]")
_AND_NEXT = re.compile(r"[A-Z]|(?:the\s+)?(?:people|army|state|government|party)\b")
_ARTICLE = re.compile(r"(?:a|an)\s")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_RESPECT = re.compile(r"^(?:the\s+)?(?:dear\s+)?(?:respected\s+)?")
_TITLE_WORDS = re.compile(
    r"(?:of|the|and|for|to|in|on|at|with|first|vice|alternate|candidate|department|deputy"
    r"|executive|standing|honorary|senior|chief|general|acting|permanent|political)$"
)


_HEAD_WORD = re.compile(f"(?:vice-|co-)?(?:{_HEADS})")


def read_lower_title(segment: str) -> tuple[str, bool] | None:
    """An office phrase in lower case standing right before a name: the descriptor of the names
    after it ("members of the Central Military Commission of the WPK Kim Won Hong, ...")."""
    words = re.sub(r"^and\s+", "", segment.strip())
    match = OFFICE_START.match(words)
    if match is None or match.start() != 0 or _ARTICLE.match(words):
        return None
    for word in words.split():
        bare = word.strip(",.;:'’()")
        if not bare or bare[:1].isupper() or bare[:1].isdigit():
            continue
        if not (_TITLE_WORDS.match(bare) or _HEAD_WORD.fullmatch(bare)):
            return None
    return words, bool(_PLURAL_HEAD.search(match.group()))


def read_pre_title(segment: str) -> tuple[str, bool] | None:
    """A title standing right before a name, ``segment`` being the words since the last comma
    or list word; returns the title (honorifics dropped) and whether it is plural ("KPA
    Generals"), or None when the words are not a title."""
    words = segment.strip()
    if not words or HONORIFICS.match(words):
        return None
    words = _RESPECT.sub("", words)
    match = PRE_TITLE.match(words)
    if match is None:
        return None
    head = match.group("head")
    return words, head.endswith("s") and not head.endswith("ss")


def is_foreign(office: str) -> bool:
    """An office of another state, party or organisation abroad (and not of the DPRK)."""
    return bool(FOREIGN.search(office)) and not DPRK.search(office)


_PLACE_TAIL = re.compile(r"(?:,\s+(?:in\s+)?[A-Z][\w.'’ -]{0,60}?(?=,|\.\s|\.$|\s+and\s|$)){1,2}")


def place_after(text: str, start: int, stop: int) -> str:
    """The place words that may follow an office (", in Changchun City of Jilin Province, China"):
    they tell a foreign office from a Korean one."""
    match = _PLACE_TAIL.match(text, start, stop)
    return match.group() if match else ""


_SPLIT = re.compile(r",\s+(?=\S)|\s+and\s+(?=\S)")
_NORMAL = (
    (re.compile(r"\bC\.C\.,?\s+(?:the\s+)?WPK\b"), "WPK Central Committee"),
    (
        re.compile(r"\bCentral Committee of the (?:WPK|Workers' Party of Korea)\b"),
        "WPK Central Committee",
    ),
    (re.compile(r"\b(?:the\s+)?WPK Central Committee\b"), "WPK Central Committee"),
    (re.compile(r"\bWorkers' Party of Korea\b"), "WPK"),
    (re.compile(r"\bPolitburo\b"), "Political Bureau"),
    (re.compile(r"\bKorean People's Army\b"), "KPA"),
    (re.compile(r"\bSupreme People's Assembly\b"), "SPA"),
)


def split_offices(office: str) -> list[str]:
    """The single offices of an office string: "member of the Presidium of the Political Bureau
    of the C.C., the WPK and premier of the Cabinet" gives the membership and the premiership.
    Splits at "and" or a comma only where another office begins; "concurrently" is dropped."""
    parts: list[str] = []
    current = 0
    for match in _SPLIT.finditer(office):
        follow = re.sub(r"^(?:concurrently|also)\s+", "", office[match.end() :])
        if OFFICE_START.match(follow) and not _CC_END.search(
            office[current : match.start()].rstrip()
        ):
            parts.append(office[current : match.start()])
            current = match.end()
    parts.append(office[current:])
    out = []
    for part in parts:
        part = re.sub(r"^(?:concurrently|also)\s+", "", part.strip(" ,;"))
        if part:
            out.append(part)
    return out


def office_key(title: str) -> str:
    """A key grouping spellings of one office: case, "C.C., the WPK" / "WPK Central Committee" /
    "Central Committee of the Workers' Party of Korea", plurals of the head word."""
    text = " ".join(title.split())
    for pattern, replacement in _NORMAL:
        text = pattern.sub(replacement, text)
    text = text.lower().replace("’", "'")
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    text = re.sub(
        r"\b(members|secretaries|chairmen|directors|premiers|ministers|presidents|chiefs|heads"
        r"|commanders|generals|deputies|ambassadors|delegates)\b",
        lambda m: _SINGULAR.get(m.group(1), m.group(1)),
        text,
        count=1,
    )
    return " ".join(re.sub(r"[^\w' -]+", " ", text).split())


_SINGULAR = {
    "members": "member",
    "secretaries": "secretary",
    "chairmen": "chairman",
    "directors": "director",
    "premiers": "premier",
    "ministers": "minister",
    "presidents": "president",
    "chiefs": "chief",
    "heads": "head",
    "commanders": "commander",
    "generals": "general",
    "deputies": "deputy",
    "ambassadors": "ambassador",
    "delegates": "delegate",
}
