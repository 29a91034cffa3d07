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
#: Last words that make a name a programme (a Strategy node of kind ``programme``).
PROGRAMME_WORDS = frozenset({"programme"})
#: Last words that make a name a Strategy node, of either kind.
STRATEGY_WORDS = DOCUMENT_WORDS | PROGRAMME_WORDS
#: Last words that make a name a board, trust or partnership (a Partnership node).
PARTNERSHIP_WORDS = frozenset({"board", "partnership", "trust", "forum", "panel"})


def word_pattern(words: Iterable[str], *, capitalised: bool = False) -> str:
    """A regex alternation of ``words`` ("(?:Board|Forum|...)"), longest first so that no word
    is cut short by another it starts with; ``capitalised`` writes each with a capital."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(w.capitalize() if capitalised else w for w in ordered) + ")"
