"""How each label and relationship type looks in the interactive picture.

Colours come from a colour-blind-safe palette (Okabe-Ito, plus two greys); shapes differ too, so
labels stay distinguishable in greyscale. Inferred links are dashed and paler than stated ones.
"""

from __future__ import annotations

from typing import Any

from stratgraph.graph.model import Label, Method, RelType

#: vis-network node options per label: colour, shape, size, and whether the name shows at once.
NODE_STYLES: dict[Label, dict[str, Any]] = {
    Label.PLAN: {"color": "#0b3c5d", "shape": "hexagon", "size": 30, "caption": True},
    Label.THEME: {"color": "#0072b2", "shape": "dot", "size": 17, "caption": True},
    Label.OUTCOME: {"color": "#009e73", "shape": "diamond", "size": 11, "caption": True},
    Label.ACTION: {"color": "#e69f00", "shape": "dot", "size": 8, "caption": False},
    Label.MEASURE: {"color": "#56b4e9", "shape": "triangle", "size": 9, "caption": False},
    Label.STRATEGY: {"color": "#cc79a7", "shape": "square", "size": 12, "caption": True},
    Label.PARTNERSHIP: {"color": "#d55e00", "shape": "triangleDown", "size": 12, "caption": True},
    Label.CABINET_LEAD: {"color": "#7a4fa3", "shape": "star", "size": 14, "caption": True},
    Label.OWNER: {"color": "#a3794f", "shape": "database", "size": 10, "caption": True},
    Label.ORGANISATION: {"color": "#5f6b73", "shape": "box", "size": 14, "caption": True},
}

#: The border that marks an orphan action (supports no outcome).
ORPHAN_STYLE: dict[str, Any] = {"border": "#d00000", "borderWidth": 3}

#: The border that marks the node a picture is drawn around (``--focus``).
FOCUS_STYLE: dict[str, Any] = {"border": "#1f4fff", "borderWidth": 6}

#: vis-network edge options per relationship type.
EDGE_STYLES: dict[RelType, dict[str, Any]] = {
    RelType.PART_OF: {"color": "#a9b4bd", "width": 1},
    RelType.SUPPORTS: {"color": "#009e73", "width": 2},
    RelType.OWNS: {"color": "#7a4fa3", "width": 2},
    RelType.REFERENCES: {"color": "#cc79a7", "width": 1.5},
    RelType.MEASURED_BY: {"color": "#56b4e9", "width": 1.5},
    RelType.DEPENDS_ON: {"color": "#d55e00", "width": 2.5},
    RelType.INVOLVES: {"color": "#e69f00", "width": 1.5},
    RelType.PUBLISHED_BY: {"color": "#5f6b73", "width": 1},
}

#: How the way a link came about changes its line: dashes for inferred links.
METHOD_STYLES: dict[Method, dict[str, Any]] = {
    Method.STATED: {"dashes": False, "opacity": 0.9},
    Method.CURATED: {"dashes": False, "opacity": 1.0},
    Method.INFERRED: {"dashes": [6, 5], "opacity": 0.6},
}

#: What the legend says each method means.
METHOD_MEANINGS: dict[Method, str] = {
    Method.STATED: "stated by the document",
    Method.CURATED: "set in the curation file",
    Method.INFERRED: "inferred by stratgraph (dashed)",
}


def style_table() -> dict[str, Any]:
    """Every style, keyed by the plain strings the page's data uses."""
    return {
        "labels": {label.value: dict(style) for label, style in NODE_STYLES.items()},
        "relationships": {t.value: dict(style) for t, style in EDGE_STYLES.items()},
        "methods": {
            m.value: {**METHOD_STYLES[m], "meaning": METHOD_MEANINGS[m]} for m in Method
        },
        "orphan": dict(ORPHAN_STYLE),
        "focus": dict(FOCUS_STYLE),
    }
