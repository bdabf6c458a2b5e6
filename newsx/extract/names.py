"""Name lists and lexicons for person finding, loaded once from ``newsx/data``.

Everything is matched on *folded* tokens: lowercased, diacritics removed (``Đặng`` ->
``dang``), curly apostrophes made straight. See ``newsx/data/README-people.md`` for where
each list comes from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from functools import lru_cache

from newsx.data import read_text

_EXTRA_FOLD = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                             "’": "'", "‘": "'", "ß": "ss", "æ": "ae", "œ": "oe"})


@lru_cache(maxsize=4096)
def fold(token: str) -> str:
    """Lowercase, strip diacritics and normalise apostrophes: the key for every list."""
    if token.isascii():
        return token.lower()  # nothing to translate or strip
    t = token.translate(_EXTRA_FOLD)
    t = unicodedata.normalize("NFD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.lower()


def _data_lines(name: str) -> list[str]:
    """The lines of a data file, without blank lines and ``#`` comments."""
    return _lines_of(read_text(name))


def _header_end(text: str) -> int:
    """Where ``text``'s header of ``#`` comment lines ends."""
    start = 0
    while text.startswith("#", start):
        start = text.find("\n", start) + 1
        if start == 0:
            return len(text)
    return start


def _lines_of(text: str) -> list[str]:
    """``text``'s non-blank lines that do not start with ``#``. The data files keep their
    comments in a header: then the rest is cut by one split, with no test per line."""
    start = _header_end(text)
    lines = text[start:].split("\n")
    if lines[-1] == "":
        lines.pop()
    if "" in lines or text.find("\n#", start) != -1:
        return [ln for ln in lines if ln and ln[0] != "#"]
    return lines


def _pairs(name: str) -> dict[str, str]:
    """A data file of ``key<TAB>value`` lines as a dict (a repeated key keeps its last value).

    One replace and one split cut the whole file at C speed (a split per line takes three
    times as long); the keys are every other part. That needs one tab on every line, as
    ``first_names.tsv`` has (tests/test_names.py checks it); a file with blank or comment
    lines in its body, or with more or fewer tabs than lines, is read line by line.
    """
    text = read_text(name)
    body = text[_header_end(text):].removesuffix("\n")
    lines = body.count("\n") + 1
    if (not body or body.count("\t") != lines or body.startswith("\n") or body.endswith("\n")
            or "\n\n" in body or "\n#" in body):
        return dict(line.split("\t", 1) for line in _lines_of(text))
    parts = body.replace("\t", "\n").split("\n")
    return dict(zip(parts[0::2], parts[1::2], strict=True))


@dataclass(frozen=True)
class Lexicon:
    """All word lists used by people extraction (folded entries)."""

    sections: dict[str, frozenset[str]]
    first_names: dict[str, str]      # folded first name -> "m" | "f" | "u"
    surname_rank: dict[str, int]     # folded US census surname -> rank (1 = most common)
    english: frozenset[str]          # lowercase English words
    proper: frozenset[str]           # folded capitalised entries of the same English word list
    # The sections again as attributes (hot loops read them without a method call).
    honorific_male: frozenset[str] = frozenset()
    honorific_female: frozenset[str] = frozenset()
    honorific_title: frozenset[str] = frozenset()
    title_head: frozenset[str] = frozenset()
    title_modifier: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    vn_surname: frozenset[str] = frozenset()
    cjk_surname: frozenset[str] = frozenset()
    org_word: frozenset[str] = frozenset()
    place: frozenset[str] = frozenset()
    nationality: frozenset[str] = frozenset()
    time_word: frozenset[str] = frozenset()
    stop_word: frozenset[str] = frozenset()
    speech_verb: frozenset[str] = frozenset()
    after_weak: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()    # title heads: title_head | honorific_title
    stops: frozenset[str] = frozenset()    # every word that stops a name (heads, stop, org, place, ...)

    def __getitem__(self, section: str) -> frozenset[str]:
        return self.sections[section]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    sections: dict[str, set[str]] = {}
    current = ""
    for line in _data_lines("people_lexicon.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, set())
        else:
            sections[current].add(fold(line))
    # The three large lists are stored folded already: no per-entry work at load time.
    first = _pairs("first_names.tsv")
    surnames = _data_lines("surnames.txt")
    ranks = dict(zip(surnames, range(1, len(surnames) + 1), strict=True))  # a repeat keeps its last rank
    english = frozenset(_data_lines("english_words.txt"))
    proper = frozenset(_data_lines("english_proper.txt"))
    for word in sections.get("stop_word", ()):
        first.pop(word, None)
    frozen = {k: frozenset(v) for k, v in sections.items()}
    named = {f.name for f in fields(Lexicon)}
    heads = frozen["title_head"] | frozen["honorific_title"]
    stops = heads.union(*(frozen[k] for k in ("stop_word", "org_word", "place", "nationality", "time_word",
                                              "honorific_male", "honorific_female", "title_modifier")))
    return Lexicon(frozen, first, ranks, english, proper, heads=heads, stops=stops,
                   **{k: v for k, v in frozen.items() if k in named})
