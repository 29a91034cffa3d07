"""Entity resolution across documents (placeholder: identity until written)."""

from __future__ import annotations

from collections.abc import Sequence

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Node


def resolve_entities(graph: GraphData, anchors: Sequence[Node] = ()) -> GraphData:
    """Merge variant names of the same strategy or partnership into one node."""
    return graph
