"""An in-memory set of nodes and relationships, with the rules for merging duplicates.

Two records with the same id are the same thing seen twice. Merging is deterministic whatever
the order the documents were read in: the earliest provenance wins (document name, then line),
list properties such as ``aliases`` and ``mentions`` are united and sorted, and for
relationships a stated or curated link always beats an inferred one.

A shared node (strategy, partnership, lead, ...) that several documents name keeps each
document's own record of it (``Node.parts``), so removing a document gives back exactly what
the others said: its aliases, its name, a lead's portfolio. A relationship several documents
state keeps each one's statement (``statements``: method and confidence), so removing the
document that stated it leaves another's inferred version rather than a "stated" no one makes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from stratgraph.graph.model import SHARED_LABELS, Method, Node, Relationship

#: List properties that accumulate across mentions rather than being overwritten.
UNION_PROPERTIES = ("aliases", "mentions", "documents")

_METHOD_RANK = {Method.CURATED: 3, Method.STATED: 2, Method.INFERRED: 1}


def _prov_key(record: Node | Relationship) -> tuple[str, int]:
    return (record.provenance.document, record.provenance.line)


def _node_order(node: Node) -> tuple[str, int, str]:
    """Which of two records of a node comes first: earliest provenance, then name."""
    return (node.provenance.document, node.provenance.line, node.name)


def merge_nodes(a: Node, b: Node) -> Node:
    """One node from two records with the same id; order of arguments does not matter."""
    # ``a`` first on a tie, as a stable sort of (a, b) would have it. Merges run for every
    # repeated mention of a shared node, so no sort and no key function here.
    first, second = (b, a) if _node_order(b) < _node_order(a) else (a, b)
    earlier, later = first.properties, second.properties
    props: dict[str, Any] = dict(later)
    for key, value in earlier.items():
        if value is not None:
            props[key] = value
    for key in ("aliases", "documents"):
        values = set(earlier.get(key) or ()) | set(later.get(key) or ())
        if values:
            props[key] = sorted(values)
    mentions = _first_mention_per_document(
        (earlier.get("mentions") or []) + (later.get("mentions") or [])
    )
    if mentions:
        props["mentions"] = mentions
    parts: tuple[Node, ...] = ()
    if first.label in SHARED_LABELS and (
            a.parts or b.parts or a.provenance.document != b.provenance.document):
        parts = _parts_of((a, b))
    return _with_properties(first, props, parts)


def _with_properties(node: Node, props: dict[str, Any], parts: tuple[Node, ...] = ()) -> Node:
    """``replace(node, properties=props)``, built directly: merges make one per repeated id, and
    ``dataclasses.replace`` inspects the fields each time."""
    return Node(node.id, node.label, node.name, node.provenance, props, parts)


def node_parts(node: Node) -> tuple[Node, ...]:
    """Each document's own record of ``node`` (the node itself when one document names it;
    nothing for a node saved before records were kept per document: see :func:`_split_unknown`)."""
    if node.parts:
        return node.parts
    return () if _split_unknown(node) else (node,)


def _split_unknown(node: Node) -> bool:
    """True for a node several documents name, saved before each one's record was kept."""
    return not node.parts and len(node.properties.get("documents") or ()) > 1


def _parts_of(nodes: Iterable[Node]) -> tuple[Node, ...]:
    """The per-document records of the node merged from ``nodes``: one per document, two
    records from one document merged; empty when only one document is left, or when one of
    ``nodes`` cannot say what each of its documents gave it."""
    by_doc: dict[str, list[Node]] = {}
    for node in nodes:
        parts = node_parts(node)
        if not parts:
            return ()
        for part in parts:
            by_doc.setdefault(part.provenance.document, []).append(part)
    if len(by_doc) < 2:
        return ()
    return tuple(merge_node_group(by_doc[doc]) for doc in sorted(by_doc))


def _first_mention_per_document(mentions: Iterable[str]) -> list[str]:
    """The earliest "doc:line" per document, in document order.

    One per document keeps a node that a plan names thousands of times small (and its merges
    cheap); each REFERENCES link keeps its own line anyway.
    """
    earliest: dict[str, tuple[int, str]] = {}
    for mention in mentions:
        doc, line = _mention_key(mention)
        if doc not in earliest or line < earliest[doc][0]:
            earliest[doc] = (line, mention)
    return [earliest[doc][1] for doc in sorted(earliest)]


def merge_node_group(nodes: Sequence[Node]) -> Node:
    """One node from many records with the same id, as repeated :func:`merge_nodes` would give,
    in one pass: a strategy named by thousands of documents is merged once, not per document."""
    if len(nodes) == 1:
        return nodes[0]
    ordered = sorted(nodes, key=lambda n: (_prov_key(n), n.name))
    props: dict[str, Any] = {}
    for node in reversed(ordered):  # earlier records overwrite later ones
        props.update({k: v for k, v in node.properties.items() if v is not None})
    for key in ("aliases", "documents"):
        values = {v for node in ordered for v in node.properties.get(key) or ()}
        if values:
            props[key] = sorted(values)
    mentions = _first_mention_per_document(
        m for node in ordered for m in node.properties.get("mentions") or ()
    )
    if mentions:
        props["mentions"] = mentions
    first = ordered[0]
    parts: tuple[Node, ...] = ()
    if first.label in SHARED_LABELS and any(
            n.parts or n.provenance.document != first.provenance.document for n in ordered):
        parts = _parts_of(ordered)
    return _with_properties(first, props, parts)


def relationship_documents(rel: Relationship) -> list[str]:
    """The documents that state ``rel``: its ``documents`` list, or (a relationship stated by
    one document, or saved before relationships kept the list) its provenance's document."""
    return list(rel.properties.get("documents") or (rel.provenance.document,))


def _relationship_mentions(rel: Relationship) -> list[str]:
    return list(rel.properties.get("mentions")
                or (f"{rel.provenance.document}:{rel.provenance.line}",))


def _statement(rel: Relationship) -> str:
    """How one document states ``rel``: "doc:line:method:confidence"."""
    return (f"{rel.provenance.document}:{rel.provenance.line}:{rel.method.value}:"
            f"{float(rel.confidence)!r}")


def _parse_statement(text: str) -> tuple[str, int, Method, float] | None:
    doc, line, method, confidence = (text.rsplit(":", 3) + ["", "", ""])[:4]
    try:
        return doc, int(line), Method(method), float(confidence)
    except ValueError:
        return None


def _relationship_statements(rel: Relationship) -> list[str] | None:
    """Each document's own way of stating ``rel`` (its method and confidence); ``None`` for a
    link several documents state, saved before each one's was kept."""
    statements = rel.properties.get("statements")
    if statements:
        return list(statements)
    return None if rel.properties.get("documents") else [_statement(rel)]


def _strongest_per_document(statements: Iterable[str]) -> list[str]:
    """Per document, the strongest statement (method, confidence; then earliest line)."""
    best: dict[str, tuple[tuple[int, float, int], str]] = {}
    for text in statements:
        parsed = _parse_statement(text)
        if parsed is None:
            continue
        doc, line, method, confidence = parsed
        key = (_METHOD_RANK[method], confidence, -line)
        if doc not in best or key > best[doc][0]:
            best[doc] = (key, text)
    return [best[doc][1] for doc in sorted(best)]


def _with_statements(rel: Relationship, documents: Iterable[str], mentions: Iterable[str],
                     statements: Iterable[str] | None = None) -> Relationship:
    """``rel`` listing the given documents, their earliest "doc:line" mentions and each one's
    own statement (method and confidence: see :func:`_statement`).

    The lists are kept only when two or more documents state the relationship: one stated by
    a single document is stored as before (its provenance says it all), so a graph built from
    one plan, or saved before the lists existed, is unchanged, and both stores agree.
    """
    docs = sorted(set(documents))
    props = {k: v for k, v in rel.properties.items()
             if k not in ("documents", "mentions", "statements")}
    if len(docs) > 1:
        props["documents"] = docs
        props["mentions"] = _first_mention_per_document(mentions)
        if statements is not None:
            props["statements"] = _strongest_per_document(statements)
    elif props == dict(rel.properties):
        return rel
    return replace(rel, properties=props)


def merge_relationships(a: Relationship, b: Relationship) -> Relationship:
    """Keep the stronger of two records of the same relationship: stated beats inferred.

    Every document either record lists is kept (with its earliest line), so removing one of
    them later leaves the link to the others.
    """
    def strength(r: Relationship) -> tuple[int, float]:
        return (_METHOD_RANK[r.method], r.confidence)

    if strength(a) != strength(b):
        kept = max(a, b, key=strength)
    else:
        kept = min(a, b, key=_prov_key)
    if a.provenance.document == b.provenance.document and not (
            a.properties.get("documents") or b.properties.get("documents")):
        return kept  # one document: nothing to list (the common case, kept cheap)
    ours, theirs = _relationship_statements(a), _relationship_statements(b)
    return _with_statements(
        kept,
        relationship_documents(a) + relationship_documents(b),
        _relationship_mentions(a) + _relationship_mentions(b),
        None if ours is None or theirs is None else ours + theirs,
    )


@dataclass
class GraphData:
    """Nodes and relationships keyed by id; adding a duplicate merges it."""

    nodes: dict[str, Node] = field(default_factory=dict)
    relationships: dict[str, Relationship] = field(default_factory=dict)

    def add_node(self, node: Node) -> str:
        """Add or merge a node; returns its id."""
        existing = self.nodes.get(node.id)
        self.nodes[node.id] = merge_nodes(existing, node) if existing else node
        return node.id

    def add_nodes(self, nodes: Iterable[Node]) -> None:
        """Add or merge each node in turn (one call for a whole graph's worth)."""
        known = self.nodes
        for node in nodes:
            id_ = node.id
            existing = known.get(id_)
            known[id_] = merge_nodes(existing, node) if existing else node

    def add_relationship(self, rel: Relationship) -> str:
        """Add or merge a relationship; returns its id."""
        id_ = rel.id
        known = self.relationships
        existing = known.get(id_)
        known[id_] = merge_relationships(existing, rel) if existing else rel
        return id_

    def add_relationships(self, rels: Iterable[Relationship]) -> None:
        """Add or merge each relationship in turn (one call for a whole graph's worth)."""
        known = self.relationships
        setdefault = known.setdefault
        for rel in rels:
            id_ = rel.id
            existing = setdefault(id_, rel)
            if existing is not rel:
                known[id_] = merge_relationships(existing, rel)

    def _add_relationships_of(self, other: GraphData) -> None:
        """``add_relationships(other.relationships.values())`` in bulk: ``other`` keys them by id,
        and only the ids both graphs hold need a merge."""
        known = self.relationships
        theirs = other.relationships
        # Taken before the update overwrites them (the update keeps each id's place in order).
        clashes = [(id_, known[id_]) for id_ in theirs.keys() & known.keys()]
        known.update(theirs)
        for id_, existing in clashes:
            known[id_] = merge_relationships(existing, theirs[id_])

    def update(self, other: GraphData) -> None:
        """Merge every record of ``other`` into this graph."""
        for node in other.nodes.values():
            self.add_node(node)
        self.add_relationships(other.relationships.values())

    def sorted_nodes(self) -> list[Node]:
        """Nodes in a deterministic order (by id)."""
        return [self.nodes[k] for k in sorted(self.nodes)]

    def sorted_relationships(self) -> list[Relationship]:
        """Relationships in a deterministic order (by id)."""
        return [self.relationships[k] for k in sorted(self.relationships)]

    def dangling(self) -> Iterator[Relationship]:
        """Relationships whose start or end node is not in the graph."""
        for rel in self.relationships.values():
            if rel.start not in self.nodes or rel.end not in self.nodes:
                yield rel

    @classmethod
    def combine(cls, graphs: Iterable[GraphData]) -> GraphData:
        """The union of several graphs, each node merged once from all its records."""
        graphs = list(graphs)
        combined = cls()
        nodes = combined.nodes
        # Most ids occur once: only the repeated ones are grouped and merged.
        repeated: dict[str, list[Node]] = {}
        for graph in graphs:
            for node in graph.nodes.values():
                if node.id in nodes:
                    repeated.setdefault(node.id, [nodes[node.id]]).append(node)
                else:
                    nodes[node.id] = node
        for id_, group in repeated.items():
            nodes[id_] = merge_node_group(group)
        for graph in graphs:
            combined._add_relationships_of(graph)
        return combined

    @classmethod
    def of(cls, nodes: Iterable[Node] = (), relationships: Iterable[Relationship] = ()) -> GraphData:
        """A graph holding the given records (duplicates merged)."""
        graph = cls()
        for node in nodes:
            graph.add_node(node)
        for rel in relationships:
            graph.add_relationship(rel)
        return graph


def _mention_key(mention: str) -> tuple[str, int]:
    doc, _, line = mention.rpartition(":")
    return (doc, int(line) if line.isdigit() else 0)


def strip_documents(graph: GraphData, documents: Iterable[str]) -> GraphData:
    """The graph without what ``documents`` contributed (the ``--replace`` semantics).

    Document-scoped nodes from those documents go, with their relationships; relationships
    forget those documents and go when no other document states them; shared nodes forget those documents' mentions and go
    only when no other document mentions them, their provenance moving to the earliest
    remaining mention.
    """
    from stratgraph.graph.model import Provenance

    docs = set(documents)
    if not docs:
        return graph
    kept = GraphData()
    for node in graph.nodes.values():
        if node.label not in SHARED_LABELS:
            if node.provenance.document not in docs:
                kept.nodes[node.id] = node
            continue
        if node.parts:
            # What the other documents said, merged again: their names, aliases, properties.
            remaining_parts = [p for p in node.parts if p.provenance.document not in docs]
            if remaining_parts:
                kept.nodes[node.id] = (node if len(remaining_parts) == len(node.parts)
                                       else merge_node_group(remaining_parts))
            continue
        remaining = [d for d in node.properties.get("documents") or () if d not in docs]
        if not remaining and (node.properties.get("documents") or node.provenance.document in docs):
            continue
        props = dict(node.properties)
        if remaining:
            mentions = sorted(
                (m for m in props.get("mentions") or () if _mention_key(m)[0] not in docs),
                key=_mention_key,
            )
            props["documents"] = sorted(remaining)
            props["mentions"] = mentions
            prov = node.provenance
            if prov.document in docs and mentions:
                doc, line = _mention_key(mentions[0])
                prov = Provenance(doc, max(1, line))
            node = replace(node, provenance=prov, properties=props)
        kept.nodes[node.id] = node
    for rel in graph.relationships.values():
        if rel.start not in kept.nodes or rel.end not in kept.nodes:
            continue
        stripped = strip_relationship(rel, docs)
        if stripped is not None:
            kept.relationships[rel.id] = stripped
    return kept


def strip_relationship(rel: Relationship, docs: Collection[str]) -> Relationship | None:
    """``rel`` no longer stated by ``docs`` (``None``: no other document states it). Its
    provenance moves to the earliest remaining statement, as a shared node's does."""
    from stratgraph.graph.model import Provenance

    stated_by = relationship_documents(rel)
    remaining = [d for d in stated_by if d not in docs]
    if not remaining:
        return None
    if len(remaining) == len(stated_by):
        return rel
    mentions = sorted((m for m in _relationship_mentions(rel) if _mention_key(m)[0] not in docs),
                      key=_mention_key)
    statements = _relationship_statements(rel)
    if statements is not None:
        left = [p for p in map(_parse_statement, statements) if p and p[0] not in docs]
        if left:
            # The remaining documents' own statements, merged again: the strongest method
            # (then confidence) wins, on a tie the earliest statement.
            doc, line, method, confidence = min(
                left, key=lambda p: (-_METHOD_RANK[p[2]], -p[3], p[0], p[1]))
            kept = Relationship(rel.type, rel.start, rel.end, Provenance(doc, max(1, line)),
                                method, confidence, rel.properties)
            return _with_statements(kept, remaining, mentions,
                                    [s for s in statements if _parse_statement(s) in left])
    prov = rel.provenance
    if prov.document in docs and mentions:
        doc, line = _mention_key(mentions[0])
        prov = Provenance(doc, max(1, line))
    return _with_statements(replace(rel, provenance=prov), remaining, mentions)
