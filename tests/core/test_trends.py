"""Phrase frequency over time (issue #17 §2): per month or year, the matching passages of a
query equal the total a search with --from and --to at the period's bounds gives; documents and
the rate per 10,000 passages are counted from the same evaluation. On a small generated archive
(every date precision, undated articles, name variants) and on real KCNA articles."""

from __future__ import annotations

import gzip
import itertools
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import corpus_file
from wpk_archive.core.archive import Archive, ArchiveError, open_archive
from wpk_archive.core.ingest import Item, document_from_text, read_jsonl
from wpk_archive.core.trends import period_bounds

WORDS = (
    "Kim Jong Un inspected the orchard",
    "Kim Jong-un gave field guidance",
    "the plenary meeting discussed the economy",
    "socialist construction and the orchard",
    "the Supreme People's Assembly session",
    "a reception for the delegation",
)
DATES = [
    *(f"2011-{m:02d}-{d:02d}" for m in (11, 12) for d in (1, 15, 28)),
    *(f"2012-{m:02d}-{d:02d}" for m in (1, 2, 4, 12) for d in (3, 30)),  # 2012-02-30: no day
    "2012-02",  # a month only
    "2012",  # a year only
    "2013-06-06",
    "2016-05-09",
    None,  # undated
]


def _generated(count: int = 120) -> Iterator[Item]:
    rng = random.Random(17)
    for n in range(count):
        date = DATES[n % len(DATES)]
        paragraphs = [" ".join(rng.sample(WORDS, 2)) + "." for _ in range(rng.randint(1, 4))]
        text = f"Report {n}\n\n" + "\n\n".join(paragraphs)
        yield Item(f"g:{n}", document_from_text(text, origin=f"g:{n}", title=f"R{n}", date=date))


QUERIES = (
    "orchard",
    "Kim Jong Un",  # also finds Kim Jong-un (name variants)
    '"plenary meeting"',
    "orchard NOT socialist",
    "session OR reception",
    "date:2012 orchard",
    "socialis*",
)


def _check_against_search(
    archive: Archive, queries: tuple[str, ...], by: str, date_from: str | None = None,
    date_to: str | None = None,
) -> int:  # fmt: skip
    """Every period of every series equals its search total; returns the periods checked."""
    result = archive.trend(queries, by=by, date_from=date_from, date_to=date_to)  # type: ignore[arg-type]
    assert [s.query for s in result.series] == list(queries)
    periods = [p.period for p in result.series[0].points]
    checked = 0
    for series in result.series:
        assert [p.period for p in series.points] == periods  # every series on the same periods
        for point in series.points:
            start, end = period_bounds(point.period)
            start = max(start, date_from) if date_from else start
            end = min(end, date_to) if date_to else end
            found = archive.search(series.query, limit=10_000, date_from=start, date_to=end)
            assert point.passages == found.total, (series.query, point.period)
            assert point.documents == len({h.doc_id for h in found.hits}), point
            if point.all_passages:
                assert point.per_10k_passages == round(
                    point.passages * 10_000 / point.all_passages, 3
                )
            else:
                assert point.per_10k_passages is None and point.passages == 0
            checked += 1
    return checked


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    with open_archive(tmp_path_factory.mktemp("trend") / "a", bundled=False) as archive:
        archive.import_items(_generated())
        yield archive


def test_trend_counts_equal_search_totals_per_period(generated: Archive) -> None:
    assert _check_against_search(generated, QUERIES, "month") == 7 * 55  # 2011-11..2016-05
    assert _check_against_search(generated, QUERIES, "year") == 7 * 6  # 2011..2016
    # bounds that cut a period count the part inside it, as a search would
    assert _check_against_search(generated, QUERIES[:3], "month", "2011-12-10", "2012-04-20")
    assert _check_against_search(generated, QUERIES[:3], "year", "2012-02", "2013")


def test_trend_shape_periods_and_rates(generated: Archive) -> None:
    result = generated.trend(["orchard", "Kim Jong Un"], by="month")
    data = result.to_json()
    assert data["by"] == "month" and [s["query"] for s in data["series"]] == [
        "orchard",
        "Kim Jong Un",
    ]
    points = data["series"][0]["points"]
    assert set(points[0]) == {"period", "passages", "documents", "per_10k_passages"}
    assert points[0]["period"] == "2011-11" and points[-1]["period"] == "2016-05"
    assert len(points) == 55  # every month from the first to the last, zeros included
    empty = next(p for p in points if p["period"] == "2014-01")
    assert empty == {"period": "2014-01", "passages": 0, "documents": 0, "per_10k_passages": None}
    # the article dated only "2012" is in the year, in no month; the undated one in neither
    by_year = generated.trend(["Report OR orchard OR Kim"], by="year").series[0]
    assert by_year.total == generated.search("Report OR orchard OR Kim").total
    assert sum(p.passages for p in by_year.points) < by_year.total
    by_month = generated.trend(["Report OR orchard OR Kim"], by="month").series[0]
    assert sum(p.passages for p in by_month.points) < sum(p.passages for p in by_year.points)
    years = [p.period for p in by_year.points]
    assert years == ["2011", "2012", "2013", "2014", "2015", "2016"]


def test_trend_messages_and_errors(generated: Archive) -> None:
    series = generated.trend(['"unbalanced orchard'], by="year").series[0]
    assert series.message and series.total == generated.search('"unbalanced orchard').total
    nothing = generated.trend(["date:2099-13 orchard"]).series[0]
    assert nothing.total == 0 and nothing.message
    with pytest.raises(ArchiveError):
        generated.trend(["orchard"], date_from="2012-02-30")
    assert generated.trend([], by="year").series == []


@pytest.mark.corpus
def test_trend_counts_equal_search_totals_on_the_real_corpus(tmp_path: Path) -> None:
    items = []
    for name in ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz"):
        with gzip.open(corpus_file(name), "rt", encoding="utf-8") as fh:
            lines = list(itertools.islice(fh, 0, None, 8))  # every 8th article: all months
        found, _ = read_jsonl("".join(lines), name)
        items.extend(found)
    with open_archive(tmp_path / "a", bundled=False) as archive:
        archive.import_items(items)
        queries = (
            "Kim Jong Un",
            '"plenary meeting"',
            "nuclear NOT United",
            "socialis*",
            "congress OR conference",
        )
        assert _check_against_search(archive, queries, "month") > 5 * 40
        assert _check_against_search(archive, queries, "year") == 5 * 14  # 2011..2024
        assert _check_against_search(archive, queries[:2], "month", "2012-03-15", "2023-02")
