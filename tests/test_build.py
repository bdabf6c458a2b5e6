"""The build: pure Python by default, compiled with mypyc for NEWSX_COMPILE=1 wheel builds.

CI runs this suite twice: against the editable install (Python) and against a wheel built
with ``NEWSX_COMPILE=1``, with ``NEWSX_EXPECT_COMPILED=1`` set (see .ci/run).
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsx

# setuptools, asked for build requirements, warns that [tool.setuptools] is "beta"
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

ROOT = Path(__file__).resolve().parent.parent
EXPECT_COMPILED = os.environ.get("NEWSX_EXPECT_COMPILED") == "1"


def test_the_build_is_the_one_expected() -> None:
    quotes = importlib.import_module("newsx.extract.quotes")
    assert newsx.compiled() is EXPECT_COMPILED
    assert quotes.__file__ is not None
    assert quotes.__file__.endswith(".py") is not EXPECT_COMPILED


def test_version_names_the_build() -> None:
    out = subprocess.run([sys.executable, "-c", "from newsx.cli import main; main()", "--version"],
                         capture_output=True, text=True, check=True, cwd=ROOT / "tests").stdout
    build = "compiled with mypyc" if EXPECT_COMPILED else "Python"
    assert out.strip() == f"newsx {newsx.__version__} ({build})"


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(ROOT / "build_support"))
    monkeypatch.chdir(ROOT)  # setuptools reads pyproject.toml and setup.py from there
    monkeypatch.delenv("NEWSX_COMPILE", raising=False)
    return importlib.import_module("newsx_build")


@pytest.mark.parametrize(("value", "compiles"), [("1", True), ("true", True), ("0", False), ("", False)])
def test_mypy_is_a_build_requirement_only_when_compiling(backend, monkeypatch: pytest.MonkeyPatch,
                                                          value: str, compiles: bool) -> None:
    monkeypatch.setenv("NEWSX_COMPILE", value)
    requires = backend.get_requires_for_build_wheel()
    assert (backend.MYPY in requires) is compiles


def test_an_editable_build_is_never_compiled(backend, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSX_COMPILE", "1")
    assert backend.MYPY not in backend.get_requires_for_build_editable()
    # setup.py asks for extensions; only the backend's build_wheel sets WHEEL_BUILD
    monkeypatch.delenv(backend.WHEEL_BUILD, raising=False)
    assert backend.compiled_extensions() == []


def test_the_compiled_modules_exist_and_leave_out_the_list_subclass(backend) -> None:
    assert all((ROOT / path).is_file() for path in backend.COMPILED)
    for compiled in ("newsx/extract/quotes.py", "newsx/document.py", "newsx/model.py"):
        assert compiled in backend.COMPILED
    assert "newsx/extract/quote_list.py" not in backend.COMPILED


def test_a_wheel_build_starts_without_what_an_earlier_build_left(backend, monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    stale = tmp_path / backend.BUILD_DIR / "lib" / "0123abcd__mypyc.cpython-311-x86_64-linux-gnu.so"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an extension of an earlier build")
    monkeypatch.chdir(tmp_path)
    seen: list[bool] = []

    def setuptools_build_wheel(*args: object) -> str:
        seen.append(stale.exists())
        return "newsx-0.1.0-py3-none-any.whl"

    monkeypatch.setattr(backend._setuptools, "build_wheel", setuptools_build_wheel)
    assert backend.build_wheel(str(tmp_path / "dist")) == "newsx-0.1.0-py3-none-any.whl"
    assert seen == [False]
    assert backend.WHEEL_BUILD not in os.environ
