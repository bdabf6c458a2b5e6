"""One streaming writer per output format: jsonl, json, csv, table.

Every writer takes records one at a time (``Article`` or ``Failure``) and writes them
at once, so output streams however many inputs there are.

CSV shapes (``--csv``):
- ``quotes`` (default): one row per quote, with the article's columns repeated; an
  article without quotes still gets one row with empty quote columns, so no article is
  lost.
- ``articles``: one row per article; authors joined with ``; ``, people and quotes as
  counts.
- ``people``: one row per person, with the article's source and headline; an article
  without people gets one row with empty person columns.
Error records get a row with ``error`` filled and the other columns empty.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any, Protocol, TextIO

from newsx.model import Article, Failure, Rendered

Record = Article | Failure | Rendered
FORMATS = ("jsonl", "json", "csv", "table")
CSV_SHAPES = ("quotes", "articles", "people")

_ARTICLE_COLS = ["source", "headline", "date", "outlet", "outlet_abbr", "authors"]
_CSV_COLUMNS: dict[str, list[str]] = {
    "articles": _ARTICLE_COLS + ["people", "quotes", "warnings", "error"],
    "people": ["source", "headline", "name", "titles", "aliases", "mentions", "error"],
    "quotes": _ARTICLE_COLS + ["speaker", "speaker_text", "cue", "kind", "start", "end", "text", "error"],
}


class Writer(Protocol):
    def write(self, record: Record) -> None: ...

    def close(self) -> None: ...


def dumps(record: Article | Failure, indent: int | None = None) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=indent)


def jsonl_text(record: Article | Failure) -> str:
    """One record as a JSON Lines line (the ``render`` of ``JsonlWriter``)."""
    return dumps(record) + "\n"


def json_text(record: Article | Failure) -> str:
    """One record as an element of the indented JSON array (the ``render`` of ``JsonWriter``)."""
    return dumps(record, indent=2).replace("\n", "\n  ")


def _text(record: Record, render: Callable[[Article | Failure], str]) -> str:
    return record.text if isinstance(record, Rendered) else render(record)


class JsonlWriter:
    """One JSON object per line.

    ``render`` turns a record into its text; a batch run hands it to the worker
    processes, which then send ``Rendered`` text instead of records (see ``batch.run``).
    """

    render = staticmethod(jsonl_text)

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, record: Record) -> None:
        self.out.write(_text(record, jsonl_text))
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class JsonWriter:
    """A JSON array of records, written as they come."""

    render = staticmethod(json_text)

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def write(self, record: Record) -> None:
        body = _text(record, json_text)
        self.out.write(("[\n  " if self.count == 0 else ",\n  ") + body)
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def _article_cells(rec: Article) -> dict[str, Any]:
    return {
        "source": rec.source,
        "headline": rec.headline or "",
        "date": rec.date or "",
        "outlet": rec.outlet.name if rec.outlet else "",
        "outlet_abbr": (rec.outlet.abbr or "") if rec.outlet else "",
        "authors": "; ".join(rec.authors),
    }


class CsvWriter:
    def __init__(self, out: TextIO, shape: str = "quotes") -> None:
        if shape not in CSV_SHAPES:
            raise ValueError(f"unknown CSV shape {shape!r}")
        self.out = out
        self.shape = shape
        self.csv = csv.DictWriter(out, fieldnames=_CSV_COLUMNS[shape], lineterminator="\n")
        self.csv.writeheader()

    def rows(self, rec: Record) -> list[dict[str, Any]]:
        if isinstance(rec, Failure):
            return [{"source": rec.source, "error": rec.error}]
        base = _article_cells(rec)
        if self.shape == "articles":
            return [{**base, "people": len(rec.people), "quotes": len(rec.quotes),
                     "warnings": "; ".join(rec.warnings)}]
        if self.shape == "people":
            head = {"source": rec.source, "headline": rec.headline or ""}
            if not rec.people:
                return [head]
            return [{**head, "name": p.name, "titles": "; ".join(p.titles), "aliases": "; ".join(p.aliases),
                     "mentions": p.mentions} for p in rec.people]
        if not rec.quotes:
            return [base]
        return [{**base, "speaker": q.speaker or "", "speaker_text": q.speaker_text or "",
                 "cue": q.cue or "", "kind": q.kind, "start": q.start, "end": q.end, "text": q.text}
                for q in rec.quotes]

    def write(self, record: Record) -> None:
        self.csv.writerows(self.rows(record))
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class TableWriter:
    """A readable view with rich: one panel per article, its people and quotes as tables."""

    def __init__(self, out: TextIO, width: int | None = None) -> None:
        from rich.console import Console

        self.console = Console(file=out, width=width, soft_wrap=False)

    def write(self, record: Record) -> None:
        from rich import box
        from rich.table import Table

        if isinstance(record, Failure):
            self.console.rule(_plain(record.source), align="left", style="red")
            self.console.print(_plain(f"error: {record.error}"), style="bold red")
            self.console.print()
            return
        self.console.rule(_plain(record.source), align="left", style="cyan")
        head = Table.grid(padding=(0, 2))
        head.add_column("field", style="bold cyan", no_wrap=True)
        head.add_column("value")
        outlet = ""
        if record.outlet:
            outlet = record.outlet.name + (f" ({record.outlet.abbr})" if record.outlet.abbr else "")
        for name, value in (("headline", record.headline), ("date", record.date), ("outlet", outlet),
                            ("authors", ", ".join(record.authors)),
                            ("warnings", "; ".join(record.warnings))):
            if value:
                head.add_row(name, _plain(value))
        self.console.print(head)
        if record.people:
            people = Table("person", "titles", "aliases", "mentions", box=box.SIMPLE_HEAD, show_edge=False,
                           title="people", title_justify="left", title_style="bold")
            for p in record.people:
                people.add_row(_plain(p.name), _plain("; ".join(p.titles)), _plain(", ".join(p.aliases)),
                               str(p.mentions))
            self.console.print(people)
        if record.quotes:
            quotes = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, title="quotes",
                           title_justify="left", title_style="bold")
            quotes.add_column("speaker", ratio=2, min_width=16, max_width=32)
            quotes.add_column("cue", no_wrap=True, max_width=20)
            quotes.add_column("kind", no_wrap=True)
            quotes.add_column("text", ratio=5)
            for q in record.quotes:
                who = q.speaker or "?"
                # The words as written when they do not show the name (`He`, `the minister`).
                if q.speaker_text and not set(q.speaker_text.split()) & set(who.split()):
                    who += f" ({q.speaker_text})"
                quotes.add_row(_plain(who), _plain(q.cue or ""), q.kind, _plain(_short(q.text)))
            self.console.print(quotes)
        self.console.print()

    def close(self) -> None:
        self.console.file.flush()


def _plain(value: str) -> Any:
    from rich.text import Text

    return Text(value)


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def make_writer(fmt: str, out: TextIO, csv_shape: str = "quotes") -> Writer:
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "json":
        return JsonWriter(out)
    if fmt == "csv":
        return CsvWriter(out, csv_shape)
    if fmt == "table":
        return TableWriter(out)
    raise ValueError(f"unknown format {fmt!r}")
