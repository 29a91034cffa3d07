"""How the picture lays itself out: vis-network physics, configured through pyvis.

pyvis is the Python side of vis-network; its stock page template loads Bootstrap and
vis-network from CDNs, which a locked-down council laptop cannot reach, so stratgraph owns the
page (``viz/templates``) and uses pyvis for what it is good at: the vis-network options.
"""

from __future__ import annotations

import json
from typing import Any


def physics_options(node_count: int) -> dict[str, Any]:
    """ForceAtlas2 physics that settles, then stops: fewer iterations for larger graphs."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="remote")
    net.force_atlas_2based(
        gravity=-70, central_gravity=0.012, spring_length=60, spring_strength=0.09,
        damping=0.55, overlap=0.6,
    )
    physics: dict[str, Any] = json.loads(net.options.to_json())["physics"]
    physics["stabilization"].update(
        enabled=True, fit=True, updateInterval=25,
        iterations=250 if node_count > 1000 else 500 if node_count > 400 else 900,
    )
    # Stop moving once nodes crawl: the page then switches physics off for good.
    physics.update(minVelocity=1, maxVelocity=60)
    return physics
