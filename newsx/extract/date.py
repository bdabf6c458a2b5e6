"""Publication date: header lines, Updated/Published lines, datelines. Never a story date."""

from __future__ import annotations

from newsx.document import Document, Span


def extract_date(doc: Document) -> Span | None:
    """A span of the date as written, with ``data`` the ISO 8601 value; or None."""
    return None
