"""The delivery-plan loader: themes, summary priorities, activity tables, measures, leads.

The shape (Leicester's City Mayor's Delivery Plan 2013-14, and any council's plan laid out the
same way): ``#`` headings for themes, each with a "Summary of priorities" list (the theme's
declared outcomes), "Council activity" tab tables whose HTML cells hold an objective, one
``<li>`` per action, the deadlines in the same order and the strategies relied on, and a
"Performance measures and targets" table; a mayoral team section names the cabinet leads.

How the parts become the graph:

- Theme: each theme heading (see ``layout``); sub-headings inside a theme
  ("### Children and young people", "## Social care and homelessness") are parts of it.
- Outcome level ``theme``: each summary item (nested items SUPPORT their parent item).
- Outcome level ``objective``: each activity row's bold title, its text kept as
  ``description``; a row with an empty objective cell at the top of a table continues the
  objective the page break split (its actions support that objective).
- Action -SUPPORTS-> its row's objective, with the aligned deadline (``rows``).
- Objective -REFERENCES-> each strategy or partnership in the row's last cell; Action,
  objective, summary item and theme -REFERENCES-> names found in their own text; partners an
  action names ("through the Health and Wellbeing Board") are -INVOLVES-> instead.
- Action -DEPENDS_ON-> Theme for "(see p. 37: Getting about in Leicester)" with ``evidence``
  (one link per referring action: its theme depends on the target theme).
- Measure per measures-table row (``measures``); CabinetLead per team entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.model import RelType, normalise_name
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.common.layout import is_row, split_cells
from stratgraph.loaders.common.plan_info import find_organisation, find_period
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.shapes.delivery_plan.cells import HtmlCell, parse_html_cell, tidy
from stratgraph.loaders.shapes.delivery_plan.layout import (
    DeliveryPlanOutline,
    SummaryItem,
    ThemeSection,
    is_activity_header,
    is_measure_header,
    read_layout,
    section_kind,
)
from stratgraph.loaders.shapes.delivery_plan.measures import read_measure_rows
from stratgraph.loaders.shapes.delivery_plan.names import (
    KnownNames,
    NamedEntity,
    classify,
    cut_names,
    find_names,
    split_parsed_references,
)
from stratgraph.loaders.shapes.delivery_plan.rows import (
    ActivityRow,
    PlannedAction,
    read_activity_row,
)

from stratgraph.errors import LoaderError

KIND = "delivery plan"


class DeliveryPlanLoader:
    """Reads the delivery-plan shape: themes with summary priorities and activity tables."""

    name = "delivery-plan"
    description = ("Delivery plan: themes with 'Summary of priorities', 'Council activity' "
                   "tables (objective, actions, by when, strategies), measures and leads")

    def recognise(self, doc: SourceDocument) -> float:
        """Score the text's tell-tale parts: the activity table header counts most."""
        score = 0.0
        activity_headers = measure_headers = summaries = activities = list_cells = 0
        for line in doc.lines:
            # Only table rows (tabs) and headings (#) score; prose lines are skipped unsplit.
            if is_row(line):
                cells = split_cells(line)
                if len(cells) >= 3 and is_activity_header(cells):
                    activity_headers += 1
                elif is_measure_header(cells):
                    measure_headers += 1
                elif len(cells) >= 3 and "<li" in line:
                    list_cells += 1
            if line.startswith("#"):
                kind = section_kind(line.lstrip("#").strip())
                summaries += kind == "summary"
                activities += kind == "activity"
        if activity_headers:
            score += 0.5 if activity_headers >= 2 else 0.35
        if list_cells >= 3:
            score += 0.15
        if summaries:
            score += 0.15 if summaries >= 2 else 0.1
        if activities:
            score += 0.1
        if measure_headers:
            score += 0.1
        return min(score, 1.0)

    def extract(self, doc: SourceDocument) -> Extraction:
        """Read the plan into themes, outcomes, actions, measures, strategies and leads."""
        tidy.cache_clear()  # one plan's strings at a time
        layout = read_layout(doc.lines)
        if not layout.themes:
            raise LoaderError("no delivery-plan themes found (no heading with a 'Summary of "
                              "priorities' or 'Council activity' section under it, and none "
                              "the introduction lists)", file=doc.name)
        reader = _Reader(doc, self.name, layout)
        reader.read()
        return Extraction(doc.name, self.name, reader.b.plan_id, reader.b.graph,
                          tuple(reader.warnings))


@dataclass(eq=False)
class _Reader:
    doc: SourceDocument
    loader: str
    layout: DeliveryPlanOutline
    b: DocumentGraphBuilder = field(init=False)
    warnings: list[str] = field(default_factory=list)
    known: dict[str, NamedEntity] = field(default_factory=dict)
    theme_ids: dict[str, str] = field(default_factory=dict)
    # Caches for the two passes over the reference cells and the many texts searched for
    # known names: each cell parsed once, the names sorted only when they change.
    _reference_cells: dict[str, HtmlCell] = field(default_factory=dict)
    _cut_names: tuple[int, list[str]] | None = None
    _known_names: KnownNames | None = None

    def __post_init__(self) -> None:
        self.b = DocumentGraphBuilder(self.doc.name)

    # -- the whole document ------------------------------------------------------------

    def read(self) -> None:
        self._plan()
        for lead in self.layout.leads:
            if lead.name.strip():
                self.b.lead(lead.name, lead.line, role=lead.role,
                            portfolio=lead.portfolio)
        rows = {t.heading.line: [read_activity_row(r) for r in t.activity_rows]
                for t in self.layout.themes}
        self._collect_names(rows)
        for theme in self.layout.themes:
            self.theme_ids[normalise_name(theme.heading.text)] = self.b.theme(
                theme.heading.text, theme.heading.line)
        for theme in self.layout.themes:
            self._theme(theme, rows[theme.heading.line])

    def _plan(self) -> None:
        front = "\n".join(text for _, text in self.layout.front_matter)
        title = self.layout.title
        organisation = _first_organisation(
            [text for _, text in self.layout.front_matter]) or _first_organisation(
            self.doc.lines)
        start, end = find_period(front)
        if start is None:
            start, end = find_period(self.doc.text)
        self.b.plan(title.text if title else self.doc.name, title.line if title else 1,
                    organisation=organisation, start_year=start, end_year=end, kind=KIND,
                    loader=self.loader)

    def _collect_names(self, rows: dict[int, list[ActivityRow]]) -> None:
        """Names the document writes cleanly anywhere, so run-on cells and prose can be
        matched against them."""
        texts = [text for _, text in self.layout.front_matter]
        for theme in self.layout.themes:
            texts.extend(text for _, text in theme.prose)
            texts.extend(_summary_texts(theme.summary))
            for row in rows[theme.heading.line]:
                texts.extend(filter(None, (row.objective, row.description, row.lead_in)))
                texts.extend(a.name for a in row.actions)
        for text in texts:
            for entity in find_names(text):
                self.known.setdefault(entity.name, entity)
        for theme in self.layout.themes:
            for row in rows[theme.heading.line]:
                for name in self._references(row.references):
                    self.known.setdefault(name, classify(name))
        self._known_names = KnownNames(self.known)

    # -- one theme ---------------------------------------------------------------------

    def _theme(self, theme: ThemeSection, rows: list[ActivityRow]) -> None:
        theme_id = self.theme_ids[normalise_name(theme.heading.text)]
        for line, text in theme.prose:
            self._mentions(theme_id, text, line)
        for item in theme.summary:
            self._summary_item(theme_id, item, None)
        objective: str | None = None
        for row, raw in zip(rows, theme.activity_rows):
            if row.warning:
                self.warnings.append(f"{self.doc.name}: {row.warning}")
            if row.objective and row.objective.strip():
                objective = self.b.outcome(row.objective, row.line, theme=theme_id,
                                           level="objective", description=row.description)
                self._mentions(objective, " ".join(filter(None, (row.objective,
                                                                  row.description))), row.line)
            elif not raw.first_in_table:
                objective = None  # a row with no objective mid-table supports nothing stated
            # else: the first row of a table continues the objective a page break split.
            if row.lead_in and objective:
                self._mentions(objective, row.lead_in, row.line)
            # The row's documents are what its objective relies on; a row with no objective
            # at all leaves them to the theme.
            holder = objective or theme_id
            for name in self._references(row.references):
                target = self._entity(self.known.get(name) or classify(name), row.line)
                self.b.link(RelType.REFERENCES, holder, target, row.line)
            for action in row.actions:
                self._action(theme_id, objective, action, row.line)
        for record in read_measure_rows(theme.measure_rows):
            if not record.name.strip():
                continue
            self.b.measure(record.name, record.line, theme=theme_id, target=record.target,
                           baseline=record.baseline, indicator_code=record.indicator_code,
                           group=record.group, section=record.section)

    def _summary_item(self, theme_id: str, item: SummaryItem, parent: str | None) -> None:
        name = item.text.rstrip(".").strip()
        if not name:
            return
        outcome = self.b.outcome(name, item.line, theme=theme_id, level="theme")
        if parent:
            self.b.link(RelType.SUPPORTS, outcome, parent, item.line)
        self._mentions(outcome, item.text, item.line)
        for child in item.children:
            self._summary_item(theme_id, child, outcome)

    def _action(self, theme_id: str, objective: str | None, action: PlannedAction,
                line: int) -> None:
        target_theme = self._theme_named(action.see_target) if action.see_target else None
        name = action.name if target_theme else (action.text or action.name)
        if not name.strip():
            return
        action_id = self.b.action(name, line, theme=theme_id, deadline=action.deadline,
                                  group=action.group, context=action.context)
        if objective:
            self.b.link(RelType.SUPPORTS, action_id, objective, line)
        if target_theme and target_theme != theme_id:
            # From the action, not its theme: two rows of one theme referring to the same
            # theme (214 and 217 of the 2013-14 plan) are two references, not one.
            self.b.link(RelType.DEPENDS_ON, action_id, target_theme, line,
                        evidence=action.see_also)
        for entity in self._names_in(name):
            target = self._entity(entity, line)
            rel = RelType.INVOLVES if entity.is_partnership else RelType.REFERENCES
            self.b.link(rel, action_id, target, line)

    # -- names -------------------------------------------------------------------------

    def _mentions(self, holder: str, text: str, line: int) -> None:
        for entity in self._names_in(text):
            self.b.link(RelType.REFERENCES, holder, self._entity(entity, line), line)

    def _names_in(self, text: str) -> list[NamedEntity]:
        assert self._known_names is not None, "names are collected before they are looked up"
        return self._known_names.find(text)

    def _references(self, raw: str) -> list[str]:
        """The names in a row's references cell, cut at the names known so far."""
        cell = self._reference_cells.get(raw)
        if cell is None:
            cell = self._reference_cells[raw] = parse_html_cell(raw)
        return split_parsed_references(raw, cell, self._names_to_cut_at)

    def _names_to_cut_at(self) -> list[str]:
        # Names are only ever added (setdefault), so their count says whether to sort again.
        if self._cut_names is None or self._cut_names[0] != len(self.known):
            self._cut_names = (len(self.known), cut_names(self.known))
        return self._cut_names[1]

    def _entity(self, entity: NamedEntity, line: int) -> str:
        if entity.is_partnership:
            return self.b.partnership(entity.name, line)
        return self.b.strategy(entity.name, line, kind=entity.kind)

    def _theme_named(self, text: str) -> str | None:
        key = normalise_name(text)
        if key in self.theme_ids:
            return self.theme_ids[key]
        # "see Getting about" or a page-numbered variant: a theme whose name it starts.
        matches = [tid for name, tid in self.theme_ids.items()
                   if name.startswith(key) or key.startswith(name)]
        return matches[0] if len(matches) == 1 else None


def _first_organisation(lines: list[str]) -> str | None:
    # Line by line and only short lines: the shared organisation pattern backtracks
    # quadratically on a long run of capitalised words.
    for line in lines:
        if len(line) <= 500 and (found := find_organisation(line)):
            return found
    return None


def _summary_texts(items: tuple[SummaryItem, ...]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(item.text)
        out.extend(_summary_texts(item.children))
    return out


