"""What makes a name a strategy, a programme or a partnership: the one finder vocabulary.

A plan names a strategy or a partnership by words that end in what it is: "... Strategy",
"... Plan", "... Programme", "... Board", "... Partnership". Every shape's name finder ends a
name on the words here and classifies it by them. A shape whose plans use more (a delivery
plan's reference cells name networks and alliances, an outcomes framework's partnership list
names committees and councils) extends these sets in its own module and says why there; no
shape uses fewer.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Last words that make a name a document (a Strategy node of kind ``document``).
DOCUMENT_WORDS = frozenset({"strategy", "plan", "framework", "policy"})
#: Last words that make a name a programme (a Strategy node of kind ``programme``): a named
#: programme of work, and the initiatives, schemes, projects, funds, campaigns and pathfinders a
#: plan names as it does its programmes ("Local Enterprise Growth Initiative", "Eco-Management &
#: Audit Scheme", "Leicester Better Buildings Project", "Transport Innovation Fund", "Respect Early
#: Intervention Pathfinder"). Written in lower case they describe more often than they name
#: ("a DWP project", "our recycling scheme"): each finder says when they still end a name.
PROGRAMME_WORDS = frozenset(
    {"programme", "initiative", "scheme", "project", "fund", "campaign", "pathfinder"})
#: Last words that make a name a Strategy node, of either kind.
STRATEGY_WORDS = DOCUMENT_WORDS | PROGRAMME_WORDS
#: Last words that make a name a board, trust or partnership (a Partnership node). Not a
#: network: as often a road, rail or bus network ("Bee Network", "Strategic Road Network") as a
#: network of partners.
PARTNERSHIP_WORDS = frozenset({"board", "partnership", "trust", "forum", "panel"})
#: Last words that make a name a Partnership only after one of the words given (capitalised):
#: an advisory, steering, leadership, executive, task or action group of partners ("Leicester
#: Multicultural Advisory Group", "6Cs Leadership Group") and an action team ("Drug & Alcohol
#: Action Team", the statutory drugs partnership). A bare group or team is as often a council's
#: own ("Strategic Resources Group", "Partnership Executive Team", "Quality Improvement Team").
QUALIFIED_PARTNERSHIP_WORDS: dict[str, frozenset[str]] = {
    "group": frozenset({"advisory", "steering", "leadership", "executive", "task", "action"}),
    "team": frozenset({"action"}),
}


def word_pattern(words: Iterable[str], *, capitalised: bool = False) -> str:
    """A regex alternation of ``words`` ("(?:Board|Forum|...)"), longest first so that no word
    is cut short by another it starts with; ``capitalised`` writes each with a capital."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(w.capitalize() if capitalised else w for w in ordered) + ")"
