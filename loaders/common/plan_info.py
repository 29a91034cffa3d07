"""The plan itself: the council that publishes it, its period, and the place a council is named
after. Each shape finds its title its own way; these are what every shape reads alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratgraph.graph.model import normalise_name
from stratgraph.loaders.common.dates import YEAR_RANGE

_ORG = re.compile(
    r"\b((?:[A-Z][a-z]+ ){1,4}(?:City|County|Borough|District|Metropolitan Borough) Council)\b"
)
#: Words that say what kind of council a body is, not where it is.
_COUNCIL_WORDS = frozenset({"city", "county", "borough", "district", "council", "metropolitan"})


@dataclass(frozen=True, slots=True, eq=False)
class PlanInfo:
    """What the text says about the plan itself: its title (and line), council and period."""

    title: str
    line: int
    organisation: str | None
    start_year: int | None
    end_year: int | None
    #: What kind of plan the title names ("council plan", "delivery plan", "strategy" ...).
    kind: str | None = None


def period_end(start: int, end_raw: str) -> int:
    """The end year of a range written "2014-18", "2018/2022" or "1998-02" (a century on)."""
    end = int(end_raw) if len(end_raw) == 4 else (start // 100) * 100 + int(end_raw)
    return end + 100 if end < start else end


def find_organisations(text: str) -> list[str]:
    """Every "X City/County/... Council" named in the text, in order (a leading "The" dropped)."""
    return [re.sub(r"^The ", "", m.group(1)) for m in _ORG.finditer(text)]


def find_organisation(text: str) -> str | None:
    """The first "X City/County/... Council" named in the text."""
    match = _ORG.search(text)
    return match.group(1) if match else None


def find_period(text: str) -> tuple[int | None, int | None]:
    """The first year range ("2013-14", "2014-18", "2018/2022") in the text."""
    match = YEAR_RANGE.search(text)
    if not match:
        return (None, None)
    start = int(match.group(1))
    return (start, period_end(start, match.group(2)))


def place_of(organisation: str | None) -> str | None:
    """The place a council is named after, as written: its name without the words for the kind
    of council ("Leicester City Council" -> "Leicester", "Barnsley Metropolitan Borough
    Council" -> "Barnsley"); None when no name, or nothing else, is left."""
    if not organisation:
        return None
    words = [w for w in organisation.split() if w.lower() not in _COUNCIL_WORDS]
    return " ".join(words) or None


def place_key(organisation: str) -> str:
    """:func:`place_of` as a key, case and punctuation folded ("leicester"); "" for none."""
    return normalise_name(place_of(organisation) or "")
