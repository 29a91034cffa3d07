"""What the bounded overview's "what changed between plan years" adds per write (issue #16).

The plan pairs' counts (graph/pair_answers.py ``pair_changes``) are made from the same facts
and in the same pass as plan-evolution's items, which every write already counts: with the pair
answers at settle time on Neo4j (graph/neo4j_pair_facts.py ``store_answers``), and for the
summary on the embedded store. Measured side by side in one run, alternating, so load hits
both alike:

- ``items``: plan-evolution's items alone (what was counted before; the floor);
- ``items + pairs``: the same with the plan pairs' counts (what is counted now);
- with ``--neo4j``: the pair answers' whole count at settle (``store_answers(force=True)``, in
  its own write transaction) with the pairs' counts and with them left out.

Graphs: the five example plans (``examples/``) and a generated graph of ``--councils``
councils (bench/synthetic.py, each council ``--plans`` plans of one organisation).

    python bench/bench_plan_changes.py --councils 60 --themes 4 --actions 10 --repeat 5 [--neo4j]
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
sys.path.insert(0, str(REPO / "bench"))


def _graphs(args: argparse.Namespace) -> list[tuple[str, Any]]:
    from synthetic import synthetic_graph

    from stratgraph.api import extract_documents

    examples = sorted((REPO / "examples").glob("*.txt"))
    return [("5 example plans", extract_documents(examples).graph),
            (f"{args.councils} councils x {args.plans} plans",
             synthetic_graph(councils=args.councils, plans=args.plans, themes=args.themes,
                             actions=args.actions))]


def _median(run: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        out.append(time.perf_counter() - t0)
    return out


def _show(label: str, times: list[float]) -> None:
    print(f"  {label:<44} median {statistics.median(times) * 1000:9.2f} ms  "
          f"(all: {', '.join(f'{t * 1000:.2f}' for t in times)})", flush=True)


def embedded(name: str, graph: Any, repeat: int) -> None:
    """The embedded store's facts read once, then items against items + pairs."""
    import sqlite3

    from stratgraph.graph import pair_answers, sqlite_facts
    from stratgraph.graph.embedded import EmbeddedStore

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.db"
        store = EmbeddedStore(path)
        store.write(graph)
        counted = store.plan_changes()
        store.close()
        assert counted is not None
        con = sqlite3.connect(path)
        facts: list[Any] = []
        real = pair_answers.evolution_answers

        def grab(*args: Any) -> Any:
            facts[:] = [list(a) for a in args]
            return real(*args)

        pair_answers.evolution_answers = grab  # type: ignore[assignment]
        try:
            read = _median(lambda: sqlite_facts.plan_changes(con), 1)
        finally:
            pair_answers.evolution_answers = real  # type: ignore[assignment]
        con.close()
    plans = sum(1 for n in graph.nodes.values() if n.label.value == "Plan")
    changes, rows = counted
    pairs = {(c["earlier_id"], c["later_id"]) for c in changes}
    print(f"{name}: {len(graph.nodes):,} nodes, {plans} plans, {rows:,} plan-evolution rows, "
          f"{len(pairs)} plan pairs; the facts read and counted once: {read[0] * 1000:.1f} ms",
          flush=True)
    items, both = [], []
    for _ in range(repeat):
        # evolution_items returns evolution_answers' items: the floor is the same pass with
        # the pairs' count left out.
        real = pair_answers.pair_changes
        pair_answers.pair_changes = lambda *a: []  # type: ignore[assignment]
        try:
            items += _median(lambda: pair_answers.evolution_answers(*facts), 1)
        finally:
            pair_answers.pair_changes = real  # type: ignore[assignment]
        both += _median(lambda: pair_answers.evolution_answers(*facts), 1)
    _show("items (before)", items)
    _show("items + pairs (now)", both)
    plan_infos = facts[0]
    held = _held(facts)
    _show("the pairs' count alone (pair_changes)",
          _median(lambda: pair_answers.pair_changes(plan_infos, held), repeat))


def _held(facts: list[Any]) -> list[tuple[str, set[str]]]:
    """(kind, plan ids) of every plan-evolution row, as evolution_answers hands them on."""
    from stratgraph.graph import pair_answers

    seen: list[Any] = []
    real = pair_answers.pair_changes

    def grab(plans: Any, held: Any) -> Any:
        seen.append(list(held))
        return real(plans, held)

    pair_answers.pair_changes = grab  # type: ignore[assignment]
    try:
        pair_answers.evolution_answers(*facts)
    finally:
        pair_answers.pair_changes = real  # type: ignore[assignment]
    return seen[0]


def neo4j(name: str, graph: Any, repeat: int) -> None:
    """The pair answers' whole count at settle, with the pairs' counts and without."""
    from neo4j_server import neo4j_server

    from stratgraph.graph import neo4j_pair_facts, pair_answers
    from stratgraph.graph.neo4j_store import Neo4jStore

    with neo4j_server(heap="1g") as server:
        store = Neo4jStore(server.uri, server.user, server.password, database=server.database)
        store.write(graph)
        real = pair_answers.pair_changes
        with_pairs, without = [], []
        for _ in range(repeat):
            for how, out in (("with", with_pairs), ("without", without)):
                if how == "without":
                    pair_answers.pair_changes = lambda *a: []  # type: ignore[assignment]
                try:
                    with store._driver.session() as session:
                        t0 = time.perf_counter()
                        session.execute_write(neo4j_pair_facts.store_answers, force=True)
                        out.append(time.perf_counter() - t0)
                finally:
                    pair_answers.pair_changes = real  # type: ignore[assignment]
        store.close()
    print(f"{name} on Neo4j: the pair answers counted at settle (store_answers, forced)",
          flush=True)
    _show("without the plan pairs (before)", without)
    _show("with the plan pairs (now)", with_pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--councils", type=int, default=60)
    parser.add_argument("--plans", type=int, default=5)
    parser.add_argument("--themes", type=int, default=4)
    parser.add_argument("--actions", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--neo4j", action="store_true", help="also time the settle on Neo4j")
    args = parser.parse_args()
    for name, graph in _graphs(args):
        embedded(name, graph, args.repeat)
        if args.neo4j:
            neo4j(name, graph, args.repeat)


if __name__ == "__main__":
    main()
