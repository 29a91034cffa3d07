"""A narrative plan's title, organisation and years, read from its text.

- Title: a self-assessment's report title ("... Corporate Assessment"), joined to a following
  "Self assessment" line; otherwise the first markdown ``#`` heading or the first line.
- Organisation: the council the text names most often ("Leicester City Council" over a
  "Melton Borough Council" mentioned once), the first named on a tie.
- Years: a range in the opening lines ("2010-13"), else the year of the report's date
  ("Monday, 10th November 2007" gives 2007 to 2007), else the first range in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from stratgraph.loaders.common.dates import A_YEAR
from stratgraph.loaders.common.names import clean_name
from stratgraph.loaders.common.plan_info import PlanInfo, find_organisations, find_period
from stratgraph.loaders.shapes.narrative.text import Block

_ASSESSMENT_TITLE = re.compile(r"\bassessment\b", re.IGNORECASE)
_SELF_ASSESSMENT = re.compile(r"^self[- ]?assessment\b", re.IGNORECASE)
#: How many opening non-blank lines make up the title block.
_OPENING_LINES = 15


def plan_info(blocks: Sequence[Block], lines: Sequence[str], name: str, *,
              self_assessment: bool) -> PlanInfo:
    """The plan's title, organisation and years."""
    title, line = _title(blocks, lines, name, self_assessment)
    start, end = _years(lines, title)
    return PlanInfo(title, line, organisation(lines), start, end)


def organisation(lines: Sequence[str]) -> str | None:
    """The council named most often in ``lines`` (the first named on a tie)."""
    # A council's name never spans lines and always ends "Council": only those lines are
    # searched, rather than the whole text.
    names = [name for text in lines if "Council" in text for name in find_organisations(text)]
    if not names:
        return None
    counts = Counter(names)
    best = max(counts.values())
    return next(n for n in names if counts[n] == best)


def _title(blocks: Sequence[Block], lines: Sequence[str], name: str,
           self_assessment: bool) -> tuple[str, int]:
    headings = [b for b in blocks[:25] if b.kind == "heading"]
    if self_assessment:
        for index, block in enumerate(headings):
            if _ASSESSMENT_TITLE.search(block.text) and not _SELF_ASSESSMENT.match(block.text):
                title = clean_name(block.text)
                following = headings[index + 1] if index + 1 < len(headings) else None
                if following and _SELF_ASSESSMENT.match(following.text):
                    title = f"{title}: {clean_name(following.text)}"
                if title.strip(": "):
                    return title, block.line
    marked = next((b for b in headings if b.level == 1), None)
    if marked and clean_name(marked.text):
        return clean_name(marked.text), marked.line
    for number, text in enumerate(lines, 1):
        if text.strip():
            return clean_name(text) or name, number
    return name, 1


def _years(lines: Sequence[str], title: str) -> tuple[int | None, int | None]:
    opening = [t for t in lines if t.strip()][:_OPENING_LINES]
    for text in [title, *opening]:
        start, end = find_period(text)
        if start:
            return start, end
    for text in [title, *opening]:
        year = A_YEAR.search(text)
        if year:
            return int(year.group(1)), int(year.group(1))
    return find_period("\n".join(lines)[:5000])
