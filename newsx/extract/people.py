"""People: each distinct person named in the article, merged over name forms."""

from __future__ import annotations

from collections.abc import Sequence

from newsx.document import Document, Span
from newsx.model import Person


def extract_people(doc: Document, authors: Sequence[Span] = ()) -> list[Person]:
    """Each person named in the story (authors excluded), in order of first mention."""
    return []
