"""Extractors: pure functions of a ``Document`` that return spans (and, for people and
quotes, small dataclasses whose offsets point into ``doc.text``)."""
