"""Extractor results -> ``Article``: the only place that knows the record's shape."""

from __future__ import annotations

from newsx.document import Document
from newsx.extract.authors import extract_authors
from newsx.extract.date import extract_date
from newsx.extract.headline import extract_headline
from newsx.extract.outlet import extract_outlet
from newsx.extract.people import extract_people
from newsx.extract.quotes import extract_quotes
from newsx.model import Article


def collapse(text: str) -> str:
    return " ".join(text.split())


def assemble(doc: Document) -> Article:
    """Run every extractor over a segmented document and build its record."""
    warnings = list(doc.warnings)
    if not doc.text.strip():
        warnings.append("empty input: no text to read")
    headline = extract_headline(doc)
    date = extract_date(doc)
    outlet = extract_outlet(doc)
    authors = extract_authors(doc)
    people = extract_people(doc, authors)
    quotes = extract_quotes(doc, people)
    if headline is None and doc.text.strip():
        warnings.append("no headline found")
    names: list[str] = []
    for span in authors:
        name = span.data if isinstance(span.data, str) else collapse(doc.cut(span))
        if name not in names:
            names.append(name)
    return Article(
        source=doc.source,
        headline=collapse(headline.data if isinstance(headline.data, str) else doc.cut(headline))
        if headline else None,
        date=date.data if date else None,
        outlet=outlet.data if outlet else None,
        authors=names,
        people=list(people),
        quotes=list(quotes),
        warnings=warnings,
    )
