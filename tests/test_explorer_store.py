"""The explorer's store methods (search, neighbours, node) and the golden thread, asserted the
same way on the embedded store and a real Neo4j, against the graph itself.

Expected answers are computed from ``read()`` (the whole example graph) independently of the
stores' SQL and Cypher, so both stores are held to one reference.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from stratgraph.graph.data import GraphData
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.explore import Candidate, golden_thread, rank
from stratgraph.graph.model import Label
from stratgraph.graph.store import GraphStore

from stratgraph.api import build


@pytest.fixture(scope="session")
def example_graph(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> GraphData:
    """The example plans as built into a store (built once, written into each store)."""
    store = EmbeddedStore(tmp_path_factory.mktemp("explore") / "examples.db")
    build([examples_dir], store, plans_only=True)
    graph = store.read()
    store.close()
    return graph


@pytest.fixture
def examples(make_store: Callable[[], GraphStore], example_graph: GraphData) -> GraphStore:
    store = make_store()
    store.write(example_graph)
    return store


def named(graph: GraphData, label: str, name: str) -> str:
    [found] = [n.id for n in graph.nodes.values() if n.label.value == label and n.name == name]
    return found


def expected_neighbours(graph: GraphData, node_id: str, types: set[str] | None = None,
                        limit: int = 200) -> tuple[set[str], list[str]]:
    rels = sorted(r.id for r in graph.relationships.values()
                  if node_id in (r.start, r.end) and (not types or r.type.value in types))[:limit]
    ends = {node_id} | {x for k in rels for x in (graph.relationships[k].start,
                                                   graph.relationships[k].end)}
    return ends, rels


def test_search_finds_a_name_typed_with_typos(examples: GraphStore) -> None:
    hits = examples.search("helth and welbeing")
    assert (hits[0].label, hits[0].name) == ("Theme", "Health and Wellbeing")
    assert examples.search("safegarding adults board", labels=["Partnership"])[0].name == \
        "Wexshire Safeguarding Adults Board"
    assert examples.search("zzzzqqq") == []


def test_search_filters_by_label_plan_and_theme(
    examples: GraphStore, example_graph: GraphData
) -> None:
    plan = named(example_graph, "Plan", "Strategic Plan 2020-24")
    theme = named(example_graph, "Theme", "Health and Wellbeing")
    by_plan = examples.search("health", plan=plan, limit=50)
    assert by_plan and all(h.plan_id == plan for h in by_plan)
    by_theme = examples.search("health", theme=theme, limit=50)
    assert by_theme and all(
        h.id == theme or example_graph.nodes[h.id].properties.get("theme_id") == theme
        for h in by_theme)
    assert {h.label for h in examples.search("health", labels=["Outcome"], limit=50)} == {"Outcome"}
    with pytest.raises(ValueError):
        examples.search("health", labels=["NotALabel"])


def test_search_ranks_as_the_reference(examples: GraphStore, example_graph: GraphData) -> None:
    candidates = [Candidate(n.id, n.label.value, n.name, tuple(n.properties.get("aliases") or ()),
                            n.properties.get("plan_id")) for n in example_graph.nodes.values()]
    for text in ("wexbridge works", "joint helth strategy", "budget", "Priya"):
        assert examples.search(text, limit=15) == rank(candidates, text, 15), text


@pytest.mark.parametrize(("label", "name"), [
    ("Theme", "Health and Wellbeing"), ("Plan", "Strategic Plan 2024-28"),
    ("Strategy", "Joint Health and Wellbeing Strategy"), ("CabinetLead", "Priya Lal"),
])
def test_neighbours_are_the_graphs(
    examples: GraphStore, example_graph: GraphData, label: str, name: str
) -> None:
    ids = [n.id for n in example_graph.nodes.values() if n.label.value == label and n.name == name]
    for node_id in ids:
        got = examples.neighbours(node_id)
        ends, rels = expected_neighbours(example_graph, node_id)
        assert set(got.nodes) == ends
        assert sorted(got.relationships) == rels
        for id_ in rels:
            assert got.relationships[id_] == example_graph.relationships[id_]
        assert got.nodes[node_id] == example_graph.nodes[node_id]


def test_neighbours_by_type_and_limit(examples: GraphStore, example_graph: GraphData) -> None:
    plan = named(example_graph, "Plan", "Strategic Plan 2024-28")
    got = examples.neighbours(plan, ["PART_OF"], limit=5)
    ends, rels = expected_neighbours(example_graph, plan, {"PART_OF"}, 5)
    assert sorted(got.relationships) == rels and len(rels) == 5
    assert set(got.nodes) == ends
    assert examples.neighbours("theme:0000000000000000") == GraphData()
    with pytest.raises(ValueError):
        examples.neighbours(plan, ["NOT_A_TYPE"])


def test_node_counts_its_links(examples: GraphStore, example_graph: GraphData) -> None:
    theme = named(example_graph, "Theme", "Health and Wellbeing")
    detail = examples.node(theme)
    assert detail is not None and detail.node == example_graph.nodes[theme]
    counts: dict[tuple[str, str], int] = {}
    for r in example_graph.relationships.values():
        if r.start == theme:
            counts[(r.type.value, "out")] = counts.get((r.type.value, "out"), 0) + 1
        if r.end == theme:
            counts[(r.type.value, "in")] = counts.get((r.type.value, "in"), 0) + 1
    assert detail.links == tuple(sorted((t, d, n) for (t, d), n in counts.items()))
    assert examples.node("theme:0000000000000000") is None


def test_golden_thread_of_an_outcome(examples: GraphStore, example_graph: GraphData) -> None:
    outcome = named(example_graph, "Outcome", "Healthy Weight and Active Lives")
    thread = golden_thread(examples, outcome)
    assert thread is not None
    labels = {example_graph.nodes[i].label for i in thread.graph.nodes}
    assert {Label.OUTCOME, Label.ACTION, Label.MEASURE} <= labels
    supporters = {r.start for r in example_graph.relationships.values()
                  if r.end == outcome and r.type.value == "SUPPORTS"
                  and example_graph.nodes[r.start].label is Label.ACTION}
    measures = {r.end for r in example_graph.relationships.values()
                if r.start == outcome and r.type.value == "MEASURED_BY"}
    assert supporters and supporters <= set(thread.graph.nodes)
    assert measures and measures <= set(thread.graph.nodes)
    # Columns read left to right: strategy, action, outcome, measure.
    assert {thread.levels[i] for i in supporters} == {2}
    assert thread.levels[outcome] == 3 and {thread.levels[i] for i in measures} == {4}


def test_golden_thread_is_the_same_on_every_store(
    examples: GraphStore, example_graph: GraphData, tmp_path: Path
) -> None:
    reference = EmbeddedStore(tmp_path / "reference.db")
    reference.write(example_graph)
    for label, name in (("Theme", "Health and Wellbeing"),
                        ("Strategy", "Joint Health and Wellbeing Strategy")):
        for node_id in [n.id for n in example_graph.nodes.values()
                        if n.label.value == label and n.name == name]:
            got, want = golden_thread(examples, node_id), golden_thread(reference, node_id)
            assert got is not None and want is not None
            assert (set(got.graph.nodes), set(got.graph.relationships), got.levels) == (
                set(want.graph.nodes), set(want.graph.relationships), want.levels)
    reference.close()


def test_a_page_of_a_dense_nodes_neighbours_reads_a_bounded_part(
        make_store: Callable[[], GraphStore]) -> None:
    """A node with more links than the store reads for a page (a national strategy: 26,145 at
    1M nodes) still gives a full page of its own links in id order, and every link when the
    caller asks for all of them."""
    from stratgraph.graph.builder import DocumentGraphBuilder
    from stratgraph.graph.model import RelType
    from stratgraph.graph.neo4j_store import NEIGHBOURS_READ

    b = DocumentGraphBuilder("dense.txt")
    b.plan("Dense Plan", 1)
    strategy = b.strategy("Joint Health and Wellbeing Strategy", 2)
    for i in range(NEIGHBOURS_READ + 100):
        b.link(RelType.REFERENCES, b.action(f"Action {i}", 3 + i), strategy, 3 + i)
    store = make_store()
    store.write(b.graph)
    links = sorted(r.id for r in b.graph.relationships.values()
                   if strategy in (r.start, r.end))
    page = store.neighbours(strategy, [], 201)
    assert len(page.relationships) == 201
    assert set(page.relationships) <= set(links)
    if isinstance(store, EmbeddedStore):  # its index is in id order: the first of all
        assert sorted(page.relationships) == links[:201]
    assert set(page.nodes) == {strategy} | {x for r in page.relationships.values()
                                            for x in (r.start, r.end)}
    assert sorted(store.neighbours(strategy, [], len(links)).relationships) == links


def _counted(graph: GraphData, node_id: str) -> tuple[tuple[str, str, int], ...]:
    """The node's relationships per type and direction, counted from the graph itself."""
    counts: dict[tuple[str, str], int] = {}
    for r in graph.relationships.values():
        for end, direction in ((r.start, "out"), (r.end, "in")):
            if end == node_id:
                counts[(r.type.value, direction)] = counts.get((r.type.value, direction), 0) + 1
    return tuple(sorted((t, d, n) for (t, d), n in counts.items()))


def test_a_dense_nodes_panel_counts_every_link_of_every_type(
        make_store: Callable[[], GraphStore]) -> None:
    """The panel counts a node's links of every type either way, however many: on Neo4j from
    the degrees it keeps per node (cypher/store_node_links.cypher reads no relationship), the
    same numbers as the embedded store's count of its rows."""
    from stratgraph.graph.builder import DocumentGraphBuilder
    from stratgraph.graph.model import RelType
    from stratgraph.graph.neo4j_store import NEIGHBOURS_READ

    b = DocumentGraphBuilder("dense.txt")
    plan = b.plan("Dense Plan", 1)
    hub = b.strategy("Joint Health and Wellbeing Strategy", 2)
    for i in range(NEIGHBOURS_READ + 50):  # more than an expand reads
        b.link(RelType.REFERENCES, b.action(f"Action {i}", 3 + i), hub, 3 + i)
    # one more of every type, into the hub and out of it
    others = [b.partnership(f"Partnership {k}", 10_000 + k) for k in range(2 * len(RelType))]
    for k, rel_type in enumerate(RelType):
        b.link(rel_type, hub, others[2 * k], 20_000 + k)
        b.link(rel_type, others[2 * k + 1], hub, 30_000 + k)
    store = make_store()
    store.write(b.graph)
    for node_id in (hub, plan, others[0]):
        detail = store.node(node_id)
        assert detail is not None
        assert detail.links == _counted(b.graph, node_id)
    counts = {(t, d): n for t, d, n in store.node(hub).links}
    assert counts[("REFERENCES", "in")] == NEIGHBOURS_READ + 51
    assert {t for t, d in counts if d == "out"} == {t.value for t in RelType}


def test_the_panels_statement_counts_every_type_of_the_model() -> None:
    """store_node_links.cypher names its types (a degree read takes a type, not a list): a
    type added to the model and not to it would be counted 0 on Neo4j."""
    from stratgraph.graph.model import RelType
    from stratgraph.graph.neo4j_store import cypher_text

    text = cypher_text("store_node_links.cypher")
    for rel_type in RelType:
        assert f"['{rel_type.value}', 'out', COUNT {{ (n)-[:{rel_type.value}]->() }}]" in text
        assert f"['{rel_type.value}', 'in', COUNT {{ (n)<-[:{rel_type.value}]-() }}]" in text
