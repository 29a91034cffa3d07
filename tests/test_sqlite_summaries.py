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
    from stratgraph.graph import sqlite_summaries
    from stratgraph.graph.embedded import _counted_summary

    _check_facts(store)
    for name in sorted(SUMMARIES):
        for params in PARAMS:
            chosen = _params_for(name, params)
            rows = run_query(EmbeddedStore(store.path), name, chosen)
            expected = summarise_rows(QUERIES[name], rows)
            assert query_summary(store, name, chosen) == expected, (name, chosen)
            # Counted in SQL even where the store would take one plan's rows instead.
            prepared = prepare_params(name, chosen)

            def counted(con: Any) -> Any:
                return _counted_summary(con, QUERIES[name], SUMMARIES[name], prepared)

            got = store._read(counted)
            # None: not counted in SQL for these parameters (the rows' summary is used).
            assert got in (None, expected), (name, chosen)
            if not prepared.get("min_confidence"):
                assert got == expected, (name, chosen)
            # The live count (no facts, as a file another version wrote) agrees as well.
            facts = sqlite_summaries._from_facts
            sqlite_summaries._from_facts = lambda con, p: False
            try:
                assert store._read(counted) in (None, expected), (name, chosen)
            finally:
                sqlite_summaries._from_facts = facts


def _facts(con: Any) -> dict[str, list[tuple[Any, ...]]]:
    from stratgraph.graph.sqlite_facts import FACT_TABLES

    return {table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in FACT_TABLES}


def _check_facts(store: EmbeddedStore) -> None:
    """The facts kept write by write equal the facts computed afresh from the whole graph."""
    from stratgraph.graph import sqlite_facts

    con = store._connect()
    assert sqlite_facts.current(con)
    kept = _facts(con)
    con.execute("BEGIN IMMEDIATE")
    try:
        sqlite_facts.refresh(con, None)
        afresh = _facts(con)
    finally:
        con.execute("ROLLBACK")
    assert kept == afresh


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


def _one_document(graph: Any, document: str) -> Any:
    """The records of ``graph`` a build of ``document`` alone would write."""
    from stratgraph.graph.data import GraphData

    part = GraphData()
    for rel in graph.relationships.values():
        if rel.provenance.document == document:
            part.relationships[rel.id] = rel
    for node in graph.nodes.values():
        if (node.provenance.document == document
                or document in (node.properties.get("documents") or ())):
            part.nodes[node.id] = node
    for rel in part.relationships.values():
        for end in (rel.start, rel.end):
            part.nodes.setdefault(end, graph.nodes[end])
    return part


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("whole_share", [0.25, 1e9])
def test_facts_follow_every_write_replace_and_removal(
    seed: int, whole_share: float, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Facts refreshed for the touched plans only (``whole_share`` 1e9: never the whole
    graph) equal the whole graph's, after writes of one document at a time, a document
    replaced by another version, and a document removed."""
    from stratgraph.graph import sqlite_facts
    from stratgraph.graph.data import GraphData

    monkeypatch.setattr(sqlite_facts, "WHOLE_SHARE", whole_share)
    store = EmbeddedStore(tmp_path / "graph.db")
    first, second = random_graph(seed, documents=4), random_graph(seed + 100, documents=4)
    for d in range(4):
        store.write(_one_document(first, f"doc{d}.txt"))
        _check_facts(store)
    _check(store)
    store.write(_one_document(second, "doc1.txt"), replace_documents=["doc1.txt"])
    _check(store)
    store.write(_one_document(second, "doc0.txt"), replace_documents=["doc0.txt"])
    _check_facts(store)
    store.write(GraphData(), replace_documents=["doc2.txt"])
    _check(store)


def test_a_chain_across_plans_refreshes_the_plan_it_starts_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The invariant the refresh relies on is not "a SUPPORTS chain stays in its plan": an
    action of plan A may reach A's outcome through plan B's outcome. Replacing plan B (its
    link gone) must refresh plan A's action, though the write touched only B's records."""
    from stratgraph.graph import sqlite_facts
    from stratgraph.graph.builder import DocumentGraphBuilder
    from stratgraph.graph.model import RelType

    monkeypatch.setattr(sqlite_facts, "WHOLE_SHARE", 1e9)
    a = DocumentGraphBuilder("a.txt")
    a.plan("Plan A", 1)
    theme = a.theme("Housing", 2)
    action = a.action("Build homes", 3, theme=theme, deadline="2026")
    goal = a.outcome("More homes", 4, theme=theme, level="strategic")
    b = DocumentGraphBuilder("b.txt")
    b.plan("Plan B", 1)
    bridge = b.outcome("Homes for key workers", 2, level="theme")
    a.link(RelType.SUPPORTS, action, bridge, 5)
    b.link(RelType.SUPPORTS, bridge, goal, 3)
    store = EmbeddedStore(tmp_path / "graph.db")
    store.write(a.graph)
    store.write(b.graph)
    reasons = {r["action"]: r["reasons"] for r in run_query(store, "orphan-actions", {})}
    assert "NO_OUTCOME" not in reasons["Build homes"]
    assert query_summary(store, "orphan-actions")[0].get("NO_OUTCOME", 0) == 0
    again = DocumentGraphBuilder("b.txt")
    again.plan("Plan B", 1)
    again.outcome("Homes for key workers", 2, level="theme")
    store.write(again.graph, replace_documents=["b.txt"])
    _check(store)
    summary = query_summary(EmbeddedStore(tmp_path / "graph.db"), "orphan-actions")
    assert [r for r in summary if r["plan"] == "Plan A"][0]["NO_OUTCOME"] == 1


def test_facts_after_curation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A curation file that removes a SUPPORTS link and adds an OWNS link rewrites other
    documents: their facts follow (refreshed for the touched plans only)."""
    from stratgraph.api import build
    from stratgraph.graph import sqlite_facts

    monkeypatch.setattr(sqlite_facts, "WHOLE_SHARE", 1e9)
    examples = Path(__file__).resolve().parents[1] / "examples"
    store = EmbeddedStore(tmp_path / "graph.db")
    assert build([examples], store).ok
    graph = store.read()
    supports = next(r for r in sorted(graph.relationships.values(), key=lambda r: r.id)
                    if r.type.value == "SUPPORTS"
                    and graph.nodes[r.start].label.value == "Action")
    start, end = graph.nodes[supports.start], graph.nodes[supports.end]
    unowned = next(r["action"] for r in run_query(store, "orphan-actions", {"reason": "NO_OWNER"})
                   if r["action"] != start.name)
    lead = next(n for n in graph.nodes.values() if n.label.value == "CabinetLead")
    curation = tmp_path / "stratgraph-curation.toml"
    curation.write_text(f"""
[[unlink]]
type = "SUPPORTS"
from = {{ label = "Action", name = {start.name!r} }}
to = {{ label = "Outcome", name = {end.name!r} }}

[[link]]
type = "OWNS"
from = {{ label = "CabinetLead", name = {lead.name!r} }}
to = {{ label = "Action", name = {unowned!r} }}
""", encoding="utf-8")
    before = query_summary(store, "orphan-actions")
    assert build([examples], store, curation=curation).ok
    _check(store)
    assert query_summary(store, "orphan-actions") != before


def test_an_older_file_gets_its_facts_on_open(tmp_path: Path) -> None:
    """A file written without facts (or by a stratgraph that does not keep them) has them
    computed on the next open that can write, and counts live when it cannot."""
    import sqlite3

    path = tmp_path / "graph.db"
    store = EmbeddedStore(path)
    store.write(random_graph(5, documents=4))
    store.close()
    con = sqlite3.connect(path)
    for table in ("fact_actions", "fact_outcomes", "fact_feeds"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DROP INDEX edges_type_start")
    con.execute("DELETE FROM meta WHERE key = 'facts'")
    con.commit()
    con.close()
    path.chmod(0o444)
    try:
        reader = EmbeddedStore(path)
        assert query_summary(reader, "orphan-actions") == summarise_rows(
            QUERIES["orphan-actions"], run_query(reader, "orphan-actions"))
        reader.close()
    finally:
        path.chmod(0o644)
    _check(EmbeddedStore(path))
