"""The data-file reader (``newsx.data``): the fast path gives what the plain per-line
reading gives."""

from __future__ import annotations

from importlib import resources

import pytest

import newsx.data as data
from newsx.data import lines_of, read_text
from newsx.extract import names


def _plain_lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln and ln[0] != "#"]


@pytest.mark.parametrize("text", [
    "", "\n", "#only a header\n", "#h\n#h2\nalpha\nbeta\n", "#h\nalpha\n\nbeta\n",
    "#h\nalpha\n#late comment\nbeta", "alpha", "alpha\nbeta", "#h\n\n", " #not a comment\nx\n",
    "#h\nalpha\n\n", "#h\nalpha\n\n\n", "#h", "\n\nalpha", "#h\n#h2", "#h\n#h2\n", "alpha\n#c",
])
def test_lines_are_the_non_blank_non_comment_lines(text: str) -> None:
    assert lines_of(text) == _plain_lines(text)


DATA_FILES = ["first_names.tsv", "surnames.txt", "english_words.txt", "english_proper.txt",
              "people_lexicon.txt", "abbreviations.txt", "cues.txt", "outlets.tsv", "speaker_words.tsv"]


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_read_as_plain_lines(name: str) -> None:
    text = resources.files("newsx.data").joinpath(name).read_text(encoding="utf-8")
    assert lines_of(text) == _plain_lines(text)


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_have_no_line_of_spaces_and_no_space_at_a_line_end(name: str) -> None:
    # read_lines skips empty lines only, and entries are taken as written
    lines = read_text(name).split("\n")
    assert [ln for ln in lines if ln != ln.rstrip() or (ln and not ln.strip())] == []


def _plain_pairs(text: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in _plain_lines(text))


@pytest.mark.parametrize("text", [
    "#h\nanna\tf\nbo\tu\nivan\tm\n", "#h\n#h2\nanna\tf\n\nivan\tm", "anna\tf\nanna\tm\n", "#h\n",
    "#h\nanna\tf\n#late comment\nivan\tm\n", "#h\nanna\tf\n\n", "\nanna\tf", "anna\tf\tx\nivan\tm\n",
])
def test_pairs_are_the_plain_split_pairs(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(data, "read_text", lambda name: text)
    assert data.read_pairs("fixture.tsv") == _plain_pairs(text)


def test_pairs_exact_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "read_text", lambda name: "# header\nanna\tf\nbo\tu\nivan\tm\n")
    pairs = data.read_pairs("fixture.tsv")
    assert pairs == {"anna": "f", "bo": "u", "ivan": "m"}
    assert list(pairs) == ["anna", "bo", "ivan"]  # file order


@pytest.mark.parametrize("text", ["anna\tf\nivan\n", "anna\n", "#h\nivan\n\nanna\tf\n"])
def test_pairs_refuse_a_line_without_a_tab(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(data, "read_text", lambda name: text)
    with pytest.raises(ValueError):
        data.read_pairs("fixture.tsv")


@pytest.mark.parametrize("text", ["", "#h\n", "#h\n\n\n"])
def test_pairs_of_a_file_without_entries(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(data, "read_text", lambda name: text)
    assert data.read_pairs("fixture.tsv") == {}


def test_pairs_keep_a_second_tab_in_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "read_text", lambda name: "anna\tf\tx\nivan\tm\n")
    assert data.read_pairs("fixture.tsv") == {"anna": "f\tx", "ivan": "m"}


def test_first_names_file_has_one_tab_a_line() -> None:
    """``_pairs`` counts tabs and lines only: a line without a tab and another with two
    would pass that count, so the shipped file is checked line by line here."""
    text = read_text("first_names.tsv")
    assert all(line.count("\t") == 1 for line in _plain_lines(text))
    assert data.read_pairs("first_names.tsv") == _plain_pairs(text)


def test_lexicon_lists_as_the_plain_reading() -> None:
    lex = names.lexicon()
    first = _plain_pairs(read_text("first_names.tsv"))
    for word in lex.stop_word:
        first.pop(word, None)
    assert lex.first_names == first
    surnames = _plain_lines(read_text("surnames.txt"))
    assert lex.surname_rank == {s: i + 1 for i, s in enumerate(surnames)}
    assert lex.english == frozenset(_plain_lines(read_text("english_words.txt")))
    assert lex.proper == frozenset(_plain_lines(read_text("english_proper.txt")))
