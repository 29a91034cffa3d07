"""Embedded implementations of the queries about links between themes, strategies and plans:
cross-theme dependencies, strategy feeds and plan evolution.

Each function mirrors the Cypher file of the same name in ``cypher/`` row for row.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from stratgraph.graph.queries_view import (
    Edge,
    View,
    matches_name,
    matches_plan,
    name_key,
    node_evidence,
    nulls_last,
    sorted_evidence,
    sorted_names,
)

Row = dict[str, Any]

#: Cross-theme dependency kinds.
DEPENDENCY_KINDS = ("explicit", "shared-partnership", "shared-strategy")
#: Item kinds plan-evolution follows.
EVOLUTION_KINDS = ("partnership", "strategy", "theme")


def _name(view: View, id_: str | None) -> Any:
    node = view.node(id_)
    return node.get("name") if node else None


def cross_theme_dependencies(view: View, p: dict[str, Any]) -> list[Row]:
    """Theme pairs tied by an explicit reference or a shared strategy or partnership."""
    groups: dict[tuple[str, str, str], list[tuple[Edge, str | None]]] = defaultdict(list)
    # Explicit: DEPENDS_ON from a theme (or something in it) to a theme (or something in it);
    # the pair keeps the link's direction (theme_a depends on theme_b).
    for a, b, key, attrs in view.g.edges(keys=True, data=True):
        if attrs.get("type") != "DEPENDS_ON" or not view.counts(attrs):
            continue
        ta, tb = view.theme_of(a), view.theme_of(b)
        if ta is None or tb is None or ta == tb:
            continue
        groups[(ta, tb, "explicit")].append((Edge(key, a, b, attrs), attrs.get("evidence")))
    # Shared: two themes whose actions, outcomes or the themes themselves reference one
    # strategy or partnership; the pair is ordered by theme id.
    for shared in view.nodes("Strategy", "Partnership"):
        kind = "shared-strategy" if view.label(shared) == "Strategy" else "shared-partnership"
        refs: dict[str, list[Edge]] = defaultdict(list)
        for e in view.into(shared, "REFERENCES", "Action", "Outcome", "Theme"):
            t = view.theme_of(e.start)
            if t is not None:
                refs[t].append(e)
        for ta, edges_a in refs.items():
            for tb, edges_b in refs.items():
                if ta < tb and not _nested(view, ta, tb):
                    groups[(ta, tb, kind)].extend((e, shared) for e in edges_a + edges_b)
    rows = []
    for (ta, tb, kind), links in groups.items():
        if p["kind"] is not None and p["kind"] != kind:
            continue
        A, B = view.g.nodes[ta], view.g.nodes[tb]
        if p["theme"] is not None and not (matches_name(A, p["theme"]) or matches_name(B, p["theme"])):
            continue
        plan_a, plan_b = view.plan_of(ta), view.plan_of(tb)
        if p["plan"] is not None and not (
            matches_plan(view.node(plan_a), p["plan"]) or matches_plan(view.node(plan_b), p["plan"])
        ):
            continue
        if kind == "explicit":
            via = sorted_names(text for _, text in links)
            strength = len({e.key for e, _ in links})
        else:
            via = sorted_names(_name(view, s) for _, s in links)
            strength = len({s for _, s in links})
        rows.append({
            "theme_a": A.get("name"),
            "plan_a": _name(view, plan_a),
            "theme_b": B.get("name"),
            "plan_b": _name(view, plan_b),
            "kind": kind,
            "via": via,
            "strength": strength,
            "evidence": sorted_evidence(e.evidence for e, _ in links),
            "theme_a_id": ta,
            "theme_b_id": tb,
        })
    rows.sort(key=lambda r: (r["kind"], -r["strength"], nulls_last(r["plan_a"]),
                             nulls_last(r["theme_a"]), nulls_last(r["plan_b"]),
                             nulls_last(r["theme_b"]), r["theme_a_id"], r["theme_b_id"]))
    return rows


def _nested(view: View, ta: str, tb: str) -> bool:
    """Whether one theme is PART_OF the other (a sub-area and its area): the area names what its
    sub-areas name, so the two share everything and depend on nothing."""
    return (any(e.end == tb for e in view.out(ta, "PART_OF", "Theme"))
            or any(e.end == ta for e in view.out(tb, "PART_OF", "Theme")))


def strategy_feeds(view: View, p: dict[str, Any]) -> list[Row]:
    """The outcomes each strategy feeds through the actions and outcomes that reference it."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for strategy in view.nodes("Strategy"):
        if not matches_name(view.g.nodes[strategy], p["strategy"], aliases=True):
            continue
        for ref in view.into(strategy, "REFERENCES", "Action", "Outcome"):
            for outcome, path in view.trails(ref.start):
                entry = found.setdefault(
                    (strategy, outcome),
                    {"via": set(), "hops": None, "evidence": set(), "inferred": True},
                )
                # The row holds only by inference when every chain uses an inferred link.
                entry["inferred"] = entry["inferred"] and any(
                    e.attrs.get("method") == "inferred" for e in (ref, *path))
                entry["via"].add(view.g.nodes[ref.start].get("name"))
                hops = len(path) + 1
                entry["hops"] = hops if entry["hops"] is None else min(entry["hops"], hops)
                entry["evidence"].add(ref.evidence)
                entry["evidence"].update(e.evidence for e in path)
    rows = []
    for (strategy, outcome), entry in found.items():
        o = view.g.nodes[outcome]
        plan = view.plan_of(outcome)
        if not matches_name(o, p["outcome"]):
            continue
        if p["level"] is not None and (o.get("level") or "").lower() != p["level"].lower():
            continue
        if not matches_plan(view.node(plan), p["plan"]):
            continue
        rows.append({
            "strategy": view.g.nodes[strategy].get("name"),
            "outcome": o.get("name"),
            "outcome_level": o.get("level"),
            "plan": _name(view, plan),
            "via": sorted_names(entry["via"]),
            "hops": entry["hops"],
            "evidence": sorted_evidence(entry["evidence"]),
            "inferred": entry["inferred"],
            "strategy_id": strategy,
            "outcome_id": outcome,
        })
    rows.sort(key=lambda r: (nulls_last(r["strategy"]), r["strategy_id"], nulls_last(r["plan"]),
                             nulls_last(r["outcome"]), r["outcome_id"]))
    return rows


def plan_order(view: View, organisation: str | None = None) -> list[str]:
    """Plan ids (of ``organisation`` when given) by start year (plans without one last), then
    name, then id."""
    wanted = organisation.lower() if organisation is not None else None
    return sorted(
        (p for p in view.nodes("Plan")
         if wanted is None or (view.g.nodes[p].get("organisation") or "").lower() == wanted),
        key=lambda p: (nulls_last(view.g.nodes[p].get("start_year")),
                       nulls_last(view.g.nodes[p].get("name")), p),
    )


def plan_evolution(view: View, p: dict[str, Any]) -> list[Row]:
    """Strategies, partnerships and themes across plans over time: first, last, dropped."""
    plans = plan_order(view, p["organisation"])
    # With an organisation, a theme's members are the themes of its plans or documents: its
    # rows are found from its plans (as the Cypher does, by index), and another body's themes
    # of the same name hold none of its evidence.
    own = set(plans) if p["organisation"] is not None else None
    own_docs = {view.g.nodes[q].get("source_document") for q in plans} - {None}
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node in view.nodes("Strategy", "Partnership", "Theme"):
        label = view.label(node)
        if label == "Theme":
            attrs = view.g.nodes[node]
            if own is not None and attrs.get("plan_id") not in own and (
                    attrs.get("source_document") not in own_docs):
                continue
            groups[("theme", name_key(attrs.get("name") or ""))].append(node)
        else:
            groups[(label.lower(), node)].append(node)
    # The plans (of ``plans``) each document is: an item is in a plan when it lists the plan's
    # document or something of the plan REFERENCES it. Found per item, not per item and plan:
    # a national graph has thousands of each.
    by_document: dict[Any, set[str]] = defaultdict(set)
    position = {plan: i for i, plan in enumerate(plans)}
    for plan in plans:
        by_document[view.g.nodes[plan].get("source_document")].add(plan)
    rows = []
    for (kind, key), members in groups.items():
        if p["kind"] is not None and p["kind"] != kind:
            continue
        evidence: list[str] = []
        hits: set[Any] = set()
        for m in members:
            ma = view.g.nodes[m]
            if kind == "theme":
                hits.add(ma.get("plan_id"))
            else:
                for document in ma.get("documents") or ():
                    hits.update(by_document.get(document, ()))
                hits.update(view.g.nodes[e.start].get("plan_id") for e in view.into(m, "REFERENCES"))
        having = [plan for plan in plans if plan in hits]
        if not having:
            continue
        for m in members:
            ma = view.g.nodes[m]
            evidence.extend(ma.get("mentions") or ())
            evidence.append(node_evidence(ma))
            if kind != "theme":
                evidence.extend(e.evidence for e in view.into(m, "REFERENCES"))
        if p["organisation"] is not None:
            # The organisation's plans are the only ones counted: so is their evidence.
            evidence = [e for e in evidence if e.rpartition(":")[0] in by_document]
        first, last = having[0], having[-1]
        if kind == "theme":
            item = next(view.g.nodes[m].get("name") for m in members
                        if view.g.nodes[m].get("plan_id") == first)
        else:
            item = view.g.nodes[members[0]].get("name")
        if p["name"] is not None and (item or "").lower() != p["name"].lower():
            continue
        orgs = {view.g.nodes[h].get("organisation") or "" for h in having}
        later = plans[position[first] + 1:]
        held = set(having)
        dropped = [q for q in later
                   if (view.g.nodes[q].get("organisation") or "") in orgs and q not in held]
        rows.append({
            "kind": kind,
            "item": item,
            "first_plan": view.g.nodes[first].get("name"),
            "first_year": view.g.nodes[first].get("start_year"),
            "last_plan": view.g.nodes[last].get("name"),
            "last_year": view.g.nodes[last].get("start_year"),
            "plans": [view.g.nodes[h].get("name") for h in having],
            "dropped_in": [view.g.nodes[q].get("name") for q in dropped],
            "key": key,
            "evidence": sorted_evidence(evidence),
        })
    rows.sort(key=lambda r: (r["kind"], nulls_last(r["first_year"]), nulls_last(r["item"]), r["key"]))
    return rows
