"""The lists a page is about, when the walk read nothing else from it.

A page whose lists no cue introduced reads empty, although a planner sees its priorities at
once: "Our aims, objectives and work" over two groups of bullets, "These will be designed to
meet the four core purposes of integrated care systems." over four numbered lines. The cue
rules know a lead-in by its wording ("Our priorities are:"); a page with no such line is read
here by its structure instead: a run of top-level list items whose frame (the heading over it,
or the page's title, and the line right before it) says it holds the plan's aims, in a document
where the walk found no outcome, action or measure at all.

What stays empty: a list framed as a body's standing role, functions or duties ("The
department is responsible for:"), a consultation's questions, a page's links or contents, aims
a meeting's record reports someone saying or a law sets, the challenges a plan faces, a
resolution, a report's contents, the sources aims are drawn from, the items under one
numbered aim ("Objective 1"), and any run with one item that is no
item (a link, a job title, a fragment: ``bad_name``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratgraph.loaders.general.standing_role import STANDING_ROLE
from stratgraph.loaders.general.statements import sentences
from stratgraph.loaders.general.wording import IMPERATIVE, LABEL_ONLY, NUMBERING, bad_name, clean
from stratgraph.loaders.read.model import Block, BlockKind

#: The nouns a plan names its aims by, in any council's English; "purposes" too, as a new
#: body states what it is for ("the four core purposes of integrated care systems").
AIMS = re.compile(
    r"(?i)\b(?:priorit(?:y|ies)|outcomes?|ambitions?|objectives?|aims?|goals?|missions?|pillars?|purposes"
    r"|commitments|themes|areas?\s+(?:for|of)\s+(?:action|focus))\b")
#: A frame that makes the list something else: what a body is or does as a standing duty, what
#: a consultation asks, a page's apparatus.
_NOT_AIMS = re.compile(
    r"(?i)\b(?:services\s+(?:we|include)|your\s+views|have\s+your\s+say|questions?|consultation|contents|links|downloads?|documents"
    r"|related|see\s+also|in\s+this\s+section|minutes|agenda|resolved)\b|\?"
    # A meeting's record of what someone said ("She confirmed that there are 7 wellbeing goals
    # for Wales"), or the aims a law sets ("set out in the ... Act 2015"): aims the page reports,
    # not the plan's own.
    r"|\b(?:confirmed|explained|reported|advised|said|added|stated|highlighted|noted|outlined)\s+that\b"
    r"|\bAct\s+(?:19|20)\d\d\b"
    # What the plan faces, not what it aims at: "... with the aim of tackling the key challenges
    # in the District identified as:-".
    r"|\b(?:challenges|issues|problems|risks|threats|pressures|weaknesses)\b[^\n]{0,60}$")
#: A lead-in that makes the items something other than the aims themselves: a resolution
#: ("That" over what a committee agreed), a report's contents ("The report provided further
#: information on the following:"), the sources the aims are drawn from ("... and are drawn
#: from:").
_NOT_AIMS_LEAD = re.compile(
    r"(?i)^(?:that|resolved|recommendations?)\b|\breports?\b"
    r"|\b(?:drawn|derived|informed|based|built)\s+(?:from|by|on|upon)\s*:?-?\s*$")
#: A list this long is a page's index or an appendix's rows, not the aims it states.
_MOST_ITEMS = 12
#: An item longer than this (its first sentence) is a paragraph set as a bullet.
_MOST_WORDS = 45


@dataclass(frozen=True)
class SoleItem:
    """One item of a list a page is about: its name, line, and whether it is an action."""

    name: str
    line: int
    action: bool


def _item_name(text: str) -> str:
    """The item as a node names it: its first sentence, cleaned."""
    said = next(iter(sentences(text)), None)
    return clean(said.text if said is not None else text)


def is_action_item(text: str) -> bool:
    """Whether an item states work by its grammar: it opens on a planning verb in its base form
    ("Support local business ...", "Respond to planning applications ...") or, going on from
    its lead-in in lower case, in "-ing" ("getting better at how we detect ..."). An aim stated
    "To provide ..." or a capitalised "-ing" word ("Improving outcomes ...") names what the
    plan is for: an outcome."""
    words = NUMBERING.sub("", text.strip(), count=1).strip(" •*·-").split()
    first = words[0].strip(",;:.") if words else ""  # "Safeguarding, educating and ..."
    if first[:1].islower() and first.endswith("ing") and len(first) >= 6:
        return True  # any verb's "-ing" going on from the lead-in ("influencing the ...")
    return bool(IMPERATIVE.match(" ".join(words))) and first.lower() != "to" and not first.endswith("ing")


def _frame(blocks: list[Block], start: int, title: str) -> tuple[str, str]:
    """The heading over the run at ``start`` (the title if none) and the line right before it."""
    heading = title
    for block in reversed(blocks[:start]):
        if block.kind is BlockKind.HEADING:
            heading = block.text
            break
    before = blocks[start - 1].text if start and blocks[start - 1].kind is BlockKind.PARAGRAPH else ""
    return heading, before


def sole_lists(blocks: list[Block], title: str) -> tuple[SoleItem, ...]:
    """The items of the runs of top-level list items a page frames as its aims."""
    found: list[SoleItem] = []
    i = 0
    while i < len(blocks):
        if blocks[i].kind is not BlockKind.LIST_ITEM:
            i += 1
            continue
        start = i
        while i < len(blocks) and blocks[i].kind is BlockKind.LIST_ITEM:
            i += 1
        top = min(b.level or 1 for b in blocks[start:i])  # an indented list's outermost items
        run = [b for b in blocks[start:i] if (b.level or 1) == top]
        heading, lead = _frame(blocks, start, title)
        frame = f"{heading}\n{lead}"
        if not 2 <= len(run) <= _MOST_ITEMS or not AIMS.search(frame) or _NOT_AIMS.search(frame) \
                or _NOT_AIMS_LEAD.search(lead) or LABEL_ONLY.match(lead.strip()) \
                or STANDING_ROLE.search(heading) or STANDING_ROLE.search(lead):
            continue  # "Objective 1" over its items: one aim's contents, not the aims
        names = [_item_name(b.text) for b in run]
        if any(bad_name(n) or len(n.split()) > _MOST_WORDS for n in names):
            continue  # one link or fragment among them: a page's apparatus, not its aims
        found += [SoleItem(n, b.line, is_action_item(b.text)) for n, b in zip(names, run)]
    return tuple(found)
