"""Positions computed ahead for pictures too large for the browser's physics.

vis-network's ForceAtlas2 takes about 6 s at 1,000 nodes and a minute at 10,000 in headless
Chromium (BENCHMARKS.md, "Drawing large graphs"), while drawing given positions with physics
off takes 1.6 s at 10,000. Above :data:`LAYOUT_AHEAD_ABOVE` nodes the picture is therefore laid
out here and sent with physics off. Below it the physics stays: on the five real plans (1,721
nodes) it is ready in 7 to 9 s against 1.0 s laid out here, but its clusters read far better.

The layout is radial, one disc per connected part: the best-connected node at the centre and
each breadth-first ring further out, its nodes evenly round it in the order of their parents
(so at least ``_GAP`` apart). Plans are shallow trees (plan, theme, outcome, action) with some cross-links, which a
radial tree shows well. Pure Python and linear in the graph: networkx's force layouts need numpy,
which stratgraph does not depend on, and are quadratic.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence

#: Pictures with more nodes than this get positions from :func:`radial_layout`.
LAYOUT_AHEAD_ABOVE = 3000

_RING = 140.0  # distance between rings
_GAP = 28.0  # room each node on a ring needs


def radial_layout(
    node_ids: Sequence[str], edges: Iterable[tuple[str, str]]
) -> dict[str, tuple[float, float]]:
    """Positions for ``node_ids``: one radial tree per connected part, parts side by side."""
    order = {n: i for i, n in enumerate(node_ids)}
    adjacent: dict[str, list[str]] = {n: [] for n in node_ids}
    for a, b in edges:
        if a in adjacent and b in adjacent and a != b:
            adjacent[a].append(b)
            adjacent[b].append(a)
    for neighbours in adjacent.values():
        neighbours.sort(key=order.__getitem__)  # the same picture for the same graph

    seen: set[str] = set()
    parts: list[dict[str, tuple[float, float]]] = []
    # Roots by degree, ties by input order: the plan, not a stray measure, sits at the centre.
    for root in sorted(node_ids, key=lambda n: (-len(adjacent[n]), order[n])):
        if root not in seen:
            parts.append(_radial_tree(root, adjacent, seen))
    return _side_by_side(parts)


def _radial_tree(
    root: str, adjacent: dict[str, list[str]], seen: set[str]
) -> dict[str, tuple[float, float]]:
    depth = {root: 0}
    walk = [root]
    queue = deque([root])
    seen.add(root)
    while queue:
        node = queue.popleft()
        for other in adjacent[node]:
            if other not in seen:
                seen.add(other)
                depth[other] = depth[node] + 1
                walk.append(other)
                queue.append(other)
    per_ring: dict[int, int] = {}
    for d in depth.values():
        per_ring[d] = per_ring.get(d, 0) + 1
    # A ring is at least wide enough for its nodes side by side.
    radius = {d: max(d * _RING, count * _GAP / (2 * math.pi)) if d else 0.0
              for d, count in per_ring.items()}
    for d in sorted(radius)[1:]:
        radius[d] = max(radius[d], radius[d - 1] + _RING)
    # Evenly round each ring in breadth-first order, which is the order of the parents on the
    # ring inside: children sit outside their parent's stretch and no two nodes share a spot.
    placed: dict[int, int] = {}
    pos: dict[str, tuple[float, float]] = {}
    for node in walk:
        d = depth[node]
        index = placed.get(d, 0)
        placed[d] = index + 1
        angle = 2 * math.pi * (index + 0.5) / per_ring[d]
        pos[node] = (radius[d] * math.cos(angle), radius[d] * math.sin(angle))
    return pos


def _side_by_side(
    parts: list[dict[str, tuple[float, float]]]
) -> dict[str, tuple[float, float]]:
    """Parts (largest first) in rows about as wide as the largest part or a square of all."""
    if not parts:
        return {}
    extents = [max((math.hypot(x, y) for x, y in p.values()), default=0.0) + _GAP for p in parts]
    row_width = max(2 * extents[0], math.sqrt(sum((2 * e) ** 2 for e in extents)))
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, extent in zip(parts, extents):
        if x and x + 2 * extent > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + extent, y + extent
        for node, (px, py) in part.items():
            out[node] = (round(cx + px, 1), round(cy + py, 1))
        x += 2 * extent
        row_height = max(row_height, 2 * extent)
    return out
