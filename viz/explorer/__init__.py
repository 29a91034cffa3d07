"""The explorer: ``stratgraph serve``, a local web app over a graph store.

``api`` answers the page's questions from a :class:`~stratgraph.graph.store.GraphStore` one node
at a time; ``source`` finds and renders a node's document; ``edits`` writes curation entries;
``security`` holds the access token and headers; ``app`` maps it all to HTTP routes (FastAPI,
imported only when the app is built); ``server`` runs it with uvicorn.
"""

from __future__ import annotations

from stratgraph.viz.explorer.config import ExplorerConfig

__all__ = ["ExplorerConfig"]
