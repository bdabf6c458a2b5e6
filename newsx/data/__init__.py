"""The package's data files (word lists, registries): see each file's header.

Every file is UTF-8 text: a header of ``#`` comment lines, then one entry per line. A line
is skipped when it is empty or starts with ``#``; no file has a line of spaces only
(tests/test_names.py checks it)."""

from __future__ import annotations

import os


def read_text(name: str) -> str:
    """The text of the data file ``name`` (UTF-8).

    Read through the package's loader, as ``importlib.resources`` would (so it works from a
    wheel, an editable install or a zip), without importing ``importlib.resources``: with
    the ``tempfile``, ``shutil`` and ``zipfile`` modules it pulls in, that import and its
    first use cost every process about 5 ms at start-up.
    """
    text = __loader__.get_data(os.path.join(os.path.dirname(__file__), name)).decode("utf-8")
    if "\r" in text:  # line ends as a text-mode read gives them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_lines(name: str) -> list[str]:
    """The entries of the data file ``name``: its lines that are not empty or ``#`` comments."""
    return lines_of(read_text(name))


def read_pairs(name: str) -> dict[str, str]:
    """A data file of ``key<TAB>value`` lines as a dict (a repeated key keeps its last value).

    One replace and one split cut the whole file at C speed (a split per line takes three
    times as long); the keys are every other part. That needs one tab on every line, as
    ``first_names.tsv`` has (tests/test_names.py checks it); a file with blank or comment
    lines in its body, or with more or fewer tabs than lines, is read line by line.
    """
    text = read_text(name)
    body = text[_header_end(text):].removesuffix("\n")
    lines = body.count("\n") + 1
    if (not body or body.count("\t") != lines or body.startswith("\n") or body.endswith("\n")
            or "\n\n" in body or "\n#" in body):
        return dict(line.split("\t", 1) for line in lines_of(text))
    parts = body.replace("\t", "\n").split("\n")
    return dict(zip(parts[0::2], parts[1::2], strict=True))


def lines_of(text: str) -> list[str]:
    """``text``'s lines that are not empty or ``#`` comments. The data files keep their
    comments in a header: then the rest is cut by one split, with no test per line."""
    start = _header_end(text)
    lines = text[start:].split("\n")
    if lines[-1] == "":
        lines.pop()
    if "" in lines or text.find("\n#", start) != -1:
        return [ln for ln in lines if ln and ln[0] != "#"]
    return lines


def _header_end(text: str) -> int:
    """Where ``text``'s header of ``#`` comment lines ends."""
    start = 0
    while text.startswith("#", start):
        start = text.find("\n", start) + 1
        if start == 0:
            return len(text)
    return start
