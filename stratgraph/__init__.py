"""stratgraph: council strategy documents as a knowledge graph of strategies and dependencies.

The public API is re-exported here; everything else is an implementation detail.
"""

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
