"""Speaker resolution: the words that name a speaker -> a ``people[].name``, an
organisation's fullest name in the article, or None (pronouns, roles, salience)."""

from __future__ import annotations

from collections.abc import Sequence

from newsx.document import Document
from newsx.model import Attribution, Person


def resolve_speakers(doc: Document, people: Sequence[Person],
                     found: Sequence[Attribution]) -> list[str | None]:
    """One resolved speaker per attribution, in the same order."""
    resolved: list[str | None] = []
    for att in found:
        if att.speaker is None:
            resolved.append(resolved[-1] if att.continues and resolved else None)
        else:
            resolved.append(" ".join(doc.cut(att.speaker).split()))
    return resolved
