"""Build tests/data/date_suite_parsedatetime.json from parsedatetime's English tests
(bear/parsedatetime, Apache-2.0).

Usage: python tests/data/date_suite_parsedatetime_build.py DIR COMMIT LICENSE

DIR holds the files FILES of tests/ of bear/parsedatetime at COMMIT (``for f in ...; do git -C
parsedatetime show COMMIT:tests/$f > DIR/$f; done``); LICENSE is its LICENSE.txt at COMMIT (the
Apache licence asks that a copy of the work carry it; its first lines are kept in the output).

Only the test strings, reference days and expected values are taken (data); no parsedatetime code
is used or run. parsedatetime's tests compute their expected values in Python from the day they
run (``time.localtime()``, ``datetime.now()``), so the builder runs the test methods themselves
against a recording stand-in: ``parsedatetime`` is replaced by a stub whose ``parse`` /
``evalRanges`` / ``nlp`` return the call (method, text, reference), ``time.localtime`` and
``datetime.now`` return RUN_NOW, and every assertion records the call and the expected value
instead of comparing. A test that needs the real parser's tables (``self.cal.ptc``) or reads the
parser's result stops there; what it recorded before is kept. The selection rule was written
down before dates.py was run on any of the texts, is applied here mechanically, and every
left-out check is kept in the output with its reason, so the rule can be checked.
"""

from __future__ import annotations

import calendar
import datetime as real_dt
import json
import re
import string
import sys
import types
import unittest
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("date_suite_parsedatetime.json")
# The tests run "now"; the builder runs them on the source commit's day, at noon (so no check
# crosses midnight).
RUN_NOW = real_dt.datetime(2024, 8, 7, 12, 0, 0)
FILES = (
    "TestSimpleDateTimes.py",
    "TestRanges.py",
    "TestPhrases.py",
    "TestUnits.py",
    "TestSimpleOffsets.py",
    "TestNlp.py",
    "TestAlternativeAbbreviations.py",
    "TestErrors.py",
    "TestDelta.py",
    "TestComplexDateTimes.py",
    "TestMultiple.py",
    "TestContext.py",
    "TestStartTimeFromSourceTime.py",
)

SELECTION = [
    "Source: every checked call of parse / evalRanges / nlp in the English test files FILES of "
    "parsedatetime's tests/ (the French, German, Russian and Australian locale tests are not "
    "English; TestInc, TestConvertUnitAsWords and TestLocaleBase check helpers, not texts). A "
    "check is a text, its reference time and the value the test expects; exact duplicates (same "
    "text, reference and value) are kept once. A check whose expected value is the reference "
    "itself with no accuracy (parsedatetime's 'no date') is a negative; nlp checks expecting "
    "None are negatives.",
    "A check is left out for the first of these reasons that applies:",
    "clock: the expected accuracy holds an hour, minute, second or part of the day, a range's "
    "flag is 2 (times), or the text holds a clock time or a part of the day (digits with am/pm "
    "or a.m./p.m., hh:mm, a bare 3-4 digit time, 'at N', noon, midnight, morning, afternoon, "
    "evening, night, tonight, breakfast, lunch, dinner, eod, hours, minutes, seconds, 'now' "
    "other than 'from now' / 'before now');",
    "jargon: a clipped word only a calendar tool reads (eom, eoy, units written d/dy/w/wk/y/yr/m, "
    "clipped weekdays other than the usual mon/tue(s)/wed/thu(r)(s)/fri/sat/sun: 'mond', 'frid', "
    "'wedn', 'sa', 'su', and clipped months other than jan/feb/mar/apr/jun/jul/aug/sep(t)/oct/"
    "nov/dec: 'janu', 'octo', 'novem'), a signed count ('-1 day', '4pm + 3 days');",
    "fractional: a fractional count ('1.4 months ago', '17.7 days ago');",
    "narrative: 'next day' (in news the day after a day the story told, not tomorrow);",
    "duration (kept as a negative when the text is only a count: '1 day', '3 years 2 weeks 5 "
    "days'): 'in N units', 'in a week': in news a length of time, not a date;",
    "unresolved: the expected value was computed from the parser's own tables (not available "
    "to the builder);",
    "Everything else is kept: written and numeric dates (month-first, parsedatetime's US order), "
    "yearless days, month-years, ranges of dates, weekdays relative to the reference, "
    "today/tomorrow/yesterday, counts ago / from now / before now, next/last week, next/last "
    "weekday, and the dated parts of an nlp sentence (one case per expected date that is not a "
    "clock time).",
]

SCORING = [
    "doc_date is the check's reference day (RUN_NOW's day, 2024-08-07, for the tests that run "
    "on the day they run).",
    "The grain is read from parsedatetime's expected accuracy: day (ACU_DAY), week (ACU_WEEK: "
    "Monday..Sunday holding the value), month (ACU_MONTH without a day), year (ACU_YEAR only); a "
    "range of dates is its two days. A count 'N units ago / from now / before now' is "
    "approximate at the grain of its unit (days and weeks: day; months: month; years: year), "
    "as in the natty suite.",
    "Conventions converted (parsedatetime's own value kept as parsedatetime_expected; it "
    "resolves toward the future, as a scheduler must): a bare weekday ('sunday', 'on Monday') is "
    "the last such day on or before the reference day (dates.py's documented rule); a yearless "
    "day takes the reference year, or the year before when its month lies more than six months "
    "after the reference month (the project's rule, as in the other suites); a bare month likewise.",
    "A reading is correct when exactly one mention of find_dates overlaps the case's span (the "
    "whole text, or the date words of an nlp sentence), the spans differ only by edge words and "
    "punctuation, and the mention's interval and precision agree with the expected (an "
    "approximate case: the expected interval lies within the mention's or the other way round, "
    "as judged by tests/core/test_date_suite_chrono.reads_as_expected).",
]

# --- running the tests against a recording stand-in ----------------------------------------------


class _Call:
    """What a stubbed parser call returns: the call itself."""

    def __init__(self, method: str, text: str, source: Any) -> None:
        self.method, self.text, self.source = method, text, source


class _Stub:
    """Accepts any attribute, call or item (constants, locales); its ``ptc`` is not available."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        if name == "ptc":
            raise AttributeError("the parser's tables are not available")
        return _Stub()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _Stub()

    def __setitem__(self, key: Any, value: Any) -> None:
        pass


class _Calendar(_Stub):
    def parse(self, text: str, source: Any = None, *args: Any, **kwargs: Any) -> _Call:
        return _Call("parse", text, source)

    def parseDT(self, text: str, source: Any = None, *args: Any, **kwargs: Any) -> _Call:
        return _Call("parse", text, source)

    def evalRanges(self, text: str, source: Any = None, *args: Any, **kwargs: Any) -> _Call:
        return _Call("evalRanges", text, source)

    def nlp(self, text: str, source: Any = None, *args: Any, **kwargs: Any) -> _Call:
        return _Call("nlp", text, source)


class _Context:
    ACU_YEAR, ACU_MONTH, ACU_WEEK, ACU_DAY = 1, 2, 4, 8
    ACU_HALFDAY, ACU_HOUR, ACU_MIN, ACU_SEC, ACU_NOW = 16, 32, 64, 128, 256

    def __init__(self, accuracy: int = 0) -> None:
        self.accuracy = accuracy

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Context) and other.accuracy == self.accuracy


class _Now(real_dt.datetime):
    @classmethod
    def now(cls, tz: Any = None) -> _Now:  # type: ignore[override]
        return cls(RUN_NOW.year, RUN_NOW.month, RUN_NOW.day, RUN_NOW.hour, RUN_NOW.minute)


def _module_globals(records: list[dict[str, Any]], where: list[str]) -> dict[str, Any]:
    pdt = types.SimpleNamespace(
        Calendar=_Calendar,
        Constants=_Stub,
        pdtLocales={},
        VERSION_CONTEXT_STYLE=2,
        VERSION_FLAG_STYLE=1,
    )

    def comparator_decorator(_comparator: Any) -> Any:
        def record(self: Any, result: Any, check: Any, *args: Any, **kwargs: Any) -> None:
            if isinstance(result, _Call):
                records.append({"where": where[0], "call": result, "check": check})

        return record

    fake_time = types.SimpleNamespace(
        localtime=lambda *a: RUN_NOW.timetuple(), time=lambda: RUN_NOW.timestamp()
    )
    fake_datetime = types.SimpleNamespace(
        datetime=_Now, timedelta=real_dt.timedelta, date=real_dt.date, time=real_dt.time
    )
    return {
        "__name__": "pdt_test",
        "time": fake_time,
        "datetime": fake_datetime,
        "calendar": calendar,
        "sys": sys,
        "string": string,
        "unittest": unittest,
        "pdt": pdt,
        "pdtContext": _Context,
        "utils": types.SimpleNamespace(assertEqualWithComparator=comparator_decorator),
        "_Stub": _Stub,
    }


_IMPORT = re.compile(
    r"^(?:import (?:time|datetime|sys|string|calendar|unittest)|import parsedatetime.*|"
    r"from parsedatetime\S* import .*|from \. import utils)\s*$",
    re.M,
)
_FROM_PDT = re.compile(r"^from parsedatetime\S* import (.*)$", re.M)


def _run(name: str, source: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The recorded checks of one test file, and the methods that stopped early (with why)."""
    records: list[dict[str, Any]] = []
    where = [""]
    namespace = _module_globals(records, where)
    for names in _FROM_PDT.findall(source):
        for imported in names.split(","):
            bound = imported.split(" as ")[-1].strip()
            if bound != "pdtContext":
                namespace[bound] = _Stub()
    exec(compile(_IMPORT.sub("", source), name, "exec"), namespace)
    if "_tr" in namespace:  # TestSimpleOffsets's truncation helper: dates are compared by day
        namespace["_tr"] = namespace["_truncateResult"] = lambda result, *a, **k: result

    def record_equal(self: Any, first: Any, second: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(first, _Call):
            records.append({"where": where[0], "call": first, "check": second})

    stopped: list[str] = []
    test_class = namespace["test"]
    for method in sorted(m for m in vars(test_class) if m.startswith("test")):
        where[0] = f"{name.removesuffix('.py')}.{method}"
        case = test_class(method)
        case.assertEqual = types.MethodType(record_equal, case)  # type: ignore[method-assign]
        try:
            case.setUp()
            getattr(case, method)()
        except Exception as error:
            stopped.append(f"{where[0]}: {type(error).__name__}: {error}")
    return records, stopped


# --- the selection -------------------------------------------------------------------------------

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SHORT_WEEKDAY = r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
_CLOCK = re.compile(
    r"\d{1,2}:\d\d|\d\s*(?:am|pm|a\.m\.?|p\.m\.?|a|p)(?![a-z])|\bat\s+\d{1,2}\b|^\d{3,6}$|"
    r"\b(?:noon|midnight|morning|afternoon|evening|night|tonight|breakfast|lunch|dinner|eod)\b|"
    r"\b(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|\d(?:h|min|m)\b|"
    r"(?<!from )(?<!before )\bnow\b",
    re.I,
)
_JARGON = re.compile(
    r"\b(?:eom|eoy)\b|\d\s*(?:d|dy|w|wk|y|yr|m)\b|\b(?:mond|frid|wedn|sa|su)\b|"
    r"\b(?:janu|febr|marc|apri|augu|octo|novem|decem)\b|"
    r"^\s*[-+]|\s[-+]\s*\d+\s+\w+\s*$",
    re.I,
)
_FRACTIONAL = re.compile(r"\d\.\d+\s+[a-z]+\s+ago", re.I)
_NARRATIVE = re.compile(r"^next day$", re.I)
_UNITS = r"(?:days?|weeks?|months?|years?)"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
_DURATION = re.compile(rf"^in\s+{_COUNT}\s+{_UNITS}$", re.I)
_BARE_COUNT = re.compile(
    rf"^{_COUNT}\s*{_UNITS}(?:\s*,?\s*(?:and\s+)?{_COUNT}\s*{_UNITS})*\s*$", re.I
)
_AGO = re.compile(
    rf"\b{_COUNT}\s+(?P<u>days?|weeks?|months?|years?)\s+(?:ago|from\s+now|before\s+now)\b", re.I
)
_CLOCK_ACCURACY = _Context.ACU_HALFDAY | _Context.ACU_HOUR | _Context.ACU_MIN | _Context.ACU_SEC


def _reason(text: str, accuracy: int, range_flag: int | None) -> str | None:
    """Why a check is left out (None when kept)."""
    if accuracy & _CLOCK_ACCURACY or range_flag == 2 or _CLOCK.search(text):
        return "clock"
    if _JARGON.search(text):
        return "jargon"
    if _FRACTIONAL.search(text):
        return "fractional"
    if _NARRATIVE.match(text.strip()):
        return "narrative"
    if _DURATION.match(text.strip()) or _BARE_COUNT.match(text.strip()):
        return "duration"
    return None


def _day(value: Any) -> real_dt.date:
    if isinstance(value, real_dt.datetime):
        return value.date()
    return real_dt.date(value[0], value[1], value[2])


def _grain(text: str, accuracy: int) -> tuple[str, bool]:
    ago = _AGO.search(text)
    if ago:
        unit = ago.group("u").lower().rstrip("s")
        return {"day": "Day", "week": "Day", "month": "Month", "year": "Year"}[unit], True
    if accuracy & _Context.ACU_DAY:
        return "Day", False
    if accuracy & _Context.ACU_WEEK:
        return "Week", False
    if accuracy & _Context.ACU_MONTH:
        return "Month", False
    return "Year", False


def _unit(day: real_dt.date, grain: str) -> tuple[real_dt.date, real_dt.date]:
    if grain == "Day":
        return day, day
    if grain == "Week":
        monday = day - real_dt.timedelta(days=day.weekday())
        return monday, monday + real_dt.timedelta(days=6)
    if grain == "Month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return real_dt.date(day.year, 1, 1), real_dt.date(day.year, 12, 31)


_PRECISION = {"Day": "day", "Week": "day", "Month": "month", "Year": "year"}
_BARE_WEEKDAY = re.compile(rf"^(?:on\s+)?(?P<wd>{_WEEKDAY}|{_SHORT_WEEKDAY})\.?$", re.I)
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.I
)
_RELATIVE_WORDS = re.compile(
    r"\b(?:this|next|last|ago|from|before|today|tomorrow|yesterday|week)\b", re.I
)


def _has_year(text: str) -> bool:
    return bool(re.search(r"(?<!\d)\d{4}(?!\d)|\d{1,2}/\d{1,2}/\d\d(?!\d)", text))


def _convert(
    text: str, grain: str, first: real_dt.date, last: real_dt.date, ref: real_dt.date
) -> tuple[real_dt.date, real_dt.date, str] | None:
    """The project's reading where its documented convention differs from parsedatetime's."""
    bare = _BARE_WEEKDAY.match(text.strip())
    if bare:
        wanted = _DAYS.index(bare.group("wd")[:3].lower())
        day = ref - real_dt.timedelta(days=(ref.weekday() - wanted) % 7)
        if (day, day) == (first, last):
            return None
        return day, day, "bare weekday: last such day on or before doc_date"
    numeric_yearless = re.fullmatch(r"\s*\(?\"?\d{1,2}[./]\d{1,2}\"?\)?\s*", text)
    if (
        grain in ("Day", "Month")
        and (_MONTH_WORD.search(text) or numeric_yearless)
        and not _has_year(text)
        and not _RELATIVE_WORDS.search(text)
    ):
        year = ref.year - 1 if first.month - ref.month > 6 else ref.year
        if year != first.year:
            shift = year - first.year
            return (
                first.replace(year=first.year + shift),
                last.replace(year=last.year + shift),
                "yearless: year by the six-month rule",
            )
    return None


def _case(
    case_id: str,
    text: str,
    span: tuple[int, int] | None,
    ref: real_dt.date,
    values: list[Any],
    accuracy: int,
    where: str,
) -> dict[str, Any]:
    span_text = text[span[0] : span[1]] if span else text.strip()
    grain, approximate = _grain(span_text, accuracy)
    days = [_day(v) for v in values]
    first, last = _unit(days[0], grain)[0], _unit(days[-1], grain)[1]
    case: dict[str, Any] = {
        "id": case_id,
        "text": text,
        "doc_date": ref.isoformat(),
        "span": list(span) if span else None,
        "parsedatetime": {"test": where, "values": [d.isoformat() for d in days]},
        "grain": grain,
    }
    converted = _convert(span_text, grain, first, last, ref)
    if converted:
        case["expected"] = [converted[0].isoformat(), converted[1].isoformat()]
        case["converted"] = converted[2]
        case["parsedatetime_expected"] = [first.isoformat(), last.isoformat()]
    else:
        case["expected"] = [first.isoformat(), last.isoformat()]
    case["precision"] = _PRECISION[grain]
    case["match"] = "approximate" if approximate else "exact"
    return case


def build(directory: Path, commit: str, licence: str = "") -> dict[str, object]:
    """The suite as a JSON-ready dict."""
    cases: list[dict[str, Any]] = []
    negative: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []
    stopped_all: list[str] = []
    seen: set[str] = set()
    counter: dict[str, int] = {}

    def keep_once(key: list[Any]) -> bool:
        encoded = json.dumps(key, default=str)
        if encoded in seen:
            return False
        seen.add(encoded)
        return True

    for name in FILES:
        records, stopped = _run(name, (directory / name).read_text(encoding="utf-8"))
        stopped_all.extend(stopped)
        for record in records:
            call, check, where = record["call"], record["check"], record["where"]
            counter[where] = counter.get(where, 0) + 1
            case_id = f"{where}:{counter[where]}"
            text = call.text
            ref = _day(call.source) if call.source is not None else RUN_NOW.date()
            if call.method == "nlp":
                if check is None:
                    if keep_once([text, ref]):
                        negative.append({"id": case_id, "text": text, "doc_date": ref.isoformat()})
                    continue
                for index, (value, context, start, end, words) in enumerate(check):
                    sub_id = f"{case_id}#{index}"
                    reason = _reason(words, context.accuracy, None)
                    if reason:
                        left_out.append({"id": sub_id, "text": words, "reason": reason})
                        continue
                    cases.append(
                        _case(sub_id, text, (start, end), ref, [value], context.accuracy, where)
                    )
                continue
            if call.method == "evalRanges":
                range_start, range_end, flag = check
                reason = _reason(text, 0, flag)
                values, accuracy = [range_start, range_end], _Context.ACU_DAY
            else:
                value, context = check
                accuracy = context.accuracy
                if accuracy == 0:
                    if keep_once([text, ref]):
                        negative.append({"id": case_id, "text": text, "doc_date": ref.isoformat()})
                    continue
                reason = _reason(text, accuracy, None)
                values = [value]
            if reason is None and any(isinstance(v, _Stub) for v in values):
                reason = "unresolved"  # the expected value came from the parser's tables
            if reason == "duration" and _BARE_COUNT.match(text.strip()):
                if keep_once([text, ref]):
                    negative.append({"id": case_id, "text": text, "doc_date": ref.isoformat()})
                continue
            if reason:
                left_out.append({"id": case_id, "text": text, "reason": reason})
                continue
            case = _case(case_id, text, None, ref, values, accuracy, where)
            if not keep_once([text, case["doc_date"], case["expected"]]):
                left_out.append({"id": case_id, "text": text, "reason": "duplicate"})
                continue
            cases.append(case)
    head = [line.strip() for line in licence.strip().splitlines()[:3] if line.strip()]
    return {
        "source": {
            "project": "bear/parsedatetime",
            "url": f"https://github.com/bear/parsedatetime/tree/{commit}/tests",
            "paths": [f"tests/{name}" for name in FILES],
            "commit": commit,
            "licence": "Apache-2.0 (" + ", ".join(head) + ")",
            "run_now": RUN_NOW.isoformat(),
        },
        "selection": SELECTION,
        "scoring": SCORING,
        "stopped_early": stopped_all,
        "cases": cases,
        "negative": negative,
        "left_out": left_out,
    }


def main() -> None:
    """Write the suite next to this script."""
    suite = build(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]).read_text(encoding="utf-8"))
    OUT.write_text(json.dumps(suite, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    reasons: dict[str, int] = {}
    for item in suite["left_out"]:  # type: ignore[attr-defined]
        reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
    print(
        f"{len(suite['cases'])} cases and {len(suite['negative'])} negatives kept, "  # type: ignore[arg-type]
        f"left out: {reasons}; stopped early: {len(suite['stopped_early'])}"  # type: ignore[arg-type]
    )


if __name__ == "__main__":
    main()
