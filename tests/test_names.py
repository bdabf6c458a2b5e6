"""The data-file reader of ``newsx.extract.names``: the fast path gives what the plain
per-line reading gives."""

from __future__ import annotations

from importlib import resources

import pytest

from newsx.extract.names import _lines_of


def _plain_lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln and ln[0] != "#"]


@pytest.mark.parametrize("text", [
    "", "\n", "#only a header\n", "#h\n#h2\nalpha\nbeta\n", "#h\nalpha\n\nbeta\n",
    "#h\nalpha\n#late comment\nbeta", "alpha", "alpha\nbeta", "#h\n\n", " #not a comment\nx\n",
])
def test_lines_are_the_non_blank_non_comment_lines(text: str) -> None:
    assert _lines_of(text) == _plain_lines(text)


@pytest.mark.parametrize("name", ["first_names.tsv", "surnames.txt", "english_words.txt",
                                  "english_proper.txt", "people_lexicon.txt"])
def test_data_files_read_as_plain_lines(name: str) -> None:
    text = resources.files("newsx.data").joinpath(name).read_text(encoding="utf-8")
    assert _lines_of(text) == _plain_lines(text)
