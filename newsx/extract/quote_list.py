"""``QuoteList``: a paragraph's quoted spans with their closing offsets cached.

A module of its own because it subclasses ``list``, which mypyc cannot compile: this
module stays plain Python when the extractors are compiled (see ``docs/performance.md``).
"""

from __future__ import annotations

from typing import Any


class QuoteList(list):  # type: ignore[type-arg]  # of ``quotes.QSpan``
    """The quoted spans of a paragraph, in order, with their closing offsets cached."""

    closes: Any = None  # list[int] once ``quotes.quote_closes`` has made it
