"""The outcomes-framework loader: strategic outcomes, supporting outcomes, measures, partners.

The shape (Leicestershire County Council's Strategic Plan 2018-22 is the model): a handful of
strategic outcomes, each with a statement and bulleted supporting outcomes ("What success
looks like"); principles and cross-cutting approach priorities; a summary diagram with a
"Strategy (Partnership)" list grouped by outcome; measures tables, one per outcome plus a
corporate enablers table, a row per supporting outcome. How it becomes a graph:

- each strategic outcome is a Theme and an Outcome (level ``strategic``) of the same name,
  the Outcome PART_OF the Theme, both carrying the bold ``statement``;
- each supporting outcome is an Outcome (level ``supporting``) that SUPPORTS its strategic
  outcome; a measures table naming a theme that is no strategic outcome ("Corporate
  Enablers") becomes a Theme of its own whose rows are supporting outcomes supporting none;
- each measure is a Measure of the table's theme, MEASURED_BY from the row's outcome;
- principles and approach priorities are list properties of the Plan: they say how the
  council works, not results it wants;
- the partnership list gives Strategy and Partnership nodes, ``Partnership -OWNS-> Strategy``,
  ``Strategy -INVOLVES-> partner`` for "partnership between ..." lines, and REFERENCES from
  the strategic outcome whose group the line is in (from the Plan for a line under no group):
  the joint strategies listed under an outcome are how it is delivered, so they feed it;
- commitments ("will be developed", "will be made publicly available") are Actions that
  SUPPORT the strategic outcome whose section they sit in, and support nothing otherwise.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz, process
from stratgraph.graph.model import Label, RelType, normalise_name
from stratgraph.loaders.base import DocumentReader, Extraction
from stratgraph.loaders.common.layout import Layout, is_row
from stratgraph.loaders.common.plan_info import find_organisation, find_period
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.shapes.outcomes_framework.commitments import commitments
from stratgraph.loaders.shapes.outcomes_framework.measures import (
    MeasureTable,
    is_header_row,
    measure_tables,
)
from stratgraph.loaders.shapes.outcomes_framework.outline import (
    Item,
    StrategicOutcome,
    find_title,
    labelled_list,
    outcome_blocks,
)
from stratgraph.loaders.shapes.outcomes_framework.partners import (
    Body,
    PartnerList,
    partner_list,
)

#: A measures-table row spelt this much like a declared supporting outcome is that outcome
#: ("Diversity is celebrated in our communities" / "... in Leicestershire communities").
SAME_OUTCOME = 85


class _NamePattern:
    """A name to find as a whole word in texts: ``\\b`` around it (``bounds`` None) or no
    ``bounds`` character on either side; compiled once, tried only where it can match."""

    def __init__(self, name: str, *, ignore_case: bool = False, bounds: str | None = None):
        self._bounds = bounds
        self._pattern: re.Pattern[str] | None = None  # compiled when first needed: most never are
        self._name = name
        self._ignore_case = ignore_case
        self._lower = name.lower() if name.isascii() else None

    def found_in(self, text: str) -> bool:
        """Whether the name occurs in ``text`` as the pattern requires."""
        if not self._ignore_case:
            if self._name not in text:
                return False
        elif self._lower is not None and text.isascii() and self._lower not in text.lower():
            # Between ASCII texts, IGNORECASE matching is exactly lower-case equality.
            return False
        if self._pattern is None:
            escaped = re.escape(self._name)
            bounds = self._bounds
            self._pattern = re.compile(
                rf"\b{escaped}\b" if bounds is None else rf"(?<!{bounds}){escaped}(?!{bounds})",
                re.IGNORECASE if self._ignore_case else 0)
        return self._pattern.search(text) is not None


class OutcomesFrameworkLoader:
    """Reads a strategic plan built as an outcomes framework (strategic and supporting
    outcomes, principles, a strategy (partnership) list, measures per supporting outcome)."""

    name = "outcomes-framework"
    description = (
        "strategic plan as an outcomes framework: strategic and supporting outcomes, "
        "principles, strategy (partnership) list, measures per supporting outcome"
    )

    def recognise(self, doc: SourceDocument) -> float:
        """Score the shape's marks: "Supporting Outcome" tables, outcome blocks, the vocabulary."""
        layout = Layout(doc.lines)
        text = doc.text.casefold()
        score = 0.0
        if any(is_header_row(line) for line in doc.lines if is_row(line)):
            score += 0.35
        # Outcome blocks, the partnership list and the principles all sit under markdown
        # headings: a text without a "#" has none, and is not read three times to find that out.
        headed = "#" in doc.text
        blocks = outcome_blocks(layout) if headed else []
        if len(blocks) >= 3:
            score += 0.25
        elif blocks:
            score += 0.1
        if "strategic outcome" in text:
            score += 0.1
        if "supporting outcome" in text:
            score += 0.1
        owned = sum(1 for e in partner_list(layout).entries if e.owners) if headed else 0
        if owned >= 3:
            score += 0.1
        if headed and len(labelled_list(layout, "principles", exclude="approach")) >= 3:
            score += 0.1
        return round(min(score, 1.0), 2)

    def extract(self, doc: SourceDocument) -> Extraction:
        """Read the plan into themes, outcomes, measures, strategies, partnerships, actions."""
        return _Reader(doc, self.name).read()


class _Reader(DocumentReader):
    """One document's extraction: the builder and what has been made so far."""

    def __init__(self, doc: SourceDocument, loader: str) -> None:
        super().__init__(doc, loader)
        #: normalised theme name -> (theme id, strategic outcome id or None)
        self.themes: dict[str, tuple[str, str | None]] = {}
        #: theme id -> [(supporting outcome name, id)]
        self.supporting: dict[str, list[tuple[str, str]]] = {}
        self.strategic: list[StrategicOutcome] = []

    def read(self) -> Extraction:
        layout = Layout(self.doc.lines)
        self._plan(layout)
        self.strategic = outcome_blocks(layout)
        if not self.strategic:
            self.warnings.append("no strategic outcome blocks (heading, bold statement, bullets)")
        for outcome in self.strategic:
            self._strategic_outcome(outcome)
        for table in measure_tables(layout.lines):
            self._measures(table)
        self._cross_references()
        known = self._partners(partner_list(layout))
        self._actions(layout, known)
        return self.extraction()

    # -- plan ---------------------------------------------------------------------------

    def _plan(self, layout: Layout) -> None:
        title = find_title(layout)
        head = "\n".join(layout.lines[:60])
        start, end = find_period(title.title or "")
        if start is None:
            start, end = find_period(head)
        self.b.plan(title.title or self.doc.name, title.line,
                    organisation=find_organisation(head), start_year=start, end_year=end,
                    kind="strategic plan", loader=self.loader)
        self._set(self.b.plan_id,
                  vision=title.vision,
                  principles=[i.text for i in labelled_list(layout, "principles",
                                                            exclude="approach")],
                  approach=[i.text for i in labelled_list(layout, "approach",
                                                          exclude="principles")])

    def _set(self, node_id: str, **props: object) -> None:
        # The builder's plan() takes a fixed set of properties; further ones are merged in.
        node = self.b.graph.nodes[node_id]
        extra = {k: v for k, v in props.items() if v not in (None, "", [])}
        if extra:
            self.b.graph.add_node(replace(node, properties={**node.properties, **extra}))

    # -- outcomes and measures ----------------------------------------------------------

    def _strategic_outcome(self, outcome: StrategicOutcome) -> None:
        theme = self.b.theme(outcome.name, outcome.line, statement=outcome.statement)
        strategic = self.b.outcome(outcome.name, outcome.line, theme=theme, level="strategic",
                                   statement=outcome.statement)
        self.themes[normalise_name(outcome.name)] = (theme, strategic)
        self.supporting[theme] = []
        for item in outcome.supporting:
            self._supporting(item, theme, strategic)

    def _supporting(self, item: Item, theme: str, strategic: str | None) -> str:
        id_ = self.b.outcome(item.text, item.line, theme=theme, level="supporting")
        if strategic and strategic != id_:
            self.b.link(RelType.SUPPORTS, id_, strategic, item.line)
        self.supporting.setdefault(theme, []).append((item.text, id_))
        return id_

    def _measures(self, table: MeasureTable) -> None:
        key = normalise_name(table.theme)
        if key not in self.themes:
            theme = self.b.theme(table.theme, table.line, statement=table.statement)
            self.themes[key] = (theme, None)
        theme, strategic = self.themes[key]
        for row in table.rows:
            outcome = self._match_supporting(theme, row.outcome)
            if outcome is None:
                if strategic:
                    self.warnings.append(f"line {row.line}: measures row {row.outcome!r} is "
                                         f"not a supporting outcome listed under {table.theme}")
                outcome = self._supporting(Item(row.outcome, row.line), theme, strategic)
            for measure in row.measures:
                id_ = self.b.measure(measure, row.line, theme=theme)
                self.b.link(RelType.MEASURED_BY, outcome, id_, row.line)

    def _match_supporting(self, theme: str, spelt: str) -> str | None:
        declared = self.supporting.get(theme, [])
        for name, id_ in declared:
            if normalise_name(name) == normalise_name(spelt):
                return id_
        best = process.extractOne(spelt, [n for n, _ in declared], scorer=fuzz.WRatio,
                                  processor=normalise_name, score_cutoff=SAME_OUTCOME)
        if best is None:
            return None
        id_ = declared[best[2]][1]
        node = self.b.graph.nodes[id_]
        aliases = sorted({*node.properties.get("aliases", ()), spelt})
        self._set(id_, aliases=aliases)
        return id_

    def _cross_references(self) -> None:
        """A supporting outcome or measure naming another strategic outcome: DEPENDS_ON."""
        targets = [(_NamePattern(o.name, ignore_case=True),
                    self.themes[normalise_name(o.name)][0]) for o in self.strategic
                   if len(o.name.split()) >= 2]
        for node in list(self.b.graph.nodes.values()):
            if node.label not in (Label.OUTCOME, Label.MEASURE):
                continue
            if node.properties.get("level") == "strategic":
                continue
            own = node.properties.get("theme_id")
            if not own:
                continue
            for name, theme in targets:
                if theme != own and name.found_in(node.name):
                    self.b.link(RelType.DEPENDS_ON, own, theme, node.provenance.line,
                                evidence=node.name)

    # -- partnership list ---------------------------------------------------------------

    def _body(self, body: Body, line: int, acronyms: dict[str, str]) -> str:
        acronym = next((a for a, full in acronyms.items() if full == body.name), None)
        if body.is_organisation:
            return self.b.shared(Label.ORGANISATION, body.name, line)
        return self.b.partnership(body.name, line, acronym=acronym)

    def _partners(self, plist: PartnerList) -> dict[str, str]:
        """Build the list's nodes and links; returns the names (and acronyms) mentioned -> id."""
        acronyms = dict(plist.acronyms)
        known: dict[str, str] = {}
        groups = {e.group for e in plist.entries if e.group is not None}
        if len(groups) > len(self.strategic):
            self.warnings.append(f"the partnership list has {len(groups)} groups for "
                                 f"{len(self.strategic)} strategic outcomes; the extra groups "
                                 "sit under no theme")
        for entry in plist.entries:
            ids = []
            for strategy in entry.strategies:
                ids.append(self.b.strategy(strategy.name, entry.line, kind=strategy.kind))
                known[strategy.name] = ids[-1]
            for body in entry.bodies:
                ids.append(self._body(body, entry.line, acronyms))
                known[body.name] = ids[-1]
                if entry.description:
                    self._set(ids[-1], description=entry.description)
            for owner in entry.owners:
                owner_id = self._body(owner, entry.owner_line, acronyms)
                known[owner.name] = owner_id
                for id_ in ids:
                    self.b.link(RelType.OWNS, owner_id, id_, entry.owner_line)
            for partner in entry.partners:
                partner_id = self._body(partner, entry.line, acronyms)
                known[partner.name] = partner_id
                for id_ in ids:
                    self.b.link(RelType.INVOLVES, id_, partner_id, entry.line)
            source = self._group_outcome(entry.group)
            for id_ in ids:
                self.b.link(RelType.REFERENCES, source, id_, entry.line)
        for acronym, full in acronyms.items():
            if full in known:
                known[acronym] = known[full]
        return known

    def _group_outcome(self, group: int | None) -> str:
        # The diagram's groups stand under the strategic outcomes in their declared order. The
        # outcome (not its theme of the same name) references the group's strategies, so
        # strategy-feeds finds what they feed; the outcome is PART_OF the theme, so the theme
        # still counts them for cross-theme dependencies.
        if group is None or not 0 <= group < len(self.strategic):
            return self.b.plan_id
        theme, strategic = self.themes[normalise_name(self.strategic[group].name)]
        return strategic or theme

    # -- actions ------------------------------------------------------------------------

    def _actions(self, layout: Layout, known: dict[str, str]) -> None:
        names = [(_NamePattern(name, bounds=r"[\w-]"), target) for name, target in known.items()]
        for commitment in commitments(layout):
            theme, strategic = self.themes.get(normalise_name(commitment.heading or ""),
                                               (None, None))
            id_ = self.b.action(commitment.text, commitment.line, theme=theme,
                                deadline=commitment.deadline)
            if strategic:
                self.b.link(RelType.SUPPORTS, id_, strategic, commitment.line)
            for name, target in names:
                if name.found_in(commitment.text):
                    self.b.link(RelType.REFERENCES, id_, target, commitment.line)
