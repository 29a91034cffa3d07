"""What the general reader's walk over the blocks keeps: the stack of sections it is in and
the list it is reading."""

from __future__ import annotations

from dataclasses import dataclass, field

from stratgraph.loaders.general.cues import Mode


#: Implicit headings (title-like lines of plain text) nest below every marked heading.
@dataclass
class _Section:
    level: int
    name: str
    line: int
    mode: Mode | None = None
    skip: bool = False
    thematic: bool = True
    theme_id: str | None = None
    outcome_id: str | None = None
    parent: _Section | None = None
    #: A lead-in's cue over the headings after it ("... what we plan to do over the next five
    #: years:" then each objective's heading over its to-do list): the sections under it hold
    #: what it says.
    carries: bool = False
    #: An outcomes cue whose sub-headings have been groups of its outcomes (see _outcome_groups).
    grouped: bool = False
    #: One of those groups: a heading right over its list, so a paragraph after it is past it.
    group: bool = False


@dataclass
class _ListRun:
    """The list being read: what its items are, the outcome item at each nesting level."""

    mode: Mode | None
    deadline: str | None = None
    by_level: dict[int, str] = field(default_factory=dict)
    #: A lead-in line ending in a colon that is itself an outcome, if its items are actions.
    lead_outcome: tuple[str, int] | None = None
    lead_outcome_id: str | None = None
    #: The lead-in was itself an item worded as what the document does ("sets out actions that
    #: will be taken to:"): a later item worded so ("acknowledges ...") is the lead-in's sibling.
    lead_says: bool = False
    #: The theme an item ending in "to:" names for the items nested under it, by its level.
    themes: dict[int, str] = field(default_factory=dict)
    #: The lead-in names another set than the plan's items (its principles, values, or the
    #: sources its priorities were drawn from): the list holds no outcome, action or measure.
    other: bool = False
    #: The period the lead-in line sets its items ("By 2027 we will:"): an item's deadline
    #: unless it says its own ("" once the lead-in was read and named none).
    period: str | None = None
    #: The measures read so far carry an indicator label ("Indicator 6.1: ..."): an item without
    #: one is no indicator of the set.
    labelled: bool = False
    #: The lead-in was an item numbered as a minute numbers its resolutions ("(ii) The following
    #: five key outcomes be approved ...:-"): the next item so numbered ends the list.
    numbered: bool = False
