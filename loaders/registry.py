"""The loaders stratgraph knows, by name, and the choice of one for a document.

A plain dict: each loader scores how well it recognises a document from its text (never from
the file name), and the best score wins. The narrative loader reads anything, so it is the
fallback for a plan in no known shape.
"""

from __future__ import annotations

from dataclasses import replace

from stratgraph.errors import LoaderError
from stratgraph.graph.data import GraphData
from stratgraph.loaders.base import Extraction, Loader
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.shapes.coded_priorities import CodedPrioritiesLoader
from stratgraph.loaders.shapes.delivery_plan import DeliveryPlanLoader
from stratgraph.loaders.shapes.narrative import NarrativeLoader
from stratgraph.loaders.shapes.outcomes_framework import OutcomesFrameworkLoader
from stratgraph.loaders.shapes.priority_tables import PriorityTablesLoader

LOADERS: dict[str, Loader] = {
    loader.name: loader
    for loader in (
        DeliveryPlanLoader(),
        CodedPrioritiesLoader(),
        PriorityTablesLoader(),
        OutcomesFrameworkLoader(),
        NarrativeLoader(),
    )
}

#: Below this score a specific loader is not trusted and the narrative reader is used.
RECOGNITION_THRESHOLD = 0.5
FALLBACK = NarrativeLoader.name


def choose_loader(doc: SourceDocument, name: str | None = None) -> Loader:
    """The loader named ``name``, or the one that recognises ``doc`` best."""
    if name:
        try:
            return LOADERS[name]
        except KeyError:
            known = ", ".join(sorted(LOADERS))
            raise LoaderError(f"unknown loader {name!r} (known: {known})", file=doc.name) from None
    scored = sorted(
        ((loader.recognise(doc), loader.name) for loader in LOADERS.values()
         if loader.name != FALLBACK),
        reverse=True,
    )
    if scored and scored[0][0] >= RECOGNITION_THRESHOLD:
        return LOADERS[scored[0][1]]
    return LOADERS[FALLBACK]


def extract(doc: SourceDocument, loader_name: str | None = None) -> Extraction:
    """Read one document with the loader that recognises it (or the one named).

    Loaders count lines of the document's rendering; for a paged document (PDF, Word) each
    node and relationship also gets the ``source_page`` its line is on.
    """
    extraction = choose_loader(doc, loader_name).extract(doc)
    return with_pages(extraction, doc) if doc.has_pages else extraction


def with_pages(extraction: Extraction, doc: SourceDocument) -> Extraction:
    """``extraction`` with ``source_page`` set on every record made from ``doc``."""
    graph = GraphData()
    for node in extraction.graph.nodes.values():
        if node.provenance.document == doc.name:
            props = dict(node.properties)
            props["source_page"] = doc.page_of(node.provenance.line)
            node = replace(node, properties=props)
        graph.nodes[node.id] = node
    for rel in extraction.graph.relationships.values():
        if rel.provenance.document == doc.name:
            props = dict(rel.properties)
            props["source_page"] = doc.page_of(rel.provenance.line)
            rel = replace(rel, properties=props)
        graph.relationships[rel.id] = rel
    return replace(extraction, graph=graph)
