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
from importlib import resources

from newsx.document import Document, Span

_LINE_END = re.compile(r"\r\n|\r|\n")
_BOUNDARY = re.compile(
    r"[.!?…]{1,8}[\"'”’»)\]]{0,4}(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])|[!?]{1,8}[\"'”’»]{0,4}(?=\s)"
)
_WORD_BEFORE = re.compile(r"([\w.\-]{1,20})[.!?…]*$")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]?([A-Za-z]+)")
_SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I You This That These Those There His Her Its Their Our "
    "But And Or So Yet In On At For With As After Before When While If Although Though "
    "Meanwhile However Also Still Then Now Police Officials Authorities".split()
)
_WINDOW = 40
# Abbreviations that often end a sentence too: a sentence-starting word after them splits.
_TERMINAL = frozenset("a.m p.m m etc Inc Corp Co Ltd Jr Sr al".split())


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    text = resources.files("newsx.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def segment(doc: Document) -> Document:
    """Fill ``doc.lines``, ``doc.paragraphs`` and ``doc.sentences``; return ``doc``."""
    doc.lines = split_lines(doc.text)
    doc.paragraphs = split_paragraphs(doc.text, doc.lines)
    doc.sentences = [s for p in doc.paragraphs for s in split_sentences(doc.text, p)]
    return doc


def split_lines(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for m in _LINE_END.finditer(text):
        spans.append(Span(start, m.start(), "line"))
        start = m.end()
    if start < len(text) or not spans:
        spans.append(Span(start, len(text), "line"))
    return spans


def _is_blank(text: str, span: Span) -> bool:
    return not text[span.start:span.end].strip()


def _hard_wrapped(text: str, lines: list[Span]) -> bool:
    """Most non-blank lines between 55 and 80 characters, and no long ones."""
    lengths = [len(s) for s in lines if not _is_blank(text, s)]
    if len(lengths) < 6:
        return False
    mid = sum(1 for n in lengths if 55 <= n <= 80)
    long_ = sum(1 for n in lengths if n > 100)
    return mid > 0.6 * len(lengths) and long_ == 0


def _trimmed(text: str, start: int, end: int, label: str) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, label) if end > start else None


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


def _is_false_boundary(text: str, para_start: int, stop: int, after: int) -> bool:
    """Whether the period ending at ``stop`` belongs to an abbreviation or initial."""
    if text[stop - 1] != ".":
        return False
    window = text[max(para_start, stop - _WINDOW):stop]
    m = _WORD_BEFORE.search(window)
    if not m:
        return False
    word = m.group(1)
    bare = word.rstrip(".")
    if bare in abbreviations() or bare.split(".")[-1] in abbreviations():
        if bare in _TERMINAL or bare.split(".")[-1] in _TERMINAL:
            # `at 4:30 p.m. A news conference …`: these also end sentences
            nxt = _NEXT_WORD.match(text, after, min(len(text), after + _WINDOW))
            return not (nxt and nxt.group(1) in _SENTENCE_STARTERS)
        return True
    if len(bare) == 1 and bare.isupper():
        return True  # an initial: "J. Smith"
    if _ACRONYM.search(word):
        nxt = _NEXT_WORD.match(text, after, min(len(text), after + _WINDOW))
        return bool(nxt) and nxt.group(1) not in _SENTENCE_STARTERS
    return False


def split_sentences(text: str, para: Span) -> list[Span]:
    spans: list[Span] = []
    start = para.start
    for m in _BOUNDARY.finditer(text, para.start, para.end):
        stop = m.end()
        if _is_false_boundary(text, start, stop, stop):
            continue
        if (s := _trimmed(text, start, stop, "sentence")):
            spans.append(s)
        start = stop
    if (s := _trimmed(text, start, para.end, "sentence")):
        spans.append(s)
    return spans
