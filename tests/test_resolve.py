"""Entity resolution across documents: variants, acronyms, place prefixes, OCR slips."""

from __future__ import annotations

import random

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, RelType
from stratgraph.graph.passes.resolve import resolve_entities


def _graph() -> GraphData:
    a = DocumentGraphBuilder("a.txt")
    a.plan("A", 1, organisation="Leicester City Council")
    theme = a.theme("Business", 2)
    for line, name in enumerate(["Leicester Economic Action Plan", "LLEP Growth Plan",
                                 "Local Transport Plan"], start=3):
        a.link(RelType.REFERENCES, theme, a.strategy(name, line), line)
    a.partnership("LLEP", 9)
    b = DocumentGraphBuilder("b.txt")
    b.plan("B", 1, organisation="Leicestershire County Council")
    b.strategy("Economic Action Plan", 5)
    b.strategy("local transport plan", 6)
    b.strategy("Local Transprot Plan", 7)
    b.partnership("Leicester and Leicestershire Enterprise Partnership", 8)
    b.partnership("Wexshire Local Enterprise Partnership (WLEP)", 10)
    b.partnership("WLEP", 11)
    b.strategy("Children and Young People's Plan", 12)
    b.strategy("Children and Young People's Strategy", 13)
    c = DocumentGraphBuilder("c.txt")
    c.plan("C", 1, organisation="Leicester City Council")
    c.strategy("Economic Action Plan", 5)
    c.strategy("Local Transport Plan", 6)
    graph = GraphData()
    graph.update(a.graph)
    graph.update(b.graph)
    graph.update(c.graph)
    return graph


def names(graph: GraphData, label: Label) -> dict[str, list[str]]:
    return {n.name: n.properties["aliases"] for n in graph.nodes.values() if n.label is label}


def scoped(graph: GraphData, label: Label, name: str) -> dict[str | None, list[str]]:
    return {n.properties.get("scope"): n.properties["aliases"] for n in graph.nodes.values()
            if n.label is label and n.name == name}


def test_variants_resolve_to_one_node_with_aliases() -> None:
    resolved = resolve_entities(_graph())
    strategies = names(resolved, Label.STRATEGY)
    # The city's "Economic Action Plan" is Leicester's; the county's is another document.
    assert strategies["Leicester Economic Action Plan"] == [
        "Economic Action Plan", "Leicester Economic Action Plan"]
    plans = scoped(resolved, Label.STRATEGY, "Economic Action Plan")
    assert list(plans) == ["Leicestershire County Council"]
    # Each council has its own Local Transport Plan; variants within one council merge.
    transport = scoped(resolved, Label.STRATEGY, "Local Transport Plan")
    assert sorted(transport) == ["Leicester City Council", "Leicestershire County Council"]
    assert "Local Transprot Plan" in transport["Leicestershire County Council"]
    # A plan and a strategy of the same subject are different documents.
    assert "Children and Young People's Plan" in strategies
    assert "Children and Young People's Strategy" in strategies
    partnerships = names(resolved, Label.PARTNERSHIP)
    assert set(partnerships) == {"Leicester and Leicestershire Enterprise Partnership",
                                 "Wexshire Local Enterprise Partnership"}
    assert "LLEP" in partnerships["Leicester and Leicestershire Enterprise Partnership"]


def test_acronym_inside_a_strategy_name_expands() -> None:
    strategies = names(resolve_entities(_graph()), Label.STRATEGY)
    growth = [n for n, aliases in strategies.items() if "LLEP Growth Plan" in aliases]
    assert len(growth) == 1


def test_a_place_less_name_in_two_councils_plans_is_two_entities() -> None:
    a = DocumentGraphBuilder("a.txt")
    a.plan("A", 1, organisation="Leicester City Council")
    theme_a = a.theme("Health", 2)
    a.link(RelType.REFERENCES, theme_a, a.partnership("Health and Wellbeing Board", 3), 3)
    b = DocumentGraphBuilder("b.txt")
    b.plan("B", 1, organisation="Leicestershire County Council")
    theme_b = b.theme("Health", 2)
    b.link(RelType.REFERENCES, theme_b, b.partnership("Health and Wellbeing Board", 4), 4)
    b.partnership("Leicester and Leicestershire Enterprise Partnership", 5)
    a.partnership("LLEP", 6)
    graph = GraphData()
    graph.update(a.graph)
    graph.update(b.graph)
    resolved = resolve_entities(graph)
    boards = [n for n in resolved.nodes.values() if n.name == "Health and Wellbeing Board"]
    assert sorted(n.properties["scope"] for n in boards) == [
        "Leicester City Council", "Leicestershire County Council"]
    for board in boards:
        (ref,) = [r for r in resolved.relationships.values() if r.end == board.id]
        assert ref.provenance.document == board.provenance.document
    # A place-qualified partnership (and its acronym) stays one shared node.
    llep = [n for n in resolved.nodes.values() if "LLEP" in n.properties.get("aliases", [])]
    assert len(llep) == 1 and "scope" not in llep[0].properties


def test_relationships_follow_the_merge_and_nothing_dangles() -> None:
    resolved = resolve_entities(_graph())
    assert not list(resolved.dangling())
    eap = next(n for n in resolved.nodes.values() if n.name == "Leicester Economic Action Plan")
    assert any(r.end == eap.id for r in resolved.relationships.values())


def test_a_short_form_claimed_by_two_places_stays_apart() -> None:
    a = DocumentGraphBuilder("a.txt")
    a.plan("A", 1, organisation="Leicester City Council")
    a.strategy("Leicester Housing Strategy", 2)
    b = DocumentGraphBuilder("b.txt")
    b.plan("B", 1, organisation="Leicestershire County Council")
    b.strategy("Leicestershire Housing Strategy", 2)
    # The short form in a document of no council: either place could claim it.
    c = DocumentGraphBuilder("c.txt")
    c.plan("C", 1)
    c.strategy("Housing Strategy", 3)
    graph = GraphData()
    for part in (a, b, c):
        graph.update(part.graph)
    assert len(names(resolve_entities(graph), Label.STRATEGY)) == 3


def test_one_councils_strategy_under_two_names_is_one() -> None:
    # leicestershire-county-strategic-plan-2014-18.txt:214 "Our joint strategic health and care
    # needs assessment has informed our first joint Health and Wellbeing Strategy."
    # leicestershire-county-strategic-plan-2018-22.txt:299 "- Leicestershire Joint Health and
    # Wellbeing Strategy (Health and Wellbeing Board)"
    a = DocumentGraphBuilder("a.txt")
    a.plan("A", 1, organisation="Leicestershire County Council")
    a.strategy("Health and Wellbeing Strategy", 2)
    a.strategy("Draft Carbon Reduction Strategy", 3)
    b = DocumentGraphBuilder("b.txt")
    b.plan("B", 1, organisation="Leicestershire County Council")
    b.strategy("Leicestershire Joint Health and Wellbeing Strategy", 2)
    b.strategy("the Council's Carbon Reduction Strategy 2018-2022", 3)
    c = DocumentGraphBuilder("c.txt")
    c.plan("C", 1, organisation="Leicester City Council")
    # leicester-city-delivery-plan-2013-14.txt:408 names both on one line.
    c.strategy("Joint Health and Wellbeing Strategy", 2)
    c.strategy("Health and Wellbeing Strategy", 2)
    c.strategy("Leicester's Local Transport Plan", 3)
    c.strategy("Local Transport Plan", 4)
    c.strategy("Strategy 2012", 5)
    graph = GraphData()
    for part in (a, b, c):
        graph.update(part.graph)
    assert names(resolve_entities(graph), Label.STRATEGY) == {
        "Leicestershire Joint Health and Wellbeing Strategy": [
            "Health and Wellbeing Strategy", "Leicestershire Joint Health and Wellbeing Strategy"],
        "the Council's Carbon Reduction Strategy 2018-2022": [
            "Draft Carbon Reduction Strategy", "the Council's Carbon Reduction Strategy 2018-2022"],
        # The city's board's strategy is not the county's: one council at a time.
        "Joint Health and Wellbeing Strategy": [
            "Health and Wellbeing Strategy", "Joint Health and Wellbeing Strategy"],
        "Leicester's Local Transport Plan": ["Leicester's Local Transport Plan",
                                             "Local Transport Plan"],
        "Strategy 2012": ["Strategy 2012"],
    }


def test_result_does_not_depend_on_document_order() -> None:
    graph = _graph()
    nodes = list(graph.nodes.values())
    rels = list(graph.relationships.values())
    random.Random(7).shuffle(nodes)
    random.Random(7).shuffle(rels)
    shuffled = GraphData.of(nodes, rels)
    assert resolve_entities(shuffled).nodes == resolve_entities(graph).nodes


def test_keep_apart_stops_a_merge() -> None:
    resolved = resolve_entities(_graph(), keep_apart=[["Local Transport Plan", "Local Transprot Plan"]])
    strategies = names(resolved, Label.STRATEGY)
    assert "Local Transprot Plan" in strategies


def test_stored_entities_keep_their_ids() -> None:
    first = resolve_entities(_graph())
    anchor = next(n for n in first.nodes.values() if n.name == "Leicester Economic Action Plan")
    c = DocumentGraphBuilder("c.txt")
    c.plan("C", 1)
    c.strategy("Economic Action Plan", 4)
    later = resolve_entities(c.graph, anchors=[anchor])
    assert anchor.id in later.nodes


def test_a_lead_named_only_by_role_is_one_per_council() -> None:
    a = DocumentGraphBuilder("a.txt")
    a.plan("A", 1, organisation="Leicester City Council")
    a.lead("the Deputy Leader", 5)
    a.lead("Peter Soulsby", 6, role="City mayor")
    b = DocumentGraphBuilder("b.txt")
    b.plan("B", 1, organisation="Wexbridge City Council")
    b.lead("The Deputy Leader", 7)
    b.lead("Peter Soulsby", 8)
    graph = GraphData()
    graph.update(a.graph)
    graph.update(b.graph)
    leads = [n for n in resolve_entities(graph).nodes.values() if n.label is Label.CABINET_LEAD]
    deputies = sorted(n.properties["scope"] for n in leads if "deputy" in n.name.lower())
    assert deputies == ["Leicester City Council", "Wexbridge City Council"]
    assert len([n for n in leads if n.name == "Peter Soulsby"]) == 1


def test_rebuilding_against_stored_entities_gives_the_same_nodes() -> None:
    """A second build of the same plans, with the first build's entities as anchors, changes
    nothing: a council-scoped short form that joined a place-qualified name stays unscoped."""
    b = DocumentGraphBuilder("county.txt")
    b.plan("County plan", 1, organisation="Leicestershire County Council")
    b.partnership("Leicestershire Safeguarding Board", 3)
    b.partnership("Safeguarding Board", 4)
    first = resolve_entities(b.graph)
    anchors = [n for n in first.nodes.values() if n.label is Label.PARTNERSHIP]
    again = resolve_entities(b.graph, anchors=anchors)
    assert again.nodes == first.nodes
    (board,) = anchors
    assert "scope" not in board.properties


def test_a_name_of_punctuation_alone_is_left_as_it_is() -> None:
    # Found by fuzzing the whole pipeline: a damaged list gave a partnership named "#", whose
    # name has no key, and the near-identical step crashed on it.
    b = DocumentGraphBuilder("d.txt")
    b.plan("D", 1, organisation="Leicester City Council")
    b.partnership("#", 2)
    b.partnership("Health and Wellbeing Board", 3)
    graph = GraphData()
    graph.update(b.graph)
    resolved = resolve_entities(graph)
    assert sorted(n.name for n in resolved.nodes.values() if n.label is Label.PARTNERSHIP) == [
        "#", "Health and Wellbeing Board"]
