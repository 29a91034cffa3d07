"""An aim a sentence states with the year it is to hold by, wherever the sentence stands.

Plans that are mostly actions still say once what the actions are for, in a sentence about the
plan rather than in a list of priorities: "reaffirms our commitment for the borough to be carbon
neutral by 2030", "Our action plan shows what we'll be doing to achieve net-zero carbon status by
2030". The state to reach and its year make the outcome, whatever the sentence around it says.
"""

from __future__ import annotations

import re

#: "for the borough to be carbon neutral by 2030" / "to achieve net-zero carbon status by 2030":
#: a state (being, becoming, reaching) and the year it is to hold by, no other figure.
_AIM_BY_YEAR = re.compile(
    r"(?i)(?:\bfor\s+(?P<who>(?:the|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+to\s+(?P<be>be|become)"
    r"|\bto\s+(?P<verb>achieve|become|reach))"
    r"\s+(?P<what>[^,.;:\d]{3,80}?)\s+by\s+(?P<year>20\d\d)\b")
#: "to be delivered by 2025": a passive says what will be done, not a state to reach.
_DONE_TO = re.compile(r"(?i)^\w+(?:ed|en)\b")


def aim_by_year(sentence: str) -> str | None:
    """The aim ``sentence`` states with its year ("the borough to be carbon neutral by 2030"),
    or None."""
    m = _AIM_BY_YEAR.search(sentence)
    if m is None or _DONE_TO.match(m.group("what")):
        return None
    if m.group("who"):
        return f"{m.group('who')} to {m.group('be')} {m.group('what')} by {m.group('year')}"
    return f"{m.group('verb')} {m.group('what')} by {m.group('year')}"
