"""Which actions are orphans, and why, for highlighting in the picture.

The store's ``orphan-actions`` query gives each action's reasons (``NO_OUTCOME``,
``NO_MEASURE``, ``NO_OWNER``, ``NO_DEADLINE``); the picture rings the actions that reach no
outcome and lists every reason in the tooltip. Without the query (an older store, or a query
error) the ``NO_OUTCOME`` condition is computed here: no ``SUPPORTS`` to an outcome.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from stratgraph.errors import StratgraphError
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, RelType

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore

log = logging.getLogger(__name__)

ORPHAN_QUERY = "orphan-actions"
NO_OUTCOME = "NO_OUTCOME"


def orphan_actions(store: GraphStore | None, graph: GraphData) -> dict[str, list[str]]:
    """Action id -> the reasons it is an orphan (see the module docstring)."""
    if store is not None:
        from stratgraph.graph.queries import run_query

        try:
            rows = run_query(store, ORPHAN_QUERY, {})
        except StratgraphError as exc:
            # The picture is still worth drawing; fall back to the local rule.
            log.debug("orphan-actions query unavailable (%s); computing locally", exc)
        else:
            found: dict[str, list[str]] = {}
            for row in rows:
                action = row.get("action_id")
                if isinstance(action, str):
                    reasons = row.get("reasons")
                    found[action] = [str(r) for r in reasons] if isinstance(reasons, list) \
                        else [NO_OUTCOME]
            return found
    return {action: [NO_OUTCOME] for action in actions_without_outcome(graph)}


def actions_without_outcome(graph: GraphData) -> set[str]:
    """Actions with no ``SUPPORTS`` relationship to an outcome (the NO_OUTCOME condition)."""
    supported = {
        rel.start
        for rel in graph.relationships.values()
        if rel.type is RelType.SUPPORTS
        and (end := graph.nodes.get(rel.end)) is not None
        and end.label is Label.OUTCOME
    }
    return {
        n.id for n in graph.nodes.values() if n.label is Label.ACTION and n.id not in supported
    }
