"""Which date of a Korean sentence belongs to which meeting, and what the sentence says of it.

Korean puts the verb last and a date either right after the subject or before the whole name, so
:mod:`.dating`'s English gap rules do not apply. :func:`assign_dates_ko` ties a date to a meeting,
most direct first:

1. the name is the subject or object of a verb of holding and the date stands between them:
   "전원회의가 6월 28일부터 7월 1일까지 당중앙위원회 본부청사에서 진행되었다", "X를 28일 소집한다";
   not after 에서/에/의 ("X에서 '6월 하순' 소집하기로 결정" dates what X decided), nor after a
   sitting ("X 2일 차 회의가 어제 진행됐다" dates the second day's sitting);
2. the date stands before the name:
   - with a verb of holding in a relative clause: "28일 열린 당중앙위 8기9차 전원회의",
     "2021년 1월 5일 평양에서 개막한 조선로동당 제8차 대회";
   - directly: "2021년 제8차 당대회에서", "1980년 10월의 조선로동당 제6차대회", "어제(9일) 노동당
     정치국 확대회의를 지도했다" — but not a report's date ("통신은 27일 ...", "27일 보도했다");
   - with a place between, the name then being the subject of a verb of holding: "2024년 6월
     28일부터 7월 1일까지 당중앙위원회 본부청사에서 X가 진행되었다";
3. coordinated dates ("2013년 1월과 2017년 12월에 당세포비서대회를 개최했고", "1948년, 1956년 ...
   여섯 차례 당대회를") give an unnumbered name one meeting per date.
A weekday or 오늘/어제 dates a meeting only with a verb of holding (as in English).

:func:`status_ko` tells held, announced or postponed; :func:`role_ko` whether a one-day date is only
the opening (개막, 소집) or closing (폐막) day.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wpk_archive.core.dates import DateMention
from wpk_archive.core.timeline.found import Found
from wpk_archive.core.timeline.names_ko import sitting_day_after

_HOLD = re.compile(
    r"진행|열리|열린|열렸|열릴|열고|열어|열었|엽니|연다|개최|개막|폐막|소집|개회|폐회|시작|마무리|"
    r"마쳤|끝났|끝내|끝으로|가졌|가지|치러|돌입"
)
_REL_CLAUSE = re.compile(
    r"(?:열린|열리는|열릴|열렸던|열었던|가진|치러진|있은|있었던|연|"
    r"(?:진행|개최|소집|개막|폐막|개회|폐회)(?:된|되는|될|됐던|되었던|되였던|한|하는|할|했던|하였던))"
    r"\s*(?:[^\s]+\s+)?$"
)
_IMMEDIATE = re.compile(r"\s*[/(:,]?\s*")
_GAP_PHRASES = re.compile(
    r"주재로|주재\s?하에|주재\s?아래|사회로|지도\s?밑에|참석\s?하에|참석한\s?가운데"
)
_SUBJECTS = re.compile(
    r"(?:북한|북측|북|조선|당|노동당|로동당|정부|김정은|위원장|총비서|국무위원장|최고지도자|[가-힣]{1,4}장)"
    r"(?:은|는|이|가)?"
)
_VERB_END = re.compile(r"(?:다|고|며|면|는|던|된|한|할|될|린|릴|을|를|와|과|로|도|만|까지|후|뒤)$")
_DECISION = re.compile(r"\s*(?:를|을)?\s*(?:소집|개최)함에\s*대")
_OPEN_WORD = re.compile(r"개막|개회|시작")
_CLOSE_WORD = re.compile(r"폐막|폐회|끝으로|마무리|끝났|끝내|마쳤")
_BARE_TEXT = re.compile(r"(?:비상\s?)?(?:확대\s?)?(?:전원\s?)?회의|대회|대표자\s?회|본회의")
_CLAUSE_END = re.compile(r"다(?=[.\s\"”’'」』,]|$)|[.!?。](?:\s|$)|[\"“”]")
_REPORT_BEFORE = re.compile(
    r"(?:통신|신문|방송|TV|매체|보도|통신사|뉴스|노동신문|로동신문)(?:은|는|이|가|도)\s*$"
)
_REPORT_AFTER = re.compile(r"\s*(?:자\s)?(?:보도|발표|밝혔|밝히|전했|전하|공개|말했|주장)")
_NO_PARTICLE = re.compile(
    r"\s*(?:에서|에는|에선|에(?!\s*돌입)|의|와|과|로|으로|이후|이전|당시|때|결정|준비|직후)"
)
_BRACKETS = re.compile(r"\s*\([^()]{0,40}\)")
_AND_ANOTHER = re.compile(r"^\s*(?:와|과)\s*(?:[가-힣]+\s?)?회의(?=를|을|가|이)")
_TRIVIAL_GAP = re.compile(r"(?:\s|,|의|\(현지시간\))*")
_TRIVIAL_HELD_GAP = re.compile(r"(?:\s|,|의|에|부터|\(현지시간\))*")
_LIST_GAP = re.compile(r"\s*(?:,|、|과|와|및)\s*")
_COUNT_GAP = re.compile(
    r"\s*(?:까지|에)?\s*(?:모두|총|등)?\s*(?:\d+|[가-힣]{1,2})\s*(?:차례|번)\s*(?:의\s*)?"
)
_MAX_GAP = 80
_PLAIN_KINDS = ("date", "range", "year", "juche")


def _free(dates: list[DateMention], found: list[Found]) -> list[int]:
    """Indexes of the dates that are neither a dateline nor inside a meeting's name."""
    return [
        i
        for i, d in enumerate(dates)
        if d.kind not in ("dateline", "decade")
        and not any(f.start <= d.start < f.end for f in found)
    ]


def _clause_end(sentence: str, start: int) -> int:
    end = _CLAUSE_END.search(sentence, start)
    return end.start() if end else len(sentence)


def _other_name_between(found: list[Found], start: int, end: int, meeting: Found) -> bool:
    return any(f is not meeting and start <= f.start < end for f in found)


def _after(
    sentence: str,
    meeting: Found,
    found: list[Found],
    dates: list[DateMention],
    free: list[int],
    used: set[int],
) -> int | None:
    """Rule 1: the first free date after the name, in its clause, followed by a verb of holding."""
    tail = _BRACKETS.match(sentence, meeting.end)
    start = tail.end() if tail else meeting.end
    if _NO_PARTICLE.match(sentence, start) or sitting_day_after(sentence, meeting.end):
        return None
    for i in free:
        date = dates[i]
        if i in used or date.start < meeting.end:
            continue
        gap = sentence[meeting.end : date.start]
        if date.kind in _PLAIN_KINDS and _IMMEDIATE.fullmatch(gap):
            return i  # "제6차대회/1980.10.10~14", "X(2024년 6월 28일~7월 1일)"
        if (
            len(gap) > _MAX_GAP
            or _CLAUSE_END.search(gap)
            or _HOLD.search(gap)
            or _other_name_between(found, meeting.end, date.start, meeting)
        ):
            return None
        limit = _clause_end(sentence, date.end)
        later = [f.start for f in found if date.end <= f.start < limit]
        later += [d.start for d in dates if date.end <= d.start < limit]
        window = sentence[date.end : min([limit, *later, date.end + 60])]
        return i if _HOLD.search(window) and not _REPORT_AFTER.match(sentence, date.end) else None
    return None


def _before(
    sentence: str,
    meeting: Found,
    found: list[Found],
    dates: list[DateMention],
    free: list[int],
    used: set[int],
) -> int | None:
    """Rule 2: the nearest free date before the name, qualifying it."""
    earlier_end = max(
        (f.end for f in found if f.end <= meeting.start and f is not meeting), default=0
    )
    candidates = [
        i
        for i in free
        if i not in used and earlier_end <= dates[i].start and dates[i].end <= meeting.start
    ]
    if not candidates:
        return None
    i = candidates[-1]
    date = dates[i]
    gap = sentence[date.end : meeting.start]
    if len(gap) > _MAX_GAP or _CLAUSE_END.search(gap) or re.search(r"[\"“”‘’'《》「」]", gap):
        return None
    if re.search(r"[가-힣]\s*(?:후|뒤|이후|만에|만인)\s", gap):
        return None  # "(94년 7월)한 후 처음으로 열린 X": the date is of what came before
    if sitting_day_after(sentence, meeting.end) or _DECISION.match(sentence, meeting.end):
        return None
    if _REPORT_BEFORE.search(sentence, max(0, date.start - 14), date.start):
        return None
    if _REPORT_AFTER.match(gap):
        return None
    if meeting.plural and _COUNT_GAP.fullmatch(gap):
        return i  # "1948년, 1956년 ... 1980년까지 모두 여섯 차례 당대회를"
    plain = date.kind in _PLAIN_KINDS
    rest = sentence[meeting.end : _clause_end(sentence, meeting.end)]
    rest = _AND_ANOTHER.sub("", rest, count=1)  # "X와 비공개회의를 열고": both were held
    held_after = _HOLD.search(rest[:60]) is not None and not _NO_PARTICLE.match(rest)
    if _REL_CLAUSE.search(gap):
        return i
    if _TRIVIAL_GAP.fullmatch(gap) and (plain or held_after):
        return i
    if _TRIVIAL_HELD_GAP.fullmatch(gap) and held_after:
        return i  # "내년 1월에 8차 당대회를 소집하기로", "지난 9일부터 당 전원회의에 돌입했다"
    if len(gap) <= 50 and held_after and not _HOLD.search(gap) and _modifiers_only(gap):
        return i  # "6월 28일부터 7월 1일까지 당중앙위원회 본부청사에서 X가 진행되었다"
    return None


def _modifiers_only(gap: str) -> bool:
    """Whether the words between a date and a name only say where, under whom, or which: "당중앙위원회
    본부청사에서", "김정은 국무위원장 주재로", "북한은", "김정은 정부의 6번째" (no verb of its own)."""
    words = _GAP_PHRASES.sub(" ", gap).replace(",", " ").split()
    for word in words:
        if word.endswith(("에서", "에서는")) or _SUBJECTS.fullmatch(word):
            continue
        if re.fullmatch(r"\d+번째|첫|[가-힣]{1,2}\s?번째|\(?[^()]*\)", word):
            continue
        if word.endswith("의") or not _VERB_END.search(word):
            continue
        return False
    return True


def _run(
    dates: list[DateMention], free: list[int], used: set[int], i: int, sentence: str
) -> list[int]:
    """The coordinated dates around date ``i`` ("2013년 1월과 2017년 12월"), in order."""
    position = free.index(i)
    run = [i]
    for j in free[position + 1 :]:
        if j in used or not _LIST_GAP.fullmatch(sentence[dates[run[-1]].end : dates[j].start]):
            break
        run.append(j)
    for j in reversed(free[:position]):
        if j in used or not _LIST_GAP.fullmatch(sentence[dates[j].end : dates[run[0]].start]):
            break
        run.insert(0, j)
    return run


def assign_dates_ko(sentence: str, found: list[Found], dates: list[DateMention]) -> None:
    """Give each meeting of a Korean sentence the date that belongs to it (see the docstring)."""
    free = _free(dates, found)
    used: set[int] = set()
    order = sorted(
        found,
        key=lambda f: (f.anaphor or bool(_BARE_TEXT.fullmatch(sentence[f.start : f.end])), f.start),
    )
    for rule in (_after, _before):
        for meeting in order:
            if meeting.date is not None:
                continue
            i = rule(sentence, meeting, found, dates, free, used)
            if i is None:
                continue
            if meeting.date_name is not None and not dates[i].start_date.startswith(
                meeting.date_name.lstrip("-")[-7:]
                if not meeting.date_name.startswith("--")
                else dates[i].start_date[:4] + meeting.date_name[1:]
            ):
                continue  # "2013년 3월전원회의" takes only a date of its March
            if rule is _after:
                opening = _before(sentence, meeting, found, dates, free, used | {i})
                if opening is not None and _opened_and_closed(sentence, dates, opening, i):
                    meeting.date = _joined(dates[opening], dates[i])
                    used.update((opening, i))
                    continue
            run = _run(dates, free, used, i, sentence)
            if len(run) > 1 and meeting.ref.key.endswith(":?"):
                meeting.date = dates[run[0]]
                for j in run[1:]:
                    found.append(replace(meeting, date=dates[j]))
                used.update(run)
            else:
                meeting.date = dates[i]
                used.add(i)
    found[:] = [f for f in found if not (f.plural and f.date is None)]  # "2차례 열린 당 대표자회"


def _opened_and_closed(sentence: str, dates: list[DateMention], opening: int, closing: int) -> bool:
    """ "5일 평양에서 개막한 X가 12일을 끝으로 마무리됐다": the opening day before the name, the
    closing day after it."""
    first, last = dates[opening], dates[closing]
    return (
        first.precision == "day" == last.precision
        and first.start_date < last.start_date
        and _OPEN_WORD.search(sentence, first.end, first.end + 40) is not None
        and _CLOSE_WORD.search(sentence, last.end, last.end + 40) is not None
    )


def _joined(first: DateMention, last: DateMention) -> DateMention:
    """One range from an opening day to a closing day."""
    return DateMention(
        first.start,
        last.end,
        f"{first.text} … {last.text}",
        first.start_date,
        last.end_date,
        "day",
        first.year_inferred or last.year_inferred,
        "range",
    )


_POSTPONED_KO = re.compile(r"연기")
_ANNOUNCED_KO = re.compile(
    r"소집(?:한다|할|하기로|키로|하게|될|된다|함|에\s*관|에\s*대|을\s*결정|\s*결정|을\s*예고)|"
    r"열(?:린다|릴|기로|게\s*된다|리게)|엽니다|연다|"
    r"개최(?:한다|할|하기로|키로|될|된다|합니다|를\s*결정|\s*결정)|진행(?:된다|될|하게)|개회할|개막할|"
    r"예정|앞두고|앞둔|준비"
)
_HELD_KO = re.compile(
    r"진행(?:되었|되였|됐|했|하였|된|되고)|열렸|열린|열었|열고|개최(?:했|하였|됐|되었|된|한)|개막|폐막|"
    r"소집(?:되었|되였|됐|했|하였|된|돼)|마무리|마쳤|끝났|가졌"
)


def status_ko(sentence: str, meeting: Found, doc_date: str | None) -> str | None:
    """ "held", "announced" or "postponed" as the Korean sentence tells of the meeting."""
    window = sentence[max(0, meeting.start - 30) : min(len(sentence), meeting.end + 100)]
    if _POSTPONED_KO.search(window):
        return "postponed"
    date = meeting.date
    if _ANNOUNCED_KO.search(window) and (
        date is None
        or doc_date is None
        or date.start_date[: len(doc_date)] >= doc_date[: len(date.start_date)]
    ):
        return "announced"
    if date is not None and doc_date is not None and date.start_date[:10] > doc_date:
        return "announced"
    if date is not None or _HELD_KO.search(window):
        return "held"
    return None


_OPENING_KO = re.compile(r"개막|개회|시작|소집(?:되|됐|돼)")
_CLOSING_KO = re.compile(r"폐막|폐회|마무리|끝났|끝내|마쳤")


def role_ko(sentence: str, meeting: Found) -> str | None:
    """ "opening" or "closing" when the one-day date of a meeting is only its first or last day."""
    date = meeting.date
    if date is None or date.start_date != date.end_date or date.precision != "day":
        return None
    lo = min(meeting.start, date.start)
    hi = max(meeting.end, date.end)
    between = sentence[lo : _clause_end(sentence, hi) + 1]
    opening, closing = _OPENING_KO.search(between), _CLOSING_KO.search(between)
    if opening and not closing:
        return "opening"
    if closing and not opening:
        return "closing"
    return None


__all__ = ["assign_dates_ko", "role_ko", "status_ko"]
