"""newsx: read news article files; extract date, outlet, headline, authors, people and quotes.

Library API (pure functions, picklable results, data loaded once)::

    import newsx
    article = newsx.extract(text, source="story.txt")
    article.to_dict()                       # the record of SPEC.md
    newsx.extract_file("story.txt")         # reads and decodes any encoding
    for rec in newsx.extract_many(["articles/"], jobs=4):
        print(rec.to_dict())                # Article or Failure, in input order
"""

from __future__ import annotations

import os
import sys

from newsx import _regex_cache

_regex_cache.load()  # before the modules below compile their patterns

from newsx.batch import extract_many, extract_text  # noqa: E402
from newsx.model import Article, Failure, Outlet, Person, Quote  # noqa: E402
from newsx.read import UnreadableInput, read_path  # noqa: E402

_regex_cache.save()  # the patterns compiled at import, for the next process (when new)

__version__ = "0.1.0"


def extract(text: str, source: str = "-") -> Article:
    """Extract the record of one decoded article text."""
    return extract_text(text, source)


def compiled() -> bool:
    """Whether the extractors run compiled to C by mypyc (an install made with
    ``NEWSX_COMPILE=1``; see docs/performance.md) rather than as Python: the question quote
    detection asks of itself to choose its tokenizer, so both give the same answer."""
    return sys.modules["newsx.extract.quotes"]._COMPILED


def extract_file(path: str | os.PathLike) -> Article:
    """Read, decode and extract one file. Raises ``UnreadableInput`` when it cannot be read."""
    text, warnings = read_path(path)
    return extract_text(text, os.fspath(path), warnings)


__all__ = ["Article", "Failure", "Outlet", "Person", "Quote", "UnreadableInput", "__version__",
           "compiled", "extract", "extract_file", "extract_many"]
