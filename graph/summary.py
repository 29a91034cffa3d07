"""Counts that describe a graph: per label, per relationship type, per document."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from stratgraph.graph.data import GraphData


@dataclass(frozen=True)
class DocumentCounts:
    """What one document contributed (shared entities count under each document naming them,
    so per-document node counts add up to more than the total)."""

    document: str
    nodes: dict[str, int]
    relationships: dict[str, int]


@dataclass(frozen=True)
class Summary:
    """Totals and per-document counts of a graph."""

    nodes: int
    relationships: int
    labels: dict[str, int]
    types: dict[str, int]
    methods: dict[str, int]
    documents: list[DocumentCounts] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``stratgraph stats --json``)."""
        return {
            "nodes": self.nodes,
            "relationships": self.relationships,
            "labels": self.labels,
            "types": self.types,
            "methods": self.methods,
            "documents": [
                {"document": d.document, "nodes": d.nodes, "relationships": d.relationships}
                for d in self.documents
            ],
        }


def summarise(graph: GraphData) -> Summary:
    """Count a graph's nodes and relationships, in total and per source document."""
    labels = Counter(n.label.value for n in graph.nodes.values())
    types = Counter(r.type.value for r in graph.relationships.values())
    methods = Counter(r.method.value for r in graph.relationships.values())
    per_doc_nodes: dict[str, Counter[str]] = {}
    per_doc_rels: dict[str, Counter[str]] = {}
    for node in graph.nodes.values():
        # A shared strategy or partnership counts under every document that names it.
        for document in node.properties.get("documents") or [node.provenance.document]:
            per_doc_nodes.setdefault(document, Counter())[node.label.value] += 1
    for rel in graph.relationships.values():
        per_doc_rels.setdefault(rel.provenance.document, Counter())[rel.type.value] += 1
    documents = [
        DocumentCounts(
            doc,
            dict(sorted(per_doc_nodes.get(doc, Counter()).items())),
            dict(sorted(per_doc_rels.get(doc, Counter()).items())),
        )
        for doc in sorted(set(per_doc_nodes) | set(per_doc_rels))
    ]
    return Summary(
        nodes=len(graph.nodes),
        relationships=len(graph.relationships),
        labels=dict(sorted(labels.items())),
        types=dict(sorted(types.items())),
        methods=dict(sorted(methods.items())),
        documents=documents,
    )
