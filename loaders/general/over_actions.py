"""What a list item has right under it decides what it is: an item followed by a lead-in to
actions and their list is the priority those actions serve, however it is worded.

    1.    Delivering value for money and modernising the way we work     <- Crawley's priority 1
    We will:
      • Continue to balance the budget (over a three year period) ...    <- its actions

As a heading over "To transform our council, we will:" is the mission the list delivers
(Harlow), so is a numbered item over "We will:": read alone, its gerund would make it one more
thing to do.
"""

from __future__ import annotations

from collections.abc import Sequence

from stratgraph.loaders.general.cues import Mode, lead_in_mode
from stratgraph.loaders.read.model import Block, BlockKind

#: A lead-in this short is the list's cue alone ("We will:", "To do this we will:"); a longer
#: line says more than what the list is.
_SHORT_LEAD_IN = 12


def item_over_actions(blocks: Sequence[Block], index: int) -> bool:
    """Whether the list item at ``index`` is a list of its own (a heading numbered as an item)
    standing right over a short actions lead-in and its list. The last item of a longer list
    ("Town centres that people want to visit" under "What we want to achieve:") is one of that
    list's, whatever follows it."""
    if index + 2 >= len(blocks) or blocks[index].kind is not BlockKind.LIST_ITEM \
            or (index > 0 and blocks[index - 1].kind is BlockKind.LIST_ITEM):
        return False
    lead, first = blocks[index + 1], blocks[index + 2]
    text = lead.text.replace("**", "").strip()
    return (lead.kind is BlockKind.PARAGRAPH and first.kind is BlockKind.LIST_ITEM
            and len(text.split()) <= _SHORT_LEAD_IN and text.endswith(":")
            and lead_in_mode(text) is Mode.ACTION)
