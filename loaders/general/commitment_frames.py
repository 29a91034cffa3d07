"""Whether a 'we will' sentence is framed so that it commits the plan to nothing of its own.

A plan's commitment says what its body will do. The same words framed otherwise do not: a
person's words quoted in a report ("“... the 20 Pledges are our contract with the people of
Wirral, and we will deliver as promised.”"), a belief about what working together brings ("we
believe that by all working better together ... we will transform the quality of support"),
or a verb whose whole object points back to the sentence before ("We'll do this by listening
...", "we will build on this continuing ..."): the task is said elsewhere, or not at all.
"""

from __future__ import annotations

import re

#: A verb of doing whose object is only a word pointing back ("do this", "achieve that",
#: "build on this", "do so").
_POINTS_BACK = re.compile(r"(?i)^(?:do|achieve|deliver|build\s+on|continue)\s+(?:this|that|these|it|so)\b")
#: The will-clause held by a speaker's belief or hope ("we believe that ... we will", "I hope
#: that ..."); a body called a Trust ("The Trust will invest ...") believes nothing here.
_BELIEF = re.compile(r"(?i)\b(?:we|i|they)\s+(?:\w+\s+)?(?:believe|hope|think|trust)\s+(?:that\b)?.*\bwill\b")
_OPEN_QUOTES = "“\""


def quoted(text: str, sentence: str) -> bool:
    """Whether ``sentence`` of ``text`` stands inside a quotation opened before it and not
    closed before it (a speaker's words)."""
    at = text.find(sentence)
    before = text[:at] if at >= 0 else ""
    opened = before.count("“") + (sentence[:1] in _OPEN_QUOTES) + before.count('"') % 2
    return opened > before.count("”")


def frames_no_commitment(text: str, sentence: str, name: str) -> bool:
    """Whether the 'we will' ``sentence`` of ``text`` (read as the action ``name``) is quoted
    speech, held by a belief, or a verb whose object only points back."""
    return bool(_POINTS_BACK.match(name)) or bool(_BELIEF.search(sentence)) or quoted(text, sentence)
