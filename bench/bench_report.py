"""`stratgraph report` on the real plans, whole process, beside its floor and a peer.

Run:  python bench/bench_report.py [CORPUS] [--rounds 5]

Builds the plans once into a temporary graph file, then times, as fresh processes taking turns
``--rounds`` times each:

- floor: one Python process that opens the graph and runs, once each, the named queries the
  overview asks (coverage, orphan-actions, unsupported-outcomes, deadlines,
  cross-theme-dependencies, strategy-feeds, plan-evolution): their own cost, nothing drawn;
- by hand: ``stratgraph query <q> --format json`` for each of them, one process each, summed
  per round (what a user gets the same numbers with today);
- report: ``stratgraph report -o report.html`` (the same queries in one process, plus their
  summaries, the page and the inlined Chart.js);
- peer: ``stratgraph viz -o picture.html --plan <largest plan>``, the other offline page.

Each process starts on the graph as ``build`` left it, with no saved answers (a copy of the
built file per run), so every query is answered afresh. Prints median and best wall time and
the page size.

``--neo4j``: the same plans loaded into a Neo4j (``NEO4J_URI``, or the test harness started
with a 1 GiB heap), timed inside one process, taking turns: the floor (the 7 queries, once
each) against ``overview()`` plus ``render_overview()`` (the queries, their summaries counted
in Cypher, the page).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
STRATGRAPH = Path(sys.executable).with_name("stratgraph")
QUERIES = ("coverage", "orphan-actions", "unsupported-outcomes", "deadlines",
           "cross-theme-dependencies", "strategy-feeds", "plan-evolution")


FLOOR = """
import sys
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.queries import run_query
store = EmbeddedStore(sys.argv[1])
for q in sys.argv[2:]:
    run_query(store, q)
"""


def _run(args: list[str], program: list[str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run([*(program or [str(STRATGRAPH)]), *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def on_neo4j(corpus: Path, rounds: int) -> None:
    """Floor and report side by side on a Neo4j, in this process."""
    sys.path.insert(0, str(REPO / "bench"))
    from neo4j_server import neo4j_server

    from stratgraph.api import build
    from stratgraph.graph.neo4j_store import Neo4jStore
    from stratgraph.graph.overview import overview
    from stratgraph.graph.queries import run_query
    from stratgraph.viz.overview_page import render_overview

    with neo4j_server(heap="1g") as server:
        store = Neo4jStore(server.uri, server.user, server.password, database=server.database)
        try:
            assert build([corpus], store).ok
            times: dict[str, list[float]] = {"floor": [], "report": []}
            for _ in range(rounds):
                start = time.perf_counter()
                for q in QUERIES:
                    run_query(store, q)
                times["floor"].append(time.perf_counter() - start)
                start = time.perf_counter()
                render_overview(overview(store), served=False)
                times["report"].append(time.perf_counter() - start)
        finally:
            store.close()
    print(f"{'Neo4j, in one process':<44} {'median s':>9} {'best s':>8}")
    for key, label in (("floor", f"floor: the {len(QUERIES)} queries"),
                       ("report", "overview() + render_overview()")):
        print(f"{label:<44} {statistics.median(times[key]):>9.2f} {min(times[key]):>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--neo4j", action="store_true", help="time on a Neo4j instead")
    args = parser.parse_args()
    if args.neo4j:
        on_neo4j(args.corpus, args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "built.db"
        subprocess.run([str(STRATGRAPH), "build", str(args.corpus), "--graph", str(built)],
                       check=True, stdout=subprocess.DEVNULL)
        graph = Path(tmp) / "graph.db"
        fresh = lambda: shutil.copyfile(built, graph)  # noqa: E731 - no saved answers
        times: dict[str, list[float]] = {"floor": [], "hand": [], "report": [], "peer": []}
        page = Path(tmp) / "report.html"
        for _ in range(args.rounds):
            fresh()
            times["floor"].append(_run([str(graph), *QUERIES], [sys.executable, "-c", FLOOR]))
            total = 0.0
            for q in QUERIES:
                fresh()
                total += _run(["query", q, "--graph", str(graph), "--format", "json"])
            times["hand"].append(total)
            fresh()
            times["report"].append(_run(["report", "-o", str(page), "--graph", str(graph)]))
            fresh()
            times["peer"].append(_run(["viz", "-o", str(Path(tmp) / "picture.html"), "--graph",
                                       str(graph), "--plan", "CITY MAYOR'S DELIVERY PLAN"]))
        print(f"{'':<44} {'median s':>9} {'best s':>8}")
        labels = {"floor": f"floor: the {len(QUERIES)} queries in one process",
                  "hand": f"by hand: {len(QUERIES)} x stratgraph query (summed)",
                  "report": "stratgraph report -o report.html",
                  "peer": "peer: stratgraph viz --plan (one plan)"}
        for key, label in labels.items():
            print(f"{label:<44} {statistics.median(times[key]):>9.2f} {min(times[key]):>8.2f}")
        print(f"report page: {page.stat().st_size / 1024:.0f} KiB "
              f"(Chart.js {(REPO / 'viz/static/chart.umd.min.js').stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
