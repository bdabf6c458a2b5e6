"""Name lists and lexicons for person finding, loaded once from ``newsx/data``.

Everything is matched on *folded* tokens: lowercased, diacritics removed (``Đặng`` ->
``dang``), curly apostrophes made straight. See ``newsx/data/README-people.md`` for where
each list comes from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Final

from newsx.data import read_lines, read_pairs

_EXTRA_FOLD: Final = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                             "’": "'", "‘": "'", "ß": "ss", "æ": "ae", "œ": "oe"})


# Folded non-ASCII tokens, emptied when it passes its cap (a worker's memory stays bounded).
_FOLDED: Final[dict[str, str]] = {}


def fold(token: str) -> str:
    """Lowercase, strip diacritics and normalise apostrophes: the key for every list.

    A plain function, not an ``lru_cache``: compiled with mypyc, the other compiled modules
    call it directly (a cached wrapper is called as any Python object, at each call); an
    ASCII token is only lowercased, and the rest is cached here."""
    if token.isascii():
        return token.lower()  # nothing to translate or strip
    got = _FOLDED.get(token)
    if got is None:
        if len(_FOLDED) > 4_096:
            _FOLDED.clear()
        got = _FOLDED[token] = _fold_unicode(token)
    return got


def _fold_unicode(token: str) -> str:
    t = token.translate(_EXTRA_FOLD)
    t = unicodedata.normalize("NFD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.lower()


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
    for line in read_lines("people_lexicon.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, set())
        else:
            sections[current].add(fold(line))
    # The three large lists are stored folded already: no per-entry work at load time.
    first = read_pairs("first_names.tsv")
    surnames = read_lines("surnames.txt")
    ranks = dict(zip(surnames, range(1, len(surnames) + 1), strict=True))  # a repeat keeps its last rank
    english = frozenset(read_lines("english_words.txt"))
    proper = frozenset(read_lines("english_proper.txt"))
    for word in sections.get("stop_word", ()):
        first.pop(word, None)
    frozen = {k: frozenset(v) for k, v in sections.items()}
    named = {f.name for f in fields(Lexicon)}
    heads = frozen["title_head"] | frozen["honorific_title"]
    stops = heads.union(*(frozen[k] for k in ("stop_word", "org_word", "place", "nationality", "time_word",
                                              "honorific_male", "honorific_female", "title_modifier")))
    return Lexicon(frozen, first, ranks, english, proper, heads=heads, stops=stops,
                   **{k: v for k, v in frozen.items() if k in named})
