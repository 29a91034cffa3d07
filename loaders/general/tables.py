"""Action and KPI tables: which column is which, by the words planners put in headers.

A delivery table (Ref | Activity | Timescale | Lead officer | Lead cabinet member) and a KPI
table (Ref | Indicator | Good is | Baseline | Target) differ only in their headers. Each header
cell is given a role; a table with an action column is an action table, one with an indicator
column (or a target beside a name) a measure table, one with only an outcome column a list of
outcomes. A table whose header has no role a planner would read is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Column(str, Enum):
    """What one column of a plan table holds."""

    REF = "ref"
    ACTION = "action"
    OUTCOME = "outcome"
    MEASURE = "measure"
    DEADLINE = "deadline"
    OWNER = "owner"
    CABINET = "cabinet"
    PARTNER = "partner"
    STATUS = "status"
    TARGET = "target"
    BASELINE = "baseline"
    DIRECTION = "direction"
    SUCCESS = "success"
    STRATEGY = "strategy"
    OTHER = "other"


# Order matters: the first pattern a header matches gives its role.
_ROLES: tuple[tuple[Column, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        (Column.REF, r"^(?:ref(?:erence)?\.?|no\.?|number|#|id|code|item\s+no\.?|(?:kpi|pi|indicator|measure)\s+(?:ref(?:erence)?|code|no\.?|id))$"),
        # Before the dates: "Year to date" and "Outturn 2023/24" are results, "Start date" no deadline.
        (Column.BASELINE, r"\b(?:year\s+to\s+date|ytd|outturns?|latest(?:\s+(?:data|figure|result|position|value))?)\b"),
        (Column.OTHER, r"^(?:start(?:\s+date)?|date\s+started|frequency|reporting\s+frequency)$"),
        (Column.CABINET, r"\b(?:cabinet\s+(?:member|lead|portfolio)|portfolio(?:\s+holder)?|lead\s+member|executive\s+member|lead\s+councillor)\b"),
        (Column.DEADLINE, r"\b(?:by\s+when|timescales?|time\s*frames?|deadlines?|target\s+dates?|due(?:\s+date)?|completion(?:\s+date)?|when|dates?|delivery\s+date|milestone\s+date|quarter|year|timing|end\s+date)\b"),
        (Column.SUCCESS, r"\b(?:measures?\s+of\s+success|success\s+(?:measures?|criteria|looks\s+like)|how\s+will\s+we\s+know|evidence\s+of\s+success|outputs?)\b"),
        (Column.OWNER, r"\b(?:lead(?:\s+(?:officer|directorate|service|team|organisation|agency|department|partner|body|responsibility))?|responsib(?:le|ility)(?:\s+\w+)?|accountab(?:le|ility)|led\s+by|owners?|who|officer|directorate|service\s+area"
                       # "Project Executive", "Project Sponsor", "Programme Manager": the person
                       # a project answers to, named before the word "project" could make it one.
                       r"|(?:(?:project|programme|senior|responsible)\s+)?(?:executive|sponsor|manager))\b"),
        (Column.PARTNER, r"\b(?:partners?|partnerships?|key\s+partners|working\s+with|supported\s+by)\b"),
        (Column.MEASURE, r"\b(?:indicators?|kpis?|measures?|measurements?|metrics?|performance\s+(?:measures?|indicators?)|pis?)\b"),
        (Column.STATUS, r"\b(?:status|b?rag|progress|rating|achieved|complete[d]?|update|trend)\b"),
        (Column.DIRECTION, r"\b(?:good(?:\s+performance)?\s+is|polarity|direction(?:\s+of\s+travel)?|better\s+is|aim)\b"),
        (Column.BASELINE, r"\b(?:baseline|current(?:\s+(?:position|performance|value))?|actual|previous|last\s+year|starting\s+point|20\d\d\s*/\s*\d\d\s+actual)\b"),
        (Column.TARGET, r"\b(?:targets?|ambition|goal|aspiration|expected\s+level)\b"),
        (Column.ACTION, r"\b(?:actions?|activit(?:y|ies)|deliverables?|commitments?|projects?|milestones?|tasks?|what(?:\s+we\s+will\s+do)?|key\s+(?:projects|activities|actions)|initiatives?|interventions?|programmes?\s+of\s+work|how(?:\s+it\s+will\s+be\s+done)?|items?|work\s*streams?|steps)\b"),
        (Column.OUTCOME, r"\b(?:outcomes?|objectives?|priorit(?:y|ies)|aims?|ambitions?|goals?|themes?|missions?)\b"),
        (Column.STRATEGY, r"\b(?:strateg(?:y|ies)|relevant\s+documents|policy|policies|plans?)\b"),
    )
)


@dataclass(frozen=True, slots=True)
class TableShape:
    """A table's column roles and what its rows are."""

    roles: tuple[Column, ...]
    kind: str  # "action", "measure", "outcome" or "" (not a plan table)

    def first(self, role: Column) -> int | None:
        """The first column with ``role``."""
        return next((i for i, r in enumerate(self.roles) if r is role), None)

    def all(self, role: Column) -> list[int]:
        """Every column with ``role``."""
        return [i for i, r in enumerate(self.roles) if r is role]


def column_role(header: str) -> Column:
    """The role of one header cell."""
    text = " ".join(header.replace("**", "").split())
    if not text or len(text) > 60:
        return Column.OTHER
    for role, pattern in _ROLES:
        if pattern.search(text):
            return role
    return Column.OTHER


#: A column saying how an indicator is reported ("Reporting approach", "Frequency", "Data source").
_HOW_REPORTED = re.compile(r"(?i)\b(?:reporting|reported|frequency|data\s+source|source\s+of\s+data|collection)\b")


def table_shape(header: tuple[str, ...]) -> TableShape:
    """Column roles and kind from a header row."""
    roles = tuple(column_role(h) for h in header)
    kind = ""
    known = [r for r in roles if r is not Column.OTHER]
    if Column.ACTION in roles and (len(known) >= 2 or len(roles) == 1):
        kind = "action"
    elif Column.MEASURE in roles and len(known) >= 2:
        kind = "measure"
    elif roles[:1] == (Column.MEASURE,) and any(_HOW_REPORTED.search(h) for h in header[1:]):
        # "Performance Measure | Reporting Approach | ...": how often or where from each
        # indicator is reported is a column of a measures table only.
        kind = "measure"
    elif Column.TARGET in roles and (Column.REF in roles or Column.BASELINE in roles or Column.OTHER in roles):
        kind = "measure"
    elif Column.OUTCOME in roles and (Column.DEADLINE in roles or Column.OWNER in roles):
        # "Objective | Lead | By when": the objective column holds actions to be done.
        kind = "action"
        roles = tuple(Column.ACTION if r is Column.OUTCOME else r for r in roles)
    elif Column.OUTCOME in roles and len(known) >= 2:
        kind = "outcome"
    return TableShape(roles, kind)
