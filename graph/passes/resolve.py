"""Entity resolution: one node per strategy, partnership, lead or organisation across plans.

Plans name the same thing in different ways: "Economic Action Plan" and "Leicester Economic
Action Plan", "LLEP" and "Leicester and Leicestershire Enterprise Partnership", case variants,
OCR slips. Loaders key shared nodes by their normalised name; this module groups the variants
and rewrites the graph so each group is one node, with every surface form kept in ``aliases``.

Two names are grouped when (in order of strength):

1. they share a key after folding case, punctuation and a defined acronym in brackets
   ("Wexshire Local Enterprise Partnership (WLEP)" defines WLEP);
2. one is an acronym of the other, or an acronym used inside a name expands to one
   ("LLEP Growth Plan" and "Leicester and Leicestershire Enterprise Partnership Growth Plan");
3. one is the other with a leading place name ("Leicester Economic Action Plan" and "Economic
   Action Plan" in a Leicester plan), unless two different places claim the short form or the
   short form belongs to another council;
4. rapidfuzz says they are near-identical (an OCR slip), ending in the same kind word
   ("Plan", "Board") and carrying the same numbers.

Names no place qualifies ("Health and Wellbeing Board", "ICT Strategy", "Local Transport Plan")
are each council's own: every council has such a board and such a plan. They are scoped to the
council whose plan names them (property ``scope``), so the city's board and the county's board
are two nodes, and a cross-council link is only made through something both councils name as
one thing ("Leicester and Leicestershire Enterprise Partnership", "LLEP").

Within one build the result does not depend on the order documents were read in. Nodes already
in the store (``anchors``) keep their ids: new variants join them rather than renaming them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from stratgraph.graph.data import GraphData, merge_nodes
from stratgraph.graph.model import (
    SHARED_LABELS,
    Node,
    Relationship,
    node_id,
    normalise_name,
)
from stratgraph.graph.passes.resolve_names import (
    ACRONYM_TOKEN,
    Entry,
    acronym_map,
    group_entities,
    split_bracket_acronym,
)
from stratgraph.graph.passes.resolve_scope import organisation_places, scope_generic_names

__all__ = ["acronym_map", "group_entities", "resolve_entities", "scope_generic_names"]


def _canonical_name(nodes: Sequence[Node]) -> str:
    """The fullest surface form: most words, then most mentions, then alphabetical."""
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        for alias in node.properties.get("aliases") or [node.name]:
            counts[alias] += len(node.properties.get("mentions") or [1])
    def rank(name: str) -> tuple[int, int, int, str]:
        base, _ = split_bracket_acronym(name)
        is_acronym = 1 if ACRONYM_TOKEN.match(base.strip()) else 0
        return (-(1 - is_acronym), -len(base.split()), -counts[name], name)
    best = min(counts, key=rank)
    base, acronym = split_bracket_acronym(best)
    return base if acronym else best


def resolve_entities(
    graph: GraphData,
    anchors: Sequence[Node] = (),
    keep_apart: Iterable[Iterable[str]] = (),
) -> GraphData:
    """Merge variant names of the same shared entity into one node.

    Args:
        graph: the combined graph of the documents being built.
        anchors: shared nodes already in the store; their ids are kept.
        keep_apart: groups of names the curation file says are different entities.

    Returns:
        A new graph whose shared nodes are resolved and whose relationships point at them.
    """
    places = organisation_places(graph, anchors)
    graph = scope_generic_names(graph, places)
    shared = [n for n in graph.nodes.values() if n.label in SHARED_LABELS]
    if not shared:
        return graph
    anchor_by_id = {a.id: a for a in anchors if a.label in SHARED_LABELS}
    entries = [
        Entry(n.id, n.label, tuple(n.properties.get("aliases") or [n.name]) + (n.name,),
               n.id in anchor_by_id, n.properties.get("scope"))
        for n in shared
    ]
    entries += [
        Entry(a.id, a.label, tuple(a.properties.get("aliases") or [a.name]) + (a.name,), True,
               a.properties.get("scope"))
        for a in anchor_by_id.values() if a.id not in graph.nodes
    ]
    apart = {frozenset(normalise_name(n) for n in names) for names in keep_apart}
    groups: dict[str, list[str]] = defaultdict(list)
    for entry_id, root in group_entities(entries, places, apart).items():
        groups[root].append(entry_id)

    remap: dict[str, str] = {}
    out = GraphData()
    for members in groups.values():
        nodes = [graph.nodes[m] for m in members if m in graph.nodes]
        if not nodes:
            continue  # a stored anchor no new document mentions
        stored = [anchor_by_id[m] for m in members if m in anchor_by_id]
        merged = nodes[0]
        for node in nodes[1:]:
            merged = merge_nodes(merged, Node(id=merged.id, label=node.label, name=node.name,
                                              provenance=node.provenance,
                                              properties=node.properties))
        # A merged node is one council's only when every record of it is that council's.
        scopes = {n.properties.get("scope") for n in [*nodes, *stored]}
        scope = scopes.pop() if len(scopes) == 1 else None
        if stored:
            anchor = stored[0]
            name, new_id = anchor.name, anchor.id
        else:
            from stratgraph.graph.builder import shared_node_id

            name = _canonical_name(nodes)
            new_id = (node_id(merged.label, normalise_name(scope), normalise_name(name)) if scope
                      else shared_node_id(merged.label, name))
        aliases = sorted(set(merged.properties.get("aliases") or []) | {merged.name} - {name})
        props = dict(merged.properties, aliases=sorted(set(aliases) | {name}))
        if scope is None:
            props.pop("scope", None)
        out.add_node(Node(id=new_id, label=merged.label, name=name,
                          provenance=merged.provenance, properties=props))
        for member in members:
            remap[member] = new_id
    out.add_nodes(node for node in graph.nodes.values() if node.label not in SHARED_LABELS)
    out.add_relationships(_remapped(graph.relationships.values(), remap))
    return out


def _remapped(rels: Iterable[Relationship], remap: dict[str, str]) -> Iterator[Relationship]:
    """Each relationship pointed at the merged nodes; one that would join a node to itself goes."""
    for rel in rels:
        start, end = remap.get(rel.start, rel.start), remap.get(rel.end, rel.end)
        if start == end:
            continue
        # Most relationships touch no merged node: the record is reused, not rebuilt and rehashed.
        if start != rel.start or end != rel.end:
            rel = Relationship(rel.type, start, end, rel.provenance, rel.method, rel.confidence,
                               rel.properties)
        yield rel
