"""Headline: the article's title as printed, skipping page furniture."""

from __future__ import annotations

from newsx.document import Document, Span


def extract_headline(doc: Document) -> Span | None:
    """The span of the title line (without furniture), or None."""
    for para in doc.paragraphs:
        return para
    return None
