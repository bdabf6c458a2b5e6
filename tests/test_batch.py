"""Batches: order, streaming, bounded memory, error records, dying workers, Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsx
import newsx.batch as batch
from newsx.batch import Missing, iter_inputs, run, walk
from newsx.model import Article, Failure


def _article(i: int) -> str:
    body = " ".join(f"Officials in district {i} said the new road would open soon." for _ in range(1 + i % 7))
    return f"Road number {i} opens\n\n{body}\n"


def _folder(root: Path, count: int) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = root / f"a{i:05d}.txt"
        path.write_text(_article(i), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_walk_is_sorted_files_first_hidden_dirs_skipped_patterns_case_insensitive(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/z.txt", "b/a.TXT", ".hidden/x.txt", "c.md", "a.txt", "photo.png"):
        (tmp_path / name).write_text("x")
    got = [os.path.relpath(p, tmp_path) for p in walk(str(tmp_path), ("*.txt", "*.md"))]
    assert got == ["a.txt", "c.md", os.path.join("b", "a.TXT"), os.path.join("b", "z.txt")]


def test_iter_inputs_reports_missing_paths_and_empty_globs_in_place(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("x")
    got = list(iter_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.txt"), str(tmp_path / "*.md")]))
    assert got == [Missing(str(tmp_path / "nope.txt"), "no such file or directory"),
                   str(tmp_path / "one.txt"),
                   Missing(str(tmp_path / "*.md"), "no file matches this pattern")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_records_come_in_input_order_with_errors_in_place(tmp_path: Path, jobs: int) -> None:
    paths = _folder(tmp_path / "in", 70)
    (tmp_path / "in" / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    paths.insert(5, str(tmp_path / "in" / "img.txt"))
    paths.insert(40, str(tmp_path / "in" / "missing.txt"))
    items: list[str | Missing] = [*paths, Missing("gone/*.txt", "no file matches this pattern")]
    records = list(run(items, jobs=jobs))
    assert [r.source for r in records] == [*paths, "gone/*.txt"]
    failures = {r.source: r.error for r in records if isinstance(r, Failure)}
    assert failures == {
        paths[5]: "binary file (PNG image), not text",
        paths[40]: "no such file",
        "gone/*.txt": "no file matches this pattern",
    }
    assert records[0].headline == "Road number 0 opens"
    assert records[-2].headline == "Road number 69 opens"


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_workers_render_the_same_text_as_one_process(tmp_path: Path, fmt: str) -> None:
    """With a pool, workers send each article as text in the output format: byte-identical
    to a single-process run, error records still reported on stderr and in place."""
    _folder(tmp_path / "in", 40)
    (tmp_path / "in" / "a00007.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    outs = {}
    for jobs in ("1", "2"):
        proc = subprocess.run(_cli("extract", str(tmp_path / "in"), "--jobs", jobs, "--format", fmt),
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1
        assert proc.stderr.count("binary file (PNG image), not text") == 1
        outs[jobs] = proc.stdout
    assert outs["1"] == outs["2"]
    assert '"error": "binary file (PNG image), not text"' in outs["2"]
    assert outs["2"].count('"headline": "Road number') == 39


def test_run_with_render_yields_rendered_articles_and_failures(tmp_path: Path) -> None:
    from newsx.model import Rendered
    from newsx.write import jsonl_text

    paths = _folder(tmp_path / "in", 20)
    items: list[str | Missing] = [*paths, Missing("gone.txt", "no such file or directory")]
    records = list(run(items, jobs=2, render=jsonl_text))
    assert all(isinstance(r, Rendered) for r in records[:-1])
    assert records[-1] == Failure("gone.txt", "no such file or directory")
    alone = [jsonl_text(r) for r in run(paths, jobs=1)]
    assert [r.text for r in records[:-1]] == alone


@pytest.mark.parametrize(("jobs", "most"), [(1, 1), (2, 4 * 2 * batch._CHUNK + 2 * 2 * batch._CHUNK)])
def test_first_record_streams_before_the_input_is_consumed(tmp_path: Path, jobs: int, most: int) -> None:
    paths = _folder(tmp_path, 20)
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        while True:
            consumed += 1
            yield paths[consumed % len(paths)]

    records = run(endless(), jobs=jobs)
    first = next(records)
    assert isinstance(first, Article)
    assert consumed <= most  # a bounded window, never the whole input
    records.close()


def test_a_worker_that_dies_costs_only_its_own_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _folder(tmp_path, 40)
    doomed = paths[17]
    real = batch.process_path

    def fragile(source: str) -> Article | Failure:
        if source == doomed:
            os._exit(3)  # as the kernel's out-of-memory killer would end it
        return real(source)

    monkeypatch.setattr(batch, "process_path", fragile)
    monkeypatch.setattr(batch, "warm_up", lambda: None)
    records = list(run(paths, jobs=2))
    assert [r.source for r in records] == paths
    assert [r.source for r in records if isinstance(r, Failure)] == [doomed]
    assert "worker process died" in records[17].error


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsx", *args]


def test_ctrl_c_stops_a_parallel_batch_quietly(tmp_path: Path) -> None:
    _folder(tmp_path / "in", 4000)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(_cli("extract", str(tmp_path / "in"), "--jobs", "2", "-o", str(out)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 30
    while (not out.exists() or out.stat().st_size < 2000) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends to the whole foreground group
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert err.decode().strip() == "newsx: interrupted"  # click starts it on a new line
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no worker left behind
    lines = out.read_text(encoding="utf-8").splitlines()
    assert 0 < len(lines) < 4000


def test_closed_pipe_ends_a_parallel_batch_quietly(tmp_path: Path) -> None:
    _folder(tmp_path / "in", 600)
    cmd = " ".join(_cli("extract", str(tmp_path / "in"), "--jobs", "2")) + " | head -1"
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {cmd}"], capture_output=True, timeout=60)
    assert done.stdout.decode().count("\n") == 1
    assert done.stderr.decode() == ""


def test_chunks_are_full_while_input_comes_then_shrink_to_single_inputs() -> None:
    assert [len(c) for c in batch._chunks(range(40), 32, jobs=2)] == [10, 8, 6, 4, 3, 3, 2, 1, 1, 1, 1]
    chunks = list(batch._chunks(range(1000), 32, jobs=2))
    assert [x for c in chunks for x in c] == list(range(1000))  # every input once, in order
    sizes = [len(c) for c in chunks]
    # the end is seen with 104 inputs left: each chunk then takes a quarter of the rest
    assert sizes == [32] * 28 + [26, 20, 15, 11, 8, 6, 5, 4, 3, 2, 1, 1, 1, 1]
    assert list(batch._chunks([], 32, jobs=2)) == []


def test_chunks_read_a_bounded_number_of_inputs_ahead() -> None:
    consumed = 0

    def endless() -> Iterator[int]:
        nonlocal consumed
        while True:
            consumed += 1
            yield consumed

    first = next(batch._chunks(endless(), 32, jobs=2))
    assert first == list(range(1, 33))
    assert consumed == 2 * 2 * 32


def test_an_article_crosses_a_process_boundary_whole(tmp_path: Path) -> None:
    """Records pickle (``--jobs`` sends them from the workers) in both builds: a compiled
    class's ``__new__`` runs its ``__init__``, so every record type pickles by arguments."""
    import pickle

    text = ("Talks resume in Geneva\n\n"
            'GENEVA (Reuters) - "We are ready," Foreign Minister Anna Berg told reporters on Monday.\n\n'
            "Berg said the talks would last a week.\n")
    article = newsx.extract(text, "talks.txt")
    assert article.people and article.quotes and article.outlet and article.people[0].spans
    again = pickle.loads(pickle.dumps(article))
    assert again == article
    assert again.people[0].spans == article.people[0].spans
    assert again.ok and not pickle.loads(pickle.dumps(Failure("x", "gone"))).ok
    from newsx.document import Span
    from newsx.model import Attribution

    said = Attribution(Span(5, 9, "quote"), "direct", Span(1, 4, "cue"), None, True)
    assert pickle.loads(pickle.dumps(said)) == said
