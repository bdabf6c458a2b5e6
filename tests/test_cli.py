"""The CLI as users run it: `python -m newsx extract …` and the `newsx` console script.

Every test starts a real process; terminals are real pseudo-terminals (pty), so the
choices newsx makes from isatty() (table or JSON Lines, progress bar or not, reading
stdin or asking for a PATH) are tested as a user meets them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p.name for p in (ROOT / "samples").glob("*.txt"))
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "120", "NO_COLOR": "1"}
STORY = (
    "Night buses return to the city centre\n\n"
    "By Ruth Adeyemi\n\n"
    "Night buses will run again on four routes from Friday, the transport authority said.\n\n"
    "“People who work late need a way home,” said councillor Omar Haddad.\n"
)


def newsx(*args: str, stdin: str | None = None, cwd: Path = ROOT,
          script: bool = False) -> subprocess.CompletedProcess[str]:
    """Run newsx with stdout and stderr piped; stdin from ``stdin`` or /dev/null."""
    cmd = [str(Path(sys.executable).parent / "newsx")] if script else [sys.executable, "-m", "newsx"]
    return subprocess.run([*cmd, *args], cwd=cwd, input=stdin if stdin is not None else "",
                          capture_output=True, text=True, encoding="utf-8", env=ENV, timeout=120)


def records(result: subprocess.CompletedProcess[str]) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def run_in_pty(args: list[str], *, stdout_tty: bool = True, stderr_tty: bool = False,
               stdin_tty: bool = True, cwd: Path = ROOT) -> tuple[int, str, str]:
    """Run newsx with some of its standard streams on a pseudo-terminal."""
    master, slave = pty.openpty()
    pipes = {}
    streams = {}
    for name, tty in (("stdin", stdin_tty), ("stdout", stdout_tty), ("stderr", stderr_tty)):
        if tty:
            streams[name] = slave
        elif name == "stdin":
            streams[name] = subprocess.DEVNULL
        else:
            streams[name] = pipes[name] = subprocess.PIPE
    proc = subprocess.Popen([sys.executable, "-m", "newsx", *args], cwd=cwd, env=ENV,
                            stdin=streams["stdin"], stdout=streams["stdout"], stderr=streams["stderr"])
    os.close(slave)
    tty_out = bytearray()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            tty_out += chunk
        elif proc.poll() is not None:
            break
    out, err = proc.communicate(timeout=120)
    os.close(master)
    piped = (out or b"") if "stdout" in pipes else (err or b"")
    return proc.returncode, tty_out.decode("utf-8", "replace"), piped.decode("utf-8", "replace")


# --- paths: files, directories, globs, stdin ------------------------------------------------


def test_a_directory_is_read_recursively_in_name_order() -> None:
    result = newsx("extract", "samples/")
    assert result.returncode == 0
    assert result.stderr == ""
    assert [r["source"] for r in records(result)] == [f"samples/{n}" for n in SAMPLES]


def test_the_console_script_gives_the_same_records() -> None:
    assert newsx("extract", "samples", script=True).stdout == newsx("extract", "samples").stdout


def test_nested_directories_and_default_suffixes(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/b/deep.txt", "a/page.html", "a/notes.md", "top.text", "z.htm"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    for name in ("a/photo.jpg", "a/data.csv", "README"):
        (tmp_path / name).write_text("not an article", encoding="utf-8")
    result = newsx("extract", ".", cwd=tmp_path)
    assert result.returncode == 0
    # Files of a directory first, then its subdirectories, each level in name order.
    assert [r["source"] for r in records(result)] == ["./top.text", "./z.htm", "./a/notes.md",
                                                      "./a/page.html", "./a/b/deep.txt"]


def test_a_symlink_cycle_does_not_repeat_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "link.txt").symlink_to("sub/story.txt")
    result = newsx("extract", ".", cwd=tmp_path)
    assert [r["source"] for r in records(result)] == ["./link.txt", "./sub/story.txt"]


def test_glob_option_chooses_the_files_of_a_directory(tmp_path: Path) -> None:
    (tmp_path / "one.story").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(STORY, encoding="utf-8")
    result = newsx("extract", ".", "--glob", "*.story", cwd=tmp_path)
    assert [r["source"] for r in records(result)] == ["./one.story"]


def test_a_quoted_glob_is_expanded_by_newsx() -> None:
    result = newsx("extract", "samples/*-*.txt")
    assert [r["source"] for r in records(result)] == [f"samples/{n}" for n in SAMPLES]


def test_paths_keep_the_order_given() -> None:
    last, first = SAMPLES[-1], SAMPLES[0]
    result = newsx("extract", f"samples/{last}", f"samples/{first}")
    assert [r["source"] for r in records(result)] == [f"samples/{last}", f"samples/{first}"]


def test_stdin_when_no_path_is_given_and_stdin_is_piped() -> None:
    result = newsx("extract", stdin=STORY)
    assert result.returncode == 0
    (record,) = records(result)
    assert record["source"] == "-"
    assert record["headline"] == "Night buses return to the city centre"


def test_dash_reads_stdin_among_files() -> None:
    result = newsx("extract", f"samples/{SAMPLES[0]}", "-", stdin=STORY)
    assert [r["source"] for r in records(result)] == [f"samples/{SAMPLES[0]}", "-"]


def test_no_path_and_stdin_on_a_terminal_is_a_usage_error() -> None:
    code, tty, err = run_in_pty(["extract"], stdout_tty=False, stderr_tty=True, stdin_tty=True)
    assert code == 2
    assert "give a PATH" in tty
    assert "Traceback" not in tty


# --- formats -----------------------------------------------------------------------------------


def test_piped_output_is_json_lines_with_the_record_fields() -> None:
    result = newsx("extract", "samples/")
    for record in records(result):
        assert list(record) == ["source", "headline", "date", "outlet", "authors", "people", "quotes",
                                "warnings"]


def test_json_format_is_one_array() -> None:
    result = newsx("extract", "samples/", "--format", "json")
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    assert [r["source"] for r in data] == [f"samples/{n}" for n in SAMPLES]
    assert data == records(newsx("extract", "samples/"))


def test_json_format_from_stdin_and_from_a_glob_matching_nothing(tmp_path: Path) -> None:
    result = newsx("extract", "--format", "json", stdin="")
    assert result.returncode == 0
    assert [r["source"] for r in json.loads(result.stdout)] == ["-"]
    result = newsx("extract", str(tmp_path / "*.txt"), "--format", "json")
    assert [set(r) for r in json.loads(result.stdout)] == [{"source", "error"}]


def test_a_directory_without_articles_is_reported(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = newsx("extract", ".", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    (record,) = json.loads(result.stdout)
    assert record["source"] == "."
    assert "no file in this directory matches" in record["error"]
    assert result.stderr.startswith("newsx: .: no file in this directory matches")


@pytest.mark.parametrize(("shape", "first_columns"), [
    ("quotes", ["source", "headline", "date", "outlet", "outlet_abbr", "authors", "speaker"]),
    ("articles", ["source", "headline", "date", "outlet", "outlet_abbr", "authors", "people"]),
    ("people", ["source", "headline", "name", "titles", "aliases", "mentions"]),
])
def test_csv_shapes(shape: str, first_columns: list[str]) -> None:
    result = newsx("extract", "samples/", "--format", "csv", "--csv", shape)
    assert result.returncode == 0
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[: len(first_columns)] == first_columns
    assert header[-1] == "error"
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    jsonl = records(newsx("extract", "samples/"))
    if shape == "articles":
        assert [r["source"] for r in rows] == [r["source"] for r in jsonl]
        assert [int(r["quotes"]) for r in rows] == [len(r["quotes"]) for r in jsonl]
    elif shape == "quotes":
        # One row per quote; an article without quotes still has its one row.
        assert len(rows) == sum(max(1, len(r["quotes"])) for r in jsonl)
    else:
        assert len(rows) == sum(max(1, len(r["people"])) for r in jsonl)


def test_csv_error_rows_keep_the_source_and_error(tmp_path: Path) -> None:
    result = newsx("extract", "missing.txt", "--format", "csv", "--csv", "articles", cwd=tmp_path)
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["source"] == "missing.txt" and row["error"]


def test_table_is_the_default_on_a_terminal() -> None:
    code, tty, _ = run_in_pty(["extract", f"samples/{SAMPLES[0]}"], stdout_tty=True, stderr_tty=False)
    assert code == 0
    assert f"samples/{SAMPLES[0]}" in tty
    assert "headline" in tty
    assert not tty.lstrip().startswith("{")


def test_table_format_when_piped_on_request() -> None:
    result = newsx("extract", "samples/", "--format", "table")
    assert result.returncode == 0
    for name in SAMPLES:
        assert f"samples/{name}" in result.stdout


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = newsx("extract", "samples/", "-o", str(out))
    assert result.returncode == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == newsx("extract", "samples/").stdout


def test_output_file_is_json_lines_even_from_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, tty, _ = run_in_pty(["extract", "samples/", "-o", str(out), "--no-progress"],
                              stdout_tty=True, stderr_tty=False)
    assert code == 0
    assert tty == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(SAMPLES)


# --- progress, streaming, pipes ----------------------------------------------------------------


def test_progress_bar_only_when_stderr_is_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, tty, _ = run_in_pty(["extract", "samples/", "-o", str(out)], stdout_tty=False, stderr_tty=True)
    assert code == 0
    assert "extracting" in tty
    piped = newsx("extract", "samples/", "-o", str(out))
    assert piped.stderr == ""
    # Records shown on the terminal are their own progress: no bar drawn over them.
    code, tty, _ = run_in_pty(["extract", "samples/"], stdout_tty=True, stderr_tty=True)
    assert code == 0
    assert "extracting" not in tty and "samples/vns-peacekeeping.txt" in tty


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for i in range(100):
        for name in SAMPLES:
            shutil.copy(ROOT / "samples" / name, folder / f"{i:03d}-{name}")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_head_ends_quietly(many: Path, jobs: str) -> None:
    """`newsx extract DIR | head -1`: exit 0, nothing on stderr."""
    line = f'set -o pipefail; "$0" -m newsx extract "$1" --jobs {jobs} | head -1'
    result = subprocess.run(["bash", "-c", line, sys.executable, str(many)], capture_output=True, text=True,
                            env=ENV, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout)["source"].endswith(f"000-{SAMPLES[0]}")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_records_stream_out_in_input_order(many: Path, jobs: str) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "newsx", "extract", str(many), "--jobs", jobs],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, text=True)
    assert proc.stdout is not None
    first = json.loads(proc.stdout.readline())
    still_running = proc.poll() is None
    rest = [json.loads(line) for line in proc.stdout]
    proc.wait(timeout=120)
    assert still_running, "the first record came only after the whole batch"
    sources = [first["source"], *(r["source"] for r in rest)]
    assert sources == sorted(str(p) for p in many.iterdir())
    assert proc.returncode == 0


# --- help and exit statuses --------------------------------------------------------------------


def test_help_has_examples_and_exit_statuses() -> None:
    result = newsx("extract", "--help")
    assert result.returncode == 0
    assert "Examples:" in result.stdout
    assert "newsx extract articles/ > out.jsonl" in result.stdout
    assert "Exit status" in result.stdout


def test_version() -> None:
    result = newsx("--version")
    assert result.returncode == 0 and "newsx" in result.stdout


@pytest.mark.parametrize("args", [
    ["extract", "samples/", "--format", "xml"],
    ["extract", "samples/", "--csv", "rows"],
    ["extract", "samples/", "--bogus"],
    ["extract", "samples/", "--jobs", "-3"],
    ["nonsense"],
])
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    result = newsx(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Error" in result.stderr and "Traceback" not in result.stderr


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    result = newsx("extract", "samples/", "-o", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "cannot write" in result.stderr


def test_some_inputs_failed_exits_1() -> None:
    result = newsx("extract", "samples/", "does-not-exist.txt")
    assert result.returncode == 1
    assert records(result)[-1] == {"source": "does-not-exist.txt", "error": "no such file or directory"}
    assert result.stderr == "newsx: does-not-exist.txt: no such file or directory\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_cleanly(many: Path, jobs: str) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "newsx", "extract", *[str(many)] * 20, "--jobs", jobs],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, text=True,
                            start_new_session=True)
    assert proc.stdout is not None
    proc.stdout.readline()  # the batch is under way
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip() == "newsx: interrupted"  # click adds a newline after the ^C echo
