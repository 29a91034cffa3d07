"""Words that frame a body's standing role, not a plan's aims.

"Role of the parish council", "The strategic housing department are responsible for the
following functions:", "Our duties": what follows says what the body is for or does every
year by law or remit, however a page's title frames the rest ("Aims and Objectives"). A
planner reads no outcome or action of the plan there.
"""

from __future__ import annotations

import re

#: A heading naming a body's role, functions, duties, powers or responsibilities.
STANDING_ROLE_HEADING = re.compile(
    r"(?i)^(?:(?:the|our|its|their)\s+)?(?:[\w-]+\s+){0,2}(?:roles?|functions?|duties|powers|responsibilities)"
    r"(?:\s+(?:of|and)\s+[\w\s,&'’-]{0,60})?\s*:?$")
#: A lead-in or heading saying what a body is responsible for ("... are responsible for the
#: following functions:", "Our duties include:").
STANDING_ROLE = re.compile(
    rf"{STANDING_ROLE_HEADING.pattern}"
    r"|\bresponsible\s+for\b|\b(?:roles?|functions|duties|powers|responsibilities)\s+(?:are|include)\b")
