"""Prose sentences that name a plan's overall aim, or the measures its success is judged by.

A strategy page may give no list: "The overall aim of the strategy is to enable communities to
be healthy ...", then "High level measures of success will be monitored through changes to
life expectancy, healthy life expectancy and the ... gap between ...": the aim is an outcome,
each thing named after "monitored through" a measure of it.
"""

from __future__ import annotations

import re

#: "The overall aim of the Joint Local Health and Wellbeing Strategy is to enable ...": the
#: plan's aim (a report's or a meeting's purpose is no outcome).
_OVERALL_AIM = re.compile(
    r"(?i)^(?:the|our)\s+(?:overall|overarching|main|central|ultimate|primary)\s+(?:aim|ambition|goal)\s+"
    r"(?:of\s+(?!(?:this|the)\s+(?:report|paper|meeting|item|document)\b)[^.;:]{1,80}?\s+)?is\s+(?P<what>to\s+\S[^.;:]{5,200}?)\.?$")

#: "High level measures of success will be monitored through changes to A, B and C": the
#: things named after the verb are the measures.
_JUDGED_BY = re.compile(
    r"(?i)\b(?:measures?\s+of\s+success|success|progress|indicators?|impact)\b[^.;:]{0,40}?"
    r"\bwill\s+be\s+(?:monitored|measured|tracked|assessed|judged)\s+(?:through|by|using|via|against)\s+"
    r"(?:(?:looking\s+at\s+|monitoring\s+|tracking\s+)?(?:changes?|trends?|improvements?)\s+(?:to|in)\s+)?"
    r"(?P<list>[^.;:]{3,300}?)\s*\.?$")


def overall_aim(sentence: str) -> str | None:
    """The aim a sentence states as the plan's overall aim ("to enable ..."), or None."""
    m = _OVERALL_AIM.match(sentence.strip())
    return m.group("what") if m else None


def measures_judged_by(sentence: str) -> list[str]:
    """The measures a sentence says success will be monitored through, in its order."""
    m = _JUDGED_BY.search(sentence.strip())
    if not m:
        return []
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?", m.group("list")) if p.strip()]
    # "healthy life expectancy and the ... gap between the most and least deprived": the list's
    # last "and" joins two measures; an "and" inside the last of them is its own.
    head, _, tail = parts[-1].partition(" and ")
    return parts[:-1] + [head] + ([tail] if tail else [])


#: "We will have successfully reduced the volume ... and this will be demonstrated within the
#: ASB statistics": the state the plan will have reached, then how it will be shown.
_SUCCESS_STATE = re.compile(r"(?i)^(?:by\s+[\w\s]{4,20},?\s+)?we\s+will\s+have\s+(?!to\b)\S")
_SHOWN_BY = re.compile(r"(?i)[,;]?\s+and\s+(?:this|that|it)\s+will\s+be\s+(?:demonstrated|shown|evidenced|measured|seen)\b.*$")


def success_state(sentence: str) -> str | None:
    """The state a sentence says the plan will have reached ("We will have reduced X"), without
    the clause saying how it will be shown; None for any other sentence."""
    text = sentence.strip()
    if not _SUCCESS_STATE.match(text):
        return None
    return _SHOWN_BY.sub("", text).rstrip(" .")
