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
from stratgraph.graph.model import Label, Method, Node, Provenance, Relationship, RelType
from stratgraph.graph.store import GraphStore

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
    "build",
    "discover",
    "extract_documents",
    "open_store",
    "stats",
    "__version__",
]
