"""A plan's aims named in one sentence after a colon, on a page that states them nowhere else.

Minutes and short pages often name a plan's aims inside a sentence rather than a list: "These
objectives were to make the Council: a great place that cares for the environment, a great
place to work, a great place to live well, and a great place to access good public services.",
"... for the delivery of the strategic goals of the strategy: more emphasis on prevention,
reducing the inequalities gap and better integration, in their priority area." The words
before the colon say what the run is (an aims noun close before it); the run is parted by
commas and closed by its "and". Read only where the page gave no outcome, action or measure
otherwise (see :mod:`.sole_lists`), and only a run of three or more names of two to twelve
words, as many as the page counts ("the four Council Plan objectives").
"""

from __future__ import annotations

import re

from stratgraph.loaders.general.counted_lists import _NUMBERS
from stratgraph.loaders.general.sole_lists import AIMS
from stratgraph.loaders.general.wording import bad_name, clean

#: The colon a run of names follows, with the last few words before it.
_BEFORE_COLON = re.compile(r"(?P<lead>(?:\S+\s+){0,5}\S+)\s*:\s+(?P<run>[^:]+)$")
#: A separator in the run: a comma, a comma and "and", or "and" alone; "and" closes the run.
_SEPARATOR = re.compile(r"\s*,\s*(?P<and1>and\s+)?|\s+(?P<and2>and)\s+")
#: A count of the aims anywhere in the text around: "the four Council Plan objectives".
_COUNT = re.compile(r"(?i)\b(?P<count>[3-9]|10|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:priorities|outcomes|ambitions|objectives|aims|goals|missions|pillars|purposes|themes)\b")
_MOST_WORDS = 12


def _run(text: str) -> list[str]:
    """The names of a run parted by commas, up to and including the one its "and" opens."""
    names: list[str] = []
    start = 0
    closing = False
    for sep in _SEPARATOR.finditer(text):
        names.append(text[start:sep.start()])
        start = sep.end()
        if closing:
            return names
        closing = bool(sep.group("and1") or sep.group("and2"))
    if closing:
        names.append(text[start:])
        return names
    return []  # no "and" closes it: a clause, not a run of names


def sentence_aims(sentence: str, around: str = "") -> tuple[str, ...]:
    """The aims ``sentence`` names after a colon an aims noun leads to; none otherwise.
    ``around`` is the text near it, which may count the aims."""
    found = _BEFORE_COLON.search(sentence.strip())
    if found is None or not AIMS.search(found.group("lead")):
        return ()
    names = [clean(n.strip().rstrip(".")) for n in _run(found.group("run").strip().rstrip("."))]
    # A one-word part ("A Healthy, Resilient and Safe Community", "better employment, skills
    # and housing") is a word of one name run on, not a name of its own.
    if len(names) < 3 or any(not 2 <= len(n.split()) <= _MOST_WORDS or bad_name(n) for n in names):
        return ()
    counted = _COUNT.search(f"{around} {found.group('lead')}")
    if counted is not None:
        count = counted.group("count").lower()
        if (int(count) if count.isdigit() else _NUMBERS[count]) != len(names):
            return ()  # the page counts a set this run is not
    return tuple(names)
