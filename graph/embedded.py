"""The default store: a networkx MultiDiGraph in memory, persisted to one JSON file.

Writes are atomic: the new file is written beside the old one, flushed to disk, then renamed
over it, so a crash or a full disk leaves the previous graph intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stratgraph.errors import StoreError
from stratgraph.graph.data import GraphData, strip_documents
from stratgraph.graph.model import SHARED_LABELS, Label, Node
from stratgraph.graph.serialize import graph_from_dict, graph_to_dict
from stratgraph.graph.store import WriteSummary

if TYPE_CHECKING:
    import networkx as nx

DEFAULT_GRAPH_FILE = Path(".stratgraph") / "graph.json"


def to_networkx(graph: GraphData) -> nx.MultiDiGraph:
    """The graph as a MultiDiGraph: node attributes are the stored properties plus ``label``;
    edges are keyed by relationship id and carry ``type`` plus the stored properties."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for node in graph.sorted_nodes():
        g.add_node(node.id, label=node.label.value, **node.as_properties())
    for rel in graph.sorted_relationships():
        g.add_edge(rel.start, rel.end, key=rel.id, type=rel.type.value, **rel.as_properties())
    return g


class EmbeddedStore:
    """A :class:`~stratgraph.graph.store.GraphStore` kept in one JSON file."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_GRAPH_FILE) -> None:
        self.path = Path(path)
        self._data = self._load()
        self._nx: nx.MultiDiGraph | None = None

    def _load(self) -> GraphData:
        if not self.path.exists():
            return GraphData()
        try:
            with self.path.open(encoding="utf-8") as fh:
                raw = json.load(fh)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(f"{self.path}: cannot read the saved graph ({exc})") from exc
        if not isinstance(raw, dict) or raw.get("format") != "stratgraph-graph":
            raise StoreError(f"{self.path}: not a stratgraph graph file")
        try:
            return graph_from_dict(raw)
        except (KeyError, ValueError, TypeError) as exc:
            raise StoreError(f"{self.path}: the saved graph is damaged ({exc})") from exc

    @property
    def networkx(self) -> nx.MultiDiGraph:
        """The graph as a networkx MultiDiGraph (built on first use after each write)."""
        if self._nx is None:
            self._nx = to_networkx(self._data)
        return self._nx

    def write(self, graph: GraphData, *, replace_documents: Collection[str] = ()) -> WriteSummary:
        """Upsert ``graph`` (after removing ``replace_documents``) and save atomically."""
        merged = strip_documents(self._data, replace_documents)
        snapshot = GraphData(dict(merged.nodes), dict(merged.relationships))
        snapshot.update(graph)
        self._save(snapshot)
        self._data = snapshot
        self._nx = None
        return WriteSummary(
            nodes_written=len(graph.nodes),
            relationships_written=len(graph.relationships),
            nodes_total=len(snapshot.nodes),
            relationships_total=len(snapshot.relationships),
        )

    def _save(self, graph: GraphData) -> None:
        payload = json.dumps(graph_to_dict(graph), ensure_ascii=False, indent=1, sort_keys=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(payload)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                # Ctrl-C or a full disk mid-write: drop the partial file, keep the old graph.
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot save the graph ({exc.strerror or exc})") from exc

    def read(self) -> GraphData:
        """A copy of everything stored."""
        return GraphData(dict(self._data.nodes), dict(self._data.relationships))

    def shared_entities(self) -> list[Node]:
        """Stored strategies, partnerships, organisations and leads, in id order."""
        return [n for n in self._data.sorted_nodes() if n.label in SHARED_LABELS]

    def names(self, labels: Collection[Label]) -> list[tuple[str, str]]:
        """Sorted distinct (label, name) pairs: names, aliases and plans' document files."""
        wanted = {Label(label) for label in labels}
        pairs: set[tuple[str, str]] = set()
        for node in self._data.nodes.values():
            if node.label not in wanted:
                continue
            aliases = node.properties.get("aliases")
            listed = aliases if isinstance(aliases, list | tuple) else ()
            extra = [a for a in listed if isinstance(a, str)]
            if node.label is Label.PLAN:
                extra.append(node.provenance.document)
            pairs.update((node.label.value, name) for name in (node.name, *extra) if name)
        return sorted(pairs)

    def run_query(self, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Rows of a named query, computed over the networkx graph."""
        from stratgraph.graph.queries import run_embedded

        return run_embedded(self, name, dict(params))

    def close(self) -> None:
        """Nothing to release: every write is already on disk."""
