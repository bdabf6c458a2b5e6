"""The two types every extractor sees or returns: a decoded ``Document`` and ``Span``s into it.

Offsets are sacred: a ``Span`` always indexes ``Document.text``, the decoded input with
only a byte-order mark dropped, never a normalised copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Document.text`` with a label."""

    start: int
    end: int
    label: str = ""
    data: Any = None

    def __init__(self, start: int, end: int, label: str = "", data: Any = None) -> None:
        # what the generated frozen ``__init__`` does, at half the cost: the slot
        # descriptors set the fields without going through the frozen ``__setattr__``
        _set_start(self, start)
        _set_end(self, end)
        _set_label(self, label)
        _set_data(self, data)

    def text(self, doc: Document) -> str:
        return doc.text[self.start:self.end]

    def __len__(self) -> int:
        return self.end - self.start


_set_start = Span.start.__set__  # type: ignore[attr-defined]
_set_end = Span.end.__set__  # type: ignore[attr-defined]
_set_label = Span.label.__set__  # type: ignore[attr-defined]
_set_data = Span.data.__set__  # type: ignore[attr-defined]


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
