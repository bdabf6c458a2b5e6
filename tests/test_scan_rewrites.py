"""Patterns rewritten so that the engine scans a text fast: each rewrite finds exactly what
the pattern it replaced found, on generated strings with non-ASCII letters, curly quotes and
windows that start and end inside words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsx import segment
from newsx.extract import authors, headline, outlet, people, quotes
from newsx.segment import abbreviations

_SETTINGS = settings(max_examples=600, deadline=None, database=None, derandomize=True)


# the pattern people's gender vote searched with before (its first match's word)
_OLD_PRONOUN = re.compile(r"([HhSs](?<!\w[HhSs])(?:(?<=[Hh])(?:e|im|is|ers?)|(?<=[Ss])he))\b")
_PRONOUN_TEXTS = st.lists(st.sampled_from(
    ["he", "He", "HE", "she", "She", "him", "his", "her", "hers", "hero", "s", "S", "h", "H", "e",
     "i", "m", "r", " ", ".", "’", "é", "Đ", "_", "1", "\n", "the", "Sheila", "shell"]),
    max_size=60).map("".join)


@_SETTINGS
@given(_PRONOUN_TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_first_pronoun_as_the_pattern_found_it(text: str, lo: int, hi: int) -> None:
    m = _OLD_PRONOUN.search(text, lo, hi)
    assert people._first_pronoun(text, lo, hi) == (m.group(1) if m else None)


def test_first_pronoun_examples() -> None:
    text = "Ms Tran said she would go. His car was there; Shepherd told him."
    assert people._first_pronoun(text, 0, len(text)) == "she"
    assert people._first_pronoun(text, 14, len(text)) == "His"  # "she" begins before the window
    assert people._first_pronoun(text, 30, text.index("him")) is None  # there, Shepherd
    assert people._first_pronoun(text, 30, len(text)) == "him"
    assert people._first_pronoun("the other theme", 0, 15) is None
    assert people._first_pronoun("Shelters here", 0, 3) == "She"  # the window end ends a word


_HEADLINE_TEXTS = st.lists(st.sampled_from(
    ["Gov", "St", "U.S", "minister", "x" * 29, "y" * 31, "’", "'", "-", ".", ". ", ".” ", "  ", " ",
     "A", "B2", "é", "Đà", "_", "“", "\n", "said", "Tran"]), max_size=40).map("".join)


@_SETTINGS
@given(_HEADLINE_TEXTS)
def test_several_sentences_as_a_scan_from_the_start_found_it(s: str) -> None:
    def from_start(s: str) -> bool:
        for m in headline._INNER_PERIOD.finditer(s):
            word = m.group(1)
            if len(word) >= 3 and word not in abbreviations() and not word.isupper():
                return True
        return False
    assert headline._several_sentences(s) == from_start(s)


def test_several_sentences_examples() -> None:
    assert headline._several_sentences("The minister spoke. Then he left")
    assert not headline._several_sentences("Gov. Tran visits the U.S. Embassy")
    assert headline._several_sentences("w" * 60 + "wordy" * 6 + ". Next")  # a run longer than 30
    assert not headline._several_sentences("No period here at all")


_CREDIT_TEXTS = st.lists(st.sampled_from(
    ["by", "By", "BY", "bY", " ", "  ", ":", "Reporting", "translated", "additional ", "Writing",
     "fact-checking", ";", "\n", "(", "|", ".", "!", "Tran Van An", "x", "\t", "\u00a0", "é", "’"]),
    max_size=50).map("".join)


@_SETTINGS
@given(_CREDIT_TEXTS, st.integers(0, 60))
def test_credit_scan_cut_after_the_last_by(text: str, lo: int) -> None:
    first_by = authors._BY_WORD.search(text, lo)
    if not first_by:
        return
    start = max(lo, first_by.start() - authors._BY_REACH)
    end = min(len(text), authors._last_by(text, first_by.start(), len(text)) + authors._BY_TAIL)
    old = [m.span() for m in authors._CREDIT.finditer(text, start, len(text))]
    assert [m.span() for m in authors._CREDIT.finditer(text, start, end)] == old


def test_last_by() -> None:
    assert authors._last_by("Reporting By An; editing bY Binh, BY", 10, 36) == 34
    assert authors._last_by("Reporting By An; editing bY Binh, BY", 10, 35) == 25  # ends in the window



def test_credit_scan_reads_up_to_the_tail() -> None:
    # the tails after "by" that read furthest: spaces, a colon, spaces, then a name
    for text in ("Photo: AP. Reporting by:   Tran Van An", "Photo: AP. Writing by  :   Tran",
                 "Photo: AP. Editing by   Tran", "Photo: AP. Editing by    Tran"):
        by = text.index("by")
        end = authors._last_by(text, by, len(text)) + authors._BY_TAIL
        full = [m.span() for m in authors._CREDIT.finditer(text, 0)]
        assert [m.span() for m in authors._CREDIT.finditer(text, 0, end)] == full
    assert full == []  # four spaces: no credit


_WORD_TEXTS = st.lists(st.sampled_from(
    ["U.S", "e.g", "x" * 19, "y" * 23, "-", ".", "..", "!", "?", "…", " ", "\n", "’", "é", "_", "1",
     "Dr", "(", "a"]), max_size=30).map("".join)


@_SETTINGS
@given(_WORD_TEXTS, st.integers(0, 40))
def test_word_before_as_the_search_from_the_start_found_it(text: str, lo: int) -> None:
    m = segment._WORD_BEFORE.search(text[lo:])
    assert segment._word_before(text, lo, len(text)) == (m.group(1) if m else None)


def test_word_before_examples() -> None:
    assert segment._word_before("He met Dr. Ba", 0, 10) == "Dr."  # the run's first 20 characters
    assert segment._word_before("(see e.g.!!…\n", 0, 13) == "e.g."  # "$" before a final newline
    assert segment._word_before("x" * 30 + "!?", 0, 32) == "x" * 20


@_SETTINGS
@given(st.text(max_size=80))
def test_outlet_key_words_as_the_substitution_found_them(s: str) -> None:
    assert " ".join(outlet._KEY_WORD.findall(s)) == " ".join(re.sub(r"[^\w+]+", " ", s).split())


def test_outlet_norm_examples() -> None:
    assert outlet._norm("The  Associated-Press (AP)") == "the associated press ap"
    assert outlet._norm("C++ Times\x1c\u00a0Đà Nẵng") == "c++ times da nang"


# quote detection's tokens: the pieces between spaces, matched with the token pattern only
# when they are not one word or one word and one mark (quotes._tokens)
_TOKEN_TEXTS = st.lists(st.sampled_from(
    ["said", "Mr", "U", "S", "don", "t", "2024", "é", "Đặng", "e\u0301", "_", "x_1", "'", "’", "-",
     ".", "&", ",", "“", "”", '"', "(", ")", "—", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\x1c",
     "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o", "٣", "²"]),
    max_size=40).map("".join)


@_SETTINGS
@given(_TOKEN_TEXTS, st.integers(0, 120), st.integers(0, 120))
def test_quote_tokens_as_the_pattern_found_them(text: str, lo: int, hi: int) -> None:
    lo, hi = min(lo, len(text)), min(hi, len(text))
    matches = list(quotes._TOKEN.finditer(text, lo, hi))
    expected = ([m.start() for m in matches], [m.group() for m in matches])
    assert quotes._tokens(text, lo, hi) == expected  # the compiled module's way
    assert quotes._matched_tokens(text, lo, hi) == expected  # the Python module's way


def test_quote_tokens_examples() -> None:
    text = "“We don't know,” said Mr. Lê of the U.S. team-mate_1 — really."
    starts, words = quotes._tokens(text, 0, len(text))
    assert words == ["“", "We", "don't", "know", ",", "”", "said", "Mr", ".", "Lê", "of", "the",
                     "U.S", ".", "team-mate_1", "—", "really", "."]
    assert all(text[s:s + len(w)] == w for s, w in zip(starts, words, strict=True))
    assert quotes._tokens(text, 5, 14) == ([5, 10], ["on't", "know"])  # a window inside a word


# the compiled module's loops that replace a pattern (quotes and speakers read ``_COMPILED``
# to choose; both functions exist in both builds, and CI runs these tests on both)
_WORDY = st.lists(st.sampled_from(
    ["word", "a", "É", "đi", "_", "1", "x" * 9, " ", "  ", ",", ".", "’", "-", "“", "\n", "\u00a0", "ß",
     "二"]),
    max_size=40).map("".join)


@_SETTINGS
@given(_WORDY, st.integers(0, 120), st.integers(0, 120))
def test_counted_words_as_the_word_patterns_count(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    expected = (quotes._WORDS_ENOUGH if quotes._ENOUGH_WORDS.match(text, start, end)
                else len(quotes._WORD.findall(text, start, end)))
    assert quotes._counted_words(text, start, end) == expected


_ACRONYM_PIECES = st.lists(st.sampled_from(
    ["N", "A", "U", "S", "Nation", "Agency", "of", "for", "and", "the", "on", "&", "de", "off",
     " ", "  ", "    ", "\u00a0", ",", ".", "-", "'", "’", "_", "é", "x" * 29, "z" * 31, "Nx-", "\n", "a"]),
    max_size=14).map("".join)


@_SETTINGS
@given(_ACRONYM_PIECES, st.sampled_from(["NA", "NAN", "US", "UNS", "ASN", "NSA", "AS"]))
def test_acronym_name_is_the_patterns_first_match_with_a_space(text: str, letters: str) -> None:
    from newsx.extract.speakers import _acronym_name, _acronym_pattern

    found = (m.group() for m in _acronym_pattern(letters).finditer(text) if " " in m.group())
    assert _acronym_name(text, letters) == next(found, None)


def test_acronym_name_examples() -> None:
    from newsx.extract.speakers import _acronym_name

    text = "The National Agency of Nigeria (NAN) said, and the News Agency of Nigeria agreed."
    assert _acronym_name(text, "NAN") == "National Agency of Nigeria"
    assert _acronym_name("Nation Agency", "NAN") is None


@_SETTINGS
@given(st.binary(max_size=60).map(lambda b: b.translate(quotes._MARK_TABLE)), st.integers(0, 80),
       st.integers(0, 80))
def test_found_marks_are_the_marks_of_the_candidate_bytes(candidates: bytes, lo: int, hi: int) -> None:
    expected = [m.start() for m in quotes._MARK_BYTE.finditer(candidates, lo, hi)]
    assert quotes._found_marks(candidates, lo, hi) == expected
    assert quotes._mark_offsets("", lo, hi, candidates) == expected  # the path this build takes
