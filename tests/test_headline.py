"""Headline: the title as printed, page furniture skipped, None when the excerpt has none."""

from __future__ import annotations

import pytest

from newsx.assemble import assemble
from newsx.document import Document
from newsx.segment import segment


def headline(text: str) -> str | None:
    return assemble(segment(Document(text))).headline


def test_title_after_date_header_line() -> None:
    text = " date 2024-03-02 Submit Release\nHarbour city opens its new ferry terminal\n\nThe terminal ...\n"
    assert headline(text) == "Harbour city opens its new ferry terminal"


def test_title_on_the_date_header_line() -> None:
    text = " date 2024-03-02 Farmers welcome early rains\nFarmers in the north said on Monday ...\n"
    assert headline(text) == "Farmers welcome early rains"


def test_body_sentence_after_date_header_is_not_a_title() -> None:
    text = (" date 2024-03-02 HẢI PHÒNG — The city authorities on Tuesday opened a new ferry terminal "
            "that will serve more than two million passengers a year, officials said.\n\nMore text.\n")
    assert headline(text) is None


def test_excerpt_starting_mid_story_has_no_title() -> None:
    text = ("A fisherman in the central coastal province was rescued by the border guard after his boat "
            "capsized in rough seas off the island on Sunday night.\nHe was taken to hospital.\n")
    assert headline(text) is None


def test_menus_section_labels_and_date_lines_are_skipped() -> None:
    text = ("LATEST NEWS\nTOPICS Harbour festival 2024 River cleanup campaign Green transport week "
            "Lunar New Year travel Heritage sites of the delta region Startup forum Weekend markets "
            "Youth football cup\n"
            "Mar 2, 2024 / 09:15\n\nAdvertisement\n\nShare on Facebook\n\n"
            "Ferry terminal opens to passengers\n\nThe new terminal ...\n")
    assert headline(text) == "Ferry terminal opens to passengers"


def test_bullets_pipes_and_captions_are_skipped() -> None:
    text = ("  • Politics\n  • Business\n|\nThe mayor cuts the ribbon. (Photo: City Hall) |\n"
            "Ferry terminal opens to passengers\nThe new terminal ...\n")
    assert headline(text) == "Ferry terminal opens to passengers"


def test_caption_broken_over_two_lines_is_not_a_title() -> None:
    text = ("Deputy Mayor Le Van An meets members of the business community\n\n"
            "in the port city on Monday (Photo: VNA)\n\n"
            "Before the meeting, the delegation visited the new container terminal and spoke with "
            "workers and managers about the working conditions at the port.\n")
    assert headline(text) is None


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("Mayor signs ferry deal.", "Mayor signs ferry deal"),
        ("Senator: 'We will not back down.'", "Senator: 'We will not back down'"),
        ("A Judge Was Confirmed. Is It The Last One?", "A Judge Was Confirmed. Is It The Last One?"),
        ("Voters Rejected The Plan. That Is A First.", "Voters Rejected The Plan. That Is A First."),
        ("Candidates make their case in S.C.", "Candidates make their case in S.C."),
        ("Rivals clash over budget; ", "Rivals clash over budget"),
        ("Gov. Smith Backs St. Paul Plan.", "Gov. Smith Backs St. Paul Plan"),
    ],
)
def test_added_final_period_is_dropped(first_line: str, expected: str) -> None:
    assert headline(first_line + "\n\nThe story begins here with a sentence.\n") == expected


def test_image_alt_text_after_title_is_dropped() -> None:
    assert headline("Port traffic rises sharply ảnh 1 \n\nThe port ...\n") == "Port traffic rises sharply"


def test_foreign_cookie_wall_is_skipped() -> None:
    text = ("Puoi leggere tutti i titoli di example.it\ne 10 contenuti ogni 30 giorni\n\n"
            "Harbour reopens after storm\n\n(ANSA) - ROME, MAR 2 - The harbour ...\n")
    assert headline(text) == "Harbour reopens after storm"


def test_title_from_cache_trailer() -> None:
    text = ("HÀ NỘI — The city opened a new bridge over the river on Monday, officials said, "
            "ending years of delays.\n\n"
            "New bridge opens in capital have 120 words, post on example.vn at March 2, 2024. "
            "This is cached page.\n")
    assert headline(text) == "New bridge opens in capital"


def test_breadcrumb_and_one_word_section_label_are_skipped() -> None:
    text = "Home » World » Asia\nBusiness\nPort traffic rises in the north\nThe port handled ...\n"
    assert headline(text) == "Port traffic rises in the north"


def test_one_word_title_followed_by_the_story() -> None:
    text = "Verdict\n\nThe court in the capital on Monday sentenced the former director of the port "
    text += "authority to twelve years in prison for taking bribes from contractors.\n"
    assert headline(text) == "Verdict"


def test_attributed_quote_is_story_text_not_a_title() -> None:
    text = "“We will open the bridge in May,” the mayor said.\n\nWork began last year.\n"
    assert headline(text) is None


def test_site_name_after_the_title_is_dropped() -> None:
    assert headline("Port traffic rises | Viet Nam News\n\nThe port ...\n") == "Port traffic rises"
    assert headline("Port traffic rises - BBC News\n\nThe port ...\n") == "Port traffic rises"


def test_title_about_cookies_is_not_a_cookie_notice() -> None:
    text = "We use cookies to improve your experience. Accept all\n\n"
    text += "Bakery wins prize for its cookies\n\nText.\n"
    assert headline(text) == "Bakery wins prize for its cookies"


def test_several_section_labels_then_the_title() -> None:
    text = "News\nPolitics\nCity to build two metro lines\nBy Le Van\nThe city plans ...\n"
    assert headline(text) == "City to build two metro lines"


def test_outlet_name_line_is_not_the_title() -> None:
    text = "Viet Nam News\nEconomy\nExports rise in first two months\n\nExports reached ...\n"
    assert headline(text) == "Exports rise in first two months"


def test_hard_wrapped_story_without_title() -> None:
    para = ("The city council voted on Tuesday to approve a budget of 4 million\n"
            "dollars for a new public library in the northern district, officials\n"
            "said after the meeting ended late in the evening on the same day.\n\n")
    assert headline(para * 3) is None
    assert headline("Council approves library budget\n\n" + para * 3) == "Council approves library budget"


@pytest.mark.parametrize("line", [
    "World | Example News", "Home » Sport", "News › Local", "Home > Politics", "A>B", "Plain title",
    "Café | Trà", "",
])
def test_separator_test_agrees_with_the_pattern(line: str) -> None:
    from newsx.extract.headline import _SEPARATORS, _has_separator
    assert _has_separator(line) == bool(_SEPARATORS.search(line))
