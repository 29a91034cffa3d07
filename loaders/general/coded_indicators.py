"""Indicators a text names beside their codes: "PI03 (fire fatalities)", "number of affordable
homes (NI 155)".

Minutes and reports name a performance indicator by its code and put its name in brackets, or
name it and put the code in brackets; either way the pair says the words are an indicator's
name, whatever the sentence around them says ("No changes were proposed to the performance
indicators related to PI03 (fire fatalities)"). The codes are those of national and local
indicator sets (PI, NI, BV/BVPI, KPI, LPI, LI), a prefix then a number.
"""

from __future__ import annotations

import re

_CODE = r"(?:PI|NI|BV|BVPI|KPI|LPI|CPI|LI)\s?\d{1,3}[a-z]?"

#: "PI03 (fire fatalities)": the code, then the name in brackets.
_CODE_THEN_NAME = re.compile(rf"\b{_CODE}\s*\((?P<name>[A-Za-z][^()]{{3,160}}?)\)")

#: "number of affordable homes (NI 155)": the name, back to the clause's start, then the code.
_NAME_THEN_CODE = re.compile(rf"(?:^|[–—:;,(]\s*|\s-\s)(?P<name>[A-Za-z][^–—:;,()]{{3,160}}?)\s*\({_CODE}\)")

#: A bracket holding a reference, not a name: "(see Appendix 2)", "(2019/20)".
_NOT_A_NAME = re.compile(r"(?i)^(?:see|ref|appendix|page|para|\d)")


def coded_indicators(text: str) -> list[str]:
    """The names of the indicators ``text`` names beside their codes, in order."""
    names: list[str] = []
    for pattern in (_CODE_THEN_NAME, _NAME_THEN_CODE):
        for m in pattern.finditer(text):
            name = m.group("name").strip()
            if 1 <= len(name.split()) <= 20 and not _NOT_A_NAME.match(name) and name not in names:
                names.append(name)
    return names
