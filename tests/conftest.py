"""Shared fixtures: paths to the repository's samples and to ../shared when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The tests do not write newsx's cache of compiled patterns into the user's home
# (tests/test_regex_cache.py turns it on, in a directory of its own).
os.environ.setdefault("NEWSX_NO_CACHE", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (a user's clone)")
    return SHARED
