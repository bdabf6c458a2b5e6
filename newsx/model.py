"""Record-level types: what the pipeline produces for one input.

``Article.to_dict()`` is exactly the record of SPEC.md; ``Failure.to_dict()`` the error
record. Both are plain dataclasses of strings, ints and lists, so they pickle cheaply
across a process pool.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsx.document import Span, by_fields


@dataclass(slots=True)
class Outlet:
    name: str
    abbr: str | None = None

    def __init__(self, name: str, abbr: str | None = None) -> None:
        # written out, here and below: see Span.__init__ (newsx/document.py)
        self.name = name
        self.abbr = abbr

    def __reduce__(self) -> tuple[Any, ...]:
        return by_fields(self)  # here and below: pickled by its arguments

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "abbr": self.abbr}


@dataclass(slots=True)
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    # Not in the record: every mention as a Span (data = the form as written), and the
    # gender when honorifics, pronouns or name lists tell it ("male" | "female" | None).
    spans: list[Span] = field(default_factory=list, repr=False, compare=False)
    gender: str | None = None

    def __init__(self, name: str, titles: list[str] | None = None, aliases: list[str] | None = None,
                 mentions: int = 0, spans: list[Span] | None = None, gender: str | None = None) -> None:
        self.name = name
        self.titles = [] if titles is None else titles
        self.aliases = [] if aliases is None else aliases
        self.mentions = mentions
        self.spans = [] if spans is None else spans
        self.gender = gender

    def __reduce__(self) -> tuple[Any, ...]:
        return by_fields(self)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "titles": list(self.titles), "aliases": list(self.aliases),
                "mentions": self.mentions}


@dataclass(slots=True)
class Attribution:
    """A statement found in the text, before its speaker is resolved to a name.

    ``text`` is the quoted or reported content; ``speaker`` the words that name the
    speaker in the sentence (None when the sentence names nobody); ``continues`` marks a
    quote that carries on the previous one's speaker (a further paragraph of a quotation).
    """

    text: Span
    kind: str  # direct | indirect | mixed
    cue: Span | None = None
    speaker: Span | None = None
    continues: bool = False

    def __init__(self, text: Span, kind: str, cue: Span | None = None, speaker: Span | None = None,
                 continues: bool = False) -> None:
        self.text = text
        self.kind = kind
        self.cue = cue
        self.speaker = speaker
        self.continues = continues

    def __reduce__(self) -> tuple[Any, ...]:
        return by_fields(self)


@dataclass(slots=True)
class Quote:
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    text: str
    kind: str  # direct | indirect | mixed
    start: int
    end: int

    def __init__(self, speaker: str | None, speaker_text: str | None, cue: str | None, text: str, kind: str,
                 start: int, end: int) -> None:
        self.speaker = speaker
        self.speaker_text = speaker_text
        self.cue = cue
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end

    def __reduce__(self) -> tuple[Any, ...]:
        return by_fields(self)

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "speaker_text": self.speaker_text, "cue": self.cue,
                "text": self.text, "kind": self.kind, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """The record for one article (SPEC.md)."""

    source: str
    headline: str | None = None
    date: str | None = None
    outlet: Outlet | None = None
    authors: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True: the input was read (a ``Failure`` says False). A property, not a class
        attribute: compiled, a dataclass's class attribute becomes a field of its own."""
        return True

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "headline": self.headline,
            "date": self.date,
            "outlet": self.outlet.to_dict() if self.outlet else None,
            "authors": list(self.authors),
            "people": [p.to_dict() for p in self.people],
            "quotes": [q.to_dict() for q in self.quotes],
            "warnings": list(self.warnings),
        }


@dataclass(slots=True)
class Failure:
    """An input that could not be read at all: written as ``{"source", "error"}``."""

    source: str
    error: str

    @property
    def ok(self) -> bool:
        return False

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "error": self.error}


@dataclass(slots=True)
class Rendered:
    """An article record already written out, by a worker, in the output's format.

    Rendering in the workers keeps the parent's work per record to one write: a string
    crosses the process boundary instead of a tree of objects to unpickle and encode.
    Error records stay ``Failure`` values (the CLI reports them on stderr).
    """

    source: str
    text: str
