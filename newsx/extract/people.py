"""People: each distinct person named in the article, merged over name forms.

No statistical model: one regex finds runs of capitalised words (with name particles and
initials); each run is cut into segments of name-like tokens (organisation, place,
nationality, month, title and common English words cut it); each segment is scored by
evidence (first-name and family-name lists, Vietnamese and Chinese/Korean family names,
an honorific or title before it, an apposition after it, a verb of saying after it).
Accepted multi-word forms become people; every occurrence of a name form (also shorter
ones: ``Lacroix``, ``Mr Lacroix``, ``Giang``) is then linked to the person whose name it
is part of, following the naming convention of the name's culture.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final

from newsx.document import Document, Span
from newsx.extract.names import Lexicon, fold, lexicon
from newsx.model import Person

_UPPER: Final = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper()) + "".join(
    chr(c) for c in range(0x1E00, 0x1F00) if chr(c).isupper())
_UP: Final = f"[{re.escape(_UPPER)}]"
# de da das do dos du del della der den di la le van von ter ten bin binti bint ibn al el ben
# abu, grouped by first letter (an alternation of 25 words costs 25 tests at every word).
_PARTICLES: Final = "d(?:e[lnr]?|ella|as?|os?|u|i)|l[ae]|v[ao]n|te[rn]|bin(?:ti|t)?|ibn|[ae]l|ben|abu"
# A capitalised word (at most 42 characters, ending in a letter or digit, maybe a dot) or
# initials. Each alternative starts with a capital, so the scanner can skip ahead by character
# class; the lookbehind (the last character read is a letter or digit: the capital itself at
# least) does what an optional group ``(?:[\w'’-]{0,40}[^\W_])?`` did, without its backtracking.
_CAPW: Final = rf"{_UP}(?:\.(?:{_UP}\.){{0,3}}(?!\w)|[\w'’-]{{0,41}}(?<=[^\W_])\.?)"
_SEP: Final = r"[ \u00a0]{1,3}"
_ALW: Final = rf"(?:al|el)-{_UP}[\w'’-]{{0,30}}"
_RUN: Final = re.compile(rf"{_CAPW}(?:{_SEP}(?:(?:{_PARTICLES}){_SEP}){{0,2}}(?:{_CAPW}|{_ALW})){{0,12}}")
_TOKEN: Final = re.compile(rf"(?:{_UP}\.){{1,4}}(?!\w)|[\w'’.-]+")
_INITIAL: Final = re.compile(rf"(?:{_UP}\.){{1,4}}|{_UP}")
_CONTRACTION: Final = re.compile(r"(?:n['’]t|['’](?:ll|re|ve|d|m))$", re.I)
_CAMEL: Final = re.compile(r"[a-z][A-Z]")
_POSSESSIVE: Final = re.compile(r"(?:['’]s|s['’]|['’])$")

def _unpossessed(word: str) -> str:
    """The word without a possessive ending (every one holds an apostrophe: tested first)."""
    return _POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


def _possessive(word: str) -> bool:
    """Whether the word ends as a possessive (``_POSSESSIVE``, tried only with an apostrophe
    in the word: a search for an anchored pattern tries every position of the word)."""
    return ("'" in word or "’" in word) and _POSSESSIVE.search(word) is not None


_BYLINE: Final = re.compile(
    r"\n[ \t\u00a0|*_-]{0,4}(?:[Bb]y|BY|(?:[Tt]ranslated|[Rr]eporting|[Rr]eported|[Ww]ritten|[Ee]dited|"
    r"[Cc]ompiled|[Ss]tory|[Tt]ext|[Ww]ords|[Aa]dditional reporting|[Ee]diting) [Bb]y)[ \t\u00a0:]{1,3}"
    rf"(?={_UP})[^\n]{{0,80}}(?=\n|$)")  # a short line of names: "By contrast, Smith said" is story
_CREDIT: Final = re.compile(  # first character as a class: the scanner skips ahead fast
    r"[PpIiCc](?:hotographer|hoto [Cc]redit|hoto|HOTO|icture|mage|redit)s?"
    r"(?:[ \u00a0]{1,3}by[ \u00a0]|[ \u00a0]{0,3}[:：])[ \u00a0]{0,3}(?=[^\W\d_])[^\n()|]{0,80}")
_CREDIT_WORDS: Final = ("hoto", "HOTO", "icture", "mage", "redit")  # one is in every _CREDIT match
_SIDEBAR: Final = re.compile(
    r"\n[ \t\u00a0|*#-]{0,4}(?:Related(?: [Tt]opics| [Ss]tories| [Aa]rticles| [Nn]ews)?|Editors?'? ?[Pp]icks|"
    r"More (?:on|from|stories|news)\b[^\n]{0,40}|Most (?:[Pp]opular|[Rr]ead|[Vv]iewed)|Read [Mm]ore|"
    r"You (?:may|might) also like|Recommended(?: for you)?|Trending(?: [Nn]ow)?|Top [Ss]tories|"
    r"Also [Rr]ead|See [Aa]lso|Latest [Nn]ews)[ \t\u00a0:]{0,3}(?=\n)")
_AFTER_WORD: Final = re.compile(r"[ \u00a0]{0,3}([A-Za-z]+)")
_APPOSITION: Final = re.compile(r"[ \u00a0]{0,2},[ \u00a0]{1,3}")
_NEXT_APPOSITION: Final = re.compile(r",?[ \u00a0]{1,3}(?:and[ \u00a0]{1,3})?")
_PHRASE: Final = re.compile(r"[^,;.()\"“”\n—–]{1,160}")
_ABBREV_END: Final = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Ft|Mt|Inc|Co|Corp|Gen|Col|Lt|Prof))$")
# he, him, his, her, hers (h or H first) and she (s or S first) as whole words, found by two
# patterns that start with a literal letter, which the engine skips to at memchr-like speed
# (a leading class [HhSs] costs a class test at every character and a match at every h and s):
# the first finds every lowercase h of a pronoun (in "she" its second letter, the lookbehinds
# check the s before it), the second every capital H.
_PRONOUN_H: Final = re.compile(r"h(?:(?<!\wh)(?:e|im|is|ers?)|(?<=[Ss]h)(?<!\w[Ss]h)e)\b")
_PRONOUN_CAP_H: Final = re.compile(r"H(?<!\wH)(?:e|im|is|ers?)\b")


def _first_pronoun(text: str, start: int, end: int) -> str | None:
    """The first of he, him, his, her, hers, she (first letter in either case) that is a
    whole word in ``text[start:end]`` (``end`` ends its last word), or None."""
    first: tuple[int, str] | None = None
    pos = start
    while m := _PRONOUN_H.search(text, pos, end):
        at = m.start()
        if at > 0 and text[at - 1] in "Ss":  # she: the match is its "he"
            if at - 1 >= start:
                first = (at - 1, text[at - 1:m.end()])
                break
            pos = at + 1  # a "she" begun before the window
            continue
        first = (at, m.group())
        break
    cap = _PRONOUN_CAP_H.search(text, start, end)
    if cap and (first is None or cap.start() < first[0]):
        return cap.group()
    return first[1] if first else None


_SENT_START: Final = re.compile(r"(?:^|[.!?…][\"'”’)]{0,3}[ \u00a0]+|\n)[\"'“‘(\[ \u00a0]{0,3}$")
_APPOS_STOP: Final = frozenset(("who", "which", "said", "says", "told", "added", "when", "where", "while"))
_DETERMINERS: Final = frozenset(("a", "an", "his", "her", "its", "their", "our", "whose"))
_CONNECTORS: Final = frozenset(("of", "for", "and", "the", "on", "in", "to", "at"))
_LEADING_DROP: Final = frozenset(("the", "a", "an", "and", "of", "for", "on", "in", "to", "at", "former"))
_NAME: Final = "N"
_INIT: Final = "I"
_PART: Final = "P"
_OTHER: Final = "O"
_COMPASS: Final = frozenset(("north", "south", "east", "west", "northern", "southern", "eastern", "western",
                      "central", "new", "great", "upper", "lower", "old"))


@dataclass(slots=True)
class _Occ:
    """One occurrence of a name-like segment; context evidence is filled lazily."""

    start: int
    end: int
    form: str                       # as written, without possessive
    keys: tuple[str, ...]           # folded tokens
    possessive: bool = False
    org_near: bool = False          # an organisation word next to it in the same run
    score: int | None = None        # context evidence, once computed
    context_done: bool = False
    after_prep: bool = False        # right after in/at/of/...
    titled: bool = False            # honorific or title before
    adjacent: bool = False          # an honorific or title head right before (Mr Phuc, Minister Son)
    appositive: bool = False        # a title in an apposition after
    titles: tuple[str, ...] = ()
    gender: str | None = None
    prev: str | None = None         # the word before, once read

    def __init__(self, start: int, end: int, form: str, keys: tuple[str, ...],
                 possessive: bool = False, org_near: bool = False) -> None:
        # written out: see Span.__init__ (newsx/document.py)
        self.start = start
        self.end = end
        self.form = form
        self.keys = keys
        self.possessive = possessive
        self.org_near = org_near
        self.score = None
        self.context_done = False
        self.after_prep = False
        self.titled = False
        self.adjacent = False
        self.appositive = False
        self.titles = ()
        self.gender = None
        self.prev = None


@dataclass(slots=True)
class _Story:
    """One document's text, the lexicon and what the scoring functions memoise for it."""

    text: str
    lex: Lexicon
    headlines: dict[tuple[int, int], bool] = field(default_factory=dict)  # (line start, end) -> Title Case

    def __init__(self, text: str, lex: Lexicon) -> None:
        # written out: see Span.__init__ (newsx/document.py)
        self.text = text
        self.lex = lex
        self.headlines = {}


def _is_head(k: str, lex: Lexicon) -> bool:
    if k in lex.heads:
        return True
    return "-" in k and any(p in lex.title_head for p in k.split("-"))


def _rejected(k: str, lex: Lexicon) -> bool:
    return k in lex.stops or ("-" in k and _is_head(k, lex))


# Per-process caches of pure functions of a word, a run of words or a title walk (the
# lexicons never change within a process). Each is emptied when it passes its cap, so a
# worker's memory stays bounded over any stream of inputs: measured over 1,000 distinct
# real pages, an entry costs 85-570 bytes, and the caps below hold about 3 MB in all.
# The two largest (word classes, run parses) keep the entries of their previous fill as an
# older generation instead: the words and runs that come back in every article stay known.
_CLASS_CACHE: Final[dict[str, tuple[str, str]]] = {}
_CLASS_OLD: Final[dict[str, tuple[str, str]]] = {}
_GENERATION: Final = 4_000


def _keep(cache: dict, cap: int, key: Any, value: Any) -> Any:
    """Store ``value`` under ``key`` and return it, first emptying ``cache`` if it has
    passed ``cap`` entries (the store of every capped cache below but the two aged ones)."""
    if len(cache) > cap:
        cache.clear()
    cache[key] = value
    return value


def _age(cache: dict, old: dict) -> None:
    """A cache passed its cap: its entries become the older generation, and it starts empty."""
    old.clear()
    old.update(cache)
    cache.clear()


def _classify(word: str, lex: Lexicon) -> tuple[str, str]:
    """Cached ``_classify_word`` (the lexicon never changes within a process)."""
    got = _CLASS_CACHE.get(word)
    if got is None:
        got = _CLASS_OLD.get(word) or _classify_word(word, lex)
        _CLASS_CACHE[word] = got
        if len(_CLASS_CACHE) > _GENERATION:
            _age(_CLASS_CACHE, _CLASS_OLD)
    return got


def _classify_word(word: str, lex: Lexicon) -> tuple[str, str]:
    """(class, folded key) of one run token: name-like, initial, particle or other."""
    if word[0].islower():
        if "-" in word[:4] and word[word.index("-") + 1:][:1].isupper():
            return _NAME, fold(_POSSESSIVE.sub("", word.rstrip(".")))  # al-Assad, el-Sisi
        return _PART, fold(word)
    bare = word.rstrip(".")
    if len(word) == 1:
        return _OTHER, word.lower()  # I, A: a pronoun or article, not an initial without its dot
    if (("'" in word or "’" in word) and _CONTRACTION.search(word)) \
            or (not word[1:].islower() and len(_CAMEL.findall(word)) >= 2):
        return _OTHER, fold(word)  # Isn't, We'll; CravenFlagShareLike (glued page furniture)
    if (word[1] == "." or len(bare) == 1) and (_INITIAL.fullmatch(word) or _INITIAL.fullmatch(bare)):
        k = fold(bare)
        if any(x in lex.place or x in lex.title_modifier or x in lex.org_word for x in (k, k + ".")):
            return _OTHER, k  # U.N., U.S.
        return _INIT, k  # J., J.K.
    unpossessed = _unpossessed(bare)
    k = fold(unpossessed)
    if not k or k in lex.stops or ("-" in k and _is_head(k, lex)):  # see ``_rejected``
        return _OTHER, k
    if len(bare) > 1 and bare.isupper() and "-" not in bare:
        return _OTHER, k  # an acronym or a shouted heading
    if len(bare) > 2 and bare[1].isupper() and bare[2:].lower() == bare[2:] and bare.endswith("s") \
            and bare[:-1].isupper():
        return _OTHER, k  # PMs, NGOs
    if k.endswith("s") and (_is_head(k[:-1], lex) or k[:-1] in lex.nationality):
        return _OTHER, k  # Ministers, Directors, Muslims
    if k in lex.english and k not in lex.first_names and lex.surname_rank.get(k, 99999) > 5000 \
            and unpossessed.replace("’", "'").isascii():
        return _OTHER, k
    if "-" in k:
        parts = [p for p in k.split("-") if p]
        if all(p in lex.english or p in lex.org_word for p in parts) \
                or any(p in lex.place or p in lex.nationality for p in parts) \
                or any(len(p) > 1 and p.isupper() for p in bare.split("-")):
            return _OTHER, k  # Viet Nam-UN, Thang Long-Hanoi, state-owned
    return _NAME, k


def _excluded_ranges(doc: Document, authors: Sequence[Span]) -> list[tuple[int, int]]:
    """Bylines, photo credits and author spans: names there are not people of the story."""
    ranges = [(s.start, s.end) for s in authors]
    text = doc.text
    # The pattern opens with a newline (fast to scan for); a leading one covers the first line.
    ranges += [(max(0, m.start() - 1), m.end() - 1) for m in _BYLINE.finditer("\n" + text)]
    ranges += _credits(text)
    for m in _SIDEBAR.finditer(text):
        if m.start() > 0.3 * len(text):  # after the story: the rest is links to other stories
            ranges.append((m.start(), len(text)))
            break
    return _merged(ranges)


def _credits(text: str) -> list[tuple[int, int]]:
    """``_CREDIT.finditer``, tried only where a credit word stands (str.find is much faster
    than scanning every p, i and c)."""
    starts = []
    for w in _CREDIT_WORDS:
        i = text.find(w, 1)
        while i >= 0:
            if text[i - 1] in "PpIiCc":
                starts.append(i - 1)
            i = text.find(w, i + 1)
    out: list[tuple[int, int]] = []
    for s in sorted(starts):
        if out and s < out[-1][1]:
            continue  # inside the previous match: the scan goes on after it
        m = _CREDIT.match(text, s)
        if m:
            out.append((m.start(), m.end()))
    return out


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _inside(ranges: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


_WORD_CHARS: Final = "'’.-"


def _prev_word(text: str, start: int) -> str:
    """The word right before ``start``: up to 3 spaces skipped, then up to 40 ``str.isalnum``
    characters and ' ’ . - (empty at punctuation or a line start). A loop over the few
    characters read: compiled, each is a direct C call (a reversed slice, a regex match and
    its group were generic calls), and in Python it costs no more than they did."""
    end = start
    lo = start - 3 if start > 3 else 0
    while end > lo and text[end - 1] in " \u00a0":
        end -= 1
    i = end
    lo = end - 40 if end > 40 else 0
    while i > lo:
        c = text[i - 1]
        if not (c.isalnum() or c in _WORD_CHARS):
            break
        i -= 1
    return text[i:end]


# Where a title phrase before a name stops, searched in the reversed window (" - " reads the same).
_PUNCT_BACK: Final = re.compile(r'[\n,;(:“"|—–]')
# (``[\n,;(:“"|—–]| - `` written to open with one character class, the marks and the space
# of " - ": the engine then skips ahead by class instead of trying an alternation at each
# character; a space matches only when "- " follows it.)
_CUT_BACK: Final = re.compile(r'[\n,;(:“"|—– ](?:(?<! )|- )')
_CUES: Final[dict[str, tuple[bool, bool]]] = {}


def _cue(word: str, lex: Lexicon) -> tuple[bool, bool]:
    """Whether the (non-empty) word before a name may end a title phrase: (capitalised,
    possessive, a title head or modifier; the same without the possessive), cached.
    ``said Tran Van An``, ``and Lacroix``: nothing to collect."""
    got = _CUES.get(word)
    if got is None:
        k = fold(word.rstrip("."))
        titled = word[0].isupper() or _is_head(k, lex) or k in lex.title_modifier
        got = _keep(_CUES, 2_000, word, (titled or _possessive(word), titled))
    return got


def _title_before(text: str, start: int, lex: Lexicon) -> tuple[tuple[str, ...], str | None, bool]:
    """Titles written right before a name (``Foreign Minister``, ``Bournemouth striker``),
    when the word before is a cue (see ``_cue``).

    Returns (titles, honorific gender, whether an honorific/title immediately precedes).
    """
    words = _title_words(text, start)
    got = _WALKED.get(words)
    if got is None:
        titles, gender, adjacent = _title_walk(words, lex)
        got = _keep(_WALKED, 1_000, words, (tuple(titles), gender, adjacent))
    return got


_WALKED: Final[dict[tuple[str, ...], tuple[tuple[str, ...], str | None, bool]]] = {}


def _title_words(text: str, start: int) -> tuple[str, ...]:
    """The last 12 words before ``start``, after the last punctuation mark before it (a
    bracketed abbreviation right before the name left out)."""
    window = text[max(0, start - 120):start].rstrip(" \u00a0")
    if window.endswith(")"):  # General Secretary of the Association (VASEP) Truong Dinh Hoe
        j = window.rfind("(", max(0, len(window) - 16))
        if j > 0:
            window = window[:j].rstrip(" \u00a0") + " "
    m = _CUT_BACK.search(window[::-1])  # the last punctuation mark: the first one backwards
    if m:
        window = window[len(window) - m.end() + 1:]
    return tuple(window.rsplit(None, 12)[-12:])  # cut at punctuation: words are space-separated


def _title_walk(words: tuple[str, ...], lex: Lexicon) -> tuple[list[str], str | None, bool]:
    """``_title_before`` on the words before the name, read from right to left."""
    taken: list[str] = []
    gender: str | None = None
    adjacent = False
    right_is_title = right_lower_title = False
    last_i = len(words) - 1
    for i in range(last_i, -1, -1):
        w = words[i]
        k, head, is_title, hon, stop, cls, poss, dotted_end = _word_info(w, lex)
        if dotted_end and i < last_i:
            break  # a sentence ended here
        if not w[0].isalpha():
            break  # '' quotation marks, numbers
        if i == last_i:
            if hon:
                gender = hon
                adjacent = right_is_title = True
                continue
            adjacent = head
        if w[0].isupper():
            if stop or (len(w) >= 4 and w.isupper() and not is_title):
                break  # The, But: a sentence opener; SHOUTED headline words
            if cls == _NAME and not (poss or (right_lower_title and i == last_i - 1)
                                     or (right_is_title and sum(c.isupper() for c in w) >= 2)):
                break  # another name (Trump and Sen. Cruz), unless Bournemouth striker, RoK Minister
        elif k in _CONNECTORS:
            if taken:
                rk, rhead = _word_info(taken[-1], lex)[:2]
                if rk in _RANKS or rhead:
                    break  # daughter of former President X, adviser to President X
            left = _word_info(words[i - 1], lex) if i else None
            if left and left[0] in _RELATIONS:
                break  # father of Nairobi's Health Chief Officer X: X holds the right part
            if not left or not (left[0] in _CONNECTORS or left[2] or left[0] in lex.org_word
                                or left[0] in lex.place or left[0] in lex.nationality):
                break  # Clinton and former Gov. X: the connector joins names, not a title
        elif not (is_title or poss):
            break
        taken.append(w)
        right_is_title = is_title
        right_lower_title = is_title and w[0].islower()
    if not taken:
        return [], gender, adjacent
    taken.reverse()
    return _finish_title(taken, lex), gender, adjacent


_WORD_INFO: Final[dict[str, tuple]] = {}


def _word_info(w: str, lex: Lexicon) -> tuple:
    """(key, is head, is title word, honorific gender, stop word, class, possessive, ends a
    sentence) of one word, cached: the title walk asks these for the same words again and again."""
    got = _WORD_INFO.get(w)
    if got is None:
        k = fold(_unpossessed(w.rstrip(".")))
        head = _is_head(k, lex)
        hon = "male" if k in lex.honorific_male else "female" if k in lex.honorific_female else None
        bare = fold(w[:-1]) if w.endswith(".") else ""
        dotted_end = bool(bare) and not _INITIAL.fullmatch(w) and bare not in lex.honorific_title \
            and bare not in lex.honorific_male and bare not in lex.honorific_female
        info = (k, head, head or k in lex.title_modifier, hon, k in lex.stop_word,
                _classify(w, lex)[0] if w[:1].isupper() else _PART,
                _possessive(w) and w[:1].isalpha(), dotted_end)
        got = _keep(_WORD_INFO, 2_000, w, info)
    return got


_FINISHED: Final[dict[tuple[str, ...], tuple[str, ...]]] = {}


def _finish_title(taken: list[str], lex: Lexicon) -> list[str]:
    """``_finish_titles``, cached by the words (the same titles come back again and again)."""
    key = tuple(taken)
    got = _FINISHED.get(key)
    if got is None:
        got = _keep(_FINISHED, 1_000, key, tuple(_finish_titles(taken, lex)))
    return list(got)


@lru_cache(maxsize=1)
def _leading_drop() -> frozenset[str]:
    """Words dropped from the start of a title phrase: ``_LEADING_DROP`` and the stop words."""
    return _LEADING_DROP | lexicon().stop_word


def _finish_titles(taken: list[str], lex: Lexicon) -> list[str]:
    """Trim a collected title phrase and split it into titles ([] when it holds no role)."""
    drop = _leading_drop()
    while taken and fold(taken[0]) in drop and not _word_info(taken[0], lex)[1]:
        taken.pop(0)
    while taken and fold(taken[-1]) in _CONNECTORS:
        taken.pop()
    if not taken or not any(_word_info(w, lex)[1] for w in taken):
        return []
    if " and " in " ".join(taken):  # New South Wales police and the state's premier X
        j = max(i for i, w in enumerate(taken) if w == "and")
        if not any(_word_info(w, lex)[1] for w in taken[:j]):
            taken = taken[j + 1:]
            while taken and fold(taken[0]) in _LEADING_DROP:
                taken.pop(0)
    heads = [w for w in taken if _word_info(w, lex)[1]]
    if not taken or all(fold(w) in _RELATIONS for w in heads):
        return []  # his brother X: a relation, not a role
    last = taken[-1]
    if last.endswith("s") and not _is_head(fold(last), lex) and _is_head(fold(last[:-1]), lex):
        taken[-1] = last[:-1]  # Deputy PMs A and B: each is a Deputy PM
    return _split_titles(" ".join(taken), lex)


_RANKS: Final = frozenset(("deputy", "vice", "senior", "acting", "former", "chief", "assistant", "associate",
                    "lieutenant", "major", "general", "colonel", "first", "permanent", "executive"))


_RELATIONS: Final = frozenset(("father", "mother", "son", "daughter", "wife", "husband", "brother", "sister",
                        "widow", "uncle", "aunt", "grandmother", "grandfather", "friend", "neighbour",
                        "neighbor", "partner", "girlfriend", "boyfriend", "cousin", "nephew", "niece"))
_COMPLEMENT_START: Final = frozenset(("of", "for", "at", "in", "to"))


def _title_before_comma(text: str, occ: _Occ, lex: Lexicon) -> list[str]:
    """A title phrase, then a comma, then the name in apposition to it: ``Deputy Director of the
    Department of Home Affairs, Nguyen Bac Nam, said``; ``Bournemouth's captain, Tommy Elphick,``."""
    if text[occ.end:occ.end + 1] != ",":
        nxt = _AFTER_WORD.match(text, occ.end)
        if not (nxt and nxt.group(1) in lex.speech_verb):
            return []
    window = text[max(0, occ.start - 160):occ.start - 2]
    m = _PUNCT_BACK.search(window[::-1])
    words = (window[len(window) - m.end() + 1:] if m else window).split()
    h = len(words) - 1
    while h >= 0 and not _head_word(words[h], lex):
        h -= 1
    if h < 0:
        return []  # no title head
    rest = words[h + 1:]
    if rest and (fold(rest[0]) not in _COMPLEMENT_START
                 or any(not (w[0].isupper() or fold(w) in _CONNECTORS) for w in rest)):
        return []
    b = h
    while b > 0:
        w = words[b - 1]
        k = fold(_POSSESSIVE.sub("", w.rstrip(".")))
        if k in lex.stop_word or not (w[0].isupper() or k in lex.title_modifier
                                         or _is_head(k, lex) or _possessive(w)):
            break
        b -= 1
    return [" ".join(words[b:])]


_AND_SPLIT: Final = re.compile(r"\s+and\s+")


def _split_titles(phrase: str, lex: Lexicon) -> list[str]:
    """Juxtaposed titles as separate titles: ``Party General Secretary and State President``,
    ``Deputy Minister of National Defence Senior Lieutenant General``."""
    parts = [p.strip() for p in _AND_SPLIT.split(phrase)]
    if not (len(parts) > 1
            and all(any(_is_head(fold(w.rstrip(".")), lex) for w in p.split()) for p in parts)):
        parts = [phrase]
    out: list[str] = []
    for part in parts:
        words = part.split()
        begin, seen_of = 0, False
        for i, w in enumerate(words):
            k = fold(w.rstrip("."))
            if k == "of":
                seen_of = True
            elif seen_of and w[0].isupper() and (k in _RANKS or _is_head(k, lex)) \
                    and fold(words[i - 1]) not in _CONNECTORS:
                out.append(" ".join(words[begin:i]))
                begin, seen_of = i, False
        out.append(" ".join(words[begin:]))
    return out


def _contained(short: str, long: str) -> bool:
    """Whether the words of ``short`` occur, in a row, inside ``long`` (folded)."""
    a, b = fold(short).split(), fold(long).split()
    n = len(a)
    return n < len(b) and any(b[i:i + n] == a for i in range(len(b) - n + 1))


def _phrase(text: str, pos: int) -> tuple[str, int]:
    """The clause fragment from ``pos`` to the next comma, bracket, quote, dash or sentence end
    (a period after ``Mr`` or an initial does not end it)."""
    out, end = "", pos
    for _ in range(4):
        m = _PHRASE.match(text, end)
        if not m:
            break
        out += m.group()
        end = m.end()
        if not (text[end:end + 1] == "." and _ABBREV_END.search(out[-6:])):
            break
        out += "."
        end += 1
    if "''" in out or "``" in out:  # an ASCII quotation mark ends the fragment too
        cut = min(i for i in (out.find("''"), out.find("``")) if i >= 0)
        out, end = out[:cut], pos + cut
    return out, end


_HEAD_WORD: Final[dict[str, bool]] = {}


def _head_word(w: str, lex: Lexicon) -> bool:
    """Whether a word as written is a title head (trailing dots and possessive aside), cached."""
    got = _HEAD_WORD.get(w)
    if got is None:
        got = _keep(_HEAD_WORD, 4_000, w, _is_head(fold(_unpossessed(w.rstrip("."))), lex))
    return got


def _head_leads(phrase: str, lex: Lexicon) -> bool:
    """Whether a title head is among the first 4 words of the phrase after any leading
    ``the`` / ``and`` (only the first words are split off: phrases run to 160 characters)."""
    words = phrase.split(None, 8)
    if len(words) > 8:  # the last piece is the rest of the phrase
        lead = 0
        while lead < 8 and fold(words[lead]) in ("the", "and"):
            lead += 1
        if lead > 4:
            words = phrase.split()  # many leading the/and: the first words are not enough
    lead = 0
    while lead < len(words) and fold(words[lead]) in ("the", "and"):
        lead += 1
    for w in words[lead:lead + 4]:
        if _head_word(w, lex):
            return True
    return False


def _apposition_titles(text: str, end: int, lex: Lexicon) -> list[str]:
    """Titles in an apposition after a name: ``X, UN Under-Secretary-General for …, said``."""
    titles: list[str] = []
    m = _APPOSITION.match(text, end)
    pos = m.end() if m else -1
    while pos >= 0 and len(titles) < 3:
        raw, stop = _phrase(text, pos)
        phrase = raw.strip()
        if not _head_leads(phrase, lex):
            break  # no title word where one must be (the test below, on fewer words): the common case
        words = phrase.split()
        for i, w in enumerate(words):
            if fold(w) in _APPOS_STOP or (i and w in lex.speech_verb):
                words = words[:i]
                break
        while words and fold(words[0]) in ("the", "and"):
            words.pop(0)
        first = words[0] if words else ""
        if first[:1].islower() and (first in lex.speech_verb or first in lex.after_weak
                                    or (first.endswith("ed") and not _is_head(first, lex))):
            break  # "mayor of Baltimore, stressed his ...": a verb, not an apposition
        skip = 1 if words and fold(words[0]) in _DETERMINERS else 0
        if len(phrase) < 2 or not words or len(words) > 14 or (words[0][0].islower() and not skip
                                                                 and fold(words[0]) in lex.stop_word) \
                or not any(_head_word(w, lex) for w in words[:skip + 3]):
            break
        if any(_is_head(fold(h.rstrip(".")), lex) and a[0].isupper() and _classify(a, lex)[0] == _NAME
               for h, a in zip(words, words[1:], strict=False)):
            break  # former UN Ambassador John Bolton, Governor Sakaja: another person, not a title
        if any(w.endswith("s") and not _is_head(fold(w), lex) and _is_head(fold(w[:-1]), lex)
               for w in words[:skip + 4]):
            break  # incumbent and former Deputy PMs A and B: other people
        first_cls = _classify(words[0], lex)[0] if words[0][0].isupper() else _OTHER
        if first_cls == _NAME and not _is_head(fold(words[0]), lex) and len(words) > 1 \
                and _classify(words[1], lex)[0] == _NAME:
            break  # a list of names, not an apposition
        titles.append(" ".join(words))
        if len(words) < len(phrase.split()) or text[stop:stop + 1] != ",":
            break
        m = _NEXT_APPOSITION.match(text, stop)
        pos = m.end() if m else -1
    return titles


def _culture_score(keys: tuple[str, ...], lex: Lexicon) -> int:
    """Evidence from the name lists: Vietnamese, Chinese/Korean or Western shape."""
    n = len(keys)
    if all(vn_like(k) for k in keys):
        if keys[0] in lex.vn_surname:
            return 3 if n >= 3 else 1
        if keys[0] in lex.cjk_surname and n <= 3:
            return 1
        return 0  # Vietnamese syllables without a family name first: a place, a firm
    score = 0
    if keys[0] in lex.cjk_surname and n <= 3 and all(len(k) <= 9 for k in keys):
        score += 1
    g = lex.first_names.get(keys[0])
    if g:  # a short first name of unclear gender (Le, La, El) or one that is also a word counts less
        score += 1 if (g == "u" and len(keys[0]) <= 2) or (keys[0] in lex.english
                                                           and keys[0] not in lex.proper) else 2
    if n >= 2:
        last = keys[-1]
        if last in lex.surname_rank:
            score += 1
        if last not in lex.english:
            score += 1
    return score


def _gender_of_keys(keys: tuple[str, ...], lex: Lexicon) -> str | None:
    if len(keys) >= 3 and keys[0] in lex.vn_surname:
        if "thi" in keys[1:-1]:
            return "female"
        if "van" in keys[1:-1]:
            return "male"
        return None
    g = lex.first_names.get(keys[0]) if len(keys) >= 2 else None
    return {"m": "male", "f": "female"}.get(g or "")


_VN_SYLLABLE: Final = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:[aeiouy]{1,3})(?:ch|nh|ng|[cmnpt])?")


def vn_like(k: str) -> bool:
    """Whether a folded token has the shape of one Vietnamese syllable (``nguyen``, ``thu``)."""
    return len(k) <= 7 and _VN_SYLLABLE.fullmatch(k) is not None


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """First words of the multi-word places (``thai`` of ``thai binh``)."""
    return frozenset(p.split()[0] for p in lexicon()["place"] if " " in p)


# A run's classified tokens are parallel lists (one entry a token): the words as written,
# their classes (_NAME, _INIT, _PART, _OTHER; the rules below change some) and folded keys.

# What the rare rules of a run read around it: (the run starts a sentence, the word before
# it is an honorific or a title head). None: not known yet (see ``_NeedsContext``).
_Around = tuple[bool, bool]


def _context_of(around: _Around | None) -> _Around:
    if around is None:
        raise _NeedsContext
    return around


def _around(text: str, run_start: int, lex: Lexicon) -> _Around:
    """What the rare rules of the run starting at ``run_start`` read in the text."""
    return (_SENT_START.search(text, max(0, run_start - 6), run_start) is not None,
            _titled_word(fold(_prev_word(text, run_start).rstrip(".")), lex))


def _run_classes(words: list[str], cls: list[str], keys: list[str], lex: Lexicon,
                 around: _Around | None) -> None:
    """Apply the run rules to a run's token classes, in place; ``around``: what the rare
    rules read around the run (None: unknown, see ``_NeedsContext``)."""
    heads = _place_heads()
    if _OTHER not in cls and heads.isdisjoint(keys):
        return  # only name-like tokens (Bernie Sanders): nothing for the rules below to change
    n = len(keys)
    # Multi-word places (``Thai Binh``, ``Ha Noi``, ``Ho Chi Minh City``) are not names.
    place = lex.place
    for i in range(n - 1):
        if keys[i] not in heads:
            continue
        for size in (4, 3, 2):
            if i + size <= n and " ".join(keys[i:i + size]) in place:
                cls[i:i + size] = [_OTHER] * size
                break
    _vietnamese_names(words, cls, keys, lex)
    for i in range(n - 1):
        if cls[i] != _OTHER or not words[i][0].isupper():
            continue
        k = keys[i]
        if _first_name(k, lex) and _lexical_only(k, lex) and cls[i + 1] == _NAME:
            cls[i] = _NAME  # Bill Prim, June Fox, Victoria Beckham: a first name before a name
        elif k in lex.time_word and len(k) <= 4 and vn_like(k) \
                and (i > 0 or not _context_of(around)[0]) \
                and cls[i + 1] == _NAME and vn_like(keys[i + 1]) and (i + 2 == n or cls[i + 2] != _NAME):
            cls[i] = _NAME  # Thu Trang: a Vietnamese given name, not "Thursday"
    english = lex.english
    for i in range(1, n):
        k = keys[i]
        if cls[i] == _OTHER and words[i][0].isupper() and cls[i - 1] == _NAME \
                and _first_name(keys[i - 1], lex) and k in english \
                and (k in lex.surname_rank or k in lex.proper
                     or (_context_of(around)[1] if i == 1 else _titled_word(keys[i - 2], lex))) \
                and not _rejected(k, lex) and (i + 1 == n or cls[i + 1] != _NAME
                                               or keys[i + 1].rstrip(".") in _SUFFIXES):
            cls[i] = _NAME  # Phil Yock, Mark Noble: a surname that is also a word


def _titled_word(k: str, lex: Lexicon) -> bool:
    """An honorific or a title head (folded)."""
    return _is_head(k, lex) or k in lex.honorific_male or k in lex.honorific_female


def _first_name(k: str, lex: Lexicon) -> bool:
    """A common first name with a clear gender (``Bill``, ``June``), not just any listed word."""
    return lex.first_names.get(k) in ("m", "f") and (k not in lex.english or k in lex.proper)


def _lexical_only(k: str, lex: Lexicon) -> bool:
    """Rejected only as an organisation or month word (not a place, title or function word)."""
    return not (k in lex.stop_word or k in lex.place or k in _COMPASS
                or k in lex.honorific_male or k in lex.honorific_female
                or k in lex.title_modifier or _is_head(k, lex) or k in lex.nationality)


def _vietnamese_names(words: list[str], cls: list[str], keys: list[str], lex: Lexicon) -> None:
    """A Vietnamese family name followed by 2-3 Vietnamese syllables is a name, even when a
    syllable is also an English word or a place (``Do Van Ve``, ``Nguyen Thi Thu``,
    ``Vuong Dinh Hue``)."""
    vn = lex.vn_surname
    if vn.isdisjoint(keys):
        return  # the common case: no Vietnamese family name in the run
    n = len(keys)
    i = 0
    while i < n:
        if keys[i] in vn and words[i][0].isupper():
            j = i + 1
            while j < n and j - i < 5 and words[j][0].isupper() and vn_like(keys[j]) \
                    and keys[j] not in lex.org_word and not _is_head(keys[j], lex) \
                    and keys[j] not in lex.title_modifier:
                j += 1
            if j - i >= 3 and not (j < n and keys[j] in lex.org_word) \
                    and _NAME in cls[i + 1:j]:  # not "Do Not Pay"
                cls[i:j] = [_NAME] * (j - i)
                i = j
                continue
        i += 1


def _name_follows(cls: list[str], j: int) -> bool:
    """Whether particles from ``j`` on lead to a name token (von der Leyen, de la Cruz)."""
    for c in cls[j + 1:j + 3]:
        if c == _NAME:
            return True
        if c != _PART:
            return False
    return False


def _ends_segment(w: str) -> bool:
    """Whether a name token ends its segment: Trọng's re-election; "... Cruz. I": a possessive
    or a sentence end."""
    return (_possessive(w) and not w.endswith(("s'", "s’"))) \
        or (w.endswith(".") and len(w) > 2)


def _segments(words: list[str], cls: list[str]) -> list[tuple[int, int]]:
    """Maximal name-like token sequences of a run: (first index, last index + 1)."""
    out = []
    i, n = 0, len(cls)
    while i < n:
        c = cls[i]
        if c != _NAME and c != _INIT:
            i += 1
            continue
        j = i
        while j < n:
            c = cls[j]
            if not (c == _NAME or c == _INIT or (c == _PART and _name_follows(cls, j))):
                break
            j += 1
            if c == _NAME and _ends_segment(words[j - 1]):
                break
        out.append((i, j))
        i = j
    return out


_SUFFIXES: Final = frozenset(("jr", "sr", "ii", "iii", "iv"))
_SMALL_WORDS: Final = frozenset("a an and as at but by for from in into of on or the to with vs".split())


def _title_case_line(text: str, start: int, end: int, cache: dict[int, bool]) -> bool:
    """Whether the line holding ``start`` is written in Title Case (a headline); ``cache``
    keeps the first answer for each line start."""
    ls = text.rfind("\n", max(0, start - 200), start) + 1
    if ls == 0 and start > 200:
        return False  # a long paragraph, not a headline
    got = cache.get(ls)
    if got is None:
        le = text.find("\n", end, end + 200)
        if le < 0 and len(text) - end > 200:
            cache[ls] = False
            return False
        got = cache[ls] = _title_case(text[ls:le if le >= 0 else len(text)])
    return got


def _headline_at(story: _Story, start: int, end: int) -> bool:
    """``_title_case_line`` answered afresh for each call, memoised by the exact line read."""
    text = story.text
    ls = text.rfind("\n", start - 200 if start > 200 else 0, start) + 1
    if ls == 0 and start > 200:
        return False  # a long paragraph, not a headline
    le = text.find("\n", end, end + 200)
    if le < 0 and len(text) - end > 200:
        return False
    got = story.headlines.get((ls, le))
    if got is None:
        got = story.headlines[(ls, le)] = _title_case(text[ls:le if le >= 0 else len(text)])
    return got


def _title_case(line: str) -> bool:
    """At least 4 words that are not small words, and 85% of them (all when the line holds a
    comma) capitalised. Stops early once too many are lowercase for any count of words."""
    line = line.rstrip()
    share = 0.85 if ", " not in line else 1.0
    if share == 1.0 and _lowercase_early(line):
        return False
    words = line.split()
    hopeless = (1.0 - share) * len(words) + 1  # more lowercase words than this: not Title Case
    big = caps = 0
    for w in words:
        if w[0].isalpha() and w.lower() not in _SMALL_WORDS:
            big += 1
            if w[0].isupper():
                caps += 1
            elif big - caps > hopeless:
                return False
    # Headlines rarely hold commas; a sentence full of names and titles often does.
    return big >= 4 and caps >= share * big


def _lowercase_early(line: str) -> bool:
    """Whether two of the first 16 words that are not small words start lowercase: with
    a comma on the line, ``_title_case`` says no at the second (without reading on)."""
    lower = 0
    for w in line.split(None, 16)[:16]:
        if w[0].isalpha() and not w[0].isupper() and w.lower() not in _SMALL_WORDS:
            lower += 1
            if lower > 1:
                return True
    return False


@lru_cache(maxsize=1)
def _special() -> frozenset[str]:
    """Rejected words that context can turn into name parts: Vietnamese family names and
    syllables, first names that are also organisation or month words."""
    lex = lexicon()
    # Look the few organisation and time words up among the first names, not the other way.
    firsts = {k for k in lex.org_word | lex.time_word if lex.first_names.get(k) in ("m", "f")}
    return frozenset(lex.vn_surname | firsts | {k for k in lex.time_word if len(k) <= 4})


class _NeedsContext(Exception):
    """A run's parse reads the text around it (rare): it cannot be cached by its words."""


# A segment of a run: (offset, end offset, form, keys, possessive, organisation word near).
_Seg = tuple[int, int, str, tuple[str, ...], bool, bool]


class _Parse:
    """A run's parse: its segments, and its segments when the run's line is a headline (None
    when no headline rule applies). A class, not a tuple, so that the two markers below are
    compared by identity and its fields keep their types when compiled."""

    __slots__ = ("segs", "headline")

    def __init__(self, segs: tuple[_Seg, ...], headline: tuple[_Seg, ...] | None) -> None:
        self.segs = segs
        self.headline = headline


_RUN_CACHE: Final[dict[str, _Parse]] = {}
_RUN_OLD: Final[dict[str, _Parse]] = {}
_NO_NAME: Final = _Parse((), None)
_CONTEXTUAL: Final = _Parse((), None)  # the parse reads the text around the run: see _contextual_parse


def _run_parse(word: str, lex: Lexicon) -> _Parse:
    """The cached parse of one run, by its words (the lexicon never changes within a process)."""
    got = _RUN_CACHE.get(word)
    if got is None:
        got = _RUN_OLD.get(word)
        if got is None:
            try:
                got = _parse_run(word, lex, None)
            except _NeedsContext:
                got = _CONTEXTUAL
        _RUN_CACHE[word] = got
        if len(_RUN_CACHE) > _GENERATION:
            _age(_RUN_CACHE, _RUN_OLD)
    return got


def _contextual_parse(word: str, lex: Lexicon, text: str, rs: int) -> _Parse:
    """The parse of a run whose rules read the text around it, cached by words and context."""
    key = (word, *_around(text, rs, lex))
    got = _AROUND_CACHE.get(key)
    if got is None:
        got = _keep(_AROUND_CACHE, 1_000, key, _parse_run(word, lex, key[1:]))
    return got


_AROUND_CACHE: Final[dict[tuple[str, bool, bool], _Parse]] = {}


def _parse_run(word: str, lex: Lexicon, around: _Around | None) -> _Parse:
    """Name segments of one run; ``around`` is None when the run is parsed by its words alone."""
    if " " not in word and "\u00a0" not in word:
        if _classify(word, lex)[0] != _NAME:
            return _NO_NAME  # most runs: one capitalised word that cannot be a name (The, In, Monday)
        bare, key = _bare_end(word)
        return _Parse(((0, len(bare), bare, (key,), len(bare) < len(word), False),), None)
    words = word.split()
    known = _CLASS_CACHE
    classes = [known.get(w) or _classify(w, lex) for w in words]
    special = _special()
    for c, k in classes:
        if c == _NAME or k in special:
            break
    else:
        return _NO_NAME  # United Nations, New York Times: no token that could start a name
    cls = [c[0] for c in classes]
    keys = [c[1] for c in classes]
    starts = _token_starts(word, words)
    if cls.count(_NAME) == len(cls) and _place_heads().isdisjoint(keys):
        segs = _name_segments(words, keys, starts, word, lex)  # the common case: Bernie Sanders
    else:
        _run_classes(words, cls, keys, lex, around)
        segs = _run_segments(words, cls, keys, starts, word, lex)
    english, first_names = lex.english, lex.first_names
    changed = False
    for i in range(1, len(cls)):
        if cls[i] == _NAME and keys[i] in english and keys[i] not in first_names:
            cls[i] = _OTHER  # "Hillary Clinton Sides With ...": headline words
            changed = True
    if not changed:
        return _Parse(segs, None)  # a headline line reads the same segments
    return _Parse(segs, _run_segments(words, cls, keys, starts, word, lex))


def _token_starts(run: str, words: list[str]) -> list[int]:
    """Where each word of the run starts (offsets relative to the run)."""
    starts = []
    pos = 0
    for w in words:
        pos = run.find(w, pos)
        starts.append(pos)
        pos += len(w)
    return starts


_BARE: Final[dict[str, tuple[str, str]]] = {}


def _bare_end(word: str) -> tuple[str, str]:
    """(the last token of a segment without its possessive or sentence-end dot, its folded
    key), cached."""
    got = _BARE.get(word)
    if got is None:
        bare = _unpossessed(word)
        if bare.endswith(".") and not _INITIAL.fullmatch(bare):
            bare = bare[:-1]
        got = _keep(_BARE, 4_000, word, (bare, fold(bare).rstrip(".")))
    return got


def _name_segments(words: list[str], keys: list[str], starts: list[int], run: str,
                   lex: Lexicon) -> tuple[_Seg, ...]:
    """``_run_segments`` of a run whose tokens are all name-like (no run rule changes them):
    each segment runs to a possessive or a sentence end."""
    org = lex.org_word
    out: list[_Seg] = []
    n = len(words)
    i = 0
    while i < n:
        last = i
        while last + 1 < n and not _ends_segment(words[last]):
            last += 1
        start, end, seg_keys = _segment_span(words, keys, starts, i, last)
        j = last + 1
        near_org = (j < n and (keys[j] in org or keys[j] in lex.place)) \
            or (i > 0 and keys[i - 1] in org and not _is_head(keys[i - 1], lex))
        out.append((start, end, run[start:end], seg_keys, end < starts[last] + len(words[last]), near_org))
        i = j
    return tuple(out)


def _segment_span(words: list[str], keys: list[str], starts: list[int], i: int,
                  last: int) -> tuple[int, int, tuple[str, ...]]:
    """The start, end (a possessive cut off) and keys of the segment of tokens ``i..last``."""
    bare_last, last_key = _bare_end(words[last])
    seg_keys = (*[k.rstrip(".") for k in keys[i:last]], last_key)
    if len(seg_keys) > 2 and seg_keys[-1] in _SUFFIXES:
        seg_keys = seg_keys[:-1]  # Harry B. Harris Jr.: the same person as Harry B. Harris
    return starts[i], starts[last] + len(bare_last), seg_keys


def _run_segments(words: list[str], cls: list[str], keys: list[str], starts: list[int], run: str,
                  lex: Lexicon) -> tuple[_Seg, ...]:
    """The name segments of a run's classified tokens (offsets relative to the run)."""
    org, place = lex.org_word, lex.place
    out: list[_Seg] = []
    n = len(cls)
    for i, j in _segments(words, cls):
        for c in cls[i:j]:
            if c != _INIT:
                break
        else:
            continue  # initials only
        last = j - 1
        start, end, seg_keys = _segment_span(words, keys, starts, i, last)
        after_org = False
        for t in range(j, n):  # Sandy Hook Elementary School, Huong Sen Group JSC
            k = keys[t]
            if k in org or k in place:
                after_org = True
                break
            if cls[t] == _NAME:
                break
        before_org = i > 0 and keys[i - 1] in org and not _is_head(keys[i - 1], lex)
        out.append((start, end, run[start:end], seg_keys, end < starts[last] + len(words[last]),
                    after_org or before_org))
    return tuple(out)


def _occurrences(doc: Document, authors: Sequence[Span], lex: Lexicon) -> list[_Occ]:
    """Every name-like segment outside bylines and credits, in text order (no scoring yet)."""
    text = doc.text
    ranges = _excluded_ranges(doc, authors)
    starts = [r[0] for r in ranges]
    occs: list[_Occ] = []
    lines: dict[int, bool] = {}
    parses = _RUN_CACHE
    for run in _RUN.finditer(text):
        word = run[0]
        parse = parses.get(word)
        if parse is None:
            parse = _run_parse(word, lex)
        if parse is _NO_NAME:
            continue  # most runs: The, In, Monday, United Nations
        rs = run.start()
        if rs and (text[rs - 1].isalnum() or text[rs - 1] in _WORD_CHARS):
            continue  # inside a word (iPhone, e-Government)
        if parse is _CONTEXTUAL:
            parse = _contextual_parse(word, lex, text, rs)
        segs = parse.segs
        headline = parse.headline
        if headline is not None and _title_case_line(text, rs, run.end(), lines):
            segs = headline
        for a, b, form, keys, possessive, org_near in segs:
            if ranges and _inside(ranges, starts, rs + a):
                continue
            occs.append(_Occ(rs + a, rs + b, form, keys, possessive, org_near))
    return occs


_PREPOSITIONS: Final = frozenset(("in", "at", "from", "of", "to", "near", "for", "across", "into", "via",
                                  "on"))
_ORG_AFTER: Final = re.compile(r"[ \u00a0]{1,3}([a-z]+)")


def _context(occ: _Occ, story: _Story) -> None:
    """Titles before the occurrence (or a preposition), apposition titles after (once)."""
    if occ.context_done:
        return
    text, lex = story.text, story.lex
    occ.context_done = True
    start = occ.start
    pw = occ.prev
    if pw is None:
        pw = _prev_word(text, start)
    titles: tuple[str, ...] = ()
    after_prep = pw in _PREPOSITIONS
    if after_prep:
        occ.after_prep = True  # in Quy Nhon, manager of Xuan Phat: often a place or an organisation
    elif pw and (_CUES.get(pw) or _cue(pw, lex))[0]:
        titles, gender, adjacent = _title_before(text, start, lex)
        if gender or adjacent or titles:
            occ.gender = gender
            occ.titled = True
            occ.adjacent = bool(gender or adjacent)
    if not titles and not after_prep and _comma_before(text, start):
        before = _title_before_comma(text, occ, lex)
        if before:
            titles = tuple(before)
            occ.titled = True
    end = occ.end
    if not occ.possessive and _comma_after(text, end):
        app = _apposition_titles(text, end, lex)
        if app:
            titles = (*titles, *app)
            occ.appositive = True
    if titles and not _headline_at(story, start, end):  # "Huckabee Makes Joke To Bash Fed Chair Yellen"
        occ.titles = titles


# (``str.startswith`` with a position is a generic method call when compiled: slices are
# compared instead.)
def _comma_after(text: str, end: int) -> bool:
    """Whether a comma, maybe after a space, follows ``end``."""
    return text[end:end + 1] == "," or text[end:end + 2] == " ,"


def _comma_before(text: str, start: int) -> bool:
    """Whether ", " ends right before ``start`` (as ``text.startswith(", ", start - 2)``,
    which reads the end of the text for a name at offset 0)."""
    return text[start - 2:start] == ", " if start >= 2 else text.startswith(", ", start - 2)


def _evidence(occ: _Occ, story: _Story) -> int:
    """Context evidence for one occurrence (computed once): titles before, apposition after,
    a verb of saying after; organisation or place words around it count against."""
    if occ.score is not None:
        return occ.score
    _context(occ, story)
    text, lex = story.text, story.lex
    score = -5 if occ.org_near else 0
    after = text[occ.end:occ.end + 1]  # both patterns below need a space or a letter first
    spaced = after in (" ", "\u00a0")
    m = _ORG_AFTER.match(text, occ.end) if spaced else None
    if m and not occ.possessive and (m.group(1) in lex.org_word or m.group(1) in lex.place):
        score -= 5  # Thai Binh province, Nong Thon Ngay Nay newspaper
    if occ.after_prep:
        # from Yusuf Balogun: a preposition counts against, unless a first name starts the form
        score -= 0 if len(occ.keys) > 1 and lex.first_names.get(occ.keys[0]) in ("m", "f") else 1
    else:
        score += 3 * occ.titled
    score += 3 * occ.appositive
    if not occ.possessive and (spaced or "A" <= after <= "z"):
        m = _AFTER_WORD.match(text, occ.end)
        if m:
            k = m.group(1).lower()
            if k in lex.speech_verb:
                score += 2
            elif k in lex.after_weak:
                score += 1
    if len(occ.keys) == 1 and _SENT_START.search(text, max(0, occ.start - 6), occ.start):
        score -= 1
    occ.score = score
    return score


def _is_alias(short: tuple[str, ...], full: tuple[str, ...], lex: Lexicon) -> bool:
    """Whether ``short`` is a form by which the person named ``full`` can be called."""
    n = len(short)
    if n >= len(full):
        return short == full
    if full[-n:] == short:
        return True  # Vietnamese given name, Western surname (and multi-word surnames)
    if n == 1 and full[0] == short[0] and _family_first(full, lex):
        return True  # Chinese / Korean family name first
    return False


def _family_first(keys: tuple[str, ...], lex: Lexicon) -> bool:
    """A Chinese or Korean name (family name first): ``Wang Yi``, ``Moon Jae-in``."""
    return 2 <= len(keys) <= 3 and keys[0] in lex.cjk_surname and not vn_like_all(keys, lex) \
        and all(len(k) <= 9 and lex.surname_rank.get(k, 99999) > 3000 for k in keys[1:])


def vn_like_all(keys: tuple[str, ...], lex: Lexicon) -> bool:
    """A Vietnamese-shaped name: a Vietnamese family name, then syllables (3 or more tokens)."""
    return len(keys) >= 3 and keys[0] in lex.vn_surname and all(vn_like(k) for k in keys)


@dataclass(slots=True)
class _Pending:
    keys: tuple[str, ...]
    occs: list[_Occ] = field(default_factory=list)
    gender: str | None = None       # from the name alone (first-name list, Thi / Van)

    def __init__(self, keys: tuple[str, ...], gender: str | None = None) -> None:
        # written out: see Span.__init__ (newsx/document.py)
        self.keys = keys
        self.occs = []
        self.gender = gender


def _alias_keys(full: tuple[str, ...], lex: Lexicon) -> list[tuple[str, ...]]:
    """Every form by which the person named ``full`` can be called (see ``_is_alias``)."""
    out = [full[i:] for i in range(len(full))]
    if full[-1][:3] in ("al-", "el-"):
        out.append((full[-1][3:],))  # Assad for Bashar al-Assad
    if _family_first(full, lex):
        out.append(full[:1])
    elif len(full) >= 2 and not vn_like_all(full, lex) and lex.first_names.get(full[0]) in ("m", "f"):
        out.append(full[:1])  # Western first name alone (features and sport use it)
        if len(full) >= 3:
            out.append((full[0], full[-1]))  # Paul Ryan for Paul D. Ryan, Nancy Reagan for Nancy Davis Reagan
    return out


# (The two caches of full names below are dicts, not ``lru_cache``: compiled, a native
# function and a dict lookup are direct C calls; a cached wrapper is called as any object.)
_CULTURE: Final[dict[tuple[str, ...], int]] = {}


def _culture(keys: tuple[str, ...], lex: Lexicon) -> int:
    """``_culture_score``, cached."""
    got = _CULTURE.get(keys)
    if got is None:
        got = _keep(_CULTURE, 1_000, keys, _culture_score(keys, lex))
    return got


def _accepted(occs: list[_Occ], keys: tuple[str, ...], story: _Story) -> bool:
    """A multi-word form is a name when list evidence plus its best context reaches 3
    (a form standing alone on a line, as in a menu of places, is no evidence)."""
    base = _culture(keys, story.lex)
    for o in occs[:_EVIDENCE_CAP]:
        if base + _evidence(o, story) >= 3 and not _alone(o, story.text):
            return True
    return False


_BULLETS: Final = " \t\u00a0•·*-–—|>#"
_BULLETS_NL: Final = _BULLETS + "\n"


def _alone(occ: _Occ, text: str) -> bool:
    """Whether the occurrence is the whole line (bullets and trailing punctuation aside)."""
    start = occ.start
    if start >= 2:  # the common case: a word right before it on the same line
        c = text[start - 1]
        if c != "\n" and (c not in _BULLETS or text[start - 2] not in _BULLETS_NL):
            return False
    ls = text.rfind("\n", max(0, occ.start - 8), occ.start)
    if text[ls + 1 if ls >= 0 else 0:occ.start].strip(_BULLETS) or (ls < 0 and occ.start > 8):
        return False
    le = text.find("\n", occ.end, occ.end + 4)
    tail = text[occ.end:le if le >= 0 else occ.end + 4]
    return not tail.strip(" \t\u00a0.,;:|") and (le >= 0 or occ.end + len(tail) >= len(text))


# Context (titles, appositions) is read for at most this many occurrences of one name form:
# enough for any article, and a 10 MB page of repeated names stays linear and fast.
_EVIDENCE_CAP: Final = 40


def _titled(occ: _Occ, story: _Story) -> bool:
    """Whether an honorific or title stands before the occurrence or an apposition follows."""
    text, lex = story.text, story.lex
    if occ.context_done:
        return (occ.adjacent or occ.appositive) and not _headline_at(story, occ.start, occ.end)
    start, end = occ.start, occ.end
    pw = occ.prev = _prev_word(text, start)
    comma = _comma_after(text, end)
    cue = _cue(pw, lex) if pw else (False, False)
    if not cue[1] and not comma:
        return False
    # What ``_context`` would set, without the rest of it (most single names are not people:
    # their context is not read again): an honorific or title head as the last word before...
    titled = False
    if pw not in _PREPOSITIONS and cue[0]:
        words = _title_words(text, start)
        if words:
            w = words[-1]
            if w[0].isalpha():
                info = _word_info(w, lex)
                titled = bool(info[3] or info[1])
    # ... or a title in an apposition after.
    if not titled and comma and not occ.possessive:
        titled = bool(_apposition_titles(text, end, lex))
    return titled and not _headline_at(story, start, end)


def extract_people(doc: Document, authors: Sequence[Span] = ()) -> list[Person]:
    """Each person named in the story (authors excluded), in order of first mention."""
    lex = lexicon()
    text = doc.text
    occs = _occurrences(doc, authors, lex)
    if not occs:
        return []
    story = _Story(text, lex)
    forms: dict[tuple[str, ...], list[_Occ]] = {}
    for o in occs:
        group = forms.get(o.keys)
        if group is None:
            forms[o.keys] = [o]
        else:
            group.append(o)
    full_forms = [k for k, group in forms.items() if len(k) >= 2 and _accepted(group, k, story)]
    full_forms.sort(key=lambda k: -len(k))
    people: list[_Pending] = []
    index: dict[tuple[str, ...], list[int]] = {}
    for keys in full_forms:
        if keys in index:
            continue  # a shorter form of someone already found (Oppong Nkrumah)
        _add(people, index, keys, lex)
    for keys, group in forms.items():
        if len(keys) == 1 and keys not in index:
            for o in group[:_EVIDENCE_CAP]:
                if _titled(o, story):
                    _add(people, index, keys, lex)  # Prime Minister Phuc: a titled single name
                    break
    for keys, group in forms.items():
        if keys in index:  # titles and honorifics: the first mentions of a form tell them
            for o in group[:_EVIDENCE_CAP]:
                if not o.context_done:
                    _context(o, story)
    _link(occs, people, index, story)
    result = [_person(doc, p, lex) for p in people if p.occs]
    result.sort(key=lambda p: p.spans[0].start)
    return result


def _link(occs: list[_Occ], people: list[_Pending], index: dict[tuple[str, ...], list[int]],
          story: _Story) -> None:
    """Each occurrence to the person it names; a form shared by several people goes to the
    one whose gender it matches, else to the one mentioned last."""
    if all(len(cands) == 1 for cands in index.values()):  # the common case: nothing shared
        for o in occs:
            cands = index.get(o.keys)
            if cands:
                people[cands[0]].occs.append(o)
        return
    last_seen: dict[int, int] = {}
    for o in occs:
        cands = index.get(o.keys)
        if not cands:
            continue
        if len(cands) > 1 and o.keys != people[cands[0]].keys:
            _context(o, story)
            if o.gender:  # Mrs Clinton: not Bill Clinton
                same = [c for c in cands if people[c].gender in (None, o.gender)]
                cands = same or cands
        i = cands[0] if len(cands) == 1 else max(cands, key=lambda c: (last_seen.get(c, -1), -c))
        people[i].occs.append(o)
        last_seen[i] = o.start


_NAMING: Final[dict[tuple[str, ...], tuple[str | None, tuple[tuple[str, ...], ...]]]] = {}


def _naming(keys: tuple[str, ...], lex: Lexicon) -> tuple[str | None, tuple[tuple[str, ...], ...]]:
    """(gender told by the name, every form it can be called by) of a full name, cached."""
    got = _NAMING.get(keys)
    if got is None:
        got = _keep(_NAMING, 1_000, keys, (_gender_of_keys(keys, lex), tuple(_alias_keys(keys, lex))))
    return got


def _add(people: list[_Pending], index: dict[tuple[str, ...], list[int]], keys: tuple[str, ...],
         lex: Lexicon) -> None:
    gender, aliases = _naming(keys, lex)
    people.append(_Pending(keys, gender=gender))
    i = len(people) - 1
    for alias in aliases:
        found = index.get(alias)
        if found is None:
            index[alias] = [i]
        else:
            found.append(i)


def _person(doc: Document, p: _Pending, lex: Lexicon) -> Person:
    occs = p.occs
    best, most = None, -1  # the first full form with the most diacritics (the best-spelt one)
    full = p.keys
    for o in occs:
        if o.keys == full:
            form = o.form
            n = 0 if form.isascii() else sum(ord(c) > 127 for c in form)
            if n > most:
                best, most = o, n
    name = " ".join((best.form if best is not None else " ".join(p.keys)).split())
    titles: dict[str, str] = {}   # folded -> as written, first seen first
    aliases: dict[str, str] = {fold(name): ""}
    votes = {"male": 0, "female": 0}
    forms: set[str] = set()
    for o in occs:
        if o.titles:
            for t in o.titles:
                t = " ".join(t.split())
                titles.setdefault(fold(t), t)
        form = o.form
        if form not in forms:
            forms.add(form)
            if "  " in form or "\n" in form:
                form = " ".join(form.split())
            aliases.setdefault(fold(form), form)
        if o.gender:
            votes[o.gender] += 3
    # A title written inside a longer one is the same role (Minister / Minister of Foreign Affairs).
    kept = list(titles.values())
    if len(kept) > 1:
        padded = [f" {k} " for k in titles]  # folded, between spaces: whole words match
        kept = [t for t, pk in zip(titles.values(), padded, strict=True)
                if not any(len(pk) < len(other) and pk in other for other in padded)]
    if p.gender:
        votes[p.gender] += 2
    if abs(votes["male"] - votes["female"]) < 3:  # no honorific or first name: ask the pronouns
        text = doc.text
        for o in occs[:4]:
            pronoun = _first_pronoun(text, o.end, o.end + 160)
            if pronoun:
                votes["female" if pronoun.lower().startswith(("she", "her")) else "male"] += 1
    g = None
    if votes["male"] != votes["female"]:
        g = "male" if votes["male"] > votes["female"] else "female"
    spans = [Span(o.start, o.end, "person", o.form) for o in occs]
    return Person(name=name, titles=kept, aliases=[a for a in aliases.values() if a], mentions=len(occs),
                  spans=spans, gender=g)
