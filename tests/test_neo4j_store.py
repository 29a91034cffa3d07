"""What only the Neo4j store has to get right, against a real Neo4j 5 server: the schema,
foreign data in the same database, connection errors, transactions, and loading real plans."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j_fixtures import Neo4jServer
from stratgraph.graph import neo4j_store as module
from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.model import Label, RelType
from stratgraph.graph.neo4j_store import Neo4jStore
from test_store_conformance import DOC_A, DOC_B, assert_same, combined, plan_a, plan_b

from stratgraph.api import build
from stratgraph.errors import ConnectionFailed, QueryError, StoreError

pytestmark = pytest.mark.neo4j


def scalar(driver: Any, query: str, **params: Any) -> Any:
    records, _, _ = driver.execute_query(query, params)
    return records[0][0]


def schema_names(driver: Any) -> tuple[set[str], set[str]]:
    constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
    indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN name")
    return {r["name"] for r in constraints}, {r["name"] for r in indexes}


# -- schema -----------------------------------------------------------------------------


def test_schema_is_created_and_idempotent(neo4j_server: Neo4jServer, neo4j_driver: Any) -> None:
    neo4j_server.wipe()
    with neo4j_server.open_store() as store:
        store.ensure_schema()
    constraints, indexes = schema_names(neo4j_driver)
    assert "stratgraph_id" in constraints
    assert {"stratgraph_source_document", "stratgraph_strategy_name",
            "stratgraph_part_of_doc"} <= indexes
    for _ in range(2):
        with neo4j_server.open_store() as store:
            store.ensure_schema()
            store.write(plan_a())
    assert schema_names(neo4j_driver) == (constraints, indexes)
    states, _, _ = neo4j_driver.execute_query(
        "SHOW INDEXES YIELD name, state WHERE name STARTS WITH 'stratgraph' RETURN state")
    assert {r["state"] for r in states} == {"ONLINE"}


def test_schema_file_statements_are_all_idempotent() -> None:
    statements = module.schema_statements()
    assert len(statements) >= 10
    assert all("IF NOT EXISTS" in s for s in statements)


def test_unique_id_is_enforced_among_our_nodes(neo4j_store: Neo4jStore, neo4j_driver: Any) -> None:
    from neo4j.exceptions import ConstraintError

    neo4j_store.write(plan_a())
    plan_id = next(n.id for n in plan_a().nodes.values() if n.label is Label.PLAN)
    with pytest.raises(ConstraintError):
        neo4j_driver.execute_query("CREATE (:Stratgraph:Plan {id: $id})", id=plan_id)


# -- how nodes are kept -----------------------------------------------------------------


def test_nodes_carry_marker_and_model_label_with_flat_properties(
    neo4j_store: Neo4jStore, neo4j_driver: Any
) -> None:
    neo4j_store.write(combined(plan_a(), plan_b()))
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n:Stratgraph:Strategy) RETURN labels(n) AS labels, properties(n) AS props")
    (record,) = records
    assert sorted(record["labels"]) == ["Strategy", "Stratgraph"]
    props = record["props"]
    assert props["name"] == "Housing Strategy"
    assert props["source_document"] == DOC_A and props["source_line"] == 12
    assert props["documents"] == [DOC_A, DOC_B]
    assert props["kind"] == "document"
    # Besides the graph, only each document's own record of a shared node (:StratgraphPart)
    # and the write-time facts (graph/neo4j_facts.py).
    total = scalar(neo4j_driver, "MATCH (n) WHERE NOT n:Stratgraph AND NOT n:StratgraphPart "
                                 "AND NOT n:StratgraphFact AND NOT n:StratgraphFactsMeta "
                                 "RETURN count(n)")
    assert total == 0
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:StratgraphPart) WHERE p.id = $id RETURN p.source_document AS doc ORDER BY doc",
        id=props["id"])
    assert [r["doc"] for r in records] == [DOC_A, DOC_B]


def test_relationship_types_come_from_the_model(neo4j_store: Neo4jStore, neo4j_driver: Any) -> None:
    neo4j_store.write(combined(plan_a(), plan_b()))
    records, _, _ = neo4j_driver.execute_query("MATCH ()-[r]->() RETURN DISTINCT type(r) AS t")
    assert {r["t"] for r in records} <= {t.value for t in RelType}


# -- foreign data -----------------------------------------------------------------------


@pytest.fixture
def foreign(neo4j_driver: Any) -> Iterator[None]:
    """Someone else's data in the same database, some of it looking like ours."""
    neo4j_driver.execute_query(
        "CREATE (:Plan {id: 'x', name: 'not ours', source_document: $doc}) "
        "CREATE (p:Person {name: 'Ada'})-[:KNOWS]->(:Person {name: 'Grace'}) "
        "CREATE (:Action {id: 'y', source_document: $doc})-[:SUPPORTS "
        "{source_document: $doc}]->(:Outcome {id: 'z', source_document: $doc})",
        doc=DOC_A,
    )
    yield


def foreign_counts(driver: Any) -> tuple[int, int]:
    nodes = scalar(driver, "MATCH (n) WHERE NOT n:Stratgraph AND NOT n:StratgraphPart "
                           "AND NOT n:StratgraphFact AND NOT n:StratgraphFactsMeta "
                           "RETURN count(n)")
    rels = scalar(driver, "MATCH (a)-[r]->(b) WHERE NOT a:Stratgraph AND NOT b:Stratgraph "
                          "RETURN count(r)")
    return nodes, rels


def test_foreign_data_is_neither_read_nor_touched(
    neo4j_store: Neo4jStore, neo4j_driver: Any, foreign: None
) -> None:
    before = foreign_counts(neo4j_driver)
    assert before == (5, 2)
    neo4j_store.write(combined(plan_a(), plan_b()))
    neo4j_store.write(plan_a(with_lead=False), replace_documents=[DOC_A])
    neo4j_store.write(GraphData(), replace_documents=[DOC_A, DOC_B])
    assert foreign_counts(neo4j_driver) == before
    assert scalar(neo4j_driver, "MATCH (p:Plan {id: 'x'}) RETURN p.name") == "not ours"
    assert neo4j_store.read().nodes == {}
    neo4j_store.write(plan_a())
    assert_same(neo4j_store.read(), plan_a())
    assert "x" not in neo4j_store.read().nodes
    assert neo4j_store.shared_entities() == [
        n for n in plan_a().sorted_nodes() if n.label in module.SHARED_LABELS]


# -- connection errors ------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_server_down_is_connection_failed() -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    with pytest.raises(ConnectionFailed) as info:
        Neo4jStore(uri, "neo4j", "s3cret-pass")
    message = str(info.value)
    assert message.startswith(f"cannot reach Neo4j at {uri} (")
    assert "\n" not in message and "s3cret-pass" not in message


def test_wrong_password_is_connection_failed(neo4j_server: Neo4jServer) -> None:
    if neo4j_server.password is None:
        pytest.skip("this server has authentication off")
    wrong = "wrong-" + neo4j_server.password
    with pytest.raises(ConnectionFailed) as info:
        Neo4jStore(neo4j_server.uri, neo4j_server.user, wrong)
    message = str(info.value)
    assert "refused the login for user 'neo4j'" in message
    assert wrong not in message and neo4j_server.password not in message
    assert "\n" not in message
    with pytest.raises(ConnectionFailed, match="refused the login"):
        Neo4jStore(neo4j_server.uri, neo4j_server.user, None)


def test_unknown_database_is_connection_failed(neo4j_server: Neo4jServer) -> None:
    with pytest.raises(ConnectionFailed, match="has no database 'nosuchdb'") as info:
        Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password,
                   database="nosuchdb")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "", "neo4j//x"])
def test_not_a_neo4j_address(uri: str) -> None:
    with pytest.raises(ConnectionFailed, match="not a Neo4j address"):
        Neo4jStore(uri, "neo4j", "pw")


def test_credentials_in_the_uri_never_reach_the_message() -> None:
    with pytest.raises(ConnectionFailed) as info:
        Neo4jStore("bolt://ada:t0psecret@127.0.0.1:1", "neo4j", "pw")
    assert "t0psecret" not in str(info.value)


def test_neo4j_scheme_with_routing_works(neo4j_server: Neo4jServer) -> None:
    uri = neo4j_server.uri.replace("bolt://", "neo4j://", 1)
    neo4j_server.wipe()
    with Neo4jStore(uri, neo4j_server.user, neo4j_server.password,
                    database=neo4j_server.database) as store:
        store.write(plan_a())
        assert_same(store.read(), plan_a())


def test_repr_never_shows_the_password(neo4j_server: Neo4jServer) -> None:
    with neo4j_server.open_store() as store:
        assert neo4j_server.password is None or neo4j_server.password not in repr(store)


def test_driver_is_not_imported_with_the_package() -> None:
    code = ("import sys, stratgraph, stratgraph.config, stratgraph.graph.neo4j_store; "
            "print('neo4j' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- transactions -----------------------------------------------------------------------


def test_failed_write_leaves_the_previous_contents(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(combined(plan_a(), plan_b()))
    before = neo4j_store.read()
    bad = DocumentGraphBuilder(DOC_A)
    bad.plan("Alpha again", 1)
    # A value Neo4j cannot store, met after the strip has already run in the transaction.
    bad.theme("Broken", 2, extra={"nested": "map"})
    with pytest.raises(StoreError, match="cannot store"):
        neo4j_store.write(bad.graph, replace_documents=[DOC_A])
    assert_same(neo4j_store.read(), before)


def test_batched_write_gives_the_same_result(neo4j_server: Neo4jServer) -> None:
    neo4j_server.wipe()
    graph = combined(plan_a(), plan_b())
    with neo4j_server.open_store() as store:
        store.write(graph)
        single = store.read()
    neo4j_server.wipe()
    with neo4j_server.open_store(batch_size=3, transaction_rows=5) as store:
        store.write(graph)
        store.write(plan_a(with_lead=False), replace_documents=[DOC_A])
        store.write(plan_a(), replace_documents=[DOC_A])
        assert_same(store.read(), single)


def test_interrupted_batched_write_completes_on_rerun(
    neo4j_server: Neo4jServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    neo4j_server.wipe()
    graph = combined(plan_a(), plan_b())
    calls = {"n": 0}
    real_run = module._run_statements

    def failing_run(*args: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 3:
            raise StoreError("simulated crash part-way through a batched write")
        return real_run(*args)

    with neo4j_server.open_store(batch_size=4, transaction_rows=5) as store:
        store.write(plan_b())
        assert store.unfinished_load() is None
        monkeypatch.setattr(module, "_run_statements", failing_run)
        with pytest.raises(StoreError, match="simulated crash"):
            store.write(graph, replace_documents=[DOC_A, DOC_B])
        partial = store.read()
        assert 0 < len(partial.nodes) < len(graph.nodes)
        # What is there is consistent: every relationship joins two stored nodes.
        assert not list(partial.dangling())
        # ... and the cut-off load is marked, for the next command to say so in one line.
        notice = store.unfinished_load()
        assert notice is not None and "\n" not in notice
        assert "has not finished" in notice and DOC_A in notice
        monkeypatch.setattr(module, "_run_statements", real_run)
    with neo4j_server.open_store(batch_size=4, transaction_rows=5) as store:
        assert store.unfinished_load() == notice  # a new connection sees it too
        store.write(graph, replace_documents=[DOC_A, DOC_B])
        assert_same(store.read(), graph)
        assert store.unfinished_load() is None  # the rerun covered it: the mark is gone


def test_dangling_relationships_are_skipped_with_a_warning(
    neo4j_store: Neo4jStore, caplog: pytest.LogCaptureFixture
) -> None:
    b = DocumentGraphBuilder(DOC_A)
    b.theme("Orphan theme", 3)  # PART_OF a plan node that is never made
    with caplog.at_level(logging.WARNING, logger=module.__name__):
        summary = neo4j_store.write(b.graph)
    assert summary.relationships_total == 0
    assert "1 relationships skipped" in caplog.text


# -- named queries ----------------------------------------------------------------------


def test_run_query_unknown_or_internal_name_is_query_error(neo4j_store: Neo4jStore) -> None:
    for name in ["no-such-query", "schema", "store_counts", "../graph/x", ""]:
        with pytest.raises(QueryError, match="unknown query"):
            neo4j_store.run_query(name, {})


def test_run_query_runs_the_file_with_parameters(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    neo4j_store.write(combined(plan_a(), plan_b()))
    text = ("MATCH (n:Stratgraph) WHERE n.source_document = $doc "
            "RETURN n.name AS name ORDER BY name LIMIT 2")
    real = module.cypher_text

    def fake(filename: str) -> str:
        return text if filename == "test-names.cypher" else real(filename)

    monkeypatch.setattr(module, "cypher_text", fake)
    rows = neo4j_store.run_query("test-names", {"doc": DOC_B})
    assert rows == [{"name": "Beta Borough Council"}, {"name": "Beta Delivery Plan 2021"}]
    with pytest.raises(QueryError, match="test-names"):
        neo4j_store.run_query("test-names", {})


# -- real documents ---------------------------------------------------------------------


def test_rebuilding_leaves_identical_counts(neo4j_store: Neo4jStore) -> None:
    graph = combined(plan_a(), plan_b())
    first = neo4j_store.write(graph, replace_documents=[DOC_A, DOC_B])
    for _ in range(2):
        again = neo4j_store.write(graph, replace_documents=[DOC_A, DOC_B])
        assert (again.nodes_total, again.relationships_total) == (
            first.nodes_total, first.relationships_total)
    assert neo4j_store.counts() == (len(graph.nodes), len(graph.relationships))


@pytest.mark.corpus
def test_loading_the_real_plans_twice_gives_identical_counts(
    neo4j_store: Neo4jStore, corpus_dir: Path, tmp_path: Path
) -> None:
    first = build([corpus_dir], neo4j_store)
    assert first.ok and first.written is not None
    counts = neo4j_store.counts()
    contents = neo4j_store.read()
    second = build([corpus_dir], neo4j_store)
    assert second.written is not None
    assert neo4j_store.counts() == counts
    assert (second.written.nodes_total, second.written.relationships_total) == counts
    assert_same(neo4j_store.read(), contents)
    assert first.summary == second.summary
    embedded = EmbeddedStore(tmp_path / "graph.json")
    build([corpus_dir], embedded)
    assert counts == (len(embedded.read().nodes), len(embedded.read().relationships))
