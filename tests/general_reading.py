"""Reading a small made-up or quoted document with the general reader, for the reader's tests."""

from __future__ import annotations

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Node
from stratgraph.loaders.read.model import Document
from stratgraph.loaders.registry import choose_loader, extract


def read_general(text: str, name: str = "plan.md") -> GraphData:
    """The graph the general reader makes of ``text`` (asserting the general reader is chosen)."""
    doc = Document(name, text)
    assert choose_loader(doc).name == "general"
    return extract(doc).graph


def by_label(graph: GraphData, label: Label) -> dict[str, dict]:
    """Each node of ``label`` by name: its properties and the line it was read from."""
    return {n.name: {**n.properties, "line": n.provenance.line}
            for n in graph.nodes.values() if n.label is label}


def lines_by_name(graph: GraphData, label: Label) -> dict[str, int]:
    """Each node of ``label`` by name: the line it was read from."""
    return {n.name: n.provenance.line for n in graph.nodes.values() if n.label is label}


def node_named(graph: GraphData, label: Label, name: str) -> Node:
    """The node of ``label`` called ``name``."""
    return next(n for n in graph.nodes.values() if n.label is label and n.name == name)
