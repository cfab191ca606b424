"""Grammar 14: a news report's undated, unnumbered meeting ("the KWP CC plenum", "a session of the
Supreme People's Assembly") is the one the reference chronology holds in the weeks before the
report (or, for one to come, in the weeks after); a plural name ("plenary meetings of its Central
Committee") is no meeting; a month-named plenum "of the Workers' Party". Every sentence here was
written for these tests (none is taken from a test set)."""

from __future__ import annotations

from tests.core.test_timeline_grammar9 import dated, events_of


def test_a_reports_undated_plenum_is_the_chronologys_last_one_before_it() -> None:
    text = "The minister told the ambassador about the Central Committee plenum of the WPK."
    events = events_of(text, "1956-09-20")
    assert [(e.kind, e.start, e.end, e.date_basis) for e in events] == [
        ("cc_plenary", "1956-08-30", "1956-08-31", "chronology")
    ]
    # the passage is the event's source, the chronology's row its "chronology"
    assert events[0].sources and events[0].sources[0].quote.startswith("The minister told")
    assert events[0].chronology is not None


def test_no_meeting_of_that_kind_in_the_weeks_before_the_report_is_no_event() -> None:
    text = "The minister told the ambassador about the Central Committee plenum of the WPK."
    assert dated(text, "1957-06-15") == []
    assert dated(text, "1956-08-20") == []  # (the plenum came after the report)
    # nor a page dated only by its year, where "recent" means nothing
    assert dated(text, "1956") == []


def test_a_politburo_meeting_reported_the_next_day() -> None:
    text = "Kim Jong Un presided over a meeting of the Political Bureau, state media said."
    assert dated(text, "2020-08-14") == [("politburo_meeting", "2020-08-13", "2020-08-13")]


def test_a_meeting_to_come_is_the_next_one_in_the_weeks_after() -> None:
    text = "The ruling party will convene a plenary meeting of its Central Committee."
    assert dated(text, "2019-12-10") == [("cc_plenary", "2019-12-28", "2019-12-31")]
    # no plenum in the month after: kept, undated, as a meeting to come
    assert dated(text, "2019-10-01") == [("cc_plenary", None, None)]


def test_habits_plans_and_plurals_are_no_meeting() -> None:
    assert (
        dated("The Central Committee usually holds a plenary meeting in spring.", "2019-12-31")
        == []
    )
    assert (
        dated("Officials prepared a session of the Supreme People's Assembly.", "2019-04-20") == []
    )
    text = (
        "The country works to implement the resolutions of the 8th Congress of the WPK and "
        "plenary meetings of its Central Committee."
    )
    assert [kind for kind, _, _ in dated(text, "2023-03-14")] == ["party_congress"]


def test_a_meeting_the_text_dates_takes_no_other_date() -> None:
    text = (
        "The plenary meeting of the WPK Central Committee opened on 28 December 2019. "
        "Observers said the Central Committee plenum was the longest in decades."
    )
    assert dated(text, "2020-01-02") == [("cc_plenary", "2019-12-28", "2019-12-28")]


def test_another_partys_plenum_is_not_the_wpks() -> None:
    text = (
        "The ambassador described the plenum of the Central Committee of the Communist Party of "
        "the Soviet Union. Comrade Khrushchev spoke about the plenum."
    )
    assert dated(text, "1957-07-03") == []


def test_a_month_named_plenum_of_the_workers_party() -> None:
    text = "He said that the December plenum of the Korean Workers' Party had set sound goals."
    assert dated(text, "1959-12-16") == [("cc_plenary", "1959-12", "1959-12")]
    text = "He recalled the August Plenum of the Workers' Party of Korea and its purges."
    assert dated(text, "1957-03-01") == [("cc_plenary", "1956-08-30", "1956-08-31")]
    # another body's month-named meeting stays another's
    assert dated("The October 2017 plenary meeting of the Cabinet met.", "2018-01-01") == []


def test_a_described_gathering_without_a_day_is_the_congress_or_conference_of_the_report() -> None:
    text = (
        "North Korea's big day\n\nA rare meeting of North Korea's ruling party has opened the way "
        "for a new generation of leaders, state media reported."
    )
    assert dated(text, "2010-09-28") == [("party_conference", "2010-09-28", "2010-09-28")]
    # a conference to open within the month after the report
    text = "North Korea is rehearsing for its biggest political conference in 30 years."
    assert dated(text, "2010-09-06") == [("party_conference", "2010-09-28", "2010-09-28")]
    # far from any congress or conference: nothing
    text = (
        "A rare meeting of North Korea's ruling party has opened the way for a new generation "
        "of leaders, state media reported."
    )
    assert dated(text, "2013-05-01") == []


def test_the_legislature_acting_on_a_day_is_its_session_that_day() -> None:
    text = "North Korea's legislature on Wednesday elected a new premier, state media said."
    assert dated(text, "2007-04-12") == [("spa_session", "2007-04-11", "2007-04-11")]
    text = "North Korea's parliament yesterday approved the state budget."
    # (a day of the session of 11-12 April 2019, whose days the chronology gives)
    assert dated(text, "2019-04-13") == [("spa_session", "2019-04-11", "2019-04-12")]
    # the South's parliament is not the SPA; a bare act with no day is no session
    assert dated("South Korea's parliament on Wednesday elected a speaker.", "2007-04-12") == []
    assert dated("North Korea's parliament elected a new premier.", "2007-04-12") == []


def test_two_undated_names_of_one_meeting_stay_one_event() -> None:
    # (each had been folded into the other, and the meeting lost)
    text = (
        "Kim Jong Un presided over a meeting of the ruling party's Central Military Commission. "
        "First, at an enlarged meeting of the Seventh Central Military Commission of the WPK, "
        "Kim led discussions on the army."
    )
    events = events_of(text, None)
    assert [(e.kind, e.key, e.start) for e in events] == [("cmc_meeting", "cmc_meeting:7:?", None)]
    assert len(events[0].sources) == 2


def test_the_norths_central_committee() -> None:
    text = (
        "The warning came on the heels of a meeting of the North's ruling Workers Party Central "
        "Committee where Kim spoke."
    )
    assert dated(text, "2013-04-02") == [("cc_plenary", "2013-03-31", "2013-03-31")]


def test_a_description_of_another_bodys_meeting_finds_no_gathering() -> None:
    text = (
        "At an enlarged meeting of the party committee of the Taean Electrical Machinery Plant, "
        "the workers pledged to carry out the tasks set by the WPK."
    )
    # (the plant's committee meeting itself stays what it was: a lower organ's, undated)
    assert [kind for kind, _, _ in dated(text, "2012-04-11")] == ["other_party_meeting"]


def test_apostrophes_as_copies_garble_them() -> None:
    for party in ("Workers ̔ Party", "Worker ̔s Party", "Workers‘ Party", "Workers` Party"):
        text = f"Kim Jong Il attended the 6th Congress of the {party} of Korea in Pyongyang."
        assert [k for k, _, _ in dated(text, "1990-01-01")] == ["party_congress"], party


def test_a_convention_is_a_congress_or_the_conference_the_chronology_holds() -> None:
    text = "A source came to Pyongyang for the upcoming Workers' Party Convention."
    assert dated(text, "2010-09-22") == [("party_conference", "2010-09-28", "2010-09-28")]
    assert dated(text, "2016-04-22") == [("party_congress", "2016-05-06", "2016-05-09")]


def test_the_party_calling_a_conference() -> None:
    text = "The ruling Workers Party in North Korea calls a conference in mid-April."
    assert dated(text, "2012-02-20") == [("party_conference", "2012-04-11", "2012-04-11")]
    # not a press conference, nor another party's congress
    assert dated("The ruling Workers Party called a press conference.", "2012-02-20") == []
    assert dated("The Lao People's Revolutionary Party calls a congress.", "2012-02-20") == []


def test_a_meeting_of_the_party_as_a_whole_is_its_gathering() -> None:
    text = "Officials were reshuffled days ahead of a meeting of the Korean Workers' Party."
    assert dated(text, "2010-09-23") == [("party_conference", "2010-09-28", "2010-09-28")]
    # a meeting of one of its bodies is that body's
    text = "Officials were reshuffled days ahead of a meeting of the Korean Workers' Party Central Committee."
    assert [k for k, _, _ in dated(text, "2010-09-23")] == ["cc_plenary"]


def test_an_earlier_congress_or_conference_told_by_its_year() -> None:
    base = "The Workers' Party will hold a conference on 28 September 2010. "
    found = dated(base + "The last party meeting in 1980 made Kim Jong Il heir.", "2010-09-21")
    assert ("party_congress", "1980-10-10", "1980-10-14") in found
    found = dated(base + "It is the most important such conclave since 1966.", "2010-09-21")
    assert ("party_conference", "1966-10-05", "1966-10-12") in found
    # the kind named must fit: there was no conference in 1980
    found = dated(base + "A previous conference in 1980 made Kim heir.", "2010-09-21")
    assert found == [("party_conference", "2010-09-28", "2010-09-28")]
    # "the first ... since" only implies one; and a story of no congress or conference reads none
    found = dated(base + "It is the first such gathering since 1966.", "2010-09-21")
    assert found == [("party_conference", "2010-09-28", "2010-09-28")]
    assert dated("The last party meeting in 1980 made Kim Jong Il heir.", "2010-09-21") == []


def test_a_bare_conference_weeks_before_one_is_that_one() -> None:
    # no conference held lately, one called for within months: the one called for
    text = "Report: North Korea ready for major party conference."
    assert dated(text, "2010-09-06") == [("party_conference", "2010-09-28", "2010-09-28")]
    # one held lately and one called for soon: the sentence does not say which
    assert dated("The party conference reshaped the leadership.", "2012-03-01") == []


def test_a_text_with_no_date_keeps_its_congress_told_neither_held_nor_to_come() -> None:
    text = "Kim Jong Eun was made Vice Chairman through the Workers' Party Delegates' Conference."
    assert dated(text, None) == [("party_conference", None, None)]
    # but not beside a congress or conference the text places
    text = (
        "The 7th Congress of the WPK was held in May 2016. The decisions of the Party Congress "
        "guide the work; the Conference of the WPK is another matter."
    )
    assert dated(text, None) == [("party_congress", "2016-05-06", "2016-05-09")]


def test_the_storys_undated_meeting_is_not_the_earlier_one_it_recalls() -> None:
    text = (
        "Kim discussed defence at an enlarged meeting of the ruling party's Central Military "
        "Commission. Such meetings have taken place six times, with the last such meeting held "
        "in September."
    )
    found = dated(text, "2019-12-22")
    assert ("cmc_meeting", "2019-09", "2019-09") in found
    assert ("cmc_meeting", None, None) in found and len(found) == 2
    # while a story's one meeting named twice, once dated, stays one
    text = (
        "Kim presided over an enlarged meeting of the Central Military Commission of the WPK. "
        "The meeting of the Central Military Commission was held on 21 December."
    )
    assert dated(text, "2019-12-22") == [("cmc_meeting", "2019-12-21", "2019-12-21")]


def test_the_congress_to_come_beside_the_last_one_held_way_back() -> None:
    text = (
        "North Korea announced it would convene a congress of its ruling Workers' Party. "
        "The last congress was held way back in October 1980 under Kim Il Sung."
    )
    # a text with no date: the one to come stays, undated, beside the earlier one it recalls
    assert dated(text, None) == [
        ("party_congress", "1980-10-10", "1980-10-14"),
        ("party_congress", None, None),
    ]


def test_a_malformed_publication_date_reads_no_recent_meeting_and_breaks_nothing() -> None:
    text = "The minister told the ambassador about the Central Committee plenum of the WPK."
    assert dated(text, "2012-02-30") == []
    text = "A rare meeting of North Korea's ruling party opened the way for the son."
    assert dated(text, "2010-09-31") == []


def test_one_passage_span_is_one_source_of_an_event() -> None:
    text = (
        "Kim Jong Un presented the report on the work of the Central Committee since the previous "
        "congress in 2016. The 8th Congress of the WPK was held from January 5 to 12, 2021."
    )
    events = {e.name: e for e in events_of(text, "2021-01-13")}
    seventh = events["7th Congress of the WPK"]
    assert len(seventh.sources) == len({(s.doc_id, s.start, s.end) for s in seventh.sources}) == 1
