"""The named queries on a real Neo4j: the same exact rows as the embedded store, and the same
rows as the embedded store on seeded random graphs and on the example corpus.

Uses the ``neo4j_store`` fixture of ``neo4j_fixtures.py`` (skipped without a server unless CI
requires one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from query_cases import CASES, rows_as_tuples
from query_graphs import sample_graph
from query_random import random_graph
from stratgraph.graph.data import GraphData
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.neo4j_store import Neo4jStore
from stratgraph.graph.queries import (
    QUERIES,
    prepare_params,
    query_summary,
    run_query,
    stream_query,
    summarise_rows,
)

from stratgraph.errors import QueryError

pytestmark = pytest.mark.neo4j

#: Parameter sets every query is compared under (parameters a query does not take are dropped).
COMPARED = [
    {},
    {"min_confidence": 0.6},
    {"min_confidence": 0.8, "reason": "NO_MEASURE", "kind": "shared-strategy"},
    {"theme": "housing", "plan": "Plan 1", "kind": "theme", "organisation": "CITY"},
    # One filter alone: the queries take a different path from the named items than without.
    {"theme": "housing"},
    {"plan": "doc0.txt", "name": "Strategy 1"},
]


def _params_for(name: str, params: dict[str, Any]) -> dict[str, Any]:
    taken = {p.name for p in QUERIES[name].params}
    chosen = {k: v for k, v in params.items() if k in taken}
    try:
        prepare_params(name, chosen)
    except QueryError:
        chosen.pop("kind", None)
    return chosen


def _compare(neo4j_store: Neo4jStore, graph: GraphData, tmp_path: Path) -> None:
    embedded = EmbeddedStore(tmp_path / "graph.json")
    embedded.write(graph)
    neo4j_store.write(graph)
    for name in sorted(QUERIES):
        for params in COMPARED:
            chosen = _params_for(name, params)
            rows = run_query(embedded, name, chosen)
            assert run_query(neo4j_store, name, chosen) == rows, (name, chosen)
            # Pages (SKIP/LIMIT in Cypher) and summaries (counted in Cypher) agree too.
            for offset, limit in ((0, 1), (1, 2), (2, None), (len(rows), 3)):
                page = list(stream_query(neo4j_store, name, chosen, offset=offset, limit=limit))
                end = None if limit is None else offset + limit
                assert page == rows[offset:end], (name, chosen, offset, limit)
                assert list(stream_query(embedded, name, chosen, offset=offset, limit=limit)) == page
            summary = query_summary(neo4j_store, name, chosen)
            assert summary == query_summary(embedded, name, chosen), (name, chosen)
            assert summary == summarise_rows(QUERIES[name], rows)
            assert sum(r["rows"] for r in summary) == len(rows)


@pytest.fixture
def sample_neo4j(neo4j_store: Neo4jStore) -> Neo4jStore:
    neo4j_store.write(sample_graph())
    return neo4j_store


def test_exact_rows_on_neo4j(sample_neo4j: Neo4jStore) -> None:
    # One database load for all cases: the server is the slow part.
    failures = []
    for name, params, expected in CASES:
        got = rows_as_tuples(sample_neo4j, name, params)
        if got != expected:
            failures.append((name, params, got, expected))
    assert failures == []


def test_store_run_query_takes_prepared_params(sample_neo4j: Neo4jStore) -> None:
    rows = sample_neo4j.run_query("lead-portfolio", prepare_params("lead-portfolio", {}))
    assert [r["lead"] for r in rows] == ["Cllr Jones", "Cllr Smith"]


def test_parameters_are_values_not_cypher(sample_neo4j: Neo4jStore) -> None:
    assert run_query(sample_neo4j, "orphan-actions", {"theme": "x' OR 1=1 //"}) == []
    assert run_query(sample_neo4j, "strategy-feeds", {"strategy": "}) RETURN 1 //"}) == []


@pytest.mark.parametrize("seed", range(4))
def test_random_graphs_give_the_same_rows_on_both_stores(
    neo4j_store: Neo4jStore, tmp_path: Path, seed: int
) -> None:
    _compare(neo4j_store, random_graph(seed), tmp_path)


def test_example_corpus_gives_the_same_rows_on_both_stores(
    neo4j_store: Neo4jStore, tmp_path: Path, examples_dir: Path
) -> None:
    from stratgraph.api import extract_documents

    files = sorted(examples_dir.glob("*.txt"))
    if not files:
        pytest.skip("no example corpus yet")
    extracted = extract_documents(files)
    assert not extracted.errors
    _compare(neo4j_store, extracted.graph, tmp_path)


def test_store_run_query_fills_missing_parameters_like_the_embedded_store(neo4j_store) -> None:
    """Callers may use ``store.run_query`` directly with a partial parameter set."""
    from stratgraph.graph.builder import DocumentGraphBuilder

    b = DocumentGraphBuilder("p.txt")
    b.plan("Plan", 1)
    b.action("Lonely action", 2, theme=b.theme("Theme", 2))
    neo4j_store.write(b.graph)
    rows = neo4j_store.run_query("orphan-actions", {})
    assert [r["action"] for r in rows] == ["Lonely action"]


@pytest.mark.parametrize("seed", range(3))
def test_plan_evolution_of_one_organisation_on_both_stores(
        neo4j_store: Neo4jStore, tmp_path: Path, seed: int) -> None:
    """With an organisation both stores find its items from its plans (its nodes' links, its
    documents): the same rows, including an item named in its documents alone."""
    from query_random import organisation_graph

    graph = organisation_graph(seed)
    embedded = EmbeddedStore(tmp_path / "graph.db")
    embedded.write(graph)
    neo4j_store.write(graph)
    for organisation in ("CITY", "county", "nobody"):
        for min_confidence in (0.0, 0.8):
            params = {"organisation": organisation, "min_confidence": min_confidence}
            rows = run_query(embedded, "plan-evolution", params)
            assert run_query(neo4j_store, "plan-evolution", params) == rows, params
    assert any(r["item"] == "Board 2" for r in run_query(
        neo4j_store, "plan-evolution", {"organisation": "city"}))
