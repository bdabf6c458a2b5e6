"""The compiled regular expressions of a run, kept on disk for the next run.

Every process compiles about 130 patterns at import and warm-up; ``re`` does it in pure
Python, and sets holding characters beyond Latin-1 (``[A-ZÀ-Ỹ]``, ``’``, ``…``) are slow to
build: about 35 ms of CPU, a third of the start-up. A compiled pattern depends only on its
text, its flags and the Python build, so after the import and after the warm-up the new
patterns are written to ``$XDG_CACHE_HOME/newsx/`` (``~/.cache/newsx/``), and the next
process puts them straight into ``re``'s own cache, where ``re.compile`` finds them: about
1 ms instead of 35. (The first run pays about 35 ms more, to write the file.)

Why this cannot change a result:

- an entry is written only after the pattern rebuilt from it compared equal to the one
  ``re.compile`` built in this process (``==`` compares the text, the flags and the whole
  compiled code; the group names are compared too);
- an entry is keyed by the pattern's text and flags, and the file is tied to the Python
  build (``sys.version``, ``_sre.MAGIC``, the size and time of ``re``'s compiler files):
  an edited pattern is a new key, compiled as usual and then added; a file from another
  build, a file that does not read back whole (a CRC-32 of its entries) and one that
  ``_sre`` refuses (it checks the code it is given) are ignored and rewritten;
- it is written to a temporary file and renamed, so a reader never sees half a file; when
  the directory cannot be written the run goes on without it;
- ``NEWSX_NO_CACHE=1`` turns it off. It uses CPython's private ``re`` internals
  (``re._cache``, ``re._parser``, ``re._compiler``, ``_sre.compile``): where they are
  missing (Python 3.10) or behave differently, the run compiles as usual.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # Python 3.10: the internals have other names; no cache
    _sre = None

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_Key = tuple[type, "str | bytes", int]
_loaded: set[_Key] = set()  # the keys the file held (or was written with) in this process
_before: set[_Key] = set()  # the keys in re's cache before newsx was imported
# Entries are pure functions of their key, so an edited pattern only adds one; the file
# starts over when it would pass this size (a run compiles about 130).
_MAX_ENTRIES = 400


def enabled() -> bool:
    return _sre is not None and not os.environ.get("NEWSX_NO_CACHE") and cache_path() is not None


def cache_path() -> str | None:
    """The cache file: one per Python build and newsx installation (worktree); None when
    there is no absolute cache directory (no home directory)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG rules say to ignore)
        base = os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(base):
            return None
    tag = f"{sys.implementation.cache_tag}-{zlib.crc32(_PACKAGE.encode()):08x}"
    return os.path.join(base, "newsx", f"regex-{tag}.marshal")


def _stamp() -> str:
    """What an entry depends on besides its text and flags: the Python build (and its
    ``re`` compiler's files, in case they are patched in place)."""
    stats = [(st.st_size, st.st_mtime_ns) for st in map(os.stat, (_compiler.__file__, _parser.__file__))]
    return repr((sys.version, _sre.MAGIC, sys.maxunicode, stats))


def _read_entries() -> list[tuple] | None:
    """The file's entries, or None when it is missing, damaged or from another build."""
    try:
        with open(cache_path(), "rb") as f:
            stamp, crc, payload = marshal.loads(f.read())
        if stamp != _stamp() or zlib.crc32(payload) != crc:
            return None
        return marshal.loads(payload)
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: compile as usual
        return None


def load() -> None:
    """Put the cached patterns into ``re``'s cache (nothing when there is no valid file)."""
    if not enabled():
        return
    _before.update(re._cache)  # compiled before newsx was imported: not newsx's to keep
    if (entries := _read_entries()) is None:
        return
    try:
        built = {(type(pattern), pattern, flags): _sre.compile(pattern, *args)
                 for pattern, flags, args in entries}
    except Exception:  # noqa: BLE001 - code that _sre refuses: the file is damaged
        return
    re._cache.update(built)
    _loaded.update(built)


def save() -> None:
    """Add the patterns compiled in this process to the file (called at the end of newsx's
    import and after the warm-up, which compiles the rest of the common ones). Nothing to
    do when the file gave them all."""
    if not enabled():
        return
    current = {k: v for k, v in list(re._cache.items()) if k not in _before
               and isinstance(v, re.Pattern) and len(k) == 3 and k[0] in (str, bytes)}
    new = [key for key in current if key not in _loaded]
    if not new:
        return
    entries = {}
    if len(_loaded) + len(new) <= _MAX_ENTRIES:  # else start over: patterns edited away go
        for pattern, flags, args in _read_entries() or ():
            if (key := (type(pattern), pattern, flags)) in _loaded:  # entries known good
                entries[key] = (pattern, flags, args)
    try:
        for key in new:
            if (entry := _entry(key, current[key])) is not None:
                entries[key] = entry
        payload = marshal.dumps(list(entries.values()))
        blob = marshal.dumps((_stamp(), zlib.crc32(payload), payload))
    except Exception:  # noqa: BLE001 - re's internals are not what this module expects
        return
    if _write(cache_path(), blob):
        _loaded.update(new)


def _entry(key: _Key, compiled: re.Pattern) -> tuple | None:
    """``(pattern, flags, the rest of _sre.compile's arguments)`` as ``re._compiler.compile``
    makes them, or None when the pattern rebuilt from them differs from ``compiled``."""
    _kind, pattern, flags = key
    tree = _parser.parse(pattern, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    args = (int(flags | tree.state.flags), [int(c) for c in _compiler._code(tree, flags)],
            tree.state.groups - 1, groupindex, tuple(indexgroup))
    rebuilt = _sre.compile(pattern, *args)
    if rebuilt != compiled or rebuilt.groupindex != compiled.groupindex \
            or rebuilt.groups != compiled.groups:
        return None
    return (pattern, flags, args)


def _write(path: str, blob: bytes) -> bool:
    """Write ``blob`` to ``path`` atomically; False when the directory cannot be written."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(blob)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True
