"""A document that reports on a plan rather than being one, told by its title and cover:
the period it covers, its byline, and the plan it names."""

from __future__ import annotations

import re


#: A heading naming the period a performance report covers: "... Quarter 1 (Apr-Jun 2023)",
#: "Q2 2024/25 update", "Quarter 3 Performance Report".
REPORTING_PERIOD = re.compile(
    r"(?i)\b(?:quarter\s+[1-4]|Q[1-4])\b.*(?:\b20\d\d\b|\((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s*[-–]\s*\w+)"
    r"|\b20\d\d\s*/\s*\d\d\s+(?:quarter\s+[1-4]|Q[1-4])\b")

REPORT_BYLINE = re.compile(r"(?i)^(?:joint\s+)?report\s+(?:of|by|from)\s+(?:the\s+)?[\w\s,&'’-]{3,80}$")

#: What follows a plan's name in the title of a report on it ("... performance dashboard",
#: "... overview report", "... progress update"), in the title's normalised words.
REPORT_ON = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:performance|overview|progress|monitoring|annual|quarterly|mid\W?year|year\W?end)\W+"
    r"(?:\w+\W+){0,1}(?:report|dashboard|update|summary|scorecard|review)\b")

#: A title saying the document reports on a plan's delivery ("Housing Strategy Action Plan
#: Performance Update", "... scrutinise progress against the 2023-2028 Well-being Plan"): a plan
#: it names with its years is the plan reported on, a document of its own.
REPORTING_TITLE = re.compile(
    r"(?i)\b(?:progress\s+(?:against|on|report|update)|performance\s+(?:update|report)|scrutin\w*"
    r"|monitoring\s+report|update\s+on)\b")

#: "this Council Plan", "this Climate Emergency Strategy": the document pointing at itself by
#: a name in title case (a lower-case "this plan" names nothing).
THIS_NAMED = re.compile(r"\b[Tt]his\s+(?P<name>(?:[A-Z][\w'’&-]*\s+){0,5}(?:Plan|Strategy|Framework|Programme))\b")

#: "2025-30", "2025 - 2030", "2025/26" written right after a document's name.
_YEARS_WRITTEN = re.compile(r"\s*((?:19|20)\d\d)\s*[-–—/]\s*(?:19|20)?(\d\d)\b")
