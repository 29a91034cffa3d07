"""The loaders stratgraph knows, by name, and the choice of one for a document.

A plain dict: each loader scores how well it recognises a document from its text (never from
the file name), and the best score wins. The general reader reads anything, so it is the
fallback for a plan in no known shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cached_property
from importlib import import_module
from typing import Any

from stratgraph.errors import LoaderError
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Node
from stratgraph.loaders.base import Extraction, Loader
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.general.foreword import add_signing_leader
from stratgraph.loaders.shapes.coded_priorities import CodedPrioritiesLoader
from stratgraph.loaders.shapes.delivery_plan import DeliveryPlanLoader
from stratgraph.loaders.shapes.narrative import NarrativeLoader
from stratgraph.loaders.shapes.outcomes_framework import OutcomesFrameworkLoader
from stratgraph.loaders.shapes.priority_tables import PriorityTablesLoader



class DeferredLoader:
    """A loader whose module is imported when a document first needs it.

    The general reader is the largest loader (its import compiles some 200 rules) and only
    the fallback: a build whose plans all have a known shape never needs it.
    """

    def __init__(self, name: str, module: str, cls: str) -> None:
        self.name = name
        self._module = module
        self._cls = cls

    @cached_property
    def loader(self) -> Loader:
        """The real loader, imported on first use."""
        loader: Loader = getattr(import_module(self._module), self._cls)()
        return loader

    @property
    def description(self) -> str:
        return self.loader.description

    def recognise(self, doc: SourceDocument) -> float:
        return self.loader.recognise(doc)

    def extract(self, doc: SourceDocument) -> Extraction:
        return self.loader.extract(doc)


LOADERS: dict[str, Loader] = {
    loader.name: loader
    for loader in (
        DeliveryPlanLoader(),
        CodedPrioritiesLoader(),
        PriorityTablesLoader(),
        OutcomesFrameworkLoader(),
        NarrativeLoader(),
        DeferredLoader("general", "stratgraph.loaders.general.reader", "GeneralLoader"),
    )
}

#: Below this score a specific loader is not trusted and the narrative reader is used.
RECOGNITION_THRESHOLD = 0.5
FALLBACK = "general"


def scores(doc: SourceDocument) -> list[tuple[float, str]]:
    """Each specific loader's recognition score for ``doc``, best first."""
    return sorted(
        ((loader.recognise(doc), loader.name) for loader in LOADERS.values()
         if loader.name != FALLBACK),
        reverse=True,
    )


def choose(doc: SourceDocument, name: str | None = None) -> tuple[Loader, float]:
    """The loader named ``name`` (sure: 1.0), or the one that recognises ``doc`` best.

    The fallback's sureness is one minus the best specific score: a plan that nearly has a
    known shape is read by the general reader with less confidence.
    """
    if name:
        try:
            return LOADERS[name], 1.0
        except KeyError:
            known = ", ".join(sorted(LOADERS))
            raise LoaderError(f"unknown loader {name!r} (known: {known})", file=doc.name) from None
    scored = scores(doc)
    if scored and scored[0][0] >= RECOGNITION_THRESHOLD:
        return LOADERS[scored[0][1]], scored[0][0]
    best = scored[0][0] if scored else 0.0
    return LOADERS[FALLBACK], round(1.0 - best, 2)


def choose_loader(doc: SourceDocument, name: str | None = None) -> Loader:
    """The loader named ``name``, or the one that recognises ``doc`` best."""
    return choose(doc, name)[0]


def extract(doc: SourceDocument, loader_name: str | None = None) -> Extraction:
    """Read one document with the loader that recognises it (or the one named).

    Loaders count lines of the document's rendering; for a paged document (PDF, Word) each
    node and relationship also gets the ``source_page`` its line is on. A document that yields
    no outcome or no action is warned about: it may not be a plan, or not one stratgraph reads.
    """
    loader, sure = choose(doc, loader_name)
    extraction = with_provenance(add_signing_leader(loader.extract(doc), doc), doc)
    labels = {node.label for node in extraction.graph.nodes.values()}
    missing = [word for label, word in ((Label.OUTCOME, "outcome"), (Label.ACTION, "action"))
               if label not in labels]
    warnings = extraction.warnings
    if missing:
        warnings += (f"no {' and no '.join(missing)} found: is this a plan?",)
    return replace(extraction, format=doc.format, recognition=sure, pages=doc.page_count,
                   warnings=warnings)


def with_provenance(extraction: Extraction, doc: SourceDocument) -> Extraction:
    """``extraction`` with every record made from ``doc`` saying what read it: the ``rule``
    (a shape loader's records that name none carry the loader's name) and, for a paged
    document, the ``source_page`` its line is on."""
    paged = doc.has_pages
    fallback = extraction.loader

    def completed(properties: Mapping[str, Any], line: int) -> dict[str, Any] | None:
        if "rule" in properties and not paged:
            return None
        props = dict(properties)
        props.setdefault("rule", fallback)
        if paged:
            props["source_page"] = doc.page_of(line)
        return props

    nodes = {}
    for node in extraction.graph.nodes.values():
        if node.provenance.document == doc.name:
            props = completed(node.properties, node.provenance.line)
            if props is not None:
                nodes[node.id] = Node(node.id, node.label, node.name, node.provenance, props)
    relationships = {}
    for rel in extraction.graph.relationships.values():
        if rel.provenance.document == doc.name:
            props = completed(rel.properties, rel.provenance.line)
            if props is not None:
                relationships[rel.id] = rel.with_properties(props)
    if not nodes and not relationships:
        return extraction  # a text plan whose loader named every rule: nothing to copy
    graph = GraphData()
    graph.nodes.update((k, nodes.get(k, v)) for k, v in extraction.graph.nodes.items())
    graph.relationships.update((k, relationships.get(k, v))
                               for k, v in extraction.graph.relationships.items())
    return replace(extraction, graph=graph)
