"""What a loader is: it says how well it recognises a document, then turns it into records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.loaders.document import SourceDocument


@dataclass(frozen=True)
class Extraction:
    """What a loader read from one document."""

    document: str
    loader: str
    plan_id: str
    graph: GraphData
    warnings: tuple[str, ...] = field(default_factory=tuple)
    #: The format the document was read from (``text``, ``markdown``, ``html``, ``docx``, ``pdf``).
    format: str = "text"
    #: How sure the chosen loader was that the document has its shape (0..1); 1.0 when forced.
    recognition: float = 1.0
    #: The document's page count, for paged formats.
    pages: int | None = None


class Loader(Protocol):
    """A reader for one shape of plan."""

    #: Registry key, e.g. ``"delivery-plan"``.
    name: str
    #: One line for ``stratgraph loaders``.
    description: str

    def recognise(self, doc: SourceDocument) -> float:
        """How sure this loader is that ``doc`` has its shape, 0..1, from the text alone."""
        ...

    def extract(self, doc: SourceDocument) -> Extraction:
        """Read ``doc`` into nodes and relationships with provenance."""
        ...


class DocumentReader:
    """One document being read by a shape loader: the document, the loader's name, the builder
    its records are made with and the warnings so far. A loader's reader extends it with what
    its shape needs and returns :meth:`extraction` when done."""

    def __init__(self, doc: SourceDocument, loader: str) -> None:
        self.doc = doc
        self.loader = loader
        self.b = DocumentGraphBuilder(doc.name)
        self.warnings: list[str] = []

    def extraction(self) -> Extraction:
        """What was read: the builder's graph and the warnings, under the document's name."""
        return Extraction(self.doc.name, self.loader, self.b.plan_id, self.b.graph,
                          tuple(self.warnings))
