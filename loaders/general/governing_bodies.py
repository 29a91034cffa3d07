"""Bodies a line names as the ones that deliver, oversee or govern the plan: partnerships by role.

Many partnerships carry no partnership word in their names ("One Herefordshire", "the Being Well
Strategic Group", "the Glasgow City Region Cabinet"), so the vocabulary cannot tell them; what
tells them is what the sentence says they do. A named body that oversees, co-ordinates, owns,
governs or supports the delivery of the plan ("One Herefordshire owns the coordination oversight
of the two core priorities", "The Being Well Strategic Group would support the delivery of the
JLHWS", "It is governed by the Glasgow City Region Cabinet") is a body the plan is delivered
through, as a planner lists it among the partnerships. The council itself, a person or a post
("The Leader has responsibility for the delivery ...", "led by the ICB Chair Designate") and a
body of one word ("overseen by Cabinet") are not.
"""

from __future__ import annotations

import re

#: A name of two words or more, each capitalised but for "and", "of", "for", "&" between them.
_NAME = r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w'’-]*){1,6})"
#: Work on the plan a body is said to do, after a verb of oversight.
_WORK = r"(?:the\s+)?(?:[\w-]+\s+)?(?:delivery|implementation|co-?ordination|oversight|governance)\s+of\b"
#: "<Name> (would|will) support the delivery of", "<Name> owns the coordination oversight of".
_SUBJECT = re.compile(
    _NAME + r"\s+(?:(?:would|will|shall|is\s+to|are\s+to)\s+)?(?:support|oversee|own|lead|co-?ordinate|drive|govern|steer)s?\s+"
    + _WORK)
#: "governed by the <Name>", "overseen by the <Name>".
_AGENT = re.compile(
    r"\b(?:overseen|governed|steered|co-?ordinated|owned|monitored)\s+by\s+(?:the\s+)?" + _NAME)
#: The last word of a post, a person's title or the council itself: not a partnership.
_NOT_BODY = re.compile(
    r"(?i)\b(?:council|cabinet\s+member|leader|member|chair(?:man|person)?|director|officer|manager|head|"
    r"commissioner|mayor|lead|chief\s+executive|executive\s+director|designate|team)$")
_PERSON_TITLE = re.compile(r"\b(?:Chair|Director|Officer|Manager|Leader|Member|Commissioner|Mayor|Councillor|Cllr)\b")
#: A determiner a sentence's first word capitalises ("The Being Well Strategic Group ..."): not the name's.
_DETERMINER = re.compile(r"^(?:The|This|That|Our|Its|Their)\s+")


def governing_bodies(text: str) -> list[str]:
    """The names of the bodies ``text`` says oversee, govern or support the plan's delivery."""
    names = []
    for pattern in (_SUBJECT, _AGENT):
        for match in pattern.finditer(text):
            name = _DETERMINER.sub("", match.group("name"))
            if len(name.split()) < 2 or _NOT_BODY.search(name) or _PERSON_TITLE.search(name):
                continue
            names.append(name)
    return names
