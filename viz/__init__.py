"""Interactive pictures of the graph: one self-contained, offline HTML page per call.

``write_picture(store, "graph.html", Selection(plans=("...",)))`` is what ``stratgraph viz``
runs. Modules: ``style`` (how labels and links look), ``payload`` (the data a page draws),
``orphans`` (which actions to highlight), ``page`` (the HTML), ``picture`` (the whole step).
"""

from stratgraph.viz.picture import MAX_NODES, Picture, html_for, write_picture

__all__ = ["MAX_NODES", "Picture", "html_for", "write_picture"]
