"""The data an interactive page draws: nodes, relationships, plans, themes and styles as plain
JSON-ready values. The page builds everything it shows from this, as text, never as HTML."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Node, RelType
from stratgraph.graph.select import node_plans
from stratgraph.viz.orphans import NO_OUTCOME
from stratgraph.viz.layout import LAYOUT_AHEAD_ABOVE, radial_layout
from stratgraph.viz.physics import physics_options
from stratgraph.viz.style import NODE_STYLES, style_table

#: Longest caption drawn under a node; the full name is in the tooltip.
CAPTION_LIMIT = 42

#: Node properties worth showing in the tooltip besides name, type, plan, theme, provenance.
TOOLTIP_PROPERTIES = (
    "level", "deadline", "target", "baseline", "indicator_code", "kind", "role", "portfolio",
    "organisation", "start_year", "end_year",
)


def caption(name: str, limit: int = CAPTION_LIMIT) -> str:
    """A short caption for a node: the name, cut at a word boundary with an ellipsis."""
    text = " ".join(name.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "\u2026"


def build_payload(
    graph: GraphData,
    *,
    orphans: Mapping[str, Sequence[str]] | Collection[str] = (),
    title: str = "stratgraph",
    subtitle: str = "",
    focus: Collection[str] = (),
) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready values.

    ``orphans`` maps action ids to orphan reasons (a plain collection of ids means
    ``NO_OUTCOME``); actions with ``NO_OUTCOME`` are ringed, unless the picture shows them
    supporting an outcome (the query counts declared outcomes only; a ring beside a visible
    ``SUPPORTS`` arrow would contradict the picture); every reason is in the tooltip.
    ``focus`` are the ids of the node(s) the picture is drawn around, marked on the page.
    """
    plans_of = node_plans(graph)
    themes_of = _node_themes(graph)
    plan_names = {n.id: n.name for n in graph.nodes.values() if n.label is Label.PLAN}
    theme_nodes = sorted(
        (n for n in graph.nodes.values() if n.label is Label.THEME),
        key=lambda n: (plan_names.get(_first(plans_of.get(n.id)), ""), n.provenance.line),
    )
    reasons_of = _reasons(orphans, graph)
    shown_support = supports_an_outcome(graph)
    focused = set(focus)
    nodes = [
        _node(n, plans_of.get(n.id, set()), themes_of.get(n.id, set()),
              reasons_of.get(n.id, []), plan_names, graph,
              supports=n.id in shown_support, focus=n.id in focused)
        for n in graph.sorted_nodes()
    ]
    edges = [
        {
            "id": r.id,
            "from": r.start,
            "to": r.end,
            "type": r.type.value,
            "method": r.method.value,
            "confidence": r.confidence,
            "document": r.provenance.document,
            "line": r.provenance.line,
            "evidence": str(r.properties.get("evidence") or ""),
        }
        for r in graph.sorted_relationships()
        if r.start in graph.nodes and r.end in graph.nodes
    ]
    physics = physics_options(len(nodes))
    if len(nodes) > LAYOUT_AHEAD_ABOVE:
        # The browser's physics takes minutes at this size: send positions, physics off.
        positions = radial_layout([n["id"] for n in nodes], [(e["from"], e["to"]) for e in edges])
        for n in nodes:
            n["x"], n["y"] = positions[n["id"]]
        physics = {"enabled": False}
    return {
        "title": title,
        "subtitle": subtitle,
        "nodes": nodes,
        "edges": edges,
        "plans": [
            {"id": pid, "name": plan_names[pid]}
            for pid in sorted(plan_names, key=lambda p: plan_names[p].casefold())
        ],
        "themes": [
            {"id": t.id, "name": t.name,
             "plan": plan_names.get(_first(plans_of.get(t.id)), "")}
            for t in theme_nodes
        ],
        "labels": [lab.value for lab in Label if any(n.label is lab for n in graph.nodes.values())],
        "relationshipTypes": sorted({e["type"] for e in edges}),
        "methods": sorted({e["method"] for e in edges}),
        "orphans": sum(1 for n in nodes if n["orphan"]),
        "focus": [n["id"] for n in nodes if n["focus"]],
        "styles": style_table(),
        "physics": physics,
    }


def _reasons(
    orphans: Mapping[str, Sequence[str]] | Collection[str], graph: GraphData
) -> dict[str, list[str]]:
    if isinstance(orphans, Mapping):
        pairs = [(k, sorted(str(r) for r in v)) for k, v in orphans.items()]
    else:
        pairs = [(k, [NO_OUTCOME]) for k in orphans]
    return {k: v for k, v in pairs if k in graph.nodes}


def _first(ids: Collection[str] | None) -> str:
    return sorted(ids)[0] if ids else ""


def _node(
    node: Node,
    plans: set[str],
    themes: set[str],
    reasons: list[str],
    plan_names: dict[str, str],
    graph: GraphData,
    *,
    supports: bool = False,
    focus: bool = False,
) -> dict[str, Any]:
    details = {
        key: str(node.properties[key])
        for key in TOOLTIP_PROPERTIES
        if node.properties.get(key) not in (None, "", [])
    }
    return {
        "id": node.id,
        "type": node.label.value,
        "name": node.name,
        "caption": caption(node.name),
        "showCaption": bool(NODE_STYLES[node.label]["caption"]),
        "plans": sorted(plans),
        "planNames": sorted(plan_names[p] for p in plans if p in plan_names),
        "themes": sorted(themes),
        "themeNames": sorted(graph.nodes[t].name for t in themes if t in graph.nodes),
        "document": node.provenance.document,
        "line": node.provenance.line,
        "orphan": NO_OUTCOME in reasons and not supports,
        # NO_OUTCOME beside a visible SUPPORTS arrow: the outcomes it supports are not declared.
        "undeclaredOnly": NO_OUTCOME in reasons and supports,
        "focus": focus,
        "reasons": reasons,
        "details": details,
    }


def supports_an_outcome(graph: GraphData) -> set[str]:
    """Ids of nodes with a ``SUPPORTS`` arrow to an outcome drawn in ``graph``."""
    return {
        r.start for r in graph.relationships.values()
        if r.type is RelType.SUPPORTS and r.start in graph.nodes
        and (end := graph.nodes.get(r.end)) is not None and end.label is Label.OUTCOME
    }


def focus_ids(graph: GraphData, name: str | None) -> set[str]:
    """The nodes ``--focus NAME`` names, as the selection finds them: the id or the name (any
    case), else names containing it."""
    if not name or not name.strip():
        return set()
    key = name.strip().casefold()
    exact = {n.id for n in graph.nodes.values()
             if n.id.casefold() == key or n.name.casefold() == key}
    return exact or {n.id for n in graph.nodes.values() if key in n.name.casefold()}


def _node_themes(graph: GraphData) -> dict[str, set[str]]:
    """For each node, the themes it sits in (a theme: itself too), through ``PART_OF``."""
    parents: dict[str, set[str]] = defaultdict(set)
    for rel in graph.relationships.values():
        if rel.type is RelType.PART_OF:
            parents[rel.start].add(rel.end)
    result: dict[str, set[str]] = {}
    for node_id in graph.nodes:
        seen: set[str] = set()
        todo = [node_id]
        themes: set[str] = set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            found = graph.nodes.get(current)
            if found is not None and found.label is Label.THEME:
                themes.add(current)
            todo.extend(parents.get(current, ()))
        if themes:
            result[node_id] = themes
    return result
