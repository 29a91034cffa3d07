"""A fresh load writes with CREATE, and falls back to MERGE whenever that might not be safe
(issue #17: loads ahead of py2neo and LOAD CSV). The result is always the merged graph."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from neo4j_fixtures import Neo4jServer
from stratgraph.graph import neo4j_store as module
from stratgraph.graph.data import GraphData
from test_store_conformance import DOC_A, DOC_B, assert_same, combined, plan_a, plan_b

pytestmark = pytest.mark.neo4j

# bench/synthetic.py, for the tests run on their own (other test files add it too).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

SIZES = [pytest.param({}, id="one-transaction"),
         pytest.param({"batch_size": 3, "transaction_rows": 5, "workers": 2}, id="batched")]


def _queries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record whether each write statement run creates or merges."""
    seen: list[str] = []
    real = module._run_statements

    def kind(query: str) -> str:
        body = "\n".join(line for line in query.splitlines() if not line.startswith("//"))
        return "MERGE" if "MERGE" in body else "CREATE"

    def recording(tx: Any, statements: Any) -> int:
        seen.extend(kind(q) for q, *_ in statements)
        return real(tx, statements)

    monkeypatch.setattr(module, "_run_statements", recording)
    return seen


def _count_rels(server: Neo4jServer) -> int:
    with server.open_store() as store:
        return store.counts()[1]


@pytest.mark.parametrize("options", SIZES)
def test_a_fresh_load_creates_and_stores_the_graph(neo4j_server: Neo4jServer, options: dict,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    neo4j_server.wipe()
    graph = combined(plan_a(), plan_b())
    seen = _queries(monkeypatch)
    with neo4j_server.open_store(**options) as store:
        store.write(graph)
        assert_same(store.read(), graph)
    assert any(q.endswith("CREATE") for q in seen)
    # Shared entities are always merged: other plans may hold them.
    assert any(q.endswith("MERGE") for q in seen)


@pytest.mark.parametrize("options", SIZES)
def test_writing_stored_documents_again_falls_back_to_merge(
        neo4j_server: Neo4jServer, options: dict) -> None:
    """Without --replace the documents' nodes are stored already: the id constraint stops the
    CREATE, and the same write runs with MERGE (the embedded store's result, no duplicate)."""
    neo4j_server.wipe()
    graph = combined(plan_a(), plan_b())
    with neo4j_server.open_store(**options) as store:
        store.write(graph)
        store.write(plan_a())
        store.write(graph)
        assert_same(store.read(), graph)
        assert store.counts() == (len(graph.nodes), len(graph.relationships))
        store.write(plan_a(with_lead=False), replace_documents=[DOC_A])
        store.write(plan_a(), replace_documents=[DOC_A])
        assert_same(store.read(), graph)


def test_another_unfinished_load_of_the_same_documents_means_merge(
        neo4j_server: Neo4jServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A big load that sees another load of its documents under way (or cut off) merges
    everything: that load may be adding the same relationships."""
    neo4j_server.wipe()
    graph = combined(plan_a(), plan_b())
    with neo4j_server.open_store() as store:
        store.ensure_schema()
        with store._driver.session() as session:
            session.execute_write(module._start_load,
                                  {"id": "other", "documents": [DOC_B], "rows": 1})
    seen = _queries(monkeypatch)
    with neo4j_server.open_store(batch_size=3, transaction_rows=5) as store:
        store.write(graph)
        assert_same(store.read(), graph)
    assert seen and all(q.endswith("MERGE") for q in seen)


def test_a_relationship_transaction_that_finds_another_load_runs_again_with_merge(
        neo4j_server: Neo4jServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check made before each commit of created relationships: another load of the same
    documents started since; the transaction is rolled back and written with MERGE."""
    neo4j_server.wipe()
    graph = combined(plan_a(), plan_b())
    real = module._run_checked
    started = {"done": False}

    def other_load_starts(tx: Any, statements: Any, load: Any) -> int:
        if not started["done"] and any(is_rel for *_, is_rel in statements):
            started["done"] = True
            tx.run("CREATE (:StratgraphLoad {id: 'other', documents: $docs, rows: 1})",
                   docs=[DOC_A])
        return real(tx, statements, load)

    monkeypatch.setattr(module, "_run_checked", other_load_starts)
    with neo4j_server.open_store(batch_size=3, transaction_rows=5, workers=1) as store:
        store.write(graph)
        assert_same(store.read(), graph)
        assert store.counts() == (len(graph.nodes), len(graph.relationships))
    assert started["done"]


def _parts(server: Neo4jServer) -> list[dict[str, Any]]:
    with server.driver() as driver:
        records, _, _ = driver.execute_query(
            "MATCH (p:StratgraphPart) RETURN properties(p) AS p "
            "ORDER BY p.id, p.source_document", database_=server.database)
    return [record["p"] for record in records]


def test_a_batched_load_writes_the_same_per_document_records(neo4j_server: Neo4jServer) -> None:
    """A batched load writes each document's records of shared nodes beside its node
    transactions, not after the relationships: the records must be those of one transaction."""
    graph = combined(plan_a(), plan_b())
    neo4j_server.wipe()
    with neo4j_server.open_store() as store:
        store.write(graph)
    single = _parts(neo4j_server)
    neo4j_server.wipe()
    with neo4j_server.open_store(batch_size=3, transaction_rows=5, workers=2) as store:
        store.write(graph)
        assert_same(store.read(), graph)
        assert store.unfinished_load() is None
    assert {p["source_document"] for p in single} == {DOC_A, DOC_B}
    assert _parts(neo4j_server) == single


def test_rows_built_one_ahead_keep_their_order_and_errors() -> None:
    assert list(module._one_ahead(iter(range(5)))) == [0, 1, 2, 3, 4]

    def broken() -> Any:
        yield 1
        raise ValueError("row building failed")

    rows = module._one_ahead(broken())
    assert next(rows) == 1
    with pytest.raises(ValueError, match="row building failed"):
        next(rows)


def _export(server: Neo4jServer, folder: Any) -> dict[str, str]:
    from stratgraph.graph.export_csv import write_csv_folder

    folder.mkdir()
    with server.open_store() as store:
        write_csv_folder(store.read(), folder)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_plans_own_relationships_side_by_side_store_the_merge_paths_graph(
        neo4j_server: Neo4jServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """A batched load writes each plan's own relationships in transactions side by side
    (issue #17); the stored graph, exported, is the one the MERGE path writes one transaction
    after another."""
    import synthetic

    graph = synthetic.synthetic_graph(councils=3)
    apart: list[int] = []
    real = module._FreshLoad.run

    def recording(self: Any, session: Any, statements: Any, load: Any) -> int:
        if isinstance(statements, module._Apart):
            apart.append(len(statements))
        return real(self, session, statements, load)

    monkeypatch.setattr(module._FreshLoad, "run", recording)
    neo4j_server.wipe()
    with neo4j_server.open_store(batch_size=200, transaction_rows=400, workers=2) as store:
        store.write(graph)
        assert store.counts() == (len(graph.nodes), len(graph.relationships))
        assert store.unfinished_load() is None
    side_by_side = _export(neo4j_server, tmp_path / "apart")
    assert len(apart) > 1
    apart.clear()
    neo4j_server.wipe()
    monkeypatch.setattr(module, "_overlapping", lambda tx, load: True)  # MERGE throughout
    with neo4j_server.open_store(batch_size=200, transaction_rows=400, workers=1) as store:
        store.write(graph)
    assert apart == []
    assert _export(neo4j_server, tmp_path / "merge") == side_by_side


def test_side_by_side_relationship_transactions_share_no_node() -> None:
    """Every relationship is written once; the :class:`_Apart` transactions come after every
    node transaction and before the other relationships, and no two of them hold a node in
    common (so they cannot wait on each other's locks)."""
    import synthetic

    graph = synthetic.synthetic_graph(councils=2)
    transactions = list(module._transactions(graph, 100, 100, fresh=True, apart=True))
    kinds = ["apart" if isinstance(t, module._Apart) else
             "rels" if any(is_rel for *_, is_rel in t) else "nodes" for t in transactions]
    assert kinds == sorted(kinds, key=["nodes", "apart", "rels"].index)
    assert kinds.count("apart") > 1
    ids = [row["props"]["id"] for t in transactions for _, rows, _, is_rel in t if is_rel
           for row in rows]
    assert sorted(ids) == sorted(graph.relationships)
    seen: dict[str, int] = {}
    for i, t in enumerate(transactions):
        if isinstance(t, module._Apart):
            for _, rows, _, _ in t:
                for row in rows:
                    for end in (row["start"], row["end"]):
                        assert seen.setdefault(end, i) == i


def _recording_parts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record how each transaction of per-document records ended: created, or not fresh."""
    seen: list[str] = []
    real = module._create_parts

    def recording(tx: Any, rows: Any, batch_size: int, load: Any) -> int:
        try:
            written = real(tx, rows, batch_size, load)
        except module._NotFresh:
            seen.append("not fresh")
            raise
        seen.append("created")
        return written

    monkeypatch.setattr(module, "_create_parts", recording)
    return seen


def test_a_fresh_batched_load_creates_the_per_document_records(
        neo4j_server: Neo4jServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Records are created without MERGE on a fresh load (issue #17), and are those the one
    transaction write merges; writing the same documents again (no --replace) finds them
    stored and merges: no record twice."""
    graph = combined(plan_a(), plan_b())
    neo4j_server.wipe()
    with neo4j_server.open_store() as store:
        store.write(graph)
    single = _parts(neo4j_server)
    neo4j_server.wipe()
    seen = _recording_parts(monkeypatch)
    with neo4j_server.open_store(batch_size=3, transaction_rows=5, workers=2) as store:
        store.write(graph)
        assert seen and set(seen) == {"created"}
        assert _parts(neo4j_server) == single
        seen.clear()
        store.write(graph)
        store.write(plan_a())
        assert "created" not in seen  # found stored (or the nodes' constraint said so first)
        assert_same(store.read(), graph)
    assert _parts(neo4j_server) == single


def test_records_of_a_load_beside_another_load_of_its_documents_are_merged(
        neo4j_server: Neo4jServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another load of the same documents starts while the records are created: the check
    before the commit sees it, and the records are written again with MERGE."""
    graph = combined(plan_a(), plan_b())
    neo4j_server.wipe()
    with neo4j_server.open_store() as store:
        store.write(graph)
    single = _parts(neo4j_server)
    neo4j_server.wipe()
    real = module._overlapping
    started = {"done": False}

    def other_load_starts(tx: Any, load: Any) -> bool:
        if not started["done"] and tx.run("MATCH (p:StratgraphPart) RETURN count(p) AS n"
                                          ).single(strict=True)["n"]:
            started["done"] = True
            tx.run("CREATE (:StratgraphLoad {id: 'other', documents: $docs, rows: 1})",
                   docs=[DOC_A])
        return real(tx, load)

    monkeypatch.setattr(module, "_overlapping", other_load_starts)
    seen = _recording_parts(monkeypatch)
    with neo4j_server.open_store(batch_size=3, transaction_rows=5, workers=1) as store:
        store.write(graph)
        assert_same(store.read(), graph)
    assert started["done"] and "not fresh" in seen
    assert _parts(neo4j_server) == single
