"""A line about a report's indicators as a set, not an indicator itself.

An indicator's name says what is counted or rated ("Percentage of household waste recycled",
"Congestion metrics", "Measures covering pupils missing education"). A line whose only words,
beside the word a report calls its indicators by (indicator, KPI, PI, measure, metric), are a
report's and a meeting's own (draft, key, performance, latest, receive and note, resolved, a
year, a number, name, definition, ID) names the set, a column or the report instead: an agenda
item's title ("42 Draft Key Performance Indicators - 2020/21"), a resolution noting them
("RESOLVED – that the draft Key Performance Indicators (KPIs) 2020/21 and the observations of
the Committee be noted"), a table's header ("Measure ID"). A line carrying an indicator's code
("NI 191, NI 192, FW1 and GW1 – Waste Indicators") or starting with the counted thing
("Number of residents assisted in installing energy-saving measures") still names indicators.
"""

from __future__ import annotations

import re

from stratgraph.loaders.general.coded_indicators import code_dash_name, has_code
from stratgraph.loaders.general.indicator_lines import counted_start

#: The words a report calls its indicators by.
_SET_WORD = re.compile(r"(?i)\b(?:indicators?|kpis?|pis?|measures?|metrics?)\b")

#: A report's and a meeting's own words around its indicators: which set, what is done with it,
#: which column of it. None of them says what is counted.
_REPORT_WORDS = re.compile(
    r"(?i)\b(?:the|a|an|our|its|this|these|that|and|of|to|be|for|all|key|performance|corporate|council|council’s"
    r"|council's|strategic|local|national|service|draft|latest|new|proposed|revised|updated|agreed|final|current"
    r"|quarterly|annual|monthly|list|set|suite|receive|received|note|noted|agree|approve|approved|consider"
    r"|considered|review|reviewed|resolved|report|observations?|comments?|committee|name|names|link|definitions?"
    r"|id|ref|reference|code|description|item|appendix|table)\b")


def about_indicators(name: str) -> bool:
    """Whether ``name`` speaks of indicators (a set, a column, a report) rather than naming one."""
    text = name.strip()
    if not _SET_WORD.search(text) or counted_start(text) or has_code(text) or code_dash_name(text):
        return False
    rest = _REPORT_WORDS.sub(" ", _SET_WORD.sub(" ", text))
    # What is left once the set's and the report's words go: figures, years, punctuation.
    return not re.search(r"[A-Za-z]{2,}", rest)
