"""Whether a short line is the page's foot rather than one more priority of the section above.

A priority written as a short line comes with something after it: its prose, its list, or the
next priority line. The page's last line, with nothing after it, is its foot (a link to the
next page, a widget's label, a slogan signing off), unless it ends a run of priority lines
written one after another with nothing between them.
"""

from __future__ import annotations

from collections.abc import Sequence

from stratgraph.graph.data import GraphData
from stratgraph.loaders.read.model import Block


def at_page_foot(blocks: Sequence[Block], index: int, graph: GraphData, rule: str) -> bool:
    """Whether ``blocks[index]`` is the document's last line and the line before it was not
    itself read as a priority line by ``rule`` (it stands alone at the foot)."""
    if index != len(blocks) - 1:
        return False
    before = blocks[index - 1].line if index > 0 else None
    return not any(node.provenance.line == before and node.properties.get("rule") == rule
                   for node in graph.nodes.values())
