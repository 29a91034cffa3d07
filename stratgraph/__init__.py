"""stratgraph: council strategy documents as a knowledge graph of strategies and dependencies.

The public API is re-exported here; everything else is an implementation detail.
"""

from typing import TYPE_CHECKING

# The names below are imported on first use (PEP 562): `import stratgraph` stays instant, so the
# command line starts fast and a Ctrl-C while it starts is caught by the CLI, not shown as a
# traceback from deep inside an import.
_LAZY = {
    "BuildResult": "stratgraph.api", "build": "stratgraph.api", "discover": "stratgraph.api",
    "extract_documents": "stratgraph.api", "stats": "stratgraph.api",
    "StoreConfig": "stratgraph.config", "open_store": "stratgraph.config",
    "ConnectionFailed": "stratgraph.errors", "CurationError": "stratgraph.errors",
    "ExportError": "stratgraph.errors", "LoaderError": "stratgraph.errors",
    "QueryError": "stratgraph.errors", "StoreError": "stratgraph.errors",
    "StratgraphError": "stratgraph.errors",
    "GraphData": "stratgraph.graph.data",
    "export": "stratgraph.graph.export",
    "list_queries": "stratgraph.graph.queries", "run_query": "stratgraph.graph.queries",
    "Selection": "stratgraph.graph.select", "select": "stratgraph.graph.select",
    "select_from_store": "stratgraph.graph.select",
    "Label": "stratgraph.graph.model", "Method": "stratgraph.graph.model",
    "Node": "stratgraph.graph.model", "Provenance": "stratgraph.graph.model",
    "Relationship": "stratgraph.graph.model", "RelType": "stratgraph.graph.model",
    "GraphStore": "stratgraph.graph.store",
    "write_picture": "stratgraph.viz.picture",
}

if TYPE_CHECKING:
    from stratgraph.api import BuildResult, build, discover, extract_documents, stats
    from stratgraph.config import StoreConfig, open_store
    from stratgraph.errors import (
        ConnectionFailed,
        CurationError,
        ExportError,
        LoaderError,
        QueryError,
        StoreError,
        StratgraphError,
    )
    from stratgraph.graph.data import GraphData
    from stratgraph.graph.export import export
    from stratgraph.graph.queries import list_queries, run_query
    from stratgraph.graph.select import Selection, select, select_from_store
    from stratgraph.graph.model import Label, Method, Node, Provenance, Relationship, RelType
    from stratgraph.graph.store import GraphStore
    from stratgraph.viz.picture import write_picture


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stratgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"

__all__ = [
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
