"""The two types every extractor sees or returns: a decoded ``Document`` and ``Span``s into it.

Offsets are sacred: a ``Span`` always indexes ``Document.text``, the decoded input with
only a byte-order mark dropped, never a normalised copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
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
        return by_fields(self)

    def text(self, doc: Document) -> str:
        return doc.text[self.start:self.end]

    def __len__(self) -> int:
        return self.end - self.start


def by_fields(value: Any) -> tuple[Any, ...]:
    """``__reduce__`` for a dataclass whose ``__init__`` takes its fields in order: it is
    pickled by those arguments. A compiled class's ``__new__`` runs its ``__init__``, which
    needs them (Span, and the records of ``newsx.model``)."""
    return type(value), tuple(getattr(value, f.name) for f in fields(value))


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
