"""The explorer's answers as plain JSON-ready values, over any :class:`GraphStore`.

Every function reads a node, a neighbourhood or a query's page by index: none reads the whole
graph, so the explorer costs the same on five plans as on a national graph in Neo4j.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from stratgraph.errors import QueryError
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Node, Relationship, RelType, document_name

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore

#: Rows a question shows at most (the CLI's --format json gives all; the page pages no further).
QUERY_ROWS = 1000
#: Relationships one expand adds at most (a plan's 500 actions would bury the picture).
EXPAND_LIMIT = 200
#: Which column of a query's row names the node the row is about (first one present).
FOCUS_COLUMNS = ("action_id", "outcome_id", "strategy_id", "lead_id", "theme_a_id", "theme_id",
                 "plan_id")
#: Which labels a query parameter's autocomplete offers (see graph/suggest.py).
PARAM_LABELS = {"plan": ["Plan"], "theme": ["Theme"], "outcome": ["Outcome"],
                "strategy": ["Strategy"], "lead": ["CabinetLead"],
                "organisation": ["Organisation"], "name": ["Strategy", "Partnership", "Theme"]}


_DOCUMENT_KEY = re.compile(r"#[0-9a-f]{12}$")


def node_json(node: Node) -> dict[str, Any]:
    """A node as the page draws and lists it."""
    props = dict(node.properties)
    return {
        "id": node.id, "label": node.label.value, "name": node.name,
        "document": document_name(node.provenance.document),
        "document_key": node.provenance.document, "line": node.provenance.line,
        "rule": props.get("rule"), "plan_id": props.get("plan_id"),
        "method": "curated" if props.get("curated") else "stated",
        "props": props,
    }


def rel_json(rel: Relationship) -> dict[str, Any]:
    """A relationship as the page draws it."""
    props = dict(rel.properties)
    return {
        "id": rel.id, "type": rel.type.value, "from": rel.start, "to": rel.end,
        "method": rel.method.value, "confidence": round(float(rel.confidence), 4),
        "document": document_name(rel.provenance.document),
        "document_key": rel.provenance.document, "line": rel.provenance.line,
        "rule": props.get("rule"), "props": props,
    }


def graph_json(graph: GraphData, **extra: Any) -> dict[str, Any]:
    """Nodes and edges in id order (plus ``extra`` keys)."""
    return {"nodes": [node_json(n) for n in graph.sorted_nodes()],
            "edges": [rel_json(r) for r in graph.sorted_relationships()], **extra}


def meta(store: GraphStore, *, read_only: bool) -> dict[str, Any]:
    """What the page's menus offer: plans, labels, types, the named queries."""
    from stratgraph.graph.queries import list_queries

    plans = sorted(store.nodes_labelled([Label.PLAN]), key=lambda n: (n.name.casefold(), n.id))
    return {
        "read_only": read_only,
        "labels": [label.value for label in Label],
        "types": [t.value for t in RelType],
        "plans": [{"id": p.id, "name": p.name,
                   "document": document_name(p.provenance.document)} for p in plans],
        "queries": [{
            "name": q.name, "description": q.description, "columns": q.column_names,
            "params": [{"name": p.name, "description": p.description,
                        "choices": list(p.choices), "labels": PARAM_LABELS.get(p.name, [])}
                       for p in q.params],
        } for q in list_queries()],
    }


def search(store: GraphStore, text: str, labels: Iterable[str] = (), plan: str | None = None,
           theme: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Search hits (name and aliases, typo-tolerant)."""
    try:
        hits = store.search(text, list(labels), plan or None, theme or None, limit)
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    return [h.as_dict() for h in hits]


def names(store: GraphStore, labels: Iterable[str], prefix: str, limit: int = 20) -> list[str]:
    """Names and aliases of nodes with ``labels`` containing ``prefix`` (any case), for a
    parameter's autocomplete: those starting with it first."""
    try:
        wanted = [Label(label) for label in labels]
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    typed = prefix.casefold()
    # A plan answers to its document key too (file name#content id): offered as the file name.
    found = sorted({name for _label, name in store.names(wanted)
                    if typed in name.casefold() and not _DOCUMENT_KEY.search(name)},
                   key=lambda n: (not n.casefold().startswith(typed), n.casefold(), n))
    return found[:limit]


def node(store: GraphStore, node_id: str) -> dict[str, Any] | None:
    """A node with its relationship counts per type and direction."""
    detail = store.node(node_id)
    if detail is None:
        return None
    return {**node_json(detail.node),
            "links": [{"type": t, "direction": d, "count": n} for t, d, n in detail.links]}


def neighbours(store: GraphStore, node_id: str, types: Iterable[str] = (),
               limit: int = EXPAND_LIMIT) -> dict[str, Any] | None:
    """The node, up to ``limit`` relationships of ``types`` and the nodes they reach."""
    try:
        graph = store.neighbours(node_id, list(types), limit + 1)
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    if node_id not in graph.nodes:
        return None
    more = len(graph.relationships) > limit
    if more:
        keep = sorted(graph.relationships)[:limit]
        graph = GraphData.of(graph.nodes.values(), (graph.relationships[k] for k in keep))
        ends = {node_id} | {x for r in graph.relationships.values() for x in (r.start, r.end)}
        graph = GraphData({k: v for k, v in graph.nodes.items() if k in ends},
                          dict(graph.relationships))
    return graph_json(graph, root=node_id, more=more)


def thread(store: GraphStore, node_id: str) -> dict[str, Any] | None:
    """The golden thread through a theme, outcome, strategy or action, with columns."""
    from stratgraph.graph.explore import golden_thread

    found = golden_thread(store, node_id)
    if found is None:
        return None
    return graph_json(found.graph, root=found.root, levels=found.levels)


def start_plan(store: GraphStore, plan_id: str) -> dict[str, Any] | None:
    """A plan's start view: the plan, its themes and their outcomes."""
    top = store.neighbours(plan_id, [RelType.PART_OF.value], EXPAND_LIMIT)
    if plan_id not in top.nodes or top.nodes[plan_id].label is not Label.PLAN:
        return None
    graph = GraphData()
    keep = {"Theme", "Outcome"}

    def add(part: GraphData, centre: str) -> list[str]:
        added = []
        for rel in part.relationships.values():
            other = rel.start if rel.end == centre else rel.end
            if part.nodes[other].label.value in keep:
                graph.nodes.setdefault(other, part.nodes[other])
                graph.relationships[rel.id] = rel
                added.append(other)
        return added

    graph.nodes[plan_id] = top.nodes[plan_id]
    themes = [i for i in add(top, plan_id) if graph.nodes[i].label is Label.THEME]
    for theme_id in sorted(themes):
        add(store.neighbours(theme_id, [RelType.PART_OF.value], EXPAND_LIMIT), theme_id)
    return graph_json(graph, root=plan_id)


def query(store: GraphStore, name: str, params: Mapping[str, Any],
          limit: int = QUERY_ROWS) -> dict[str, Any]:
    """A named query's rows, each with every column (as ``query --format json`` prints them),
    and the node each row is about (``focus``)."""
    from stratgraph.graph.queries import get_query, prepare_params, stream_query
    from stratgraph.graph.suggest import check_names

    spec = get_query(name)
    given = {k: v for k, v in params.items() if v not in (None, "")}
    prepared = prepare_params(name, given)
    rows = list(stream_query(store, name, prepared, limit=limit + 1))
    if not rows:
        check_names(store, prepared)
    more = len(rows) > limit
    columns = spec.column_names
    out = [{c: row.get(c) for c in columns} for row in rows[:limit]]
    focus = [next((row[c] for c in FOCUS_COLUMNS if row.get(c)), None) for row in out]
    return {"name": name, "columns": columns, "rows": out, "focus": focus, "more": more}
