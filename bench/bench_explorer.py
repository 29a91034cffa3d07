"""The explorer's first view and an expand on the five real plans, embedded and Neo4j, side by
side with a floor: the bare SQL / Cypher fetch of the same rows (issue #16).

Run:  python bench/bench_explorer.py [--corpus ../shared/corpus] [--repeat 20] [--stores embedded,neo4j]
      python bench/bench_explorer.py --synthetic 120k     # bench/synthetic.py's councils instead
      NEO4J_URI=... NEO4J_PASSWORD=... python bench/bench_explorer.py --loaded --repeat 5
      python bench/bench_explorer.py --overview-file COPY.sqlite   # embedded: the first `/`
                                            # the graph already in that Neo4j (the 1M one),
                                            # not written, not wiped (bench/neo4j_server.py)

Each step is an HTTP request through the whole app (FastAPI, in process, Starlette's
TestClient), so it includes routing, JSON and the store:
  first view (cold)  a fresh app: /api/meta then /api/start/plan for the largest plan (what
                     the page asks on opening ``#plan=NAME``), store opened on the first request
  first view (warm)  the same two requests again
  search             /api/search with a typo; then store.search for a few queries (typos, a
                     name, a common word, only stop-words) beside the full scan of every
                     name that search was before the index (issue #16), same ranking
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


#: Searches timed beside the full scan they replace: typos, a person, one word many names
#: share (more than the index's 2,000 candidates at 120k), only stop-words.
SEARCHES = ("helth and welbeing", "safegarding adults board", "economc grwth plan", "priya",
            "transport", "the and of")


def search_rows(kind: str, store: Any, full_scan: Callable[[str], Any],
                repeat: int) -> list[tuple[str, str]]:
    """Index-backed search (store.search, no app) beside the full scan of every name it
    replaced (the same ranking over every candidate), and whether their first 20 hits agree."""
    rows: list[tuple[str, str]] = Rows()
    for text in SEARCHES:
        new, old = store.search(text), full_scan(text)
        same = "same 20 hits" if new == old else (
            f"top hit same: {bool(new) == bool(old) and (not new or new[0] == old[0])}, "
            f"{len({h.id for h in new} & {h.id for h in old})}/{len(old)} shared")
        rows.append((f"{kind}: search {text!r}, index ({len(old)} hits; {same})",
                     fmt(timed(lambda: store.search(text), repeat))))
        rows.append((f"{kind}: search {text!r}, full scan (before)",
                     fmt(timed(lambda: full_scan(text), max(1, min(repeat, 3))))))
    return rows


def write_cost(graph: Any, folder: Path) -> list[tuple[str, str]]:
    """What keeping the search index in step costs a write: the graph written into a fresh
    file with the index, and into one whose index triggers and tables were dropped first."""
    import sqlite3

    from stratgraph.graph.embedded import EmbeddedStore

    rows: list[tuple[str, str]] = Rows()
    for indexed in (True, False):
        path = folder / f"write-{indexed}.db"
        store = EmbeddedStore(path)
        store.write(type(graph)())  # creates the file and its tables
        if not indexed:
            con = sqlite3.connect(path)
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                       "AND name LIKE '%search%'").fetchall():
                con.execute(f"DROP TRIGGER {name}")
            con.commit()
            con.close()
            store.close()
            store = EmbeddedStore(path)
        t0 = time.perf_counter()
        store.write(graph)
        took = time.perf_counter() - t0
        store.close()
        size = path.stat().st_size / 1e6
        rows.append((f"embedded: write {len(graph.nodes)} nodes, "
                     f"{'with' if indexed else 'without'} the search index",
                     f"{took:8.1f} s, file {size:.0f} MB"))
    return rows


def measure(kind: str, opener: Callable[[], Any], floor: Callable[[str], Any],
            repeat: int, shared: str | None = None) -> list[tuple[str, str]]:
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
        page = c.get("/")
        page.raise_for_status()
        size = (f"{len(page.content) / 1e6:.1f} MB"
                f"{', bounded' if 'Too large to chart here' in page.text else ''}")

        def first_overview() -> None:
            # A new app each time: nothing kept, the page computed from the store.
            with app() as fresh:
                fresh.get("/").raise_for_status()

        rows.append((f"{kind}: overview page /, first view of a new app ({size})",
                     fmt(timed(first_overview, repeat))))
        rows.append((f"{kind}: overview page /, again (kept until a write where the store "
                     "stamps its state)",
                     fmt(timed(lambda: c.get("/").raise_for_status(), repeat))))
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
        if shared is not None:
            links = c.get("/api/node", params={"id": shared}).json()["links"]
            total = sum(x["count"] for x in links)
            rows.append((f"{kind}: node panel of the busiest strategy ({total} links)",
                         fmt(timed(lambda: c.get("/api/node", params={"id": shared})
                                   .raise_for_status(), repeat))))
            rows.append((f"{kind}: expand the busiest strategy (200 of {total} drawn)",
                         fmt(timed(lambda: c.get("/api/neighbours", params={"id": shared})
                                   .raise_for_status(), repeat))))
            rows.append((f"{kind}: expand the busiest strategy, REFERENCES only", fmt(timed(
                lambda: c.get("/api/neighbours", params={"id": shared, "type": "REFERENCES"})
                .raise_for_status(), repeat))))
            rows.append((f"{kind}: floor: bare fetch of the strategy's links", fmt(timed(
                lambda: floor(shared), repeat))))
    return rows


def measure_loaded(repeat: int) -> int:
    """The explorer over the graph already in the Neo4j of ``NEO4J_URI`` (never written)."""
    import os

    from stratgraph.graph.neo4j_store import Neo4jStore

    if not os.environ.get("NEO4J_URI"):
        print("--loaded needs NEO4J_URI (and NEO4J_PASSWORD)", file=sys.stderr)
        return 2
    uri, password = os.environ["NEO4J_URI"], os.environ.get("NEO4J_PASSWORD")
    database = os.environ.get("NEO4J_DATABASE") or None

    def opener() -> Neo4jStore:
        return Neo4jStore(uri, "neo4j", password, database=database)

    store = opener()
    nodes, rels = store.counts()
    print(f"graph: {nodes} nodes, {rels} relationships (already in Neo4j)", flush=True)
    driver = store._driver

    def cypher_floor(node_id: str) -> Any:
        records, _, _ = driver.execute_query(
            "MATCH (n:Stratgraph {id: $id})-[r]-(m:Stratgraph) "
            "RETURN properties(r) AS r, properties(m) AS m LIMIT 201",
            id=node_id, database_=database)
        return records

    overview_parts(store, repeat)
    rows = measure("neo4j", opener, cypher_floor, repeat, shared=_busiest_strategy(driver,
                                                                                    database))
    store.close()
    del rows
    return 0


def overview_parts(store: Any, repeat: int) -> None:
    """The `/` page's parts, each timed apart on the open store: what the bounded overview
    asks, the model (with and without one read for all its asks), its rendering, and what
    shared strategies and changes would need."""
    import datetime as dt

    from stratgraph.graph.overview import BOUNDED_ROWS, LIVE_PLANS, overview
    from stratgraph.graph.queries import query_summary, run_query, stream_query
    from stratgraph.viz.overview_page import overview_page

    from stratgraph.graph.overview import _overview

    def evolution_rows() -> list[Any]:
        # What the changes chart needs: every plan-evolution row (a page as long as the
        # summary says; the facts build a page's rows, the live Cypher the whole answer).
        total = sum(r["rows"] for r in query_summary(store, "plan-evolution"))
        return list(stream_query(store, "plan-evolution", limit=max(total, 1)))

    parts: list[tuple[str, Callable[[], Any]]] = [
        ("coverage plan rows", lambda: run_query(store, "coverage", {"scope": "plan"})),
        (f"coverage {BOUNDED_ROWS} weakest themes",
         lambda: list(stream_query(store, "coverage", {"scope": "theme"}, limit=BOUNDED_ROWS))),
        ("coverage theme count (summary)",
         lambda: query_summary(store, "coverage", {"scope": "theme"})),
        ("orphan-actions summary", lambda: query_summary(store, "orphan-actions")),
        ("unsupported-outcomes summary", lambda: query_summary(store, "unsupported-outcomes")),
        ("deadlines summary", lambda: query_summary(store, "deadlines")),
        ("the overview model, each ask its own session and facts check",
         lambda: _overview(store, None, dt.date.today(), LIVE_PLANS)),
        ("the overview model (all of the above in one read)", lambda: overview(store)),
        # Not asked by the bounded page (#16's shared strategies and changes): their cost.
        ("strategy-feeds summary", lambda: query_summary(store, "strategy-feeds")),
        ("cross-theme-dependencies summary", lambda: query_summary(
            store, "cross-theme-dependencies")),
        ("plan-evolution, every row", evolution_rows),
    ]
    print("| part of / | seconds, best (first) | rows |")
    print("|---|---:|---:|")
    for label, work in parts:
        times, got = [], None
        for _ in range(repeat):
            t0 = time.perf_counter()
            got = work()
            times.append(time.perf_counter() - t0)
        size = len(got) if isinstance(got, list) else ""
        print(f"| {label} | {min(times):.2f} ({times[0]:.2f}) | {size} |", flush=True)
    model = overview(store)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        page = overview_page(model, served=True)
        times.append(time.perf_counter() - t0)
    print(f"| rendering the page ({len(page.html.encode()) / 1e6:.1f} MB) | "
          f"{min(times):.2f} ({times[0]:.2f}) | |", flush=True)


def measure_embedded_overview(path: Path) -> int:
    """The first ``/`` of a new app on an embedded file as it is (whole-graph answers get
    saved in it: give it a copy), then again, and the parts the bounded overview asks."""
    from fastapi.testclient import TestClient

    from stratgraph.graph.embedded import EmbeddedStore
    from stratgraph.viz.explorer import ExplorerConfig
    from stratgraph.viz.explorer.app import create_app

    with TestClient(create_app(ExplorerConfig(open_store=lambda: EmbeddedStore(path),
                                              read_only=True))) as c:
        t0 = time.perf_counter()
        page = c.get("/")
        page.raise_for_status()
        t1 = time.perf_counter()
        c.get("/").raise_for_status()
        t2 = time.perf_counter()
    print(f"embedded: overview page /, first view of a new app "
          f"({len(page.content) / 1e6:.2f} MB): {t1 - t0:.2f} s; again: {t2 - t1:.2f} s",
          flush=True)
    return 0


def _busiest_strategy(driver: Any, database: str | None) -> str | None:
    """The strategy with the most relationships (a national one many plans name)."""
    records, _, _ = driver.execute_query(
        "MATCH (s:Stratgraph:Strategy) RETURN s.id AS id ORDER BY COUNT { (s)--() } DESC, "
        "s.id LIMIT 1", database_=database)
    return records[0]["id"] if records else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--write-cost", action="store_true",
                        help="also time a write with and without the search index")
    parser.add_argument("--loaded", action="store_true",
                        help="Neo4j only: time the graph already at NEO4J_URI as it is")
    parser.add_argument("--synthetic", metavar="SIZE",
                        help="a synthetic graph of about SIZE nodes (e.g. 120k) instead")
    parser.add_argument("--overview-file", type=Path, metavar="GRAPH",
                        help="only the first / of a new app on this embedded file (a copy: "
                        "answers get saved in it)")
    args = parser.parse_args(argv)
    if args.overview_file:
        return measure_embedded_overview(args.overview_file)
    from stratgraph.api import build, discover
    from stratgraph.graph.embedded import EmbeddedStore

    kinds = args.stores.split(",")
    rows: list[tuple[str, str]] = []
    if args.loaded:
        return measure_loaded(args.repeat)
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
        if args.write_cost:
            rows += write_cost(graph, Path(tmp))
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
            indexed, scanning = EmbeddedStore(path), EmbeddedStore(path)
            scanning._indexed = False  # the full scan search was before the index
            rows += search_rows("embedded", indexed, scanning.search, args.repeat)
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

                def neo4j_full_scan(text: str) -> Any:
                    from stratgraph.graph.explore import Candidate, rank

                    records, _, _ = driver.execute_query(
                        "MATCH (n:Stratgraph) RETURN n.id AS id, labels(n) AS labels, "
                        "n.name AS name, coalesce(n.aliases, []) AS aliases, "
                        "n.plan_id AS plan_id", database_=server.database)
                    return rank((Candidate(r["id"], next(x for x in sorted(r["labels"])
                                                         if x != "Stratgraph"),
                                           r["name"], tuple(r["aliases"]), r["plan_id"])
                                 for r in records), text, 20)

                rows += search_rows("neo4j", target, neo4j_full_scan, args.repeat)
                target.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
