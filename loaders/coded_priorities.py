"""Placeholder: the coded-priorities loader (being written)."""

from __future__ import annotations

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.document import SourceDocument


class CodedPrioritiesLoader:
    """Reads the coded-priorities shape."""

    name = "coded-priorities"
    description = "coded-priorities (not yet written)"

    def recognise(self, doc: SourceDocument) -> float:
        return 0.0

    def extract(self, doc: SourceDocument) -> Extraction:
        b = DocumentGraphBuilder(doc.name)
        b.plan(doc.name, 1, loader=self.name)
        return Extraction(doc.name, self.name, b.plan_id, b.graph)
