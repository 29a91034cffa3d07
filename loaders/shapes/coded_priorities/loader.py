"""The coded-priorities loader: strategic aims over tables of coded priorities.

The shape of Leicester's 2003 interim corporate plan. Each strategic aim becomes a Theme with
its one-line statement as the theme's declared Outcome (level ``theme``). Each coded priority
(D.1, CSY.1, SC1) is an Outcome (level ``priority``, ``code`` kept) that SUPPORTS its aim's
statement. "How we will achieve it" sentences are Actions supporting their priority;
"Headline Milestones and Targets" are Measures of it, with baseline and interim values and
indicator codes. "Supported by" items are other themes' work this theme relies on: a
DEPENDS_ON edge to the theme the item names or most resembles. Strategies and partnerships
named in a row are REFERENCES from the action or priority naming them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.model import RelType
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.common.dates import A_YEAR, YEAR
from stratgraph.loaders.common.layout import is_row
from stratgraph.loaders.common.names import clean_name
from stratgraph.loaders.common.plan_info import PlanInfo, find_organisation, find_period
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.shapes.coded_priorities.cells import (
    align,
    read_actions,
    read_milestones,
    read_support,
    split_support,
    split_values,
    tidy,
    unit,
)
from stratgraph.loaders.shapes.coded_priorities.layout import (
    CODE,
    CodedPrioritiesOutline,
    PriorityRow,
    is_header,
    read_layout,
)
from stratgraph.loaders.shapes.coded_priorities.names import ThemeMatcher, find_entities
from stratgraph.loaders.shapes.coded_priorities.spans import joined_text

# A line of its own. Searched in "\n" + text: a leading "\n" rather than "^" lets the regex
# engine jump from line break to line break instead of trying every character.
_AIMS = re.compile(r"\n\s*(?:our\s+)?(?:strategic|corporate)\s+aims\s*$", re.I | re.M)
_TITLE = re.compile(r"\b(?:Plan|Strategy)\b")
_UNTIL = re.compile(
    rf"priorities[^.\n]*?\b(?:until|to)\s+(?:[A-Z][a-z]+\s+)?({YEAR})\b", re.I
)
_NEXT_YEARS = re.compile(
    rf"\bnext\s+(\d|two|three|four|five)\s+years\s+(?:until|to)\s+({YEAR})\b", re.I
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
_DIGIT = re.compile(r"\d")
_TARGET_VALUE = re.compile(r"\d|XX")  # a number, or a number still to be set ("XX%")


def normalise_code(raw: str) -> str:
    """A priority code in one spelling: "SC1" -> "SC.1", "Cl. 2" -> "CI.2".

    A lower-case "l" in a code is a misread capital "I" (codes are capitals).
    """
    match = CODE.match(raw.strip())
    if not match:
        return raw.strip()
    return f"{match.group(1).replace('l', 'I').upper()}.{int(match.group(2))}"


def read_plan_info(doc: SourceDocument) -> PlanInfo:
    """Title, organisation and period of the plan.

    The period is the priorities' horizon ("our key priorities until March 2006", "the next 3
    years until 2006": 2003 to 2006), not the aims' longer one, because the priorities,
    actions and targets are what the plan commits to.
    """
    head = [(i, line) for i, line in enumerate(doc.lines[:40], 1) if line.strip()]
    # The first short line naming a plan; a saved-file path ("D:\\...\\Plan.doc") is not one.
    title_line, title = next(((i, line) for i, line in head
                              if _TITLE.search(line) and len(line) < 100 and "\\" not in line),
                             head[0] if head else (1, doc.name))
    text = doc.text
    start = end = None
    until = _UNTIL.search(text)
    if until:
        end = int(until.group(1))
    years = _NEXT_YEARS.search(text)
    if years:
        count = years.group(1)
        end = end or int(years.group(2))
        start = int(years.group(2)) - (int(count) if count.isdigit() else _NUMBERS[count.lower()])
    if start is None and end is not None:
        first = A_YEAR.search("\n".join(line for _, line in head[:10]))
        start = int(first.group(1)) if first else None
    if end is None:
        start, end = find_period(text[:5000])
    return PlanInfo(clean_name(title) or doc.name, title_line, find_organisation(text[:5000]),
                    start, end)


class CodedPrioritiesLoader:
    """Reads plans of strategic aims with coded priority tables."""

    name = "coded-priorities"
    description = ("strategic aims with coded priority tables (D.1, CSY.1 ...): actions, "
                   "milestones with baselines, \"Supported by\" links between aims")

    def recognise(self, doc: SourceDocument) -> float:
        """Coded rows in tab tables, a priorities/targets header, aims and "Supported by"."""
        coded = headers = 0
        for line in doc.lines:
            if not is_row(line):
                continue  # both coded rows and headers are tab tables
            if line.count("\t") >= 3 and CODE.match(line.split("\t", 1)[0].strip()):
                coded += 1
            elif not headers and is_header(line):  # one header is all the score asks
                headers += 1
        score = 0.45 * min(coded / 6, 1.0)
        score += 0.3 if headers else 0.0
        score += 0.1 if "Supported by" in doc.text else 0.0
        score += 0.15 if _AIMS.search("\n" + doc.text) else 0.0
        return round(min(score, 1.0), 3)

    def extract(self, doc: SourceDocument) -> Extraction:
        """Aims, priorities, actions, measures, strategies and cross-aim dependencies."""
        b = DocumentGraphBuilder(doc.name)
        info = read_plan_info(doc)
        b.plan(info.title, info.line, organisation=info.organisation,
               start_year=info.start_year, end_year=info.end_year, kind="corporate plan",
               loader=self.name)
        layout = read_layout(doc.lines)
        reader = _Reader(b, layout)
        reader.read()
        return Extraction(doc.name, self.name, b.plan_id, b.graph,
                          tuple(layout.warnings) + tuple(reader.warnings))


class _Support(NamedTuple):
    aim: int
    text: str
    line: int
    code: str | None


class _Reader:
    """Turns a layout into graph records with one builder."""

    def __init__(self, b: DocumentGraphBuilder, layout: CodedPrioritiesOutline) -> None:
        self.b = b
        self.layout = layout
        self.warnings: list[str] = []
        self.themes: list[str] = []
        self.statements: list[str | None] = []
        self.descriptions: dict[int, list[str]] = defaultdict(list)
        self.support: list[_Support] = []

    def read(self) -> None:
        for aim in self.layout.aims:
            theme = self.b.theme(aim.name, aim.line)
            self.themes.append(theme)
            self.descriptions[len(self.themes) - 1] += [aim.name] * 3 + [aim.statement]
            statement = tidy(aim.statement)
            self.statements.append(
                self.b.outcome(statement, aim.statement_line, theme=theme, level="theme")
                if statement else None)
        for row in self.layout.rows:
            self._row(row)
        self._dependencies()

    def _references(self, start: str, text: str, line: int) -> None:
        for entity in find_entities(text):
            if entity.label == "partnership":
                end = self.b.partnership(entity.name, line)
            else:
                end = self.b.strategy(entity.name, line, kind=entity.kind)
            self.b.link(RelType.REFERENCES, start, end, line)

    def _row(self, row: PriorityRow) -> None:
        theme = self.themes[row.aim]
        code = row.code and normalise_code(row.code)  # once for the row's actions and items
        name_text = tidy(joined_text(row.fragments("name")))
        priority = None
        if name_text:
            priority = self.b.outcome(name_text, row.line, theme=theme, level="priority",
                                      code=code or None, code_as_written=row.code)
            statement = self.statements[row.aim]
            if statement:
                self.b.link(RelType.SUPPORTS, priority, statement, row.line)
            self._references(priority, name_text, row.line)
            self.descriptions[row.aim].append(name_text)
        # What the row says citizens gain describes the theme too (for "Supported by" items).
        self.descriptions[row.aim].append(joined_text(row.fragments("benefits")))
        _, own, support = split_support(row.fragments("actions"))
        for action in read_actions(own):
            node = self.b.action(action.name, action.line, theme=theme, deadline=action.deadline,
                                 details=action.details, priority_code=code)
            if priority:
                self.b.link(RelType.SUPPORTS, node, priority, action.line)
            else:
                self.warnings.append(f"line {action.line}: action under no priority")
            self._references(node, f"{action.name} {action.details or ''}", action.line)
            self.descriptions[row.aim].append(action.name)
        for item in read_support(support):
            self.support.append(_Support(row.aim, tidy(item.text), item.line, code))
        self._measures(row, theme, priority)

    def _measures(self, row: PriorityRow, theme: str, priority: str | None) -> None:
        milestones = read_milestones(row.fragments("targets"))
        names = [m.name for m in milestones]
        baselines = align(split_values(joined_text(row.fragments("baseline"))), names)
        units = [unit(b) if b and _DIGIT.search(b) else unit(n)
                 for b, n in zip(baselines, names, strict=True)]
        interims = align(split_values(joined_text(row.fragments("interim"))), names, units)
        for milestone, baseline, interim in zip(milestones, baselines, interims, strict=True):
            target = milestone.name if _TARGET_VALUE.search(milestone.name) else None
            node = self.b.measure(milestone.name, milestone.line, theme=theme, target=target,
                                  baseline=baseline, indicator_code=milestone.indicator_code,
                                  interim=interim, details=milestone.details)
            if priority:
                self.b.link(RelType.MEASURED_BY, priority, node, milestone.line)
            # A strategy named in a milestone is the priority's reference (the theme's when
            # the row has no priority): measures do not reference.
            self._references(priority or theme, f"{milestone.name} {milestone.details or ''}",
                             milestone.line)

    def _dependencies(self) -> None:
        if not self.support:
            return  # nothing to match: the matcher's term counts would go unused
        matcher = ThemeMatcher({str(k): v for k, v in self.descriptions.items()},
                               {str(k): a.name for k, a in enumerate(self.layout.aims)})
        pairs: dict[tuple[int, int], list[_Support]] = defaultdict(list)
        for item in self.support:
            best = matcher.best(item.text, exclude=str(item.aim))
            if best is None:
                self.warnings.append(
                    f"line {item.line}: 'Supported by' item {item.text!r} resembles no theme")
                continue
            pairs[(item.aim, int(best))].append(item)
        for (dependent, other), items in pairs.items():
            self.b.link(RelType.DEPENDS_ON, self.themes[dependent], self.themes[other],
                        items[0].line, evidence="; ".join(i.text for i in items),
                        evidence_items=[i.text for i in items],
                        priority_codes=sorted({i.code for i in items if i.code}))


__all__ = ["CodedPrioritiesLoader", "normalise_code", "read_plan_info"]
