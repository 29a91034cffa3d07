"""Inferred links: objectives to declared outcomes, portfolios to themes, measures to outcomes."""

from __future__ import annotations

from stratgraph.api import extract_documents
from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Method, RelType
from stratgraph.graph.passes.linking import infer_links, portfolio_areas, similarity
from conftest import corpus_file


def _theme_graph() -> tuple[GraphData, dict[str, str]]:
    b = DocumentGraphBuilder("p.txt")
    b.plan("Plan", 1, organisation="Wexbridge City Council")
    theme = b.theme("Getting around Wexbridge", 2)
    ids = {
        "buses": b.outcome("To make buses faster and more reliable", 3, theme=theme, level="theme"),
        "roads": b.outcome("To reduce potholes on our roads", 4, theme=theme, level="theme"),
        "objective": b.outcome("Reliable buses", 5, theme=theme, level="objective",
                               description="Faster, more reliable bus journeys"),
        "stray": b.outcome("Civic pride", 6, theme=theme, level="objective"),
        "measure": b.measure("Bus journeys running on time", 7, theme=theme),
    }
    ids["stated"] = b.action("Fill potholes", 8, theme=theme)
    b.link(RelType.SUPPORTS, ids["stated"], ids["roads"], 8)
    ids["lead"] = b.lead("Sam Jones", 9, role="Cabinet lead", portfolio="buses and roads")
    ids["theme"] = theme
    return b.graph, ids


def links(graph: GraphData, type_: RelType) -> set[tuple[str, str, str]]:
    return {(r.start, r.end, r.method.value) for r in graph.relationships.values() if r.type is type_}


def test_objective_supports_the_declared_outcome_it_resembles_only() -> None:
    graph, ids = _theme_graph()
    out = infer_links(graph)
    supports = links(out, RelType.SUPPORTS)
    assert (ids["objective"], ids["buses"], "inferred") in supports
    assert not any(s == ids["objective"] and e == ids["roads"] for s, e, _ in supports)
    # "Civic pride" resembles nothing declared: it stays unlinked, so its actions are orphans.
    assert not any(s == ids["stray"] for s, _, _ in supports)


def test_inferred_links_carry_confidence_and_never_replace_stated_ones() -> None:
    graph, ids = _theme_graph()
    out = infer_links(graph, threshold=0.0)
    stated = [r for r in out.relationships.values()
              if r.start == ids["stated"] and r.end == ids["roads"]]
    assert len(stated) == 1 and stated[0].method is Method.STATED
    for rel in out.relationships.values():
        if rel.method is Method.INFERRED:
            assert 0.0 <= rel.confidence < 1.0 or rel.confidence == 1.0
            assert rel.properties["rule"] in {"wording", "portfolio"}


def test_threshold_controls_what_is_kept() -> None:
    graph, _ = _theme_graph()
    strict = infer_links(graph, threshold=0.99)
    loose = infer_links(graph, threshold=0.3)
    inferred = lambda g: [r for r in g.relationships.values() if r.method is Method.INFERRED]  # noqa: E731
    assert len(inferred(strict)) < len(inferred(loose))


def test_measure_is_attached_to_the_outcome_it_measures() -> None:
    graph, ids = _theme_graph()
    measured = links(infer_links(graph), RelType.MEASURED_BY)
    assert any(e == ids["measure"] and s in (ids["buses"], ids["objective"]) for s, e, _ in measured)


def test_portfolio_owns_the_theme_that_talks_about_it() -> None:
    assert portfolio_areas("transport, regeneration and heritage") == [
        "transport", "regeneration", "heritage"]
    graph, ids = _theme_graph()
    owns = links(infer_links(graph), RelType.OWNS)
    assert (ids["lead"], ids["theme"], "inferred") in owns


def test_similarity_is_symmetric_and_bounded() -> None:
    a, b = "Supporting carers", "To support carers"
    assert similarity(a, b) == similarity(b, a) == 1.0
    assert similarity("Supporting carers",
                      "To improve outcomes for vulnerable children, including young carers") < 0.7
    assert similarity("", "anything") == 0.0


def test_real_delivery_plan_objectives_and_portfolios() -> None:
    """Links judged by reading the 2013-14 delivery plan."""
    result = extract_documents([corpus_file("leicester-city-delivery-plan-2013-14.txt")])
    graph = result.graph
    by_name = {}
    for node in graph.nodes.values():
        by_name.setdefault((node.label, node.name), node.id)

    def inferred(type_: RelType, start: str, end_prefix: str) -> bool:
        return any(
            r.type is type_ and r.method is Method.INFERRED and graph.nodes[r.start].name == start
            and graph.nodes[r.end].name.startswith(end_prefix)
            for r in graph.relationships.values()
        )

    # The "Leicester to Work" objective row serves the first summary priority of its theme.
    assert inferred(RelType.SUPPORTS, "Leicester to Work", "To support people to secure training")
    assert inferred(RelType.SUPPORTS, "Supporting carers", "To support carers")
    assert not inferred(RelType.SUPPORTS, "Supporting carers", "To improve outcomes for particularly")
    # Portfolios: "health and wellbeing" and "neighbourhood services".
    assert inferred(RelType.OWNS, "Rory Palmer", "A healthy and active city")
    assert inferred(RelType.OWNS, "Sarah Russell", "Our neighbourhoods and communities")
    assert inferred(RelType.OWNS, "Manjula Sood", "A strong and democratic council")
    assert any(n.label is Label.CABINET_LEAD for n in graph.nodes.values())
