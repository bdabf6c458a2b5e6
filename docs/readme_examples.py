"""Regenerate the output examples in README.md from the samples (real output, never typed).

Each example in README.md sits between ``<!-- example: COMMAND -->`` and
``<!-- /example -->``; this script runs COMMAND (a ``newsx …`` command line, from the
repository root, with ``newsx`` being this checkout's ``python -m newsx``) and writes its
output in between. Run it after the extractors change:

    .venv/bin/python docs/readme_examples.py
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- example: (?P<cmd>.+?) -->\n)(?P<body>.*?)(<!-- /example -->)", re.DOTALL)


def run(command: str) -> str:
    """Output of a README command line (``newsx …``, optionally ``| head -n N`` or ``2>&1``)."""
    head = None
    merge = command.endswith(" 2>&1")
    command = command.removesuffix(" 2>&1")
    if "| head -n " in command:
        command, _, lines = command.partition("| head -n ")
        head = int(lines)
    args = shlex.split(command)
    assert args[0] == "newsx", command
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-m", "newsx", *args[1:]], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT if merge else subprocess.DEVNULL, text=True,
                            encoding="utf-8", env=env, timeout=300)
    out = result.stdout
    if head is not None:
        out = "".join(out.splitlines(keepends=True)[:head])
    # Trailing blanks of rich's padded table cells are dropped; nothing else is changed.
    return "\n".join(line.rstrip() for line in out.rstrip("\n").splitlines())


def main() -> int:
    text = README.read_text(encoding="utf-8")

    def fill(m: re.Match[str]) -> str:
        cmd = m.group("cmd")
        return f"{m.group(1)}```console\n$ {cmd}\n{run(cmd)}\n```\n{m.group(4)}"

    new = BLOCK.sub(fill, text)
    README.write_text(new, encoding="utf-8")
    print(f"{len(BLOCK.findall(text))} examples regenerated in {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
