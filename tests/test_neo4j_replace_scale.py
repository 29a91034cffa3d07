"""Rebuilding one plan in a large Neo4j graph fits in memory that grows with the plan, not with
the graph (issue #15 "nothing lost" at issue #17's national scale).

A shared strategy named by every plan keeps one record (:StratgraphPart) per plan; a replace
used to merge every such node again in one statement, whose eager steps held every record of
every node the plan named at once, and failed with Neo4j's transaction memory error in a
national graph. Here a harness of its own runs with a small ``db.memory.transaction.max``, so
the same failure shows with a few hundred plans.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from neo4j_fixtures import own_harness_server
from neo4j_harness import harness

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData, strip_documents
from stratgraph.graph.model import RelType
from test_store_conformance import assert_same

pytestmark = pytest.mark.neo4j

PLANS = 240
STRATEGIES = 8
# Each plan's own record of a strategy carries this much text, so that all of the records of
# the strategies one plan names (PLANS x STRATEGIES x ~3 KB, about 6 MB) held at once, a few
# times over by the eager steps, pass the limit, while one strategy's (0.7 MB) stays well under.
NOTE = 3000
TRANSACTION_MAX_MB = 16


def plan(i: int) -> GraphData:
    """Plan ``i``: its Plan node and the strategies every plan names, each with its own note."""
    b = DocumentGraphBuilder(f"council-{i:03d}-plan.txt")
    plan_id = b.plan(f"Council {i} Plan", 1, organisation=f"Council {i}")
    for s in range(STRATEGIES):
        strategy = b.strategy(f"National Strategy {s}", 10 + s,
                              note=f"plan {i} on strategy {s}: " + "x" * NOTE)
        b.link(RelType.REFERENCES, plan_id, strategy, 10 + s)
    return b.graph


@pytest.fixture(scope="module")
def small_server() -> Iterator[harness.HarnessServer]:
    yield from own_harness_server(heap="1g", transaction_max_mb=TRANSACTION_MAX_MB)


def test_replacing_one_plan_among_many_sharing_strategies_fits_a_small_memory_limit(
        small_server: harness.HarnessServer) -> None:
    from stratgraph.graph.neo4j_store import Neo4jStore

    plans = [plan(i) for i in range(PLANS)]
    everything = GraphData.combine(plans)
    first = plans[0]
    (doc,) = {n.provenance.document for n in first.nodes.values()}
    # The graph goes in small transactions, each under the limit; the replace is one.
    with Neo4jStore(small_server.uri, batch_size=200, transaction_rows=200) as loader:
        loader.write(everything)
    with Neo4jStore(small_server.uri) as store:
        store.write(first, replace_documents=[doc])
        got = store.read()
        store.write(GraphData(), replace_documents=[doc])
        without = store.read()

    expected = strip_documents(everything, [doc])
    assert_same(without, expected)
    expected.update(first)
    assert_same(got, expected)
    # The strategies give back the other plans' records: the earliest remaining plan's note.
    strategy = next(n for n in without.nodes.values() if n.name == "National Strategy 0")
    assert strategy.properties["note"].startswith("plan 1 on strategy 0: ")
    assert len(strategy.properties["documents"]) == PLANS - 1
