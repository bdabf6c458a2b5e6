"""Outlet: in-text credits resolved against the registry; photo credits are not credits."""

from __future__ import annotations

import pytest

from newsx.document import Document
from newsx.extract.outlet import extract_outlet, resolve
from newsx.segment import segment


def outlet(text: str) -> tuple[str, str | None] | None:
    span = extract_outlet(segment(Document(text)))
    return (span.data.name, span.data.abbr) if span else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A title\n\nDA NANG (VNA) – The city opened a bridge.\n", ("Vietnam News Agency", "VNA")),
        ("A title\n\nLONDON (Reuters) - Shares fell on Monday.\n", ("Reuters", None)),
        ("A title\n\nSPRINGFIELD, Ill. (AP) — A bridge opened.\n", ("Associated Press", "AP")),
        ("A title\n\nPANO – The army held a drill on Monday.\n", ("People's Army Newspaper", "PANO")),
        ("A title\n\nKumasi, May 4, GNA - The regional minister said ...\n", ("Ghana News Agency", "GNA")),
        ("A title\n\nThe ministry said it would act. — VNS\n", ("Viet Nam News", "VNS")),
        ("A title\n\nThe talks ended late on Friday. – (Reuters)\n", ("Reuters", None)),
        ("A title\n\nThe probe found a comet. — Sapa-DPA\n", ("Sapa-DPA", None)),
        ("A title\n\nThe fair closed on Sunday. (Xinhua)\n", ("Xinhua News Agency", "Xinhua")),
        ("A title\n\nText of the story.\n\nSource: VOV\n", ("Voice of Vietnam", "VOV")),
        ("A title\n\nBY ASSOCIATED PRESS\n\nA storm hit the coast.\n", ("Associated Press", "AP")),
        ("A title\n\nBy Kofi Boateng, GNA\n\nThe council met.\n", ("Ghana News Agency", "GNA")),
        ("A title\n\nThe premier spoke.\n\n© AAP 2023\n", ("Australian Associated Press", "AAP")),
        ("A title\n\nThe striker says his two goals in the cup tie on Sunday were the best of his "
         "career so far, Completesportsnigeria.com reports.\n",
         ("Complete Sports Nigeria", "Complete Sports")),
        ("A title\n\nThe News Agency of Nigeria (NAN) reports that the school received new books "
         "and computers from the state government.\n",
         ("News Agency of Nigeria", "NAN")),
        ("A title\n\nTN News\n\nResidents protested on Monday.\n", ("Thanh Nien News", "TN News")),
        ("A title\n\nMESA, AZ (Desert Valley News) - Crews fought a fire.\n", ("Desert Valley News", None)),
    ],
)
def test_credit_forms(text: str, expected: tuple[str, str | None]) -> None:
    assert outlet(text) == expected


def test_dateline_glued_to_a_caption() -> None:
    text = "A title\nThe minister speaks. (Photo: VNA)Hanoi (VNA) – The minister said ...\n"
    assert outlet(text) == ("Vietnam News Agency", "VNA")


@pytest.mark.parametrize(
    "text",
    [
        "A title\n\nThe minister at the meeting. (Photo: VNA)\n\nThe minister said ...\n",
        "A title\n\nThe mayor and residents. Photo: AAP\n\nThe mayor said ...\n",
        "A title\n\nFlooded fields in the delta. - VNA/VNS Photo Minh Anh |\n\nHÀ NỘI — Farmers said ...\n",
        "A title\n\n(Photo: Ministry of Foreign Affairs)\n\nThe minister said ...\n",
        "A title\n\nThe official told the Vietnam News Agency that work would resume.\n",
        "A title\n\nHÀ NỘI — Farmers said the harvest was good.\n",
    ],
)
def test_no_credit_gives_none(text: str) -> None:
    assert outlet(text) is None


def test_registry_ignores_case_and_accents() -> None:
    assert resolve("viet nam news") == resolve("Việt Nam News") == resolve("VNS")
    assert resolve("reuters.com") == resolve("Reuters")
    assert resolve("Some Unknown Gazette") is None


def test_outlet_line_with_desk_after_byline() -> None:
    text = "A title\nBy Sam Hill\nBBC News, Leeds\nThe council said ...\n"
    assert outlet(text) == ("BBC News", "BBC")


def test_agency_after_dated_dateline_without_dash() -> None:
    text = "A title\nAbuja, Oct. 3, 2023 (NAN) The governor said ...\n"
    assert outlet(text) == ("News Agency of Nigeria", "NAN")


def test_abbreviation_equal_to_name_is_none() -> None:
    assert outlet("A title\n\nLONDON (Reuters) - Shares fell.\n") == ("Reuters", None)


def test_outlet_cited_later_in_the_story_is_not_the_credit() -> None:
    text = ("A title\n\nThe senator spoke in the capital on Monday about the budget and the vote "
            "expected later this month.\n\nHe met donors on Sunday as well.\n\n"
            "The meeting was tense, Fox News reported.\n")
    assert outlet(text) is None


def test_state_abbreviation_is_not_an_agency() -> None:
    text = "A title\n\nSTATE COLLEGE, Pa. - The candidate spoke.\n\nLawmakers from (Pa.).\n"
    assert outlet(text) is None


def test_party_label_in_brackets_is_not_an_outlet() -> None:
    assert outlet("A title\n\nSen. Roe (R-Texas) — who spoke first — said ...\n") is None


def test_outlet_cited_in_the_opening_by_plain_name_is_not_the_credit() -> None:
    text = ("A title\n\nThe candidate promised on Monday to build a new stadium for the city team, "
            "the Daily Herald reports.\n")
    assert outlet(text) is None


def test_agency_named_after_the_byline() -> None:
    assert outlet("A title\nBy DANA ROE Associated Press\nText.\n") == ("Associated Press", "AP")


def test_story_ending_with_the_outlet_line() -> None:
    text = "A title\n\nHÀ NỘI — Farmers in the delta are planting fruit trees, officials said.\n\nVNS\n"
    assert outlet(text) == ("Viet Nam News", "VNS")


def test_desk_line_starting_with_the_outlet_name() -> None:
    assert outlet("A title\nBy Huw Jones\nBBC Wales News\nTrains were cancelled.\n") == ("BBC News", "BBC")


def test_photo_agency_line_is_not_a_credit() -> None:
    assert outlet("A title\nAP Photo/Jane Roe\nTrains were cancelled.\n") is None


def test_a_byline_credit_spaced_unlike_the_registry_keeps_its_span_in_the_text() -> None:
    # "Associated  Press" (two spaces) is resolved as "Associated Press", which the text
    # does not hold as written: the span starts at the credit's name, never before the text
    text = ("By JANE ROE Associated  Press\n\nThe city council voted on Tuesday to approve the "
            "budget for the new bridge over the river, officials said.\n")
    span = extract_outlet(segment(Document(text)))
    assert span is not None and span.data.name == "Associated Press"
    assert (span.start, span.end) == (3, 19)
    assert text[span.start:span.end] == "JANE ROE Associa"
