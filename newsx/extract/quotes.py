"""Quotes: direct, indirect and mixed, with speakers resolved against people.

Detection (this module) finds ``Attribution``s; ``speakers.resolve_speakers`` turns the
words naming each speaker into a name.

How detection works, per paragraph, in linear time:

1. ``scan_quotes`` walks the quotation marks of the paragraph once and pairs them into
   quoted spans (an opening mark left open at the paragraph end runs to its end).
2. Each sentence is tokenised once; every cue of the lexicon (newsx/data/cues.txt) is read
   with the words around it, in bounded windows: the speaker is the noun phrase before
   the cue (or after it, `said Smith`), the reported clause follows it (`said (that) …`)
   or precedes it (`…, he said`). A clause containing a quoted fragment is `mixed`; a
   clause that is itself a quotation is left to step 3.
3. Each quoted span not inside a mixed clause looks for its attribution right after its
   closing mark (`“…,” he said`), before its opening mark (`He said: “…”`), in the
   previous sentence when that ends with a colon, or inherits it (`“A,” he said. “B.”`,
   further paragraphs of a quotation). Short unattributed spans are scare quotes or
   titles and are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.machinery import EXTENSION_SUFFIXES
from itertools import compress
from operator import attrgetter
from typing import Final

from newsx.document import Document, Span
from newsx.extract.quote_list import QuoteList
from newsx.extract.quotes_lexicon import (
    BEFORE_CUE_SKIP,
    CLAUSE_BREAKS,
    DETERMINERS,
    FINITE,
    HEARERS,
    NEGATIONS,
    NOT_CLAUSE_START,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    RELATIVE,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    cue_lexicon,
)
from newsx.extract.speakers import resolve_speakers
from newsx.model import Attribution, Person, Quote
from newsx.segment import abbreviations, is_word_char


def _nested_optional(part: str, times: int) -> str:
    """``(?:part){0,times}`` (greedy) written as nested alternations with an empty branch
    (`(?:p(?:p|)|)`): the same matches, found without the engine's repeat machinery (a
    counted repeat or ``?`` on a group allocates a repeat context at every match; a branch
    whose first item is a character class is skipped at once when the next character is
    not in it)."""
    out = ""
    for _ in range(times):
        out = f"(?:{part}{out}|)"
    return out


# a word (with up to 12 inner hyphens, apostrophes, periods or ampersands: `AT&T’s`, `U.S`)
# or one other non-space character. Written as `\w+…|[^\w\s]` read alike; this form starts
# with one character class, which lets the engine skip spaces without trying a match at
# each, and reads the rest of a word only after a word character (the lookbehind). The
# `\w*` never gives back a character (its continuation ends in an empty branch), so it is
# written greedy, not possessive (`\w*+` is Python 3.11 and later)
_TOKEN: Final = re.compile(r"\S(?:(?<=\w)\w*" + _nested_optional(r"[-'’.&]\w+", 12) + r"|)")
_QUOTE_MARK: Final = re.compile(r"[\"“”„‟«»‹›″‘’'‚]")
QUOTE_CHARS: Final = frozenset("\"“”„‟«»‹›″‘’'‚")
_DOUBLE_OPEN: Final = frozenset("\"“„‟«″”")
_SINGLE_OPEN: Final = frozenset("‘'‚‹")
_OPENERS: Final = _DOUBLE_OPEN | _SINGLE_OPEN
_CLOSERS: Final = {
    '"': '"', "“": "”\"", "„": "“”\"", "‟": "”\"", "«": "»", "″": "″", "”": "”",
    "‘": "’'", "'": "'’", "‚": "‘’", "‹": "›",
}
_STOP: Final = frozenset(".!?;")
_BREAK_PUNCT: Final = frozenset(",;:—–()[]") | QUOTE_CHARS
_MAX_SPEAKER: Final = 12
# the words that end a speaker read backwards from its cue (`and` and the comma only
# outside a name: `Ministry of Agriculture, Food and Rural Affairs`)
_SPEAKER_BREAKS: Final = _BREAK_PUNCT | CLAUSE_BREAKS | FINITE | {"and", ","}
# the words that start a time phrase inside a speaker (`on` only before a time word)
_SPEAKER_TIME: Final = frozenset(("during", "yesterday", "today", "earlier", "later", "last", "this", "on"))
_MIN_UNATTRIBUTED_WORDS: Final = 6


@dataclass(slots=True)
class Toks:
    """The tokens of one sentence as parallel lists (one list per field, made with C-level
    maps: far cheaper than one object per token). Token ``k`` starts at ``starts[k]`` and
    is as long as ``sizes[k]``; ``lows[k]`` is its lowercase form (usually ``sizes`` itself:
    see ``tokenize``); ``cap(k)`` (or ``caps[k]``) whether it begins with a capital."""

    starts: list[int]
    lows: list[str]
    text: str
    sizes: list[str]
    all_caps: list[bool] | None = None

    def __init__(self, starts: list[int], lows: list[str], text: str, sizes: list[str]) -> None:
        # written out: see Span.__init__ (newsx/document.py)
        self.starts = starts
        self.lows = lows
        self.text = text
        self.sizes = sizes
        self.all_caps = None

    @property
    def caps(self) -> list[bool]:
        """``cap(k)`` of every token, made on first use (most sentences ask a few tokens)."""
        if self.all_caps is None:
            self.all_caps = list(map(str.isupper, map(self.text.__getitem__, self.starts)))
        return self.all_caps

    def cap(self, k: int) -> bool:
        """Whether token ``k`` begins with a capital."""
        return self.text[self.starts[k]].isupper()

    def end(self, k: int) -> int:
        """The offset just after token ``k``."""
        return self.starts[k] + len(self.sizes[k])

    def word(self, k: int) -> str:
        """Token ``k`` as written."""
        start = self.starts[k]
        return self.text[start:start + len(self.sizes[k])]

    def __len__(self) -> int:
        return len(self.lows)


@dataclass(slots=True)
class QSpan:
    """A quoted span: ``open`` is the opening mark, ``start``/``end`` the content, ``words``
    its word count up to ``_WORDS_ENOUGH``."""

    open: int
    start: int
    end: int
    close: int
    closed: bool
    words: int
    consumed: bool = False

    def __init__(self, open: int, start: int, end: int, close: int, closed: bool, words: int) -> None:
        # written out: see Span.__init__ (newsx/document.py)
        self.open = open
        self.start = start
        self.end = end
        self.close = close
        self.closed = closed
        self.words = words
        self.consumed = False


@dataclass(slots=True)
class Cue:
    k: int          # first token of the cue
    n: int          # tokens in the cue (verb, phrase, or `expressed his hope`)
    cls: str

    def __init__(self, k: int, n: int, cls: str) -> None:
        # written out: see Span.__init__ (newsx/document.py)
        self.k = k
        self.n = n
        self.cls = cls


_GROUP, _START = re.Match.group, re.Match.start


def lowercase(text: str) -> str | None:
    """``text.lower()`` when it lowercases character by character: then its tokens (see
    ``tokenize``) sit at the same offsets as those of ``text``, and are their lowercase
    forms. Python lowercases every character to one character of the same class (word
    character, space or other) except `İ` (two characters) and `Σ` (`σ` or `ς` by its
    context): a text holding either gives None."""
    if "İ" in text or "Σ" in text:
        return None
    return text.lower()


def tokenize(text: str, start: int, end: int, low: str | None = None) -> Toks:
    """The tokens of ``text[start:end]``. With ``low``, the ``lowercase`` of ``text``, the
    tokens are read from it: their lowercase forms come without a ``str.lower`` each."""
    if low is not None:
        starts, lows = _tokens(low, start, end) if _COMPILED else _matched_tokens(low, start, end)
        return Toks(starts, lows, text, lows)
    starts, words = _tokens(text, start, end) if _COMPILED else _matched_tokens(text, start, end)
    return Toks(starts, list(map(str.lower, words)), text, words)


# whether this module runs compiled by mypyc (see ``_tokens``)
_COMPILED: Final = __file__.endswith(tuple(EXTENSION_SUFFIXES))


def _matched_tokens(text: str, start: int, end: int) -> tuple[list[int], list[str]]:
    """The matches of ``_TOKEN`` in ``text[start:end]``: their offsets and their strings."""
    matches = list(_TOKEN.finditer(text, start, end))
    return list(map(_START, matches)), list(map(_GROUP, matches))


def _tokens(text: str, start: int, end: int) -> tuple[list[int], list[str]]:
    """``_matched_tokens``, for the compiled module: the same tokens, found with fewer matches.

    A token never holds a space, so the text is cut at its spaces first (``str.split``, at
    C speed) and each piece that is not one word is cut by ``_piece_tokens``. Compiled
    with mypyc, this does far fewer instructions than matching every token; run as Python,
    its loop costs more than it saves, so Python keeps ``_matched_tokens``.
    tests/test_scan_rewrites.py holds the two to the same tokens."""
    starts: list[int] = []
    words: list[str] = []
    span = text[start:end]
    pos = 0
    for piece in span.split():
        first = ord(piece[0])
        while ord(span[pos]) != first:
            pos += 1  # only spaces stand between two pieces, and a piece begins with none
        n = len(piece)
        if n == 1 or piece.isalnum():
            starts.append(start + pos)
            words.append(piece)
        else:
            _piece_tokens(text, piece, start + pos, starts, words)
        pos += n
    return starts, words


_JOINS: Final = "-'’.&"  # the marks that join two runs of word characters in a token
_MAX_JOINS: Final = 12


def _piece_tokens(text: str, piece: str, at: int, starts: list[int], words: list[str]) -> None:
    """The tokens of ``piece``, a run of characters without spaces at offset ``at``: the
    marks before its first word character and after its last are tokens of one character;
    the core between them is one token when it reads as ``_TOKEN`` reads a word (runs of
    word characters joined by single marks of ``_JOINS``, up to ``_MAX_JOINS``), else the
    pattern cuts it."""
    n = len(piece)
    a = 0
    while a < n and not is_word_char(piece[a]):
        a += 1
    b = n
    while b > a and not is_word_char(piece[b - 1]):
        b -= 1
    for i in range(a):
        starts.append(at + i)
        words.append(piece[i])
    if b > a:
        core = piece[a:b] if b - a < n else piece
        if core.isalnum() or _one_word(core):
            starts.append(at + a)
            words.append(core)
        else:
            for m in _TOKEN.finditer(text, at + a, at + b):
                starts.append(m.start())
                words.append(m.group())
    for i in range(b, n):
        starts.append(at + i)
        words.append(piece[i])


def _one_word(core: str) -> bool:
    """Whether ``core`` (beginning and ending with a word character) is one token: runs of
    word characters joined by single marks of ``_JOINS``, at most ``_MAX_JOINS`` of them."""
    joins = 0
    after_join = False
    for c in core:
        if is_word_char(c):
            after_join = False
        elif c in _JOINS and not after_join:
            joins += 1
            after_join = True
        else:
            return False
    return joins <= _MAX_JOINS


# --------------------------------------------------------------------------- marks
_WORD: Final = re.compile(r"\w+")


_WORDS_ENOUGH: Final = _MIN_UNATTRIBUTED_WORDS + 2  # the largest word count any test compares with
# `_WORDS_ENOUGH` runs of word characters, each ended by a word boundary (no backtracking
# can split a run in two), matched at once without a string per word
_ENOUGH_WORDS: Final = re.compile(r"\W*\w+\b" * _WORDS_ENOUGH)


def _word_count(text: str, start: int, end: int) -> int:
    """The words (runs of ``\\w``) in ``text[start:end]``, counted up to ``_WORDS_ENOUGH``
    (every test compares a count with that number or less)."""
    if _COMPILED:
        return _counted_words(text, start, end)
    if _ENOUGH_WORDS.match(text, start, end):
        return _WORDS_ENOUGH
    return len(_WORD.findall(text, start, end))


def _counted_words(text: str, start: int, end: int) -> int:
    """``_word_count`` read character by character, for the compiled module (where a loop
    costs less than the two matches)."""
    count = 0
    in_word = False
    for i in range(start, end):
        if is_word_char(text[i]):
            if not in_word:
                count += 1
                if count == _WORDS_ENOUGH:
                    return count
                in_word = True
        else:
            in_word = False
    return count


def _strip(text: str, start: int, end: int, chars: str = " \t\r\n\u00a0") -> tuple[int, int]:
    if start < end and text[start] not in chars and text[end - 1] not in chars:
        return start, end  # the usual case: nothing to strip
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# every byte that may stand for a quotation mark in ``_ascii_bytes`` (the ASCII marks, and
# `?`, which stands for every character beyond ASCII) becomes `"`, every other a space
_MARK_TABLE: Final = bytes(34 if c in b"\"'?" else 32 for c in range(256))
_MARK_BYTE: Final = re.compile(b'"')


def _ascii_bytes(text: str) -> bytes:
    """``text`` as one byte per character: itself when ASCII, else `?`."""
    return text.encode("ascii", "replace")


def mark_candidates(text: str, ascii_text: bytes | None = None) -> bytes:
    """One byte per character of ``text``, `"` where a quotation mark may stand (it does or
    the character is beyond ASCII), a space elsewhere. ``scan_quotes`` finds the marks from
    it: a literal byte is found at ``memchr`` speed, where the class of all marks (most
    beyond Latin-1) costs a charset lookup at every character of the text."""
    return (ascii_text if ascii_text is not None else _ascii_bytes(text)).translate(_MARK_TABLE)


def scan_quotes(text: str, para: Span, candidates: bytes | None = None) -> QuoteList:
    """Pair the quotation marks of one paragraph into quoted spans, in one pass.
    ``candidates``: the ``mark_candidates`` of the whole text, when made."""
    spans: QuoteList = QuoteList()
    opener: tuple[str, int] | None = None
    lo, hi = para.start, para.end
    for i in _mark_offsets(text, lo, hi, candidates):
        c = text[i]
        if c not in QUOTE_CHARS:
            continue  # a candidate beyond ASCII that is no mark
        if opener is None and c not in _OPENERS:
            continue  # a closing mark or an apostrophe with nothing open
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if opener is None:
            if c in _DOUBLE_OPEN and not nxt.isspace() and (not prev.isalnum() or c in "“„«"):
                opener = (c, i)
            elif c in _SINGLE_OPEN and not prev.isalnum() and nxt.isalnum():
                opener = (c, i)
            continue
        oc, oi = opener
        if c in _CLOSERS[oc]:
            if oc in _SINGLE_OPEN and nxt.isalnum():
                continue  # an apostrophe inside a word (don’t)
            if oc == '"' and prev.isspace() and not nxt.isspace() and nxt not in ",.;:!?":
                opener = (c, i)  # the previous straight mark was left open; this one opens
                continue
            _add_span(text, spans, oi, i, i + 1, True)
            opener = None
        elif oc in _SINGLE_OPEN and c in _DOUBLE_OPEN and not prev.isalnum():
            opener = (c, i)  # the single mark was an apostrophe
        elif oc in "“«„" and c == oc:
            # a second opening mark: the first quotation ran on; restart here
            _add_span(text, spans, oi, i, i, False)
            opener = (c, i)
    if opener is not None and opener[0] in _DOUBLE_OPEN:
        _add_span(text, spans, opener[1], hi, hi, False)
    return spans


def _mark_offsets(text: str, lo: int, hi: int, candidates: bytes | None) -> list[int]:
    """The offsets in ``lo..hi`` where a quotation mark may stand: every ``_QUOTE_MARK``,
    or every `"` of ``candidates``. Compiled, these are found with ``bytes.find`` (at
    ``memchr`` speed, without a match object each); as Python, a loop costs more than
    the pattern's matches."""
    if candidates is None:
        return list(map(_START, _QUOTE_MARK.finditer(text, lo, hi)))
    if not _COMPILED:
        return list(map(_START, _MARK_BYTE.finditer(candidates, lo, hi)))
    return _found_marks(candidates, lo, hi)


def _found_marks(candidates: bytes, lo: int, hi: int) -> list[int]:
    """Every `"` of ``candidates[lo:hi]``, found with ``bytes.find`` (the compiled path)."""
    out: list[int] = []
    i = candidates.find(b'"', lo, hi)
    while i >= 0:
        out.append(i)
        i = candidates.find(b'"', i + 1, hi)
    return out


def _add_span(text: str, spans: list[QSpan], open_: int, end: int, close: int, closed: bool) -> None:
    s, e = _strip(text, open_ + 1, end)
    if e > s:
        spans.append(QSpan(open_, s, e, close, closed, _word_count(text, s, e)))


# --------------------------------------------------------------------------- cues
# the cue lexicon, loaded once: single-word cue -> class, two-word phrase -> class, nouns after `express`
_CUE_WORDS, _CUE_PHRASES, _EXPRESS_NOUNS = cue_lexicon()
_PHRASE_HEADS: Final = frozenset({p[0] for p in _CUE_PHRASES} | {"according"})
# the words a cue can start with (``cue_at`` returns None at any other token)
_CUE_HEADS: Final = frozenset(_CUE_WORDS) | _PHRASE_HEADS


def cue_at(tk: Toks, k: int) -> Cue | None:
    lows = tk.lows
    low = lows[k]
    if low in _PHRASE_HEADS and k + 1 < len(lows):
        after = lows[k + 1]
        if low == "according" and after == "to":
            return Cue(k, 2, "according")
        cls = _CUE_PHRASES.get((low, after))
        if cls:
            return Cue(k, 2, cls)
    cls = _CUE_WORDS.get(low)
    if cls is None:
        return None
    if k > 0:
        prev = lows[k - 1]
        if prev in DETERMINERS and prev != "that" and (not tk.cap(k - 1) or k == 1):
            return None  # `made the remarks`, `his statement`: a noun
    if cls == "express":
        n = len(lows)
        j = k + 1
        if j < n and lows[j] in DETERMINERS:
            j += 1
        if j < n and lows[j] in _EXPRESS_NOUNS:
            return Cue(k, j + 1 - k, "express")
        return None
    if k > 0 and tk.cap(k) and not (cls == "say" and _title_case(tk, k)):
        return None  # a capitalised noun (Report, Notes) mid-sentence, outside a Title Case headline
    return Cue(k, 1, cls)


def _title_case(tk: Toks, k: int) -> bool:
    """Whether the words around token ``k`` are capitalised (a headline: `Trump Says …`)."""
    lo, hi = max(0, k - 4), k + 5
    caps = [cap for low, cap in zip(tk.lows[lo:hi], tk.caps[lo:hi], strict=True)
            if low.isalpha() and len(low) > 3]
    return len(caps) >= 4 and all(caps)


def _is_stop(tk: Toks, i: int) -> bool:
    """A sentence-ending token (a period that does not close an abbreviation)."""
    low = tk.lows[i]
    if low not in _STOP:
        return False
    if low == "." and i > 0 and tk.end(i - 1) == tk.starts[i]:
        prev = tk.word(i - 1)
        if prev in abbreviations() or (len(prev) == 1 and prev.isupper()):
            return False
    return True


def speaker_before(tk: Toks, k: int, lo: int) -> tuple[int, int, int] | None:
    """The noun phrase before a cue at ``k``: (first, last+1, boundary index) in tokens,
    or None when negated. The boundary is the token just before the phrase (or lo-1)."""
    lows = tk.lows
    j = k - 1
    while j >= lo and lows[j] in BEFORE_CUE_SKIP:
        j -= 1
    if j >= lo and lows[j] in NEGATIONS:
        return None
    end = j + 1
    i = j
    while i >= lo and end - i <= _MAX_SPEAKER + 2:
        low = lows[i]
        if low in _SPEAKER_BREAKS:  # `)` is one
            if low == ")":
                # `The News Agency of Nigeria (NAN) reports`: step over a short parenthesis
                o = i - 1
                while o >= lo and i - o <= 6 and lows[o] not in ("(", ")", ","):
                    o -= 1
                if o >= lo and lows[o] == "(" and o < i - 1:
                    i = o - 1
                    continue
            elif low in ("and", ",") and _inside_name(tk, i, lo, end):
                i -= 1
                continue
            break
        i -= 1
    start = i + 1
    if start < end and lows[start] in RELATIVE and i >= lo and lows[i] == ",":
        # `Lacroix, who …, said`: the antecedent before the comma is the speaker
        back = speaker_before(tk, i, lo)
        if back and back[1] > back[0]:
            return back[0], back[1], back[2]
    if end - start > _MAX_SPEAKER:
        start = end - _MAX_SPEAKER
    while start < end - 1 and lows[start] in ("and", "but", "so", "then"):
        start += 1  # `And he said`: the conjunction is not the speaker
    if end - start > 1 and not _SPEAKER_TIME.isdisjoint(lows[start + 1:end]):
        for x in range(start + 1, end):
            if lows[x] in _SPEAKER_TIME and (lows[x] != "on" or (x + 1 < end and lows[x + 1] in TIME_WORDS)):
                end = x  # `State police on Tuesday night said`: the time is not the speaker
                break
    return start, end, i


def _inside_name(tk: Toks, i: int, lo: int, end: int) -> bool:
    """Whether the `and` or comma at ``i`` sits inside a capitalised name
    (`Ministry of Agriculture, Food and Rural Affairs`)."""
    lows = tk.lows
    if i - 1 < lo or i + 1 >= end or not tk.cap(i - 1) or not tk.cap(i + 1):
        return False
    after = zip(lows[i + 1:end], tk.caps[i + 1:end], strict=True)
    if not all(cap or low in ("and", "of", "&") for low, cap in after):
        return False
    if lows[i] == "and":
        return True
    return "of" in lows[max(lo, i - 3):i]


def _np_after(tk: Toks, j: int, hi: int, limit: int = 10) -> int:
    """End (exclusive) of a speaker noun phrase starting at token ``j`` (`said Smith`)."""
    lows = tk.lows
    e = j
    while e < hi and e - j < limit:
        low = lows[e]
        if low in _BREAK_PUNCT or (low in _STOP and _is_stop(tk, e)) or low in CLAUSE_BREAKS:
            break
        if low in PREPOSITIONS and e > j and low != "of":
            break
        if low in FINITE:
            break
        e += 1
    return e


def _object_end(tk: Toks, j: int, hi: int) -> int:
    """The hearer object after `told`: a pronoun, a hearer word, the words up to `that`,
    or a short noun phrase."""
    if j >= hi:
        return j
    lows, caps = tk.lows, tk.caps
    first = lows[j]
    if first in OBJECT_PRONOUNS or first in HEARERS:
        return j + 1
    if first in ("that", ":", ","):
        return j
    for e in range(j + 1, min(hi, j + 7)):
        low = lows[e]
        if low == "that":
            return e  # `told the visiting delegation that …`
        if low in _BREAK_PUNCT or low in FINITE or low in PREPOSITIONS:
            break
    e = j
    if first in DETERMINERS:
        e += 1
    while e < hi and e - j < 6:
        low = lows[e]
        if low in HEARERS:
            return e + 1
        if not caps[e] and low not in ("of", "-", "’s", "'s", "&"):
            break
        e += 1
    return e if e > j else j + 1


def clause_like(tk: Toks, j: int, hi: int, loose: bool) -> bool:
    """Whether the words at ``j`` read as a reported clause rather than an object."""
    if hi - j < 3:
        return False
    lows = tk.lows
    first = lows[j]
    if first in NOT_CLAUSE_START or first in PREPOSITIONS:
        return False
    base = first.split("'", 1)[0].split("’", 1)[0]  # the word before any apostrophe
    if base in SUBJECT_PRONOUNS and base not in ("this", "these", "those", "one", "who") and (
            base != first or base not in ("that", "it") or hi - j >= 3):
        if base != "that" or base != first:
            return True
    prev = first
    for i in range(j + 1, min(hi, j + 16)):
        low = lows[i]
        if low in ("that", "which", "who", "whom") and first in DETERMINERS:
            return False  # `the difficult moment that the country is going through`
        if low in FINITE:
            return True
        if (len(low) > 4 and low.endswith("ed") and not tk.cap(i)
                and prev not in DETERMINERS and prev not in PREPOSITIONS and prev not in ("of", "and", ",")):
            return True
        prev = low
    return loose and hi - j >= 4


# --------------------------------------------------------------------------- sentences
def _span(tk: Toks, a: int, b: int, label: str) -> Span | None:
    return Span(tk.starts[a], tk.starts[b - 1] + len(tk.sizes[b - 1]), label) if b > a else None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The offsets of a reported clause between ``start`` and ``end``: stripped of spaces and
    trailing punctuation, without a leading `that `; None when shorter than 8 characters."""
    s, e = _strip(text, start, end)
    while e > s and text[e - 1] in ".,;: \u00a0":
        e -= 1
    if text[s:s + 5].lower() == "that ":
        s += 5
    return (s, e) if e - s >= 8 else None


def _clause_span(text: str, start: int, end: int) -> Span | None:
    bounds = _clause_bounds(text, start, end)
    return Span(bounds[0], bounds[1], "clause") if bounds else None


_DASHES: Final = frozenset(("—", "–", "-"))


def _dateline_end(tk: Toks, lo: int, hi: int) -> int:
    """Index of the first token after a dateline (`PANO –`, `HANOI (VNA) —`), else lo."""
    lows = tk.lows
    top = min(hi, lo + 12)
    if _DASHES.isdisjoint(lows[lo + 1:top]):
        return lo  # no dash to end a dateline (the usual case): one set test
    for i in range(lo, top):
        low = lows[i]
        if low in _DASHES and i > lo and tk.starts[i] > tk.end(i - 1):
            head = range(lo, i)
            shouting = any(len(lows[u]) > 1 and tk.word(u).isupper() for u in head)
            capitalised = all(tk.cap(u) or not lows[u].isalpha() for u in head)
            if capitalised and (shouting or "(" in lows[lo:i]):
                return i + 1  # `HANOI (VNA) —`, `PANO –`; not `Jason Sims — a teacher —`
            return lo
        if low.isalpha() and not tk.cap(i):
            return lo
    return lo


_MAX_QUOTES_IN_CLAUSE: Final = 40


def quote_closes(quotes: Sequence[QSpan]) -> list[int]:
    """The closing offsets of a paragraph's quoted spans (sorted), computed once."""
    if isinstance(quotes, QuoteList):
        if quotes.closes is None:
            quotes.closes = [q.close for q in quotes]
        return quotes.closes
    return [q.close for q in quotes]


_NO_QUOTES: Final[list[QSpan]] = []


def _kind(text: str, clause: tuple[int, int], quotes: Sequence[QSpan]) -> str | None:
    """`indirect`, `mixed`, or None when the clause (start and end offsets) is a quotation
    itself (direct). The quoted spans inside a mixed clause are marked consumed."""
    kind, inside = _classify(text, clause, quotes)
    for q in inside:
        q.consumed = True
    return kind


def _classify(text: str, clause: tuple[int, int], quotes: Sequence[QSpan]) -> tuple[str | None, list[QSpan]]:
    """``_kind`` without marking anything: the kind, and the quoted spans inside the clause
    when it is mixed (none otherwise), for the caller to mark once it keeps the clause."""
    if not quotes:
        return "indirect", _NO_QUOTES
    c_start, c_end = clause
    inside = 0
    hits: list[QSpan] = []
    first = bisect_left(quote_closes(quotes), c_start + 1)
    for q in quotes[first:first + _MAX_QUOTES_IN_CLAUSE]:
        if q.open >= c_end:
            break
        if q.open < c_start - 1 or q.close > c_end + 2:
            # the clause sits in (or runs across) a quotation: a direct quote's business
            if q.words >= 4:
                return None, _NO_QUOTES
            continue
        hits.append(q)
        inside += q.end - q.start
    if not hits:
        return "indirect", _NO_QUOTES
    if text[c_start] in QUOTE_CHARS and hits[0].close >= c_end - 1:
        return None, _NO_QUOTES
    if inside > 0.8 * (c_end - c_start) and text[c_start] in QUOTE_CHARS:
        return None, _NO_QUOTES
    return "mixed", hits


def sentence_attributions(text: str, tk: Toks, quotes: Sequence[QSpan]) -> list[Attribution]:
    """Indirect and mixed attributions of one sentence (tokens ``tk``)."""
    lows = tk.lows
    hi = len(lows)
    # a set lookup first: cue_at returns None for any word that is not a cue head
    candidates = _cue_candidates(tk, quotes)
    if not candidates:
        return []
    cues = [c for k in candidates if (c := cue_at(tk, k))]
    if not cues:
        return []
    # drop cues that overlap a previous phrase cue
    kept: list[Cue] = []
    for c in cues:
        if kept and c.k < kept[-1].k + kept[-1].n:
            continue
        kept.append(c)
    out: list[Attribution] = []
    subject: Span | None = None
    # a lowercase word among the first two tokens: no dateline (the usual case)
    if (lows[0].isalpha() and not tk.cap(0)) or (hi > 1 and lows[1].isalpha() and not tk.cap(1)):
        lo = 0
    else:
        lo = _dateline_end(tk, 0, hi)
    for idx, cue in enumerate(kept):
        nxt = kept[idx + 1] if idx + 1 < len(kept) else None
        att = _read_cue(text, tk, cue, nxt, lo, hi, quotes, subject)
        if att:
            out.append(att)
            if att.speaker and subject is None:
                subject = att.speaker
    return out


def _cue_candidates(tk: Toks, quotes: Sequence[QSpan]) -> list[int]:
    """The tokens that are cue heads and do not sit inside a quotation of 3 words or more
    (strictly between its marks), in order. The quotations are sorted and do not overlap:
    the token ranges inside them are found by bisection, and only the words outside are
    looked up."""
    lows = tk.lows
    hi = len(lows)
    contains = _CUE_HEADS.__contains__
    if not quotes or not hi:
        return list(compress(range(hi), map(contains, lows)))
    starts = tk.starts
    last_start = starts[-1]
    out: list[int] = []
    a = 0  # the first token not yet looked at
    for qi in range(bisect_left(quote_closes(quotes), starts[0] + 1), len(quotes)):
        q = quotes[qi]
        if q.open >= last_start:
            break  # no token starts after its opening mark
        if q.words < 3:
            continue
        b = bisect_right(starts, q.open)  # the tokens strictly inside: b..e-1
        e = bisect_left(starts, q.close, b)
        if b < e:
            if b > a:
                out.extend(compress(range(a, b), map(contains, lows[a:b])))
            a = max(a, e)
    if a < hi:
        out.extend(compress(range(a, hi), map(contains, lows[a:])))
    return out


def _clause_end(tk: Toks, nxt: Cue | None, start: int, hi: int) -> int:
    """Token index where a clause starting at ``start`` ends: the sentence end, or the
    boundary before a following cue (`…, adding that …`, `… and added …`)."""
    lows = tk.lows
    end = hi
    if nxt is not None and nxt.k > start:
        seg = speaker_before(tk, nxt.k, start)
        if seg is None:
            return end
        s0, s1, b = seg
        bare = s1 == s0 or (s1 - s0 == 1 and lows[s0] in SUBJECT_PRONOUNS)
        if bare and b > start and lows[b] in (",", "and", ";", "while", "but"):
            end = b
    first = max(start, end - 6)
    if _DASHES.isdisjoint(lows[first + 1:end]):
        return end  # no dash among the last words (the usual case): one set test
    for i in range(first, end - 1):
        if lows[i] in ".!?" and lows[i + 1] in _DASHES:
            return i + 1  # `… next year. — VNS`: an outlet credit after the sentence
    return end


def _read_cue(text: str, tk: Toks, cue: Cue, nxt: Cue | None, lo: int, hi: int,
              quotes: Sequence[QSpan], subject: Span | None) -> Attribution | None:
    lows = tk.lows
    k, cls = cue.k, cue.cls
    j = k + cue.n
    if cls == "according":
        return _according(text, tk, k, j, lo, hi, quotes, nxt)
    if cls == "ask" or (k > 0 and lows[k - 1] == "to"):
        return None  # a direct-only cue, or an infinitive (`to maintain peace`)
    seg = speaker_before(tk, k, lo)
    if seg is None:
        return None
    s0, s1, boundary = seg
    participle = lows[k].endswith("ing")
    if s0 == s1 and not participle and lo <= boundary and lows[boundary] in (",", "—", "–"):
        # `…, said Mr Phuc.`: the speaker follows the cue
        e = _np_after(tk, j, hi)
        if cls == "say" and e > j and _inverted_speaker(tk, j, e, hi):
            return _before_comma(text, tk, lo, boundary, _span(tk, j, e, "speaker"), _span(tk, k, j, "cue"),
                                 quotes)
        # `Name, the minister, said …`: the name before the appositive
        s0, s1 = _appositive(tk, boundary, lo)
    # the hearer object of `told`
    if cls == "tell":
        j = _object_end(tk, j, hi)
    elif j < hi and lows[j] in OBJECT_PRONOUNS and lows[j] not in ("it", "her"):
        j += 1
    # skip adverbials up to `that`
    start = None
    if j < hi:
        low = lows[j]
        if low == "that":
            start = j + 1
        elif low == ":":
            start = j + 1
        elif low in PREPOSITIONS or low in TIME_WORDS:
            for i in range(j, min(hi, j + 16)):
                if lows[i] == "that":
                    start = i + 1
                    break
                if _is_stop(tk, i) or lows[i] in QUOTE_CHARS:
                    break
                if lows[i] == "," and i + 1 < hi and clause_like(tk, i + 1, hi, False):
                    start = i + 1
                    break
        elif low == ",":
            # `Barden says, far too many lives …` / `X says, win or lose, he is staying`
            if cls in ("say", "tell") and j + 1 < hi and clause_like(tk, j + 1, hi, False):
                start = j + 1
        elif clause_like(tk, j, hi, cls == "say"):
            start = j
    if participle and s1 > s0 and not tk.cap(s0) and lows[s0] not in DETERMINERS \
            and lows[s0] not in SUBJECT_PRONOUNS:
        s0 = s1  # `…, making a pitch to voters, saying …`: the subject of the sentence speaks
    speaker = _span(tk, s0, s1, "speaker")
    if speaker is None and (participle or (lo <= boundary and lows[boundary] == "and")):
        # `…, saying …` / `X praised Y and said …`: the subject of the sentence
        speaker = subject or _subject(tk, lo, boundary)
    if start is not None and start < hi:
        if lows[start] in ("to",):
            return None
        end = _clause_end(tk, nxt, start, hi)
        if end <= start:
            return None
        clause = _clause_bounds(text, tk.starts[start], tk.end(end - 1))
        if clause is None:
            return None
        if speaker is None and not lows[k].endswith("ing"):
            return None
        kind = _kind(text, clause, quotes)
        if kind is None:
            return None
        return Attribution(Span(*clause, "clause"), kind, _span(tk, k, k + cue.n, "cue"), speaker)
    # `CLAUSE, X said [adverbials].` / `CLAUSE, said X.` / `… “a burn bag,” the Times said.`
    if boundary < lo or not (lows[boundary] == "," or (
            lows[boundary] in "”\"’" and boundary > lo and lows[boundary - 1] == ",")):
        return None
    # the clause first: most often it is a quotation (`“…,” he said`), left to _direct
    if lo >= boundary:
        return None
    clause = _clause_bounds(text, tk.starts[lo], _boundary_end(tk, boundary))
    if clause is None or boundary - lo < 3:
        return None
    kind, inside = _classify(text, clause, quotes)
    if kind is None:
        return None
    if j < hi and not (_is_stop(tk, j) or lows[j] in PREPOSITIONS
                       or lows[j] in TIME_WORDS or lows[j] in (",", "—", "–", "(")):
        if not (s0 == s1):
            return None
    if s0 == s1:
        if lows[k].endswith("ing") or cls != "say":
            return None
        e = _np_after(tk, j, hi)
        if e == j or not _inverted_speaker(tk, j, e, hi):
            return None
        speaker = _span(tk, j, e, "speaker")
    if speaker is not None and not _np_ok(tk, speaker, s0, s1):
        return None
    for q in inside:
        q.consumed = True  # kept: its quoted fragments are not direct quotes
    return Attribution(Span(*clause, "clause"), kind, _span(tk, k, k + cue.n, "cue"), speaker)


def _inverted_speaker(tk: Toks, j: int, e: int, hi: int) -> bool:
    """Whether tokens j..e after a cue name its speaker (`…, said Mr Phuc.`)."""
    lows = tk.lows
    first = lows[j]
    if first in ("a", "an", "that") or first in NOT_CLAUSE_START:
        return False
    if "that" in lows[e:e + 12]:
        return False  # `…, said in a statement on Monday that …`
    at_end = e >= hi or _is_stop(tk, e) or lows[e] == ","
    if first in SUBJECT_PRONOUNS:
        return at_end and e == j + 1  # `…, said he.`
    if at_end:
        return tk.cap(j) or first in DETERMINERS
    if lows[e] not in PREPOSITIONS:
        return False
    return all(cap or low in ("of", "the", "and", "-", ".")
               for low, cap in zip(lows[j:e], tk.caps[j:e], strict=True) if low.isalpha() or low == "-")


def _subject(tk: Toks, lo: int, hi: int) -> Span | None:
    """The noun phrase at the start of a sentence (`The Arizona Republican survived …`):
    the words before the first verb-like word (finite, `-ed`, a cue) or punctuation."""
    words = _CUE_WORDS
    if lo < hi and (tk.lows[lo] in PREPOSITIONS or tk.lows[lo] in TIME_WORDS):
        # `Earlier in the week, the senator …`: the subject follows the opening phrase
        comma = next((x for x in range(lo, min(hi, lo + 10)) if tk.lows[x] == ","), None)
        if comma is None:
            return None
        lo = comma + 1
    e = lo
    while e < hi and e - lo < 7:
        low = tk.lows[e]
        past = not tk.cap(e) and len(low) > 3 and low.endswith("ed")
        verbish = (low in FINITE or low in words or past
                   or low in _BREAK_PUNCT or low in CLAUSE_BREAKS)
        if verbish:
            break
        e += 1
    while e > lo and tk.lows[e - 1] in BEFORE_CUE_SKIP:
        e -= 1
    if e == lo or e - lo >= 7 or e >= hi:
        return None
    return _span(tk, lo, e, "speaker") if tk.lows[e - 1] not in DETERMINERS else None


def _boundary_end(tk: Toks, boundary: int) -> int:
    """Where a clause before its attribution ends: at the comma, or after a closing mark
    that follows a comma (`… a “burn bag,” the Times said`)."""
    return tk.end(boundary) if tk.lows[boundary] in QUOTE_CHARS else tk.starts[boundary]


def _before_comma(text: str, tk: Toks, lo: int, boundary: int, speaker: Span | None,
                  cue_span: Span | None, quotes: Sequence[QSpan]) -> Attribution | None:
    """`CLAUSE, <speaker and cue>`: the clause from the sentence start to the comma."""
    if boundary - lo < 3:
        return None
    clause = _clause_bounds(text, tk.starts[lo], _boundary_end(tk, boundary))
    if clause is None:
        return None
    kind = _kind(text, clause, quotes)
    return Attribution(Span(*clause, "clause"), kind, cue_span, speaker) if kind else None


def _pure_name(tk: Toks, a: int, b: int) -> bool:
    caps = [cap for low, cap in zip(tk.lows[a:b], tk.caps[a:b], strict=True) if low.isalpha()]
    return 0 < len(caps) <= 6 and all(caps)


def _appositive(tk: Toks, comma: int, lo: int) -> tuple[int, int]:
    """The speaker of `Name, appositive, …, said`: the nearest comma-separated segment that
    is a bare name, else the nearest segment."""
    first: tuple[int, int] | None = None
    b = comma
    for _ in range(5):
        if b < lo or tk.lows[b] not in (",", "—", "–", "and", "who", "which", "whose"):
            break
        seg = speaker_before(tk, b, lo)
        if seg is None or seg[1] <= seg[0]:
            break
        if lo <= seg[2] and tk.lows[seg[2]] in ("who", "which", "whose"):
            b = seg[2] - 1  # `…, which financed half of it,`: a relative clause
            continue
        if first is None:
            first = (seg[0], seg[1])
        if _pure_name(tk, seg[0], seg[1]):
            return seg[0], seg[1]
        b = seg[2]
    return first if first else (comma, comma)


def _np_ok(tk: Toks, speaker: Span, s0: int, s1: int) -> bool:
    if s1 <= s0:
        return True
    first = tk.lows[s0]
    return tk.cap(s0) or first in SUBJECT_PRONOUNS or first in DETERMINERS or s1 - s0 <= 3


def _according(text: str, tk: Toks, k: int, j: int, lo: int, hi: int,
               quotes: Sequence[QSpan], nxt: Cue | None) -> Attribution | None:
    e = _np_after(tk, j, hi, 12)
    if e == j:
        return None
    if k <= lo + 1 and not (e < hi and tk.lows[e] == ","):
        # `According to early results of polls conducted for …, CLAUSE`: a long source
        comma = next((x for x in range(e, min(hi, j + 30)) if tk.lows[x] == ","), None)
        if comma is not None and QUOTE_CHARS.isdisjoint(tk.lows[e:comma]):
            e = comma
    speaker = _span(tk, j, e, "speaker")
    if e < hi and tk.lows[e] == "," and k <= lo + 1:
        start = e + 1
        end = _clause_end(tk, nxt, start, hi)
        if end - start < 3:
            return None
        clause = _clause_bounds(text, tk.starts[start], tk.end(end - 1))
    elif k > lo and tk.lows[k - 1] == ",":
        if k - 1 - lo < 3:
            return None
        clause = _clause_bounds(text, tk.starts[lo], tk.starts[k - 1])
    elif k - lo >= 4 and (e >= hi or _is_stop(tk, e)):
        clause = _clause_bounds(text, tk.starts[lo], tk.end(k - 1))  # `… by 271 delegates according to X.`
    else:
        return None
    if clause is None:
        return None
    kind = _kind(text, clause, quotes)
    return Attribution(Span(*clause, "clause"), kind, _span(tk, k, j, "cue"), speaker) if kind else None


# --------------------------------------------------------------------------- direct
_AFTER_BREAKS: Final = QUOTE_CHARS | _STOP | {":", ";"}


def _after_attribution(text: str, tk: Toks, i: int, hi: int
                       ) -> tuple[Span | None, Span, int] | None:
    """`“…,” he said` / `“…,” said Smith`: the speaker, the cue and the attribution's last
    token, reading from token ``i`` (the first token after the closing mark).
    An appositive (`Smith, the minister, said`) may stand between the mark and the cue."""
    lows = tk.lows
    while i < hi and lows[i] in (",", "—", "–", "-"):
        i += 1
    w0 = i
    stop = i
    top = min(hi, w0 + 14)
    while stop < top:
        low = lows[stop]
        if low in _AFTER_BREAKS and (low not in _STOP or low == ";" or _is_stop(tk, stop)):
            break  # a quotation mark, a colon or semicolon, or a sentence end
        stop += 1
    # a set lookup first: cue_at returns None for any word that is not a cue head
    for c in compress(range(w0, stop), map(_CUE_HEADS.__contains__, lows[w0:stop])):
        cue = cue_at(tk, c)
        if cue is None or cue.cls in ("according", "express") or (c > 0 and lows[c - 1] == "to"):
            continue
        if c - w0 > _MAX_SPEAKER:
            return None
        before = lows[w0:c]
        if "to" in before or not FINITE.isdisjoint(before):
            return None  # `“…” is what he wanted to say`: not an attribution
        j = c + cue.n
        cue_end = j
        if cue.cls == "tell":
            cue_end = _object_end(tk, j, stop)
        if c > w0:
            if lows[c - 1] in NEGATIONS:
                return None
            s_end = c
            while s_end > w0 and lows[s_end - 1] in BEFORE_CUE_SKIP:
                s_end -= 1
            speaker = _span(tk, w0, s_end, "speaker")
        else:
            e = _np_after(tk, cue_end, stop)
            speaker = _span(tk, cue_end, e, "speaker") if e > cue_end else None
            if speaker is None:
                return None
        cue_span = _span(tk, c, j, "cue")
        assert cue_span is not None
        return speaker, cue_span, stop
    return None


def _before_attribution(text: str, tk: Toks, lo: int, i: int
                        ) -> tuple[Span | None, Span | None] | None:
    """`He said: “…”` / `Smith told reporters, “…”`: tokens lo..i precede the mark."""
    if i <= lo:
        return None
    lows = tk.lows
    heads = _CUE_HEADS
    for c in range(i - 1, max(lo, i - 10) - 1, -1):
        if lows[c] not in heads:
            continue  # cue_at would return None
        cue = cue_at(tk, c)
        if cue is None or cue.cls == "according":
            if cue and cue.cls == "according":
                e = _np_after(tk, c + 2, i)
                return _span(tk, c + 2, e, "speaker"), _span(tk, c, c + 2, "cue")
            continue
        tail = lows[c + cue.n:i]
        if not QUOTE_CHARS.isdisjoint(tail):
            return None
        if len(tail) > 8:
            return None
        if tail and tail[-1] not in (":", ",", "that", "—", "–") and len(tail) > 2:
            return None
        if tail and tail[-1] in PREPOSITIONS:
            return None  # `said on “Hannity,”`: a title after a preposition
        seg = speaker_before(tk, c, lo)
        if seg is None:
            return None
        s0, s1, boundary = seg
        if s0 == s1 and lo <= boundary and lows[boundary] == ",":
            s0, s1 = _appositive(tk, boundary, lo)
        speaker = _span(tk, s0, s1, "speaker")
        return speaker, _span(tk, c, c + cue.n, "cue")
    return None


def _label(text: str, tk: Toks) -> tuple[Span | None, Span | None] | None:
    """A sentence ending with a colon that introduces a quotation: its cue and speaker,
    or a bare speaker label (`Commissioner Jane Roe:`)."""
    lows = tk.lows
    if not lows or lows[-1] != ":":
        return None
    found = _before_attribution(text, tk, 0, len(lows))
    if found:
        return found
    n = len(lows) - 1
    if 1 <= n <= 8 and all(cap or low in ("of", "-", ".", "’s", "'s")
                           for low, cap in zip(lows[:n], tk.caps[:n], strict=True)):
        return _span(tk, 0, n, "speaker"), None
    return None


# --------------------------------------------------------------------------- document
_MAX_SENTENCE: Final = 20_000  # characters: a longer "sentence" is not prose; it is not read
_MAX_SENTENCES_PER_PARAGRAPH: Final = 2_000


def _scan_readable(text: str, para: Span, sents: Sequence[Span],
                   candidates: bytes | None = None) -> QuoteList:
    """The quoted spans of a paragraph, scanned over its runs of sentences of readable
    length (a giant "sentence" is not prose: its marks are not paired)."""
    if para.end - para.start <= _MAX_SENTENCE or all(len(s) <= _MAX_SENTENCE for s in sents):
        return scan_quotes(text, para, candidates)
    out = QuoteList()
    run: Span | None = None
    for s in [*sents, None]:
        if s is not None and len(s) <= _MAX_SENTENCE:
            run = Span(run.start if run else s.start, s.end)
            continue
        if run is not None:
            out.extend(scan_quotes(text, run, candidates))
            run = None
    return out


_LABEL_NOUNS: Final = frozenset(
    "camp campaign aides officials official police spokesman spokeswoman spokesperson sources "
    "source chief leader minister president governor mayor senator lawmakers".split())


def _headline_label(text: str, para: Span) -> Attribution | None:
    """A headline `Speaker: what they said` (`Mayor Lee: The bridge will reopen`), first
    line only: a short capitalised speaker label, then a statement of three words or more."""
    if len(para) > 300:
        return None
    colon = text.find(": ", para.start, para.end)
    if colon < 0:
        return None
    label = tokenize(text, para.start, colon)
    words = [(low, cap) for low, cap in zip(label.lows, label.caps, strict=True) if low.isalpha()]
    if not 1 <= len(label) <= 5 or not words or not label.caps[0]:
        return None
    if any((not cap and low not in _LABEL_NOUNS) or low in DETERMINERS for low, cap in words):
        return None
    clause = _clause_span(text, colon + 2, para.end)
    if clause is None or _word_count(text, clause.start, clause.end) < 3:
        return None
    return Attribution(clause, "indirect", Span(colon, colon + 1, "cue"),
                       Span(label.starts[0], label.end(-1), "speaker"))


class LazyTokens:
    """The tokens of each sentence of a paragraph, made on first use (most sentences are
    never tokenised: they have neither a cue word nor a quotation mark)."""

    __slots__ = ("text", "low", "sents", "cache")

    def __init__(self, text: str, low: str | None, sents: Sequence[Span]) -> None:
        self.text, self.low, self.sents = text, low, sents
        self.cache: list[Toks | None] = [None] * len(sents)

    def __getitem__(self, i: int) -> Toks:
        tk = self.cache[i]
        if tk is None:
            s = self.sents[i]
            tk = tokenize(self.text, s.start, s.end, self.low) if len(s) <= _MAX_SENTENCE else _no_tokens()
            self.cache[i] = tk
        return tk


def _no_tokens() -> Toks:
    return Toks([], [], "", [])


# every byte but a-z becomes a space: the letter runs of a lowercased text, split apart
_RUN_TABLE: Final = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


@lru_cache(maxsize=1)
def _cue_hint_words() -> frozenset[bytes]:
    """Every word that can begin a cue and is a run of letters a-z (others never equal a
    whole run of letters), as bytes."""
    words, phrases, _ = cue_lexicon()
    hints = set(words) | {p[0] for p in phrases} | {"according"}
    return frozenset(w.encode() for w in hints if re.fullmatch(r"[a-z]+", w))


def _letter_runs(low: str, ascii_low: bytes | None = None) -> bytes:
    """A lowercased text as one byte per character, every character but a-z a space
    (a non-ASCII character is encoded as `?`, then blanked): its ``split()`` gives the
    whole runs of letters a-z, at C speed. ``ascii_low``: its ``_ascii_bytes``, when made."""
    return (ascii_low if ascii_low is not None else _ascii_bytes(low)).translate(_RUN_TABLE)


def _has_cue_word(text: str, start: int, end: int) -> bool:
    """Whether a whole run of letters a-z of the lowercased text is a cue word: a quick test
    before a sentence is tokenised."""
    return not _cue_hint_words().isdisjoint(_letter_runs(text[start:end].lower()).split())


def _cue_sentences(text: str, para: Span, sents: Sequence[Span], runs: bytes | None = None) -> list[int]:
    """The indices of the sentences of a paragraph that hold a cue word (``_has_cue_word``),
    lowercasing the paragraph once (or given ``runs``, the ``_letter_runs`` of the whole
    text's ``lowercase``).

    A sentence holds a cue word iff a whole run of letters inside it is one. Cutting the
    letter runs of the lowercased paragraph at the sentence's offsets gives the runs of
    the sentence alone (a run crossing a cut is cut in both), unless lowercasing changes
    the paragraph's length: then the sentence is lowercased alone."""
    hint = _cue_hint_words()
    if runs is not None:
        base, top = 0, len(runs)
    else:
        base, top = para.start, para.end
        low = text[base:top].lower()
        runs = _letter_runs(low) if len(low) == top - base else None
    out: list[int] = []
    for si, sent in enumerate(sents):
        start, end = sent.start, sent.end
        if end - start > _MAX_SENTENCE:
            continue
        if runs is not None and base <= start and end <= top:
            words = runs[start - base:end - base].split()
        else:
            words = _letter_runs(text[start:end].lower()).split()
        if not hint.isdisjoint(words):
            out.append(si)
    return out


def find_attributions(doc: Document) -> list[Attribution]:
    """Every quoted or reported statement with its cue and speaker words, in text order."""
    text = doc.text
    low = lowercase(text)
    ascii_low = _ascii_bytes(low if low is not None else text)
    runs = _letter_runs(low, ascii_low) if low is not None else None
    candidates = mark_candidates(text, ascii_low)  # lowercasing leaves every mark as it is
    sentences = doc.sentences
    sent_starts = [s.start for s in sentences]
    out: list[Attribution] = []
    prev_label: tuple[Span | None, Span | None] | None = None
    prev_para_quoted = False
    head = _headline_label(text, doc.paragraphs[0]) if doc.paragraphs else None
    if head is not None:
        out.append(head)
    for para in doc.paragraphs:
        first = bisect_left(sent_starts, para.start)
        last = bisect_left(sent_starts, para.end)
        para_sents = sentences[first:min(last, first + _MAX_SENTENCES_PER_PARAGRAPH)]
        if len(para_sents) < last - first:
            # not prose (a real paragraph has tens of sentences): read only its beginning
            para = Span(para.start, para_sents[-1].end, para.label)
        quotes = (scan_quotes(text, para, candidates) if para.end - para.start <= _MAX_SENTENCE
                  else _scan_readable(text, para, para_sents, candidates))
        sent_toks = LazyTokens(text, low, para_sents)
        found: list[Attribution] = []
        cue_sents = _cue_sentences(text, para, para_sents, runs)
        for si in cue_sents:
            found.extend(sentence_attributions(text, sent_toks[si], quotes))
        direct, para_quoted = _direct(text, para, para_sents, sent_toks, cue_sents, quotes, prev_label,
                                      prev_para_quoted)
        found.extend(direct)
        if len(found) > 1:
            found.sort(key=_TEXT_START)
        if head is not None and para.start < head.text.end:
            found = [a for a in found if a.text.start >= head.text.end]
        out.extend(_dedupe(found) if len(found) > 1 else found)
        prev_para_quoted = para_quoted
        prev_label = (_label(text, sent_toks[len(para_sents) - 1])
                      if para_sents and text[para_sents[-1].end - 1] == ":" else None)
    return out


_TEXT_START: Final = attrgetter("text.start")


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    kept: list[Attribution] = []
    for a in found:
        if kept and a.text.start < kept[-1].text.end:
            prev = kept[-1]
            if a.kind == "direct" and prev.kind == "indirect":
                kept[-1] = a
            continue
        kept.append(a)
    return kept


def _direct(text: str, para: Span, sents: Sequence[Span], sent_toks: LazyTokens,
            cue_sents: Sequence[int], quotes: Sequence[QSpan],
            prev_label: tuple[Span | None, Span | None] | None,
            prev_para_quoted: bool) -> tuple[list[Attribution], bool]:
    """The direct quotations of a paragraph, and whether its last quotation runs on.

    ``cue_sents`` are the sentences holding a cue word (``_cue_sentences``): an attribution
    right after or before a quotation needs a cue in its sentence, so a sentence without
    one is not tokenised for it."""
    if not quotes or not sents:
        return [], False
    out: list[Attribution] = []
    starts = [s.start for s in sents]
    cued = [False] * (len(sents) + 1)  # one more: the sentence after the last has no cue
    for si in cue_sents:
        cued[si] = True
    last_att: tuple[Span | None, Span | None, int] | None = None  # speaker, cue, end offset
    any_quote = False
    for q in quotes:
        if q.consumed:
            continue
        si = max(0, bisect_left(starts, q.open + 1) - 1)
        speaker: Span | None = None
        cue: Span | None = None
        attributed = False
        continues = False
        # 1. after the closing mark, in the same sentence or the next (split at `.”`)
        after = (_after_close(text, sents, sent_toks, cued, si, q.close)
                 if q.closed and (q.words >= 4 or _ends_with_pause(text, q)) else None)
        if after is not None:
            ctoks, ti = after
            if ti < len(ctoks) and ctoks.starts[ti] - q.close <= 3:
                got = _after_attribution(text, ctoks, ti, len(ctoks))
                if got:
                    speaker, cue, stop = got
                    attributed = True
                    end_off = ctoks.end(stop - 1) if stop > 0 else q.close
                    last_att = (speaker, cue, end_off)
        if not attributed:  # the other places, in order (most quotes were attributed above)
            # 2. before the opening mark
            if cued[si]:
                toks = sent_toks[si]
                oi = bisect_left(toks.starts, q.open)
                got2 = _before_attribution(text, toks, 0, oi)
                if got2:
                    speaker, cue = got2
                    attributed = True
            # 3. right after the previous quote's attribution (`“A,” he said. “B.”`)
            if not attributed and last_att and 0 <= q.open - last_att[2] <= 8:
                gap = text[last_att[2]:q.open]
                if not gap.strip(" \t,;:—–-\u00a0"):
                    speaker, cue = last_att[0], last_att[1]  # `“A,” he said, “B.”`
                    attributed = True
                elif not gap.strip(" \t,.;:!?—–-\u00a0"):
                    continues = attributed = True  # `“A,” he said. “B.”`: a new sentence
            # 4. the previous sentence ends with a colon (`Martino told reporters:`)
            para_initial = q.open == para.start
            if not attributed and para_initial:
                if prev_label:
                    speaker, cue = prev_label
                    attributed = True
            elif not attributed and si > 0 and q.open == sents[si].start:
                lab = _label(text, sent_toks[si - 1]) if text[sents[si - 1].end - 1] == ":" else None
                if lab:
                    speaker, cue = lab
                    attributed = True
            # 5. a further paragraph of a quotation
            if not attributed and para_initial and prev_para_quoted:
                continues = True
                attributed = True
            if not attributed and (any_quote and q.words >= _MIN_UNATTRIBUTED_WORDS):
                continues = True
                attributed = True
            if not attributed and q.words >= _MIN_UNATTRIBUTED_WORDS + 2 and _sentence_like(text, q):
                continues = bool(out) or prev_para_quoted
                attributed = True
        if not attributed:
            continue
        if speaker is None and cue is None:
            continues = True
        any_quote = True
        out.append(Attribution(Span(q.start, q.end, "quote"), "direct", cue, speaker, continues))
    ends_open = bool(quotes) and not quotes[-1].closed and bool(out) and out[-1].text.end == quotes[-1].end
    starts_quote = bool(out) and out[0].text.start - para.start <= 2
    return out, (ends_open or starts_quote or bool(out) and prev_para_quoted and starts_quote)


def _after_close(text: str, sents: Sequence[Span], sent_toks: LazyTokens, cued: Sequence[bool],
                 si: int, close: int) -> tuple[Toks, int] | None:
    """Where an attribution after a closing mark at ``close`` would start: the tokens of its
    sentence and the index of the first token after the mark, in the mark's sentence ``si``
    (`“…,” he said`) or, when no token of ``si`` starts after the mark, the next (split at
    `.”`). None when that sentence has no cue word (``cued``): no attribution can stand
    there, and a sentence without one is not tokenised to see it."""
    if not cued[si]:
        if not cued[si + 1]:
            return None
        rest = text[close:sents[si].end]
        if not rest or rest.isspace():
            return sent_toks[si + 1], 0  # no token of ``si`` starts after the mark
    toks = sent_toks[si]
    ti = bisect_left(toks.starts, close)
    if ti >= len(toks) and si + 1 < len(sents):
        si, ti = si + 1, 0
    return (sent_toks[si], ti) if cued[si] else None


def _ends_with_pause(text: str, q: QSpan) -> bool:
    """`“Yes,” he said` / `“No!” she said`: a comma or end mark at the closing mark."""
    return not _PAUSE_MARKS.isdisjoint(text[q.end - 1:q.close + 1])


_PAUSE_MARKS: Final = frozenset(",!?.")


def _sentence_end(sents: Sequence[Span], si: int, offset: int) -> int:
    return max(offset, sents[si].end) if si < len(sents) else offset


_LATIN_WORD: Final = re.compile(r"[A-Za-z’']+")


def _sentence_like(text: str, q: QSpan) -> bool:
    """A quotation that reads as speech: not Title Case, with a verb-ish word."""
    words: list[str] = _LATIN_WORD.findall(text, q.start, q.end)  # typed: native str calls
    if not words:
        return False
    caps = 0
    for w in words:
        if w[0].isupper():
            caps += 1
    if caps > 0.6 * len(words):
        return False
    lows = {w.lower() for w in words}
    return bool(lows & FINITE) or any(w.endswith("ed") for w in lows) or bool(lows & SUBJECT_PRONOUNS)


def extract_quotes(doc: Document, people: Sequence[Person] = ()) -> list[Quote]:
    """Every statement the article attributes to a speaker, in text order."""
    found = find_attributions(doc)
    speakers = resolve_speakers(doc, people, found)
    text = doc.text
    quotes: list[Quote] = []
    for att, speaker in zip(found, speakers, strict=True):
        who, cue, said = att.speaker, att.cue, att.text
        quotes.append(Quote(  # speaker, speaker_text, cue, text, kind, start, end
            speaker,
            _one_line(text[who.start:who.end]) if who else None,
            _one_line(text[cue.start:cue.end]) if cue else None,
            text[said.start:said.end],
            att.kind,
            said.start,
            said.end,
        ))
    return quotes


def _one_line(words: str) -> str:
    """``words`` with every run of whitespace made one space, and none at either end."""
    return words if words.isalpha() else " ".join(words.split())
