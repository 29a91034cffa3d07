"""Inferred links (placeholder until written)."""

from __future__ import annotations

from stratgraph.graph.data import GraphData

DEFAULT_THRESHOLD = 0.6


def infer_links(graph: GraphData, threshold: float = DEFAULT_THRESHOLD) -> GraphData:
    """Add inferred SUPPORTS / OWNS links the documents imply but do not state."""
    return graph
