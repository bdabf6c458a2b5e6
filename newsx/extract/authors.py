"""Authors: bylines and credits of the people who wrote or translated the piece.

Read from two places only, so that people in the story are never taken:

- a byline paragraph, ``By Ama Mensah`` / ``BY JANE ROE AND JOHN DOE`` / ``By Ama Mensah, GNA``;
- a credit phrase opening a paragraph or a clause of a short sign-off,
  ``Translated by …``, ``Reporting by … in Hanoi; Editing by …``, ``Writing by …``,
  ``Compiled by …``, ``Written by …``, ``Additional reporting by …``.

An organisation (``BY ASSOCIATED PRESS``) is an outlet, not an author; photographers'
credits (``Photo by …``) are not authors either.
"""

from __future__ import annotations

import re
from typing import Final

from newsx.document import Document, Span
from newsx.extract.outlet import outlet_suffix, resolve

_HEAD_PARAS: Final = 40
_TAIL_PARAS: Final = 8
_MAX_BYLINE: Final = 120
_MAX_SIGNOFF: Final = 240

_BYLINE: Final = re.compile(r"(?i)(?:written\s)?by(?:\s{1,3}|\s{0,2}:\s{0,3})(?=\S)")
_CREDIT: Final = re.compile(
    r"(?i)(?:^|(?<=[;(\n|]\s)|(?<=[;(\n|])|(?<=[.!?]\s))\s{0,3}"
    r"(?:additional\s)?(?:translated|reporting|reported|writing|written|editing|edited|compiled|"
    r"text|story|words|research|fact-checking|additional\sreporting)\s{1,3}by(?:\s{1,3}|\s{0,2}:\s{0,3})(?=\S)"
)
# the letters a case-blind credit verb ("additional", "translated", … "fact-checking") can
# start with, and those a byline starts with ("written by", "by")
_CREDIT_INITIALS: Final = frozenset("AaTtRrWwEeCcSsſFf")
_BYLINE_INITIALS: Final = frozenset("WwBb")
_BY_WORD: Final = re.compile(r"[bB][yY]")  # what "(?i)by" matches (no other characters fold to b, y)
# the most characters a ``_CREDIT`` match has before its "by": 3 spaces, "additional ",
# "additional reporting", 3 spaces (its lookbehinds see the text before any start)
_BY_REACH: Final = 40
# more characters than ``_CREDIT`` reads from the start of its "by" on ("by", up to 2 spaces,
# ":", up to 3 spaces, the lookahead's character: at most 9)
_BY_TAIL: Final = 9


def _last_by(text: str, start: int, end: int) -> int:
    """Where the last "by" (in any case, as ``_BY_WORD`` finds it) of ``text[start:end]``
    starts; there is one at ``start``."""
    return max(text.rfind(by, start, end) for by in ("by", "By", "BY", "bY"))
_NAME_WORD: Final = re.compile(
    r"(?:[A-ZÀ-ỸĐ][\w'’.-]{0,25}|(?:de|da|del|della|di|van|von|der|den|bin|binti|al|el|la|le|du|dos|ter|mac)"
    r"|[A-ZĐ]\.)$"
)
_NOT_NAME: Final = frozenset(
    "staff reporter reporters correspondent correspondents editor editors desk team news agency "
    "newsroom writer writers contributor contributors service services wire wires media online "
    "press bureau department ministry office police government council committee university "
    "the our a an".split()
)
_CUT: Final = re.compile(
    r"\s{2,}.*$|\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s\d.*$|"
    r"\s(?:in|at|from|for|on|with|via)\s.*$|\s{0,2}[|•–—()].*$|\s-\s.*$|\s(?:19|20)\d\d.*$|"
    r"\s(?:updated|published|posted)\b.*$",
    re.I,
)
_SPLIT: Final = re.compile(r"\s{0,2}(?:,|;|&|\band\b|/)\s{0,2}", re.I)


def _name(part: str) -> str | None:
    """``part`` as a person's name, or None when it is not one."""
    part = part.strip(" .:\t\u00a0")
    words = part.split()
    if not 2 <= len(words) <= 5:
        return None
    if any(w.lower().strip(".") in _NOT_NAME for w in words):
        return None
    if not all(_NAME_WORD.match(w) for w in words):
        return None
    if part.isupper():
        part = " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in words)
    return part


def _names_in(doc: Document, start: int, end: int) -> list[Span]:
    """Author spans in a credit's name list ``doc.text[start:end]``."""
    seg = doc.text[start:end]
    cut = re.search(r";|\.(?:\s|$)", seg)
    if cut:
        seg = seg[: cut.start()]
    out: list[Span] = []
    pos = 0
    for piece in _SPLIT.split(seg):
        idx = seg.find(piece, pos)
        pos = idx + len(piece)
        raw = _CUT.sub("", piece)
        if not raw.strip() or resolve(raw):
            continue
        if (tail := outlet_suffix(raw)) is not None:
            raw = raw[: raw.rfind(tail[0])].rstrip()
        name = _name(raw)
        if name:
            s = start + idx + (len(raw) - len(raw.lstrip()))
            out.append(Span(s, s + len(raw.strip(" .:")), "author", name))
    return out


def _byline(doc: Document, para: Span) -> list[Span]:
    if para.end - para.start > _MAX_BYLINE or doc.text[para.start:para.start + 1] not in _BYLINE_INITIALS:
        return []
    seg = doc.text[para.start:para.end]
    m = _BYLINE.match(seg)
    if not m:
        return []
    return _names_in(doc, para.start + m.end(), para.end)


def _credits(doc: Document, para: Span) -> list[Span]:
    if para.end - para.start > _MAX_SIGNOFF:
        # a long paragraph: only a credit that opens it
        first = doc.text[para.start:para.start + 1]
        if first and not first.isspace() and first not in _CREDIT_INITIALS:
            return []
        m = _CREDIT.match(doc.text, para.start, para.end)
        hits = [m] if m else []
    else:
        first_by = _BY_WORD.search(doc.text, para.start, para.end)
        if not first_by:
            return []  # every credit has its "by": a cheap test before the costly pattern
        # a credit starts at most _BY_REACH characters before its "by", and the engine reads
        # at most _BY_TAIL characters after it: the scan is cut to the "by"s and around them
        start = max(para.start, first_by.start() - _BY_REACH)
        end = min(para.end, _last_by(doc.text, first_by.start(), para.end) + _BY_TAIL)
        hits = list(_CREDIT.finditer(doc.text, start, end))
    out: list[Span] = []
    for m in hits:
        nxt = _CREDIT.search(doc.text, m.end(), para.end)
        out += _names_in(doc, m.end(), nxt.start() if nxt else para.end)
    return out


def extract_authors(doc: Document) -> list[Span]:
    """One span per author name, ``data`` the name as it should be written."""
    paras = doc.paragraphs
    head = paras[:_HEAD_PARAS]
    tail = [p for p in paras[-_TAIL_PARAS:] if not head or p.start > head[-1].start]
    out: list[Span] = []
    seen: set[str] = set()
    for para in head + tail:
        for span in _byline(doc, para) + _credits(doc, para):
            if span.data not in seen:
                seen.add(span.data)
                out.append(span)
    return out
