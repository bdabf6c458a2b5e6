"""Outlet: the organisation credited in the text, resolved against the registry.

Credits are read only where a page puts them:

- a wire dateline, ``WASHINGTON (Reuters) -``, ``(AP) —``, ``Accra, March 18, GNA -``;
- a credit opening the story, ``PANO –``, ``VGP –``;
- a sign-off ending a paragraph, ``— VNS``, ``– (Reuters)``, ``— Sapa-DPA``, ``(Xinhua)``;
- a source or byline line, ``Source: VOV``, ``BY ASSOCIATED PRESS``, ``By Ama Mensah, GNA``;
- ``© AAP``, ``Copyright 2018 Example News``; ``…, Example.com reports.``;
- a line in the page head that is just an outlet's name (``TN News``);
- an aggregator trailer naming the site (``… post on example.vn at …``).

A photo credit (``Photo: VNA``, ``(Photo: Ministry …)``, ``VNA/VNS Photo …``) never credits
the article. Names are resolved against ``newsx/data/outlets.tsv`` (case, accents and
punctuation ignored); a dateline credit that is not in the registry is kept as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from newsx.data import read_lines
from newsx.document import Document, Span
from newsx.extract.date import has_copyright_mark, post_lines
from newsx.model import Outlet

_HEAD_PARAS: Final = 30
_HEAD_CHARS: Final = 6000
_STORY_PARA: Final = 100  # a paragraph this long is story text, not page furniture
_OPENING: Final = 600  # credits sit in a paragraph's opening (datelines, "X reports", labels)
_TAIL_PARAS: Final = 12
_DASH: Final = r"[-–—]{1,2}"

_DATELINE_PAREN: Final = re.compile(r"\((?P<name>[A-Za-z][^()\n:]{0,40}?)\)\s{0,2}(?:" + _DASH + r"|:)\s")
# ``Lagos, Sept. 15, 2024 (NAN) Text …``: a credit after a dated dateline needs no dash.
_DATED_PAREN: Final = re.compile(r"[^()\n]{0,40}?\d[,.]?\s{1,2}\((?P<name>[A-Za-z][^()\n:]{0,40}?)\)\s")
_CAP_NAME: Final = r"[A-Z][\w&.'-]{1,20}(?:\s[A-Z][\w&.'-]{1,20}){0,3}"
_DATELINE_COMMA: Final = re.compile(r",\s(?P<name>" + _CAP_NAME + r")\s{1,2}" + _DASH + r"\s")
_LEADING: Final = re.compile(r"(?P<name>" + _CAP_NAME + r")\s{1,2}" + _DASH + r"\s")
_TRAILING: Final = re.compile(
    r"(?:" + _DASH + r"\s{0,2}\(?(?P<name>[A-Z][\w&.'/-]{1,25}(?:\s[A-Za-z][\w&.'-]{1,20}){0,3})\)?"
    r"|\((?P<paren>[A-Z][\w&.'-]{1,25}(?:\s[A-Z][\w&.'-]{1,20}){0,3})\))\s{0,2}(?:/\.|\.)?\s*$"
)
_SOURCE: Final = re.compile(r"(?i)^\s{0,4}(?:source|credit|nguồn)\s?:\s{0,2}(?P<name>[^\n]{2,60})")
_BY: Final = re.compile(r"(?i)^\s{0,4}by\s(?P<name>[^\n]{2,80})$")
_SOURCE_AT: Final = re.compile(_SOURCE.pattern.replace("^", "", 1))  # for .match at a position
_BY_AT: Final = re.compile(_BY.pattern.replace("^", "", 1))
_COPYRIGHT: Final = re.compile(
    r"(?:©|\(c\)|Copyright)\s{0,3}(?:(?:19|20)\d\d\s{1,2})?(?P<name>[A-Za-z][^\n©]{1,60})")
_REPORTS: Final = re.compile(
    r"(?:,\s|\bThe\s|\b)(?P<name>[A-Z][\w&.'-]{1,30}(?:\s[A-Z(][\w&.'()-]{1,30}){0,5})\s"
    r"(?:reports|has learnt|has learned)\b"
)
_DOMAIN: Final = re.compile(r"\w\.(?:com|net|org|ng|co|vn|gh|ke|za|in|au|uk|news|info)\b", re.I)
_PHOTO_WORD: Final = re.compile(r"(?i)\b(?:photo|picture|image|file)s?\b")
_POSTED_ON: Final = re.compile(r"\bpost(?:ed)? on (?P<name>[\w.-]{2,60}\.[a-z]{2,6}) (?:at|on) ", re.I)
_PHOTO_BEFORE: Final = re.compile(
    r"(?i)(?:photo|picture|image|pic|video|graphic)s?\s{0,2}(?:by)?\s{0,2}[:/]?\s{0,3}$")
_PHOTO_AFTER: Final = re.compile(r"(?i)^\s{0,2}(?:/\s{0,2}\w+\s)?(?:photo|picture|image|file)")
_YEAR_TAIL: Final = re.compile(r"\s(?:19|20)\d\d\b.*$")
_STOP_TAIL: Final = re.compile(
    r"(?i)\s{0,3}(?:[.,;|]|\ball rights\b|\bpublished\b|\bupdated\b|\bposted\b|\s-\s).*$"
)


# a key's words: the runs of word characters and "+" (a pattern that starts with a
# repetition tries a match at each position: there are fewer between words than in them)
_KEY_WORD: Final = re.compile(r"[\w+]+")


def _norm(s: str) -> str:
    """A name's key: accents, case and punctuation dropped, ``&`` read as ``and``."""
    if not s.isascii():  # ASCII text has no accent to strip (NFKD leaves it as it is)
        s = unicodedata.normalize("NFKD", s.replace("đ", "d").replace("Đ", "D"))
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("&", " and ")
    return " ".join(_KEY_WORD.findall(s))


@lru_cache(maxsize=1)
def registry() -> dict[str, Outlet]:
    """Every name, abbreviation and credit form (normalised) -> its ``Outlet``."""
    table: dict[str, Outlet] = {}
    for line in read_lines("outlets.tsv"):
        cols = line.split("\t")
        name = cols[0].strip()
        display = _display(name)
        abbr = cols[1].strip() if len(cols) > 1 and cols[1].strip() else None
        if abbr == display:
            abbr = None
        outlet = Outlet(display, abbr)
        forms = [name, display] + ([abbr] if abbr else [])
        if len(cols) > 2:
            forms += [f.strip() for f in cols[2].split(";") if f.strip()]
        for form in dict.fromkeys(forms):  # a form given twice adds nothing
            # An abbreviation is matched in its own case: "PA" is not "Pa.".
            table.setdefault(_CASED + form if _is_abbreviation(form) else _norm(form), outlet)
            if form.lower().startswith("the "):
                table.setdefault(_norm(form[4:]), outlet)
    return table


_CASED: Final = "\x00"
_WORD_CHARS: Final = re.compile(r"\w+")
_COUNTRY_TAG: Final = re.compile(r"\s*\([^)]*\)$")


def _is_abbreviation(form: str) -> bool:
    """A short all-capital form (``AP``, ``PA``, ``VNA``): letters that also spell words.
    Only word characters (no space, dot or hyphen), at most five."""
    return len(form) <= 5 and form.isupper() and _WORD_CHARS.fullmatch(form) is not None


def _display(name: str) -> str:
    """The registry's name without a disambiguating ``(Country)``."""
    return _COUNTRY_TAG.sub("", name) if ")" in name else name  # the test saves a scan


@lru_cache(maxsize=1024)
def resolve(name: str) -> Outlet | None:
    """The registry's outlet for a credit as written, or None."""
    key = _norm(name)
    if not key:
        return None
    table = registry()
    bare = name.strip(" .,:;()")
    if _CASED + bare in table:
        return table[_CASED + bare]
    if key in table:
        return table[key]
    if key.startswith("the ") and key[4:] in table:
        return table[key[4:]]
    return None


def _resolve_prefix(name: str) -> Outlet | None:
    """The longest leading run of words of ``name`` that the registry knows."""
    words = name.split()
    for n in range(min(len(words), 7), 0, -1):
        found = resolve(" ".join(words[:n]))
        if found:
            return found
    return None


def _is_photo_credit(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30):start]
    return bool(_PHOTO_BEFORE.search(before) or _PHOTO_AFTER.match(text, end, min(len(text), end + 30)))


def _looks_like_outlet(name: str) -> bool:
    """An unknown dateline credit that reads as an organisation's name."""
    words = name.split()
    return (1 <= len(words) <= 5 and all(w[:1].isupper() or w in ("of", "and", "&") for w in words)
            and not any(c.isdigit() for c in name) and len(name) >= 3)


def _has_dash(text: str) -> bool:
    """Whether ``text`` holds a dash (``_DASH``'s characters): substring tests on a short
    slice are cheaper than a pattern search."""
    return "-" in text or "–" in text or "—" in text


def _head(doc: Document) -> list[Span]:
    """The paragraphs of the page head and the story's opening."""
    paras = doc.paragraphs
    return paras[:_HEAD_PARAS] + [p for p in paras[_HEAD_PARAS:] if p.start < _HEAD_CHARS]


def _paragraphs(doc: Document, head: list[Span]) -> list[Span]:
    tail = [p for p in doc.paragraphs[-_TAIL_PARAS:] if p.start >= (head[-1].end if head else 0)]
    return head + tail


def _dateline(doc: Document, para: Span) -> tuple[Span, Outlet] | None:
    text = doc.text
    window = para.start + 140
    opening = min(para.end, para.start + _OPENING)
    paren = text.find("(", para.start, opening)
    m: re.Match[str] | None
    for m in _DATELINE_PAREN.finditer(text, paren, opening) if paren >= 0 else ():
        if _is_photo_credit(text, m.start("name"), m.end("name")):
            continue
        name = m.group("name").strip()
        found = resolve(name)
        prefix = text[para.start:m.start()].strip()
        if (not found and m.start() < window and _looks_like_outlet(name)
                and prefix and prefix.isupper() and "-" not in name):
            found = Outlet(name, None)
        if found:
            return Span(m.start("name"), m.end("name"), "outlet", found), found
    # the patterns below need a "(" / a "," / a dash in their window: look for it first
    end = min(para.end, para.start + 90)
    m = _DATED_PAREN.match(text, para.start, end) if 0 <= paren < end else None
    if m and (found := resolve(m.group("name"))):
        return Span(m.start("name"), m.end("name"), "outlet", found), found
    end = min(para.end, para.start + 60)
    if not _has_dash(text[para.start:end]):
        return None  # both patterns below end with a dash
    for m in _DATELINE_COMMA.finditer(text, para.start, end) if text.find(",", para.start, end) >= 0 else ():
        found = resolve(m.group("name"))
        if found:
            return Span(m.start("name"), m.end("name"), "outlet", found), found
    m = _LEADING.match(text, para.start, end)
    if m:
        found = resolve(m.group("name"))
        if found:
            return Span(m.start("name"), m.end("name"), "outlet", found), found
    return None


def _trailing(doc: Document, para: Span) -> tuple[Span, Outlet] | None:
    text = doc.text
    lo = max(para.start, para.end - 60)
    tail = text[lo:para.end]
    if not _has_dash(tail) and "(" not in tail:
        return None  # a credit starts with a dash or "(": a cheap test before the pattern
    m = _TRAILING.search(text, lo, para.end)
    if not m:
        return None
    group = "name" if m.group("name") else "paren"
    if _is_photo_credit(text, m.start(group), m.end(group)):
        return None
    found = resolve(m.group(group))
    if found:
        return Span(m.start(group), m.end(group), "outlet", found), found
    return None


def _labelled(doc: Document, para: Span, marks: bool = True) -> tuple[Span, Outlet] | None:
    """``Source: X``, ``BY X``, ``By Name, X``, ``© X``, a line that is just X.
    ``marks``: whether the text has a copyright mark anywhere (False: look for none)."""
    text = doc.text
    opening = min(para.end, para.start + _OPENING)
    # the patterns read the paragraph's opening in place (no copy): ``_SOURCE``/``_BY``
    # without their ``^``, matched at the paragraph's start
    first = text[para.start:para.start + 1]
    # what a case-blind "source:"/"credit:"/"nguồn:"/"by " can start with (after spaces)
    labelled = not first or first.isspace() or first in "SsſCcNnBb"
    m = _SOURCE_AT.match(text, para.start, opening) if labelled else None
    if m:
        name = _STOP_TAIL.sub("", m.group("name"))
        found = _resolve_prefix(name)
        if found:
            s = m.start("name")
            return Span(s, s + len(name), "outlet", found), found
    m = _BY_AT.match(text, para.start, opening) if labelled else None
    if m:
        name = m.group("name").strip()
        parts = [p.strip() for p in re.split(r",|\band\b|/", name) if p.strip()]
        for part in [name] + parts:
            found = resolve(part)
            if not found and (tail := outlet_suffix(part)):
                part, found = tail
            if found:
                at = text.find(part, para.start, opening)
                s = at if at >= 0 else m.start("name")  # a part not written as such: the credit's name
                return Span(s, s + len(part), "outlet", found), found
    has_mark = marks and has_copyright_mark(text[para.start:opening])
    m = _COPYRIGHT.search(text, para.start, opening) if has_mark else None
    if m:
        name = _YEAR_TAIL.sub("", _STOP_TAIL.sub("", m.group("name")))
        found = _resolve_prefix(name)
        if found:
            s = m.start("name")
            return Span(s, s + len(name), "outlet", found), found
    return None


def _reports(doc: Document, para: Span) -> tuple[Span, Outlet] | None:
    """A self-credit in the story's opening: ``…, Example.com reports.`` or
    ``The Example News Agency (ENA) reports that …``. An outlet cited by its plain name
    (``the Daily Herald reports``) is a source the story quotes, not the credit."""
    text = doc.text
    end = min(para.end, para.start + _OPENING)
    if text.find("reports", para.start, end) < 0 and text.find("has learn", para.start, end) < 0:
        return None  # the pattern's verbs: a cheap test before the costly pattern
    for m in _REPORTS.finditer(text, para.start, end):
        name = m.group("name")
        inner = re.search(r"\(([^()]{2,12})\)\s*$", name)
        if inner:
            found = resolve(inner.group(1))
        elif _DOMAIN.search(name):
            found = resolve(name) or _resolve_suffix(name)
        else:
            continue
        if found:
            return Span(m.start("name"), m.end("name"), "outlet", found), found
    return None


def outlet_suffix(name: str) -> tuple[str, Outlet] | None:
    """``JANE ROE Associated Press`` -> (``Associated Press``, its outlet)."""
    words = name.split()
    for n in range(1, len(words)):
        tail = " ".join(words[n:])
        if n == len(words) - 1 and not (_is_abbreviation(tail) or "." in tail):
            break  # one plain word ("Hill", "Star") is more likely a surname
        found = resolve(tail)
        if found:
            return tail, found
    return None


def _resolve_suffix(name: str) -> Outlet | None:
    words = name.split()
    for n in range(1, len(words)):
        found = resolve(" ".join(words[n:]))
        if found:
            return found
    return None


def _is_story_paragraph(doc: Document, para: Span) -> bool:
    return para.end - para.start >= _STORY_PARA


def _page_head(doc: Document) -> list[Span]:
    """Paragraphs before the story's first paragraph (title, byline, credits)."""
    out: list[Span] = []
    for para in doc.paragraphs[:_HEAD_PARAS * 3]:
        if _is_story_paragraph(doc, para):
            break
        out.append(para)
    return out


def _story_opening(doc: Document) -> list[Span]:
    """The story's first two paragraphs, where a "…, X reports." credit stands."""
    out: list[Span] = []
    for para in doc.paragraphs[:_HEAD_PARAS * 3]:
        if _is_story_paragraph(doc, para):
            out.append(para)
            if len(out) == 2:
                break
    return out


def _name_line(doc: Document, para: Span) -> tuple[Span, Outlet] | None:
    """A short line that is an outlet's name, maybe with its desk (``Example News, Leeds``)."""
    seg = doc.text[para.start:para.end]
    if len(seg) > 50:
        return None
    name, _, desk = seg.partition(",")
    name = name.strip()
    if len(desk.split()) > 3 or len(name.split()) > 5 or _PHOTO_WORD.search(name):
        return None
    found = resolve(name) or _resolve_prefix(name)  # "Example News Leeds", "BBC Wales News"
    if found:
        return Span(para.start, para.start + len(name), "outlet", found), found
    return None


def _sign_off(doc: Document) -> tuple[Span, Outlet] | None:
    """A story that ends with a line naming its outlet (``VNS``)."""
    for para in doc.paragraphs[-2:]:
        seg = doc.text[para.start:para.end].strip(" .-–—/")
        if len(seg) <= 30 and (found := resolve(seg)):
            return Span(para.start, para.end, "outlet", found), found
    return None


def _posted_on(doc: Document) -> tuple[Span, Outlet] | None:
    for line in post_lines(doc):
        m = _POSTED_ON.search(doc.text, line.start, line.end)
        if m:
            found = resolve(m.group("name"))
            if found:
                return Span(m.start("name"), m.end("name"), "outlet", found), found
    return None


def extract_outlet(doc: Document) -> Span | None:
    """A span of the credit as written, with ``data`` an ``Outlet``; or None."""
    head = _head(doc)
    paras = _paragraphs(doc, head)
    for para in head:
        hit = _dateline(doc, para)
        if hit:
            return hit[0]
    text = doc.text
    marks = has_copyright_mark(text)
    for para in paras:
        hit = _labelled(doc, para, marks)
        if hit:
            return hit[0]
    for para in paras:
        hit = _trailing(doc, para)
        if hit:
            return hit[0]
    for para in _story_opening(doc):
        hit = _reports(doc, para)
        if hit:
            return hit[0]
    for para in _page_head(doc):
        hit = _name_line(doc, para)
        if hit:
            return hit[0]
    hit = _sign_off(doc) or _posted_on(doc)
    return hit[0] if hit else None
