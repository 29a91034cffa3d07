"""How fast Neo4jStore loads a big graph: batched UNWIND writes against one transaction per row.

Run:  python bench/bench_neo4j_load.py [--councils 240] [--sample 2000] [--batch-size 5000]

The graph is ``bench/synthetic.py``'s ``synthetic_graph`` (about 100 nodes per plan, 5 plans
per council: the default 240 councils give ~104,000 nodes). It is loaded into a real Neo4j (``NEO4J_URI``,
or the test harness started here, see ``bench/neo4j_server.py``) three ways, each time into an
empty database (the schema stays):

0. a warm-up: one full batched load (reported as the cold load), so the JVM's JIT and query
   caches are warm for every method timed after it;
1. ``Neo4jStore.write`` as shipped: batched statements in a series of transactions (the graph
   is above ``transaction_rows``), including the read-and-merge of stored records;
2. the same with the whole graph in one transaction;
3. the naive way: the same MERGE statement, one row per transaction. This is slow, so it runs
   on a sample (``--sample`` nodes from whole plans, then up to as many relationships between
   them) and the rate is extrapolated. It runs before and after the batched loads and the
   better rate is kept, so a busy machine cannot flatter the ratio.

It then reloads the full graph with ``replace_documents`` (what re-running a build does) and
checks the counts are unchanged. Prints nodes+relationships per second and the ratio.
With ``NEO4J_URI`` it deletes every ``:Stratgraph`` node there: give ``--yes`` to allow it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from neo4j_server import Server, neo4j_server
from stratgraph.graph.data import GraphData
from stratgraph.graph.neo4j_store import (
    Neo4jStore,
    _template,
    node_row,
    relationship_row,
)
from synthetic import synthetic_graph


def wipe(store: Neo4jStore) -> None:
    """Delete every stratgraph node (in transactions of 10,000: the graph is big)."""
    with store._driver.session(database=store.database) as session:
        session.run(
            "MATCH (n:Stratgraph) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()


def sample(graph: GraphData, size: int) -> GraphData:
    """Up to ``size`` nodes from whole documents, and up to ``size`` relationships among them."""
    by_doc: dict[str, list[Any]] = defaultdict(list)
    for node in graph.sorted_nodes():
        by_doc[node.provenance.document].append(node)
    chosen: dict[str, Any] = {}
    for doc in sorted(by_doc):
        for node in by_doc[doc]:
            if len(chosen) < size:
                chosen[node.id] = node
    rels = [r for r in graph.sorted_relationships() if r.start in chosen and r.end in chosen]
    return GraphData(chosen, {r.id: r for r in rels[:size]})


def load_per_row(store: Neo4jStore, graph: GraphData) -> float:
    """Seconds to write ``graph`` with one managed transaction per node and per relationship."""
    start = time.perf_counter()
    with store._driver.session(database=store.database) as session:
        for node in graph.sorted_nodes():
            query = _template("store_write_nodes.cypher", label=node.label)
            session.execute_write(lambda tx, q=query, n=node: tx.run(q, rows=[node_row(n)]).consume())
        for rel in graph.sorted_relationships():
            query = _template("store_write_relationships.cypher", rel_type=rel.type)
            session.execute_write(
                lambda tx, q=query, r=rel: tx.run(q, rows=[relationship_row(r)]).consume())
    return time.perf_counter() - start


def timed_write(store: Neo4jStore, graph: GraphData, docs: list[str] | None = None) -> float:
    start = time.perf_counter()
    store.write(graph, replace_documents=docs or ())
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--councils", type=int, default=240)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--yes", action="store_true", help="allow wiping :Stratgraph at NEO4J_URI")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    graph = synthetic_graph(councils=args.councils)
    n, r = len(graph.nodes), len(graph.relationships)
    print(f"graph: {n:,} nodes + {r:,} relationships = {n + r:,} rows "
          f"(built in {time.perf_counter() - t0:.1f} s)")
    docs = sorted({node.provenance.document for node in graph.nodes.values()})

    with neo4j_server() as server:
        if server.external and not args.yes:
            print("NEO4J_URI is set: this deletes every :Stratgraph node there; rerun with --yes",
                  file=sys.stderr)
            return 2
        return run(server, graph, docs, args)


def per_row_rate(store: Neo4jStore, part: GraphData) -> float:
    """Rows per second of the one-transaction-per-row load of ``part`` into an empty database."""
    wipe(store)
    seconds = load_per_row(store, part)
    wipe(store)
    return (len(part.nodes) + len(part.relationships)) / seconds


def run(server: Server, graph: GraphData, docs: list[str], args: argparse.Namespace) -> int:
    rows = len(graph.nodes) + len(graph.relationships)

    def open_store(**options: Any) -> Neo4jStore:
        return Neo4jStore(server.uri, server.user, server.password, database=server.database,
                          batch_size=args.batch_size, **options)

    part = sample(graph, args.sample)
    with open_store() as store:
        store.ensure_schema()
        # Warm the JVM (JIT, query caches) with one full load, so no method pays for it: on
        # a cold server the first big load runs up to 4x slower than the next ones.
        cold = timed_write(store, graph)
        print(f"warm-up: the first (cold) batched load: {cold:.1f} s, {rows / cold:,.0f} rows/s")
        wipe(store)
        per_row_rate(store, sample(graph, 200))
        # Others may share the machine: time the naive load before and after the batched
        # ones and keep its better rate, so the ratio errs against batching.
        rate_before = per_row_rate(store, part)
        batched = timed_write(store, graph)
        counts = store.counts()
        tx = ("one transaction" if rows <= store.transaction_rows else
              f"{-(-rows // args.batch_size)} transactions of {args.batch_size:,} rows")
        print(f"batched, as shipped ({store.transaction_rows:,}-row transaction limit: {tx}): "
              f"{batched:.1f} s, {rows / batched:,.0f} rows/s; stored {counts[0]:,} + {counts[1]:,}")
        reload = timed_write(store, graph, docs)
        assert store.counts() == counts, "reloading changed the counts"
        print(f"reload of the same graph with replace_documents (a rebuild): {reload:.1f} s, "
              f"{rows / reload:,.0f} rows/s; counts unchanged")
        wipe(store)
    with open_store(transaction_rows=10**9) as store:
        single = timed_write(store, graph)
        assert store.counts() == counts
        print(f"batched, one transaction: {single:.1f} s, {rows / single:,.0f} rows/s")
        rate_after = per_row_rate(store, part)
    rate = max(rate_before, rate_after)
    print(f"one transaction per row, sample of {len(part.nodes):,} nodes + "
          f"{len(part.relationships):,} relationships: {rate_before:,.0f} rows/s before, "
          f"{rate_after:,.0f} rows/s after (whole graph at the better rate: "
          f"{rows / rate:,.0f} s)")
    print(f"speed-up over one transaction per row: batched as shipped "
          f"{rows / batched / rate:.0f}x, one-transaction batched {rows / single / rate:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
