"""Publication date: header lines, date lines with time and zone, datelines; never story dates."""

from __future__ import annotations

import pytest

from newsx.document import Document
from newsx.extract.date import extract_date
from newsx.segment import segment


def date(text: str) -> str | None:
    span = extract_date(segment(Document(text)))
    return span.data if span else None


def test_date_header() -> None:
    assert date(" date 2024-03-02 Submit Release\nA title\n\nText on March 1.\n") == "2024-03-02"


def test_header_day_with_time_from_a_date_line() -> None:
    text = " date 2014-12-16 x\n16 Dec 2014\n\nA title\n\n8:19 am on 16 December 2014\n\nText.\n"
    assert date(text) == "2014-12-16T08:19:00"


def test_pipe_time_and_gmt_offset() -> None:
    assert date("March 2, 2024 | 07:05 (GMT+7)\nA title\nText.\n") == "2024-03-02T07:05:00+07:00"


def test_gmt_before_a_number_that_is_no_offset() -> None:
    # the offset needs a sign: `GMT 28.04.2020` is GMT, then a date; `UTC 2020` is UTC
    assert date("A title\n\nApril 28, 2020 22:57 GMT 28.04.2020\nText.\n") == "2020-04-28T22:57:00+00:00"
    assert date("A title\n\nJanuary 20, 2020 09:49 UTC 2020\nText.\n") == "2020-01-20T09:49:00+00:00"
    assert date("A title\n\nMarch 2, 2024 | 07:05 GMT-5\nText.\n") == "2024-03-02T07:05:00-05:00"
    assert date("A title\n\nMarch 2, 2024 | 07:05 GMT \u2212 3\nText.\n") == "2024-03-02T07:05:00-03:00"


def test_updated_line_with_us_zone() -> None:
    text = "A title\nSource: City fire department\nUpdated: Feb. 9, 2021 at 4:45 PM MST\nText.\n"
    assert date(text) == "2021-02-09T16:45:00-07:00"


def test_weekday_and_gmt_plus() -> None:
    assert date("A title\n\nMonday, May 06, 2019, 08:30 GMT+7\nText.\n") == "2019-05-06T08:30:00+07:00"


def test_uk_time_in_summer_and_winter() -> None:
    assert date("A title\nSaturday 12 July 2014 18:00, UK\nText.\n") == "2014-07-12T18:00:00+01:00"
    assert date("A title\nSaturday 13 December 2014 18:00, UK\nText.\n") == "2014-12-13T18:00:00+00:00"


def test_time_without_zone_has_no_offset() -> None:
    assert date("Nov 3, 2022 / 10:05\n\nA title\n\nText.\n") == "2022-11-03T10:05:00"
    assert date("A title\n\nJan 5, 2023, 2:40 PM\n\nText.\n") == "2023-01-05T14:40:00"


def test_published_line_with_iso_time() -> None:
    assert date("Source:Agency Published: 2015-06-01 09:10:11\nText.\n") == "2015-06-01T09:10:11"


def test_published_preferred_over_updated() -> None:
    text = "A title\nUpdated: June 3, 2020\nPublished: June 1, 2020\nText.\n"
    assert date(text) == "2020-06-01"


def test_event_date_in_story_is_not_taken() -> None:
    text = ("Ministers meet in the capital\n\nThe ministers met in Hanoi on November 25, 2022 to discuss "
            "the trade agreement, which takes effect on January 1, 2023.\n")
    assert date(text) is None


def test_dateline_with_year_from_copyright() -> None:
    text = "A title\n\nHANOI, Jan 19 (VNA) - The ministry said ...\n\nCopyright 2021 Agency.\n"
    assert date(text) == "2021-01-19"


def test_dateline_without_any_year_gives_nothing() -> None:
    assert date("A title\n\nHANOI, Jan 19 (VNA) - The ministry said in 1998 ...\n") is None


def test_cache_trailer_date() -> None:
    text = "Story text.\n\nA title have 100 words, post on example.vn at July 26, 2021. This is cached.\n"
    assert date(text) == "2021-07-26"


@pytest.mark.parametrize("verb", ["POSTED ON", "Post on", "poſt on"])
def test_cache_trailer_date_in_any_case(verb: str) -> None:
    text = f"Story text.\n\nA title have 90 words, {verb} example.vn at May 3, 2022. Cached.\n"
    assert date(text) == "2022-05-03"


def test_dateline_with_full_date_and_agency() -> None:
    text = "A title\nAbuja, Oct. 3, 2023 (NAN) The governor said on Tuesday ...\n"
    assert date(text) == "2023-10-03"


def test_press_release_dateline() -> None:
    text = "FOR IMMEDIATE RELEASE\nA title\nACCRA, Ghana, May 2, 2022 – Example Ltd today opened ...\n"
    assert date(text) == "2022-05-02"


def test_date_line_deep_in_the_story_is_not_taken() -> None:
    para = "The committee met again on Thursday and heard from witnesses about the contract. " * 3
    text = "A title\n\n" + (para + "\n\n") * 4 + "Friday, June 3, 2016.\n"
    assert date(text) is None


def test_time_before_date_with_zone_between() -> None:
    text = "A title\nPublished 3:45 PM EDT, Mon May 6, 2024\nText.\n"
    assert date(text) == "2024-05-06T15:45:00-04:00"


def test_us_eastern_time_follows_daylight_saving() -> None:
    assert date("A title\nMarch 5, 2024 at 4:12 p.m. ET\nText.\n") == "2024-03-05T16:12:00-05:00"
    assert date("A title\nJuly 5, 2024 at 4:12 p.m. ET\nText.\n") == "2024-07-05T16:12:00-04:00"


def test_iso_timestamp_with_offset() -> None:
    assert date("A title\nPublished: 2024-03-05T16:12:00+09:00\nText.\n") == "2024-03-05T16:12:00+09:00"


def test_byline_and_date_on_one_line() -> None:
    text = "A title\nBy Minh Quan | March 5, 2024 | 04:12 pm GMT+7\nText.\n"
    assert date(text) == "2024-03-05T16:12:00+07:00"


def test_numeric_dates_day_first_unless_impossible() -> None:
    assert date("A title\n05/03/2024 08:15\nText.\n") == "2024-03-05T08:15:00"
    assert date("A title\n03/14/2024\nText.\n") == "2024-03-14"


def test_source_and_editor_fields_on_the_date_line() -> None:
    text = "A title\nSource: Xinhua| 2024-03-05 16:12:00|Editor: Li Na\nText.\n"
    assert date(text) == "2024-03-05T16:12:00"
