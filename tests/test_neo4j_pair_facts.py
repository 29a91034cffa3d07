"""cross-theme-dependencies and plan-evolution from write-time facts on a real Neo4j
(graph/neo4j_pair_facts.py, issue #17): summaries and first pages equal the live Cypher's
after writes, replaces, removals and curation, and are used only when the facts are current.

``live`` is the same store with the facts switched off (``use_facts``): every comparison is
facts against the named query's own Cypher, on the same data.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from query_random import random_graph
from test_sqlite_summaries import _one_document, dense_graph

from stratgraph.graph import neo4j_pair_facts
from stratgraph.graph.data import GraphData
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.neo4j_store import Neo4jStore
from stratgraph.graph.queries import query_summary, run_query, stream_query

pytestmark = pytest.mark.neo4j

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

PAGES = ((0, 50), (0, 1), (3, 4), (7, 100))
VARIANTS = {
    "cross-theme-dependencies": ({}, {"kind": "explicit"}, {"kind": "shared-strategy"},
                                 {"kind": "shared-partnership"}),
    "plan-evolution": ({}, {"kind": "theme"}, {"kind": "strategy"}, {"kind": "partnership"}),
}


def assert_pairs_agree(store: Neo4jStore, embedded: EmbeddedStore | None = None) -> None:
    """The pair facts are in use, and every summary and page they give is the live answer."""
    assert store._read(neo4j_pair_facts.current)
    for name, variants in VARIANTS.items():
        for params in variants:
            store.use_facts = False
            rows = run_query(store, name, params)
            summary = query_summary(store, name, params)
            store.use_facts = True
            assert neo4j_pair_facts.serves(name, params)
            assert query_summary(store, name, params) == summary, (name, params)
            for offset, limit in (*PAGES, (max(len(rows) - 2, 0), 5)):
                page = list(stream_query(store, name, params, offset=offset, limit=limit))
                assert page == rows[offset:offset + limit], (name, params, offset, limit)
            if embedded is not None:
                assert summary == query_summary(embedded, name, params), (name, params)
                assert rows[:50] == list(stream_query(embedded, name, params, limit=50))


def test_random_and_dense_graphs_agree_with_live_and_embedded(
    neo4j_store: Neo4jStore, tmp_path: Path
) -> None:
    for seed, graph in ((0, random_graph(0, 4)), (1, random_graph(1, 4)), (2, dense_graph(2, 5)),
                        (3, dense_graph(3, 5))):
        embedded = EmbeddedStore(tmp_path / f"g{seed}.db")
        embedded.write(graph)
        neo4j_store._driver.execute_query("MATCH (n) DETACH DELETE n")
        neo4j_store.write(graph)
        assert_pairs_agree(neo4j_store, embedded)


def test_pairs_follow_writes_replaces_and_removals(neo4j_store: Neo4jStore) -> None:
    first, second = dense_graph(11, 4), dense_graph(61, 4)
    for d in range(4):
        neo4j_store.write(_one_document(first, f"doc{d}.txt"))
    rows = run_query(neo4j_store, "cross-theme-dependencies")
    assert any(r["strength"] > 1 for r in rows if r["kind"] != "explicit")
    assert_pairs_agree(neo4j_store)
    neo4j_store.write(_one_document(second, "doc1.txt"), replace_documents=["doc1.txt"])
    assert_pairs_agree(neo4j_store)
    neo4j_store.write(GraphData(), replace_documents=["doc2.txt"])
    assert_pairs_agree(neo4j_store)


def test_pairs_on_the_example_corpus_with_curation(neo4j_store: Neo4jStore,
                                                   tmp_path: Path) -> None:
    """A curation file that removes a REFERENCES link rewrites its document: the facts follow."""
    from stratgraph.api import build

    examples = Path(__file__).resolve().parents[1] / "examples"
    assert build([examples], neo4j_store).ok
    assert_pairs_agree(neo4j_store)
    graph = neo4j_store.read()
    from collections import Counter

    names = Counter((n.label, n.name) for n in graph.nodes.values())
    ref = next(r for r in sorted(graph.relationships.values(), key=lambda r: r.id)
               if r.type.value == "REFERENCES" and graph.nodes[r.start].label.value == "Theme"
               and names[(graph.nodes[r.start].label, graph.nodes[r.start].name)] == 1
               and names[(graph.nodes[r.end].label, graph.nodes[r.end].name)] == 1)
    start, end = graph.nodes[ref.start], graph.nodes[ref.end]
    curation = tmp_path / "stratgraph-curation.toml"
    curation.write_text(f"""
[[unlink]]
type = "REFERENCES"
from = {{ label = "Theme", name = {start.name!r} }}
to = {{ label = {end.label.value!r}, name = {end.name!r} }}
""", encoding="utf-8")
    before = query_summary(neo4j_store, "cross-theme-dependencies")
    assert build([examples], neo4j_store, curation=curation).ok
    assert_pairs_agree(neo4j_store)
    assert query_summary(neo4j_store, "cross-theme-dependencies") != before


def test_a_store_whose_facts_predate_these_gets_them_on_its_next_write(
    neo4j_store: Neo4jStore,
) -> None:
    graph = dense_graph(5, 4)
    neo4j_store.write(_one_document(graph, "doc0.txt"))
    neo4j_store._driver.execute_query(
        "MATCH (f:ThemeRefFact) DELETE f WITH count(*) AS n "
        "MATCH (m:StratgraphFactsMeta) REMOVE m.pair_facts")
    assert not neo4j_store._read(neo4j_pair_facts.current)
    neo4j_store.write(_one_document(graph, "doc1.txt"))
    assert_pairs_agree(neo4j_store)


def test_named_items_and_other_thresholds_run_live() -> None:
    assert neo4j_pair_facts.serves("plan-evolution", {"kind": "theme"})
    assert not neo4j_pair_facts.serves("plan-evolution", {"name": "Housing"})
    assert not neo4j_pair_facts.serves("plan-evolution", {"organisation": "City"})
    assert not neo4j_pair_facts.serves("cross-theme-dependencies", {"theme": "x"})
    assert not neo4j_pair_facts.serves("cross-theme-dependencies", {"plan": "x"})
    assert not neo4j_pair_facts.serves("cross-theme-dependencies", {"min_confidence": 0.5})
    assert not neo4j_pair_facts.serves("orphan-actions", {})


def test_kept_answers_serve_pages_and_pages_past_them_are_counted(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Few rows kept, so pages fall inside the kept rows, across their end, and past it.
    monkeypatch.setattr(neo4j_pair_facts, "KEPT_ROWS", 3)
    graph = dense_graph(7, 5)
    for d in range(3):
        neo4j_store.write(_one_document(graph, f"doc{d}.txt"))
    kept = neo4j_store._driver.execute_query(
        "MATCH (a:PairAnswers) RETURN a.query AS q ORDER BY q").records
    assert [r["q"] for r in kept] == ["cross-theme-dependencies", "plan-evolution"]
    for name in VARIANTS:
        neo4j_store.use_facts = False
        rows = run_query(neo4j_store, name)
        summary = query_summary(neo4j_store, name)
        neo4j_store.use_facts = True
        assert len(rows) > 6, name
        assert query_summary(neo4j_store, name) == summary
        for offset in range(len(rows) + 1):
            for limit in (1, 2, 5):
                page = list(stream_query(neo4j_store, name, offset=offset, limit=limit))
                assert page == rows[offset:offset + limit], (name, offset, limit)
    assert_pairs_agree(neo4j_store)
    # Without the kept answers (a store settled before them), counted from the facts.
    neo4j_store._driver.execute_query("MATCH (a:PairAnswers) DELETE a")
    assert_pairs_agree(neo4j_store)
    neo4j_store.write(GraphData(), replace_documents=["doc1.txt"])
    assert neo4j_store._driver.execute_query(
        "MATCH (a:PairAnswers) RETURN count(*) AS n").records[0]["n"] == 2
    assert_pairs_agree(neo4j_store)


def test_plan_evolutions_first_rows_are_kept_whole(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # plan-evolution's first KEPT_PAGE rows are kept as they are (a first page on a first ask
    # builds nothing): pages inside them, across their end and past them equal the live rows,
    # before and after a replace, and the kept rows themselves are the live first rows.
    import json

    monkeypatch.setattr(neo4j_pair_facts, "KEPT_PAGE", 4)
    monkeypatch.setattr(neo4j_pair_facts, "KEPT_ROWS", 8)
    first, second = dense_graph(17, 4), dense_graph(67, 4)
    for d in range(4):
        neo4j_store.write(_one_document(first, f"doc{d}.txt"))
    for step in range(2):
        neo4j_store.use_facts = False
        rows = run_query(neo4j_store, "plan-evolution")
        neo4j_store.use_facts = True
        assert len(rows) > 10
        kept = neo4j_store._driver.execute_query(
            "MATCH (a:PairAnswers {query: 'plan-evolution'}) RETURN a.page AS page"
        ).records[0]["page"]
        assert json.loads(kept) == rows[:4]
        for offset in range(len(rows) + 1):
            for limit in (1, 3, 4, 9):
                page = list(stream_query(neo4j_store, "plan-evolution", offset=offset,
                                         limit=limit))
                assert page == rows[offset:offset + limit], (step, offset, limit)
        if step == 0:
            neo4j_store.write(_one_document(second, "doc1.txt"), replace_documents=["doc1.txt"])
    assert_pairs_agree(neo4j_store)


def test_answers_are_counted_again_only_when_what_they_read_changed(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A write whose plans' facts, themes, links and plan nodes are as they were keeps the
    # answers (and their DEPENDS_ON links found again by stratgraph id, though the rewrite
    # gave them new element ids); a write changing any of them counts them again.
    counted: list[int] = []
    real = neo4j_pair_facts._count_answers
    monkeypatch.setattr(neo4j_pair_facts, "_count_answers",
                        lambda tx, inputs: counted.append(1) or real(tx, inputs))
    first, second = dense_graph(31, 4), dense_graph(81, 4)
    for d in range(4):
        neo4j_store.write(_one_document(first, f"doc{d}.txt"))
    assert counted
    assert_pairs_agree(neo4j_store)
    # The same document written again (replaced by itself): nothing the answers read changed.
    counted.clear()
    links = neo4j_store._driver.execute_query(
        "MATCH ()-[d:DEPENDS_ON]->() RETURN collect(elementId(d)) AS l").records[0]["l"]
    neo4j_store.write(_one_document(first, "doc1.txt"), replace_documents=["doc1.txt"])
    assert counted == []
    after = neo4j_store._driver.execute_query(
        "MATCH ()-[d:DEPENDS_ON]->() RETURN collect(elementId(d)) AS l").records[0]["l"]
    assert set(after) != set(links)  # recreated: the kept links are found by their ids
    assert_pairs_agree(neo4j_store)
    # Each kind of change counts them again, and they still equal the live rows.
    neo4j_store.write(_one_document(second, "doc1.txt"), replace_documents=["doc1.txt"])
    assert counted == [1]
    assert_pairs_agree(neo4j_store)
    # One theme of the document renamed, the rest as it was.
    part = _one_document(second, "doc1.txt")
    node = next(n for n in sorted(part.nodes.values(), key=lambda n: n.id)
                if n.label.value == "Theme" and not n.parts)
    part.nodes[node.id] = type(node)(node.id, node.label, node.name + " renamed",
                                     node.provenance, dict(node.properties))
    neo4j_store.write(part, replace_documents=["doc1.txt"])
    assert neo4j_store.node(node.id).node.name == node.name + " renamed"
    assert counted == [1, 1]
    assert_pairs_agree(neo4j_store)
    neo4j_store.write(GraphData(), replace_documents=["doc2.txt"])
    assert counted == [1, 1, 1]
    assert_pairs_agree(neo4j_store)


def _inputs_kept(store: Neo4jStore) -> list[str]:
    return sorted(store._driver.execute_query(
        f"MATCH (i:{neo4j_pair_facts.INPUTS}) RETURN collect(i.part) AS k").records[0]["k"])


def test_a_first_load_digests_nothing_and_later_writes_recount_only_on_change(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A first load into an empty store counts the answers once and keeps no digest of their
    # inputs (nothing kept could be reused); a later write takes its plans' digests before
    # it writes (note_baseline), so an unchanged rewrite still keeps the answers.
    counted: list[int] = []
    real = neo4j_pair_facts._count_answers
    monkeypatch.setattr(neo4j_pair_facts, "_count_answers",
                        lambda tx, inputs: counted.append(1) or real(tx, inputs))
    digested: list[list[str]] = []
    real_digests = neo4j_pair_facts._digests
    monkeypatch.setattr(neo4j_pair_facts, "_digests",
                        lambda tx, keys: digested.append(sorted(keys)) or real_digests(tx, keys))
    first, second = dense_graph(31, 4), dense_graph(81, 4)
    neo4j_store.write(first)
    assert counted == [1] and digested == [] and _inputs_kept(neo4j_store) == []
    assert_pairs_agree(neo4j_store)
    # The same document again: digested before and after the write, equal, answers kept.
    counted.clear()
    neo4j_store.write(_one_document(first, "doc1.txt"), replace_documents=["doc1.txt"])
    assert counted == [] and len(digested) == 2 and digested[0] == digested[1]
    assert _inputs_kept(neo4j_store) == digested[0]
    assert_pairs_agree(neo4j_store)
    # A plan not written since the first load: its baseline is taken when a write reaches it.
    digested.clear()
    neo4j_store.write(_one_document(first, "doc2.txt"), replace_documents=["doc2.txt"])
    assert counted == [] and digested[0] != [] and set(digested[0]) <= set(digested[1])
    assert_pairs_agree(neo4j_store)
    # A change and a removal count them again, and they equal the live rows.
    neo4j_store.write(_one_document(second, "doc1.txt"), replace_documents=["doc1.txt"])
    assert counted == [1]
    assert_pairs_agree(neo4j_store)
    neo4j_store.write(GraphData(), replace_documents=["doc3.txt"])
    assert counted == [1, 1]
    assert_pairs_agree(neo4j_store)
    # refresh_facts counts them again, keeps no digest, and the next write finds its baseline.
    neo4j_store.refresh_facts()
    assert counted == [1, 1, 1] and _inputs_kept(neo4j_store) == []
    assert_pairs_agree(neo4j_store)
    # Rewriting doc2 sets the shared strategies' and partnerships' documents and mentions
    # back to its copy (doc1's change and doc3's removal had changed them): what the answers
    # read of the unplanned nodes changed, so they are counted; the same write again changes
    # nothing, and keeps them.
    neo4j_store.write(_one_document(first, "doc2.txt"), replace_documents=["doc2.txt"])
    assert_pairs_agree(neo4j_store)
    after_rewrite = list(counted)
    neo4j_store.write(_one_document(first, "doc2.txt"), replace_documents=["doc2.txt"])
    assert counted == after_rewrite
    assert_pairs_agree(neo4j_store)
    neo4j_store.write(_one_document(second, "doc2.txt"), replace_documents=["doc2.txt"])
    assert counted == [*after_rewrite, 1]
    assert_pairs_agree(neo4j_store)


def test_a_first_load_makes_each_plans_pair_facts_once(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # refresh_all marks the pair facts as this version's before its chunks: the first chunk
    # made every plan's facts, then each chunk made its own again.
    from stratgraph.graph import neo4j_facts

    made: list[str] = []
    real = neo4j_pair_facts.recompute
    monkeypatch.setattr(neo4j_facts, "PLANS_PER_TRANSACTION", 2)
    monkeypatch.setattr(neo4j_pair_facts, "plan_keys",
                        lambda tx, real_keys=neo4j_pair_facts.plan_keys: (
                            made.append("all") or real_keys(tx)))
    seen: list[str] = []
    monkeypatch.setattr(neo4j_pair_facts, "recompute",
                        lambda tx, keys, **kw: seen.extend(keys) or real(tx, keys, **kw))
    neo4j_store.write(dense_graph(7, 4))
    assert made == ["all"]  # once, to list the keys; never inside a chunk
    assert len(seen) == len(set(seen))
    assert_pairs_agree(neo4j_store)
