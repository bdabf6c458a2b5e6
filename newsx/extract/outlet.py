"""Outlet: the organisation credited in the text, resolved against the registry."""

from __future__ import annotations

from newsx.document import Document, Span


def extract_outlet(doc: Document) -> Span | None:
    """A span of the credit as written, with ``data`` an ``Outlet``; or None."""
    return None
