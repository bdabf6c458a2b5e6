from __future__ import annotations

import newsx


def test_extract_returns_record_with_every_spec_field() -> None:
    rec = newsx.extract("A headline\n\nSome text.\n", source="x.txt").to_dict()
    assert list(rec) == ["source", "headline", "date", "outlet", "authors", "people", "quotes", "warnings"]
    assert rec["source"] == "x.txt"
    assert rec["headline"] == "A headline"
