"""The contract every graph store keeps: the embedded (networkx) store and Neo4j alike.

The conformance suite (``tests/test_store_conformance.py``) runs the same assertions against
each implementation, so a query or a build gives the same answer whichever store is used.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Node

if TYPE_CHECKING:
    from stratgraph.graph.explore import NodeDetail, SearchHit


@dataclass(frozen=True, slots=True)
class WriteSummary:
    """What a write did: how many nodes and relationships the store holds afterwards."""

    nodes_written: int
    relationships_written: int
    nodes_total: int
    relationships_total: int


@runtime_checkable
class GraphStore(Protocol):
    """Somewhere a stratgraph graph lives."""

    def write(self, graph: GraphData, *, replace_documents: Collection[str] = ()) -> WriteSummary:
        """Upsert ``graph``; first remove what ``replace_documents`` contributed before.

        Idempotent: writing the same graph twice leaves the same store. Atomic for the
        caller: a failure leaves the previous contents or the complete new contents.
        """
        ...

    def read(self) -> GraphData:
        """Everything stratgraph stored, as records."""
        ...

    def shared_entities(self) -> list[Node]:
        """The stored strategies, partnerships, organisations and leads (resolution anchors)."""
        ...

    def nodes_labelled(self, labels: Collection[Label]) -> list[Node]:
        """The stored nodes with one of ``labels``, in id order (a build reads the stored
        plans and shared nodes this way, not the whole graph)."""
        ...

    def names(self, labels: Collection[Label]) -> list[tuple[str, str]]:
        """Sorted distinct ``(label value, name)`` pairs of the nodes with ``labels``: names,
        aliases, and a plan's document file name (a ``plan`` parameter answers to it too).

        What "did you mean" hints choose from when a query parameter names nothing.
        """
        ...

    def run_query(self, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Rows of the named query (see ``stratgraph query --list``)."""
        ...

    def stream_query(
        self, name: str, params: Mapping[str, Any], *, offset: int = 0, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Rows ``offset`` to ``offset + limit`` of the named query, in its order, one at a time
        (same rows as ``run_query`` sliced)."""
        ...

    def query_summary(self, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The named query's rows counted per group (plan, ...) and per reason or kind: see
        :func:`stratgraph.graph.queries.tally`."""
        ...

    def close(self) -> None:
        """Release connections and files."""
        ...

    # -- one node at a time: what the explorer (``stratgraph serve``) reads per request --------

    def search(
        self, text: str, labels: Collection[str] = (), plan: str | None = None,
        theme: str | None = None, limit: int = 20,
    ) -> list[SearchHit]:
        """Nodes whose name or an alias matches ``text`` (typo-tolerant), best first; only
        ``labels`` (all when empty), only those of the plan or theme with id ``plan`` /
        ``theme``. Ranked by :func:`stratgraph.graph.explore.rank`."""
        ...

    def neighbours(
        self, node_id: str, types: Collection[str] = (), limit: int = 200
    ) -> GraphData:
        """The node, its relationships of ``types`` (all when empty) either way, at most
        ``limit`` of them in relationship id order, and the nodes at their other ends."""
        ...

    def node(self, node_id: str) -> NodeDetail | None:
        """The node with its relationship counts per type and direction (``None``: no such
        node)."""
        ...
