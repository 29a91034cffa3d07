"""stratgraph: council strategy documents as a knowledge graph of strategies and dependencies.

The public API is re-exported here; everything else is an implementation detail.

Names are imported on first use (PEP 562 ``__getattr__``), not with the package: every
``stratgraph`` command imports this package first, and eager re-exports would load the query,
export and picture modules into a ``build`` that never uses them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from stratgraph.errors import (
    ConnectionFailed,
    CurationError,
    ExportError,
    LoaderError,
    QueryError,
    StoreError,
    StratgraphError,
)

if TYPE_CHECKING:
    from stratgraph.api import BuildResult, build, discover, extract_documents, stats
    from stratgraph.config import StoreConfig, open_store
    from stratgraph.graph.data import GraphData
    from stratgraph.graph.export import export
    from stratgraph.graph.model import Label, Method, Node, Provenance, Relationship, RelType
    from stratgraph.graph.queries import list_queries, run_query
    from stratgraph.graph.select import Selection, select, select_from_store
    from stratgraph.graph.store import GraphStore
    from stratgraph.viz.picture import write_picture
    from stratgraph.graph.overview import Overview, overview
    from stratgraph.viz.overview_page import render_overview, write_report

__version__ = "0.1.0"

#: Where each public name lives.
_LAZY = {
    "BuildResult": "stratgraph.api",
    "build": "stratgraph.api",
    "discover": "stratgraph.api",
    "extract_documents": "stratgraph.api",
    "stats": "stratgraph.api",
    "StoreConfig": "stratgraph.config",
    "open_store": "stratgraph.config",
    "GraphData": "stratgraph.graph.data",
    "export": "stratgraph.graph.export",
    "list_queries": "stratgraph.graph.queries",
    "run_query": "stratgraph.graph.queries",
    "Selection": "stratgraph.graph.select",
    "select": "stratgraph.graph.select",
    "select_from_store": "stratgraph.graph.select",
    "Label": "stratgraph.graph.model",
    "Method": "stratgraph.graph.model",
    "Node": "stratgraph.graph.model",
    "Provenance": "stratgraph.graph.model",
    "Relationship": "stratgraph.graph.model",
    "RelType": "stratgraph.graph.model",
    "GraphStore": "stratgraph.graph.store",
    "write_picture": "stratgraph.viz.picture",
    "Overview": "stratgraph.graph.overview",
    "overview": "stratgraph.graph.overview",
    "render_overview": "stratgraph.viz.overview_page",
    "write_report": "stratgraph.viz.overview_page",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'stratgraph' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # the next look-up is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Overview",
    "overview",
    "render_overview",
    "write_report",
    "BuildResult",
    "ConnectionFailed",
    "CurationError",
    "ExportError",
    "GraphData",
    "GraphStore",
    "Label",
    "LoaderError",
    "Method",
    "Node",
    "Provenance",
    "QueryError",
    "RelType",
    "Relationship",
    "StoreConfig",
    "StoreError",
    "StratgraphError",
    "Selection",
    "export",
    "list_queries",
    "run_query",
    "select",
    "select_from_store",
    "build",
    "discover",
    "extract_documents",
    "open_store",
    "stats",
    "write_picture",
    "__version__",
]
