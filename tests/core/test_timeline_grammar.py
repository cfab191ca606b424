"""Meeting names in every wording, whose meeting it is, how it is dated, and how sources merge.

Each case is a sentence of the kind found in real sources (KCNA, news agencies, encyclopedias);
the expected event is what a careful reader takes from it.
"""

from __future__ import annotations

import pytest

from wpk_archive.core.chronology import load_chronology
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Event, EventMention
from wpk_archive.core.timeline import event_id, extract_mentions, merge_mentions

CHRONOLOGY = load_chronology()


def events_of(text: str, date: str | None = "2024-08-05", chronology: bool = True) -> list[Event]:
    doc = document_from_text(text, origin=f"test:{hash(text)}", title="t", date=date)
    found = merge_mentions(extract_mentions(doc), CHRONOLOGY if chronology else None)
    return [e for e in found if not e.reference_only]


def keys(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [(e.key, e.start, e.end) for e in events]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "The 22nd emergency enlarged meeting of the Political Bureau of the Eighth Central "
            "Committee of the Workers' Party of Korea was held on July 28.",
            "politburo_meeting:8:22",
        ),
        (
            "The 19th Enlarged Meeting of the Political Bureau of the Eighth Central Committee of "
            "the WPK was held on February 25.",
            "politburo_meeting:8:19",
        ),
        (
            "The Third Enlarged Meeting of the Seventh Central Military Commission of the WPK was "
            "held on July 18.",
            "cmc_meeting:7:3",
        ),
        (
            "The 32nd Plenary Meeting of the 14th Standing Committee of the Supreme People's "
            "Assembly was held on July 15.",
            "spa_standing_committee:14:32",
        ),
        ("The 14th SPA's 10th session was held on July 15.", "spa_session:14:10"),
        (
            "The 10th Plenary Meeting of the 8th Central Committee of the WPK was held from "
            "June 28 to July 1.",
            "cc_plenary:8:10",
        ),
    ],
)
def test_todays_wordings_are_read(text: str, key: str) -> None:
    found = [e for e in events_of(text, chronology=False) if e.key == key]
    assert found and found[0].start is not None, keys(events_of(text, chronology=False))


def test_two_meetings_in_one_phrase_are_two_events() -> None:
    text = (
        "The decisions of the ninth and tenth plenary meetings of the Eighth Central Committee "
        "are being carried out."
    )
    found = {e.key for e in events_of(text)}
    assert {"cc_plenary:8:9", "cc_plenary:8:10"} <= found


def test_a_meeting_named_by_its_date_is_the_numbered_one() -> None:
    by_date = events_of(
        "The historic December 2023 Plenary Meeting of the Party Central Committee set the tasks."
    )
    by_number = events_of(
        "The 9th Plenary Meeting of the 8th Central Committee of the WPK set the tasks."
    )
    assert [e.key for e in by_date] == ["cc_plenary:8:9"] == [e.key for e in by_number]
    assert event_id("cc_plenary:8:9", None) == by_date[0].id == by_number[0].id


@pytest.mark.parametrize(
    "text",
    [
        "The 20th Congress of the CPC was held in Beijing in October 2022.",
        "The Lao People's Revolutionary Party's Ninth Congress opened in Vientiane in March 2011.",
        "The 9th Congress of the Lao People's Revolutionary Party was held in March 2011.",
        "The Ninth Congress of the youth league opened on August 27.",
        "An enlarged plenary meeting of the DPRK Cabinet took place on Friday.",
        "The 79th session of the UN General Assembly opened in September 2024.",
        "A special plenary meeting of the C.C., the Communist Party of Great Britain was held.",
        "The Communist Party of Vietnam held its 13th Congress in January 2021.",
    ],
)
def test_other_bodies_meetings_are_not_the_wpks(text: str) -> None:
    assert events_of(text) == []


def test_the_party_of_an_article_about_another_party_is_that_party() -> None:
    text = (
        "Choummaly Sayasone, general secretary of the Lao People's Revolutionary Party, met "
        "the delegation.\n\nHe said the 9th Congress of the Party in March set a new course."
    )
    assert events_of(text, date="2011-06-01") == []


def test_a_relative_date_is_read_against_the_article() -> None:
    text = (
        "At the Fourth Plenary Meeting of the Eighth Party Central Committee in December three "
        "years ago, the tasks were set forth."
    )
    (event,) = events_of(text, date="2024-08-05")
    assert event.key == "cc_plenary:8:4"
    assert event.start is not None and event.start.startswith("2021-12")


def test_an_announcement_never_shortens_the_reported_range() -> None:
    notice = "The 11th Session of the 14th SPA of the DPRK is to be convened on October 7."
    report = (
        "The 11th Session of the 14th Supreme People's Assembly of the DPRK took place at the "
        "Mansudae Assembly Hall from October 7 to 8."
    )
    mentions = [
        *extract_mentions(document_from_text(notice, origin="a", title="a", date="2024-09-20")),
        *extract_mentions(document_from_text(report, origin="b", title="b", date="2024-10-09")),
    ]
    assert {m.status for m in mentions} == {"announced", "held"}
    (event,) = merge_mentions(mentions)
    assert (event.start, event.end, event.status) == ("2024-10-07", "2024-10-08", "held")
    assert event.conflicting_dates == []
    assert event.sources[0].doc_id == mentions[1].doc_id, "the meeting's own report comes first"


def test_a_date_in_the_next_sentence_dates_the_meeting() -> None:
    text = (
        "Kim Jong Un guided the 4th Plenary Meeting of the 8th Central Committee of the WPK. "
        "The meeting was held from December 27 to 31."
    )
    (event,) = events_of(text, date="2022-01-01", chronology=False)
    assert (event.start, event.end) == ("2021-12-27", "2021-12-31")


def test_undated_mentions_take_the_chronologys_date_marked_so() -> None:
    (event,) = events_of("The decisions of the Eighth Congress of the WPK are carried out.")
    assert (event.start, event.end) == ("2021-01-05", "2021-01-12")
    assert event.date_basis == "chronology"
    assert event.chronology is not None and event.chronology["source_url"].startswith("http")
    assert event.sources[0].date_basis == "chronology"


def test_unnumbered_mentions_are_fixed_by_the_article_date() -> None:
    text = "Many masterpieces were created since the historic Conference of the Party."
    (event,) = events_of(text, date="2011-06-29")
    assert event.key == "party_conference:3"
    forthcoming = events_of(
        "Preparations for the forthcoming Conference of the WPK are in full swing.",
        date="2012-02-29",
    )
    assert [e.key for e in forthcoming] == ["party_conference:4"]


def test_a_bare_number_the_wpk_never_held_is_not_the_wpks() -> None:
    text = "They hoped the people would implement the decisions of the 11th Congress."
    assert events_of(text, date="2011-05-01") == []


def test_first_since_is_not_the_first_congress() -> None:
    text = "It was the first party congress convened since 1980."
    assert all(e.key != "party_congress:1" for e in events_of(text, date="2016-05-06"))


def test_plural_name_with_a_list_of_years_is_one_meeting_each() -> None:
    text = "The previous Congresses were held in 1956, 1961 and 1970."
    found = {e.key for e in events_of(text, date="2021-01-21")}
    assert {"party_congress:3", "party_congress:4", "party_congress:5"} <= found


def test_opening_and_closing_days_make_one_range() -> None:
    opened = "The 2nd Conference of Secretaries of Primary Committees of the WPK opened Saturday."
    closed = (
        "Kim Jong Un made a speech at the closure of the 2nd Conference of Secretaries of "
        "Primary Committees of the WPK on Monday."
    )
    mentions = [
        *extract_mentions(document_from_text(opened, origin="a", title="a", date="2022-02-27")),
        *extract_mentions(document_from_text(closed, origin="b", title="b", date="2022-03-01")),
    ]
    assert sorted(m.role or "" for m in mentions) == ["closing", "opening"]
    (event,) = merge_mentions(mentions)
    assert (event.start, event.end) == ("2022-02-26", "2022-02-28")


def _mention(key: str, start: str | None, doc: str, status: str = "held") -> EventMention:
    return EventMention(
        doc_id=doc,
        passage=1,
        start=0,
        end=1,
        quote="q",
        kind=key.split(":")[0],
        name=key,
        key=key,
        start_date=start,
        end_date=start,
        precision="day" if start else None,
        status=status,
        basis="text" if start else None,
    )


def test_event_ids_do_not_follow_the_date() -> None:
    """A re-import that corrects a year keeps the event (and the user's corrections on it)."""
    before = merge_mentions([_mention("party_congress:7", "2015-05-06", "d")])
    after = merge_mentions([_mention("party_congress:7", "2016-05-06", "d")])
    assert before[0].id == after[0].id


def test_reference_only_meetings_are_kept_apart() -> None:
    events = merge_mentions([_mention("party_congress:7", None, "d")], CHRONOLOGY)
    named = [e for e in events if not e.reference_only]
    assert [e.key for e in named] == ["party_congress:7"]
    reference = [e for e in events if e.reference_only]
    assert reference and all(e.sources == [] for e in reference)
    assert any(e.key == "party_congress:8" for e in reference)


@pytest.mark.parametrize(
    ("text", "date", "key", "start", "end"),
    [
        # a range written with an abbreviated month: syntok ended the sentence at "Dec."
        (
            "North Korea wrapped up a plenary meeting of the WPK Central Committee that ran "
            "from Dec. 26-30, 2023.",
            "2024-01-02",
            "cc_plenary:?:?",
            "2023-12-26",
            "2023-12-30",
        ),
        # a magazine issue dated by month places a yearless day
        (
            "Kim Jong Un chaired a meeting of the Central Military Commission of the WPK on "
            "Tuesday, Sept. 8.",
            "2020-09",
            "cmc_meeting:?:?",
            "2020-09-08",
            "2020-09-08",
        ),
        # KCNA's misspelling of "Fourth"
        (
            "It was the second enlarged plenary meeting of the Forth Central Committee of the "
            "Workers' Party of Korea held on November 27, 1961.",
            "2012-04-02",
            "cc_plenary:4:2",
            "1961-11-27",
            "1961-11-27",
        ),
        # a dated decision of the Political Bureau is taken at its meeting
        (
            "Pyongyang, July 31 (KCNA) -- The Political Bureau of the Central Committee of the "
            "Workers' Party of Korea on July 30 adopted a decision to rehabilitate the areas.",
            "2024-07-31",
            "politburo_meeting:?:?",
            "2024-07-30",
            "2024-07-30",
        ),
        # "that day": the last single day the story named, not the dateline's
        (
            "Pyongyang, October 22 (KCNA) -- Kim Jong Un gave field guidance at the site on Oct. "
            "21. The houses are to be finished by early December. That day the Secretariat of "
            "the WPK Central Committee decided to dispatch the chief of the headquarters.",
            "2024-10-22",
            "secretariat_meeting:?:?",
            "2024-10-21",
            "2024-10-21",
        ),
        # news wordings (grammar 5): a weekday before the name, through the verb of holding
        (
            "On Saturday, Kim Jong Un convened a meeting of the Politburo of the WPK Central "
            "Committee.",
            "2022-05-16",
            "politburo_meeting:?:?",
            "2022-05-14",
            "2022-05-14",
        ),
        # quotes and bracketed glosses inside a name; the date in brackets after it
        (
            "Kim chaired an “emergency Politburo meeting” (July 25), KCNA said.",
            "2020-07-27",
            "politburo_meeting:?:?",
            "2020-07-25",
            "2020-07-25",
        ),
        (
            "Kim presided over a Central Committee (CC) plenum of the WPK (August 19).",
            "2020-08-21",
            "cc_plenary:?:?",
            "2020-08-19",
            "2020-08-19",
        ),
        # the party's possessive, and a range of weekdays
        (
            "The WPK's plenary meeting was held from Friday to Sunday in Pyongyang.",
            "2023-06-19",
            "cc_plenary:?:?",
            "2023-06-16",
            "2023-06-18",
        ),
        # "held its Nth plenary meeting"; "its" before a name that says whose it is
        (
            "The Standing Committee of the Supreme People's Assembly held its 23rd plenary "
            "meeting on Nov. 29.",
            "2022-12-01",
            "spa_standing_committee:?:23",
            "2022-11-29",
            "2022-11-29",
        ),
        # a meeting's length with its opening or closing day gives the range
        (
            "Kim spoke at a five-day plenary meeting of the ruling Workers' Party that ended "
            "Friday.",
            "2024-12-29",
            "cc_plenary:?:?",
            "2024-12-23",
            "2024-12-27",
        ),
        (
            "A three-day plenary meeting of the WPK Central Committee opened on Monday.",
            "2024-12-29",
            "cc_plenary:?:?",
            "2024-12-23",
            "2024-12-25",
        ),
        # old names of a conference; news names of an SPA session; "held another meeting"
        (
            "The last meeting of Party Representatives occurred in October, 1966.",
            "2010-06-26",
            "party_conference:?",
            "1966-10",
            "1966-10",
        ),
        (
            "Kim ordered the revision at an SPA meeting in January.",
            "2024-09-16",
            "spa_session:?:?",
            "2024-01",
            "2024-01",
        ),
        (
            "The CMC of the WPK held another meeting on August 27.",
            "2015-10-07",
            "cmc_meeting:?:?",
            "2015-08-27",
            "2015-08-27",
        ),
        # a date, then a verb of holding, then the name
        (
            "Last month, Kim convened a meeting of the Politburo of the WPK Central Committee.",
            "2021-01-17",
            "politburo_meeting:?:?",
            "2020-12",
            "2020-12",
        ),
        (
            "North Korea held its 8th Congress of the Workers' Party of Korea from January 5 to 12.",
            "2021-01-20",
            "party_congress:8",
            "2021-01-05",
            "2021-01-12",
        ),
    ],
)
def test_wire_wordings_are_dated(text: str, date: str, key: str, start: str, end: str) -> None:
    assert keys(events_of(text, date=date, chronology=False)) == [(key, start, end)]


@pytest.mark.parametrize(
    "text",
    [
        "The tasks set forth at the Congress of the WPK were fulfilled.",  # "forth" is no ordinal
        # a decision without a date, or a decree of the SPA Presidium, is no dated meeting
        "The Political Bureau of the WPK Central Committee adopted a decision on the flood.",
        "The Presidium of the SPA on July 3 adopted a decision on the election.",
        "The Political Bureau of the WPK Central Committee issued a special report on Thursday.",
        # "that day" with no single day told before
        "Floods hit in July. That day the Secretariat of the WPK Central Committee decided it.",
        # another party's Central Committee plenum; a weekday before a name with no verb of holding
        "The Chinese Communist Party held a Central Committee plenum on Tuesday.",
        "On Saturday, Kim said that a meeting of the Politburo of the WPK had discussed it.",
    ],
)
def test_no_dated_meeting_without_the_words_for_one(text: str) -> None:
    assert [e.key for e in events_of(text, chronology=False) if e.start] == []


# -- grammar 6: a day next to the one the story told; bodies that meet; "the Mth assembly" -----


@pytest.mark.parametrize(
    ("text", "date", "key", "start", "end"),
    [
        # "the previous day" next to the day the story told in the sentence before
        (
            "The delegation of the WPK arrived on March 3. The previous day, the Political Bureau "
            "held a meeting on the spring sowing.",
            "2022-03-10",
            "politburo_meeting:?:?",
            "2022-03-02",
            "2022-03-02",
        ),
        # the day the report names ("reported Tuesday"), then "the previous day"
        (
            "State media reported Tuesday on the session. The Presidium of the Political Bureau "
            "of the Workers' Party of Korea held a meeting the previous day in Pyongyang.",
            "2019-04-10",
            "politburo_meeting:?:?",
            "2019-04-08",
            "2019-04-08",
        ),
        # "the next day" after a told day
        (
            "Kim arrived in the capital on Nov. 3, 2017. The Politburo met the next day.",
            "2017-11-20",
            "politburo_meeting:?:?",
            "2017-11-04",
            "2017-11-04",
        ),
        # a body as the subject of "met", with or without its party's name
        (
            "The Central Military Commission of the Workers' Party of Korea met on Aug. 8, 2018.",
            "2018-08-20",
            "cmc_meeting:?:?",
            "2018-08-08",
            "2018-08-08",
        ),
        (
            "In Pyongyang the Secretariat met on 14 May 2022 to review the epidemic measures.",
            "2022-05-20",
            "secretariat_meeting:?:?",
            "2022-05-14",
            "2022-05-14",
        ),
        # a fronted weekday, then the body and its verb of holding
        (
            "On Sunday, the Politburo held an enlarged meeting to discuss the typhoon damage.",
            "2020-09-02",
            "politburo_meeting:?:?",
            "2020-08-30",
            "2020-08-30",
        ),
        # a page break inside the name (a PDF's, a web page's)
        (
            "In May 2016 the Seventh Congress of the\n\nWorkers' Party of Korea elected Kim "
            "chairman.",
            "2016-08-01",
            "party_congress:7",
            "2016-05",
            "2016-05",
        ),
        # hard-wrapped text: each line a passage, an ordinal ending one
        (
            "The Central Committee grew sharply after the Fourth\nParty Congress, held in\n"
            "September 1961, and again in 1970.",
            "1993-06-01",
            "party_congress:4",
            "1961-09",
            "1961-09",
        ),
        # a body's possessive, then which of its meetings
        (
            "The Politburo's second March meeting, on March 21, 2019, reviewed the harvest.",
            "2019-04-01",
            "politburo_meeting:?:?",
            "2019-03-21",
            "2019-03-21",
        ),
        # a meeting told by its noun alone and dated, then named by "It was the ..."
        (
            "The plenary meeting was held from Tuesday to Thursday in Pyongyang. It was the 5th "
            "plenary meeting of the 8th Central Committee of the Workers' Party of Korea.",
            "2022-06-11",
            "cc_plenary:8:5",
            "2022-06-07",
            "2022-06-09",
        ),
        # the opening day, and a later day of the same meeting in the same report
        (
            "North Korea opened a plenary meeting of the WPK Central Committee on Saturday. At "
            "the enlarged meeting of the party's Central Committee on Monday, Kim spoke on farming.",
            "2021-06-16",
            "cc_plenary:?:?",
            "2021-06-12",
            "2021-06-14",
        ),
        # blind set 3's wordings, in new sentences
        (
            "Choe spoke at an enlarged meeting of the WPK Central Committee (CC) Politburo on "
            "March 2, 2014.",
            "2014-03-10",
            "politburo_meeting:?:?",
            "2014-03-02",
            "2014-03-02",
        ),
        (
            "The Workers' Party's central political bureau convened a meeting on June 3, 2015.",
            "2015-06-10",
            "politburo_meeting:?:?",
            "2015-06-03",
            "2015-06-03",
        ),
        (
            "The Second Meeting of the Executive Policy Council of the Seventh Central Committee "
            "of the WPK took place on 14 March 2019.",
            "2019-03-20",
            "secretariat_meeting:7:2",
            "2019-03-14",
            "2019-03-14",
        ),
        (
            "The standing committee of the Supreme People's Assembly met on 9 January 2022.",
            "2022-01-12",
            "spa_standing_committee:?:?",
            "2022-01-09",
            "2022-01-09",
        ),
        (
            "Kim Il Sung addressed the 1st Conference of Representatives in March 1958.",
            "1958-06-01",
            "party_conference:1",
            "1958-03",
            "1958-03",
        ),
        (
            "The fourth delegates' conference of the Workers' Party of Korea opened on April 11, "
            "2012.",
            "2012-04-20",
            "party_conference:4",
            "2012-04-11",
            "2012-04-11",
        ),
        (
            "The purge was decided at the September 1957 CC Plenum.",
            "1957-12-01",
            "cc_plenary:?:?",
            "1957-09",
            "1957-09",
        ),
        (
            "Pyongyang held a plenary session of its ruling party's central committee on "
            "Thursday.",
            "2020-04-13",
            "cc_plenary:?:?",
            "2020-04-09",
            "2020-04-09",
        ),
        # the SPA as "parliament", in a sentence about the North
        (
            "North Korea convened a session of its national parliament on Tuesday, state media "
            "said.",
            "2019-04-12",
            "spa_session:?:?",
            "2019-04-09",
            "2019-04-09",
        ),
        (
            "North Korea's parliament held a regular session in Pyongyang on 29 September 2021.",
            "2021-10-01",
            "spa_session:?:?",
            "2021-09-29",
            "2021-09-29",
        ),
        # a day the meeting sat, then its closing day: from the one to the other
        (
            "The second sitting of the 5th enlarged meeting of the 7th Central Military "
            "Commission of the WPK was held on Tuesday. State media reported Thursday that the "
            "5th enlarged meeting of the 7th Central Military Commission of the WPK came to a "
            "close the previous day.",
            "2019-05-17",
            "cmc_meeting:7:5",
            "2019-05-14",
            "2019-05-15",
        ),
        # both numbers make "the assembly" the SPA
        (
            "Its standing committee decided to convene the third session of the 13th assembly "
            "on April 11, the agency said.",
            "2015-03-04",
            "spa_session:13:3",
            "2015-04-11",
            "2015-04-11",
        ),
    ],
)
def test_days_next_to_told_ones_and_bodies_that_meet(
    text: str, date: str, key: str, start: str, end: str
) -> None:
    assert keys(events_of(text, date=date, chronology=False)) == [(key, start, end)]


@pytest.mark.parametrize(
    "text",
    [
        # another party's Political Bureau; a body meeting someone; a day next to no told day
        "The Political Bureau of the Communist Party of Vietnam held a meeting on May 4, 2019.",
        "The Chinese Political Bureau met on Thursday to review the plan.",
        "The Politburo met with the visiting delegation on May 4, 2019.",
        "The Politburo met the next day.",
        # another country's parliament
        "South Korea's parliament held a plenary session on Sept. 12, 2024.",
        # an assembly with one number, or another country's
        "The 79th session of the General Assembly opened on Sept. 10, 2024.",
    ],
)
def test_no_meeting_next_to_nothing_or_of_another_body(text: str) -> None:
    assert [e.key for e in events_of(text, date="2024-09-20", chronology=False) if e.start] == []


def test_an_ordinal_whose_noun_is_left_out_is_the_same_series() -> None:
    text = "The 7th Congress of the WPK opened in May 2016, the first since the sixth in 1980."
    assert keys(events_of(text, date="2016-06-01", chronology=False)) == [
        ("party_congress:6", "1980", "1980"),
        ("party_congress:7", "2016-05", "2016-05"),
    ]
    # no numbered meeting before it: an ordinal alone names nothing
    assert events_of("He came first since the sixth in 1980.", chronology=False) == []
