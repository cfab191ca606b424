"""The reference chronology: the shipped table is clean and consistent, user tables extend it."""

from __future__ import annotations

import gzip
import itertools
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import corpus_file
from wpk_archive.core.chronology import (
    COLUMNS,
    KINDS,
    Chronology,
    ChronologyEntry,
    is_iso_date,
    load_chronology,
    parse_table,
)
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.paths import resources_dir
from wpk_archive.core.timeline import extract_mentions, ordinal_text

HEADER = "\t".join(COLUMNS)


@pytest.fixture(scope="module")
def shipped() -> Chronology:
    return load_chronology()


def _row(*cells: str) -> str:
    return "\t".join(cells)


def _user(
    kind: str, term: str, number: str, start: str, end: str, url: str = "https://x.org"
) -> str:
    """A user-table row with a made-up name and no Korean name or note."""
    return _row(kind, term, number, f"meeting {number}", "", start, end, url, "")


# -- the shipped table ---------------------------------------------------------------------------


def test_shipped_table_parses_without_messages(shipped: Chronology) -> None:
    assert shipped.messages == []
    counts: defaultdict[str, int] = defaultdict(int)
    for entry in shipped.entries:
        counts[entry.kind] += 1
    # every kind the brief asks for is there, in numbers worth having
    assert counts["party_congress"] == 9
    assert counts["party_conference"] == 4
    assert counts["cc_plenary"] >= 50
    assert counts["spa_session"] >= 50
    assert counts["politburo_meeting"] >= 20


def test_shipped_table_has_the_documented_header() -> None:
    text = (resources_dir() / "chronology.tsv").read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    assert first == HEADER


def test_every_row_has_an_http_source_and_ordered_dates(shipped: Chronology) -> None:
    for entry in shipped.entries:
        assert entry.source_url.startswith(("http://", "https://")), entry.key
        assert is_iso_date(entry.start) and is_iso_date(entry.end), entry.key
        assert entry.first_day <= entry.last_day, entry.key
        assert entry.kind in KINDS


def test_no_duplicate_keys_in_the_shipped_table() -> None:
    text = (resources_dir() / "chronology.tsv").read_text(encoding="utf-8")
    entries, messages = parse_table(text, "chronology.tsv")
    assert messages == []
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys))


def test_entries_are_sorted_by_start(shipped: Chronology) -> None:
    days = [e.first_day for e in shipped.entries]
    assert days == sorted(days)


def test_numbers_rise_with_dates_within_each_term(shipped: Chronology) -> None:
    """Within a term, the nth meeting starts after the (n-1)th ends (catches data-entry slips)."""
    by_term: dict[tuple[str, int | str | None], list[ChronologyEntry]] = defaultdict(list)
    for entry in shipped.entries:
        if entry.number is not None:
            by_term[(entry.kind, entry.term or entry.series or None)].append(entry)
    checked = 0
    for (kind, term), entries in by_term.items():
        entries.sort(key=lambda e: e.number or 0)
        for before, after in itertools.pairwise(entries):
            assert before.number != after.number, (kind, term, before.number)
            assert before.last_day < after.first_day, (kind, term, before.number, after.number)
            checked += 1
    assert checked > 60


def test_names_follow_the_timeline_style(shipped: Chronology) -> None:
    for entry in shipped.entries:
        if entry.number is None or entry.kind == "other_party_meeting":
            continue  # lower organs' meetings keep the name they were held under
        n, t = ordinal_text(entry.number), ordinal_text(entry.term or 0)
        expected = {
            "party_congress": f"{n} Congress of the WPK",
            "party_conference": f"{n} Conference of the WPK",
            "cc_plenary": f"{n} Plenary Meeting of the {t} WPK Central Committee",
            "spa_session": f"{n} Session of the {t} Supreme People's Assembly",
            "politburo_meeting": f"{n} Meeting of the Political Bureau of the {t} WPK Central Committee",
            "cmc_meeting": f"{n} Meeting of the {t} Central Military Commission of the WPK",
        }[entry.kind]
        assert entry.name == expected


def test_korean_names_follow_the_dprk_pattern(shipped: Chronology) -> None:
    e = shipped.by_key("cc_plenary:8:9")
    assert e is not None and e.name_ko == "조선로동당 중앙위원회 제8기 제9차전원회의"
    e = shipped.by_key("spa_session:14:10")
    assert e is not None and e.name_ko == "최고인민회의 제14기 제10차회의"
    e = shipped.by_key("party_conference:3")
    assert e is not None and e.name_ko == "조선로동당 제3차대표자회"
    e = shipped.by_key("party_congress:8")
    assert e is not None and e.name_ko == "조선로동당 제8차대회"


@pytest.mark.parametrize(
    ("key", "start", "end"),
    [
        ("party_congress:8", "2021-01-05", "2021-01-12"),
        ("party_congress:7", "2016-05-06", "2016-05-09"),
        ("party_congress:6", "1980-10-10", "1980-10-14"),
        ("party_congress:9", "2026-02-19", "2026-02-25"),
        ("party_conference:4", "2012-04-11", "2012-04-11"),
        ("party_conference:3", "2010-09-28", "2010-09-28"),
        ("party_conference:1", "1958-03-03", "1958-03-06"),
        ("cc_plenary:8:9", "2023-12-26", "2023-12-30"),
        ("cc_plenary:7:5", "2019-12-28", "2019-12-31"),
        ("cc_plenary:8:10", "2024-06-28", "2024-07-01"),
        ("spa_session:14:1", "2019-04-11", "2019-04-12"),
        ("spa_session:14:10", "2024-01-15", "2024-01-15"),
        ("spa_session:12:5", "2012-04-13", "2012-04-13"),
        ("spa_session:11:1", "2003-09-03", "2003-09-03"),
        ("spa_session:5:1", "1972-12-25", "1972-12-28"),
        ("spa_session:7:1", "1982-04-05", "1982-04-07"),
        ("cc_plenary:4:2", "1961-11-27", "1961-12-01"),
        ("cc_plenary:6:10", "1984-12-04", "1984-12-10"),
        ("cc_plenary:3:?@1956-08-30", "1956-08-30", "1956-08-31"),
        ("politburo_meeting:8:19", "2024-01-23", "2024-01-24"),
        ("politburo_meeting:8:2", "2021-06-29", "2021-06-29"),
        ("cmc_meeting:8:7", "2023-08-09", "2023-08-09"),
    ],
)
def test_spot_checks(shipped: Chronology, key: str, start: str, end: str) -> None:
    entry = shipped.by_key(key)
    assert entry is not None, key
    assert (entry.start, entry.end) == (start, end)


def test_the_first_session_of_every_assembly_is_in_the_table(shipped: Chronology) -> None:
    """The 1st to 14th SPAs all have their first session, each with its own source."""
    for term in range(1, 15):
        entry = shipped.by_key(f"spa_session:{term}:1")
        assert entry is not None, term
        assert entry.first_day.year >= 1948 and entry.source_url.startswith("http"), term
    older = [e for e in shipped.entries if e.kind == "spa_session" and (e.term or 0) <= 9]
    assert len(older) >= 18


@pytest.mark.parametrize(
    ("sentence", "key", "start", "source_part"),
    [
        (
            "Kim Il Sung promulgated the law at the Third Session of the Fifth Supreme People's "
            "Assembly to finally abolish taxation.",
            "spa_session:5:3",
            "1974-03",
            "exploredprk.com",
        ),
        (
            "The President clarified the basic contents of the socialist constitution at the 1st "
            "Session of the 5th SPA.",
            "spa_session:5:1",
            "1972-12-25",
            "profilpelajar.com",
        ),
        (
            "He convened the second enlarged plenary meeting of the Fourth Central Committee of "
            "the Workers' Party of Korea.",
            "cc_plenary:4:2",
            "1961-11-27",
            "enwikipedia.net",
        ),
        (
            "The 19th Enlarged Meeting of the Political Bureau of the Eighth Central Committee of "
            "the Party had decided to open the coastal tourist area by next May.",
            "politburo_meeting:8:19",
            "2024-01-23",
            "vok.rep.kp",
        ),
    ],
)
def test_undated_kcna_wordings_find_their_sourced_row(
    shipped: Chronology, sentence: str, key: str, start: str, source_part: str
) -> None:
    """Undated mentions as KCNA words them get a key the table has, with its date and source."""
    doc = document_from_text(sentence, origin="test", title="t", date="2024-07-18")
    keys = [m.key for m in extract_mentions(doc)]
    assert key in keys
    entry = shipped.by_key(key)
    assert entry is not None
    assert entry.start == start and source_part in entry.source_url


def test_enlarged_meetings_are_marked_in_the_note_not_the_name(shipped: Chronology) -> None:
    entry = shipped.by_key("cc_plenary:8:5")
    assert entry is not None
    assert "Enlarged" in entry.note and "nlarged" not in entry.name


def test_find_agrees_at_the_coarser_precision(shipped: Chronology) -> None:
    assert [e.key for e in shipped.find("cc_plenary", "2023-12")] == ["cc_plenary:8:9"]
    assert [e.key for e in shipped.find("cc_plenary", "2023-12-28")] == ["cc_plenary:8:9"]
    assert shipped.find("cc_plenary", "2023-12-31") == []
    assert [e.key for e in shipped.find("party_congress", "2021")] == ["party_congress:8"]
    # a month-precision row is found by a day inside that month
    assert [e.key for e in shipped.find("cc_plenary", "1974-02-13")] == ["cc_plenary:5:8"]
    assert shipped.find("spa_session", "2023-02-30") == []  # no such day
    assert shipped.find("spa_session", "soon") == []


def test_unnumbered_meetings_are_keyed_by_date(shipped: Chronology) -> None:
    entry = shipped.by_key("cc_plenary:6:?@2013-03-31")
    assert entry is not None and entry.number is None
    assert shipped.find("cc_plenary", "2013-03") == [entry]


_MEETING_WORDS = re.compile(r"Plenary Meeting|Plenum|Session of|Congress of|Conference of", re.I)


@pytest.mark.corpus
def test_dates_in_kcna_articles_agree_with_the_table(shipped: Chronology) -> None:
    """The timeline's dated mentions in the real KCNA corpus agree with the table's dates.

    Mentions whose year the timeline inferred (no year in the text) are left out: the inference
    is the timeline's guess, not the article's statement.
    """
    agree, disagree = 0, []
    for name in ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz"):
        with gzip.open(corpus_file(name), "rt", encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if not _MEETING_WORDS.search(row["text"]):
                    continue
                doc = document_from_text(
                    row["text"], origin=row["url"], title=row["title"], date=row["date"]
                )
                for mention in extract_mentions(doc):
                    entry = shipped.by_key(mention.key)
                    if entry is None or mention.start_date is None or mention.year_inferred:
                        continue
                    if entry.covers(mention.start_date):
                        agree += 1
                    else:
                        disagree.append((mention.key, mention.start_date, row["url"]))
    assert disagree == []
    assert agree >= 25


# -- the date validator --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2023", "2023-12", "2023-12-31", "2024-02-29", "1946-08-28"])
def test_valid_iso_dates(text: str) -> None:
    assert is_iso_date(text)


BAD_DATES = ["", "2012-02-30", "2023-02-29", "2023-13", "2023-00", "2023-12-00", "23-12-01"]
BAD_DATES += ["2023/12/01", "2023-1-5", "0000", "2023-12-01T00:00"]


@pytest.mark.parametrize("text", BAD_DATES)
def test_invalid_iso_dates(text: str) -> None:
    assert not is_iso_date(text)


# -- user tables ---------------------------------------------------------------------------------


def test_a_user_row_overrides_the_shipped_row_and_adds_new_ones(tmp_path: Path) -> None:
    user = tmp_path / "chronology.tsv"
    user.write_text(
        "\n".join(
            [
                "# my corrections",
                HEADER,
                _user("party_congress", "", "8", "2021-01-06", "2021-01-12", "https://x.org/8th"),
                _user("cmc_meeting", "8", "9", "2030-06-21", "2030-06-23"),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    chronology = load_chronology([user])
    assert chronology.messages == []
    congress = chronology.by_key("party_congress:8")
    assert congress is not None
    assert (congress.start, congress.source_url) == ("2021-01-06", "https://x.org/8th")
    assert sum(1 for e in chronology.entries if e.key == "party_congress:8") == 1
    cmc = chronology.by_key("cmc_meeting:8:9")
    assert cmc is not None and chronology.find("cmc_meeting", "2030-06") == [cmc]
    assert len(chronology.entries) == len(load_chronology().entries) + 1


def test_bad_user_rows_are_reported_with_line_numbers_and_skipped(tmp_path: Path) -> None:
    user = tmp_path / "chronology.tsv"
    lines = [
        HEADER,  # line 1
        _user("party_rally", "", "1", "2020-01-01", "2020-01-01"),
        _user("spa_session", "14", "20", "2012-02-30", ""),
        _user("spa_session", "14", "21", "2030-05-02", "2030-05-01"),
        _user("spa_session", "14", "22", "2030-06-01", "2030-06-01", url=""),
        "# a comment is not a row",  # line 6
        _user("spa_session", "14", "23", "2030-07-01", "2030-07-01", url="ftp://x.org"),
        _user("cc_plenary", "", "3", "2030-08-01", "2030-08-01"),
        _user("spa_session", "14", "x", "2030-09-01", "2030-09-01"),
        _user("spa_session", "14", "24", "2030-10-01", "2030-10-01", url="https://x.org/ok"),
    ]
    user.write_text("\n".join(lines) + "\n", encoding="utf-8")
    chronology = load_chronology([user])
    problems = {m.split(": line ")[1].split(":")[0]: m for m in chronology.messages}
    assert all(m.startswith(str(user)) for m in chronology.messages)
    assert "unknown kind 'party_rally'" in problems["2"]
    assert "bad start date '2012-02-30'" in problems["3"]
    assert "before start" in problems["4"]
    assert "missing source_url" in problems["5"]
    assert "not an http(s) URL" in problems["7"]
    assert "needs a term" in problems["8"]
    assert "number" in problems["9"]
    assert set(problems) == {"2", "3", "4", "5", "7", "8", "9"}
    assert chronology.by_key("spa_session:14:24") is not None
    assert chronology.by_key("spa_session:14:21") is None
    # the shipped rows are untouched
    assert chronology.by_key("spa_session:14:10") is not None


def test_a_missing_user_table_is_skipped_and_an_unreadable_one_reported(tmp_path: Path) -> None:
    assert load_chronology([tmp_path / "absent.tsv"]).messages == []
    binary = tmp_path / "chronology.tsv"
    binary.write_bytes(b"\xff\xfe\x00kind\tterm")
    messages = load_chronology([binary]).messages
    assert len(messages) == 1 and "unreadable" in messages[0]


def test_a_table_without_header_is_read_but_reported() -> None:
    row = _user("party_congress", "", "10", "2031", "2031")
    entries, messages = parse_table(row + "\n", "mine.tsv")
    assert [e.key for e in entries] == ["party_congress:10"]
    assert messages == ["mine.tsv: line 1: no header line; columns read as usual"]


def test_duplicate_keys_in_one_table_are_reported_and_the_later_row_wins() -> None:
    rows = [
        HEADER,
        _user("party_congress", "", "10", "2031", "2031", "https://x.org/a"),
        _user("party_congress", "", "10", "2031-02", "2031-02", "https://x.org/b"),
    ]
    entries, messages = parse_table("\n".join(rows), "mine.tsv")
    assert [e.source_url for e in entries] == ["https://x.org/b"]
    assert messages == [
        "mine.tsv: line 3: duplicate key party_congress:10 (line 2); the later row is used"
    ]


def test_lower_organ_series_keep_their_numbers_across_names(shipped: Chronology) -> None:
    """The 5th conference of cell chairpersons continues the cell secretaries' series."""
    fifth = shipped.by_key("other_party_meeting:cell-secretaries:5")
    assert fifth is not None and (fifth.start, fifth.end) == ("2017-12-21", "2017-12-23")
    assert shipped.by_key("other_party_meeting:primary-committee-secretaries:2") is not None
