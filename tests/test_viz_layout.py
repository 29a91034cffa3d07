"""Positions computed ahead for large pictures (viz/layout.py)."""

from __future__ import annotations

import math

from stratgraph.viz.layout import LAYOUT_AHEAD_ABOVE, radial_layout
from stratgraph.viz.payload import build_payload
from test_export import sample_graph


def _tree(n: int) -> tuple[list[str], list[tuple[str, str]]]:
    ids = [f"n{i}" for i in range(n)]
    return ids, [(f"n{i}", f"n{(i - 1) // 3}") for i in range(1, n)]


def test_every_node_gets_its_own_place_and_the_same_one_each_time() -> None:
    ids, edges = _tree(2000)
    edges += [("n5", "n1500"), ("n7", "n7"), ("n9", "missing")]  # a cross-link, a loop, a stray
    ids += ["lonely-a", "lonely-b"]  # parts of one node
    pos = radial_layout(ids, edges)
    assert set(pos) == set(ids)
    assert len({p for p in pos.values()}) == len(ids)
    assert pos == radial_layout(ids, list(edges))
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())


def test_the_best_connected_node_is_the_centre_and_rings_go_outwards() -> None:
    leaves = [f"leaf{i}" for i in range(10)]
    grand = [f"grand{i}-{k}" for i in range(10) for k in range(2)]
    ids = ["hub", *leaves, *grand]
    edges = [(leaf, "hub") for leaf in leaves] + [(g, f"leaf{g[5:].split('-')[0]}") for g in grand]
    pos = radial_layout(ids, edges)
    cx, cy = pos["hub"]
    dist = {n: math.hypot(x - cx, y - cy) for n, (x, y) in pos.items()}
    assert max(dist[n] for n in leaves) < min(dist[n] for n in grand)
    assert min(dist[n] for n in leaves) > 0


def test_parts_do_not_overlap() -> None:
    ids = [f"a{i}" for i in range(30)] + [f"b{i}" for i in range(30)]
    edges = [(f"a{i}", "a0") for i in range(1, 30)] + [(f"b{i}", "b0") for i in range(1, 30)]
    pos = radial_layout(ids, edges)
    a = [pos[f"a{i}"] for i in range(30)]
    b = [pos[f"b{i}"] for i in range(30)]
    assert max(x for x, _ in a) < min(x for x, _ in b) or max(y for _, y in a) < min(y for _, y in b)


def test_small_pictures_keep_the_browser_physics() -> None:
    payload = build_payload(sample_graph())
    assert len(payload["nodes"]) <= LAYOUT_AHEAD_ABOVE
    assert payload["physics"]["enabled"] is not False
    assert all("x" not in n for n in payload["nodes"])


def test_empty_graph() -> None:
    assert radial_layout([], []) == {}
