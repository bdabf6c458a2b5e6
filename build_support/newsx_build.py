"""The PEP 517 build backend: setuptools, plus mypyc when ``NEWSX_COMPILE=1``.

``NEWSX_COMPILE=1 pip install .`` compiles the extractors to C extensions with mypyc (a
part of mypy) and gives the same records 1.6-1.8x as fast (docs/performance.md). mypy is
then added to the build requirements, so pip fetches it for the build only; newsx never
imports it. The build needs a C compiler; a compile that cannot run fails the install
rather than installing a half-compiled package.

Only wheels are compiled (``pip install .``, ``pip wheel .``), never an editable install
(``pip install -e .``): there the compiled modules would sit beside the sources and go
on running after the sources were edited.
"""

from __future__ import annotations

import os
import shutil

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - every other hook is setuptools' own

# the mypy whose mypyc compiled and was checked against the five reference corpora
MYPY = "mypy==2.4.0"
COMPILE = "NEWSX_COMPILE"
WHEEL_BUILD = "NEWSX_WHEEL_BUILD"  # read by setup.py: this build makes a wheel
BUILD_DIR = "build"  # setuptools' scratch folder, in the source tree


def compile_requested() -> bool:
    return os.environ.get(COMPILE, "").strip().lower() in ("1", "true", "yes")


def get_requires_for_build_wheel(config_settings: dict | None = None) -> list[str]:
    requires = _setuptools.get_requires_for_build_wheel(config_settings)
    return [*requires, MYPY] if compile_requested() else requires


def build_wheel(wheel_directory: str, config_settings: dict | None = None,
                metadata_directory: str | None = None) -> str:
    # setuptools packs every file it finds under build/lib into the wheel: an extension
    # left there by an earlier compiled build (another set of compiled modules, or any
    # compiled build before a Python one) would be installed and imported.
    shutil.rmtree(BUILD_DIR, ignore_errors=True)
    os.environ[WHEEL_BUILD] = "1"
    try:
        return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
    finally:
        del os.environ[WHEEL_BUILD]


# The modules mypyc compiles: the pipeline's per-article work and the types it makes
# (Span, the records). Left as Python: newsx/extract/quote_list.py (a list subclass, which
# mypyc cannot compile) and the input/output glue, where the time is not spent.
COMPILED = [
    "newsx/document.py",
    "newsx/model.py",
    "newsx/segment.py",
    "newsx/assemble.py",
    "newsx/extract/authors.py",
    "newsx/extract/date.py",
    "newsx/extract/headline.py",
    "newsx/extract/names.py",
    "newsx/extract/outlet.py",
    "newsx/extract/people.py",
    "newsx/extract/quotes.py",
    "newsx/extract/quotes_lexicon.py",
    "newsx/extract/speakers.py",
]


def compiled_extensions() -> list:
    """The extensions setup.py builds: mypyc's, in a wheel build with compiling requested."""
    if not (compile_requested() and os.environ.get(WHEEL_BUILD) == "1"):
        return []
    from mypyc.build import mypycify

    # mypy reads the modules they import (the package, its glue) for their types only
    options = ["--follow-imports=silent", "--ignore-missing-imports"]
    return mypycify([*options, *COMPILED], opt_level="3")
