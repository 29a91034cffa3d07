"""A column of the numbers of the outcomes each indicator is linked to.

Outcomes frameworks list their indicators one a line with the outcomes each serves by number
in a last column ("Linked to Outcome" over "Healthy life expectancy at birth 3, 4"); a copy
that flattens the table runs those numbers onto the indicator's line.
"""

from __future__ import annotations

import re

#: "Linked to Outcome", "Contributes to priorities", "Relevant outcome(s)": the header of the
#: column of outcome numbers, not an outcomes cue.
LINKED_TO = re.compile(
    r"(?i)^(?:(?:linked|links|contribut(?:es|ing)|relat(?:es|ing)|relevant)\s+to\s+(?:the\s+)?|relevant\s+)"
    r"(?:outcomes?|outcome\(s\)|priorit(?:y|ies)|objectives?|themes?)(?:\s+(?:no\.?|numbers?|codes?))?\s*:?$")

#: " 3, 4", " 12": the numbers at the end of an indicator's line.
_TRAILING_CODES = re.compile(r"\s+\d{1,2}(?:\s*,\s*\d{1,2})*\s*$")


def without_codes(name: str) -> str:
    """``name`` without the outcome numbers a flattened copy ran onto its end."""
    return _TRAILING_CODES.sub("", name).strip() or name
