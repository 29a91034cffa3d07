""""Did you mean": a query parameter that names nothing in the graph is an error, not 0 rows.

A misspelt plan, theme, strategy, outcome or lead filters every row away, and an empty answer
reads as "nothing is wrong". :func:`check_names` tells the two apart by asking the store what
the nodes answer to (:meth:`~stratgraph.graph.store.GraphStore.names`) and names the closest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from stratgraph.errors import QueryError
from stratgraph.graph.model import Label

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore

#: Query parameters that name a node, and the labels of the nodes they may name.
PARAM_LABELS: dict[str, tuple[Label, ...]] = {
    "plan": (Label.PLAN,),
    "theme": (Label.THEME,),
    "outcome": (Label.OUTCOME,),
    "strategy": (Label.STRATEGY,),
    "lead": (Label.CABINET_LEAD,),
    "organisation": (Label.ORGANISATION,),
    "name": (Label.STRATEGY, Label.PARTNERSHIP, Label.THEME),
}

#: How many close names a message offers, and how close (0..100, rapidfuzz WRatio) they must be.
LIMIT = 3
CUTOFF = 60
SPREAD = 8

# Node ids (``theme:0123456789abcdef``) are matched exactly by the queries; they are not names.
_NODE_ID = re.compile(r"[a-z]+:[0-9a-f]{16}")


def closest(value: str, names: Sequence[str], limit: int = LIMIT) -> list[str]:
    """The names most like ``value`` (any case), best first; none when nothing is close."""
    from rapidfuzz import fuzz, process, utils

    choices = sorted(set(names))
    found = process.extract(value, choices, scorer=fuzz.WRatio, processor=utils.default_process,
                            limit=limit, score_cutoff=CUTOFF)
    # Only those nearly as close as the best: a clear winner is offered alone.
    best = found[0][1] if found else 0
    return [name for name, score, _ in found if score >= best - SPREAD]


def unknown_name_message(what: str, value: str, names: Sequence[str]) -> str:
    """``no theme named 'X'; did you mean 'A', 'B'?`` (or the count of names when none is close)."""
    near = closest(value, names)
    if near:
        return f"no {what} named {value!r}; did you mean {', '.join(repr(n) for n in near)}?"
    if not names:
        return f"no {what} named {value!r}: the graph has none"
    return f"no {what} named {value!r} (nothing close among {len(set(names))})"


def check_names(store: GraphStore, params: Mapping[str, Any]) -> None:
    """Raise :class:`QueryError` for the first name parameter that names no node in ``store``.

    A value matches as the queries match it: a node's name, alias or (for a plan) document file
    name ignoring case, or a node id.
    """
    given = {k: v for k, v in params.items()
             if k in PARAM_LABELS and isinstance(v, str) and v.strip()}
    if not given:
        return
    labels = {label for key in given for label in PARAM_LABELS[key]}
    pairs = store.names(labels)
    for key, value in given.items():
        if _NODE_ID.fullmatch(value):
            continue
        allowed = {label.value for label in PARAM_LABELS[key]}
        names = [name for label, name in pairs if label in allowed]
        if value.lower() not in {name.lower() for name in names}:
            what = "item" if key == "name" else key
            raise QueryError(f"--param {key}: {unknown_name_message(what, value, names)}")


__all__ = ["PARAM_LABELS", "check_names", "closest", "unknown_name_message"]
