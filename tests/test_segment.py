"""Sentence splitting: abbreviations, initials and acronyms do not end sentences."""

from __future__ import annotations

import time

import pytest

from newsx.document import Document
from newsx.segment import segment


def sentences(text: str) -> list[str]:
    doc = segment(Document(text))
    return [doc.cut(s) for s in doc.sentences]


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.N. Security Council met on Monday. It agreed.",
     ["The U.N. Security Council met on Monday.", "It agreed."]),
    ("Mr. Tran arrived late. He left early.", ["Mr. Tran arrived late.", "He left early."]),
    ("The fair opened on Jan. 5 in Hanoi. Crowds came.",
     ["The fair opened on Jan. 5 in Hanoi.", "Crowds came."]),
    ("The shop is at No. 5 Hang Bac street. It is old.",
     ["The shop is at No. 5 Hang Bac street.", "It is old."]),
    ("The U.S.-based firm grew fast. It hired more.", ["The U.S.-based firm grew fast.", "It hired more."]),
    ("J. Smith wrote the report. Others agreed.", ["J. Smith wrote the report.", "Others agreed."]),
    ("She worked for the U.N. The job was hard.", ["She worked for the U.N.", "The job was hard."]),
    ("“We won,” she said. “It was great.”", ["“We won,” she said.", "“It was great.”"]),
    ("The fire started at 4:30 p.m. A crew arrived soon.",
     ["The fire started at 4:30 p.m.", "A crew arrived soon."]),
    ("The meeting ends at 5 p.m. on Friday.", ["The meeting ends at 5 p.m. on Friday."]),
])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_are_lines() -> None:
    doc = segment(Document("First line here.\n\nSecond one.\r\nThird one."))
    assert [doc.cut(p) for p in doc.paragraphs] == ["First line here.", "Second one.", "Third one."]


def test_long_line_of_periods_is_linear() -> None:
    text = "Mr. A. U.S. " * 200_000
    started = time.perf_counter()
    segment(Document(text))
    assert time.perf_counter() - started < 20
