"""The ``newsx`` command line: parse options, call the API, hand records to a writer."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from typing import TextIO

import click

from newsx import __version__, compiled
from newsx.batch import DEFAULT_GLOBS, STDIN, default_jobs, iter_inputs, run
from newsx.model import Article, Failure, Rendered
from newsx.write import CSV_SHAPES, FORMATS, make_writer

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EXTRACT_HELP = """Extract date, outlet, headline, authors, people and quotes from news articles.

PATH is a file, a directory (read recursively: .txt .text .md .htm .html, or --glob),
a quoted glob that newsx expands ('news/**/*.txt'), or - for standard input (also
read when no PATH is given and stdin is not a terminal).

Output is a readable table on a terminal and JSON Lines when piped or written to a
file; --format chooses. Records stream out in input order. An input that cannot be
read yields {"source", "error"} and the batch goes on.

\b
Examples:
  newsx extract story.txt                  # a table on the terminal
  newsx extract articles/ > out.jsonl      # every article, one JSON object per line
  newsx extract 'news/**/*.txt' --jobs 4 -o out.jsonl
  cat story.txt | newsx extract --format json
  newsx extract articles/ --format csv --csv quotes -o quotes.csv

Exit status: 0 when every input was read, 1 when some failed, 2 on a usage error.
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsx", message="%(prog)s %(version)s ("
                      + ("compiled with mypyc" if compiled() else "Python") + ")")
def cli() -> None:
    """newsx: who said what, when, and where it was published, from news article files."""


def _inputs(paths: tuple[str, ...]) -> tuple[str, ...]:
    if paths:
        return paths
    if not sys.stdin.isatty():
        return (STDIN,)
    raise click.UsageError("give a PATH (file, directory, glob or -), or pipe an article to stdin")


def _with_progress(records: Iterator[Article | Failure | Rendered],
                   enabled: bool) -> Iterator[Article | Failure | Rendered]:
    if not enabled:
        yield from records
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                  BarColumn(), MofNCompleteColumn(), console=console, transient=True) as progress:
        task = progress.add_task("extracting", total=None)
        for rec in records:
            progress.update(task, advance=1, description=f"extracting {os.path.basename(rec.source)}")
            yield rec


def _report_failure(rec: Failure) -> None:
    click.echo(f"newsx: {rec.source}: {rec.error}", err=True)


@cli.command("extract", help=EXTRACT_HELP)
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="Output format [default: table on a terminal, else jsonl].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to FILE instead of standard output.")
@click.option("--csv", "csv_shape", type=click.Choice(CSV_SHAPES), default="quotes", show_default=True,
              help="CSV shape: one row per quote, per article or per person.")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help=f"File names to read in directories (repeatable) [default: {' '.join(DEFAULT_GLOBS)}].")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Worker processes [default: all cores for a batch, 1 for one file]; 0 = all cores.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr [default: on for a batch when stderr is a terminal and "
                   "the output is not].")
def extract_cmd(paths: tuple[str, ...], fmt: str | None, output: str | None, csv_shape: str,
                globs: tuple[str, ...], jobs: int | None, progress: bool | None) -> None:
    sources = _inputs(paths)
    single = len(sources) == 1 and (sources[0] == STDIN or os.path.isfile(sources[0]))
    if jobs is None:
        jobs = 1 if single else default_jobs()
    elif jobs == 0:
        jobs = default_jobs()
    failed = False
    records: Iterator[Article | Failure | Rendered] | None = None
    try:
        with ExitStack() as stack:
            out = stack.enter_context(_open_output(output)) if output else sys.stdout
            fmt = fmt or ("table" if out.isatty() else "jsonl")
            if progress is None:
                # On by default for a batch when stderr is a terminal, unless the records
                # themselves go to the terminal: they show the progress, and a bar would
                # be drawn over them.
                progress = sys.stderr.isatty() and not out.isatty() and not single
            writer = make_writer(fmt, out, csv_shape)
            # Workers render records in the output's format when the writer can say how.
            records = run(iter_inputs(sources, globs or DEFAULT_GLOBS), jobs, getattr(writer, "render", None))
            for rec in _with_progress(records, progress):
                if isinstance(rec, Failure):
                    failed = True
                    _report_failure(rec)
                writer.write(rec)
            writer.close()
    except BrokenPipeError:
        # The reader of our output has gone (`newsx extract … | head -1`): stop quietly.
        _silence_stdout()
    finally:
        if records is not None:
            records.close()
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _open_output(path: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise click.UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


@cli.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the records newsx writes (article and error records)."""
    from importlib import resources

    text = resources.files("newsx").joinpath("schema", "record.json").read_text(encoding="utf-8")
    click.echo(text, nl=not text.endswith("\n"))


def main() -> None:
    """Entry point: runs the CLI with quiet handling of broken pipes and Ctrl-C, then exits
    without tearing the interpreter down (see ``_exit``)."""
    try:
        _run_cli()
        code: int | str | None = EXIT_OK
    except SystemExit as exc:
        code = exc.code
    _exit(code)


def _run_cli() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("newsx: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except KeyboardInterrupt:
        click.echo("newsx: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)
    except OSError as exc:
        click.echo(f"newsx: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_SOME_FAILED)
    except Exception as exc:  # noqa: BLE001 - a bug must not show a user a traceback
        if os.environ.get("NEWSX_DEBUG"):
            raise
        click.echo(f"newsx: internal error: {type(exc).__name__}: {exc} "
                   "(set NEWSX_DEBUG=1 for the traceback)", err=True)
        sys.exit(EXIT_SOME_FAILED)


def _exit(code: int | str | None) -> None:
    """Flush what is written and leave at once with ``code``.

    Everything is closed by now (the output file, the worker pool), so the interpreter's
    teardown would only free, one by one, the objects of the word lists and patterns:
    about 30 ms of every run. A message code (a ``str``) goes the usual way, and so does a
    run under a profiler or a tracer (coverage), which write their results at exit.
    """
    if not (code is None or isinstance(code, int)) or sys.getprofile() or sys.gettrace():
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone, or a stream already closed
            pass
    os._exit(code or EXIT_OK)


def _silence_stdout() -> None:
    """After the reader of our stdout has gone, let the interpreter exit without noise."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    import signal  # here, not at start-up: its enums cost 0.6 ms to build

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
