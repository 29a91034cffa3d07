"""Whether a lead named by role alone is only consulted on a delegated task, not leading the plan.

Minutes delegate the last changes to an officer "in consultation with the Leader" or "in
discussion with the Leader of the Council": the member is asked, the officer acts, and no part
of the plan is given to the member. A member named with a portfolio ("in consultation with the
Cabinet Member for Environment") still leads that portfolio's part of the plan, so only a role
with no portfolio is set aside.
"""

from __future__ import annotations

import re

#: "in consultation with", "in discussion with", "after consulting", then up to a few words
#: ("the Leader and") before the role.
_CONSULTED = re.compile(r"(?i)\b(?:in\s+(?:consultation|discussion|liaison)\s+with|after\s+consult(?:ation\s+with|ing))"
                        r"\s+(?:(?:the|and|[A-Z][\w-]*)\s+){0,4}$")


def only_consulted(text: str, offset: int, portfolio: str | None) -> bool:
    """Whether the lead named at ``offset`` of ``text`` with no ``portfolio`` is named only as
    whom an officer consults on a delegated task."""
    return not portfolio and bool(_CONSULTED.search(text[:offset]))
