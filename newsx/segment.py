"""Lines, paragraphs and sentences as ``Span``s over the decoded text.

One linear pass per level; each pattern is compiled once and cannot backtrack
beyond a bounded window.

- Lines end at ``\\r\\n``, ``\\r`` or ``\\n``; a line span excludes its terminator.
- Paragraphs: each non-blank line is a paragraph (plain-text copies of web pages put
  one paragraph per line), except in hard-wrapped text, where a paragraph is a run of
  non-blank lines.
- Sentences: split inside paragraphs at ``.``/``!``/``?`` (plus closing quotes and
  brackets) followed by space and a capital, digit or opening quote, unless the word
  before the period is a known abbreviation, a single initial (``J. Smith``) or a dotted
  acronym followed by a capitalised word that does not start sentences (``U.N. Security``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from newsx.data import read_lines
from newsx.document import Document, Span

_LINE_END: Final = re.compile(r"\r\n|\r|\n")
# what follows a stop character at a sentence end: more stops, closing marks, then space and
# the next sentence's first character
_AFTER_STOP: Final = r"[.!?…]{0,7}[\"'”’»)\]]{0,4}(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])"
# ``[.!?…]{1,8}[closers]{0,4}(?=\s+[openers]?[capital or digit])|[!?]{1,8}[closers]{0,4}(?=\s)``,
# written to begin with one character class so that the regex engine skips ahead to the
# next stop character instead of trying the pattern at every position
_BOUNDARY: Final = re.compile(r"[.!?…](?:" + _AFTER_STOP + r"|(?<=[!?])[!?]{0,7}[\"'”’»]{0,4}(?=\s))")
# ``_BOUNDARY`` at a period: the regex engine finds a leading literal by a fast scan,
# where a leading character class costs a call per character of the text
_PERIOD_BOUNDARY: Final = re.compile(r"\." + _AFTER_STOP)
_OTHER_STOPS: Final = "!?…"  # the stop characters of ``_BOUNDARY`` besides the period
_WORD_BEFORE: Final = re.compile(r"([\w.\-]{1,20})[.!?…]*$")
_WORD_CHARS: Final = re.compile(r"[\w.\-]+")
_NON_SPACE: Final = re.compile(r"\S")
_ACRONYM: Final = re.compile(r"(?:[A-Za-z]\.){2,}$")
_NEXT_WORD: Final = re.compile(r"\s+[\"'“‘«(\[]?([A-Za-z]+)")
_SENTENCE_STARTERS: Final = frozenset(
    "The A An He She It They We I You This That These Those There His Her Its Their Our "
    "But And Or So Yet In On At For With As After Before When While If Although Though "
    "Meanwhile However Also Still Then Now Police Officials Authorities".split()
)
_WINDOW: Final = 40
# Abbreviations that often end a sentence too: a sentence-starting word after them splits.
_TERMINAL: Final = frozenset("a.m p.m m etc Inc Corp Co Ltd Jr Sr al".split())


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(read_lines("abbreviations.txt"))


def is_word_char(c: str) -> bool:
    """Whether the character ``c`` is matched by ``\\w`` (what loops that replace a pattern
    test, character by character, in the compiled modules)."""
    return c.isalnum() or c == "_"


def segment(doc: Document) -> Document:
    """Fill ``doc.lines``, ``doc.paragraphs`` and ``doc.sentences``; return ``doc``."""
    doc.lines = split_lines(doc.text)
    doc.paragraphs = split_paragraphs(doc.text, doc.lines)
    doc.sentences = _sentences_of(doc.text, doc.paragraphs)
    return doc


def split_lines(text: str) -> list[Span]:
    if "\r" not in text:
        return _split_at_newlines(text)
    spans: list[Span] = []
    start = 0
    for m in _LINE_END.finditer(text):
        spans.append(Span(start, m.start(), "line"))
        start = m.end()
    if start < len(text) or not spans:
        spans.append(Span(start, len(text), "line"))
    return spans


def _split_at_newlines(text: str) -> list[Span]:
    """``split_lines`` for text whose lines all end with ``\\n``."""
    spans: list[Span] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        spans.append(Span(start, end, "line"))
        start = end + 1
    if len(spans) > 1 and spans[-1].start == len(text):
        spans.pop()  # the text ends with a line end: no empty last line
    return spans


def _is_blank(text: str, span: Span) -> bool:
    return not text[span.start:span.end].strip()


def _hard_wrapped(text: str, lines: list[Span]) -> bool:
    """Most non-blank lines between 55 and 80 characters, and no long ones."""
    lengths: list[int] = []
    for s in lines:
        n = s.end - s.start
        if n > 100:
            if _NON_SPACE.search(text, s.start, s.end):
                return False  # a long line: not hard-wrapped (the common case, seen early)
        elif text[s.start:s.end].strip():
            lengths.append(n)
    if len(lengths) < 6:
        return False
    mid = sum(1 for n in lengths if 55 <= n <= 80)
    return mid > 0.6 * len(lengths)


def _trimmed(text: str, start: int, end: int, label: str) -> Span | None:
    """The span without its leading and trailing whitespace, or None if nothing is left."""
    if start >= end:
        return None
    if text[start].isspace():
        m = _NON_SPACE.search(text, start, end)  # \S: not str.isspace
        if m is None:
            return None
        start = m.start()
    if text[end - 1].isspace():
        end = start + len(text[start:end].rstrip())
    return Span(start, end, label)


def split_paragraphs(text: str, lines: list[Span]) -> list[Span]:
    if not _hard_wrapped(text, lines):
        return [p for s in lines if (p := _trimmed(text, s.start, s.end, "paragraph"))]
    paragraphs: list[Span] = []
    block_start: int | None = None
    block_end = 0
    for line in lines:
        if _is_blank(text, line):
            if block_start is not None and (p := _trimmed(text, block_start, block_end, "paragraph")):
                paragraphs.append(p)
            block_start = None
        else:
            if block_start is None:
                block_start = line.start
            block_end = line.end
    if block_start is not None and (p := _trimmed(text, block_start, block_end, "paragraph")):
        paragraphs.append(p)
    return paragraphs


def _word_before(text: str, lo: int, stop: int) -> str | None:
    """``_WORD_BEFORE.search(text[lo:stop]).group(1)``: the word (up to 20 characters)
    before the stop characters ending at ``stop``. The common case, a run of word
    characters after the last space, is cut out directly."""
    start = text.rfind(" ", lo, stop) + 1 or lo
    if _WORD_CHARS.fullmatch(text, start, stop):
        dots = stop - start - len(text[start:stop].rstrip("."))
        first_end = max(stop - dots, start + 1)  # the word may end before the dots
        begin = max(start, first_end - 20)
        return text[begin:min(stop, begin + 20)]
    before = text[lo:stop]
    # a match starts at most 20 characters before the stop characters ending the text (and a
    # final newline, which ``$`` skips): the search starts there, not at every position
    tail = before[:-1] if before.endswith("\n") else before
    reach = len(tail.rstrip(".!?…")) - 20
    m = _WORD_BEFORE.search(before, max(0, reach))
    return m.group(1) if m else None


def _is_false_boundary(text: str, para_start: int, stop: int, after: int) -> bool:
    """Whether the period ending at ``stop`` belongs to an abbreviation or initial."""
    if text[stop - 1] != ".":
        return False
    lo = max(para_start, stop - _WINDOW)
    plain = text[(text.rfind(" ", lo, stop) + 1 or lo):stop - 1]
    if plain.isalpha() and plain not in abbreviations():
        # the common case, a word of letters before one period (`said.`): a boundary
        # unless it is an initial (what the general path below decides, without its regexes)
        return len(plain) == 1 and plain.isupper()
    word = _word_before(text, lo, stop)
    if word is None:
        return False
    bare = word.rstrip(".")
    known = abbreviations()
    last = bare.split(".")[-1]
    if bare in known or last in known:
        if bare in _TERMINAL or last in _TERMINAL:
            # `at 4:30 p.m. A news conference …`: these also end sentences
            nxt = _NEXT_WORD.match(text, after, min(len(text), after + _WINDOW))
            return not (nxt and nxt.group(1) in _SENTENCE_STARTERS)
        return True
    if len(bare) == 1 and bare.isupper():
        return True  # an initial: "J. Smith"
    if _ACRONYM.search(word):
        nxt = _NEXT_WORD.match(text, after, min(len(text), after + _WINDOW))
        return nxt is not None and nxt.group(1) not in _SENTENCE_STARTERS
    return False


def _other_stops(text: str) -> list[int]:
    """Where ``text`` holds a stop character other than the period, in order: a
    paragraph without one needs only ``_PERIOD_BOUNDARY``, the same matches found faster."""
    found: list[int] = []
    for char in _OTHER_STOPS:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def _sentences_of(text: str, paragraphs: list[Span]) -> list[Span]:
    """``split_sentences`` over every paragraph, for paragraphs that are already trimmed
    (as ``split_paragraphs`` makes them), with ``_trimmed`` written out: a sentence ends
    at a stop character, so only its start can need trimming, and a paragraph's last
    sentence ends where the paragraph does."""
    spans: list[Span] = []
    append = spans.append
    non_space = _NON_SPACE.search
    others = _other_stops(text)
    k = 0  # the first other stop character at or after the paragraph's start
    for para in paragraphs:
        start, end = para.start, para.end
        while k < len(others) and others[k] < start:
            k += 1
        pattern = _BOUNDARY if k < len(others) and others[k] < end else _PERIOD_BOUNDARY
        for m in pattern.finditer(text, start, end):
            stop = m.end()
            if text[stop - 1] == "." and _is_false_boundary(text, start, stop, stop):
                continue
            if text[start].isspace():
                first = non_space(text, start, stop)
                if first is not None:  # always: a boundary holds a stop character
                    append(Span(first.start(), stop, "sentence"))
            else:
                append(Span(start, stop, "sentence"))
            start = stop
        if text[start].isspace():  # after a boundary: whitespace, then the next sentence
            first = non_space(text, start, end)
            if first is None:
                continue
            start = first.start()
        append(Span(start, end, "sentence"))
    return spans


def split_sentences(text: str, para: Span) -> list[Span]:
    """The sentences of one paragraph, which may hold spaces at either end. ``segment``
    uses ``_sentences_of``, the same rule written out for trimmed paragraphs; the tests
    hold the two to the same sentences."""
    spans: list[Span] = []
    start = para.start
    for m in _BOUNDARY.finditer(text, para.start, para.end):
        stop = m.end()
        if text[stop - 1] == "." and _is_false_boundary(text, start, stop, stop):
            continue
        if (s := _trimmed(text, start, stop, "sentence")):
            spans.append(s)
        start = stop
    if (s := _trimmed(text, start, para.end, "sentence")):
        spans.append(s)
    return spans
