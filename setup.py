"""Compiled extensions for ``NEWSX_COMPILE=1`` wheel builds (build_support/newsx_build.py);
everything else about the package is in pyproject.toml."""

import os
import sys

from setuptools import setup

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "build_support"))
from newsx_build import compiled_extensions  # noqa: E402

setup(ext_modules=compiled_extensions())
