"""An action table's row a web copy ran into one line, its cells separated by single spaces:

    Ref Action Lead officer Deadline Status                       <- the header says the order
    H1 Adopt the new Local Plan Head of Planning March 2026 On track

The cells after the action are read from the row's end, in the header's order backwards: a
status word, a date, an owner (a post or team: "Head of Planning", "Housing Delivery Manager").
What is left, after the reference, is the action. A cell the row does not have is skipped, so a
row with no status still gives its date and owner.
"""

from __future__ import annotations

import re

from stratgraph.loaders.general.tables import Column, column_role
from stratgraph.loaders.general.wording import FLAT_HEADER_WORDS

_STATUS = re.compile(
    r"\s(?P<cell>on\s+track|off\s+track|on\s+target|amber|green|red|blue|complete(?:d)?|not\s+started|in\s+progress"
    r"|delayed|achieved|at\s+risk|behind\s+schedule|not\s+due)$", re.IGNORECASE)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
_YEAR = r"(?:(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?)"
_DATE = re.compile(
    rf"\s(?P<cell>(?:(?:end\s+of|by)\s+)?(?:(?:\d{{1,2}}\s+)?{_MONTH}\s+{_YEAR}|(?:Spring|Summer|Autumn|Winter)\s+{_YEAR}"
    rf"|(?:Q[1-4]|Quarter\s+[1-4])(?:\s+{_YEAR})?|{_YEAR}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|ongoing|annually|annual))$",
    re.IGNORECASE)
# A post or team at the row's end: "Head of Planning", "Director of Public Health", "Housing
# Delivery Manager", "Private Sector Housing Team". A post that takes "of" stands alone (the
# capitalised words before it are the action's); a team or manager may have a few before it.
_OWNER = re.compile(
    r"\s(?P<cell>(?:(?:Assistant|Deputy|Interim|Acting)\s+)?(?:Head|Director|Chief\s+\w+|Service\s+Director|Corporate\s+Director)"
    r"\s+(?:of|for)\s+[A-Z][\w&-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&-]*){0,3}"
    r"|(?:[A-Z][\w&-]*\s+){0,3}(?:Manager|Officer|Team|Lead|Co-?ordinator|Service|Unit|Group|Board|Partnership|Clerk))$")
_CELLS = {Column.STATUS: _STATUS, Column.DEADLINE: _DATE, Column.OWNER: _OWNER, Column.CABINET: _OWNER}


def columns_after_action(header: str) -> tuple[Column, ...]:
    """The roles of a one-line header's columns after its action column, in order."""
    roles = [column_role(m.group(0)) for m in FLAT_HEADER_WORDS.finditer(header)]
    if Column.ACTION not in roles:
        return ()
    return tuple(r for r in roles[roles.index(Column.ACTION) + 1:] if r in _CELLS)


def split_action_row(text: str, after: tuple[Column, ...]) -> tuple[str, dict[str, str]]:
    """The action and its cells ({"owner", "deadline", "status"}) of one flattened row."""
    cells: dict[str, str] = {}
    rest = text.rstrip(" .")
    for role in reversed(after):
        m = _CELLS[role].search(rest)
        if m and len(rest[:m.start()].split()) >= 2:
            key = {Column.STATUS: "status", Column.DEADLINE: "deadline"}.get(role, "owner")
            cells[key] = m.group("cell")
            rest = rest[:m.start()].rstrip()
    return rest, cells
