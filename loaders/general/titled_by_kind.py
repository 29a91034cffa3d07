"""The plan a page titled by its kind alone names in full.

A page whose title calls its plan only by its kind ("Delivering the Plan", "The Plan to 2030",
"Our Master Plan") names the plan in full somewhere in its text ("the objectives set out in the
Management Plan", "the implementation of the Climate Emergency Action Plan", "Our 2030 Strategy
and Master Plan"): the one plan of that kind the page names as a definite, known document is
the document itself, as a reader takes "the Plan" of the title to be the plan the text names.
A plan of that kind named as one of several, or as another ("a separate Delivery and Monitoring
Plan", "the previous Local Plan"), is a document of its own; so is every plan of the kind when
the page names more than one definitely (the title then does not tell which it is).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from stratgraph.graph.model import normalise_name

#: Words of a title that say nothing of a plan's topic: determiners, the page's framing verb
#: ("Delivering the Plan", "About our Strategy"), a span ("to 2030") and the edition's state.
_NO_TOPIC = frozenset({
    "the", "our", "this", "your", "my", "a", "an", "to", "until", "for", "of", "and",
    "delivering", "about", "introducing", "reading", "welcome", "read", "view",
    "draft", "new", "updated", "refreshed", "final", "full", "master", "overall", "main"})
#: The kind a plan's name ends in.
_KIND = frozenset({"plan", "strategy", "framework", "programme", "program"})
#: The words before a name that make it a known, definite document ("the", "our", "this", with a
#: year or "draft" between: "Our 2030 Strategy and Master Plan", "the draft Safer ... Plan").
_DEFINITE_BEFORE = re.compile(
    r"(?i)\b(?:the|our|this|its|their)\s+(?:(?:draft|new|updated|refreshed|final|(?:19|20)\d\d(?:\s*[-–—/]\s*\d{2,4})?)\s+)*$")
#: Words before a name that make it another document, or one of several, whatever its article.
_ANOTHER_BEFORE = re.compile(
    r"(?i)\b(?:separate|previous|former|earlier|last|old|original|existing|other|another|each|every|any|"
    r"supporting|related|national|regional)\s+(?:\S+\s+){0,2}$")


def title_kind(title: str) -> str | None:
    """The kind ``title`` names its plan by when it names no topic ("Delivering the Plan" ->
    "plan", "Our Master Plan" -> "master plan"), else None."""
    words = re.sub(r"\b(?:to|until|by)\s+\d{4}\b", " ", normalise_name(title)).split()
    words = [w for w in words if not w.isdigit()]
    if not words or words[-1] not in _KIND or any(w not in _NO_TOPIC and w not in _KIND for w in words):
        return None
    return "master plan" if words[-2:] == ["master", "plan"] else words[-1]


def the_plan_named(title: str, kind: str, mentions: Iterable[tuple[str, str]]) -> str | None:
    """Of the (text, name) strategy mentions of a page titled ``title``, the one name of ``kind``
    it gives as a definite document, normalised; None if it gives none or more than one (the
    title's own words, "Master Plan" under "Our Master Plan", are the title, not a fuller name)."""
    definite: set[str] = set()
    for text, name in mentions:
        key = normalise_name(name)
        if not key.endswith(kind) or key in normalise_name(title):
            continue
        at = text.find(name)
        before = text[:at] if at >= 0 else ""
        if _ANOTHER_BEFORE.search(before) or not _DEFINITE_BEFORE.search(before):
            continue
        definite.add(key)
    return next(iter(definite)) if len(definite) == 1 else None
