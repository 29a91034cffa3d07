"""The graph model: stable ids, provenance, and deterministic merging."""

from __future__ import annotations

import pytest

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData, merge_nodes, strip_documents
from stratgraph.graph.model import Label, Method, Provenance, Relationship, RelType, normalise_name


def small_graph(doc: str = "a.txt") -> GraphData:
    b = DocumentGraphBuilder(doc)
    b.plan("A plan", 1, organisation="Wexbridge City Council", start_year=2024, end_year=2025)
    theme = b.theme("Getting around", 3)
    outcome = b.outcome("Better buses", 4, theme=theme, level="theme")
    action = b.action("Launch a bus app", 5, theme=theme, deadline="March 2025")
    b.link(RelType.SUPPORTS, action, outcome, 5)
    strategy = b.strategy("Local Transport Plan", 6)
    b.link(RelType.REFERENCES, action, strategy, 6)
    return b.graph


def test_ids_are_stable_and_do_not_depend_on_lines() -> None:
    one = DocumentGraphBuilder("a.txt")
    two = DocumentGraphBuilder("a.txt")
    t1 = one.theme("Getting around", 3)
    t2 = two.theme("Getting  AROUND", 300)
    assert t1 == t2
    assert one.action("Launch", 4, theme=t1) == two.action("launch.", 9, theme=t2)


def test_same_name_in_other_document_is_another_node_but_shared_labels_are_one() -> None:
    a, b = DocumentGraphBuilder("a.txt"), DocumentGraphBuilder("b.txt")
    assert a.theme("Housing", 1) != b.theme("Housing", 1)
    assert a.strategy("Housing Strategy", 1) == b.strategy("housing strategy", 7)


def test_every_node_and_relationship_has_provenance() -> None:
    graph = small_graph()
    for node in graph.nodes.values():
        assert node.provenance.document == "a.txt" and node.provenance.line >= 1
        assert node.as_properties()["source_line"] >= 1
    for rel in graph.relationships.values():
        props = rel.as_properties()
        assert props["source_document"] == "a.txt"
        assert props["method"] == "stated" and props["confidence"] == 1.0


def test_provenance_lines_are_one_based() -> None:
    with pytest.raises(ValueError):
        Provenance("a.txt", 0)


def test_confidence_must_be_within_zero_and_one() -> None:
    with pytest.raises(ValueError):
        Relationship(RelType.SUPPORTS, "a", "b", Provenance("a.txt", 1), Method.INFERRED, 1.5)


def test_merge_is_order_independent_and_keeps_earliest_provenance() -> None:
    a = DocumentGraphBuilder("b.txt")
    b = DocumentGraphBuilder("a.txt")
    na = a.graph.nodes[a.strategy("Economic Plan", 9)]
    nb = b.graph.nodes[b.strategy("ECONOMIC PLAN", 20)]
    assert merge_nodes(na, nb) == merge_nodes(nb, na)
    merged = merge_nodes(na, nb)
    assert merged.provenance == Provenance("a.txt", 20)
    assert merged.properties["aliases"] == ["ECONOMIC PLAN", "Economic Plan"]
    assert merged.properties["documents"] == ["a.txt", "b.txt"]


def test_stated_link_is_never_replaced_by_inferred() -> None:
    prov = Provenance("a.txt", 3)
    stated = Relationship(RelType.SUPPORTS, "x", "y", prov)
    inferred = Relationship(RelType.SUPPORTS, "x", "y", Provenance("a.txt", 1), Method.INFERRED, 0.9)
    graph = GraphData.of(relationships=[inferred, stated])
    assert graph.relationships[stated.id].method is Method.STATED
    graph = GraphData.of(relationships=[stated, inferred])
    assert graph.relationships[stated.id].method is Method.STATED


def test_strip_documents_removes_one_documents_contribution_only() -> None:
    graph = small_graph("a.txt")
    graph.update(small_graph("b.txt"))
    stripped = strip_documents(graph, ["a.txt"])
    assert all(n.provenance.document == "b.txt" for n in stripped.nodes.values())
    strategy = next(n for n in stripped.nodes.values() if n.label is Label.STRATEGY)
    assert strategy.properties["documents"] == ["b.txt"]
    assert strategy.properties["mentions"] == ["b.txt:6"]
    assert not list(stripped.dangling())


def test_normalise_name_folds_case_punctuation_and_ampersands() -> None:
    assert normalise_name("Health & Wellbeing Board.") == normalise_name("health and wellbeing board")
    assert normalise_name("Café") == "cafe"


def test_combining_many_graphs_equals_merging_them_one_by_one() -> None:
    import random

    graphs = []
    for i in range(12):
        b = DocumentGraphBuilder(f"doc-{i:02}.txt")
        b.plan(f"Plan {i}", 1, organisation="Wexbridge City Council")
        for j in range(5):
            b.strategy(random.Random(i * 10 + j).choice(["Local Transport Plan", "LOCAL TRANSPORT PLAN",
                                                          "Housing Strategy"]), 2 + j)
        graphs.append(b.graph)
    one_by_one = GraphData()
    for graph in graphs:
        one_by_one.update(graph)
    for order in (graphs, list(reversed(graphs))):
        combined = GraphData.combine(order)
        assert combined.nodes == one_by_one.nodes
        assert combined.relationships == one_by_one.relationships
