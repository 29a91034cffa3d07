"""Records to plain dicts and back: the one JSON shape of nodes and relationships."""

from __future__ import annotations

from typing import Any

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Method, Node, Provenance, Relationship, RelType


def node_to_dict(node: Node) -> dict[str, Any]:
    """A node as a JSON-ready dict."""
    return {
        "id": node.id,
        "label": node.label.value,
        "name": node.name,
        "source_document": node.provenance.document,
        "source_line": node.provenance.line,
        "properties": {k: node.properties[k] for k in sorted(node.properties)},
    }


def node_from_dict(data: dict[str, Any]) -> Node:
    """The node a :func:`node_to_dict` dict describes."""
    return Node(
        id=data["id"],
        label=Label(data["label"]),
        name=data["name"],
        provenance=Provenance(data["source_document"], int(data["source_line"])),
        properties=dict(data.get("properties") or {}),
    )


def relationship_to_dict(rel: Relationship) -> dict[str, Any]:
    """A relationship as a JSON-ready dict."""
    return {
        "id": rel.id,
        "type": rel.type.value,
        "start": rel.start,
        "end": rel.end,
        "method": rel.method.value,
        "confidence": rel.confidence,
        "source_document": rel.provenance.document,
        "source_line": rel.provenance.line,
        "properties": {k: rel.properties[k] for k in sorted(rel.properties)},
    }


def relationship_from_dict(data: dict[str, Any]) -> Relationship:
    """The relationship a :func:`relationship_to_dict` dict describes."""
    return Relationship(
        type=RelType(data["type"]),
        start=data["start"],
        end=data["end"],
        provenance=Provenance(data["source_document"], int(data["source_line"])),
        method=Method(data.get("method", "stated")),
        confidence=float(data.get("confidence", 1.0)),
        properties=dict(data.get("properties") or {}),
    )


def graph_to_dict(graph: GraphData) -> dict[str, Any]:
    """The whole graph as a JSON-ready dict, in a deterministic order."""
    return {
        "format": "stratgraph-graph",
        "version": 1,
        "nodes": [node_to_dict(n) for n in graph.sorted_nodes()],
        "relationships": [relationship_to_dict(r) for r in graph.sorted_relationships()],
    }


def graph_from_dict(data: dict[str, Any]) -> GraphData:
    """The graph a :func:`graph_to_dict` dict describes."""
    return GraphData.of(
        (node_from_dict(n) for n in data.get("nodes", ())),
        (relationship_from_dict(r) for r in data.get("relationships", ())),
    )
