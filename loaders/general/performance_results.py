"""A performance report's line giving an indicator's result: the indicator named first, then
how it moved or where it stands, and the target it is held to when the line says so.

"the number of face to face enquires in customer services had dropped by 7,336 compared to
quarter one last year", "the in-year collection rate for Lincoln Business Rates remained above
its target of 30.53% at 35.86%", "The number of private sector homes achieving the decent homes
standard ... was red against target": each names an indicator (the part before the verb).
"""

from __future__ import annotations

import re

#: The verb that reports the result: a movement or a standing.
_RESULT = re.compile(
    r"(?i)^(?:the\s+)?(?P<what>[^,;:]{5,140}?)\s+(?:had\s+|has\s+|have\s+)?(?:been\s+)?"
    r"(?:dropped|decreased|increased|reduced|fallen|fell|risen|rose|improved|declined|deteriorated"
    r"|remained|remains|was|were|stood|stands|reached|exceeded|maintained|showed|shows|is\s+performing"
    r"|performed)\b(?P<rest>.*)$")

#: Where the result stands without a figure: against its target, by its rating or its trend
#: ("was red against target", "showed improved performance").
_STANDING = re.compile(r"(?i)\b(?:targets?|red|amber|green|improv\w*|better|worse|deteriorat\w*)\b")

#: The subject is something counted or rated, not a thing done ("the team was ...").
_INDICATOR_HEAD = re.compile(
    r"(?i)\b(?:number|percentage|proportion|rate|average|total|time|days|arrears|level|amount"
    r"|satisfaction|collected|score|count|volume|cost)\b")

#: "2019/20 Q3", "Q2 2019/20", "Quarter 3 2019-20", "April to June 2020": a reporting period on
#: a line of its own.
REPORTING_PERIOD = re.compile(
    r"(?i)^(?:(?:q[1-4]|quarter\s+(?:[1-4]|one|two|three|four))\s+)?(?:20\d\d\s*[/-]\s*(?:20)?\d\d|20\d\d)"
    r"(?:\s+(?:q[1-4]|quarter\s+(?:[1-4]|one|two|three|four)))?$"
    r"|^(?:q[1-4]|quarter\s+(?:[1-4]|one|two|three|four))$"
    r"|^[A-Z][a-z]+\s+(?:to|-|–)\s+[A-Z][a-z]+\s+20\d\d$")

_TARGET = re.compile(r"(?i)\b(?:its|the|a)\s+target\s+of\s+(?P<target>[£]?\d[\d.,]*\s*(?:%|days?)?)")


def result_indicator(line: str) -> tuple[str, str | None] | None:
    """(the indicator a result line reports on, its target if the line gives one), or None."""
    m = _RESULT.match(line.strip().rstrip(";.").strip())
    if not m or not (re.search(r"\d", m.group("rest")) or _STANDING.search(m.group("rest"))) \
            or not _INDICATOR_HEAD.search(m.group("what")):
        return None
    what = m.group("what").strip()
    what = re.sub(r"\s+(?:this|last|in\s+the)\s+(?:quarter|year|month|period)$", "", what)
    target = _TARGET.search(m.group("rest"))
    return "the " + what if line.strip().lower().startswith("the ") else what, (target.group("target").strip() if target else None)
