"""Embedded implementations of the golden-thread queries: orphan actions, unsupported
outcomes, coverage and lead portfolios.

Each function mirrors the Cypher file of the same name in ``cypher/`` row for row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from stratgraph.graph.queries_view import (
    Edge,
    View,
    matches_name,
    matches_plan,
    nulls_last,
    share,
    sorted_evidence,
    sorted_names,
)

Row = dict[str, Any]

#: Why an action is an orphan (sorted: rows list them in this order).
ACTION_REASONS = ("NO_DEADLINE", "NO_MEASURE", "NO_OUTCOME", "NO_OWNER")
#: Why a declared outcome is unsupported.
OUTCOME_REASONS = ("NO_MEASURE", "NO_SUPPORT")


def is_declared(attrs: dict[str, Any]) -> bool:
    """A declared outcome: any level but ``objective`` (a missing level counts as declared)."""
    return (attrs.get("level") or "") != "objective"


@dataclass(frozen=True, slots=True)
class ActionThread:
    """How one action is tied into the golden thread."""

    action: str
    theme: str | None
    plan: str | None
    has_outcome: bool
    has_measure: bool
    has_owner: bool
    has_deadline: bool

    @property
    def reasons(self) -> list[str]:
        """The sorted reason codes for what is missing."""
        missing = {
            "NO_DEADLINE": not self.has_deadline,
            "NO_MEASURE": not self.has_measure,
            "NO_OUTCOME": not self.has_outcome,
            "NO_OWNER": not self.has_owner,
        }
        return [code for code in ACTION_REASONS if missing[code]]


def action_thread(view: View, action: str) -> ActionThread:
    """Outcome, measure, owner and deadline of one action, as orphan-actions defines them."""
    attrs = view.g.nodes[action]
    plan_id = attrs.get("plan_id")
    # Only outcomes of the action's own plan count as the outcome it reaches.
    reached = [o for o in view.outcomes_reached(action) if view.g.nodes[o].get("plan_id") == plan_id]
    theme = view.theme_of(action)
    return ActionThread(
        action=action,
        theme=theme,
        plan=view.plan_of(action),
        has_outcome=any(is_declared(view.g.nodes[o]) for o in reached),
        has_measure=view.has_out(action, "MEASURED_BY", "Measure")
        or any(view.has_out(o, "MEASURED_BY", "Measure") for o in reached),
        has_owner=view.has_in(action, "OWNS") or (theme is not None and view.has_in(theme, "OWNS")),
        has_deadline=bool((attrs.get("deadline") or "").strip()),
    )


def _name(view: View, id_: str | None) -> Any:
    node = view.node(id_)
    return node.get("name") if node else None


def orphan_actions(view: View, p: dict[str, Any]) -> list[Row]:
    """Actions missing an outcome, a measure, an owner or a deadline."""
    # Stated (and curated) links alone: no inferred link reaches a confidence of 2.
    stated = View(view.g, min_confidence=2.0)
    rows = []
    for action in view.nodes("Action"):
        t = action_thread(view, action)
        reasons = t.reasons
        if not reasons or (p["reason"] is not None and p["reason"] not in reasons):
            continue
        if p["theme"] is not None and not matches_name(view.node(t.theme), p["theme"]):
            continue
        if not matches_plan(view.node(t.plan), p["plan"]):
            continue
        a = view.g.nodes[action]
        s = action_thread(stated, action)
        inferred = [name for name, held, stated_too in (
            ("measure", t.has_measure, s.has_measure), ("outcome", t.has_outcome, s.has_outcome),
            ("owner", t.has_owner, s.has_owner)) if held and not stated_too]
        rows.append({
            "plan": _name(view, t.plan),
            "theme": _name(view, t.theme),
            "action": a.get("name"),
            "action_id": action,
            "reasons": reasons,
            "inferred": inferred,
            "deadline": a.get("deadline"),
            "plan_id": a.get("plan_id"),
            "theme_id": t.theme,
            "source_document": a.get("source_document"),
            "source_line": a.get("source_line"),
        })
    rows.sort(key=lambda r: (nulls_last(r["plan"]), nulls_last(r["theme"]), nulls_last(r["action"]),
                             r["action_id"]))
    return rows


def _outcome_checks(view: View, outcome: str, plan_id: Any) -> tuple[bool, bool]:
    """Whether an action of the outcome's plan supports it, and whether anything measures it."""
    below = [x for x in view.supporters(outcome) if view.g.nodes[x].get("plan_id") == plan_id]
    supported = any(view.label(x) == "Action" for x in below)
    measured = view.has_out(outcome, "MEASURED_BY", "Measure") or any(
        view.has_out(x, "MEASURED_BY", "Measure") for x in below
    )
    return supported, measured


def _inferred_outcome_checks(view: View, outcome: str, plan_id: Any, supported: bool,
                             measured: bool) -> list[str]:
    """The tests (measure, support) the outcome passes only through inferred links."""
    # Stated (and curated) links alone: no inferred link reaches a confidence of 2.
    stated_support, stated_measure = _outcome_checks(View(view.g, min_confidence=2.0), outcome,
                                                     plan_id)
    return [name for name, held, stated in (("measure", measured, stated_measure),
                                            ("support", supported, stated_support))
            if held and not stated]


def unsupported_outcomes(view: View, p: dict[str, Any]) -> list[Row]:
    """Declared outcomes no action supports, or that nothing under them measures."""
    rows = []
    for outcome in view.nodes("Outcome"):
        o = view.g.nodes[outcome]
        if not is_declared(o):
            continue
        if p["level"] is not None and (o.get("level") or "").lower() != p["level"].lower():
            continue
        plan_id = o.get("plan_id")
        supported, measured = _outcome_checks(view, outcome, plan_id)
        reasons = [r for r, missing in (("NO_MEASURE", not measured), ("NO_SUPPORT", not supported))
                   if missing]
        if not reasons or (p["reason"] is not None and p["reason"] not in reasons):
            continue
        theme = view.theme_of(outcome)
        plan = view.plan_of(outcome)
        if p["theme"] is not None and not matches_name(view.node(theme), p["theme"]):
            continue
        if not matches_plan(view.node(plan), p["plan"]):
            continue
        rows.append({
            "plan": _name(view, plan),
            "theme": _name(view, theme),
            "outcome": o.get("name"),
            "outcome_id": outcome,
            "level": o.get("level"),
            "reasons": reasons,
            "inferred": _inferred_outcome_checks(view, outcome, plan_id, supported, measured),
            "plan_id": plan_id,
            "theme_id": theme,
            "source_document": o.get("source_document"),
            "source_line": o.get("source_line"),
        })
    rows.sort(key=lambda r: (nulls_last(r["plan"]), nulls_last(r["theme"]), nulls_last(r["outcome"]),
                             r["outcome_id"]))
    return rows


def coverage(view: View, p: dict[str, Any]) -> list[Row]:
    """Per plan and per theme: shares of actions with outcome, measure, owner, deadline, all."""
    threads = [action_thread(view, a) for a in view.nodes("Action")]
    by_theme: dict[str, list[ActionThread]] = defaultdict(list)
    by_plan: dict[str, list[ActionThread]] = defaultdict(list)
    for t in threads:
        if t.theme is not None:
            by_theme[t.theme].append(t)
        by_plan[view.g.nodes[t.action].get("plan_id")].append(t)
    measures = _scope_measures(view)
    rows = []
    order: dict[str, float | None] = {}
    for scope in view.nodes("Plan", "Theme"):
        s = view.g.nodes[scope]
        is_plan = s.get("label") == "Plan"
        kind = "plan" if is_plan else "theme"
        if p["scope"] is not None and p["scope"] != kind:
            continue
        plan = scope if is_plan else view.plan_of(scope)
        if not matches_plan(view.node(plan), p["plan"]):
            continue
        mine = by_plan.get(scope, []) if is_plan else by_theme.get(scope, [])
        n = len(mine)
        passed = sum(t.has_outcome + t.has_measure + t.has_owner + t.has_deadline for t in mine)
        # Sort key only (as in the Cypher): the fewest tests passed first among equal goldens.
        order[scope] = passed / n if n else None
        rows.append(coverage_row(
            kind, _name(view, plan), scope, s,
            (n, sum(t.has_outcome for t in mine), sum(t.has_measure for t in mine),
             sum(t.has_owner for t in mine), sum(t.has_deadline for t in mine),
             sum(not t.reasons for t in mine)),
            measures.get(scope, 0)))
    sort_coverage(rows, order)
    return rows


def coverage_row(kind: str, plan_name: Any, scope: str, s: dict[str, Any],
                 counts: tuple[int, int, int, int, int, int], measures: int) -> Row:
    """One row of ``coverage`` from a scope's counts (actions; with outcome, measure, owner,
    deadline; golden): the one shape both the live answer and the embedded facts build."""
    n, outcome, measure, owner, deadline, golden = counts
    is_plan = kind == "plan"
    return {
        "scope": kind,
        "plan": plan_name,
        "theme": None if is_plan else s.get("name"),
        "actions": n,
        "with_outcome": share(outcome, n),
        "with_measure": share(measure, n),
        "with_owner": share(owner, n),
        "with_deadline": share(deadline, n),
        "golden": share(golden, n),
        "measures": measures,
        "plan_id": s.get("plan_id") if not is_plan else scope,
        "theme_id": None if is_plan else scope,
        "source_document": s.get("source_document"),
        "source_line": s.get("source_line"),
    }


def sort_coverage(rows: list[Row], order: dict[str, float | None]) -> None:
    """``coverage``'s ORDER BY, in place; ``order``: each scope's share of tests passed."""
    rows.sort(key=lambda r: (r["scope"], nulls_last(r["golden"]),
                             nulls_last(order[r["theme_id"] or r["plan_id"]]), -r["actions"],
                             nulls_last(r["plan"]), nulls_last(r["theme"]),
                             r["theme_id"] or r["plan_id"]))


def _scope_measures(view: View) -> dict[str, int]:
    """Per plan and theme id, its measures: of the plan, or PART_OF the theme, or measuring
    something PART_OF it (as coverage.cypher counts them)."""
    counts: dict[str, int] = defaultdict(int)
    for m in view.nodes("Measure"):
        keys = {e.end for e in view.out(m, "PART_OF", "Theme")}
        keys |= {t.end for e in view.into(m, "MEASURED_BY")
                 for t in view.out(e.start, "PART_OF", "Theme")}
        plan_id = view.g.nodes[m].get("plan_id")
        if plan_id is not None:
            keys.add(plan_id)
        for key in keys:
            counts[key] += 1
    return counts


def _portfolio_match(view: View, edge: Edge) -> str | None:
    """How an inferred portfolio link reached its theme: ``theme: area = words (by)``."""
    area, theme = edge.attrs.get("area"), _name(view, edge.end)
    if area is None or theme is None or view.label(edge.end) != "Theme":
        return None
    return f"{theme}: {area} = {edge.attrs.get('matched') or ''} ({edge.attrs.get('by') or ''})"


def lead_portfolio(view: View, p: dict[str, Any]) -> list[Row]:
    """Per cabinet lead: what they own, directly or through their themes, and its gaps."""
    rows = []
    for lead in view.nodes("CabinetLead"):
        attrs = view.g.nodes[lead]
        if not matches_name(attrs, p["lead"], aliases=True):
            continue
        owns = list(view.out(lead, "OWNS"))
        themes = {e.end for e in owns if view.label(e.end) == "Theme"}
        in_themes = {
            e.start for t in themes for e in view.into(t, "PART_OF")
        }
        actions = {e.end for e in owns if view.label(e.end) == "Action"} | {
            x for x in in_themes if view.label(x) == "Action"
        }
        outcomes = {x for x in in_themes if view.label(x) == "Outcome"}
        measures = {e.end for e in owns if view.label(e.end) == "Measure"}
        measures |= {x for x in in_themes if view.label(x) == "Measure"}
        measures |= {e.end for x in actions | outcomes for e in view.out(x, "MEASURED_BY", "Measure")}
        orphans = [a for a in actions if action_thread(view, a).reasons]
        unmeasured = [t for t in themes if not _theme_measured(view, t)]
        rows.append({
            "lead": attrs.get("name"),
            "role": attrs.get("role"),
            "portfolio": attrs.get("portfolio"),
            "themes": sorted_names(_name(view, t) for t in themes),
            "actions": len(actions),
            "measures": len(measures),
            "orphan_actions": sorted_names(_name(view, a) for a in orphans),
            "themes_without_measures": sorted_names(_name(view, t) for t in unmeasured),
            "lead_id": lead,
            "evidence": sorted_evidence(e.evidence for e in owns),
            "matched": sorted_names(_portfolio_match(view, e) for e in owns),
        })
    rows.sort(key=lambda r: (nulls_last(r["lead"]), r["lead_id"]))
    return rows


def _theme_measured(view: View, theme: str) -> bool:
    """A theme has a measure: one PART_OF it, or one measuring something PART_OF it."""
    for e in view.into(theme, "PART_OF"):
        if view.label(e.start) == "Measure" or view.has_out(e.start, "MEASURED_BY", "Measure"):
            return True
    return False


__all__ = [
    "ACTION_REASONS",
    "OUTCOME_REASONS",
    "ActionThread",
    "action_thread",
    "coverage",
    "is_declared",
    "lead_portfolio",
    "orphan_actions",
    "unsupported_outcomes",
]
