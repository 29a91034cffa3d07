"""Choosing part of the graph: by plan, theme, label, a node's neighbourhood or a named query.

Selections work on the records a store's ``read()`` returns, in Python, so they give the same
answer on the embedded store and on Neo4j. Each criterion picks a set of nodes; criteria given
together keep only the nodes every one of them picks (intersection); giving one criterion
several times (two ``--plan`` options) picks what any of them picks (union). The result keeps
the relationships whose both ends are selected.

- plan: the plan node, everything that is ``PART_OF`` it (directly or through a theme), every
  document-scoped node from the plan's document, and the shared nodes (strategies,
  partnerships, leads, organisations) those link to.
- theme: the theme, its ``PART_OF`` descendants, the plan it belongs to, and the shared nodes
  its descendants link to.
- label: every node with that label.
- focus and hops: the nodes within ``hops`` relationships of the focus node, whatever their
  direction.
- query: the nodes a named query's rows name (columns ``id`` or ending ``_id``), with their
  direct neighbours as context.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stratgraph.errors import ExportError, QueryError
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import SHARED_LABELS, Label, Node, RelType, document_name

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore

#: A named query run: (name, params) -> rows.
QueryRunner = Callable[[str, Mapping[str, Any]], list[dict[str, Any]]]


@dataclass(frozen=True)
class Selection:
    """What to keep of the graph; an empty selection keeps everything."""

    plans: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    focus: str | None = None
    hops: int = 1
    query: str | None = None

    def __post_init__(self) -> None:
        if self.hops < 0:
            raise ExportError(f"--hops must be 0 or more, got {self.hops}")

    @property
    def empty(self) -> bool:
        """True when nothing narrows the graph."""
        return not (self.plans or self.themes or self.labels or self.focus or self.query)

    def describe(self) -> str:
        """A short human description, for page titles and messages."""
        parts = [f"plan {p}" for p in self.plans]
        parts += [f"theme {t}" for t in self.themes]
        parts += [f"label {lab}" for lab in self.labels]
        if self.focus:
            parts.append(f"{self.hops} hop(s) around {self.focus}")
        if self.query:
            parts.append(f"query {self.query}")
        return ", ".join(parts) or "whole graph"


def select_from_store(store: GraphStore, selection: Selection) -> GraphData:
    """The part of ``store``'s graph that ``selection`` picks."""
    graph = store.read()
    if selection.empty:
        return graph

    def run_query(name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        # Through the queries module: it checks the parameters and fills the defaults.
        from stratgraph.graph.queries import run_query as run_named

        return run_named(store, name, params)

    return select(graph, selection, run_query=run_query)


def select(
    graph: GraphData, selection: Selection, *, run_query: QueryRunner | None = None
) -> GraphData:
    """The part of ``graph`` that ``selection`` picks (``run_query`` answers ``--query``)."""
    if selection.empty:
        return graph
    index = _Index(graph)
    picks: list[set[str]] = []
    if selection.plans:
        picks.append(_union(index.plan_scope(p) for p in selection.plans))
    if selection.themes:
        picks.append(_union(index.theme_scope(t) for t in selection.themes))
    if selection.labels:
        wanted = {_label(name) for name in selection.labels}
        picks.append({n.id for n in graph.nodes.values() if n.label in wanted})
    if selection.focus:
        picks.append(index.neighbourhood(index.find(selection.focus), selection.hops))
    if selection.query:
        if run_query is None:
            raise QueryError("a --query selection needs a store to run the query on")
        ids = query_node_ids(run_query(selection.query, {})) & graph.nodes.keys()
        picks.append(index.neighbourhood(ids, 1))
    return subgraph(graph, set.intersection(*picks))


def subgraph(graph: GraphData, node_ids: Iterable[str]) -> GraphData:
    """The given nodes and the relationships whose both ends are among them."""
    keep = set(node_ids) & graph.nodes.keys()
    return GraphData(
        {k: graph.nodes[k] for k in sorted(keep)},
        {
            k: r
            for k, r in sorted(graph.relationships.items())
            if r.start in keep and r.end in keep
        },
    )


def query_node_ids(rows: Sequence[Mapping[str, Any]]) -> set[str]:
    """Node ids in a query's rows: values of columns named ``id`` or ending in ``_id``."""
    ids: set[str] = set()
    for row in rows:
        for column, value in row.items():
            if column != "id" and not column.endswith("_id"):
                continue
            values = value if isinstance(value, list | tuple) else [value]
            ids.update(v for v in values if isinstance(v, str))
    return ids


def _union(sets: Iterable[set[str]]) -> set[str]:
    result: set[str] = set()
    for s in sets:
        result |= s
    return result


def _label(name: str) -> Label:
    for label in Label:
        if label.value.casefold() == name.strip().casefold():
            return label
    raise ExportError(
        f"unknown label {name!r} (choose from: {', '.join(lab.value for lab in Label)})"
    )


class _Index:
    """Adjacency and containment lookups over one graph, built once per selection."""

    def __init__(self, graph: GraphData) -> None:
        self.graph = graph
        self.children: dict[str, set[str]] = defaultdict(set)
        self.parents: dict[str, set[str]] = defaultdict(set)
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        for rel in graph.relationships.values():
            if rel.start not in graph.nodes or rel.end not in graph.nodes:
                continue
            self.neighbours[rel.start].add(rel.end)
            self.neighbours[rel.end].add(rel.start)
            if rel.type is RelType.PART_OF:
                self.children[rel.end].add(rel.start)
                self.parents[rel.start].add(rel.end)

    def find(self, name: str, label: Label | None = None) -> set[str]:
        """Ids of nodes called ``name`` (or with that id), case-insensitively.

        A plan also answers to its document's file name (with or without the suffix). Exact
        matches win; otherwise names containing ``name``. None at all is an error that
        lists what there is (for plans and themes) so the user can correct the spelling.
        """
        key = name.strip().casefold()
        candidates = [n for n in self.graph.nodes.values() if label is None or n.label is label]
        exact = {n.id for n in candidates if n.id.casefold() == key or key in _names(n)}
        if exact:
            return exact
        partial = {n.id for n in candidates if key and any(key in t for t in _names(n))}
        if partial:
            return partial
        what = label.value.lower() if label else "node"
        hint = ""
        if label is not None and candidates:
            names = sorted({n.name for n in candidates})
            more = f", ... ({len(names)} in all)" if len(names) > 8 else ""
            hint = f" ({what}s: {'; '.join(names[:8])}{more})"
        raise ExportError(f"no {what} named {name!r}{hint}")

    def descendants(self, roots: Iterable[str]) -> set[str]:
        """``roots`` and everything ``PART_OF`` them, at any depth."""
        return self._closure(roots, self.children)

    def ancestors(self, roots: Iterable[str]) -> set[str]:
        """``roots`` and everything they are ``PART_OF``, at any depth."""
        return self._closure(roots, self.parents)

    @staticmethod
    def _closure(roots: Iterable[str], step: Mapping[str, set[str]]) -> set[str]:
        seen = set(roots)
        todo = list(seen)
        while todo:
            for nxt in step.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def with_shared_neighbours(self, ids: set[str]) -> set[str]:
        """``ids`` plus the shared nodes (strategies, partnerships, ...) any of them links to."""
        shared = {
            other
            for node_id in ids
            for other in self.neighbours.get(node_id, ())
            if self.graph.nodes[other].label in SHARED_LABELS
        }
        return ids | shared

    def plan_scope(self, name: str) -> set[str]:
        """What ``--plan name`` picks."""
        plans = self.find(name, Label.PLAN)
        documents = {self.graph.nodes[p].provenance.document for p in plans}
        members = self.descendants(plans)
        members |= {
            n.id
            for n in self.graph.nodes.values()
            if n.label not in SHARED_LABELS and n.provenance.document in documents
        }
        return self.with_shared_neighbours(members)

    def theme_scope(self, name: str) -> set[str]:
        """What ``--theme name`` picks."""
        themes = self.find(name, Label.THEME)
        members = self.descendants(themes)
        return self.with_shared_neighbours(members) | self.ancestors(themes)

    def neighbourhood(self, centres: Iterable[str], hops: int) -> set[str]:
        """Nodes within ``hops`` relationships of any centre, ignoring direction."""
        import networkx as nx

        graph = nx.Graph()
        graph.add_nodes_from(self.graph.nodes)
        graph.add_edges_from((a, b) for a, bs in self.neighbours.items() for b in bs)
        found: set[str] = set()
        for centre in centres:
            found |= set(nx.single_source_shortest_path_length(graph, centre, cutoff=hops))
        return found


def node_plans(graph: GraphData) -> dict[str, set[str]]:
    """For each node id, the ids of the plans it belongs to (shared nodes: every plan whose
    document mentions it or whose members link to it)."""
    index = _Index(graph)
    result: dict[str, set[str]] = defaultdict(set)
    by_document: dict[str, set[str]] = defaultdict(set)
    for plan in (n for n in graph.nodes.values() if n.label is Label.PLAN):
        by_document[plan.provenance.document].add(plan.id)
        for member in index.plan_scope(plan.id):
            result[member].add(plan.id)
    for node in graph.nodes.values():
        for document in _documents(node):
            result[node.id] |= by_document.get(document, set())
    return dict(result)


def _documents(node: Node) -> list[str]:
    docs = node.properties.get("documents")
    return list(docs) if isinstance(docs, list | tuple) else [node.provenance.document]


def _names(node: Node) -> tuple[str, ...]:
    """What a node answers to, casefolded: its name, and a plan's document name."""
    if node.label is Label.PLAN:
        document = node.provenance.document.casefold()
        file_name = document_name(node.provenance.document).casefold()
        return (node.name.casefold(), document, file_name, file_name.rsplit(".", 1)[0])
    return (node.name.casefold(),)
