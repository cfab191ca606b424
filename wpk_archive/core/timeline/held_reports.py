"""Whether a sentence reports a meeting it names as held or called, so that an unnumbered name
may be kept undated (a part of :mod:`.extract`; see :func:`needs_date`).

Rules:
- reported: a body "convened an enlarged meeting", "presides over a plenum", "At a plenary
  meeting of the ruling Workers' Party, Kim said", "the meeting, which was held ...", a list of
  meetings followed by "were held", an archive's title of one meeting ("reports on the Plenum of
  the Korean Workers' Party"), or one meeting to come ("could soon hold a plenary meeting of ...",
  "on the threshold of the plenary meeting", unless denied);
- not reported: meetings in general ("a plenary meeting is convened once a year", "has not held a
  plenum", "such issues are discussed at a meeting of ..."), or a plural name;
- an unnumbered name needs a date unless it is so reported, or it is a congress or conference
  (rare enough for the chronology to identify from the article's date and tense); a plural one
  always does."""

from __future__ import annotations

import re

from wpk_archive.core.timeline.found import Ref

_HELD_BEFORE = re.compile(
    r"\b(?:convened|convenes|convene|convening|convoked|convokes|held|holds|holding|hosted|"
    r"hosting|hosts|opened|opens|called|calls|presided\s+over|presides\s+over|presiding\s+over|"
    r"chaired|chairs|chairing|led|leads|leading|attended|attends|attending|addressed|guided|"
    r"preceded\s+by|followed\s+by)\s+"
    r"(?:(?:the|an?|its|another)\s+)?"
    r"(?:(?!(?:of|for|to|in|on|at|by|with|and|or)\b)[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_HELD_AFTER = re.compile(
    r"^(?:\s*\([^()]{1,30}\))?\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|is|were|has\s+been|had\s+been|"
    r"had|has|will\s+be)\s+)?(?:(?:just|recently|then|now|also)\s+)?(?:held|convened|convoked|"
    r"opened|closed|concluded|met|meets|ended|took\s+place|takes\s+place|will\s+take\s+place)\b",
    re.IGNORECASE,
)
_HELD_IN = re.compile(r"\b(?:convened|held|opened|called|met)\s+(?:an?|its|another)\s", re.I)
"""Inside a name whose body is the subject: "the political bureau convened an enlarged meeting"."""
_LIST_HELD = re.compile(
    r"\b(?:were|was)\s+(?:\w+ly\s+)?(?:held|convened|opened)\b|\btook\s+place\b"
)
"""After a list of meetings, its verb: "The Conferences of ... Provinces ... to elect delegates to
the WPK Conference were held"."""
_AT_ONE = re.compile(
    r"\b[Aa]t\s+(?:an?\s+|the\s+(?:first|second|third|fourth|fifth|last|latest|recent|opening|closing|"
    r"final)\s+)(?:[\w'’-]+\s+){0,2}$"
)
"""Before a name: "At a plenary meeting of the ruling Workers' Party, Kim said"."""
_ABOUT_THE = re.compile(
    r"\b(?:reports?|reported|reporting|discuss(?:es|ed|ing)?|information|speech(?:es)?|notes?|"
    r"details?|remarks?|materials?|documents?|resolutions?|results?|minutes|records?|"
    r"preparations?|work)\s+(?:on|about|at|regarding|concerning|of|from|for|during)\s+the\s+"
    r"(?:North\s+)?$",
    re.IGNORECASE,
)
_PROPER_HEAD = re.compile(r"\b(?:Plenum|Meeting|Session|Congress|Conference)\b")
"""An archive's description of one meeting, named as a title: "Information about the North
Korean Workers Party Central Committee Meeting", "reports on the Plenum of the Korean Workers'
Party"."""
_PLANNED_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|(?:is|are)\s+(?:expected|set|likely|due|scheduled|going|poised)\s+to|"
    r"plans?\s+to|planning\s+to|decided\s+to|agreed\s+to|to)\s+(?:soon\s+|likely\s+|also\s+|"
    r"again\s+|shortly\s+)?(?:hold|convene|convoke|open|call)\s+(?:a|an|its|another|the)\s+"
    r"(?:(?!(?:of|for|to|in|on|at|by|with|and|or)\b)[\w'’-]+\s+){0,3}$"
    r"|\b(?:ahead\s+of|on\s+the\s+(?:threshold|eve)\s+of|in\s+the\s+run-up\s+to|in\s+preparation\s+"
    r"for|prior\s+to)\s+(?:the|an?|its)\s+(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:the|an?|its)\s+(?:upcoming|forthcoming|coming|planned|scheduled|next)\s+(?:[\w'’-]+\s+){0,2}$"
    r"|\b(?:imminent|planned|upcoming|forthcoming)\s+(?:convening|convocation|holding)\s+of\s+(?:the|an?)\s+"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
"""Before a name, one meeting to come: "North Korea could soon hold a plenary meeting of ...",
"on the threshold of the plenary meeting of the Party Central Committee"."""
_NEGATED = re.compile(r"\b(?:not|never|no|without)\b|n['’]t\b", re.IGNORECASE)
_PLURAL_NAME = re.compile(r"\b(?:meetings|plenums|plena|sessions|congresses|conferences)\b", re.I)
_GENERIC = re.compile(
    r"\b(?:once|every|each|regularly|usually|normally|typically|generally|customarily|"
    r"traditionally|annually|often|always|rarely|shall|should|must|may|in\s+recent\s+years|"
    r"can|could|not|never|no|without|whenever|if|unless)\b|n['’]t\b"
    # the present passive of rules and habits: "such issues are discussed at a meeting of ..."
    r"|\b(?:are|is)\s+(?:\w+ly\s+)?(?:\w+ed|made|taken|given|held|chosen)\b",
    re.IGNORECASE,
)


def reported_as_held(sentence: str, start: int, end: int, *, listed: bool = False) -> bool:
    """Whether the sentence reports one meeting named at ``start:end`` as an event of its own:
    a body "convened an enlarged meeting", "presides over a plenum", "Another plenum will be
    convened". Not where the sentence speaks of meetings in general ("a plenary meeting is
    convened once a year", "has not held a plenum")."""
    before = sentence[max(0, start - 80) : start]
    after = sentence[end : end + 80]
    name = sentence[start:end]
    if _PLURAL_NAME.search(name) and not listed:  # (not "the Conferences of A and B Provinces")
        return False
    if _PLANNED_BEFORE.search(before):
        return _NEGATED.search(before[-50:]) is None
    if not (
        _HELD_BEFORE.search(before)
        or _HELD_AFTER.match(after)
        or _HELD_IN.search(name)
        or _AT_ONE.search(before)
        or (listed and _LIST_HELD.search(sentence, end, end + 160))
        or (_ABOUT_THE.search(before) and _PROPER_HEAD.search(name))
    ):
        return False
    return _GENERIC.search(before[-50:] + " " + after[:50]) is None


def needs_date(
    ref: Ref,
    sentence: str = "",
    start: int = 0,
    end: int = 0,
    *,
    plural: bool = False,
    listed: bool = False,
) -> bool:
    """Whether a mention of ``ref`` says too little to be kept undated: unnumbered names ("a
    meeting of the Political Bureau"), except where the sentence reports that one meeting as
    held or called (`reported_as_held`: the event of an article that does not date it), and
    except congresses and conferences, which are rare enough for the reference chronology to
    identify from the article's date and tense ("the WPK Conference reelected him" in 2011 is the
    3rd; "the forthcoming Conference" in February 2012 the 4th)."""
    if ref.key.split(":")[-1] != "?":
        return False
    if plural:
        return True  # "the congresses of the WPK": which, only their dates say
    if ref.kind in ("party_congress", "party_conference"):
        return False
    return not (sentence and reported_as_held(sentence, start, end, listed=listed))
