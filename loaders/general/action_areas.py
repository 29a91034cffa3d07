"""A list under a lead-in that names areas (ways, strands) of action: what its items are is told
by their own grammar, not by the lead-in's words.

    We can tackle this by considering three main areas of action:     <- NHS South Eastern Hampshire CCG
      • getting better at how we detect and treat existing disease       verbs: things to do
    The Business Plan ... is based upon 6 key areas for action:        <- Penrith Town Council
      1. Health & Wellbeing                                              names: the areas themselves

An area of action is either the work (each item says what is done, opening with a verb) or the
field the work is in (each item a name). The reader takes the first as actions; the second stays
what the lead-in otherwise makes it (the plan's areas, its outcomes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stratgraph.loaders.read.model import Block, BlockKind
from stratgraph.loaders.general.wording import IMPERATIVE, NUMBERING

#: "three main areas of action:", "6 key areas for action:", "two strands of action:".
AREAS_OF_ACTION = re.compile(r"(?i)\b(?:areas?|ways?|fields?|strands?|lines?|forms?)\s+(?:of|for)\s+action\s*:\s*$")
#: A verb in "-ing" opening an item that goes on from its lead-in in lower case ("getting better
#: at ...", "influencing the social ..."): the work itself. Capitalised, an "-ing" word is as
#: often a field's name ("Housing", "Planning", "Wellbeing"): such an item counts as a verb only
#: when it is one of the planning verbs (``IMPERATIVE``).
_GERUND = re.compile(r"^[a-z]{3,}ing\b")


def _verb_led(text: str) -> bool:
    text = NUMBERING.sub("", text.replace("**", "").strip(), count=1).strip(" •-–")
    return bool(_GERUND.match(text) or IMPERATIVE.match(text))


def action_area_items(blocks: Sequence[Block]) -> set[int]:
    """Indexes of the top-level list items under an areas-of-action lead-in whose items all
    open with a verb: actions, however the lead-in is worded around them."""
    found: set[int] = set()
    for i, block in enumerate(blocks[:-1]):
        if block.kind is not BlockKind.PARAGRAPH or not AREAS_OF_ACTION.search(block.text.strip()):
            continue
        items: list[int] = []
        for j in range(i + 1, len(blocks)):
            if blocks[j].kind is not BlockKind.LIST_ITEM:
                break
            items.append(j)
        if not items:
            continue
        top = [j for j in items if blocks[j].level == min(blocks[k].level for k in items)]
        if all(_verb_led(blocks[j].text) for j in top):
            found.update(top)
    return found
