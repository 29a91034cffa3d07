"""Reading a "Council activity" row: the objective, its actions with deadlines, references.

How the "By when" list lines up with the actions, as a careful reader decides it:

- as many deadlines as actions: the i-th deadline is the i-th action's;
- one deadline for a list of several ("Throughout 2013/14", "All ongoing"): every action has
  it ("All ongoing" is read as "Ongoing" for each);
- one deadline more than actions, with a lead-in sentence before the list ("Develop the city's
  brand identity ... to encompass:"): the lead-in is itself an action and has the first one;
- a deadline per top-level item when items hold nested lists: the nested items share it;
- otherwise the deadlines are given in order as far as they go, and a warning says so.

A lead-in sentence before a list is otherwise context (kept on each action), not an action. A
cell without a list holds its actions as paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratgraph.loaders.shapes.delivery_plan.cells import Item, flatten, parse_html_cell, tidy
from stratgraph.loaders.shapes.delivery_plan.layout import Row

# "(see p. 37: Getting about in Leicester)", "see Getting about in Leicester".
SEE_ALSO = re.compile(r"\(?\bsee\s+(?:p(?:age)?\.?\s*\d+\s*[:,-]?\s*)?(?P<target>[^()]{1,120}?)\)?\s*$",
                      re.IGNORECASE)
_ALL = re.compile(r"^all\s+(?=\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True, eq=False)
class PlannedAction:
    """An action as the row states it."""

    name: str
    deadline: str | None
    group: str | None = None
    context: str | None = None
    #: The full text when it ends in a cross-reference ("... (see p. 37: Getting about)");
    #: ``name`` is then the text without it.
    text: str | None = None
    see_also: str | None = None
    see_target: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class ActivityRow:
    """One row of a "Council activity" table, read."""

    line: int
    objective: str | None
    description: str | None
    lead_in: str | None
    actions: tuple[PlannedAction, ...]
    references: str
    warning: str | None = None


def read_activity_row(row: Row) -> ActivityRow:
    """Read the objective, actions (with aligned deadlines) and the raw references cell."""
    objective_cell = parse_html_cell(row.cell("objective", "theme"))
    title = objective_cell.title
    texts = list(objective_cell.paragraphs)
    if title is None and texts:
        # No bold title: the first sentence names the objective.
        title, texts = texts[0], texts[1:]
    description = "; ".join(texts) or None

    activity = parse_html_cell(row.cell("activit", "action", "project"))
    when = parse_html_cell(row.cell("by when", "deadline", "timescale"))
    deadlines = [_deadline(t) for t in ([i.text for i in when.items] or list(when.paragraphs))]
    lead_in = " ".join(activity.lead_in) or None
    top_items = activity.items
    if top_items:
        leaves = flatten(top_items)
    else:
        leaves = [(Item(p), None) for p in activity.paragraphs]
        lead_in = None
    actions, warning, lead_in = _align(leaves, top_items, deadlines, lead_in, row.line)
    return ActivityRow(row.line, title, description, lead_in, tuple(actions),
                       row.cell("document", "strateg", "relevant"), warning)


def _see_also(text: str) -> re.Match[str] | None:
    # Most actions have no "see" at all, and finding that out with the pattern costs several
    # times more. Case-folding maps every letter the pattern's IGNORECASE matches ("S", "ſ")
    # to "s" or "e".
    return SEE_ALSO.search(text) if "see" in text.casefold() else None


def _deadline(text: str) -> str:
    return _ALL.sub("", text).capitalize() if _ALL.match(text) else text


def _align(leaves: list[tuple[Item, str | None]], top_items: tuple[Item, ...],
           deadlines: list[str], lead_in: str | None,
           line: int) -> tuple[list[PlannedAction], str | None, str | None]:
    n = len(leaves)
    warning = None
    per_leaf: list[str | None]
    lead_action: PlannedAction | None = None
    if len(deadlines) == n:
        per_leaf = list(deadlines)
    elif len(deadlines) == 1 and n > 1:
        per_leaf = deadlines * n
    elif lead_in and len(deadlines) == n + 1:
        lead_action = _action(lead_in, deadlines[0], None, None)
        per_leaf = list(deadlines[1:])
        lead_in = None
    elif any(i.children for i in top_items) and len(deadlines) == len(top_items):
        per_leaf = [d for item, d in zip(top_items, deadlines)
                    for _ in (flatten((item,)) if item.children else [item])]
    else:
        per_leaf = [deadlines[i] if i < len(deadlines) else None for i in range(n)]
        if deadlines and n:
            warning = (f"line {line}: {len(deadlines)} deadlines for {n} actions; "
                       "given in order as far as they go")
    actions = [lead_action] if lead_action else []
    actions.extend(_action(item.text, per_leaf[i], group, lead_in)
                   for i, (item, group) in enumerate(leaves) if item.text)
    return actions, warning, lead_in


def _action(text: str, deadline: str | None, group: str | None,
            context: str | None) -> PlannedAction:
    m = _see_also(text)
    if not m:
        return PlannedAction(text, deadline or None, group, context)
    return PlannedAction(tidy(text[:m.start()]), deadline or None, group, context, text,
                         tidy(m.group(0).strip("() ")), tidy(m.group("target")))
