"""How long reading the real plans takes in-process (target: under 100 ms for all five).

Run:  python bench/bench_extract.py [CORPUS_DIR] [--repeat N]

Prints the time to read and decode the files, a regex scan of them (the floor any reader
pays), and the full extraction (loaders, resolution, inferred links), best of N runs. The
extraction is timed with every stratgraph cache emptied first (what a first build pays), and
again with the caches left warm from the previous run (a rebuild in the same process).
"""

from __future__ import annotations

import argparse
import functools
import gc
import re
import statistics
import time
from pathlib import Path

from stratgraph.api import discover, extract_documents
from stratgraph.loaders.document import SourceDocument

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def best_of(repeat: int, fn) -> tuple[float, float]:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def clear_caches() -> None:
    """Empty every lru_cache of stratgraph, so a repeat pays what a first read pays."""
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(
                obj, "__module__", "").startswith("stratgraph"):
            obj.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    files = discover([args.corpus])
    size = sum(p.stat().st_size for p in files)
    pattern = re.compile(r"\b(?:strategy|plan|partnership|board)\b", re.IGNORECASE)

    def read() -> None:
        for p in files:
            SourceDocument.from_path(p)

    def scan() -> None:
        for p in files:
            pattern.findall(SourceDocument.from_path(p).text)

    def extract() -> None:
        result = extract_documents(files)
        assert not result.errors, result.errors

    def extract_cold() -> None:
        clear_caches()  # not timed apart: clearing a few thousand entries is microseconds
        extract()

    extract()  # warm imports (rapidfuzz, html.parser) outside the timing
    print(f"corpus: {len(files)} files, {size / 1e6:.2f} MB ({args.corpus})")
    steps = (("read+decode", read), ("regex scan", scan), ("full extraction", extract_cold),
             ("  (warm caches)", extract))
    for name, fn in steps:
        best, median = best_of(args.repeat, fn)
        print(f"{name:16} best {best * 1000:7.1f} ms   median {median * 1000:7.1f} ms   "
              f"({size / 1e6 / best:6.1f} MB/s)")


if __name__ == "__main__":
    main()
