"""Adversarial inputs, at sizes CI can afford: each finishes fast, in linear time, with a
valid record. The full-size versions (10 MB line, 200 MB file, ...) are in bench/run.py."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from importlib import resources

import jsonschema
import pytest

from newsx.batch import process_bytes
from newsx.model import Article
from newsx.read import decode

SCHEMA = json.loads(resources.files("newsx").joinpath("schema", "record.json").read_text(encoding="utf-8"))

ARTICLE = (
    "Officials approve the “green corridor” plan\n\n"
    "HANOI, Jan 19 (VNA) - “We will finish the bridge before the rainy season,” Minister Nguyen Van An "
    "said on Monday. He added that the ministry would review the costs, according to Dr. Jane Smith. "
)
NAMES = "Anna Brian Carla David Nguyen Tran Smith Lacroix Okafor Patel Hanoi Ministry Police".split()


def one_line(size: int) -> bytes:
    return (ARTICLE.replace("\n", " ") * (size // len(ARTICLE) + 1))[:size].encode()


def quote_marks(size: int) -> bytes:
    return b'"' * size


def he_said(size: int) -> bytes:
    return (b", he said, " * (size // 11 + 1))[:size]


def capitalised(size: int) -> bytes:
    return " ".join(NAMES[(i * 7) % len(NAMES)] for i in range(size // 6)).encode()[:size]


def nested_quotes(size: int) -> bytes:
    marks = ["“", "‘", "«", '"', "'", "”", "’", "»"]
    parts = [marks[(i * 5) % 8] + NAMES[i % len(NAMES)] + " said" for i in range(size // 10)]
    return " ".join(parts).encode()[:size]


def nul_bytes(size: int) -> bytes:
    text = (ARTICLE * (size // len(ARTICLE) + 1)).encode()
    return b"\x00".join(text[i:i + 9] for i in range(0, size, 10))


def invalid_utf8(size: int) -> bytes:
    text = one_line(size // 2)
    return bytes(b for pair in zip(text, b"\xff\xc3\xfe\x80" * (size // 8 + 1), strict=False) for b in pair)


def lone_surrogates_and_controls(size: int) -> bytes:
    return ("\ud800x\u202e\u200b\ufeff“a”\x0b\x0c " * (size // 12)).encode("utf-8", "surrogatepass")[:size]


CASES: dict[str, Callable[[int], bytes]] = {
    "one long line": one_line, "quote marks": quote_marks, "he said": he_said,
    "capitalised words": capitalised, "nested quotes": nested_quotes, "NUL bytes": nul_bytes,
    "invalid UTF-8": invalid_utf8, "surrogates and controls": lone_surrogates_and_controls,
}


def _timed(data: bytes) -> tuple[float, Article]:
    """CPU seconds (not wall time: other work on a shared CI machine must not count)."""
    start = time.process_time()
    rec = process_bytes(data, "worst.txt")
    return time.process_time() - start, rec


def _valid(rec: Article, data: bytes) -> None:
    assert isinstance(rec, Article), rec
    jsonschema.validate(rec.to_dict(), SCHEMA)
    text = decode(data)[0]
    for q in rec.quotes:
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("name", list(CASES))
def test_worst_case_input_finishes_quickly_with_a_valid_record(name: str) -> None:
    data = CASES[name](300_000)
    seconds, rec = _timed(data)
    _valid(rec, data)
    assert seconds < 5, f"{name}: {seconds:.1f} s for 300 KB"


@pytest.mark.parametrize("name", list(CASES))
def test_worst_case_time_grows_linearly(name: str) -> None:
    """4x the input may take about 4x the time; a quadratic pass would take 16x."""
    small, large = CASES[name](50_000), CASES[name](200_000)
    t_small = min(_timed(small)[0] for _ in range(2))
    t_large = min(_timed(large)[0] for _ in range(2))
    assert t_large < max(9 * t_small, 0.5), f"{name}: {t_small:.3f} s -> {t_large:.3f} s"


def test_a_huge_input_is_analysed_up_to_the_limit_after_a_line_end() -> None:
    from newsx.batch import analysed_prefix

    text = "Headline\n" + "a" * 85 + "\n" + "b" * 50
    head, notes = analysed_prefix(text, limit=100)
    assert head == "Headline\n" + "a" * 85 + "\n"
    assert notes == ["input is 145 characters long: only the first 95 were analysed "
                     "(newsx reads at most 100 per article)"]
    assert analysed_prefix(text, limit=145) == (text, [])
    # no line end in the last tenth: a hard cut at the limit
    assert analysed_prefix("Headline\n" + "z" * 100, limit=50)[0] == "Headline\n" + "z" * 41


def test_a_one_line_input_of_any_size_finishes_with_a_valid_record() -> None:
    from newsx.read import MAX_CHARS

    data = one_line(3 * MAX_CHARS)
    seconds, rec = _timed(data)
    _valid(rec, data)
    assert any(w.startswith(f"input is {3 * MAX_CHARS:,} characters long") for w in rec.warnings)
