"""Acceptance: a folder of bad input, read by the CLI as a user runs it.

The folder holds, in name order: an empty file, a PNG saved under a .txt name, a cp1252
file with curly quotes, a UTF-16 file with a byte-order mark, a broken symbolic link and
a good article, plus a real ``cover.png``. A directory walk reads files by name
(``.txt .text .md .htm .html`` by default), so ``cover.png`` is skipped, as a user
pointing newsx at a folder of articles expects; a binary file with a text name is read
and reported. Named explicitly, ``cover.png`` is read, and reported (docs/cli.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
       b"\x00\x00IEND\xaeB`\x82")

CP1252_TEXT = (
    "Harbour tolls to rise in spring\n\n"
    "PORTSMOUTH — Fees for private boats will rise by 8% in April, the harbour board said on "
    "Tuesday.\n\n"
    "“We held them for three years and cannot hold them any longer,” said board chair "
    "Alison Trewin.\n"
)
UTF16_TEXT = (
    "Ferry service to resume on Lake Kivu\n\n"
    "GOMA, May 3 — A passenger ferry will sail again between Goma and Bukavu next week after "
    "repairs, its operator said.\n\n"
    "“The engines are new and the crew has trained for a month,” said manager Jean-Luc Mbeki.\n"
)
GOOD_TEXT = (
    "Library opens late on Fridays\n\n"
    "By Sam Okoro\n\n"
    "The town library will stay open until 9 p.m. on Fridays from June, its director said.\n\n"
    "“Students asked for it and we listened,” said director Hana Kobayashi.\n"
)
NAMES = ["1-empty.txt", "2-scan.txt", "3-windows.txt", "4-utf16.txt", "5-moved.txt", "6-good.txt"]


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "1-empty.txt").write_bytes(b"")
    (folder / "2-scan.txt").write_bytes(PNG)
    (folder / "3-windows.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "4-utf16.txt").write_bytes(UTF16_TEXT.encode("utf-16"))  # with a BOM
    (folder / "5-moved.txt").symlink_to(folder / "gone" / "story.txt")
    (folder / "6-good.txt").write_bytes(GOOD_TEXT.encode("utf-8"))
    (folder / "cover.png").write_bytes(PNG)
    return folder


def newsx(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user does, output piped (so JSON Lines)."""
    return subprocess.run([sys.executable, "-m", "newsx", "extract", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_cp1252_fixture_really_is_not_utf8() -> None:
    data = CP1252_TEXT.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert UTF16_TEXT.encode("utf-16")[:2] in (b"\xff\xfe", b"\xfe\xff")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folder_of_bad_input(inbox: Path, jobs: str) -> None:
    result = newsx("inbox", "--jobs", jobs, cwd=inbox.parent)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [os.path.join("inbox", n) for n in NAMES]

    empty, scan, windows, utf16, moved, good = records
    assert [("error" in r) for r in records] == [False, True, False, False, True, False]
    assert set(scan) == {"source", "error"} and "PNG" in scan["error"]
    assert set(moved) == {"source", "error"} and "broken symbolic link" in moved["error"]

    assert any("empty" in w for w in empty["warnings"])
    assert any("cp1252" in w for w in windows["warnings"])
    assert utf16["warnings"] == []
    assert good["warnings"] == []
    assert windows["headline"] == "Harbour tolls to rise in spring"
    assert utf16["headline"] == "Ferry service to resume on Lake Kivu"
    assert good["headline"] == "Library opens late on Fridays"

    # One clear line per failed input, naming it and saying why; nothing else.
    lines = result.stderr.splitlines()
    assert lines == [f"newsx: {scan['source']}: {scan['error']}",
                     f"newsx: {moved['source']}: {moved['error']}"]


def test_decoded_text_keeps_the_curly_quotes_and_offsets(inbox: Path) -> None:
    """Repaired text is decoded right: every quote span indexes the decoded text."""
    from newsx.read import read_path

    for name, original in (("3-windows.txt", CP1252_TEXT), ("4-utf16.txt", UTF16_TEXT)):
        text, _ = read_path(inbox / name)
        assert text == original
        result = newsx(os.path.join("inbox", name), cwd=inbox.parent)
        assert result.returncode == 0, result.stderr
        (record,) = [json.loads(line) for line in result.stdout.splitlines()]
        for quote in record["quotes"]:
            assert text[quote["start"]:quote["end"]] == quote["text"]


def test_a_png_named_explicitly_is_reported(inbox: Path) -> None:
    result = newsx("inbox/cover.png", "inbox/6-good.txt", cwd=inbox.parent)
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0] == {"source": "inbox/cover.png", "error": records[0]["error"]}
    assert "PNG" in records[0]["error"]
    assert "error" not in records[1]
    assert result.stderr.splitlines() == [f"newsx: inbox/cover.png: {records[0]['error']}"]


def test_a_missing_path_is_an_error_record_and_the_batch_goes_on(inbox: Path) -> None:
    result = newsx("inbox/6-good.txt", "inbox/nothing-here.txt", "inbox/1-empty.txt", cwd=inbox.parent)
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == ["inbox/6-good.txt", "inbox/nothing-here.txt",
                                              "inbox/1-empty.txt"]
    assert set(records[1]) == {"source", "error"}
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
