"""Memory of one newsx process over a stream of distinct real articles.

    python bench/cache_memory.py F.jsonl [F.jsonl ...] [--passes 3]

The extractors keep per-process caches (a word's class, a run of capitalised words'
parse, a title walk, ...), each emptied when it passes its cap. This script runs
``newsx`` over every ``text`` (or ``html``) field of the given JSON Lines files, ``--passes``
times over, in one process, and prints the growth of its resident memory after each
pass: it must level off (caches full, nothing else kept), not grow with the input.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from newsx.batch import extract_text, warm_up  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * 4096 / 1e6


def texts(paths: list[Path], limit: int) -> list[str]:
    """Every article's text, cut to ``limit`` characters (HTML pages can be megabytes)."""
    out = []
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                out.append((rec.get("text") or rec.get("html") or "")[:limit])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jsonl", nargs="+", type=Path)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--limit", type=int, default=200_000, help="characters read of each article [200000]")
    args = ap.parse_args(argv)
    warm_up()
    gc.collect()
    docs = texts(args.jsonl, args.limit)
    start = rss_mb()
    chars = sum(map(len, docs)) / 1e6
    print(f"{len(docs)} articles, {chars:.1f} M characters; RSS after start-up {start:.1f} MB")
    for n in range(1, args.passes + 1):
        for text in docs:
            extract_text(text)
        print(f"after pass {n}: {n * len(docs):,} articles, RSS +{rss_mb() - start:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
