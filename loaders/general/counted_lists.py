"""A plan's priorities counted and named inside one sentence, as minutes and reports write them.

A committee's minutes seldom lay a plan's priorities out as a list; they say them in a
sentence that counts them first: "The four areas of focus were engagement, the environment,
early years and tackling poverty/inequalities and these had been developed into Well-being
Objectives", "the two core priorities – 'best start in life' and 'good mental wellbeing
throughout life' – and supporting priorities". The count is what makes the reading safe: the
names are taken only when as many are written as the sentence counts (quoted, or parted by
commas and a last "and"), so a sentence that merely mentions "the three priorities" or lists
something else after the count names nothing.
"""

from __future__ import annotations

import re

from stratgraph.loaders.general.cues import _OUTCOME_NOUNS

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

#: "the four areas of focus were", "its two core priorities –", "Our three aims are:": the count,
#: up to two words describing the set, its kind, then the verb or dash that opens the names.
_COUNTED = re.compile(
    r"(?i)\b(?:the|our|its|their)\s+(?P<count>[2-9]|10|two|three|four|five|six|seven|eight|nine|ten)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_OUTCOME_NOUNS}\s*(?:(?:are|were|is|will\s+be)\b\s*:?|:|[–—]|\s-)\s+(?P<rest>\S.*)$")
#: A name quoted in any of the ways pages quote ('...', ‘...’, "...", “...”).
_QUOTED = re.compile(r"[‘'“\"](?P<name>[^‘’'“”\"]{2,80})[’'”\"]")
#: Between two quoted names: only a comma, "and" or "or".
_QUOTE_JOINER = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or)\s+)?$")
#: Where the run of names ends and the sentence goes on: "and these had been developed ...",
#: "which ...", a bracket, a dash or a full stop.
_RUN_ENDS = re.compile(r"\s+and\s+(?:these|this|they|those|which|that|it|we|the\s+(?:plan|strategy|board|council))\b"
                       r"|\s+(?:which|that|who)\b|\s*[(;]|\s+[–—-]\s+|\.(?:\s|$)")
#: Parts of a run of names: a comma, or the last "and".
_PARTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def counted_names(sentence: str) -> tuple[str, ...]:
    """The names ``sentence`` gives the set of priorities it counts, when as many are written
    as it counts; none otherwise."""
    counted = _COUNTED.search(sentence)
    if counted is None:
        return ()
    count = counted.group("count").lower()
    want = int(count) if count.isdigit() else _NUMBERS[count]
    rest = counted.group("rest")
    if rest[:1] in "‘'“\"":
        quotes = list(_QUOTED.finditer(rest))[:want]
        if len(quotes) == want and all(_QUOTE_JOINER.match(rest[a.end():b.start()]) for a, b in zip(quotes, quotes[1:])):
            return tuple(q.group("name").strip() for q in quotes)
        return ()
    end = _RUN_ENDS.search(rest)
    run = rest[:end.start()] if end else rest
    names = [part.strip() for part in _PARTS.split(run.strip()) if part.strip()]
    if len(names) != want or any(len(name.split()) > 6 or name[:1].isupper() and len(name.split()) > 1
                                 and name.split()[1][:1].isupper() for name in names):
        return ()  # not as many as counted, or a run of proper names (bodies, places), no priorities
    return tuple(names)
