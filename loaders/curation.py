"""The curation file (placeholder until written)."""

from __future__ import annotations

from pathlib import Path

from stratgraph.graph.data import GraphData


def apply_curation(graph: GraphData, path: Path | None) -> GraphData:
    """Apply strategy staff's merges, splits, renames and link edits."""
    return graph
