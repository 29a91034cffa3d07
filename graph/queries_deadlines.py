"""Embedded implementation of ``deadlines``: each action's deadline as written and the calendar
quarter it falls in, mirroring ``cypher/deadlines.cypher`` row for row. How a deadline reads as
a quarter is :func:`stratgraph.graph.deadline_quarter.deadline_quarter` (re-exported here).
"""

from __future__ import annotations

from typing import Any

from stratgraph.graph.deadline_quarter import PERIOD_QUARTERS, deadline_quarter
from stratgraph.graph.queries_view import View, matches_name, matches_plan, nulls_last

Row = dict[str, Any]


def deadlines(view: View, p: dict[str, Any]) -> list[Row]:
    """Every action with a deadline: as written, and its quarter."""
    rows = []
    for action in view.nodes("Action"):
        a = view.g.nodes[action]
        deadline = a.get("deadline")
        if not (deadline or "").strip():
            continue
        theme, plan = view.theme_of(action), view.plan_of(action)
        if p["theme"] is not None and not matches_name(view.node(theme), p["theme"]):
            continue
        if not matches_plan(view.node(plan), p["plan"]):
            continue
        plan_attrs, theme_attrs = view.node(plan), view.node(theme)
        rows.append({
            "plan": plan_attrs.get("name") if plan_attrs else None,
            "theme": theme_attrs.get("name") if theme_attrs else None,
            "action": a.get("name"),
            "action_id": action,
            "deadline": deadline,
            "quarter": deadline_quarter(deadline),
            "plan_id": a.get("plan_id"),
            "theme_id": theme,
            "source_document": a.get("source_document"),
            "source_line": a.get("source_line"),
        })
    rows.sort(key=lambda r: (nulls_last(r["plan"]), nulls_last(r["quarter"]),
                             nulls_last(r["theme"]), nulls_last(r["action"]), r["action_id"]))
    return rows


__all__ = ["PERIOD_QUARTERS", "deadline_quarter", "deadlines"]
