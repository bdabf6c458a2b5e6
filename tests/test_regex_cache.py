"""The on-disk cache of compiled patterns (newsx._regex_cache): the same patterns, or none."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsx import _regex_cache as cache

pytestmark = pytest.mark.skipif(not hasattr(re, "_compiler"), reason="no cache before Python 3.11")

_PATTERNS = [  # sets beyond Latin-1, named groups, flags: what the extractors use
    (r"(?P<name>[A-ZÀ-Ỹ][\w'’-]{0,25})(?:\s[A-ZÀ-Ỹ][\w'’-]{0,25}){0,3}, test-only", 0),
    (r"(?i)^\s{0,4}by:?\s{1,3}[A-ZÀ-Ỹ][\w'’.-]{0,25} test-only", 0),
    (r"[.!?…][\"'”’)]*$ test-only", re.MULTILINE),
]
_TEXTS = ["Đặng Văn Lâm, test-only", "by: Émile test-only", "BY ÉMILE test-only", "end.” test-only",
          "nothing here"]


@pytest.fixture
def tmp_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache directory of its own; ``re``'s cache and the loaded keys restored after."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("NEWSX_NO_CACHE", raising=False)
    saved, loaded, before = dict(re._cache), set(cache._loaded), set(cache._before)
    cache._loaded.clear()
    cache._before.clear()
    yield tmp_path
    re._cache.clear()
    re._cache.update(saved)
    for kept, now in ((loaded, cache._loaded), (before, cache._before)):
        now.clear()
        now.update(kept)


def _keys() -> list[tuple]:
    return [(str, p, int(f)) for p, f in _PATTERNS]


def _forget_test_patterns() -> None:
    for key in _keys():
        re._cache.pop(key, None)
    cache._loaded.clear()


def _save_test_patterns() -> list[re.Pattern]:
    compiled = [re.compile(p, f) for p, f in _PATTERNS]
    cache.save()
    return compiled


def test_saved_patterns_load_back_equal(tmp_cache: Path) -> None:
    originals = _save_test_patterns()
    assert Path(cache.cache_path()).is_file()
    assert Path(cache.cache_path()).parent == tmp_cache / "newsx"  # XDG_CACHE_HOME respected
    assert not [p for p in (tmp_cache / "newsx").iterdir() if p.name.endswith(".tmp")]
    _forget_test_patterns()
    cache.load()
    for key, original in zip(_keys(), originals, strict=True):
        assert key in cache._loaded
        loaded = re._cache[key]
        assert loaded is not original
        assert loaded == original == re._compiler.compile(key[1], key[2])
        assert loaded.groupindex == original.groupindex and loaded.groups == original.groups
        assert re.compile(key[1], key[2]) is loaded  # re.compile now finds it
        for text in _TEXTS:
            a, b = loaded.search(text), original.search(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_nothing_written_or_read_with_newsx_no_cache(tmp_cache: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _save_test_patterns()
    _forget_test_patterns()
    monkeypatch.setenv("NEWSX_NO_CACHE", "1")
    cache.load()
    assert not cache._loaded and _keys()[0] not in re._cache
    os.unlink(cache.cache_path())
    _save_test_patterns()
    assert not Path(cache.cache_path()).exists()


def _rewrite(path: str, stamp: str | None = None, payload: bytes | None = None,
             crc: int | None = None) -> None:
    old_stamp, old_crc, old_payload = marshal.loads(Path(path).read_bytes())
    payload = old_payload if payload is None else payload
    crc = zlib.crc32(payload) if crc is None else crc
    Path(path).write_bytes(marshal.dumps((old_stamp if stamp is None else stamp, crc, payload)))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "crc", "stamp", "bad code", "empty"])
def test_a_damaged_or_foreign_file_is_ignored_then_rewritten(tmp_cache: Path, damage: str) -> None:
    _save_test_patterns()
    path = cache.cache_path()
    blob = Path(path).read_bytes()
    if damage == "garbage":
        Path(path).write_bytes(b"\x00not a cache\xff" * 10)
    elif damage == "truncated":
        Path(path).write_bytes(blob[: len(blob) // 2])
    elif damage == "empty":
        Path(path).write_bytes(b"")
    elif damage == "crc":  # an entry changed after the checksum was taken
        _stamp, crc, payload = marshal.loads(blob)
        _rewrite(path, payload=payload.replace(b"test-only", b"TEST-ONLY"), crc=crc)
    elif damage == "stamp":  # another Python build or other newsx sources
        _rewrite(path, stamp="another build")
    else:  # code that _sre's validator refuses, with a valid checksum
        entries = marshal.loads(marshal.loads(blob)[2])
        pattern, flags, args = entries[0]
        bad = [(pattern, flags, (args[0], [17, 4, 99999], *args[2:]))]
        _rewrite(path, payload=marshal.dumps(bad))
    _forget_test_patterns()
    cache.load()  # no exception
    assert not cache._loaded and _keys()[0] not in re._cache
    _save_test_patterns()  # written again, whole
    _forget_test_patterns()
    cache.load()
    assert set(_keys()) <= cache._loaded


def test_an_unwritable_directory_is_skipped(tmp_path: Path, tmp_cache: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # newsx/ cannot be made under a file
    _save_test_patterns()  # no exception
    assert not cache._loaded


def test_a_failed_rename_leaves_no_temporary_file(tmp_cache: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(os, "replace", refuse)
    _save_test_patterns()
    assert list((tmp_cache / "newsx").iterdir()) == []
    assert not cache._loaded


def test_cli_output_same_with_and_without_the_cache(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parent.parent / "samples" / "vns-peacekeeping.txt"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("NEWSX_NO_CACHE", None)

    def run(extra: dict[str, str]) -> str:
        cmd = [sys.executable, "-m", "newsx", "extract", str(sample), "--format", "jsonl"]
        return subprocess.run(cmd, env={**env, **extra}, capture_output=True, text=True,
                              check=True, cwd=sample.parent.parent).stdout

    plain = run({"NEWSX_NO_CACHE": "1"})
    assert not (tmp_path / "newsx").exists()
    assert run({}) == plain  # writes the cache
    assert [p.suffix for p in (tmp_path / "newsx").iterdir()] == [".marshal"]
    assert run({}) == plain  # reads it
    probe = "import newsx, newsx._regex_cache as c; print(len(c._loaded) > 50)"
    loaded = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parent.parent).stdout
    assert loaded.strip() == "True"


def _file_keys() -> set[tuple]:
    return {(type(p), p, f) for p, f, _args in cache._read_entries() or ()}


def test_a_new_pattern_is_added_to_the_file(tmp_cache: Path) -> None:
    _save_test_patterns()
    _forget_test_patterns()
    cache.load()
    extra = r"(?P<word>[“‘][\w’]{1,9}[”’]) added-test-only"
    re.compile(extra)
    cache.save()
    assert _file_keys() >= set(_keys()) | {(str, extra, 0)}


def test_the_file_starts_over_past_its_size(tmp_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _save_test_patterns()
    _forget_test_patterns()
    cache.load()
    monkeypatch.setattr(cache, "_MAX_ENTRIES", len(cache._loaded))
    extra = r"[…‹›] start-over-test-only"
    re.compile(extra)
    cache.save()
    assert (str, extra, 0) in _file_keys()
    assert not set(_keys()) & _file_keys()  # the loaded entries were dropped


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert Path(cache.cache_path()).parent == tmp_path / ".cache" / "newsx"


def test_no_home_directory_means_no_cache(tmp_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # "~" stays "~"
    assert cache.cache_path() is None and not cache.enabled()
    _save_test_patterns()  # nothing written (not even under ./~), no exception
    assert not Path("~").exists()
    cache.load()
    assert not cache._loaded


def test_patterns_compiled_before_newsx_are_not_kept(tmp_cache: Path) -> None:
    """Another program's patterns, compiled before newsx was imported, are its own."""
    theirs = r"[«»] compiled-before-newsx test-only"
    re.compile(theirs)
    cache._before.update(re._cache)  # as load() records them at import
    _save_test_patterns()
    assert set(_keys()) <= _file_keys() and (str, theirs, 0) not in _file_keys()


def test_the_import_alone_writes_and_reads_the_cache(tmp_path: Path) -> None:
    """A library user who never warms up still gets the module-level patterns cached."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("NEWSX_NO_CACHE", None)
    probe = "import newsx, newsx._regex_cache as c; print(len(c._loaded))"
    root = Path(__file__).resolve().parent.parent

    def loaded() -> int:
        return int(subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                                  text=True, check=True, cwd=root).stdout)

    assert loaded() > 50  # the first import wrote what it compiled (and counts it as known)
    assert loaded() > 50  # the second one read it
    assert len(list((tmp_path / "newsx").iterdir())) == 1
