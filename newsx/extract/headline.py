"""Headline: the article's title as printed, skipping page furniture.

Lines are read from the top. Each is page furniture (menus, section labels, date lines,
bylines, captions, share buttons, cookie walls, bullet lists, ``|`` lines), a title, or
story text. The first title before any story text is the headline; when story text comes
first (an excerpt that starts mid-story) there is none.

A title is told from a story sentence by its shape: short, no final period (a period that
preprocessing added to a single-sentence title is dropped), not opening with a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newsx.document import Document, Span
from newsx.extract.date import HEADER_RE, find_in_line
from newsx.extract.outlet import resolve
from newsx.segment import abbreviations

_SCAN_CHARS: Final = 6000
_LONG_LINE: Final = 2000
_MAX_TITLE: Final = 160
_MAX_TITLE_WITH_PERIOD: Final = 125
_MAX_WORDS_WITH_PERIOD: Final = 21

_FURNITURE_LINE: Final = re.compile(
    r"(?i)^(?:advertisement|advertising|sponsored(?: content)?|share(?: this| on \w+| via \w+)?|tweet|"
    r"e-?mail(?: this(?: link| article)?)?|print|comments?|read more|read full(?: this)? story|"
    r"related(?: \w+)?|"
    r"menu|home|search|subscribe(?: now)?|log ?in|sign (?:in|up)|follow us|submit release|"
    r"latest(?: headlines| news)?|more [\w ]{1,30} news|tags?:.*|skip to (?:main )?content|listen|watch|"
    r"video|photos?|gallery|next|previous|back to top|close|font size|text size|"
    r"[\d,.]{1,9}(?: total)? (?:views?|comments?|shares?)(?: today)?|[a-z]?[+-]?|\d{1,4}|"
    r"(?:e-?mail|print|share|tweet|comments?)(?:\s{1,3}(?:e-?mail|print|share|tweet|comments?)){1,6}|"
    r"(?:published|updated|posted|last updated)\b.{0,60}|[-–—•·*] ?(?:published|updated).{0,40})$"
)
_WEB_NOTICE: Final = re.compile(
    r"(?i)\b(?:javascript|cookies?|browser|enable to view|privacy|terms of (?:use|service)|"
    r"subscription|subscribe|sign up|newsletter|rights reserved|click here|update it here)\b"
)
# words every match of the case-blind patterns holds (lowercase), for a cheap test first
_WEB_NOTICE_WORDS: Final = ("javascript", "cookie", "browser", "enable to view", "privacy", "terms of ",
                     "subscri", "sign up", "newsletter", "rights reserved", "click here",
                     "update it here")
_ADDRESS_WORDS: Final = ("you", "please", "we use", "accept", "consent", "enable", "click", "reserved")
_CAPTION_WORDS: Final = ("photo", "picture", "image", "source")
# A notice addresses the reader; a title about cookies or newsletters does not.
_ADDRESS: Final = re.compile(r"(?i)\b(?:you|your|please|we use|accept|consent|enable|click|reserved)\b")
_SEPARATORS: Final = re.compile(r"[|»›]| > ")
_BULLET: Final = re.compile(r"^\s*(?:[•·▪►▸●◦‣*]|-\s|–\s|\d{1,2}[.)]\s)")
_BYLINE: Final = re.compile(
    r"(?i)^(?:by\s|(?:source|photos?|pictures?|images?|credits?|from)\s?:|"
    r"(?:written|reporting|compiled|translated|edited) by\s)"
)
_CAPTION_END: Final = re.compile(
    r"(?i)(?:\(\s*(?:photo|picture|image|file photo|source)\s*:[^()]{1,80}\)|"
    r"\b(?:photo|picture|image)s?\s*:\s*[^.]{1,60}|"
    r"\b(?:[A-Z]{2,8}/)?[A-Z]{2,8} Photos? [^.]{0,40})\s*\|?\s*$"
)
_ALT_TEXT: Final = re.compile(r"\s{1,3}(?:-\s{1,3})?ảnh \d{1,2}\s*$")
_DATELINE_START: Final = re.compile(
    r"^(?:[A-ZÀ-Ỹ][A-ZÀ-Ỹ.'-]{1,20}(?:\s[A-ZÀ-Ỹ][A-ZÀ-Ỹ.'-]{1,20}){0,3}"
    r"(?:,\s[A-Z][\w.]{1,15}(?:\s[A-Z][\w.]{1,15})?)?\s{0,2}(?:\([^()]{1,40}\)\s{0,2})?[—–-]{1,2}\s"
    r"|\([A-Za-z][\w .-]{1,30}\)\s{0,2}[—–-]{1,2}\s"
    r"|[A-Z][\w.]{1,20}(?:\s[A-Z][\w.]{1,20}){0,2},\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2},\s)?[A-Z]{2,6}\s[—–-]{1,2}\s)"
)
# Story sentences report in the past tense; headlines say "says".
_REPORTED: Final = re.compile(r"\b(?:said|added|told reporters|explained|stressed)\.[\"'”’]?$")
_QUOTE_ATTRIBUTED: Final = re.compile(r"[\"“‘'][^\"“”]{1,300}[,?!][\"”’']\s")
_SENTENCE_END: Final = re.compile(r"[.!?…][\"'”’)]*$")
_INNER_PERIOD: Final = re.compile(r"([\w'’-]{1,30})\.['’\"”]?\s{1,3}[\"'“‘]?[A-Z0-9]")
_ABBR_END: Final = re.compile(
    r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St|Dr|Mr|Mrs|Ms|Gov|Sen|Rep)\.$")
_ALL_CAPS: Final = re.compile(r"^[^a-zà-ỹ]+$")
_DOMAIN: Final = re.compile(r"\b[\w-]{1,40}\.(?:[a-z]{2,4}\.)?[a-z]{2,4}\b")
_WORD: Final = re.compile(r"[^\W\d_]+")
_ENGLISH: Final = frozenset(
    "the of and to in on for with is are was at by from as says said will be has have not "
    "after over into its his her their this that it he she they we you".split()
)
# Function words of the other languages that cookie walls and site menus come in.
_FOREIGN: Final = frozenset(
    "di il lo gli della delle degli dei per che con non una tutti tutte alle nel ogni più puoi "
    "le les des du et est pour dans sur avec une vous votre "
    "el los las del por para con una que está "
    "der die das und für mit ist nicht sie ein eine auf "
    "os das dos não uma com".split()
)
_CACHE_TRAILER: Final = re.compile(
    r"(?P<title>\S.{8,200}?) have \d{1,6} words, post(?:ed)? on [\w.-]{2,60} at "
)
_TAG_LINE: Final = re.compile(r"^[a-z][a-z -]{0,30}(?:,\s?[a-z][a-z -]{0,30}){1,10}$")


def _several_sentences(s: str) -> bool:
    """Whether a period inside ``s`` ends a sentence (not ``Gov.``, ``St.``, ``v.``, ``U.S.``)."""
    # A match holds a period with at most 30 characters before it: the scan starts there (a
    # scan from the start would try a match of up to 30 characters at every position).
    first = s.find(".")
    if first < 0:
        return False
    for m in _INNER_PERIOD.finditer(s, max(0, first - 30)):
        word = m.group(1)
        if len(word) >= 3 and word not in abbreviations() and not word.isupper():
            return True
    return False


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace around ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_furniture(line: str) -> bool:
    s = line.strip()
    low = s.lower().rstrip(":")
    if not s or _has_separator(s) or _BULLET.match(s) or _FURNITURE_LINE.match(low):
        return True
    # an ASCII line can only match a case-blind pattern if it holds one of its words
    # (lowercased): a cheap test before the costly patterns
    ascii_line = s.isascii()
    if ((not ascii_line or _has_any(low, _WEB_NOTICE_WORDS)) and _WEB_NOTICE.search(s)
            and (not ascii_line or _has_any(low, _ADDRESS_WORDS)) and _ADDRESS.search(s)):
        return True
    if _BYLINE.match(s) or ((not ascii_line or _has_any(low, _CAPTION_WORDS)) and _CAPTION_END.search(s)):
        return True
    if _TAG_LINE.match(s) or s[:1].islower() or _foreign(s):
        return True
    if len(s) <= 40 and resolve(s) is not None:
        return True  # the outlet's name
    words = s.split()
    if _ALL_CAPS.match(s) and len(words) <= 8 and not s.endswith((".", ";")):
        return True  # a section label or an outlet's name
    if len(s) > _MAX_TITLE and not _SENTENCE_END.search(s) and s.count(". ") < 2:
        return True  # a menu run together on one line
    return len(s) < 4 and not any(c.isalpha() for c in s)


def _has_separator(s: str) -> bool:
    """``_SEPARATORS.search(s)``, by substring tests."""
    return "|" in s or "»" in s or "›" in s or " > " in s


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(map(text.__contains__, words))


def _foreign(s: str) -> bool:
    """A line in another language: its function words are foreign, none English."""
    if "." in s:
        s = _DOMAIN.sub(" ", s)
    if s.isascii():
        words = _WORD.findall(s.lower())  # the same words as lowercasing each one
    else:
        words = list(map(str.lower, _WORD.findall(s)))
    return _ENGLISH.isdisjoint(words) and sum(map(_FOREIGN.__contains__, words)) >= 2


def _title_case(words: list[str]) -> bool:
    """Most longer words capitalised, as in Title Case headlines (not in story sentences)."""
    long_words = [w for w in words if len(w) > 3]
    caps = sum(1 for w in long_words if w[:1].isupper() or w[:1] in "‘'\"“")
    return len(long_words) >= 4 and caps >= 0.8 * len(long_words)


def _is_story(line: str) -> bool:
    """Whether a line reads as story text rather than a title."""
    s = line.strip()
    if len(s) > 80 and _DATELINE_START.match(s):
        return True
    if len(s) > _MAX_TITLE:
        return True
    words = s.split()
    # ``_REPORTED`` ends the line with a period, maybe inside a closing quotation mark
    if (s[-1:] == "." or s[-2:-1] == ".") and _REPORTED.search(s) or _QUOTE_ATTRIBUTED.match(s):
        return True
    if s.endswith(".") and not s.endswith("..") and not _ABBR_END.search(s):
        too_long = len(s) > _MAX_TITLE_WITH_PERIOD or len(words) > _MAX_WORDS_WITH_PERIOD
        if too_long and not _title_case(words):
            return True
        if _several_sentences(s) and len(words) > 14 and not _title_case(words):
            return True
    return False


def _drop_added_period(text: str, start: int, end: int) -> int:
    """The end of a title without a final period that a title would not carry.

    ``Title.`` -> ``Title``; ``… 'quoted words.'`` -> ``… 'quoted words'`` (the period is
    dropped, the quotation mark kept); ``… This….`` -> ``… This…``. A title of several
    sentences (``A Judge. Is This the Last?``) or one ending with an abbreviation
    (``… in S.C.``) keeps its period.
    """
    s = text[start:end]
    if s.endswith(";"):
        return _clean(text, start, end - 1)[1]
    closing = ""
    body = s
    if len(s) >= 2 and s[-1] in "'’\"”" and s[-2] == ".":
        closing, body = s[-1], s[:-1]
    if not body.endswith(".") or body.endswith(".."):
        return end
    if body.endswith("….") or body.endswith("...."):
        return end - 1 - len(closing) if not closing else end
    if _ABBR_END.search(body) or _several_sentences(body[:-1]):
        return end
    if closing:
        return end  # caller handles the quotation mark form below
    return end - 1


def _title_span(doc: Document, start: int, end: int) -> Span:
    text = doc.text
    m = _ALT_TEXT.search(text, start, end)
    if m:
        end = _clean(text, start, m.start())[1]
    s = text[start:end]
    if len(s) >= 2 and s[-1] in "'’\"”" and s[-2] == "." and not _several_sentences(s[:-2]):
        # the period sits inside the closing quotation mark: a span cannot skip it, so
        # the title as it should read is given as ``data``.
        return Span(start, end - 2, "headline", s[:-2] + s[-1])
    end = _drop_added_period(text, start, end)
    return Span(start, end, "headline")


def _continuation_is_caption(doc: Document, following: tuple[int, int] | None) -> bool:
    """A line continued by a lowercase line that ends in a photo credit is a caption."""
    if following is None:
        return False
    ns, ne = following
    nxt = doc.text[ns:ne]
    return nxt[:1].islower() and bool(_CAPTION_END.search(nxt))


def _without_site_name(text: str, start: int, end: int) -> int:
    """``Title | Example News`` -> the end of ``Title`` when the last part names an outlet."""
    if end - start > _MAX_TITLE + 60:
        return end
    cut = max(text.rfind(" | ", start, end), text.rfind(" - ", start, end), text.rfind(" – ", start, end))
    if cut <= start or resolve(text[cut + 3:end]) is None:
        return end
    return _clean(text, start, cut)[1]


def candidate_lines(doc: Document) -> list[tuple[int, int]]:
    """Paragraphs in the head of the text (lines, or blocks of a hard-wrapped text), the
    date header removed."""
    return list(_candidate_lines(doc))


def _candidate_lines(doc: Document) -> Iterator[tuple[int, int]]:
    """``candidate_lines``, one at a time (the headline is mostly one of the first)."""
    text = doc.text
    first = True
    for line in doc.paragraphs:
        if line.start > _SCAN_CHARS:
            break
        start, end = _clean(text, line.start, line.end)
        if start == end:
            continue
        if first:
            m = HEADER_RE.match(text, line.start, line.end)
            if m:
                start, end = _clean(text, m.end(), line.end)
                if start == end:
                    continue
        first = False
        yield start, end


def extract_headline(doc: Document) -> Span | None:
    """The span of the title line (without furniture), or None."""
    lines = _candidate_lines(doc)
    label: Span | None = None  # a one-word line: a section label, unless the story follows
    following = next(lines, None)
    while following is not None:
        (start, end), following = following, next(lines, None)
        end = _without_site_name(doc.text, start, end)
        s = doc.text[start:min(end, start + _LONG_LINE)]  # enough to judge any line
        if find_in_line(doc.text, start, end) or _is_furniture(s):
            continue
        if _continuation_is_caption(doc, following):
            continue
        if _is_story(s):
            if label is not None:
                return label
            break
        if len(s.split()) == 1:
            label = _title_span(doc, start, end)
            continue
        return _title_span(doc, start, end)
    return label or _cache_trailer_title(doc)


def _cache_trailer_title(doc: Document) -> Span | None:
    """A cached copy's trailer names the page: ``<title> have 342 words, post on <site> at …``."""
    for line in reversed(doc.lines[-12:]):
        m = _CACHE_TRAILER.match(doc.text, line.start, line.end)
        if m:
            return Span(m.start("title"), m.end("title"), "headline")
    return None

