"""What keeping a relationship's documents costs a ``--replace`` in the embedded store (issue #15).

Run:  python bench/bench_replace_shared_links.py [--councils 48] [--removals 5]

A synthetic graph (``bench/synthetic.py``; 48 councils is about 120k nodes) plus, per plan,
OWNS links from (up to) three of its partnerships to three of its strategies, which other
plans also name, so
the same link is stated by several plans (the case the ``documents`` list is for). The graph is
saved once; then, on copies of the file, one plan at a time is removed (``write(GraphData(),
replace_documents=[plan])``, what ``build --replace`` does before writing the plan again) by:

  now       the store as it is: links other plans also state are kept (graph/embedded.py
            _strip_edges, which also scans the edges' props for the lists)
  previous  the floor: the removal before this change, every edge whose provenance is the
            plan deleted by index (loses the shared links)

Times are wall clock per removal (median over --removals plans), in this one process.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402


def _with_shared_links(graph):  # type: ignore[no-untyped-def]
    from stratgraph.graph.model import Label, Provenance, Relationship, RelType

    by_doc: dict[str, dict[Label, list[str]]] = {}
    for node in graph.nodes.values():
        if node.label in (Label.PARTNERSHIP, Label.STRATEGY):
            for doc in node.properties.get("documents") or [node.provenance.document]:
                by_doc.setdefault(doc, {}).setdefault(node.label, []).append(node.id)
    for doc, found in sorted(by_doc.items()):
        parts, strats = sorted(found.get(Label.PARTNERSHIP, [])), sorted(found.get(Label.STRATEGY, []))
        for part in parts[:3]:
            for strat in strats[:3]:
                graph.add_relationship(
                    Relationship(RelType.OWNS, part, strat, Provenance(doc, 1)))
    return graph


def _previous_strip(con: sqlite3.Connection, docs: set[str]) -> None:
    from stratgraph.graph import sqlite_tables as t

    for batch in t.chunks(sorted(docs)):
        con.execute(f"DELETE FROM edges WHERE source_document IN ({t.placeholders(len(batch))})",
                    batch)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--councils", type=int, default=48)
    parser.add_argument("--removals", type=int, default=5)
    args = parser.parse_args()

    from stratgraph.graph import embedded
    from stratgraph.graph.data import GraphData
    from stratgraph.graph.embedded import EmbeddedStore

    graph = _with_shared_links(synthetic.synthetic_graph(
        councils=args.councils, plans=5, themes=8, actions=40))
    shared = [r for r in graph.relationships.values() if r.properties.get("documents")]
    docs = sorted({n.provenance.document for n in graph.nodes.values()})
    picked = docs[:: max(1, len(docs) // args.removals)][: args.removals]
    print(f"graph: {len(graph.nodes):,} nodes, {len(graph.relationships):,} relationships, "
          f"{len(shared):,} stated by two or more plans; {len(docs)} plans; "
          f"removing {len(picked)} plans one at a time")
    now_strip = embedded._strip_edges
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.sqlite"
        t0 = time.perf_counter()
        EmbeddedStore(base).write(graph)
        print(f"save the whole graph: {time.perf_counter() - t0:.2f} s")
        results: dict[str, list[float]] = {"now": [], "previous": []}
        lost: dict[str, int] = {}
        for name, strip in (("now", now_strip), ("previous", _previous_strip)):
            embedded._strip_edges = strip  # type: ignore[assignment]
            try:
                for doc in picked:
                    path = Path(tmp) / f"{name}.sqlite"
                    shutil.copyfile(base, path)
                    store = EmbeddedStore(path)
                    t0 = time.perf_counter()
                    store.write(GraphData(), replace_documents=[doc])
                    results[name].append(time.perf_counter() - t0)
                    kept = store.read().relationships
                    store.close()
                    lost[name] = lost.get(name, 0) + sum(
                        1 for r in shared
                        if doc in r.properties["documents"] and r.id not in kept)
            finally:
                embedded._strip_edges = now_strip
        for name, times in results.items():
            print(f"{name:9s} remove one plan: median {statistics.median(times):.3f} s "
                  f"(min {min(times):.3f}, max {max(times):.3f}); shared links lost: {lost[name]}")


if __name__ == "__main__":
    main()
