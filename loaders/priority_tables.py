"""Placeholder: the priority-tables loader (being written)."""

from __future__ import annotations

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.document import SourceDocument


class PriorityTablesLoader:
    """Reads the priority-tables shape."""

    name = "priority-tables"
    description = "priority-tables (not yet written)"

    def recognise(self, doc: SourceDocument) -> float:
        return 0.0

    def extract(self, doc: SourceDocument) -> Extraction:
        b = DocumentGraphBuilder(doc.name)
        b.plan(doc.name, 1, loader=self.name)
        return Extraction(doc.name, self.name, b.plan_id, b.graph)
