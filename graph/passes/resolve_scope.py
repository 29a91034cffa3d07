"""Place-less names are each council's own: "Health and Wellbeing Board" in a city plan and in
a county plan are two boards. This module finds the councils' places and splits such nodes into
one per council (property ``scope``), each relationship following its document's council."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import (
    SHARED_LABELS,
    Label,
    Node,
    Provenance,
    Relationship,
    node_id,
    normalise_name,
)
from stratgraph.graph.passes.resolve_names import NameKeys, acronym_map
from stratgraph.loaders.common.plan_info import place_key

def organisation_places(graph: GraphData, anchors: Sequence[Node]) -> set[str]:
    """Place names from the organisations ("Leicester City Council" -> "leicester")."""
    places: set[str] = set()
    organisation = Label.ORGANISATION  # read once: an Enum member lookup is slow in a loop
    for node in list(graph.nodes.values()) + list(anchors):
        if node.label is organisation:
            place = place_key(node.name)
            if place:
                places.add(place)
    return places


def _document_places(graph: GraphData) -> dict[str, tuple[str, str]]:
    """Document -> (organisation, its place key) from the documents' Plan nodes."""
    found: dict[str, tuple[str, str]] = {}
    plan = Label.PLAN  # read once: an Enum member lookup is slow in a loop
    for node in graph.nodes.values():
        org = node.properties.get("organisation") if node.label is plan else None
        if org:
            found[node.provenance.document] = (str(org), place_key(str(org)))
    return found


_SCOPED_LABELS = (Label.STRATEGY, Label.PARTNERSHIP)


def _is_generic(
    names: Iterable[str], place_words: Sequence[set[str]], name_keys: NameKeys
) -> bool:
    """A name no place qualifies ("Health and Wellbeing Board", "ICT Strategy"): every council
    has its own, so the same words in two councils' plans name two different things.

    ``place_words`` holds each place's words.
    """
    for name in dict.fromkeys(names):
        for key in name_keys(name):
            words = set(key.split())
            if any(place <= words for place in place_words):
                return False
    return True


def scope_generic_names(graph: GraphData, places: set[str]) -> GraphData:
    """Give each place-less strategy or partnership its publishing council as ``scope``.

    A node mentioned by two councils' plans becomes one node per council, each relationship
    following the council of the document it was read from. Place-qualified names
    ("Leicester and Leicestershire Enterprise Partnership", "LLEP") stay shared.
    """
    doc_org = _document_places(graph)
    if not doc_org:
        return graph
    shared = sorted((n for n in graph.nodes.values() if n.label in SHARED_LABELS),
                    key=lambda n: n.id)
    acronyms = acronym_map(
        name for node in shared for name in (node.properties.get("aliases") or [node.name])
    )
    place_words = [set(place.split()) for place in places]
    name_keys = NameKeys(acronyms)
    ordered: list[Node] = []  # the nodes to keep, in id order, each split node's copies in place
    split: dict[str, dict[str, str]] = {}  # old id -> {organisation: new id}
    for node in graph.sorted_nodes():
        copies = (_scoped_copies(node, place_words, name_keys, doc_org)
                  if node.label in _SCOPED_LABELS and not node.properties.get("scope") else None)
        if copies is None:
            ordered.append(node)
            continue
        split[node.id] = {org: copy.id for org, copy in copies.items() if org is not None}
        ordered.extend(copies.values())
    out = GraphData()
    out.add_nodes(ordered)
    out.add_relationships(_following_splits(graph.relationships.values(), split, doc_org,
                                            out.nodes))
    return out


def _scoped_copies(
    node: Node,
    place_words: Sequence[set[str]],
    name_keys: NameKeys,
    doc_org: dict[str, tuple[str, str]],
) -> dict[str | None, Node] | None:
    """A generic ``node``'s copy per council (key None: the copy kept for documents of no known
    council), or None when the node stays as it is."""
    names = tuple(node.properties.get("aliases") or []) + (node.name,)
    if not _is_generic(names, place_words, name_keys):
        return None
    docs = sorted(node.properties.get("documents") or [node.provenance.document])
    orgs = sorted({doc_org[d][0] for d in docs if d in doc_org})
    if not orgs:
        return None
    docs_of: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        docs_of[doc_org.get(d, ("",))[0]].append(d)
    mentions_of: dict[str, list[str]] = defaultdict(list)
    for m in node.properties.get("mentions") or []:
        mentions_of[doc_org.get(m.rpartition(":")[0], ("",))[0]].append(m)
    copies: dict[str | None, Node] = {}
    for org in orgs:
        own_docs = docs_of[org]
        mentions = mentions_of[org]
        prov = node.provenance
        if prov.document not in own_docs:
            doc, _, line = (mentions[0] if mentions else f"{own_docs[0]}:1").rpartition(":")
            prov = Provenance(doc, max(1, int(line or 1)))
        new_id = node_id(node.label, normalise_name(org), normalise_name(node.name))
        props = dict(node.properties, scope=org, documents=own_docs, mentions=mentions)
        # Nodes are built field by field here and below, not with dataclasses.replace: that
        # inspects the dataclass's fields on every call, several times the cost of building one.
        copies[org] = Node(id=new_id, label=node.label, name=node.name, provenance=prov,
                           properties=props)
    unscoped = [d for d in docs if d not in doc_org]
    if unscoped:  # a document of no known council keeps the shared node
        copies[None] = Node(id=node.id, label=node.label, name=node.name,
                            provenance=node.provenance,
                            properties=dict(node.properties, documents=unscoped))
    return copies


def _following_splits(
    rels: Iterable[Relationship],
    split: dict[str, dict[str, str]],
    doc_org: dict[str, tuple[str, str]],
    kept: dict[str, Node],
) -> Iterator[Relationship]:
    """Each relationship moved onto the copies of the nodes it joins, when both ends are kept."""
    for rel in rels:
        if rel.start in split or rel.end in split:
            rel = _follow_split(rel, split, doc_org)
        if rel.start in kept and rel.end in kept:
            yield rel


def _follow_split(
    rel: Relationship, split: dict[str, dict[str, str]], doc_org: dict[str, tuple[str, str]]
) -> Relationship:
    """``rel`` pointing at the per-council copies of split nodes, for its document's council."""
    org = doc_org.get(rel.provenance.document, ("",))[0]
    start = split.get(rel.start, {}).get(org, rel.start)
    end = split.get(rel.end, {}).get(org, rel.end)
    if start == rel.start and end == rel.end:
        return rel
    return Relationship(rel.type, start, end, rel.provenance, rel.method, rel.confidence,
                        rel.properties)
