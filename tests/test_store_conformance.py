"""The GraphStore contract, asserted the same way on every store (embedded and real Neo4j).

Each test runs once per store (``store`` / ``make_store`` are parametrised in
``neo4j_fixtures.py``). Expected results come from the merge rules in ``graph/data.py``, so
both stores are held to one reference; the build tests compare the two stores directly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.model import (
    Label,
    Method,
    Node,
    Provenance,
    Relationship,
    RelType,
)
from stratgraph.graph.store import GraphStore

from stratgraph.api import build, discover

DOC_A = "alpha-plan-2020.txt"
DOC_B = "beta-plan-2021.txt"


def canonical(graph: GraphData) -> tuple[dict[str, Any], dict[str, Any]]:
    """Nodes and relationships as plain comparable values (``None`` properties dropped:
    no store keeps a property whose value is nothing)."""
    nodes = {
        n.id: (n.label, n.name, n.provenance, {k: v for k, v in n.properties.items() if v is not None})
        for n in graph.nodes.values()
    }
    rels = {
        r.id: (r.type, r.start, r.end, r.provenance, r.method, r.confidence,
               {k: v for k, v in r.properties.items() if v is not None})
        for r in graph.relationships.values()
    }
    return nodes, rels


def assert_same(actual: GraphData, expected: GraphData) -> None:
    got_nodes, got_rels = canonical(actual)
    want_nodes, want_rels = canonical(expected)
    assert sorted(got_nodes) == sorted(want_nodes)
    for id_, want in want_nodes.items():
        assert got_nodes[id_] == want, id_
    assert sorted(got_rels) == sorted(want_rels)
    for id_, want in want_rels.items():
        assert got_rels[id_] == want, id_


def plan_a(*, with_lead: bool = True, action_line: int = 12) -> GraphData:
    """A small plan: themes, outcome, action, measure, and shared strategy/partnership/lead."""
    b = DocumentGraphBuilder(DOC_A)
    b.plan("Alpha Corporate Plan 2020", 1, organisation="Alpha City Council",
           start_year=2020, end_year=2024, kind="corporate", loader="test")
    housing = b.theme("Housing", 5)
    outcome = b.outcome("Everyone has a decent home", 7, theme=housing, level="theme")
    action = b.action("Build 500 affordable homes", action_line, theme=housing,
                      deadline="March 2022")
    measure = b.measure("Affordable homes delivered", 14, theme=housing, target="500",
                        baseline="120", indicator_code="NI155")
    strategy = b.strategy("Housing Strategy", 12)
    partnership = b.partnership("Safer Alpha Partnership", 20)
    b.link(RelType.SUPPORTS, action, outcome, 12)
    b.link(RelType.MEASURED_BY, outcome, measure, 14)
    b.link(RelType.REFERENCES, action, strategy, 12)
    b.link(RelType.INVOLVES, action, partnership, 20, evidence="with the partnership")
    b.link(RelType.SUPPORTS, housing, outcome, 7, method=Method.INFERRED, confidence=0.734)
    if with_lead:
        lead = b.lead("Cllr Jane Smith", 3, role="Cabinet Lead", portfolio="Housing")
        b.link(RelType.OWNS, lead, housing, 3)
    return b.graph


def plan_b() -> GraphData:
    """A second plan sharing the strategy, the partnership and the lead with plan A."""
    b = DocumentGraphBuilder(DOC_B)
    b.plan("Beta Delivery Plan 2021", 1, organisation="Beta Borough Council")
    safety = b.theme("Community safety", 4)
    action = b.action("Reduce anti-social behaviour", 9, theme=safety, deadline="Ongoing")
    strategy = b.strategy("Housing strategy", 30)  # same normalised name as plan A's
    partnership = b.partnership("Safer Alpha Partnership", 2)  # earlier line than plan A's
    lead = b.lead("Cllr Jane Smith", 40, portfolio="Housing and safety")
    b.link(RelType.REFERENCES, action, strategy, 9)
    b.link(RelType.OWNS, partnership, strategy, 2)
    b.link(RelType.OWNS, lead, safety, 40)
    return b.graph


def combined(*graphs: GraphData) -> GraphData:
    out = GraphData()
    for graph in graphs:
        out.update(graph)
    return out


def apply(store: GraphStore, steps: list[tuple[GraphData, list[str]]]) -> None:
    for graph, docs in steps:
        store.write(graph, replace_documents=docs)


def test_store_satisfies_protocol(store: GraphStore) -> None:
    assert isinstance(store, GraphStore)


def test_empty_store_reads_empty(store: GraphStore) -> None:
    assert store.read().nodes == {}
    assert store.read().relationships == {}
    assert store.shared_entities() == []


def test_write_then_read_gives_the_same_records(store: GraphStore) -> None:
    graph = combined(plan_a(), plan_b())
    summary = store.write(graph)
    assert (summary.nodes_total, summary.relationships_total) == (
        len(graph.nodes), len(graph.relationships))
    assert_same(store.read(), graph)


def test_shared_nodes_merge_across_documents(store: GraphStore) -> None:
    store.write(plan_a())
    store.write(plan_b())
    got = store.read()
    assert_same(got, combined(plan_a(), plan_b()))
    partnership = next(n for n in got.nodes.values() if n.label is Label.PARTNERSHIP)
    # Earliest provenance wins (document name, then line); mentions and documents unite.
    assert partnership.provenance == Provenance(DOC_A, 20)
    assert partnership.properties["documents"] == [DOC_A, DOC_B]
    assert partnership.properties["mentions"] == [f"{DOC_A}:20", f"{DOC_B}:2"]
    strategy = next(n for n in got.nodes.values() if n.label is Label.STRATEGY)
    assert strategy.properties["aliases"] == ["Housing Strategy", "Housing strategy"]


def test_values_keep_their_types(store: GraphStore) -> None:
    store.write(plan_a())
    got = store.read()
    plan = next(n for n in got.nodes.values() if n.label is Label.PLAN)
    assert plan.properties["start_year"] == 2020 and isinstance(plan.properties["start_year"], int)
    inferred = [r for r in got.relationships.values() if r.method is Method.INFERRED]
    assert [r.confidence for r in inferred] == [0.734]
    involves = next(r for r in got.relationships.values() if r.type is RelType.INVOLVES)
    # Every relationship says what read it: here the loader that made the test graph.
    assert involves.properties == {"evidence": "with the partnership", "rule": "test"}


def test_rewrite_is_idempotent(store: GraphStore) -> None:
    graph = combined(plan_a(), plan_b())
    first = store.write(graph)
    before = store.read()
    second = store.write(graph)
    assert (first.nodes_total, first.relationships_total) == (
        second.nodes_total, second.relationships_total)
    assert_same(store.read(), before)
    store.write(graph, replace_documents=[DOC_A, DOC_B])
    assert_same(store.read(), before)


def test_reopened_store_sees_the_writes(make_store: Callable[[], GraphStore]) -> None:
    graph = combined(plan_a(), plan_b())
    make_store().write(graph)
    assert_same(make_store().read(), graph)


def test_shared_entities_are_the_shared_nodes(store: GraphStore) -> None:
    store.write(combined(plan_a(), plan_b()))
    shared = store.shared_entities()
    assert [n.id for n in shared] == sorted(n.id for n in shared)
    assert {n.label for n in shared} == {
        Label.STRATEGY, Label.PARTNERSHIP, Label.CABINET_LEAD, Label.ORGANISATION}
    expected = [n for n in combined(plan_a(), plan_b()).sorted_nodes()
                if n.label in {Label.STRATEGY, Label.PARTNERSHIP, Label.CABINET_LEAD,
                               Label.ORGANISATION}]
    assert [canonical(GraphData.of([n]))[0] for n in shared] == [
        canonical(GraphData.of([n]))[0] for n in expected]


def _final(scenario: str) -> GraphData:
    """What the store must hold after a scenario: the documents still loaded, written once
    into nothing (so no removal is involved: the embedded store's own removal code is what
    is under test, and must not also compute the answer)."""
    return {
        "replace-one": lambda: combined(plan_a(action_line=13), plan_b()),
        "replace-drops-lead": lambda: combined(plan_a(with_lead=False), plan_b()),
        "replace-other-doc": lambda: plan_a(),
        "replace-unknown": lambda: combined(plan_a(), plan_b()),
        "no-replace": lambda: combined(plan_a(), plan_b(), plan_a(action_line=3)),
    }[scenario]()


@pytest.mark.parametrize(
    "scenario",
    ["replace-one", "replace-drops-lead", "replace-other-doc", "replace-unknown",
     "no-replace"],
)
def test_replace_documents_semantics(store: GraphStore, scenario: str) -> None:
    a, b = plan_a(), plan_b()
    steps: list[tuple[GraphData, list[str]]] = [(combined(a, b), [DOC_A, DOC_B])]
    if scenario == "replace-one":
        steps.append((plan_a(action_line=13), [DOC_A]))
    elif scenario == "replace-drops-lead":
        # Plan A no longer names the lead: the lead stays (plan B names it), minus A's mention.
        steps.append((plan_a(with_lead=False), [DOC_A]))
    elif scenario == "replace-other-doc":
        steps.append((plan_b(), [DOC_B]))
        steps.append((GraphData(), [DOC_B]))
    elif scenario == "replace-unknown":
        steps.append((plan_a(), ["never-loaded.txt"]))
    else:
        steps.append((plan_a(action_line=3), []))
    apply(store, steps)
    got = store.read()
    assert_same(got, _final(scenario))
    if scenario == "replace-drops-lead":
        lead = next(n for n in got.nodes.values() if n.label is Label.CABINET_LEAD)
        assert lead.properties["documents"] == [DOC_B]
        assert lead.properties["mentions"] == [f"{DOC_B}:40"]
        assert lead.provenance == Provenance(DOC_B, 40)
    if scenario == "replace-other-doc":
        assert {n.provenance.document for n in got.nodes.values()} == {DOC_A}


def test_replace_removes_what_only_that_document_said(store: GraphStore) -> None:
    store.write(combined(plan_a(), plan_b()))
    store.write(GraphData(), replace_documents=[DOC_A])
    got = store.read()
    assert {n.provenance.document for n in got.nodes.values()} == {DOC_B}
    assert all(r.provenance.document == DOC_B for r in got.relationships.values())
    lead = next(n for n in got.nodes.values() if n.label is Label.CABINET_LEAD)
    assert lead.provenance == Provenance(DOC_B, 40)
    assert lead.properties["documents"] == [DOC_B]
    assert lead.properties["mentions"] == [f"{DOC_B}:40"]
    assert not any(n.properties.get("organisation") == "Alpha City Council"
                   for n in got.nodes.values())


def _states_partnership_owns_strategy(doc: str, line: int, *, with_link: bool = True
                                      ) -> GraphData:
    """A plan naming the shared partnership and strategy, stating (or not) that the one owns
    the other: the same relationship id whichever plan states it."""
    b = DocumentGraphBuilder(doc)
    b.plan(f"Plan of {doc}", 1)
    strategy = b.strategy("Housing Strategy", line)
    partnership = b.partnership("Safer Alpha Partnership", line)
    if with_link:
        b.link(RelType.OWNS, partnership, strategy, line, evidence="owns the strategy")
    return b.graph


@pytest.mark.parametrize("how", ["rebuilt-without-it", "removed"])
@pytest.mark.parametrize("order", ["a-then-b", "b-then-a"])
def test_a_link_two_documents_state_survives_losing_one(
    store: GraphStore, how: str, order: str
) -> None:
    a, b = _states_partnership_owns_strategy(DOC_A, 8), _states_partnership_owns_strategy(DOC_B, 3)
    (rel_id,) = a.relationships
    assert set(b.relationships) == {rel_id}
    for graph in (a, b) if order == "a-then-b" else (b, a):
        store.write(graph)
    link = store.read().relationships[rel_id]
    # Expected values written out, not computed with graph/data.py's own merge rules.
    assert link.provenance == Provenance(DOC_A, 8)
    assert link.properties["documents"] == [DOC_A, DOC_B]
    assert link.properties["mentions"] == [f"{DOC_A}:8", f"{DOC_B}:3"]

    if how == "rebuilt-without-it":
        store.write(_states_partnership_owns_strategy(DOC_A, 8, with_link=False),
                    replace_documents=[DOC_A])
    else:
        store.write(GraphData(), replace_documents=[DOC_A])
    link = store.read().relationships.get(rel_id)
    assert link is not None, "the link plan B still states was lost"
    assert link.provenance == Provenance(DOC_B, 3)
    assert (link.type, link.method, link.confidence) == (RelType.OWNS, Method.STATED, 1.0)
    # Stated by one document again: stored as a one-document link always was.
    assert "documents" not in link.properties and "mentions" not in link.properties
    assert link.properties["evidence"] == "owns the strategy"

    # Plan A stating it again brings its statement (and the earlier provenance) back.
    store.write(a, replace_documents=[DOC_A])
    link = store.read().relationships[rel_id]
    assert link.provenance == Provenance(DOC_A, 8)
    assert link.properties["documents"] == [DOC_A, DOC_B]

    store.write(GraphData(), replace_documents=[DOC_A, DOC_B])
    assert rel_id not in store.read().relationships


def test_a_link_saved_without_a_documents_list_still_merges(store: GraphStore) -> None:
    """Graphs saved before relationships listed their documents: the missing list is read
    as [source_document], so another plan stating the link adds to it and removing that plan
    leaves the first."""
    a, b = _states_partnership_owns_strategy(DOC_A, 8), _states_partnership_owns_strategy(DOC_B, 3)
    (rel_id,) = a.relationships
    store.write(b)
    assert "documents" not in store.read().relationships[rel_id].properties
    store.write(a)
    store.write(GraphData(), replace_documents=[DOC_B])
    link = store.read().relationships[rel_id]
    assert link.provenance == Provenance(DOC_A, 8)
    assert "documents" not in link.properties


def test_stated_beats_inferred_whatever_the_order(store: GraphStore) -> None:
    b = DocumentGraphBuilder(DOC_A)
    b.plan("Alpha", 1)
    theme = b.theme("Housing", 5)
    outcome = b.outcome("Homes", 6, theme=theme)
    inferred = Relationship(RelType.SUPPORTS, theme, outcome, Provenance(DOC_A, 9),
                            Method.INFERRED, 0.6)
    stated = Relationship(RelType.SUPPORTS, theme, outcome, Provenance(DOC_A, 12))
    nodes, rels = list(b.graph.nodes.values()), list(b.graph.relationships.values())
    steps = [(GraphData.of(nodes, [*rels, stated]), []),
             (GraphData.of(nodes, [*rels, inferred]), []),
             (GraphData.of(nodes, [*rels, stated]), [])]
    apply(store, steps[:2])
    assert store.read().relationships[stated.id].method is Method.STATED
    apply(store, steps[2:])
    assert_same(store.read(), GraphData.of(nodes, [*rels, stated]))


def test_earliest_provenance_wins_for_a_rewritten_node(store: GraphStore) -> None:
    late = plan_a(action_line=30)
    early = plan_a(action_line=10)
    store.write(late)
    store.write(early)
    store.write(late)
    got = store.read()
    # Line 10 is the earliest the action was seen: every record of it is the early one.
    assert_same(got, early)
    assert {n.provenance.line for n in got.nodes.values() if n.label is Label.ACTION} == {10}


def test_property_removed_by_a_rebuild_goes(store: GraphStore) -> None:
    b = DocumentGraphBuilder(DOC_A)
    b.plan("Alpha", 1)
    action = b.action("Fix roads", 3, deadline="2022")
    store.write(b.graph)
    b2 = DocumentGraphBuilder(DOC_A)
    b2.plan("Alpha", 1)
    b2.action("Fix roads", 3)
    store.write(b2.graph, replace_documents=[DOC_A])
    node = store.read().nodes[action]
    assert "deadline" not in node.properties


def test_unicode_and_awkward_text_round_trip(store: GraphStore) -> None:
    b = DocumentGraphBuilder("ümlaut 'quoted' plan.txt")
    name = "Café \"Kulturhaus\" — 50% of `backticks` ; MATCH (n) DETACH DELETE n //"
    b.strategy(name, 2, kind="programme", note="line one\nline two")
    store.write(b.graph)
    (node,) = store.read().nodes.values()
    assert node.name == name
    assert node.properties["note"] == "line one\nline two"
    assert node.provenance.document == "ümlaut 'quoted' plan.txt"


# -- building real documents: both stores must agree ------------------------------------


def _build_both(paths: list[Path], neo4j_store: GraphStore, tmp_path: Path) -> tuple[
        GraphData, GraphData]:
    embedded = EmbeddedStore(tmp_path / "embedded.json")
    build(paths, embedded)
    build(paths, neo4j_store)
    return neo4j_store.read(), embedded.read()


def test_example_corpus_builds_the_same_on_both_stores(
    neo4j_store: GraphStore, examples_dir: Path, tmp_path: Path
) -> None:
    files = discover([examples_dir])
    if not files:
        pytest.skip(f"no example plans in {examples_dir}")
    in_neo4j, in_embedded = _build_both(files, neo4j_store, tmp_path)
    assert in_embedded.nodes, "the example corpus produced no nodes"
    assert_same(in_neo4j, in_embedded)


@pytest.mark.corpus
def test_real_corpus_builds_the_same_on_both_stores(
    neo4j_store: GraphStore, corpus_dir: Path, tmp_path: Path
) -> None:
    in_neo4j, in_embedded = _build_both([corpus_dir], neo4j_store, tmp_path)
    assert in_embedded.nodes, "the real corpus produced no nodes"
    assert_same(in_neo4j, in_embedded)
    # Then again document by document, as `stratgraph build FILE` does, over the full build.
    embedded = EmbeddedStore(tmp_path / "embedded.json")
    for path in sorted(corpus_dir.glob("*.txt")):
        build([path], embedded)
        build([path], neo4j_store)
    assert_same(neo4j_store.read(), embedded.read())


def test_node_provenance_and_names_survive(store: GraphStore) -> None:
    node = Node("strategy:custom", Label.STRATEGY, "Custom", Provenance(DOC_A, 1),
                {"aliases": ["Custom"], "documents": [DOC_A], "mentions": [f"{DOC_A}:1"],
                 "flags": [True, False], "weights": [0.5, 1.5], "score": 3})
    store.write(GraphData.of([node]))
    assert_same(store.read(), GraphData.of([node]))


def test_names_are_what_query_parameters_answer_to(store: GraphStore) -> None:
    # Names, aliases (the strategy's second wording) and plans' document files, per label.
    store.write(plan_a(), replace_documents=[DOC_A])
    store.write(plan_b(), replace_documents=[DOC_B])
    assert store.names([Label.PLAN, Label.THEME, Label.STRATEGY, Label.CABINET_LEAD]) == [
        ("CabinetLead", "Cllr Jane Smith"),
        ("Plan", "Alpha Corporate Plan 2020"),
        ("Plan", "Beta Delivery Plan 2021"),
        ("Plan", DOC_A),
        ("Plan", DOC_B),
        ("Strategy", "Housing Strategy"),
        ("Strategy", "Housing strategy"),
        ("Theme", "Community safety"),
        ("Theme", "Housing"),
    ]
    assert store.names([Label.OUTCOME]) == [("Outcome", "Everyone has a decent home")]
    assert store.names([]) == []


def test_removing_a_document_gives_back_what_the_others_said(store: GraphStore) -> None:
    """A shared node recomputed from the documents left: their name, aliases, properties."""
    store.write(combined(plan_a(), plan_b()))
    store.write(GraphData(), replace_documents=[DOC_A])
    got = store.read()
    strategy = next(n for n in got.nodes.values() if n.label is Label.STRATEGY)
    # Expected values written out: plan B's own wording, line and nothing of plan A's.
    assert (strategy.name, strategy.provenance) == ("Housing strategy", Provenance(DOC_B, 30))
    assert strategy.properties["aliases"] == ["Housing strategy"]
    lead = next(n for n in got.nodes.values() if n.label is Label.CABINET_LEAD)
    assert lead.properties["portfolio"] == "Housing and safety"
    assert "role" not in lead.properties  # only plan A called her "Cabinet Lead"
    # Plan A again: its record comes back, and its earlier line and wording win again.
    store.write(plan_a(), replace_documents=[DOC_A])
    strategy = store.read().nodes[strategy.id]
    assert (strategy.name, strategy.provenance) == ("Housing Strategy", Provenance(DOC_A, 12))
    assert strategy.properties["aliases"] == ["Housing Strategy", "Housing strategy"]


def test_a_plan_written_twice_keeps_one_record_per_document(store: GraphStore) -> None:
    """Two writes of one document (no --replace) merge its own record of a shared node: the
    earlier line wins and its aliases unite, as for the node itself."""
    def naming(wording: str, line: int) -> GraphData:
        b = DocumentGraphBuilder(DOC_B)
        b.strategy(wording, line)
        return b.graph

    store.write(plan_a())
    store.write(naming("Housing strategy", 30))
    store.write(naming("HOUSING STRATEGY", 25))
    store.write(GraphData(), replace_documents=[DOC_A])
    (strategy,) = [n for n in store.read().nodes.values() if n.label is Label.STRATEGY]
    assert (strategy.name, strategy.provenance) == ("HOUSING STRATEGY", Provenance(DOC_B, 25))
    assert strategy.properties["aliases"] == ["HOUSING STRATEGY", "Housing strategy"]
    assert strategy.properties["mentions"] == [f"{DOC_B}:25"]


def test_a_shared_node_saved_without_per_document_records_forgets_as_before(
        store: GraphStore) -> None:
    """Graphs saved before each document's record was kept: removing a document leaves the
    node to the others, with its values (nothing says whose they were)."""
    node = Node("strategy:old", Label.STRATEGY, "Old Strategy", Provenance(DOC_A, 4),
                {"aliases": ["Old Strategy", "old strategy"], "documents": [DOC_A, DOC_B],
                 "mentions": [f"{DOC_A}:4", f"{DOC_B}:9"], "kind": "programme"})
    store.write(GraphData.of([node]))
    store.write(GraphData(), replace_documents=[DOC_A])
    (got,) = store.read().nodes.values()
    assert got.provenance == Provenance(DOC_B, 9)
    assert got.properties["documents"] == [DOC_B]
    assert got.properties["aliases"] == ["Old Strategy", "old strategy"]
    assert got.properties["kind"] == "programme"


@pytest.mark.parametrize("order", ["stated-first", "inferred-first"])
def test_a_link_stated_by_one_plan_and_inferred_by_another_keeps_each_ones(
        store: GraphStore, order: str) -> None:
    """Plan A states a link, plan B only infers it: the stated record shows while both are
    loaded; removing A leaves B's inferred version (method, confidence, line), not A's."""
    def plan(doc: str, line: int, method: Method, confidence: float) -> GraphData:
        b = DocumentGraphBuilder(doc)
        b.plan(f"Plan of {doc}", 1)
        strategy = b.strategy("Housing Strategy", line)
        partnership = b.partnership("Safer Alpha Partnership", line)
        b.link(RelType.OWNS, partnership, strategy, line, method=method, confidence=confidence)
        return b.graph

    stated, inferred = plan(DOC_A, 8, Method.STATED, 1.0), plan(DOC_B, 3, Method.INFERRED, 0.734)
    (rel_id,) = stated.relationships
    for graph in (stated, inferred) if order == "stated-first" else (inferred, stated):
        store.write(graph)
    link = store.read().relationships[rel_id]
    assert (link.method, link.confidence, link.provenance) == (
        Method.STATED, 1.0, Provenance(DOC_A, 8))
    assert link.properties["statements"] == [f"{DOC_A}:8:stated:1.0",
                                             f"{DOC_B}:3:inferred:0.734"]

    store.write(GraphData(), replace_documents=[DOC_A])
    link = store.read().relationships[rel_id]
    assert (link.method, link.confidence, link.provenance) == (
        Method.INFERRED, 0.734, Provenance(DOC_B, 3))
    assert not {"documents", "mentions", "statements"} & set(link.properties)

    store.write(stated, replace_documents=[DOC_A])
    store.write(GraphData(), replace_documents=[DOC_B])
    link = store.read().relationships[rel_id]
    assert (link.method, link.confidence, link.provenance) == (
        Method.STATED, 1.0, Provenance(DOC_A, 8))
