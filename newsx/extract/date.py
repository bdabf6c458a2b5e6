"""Publication date: header lines, Updated/Published lines, datelines. Never a story date.

Where a page states its date:

- a ``date YYYY-MM-DD`` header (stored page copies start with one);
- a *date line*: a short line that is mostly a date, maybe with a time and a zone and a
  label (``November 26, 2022 | 19:53 (GMT+7)``, ``Updated: Apr. 22, 2018 at 9:22 AM MST``,
  ``Tuesday, December 04, 2018, 11:53 GMT+7``, ``Source:Xinhua Published: 2013-11-13 13:13:56``);
- an aggregator trailer (``… post on example.com at July 26, 2021``);
- a wire dateline (``HANOI, Jan 19 (VNA) -``) when the page also states the year in a
  copyright line.

Dates inside story sentences (``on November 25``) are never taken: a date line must be
short and consist of little but the date. The parser is our own regular expressions,
anchored and bounded, so it cannot read a date into arbitrary prose the way a fuzzy
parser would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from typing import Final

from newsx.document import Document, Span

MONTHS: Final = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
_MONTH: Final = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAYNAME: Final = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"

# Fixed offsets of zone abbreviations (minutes east of UTC). "UK" and "BST"/"GMT" in
# British pages are resolved by the date (British Summer Time), see ``_uk_offset``.
ZONES: Final = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "CET": 60, "CEST": 120, "WEST": 60, "EET": 120,
    "EEST": 180, "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
    "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
    "ICT": 420, "WIB": 420, "SGT": 480, "MYT": 480, "PHT": 480, "HKT": 480, "AWST": 480,
    "JST": 540, "KST": 540, "ACST": 570, "ACDT": 630, "AEST": 600, "AEDT": 660, "NZST": 720,
    "NZDT": 780, "WAT": 60, "CAT": 120, "SAST": 120, "EAT": 180, "IST": 330, "PKT": 300,
    "BST": 60,
}
# US zones written without standard/daylight (``4:12 p.m. ET``): resolved by the date.
US_ZONES: Final = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}
_ZONE_NAMES: Final = "|".join(sorted([*ZONES, *US_ZONES], key=len, reverse=True))

_TIME: Final = (r"(?P<hh>[012]?\d)[:.h](?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?"
         r"(?:\s{0,2}(?P<ampm>[AaPp]\.?[Mm]\.?))?")
_ZONE: Final = (r"(?P<zone>\(?(?:GMT|UTC)\s{0,2}(?P<zsign>[+\-−])\s{0,2}(?P<zh>\d{1,2})(?::?(?P<zm>\d\d))?\)?"
         r"|\(?(?P<zabbr>" + _ZONE_NAMES + r")\)?(?![A-Za-z])|(?P<uk>UK)(?![A-Za-z]))")

_DMY: Final = (r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s{1,3}" + _MONTH.replace("mon", "mon1")
        + r",?\s{1,3}(?P<y1>(?:19|20)\d\d)")
_MDY: Final = _MONTH + r"\s{1,3}(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(?P<y2>(?:19|20)\d\d)"
_ISO: Final = (r"(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)"
        r"(?:[T ](?P<isotime>[012]\d:[0-5]\d(?::[0-5]\d)?)(?P<isooff>Z|[+-][01]\d:?[0-5]\d)?)?")
_NUM: Final = r"(?P<d4>[0-3]?\d)/(?P<m4>[01]?\d)/(?P<y4>(?:19|20)\d\d)"
DATE_RE: Final = re.compile(r"(?<![\w-])(?:" + _ISO + "|" + _MDY + "|" + _DMY + "|" + _NUM + r")(?![\w-])")
TIME_RE: Final = re.compile(r"(?<![\w:.])" + _TIME + r"(?![\w:])")
ZONE_RE: Final = re.compile(r"\s{0,3}[,|/]?\s{0,3}" + _ZONE)
HEADER_RE: Final = re.compile(r"[ \t]{0,8}date (?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
TRAILER_RE: Final = re.compile(r"\bpost(?:ed)? on [\w.-]{2,60}\.[a-z]{2,6} (?:at|on) ", re.I)
_POST: Final = re.compile(r"post", re.I)  # in every ``TRAILER_RE`` match and outlet ``_POSTED_ON`` match
_YEAR: Final = re.compile(r"(?:19|20)\d\d")  # in every ``DATE_RE`` match
DATELINE_RE: Final = re.compile(
    r"[A-ZÀ-Ỹ][\w .'À-ỹ-]{1,40}?, " + _MONTH
    + r"\s{1,3}(?P<day>\d{1,2})\s{0,3}\((?P<src>[A-Za-z][\w -]{0,30})\)\s{0,3}[-–—]"
)
DATED_DATELINE_RE: Final = re.compile(
    r"[A-ZÀ-Ỹ][\w.'À-ỹ-]{1,25}(?:\s[A-ZÀ-Ỹ][\w.'À-ỹ-]{1,25}){0,3}(?:,\s[A-Z][\w.'-]{1,20}"
    r"(?:\s[A-Z][\w.'-]{1,20}){0,2}){0,2},\s"
)
_AFTER_DATELINE: Final = re.compile(r"\s{0,2}(?:\([^()\n]{1,40}\)|[-–—])")
COPYRIGHT_YEAR: Final = re.compile(
    r"(?:©|\(c\)|Copyright)\s{0,3}(?:[A-Za-z][\w .&-]{0,40}?\s)?(?P<y>(?:19|20)\d\d)\b")

# Words that may surround a date on a date line without making it a sentence.
# (the single character first: it cannot start where a word can, so the order changes no
# match, and most characters of a date line are digits, spaces and punctuation)
_FILLER: Final = re.compile(
    r"(?i)[\W\d_]|\b(?:updated|last updated|published|posted|first published|modified|created|date|"
    r"on|at|source|uk|am|pm|gmt|utc|ict|time|news|edt|est|mst|pst|cst|cdt|pdt|mdt|bst|et|ct|pt)\b"
    r"|" + _DAYNAME
)
_MAX_DATE_LINE: Final = 90
# Labelled fields that share a date line: ``Source: Xinhua | … | Editor: Li``.
_FIELD: Final = re.compile(r"(?i)\b(?:source|editor|author|credit|by)\s?:\s?[^|/\n]{0,30}")
# A byline sharing the date's line: ``By Jane Roe | March 5, 2024``.
_BYLINE_PART: Final = re.compile(
    r"(?i)^\s{0,4}by:?\s{1,3}[A-ZÀ-Ỹ][\w'’.-]{0,25}(?:\s[A-ZÀ-Ỹ][\w'’.-]{0,25}){0,4}")


@dataclass(slots=True)
class Found:
    """A date found in a line: its span, the day, the time and offset when stated."""

    start: int
    end: int
    day: Date
    time: str | None = None  # HH:MM:SS
    offset: str | None = None  # +HH:MM
    label: str = ""

    def __init__(self, start: int, end: int, day: Date, time: str | None = None,
                 offset: str | None = None, label: str = "") -> None:
        # written out: see Span.__init__ (newsx/document.py)
        self.start = start
        self.end = end
        self.day = day
        self.time = time
        self.offset = offset
        self.label = label

    def iso(self) -> str:
        if self.time is None:
            return self.day.isoformat()
        return f"{self.day.isoformat()}T{self.time}{self.offset or ''}"


def _uk_offset(day: Date) -> str:
    """British Summer Time runs from the last Sunday of March to the last Sunday of October."""

    def last_sunday(month: int) -> Date:
        d = Date(day.year, month, 31)
        return d - timedelta(days=(d.weekday() + 1) % 7)

    return "+01:00" if last_sunday(3) <= day < last_sunday(10) else "+00:00"


def _fmt_offset(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _day_of(m: re.Match[str]) -> Date | None:
    g = m.groupdict()
    try:
        if g["y3"]:
            return Date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if g["y2"]:
            return Date(int(g["y2"]), MONTHS[g["mon"].lower().rstrip(".")], int(g["d2"]))
        if g["y1"]:
            return Date(int(g["y1"]), MONTHS[g["mon1"].lower().rstrip(".")], int(g["d1"]))
        if g["y4"]:  # day first, as most non-US sites write it; month first when it must be
            first, second = int(g["d4"]), int(g["m4"])
            if second > 12 >= first:
                first, second = second, first
            return Date(int(g["y4"]), second, first)
    except (ValueError, KeyError):
        return None
    return None


def _time_of(m: re.Match[str]) -> str | None:
    hh, mm, ss = int(m.group("hh")), int(m.group("mm")), int(m.group("ss") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hh < 12:
        hh += 12
    elif ampm == "am" and hh == 12:
        hh = 0
    if hh > 23:
        return None
    return f"{hh:02d}:{mm:02d}:{ss:02d}"


def _us_offset(day: Date, standard: int) -> str:
    """US daylight time runs from the second Sunday of March to the first Sunday of November."""

    def nth_sunday(month: int, n: int) -> Date:
        d = Date(day.year, month, 1)
        return d + timedelta(days=(6 - d.weekday()) % 7 + 7 * (n - 1))

    summer = nth_sunday(3, 2) <= day < nth_sunday(11, 1)
    return _fmt_offset(standard + (60 if summer else 0))


def _offset_of(m: re.Match[str], day: Date) -> str | None:
    if m.group("uk"):
        return _uk_offset(day)
    abbr = m.group("zabbr")
    if abbr in US_ZONES:
        return _us_offset(day, US_ZONES[abbr])
    if abbr:
        return _fmt_offset(ZONES[abbr])
    sign = -1 if m.group("zsign") in "-−" else 1
    return _fmt_offset(sign * (int(m.group("zh")) * 60 + int(m.group("zm") or 0)))


def _is_date_text(rest: str) -> bool:
    """Whether what is left of a line around a date is only labels and punctuation."""
    rest = _BYLINE_PART.sub(" ", rest)
    if ":" in rest:  # every field label has its colon
        rest = _FIELD.sub(" ", rest)
    left = _FILLER.sub("", rest)
    return len(left.strip()) <= 14 and len(left.split()) <= 2


def find_in_line(text: str, start: int, end: int) -> Found | None:
    """The date of a *date line* ``text[start:end]``: mostly a date, time and zone."""
    if end - start > _MAX_DATE_LINE and not text[start].isspace() and not text[end - 1].isspace():
        return None  # too long, even stripped (the common case: a story paragraph)
    line = text[start:end]
    if len(line.strip()) > _MAX_DATE_LINE:
        return None
    m = DATE_RE.search(line) if _YEAR.search(line) else None  # every date has its year
    if not m:
        return None
    day = _day_of(m)
    if day is None:
        return None
    rest = line[:m.start()] + " " + line[m.end():]
    if not _is_date_text(rest):
        return None
    return _with_time(line, m, day, start)


def _with_time(line: str, m: re.Match[str], day: Date, base: int) -> Found:
    """Attach a time (and zone) written right after or right before the date."""
    start, span_end = m.start(), m.end()
    time: str | None = None
    zone_at = span_end
    if m.group("isotime"):
        t = m.group("isotime")
        time = t if len(t) == 8 else t + ":00"
        if m.group("isooff"):
            off = m.group("isooff")
            offset: str | None = "+00:00" if off == "Z" else f"{off[:3]}:{off[-2:]}"
            return Found(base + start, base + span_end, day, time, offset)
    else:
        after = TIME_RE.search(line, m.end(), min(len(line), m.end() + 12))
        before = None
        for b in TIME_RE.finditer(line, max(0, m.start() - 24), m.start()):
            before = b
        tm = after or before
        if tm:
            time = _time_of(tm)
            if time and tm is after:
                span_end = zone_at = tm.end()
            elif time:
                start, zone_at = tm.start(), tm.end()
    offset = None
    if time:
        zm = ZONE_RE.match(line, zone_at) or ZONE_RE.search(line, zone_at, min(len(line), zone_at + 8))
        if not zm and zone_at != span_end:
            zm = ZONE_RE.match(line, span_end)
        if zm:
            offset = _offset_of(zm, day)
            span_end = max(span_end, zm.end())
    return Found(base + start, base + span_end, day, time, offset)


def _header(doc: Document) -> Found | None:
    m = HEADER_RE.match(doc.text)
    if not m:
        return None
    try:
        day = Date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return Found(m.start("y"), m.end(), day, label="header")


def post_lines(doc: Document, count: int = 12) -> list[Span]:
    """The last ``count`` lines that hold "post" in any case, last first: the only lines
    where a ``Posted on …`` trailer (a date, an outlet) can be.

    One cheap test of the whole tail first (lowercased, "post" reads "post", or "poſt" for
    the long s that matches "s" case-blind), then a per-line search."""
    last = doc.lines[-count:]
    if not last:
        return []
    low = doc.text[last[0].start:last[-1].end].lower()
    if "post" not in low and "poſt" not in low:
        return []
    return [line for line in reversed(last) if _POST.search(doc.text, line.start, line.end)]


def _trailer(doc: Document) -> Found | None:
    for line in post_lines(doc):
        seg = doc.text[line.start:line.end]
        t = TRAILER_RE.search(seg)
        if not t:
            continue
        m = DATE_RE.match(seg, t.end())
        if m and (day := _day_of(m)):
            return _with_time(seg, m, day, line.start)
    return None


def _dated_dateline(doc: Document) -> Found | None:
    """``NAIROBI, Kenya, April 8, 2024 –`` or ``Lagos, Sept. 15, 2024 (NAN)`` opening a paragraph."""
    for para in doc.paragraphs[:12]:
        end = min(para.end, para.start + 80)
        if doc.text.find(",", para.start, end) < 0:
            continue  # the pattern ends with a comma and a space
        m = DATED_DATELINE_RE.match(doc.text, para.start, end)
        if not m:
            continue
        d = DATE_RE.match(doc.text, m.end(), para.end)
        if not d or not d.group("y1") and not d.group("y2") or not _AFTER_DATELINE.match(doc.text, d.end()):
            continue
        day = _day_of(d)
        if day:
            return Found(d.start(), d.end(), day, label="dateline")
    return None


def has_copyright_mark(text: str) -> bool:
    """Whether ``text`` holds a copyright mark (``©``, ``(c)``, ``Copyright``): every match of
    ``COPYRIGHT_YEAR`` and of the outlet's copyright credit starts with one."""
    return "©" in text or "(c)" in text or "Copyright" in text


def _dateline(doc: Document) -> Found | None:
    """``HANOI, Jan 19 (VNA) -`` with the year from a copyright line."""
    for para in doc.paragraphs[:12]:
        # a cheap test first: the place name ends with ", " within 42 characters
        if doc.text.find(", ", para.start, min(para.end, para.start + 43)) < 0:
            continue
        m = DATELINE_RE.match(doc.text, para.start, para.end)
        if not m:
            continue
        copyrights = COPYRIGHT_YEAR.finditer(doc.text) if has_copyright_mark(doc.text) else ()
        years = [int(c.group("y")) for c in copyrights]
        if not years:
            return None
        try:
            day = Date(years[-1], MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("day")))
        except ValueError:
            return None
        return Found(m.start("mon"), m.end("day"), day, label="dateline")
    return None


_HEAD_LINES: Final = 80
_STORY_LINE: Final = 150
_STORY_LINES: Final = 3
_PUBLISHED: Final = re.compile(r"(?i)\b(?:published|posted|first published)\b")
_UPDATED: Final = re.compile(r"(?i)\bupdated\b")


def date_lines(doc: Document, limit: int = _HEAD_LINES) -> list[tuple[Span, Found]]:
    """Every date line among the first ``limit`` non-blank lines, with its date."""
    out: list[tuple[Span, Found]] = []
    seen = story = 0
    for line in doc.lines:
        if line.end == line.start:
            continue
        seen += 1
        if seen > limit or story >= _STORY_LINES:
            break
        if line.end - line.start >= _STORY_LINE:
            story += 1  # a date printed deep in the story is not the page's date
            continue
        found = find_in_line(doc.text, line.start, line.end)
        if found:
            out.append((line, found))
    return out


def _choose(doc: Document) -> Found | None:
    header = _header(doc)
    lines = date_lines(doc)
    candidates: list[Found] = []
    for line, found in lines:
        seg = doc.text[line.start:line.end]
        rank = 0 if _PUBLISHED.search(seg) else (2 if _UPDATED.search(seg) else 1)
        candidates.append(Found(found.start, found.end, found.day, found.time, found.offset,
                                label=str(rank)))
    if header:
        # The header gives the day; a date line of the same day may add the time.
        for c in candidates:
            if c.day == header.day and c.time:
                return c
        return header
    if candidates:
        best = min(candidates, key=lambda c: int(c.label))
        same_day = [c for c in candidates if c.day == best.day and c.time]
        return best if best.time or not same_day else same_day[0]
    return _dated_dateline(doc) or _trailer(doc) or _dateline(doc)


def extract_date(doc: Document) -> Span | None:
    """A span of the date as written, with ``data`` the ISO 8601 value; or None."""
    found = _choose(doc)
    if found is None:
        return None
    return Span(found.start, found.end, "date", found.iso())
