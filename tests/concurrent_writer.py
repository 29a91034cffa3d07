"""A build process of its own for the concurrent-writer tests: ``python concurrent_writer.py
GO_FILE FIRST LAST`` waits until ``GO_FILE`` exists, then writes plans FIRST..LAST-1 into the
Neo4j at ``NEO4J_URI`` (``NEO4J_PASSWORD``), one write per plan, each replacing its document,
as ``stratgraph build`` of one plan does. ``plan(i)`` is shared with the test, which builds
the expected graph from the same plans.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import RelType

#: Shared names every plan mentions: list updates on these are what concurrent builds race on.
STRATEGIES = ("Health and Wellbeing Strategy", "Local Transport Plan", "Economic Growth Plan")
PARTNERSHIPS = ("Community Safety Partnership", "Health and Wellbeing Board")


def document(i: int) -> str:
    return f"plan-{i:03d}.txt"


def plan(i: int, *, shared_links: bool = True) -> GraphData:
    """Plan ``i``: its own themes and actions, naming every shared strategy and partnership,
    and stating that each partnership owns each strategy (relationships between shared nodes
    that every plan states)."""
    b = DocumentGraphBuilder(document(i))
    b.plan(f"Council {i} Plan", 1, organisation=f"Council {i}")
    theme = b.theme("Health", 2)
    strategies = [b.strategy(name, 10 + k) for k, name in enumerate(STRATEGIES)]
    partnerships = [b.partnership(name, 20 + k) for k, name in enumerate(PARTNERSHIPS)]
    for k in range(4):
        action = b.action(f"Council {i} action {k}", 30 + k, theme=theme)
        b.link(RelType.REFERENCES, action, strategies[k % len(strategies)], 30 + k)
        b.link(RelType.INVOLVES, action, partnerships[k % len(partnerships)], 30 + k)
    if shared_links:
        for p, partnership in enumerate(partnerships):
            for s, strategy in enumerate(strategies):
                b.link(RelType.OWNS, partnership, strategy, 40 + p * 3 + s)
    return b.graph


def main(argv: list[str]) -> int:
    from stratgraph.graph.neo4j_store import Neo4jStore

    go, first, last = Path(argv[0]), int(argv[1]), int(argv[2])
    store = Neo4jStore(os.environ["NEO4J_URI"], "neo4j", os.environ.get("NEO4J_PASSWORD") or None)
    graphs = [plan(i) for i in range(first, last)]
    store.ensure_schema()
    while not go.exists():
        time.sleep(0.005)
    for i, graph in zip(range(first, last), graphs, strict=True):
        store.write(graph, replace_documents=[document(i)])
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
