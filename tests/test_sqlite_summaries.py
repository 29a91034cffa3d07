"""The embedded store's whole-graph summaries counted in SQL equal the summaries of the rows.

`graph/sqlite_summaries.py` asks the questions of the tables, not of networkx; here every query
it counts, under every parameter set tests/test_queries_neo4j.py uses, gives exactly
``summarise_rows`` of the query's rows, on seeded random graphs (cycles of SUPPORTS, outcomes
of other plans, inferred links at several confidences, names differing in case and accents)
and on the example corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stratgraph.errors import QueryError
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.queries import QUERIES, prepare_params, query_summary, run_query, summarise_rows
from stratgraph.graph.sqlite_summaries import SUMMARIES
from tests.query_random import random_graph

PARAMS = [
    {},
    {"min_confidence": 0.6},
    {"min_confidence": 0.8, "reason": "NO_MEASURE", "kind": "shared-strategy"},
    {"theme": "housing", "plan": "Plan 1", "kind": "theme", "organisation": "CITY"},
    {"theme": "housing"},
    {"plan": "doc0.txt", "name": "Strategy 1"},
    {"reason": "NO_SUPPORT", "level": "STRATEGIC"},
    {"reason": "NO_OWNER", "scope": "theme", "lead": "cllr 1"},
    {"plan": "PLAN 2", "scope": "plan", "min_confidence": 0.7},
]


def _params_for(name: str, params: dict[str, Any]) -> dict[str, Any]:
    taken = {p.name for p in QUERIES[name].params}
    chosen = {k: v for k, v in params.items() if k in taken}
    try:
        prepare_params(name, chosen)
    except QueryError:
        chosen = {k: v for k, v in chosen.items() if k not in ("kind", "reason")}
    return chosen


def _check(store: EmbeddedStore) -> None:
    from stratgraph.graph.embedded import _counted_summary

    for name in sorted(SUMMARIES):
        for params in PARAMS:
            chosen = _params_for(name, params)
            rows = run_query(store, name, chosen)
            expected = summarise_rows(QUERIES[name], rows)
            assert query_summary(store, name, chosen) == expected, (name, chosen)
            # Counted in SQL even where the store would take one plan's rows instead.
            prepared = prepare_params(name, chosen)
            assert store._read(lambda con: _counted_summary(
                con, QUERIES[name], SUMMARIES[name], prepared)) == expected, (name, chosen)


@pytest.mark.parametrize("seed", range(12))
def test_counted_summaries_equal_the_rows_summaries(seed: int, tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.db")
    store.write(random_graph(seed, documents=4))
    _check(store)


def test_counted_summaries_on_the_example_corpus(tmp_path: Path) -> None:
    from stratgraph.api import build

    store = EmbeddedStore(tmp_path / "graph.db")
    build([Path(__file__).resolve().parents[1] / "examples"], store)
    _check(store)


def test_a_summary_on_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    store = EmbeddedStore(path)
    store.write(random_graph(3))
    store.close()
    path.chmod(0o444)
    try:
        reader = EmbeddedStore(path)
        rows = run_query(reader, "orphan-actions", {})
        assert query_summary(reader, "orphan-actions") == summarise_rows(
            QUERIES["orphan-actions"], rows)
    finally:
        path.chmod(0o644)


def test_a_counted_summary_is_saved_until_the_next_write(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    store = EmbeddedStore(path)
    store.write(random_graph(1))
    first = query_summary(store, "orphan-actions")
    # Another process asking again reads the saved summary.
    assert query_summary(EmbeddedStore(path), "orphan-actions") == first
    store.write(random_graph(2, documents=5))
    again = EmbeddedStore(path)
    assert query_summary(again, "orphan-actions") == summarise_rows(
        QUERIES["orphan-actions"], run_query(again, "orphan-actions"))
    assert query_summary(again, "orphan-actions") != first


@pytest.mark.parametrize("seed", range(6))
def test_a_partial_load_answers_as_the_whole_graph_does(seed: int, tmp_path: Path) -> None:
    from stratgraph.graph.embedded import PARTIAL_LOADS
    from stratgraph.graph.queries_view import View

    store = EmbeddedStore(tmp_path / "graph.db")
    store.write(random_graph(seed, documents=4))
    for name in sorted(PARTIAL_LOADS):
        for params in PARAMS:
            chosen = prepare_params(name, _params_for(name, params))
            partial = run_query(EmbeddedStore(tmp_path / "graph.db"), name, chosen)
            spec = QUERIES[name]
            whole = spec.embedded(View(store.networkx, chosen["min_confidence"]), chosen)
            assert partial == [{c: r[c] for c in spec.column_names} for r in whole], (name, chosen)
