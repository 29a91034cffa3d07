"""Tables whose rows were flattened into lines of text: their header lines (a matrix, a coded
outcomes table, a key results table), a row's code and target, and the rows under a
run-together outcome/measure header."""

from __future__ import annotations

import re

from stratgraph.loaders.general.cues import NUMBERED_OUTCOME
from stratgraph.loaders.general.wording import OUTCOME_MEASURE_HEADER
from stratgraph.loaders.read.model import Block, BlockKind


#: "Well-being Objectives Prosperity Resilience Healthier ...": a matrix's header row run
#: into one line, outcomes in its first column and the goals they serve across the top.
MATRIX_HEADER = re.compile(
    r"^(?:(?:our|the|council|corporate|strategic|key)\s+)?(?:well-?being\s+objectives|(?:strategic\s+)?priorities"
    r"|outcomes|objectives|aims|goals|ambitions)\s+(?P<rest>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of|&))+)$",
    re.IGNORECASE)


def _rows_under_outcome_measure_header(blocks: list[Block]) -> set[int]:
    """The lines of the labelled outcome rows ("Objective 2: To ensure fair treatment ...
    Percentage of residents ...") right under a run-together outcome/measure header."""
    lines: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.PARAGRAPH or not OUTCOME_MEASURE_HEADER.match(block.text.strip()):
            continue
        for row in blocks[i + 1:]:
            if row.kind is not BlockKind.PARAGRAPH or not NUMBERED_OUTCOME.match(row.text.strip()):
                break
            lines.add(row.line)
    return lines


#: "REF: OUR OUTCOMES AND WHAT COUNCIL WILL DO WHAT THE BENEFITS WILL BE CC1 WE FEEL SAFE ...":
#: a coded outcomes table's header (its first row may run on after it).
_CODED_HEADER = re.compile(
    r"^(?:REF|Ref|REFERENCE|Reference|CODE|Code)\s*:?\s+(?=.*\b(?:OUTCOMES?|Outcomes?)\b)[A-Za-z][A-Za-z\s,&'’/-]*?"
    r"\b(?:BENEFITS|[Bb]enefits|IMPACTS?|[Ii]mpacts?|RESULTS|[Rr]esults|MEASURES|[Mm]easures)(?:\s+(?:WILL\s+BE|will\s+be|ARE|are))?"
    r"(?:\s+(?P<first>[A-Z]{1,4}\d{1,2}\s+[A-Z][A-Z\s,'’&-]+))?$")

#: "CC2 WE HAVE A SENSE OF BELONGING WITHIN THE COMMUNITY": a coded outcome, in capitals.
_CODED_OUTCOME = re.compile(r"^(?P<code>[A-Z]{1,4}\d{1,2})\s+(?P<name>[A-Z][A-Z\s,'’&-]{8,})$")

#: "CC1.1 Actively promote safety ...": a coded action under it.
_CODED_ACTION = re.compile(r"^(?P<code>[A-Z]{1,4}\d{1,2}\.\d{1,2})\s+(?P<rest>[A-Z].+)$")

#: "Result Metric for measurement Reference": the header of a key results table, flattened.
_RESULT_METRIC_HEADER = re.compile(
    r"(?i)^(?=\S+\s+\S+\s+\S)(?:(?:ref(?:erence)?|code)\s+)?(?:results?|outcomes?|goals?|objectives?)\s+"
    r"(?:metrics?|measures?|indicators?)(?:\s+(?:for|of)\s+(?:measurement|success|progress))?(?:\s+(?:ref(?:erence)?|code))?$")

#: "... considered disadvantaged KR111": a row's code at its end.
_ROW_CODE_END = re.compile(r"\s+([A-Z]{1,4}\s?\d{1,4}[a-z]?|\d{1,2}(?:\.\d{1,2}){1,3})$")

#: "... in this measure: Target: >75% community satisfaction score.": a target stated as a label.
_TARGET_LABEL = re.compile(r"(?i)\btarget\s*:\s*(?P<target>[<>≥≤]?\s*[£]?\d[^.(;]{0,80}?)\s*(?:[.(;]|$)")


def _flat_kind(header: str) -> str:
    return ("measure" if re.search(r"(?i)\b(?:indicators?|kpis?|metrics?|(?<!success\s)measures?)\b", header)
            else "action")
