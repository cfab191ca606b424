"""Date mentions in Korean text, with the same contract as :func:`wpk_archive.core.dates.find_dates`.

Every mention is a :class:`~wpk_archive.core.dates.DateMention`: a half-open span into the text,
ISO dates written at their precision ("2024", "2024-06", "2024-06-28"), the precision, whether the
year (or month) came from the publication date rather than the text (``year_inferred``), and a kind:
"date", "range" (its precision is the coarser end's), "year", "juche", "decade", "relative"
(오늘, 어제, 그저께), "weekday" or "dateline". Only real calendar dates are reported.

Forms read:
- 2024년 6월 28일, 2024년 6월, 6월 28일, 2024년, 2024년도; 주체113(2024)년, 주체113년 (kind "juche"
  when alone), 주체113(2024)년 6월 28일; 94년 4월 (a two-digit year, only before a month);
- ranges: 6월 28일부터 7월 1일까지, 2023년 12월 26일부터 30일까지, 12월26~30일, 28일부터 30일까지,
  지난 7~8일, 1980.10.10~14;
- 2024.6.28., 2024. 6. 28., 2022.12.27 (a dotted date needs its four-digit year: 4.25문화회관 and
  6.25 are names, not dates);
- 1980년대 (the ten years, kind "decade");
- relative to the publication date: 지난해 12월, 올해 4월, 내년 1월, 올 연말; 지난 5월24일, 오는 28일;
  지난달 28일, 내달 5일, 이달 초순; 지난 일요일; 오늘, 어제, 그저께, 전날, 이틀 후 (kind "relative",
  only where a verb of holding follows in the same clause, as "held today" in English); 어제(9일)
  and 전날인 19일 read as the day given; 6월 21일부터 사흘간 is 21-23 June;
- parts of a month: 6월 상순/중순/하순, 6월 초/말, 초순 — early, mid and late June are all *month*
  precision ("2024-06"): the part is kept in the mention's text, not in its dates; a year's end
  (2023년 말, 올 연말, 지난해 말) is its December, and 연말 alone the publication year's (the year
  before's, in the first half); its beginning (내년 초) only the year;
- the datelines of KCNA's Korean service, "【평양 6월 29일발 조선중앙통신】", "(평양 10월 9일발
  조선중앙통신)", "【22일발 조선중앙통신】" (kind "dateline", the first 300 characters only).

How a date without its year or month is placed (``doc_date`` is the publication date, the *anchor*
is ``weekday_anchor``, else the text's dateline, else ``doc_date``):
- a month and day, or a month: in the publication year, or the year before when the month lies more
  than six months after the publication month (as in English); "지난" (last) puts it on or before
  the publication date, "오는" (coming) after it;
- a day alone ("28일", "지난 19일"): in the anchor's month, or the month before or after, whichever
  is nearest to the anchor, a later date counting triple (news tells more of what has just happened
  than of what is to come); "지난 N일" is always on or before the anchor, "오는 N일" after it;
- a weekday: the last such day on or before the anchor (지난: before it; 오는/다음: after it).
Without ``doc_date`` (and anchor) such mentions are skipped, never guessed.

Numbers that are not dates stay so: 제8기 제10차, 5개년 계획, 4,750명, 3차, 100%, 1호, 2만 t, 3일간,
5년 만에, 3일회의 (a congress's third-day sitting), 2일 차.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from wpk_archive.core.dates import MAX_YEAR, MIN_YEAR, DateMention
from wpk_archive.core.dates_ko_parts import (
    DASH,
    DAY,
    MONTH,
    NO_DIGIT_BEFORE,
    POINT,
    QUAL,
    REL_MONTH,
    YEAR,
    Context,
    Parts,
    iso_of,
    place_day,
    precision_of,
    resolve,
    shift_month,
)

_HANGUL = re.compile("[\uac00-\ud7a3]")


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds a Hangul syllable (cheap on ASCII text)."""
    return not text.isascii() and _HANGUL.search(text) is not None


_Found = tuple[int, int, str, str, bool, str]
_Reader = Callable[[re.Match[str], Context], list[_Found]]


def _single(match: re.Match[str], ctx: Context) -> list[_Found]:
    """One point: a date, a month, or a year (kind "year", "juche" for a Juche year alone)."""
    parts = Parts(match.group(0))
    resolved = resolve(parts, ctx)
    if resolved is None:
        return []
    iso, inferred = resolved
    kind = "date"
    if parts.month is None and parts.day is None and parts.rel_month is None and not parts.year_end:
        kind = "juche" if parts.juche else "year"
    return [(match.start(), match.end(), iso, iso, inferred, kind)]


def _coarser(a: str, b: str) -> int:
    return min(len(a), len(b))


def _range(match: re.Match[str], ctx: Context) -> list[_Found]:
    """ "A부터 B까지", "A~B": the parts missing on either side are taken from the other."""
    left, right = Parts(match.group("a")), Parts(match.group("b"))
    if right.qual is not None:
        return []
    if left.year is None and left.rel_year is None:
        left.year, left.rel_year, left.two_digit = right.year, right.rel_year, right.two_digit
    if left.month is None and left.rel_month is None and left.day is not None:
        left.month, left.rel_month = right.month, right.rel_month
    first = resolve(left, ctx)
    if first is None:
        return []
    begin = first[0]
    year = int(begin[:4])
    right_year = right.year is not None or right.rel_year is not None
    if not right_year:
        right.year, right.two_digit = year, False
    if right.month is None and right.rel_month is None and right.day is not None:
        if len(begin) < 10:
            return []
        right.month = int(begin[5:7])
        if right.day < int(begin[8:10]):  # "28일부터 2일까지": into the next month
            right.year, right.month = shift_month(year, right.month, 1)
    second = resolve(right, ctx)
    if second is None:
        return []
    finish = second[0]
    size = _coarser(begin, finish)
    begin, finish = begin[:size], finish[:size]
    if finish < begin and not right_year and len(begin) >= 7:
        bumped = iso_of(year + 1, right.month, right.day if size == 10 else None)
        finish = bumped[:size] if bumped else finish
    if finish < begin:
        return []
    inferred = first[1] or (second[1] and not right_year)
    return [(match.start(), match.end(), begin, finish, inferred, "range")]


def _for_days(match: re.Match[str], ctx: Context) -> list[_Found]:
    """ "6월 21일부터 사흘간", "5일부터 8일간": from the day, for that many days."""
    resolved = resolve(Parts(match.group("a")), ctx)
    count = _days(match.group("dur"))
    if resolved is None or count is None or len(resolved[0]) != 10 or not 1 <= count <= 31:
        return []
    first = dt.date.fromisoformat(resolved[0])
    last = first + dt.timedelta(days=count - 1)
    return [(match.start(), match.end(), resolved[0], last.isoformat(), resolved[1], "range")]


def _year_end(match: re.Match[str], ctx: Context) -> list[_Found]:
    """ "연말" alone: the December of the publication year (of the year before, in its first half)."""
    if ctx.doc_date is None:
        return []
    year = ctx.doc_date.year - (1 if ctx.doc_date.month < 7 else 0)
    return [(match.start(), match.end(), f"{year:04d}-12", f"{year:04d}-12", True, "date")]


def _dotted(match: re.Match[str], ctx: Context) -> list[_Found]:
    """ "2024.6.28.", "2024. 6. 28.", "1980.10.10~14"."""
    year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
    begin = iso_of(year, month, day)
    if begin is None:
        return []
    if match.group("d2"):
        finish = iso_of(year, month, int(match.group("d2")))
        if finish is None or finish < begin:
            return []
        return [(match.start(), match.end(), begin, finish, False, "range")]
    return [(match.start(), match.end(), begin, begin, False, "date")]


def _decade(match: re.Match[str], ctx: Context) -> list[_Found]:
    """ "1980년대": the ten years of the decade."""
    year = int(match.group("dec"))
    if not MIN_YEAR <= year <= MAX_YEAR - 9:
        return []
    return [(match.start(), match.end(), f"{year:04d}", f"{year + 9:04d}", False, "decade")]


_WEEKDAYS = "월화수목금토일"


def _weekday(match: re.Match[str], ctx: Context) -> list[_Found]:
    """ "지난 일요일", "금요일": the last such day on or before the anchor (see the docstring)."""
    anchor = ctx.anchor
    if anchor is None:
        return []
    wanted = _WEEKDAYS.index(match.group("wd"))
    back = (anchor.weekday() - wanted) % 7
    qual = match.group("wq")
    if qual == "지난" and back == 0:
        back = 7
    if qual in ("오는", "다음", "다가오는"):
        ahead = (wanted - anchor.weekday()) % 7 or 7
        day = anchor + dt.timedelta(days=ahead)
    else:
        day = anchor - dt.timedelta(days=back)
    iso = day.isoformat()
    return [(match.start(), match.end(), iso, iso, True, "weekday")]


_HOLDING_AFTER = re.compile(
    r"(?:열[리린릴렸었어고]|엽니|연다|개최|진행|개막|폐막|소집|개회|폐회|시작|마무리|마쳤|끝났|끝내)"
)
_PAST_HOLDING = re.compile(
    r"열린|열렸|열었|(?:진행|개최|소집|개막|폐막)(?:된|됐|되었|되였|했|하였)|가졌"
)
_DAY_IN_TEXT = re.compile(r"(?<![\d,.])([12]\d|3[01]|0?[1-9])\s*일(?![가-힣])")
_CLAUSE_END = re.compile(r"[.!?。]\s|[.!?。]$|다[\"”’'」』]")
_REL_DAYS = {
    "오늘": 0,
    "금일": 0,
    "어제": -1,
    "작일": -1,
    "전날": -1,
    "그저께": -2,
    "그제": -2,
    "내일": 1,
}
_COUNTED_DAYS = {
    "하루": 1,
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "여드레": 8,
    "아흐레": 9,
    "열흘": 10,
}


def _days(word: str) -> int | None:
    """The number of days of "사흘", "3일", "3일간"."""
    word = re.sub(r"\s|간|동안", "", word)
    if word in _COUNTED_DAYS:
        return _COUNTED_DAYS[word]
    digits = re.match(r"(\d{1,2})일$", word)
    return int(digits.group(1)) if digits else None


def _relative_day(match: re.Match[str], ctx: Context) -> list[_Found]:
    """ "오늘", "어제", "그저께", "전날", "이틀 후": only where a verb of holding follows in the same
    clause."""
    anchor = ctx.anchor
    if anchor is None:
        return []
    text = match.string
    end = _CLAUSE_END.search(text, match.end())
    clause = text[match.end() : end.start() if end else len(text)][:150]
    if not _HOLDING_AFTER.search(clause):
        return []
    base = anchor
    if match.group("rel"):
        shift = _REL_DAYS[match.group("rel")]
    else:
        count = _days(match.group("count"))
        if count is None:
            return []
        shift = count if match.group("dir") in ("후", "뒤") else -count
        if shift > 0 and _PAST_HOLDING.search(clause):
            # "이틀 후 열린 X" tells of the past: two days after a day the sentence names
            earlier = [d for d in _DAY_IN_TEXT.finditer(text, 0, match.start())]
            if not earlier:
                return []
            placed = place_day(int(earlier[-1].group(1)), None, anchor)
            if placed is None:
                return []
            base = dt.date(placed[0], placed[1], int(earlier[-1].group(1)))
    day = base + dt.timedelta(days=shift)
    iso = day.isoformat()
    return [(match.start(), match.end(), iso, iso, True, "relative")]


def _relative_with_day(match: re.Match[str], ctx: Context) -> list[_Found]:
    """ "어제(9일)", "오늘(22일)", "전날인 19일": the day given with it, placed as a day alone."""
    anchor = ctx.anchor
    if anchor is None:
        return []
    placed = place_day(int(match.group("d")), None, anchor)
    if placed is None:
        return []
    iso = iso_of(placed[0], placed[1], int(match.group("d")))
    return [(match.start(), match.end(), iso, iso, True, "date")] if iso else []


_DATELINE = re.compile(
    r"[【\[(（]\s*(?:[가-힣]{2,8}\s+)?(?P<body>(?:(?:1[0-2]|0?[1-9])\s*월\s*)?(?:[12]\d|3[01]|0?[1-9])\s*일)"
    r"\s*발\s*(?:조선중앙통신|조선통신|조선중앙방송|로동신문)\s*[】\])）]"
)

_RULES: list[tuple[re.Pattern[str], _Reader]] = [
    (
        re.compile(
            r"(?<![\d.])(?P<y>(?:1[89]|20)\d\d)\.\s?(?P<m>1[0-2]|0?[1-9])\.\s?"
            r"(?P<d>[12]\d|3[01]|0?[1-9])(?![\d])\.?"
            rf"(?:\s*{DASH}\s*(?P<d2>[12]\d|3[01]|0?[1-9])(?![\d.]))?"
        ),
        _dotted,
    ),
    (re.compile(r"(?<![\d,.])(?P<dec>(?:1[89]|20)\d0)\s*년대"), _decade),
    (
        re.compile(rf"(?P<a>{POINT})\s*(?:부터\s*{DASH}?|{DASH})\s*(?P<b>{POINT})(?:\s*까지)?"),
        _range,
    ),
    (
        re.compile(
            rf"(?P<a>{QUAL}?(?:{YEAR}\s*)?(?:{MONTH}\s*|{REL_MONTH}\s*)?{DAY})\s*부터\s*"
            r"(?P<dur>하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘|\d{1,2}\s*일)\s*(?:간|동안)"
        ),
        _for_days,
    ),
    (
        re.compile(
            rf"(?P<a>{QUAL}?(?:{YEAR}\s*)?(?:{MONTH}\s*)?{NO_DIGIT_BEFORE}(?:[12]\d|3[01]|0?[1-9]))"
            rf"\s*{DASH}\s*(?P<b>{DAY})"
        ),
        _range,
    ),
    (
        re.compile(
            r"(?:오늘|어제|그제|그저께|내일|전날)\s*(?:\(\s*|인\s+)(?P<d>[12]\d|3[01]|0?[1-9])\s*일(?:\s*\))?"
        ),
        _relative_with_day,
    ),
    (re.compile(POINT), _single),
    (re.compile(r"(?<![가-힣])연말(?=\s|에|의|을|$)"), _year_end),
    (
        re.compile(r"(?:(?P<wq>지난|오는|이번|다음|다가오는)\s*)?(?P<wd>[월화수목금토일])요일"),
        _weekday,
    ),
    (
        re.compile(
            r"(?<![가-힣])(?:(?P<rel>오늘|금일|어제|작일|그저께|그제|내일|전날)(?!날|이나|과|와|도\s*내일)"
            r"|(?P<count>하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|(?<!\d)\d{1,2}\s*일)\s*(?P<dir>후|뒤|전)"
            r"(?=\s|에|인|$))"
        ),
        _relative_day,
    ),
]

_DATEISH = re.compile(
    r"\d|요일|오늘|어제|그제|그저께|내일|금일|작일|전날|달|지난해|작년|올해|금년|내년|래년|이듬해|"
    r"연말|하루|이틀|사흘|나흘|닷새|엿새|이레|열흘"
)


def _parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_dateline_ko(text: str, *, doc_date: str | None = None) -> DateMention | None:
    """The dateline of a KCNA Korean-service text ("【평양 6월 29일발 조선중앙통신】"), if any, in
    its first 300 characters; a day without its month takes the publication date's month (or the
    one before, for a day after the publication day)."""
    match = _DATELINE.search(text[:300])
    doc = _parse_day(doc_date)
    if match is None or doc is None:
        return None
    parts = Parts(match.group("body"))
    if parts.day is None:
        return None
    if parts.month is None:
        year, month = doc.year, doc.month
        if parts.day > doc.day:
            year, month = shift_month(year, month, -1)
    else:
        month = parts.month
        year = doc.year - 1 if month - doc.month > 6 else doc.year
    iso = iso_of(year, month, parts.day)
    if iso is None:
        return None
    start, end = match.span("body")
    return DateMention(start, end, text[start:end], iso, iso, "day", True, "dateline")


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def find_dates_ko(
    text: str, *, doc_date: str | None = None, weekday_anchor: str | None = None
) -> list[DateMention]:
    """Every Korean date mention in ``text``, in text order, without overlaps.

    ``doc_date`` (YYYY-MM-DD) is the publication date; ``weekday_anchor`` (YYYY-MM-DD) the day that
    days alone, weekdays and 오늘/어제 are placed by (default: the text's dateline, else
    ``doc_date``). See the module docstring for the forms and the rules.
    """
    if not _DATEISH.search(text):
        return []
    dateline = find_dateline_ko(text, doc_date=doc_date)
    anchor = _parse_day(weekday_anchor) or (_parse_day(dateline.start_date) if dateline else None)
    ctx = Context(_parse_day(doc_date), anchor)
    found: list[DateMention] = [dateline] if dateline else []
    taken: list[tuple[int, int]] = [(dateline.start, dateline.end)] if dateline else []
    for pattern, reader in _RULES:
        for match in pattern.finditer(text):
            if _overlaps(taken, match.start(), match.end()):
                continue
            for start, end, begin, finish, inferred, kind in reader(match, ctx):
                start, end = _trim(text, start, end)
                if end <= start or _overlaps(taken, start, end):
                    continue
                taken.append((start, end))
                found.append(
                    DateMention(
                        start,
                        end,
                        text[start:end],
                        begin,
                        finish,
                        precision_of(begin),
                        inferred,
                        kind,
                    )
                )
    found.sort(key=lambda mention: (mention.start, mention.end))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


__all__ = ["find_dateline_ko", "find_dates_ko", "has_hangul"]
