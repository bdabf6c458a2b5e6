"""The data-file readers of ``newsx.extract.names``: the fast paths give what the plain
per-line reading gives."""

from __future__ import annotations

from importlib import resources

import pytest

from newsx.extract.names import _lines_of, _pairs


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


def _plain_pairs(lines: list[str]) -> dict[str, str] | str:
    try:
        return dict(line.split("\t", 1) for line in lines)
    except ValueError:
        return "error"


@pytest.mark.parametrize("lines", [
    [], ["ann\tf"], ["ann\tf", "bob\tm"], ["ann\tf\textra", "bob"], ["ann\t", "\tm"],
    ["ann\tf", "bob"], ["ann", "bob\tm\tx"], ["ann\tf", "ann\tm"],
])
def test_pairs_split_at_the_first_tab(lines: list[str]) -> None:
    try:
        got: dict[str, str] | str = _pairs(lines)
    except ValueError:
        got = "error"
    assert got == _plain_pairs(lines)
