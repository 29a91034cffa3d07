"""The explorer's first view and an expand on the five real plans, embedded and Neo4j, side by
side with a floor: the bare SQL / Cypher fetch of the same rows (issue #16).

Run:  python bench/bench_explorer.py [--corpus ../shared/corpus] [--repeat 20] [--stores embedded,neo4j]
      python bench/bench_explorer.py --synthetic 120k     # bench/synthetic.py's councils instead

Each step is an HTTP request through the whole app (FastAPI, in process, Starlette's
TestClient), so it includes routing, JSON and the store:
  first view (cold)  a fresh app: /api/meta then /api/start/plan for the largest plan (what
                     the page asks on opening ``#plan=NAME``), store opened on the first request
  first view (warm)  the same two requests again
  search             /api/search with a typo
  expand             /api/neighbours of the node with the most relationships (capped at 200,
                     as the page asks), and of a theme
  golden thread      /api/thread of that theme
Floors: the same node's relationships and neighbour nodes fetched by one bare SQL statement
(embedded) or one bare Cypher statement (Neo4j), no app, no records.
Numbers are medians over --repeat runs (max in brackets); the Neo4j harness is started as
the tests start it (heap 2 GB).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def timed(work: Callable[[], Any], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times)


def fmt(pair: tuple[float, float]) -> str:
    return f"{pair[0] * 1000:8.1f} ms [{pair[1] * 1000:.1f}]"


class Rows(list):
    """Measured rows, each also printed as soon as it is measured (a slow run still tells)."""

    def append(self, row: tuple[str, str]) -> None:
        print(f"{row[0]:<66}  {row[1]}", flush=True)
        super().append(row)


def measure(kind: str, opener: Callable[[], Any], floor: Callable[[str], Any],
            repeat: int) -> list[tuple[str, str]]:
    from fastapi.testclient import TestClient

    from stratgraph.viz.explorer import ExplorerConfig
    from stratgraph.viz.explorer.app import create_app

    def app() -> TestClient:
        return TestClient(create_app(ExplorerConfig(open_store=opener, read_only=True)))

    store = opener()
    plans = store.nodes_labelled(["Plan"])
    sizes = {p.id: sum(n for _t, _d, n in store.node(p.id).links) for p in plans}
    plan = max(plans, key=lambda p: (sizes[p.id], p.id))
    themes = store.neighbours(plan.id, ["PART_OF"], 1000)
    theme = max((n for n in themes.nodes.values() if n.label.value == "Theme"),
                key=lambda n: (sum(c for _t, _d, c in store.node(n.id).links), n.id))
    store.close()

    rows: list[tuple[str, str]] = Rows()

    def cold() -> None:
        with app() as c:
            c.get("/api/meta").raise_for_status()
            c.get("/api/start/plan", params={"id": plan.id}).raise_for_status()

    rows.append((f"{kind}: first view, cold (app + store opened)", fmt(timed(cold, repeat))))
    with app() as c:
        def warm() -> None:
            c.get("/api/meta").raise_for_status()
            c.get("/api/start/plan", params={"id": plan.id}).raise_for_status()

        rows.append((f"{kind}: first view, warm", fmt(timed(warm, repeat))))
        rows.append((f"{kind}: search 'helth and welbeing'", fmt(timed(
            lambda: c.get("/api/search", params={"q": "helth and welbeing"}).raise_for_status(),
            repeat))))
        big = c.get("/api/neighbours", params={"id": plan.id}).json()
        rows.append((f"{kind}: expand the plan ({sizes[plan.id]} links, 200 drawn: "
                     f"{len(big['nodes'])} nodes)", fmt(timed(
            lambda: c.get("/api/neighbours", params={"id": plan.id}).raise_for_status(),
            repeat))))
        rows.append((f"{kind}: floor: bare fetch of the plan's links", fmt(timed(
            lambda: floor(plan.id), repeat))))
        rows.append((f"{kind}: expand a theme", fmt(timed(
            lambda: c.get("/api/neighbours", params={"id": theme.id}).raise_for_status(),
            repeat))))
        rows.append((f"{kind}: floor: bare fetch of the theme's links", fmt(timed(
            lambda: floor(theme.id), repeat))))
        rows.append((f"{kind}: golden thread of the theme", fmt(timed(
            lambda: c.get("/api/thread", params={"id": theme.id}).raise_for_status(),
            repeat))))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--synthetic", metavar="SIZE",
                        help="a synthetic graph of about SIZE nodes (e.g. 120k) instead")
    args = parser.parse_args(argv)
    from stratgraph.api import build, discover
    from stratgraph.graph.embedded import EmbeddedStore

    kinds = args.stores.split(",")
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.db"
        store = EmbeddedStore(path)
        if args.synthetic:
            import synthetic

            [size] = synthetic.parse_sizes(args.synthetic)
            graph = synthetic.synthetic_graph(councils=max(1, round(size / 2500)), plans=5,
                                              themes=8, actions=40)
            store.write(graph)
            source = f"synthetic, {max(1, round(size / 2500))} councils"
        else:
            files = discover([args.corpus])
            if not files:
                print(f"no plans in {args.corpus}", file=sys.stderr)
                return 1
            build(files, store, plans_only=True)
            graph = store.read()
            source = f"{len(files)} plans"
        store.close()
        print(f"graph: {len(graph.nodes)} nodes, {len(graph.relationships)} relationships "
              f"({source})", flush=True)
        if "embedded" in kinds:
            import sqlite3

            con = sqlite3.connect(path)

            def sql_floor(node_id: str) -> Any:
                edges = con.execute(
                    'SELECT * FROM edges WHERE start = ? UNION SELECT * FROM edges '
                    'WHERE "end" = ? LIMIT 201', (node_id, node_id)).fetchall()
                ids = {e[2] for e in edges} | {e[3] for e in edges}
                marks = ",".join("?" * len(ids))
                return con.execute(f"SELECT * FROM nodes WHERE id IN ({marks})",
                                   sorted(ids)).fetchall()

            rows += measure("embedded", lambda: EmbeddedStore(path), sql_floor, args.repeat)
            con.close()
        if "neo4j" in kinds:
            from neo4j_server import neo4j_server

            from stratgraph.graph.neo4j_store import Neo4jStore

            with neo4j_server(heap="2g") as server:
                def opener() -> Neo4jStore:
                    return Neo4jStore(server.uri, server.user, server.password,
                                      database=server.database)

                target = opener()
                target.write(graph)
                driver = target._driver

                def cypher_floor(node_id: str) -> Any:
                    records, _, _ = driver.execute_query(
                        "MATCH (n:Stratgraph {id: $id})-[r]-(m:Stratgraph) "
                        "RETURN properties(r) AS r, properties(m) AS m LIMIT 201",
                        id=node_id, database_=server.database)
                    return records

                rows += measure("neo4j", opener, cypher_floor, args.repeat)
                target.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
