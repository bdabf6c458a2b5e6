"""The two types every extractor sees or returns: a decoded ``Document`` and ``Span``s into it.

Offsets are sacred: a ``Span`` always indexes ``Document.text``, the decoded input with
only a byte-order mark dropped, never a normalised copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Document.text`` with a label.

    A value: hashed and compared by its fields, and never changed once made. It is not
    declared frozen because a compiled frozen class sets its fields through the generic
    ``object.__setattr__``: 5.5% more instructions for the whole compiled pipeline.
    """

    start: int
    end: int
    label: str = ""
    data: Any = None

    def __init__(self, start: int, end: int, label: str = "", data: Any = None) -> None:
        # written out: mypyc compiles this one into the constructor, where the dataclass's
        # own __init__ (made at run time) would be called as Python with a tuple of arguments
        self.start = start
        self.end = end
        self.label = label
        self.data = data

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled by its arguments: a compiled class's __new__ runs __init__, which needs them
        return Span, (self.start, self.end, self.label, self.data)

    def text(self, doc: Document) -> str:
        return doc.text[self.start:self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class Document:
    """Decoded article text plus its segmentation (filled by ``newsx.segment``)."""

    text: str
    source: str = "-"
    warnings: list[str] = field(default_factory=list)
    lines: list[Span] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)

    def cut(self, span: Span) -> str:
        return self.text[span.start:span.end]
