"""The general reader: a plan in no known shape, read from its blocks as a planner reads it.

One pass over the document's blocks keeps a stack of sections (headings, and title-like lines
in plain text). What a block becomes depends on the cue above it:

============================  ==================================================  =============================
block                         becomes                                             rule
============================  ==================================================  =============================
"Priority 2: Homes" heading   Theme and its Outcome                               numbered-outcome-heading
heading under "Our aims"      Theme and its Outcome                               heading-under-outcomes-cue
heading naming a declared     Theme of that Outcome                               section-of-declared-outcome
outcome
list after "Our priorities    Outcome (nested items SUPPORT their parent)         list-after-outcomes-cue
are:" or under its heading
list after "We will:" or      Action, SUPPORTS the section's outcome              list-after-action-cue
under "What we will do"
list under "How we will       Measure, MEASURED_BY the section's outcome          list-after-measure-cue
measure success"
"we will ..." sentence        Action                                              we-will-sentence
"reduce X to 30% by 2026"     Measure                                             target-sentence
action-table row              Action with deadline, owner, status                 action-table-row
KPI-table row                 Measure with target, baseline, direction            measure-table-row
"Cllr X, Cabinet Member for"  CabinetLead (OWNS the theme its portfolio names)    named-lead / role-lead
table lead column             CabinetLead, Partnership or Owner -OWNS-> Action    action-table-owner
============================  ==================================================  =============================

Website chrome and links ("Download the plan (PDF)") are skipped; a heading is never an
action; a job title or a statistic is never an outcome, action or measure.

This module holds the walk itself (sections, cues, records); each kind of block it meets is
read by a mixin of its own: paragraphs (:mod:`.paragraphs`), list items (:mod:`.list_items`),
tables (:mod:`.table_rows`) and tables flattened into lines (:mod:`.flat_reading`), with the
passes that mark blocks before the walk (:mod:`.block_marks`) and the names and leads a line
gives (:mod:`.name_links`). The patterns they match live by what they recognise
(:mod:`.lead_ins`, :mod:`.item_wording`, :mod:`.flat_tables`, :mod:`.meeting_lines`,
:mod:`.report_cover`); the walk's records in :mod:`.walk_records`.
"""

from __future__ import annotations

import re

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.model import Label, RelType, normalise_name
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.common.plan_info import place_of
from stratgraph.loaders.general.action_areas import action_area_items
from stratgraph.loaders.general.block_marks import BlockMarks
from stratgraph.loaders.general.cues import (
    NUMBERED_OUTCOME,
    Mode,
    heading_mode,
    is_boilerplate,
    is_link_line,
)
from stratgraph.loaders.general.deadlines import deadline_in, read_deadline
from stratgraph.loaders.general.flat_reading import FlatReading
from stratgraph.loaders.general.flat_tables import _rows_under_outcome_measure_header
from stratgraph.loaders.general.item_wording import _lost_bullet
from stratgraph.loaders.general.coded_indicators import code_dash_name, coded_indicators
from stratgraph.loaders.general.indicator_sets import about_indicators
from stratgraph.loaders.general.indicator_lines import NEAR, comment_on_performance, indicator_name, performance_near
from stratgraph.loaders.general.lead_ins import _GENERIC_HEADINGS, INDICATORS_LISTED
from stratgraph.loaders.general.linked_codes import LINKED_TO, without_codes
from stratgraph.loaders.general.list_items import ListItems
from stratgraph.loaders.general.name_links import NameLinking
from stratgraph.loaders.general.paragraphs import ParagraphReading
from stratgraph.loaders.general.page_top import top_line_outcome
from stratgraph.loaders.general.passing_indicators import clause_results, counted_phrases
from stratgraph.loaders.general.state_statements import page_top_state
from stratgraph.loaders.general.theme_outcomes import themes_as_outcomes
from stratgraph.loaders.general.pipe_cells import pipe_cell_table
from stratgraph.loaders.general.sentence_aims import sentence_aims
from stratgraph.loaders.general.sole_lists import sole_lists
from stratgraph.loaders.general.statements import sentences, target
from stratgraph.loaders.general.standing_role import STANDING_ROLE_HEADING
from stratgraph.loaders.general.plan_info import plan_info
from stratgraph.loaders.general.report_cover import REPORT_BYLINE, REPORTING_PERIOD
from stratgraph.loaders.general.table_rows import TableRows
from stratgraph.loaders.general.tables import Column
from stratgraph.loaders.general.walk_records import _ListRun, _Section
from stratgraph.loaders.general.wording import (
    META_LABEL,
    META_LINE,
    column_names_only,
    IMAGE_FILE,
    IMAGE_LINK,
    DATE_STAMP,
    RUN_TOGETHER_HEADER,
    HEADING_NUMBER,
    IMPLICIT_LEVEL,
    LABEL_ONLY,
    REF,
    bad_name,
    clean,
    title_like,
)
from stratgraph.loaders.read.furniture import is_page_number, is_site_chrome
from stratgraph.loaders.read.model import Block, BlockKind, Document
from stratgraph.loaders.shapes.narrative.entities import Vocabulary


#: A heading naming a report the plan publishes ("Annual monitoring statement", "Progress reports").
_REPORT_HEADING = re.compile(r"(?i)\b(?:monitoring|progress|annual|performance)\s+(?:statements?|reports?|reviews?)$")


class GeneralReader(FlatReading, BlockMarks, ParagraphReading, ListItems, NameLinking, TableRows):
    """One pass over one document's blocks (tables: :class:`TableRows`)."""

    def __init__(self, doc: Document, loader: str) -> None:
        self.doc = doc
        self.loader = loader
        self.b = DocumentGraphBuilder(doc.name)
        #: Lines of outcome rows whose measure cell a copy ran into the same line (under an
        #: "Objective Measuring success" header).
        self.two_cell_rows = _rows_under_outcome_measure_header(doc.blocks)
        self.blocks = [_lost_bullet(b) for b in doc.blocks if not self._is_chrome(b)]
        #: Lines of the page chrome left out ("Last updated: 05/07/2022"): a list after one is
        #: another list, not the one before it going on.
        kept = {b.line for b in self.blocks}
        self.chrome_lines = sorted(b.line for b in doc.blocks if b.line and b.line not in kept)
        self.vocab = Vocabulary(doc.text)
        self.title_line = 0  # set by read(): the line of the plan's title
        self.stack: list[_Section] = []
        self.run: _ListRun | None = None
        self.declared: dict[str, str] = {}
        self.leads: dict[str, tuple[str, str | None]] = {}
        self.theme_names: dict[str, str] = {}
        self.place: str | None = None
        self.pending_label: _Section | None = None
        self.pending_ref: str | None = None
        self.last_row_action: str | None = None
        self.card = False
        #: Inside a table a web copy flattened: "measure" or "action" (see _flat_header).
        self.flat: str | None = None
        self.flat_action: str | None = None
        self.flat_after = 0
        self.flat_measure: str | None = None
        self.flat_category: str | None = None
        #: A flattened table whose first column groups its rows ("Priority Measures ..."), and
        #: the group being read.
        self.flat_grouped = False
        self.flat_target_from_end: int | None = None
        #: The roles of a one-line action header's columns after the action (see flat_rows).
        self.flat_columns: tuple[Column, ...] = ()
        #: The field whose value the next paragraph is, after its label (see _field).
        self.field: str | None = None
        self.field_measure: str | None = None
        #: The measure a list item under a measures cue just made: a paragraph under it may say
        #: its target ("For Council to be successful in this measure: Target: >95% ...").
        self.list_measure: str | None = None
        #: A paragraph under a measure item named the item's parts ("covers four key areas:").
        self.parts_of_item = False
        self.flat_outcome: str | None = None
        self.flat_header_end = 0
        self.matrix_end = 0
        #: The index of the last block of a pipe-celled table read whole (see pipe_cells).
        self.pipe_end = -1
        #: Lines read for indicators named in passing once the whole document is read: (block, its
        #: index, the sections it sat in).
        self.in_passing: list[tuple[Block, int, list[_Section]]] = []
        self.lines = doc.text.splitlines()
        self.paragraph_outcome: str | None = None
        #: The action of an "Action - ..." line, whose labelled cells may follow it.
        self.labelled_action: str | None = None
        self.warnings: list[str] = []
        #: Under a "Linked to Outcome" column header: each indicator's line ends in outcome numbers.
        self.linked_codes = False

    # -- the pass ---------------------------------------------------------------------

    def read(self) -> Extraction:
        info = plan_info(self.blocks, self.doc.name)
        stem = self.doc.name.rsplit(".", 1)[0].replace("-", " ").replace("_", " ").strip()
        self.own_title = normalise_name(info.title)
        self.title_text = info.title
        #: A page with no title of its own is titled by its file name, which says what whoever
        #: saved it called it: a bare kind of plan it holds ("Council Plan") is still the plan
        #: itself, but a longer name is not the document because the file name holds those
        #: words (a transport page saved as "...-local-transport-plan-2011-26-..." names its
        #: "Local Transport Plan 2011-2026").
        self.title_from_file = info.title == stem
        #: Names the text gives the document itself by pointing back ("Publication of this
        #: Council Plan ..."): later mentions of them are the plan too, not documents it names.
        self.own_names: set[str] = set()
        self.todo_lists = self._todo_lists()
        self.interventions = self._interventions()
        self.objective_statements = self._objective_statements()
        self.outcome_groups = self._outcome_groups()
        self.called_outcomes = self._called_outcomes()
        self.counted_outcomes = self._counted_priority_lists()
        self.tiered_outcomes = self._tiered_outcomes()
        self.action_areas = action_area_items(self.blocks)
        self.place = place_of(info.organisation)
        self.b.plan(info.title, info.line, organisation=info.organisation,
                    start_year=info.start_year, end_year=info.end_year, kind=info.kind,
                    loader=self.loader, rule="plan-title")
        title_line = self.title_line = info.line
        for self.index, block in enumerate(self.blocks):
            if self.labelled_action is not None and self._action_cell(block):
                continue
            self.labelled_action = None
            if block.line == title_line and block.kind is not BlockKind.TABLE:
                self._title_block(block)
                continue
            if block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and self.flat is None \
                    and self.index > self.pipe_end:
                self._coded_indicators(block)
                self.in_passing.append((block, self.index, list(self.stack)))
            if self.index in self.interventions:
                self._intervention(block)
            elif self.index - 1 in self.interventions:
                continue  # the intervention's description, read with it
            elif self._indicator_line(block):
                continue
            elif block.kind is BlockKind.HEADING:
                self.card = False
                self.flat = None
                self._heading(block.text, block.level, block.line)
            elif self.index <= self.pipe_end:
                continue  # a cell of a table read whole
            elif block.kind is BlockKind.PARAGRAPH and (piped := pipe_cell_table(self.blocks, self.index, self.lines)):
                table, self.pipe_end = piped
                self.run = None
                self._table(table)
            elif self.flat is not None and (block.kind is BlockKind.PARAGRAPH or (
                    self.flat == "measure" and block.kind is BlockKind.LIST_ITEM)):
                self._flat_row(block)
            elif block.kind is BlockKind.PARAGRAPH and (kind := self._flat_header()):
                self._open_flat(block, kind)
            elif block.line <= self.matrix_end:
                continue  # a row of an outcomes matrix, read with its header
            elif block.kind is BlockKind.PARAGRAPH and LINKED_TO.match(block.text.strip()):
                self.linked_codes = True  # "Linked to Outcome": a column of numbers, not a cue
            elif block.kind is BlockKind.PARAGRAPH and self._outcome_matrix(block):
                continue
            elif self._header_over_coded_rows(block):
                continue  # "Priority Explanation" over "LW1 Stop all forms of abuse ...": a header
            elif block.kind is BlockKind.PARAGRAPH and self._field(block):
                continue  # an objective's field: its label, or the value under one
            elif self.index in self.outcome_groups and (self._section_mode() is Mode.OUTCOME or (
                    self.run is not None and self.run.mode is Mode.OUTCOME and not self.run.by_level)):
                # A group of the outcomes listed under it, though the list before it is still open.
                if self._section_mode() is not Mode.OUTCOME:
                    # "The priorities in the Five Year Plan are:" then "Our Borough" over its
                    # priorities: the lead-in is the cue the groups are under.
                    self._open_cue(Mode.OUTCOME, self.blocks[self.index - 1])
                self._heading(block.text.strip("*"), self._implicit_level(block.text), block.line)
            elif block.kind is BlockKind.PARAGRAPH and column_names_only(block.text) \
                    and heading_mode(block.text.strip("* ")) is None:
                continue  # the rest of a table's header a copy put on a line of its own
            elif title_like(block) and not self.card and not (
                    REF.match(block.text) and self._section_list_mode() is Mode.OUTCOME) and not (
                    # an indicator's name on its own line under "... each performance indicator":
                    # a row of the list, not a heading (a label like "Priority Two" still is)
                    self._section_mode() is Mode.MEASURE and heading_mode(block.text.strip("* ")) is None
                    and not LABEL_ONLY.match(block.text.strip("* ")) and not is_boilerplate(block.text.strip("* "))
                    and not self._over_measure_items()) and (
                    not self._in_list_mode() or heading_mode(block.text.strip("* ")) is not None
                    or is_boilerplate(block.text.strip("* ")) or NUMBERED_OUTCOME.match(block.text.strip("* "))
                    # "Objective 2" after the measures listed under "Objective 1": the next group's label
                    or LABEL_ONLY.match(block.text.strip("* ")) or self._over_measure_items()):
                self._heading(block.text.strip("*"), self._implicit_level(block.text), block.line)
            elif block.kind is BlockKind.LIST_ITEM:
                if self.index and self._chrome_between(self.blocks[self.index - 1].line, block.line):
                    self.run = None  # "1. Introduction 2. Contact" under a date stamp: the page's links
                self._item(block)
            elif block.kind is BlockKind.TABLE:
                self.run = None
                self._table(block)
            else:
                self._paragraph(block)
        self._sole_lists()
        self._indicators_in_passing()
        self._page_top_outcome()
        self._page_top_state()
        self._page_top_theme()
        self._link_leads()
        return Extraction(self.doc.name, self.loader, self.b.plan_id, self.b.graph,
                          tuple(self.warnings))

    def _sole_lists(self) -> None:
        """The lists a page frames as its aims, when the walk read none of its lists
        (`sole_lists.sole_lists`): outcomes, or actions by their grammar; failing a list, the
        aims a sentence names, when the page stated no outcome (`sentence_aims.sentence_aims`)."""
        nodes = [n for n in self.b.graph.nodes.values() if n.label in (Label.OUTCOME, Label.ACTION, Label.MEASURE)]
        listed = {b.line for b in self.blocks if b.kind is BlockKind.LIST_ITEM}
        # A stray sentence read ("we will develop our vision ...") does not make a list read.
        if any(n.provenance.line in listed for n in nodes):
            return
        self.stack = self.stack[:1]
        items = sole_lists(self.blocks, self.title_text)
        for item in items:
            if item.action:
                self._action(item.name, item.line, "sole-list-item", item.name)
            else:
                self.b.outcome(item.name, item.line, level="priority", rule="sole-list-item")
        if items or any(n.label is Label.OUTCOME for n in nodes):
            return
        paragraphs = [b for b in self.blocks if b.kind is BlockKind.PARAGRAPH]
        for before, block in zip([None, *paragraphs], paragraphs):
            for sentence in sentences(block.text):
                for name in sentence_aims(sentence.text, f"{before.text if before else ''} {block.text}"):
                    self.b.outcome(name, block.line, level="priority", rule="aims-in-sentence")

    def _page_top_outcome(self) -> None:
        """The page's top line as the outcome of the actions that serve no outcome, when the page
        states none and the line is not the document's title (`page_top.top_line_outcome`)."""
        graph = self.b.graph
        if not self.blocks or not self.title_from_file or any(n.label is Label.OUTCOME for n in graph.nodes.values()):
            return
        top = self.blocks[0]
        if not (top.kind is BlockKind.HEADING or title_like(top)) or (name := top_line_outcome(top.text)) is None:
            return
        serving = {r.start for r in graph.relationships.values() if r.type is RelType.SUPPORTS}
        loose = [n.id for n in graph.nodes.values() if n.label is Label.ACTION and n.id not in serving]
        if len(loose) < 2:
            return  # one stray sentence is no chapter of commitments under its priority
        outcome = self.b.outcome(name, top.line, level="priority", rule="page-top-outcome")
        for action in loose:
            self.b.link(RelType.SUPPORTS, action, outcome, graph.nodes[action].provenance.line, rule="page-top-outcome")

    def _page_top_theme(self) -> None:
        """The theme a page opens on, among its first three lines and above its title if it has
        one, as the outcome its outcomes serve (`theme_outcomes.themes_as_outcomes`)."""
        if not self.blocks or not (self.title_from_file or self.title_line > self.blocks[0].line):
            return  # a page that opens on its own title is a whole plan, its themes groups of it
        top = self.blocks[min(2, len(self.blocks) - 1)].line
        themes_as_outcomes(self.b, top=top if self.title_from_file else min(top, self.title_line))

    def _page_top_state(self) -> None:
        """A page with no title of its own whose first lines state an outcome as a state
        (`state_statements.page_top_state`): the outcome the page is about."""
        if not self.title_from_file:
            return
        top = [b for b in self.blocks[:2] if b.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH)]
        found = page_top_state([b.text.replace("**", "") for b in top])
        if found is None or bad_name(name := clean(found[1])) or normalise_name(name) in self.declared:
            return
        self.declared[normalise_name(name)] = self.b.outcome(name, top[found[0]].line, level="priority",
                                                             rule="page-top-state")

    def _title_block(self, block: Block) -> None:
        """The plan's title line: the document's outermost section, and what its words say."""
        # The title opens the document's outermost section: never a theme, but its
        # words still say what its lists are ("Priorities of X Council 2017-2022").
        mode = heading_mode(block.text) or (Mode.MEASURE if INDICATORS_LISTED.search(block.text) else None)
        self.stack = [_Section(0, block.text, block.line, mode=mode, thematic=False)]
        named = NUMBERED_OUTCOME.match(block.text.replace("**", "").strip())
        if named and not bad_name(clean(named.group("name"))):
            # "Council Plan theme - Every child able to fulfil their potential": the
            # document is about one outcome, which everything in it serves.
            self.stack[0].outcome_id = self.b.outcome(
                clean(named.group("name")), block.line, level="priority", rule="title-names-outcome")
        if self._is_indicator_name(block):
            # "No. of genuinely affordable homes completed" over "Bigger values are best": the
            # page is one indicator's page, and its title names the indicator.
            self._measure(clean(block.text.strip("*# ")), block.line, "indicator-titled-page")
        # A paragraph taken as the title may still name other documents ("agreed as part
        # of our Health & Wellbeing Integrated Care Strategy"); its own name is skipped.
        self._names(block.text, block.line, self.b.plan_id)

    def _is_indicator_name(self, block: Block) -> bool:
        """Whether ``block`` is a line naming an indicator, in lines that report performance."""
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH) or not indicator_name(block.text):
            return False
        near = self.blocks[max(0, self.index - NEAR):self.index + NEAR + 1]
        return performance_near([b.text for b in near if b is not block])

    def _indicator_line(self, block: Block) -> bool:
        """A line that names an indicator whatever section it sits under: a cell of a table
        flattened one cell a line (though an earlier table's header took the lines for an action
        table's), a heading over the indicator's figures. Lists, sections and flattened tables
        a measures cue opened read their measures by that cue."""
        if self.flat not in (None, "action") or self.index <= self.pipe_end or self._section_mode() is Mode.MEASURE \
                or (self.run is not None and self.run.mode is Mode.MEASURE) or not self._is_indicator_name(block):
            return False
        # "82a" / "% of household waste recycled" / "11" / "18" under "Ref No", "Indicator",
        # "Status": the indicator's name, measuring the outcome of the section it is in.
        self._measure(clean(block.text.strip("*# ")), block.line, "indicator-named-line")
        return True

    def _coded_indicators(self, block: Block) -> None:
        """The indicators a line names beside their codes, whatever else the line is."""
        for name in coded_indicators(block.text.replace("**", "")):
            # "PI03 (fire fatalities)", "number of affordable homes (NI 155)": the code says the
            # words are an indicator's name, in a sentence about anything.
            if not bad_name(clean(name)):
                self._measure(clean(name), block.line, "coded-indicator")

    def _indicators_in_passing(self) -> None:
        """The indicators a report's sentences name in passing (`passing_indicators`), read once
        every line has been read: a line another rule read as a measure keeps that reading, and
        only a later clause's indicator with its result is added to it."""
        measured = {n.provenance.line for n in self.b.graph.nodes.values() if n.label is Label.MEASURE}
        stack = self.stack
        for block, index, self.stack in self.in_passing:
            text = block.text.replace("**", "")
            names = [name for name, _ in clause_results(text)]
            if block.line not in measured:
                names = counted_phrases(text) + names
            if not names:
                continue
            near = self.blocks[max(0, index - NEAR):index + NEAR + 1]
            if not performance_near([b.text for b in near]):
                continue  # a figure in a narrative is a statistic, not an indicator
            for name in names:
                if not bad_name(clean(name)):
                    self._measure(clean(name), block.line, "indicator-in-passing")
        self.stack = stack

    def _intervention(self, block: Block) -> None:
        self.run = None
        described = self.blocks[self.index + 1].text.strip()
        self._action(clean(block.text.strip("* ")), block.line, "intervention-heading", block.text,
                     description=described)
        self._names(described, self.blocks[self.index + 1].line, self.b.plan_id)

    def _open_cue(self, mode: Mode, block: Block, carries: bool = False) -> None:
        """A lead-in line's cue as a section of its own, so the headings after it sit under it."""
        while self.stack and self.stack[-1].level >= IMPLICIT_LEVEL:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        self.stack.append(_Section(IMPLICIT_LEVEL, block.text, block.line, mode=mode, thematic=False,
                                   parent=parent, carries=carries))

    def _is_chrome(self, block: Block) -> bool:
        if block.kind is BlockKind.TABLE:
            return False
        text = block.text.strip()
        if IMAGE_FILE.match(text) or IMAGE_LINK.match(text) or DATE_STAMP.match(text):
            return True
        if block.kind is BlockKind.PARAGRAPH and len(text) <= 120 and RUN_TOGETHER_HEADER.search(text):
            return True  # a header row of column names, not a theme or an item
        return is_site_chrome(text) or is_page_number(text) or (
            block.kind is not BlockKind.HEADING and is_link_line(text))

    def _next_continues_run(self) -> bool:
        """Whether the block after a description goes on with the list being read: a list
        item, or (in a run of outcomes written one per line) the next title-like line."""
        following = self.index + 1
        if following >= len(self.blocks):
            return False
        block = self.blocks[following]
        return block.kind is BlockKind.LIST_ITEM or (
            self.run is not None and self.run.mode is Mode.OUTCOME and self.paragraph_outcome is not None
            and title_like(block))

    def _implicit_level(self, text: str) -> int:
        """A title-like line of plain text nests under a title-like cue line above it ("Our
        priorities", then each priority's own line), unless it is a cue or apparatus itself."""
        bare = text.strip("* ")
        if self.stack and self.stack[-1].group and self.index in self.outcome_groups:
            return self.stack[-1].level  # the next group of the same outcomes: a sibling
        cue = next((s for s in reversed(self.stack) if s.level >= IMPLICIT_LEVEL and s.mode is not None), None)
        if cue is not None and cue.level > IMPLICIT_LEVEL and LABEL_ONLY.match(cue.name) and LABEL_ONLY.match(bare):
            return cue.level  # "Priority Two" after "Priority One" and its indicators: a sibling
        if cue is not None and cue.level == IMPLICIT_LEVEL and heading_mode(bare) is None \
                and not is_boilerplate(bare):
            return IMPLICIT_LEVEL + 1
        if self._over_measure_items() and not is_boilerplate(bare):
            return IMPLICIT_LEVEL + 1  # "Community Outcomes" over its targets: a group of the measures cue
        return IMPLICIT_LEVEL

    def _in_list_mode(self) -> bool:
        # A title-like line inside a list of outcomes is an outcome, not a heading.
        return self.run is not None and self.run.mode is not None

    # -- sections ---------------------------------------------------------------------

    def _heading(self, text: str, level: int, line: int) -> None:
        self.run = None
        self.paragraph_outcome = None
        text = " ".join(text.replace("**", "").split())
        if not clean(text):
            return  # a heading of no words (an empty Word or HTML heading) names no section
        self._leads(text, line)
        if self._name_pending_label(text, line):
            return
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        section = _Section(level, text, line, parent=parent)
        if parent and parent.skip:
            section.skip = True
        # "2. Our priorities", "3.1 What we will do": the number is the document's, not the cue's.
        bare = HEADING_NUMBER.sub("", text, count=1) or text
        section.name = bare
        numbered = NUMBERED_OUTCOME.match(bare)
        mode = heading_mode(bare)
        text = bare
        if is_boilerplate(text):
            section.skip, section.thematic = True, False
        elif text.lower().rstrip(":") in _GENERIC_HEADINGS:
            section.thematic = False  # "Other": a label over more of the same, not a theme
        elif REPORTING_PERIOD.search(text):
            # "Narratives for 2023/24 Quarter 1 (Apr-Jun 2023)": a performance report's part for
            # one period, not a theme of the plan.
            section.thematic = False
        elif REPORT_BYLINE.match(text):
            # "Report of the Chief Fire Officer" over minutes: who wrote the report, not a theme
            # (and not apparatus: the plan's content follows it).
            section.thematic = False
        elif STANDING_ROLE_HEADING.match(text):
            # "Role of the parish council" under a title "Aims and Objectives": the body's
            # standing role, not the title's aims (standing_role.py).
            section.mode, section.thematic = Mode.NONE, False
        elif normalise_name(clean(text)) in self.declared and not is_boilerplate(text):
            section.outcome_id = self.declared[normalise_name(clean(text))]
            section.theme_id = self._theme(section, "section-of-declared-outcome")
            if section.theme_id:
                self.b.link(RelType.PART_OF, section.outcome_id, section.theme_id, line,
                            rule="section-of-declared-outcome")
        elif self._over_measure_items() and self._comments_follow():
            # "LI035a – Number of Households in Temporary Accommodation" over "· This was up
            # compared to the previous year" in minutes: what is under the line comments on how
            # it did, so the line is no group of measures and no outcome. With a code it is the
            # indicator itself; without one ("Status Summary") a heading of the report.
            if (coded := code_dash_name(clean(text))) and not bad_name(coded[1]):
                self._measure(coded[1], line, "coded-indicator-heading", indicator_code=coded[0])
            section.mode, section.thematic = Mode.MEASURE, False
        elif self._over_measure_items() and not LABEL_ONLY.match(text):
            # "Professional and committed workforce" between "Our high-level performance targets
            # for each of these pillars are shown below." and its list of targets: the outcome
            # the measures under it measure (though its words may say "Outcomes").
            if not bad_name(clean(text)):
                self._outcome_section(section, clean(text), "measures-group-heading")
            section.mode, section.thematic = Mode.MEASURE, not bad_name(clean(text))
        elif numbered and (numbered.group("word") or numbered.group("word2")).lower() == "theme" \
                and not bad_name(clean(numbered.group("name"))):
            # "Theme 1: A new kind of council": a theme (and its outcome) whose lists are its
            # priorities, each supporting it.
            self._outcome_section(section, clean(numbered.group("name")), "numbered-theme-heading")
            section.mode = Mode.OUTCOME
        elif numbered and not bad_name(clean(numbered.group("name"))):
            self._outcome_section(section, clean(numbered.group("name")), "numbered-outcome-heading")
        elif mode is not None:
            section.mode, section.thematic = mode, False
        elif parent and parent.mode is Mode.OUTCOME and self.index in self.outcome_groups and not bad_name(clean(text)):
            # "Our Well-being Objectives", then "Best Start to Life" over "Children get the best
            # start to life", ...: the line groups the objectives listed under it (a theme); the
            # items are the outcomes, though some start with a verb's -ing.
            section.mode, section.group = Mode.OUTCOME, True
            parent.grouped = True
        elif parent and parent.grouped and parent.mode is Mode.OUTCOME:
            # After the cue's groups, a line over prose ("Delivering Wellbeing in ...") is no
            # group of it: the cue's section has ended.
            self.stack.pop()
            section.parent, section.level = parent.parent, parent.level
        elif parent and parent.mode is Mode.OUTCOME and parent.level >= 1 and not bad_name(clean(text)) \
                and (level < IMPLICIT_LEVEL or (len(text.split()) >= 2 and not text.isupper()
                                                 and not re.search(r"[+&/]", text))):
            self._outcome_section(section, clean(text), "heading-under-outcomes-cue")
        elif LABEL_ONLY.match(text) and parent is not None and self._section_mode() is Mode.MEASURE:
            # "Priority Two" over indicator names: a label grouping measures, not an outcome
            # named by the line after it.
            section.mode, section.thematic = Mode.MEASURE, False
        elif LABEL_ONLY.match(text):
            # "Objective 7" over the heading or line that names it.
            self.pending_label = section
        if parent is not None and parent.carries and section.mode is None and not section.skip:
            section.mode = parent.mode
        self.stack.append(section)

    def _over_measure_items(self) -> bool:
        """Whether the line being read groups measures: under a sentence saying the measures
        follow, with list items right after it."""
        following = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        cue = next((s for s in reversed(self.stack) if s.level == IMPLICIT_LEVEL and s.mode is not None), None)
        return following is not None and following.kind is BlockKind.LIST_ITEM \
            and cue is not None and cue.mode is Mode.MEASURE and not cue.thematic and cue.outcome_id is None

    def _comments_follow(self) -> bool:
        """Whether every list item right after the line being read comments on performance
        (a sentence reporting how something did), none naming an indicator."""
        items = []
        for block in self.blocks[self.index + 1:]:
            if block.kind is not BlockKind.LIST_ITEM:
                break
            items.append(block.text)
        return bool(items) and all(comment_on_performance(t) for t in items)

    def _name_pending_label(self, text: str, line: int) -> bool:
        """Name the "Objective 7" section just opened with this heading or line."""
        section, self.pending_label = self.pending_label, None
        if section is None or not self.stack or self.stack[-1] is not section:
            return False
        name = clean(text.strip().strip("\"“”'‘’"))  # the objective quoted under its label
        if bad_name(name) or heading_mode(text) is not None:
            return False
        self._outcome_section(section, name, "numbered-label-then-name")
        section.line = line
        return True

    def _outcome_section(self, section: _Section, name: str, rule: str) -> None:
        section.name = name
        section.theme_id = self._theme(section, rule)
        declared = self.declared.get(normalise_name(name))
        if declared is not None:
            # "Priority 1: A strong local economy" after "Our priorities are: - A strong local
            # economy": the same outcome, now with its section.
            section.outcome_id = declared
            if section.theme_id:
                self.b.link(RelType.PART_OF, declared, section.theme_id, section.line, rule=rule)
            return
        section.outcome_id = self.b.outcome(name, section.line, theme=section.theme_id,
                                            level="priority", rule=rule)
        self.declared.setdefault(normalise_name(name), section.outcome_id)
        parent_outcome = self._outcome(section.parent)
        if parent_outcome:
            self.b.link(RelType.SUPPORTS, section.outcome_id, parent_outcome, section.line, rule=rule)

    def _theme(self, section: _Section | None, rule: str = "section-heading") -> str | None:
        """The theme of a section: its own, or its nearest thematic ancestor's (made on use)."""
        # "Status: Green", "Objective details": a tracker's field or a report's label over
        # what follows, no theme of the plan.
        while section is not None and (not section.thematic or META_LINE.match(section.name)
                                       or META_LABEL.match(section.name)):
            section = section.parent
        if section is None or section.skip:
            return None
        if section.theme_id is None:
            parent = self._theme(section.parent)
            props = {"parent": parent} if parent else {}
            section.theme_id = self.b.theme(section.name, section.line, rule=rule, **props)
            self.theme_names[section.theme_id] = section.name
        return section.theme_id

    def _under_fields(self) -> bool:
        """Whether the section being read is a decision notice's field ("Is Key decision?: No"
        over the minute's recommendations): its to-do list is read, with no theme."""
        section = self.stack[-1] if self.stack else None
        while section is not None:
            if section.thematic and not section.skip and (META_LINE.match(section.name) or META_LABEL.match(section.name)):
                return True
            section = section.parent
        return False

    def _commitments_heading(self, section: _Section | None, line: int) -> str | None:
        """A short plain heading whose section commits to things is the outcome they serve
        ("Good jobs" over "We will ..."): when a plan's priorities are its sections."""
        if section is None or not section.thematic or section.skip or section.mode is not None \
                or section.outcome_id or len(section.name.split()) > 12 or bad_name(section.name) \
                or _REPORT_HEADING.search(section.name):
            return None  # "Annual monitoring statement" over "we will publish ...": a report, no outcome
        theme = self._theme(section, "section-with-commitments")
        section.outcome_id = self.b.outcome(clean(section.name), section.line, theme=theme,
                                            level="priority", rule="section-with-commitments")
        self.declared.setdefault(normalise_name(clean(section.name)), section.outcome_id)
        return section.outcome_id

    def _outcome(self, section: _Section | None) -> str | None:
        while section is not None:
            if section.outcome_id:
                return section.outcome_id
            section = section.parent
        return None

    def _mode(self) -> Mode | None:
        if self.run is not None and self.run.mode is not None:
            return self.run.mode
        section = self.stack[-1] if self.stack else None
        return section.mode if section else None

    def _section_mode(self) -> Mode | None:
        """The cue of the nearest section that has one ("Our priorities", "What we will do")."""
        section = self.stack[-1] if self.stack else None
        while section is not None and section.mode is None:
            section = section.parent
        return section.mode if section else None

    def _skipping(self) -> bool:
        return bool(self.stack and self.stack[-1].skip)

    def _section_list_mode(self) -> Mode | None:
        section = self.stack[-1] if self.stack else None
        return section.mode if section else None

    # -- records ------------------------------------------------------------------------

    def _anchor(self) -> str:
        """What names in running text are referenced from: the section's outcome, its theme
        if something already made it one, else the plan (a mention alone makes no theme)."""
        section = self.stack[-1] if self.stack else None
        if outcome := self._outcome(section):
            return outcome
        while section is not None and not section.thematic:
            section = section.parent
        return (section.theme_id if section is not None and section.theme_id else None) or self.b.plan_id

    def _action(self, name: str, line: int, rule: str, source: str, *, deadline: str | None = None,
                outcome: str | None = None, period: str | None = None, **props: object) -> str:
        section = self.stack[-1] if self.stack else None
        theme = self._theme(section)
        if not deadline:
            # "Deliver the Skills Hub by September 2026", "Review it in September each year"
            deadline = deadline_in(name) or period
        read = read_deadline(deadline) if deadline else None
        action = self.b.action(name, line, theme=theme, deadline=read.text if read else (deadline or None),
                               deadline_date=read.date if read else None, rule=rule, **props)
        serves = outcome or (self.run.by_level.get(1) if self.run and self.run.mode is Mode.OUTCOME else None) \
            or self.paragraph_outcome or self._outcome(section) or self._commitments_heading(section, line)
        if serves:
            self.b.link(RelType.SUPPORTS, action, serves, line, rule=rule)
        self._names(source, line, action)
        found = target(name)
        if found and not bad_name(found[0]):
            # "Working with developers ... to deliver a minimum of 1000 social homes for rent each
            # year": whatever rule read the commitment, the count it sets is its measure.
            self._measure(found[0], line, "target-in-action", target=found[1], deadline=found[2], action=action)
        return action

    def _measure(self, name: str, line: int, rule: str, *, action: str | None = None,
                 outcome: str | None = None, deadline: str | None = None, **props: object) -> str | None:
        section = self.stack[-1] if self.stack else None
        name = without_codes(name) if self.linked_codes else name
        if about_indicators(name):
            # "42 Draft Key Performance Indicators - 2020/21", "Measure ID": a line about the
            # report's indicators (its title, a resolution, a column), whatever cue it sits under
            return None
        values = {k: v for k, v in props.items() if v}
        target_value = values.pop("target", None)
        baseline = values.pop("baseline", None)
        code = values.pop("indicator_code", None)
        measure = self.b.measure(name, line, theme=self._theme(section), target=target_value,
                                 baseline=baseline, indicator_code=code, rule=rule,
                                 deadline=deadline, **values)
        owner = action or outcome or self._outcome(section)
        if owner:
            self.b.link(RelType.MEASURED_BY, owner, measure, line, rule=rule)
        return measure


class GeneralLoader:
    """Reads a plan in no known shape from its structure and the words planners use."""

    name = "general"
    description = "any plan: sections, cue-word lists, 'we will' commitments, action and KPI tables"

    def recognise(self, doc: Document) -> float:
        """Always low: it reads anything, so any loader that knows the shape wins."""
        return 0.1

    def extract(self, doc: Document) -> Extraction:
        """Read ``doc`` into a plan with themes, outcomes, actions, measures, leads and names."""
        return GeneralReader(doc, self.name).read()
