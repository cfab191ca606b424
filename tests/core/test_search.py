"""Search over small real archives (real SQLite, real Whoosh): the query language end to end."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wpk_archive.core.archive import Archive, ImportReport, open_archive
from wpk_archive.core.ingest import Item, document_from_text
from wpk_archive.core.models import Snippet

ARTICLES = [
    ("Visit", "2012-04-15", "KCNA", "Kim Jong Un visited a factory in Pyongyang."),
    ("Inspection", "2016-05-06", "Rodong Sinmun", "Kim Jong-un inspected units of the army."),
    ("Letter", "2013-02-01", "KCNA", "A letter from Kim Jongun was read out."),
    ("History", "2011-12-19", "KCNA", "Kim Il Sung founded the party. Kim Jong-il led it."),
    ("Founder", "2012-07-01", "KCNA", "Kim Il-sung and Kim Jong Il are remembered."),
    ("Party", "2014-03-03", "KCNA", "The Workers' Party of Korea held a meeting."),
    ("Abbrev", "2014-03-04", "KCNA", "The WPK held a plenary meeting of its Central Committee."),
    ("Republic", "2015-01-01", "KCNA", "The Democratic People's Republic of Korea celebrated."),
    ("DPRK", "2015-01-02", "KCNA", "The DPRK celebrated the new year."),
    ("Army", "2015-02-08", "KCNA", "The Korean People's Army marked its day."),
    ("KPA", "2015-02-09", "KCNA", "KPA units held a parade."),
    ("Assembly", "2019-04-11", "KCNA", "The Supreme People's Assembly convened its session."),
    ("SPA", "2019-04-12", "KCNA", "The SPA convened again."),
    ("Seventh", "2016-05-10", "KCNA", "The Seventh Congress of the party closed."),
    ("Ordinal", "2016-05-11", "KCNA", "Delegates to the 7th Congress returned home."),
    ("Congresses", "2012-04-02", "KCNA", "Many congresses were held over the decades."),
    ("Korean", "2013-05-05", "KCNA", "조선로동당의 대회가 열렸다. 학생들이 학교에 갔다."),
    ("Undated", None, "Archive", "An undated note on a plenary meeting."),
]


def marked(snippet: Snippet) -> str:
    """A snippet as HTML with <mark>, as the CLI's --json writes it."""
    return snippet.render(
        lambda t: f"<mark>{html.escape(t, quote=False)}</mark>",
        lambda t: html.escape(t, quote=False),
    )


def _items() -> list[Item]:
    return [
        Item(
            f"test:{title}",
            document_from_text(
                f"{title}\n\n{body}", origin=f"test:{title}", title=title, date=date, source=source
            ),
        )
        for title, date, source, body in ARTICLES
    ]


def _new_archive(folder: Path) -> Archive:
    """An archive holding only ARTICLES (the bundled articles are left out)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Archive, "import_bundled", lambda self: ImportReport())
        opened = open_archive(folder)
    opened.import_items(_items())
    return opened


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    with _new_archive(tmp_path_factory.mktemp("search") / "a") as opened:
        yield opened


def titles(archive: Archive, query: str, **kw: object) -> set[str]:
    result = archive.search(query, limit=100, **kw)  # type: ignore[arg-type]
    return {h.title for h in result.hits}


@pytest.mark.parametrize(
    ("query", "expected", "form"),
    [
        ("Kim Jong Un", {"Visit", "Inspection", "Letter"}, "<mark>Kim Jong-un</mark>"),
        ("Kim Jong-un", {"Visit", "Inspection", "Letter"}, "<mark>Kim Jongun</mark>"),
        ("Kim Jongun", {"Visit", "Inspection", "Letter"}, "<mark>Kim Jong Un</mark>"),
        ("Kim Il Sung", {"History", "Founder"}, "<mark>Kim Il-sung</mark>"),
        ("Kim Il-sung", {"History", "Founder"}, "<mark>Kim Il Sung</mark>"),
        ("Kim Jong Il", {"History", "Founder"}, "<mark>Kim Jong-il</mark>"),
        ("Kim Jong-il", {"History", "Founder"}, "<mark>Kim Jong Il</mark>"),
        (
            "WPK",
            {"Party", "Abbrev", "Korean"},  # "Korean" holds 조선로동당, its Hangul form
            "<mark>Workers' Party of Korea</mark>",
        ),
        ("Workers' Party of Korea", {"Party", "Abbrev", "Korean"}, "<mark>WPK</mark>"),
        ("WPK", {"Party", "Abbrev", "Korean"}, "<mark>조선로동당</mark>"),
        ("DPRK", {"Republic", "DPRK"}, "<mark>Democratic People's Republic of Korea</mark>"),
        ("Democratic People's Republic of Korea", {"Republic", "DPRK"}, "<mark>DPRK</mark>"),
        ("KPA", {"Army", "KPA"}, "<mark>Korean People's Army</mark>"),
        ("Korean People's Army", {"Army", "KPA"}, "<mark>KPA</mark>"),
        ("SPA", {"Assembly", "SPA"}, "<mark>Supreme People's Assembly</mark>"),
        ("Supreme People's Assembly", {"Assembly", "SPA"}, "<mark>SPA</mark>"),
        ("seventh", {"Seventh", "Ordinal"}, "<mark>7th</mark>"),
        ("7th", {"Seventh", "Ordinal"}, "<mark>Seventh</mark>"),
    ],
)
def test_variants_find_every_form_and_mark_the_form_in_the_text(
    archive: Archive, query: str, expected: set[str], form: str
) -> None:
    result = archive.search(query, limit=100)
    assert {h.title for h in result.hits} == expected
    assert any(form in marked(h.snippet) for h in result.hits), [
        marked(h.snippet) for h in result.hits
    ]


def test_quoted_variant_phrase_also_finds_the_other_forms(archive: Archive) -> None:
    assert titles(archive, '"Kim Jong Un"') == {"Visit", "Inspection", "Letter"}


def test_hangul_words_find_their_forms_with_particles(archive: Archive) -> None:
    for word in ("학교", "조선로동당", "대회"):
        result = archive.search(word)
        # 조선로동당 is also the WPK of the variants table
        expected = {"Korean", "Party", "Abbrev"} if word == "조선로동당" else {"Korean"}
        assert {h.title for h in result.hits} == expected
        korean = next(h for h in result.hits if h.title == "Korean")
        assert f"<mark>{word}</mark>" in marked(korean.snippet)
    assert archive.search("학교 Korean").total == 0  # mixed: AND across scripts
    assert archive.search("title:Korean 학교").total == 1


def test_did_you_mean(archive: Archive) -> None:
    assert archive.search("Pyongyan").suggestion == "pyongyang"
    assert archive.search("plenery").suggestion == "plenary"
    assert archive.search("plenery meeting").suggestion == "plenary meeting"
    assert archive.search("plenary").suggestion is None


@pytest.mark.parametrize(
    "query",
    ['"Kim Jong', "(Kim OR", "Kim)", "AND", "Kim AND", "OR Kim", "foo:Kim", "date:12x", "NOT"],
)
def test_bad_queries_get_a_message_and_a_best_effort_search(archive: Archive, query: str) -> None:
    result = archive.search(query)
    assert result.message
    if "Kim" in query:
        assert result.total > 0


def test_facets_count_the_whole_result_and_filters_narrow_it(archive: Archive) -> None:
    result = archive.search("meeting", facets=True, limit=1)
    assert result.total == 3
    assert result.facets["year"] == {"2014": 2, "undated": 1}
    assert result.facets["source"] == {"KCNA": 2, "Archive": 1}
    assert titles(archive, "meeting", filters={"year": "2014"}) == {"Party", "Abbrev"}
    assert titles(archive, "meeting", filters={"year": "undated"}) == {"Undated"}
    assert titles(archive, "meeting", filters={"source": "Archive"}) == {"Undated"}
    kinds = archive.search("plenary", facets=True).facets["kind"]
    for kind in kinds:
        assert archive.search("plenary", filters={"kind": kind}).total == kinds[kind]


def test_grouping_and_paging(archive: Archive) -> None:
    full = archive.search("Kim", limit=100)
    assert full.total == len(full.hits) == 5
    assert full.total_documents == 5
    assert sum(d.count for d in full.documents) == full.total
    pages = [archive.search("Kim", limit=2, offset=o) for o in (0, 2, 4)]
    assert [len(p.hits) for p in pages] == [2, 2, 1]
    assert [h.doc_id for p in pages for h in p.hits] == [h.doc_id for h in full.hits]
    assert all(p.total == 5 for p in pages)


def test_sort_by_date_is_newest_first_and_undated_last(archive: Archive) -> None:
    hits = archive.search("meeting OR Kim", sort="date", limit=100).hits
    dates = [h.date for h in hits]
    assert dates[-1] is None
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)


def test_date_filters(archive: Archive) -> None:
    assert titles(archive, "Kim date:2012") == {"Visit", "Founder"}
    assert titles(archive, "Kim date:2012-04") == {"Visit"}
    assert titles(archive, "Kim date:2012-04-15") == {"Visit"}
    assert titles(archive, "Kim date:[2012 TO 2013]") == {"Visit", "Founder", "Letter"}
    assert titles(archive, "Kim date:[2012-05 TO 2016]") == {"Founder", "Letter", "Inspection"}
    assert titles(archive, "Kim", date_from="2013", date_to="2016-05") == {"Letter", "Inspection"}
    assert titles(archive, "Kim", date_from="2016") == {"Inspection"}
    assert titles(archive, "meeting", date_to="2099") == {"Party", "Abbrev"}
    assert archive.search("meeting", date_from="2000", facets=True).facets["year"] == {"2014": 2}
    assert archive.search("meeting", facets=True).facets["year"]["undated"] == 1


def test_stemming_for_words_and_exact_phrases(archive: Archive) -> None:
    assert titles(archive, "congress") == {"Seventh", "Ordinal", "Congresses"}
    assert titles(archive, "congresses") == {"Seventh", "Ordinal", "Congresses"}
    assert titles(archive, '"congresses"') == {"Congresses"}
    assert titles(archive, '"congress"') == {"Seventh", "Ordinal"}
    assert titles(archive, '"many congress"') == set()
    assert titles(archive, "congr*") == {"Seventh", "Ordinal", "Congresses"}
    assert titles(archive, "plenery~") == {"Abbrev", "Undated"}


def test_match_spans_for_the_reader(archive: Archive) -> None:
    hit = archive.search("Kim Jongun").hits[0]
    doc = archive.document(hit.doc_id)
    assert doc is not None
    spans = archive.match_spans("Kim Jong Un", doc)
    assert spans and all(doc.text[a:b].lower().startswith(("kim", "jong", "un")) for a, b in spans)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                *'abkimKIM 학교"()[]{}:*~^?-+!\\/',
                "date:",
                "title:",
                "kind:",
                " TO ",
                "AND ",
                "OR ",
                "NOT ",
                "2012",
                "-04",
                "Kim Jong",
                "Workers' Party",
                "zz:",
                "~2",
                "^3",
            ]
        ),
        max_size=12,
    ).map("".join)
    | st.text(max_size=30)
)
def test_no_query_string_raises(tmp_path_factory: pytest.TempPathFactory, query: str) -> None:
    archive = _shared(tmp_path_factory)
    result = archive.search(query, facets=True)
    assert result.total >= 0


_SHARED: dict[str, Archive] = {}


def _shared(factory: pytest.TempPathFactory) -> Archive:
    if "a" not in _SHARED:
        _SHARED["a"] = _new_archive(Path(factory.mktemp("fuzz")) / "a")
    return _SHARED["a"]


def test_totals_count_every_match_when_only_the_best_are_scored(tmp_path: Path) -> None:
    """The one-pass collector must see every match, even when an Or branch cannot make the top."""
    docs = []
    for i in range(300):
        word = "armies" if i % 3 == 0 else "army"
        text = (
            f"Report {i}\n\nThe {word} unit {i} "
            + ("army " * (1 + i % 7)) * (i % 3 != 0)
            + "marched."
        )
        docs.append(Item(f"t:{i}", document_from_text(text, origin=f"t:{i}", title=f"R{i}")))
    with open_archive(tmp_path / "a") as archive:
        archive.import_items(docs)
        everything = archive.search("army", limit=1000)
        top = archive.search("army", limit=5)
        assert everything.total == top.total == 300
        assert len(everything.hits) == 300


def test_facets_work_when_a_batch_has_no_dates_or_sources(tmp_path: Path) -> None:
    """Whoosh writes no date column for a segment where no document has a date."""
    with open_archive(tmp_path / "a") as archive:
        undated = tmp_path / "ko.txt"
        undated.write_text(
            "조선로동당 전원회의\n\n조선로동당 중앙위원회 전원회의가 진행되었다.", encoding="utf-8"
        )
        archive.import_paths([undated])
        # (조선로동당 is the WPK of the variants table: the bundled articles name it too)
        result = archive.search("전원회의", facets=True)
        assert result.message is None and result.total == 2
        assert result.facets["year"] == {"undated": 2}
        assert archive.search("congress", facets=True, date_from="2021").total > 0


def test_a_hyphenated_word_also_finds_its_parts_written_apart(tmp_path: Path) -> None:
    with open_archive(tmp_path / "a") as archive:
        for name, text in (
            ("lee.txt", "Traitor Lee Myung Bak went on."),
            ("lee2.txt", "Lee Myung-bak again."),
        ):
            (tmp_path / name).write_text(f"Report\n\n{text}", encoding="utf-8")
        archive.import_paths([tmp_path / "lee.txt", tmp_path / "lee2.txt"])
        result = archive.search("Lee Myung-bak")
        assert result.total == 2
        shown = {h.doc_id: marked(h.snippet) for h in result.hits}
        assert any("<mark>Myung Bak</mark>" in s for s in shown.values()), shown
        assert archive.search("Myung-bak").total == 2
        assert archive.search('"Myung-bak"').total >= 1


def test_phrases_are_checked_on_every_occurrence_of_their_words(tmp_path: Path) -> None:
    texts = {
        "yes1.txt": "the day of rain and the Day of the Sun came, the sun of the day",
        "yes2.txt": "sun sun day of the day of the Sun sun",
        "no1.txt": "the day of the moon, of the Sun, the day of sun",
        "no2.txt": "Sun of the Day; day the of sun",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(f"Note {name}\n\n{text}.", encoding="utf-8")
    with open_archive(tmp_path / "a") as archive:
        archive.import_paths([tmp_path / name for name in texts])
        found = {h.title for h in archive.search('"Day of the Sun"', limit=50).hits}
        assert found == {"Note yes1.txt", "Note yes2.txt"}
        assert {h.title for h in archive.search('"sun sun"').hits} == {"Note yes2.txt"}
        assert archive.search('"of the day of"').total == 1


def test_relevance_prefers_denser_passages_as_bm25_does(tmp_path: Path) -> None:
    texts = {
        "long.txt": "The harvest " + "was reported by the farm and its workers " * 12 + "today.",
        "short.txt": "The harvest was good.",
        "many.txt": "Harvest after harvest, the harvest of rice was gathered " + "in autumn " * 6,
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(f"Note {name}\n\n{text}", encoding="utf-8")
    with open_archive(tmp_path / "a") as archive:
        archive.import_paths([tmp_path / name for name in texts])
        hits = archive.search("harvest").hits
        assert [h.title for h in hits] == ["Note many.txt", "Note short.txt", "Note long.txt"]
        assert hits[0].score > hits[1].score > hits[2].score > 0
