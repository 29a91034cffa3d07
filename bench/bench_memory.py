"""Memory per input byte: peak memory of a build of one plan, beside the floor (reading its bytes).

The worst case for memory is a plan where every line is an item: one million short bullet lines
("- Item 0000001"), 15 MB, once took 123 s and 5.66 GB and wrote a 529 MB graph. Each run is a
fresh subprocess, so its peak resident memory (ru_maxrss) is that run's own:

  python bench/bench_memory.py --lines 5000,20000,100000,1000000

For each size it prints the floor (Python starting and reading the file's bytes, nothing else),
a full ``stratgraph build`` into the embedded store (read, extract, resolve, link, curate, write),
the ratio of the build's peak to the input size, the time, and the graph file's size. Plans are
generated into ``--cache`` (default /tmp/stratgraph-bench-memory) and reused.

The bound is stated as a fixed cost plus a cost per line read: the first row builds a plan of
one item (the fixed cost: interpreter, imports, one plan's records); each other row shows what
it adds per line read (lines past the reader's cap are not read). ``--plans FILE...`` adds real
plans (by default the real corpus in ../shared/corpus, when present) to the same table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path

path, stage, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
start = time.perf_counter()
result = {}
if stage == "floor":
    data = path.read_bytes()
    result["bytes"] = len(data)
    result["lines"] = data.count(b"\n")
else:
    from stratgraph.api import build
    from stratgraph.graph.embedded import EmbeddedStore

    built = build([path], EmbeddedStore(out))
    result["nodes"] = len(built.graph.nodes)
    result["warnings"] = [w for e in built.extractions for w in e.warnings]
    result["graph_mb"] = out.stat().st_size / 1e6
result["seconds"] = time.perf_counter() - start
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def plan(cache: Path, lines: int) -> Path:
    """A plan of ``lines`` short bullet lines under one heading (made once, then reused)."""
    path = cache / f"bullets-{lines}.txt"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as fh:
            fh.write("Wexbridge City Council Plan 2024-25\n\n# Our priorities\n\n")
            for i in range(lines):
                fh.write(f"- Item {i:07d}\n")
    return path


def run(path: Path, stage: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), stage, str(Path(folder) / "graph.db")],
            capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from stratgraph.loaders.read import MAX_LINES

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", default="5000,20000,100000,1000000")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/stratgraph-bench-memory"))
    parser.add_argument("--plans", type=Path, nargs="*", default=None,
                        help="real plans to add (default: ../shared/corpus/*.txt when present)")
    args = parser.parse_args()
    corpus = HERE.parent.parent / "shared" / "corpus"
    real = args.plans if args.plans is not None else sorted(corpus.glob("*.txt"))
    print(f"{'plan':>28} {'lines':>9} {'input MB':>9} {'floor MB':>9} {'build MB':>9} "
          f"{'build/input':>11} {'KB/line':>8} {'build s':>8} {'nodes':>7} {'graph MB':>9}")
    fixed = None
    rows = [(f"{n:,} bullet lines", plan(args.cache, n))
            for n in [1, *(int(x) for x in args.lines.split(","))]]
    rows += [(p.name[:28], p) for p in real]
    for name, path in rows:
        size = path.stat().st_size / 1e6
        floor, built = run(path, "floor"), run(path, "build")
        read = min(floor["lines"], MAX_LINES)
        if fixed is None:
            fixed = built["peak_mb"]  # the one-item plan: what any build costs
        per_line = (built["peak_mb"] - fixed) * 1024 / read if read > 10 else 0.0
        cut = " (cut)" if any("only the first" in w for w in built["warnings"]) else ""
        print(f"{name:>28} {floor['lines']:>9}{cut} {size:>9.2f} {floor['peak_mb']:>9.0f} "
              f"{built['peak_mb']:>9.0f} {built['peak_mb'] / size:>10.1f}x {per_line:>8.2f} "
              f"{built['seconds']:>8.1f} {built['nodes']:>7} {built['graph_mb']:>9.1f}")


if __name__ == "__main__":
    main()
