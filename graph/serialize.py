"""Records to plain dicts and back: the one JSON shape of nodes and relationships."""

from __future__ import annotations

import json
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


# -- checking a graph file before trusting it ------------------------------------------

#: Limits a saved graph's values must keep: a file breaking them is damaged or hostile.
MAX_DEPTH = 8
MAX_STRING = 1_000_000
MAX_INT_DIGITS = 18


class GraphFileError(ValueError):
    """A graph file that does not hold what :func:`graph_to_dict` writes."""


def _reject_constant(name: str) -> Any:
    raise GraphFileError(f"{name} is not a number a graph file may hold")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise GraphFileError(f"number {text[:24]}... is too large")
    return int(text)


def _check_value(value: Any, where: str, depth: int = 0) -> None:
    """A property value: null, bool, number, text, or lists/maps of them, kept shallow."""
    if depth > MAX_DEPTH:
        raise GraphFileError(f"{where}: nested more than {MAX_DEPTH} levels")
    if value is None or isinstance(value, (bool, int)):
        return
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise GraphFileError(f"{where}: not a finite number")
        return
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise GraphFileError(f"{where}: text longer than {MAX_STRING:,} characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise GraphFileError(f"{where}: text with a lone surrogate") from None
        return
    if isinstance(value, list):
        for item in value:
            _check_value(item, where, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _check_value(key, where, depth + 1)
            _check_value(item, where, depth + 1)
        return
    raise GraphFileError(f"{where}: unexpected {type(value).__name__}")


def _require(record: dict[str, Any], key: str, kind: type, where: str) -> None:
    value = record.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise GraphFileError(f"{where}: {key!r} must be {kind.__name__}")


def check_graph_dict(raw: Any) -> None:
    """Raise :class:`GraphFileError` unless ``raw`` has the shape and sizes of a graph file."""
    if not isinstance(raw, dict) or raw.get("format") != "stratgraph-graph":
        raise GraphFileError("not a stratgraph graph file")
    for key in ("nodes", "relationships"):
        if not isinstance(raw.get(key, []), list):
            raise GraphFileError(f"{key!r} must be a list")
    for i, node in enumerate(raw.get("nodes", [])):
        where = f"node {i + 1}"
        if not isinstance(node, dict):
            raise GraphFileError(f"{where}: not an object")
        for key in ("id", "label", "name", "source_document"):
            _require(node, key, str, where)
        _require(node, "source_line", int, where)
        if not isinstance(node.get("properties") or {}, dict):
            raise GraphFileError(f"{where}: 'properties' must be an object")
        _check_value(node, where)
    for i, rel in enumerate(raw.get("relationships", [])):
        where = f"relationship {i + 1}"
        if not isinstance(rel, dict):
            raise GraphFileError(f"{where}: not an object")
        for key in ("type", "start", "end", "source_document"):
            _require(rel, key, str, where)
        _require(rel, "source_line", int, where)
        confidence = rel.get("confidence", 1.0)
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
            raise GraphFileError(f"{where}: 'confidence' must be a number")
        if not isinstance(rel.get("properties") or {}, dict):
            raise GraphFileError(f"{where}: 'properties' must be an object")
        _check_value(rel, where)


def parse_graph_json(text: str) -> GraphData:
    """The graph a JSON graph file holds, checked first (types, sizes, depth, finite numbers).

    Raises :class:`GraphFileError` (a ValueError) for anything else.
    """
    try:
        raw = json.loads(text, parse_constant=_reject_constant, parse_int=_bounded_int)
    except RecursionError:
        raise GraphFileError("nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise GraphFileError(f"not valid JSON ({exc})") from None
    try:
        check_graph_dict(raw)
    except RecursionError:
        raise GraphFileError("nested too deeply") from None
    try:
        return graph_from_dict(raw)
    except (KeyError, ValueError, TypeError) as exc:
        raise GraphFileError(f"damaged ({exc})") from None
