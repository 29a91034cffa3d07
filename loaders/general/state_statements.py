"""Outcomes a plan states as a state of its place or people, in a sentence of prose.

Councils write their outcomes as what will be true ("People in North Yorkshire live longer,
healthier, independent lives.", "By 2028, the borough will be a safe, inclusive and welcoming
place ...", "Residents will be more physically active."), not only as short noun phrases. Under
a line saying outcomes follow ("Our ambition:", "Our outcomes"), such a sentence is an outcome
however long it is: its grammar (a subject that is people or a place, not the council or the
plan, and a verb of being or having in the present or the future) says so, where a length
limit kept the short lines and lost these.
"""

from __future__ import annotations

import re

from stratgraph.loaders.general.statements import sentences

#: "By 2028, ", "In 2030 ", "Over the next five years, ": when the state holds, before its subject.
_WHEN = re.compile(r"(?i)^(?:by|in|from|over|within)\s+(?:the\s+)?[\w\s-]{2,30}?(?:,\s*|\s+(?=[A-Z]))")
#: The verb of a state: being, having, living or feeling, now or from now on.
_STATE_VERB = re.compile(
    r"(?i)\b(?:will\s+(?:be|have|feel|live|lead|enjoy|benefit|thrive|get|continue\s+to\s+be)"
    r"|are|is|have|has|feel|live|lead|enjoy|benefit|thrive|can)\b")
#: Subjects that are no people or place: the writer, the council, a pointer or a question
#: word, or something counted or reported ("We are ...", "This is ...", "Performance is ...").
_NOT_A_SUBJECT = re.compile(
    r"(?i)^(?:we|i|us|you|they|it|he|she|this|these|that|those|there|here|what|how|which|who|why|where"
    r"|when|if|as|all|each|every\s+(?:one|year)|the\s+following"
    # "A decent home is the foundation ...": a truth about any home; "Many of our new homes will
    # be built ...": some of a number, what will be done to them
    r"|an?|(?:many|some|most|few|several|half|one|none)\s+of)\b"
    r"|\b(?:council|document|report|section|page|act|consultation|survey|budget|apprentice|officers?|staff"
    r"|progress|performance|target|indicator|measure|data|evidence|figures?|rate|number|percentage)s?\b")
#: A sentence about the plan and its parts, not a state of the place ("Our 20 commitments are
#: divided into 4 key areas", "Equality of opportunity is central to the Council's objectives").
_ABOUT_THE_PLAN = re.compile(
    r"(?i)\b(?:plan|strategy|framework|priorit(?:y|ies)|objectives?|outcomes?|ambitions?|aims?|vision"
    r"|goals?|themes?|pillars?|missions?|commitments?|aspirations?)\b")
#: What makes the subject a clause, not a noun phrase ("A Prosperous Place – where business can
#: ...", "Partners ... have agreed"): a modal or past verb, a relative word, a figure, a dash.
_CLAUSE_WORD = re.compile(
    r"(?i)\b(?:will|would|should|must|may|might|was|were|had|did|do|does|where|which|who|whose|that)\b"
    r"|[,;:()–—\d]|\s-\s")
#: "as diverse as our geography": a comparison describes the place as it is, no aim for it.
_COMPARED = re.compile(r"(?i)\bas\s+\w+\s+as\b")
#: "have agreed", "has been finding": the perfect tells an event, not a state.
_PERFECT = re.compile(r"(?i)^(?:have|has|will\s+have)\s+(?:been|[a-z]+(?:ed|en|wn|ne|lt|ht|ught|ade|id)\b)")


def state_outcomes(text: str) -> list[str]:
    """The sentences of ``text`` that each state an outcome as a state of people or a place.

    Empty unless every sentence of ``text`` is one: a paragraph that mixes a state with why
    or how is description, not a list of outcomes written as prose.
    """
    found = []
    for sentence in sentences(text):
        state = _state(sentence.text)
        if state is None:
            return []
        found.append(state)
    return found


def _state(sentence: str) -> str | None:
    text = sentence.strip().strip("\"“”'‘’").strip()
    if not text or text.endswith(("?", ":")) or len(text.split()) > 60:
        return None
    body = _WHEN.sub("", text, count=1)
    verb = _STATE_VERB.search(body)
    if verb is None:
        return None
    if _PERFECT.match(body[verb.start():]) or _ABOUT_THE_PLAN.search(text) or _COMPARED.search(text):
        return None
    subject = body[:verb.start()].strip()
    words = subject.split()
    if not 1 <= len(words) <= 10 or _NOT_A_SUBJECT.search(subject) or _CLAUSE_WORD.search(subject):
        return None
    if not subject[:1].isupper():
        return None  # a sentence's subject starts it: a lower-case start is a piece of one
    if words[0].lower().endswith("ing") and not words[0].lower().startswith(("every", "some", "no")):
        return None  # "Working with partners is key": an activity described, not people or a place
    return text


def page_top_state(texts: list[str]) -> tuple[int, str] | None:
    """The outcome a page states at its top as a state, and which of its first lines holds it.

    A page of a plan published a chapter a page opens on what the chapter is for: its first
    line, or the line under its heading, is then the outcome written as a state ("Everyone has
    an equal chance to be healthier, happier, safer ...", "\u201cAcross the borough communities
    have the tools and ability to achieve their best\u201d"), standing alone as one sentence.
    """
    for index, text in enumerate(texts[:2]):
        states = state_outcomes(text)
        if len(states) == 1 and len(list(sentences(text))) == 1:
            return index, states[0]
    return None
