"""An indicator's label and code before its name: "Indicator 6.1: Numbers of primary fires ..."."""

from __future__ import annotations

import re

#: "Indicator 6.1: ...", "KPI 3 - ...", "PI 12: ...", "Measure 2a: ...": the label a framework
#: numbers its indicators by, then the indicator's name.
_INDICATOR_LABEL = re.compile(
    r"(?i)^(?P<code>(?:performance\s+)?(?:indicator|kpi|pi|measure)\s+[A-Z]{0,3}\d{1,3}(?:\.\d{1,3})*[a-z]?)"
    r"\s*[:.\-–—)]\s+(?=\S)")


def indicator_label(text: str) -> tuple[str | None, str]:
    """(the label's code, the name after it); (None, ``text``) when it has no such label."""
    m = _INDICATOR_LABEL.match(text.strip())
    return (m.group("code"), text.strip()[m.end():]) if m else (None, text)
