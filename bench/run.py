"""newsx benchmark: throughput, parallel speed-up, memory, worst-case inputs.

    python bench/run.py                        # generated corpus + worst cases
    python bench/run.py --scale                # also 10,000 vs 100,000 files of 3 KB
    python bench/run.py --corpus DIR           # a folder of real articles instead
    python bench/run.py --corpus-jsonl F.jsonl # the "text" of each line, written to a temp folder
    python bench/run.py --profile              # cProfile of newsx.extract over the corpus

Every figure is measured end to end: the ``newsx`` CLI as a user runs it (JSON Lines
out, to a file), timed from process start to exit, with peak memory sampled from
/proc over the whole process tree (parent and workers) and the largest single process.
The library figure is ``newsx.extract`` on texts already in memory. Results are printed
as a table and written to bench/results.json.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
try:  # the newsx installed in this Python (a compiled build is measured as installed) ...
    import newsx as _installed  # noqa: F401
except ImportError:  # ... else the checkout's
    sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402

MB = 1_000_000


# --------------------------------------------------------------------------- memory
def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _tree(pid: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, ()))
    return out


def _kb(path: str, key: bytes) -> int:
    try:
        with open(path, "rb") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class MemorySampler(threading.Thread):
    """Polls a process tree: peak of summed RSS, of summed PSS, and of one process's RSS."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.rss = self.pss = self.one = 0
        self.stop = threading.Event()

    def run(self) -> None:
        tree: list[int] = []
        samples = 0
        while not self.stop.is_set():
            rss = pss = one = 0
            if samples % 5 == 0:
                # listing the tree reads every process's stat file: the costliest part of a
                # sample. Workers start once (or again, when a pool restarts), so the tree is
                # listed every fifth sample (a quarter second): the sampler then takes about
                # 1% of a core, not 3%, from the run it measures.
                tree = _tree(self.pid)
            samples += 1
            for p in tree:
                rss += _kb(f"/proc/{p}/status", b"VmRSS:")
                one = max(one, _kb(f"/proc/{p}/status", b"VmHWM:"))  # the process's own peak
                pss += _kb(f"/proc/{p}/smaps_rollup", b"Pss:")
            self.rss, self.pss, self.one = max(self.rss, rss), max(self.pss, pss), max(self.one, one)
            self.stop.wait(self.every)


@dataclass
class Run:
    wall: float
    returncode: int | None
    rss_mb: float      # peak of the summed RSS of the process tree (shared pages counted per process)
    pss_mb: float      # peak of the summed PSS (shared pages split): the tree's real footprint
    max_rss_mb: float  # the largest single process's peak (VmHWM; not ru_maxrss, which
    #                    counts the benchmark's own memory at fork, before exec)
    stderr: str = ""
    timed_out: bool = False
    cpu: float = 0.0   # user + system seconds of the process and its workers
    load: float = 0.0  # 1-minute load average when the run started (other work on the machine)


# ``python -m`` puts its working directory first on sys.path: run outside the checkout, so
# that the CLI imports the newsx this Python has installed, as the library measures do
CLI_CWD = tempfile.gettempdir()


def run_cli(args: list[str], timeout: float) -> Run:
    """Run ``newsx`` as a user does; time it and sample its memory."""
    cmd = [sys.executable, "-m", "newsx", *args]  # every path in args is absolute
    err = tempfile.TemporaryFile()
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=CLI_CWD, start_new_session=True)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    timed_out = False
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            timed_out = True
            os.killpg(proc.pid, 9)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop.set()
    sampler.join()
    err.seek(0)
    return Run(wall, proc.returncode, sampler.rss / 1024, sampler.pss / 1024,
               sampler.one / 1024,
               err.read().decode("utf-8", "replace")[-2000:], timed_out,
               usage.ru_utime + usage.ru_stime, load)


def idle_share(seconds: float = 1.0) -> float:
    """Share of all CPUs idle over ``seconds`` (from /proc/stat)."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields)

    idle0, total0 = sample()
    time.sleep(seconds)
    idle1, total1 = sample()
    return (idle1 - idle0) / max(1, total1 - total0)


WAIT_IDLE = 0.0  # set by --wait-idle: minutes to wait for an idle machine before each run


def wait_for_idle() -> None:
    """On a shared machine, wait (up to --wait-idle minutes) until the CPUs are >= 90% idle."""
    deadline = time.monotonic() + 60 * WAIT_IDLE
    while time.monotonic() < deadline and idle_share(2.0) < 0.9:
        pass


def best_of(args: list[str], timeout: float, repeat: int) -> Run:
    """The fastest of ``repeat`` runs: other work on a shared machine only ever slows a run down."""
    runs = []
    for _ in range(max(1, repeat)):
        wait_for_idle()
        runs.append(run_cli(args, timeout))
    return min(runs, key=lambda r: r.wall)


# --------------------------------------------------------------------------- corpora
def generate(folder: Path, count: int, seed: int = 2023) -> list[Path]:
    """``count`` articles of 1-20 KB in every style, the same for a given seed."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, target in enumerate(corpus.sizes(rng, count)):
        style, text = corpus.article(rng, target)
        path = folder / f"{i:05d}-{style}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def from_jsonl(jsonl: Path, folder: Path) -> list[Path]:
    """Write the ``text`` of each JSON line to its own file (named by ``id``)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    with jsonl.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            obj = json.loads(line)
            name = Path(str(obj.get("id") or f"{n:05d}.txt")).name
            if not name.endswith(".txt"):
                name += ".txt"
            path = folder / name
            path.write_text(obj["text"], encoding="utf-8", newline="")
            paths.append(path)
    return paths


def files_under(folder: Path) -> list[Path]:
    import newsx.batch

    return [Path(p) for p in newsx.batch.walk(str(folder), newsx.batch.DEFAULT_GLOBS)]


# --------------------------------------------------------------------------- checks
def check_records(out: Path, expected: list[Path] | None = None, limit: int | None = None) -> list[str]:
    """Problems in a JSON Lines output: order, schema, offsets (``text[start:end] == text``)."""
    import jsonschema

    import newsx.read

    schema = json.loads((ROOT / "newsx" / "schema" / "record.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    problems: list[str] = []
    n = 0
    with out.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            if expected is not None and n <= len(expected) and rec["source"] != str(expected[n - 1]):
                problems.append(f"record {n}: source {rec['source']} out of order")
                break
            for error in validator.iter_errors(rec):
                problems.append(f"{rec['source']}: schema: {error.message[:120]}")
                break
            if "error" in rec or (limit is not None and n > limit):
                continue
            text, _ = newsx.read.read_path(rec["source"])
            for q in rec["quotes"]:
                if text[q["start"]:q["end"]] != q["text"]:
                    problems.append(f"{rec['source']}: quote at {q['start']} has a wrong span")
                    break
    if expected is not None and n != len(expected):
        problems.append(f"{n} records for {len(expected)} inputs")
    return problems


# --------------------------------------------------------------------------- sections
@dataclass
class Report:
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, **row: Any) -> None:
        self.rows.append(row)
        _print_row(row)


def _print_row(row: dict[str, Any]) -> None:
    verdict = row.get("pass")
    mark = "" if verdict is None else (" PASS" if verdict else " FAIL")
    bits = [f"{k}={v}" for k, v in row.items() if k not in ("section", "pass", "problems")]
    print(f"  [{row['section']}] " + " ".join(bits) + mark, flush=True)


def library(paths: list[Path], report: Report, label: str, repeat: int, profile: bool = False) -> None:
    """``newsx.extract`` on texts already decoded: the pipeline without I/O or JSON.

    The best of ``repeat`` passes over the same texts, run after ``stages``: the
    extractors' per-process caches already hold the corpus's words and runs (warm; the
    cold pass is the stage table's total)."""
    import newsx
    from newsx.read import read_path

    texts = [(str(p), read_path(p)[0]) for p in paths]
    size = sum(p.stat().st_size for p in paths)
    newsx.batch.warm_up()
    prof = cProfile.Profile() if profile else None
    wall = float("inf")
    for _ in range(1 if profile else max(1, repeat)):
        start = time.perf_counter()
        if prof:
            prof.enable()
        for source, text in texts:
            newsx.extract(text, source)
        if prof:
            prof.disable()
        wall = min(wall, time.perf_counter() - start)
    report.add(section="library", corpus=label, jobs=1, articles=len(texts), mb=round(size / MB, 2),
               seconds=round(wall, 2), articles_s=round(len(texts) / wall, 1),
               mb_s=round(size / MB / wall, 2))
    if prof:
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(25)
        print(s.getvalue())
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("cumulative").print_stats(30)
        print(s.getvalue())


def stages(paths: list[Path], report: Report, label: str) -> None:
    """CPU seconds and MB/s of each pipeline stage (segmenting and every extractor).

    Wraps the functions ``newsx.assemble`` calls, whatever they are, so it follows the
    pipeline as extractors are added. Quote detection and speaker resolution are shown
    apart; ``extract_quotes`` is given without them. One pass, run before any other pass
    in this process: the extractors' caches start empty, as in a new CLI process (the
    warm-up article that loads the lexicons, as the CLI's, is not counted).
    """
    import importlib

    import newsx
    from newsx.read import read_path

    if newsx.compiled():
        # compiled modules call each other directly, not through the attributes wrapped
        # below: the split is measured on the Python build
        print("  [stages] skipped: the compiled build's stages cannot be timed one by one")
        return
    texts = [read_path(p)[0] for p in paths]
    size = sum(len(t.encode("utf-8")) for t in texts)
    newsx.batch.warm_up()
    spent: dict[str, float] = {}
    patched: list[tuple[Any, str, Any]] = []

    def wrap(module: Any, name: str, label: str) -> None:
        fn = getattr(module, name)

        def timed(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start

        patched.append((module, name, fn))
        setattr(module, name, timed)

    assemble = importlib.import_module("newsx.assemble")
    batch = importlib.import_module("newsx.batch")
    quotes = importlib.import_module("newsx.extract.quotes")
    wrap(batch, "segment", "segment")
    for name in dir(assemble):
        if name.startswith("extract_") and callable(getattr(assemble, name)):
            wrap(assemble, name, name.removeprefix("extract_"))
    for name in ("find_attributions", "resolve_speakers"):
        if callable(getattr(quotes, name, None)):
            wrap(quotes, name, name)
    try:
        start = time.process_time()
        for text in texts:
            newsx.extract(text)
        total = time.process_time() - start
    finally:
        for module, name, fn in reversed(patched):
            setattr(module, name, fn)
    if "quotes" in spent:
        spent["quotes"] -= spent.get("find_attributions", 0.0) + spent.get("resolve_speakers", 0.0)
    spent["rest (assemble, glue)"] = total - sum(spent.values())
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        report.add(section="stages", corpus=label, stage=name, cpu_s=round(secs, 2),
                   share=f"{100 * secs / total:.0f}%", mb_s=round(size / MB / secs, 1) if secs > 0 else None)


def precompile() -> None:
    """Byte-compile the package, as ``pip install`` does, so that no timed run compiles it.

    An editable install run with ``PYTHONDONTWRITEBYTECODE`` set (as on some CI machines)
    would otherwise compile every module's source at every start (about 0.05 s a run).
    """
    import compileall

    import newsx

    compileall.compile_dir(os.path.dirname(newsx.__file__), quiet=1)


def cli_throughput(folder: Path, paths: list[Path], jobs: list[int], report: Report, label: str,
                   work: Path, repeat: int) -> dict[int, float]:
    size = sum(p.stat().st_size for p in paths)
    speeds: dict[int, float] = {}
    for j in jobs:
        out = work / f"out-{label}-j{j}.jsonl"
        args = ["extract", str(folder), "--jobs", str(j), "--format", "jsonl", "-o", str(out)]
        run = best_of(args, 3600, repeat)
        problems = check_records(out, paths)
        speeds[j] = size / MB / run.wall
        row = dict(section="cli", corpus=label, jobs=j, articles=len(paths), mb=round(size / MB, 2),
                   seconds=round(run.wall, 2), articles_s=round(len(paths) / run.wall, 1),
                   mb_s=round(speeds[j], 2), peak_rss_mb=round(run.rss_mb, 1),
                   peak_pss_mb=round(run.pss_mb, 1),
                   max_process_rss_mb=round(run.max_rss_mb, 1), cpu_s=round(run.cpu, 2),
                   load=round(run.load, 2), exit=run.returncode, problems=problems[:5])
        if j == 1:
            row["pass"] = speeds[j] >= 2.0 and not problems and run.returncode == 0
        else:
            row["speedup"] = round(speeds[j] / speeds[jobs[0]], 2)
            row["pass"] = row["speedup"] >= 1.7 and not problems and run.returncode == 0
        report.add(**row)
        if problems:
            print("    problems:", *problems[:5], sep="\n      ")
    return speeds


def _repeat_to(path: Path, chunk: bytes, size: int) -> None:
    with path.open("wb") as f:
        written = 0
        while written < size:
            part = chunk[: size - written]
            f.write(part)
            written += len(part)


def worst_cases(work: Path) -> Iterator[tuple[str, Path, float]]:
    """(name, file, time limit in seconds) for each adversarial input, written lazily."""
    rng = random.Random(7)
    arts = [corpus.article(rng, 20000)[1] for _ in range(40)]
    blob = "".join(arts)

    p = work / "one-line-10mb.txt"
    _repeat_to(p, blob.replace("\r\n", " ").replace("\n", " ").encode(), 10 * 2**20)
    yield "10 MB on one line", p, 10
    p = work / "quote-marks-1mb.txt"
    p.write_bytes(b'"' * 2**20)
    yield '1 MB of "', p, 10
    p = work / "he-said-1mb.txt"
    _repeat_to(p, b", he said, " * 10000, 2**20)
    yield "1 MB of ', he said, '", p, 10
    p = work / "capitalised-100k.txt"
    words = [w for w in corpus.FIRST + corpus.LAST + corpus.VN_FAMILY + corpus.VN_GIVEN]
    p.write_text(" ".join(rng.choice(words) for _ in range(100_000)) + "\n", encoding="utf-8")
    yield "100,000 capitalised words", p, 10
    p = work / "nested-quotes.txt"
    opens = "“‘«\"'"
    closes = "”’»\"'"
    parts = [rng.choice(opens) + rng.choice(words) + " said" for _ in range(100_000)]
    parts += [rng.choice(closes) + " he said." for _ in range(30_000)]
    p.write_text("Nested\n\n" + " ".join(parts) + "\n", encoding="utf-8")
    yield "deeply nested, unbalanced quotes", p, 10
    p = work / "nul-bytes.txt"
    text = arts[0] + arts[1]
    p.write_bytes("\x00".join(text[i:i + 9] for i in range(0, len(text), 9)).encode() + b"\x00" * 4096)
    yield "NUL bytes", p, 10
    p = work / "invalid-utf8.txt"
    raw = blob.encode()[: 2**20]
    p.write_bytes(bytes(b for pair in zip(raw, b"\xff\xc3\x80\xfe" * (len(raw) // 4 + 1), strict=False)
                        for b in pair))
    yield "invalid UTF-8 every other byte", p, 10
    p = work / "big-200mb.txt"
    _repeat_to(p, blob.encode(), 200 * 2**20)
    yield "200 MB file", p, 120


def worst(report: Report, work: Path) -> None:
    for name, path, limit in worst_cases(work):
        out = work / (path.stem + ".jsonl")
        run = run_cli(["extract", str(path), "--jobs", "1", "--format", "jsonl", "-o", str(out)], limit * 3)
        problems = [] if run.timed_out else check_records(out, [path])
        if run.timed_out:
            problems = [f"killed after {limit * 3} s"]
        kind = ""
        if out.exists() and out.stat().st_size:
            with out.open(encoding="utf-8") as f:
                rec = json.loads(f.readline())
            kind = "error: " + rec["error"] if "error" in rec else f"article, {len(rec['quotes'])} quotes"
        rss_ok = run.max_rss_mb < 2048
        report.add(section="worst", input=name, mb=round(path.stat().st_size / MB, 2),
                   seconds=round(run.wall, 2), limit_s=limit, max_process_rss_mb=round(run.max_rss_mb, 1),
                   record=kind, exit=run.returncode, problems=problems[:3],
                   **{"pass": run.wall < limit and not problems and rss_ok and run.returncode in (0, 1)})
        out.unlink(missing_ok=True)
        if path.stat().st_size > 50 * MB:
            path.unlink()


def scale(report: Report, work: Path, counts: list[int], jobs: int) -> None:
    """N files of ~3 KB in one folder: memory must not grow with N.

    Every file is a different article (0.2 ms each to write), so that the extractors'
    per-process caches meet new words all along, as on a real stream of news.
    """
    for count in counts:
        rng = random.Random(11)
        folder = work / f"scale-{count}"
        folder.mkdir()
        total = 0
        for i in range(count):
            data = corpus.article(rng, 2900)[1].encode()
            (folder / f"{i:06d}.txt").write_bytes(data)
            total += len(data)
        out = work / f"scale-{count}.jsonl"
        args = ["extract", str(folder), "--jobs", str(jobs), "--format", "jsonl", "-o", str(out)]
        run = run_cli(args, 7200)
        lines = sum(1 for _ in out.open(encoding="utf-8"))
        report.add(section="scale", files=count, jobs=jobs, mb=round(total / MB, 1),
                   seconds=round(run.wall, 1),
                   mb_s=round(total / MB / run.wall, 2), records=lines, peak_rss_mb=round(run.rss_mb, 1),
                   peak_pss_mb=round(run.pss_mb, 1), max_process_rss_mb=round(run.max_rss_mb, 1),
                   **{"pass": lines == count and run.pss_mb < 150 and run.returncode == 0})
        shutil.rmtree(folder)
        out.unlink()


# --------------------------------------------------------------------------- output
def print_tables(report: Report) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 170))
    sections = {}
    for row in report.rows:
        sections.setdefault(row["section"], []).append(row)
    titles = {"library": "newsx.extract (in memory, best pass, warm caches)",
              "stages": "CPU time by pipeline stage (in memory, one cold pass)",
              "cli": "CLI end to end (JSON Lines to a file)",
              "worst": "worst-case inputs (CLI, one file)",
              "scale": "constant memory (CLI over many 3 KB files)"}
    for name, rows in sections.items():
        cols = [k for k in rows[0] if k not in ("section", "problems")]
        for r in rows:
            cols += [k for k in r if k not in cols and k not in ("section", "problems")]
        table = Table(*cols, title=titles.get(name, name), title_justify="left")
        for r in rows:
            cells = []
            for c in cols:
                v = r.get(c, "")
                if c == "pass":
                    v = "[green]yes[/]" if v else "[red]NO[/]"
                cells.append(str(v))
            table.add_row(*cells)
        console.print(table)


def environment() -> dict[str, Any]:
    import newsx

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10)
            return done.stdout.strip()
        except OSError:
            return ""

    extractors = {}
    for path in sorted((ROOT / "newsx" / "extract").glob("*.py")):
        if path.name != "__init__.py":
            extractors[path.stem] = sum(1 for _ in path.open(encoding="utf-8"))
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "commit": git("rev-parse", "--short", "HEAD")
        + (" (dirty)" if git("status", "--porcelain", "newsx") else ""),
        "python": platform.python_version(),
        "build": "compiled with mypyc" if newsx.compiled() else "Python",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
        "extractor_lines": extractors,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="a folder of real articles (instead of the generated corpus)")
    ap.add_argument("--corpus-jsonl", type=Path, help="JSON Lines with a 'text' field per article")
    ap.add_argument("--articles", type=int, default=1500, help="generated articles [1500]")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2,
                    help="N for the --jobs N run [all cores]")
    ap.add_argument("--worst-case", action=argparse.BooleanOptionalAction, default=None,
                    help="run the worst-case section [on for the generated corpus]")
    ap.add_argument("--scale", action="store_true", help="run 10,000 vs 100,000 files of 3 KB (minutes)")
    ap.add_argument("--scale-counts", default="10000,100000")
    ap.add_argument("--repeat", type=int, default=3, help="runs per throughput figure; the best counts [3]")
    ap.add_argument("--wait-idle", type=float, default=0.0, metavar="MINUTES",
                    help="before each timed CLI run, wait up to MINUTES for the CPUs to be idle [0]")
    ap.add_argument("--profile", action="store_true", help="cProfile newsx.extract over the corpus")
    ap.add_argument("--no-throughput", action="store_true", help="skip the library and CLI throughput runs")
    ap.add_argument("-o", "--output", type=Path, default=HERE / "results.json")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)
    global WAIT_IDLE
    WAIT_IDLE = args.wait_idle

    work = Path(tempfile.mkdtemp(prefix="newsx-bench-"))
    report = Report()
    env = environment()
    print(f"newsx benchmark at {env['commit']} on {env['machine']}, Python {env['python']}, "
          f"{env['build']} build; work in {work}")
    precompile()
    try:
        if args.corpus:
            folder, label = args.corpus.resolve(), args.corpus.resolve().name
            paths = files_under(folder)
        elif args.corpus_jsonl:
            folder, label = work / "corpus", f"{args.corpus_jsonl.parent.name}-{args.corpus_jsonl.stem}"
            paths = from_jsonl(args.corpus_jsonl, folder)
            paths = files_under(folder)
        else:
            folder, label = work / "corpus", f"generated-{args.articles}"
            generate(folder, args.articles)
            paths = files_under(folder)
        if not args.no_throughput:
            print(f"corpus {label}: {len(paths)} files, {sum(p.stat().st_size for p in paths) / MB:.1f} MB")
            stages(paths, report, label)  # first: one cold pass, as the CLI makes
            library(paths, report, label, args.repeat, args.profile)
            cli_throughput(folder, paths, [1, args.jobs], report, label, work, args.repeat)
        run_worst = args.worst_case if args.worst_case is not None else not (args.corpus or args.corpus_jsonl)
        if run_worst:
            worst(report, work)
        if args.scale:
            scale(report, work, [int(c) for c in args.scale_counts.split(",")], args.jobs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_tables(report)
    results = {"environment": env, "corpus": label if not args.no_throughput else None, "rows": report.rows}
    previous = json.loads(args.output.read_text(encoding="utf-8")) if args.output.exists() else {}
    key = label if not args.no_throughput else "+".join(
        name for name, on in (("worst", run_worst), ("scale", args.scale)) if on) or "none"
    previous = previous if isinstance(previous, dict) and "runs" in previous else {"runs": {}}
    if env["build"] != "Python":
        key += " (compiled)"  # a compiled build's figures sit beside the Python build's
    previous["runs"][key] = results
    args.output.write_text(json.dumps(previous, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"results written to {args.output} (under runs.{key})")
    return 0 if all(r.get("pass", True) for r in report.rows) else 1


if __name__ == "__main__":
    sys.exit(main())
