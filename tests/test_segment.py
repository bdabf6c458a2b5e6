"""Sentence splitting: abbreviations, initials and acronyms do not end sentences."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize("text", [
    "", "\n", "one", "one\n", "one\ntwo", "one\n\ntwo\n\n", "\n\nthree", "a\r\nb\rc\n", "x\r",
])
def test_lines_cover_the_text_between_line_ends(text: str) -> None:
    from newsx.segment import _LINE_END, split_lines
    ends = [m.span() for m in _LINE_END.finditer(text)]
    starts = [0] + [e for _s, e in ends]
    stops = [s for s, _e in ends] + [len(text)]
    expected = [(a, b) for a, b in zip(starts, stops, strict=True)]
    if len(expected) > 1 and expected[-1][0] == len(text):
        expected.pop()  # no empty line after the last line end
    assert [(s.start, s.end) for s in split_lines(text)] == expected


@pytest.mark.parametrize("text", [
    "He met Smith.", "Back in the U.S.", "Visit example.com.", "It was a long-awaited.",
    "Word abcdefghijklmnopqrstuvwxyz.", "Word abcdefghijklmnopqrs.", "Word abcdefghijklmnopqrst.",
    "Ends with dots...", "Odd (Jr.", "Tab\tSr.", "Wow!.", "x.", ".", "a.b.c.d.e.f.g.h.i.j.k.",
])
def test_word_before_a_stop_is_the_regex_group(text: str) -> None:
    from newsx.segment import _WORD_BEFORE, _word_before
    for lo in range(len(text)):
        m = _WORD_BEFORE.search(text[lo:])
        assert _word_before(text, lo, len(text)) == (m.group(1) if m else None), (text, lo)


@pytest.mark.parametrize("text", [
    "He met Smith. She met Jones.", "A. Lincoln spoke. Then Mr. Lee.\n\nIt rained!  Yes? No.",
    "Word abcdefghijklmnopqrstuvwxyzab. Next one.", "Ended at 5 p.m. The team left.",
    "Tab\tSr. Next.\u00a0Then. Étienne a dit. Ça va.", "Why?!  Because.\u2003Fine…  OK",
    "Done.\u3000Next", "Go.\u2028Now", "No. 5 is here. I. M. Pei came.",
    "wrapped line of text that goes on and on for some time to reach the middle. Here\n" * 8,
])
def test_document_sentences_are_the_paragraph_splits(text: str) -> None:
    """``segment``'s sentences (one pass over every paragraph) are ``split_sentences``'s."""
    from newsx.segment import split_sentences
    doc = segment(Document(text))
    assert doc.sentences == [s for p in doc.paragraphs for s in split_sentences(text, p)]


_PIECES = ["Mr", "J", "U.S", "said", "it", "p.m", "etc", "Word", "x", "É", "No", "5",
           ".", ". ", "? ", "!", "…", "”", "\"", " ", "  ", "\t", "\u00a0", "\n", "\n\n", "\r\n"]


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_document_sentences_match_the_paragraph_splits_on_any_text(pieces: list[str]) -> None:
    from newsx.segment import split_sentences
    text = "".join(pieces)
    doc = segment(Document(text))
    assert doc.sentences == [s for p in doc.paragraphs for s in split_sentences(text, p)]
