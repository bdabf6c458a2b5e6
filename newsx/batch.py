"""Paths, directories, globs and stdin -> an ordered stream of ``Article | Failure``.

Inputs are discovered lazily (a directory walk never materialises the whole list of
paths) and processed either in this process or in a pool with a bounded window of
chunks in flight, so memory stays flat over any number of files and records come out
in input order.
"""

from __future__ import annotations

import fnmatch
import gc
import glob as globlib
import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsx import _regex_cache
from newsx.assemble import assemble
from newsx.document import Document
from newsx.model import Article, Failure, Rendered
from newsx.read import MAX_CHARS, UnreadableInput, decode, read_path
from newsx.segment import segment

if TYPE_CHECKING:  # the pool's modules load only when a pool runs (30 ms off every start)
    from concurrent.futures import Future, ProcessPoolExecutor

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.text", "*.md", "*.htm", "*.html")
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")
# Inputs per task sent to a worker (most): a task costs the parent a wake-up and a
# round trip, and on a machine whose cores the workers keep busy the parent must wait
# for one to feed them; 32 instead of 8 made PolNeAR train --jobs 2 about 3% faster.
_CHUNK = 32


Render = Callable[[Article], str]


@dataclass(frozen=True, slots=True)
class Missing:
    """A named input that matched nothing (not a file, directory or glob match)."""

    source: str
    reason: str


def analysed_prefix(text: str, limit: int = MAX_CHARS) -> tuple[str, list[str]]:
    """``text`` itself, or its first ``limit`` characters (cut after a line end) and a warning.

    A prefix keeps every offset valid in the whole decoded input.
    """
    if len(text) <= limit:
        return text, []
    cut = text.rfind("\n", limit - limit // 10, limit) + 1 or limit
    note = (f"input is {len(text):,} characters long: only the first {cut:,} were analysed "
            f"(newsx reads at most {limit:,} per article)")
    return text[:cut], [note]


def extract_text(text: str, source: str = STDIN, warnings: Sequence[str] = ()) -> Article:
    """Segment and extract one decoded text."""
    text, notes = analysed_prefix(text)
    doc = segment(Document(text=text, source=source, warnings=[*warnings, *notes]))
    return assemble(doc)


def process_bytes(data: bytes, source: str) -> Article | Failure:
    """Decode and extract; any failure becomes a ``Failure`` value."""
    try:
        text, warnings = decode(data)
        return extract_text(text, source, warnings)
    except UnreadableInput as exc:
        return Failure(source, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop a batch
        return Failure(source, f"internal error: {type(exc).__name__}: {exc}")


def process_path(source: str) -> Article | Failure:
    """Read, decode and extract one file; never raises."""
    try:
        text, warnings = read_path(source)
        return extract_text(text, source, warnings)
    except UnreadableInput as exc:
        return Failure(source, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop a batch
        return Failure(source, f"internal error: {type(exc).__name__}: {exc}")


@lru_cache(maxsize=32)
def _name_pattern(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled, case-insensitive regex for a set of file-name globs."""
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns), re.IGNORECASE)


def _matches(name: str, patterns: Sequence[str]) -> bool:
    return _name_pattern(tuple(patterns)).match(name) is not None


def walk(directory: str, patterns: Sequence[str]) -> Iterator[str]:
    """Files under ``directory`` matching ``patterns``, sorted by name, lazily.

    Files of a directory come before its subdirectories (hidden ones skipped). Only the
    names of the directory being read are held (a few MB for 100,000 files in one
    folder); the paths of the whole tree never are. Symbolic links to directories are
    not followed (as ``grep -r``), so a link cycle cannot repeat files; links to files
    are read, and a broken one becomes an error record.
    """
    pattern = _name_pattern(tuple(patterns))
    files: list[str] = []
    subdirs: list[str] = []
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)  # like grep -r: no cycles
                except OSError:
                    is_dir = False
                if is_dir:
                    if not entry.name.startswith("."):
                        subdirs.append(entry.name)
                elif pattern.match(entry.name):
                    files.append(entry.name)
    except OSError:
        return
    files.sort()
    subdirs.sort()
    for name in files:
        yield os.path.join(directory, name)
    del files
    for name in subdirs:
        yield from walk(os.path.join(directory, name), patterns)


def iter_inputs(paths: Iterable[str], patterns: Sequence[str] = DEFAULT_GLOBS) -> Iterator[str | Missing]:
    """Expand each PATH in order: ``-``, a file, a directory (recursive) or a glob."""
    for path in paths:
        if path == STDIN:
            yield STDIN
        elif os.path.isdir(path):
            found = False
            for match in walk(path, patterns):
                found = True
                yield match
            if not found:
                yield Missing(path, f"no file in this directory matches {' '.join(patterns)} (see --glob)")
        elif os.path.lexists(path):
            yield path
        elif _GLOB_CHARS & set(path):
            found = False
            for match in sorted(globlib.iglob(path, recursive=True)):
                if os.path.isdir(match):
                    continue
                found = True
                yield match
            if not found:
                yield Missing(path, "no file matches this pattern")
        else:
            yield Missing(path, "no such file or directory")


def _run_one(item: str | Missing | tuple[str, bytes]) -> Article | Failure:
    if isinstance(item, Missing):
        return Failure(item.source, item.reason)
    if isinstance(item, tuple):
        return process_bytes(item[1], item[0])
    return process_path(item)


def _run_chunk(items: list, render: Render | None = None) -> list[Article | Failure | Rendered]:
    records = [_run_one(item) for item in items]
    if render is None:
        return records
    return [Rendered(rec.source, render(rec)) if isinstance(rec, Article) else rec for rec in records]


def _with_stdin(items: Iterable[str | Missing]) -> Iterator[str | Missing | tuple[str, bytes]]:
    """Replace ``-`` by its bytes, read here (workers cannot read our stdin)."""
    for item in items:
        if item == STDIN:
            yield (STDIN, sys.stdin.buffer.read())
        else:
            yield item


def _chunks(items: Iterable, size: int, jobs: int = 1) -> Iterator[list]:
    """``items`` in lists of ``size`` while more are coming; then in shrinking lists.

    Up to ``2 * jobs * size`` items are read ahead. Once the input has ended, each list
    takes ``1 / (2 * jobs)`` of what is left (guided scheduling), so the last tasks are
    short and the workers finish together instead of one waiting on a long last task.
    """
    source = iter(items)
    ahead: deque = deque()
    lookahead = 2 * jobs * size
    ended = False
    while True:
        while not ended and len(ahead) < lookahead:
            try:
                ahead.append(next(source))
            except StopIteration:
                ended = True
        if not ahead:
            return
        take = min(size, -(-len(ahead) // (2 * jobs))) if ended else size
        yield [ahead.popleft() for _ in range(take)]


def run(items: Iterable[str | Missing], jobs: int = 1,
        render: Render | None = None) -> Iterator[Article | Failure | Rendered]:
    """Process inputs in order, in this process (``jobs <= 1``) or in a pool of ``jobs``.

    With ``render`` (a module-level function, so that it pickles) and a pool, the workers
    render each article and yield ``Rendered`` values; in this process it is not needed.
    """
    stream = _with_stdin(items)
    if jobs <= 1:
        _settle()
        for item in stream:
            yield _run_one(item)
        return
    yield from _Pool(jobs, render).run(stream)


_WARM_UP_TEXT = (
    "A short headline for warming up\n\n"
    'HANOI, Jan 19 (VNA) - "Data loads once," Minister Nguyen Van An said on Monday, adding that '
    "the ministry would continue.\n"
)


def warm_up() -> None:
    """Load every extractor's data (lexicons, compiled patterns) by running one tiny article;
    keep the compiled patterns for the next process (``newsx._regex_cache``)."""
    extract_text(_WARM_UP_TEXT, "warm-up")
    _regex_cache.save()


def _settle() -> None:
    """Load the extractors' data, then ``gc.freeze()`` it: the collector no longer walks
    the lexicons at every full collection (1.0% fewer instructions over a batch)."""
    warm_up()
    gc.freeze()


def _init_worker() -> None:
    """In each worker: leave Ctrl-C to the parent (which stops the pool) and load data once.

    ``gc.freeze()`` keeps the collector away from the objects a forked worker inherits
    (the lexicons loaded by the parent), so their pages stay shared instead of being
    copied into every worker.
    """
    import signal  # only workers need it (0.6 ms at start-up)

    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


class _Pool:
    """A process pool with a bounded window of chunks in flight, results in input order.

    At most ``4 * jobs`` chunks of at most ``_CHUNK`` inputs are in flight, and
    ``2 * jobs * _CHUNK`` more inputs are read ahead (``_chunks``), so memory stays flat
    however many inputs come. A finished chunk at the head is yielded at once (records
    stream). When a worker dies (killed, out of memory), the pool is restarted and the
    broken chunk's inputs run one at a time, so only the input that kills a worker on
    its own becomes an error record. When the consumer stops early (Ctrl-C, a closed
    pipe), the workers are terminated at once.
    """

    def __init__(self, jobs: int, render: Render | None = None) -> None:
        self.jobs = jobs
        self.render = render
        self.window = 4 * jobs
        self.pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        if self.pool is None:
            warm_up()  # forked workers inherit the loaded data
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker)
            # The first task forks every worker (the fork context starts them all at once):
            # do it now, before the input is listed, or each worker would inherit the
            # parent's list of a folder's file names (7 MB for 100,000 files) and count it
            # in its memory.
            self.pool.submit(int)
        return self.pool

    def run(self, stream: Iterable) -> Iterator[Article | Failure | Rendered]:
        pending: deque[tuple[list, Future]] = deque()
        done = False
        try:
            self._start()
            for chunk in _chunks(stream, _CHUNK, self.jobs):
                pending.append((chunk, self._start().submit(_run_chunk, chunk, self.render)))
                while pending and (len(pending) >= self.window or pending[0][1].done()):
                    yield from self._head(pending)
            while pending:
                yield from self._head(pending)
            done = True
        finally:
            if done and self.pool is not None:
                self.pool.shutdown(wait=True)
            else:
                self._stop()

    def _head(self, pending: deque[tuple[list, Future]]) -> list[Article | Failure | Rendered]:
        from concurrent.futures.process import BrokenProcessPool

        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            # Every chunk in flight broke with the pool; the culprit may be in any of
            # them. Run this chunk's inputs alone, then resubmit the others: an input
            # is only an error when a worker dies running it alone.
            others = [c for c, _f in pending]
            pending.clear()
            self._stop()
            records = [self._alone(item) for item in chunk]
            pool = self._start()
            pending.extend((c, pool.submit(_run_chunk, c, self.render)) for c in others)
            return records
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
            return [Failure(_source(item), f"internal error: {type(exc).__name__}: {exc}") for item in chunk]

    def _alone(self, item: str | Missing | tuple[str, bytes]) -> Article | Failure | Rendered:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._start().submit(_run_chunk, [item], self.render).result()[0]
        except BrokenProcessPool:
            self._stop()
            return Failure(_source(item), "worker process died while reading this input (out of memory?)")

    def _stop(self, grace: float = 3.0) -> None:
        """Cancel what is queued; let the workers finish the chunk in hand and exit.

        Killing a worker outright while the pool's feeder thread is still writing to it
        makes that write fail (a traceback on stderr, or death by SIGPIPE once the CLI
        has restored the default handler after a closed pipe). So the pool is shut down
        first, which sends each worker its stop signal once its chunk is done; only a
        worker still busy after ``grace`` seconds is terminated.
        """
        pool, self.pool = self.pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + grace
        for proc in processes:
            proc.join(timeout=max(0.0, deadline - time.monotonic()))
        for proc in processes:
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)


def _source(item: str | Missing | tuple[str, bytes]) -> str:
    if isinstance(item, Missing):
        return item.source
    if isinstance(item, tuple):
        return item[0]
    return item


def extract_many(paths: Iterable[str | os.PathLike], jobs: int = 1,
                 patterns: Sequence[str] = DEFAULT_GLOBS) -> Iterator[Article | Failure]:
    """Records for every input under ``paths``, in input order, one per file."""
    return run(iter_inputs((os.fspath(p) for p in paths), patterns), jobs)


def default_jobs() -> int:
    return os.cpu_count() or 1


__all__ = ["DEFAULT_GLOBS", "MAX_CHARS", "Missing", "analysed_prefix", "extract_many", "extract_text",
           "iter_inputs", "process_bytes", "process_path", "Rendered", "run", "walk", "warm_up", "Path"]
