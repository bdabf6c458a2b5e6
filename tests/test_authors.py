"""Authors: bylines and credit lines; never people in the story, photographers or outlets."""

from __future__ import annotations

from newsx.assemble import assemble
from newsx.document import Document
from newsx.segment import segment


def authors(text: str) -> list[str]:
    return assemble(segment(Document(text))).authors


def test_by_line() -> None:
    assert authors("A title\n\nBy Ama Mensah\n\nThe council met on Monday.\n") == ["Ama Mensah"]


def test_by_line_with_agency_keeps_the_person() -> None:
    assert authors("A title\n\nBy Kofi Boateng, GNA\n\nThe council met.\n") == ["Kofi Boateng"]


def test_by_line_with_two_names_in_capitals() -> None:
    assert authors("A title\nBY JANE ROE AND JOHN DOE\nText.\n") == ["Jane Roe", "John Doe"]


def test_organisation_byline_is_not_an_author() -> None:
    assert authors("A title\n\nBY ASSOCIATED PRESS\n\nA storm hit the coast.\n") == []


def test_translated_by_sign_off() -> None:
    assert authors("A title\nThe talks went well.\nTranslated by Minh Chau\n") == ["Minh Chau"]


def test_wire_sign_off_with_places_and_editors() -> None:
    text = "A title\n\nMarkets fell.\n\n(Reporting by Lan Pham in Hanoi; Editing by Mark Potter)\n"
    assert authors(text) == ["Lan Pham", "Mark Potter"]


def test_writing_and_compiled_by() -> None:
    text = "A title\n\nText.\n\nWriting by Sara Lee; Compiled by Tuan Anh\n"
    assert authors(text) == ["Sara Lee", "Tuan Anh"]


def test_person_in_story_is_not_an_author() -> None:
    text = ("A title\n\nThe report, compiled by Nguyen Van Hai and his team, was praised by "
            "Minister Le Thi Hoa at the meeting in the capital on Monday afternoon.\n")
    assert authors(text) == []


def test_photographer_is_not_an_author() -> None:
    text = "A title\n\nThe bridge at dusk. Photo by Tran Minh\n\nPhoto: Le Hoang\n\nText.\n"
    assert authors(text) == []


def test_staff_byline_is_not_a_person() -> None:
    assert authors("A title\n\nBy Staff Reporter\n\nText.\n") == []


def test_byline_with_colon() -> None:
    assert authors("A title\n\nWritten by: Grace Mwende\n\nText.\n") == ["Grace Mwende"]
    assert authors("A title\n\nBy: Grace Mwende | Updated 2 hours ago\n\nText.\n") == ["Grace Mwende"]


def test_name_starting_with_by_is_not_a_byline() -> None:
    assert authors("A title\n\nByron Kelly\n\nText.\n") == []


def test_byline_followed_by_agency_name_and_date() -> None:
    assert authors("A title\nBy DANA ROE Associated Press\nText.\n") == ["Dana Roe"]
    assert authors("A title\nBy Minh Quan   March 5, 2024 | 04:12 pm GMT+7\nText.\n") == ["Minh Quan"]
