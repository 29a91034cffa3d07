"""Rebuilding one plan in a large Neo4j graph: time, and whether it fits a transaction's memory.

Run:  python bench/bench_neo4j_replace.py [--councils 30 60 120] [--tx-max-mb 64] [--heap 1g]
                                          [--profile]

For each size, the database is emptied and ``bench/synthetic.py``'s ``synthetic_graph`` of
that many councils (about 430 nodes and 900 relationships each; national strategies and
partnerships are named by every plan, so they carry one ``:StratgraphPart`` and one statement
per plan) is written in transactions of 1,000 rows; then the first council's first plan is written again with
``replace_documents=[that plan]`` (one transaction, as the store does for a write of up to
``transaction_rows``), as ``stratgraph build --replace`` does, and timed. A
replace whose memory grows with the graph fails with Neo4j's transaction memory error as the
graph grows; one whose memory grows with the plan succeeds at every size.

The harness is started with ``db.memory.transaction.max`` = ``--tx-max-mb`` (0: no limit), so
the failure shows at tens of thousands of nodes instead of a million. ``--profile`` also
prints each replace statement's peak memory (PROFILE, rolled back) at each size.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

from synthetic import synthetic_graph  # noqa: E402


def _profile(driver, docs: list[str]) -> list[tuple[str, int | None, float]]:  # type: ignore[no-untyped-def]
    """Each strip statement's peak memory in bytes (PROFILE inside a rolled-back transaction)."""
    from stratgraph.graph.model import SHARED_LABELS, RelType
    from stratgraph.graph.neo4j_store import _template, cypher_text

    shared = sorted(label.value for label in SHARED_LABELS)
    out = []
    with driver.session() as session:
        tx = session.begin_transaction()
        try:
            def run(name: str, text: str, **params: object) -> None:
                start = time.perf_counter()
                summary = tx.run("PROFILE " + text, docs=docs, **params).consume()
                memory = (summary.profile or {}).get("args", {}).get("GlobalMemory")
                out.append((name, memory, time.perf_counter() - start))

            ids = [r["id"] for r in tx.run(cypher_text("store_part_nodes.cypher"), docs=docs)]
            for id_ in ids:  # one statement per shared node, as Neo4jStore runs them
                run(f"store_strip_parts.cypher[{id_}]", cypher_text("store_strip_parts.cypher"),
                    id=id_, shared_labels=shared)
            run("store_strip_shared_nodes.cypher", cypher_text("store_strip_shared_nodes.cypher"),
                shared_labels=shared)
            run("store_delete_parts.cypher", cypher_text("store_delete_parts.cypher"))
            for t in RelType:
                run(f"store_strip_shared_relationships[{t.value}]",
                    _template("store_strip_shared_relationships.cypher", rel_type=t))
        finally:
            tx.rollback()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--councils", type=int, nargs="+", default=[30, 60, 120])
    parser.add_argument("--tx-max-mb", type=int, default=64,
                        help="the server's db.memory.transaction.max in MiB (0: no limit)")
    parser.add_argument("--heap", default="1g", help="the harness's Java heap")
    parser.add_argument("--profile", action="store_true",
                        help="print each strip statement's peak memory too")
    args = parser.parse_args(argv)

    import neo4j
    from neo4j_harness import harness
    from stratgraph.graph.neo4j_store import Neo4jStore

    from stratgraph.errors import StratgraphError

    plan = synthetic_graph(councils=1, plans=1)
    doc = sorted({n.provenance.document for n in plan.nodes.values()})[0]
    password = secrets.token_urlsafe(16)
    harness.build()
    server = harness.start(password=password, heap=args.heap, timeout=180,
                           transaction_max_mb=args.tx_max_mb or None)
    print(f"# harness: heap {args.heap}, db.memory.transaction.max {args.tx_max_mb} MiB; "
          f"plan {doc}: {len(plan.nodes)} nodes, {len(plan.relationships)} relationships",
          flush=True)
    print("councils | nodes | relationships | first write s | replace one plan s | result")
    try:
        with neo4j.GraphDatabase.driver(server.uri, auth=("neo4j", password)) as driver, \
                Neo4jStore(server.uri, "neo4j", password) as store, \
                Neo4jStore(server.uri, "neo4j", password, batch_size=1000,
                           transaction_rows=1000) as loader:
            for councils in args.councils:
                graph = synthetic_graph(councils=councils)
                with driver.session() as session:
                    session.run("MATCH (n) CALL { WITH n DETACH DELETE n } "
                                "IN TRANSACTIONS OF 1000 ROWS").consume()
                start = time.perf_counter()
                # In transactions of 1,000 rows, each well under the small memory limit.
                loader.write(graph)
                first = time.perf_counter() - start
                if args.profile:
                    for name, memory, seconds in _profile(driver, [doc]):
                        kib = "?" if memory is None else f"{memory // 1024:,}"
                        print(f"#   {name}: {kib} KiB, {seconds:.2f} s", flush=True)
                start = time.perf_counter()
                try:
                    store.write(plan, replace_documents=[doc])
                    result = "ok"
                except StratgraphError as exc:
                    result = f"FAILED: {str(exc)[:120]}"
                seconds = time.perf_counter() - start
                print(f"{councils} | {len(graph.nodes):,} | {len(graph.relationships):,} | "
                      f"{first:.1f} | {seconds:.2f} | {result}", flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
