"""The priority-tables loader: a strategic plan of sections, each closed by a PRIORITY /
PLANS-ACTIONS / MEASUREMENT-TARGETS table (Leicestershire County Council's 2014-18 shape).

What it reads, as a planner would:

- the numbered italic list of strategic imperatives: the plan's ``strategic`` Outcomes;
- every section heading: a Theme (front matter such as the Leader's Introduction is not);
- each table row: its PRIORITY cell an Outcome (level ``priority``) of the section the table
  closes; each sentence of its PLANS/ACTIONS cell an Action that SUPPORTS it; each sentence of
  its MEASUREMENT/TARGETS cell a Measure it is MEASURED_BY (footnotes kept as ``note``);
- strategies and partnerships named in a row or a section's prose, REFERENCED by the action,
  priority or theme naming them;
- "see ... section" cross-references: Theme DEPENDS_ON Theme;
- the paragraph after the imperatives saying which sections cover which imperatives:
  Theme SUPPORTS strategic Outcome, and each PRIORITY of those sections (of the sections under
  a chapter heading without a table) SUPPORTS it too (``inferred``, rule
  ``section-coverage``), so the sections' actions and measures reach it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from stratgraph.graph.model import Label, Method, RelType
from stratgraph.loaders.base import DocumentReader, Extraction
from stratgraph.loaders.common.dates import by_date
from stratgraph.loaders.common.layout import is_row
from stratgraph.loaders.common.plan_info import find_organisation, find_period
from stratgraph.loaders.common.sentences import sentence_break
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.shapes.priority_tables.cells import Item, Part, split_items, tidy
from stratgraph.loaders.shapes.priority_tables.entities import (
    Mention,
    find_acronym_mentions,
    find_acronyms,
    find_mentions,
)
from stratgraph.loaders.shapes.priority_tables.layout import (
    NumberedList,
    PriorityTablesOutline,
    Row,
    Table,
    is_table_header,
    read_layout,
)
from stratgraph.loaders.shapes.priority_tables.refs import (
    Section,
    imperatives_named,
    may_refer_to_section,
    section_refs,
)

_SENTENCE = sentence_break("A-Z(‘'\"“")
# "Reduce ... by March 2015", "by 2017": the date an action is due, as written.
_DEADLINE = by_date()
_LIST_END = re.compile(r"(?:;\s*and|;|\.|,)\s*$")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


class PriorityTablesLoader:
    """Reads a strategic plan whose sections end in PRIORITY / PLANS / MEASUREMENT tables."""

    name = "priority-tables"
    description = (
        "Strategic plan in sections, each with a PRIORITY / PLANS-ACTIONS / "
        "MEASUREMENT-TARGETS table (e.g. Leicestershire 2014-18)"
    )

    def recognise(self, doc: SourceDocument) -> float:
        """Sure when the text holds several PRIORITY / ACTIONS / MEASUREMENT headers."""
        headers = sum(1 for line in doc.lines if is_row(line) and is_table_header(line))
        if headers == 0:
            return 0.0
        score = 0.6 if headers == 1 else 0.8 if headers < 4 else 0.9
        if any(len(lst.items) >= 3 for lst in read_layout(doc.lines).lists):
            score += 0.05
        return min(score, 0.95)

    def extract(self, doc: SourceDocument) -> Extraction:
        """Read ``doc`` into themes, outcomes, actions, measures, strategies and partnerships."""
        return _Reader(doc, self.name).read()


class _Reader(DocumentReader):
    """One document's reading: the builder plus what later steps need to look up."""

    def __init__(self, doc: SourceDocument, loader: str) -> None:
        super().__init__(doc, loader)
        self.layout: PriorityTablesOutline = read_layout(doc.lines)
        self.acronyms = find_acronyms(doc.text)
        self.theme_at: list[tuple[int, str | None]] = []
        self.sections: list[Section] = []
        self.imperatives: dict[int, str] = {}
        self.imperative_names: dict[int, str] = {}
        self.priorities: dict[str, list[str]] = {}  # theme -> its PRIORITY outcomes, in order

    def read(self) -> Extraction:
        self._plan()
        self._themes()
        self._imperatives()
        for table in self.layout.tables:
            self._table(table)
        self._prose()
        return self.extraction()

    # -- plan, themes, imperatives ------------------------------------------------------

    def _plan(self) -> None:
        block = [p for p in self.layout.title_block if tidy(p.text)]
        block_text = "\n".join(p.text for p in block)
        start, end = find_period(block_text)
        if start is None:
            start, end = find_period(self.doc.text)
        # The title page's line with the period names the plan ("Strategic Plan 2014-18").
        titled = next((p for p in block if find_period(p.text)[0] is not None), None)
        title_part = titled or (block[0] if block else Part(1, self.doc.name))
        self.b.plan(
            tidy(title_part.text) or self.doc.name,
            title_part.line,
            organisation=find_organisation(block_text) or find_organisation(self.doc.text),
            start_year=start,
            end_year=end,
            kind="strategic plan",
            loader=self.loader,
        )

    def _themes(self) -> None:
        for order, heading in enumerate(self.layout.headings):
            theme = None if heading.front_matter else self.b.theme(heading.name, heading.line)
            self.theme_at.append((heading.line, theme))
            if theme:
                self.sections.append(Section(heading.name, theme, order))
        for run_in in self.layout.run_ins:
            theme = self.theme_of(run_in.line)
            if theme:
                self.sections.append(Section(run_in.name, theme, len(self.sections), True))

    def theme_of(self, line: int) -> str | None:
        """The theme whose section holds ``line`` (None before the first, or in front matter)."""
        # theme_at is in line order, as the headings were read.
        index = bisect_right(self.theme_at, line, key=lambda start_theme: start_theme[0])
        return self.theme_at[index - 1][1] if index else None

    def _imperatives(self) -> None:
        lists = [lst for lst in self.layout.lists if len(lst.items) >= 3]
        if not lists:
            return
        chosen = next((lst for lst in lists if _names_imperatives(lst)), lists[0])
        for number, part in chosen.items:
            name = _LIST_END.sub("", tidy(part.text)).strip()
            if not name:
                continue
            outcome = self.b.outcome(name, part.line, level="strategic", number=number)
            self.imperatives[number] = outcome
            self.imperative_names[number] = name

    # -- tables ---------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        theme = self.theme_of(table.line)
        for row in table.rows:
            self._row(row, theme, table.header_markers)

    def _row(self, row: Row, theme: str | None, header_markers: Sequence[str]) -> None:
        priority_text = row.text(0)
        priority_name = tidy(priority_text)
        priority = None
        if priority_name:
            priority = self.b.outcome(priority_name, row.line, theme=theme, level="priority")
            self._references(priority, priority_text, row.line)
            if theme:
                self.priorities.setdefault(theme, []).append(priority)
        for item in split_items(row.cells[1]):
            deadline = _DEADLINE.search(item.name)
            action = self.b.action(
                item.name, item.line, theme=theme, deadline=deadline.group(1) if deadline else None
            )
            if priority:
                self.b.link(RelType.SUPPORTS, action, priority, item.line)
            self._references(action, item.name, item.line)
            self._depends(theme, item.name, item.line)
        for item in split_items(row.cells[2]):
            measure = self.b.measure(
                item.name, item.line, theme=theme, note=self._note(item, header_markers)
            )
            if priority:
                self.b.link(RelType.MEASURED_BY, priority, measure, item.line)
                self._references(priority, item.name, item.line)
        if priority is None:
            self.warnings.append(f"{self.doc.name}:{row.line}: table row without a PRIORITY")

    def _note(self, item: Item, header_markers: Sequence[str]) -> str | None:
        notes = [
            self.layout.footnotes[m].text
            for m in (*header_markers, *item.markers)
            if m in self.layout.footnotes
        ]
        return " ".join(dict.fromkeys(notes)) or None

    # -- prose --------------------------------------------------------------------------

    def _prose(self) -> None:
        coverage_line = self._coverage_line()
        for part in self.layout.prose:
            theme = self.theme_of(part.line)
            # Names in the foreword are the plan's own references.
            self._references(theme or self.b.plan_id, part.text, part.line)
            if part.line == coverage_line:
                self._coverage(part, theme)
            elif theme and may_refer_to_section(part.text):
                # Only then can a sentence of it name another section: skip the splitting.
                for sentence in _sentences(part.text):
                    self._depends(theme, sentence, part.line)

    def _coverage_line(self) -> int | None:
        """The paragraph right after the imperatives list: it says which sections cover them."""
        if not self.imperatives:
            return None
        last = max(self.imperatives.values(), key=lambda n: self.b.graph.nodes[n].provenance.line)
        after = self.b.graph.nodes[last].provenance.line
        return next((p.line for p in self.layout.prose if p.line > after), None)

    def _coverage(self, part: Part, theme: str | None) -> None:
        covered: list[tuple[str, list[int], str]] = []
        for sentence in _sentences(part.text):
            numbers = imperatives_named(sentence, self.imperative_names)
            if not numbers:
                continue
            targets: list[str] = []
            for ref in section_refs(sentence, self.sections):
                if ref.this_section and theme:
                    targets.append(theme)
                targets.extend(ref.themes)
            for target in dict.fromkeys(targets):
                covered.append((target, numbers, sentence.strip()))
                for number in numbers:
                    self.b.link(RelType.SUPPORTS, target, self.imperatives[number], part.line,
                                evidence=sentence.strip())
        # A section covers an imperative through its priorities: without these links no
        # action or measure would reach the plan's top outcomes.
        targets = {target for target, _, _ in covered}
        for target, numbers, sentence in covered:
            for priority in self._delivered_by(target, targets):
                for number in numbers:
                    self.b.link(RelType.SUPPORTS, priority, self.imperatives[number], part.line,
                                method=Method.INFERRED, confidence=1.0,
                                rule="section-coverage", evidence=sentence)

    def _delivered_by(self, section: str, covered: set[str]) -> list[str]:
        """The priorities of a section named as covering an imperative: its own; for a chapter
        heading with no table of its own ("the economic section"), those of the sections after
        it, up to the next section the paragraph names."""
        own = self.priorities.get(section)
        if own:
            return list(dict.fromkeys(own))
        order = list(dict.fromkeys(t for _, t in self.theme_at if t))
        found: list[str] = []
        for later in order[order.index(section) + 1:]:
            if later in covered:
                break
            found.extend(self.priorities.get(later, ()))
        return list(dict.fromkeys(found))

    def _depends(self, theme: str | None, sentence: str, line: int) -> None:
        if not theme:
            return
        for ref in section_refs(sentence, self.sections):
            for target in ref.themes:
                if target != theme:
                    self.b.link(RelType.DEPENDS_ON, theme, target, line, evidence=ref.text)

    # -- strategies and partnerships ----------------------------------------------------

    def _references(self, source: str, text: str, line: int) -> None:
        mentions: list[Mention] = find_mentions(text) + find_acronym_mentions(text, self.acronyms)
        if not mentions:
            return  # most texts name nothing
        # One reference per name and text, however often the text repeats it.
        unique = {(m.name, m.label): m for m in reversed(mentions)}
        for mention in sorted(unique.values(), key=lambda m: m.start):
            if mention.label is Label.PARTNERSHIP:
                node = self.b.partnership(mention.name, line)
            else:
                node = self.b.strategy(mention.name, line, kind=mention.kind or "document")
            self.b.link(RelType.REFERENCES, source, node, line)


def _names_imperatives(lst: NumberedList) -> bool:
    lead = (lst.lead_in.text if lst.lead_in else "").lower()
    return "imperative" in lead or "strategic" in lead or "outcome" in lead
