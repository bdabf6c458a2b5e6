"""Word lists for quote detection: the cue lexicon (newsx/data/cues.txt) and small closed
classes of function words used to read the words around a cue."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from newsx.data import read_lines


@lru_cache(maxsize=1)
def cue_lexicon() -> tuple[dict[str, str], dict[tuple[str, ...], str], frozenset[str]]:
    """(single-word cue -> class, phrase cue tuple -> class, nouns after `express`)."""
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    nouns: set[str] = set()
    for line in read_lines("cues.txt"):
        cls, _, forms = line.partition("\t")
        for form in forms.split():
            if cls == "expnoun":
                nouns.add(form)
            elif "_" in form:
                phrases.setdefault(tuple(form.split("_")), cls)
            else:
                words.setdefault(form, cls)
    return words, phrases, frozenset(nouns)


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


SUBJECT_PRONOUNS: Final = _set("he she they it we i you there this these those one who")
OBJECT_PRONOUNS: Final = _set("him her them us me you it")
HEARERS: Final = _set(
    "reporters journalists newsmen correspondents media press audience crowd lawmakers "
    "delegates supporters residents students participants attendees viewers listeners "
    "parliament congress senators voters investors analysts employees staff workers "
    "members officials guests colleagues fans readers"
)
DETERMINERS: Final = _set(
    "the a an his her its their our my your this that these those some any every each no"
)
PREPOSITIONS: Final = _set(
    "in at on during after before while with via through over from for by under since "
    "following ahead amid throughout within upon across into near outside inside alongside"
)
TIME_WORDS: Final = _set(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight "
    "recently earlier later last this next previously again also further once then now "
    "strongly repeatedly publicly firmly clearly bluntly candidly privately separately "
    "flatly openly frankly simply tuesday's monday's wednesday's thursday's friday's "
    "saturday's sunday's late early"
)
FINITE: Final = _set(
    "is are was were will would can could should must has have had may might shall did "
    "does do need needs remains remained continues continued wants wanted won't can't "
    "couldn't wouldn't shouldn't isn't aren't wasn't weren't hasn't haven't hadn't didn't "
    "doesn't don't ’s 's ’re 're ’ll 'll ’d 'd ’ve 've"
)
NOT_CLAUSE_START: Final = _set(
    "to for of about by nothing so yes no goodbye thanks hello sorry as when while given because "
    "little something anything everything otherwise"
)
BEFORE_CUE_SKIP: Final = _set(
    "also further has have had later then again earlier previously once recently "
    "repeatedly publicly always often would will could may might ’s 's reportedly did does do "
    "reportedly just even still too already first last then has also subsequently "
    "finally additionally separately clearly strongly"
)
NEGATIONS: Final = _set("not never n't ’t didn't don't doesn't won't wouldn't hasn't haven't cannot can't")
CLAUSE_BREAKS: Final = _set(
    "and or but while as when because although though where if whereas since after before "
    "until unless whom what whether how why which"
)
RELATIVE: Final = _set("who which whose that")
