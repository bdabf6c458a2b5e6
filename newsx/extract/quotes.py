"""Quotes: direct, indirect and mixed, with speakers resolved against people.

Detection (this module) finds ``Attribution``s; ``speakers.resolve_speakers`` turns the
words naming each speaker into a name.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsx.document import Document
from newsx.extract.speakers import resolve_speakers
from newsx.model import Attribution, Person, Quote


def find_attributions(doc: Document) -> list[Attribution]:
    """Every quoted or reported statement with its cue and speaker words, in text order."""
    return []


def extract_quotes(doc: Document, people: Sequence[Person] = ()) -> list[Quote]:
    """Every statement the article attributes to a speaker, in text order."""
    found = find_attributions(doc)
    speakers = resolve_speakers(doc, people, found)
    quotes: list[Quote] = []
    for att, speaker in zip(found, speakers, strict=True):
        quotes.append(Quote(
            speaker=speaker,
            speaker_text=" ".join(doc.cut(att.speaker).split()) if att.speaker else None,
            cue=" ".join(doc.cut(att.cue).split()) if att.cue else None,
            text=doc.cut(att.text),
            kind=att.kind,
            start=att.text.start,
            end=att.text.end,
        ))
    return quotes
