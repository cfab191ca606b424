"""Grammar 8: how wire services and newspapers tell of a meeting ("North Korea on Friday opened its
first ruling party congress since 1980", "wrapped up a four-day plenary meeting on Monday", "which
opened on October 5, ended on Wednesday"), the American "Labor Party", and a yearless date set in its
meeting's year by the chronology. Every sentence here was written for these tests (none is taken
from a test set)."""

from __future__ import annotations

import pytest

from wpk_archive.core.chronology import load_chronology
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Event
from wpk_archive.core.timeline import extract_mentions, merge_mentions

CHRONOLOGY = load_chronology()


def events_of(text: str, date: str | None) -> list[Event]:
    doc = document_from_text(text, origin=f"test:g8:{hash(text)}", title="t", date=date)
    return [e for e in merge_mentions(extract_mentions(doc), CHRONOLOGY) if not e.reference_only]


def dated(text: str, date: str | None) -> list[tuple[str, str | None, str | None]]:
    return [(e.kind, e.start, e.end) for e in events_of(text, date)]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a subject, its date, the verb, then the name
        (
            "North Korea on Friday opened its first ruling party congress since 1980.",
            "2016-05-07",
            [("party_congress", "2016-05-06", "2016-05-06")],
        ),
        (
            "Kim on Monday presided over a Politburo meeting of the ruling party, KCNA said.",
            "2022-03-01",
            [("politburo_meeting", "2022-02-28", "2022-02-28")],
        ),
        # how long since the last one, between the name and its date
        (
            "Kim opened the first ruling party congress in five years on Tuesday, state media said.",
            "2021-01-06",
            [("party_congress", "2021-01-05", "2021-01-05")],
        ),
        (
            "The Supreme People's Assembly opened its first session in four years on Saturday.",
            "1998-09-06",
            [("spa_session", "1998-09-05", "1998-09-05")],
        ),
        # the party itself holds the meeting
        (
            "North Korea's ruling party opened a rare conference on Tuesday, its first since 1966.",
            "2010-09-28",
            [("party_conference", "2010-09-28", "2010-09-28")],
        ),
        (
            "North Korea wrapped up its eighth party congress on Tuesday with a parade planned.",
            "2021-01-13",
            [("party_congress", "2021-01-12", "2021-01-12")],
        ),
        (
            "The ruling party's conference on Wednesday named him first secretary.",
            "2012-04-12",
            [("party_conference", "2012-04-11", "2012-04-11")],
        ),
        (
            "The four-day plenary meeting of the ruling party ended on Friday, KCNA said.",
            "2030-06-15",  # (a Saturday; a year the chronology does not reach)
            [("cc_plenary", "2030-06-11", "2030-06-14")],
        ),
        # a length and a closing day: the whole range
        (
            "The Workers' Party of Korea wrapped up a four-day plenary meeting of its Central "
            "Committee on Monday.",
            "2024-07-01",
            [("cc_plenary", "2024-06-28", "2024-07-01")],
        ),
        (
            "The party's Central Committee wrapped up a three-day plenary meeting on Thursday.",
            "2021-02-12",
            [("cc_plenary", "2021-02-09", "2021-02-11")],
        ),
        (
            "The enlarged plenary meeting of the party's central committee opened on June 28 and "
            "lasted four days.",
            "2024-07-02",
            [("cc_plenary", "2024-06-28", "2024-07-01")],
        ),
        (
            "The North's legislature held a two-day session that ended Wednesday.",
            "2023-01-19",
            [("spa_session", "2023-01-17", "2023-01-18")],
        ),
        # the opening and the closing day in one sentence
        (
            "The party conference, which opened on October 5, ended on Wednesday.",
            "1966-10-13",
            [("party_conference", "1966-10-05", "1966-10-12")],
        ),
        (
            "The eighth congress of the ruling Workers' Party, which opened on Jan. 5, closed on "
            "Tuesday after eight days.",
            "2021-01-13",
            [("party_congress", "2021-01-05", "2021-01-12")],
        ),
        (
            "A plenary meeting of the WPK central committee, which began on Tuesday, closed on Friday.",
            "2021-06-19",
            [("cc_plenary", "2021-06-15", "2021-06-18")],
        ),
        # the Central Committee meets in plenum
        (
            "The party's Central Committee met on Wednesday for a plenary session, KCNA said Thursday.",
            "2020-08-20",
            [("cc_plenary", "2020-08-19", "2020-08-19")],
        ),
        # the SPA and an apposition; its numbered session of a term
        (
            "The Supreme People's Assembly, the country's rubber-stamp legislature, met on Tuesday "
            "and Wednesday in Pyongyang.",
            "2023-09-28",
            [("spa_session", "2023-09-26", "2023-09-27")],
        ),
        (
            "The Supreme People's Assembly held its seventh session of the 14th term from Jan. 17 "
            "to 18.",
            "2023-01-19",
            [("spa_session", "2023-01-17", "2023-01-18")],
        ),
        # "the Labor Party" of American papers
        (
            "Kim made his first public appearance in weeks. The last known meeting of the Central "
            "Military Commission of the Labor Party was in mid-December, state media in North "
            "Korea said.",
            "2020-05-03",
            [("cmc_meeting", "2019-12", "2019-12")],
        ),
        (
            "North Korea's ruling Labor Party opened a rare congress on Tuesday in Pyongyang.",
            "2021-01-06",
            [("party_congress", "2021-01-05", "2021-01-05")],
        ),
        # history and reference wordings
        (
            "Preparations began at the 11th Political Bureau meeting of the 7th WPK Central "
            "Committee held on 14 April 2020.",
            "2021-03-01",
            [("politburo_meeting", "2020-04-14", "2020-04-14")],
        ),
        (
            "The 12th Plenary Session of the 3rd Central Committee decided on 5 April 1960 to "
            "purge the faction.",
            "2000-01-01",
            [("cc_plenary", "1960-04-05", "1960-04-05")],
        ),
        (
            "Notes on the Korean Workers Party Central Committee Meeting of March 1958.",
            None,
            [("cc_plenary", "1958-03", "1958-03")],
        ),
        (
            "A full meeting of the Chosun Workers' Party Politburo was held on Monday, sources said.",
            "2014-03-05",
            [("politburo_meeting", "2014-03-03", "2014-03-03")],
        ),
        (
            "He was elected at the 1st session of the 13th Supreme People's Congress of the DPRK on "
            "April 9, 2014.",
            None,
            [("spa_session", "2014-04-09", "2014-04-09")],
        ),
        (
            "The Supreme People's Assembly Standing Committee (formerly the SPA Presidium) held its "
            "20th plenum on 18 January 2022.",
            None,
            [("spa_standing_committee", "2022-01-18", "2022-01-18")],
        ),
        (
            "Kim was named a general on September 27, 2010, a day ahead of a rare Workers' Party "
            "of Korea conference.",
            None,
            [("party_conference", "2010-09-28", "2010-09-28")],
        ),
        (
            "The first session of the 14th Supreme People's Assembly opened on Thursday. The "
            "session came a day after Kim presided over an enlarged meeting of the party's "
            "Political Bureau.",
            "2019-04-12",
            [
                ("politburo_meeting", "2019-04-10", "2019-04-10"),
                ("spa_session", "2019-04-11", "2019-04-11"),
            ],
        ),
        # news wordings, second part
        (
            "In March, the North held a party plenary meeting on farming, state media said.",
            "2024-06-20",
            [("cc_plenary", "2024-03", "2024-03")],
        ),
        (
            "Kim presided over the opening session of the new parliament in Pyongyang on Thursday.",
            "2014-04-10",
            [("spa_session", "2014-04-10", "2014-04-10")],
        ),
        (
            "Kim spoke at the first plenary session of the 13th Supreme People's Assembly on "
            "Wednesday.",
            "2014-04-10",
            [("spa_session", "2014-04-09", "2014-04-09")],
        ),
        (
            "North Korea's rubber-stamp legislature wrapped up its annual session March 12 in "
            "Pyongyang.",
            "2025-03-14",
            [("spa_session", "2025-03-12", "2025-03-12")],
        ),
        (
            "The Korean Workers' Party opened its fifth congress today, the first in nine years.",
            "1970-11-02",
            [("party_congress", "1970-11-02", "1970-11-02")],
        ),
        (
            "North Korea's parliament convened Wednesday with leader Kim Jong Un absent.",
            "2015-04-10",
            [("spa_session", "2015-04-08", "2015-04-08")],
        ),
        (
            "SEOUL, June 18 (Yonhap) -- North Korea has convened a plenary meeting of the ruling "
            "party, state media said.",
            "2021-06-18",
            [("cc_plenary", "2021-06-15", "2021-06-18")],
        ),
        (
            "Kim Jong Un addresses a plenary meeting of the ruling party's Central Committee in "
            "Pyongyang in this photo released by KCNA on June 19, 2023.",
            "2023-06-20",
            [("cc_plenary", "2023-06-16", "2023-06-18")],
        ),
        (
            "Kim gave a speech Monday at a conference of the party cell secretaries in Pyongyang.",
            "2023-02-28",
            [("other_party_meeting", "2023-02-27", "2023-02-27")],
        ),
        (
            "The Workers' Party of Korea [WPK] 8th Central Committee Political Bureau held its 9th "
            "meeting on Sunday.",
            "2022-06-20",
            [("politburo_meeting", "2022-06-19", "2022-06-19")],
        ),
        (
            "North Korea's plenary meeting of the ruling party's Central Committee is planned for "
            "later in December.",
            "2022-12-02",
            [("cc_plenary", "2022-12-26", "2022-12-31")],
        ),
        (
            "Kim opened a party congress on Tuesday, which he last hosted in 2016.",
            "2021-01-06",
            [
                ("party_congress", "2016-05-06", "2016-05-09"),
                ("party_congress", "2021-01-05", "2021-01-05"),
            ],
        ),
        # a chronology's items: the date at the head of the line is the meeting's
        (
            "March 2013 – Plenary meeting of the WPK Central Committee adopts the byungjin line.",
            "2015-01-01",
            [("cc_plenary", "2013-03-31", "2013-03-31")],
        ),
        (
            "Nov. 2-13, 1970: 5th KWP Congress.",
            "2015-01-01",
            [("party_congress", "1970-11-02", "1970-11-13")],
        ),
        (
            "1961: Fourth Party Congress adopts the seven-year plan.",
            "2015-01-01",
            [("party_congress", "1961-09-11", "1961-09-18")],
        ),
        # a plenum of a story about the Workers' Party that names no other
        (
            "Kim Jong Un, leader of the Workers' Party of Korea, spoke. At a three-day plenum that "
            "ended on Sunday, he called for self-reliance.",
            "2019-04-08",
            [("cc_plenary", "2019-04-05", "2019-04-07")],
        ),
        # reference and history wordings, second part
        (
            "He consolidated power at the Third Party Congress in April 1956 and purged his rivals "
            "after the August Plenum.",
            "2020-01-01",
            [
                ("party_congress", "1956-04-23", "1956-04-29"),
                ("cc_plenary", "1956-08-30", "1956-08-31"),
            ],
        ),
        (
            "The Central Committee's plenary session held in November 1962 adopted the line.",
            "2020-01-01",
            [("cc_plenary", "1962-11", "1962-11")],
        ),
        (
            "After the Fifth Congress of 1970, no congress was held for ten years.",
            "2020-01-01",
            [("party_congress", "1970-11-02", "1970-11-13")],
        ),
        (
            "The Supreme People's Assembly, which last met in April, will convene again in "
            "September.",
            "2020-01-01",
            [("spa_session", "2019-04-11", "2019-04-12"), ("spa_session", "2020-09", "2020-09")],
        ),
        # news wordings, third part
        (
            "North Korea will convene the Supreme People's Assembly on March 25, state media said.",
            "2024-03-10",
            [("spa_session", "2024-03-25", "2024-03-25")],
        ),
        (
            "The 8th Party Congress, slated for January, will review the plan.",
            "2020-12-30",
            [("party_congress", "2021-01-05", "2021-01-12")],
        ),
        (
            "The WPK's Central Committee held its tenth plenary session from Tuesday to Friday.",
            "2024-07-01",
            [("cc_plenary", "2024-06-25", "2024-06-28")],
        ),
        (
            "The party congress entered its third day on Thursday.",
            "2021-01-08",
            [("party_congress", "2021-01-05", "2021-01-07")],
        ),
        (
            "The politburo of the WPK met on May 12 to discuss the outbreak.",
            "2022-05-13",
            [("politburo_meeting", "2022-05-12", "2022-05-12")],
        ),
        (
            "The ruling party's Central Committee opened an expanded plenary meeting on Monday for a "
            "three-day run.",
            "2023-06-20",
            [("cc_plenary", "2023-06-19", "2023-06-21")],
        ),
        # a round of local plenaries; a joint meeting; delegates' conferences; old names
        (
            "Enlarged plenary meetings of the Pyongyang municipal and provincial committees of the "
            "Workers' Party of Korea were held from January 3 to 5.",
            "2025-01-07",
            [("other_party_meeting", "2025-01-03", "2025-01-05")],
        ),
        (
            "An enlarged joint meeting of the Central Committee of the Workers' Party of Korea (WPK) "
            "and the Korean People's Army (KPA) Committee of the WPK was held on March 4.",
            "2017-03-06",
            [("other_party_meeting", "2017-03-04", "2017-03-04")],
        ),
        (
            "The 3rd Chosun Workers' Party Delegates' Conference will be held in late September.",
            "2010-09-01",
            [("party_conference", "2010-09-28", "2010-09-28")],
        ),
        (
            "Kim's son was seen at the North Korean Communist Party Congress, which opened on "
            "Friday.",
            "1980-10-14",
            [("party_congress", "1980-10-10", "1980-10-10")],
        ),
        (
            "Kim convened a preliminary session of North Korea's powerful Central Military "
            "Commission last month.",
            "2013-02-04",
            [("cmc_meeting", "2013-01", "2013-01")],
        ),
        (
            "The ruling Workers' Party will hold its next congress in May 2016. The congress last "
            "met 35 years ago, in October 1980.",
            "2015-11-01",
            [
                ("party_congress", "1980-10-10", "1980-10-14"),
                ("party_congress", "2016-05-06", "2016-05-09"),
            ],
        ),
        (
            "The presidium of the Supreme People's Assembly released its decision to convene the "
            "third session of the 14th SPA.\n\nNorth Korea's parliament will convene a plenary "
            "session in Pyongyang on April 10, state media said.",
            "2020-03-21",
            [("spa_session", "2020-04-10", "2020-04-10")],
        ),
        # news wordings, fourth part
        (
            "North Korean leader Kim Jong Un attends an enlarged plenary meeting of the ruling "
            "Workers' Party's Central Committee at the party's headquarters in Pyongyang, North "
            "Korea, Thursday, June 15, 2023.",
            "2023-06-17",
            [("cc_plenary", "2023-06-15", "2023-06-15")],
        ),
        (
            "However, the December 2019 plenary broke with the dialogue.",
            "2022-12-01",
            [("cc_plenary", "2019-12-28", "2019-12-31")],
        ),
        (
            "The Workers' Party will hold an important plenary session at the end of December.",
            "2022-12-01",
            [("cc_plenary", "2022-12-26", "2022-12-31")],
        ),
        (
            "North Korea's Parliament was scheduled to convene yesterday to pass the budget.",
            "2021-01-18",
            [("spa_session", "2021-01-17", "2021-01-17")],
        ),
        # assembly and presidium wordings
        (
            "Jang was elected at the 12th SPA's opening session in April 2009.",
            "2010-06-07",
            [("spa_session", "2009-04-09", "2009-04-09")],
        ),
        (
            "The 12th Assembly's third session in 2010 named him vice-chairman.",
            "2014-04-09",
            [("spa_session", "2010-06-07", "2010-06-07")],
        ),
        (
            "The first session of the newly elected ninth Supreme People's Assembly opened on May 24.",
            "1990-05-30",
            [("spa_session", "1990-05-24", "1990-05-24")],
        ),
        (
            "Kim told me that a meeting of the KWP CC Presidium had been held the day before.",
            "1957-05-27",
            [("politburo_meeting", "1957-05-26", "1957-05-26")],
        ),
        (
            "North Korea's parliament was to convene Thursday, a day after a party meeting.",
            "2016-06-30",
            [("spa_session", "2016-06-30", "2016-06-30")],
        ),
        (
            "The decisions were made at the third and final day of the WPK's plenary meeting.",
            "2022-06-11",
            [("cc_plenary", "2022-06-08", "2022-06-10")],  # (in the report's month)
        ),
        (
            "A new premier was named at the meeting of the politburo on Sunday.",
            "2024-05-21",
            [("politburo_meeting", "2024-05-19", "2024-05-19")],
        ),
        # a yearless date in an anniversary article: the chronology's year where its days agree
        (
            "Pyongyang, August 30 (KCNA) -- The founding congress of the Workers' Party of North "
            "Korea was held in Pyongyang from August 28 to 30, the agency recalled.",
            "2004-08-31",
            [("party_congress", "1946-08-28", "1946-08-30")],
        ),
    ],
)
def test_news_wordings_give_the_meeting_and_its_days(
    text: str, date: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert dated(text, date) == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The Australian Labor Party opened its national conference on Tuesday in Brisbane.",
            "2023-08-16",
        ),
        (
            "Britain's Labour Party opened its annual conference on Sunday, days after Kim Jong Un "
            "met Putin.",
            "2023-10-08",
        ),
        ("The party's congress decides the line of the party.", "2012-04-12"),
        (
            "The parade on Tuesday marked the 70th anniversary of the ruling Workers' Party.",
            "2015-10-10",
        ),
        ("Kim Il Sung died on July 8, 1994, weeks before a planned summit.", "1994-07-10"),
        (
            "Vietnam's Communist Party on Monday opened its 13th congress, its first since 2016.",
            "2021-01-26",
        ),
        (
            "The Cabinet on Friday wrapped up a two-day plenary meeting on the economy in Pyongyang.",
            "2023-01-20",
        ),
        ("North Korea will not hold a party congress this year, analysts said.", "2019-12-22"),
        ("The North typically holds a year-end plenary meeting to review the year.", "2023-12-02"),
        (
            "The Standing Committee of the 4th Congress of the Workers' Party of Korea had eleven "
            "members.",
            None,
        ),
        ("DPRK Cabinet Holds Third Plenum", "2014-07-16"),
        ("The 13th SPA's second plenary meeting will be its first event.", "2014-05-01"),
        (
            "The Workers' Party of Korea leads. It usually holds a plenary session in March or April.",
            "2021-01-18",
        ),
        (
            "Choe Thae Bok, chairman of the Supreme People's Assembly of the DPRK, met and had a "
            "talk with a visiting delegation.",
            "2011-04-20",
        ),
        (
            "The ruling party has not held a plenary meeting of its Central Committee since 1993.",
            "1994-07-12",
        ),
        ("At the 3rd Conference, the delegates adopted a text on disarmament.", "2001-05-01"),
        (
            "The Workers' Party of Korea sent a delegation. The Communist Party of Vietnam held a "
            "plenum on Monday.",
            "2024-05-21",
        ),
        (
            "The Vietnamese Communist Party's Central Committee met on Monday in Hanoi.",
            "2024-05-20",
        ),
    ],
)
def test_news_wordings_of_other_bodies_give_no_event(text: str, date: str) -> None:
    assert dated(text, date) == []


def test_a_meeting_to_come_is_kept_once_and_joins_the_one_its_article_dates() -> None:
    # "could soon hold" is kept undated where nothing else names it and the chronology holds
    # no plenum in the month after the report (grammar 14: where it does, it is that one)
    text = (
        "The meeting suggests that the North could soon hold a plenary meeting of the party's "
        "Central Committee."
    )
    assert dated(text, "2019-10-22") == [("cc_plenary", None, None)]
    assert dated(text, "2019-12-22") == [("cc_plenary", "2019-12-28", "2019-12-31")]
    # and is the same meeting as the plenum the article dates in its own month
    assert dated(
        "A plenary meeting of the party's Central Committee is scheduled to be held early this "
        "month.\n\nThe politburo meeting comes ahead of a plenary session of the Central "
        "Committee.",
        "2022-06-08",
    ) == [("cc_plenary", "2022-06-08", "2022-06-10")]  # (early June 2022: the chronology's days)


def test_the_upcoming_party_plenum_is_kept_undated() -> None:
    assert dated("Analysts expect the upcoming party plenum to set goals.", "2023-10-25") == [
        ("cc_plenary", None, None)
    ]
    # (grammar 14: the next day's plenum, where the chronology holds one in the month after)
    assert dated("Analysts expect the upcoming party plenum to set goals.", "2023-12-25") == [
        ("cc_plenary", "2023-12-26", "2023-12-30")
    ]


def test_the_plenum_named_by_its_month_in_a_story_of_the_party() -> None:
    text = "The Workers' Party of Korea met often. The plenum of April 1968 purged the generals."
    assert dated(text, "2020-01-01") == [("cc_plenary", "1968-04", "1968-04")]


def test_a_meeting_named_by_its_number_or_term_alone_joins_the_one_named_whole() -> None:
    text = (
        "North Korea will hold the ninth plenary meeting of the eighth Central Committee of the "
        "WPK late in December.\n\nThe plenary meeting of the 8th Central Committee will review the "
        "year."
    )
    assert [(e.key, e.start) for e in events_of(text, "2023-12-02")] == [
        ("cc_plenary:8:9", "2023-12-26")  # (late December 2023: the chronology's days)
    ]


def test_a_bare_numbered_conference_is_the_wpks_only_in_an_article_about_it() -> None:
    text = (
        "The Workers' Party of Korea met. At the 4th Conference, Kim was elected first secretary."
    )
    assert [(e.kind, e.key) for e in events_of(text, "2012-04-20")] == [
        ("party_conference", "party_conference:4")
    ]


def test_a_yearless_date_keeps_its_year_where_the_chronology_holds_other_days() -> None:
    # the 8th Congress was held on 5-12 January 2021: "January 3 to 4" is not moved to 2021
    assert dated(
        "The 8th Congress of the Workers' Party of Korea was held from January 3 to 4.",
        "2024-02-01",
    ) == [("party_congress", "2024-01-03", "2024-01-04")]
