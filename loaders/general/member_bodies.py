"""Whether a body the text names is named as a member of a partnership, not as one itself.

A partnership is often named with its members: "the Management Plan Partnership, comprising:
Northumberland National Park Authority, ..., Kielder Water and Forest Park Development Trust",
or the law's list of who sits on one ("... Clinical Commissioning Groups (now Integrated Care
Board) as responsible authorities"). A member is a body in the partnership, whatever its own
name's last word (Forum, Trust, Board): the partnership is the one the members make up.
"""

from __future__ import annotations

import re

#: A membership cue before the body in its sentence ("comprising:", "made up of", "whose
#: members include").
_MEMBERS_FOLLOW = re.compile(
    r"(?i)\b(?:comprising(?:\s+of)?|comprises|made\s+up\s+of|members?(?:hip)?\s+(?:are|is|include|includes|comprises?)"
    r"|whose\s+members\s+(?:are|include))\s*:?\s")
#: The role of a member after the body ("... as responsible authorities", "as a statutory partner").
_AS_MEMBER = re.compile(
    r"(?i)^[)\]’'\"”]?\s*,?\s*as\s+(?:an?\s+|the\s+)?(?:statutory\s+|full\s+|voting\s+)?"
    r"(?:responsible\s+authorit(?:y|ies)|partners?|members?|participatory\s+bod(?:y|ies))\b")


def named_as_member(text: str, name: str) -> bool:
    """Whether the body ``name`` is named in ``text`` as a partnership's member: after a
    membership cue in its sentence, or followed by its role as a member."""
    at = text.find(name)
    if at < 0:
        return False
    start = max(text.rfind(". ", 0, at), text.rfind("; ", 0, at)) + 1
    return bool(_MEMBERS_FOLLOW.search(text[start:at])) or bool(_AS_MEMBER.match(text[at + len(name):]))
