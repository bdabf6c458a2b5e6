"""The package's data files (word lists, registries): see each file's header."""

from __future__ import annotations

import os


def read_text(name: str) -> str:
    """The text of the data file ``name`` (UTF-8).

    Read through the package's loader, as ``importlib.resources`` would (so it works from a
    wheel, an editable install or a zip), without importing ``importlib.resources``: with
    the ``tempfile``, ``shutil`` and ``zipfile`` modules it pulls in, that import and its
    first use cost every process about 5 ms at start-up.
    """
    text = __loader__.get_data(os.path.join(os.path.dirname(__file__), name)).decode("utf-8")
    if "\r" in text:  # line ends as a text-mode read gives them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
