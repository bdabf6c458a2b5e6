"""Paths, directories, globs and stdin -> an ordered stream of ``Article | Failure``.

Inputs are discovered lazily (a directory walk never materialises the whole list of
paths) and processed either in this process or in a pool with a bounded window of
chunks in flight, so memory stays flat over any number of files and records come out
in input order.
"""

from __future__ import annotations

import fnmatch
import glob as globlib
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newsx.assemble import assemble
from newsx.document import Document
from newsx.model import Article, Failure
from newsx.read import UnreadableInput, decode, read_path
from newsx.segment import segment

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.text", "*.md", "*.htm", "*.html")
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")
_CHUNK = 16


@dataclass(frozen=True, slots=True)
class Missing:
    """A named input that matched nothing (not a file, directory or glob match)."""

    source: str
    reason: str


def extract_text(text: str, source: str = STDIN, warnings: Sequence[str] = ()) -> Article:
    """Segment and extract one decoded text."""
    doc = segment(Document(text=text, source=source, warnings=list(warnings)))
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


def _matches(name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name.lower(), p.lower()) for p in patterns)


def walk(directory: str, patterns: Sequence[str]) -> Iterator[str]:
    """Files under ``directory`` matching ``patterns``, depth-first, sorted by name, lazily."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return
    subdirs: list[str] = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.name.startswith("."):
                subdirs.append(entry.path)
        elif _matches(entry.name, patterns):
            yield entry.path
    for sub in subdirs:
        yield from walk(sub, patterns)


def iter_inputs(paths: Iterable[str], patterns: Sequence[str] = DEFAULT_GLOBS) -> Iterator[str | Missing]:
    """Expand each PATH in order: ``-``, a file, a directory (recursive) or a glob."""
    for path in paths:
        if path == STDIN:
            yield STDIN
        elif os.path.isdir(path):
            yield from walk(path, patterns)
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


def _run_chunk(items: list) -> list[Article | Failure]:
    return [_run_one(item) for item in items]


def _with_stdin(items: Iterable[str | Missing]) -> Iterator[str | Missing | tuple[str, bytes]]:
    """Replace ``-`` by its bytes, read here (workers cannot read our stdin)."""
    for item in items:
        if item == STDIN:
            yield (STDIN, sys.stdin.buffer.read())
        else:
            yield item


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(items: Iterable[str | Missing], jobs: int = 1) -> Iterator[Article | Failure]:
    """Process inputs in order, in this process (``jobs <= 1``) or in a pool of ``jobs``."""
    stream = _with_stdin(items)
    if jobs <= 1:
        for item in stream:
            yield _run_one(item)
        return
    window = jobs * 4
    pending: deque[Future] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            for chunk in _chunks(stream, _CHUNK):
                pending.append(pool.submit(_run_chunk, chunk))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def extract_many(paths: Iterable[str | os.PathLike], jobs: int = 1,
                 patterns: Sequence[str] = DEFAULT_GLOBS) -> Iterator[Article | Failure]:
    """Records for every input under ``paths``, in input order, one per file."""
    return run(iter_inputs((os.fspath(p) for p in paths), patterns), jobs)


def default_jobs() -> int:
    return os.cpu_count() or 1


__all__ = ["DEFAULT_GLOBS", "Missing", "extract_many", "extract_text", "iter_inputs",
           "process_bytes", "process_path", "run", "walk", "Path"]
