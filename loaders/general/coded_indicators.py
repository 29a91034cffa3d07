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


#: A council's own indicator code: "LI035a", "REG 3", "MI P&R 001", "KPI 10" (capitals and a
#: number, in up to four parts), or two joined by "and" ("REG 1 and REG 2").
_LOCAL_PART = r"(?:[A-Z]{1,5}\d{1,4}[a-z]?|[A-Z][A-Z&/]{0,5}|\d{1,4}[a-z]?)"
_LOCAL_CODE = rf"{_LOCAL_PART}(?:\s{_LOCAL_PART}){{0,3}}"
#: "LI035a – Number of Households in Temporary Accommodation", "KPI 10 – Movement in
#: investment income as a % of the Council’s budget": a code, a dash, the indicator's name.
_CODE_DASH_NAME = re.compile(
    rf"(?<![\w&/])(?!Q\d)(?=[A-Z&/\s]*\d)(?P<code>{_LOCAL_CODE}(?:\s+and\s+{_LOCAL_CODE})?)\s+[–—-]\s+"
    r"(?P<name>[A-Za-z%][^–—()]{3,160}?)\s*(?=\)|$)")


def has_code(text: str) -> bool:
    """Whether ``text`` holds a national or local indicator set's code ("NI 191", "PI03")."""
    return re.search(rf"\b{_CODE}\b", text) is not None


def code_dash_name(text: str) -> tuple[str, str] | None:
    """(code, name) when ``text`` is, whole, an indicator's code, a dash and its name ("REG 3 –
    Number of Environmental Health Inspections Completed"), else None."""
    m = _CODE_DASH_NAME.match(text.strip())
    return (m.group("code"), m.group("name").strip()) if m and m.end() == len(text.strip()) else None


def coded_indicators(text: str) -> list[str]:
    """The names of the indicators ``text`` names beside their codes, in order."""
    names: list[str] = []
    # "(KPI 10 – Movement in investment income as a % of the Council’s budget)": the code and
    # its name in brackets, in a sentence about anything.
    names += [m.group("name").strip() for m in _CODE_DASH_NAME.finditer(text)
              if m.start() and text[m.start() - 1] == "(" and text[m.end():m.end() + 1] == ")"]
    for pattern in (_CODE_THEN_NAME, _NAME_THEN_CODE):
        for m in pattern.finditer(text):
            name = m.group("name").strip()
            if 1 <= len(name.split()) <= 20 and not _NOT_A_NAME.match(name) and name not in names:
                names.append(name)
    return names
