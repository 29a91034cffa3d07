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
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.model import Method, RelType, normalise_name
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.general.cues import (
    NUMBERED_OUTCOME,
    Mode,
    counted_sentence,
    heading_mode,
    is_boilerplate,
    is_link_line,
    lead_in_mode,
)
from stratgraph.loaders.general.deadlines import deadline_in, lead_in_period, read_deadline
from stratgraph.loaders.general.leads import find_leads, is_cabinet_member
from stratgraph.loaders.general.flat_rows import columns_after_action, split_action_row
from stratgraph.loaders.general.pipe_cells import pipe_cell_table
from stratgraph.loaders.general.plan_info import plan_info
from stratgraph.loaders.general.references import (
    earlier_edition,
    may_name,
    named_in,
    names_a_partnership,
    own_plan_names,
    without_years,
)
from stratgraph.loaders.general.table_rows import TableRows, measure_items
from stratgraph.loaders.general.tables import Column, column_role
from stratgraph.loaders.general.wording import (
    META_LABEL,
    META_LINE,
    column_names_only,
    IMAGE_FILE,
    IMAGE_LINK,
    DATE_STAMP,
    RUN_TOGETHER_HEADER,
    ALT_TEXT,
    FLAT_WHEN,
    ROLE_NOUN,
    STATUS_WORDS,
    OWNER_CELL,
    FIRST_FIGURE,
    FLAT_HEADER_WORDS,
    FLAT_REF,
    POLARITY_CELL,
    QUANTITY,
    SUB_ITEM,
    FIELD_LABELS,
    RAG_RATED,
    TRAILING_VALUES,
    LABELLED_FIRST_CELL,
    DUE_IN_TEXT,
    CODE,
    BY_WHEN,
    HEADING_NUMBER,
    IMPERATIVE,
    LEAD_TAIL,
    OUTCOME_MEASURE_HEADER,
    split_two_cells,
    ACTION_LABEL,
    ACTION_CELL,
    IMPLICIT_LEVEL,
    LABEL_ONLY,
    NOT_AN_OUTCOME,
    NUMBER_COLON,
    DOCUMENT_NAME,
    NUMBERING,
    REF,
    TITLE_DASH,
    WHEN,
    REPORTED_LINE,
    bad_name,
    clean,
    content_words,
    title_like,
)
from stratgraph.loaders.general.statements import commitment, indicator_targets, reported_indicator, sentences, target
from stratgraph.loaders.shapes.narrative.entities import Vocabulary
from stratgraph.loaders.common.plan_info import place_of
from stratgraph.loaders.read.furniture import is_page_number, is_site_chrome
from stratgraph.loaders.read.model import Block, BlockKind, Document

#: "Our Place, which involves priorities such as:", "Our Council, involving areas such as:":
#: a short name, a comma, then a clause that introduces the list under it.
THEMED_LEAD_IN = re.compile(
    r"^(?P<name>[A-Z][^,:;.]{1,50}),\s+(?:which|where|involving|including|covering|focusing|focused|that)\b[^:]{0,80}:$")

#: A heading naming the period a performance report covers: "... Quarter 1 (Apr-Jun 2023)",
#: "Q2 2024/25 update", "Quarter 3 Performance Report".
REPORTING_PERIOD = re.compile(
    r"(?i)\b(?:quarter\s+[1-4]|Q[1-4])\b.*(?:\b20\d\d\b|\((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s*[-–]\s*\w+)"
    r"|\b20\d\d\s*/\s*\d\d\s+(?:quarter\s+[1-4]|Q[1-4])\b")
REPORT_BYLINE = re.compile(r"(?i)^(?:joint\s+)?report\s+(?:of|by|from)\s+(?:the\s+)?[\w\s,&'’-]{3,80}$")

#: "Well-being Objectives Prosperity Resilience Healthier ...": a matrix's header row run
#: into one line, outcomes in its first column and the goals they serve across the top.
MATRIX_HEADER = re.compile(
    r"^(?:(?:our|the|council|corporate|strategic|key)\s+)?(?:well-?being\s+objectives|(?:strategic\s+)?priorities"
    r"|outcomes|objectives|aims|goals|ambitions)\s+(?P<rest>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of|&))+)$",
    re.IGNORECASE)

#: "It sets a direction for the next five years to:", "The plan will:": a lead-in about the
#: document itself, whose items say what the plan is for, not an outcome they serve.
ABOUT_THE_DOCUMENT = re.compile(
    r"(?i)^(?:it|this|these|they)\b|^(?:the|our|this)\s+(?:new\s+)?(?:plan|strategy|document|framework|report)\b")

#: "this Council Plan", "this Climate Emergency Strategy": the document pointing at itself by
#: a name in title case (a lower-case "this plan" names nothing).
THIS_NAMED = re.compile(r"\b[Tt]his\s+(?P<name>(?:[A-Z][\w'’&-]*\s+){0,5}(?:Plan|Strategy|Framework|Programme))\b")

#: A sentence that says the page's lines are the plan's indicators.
INDICATORS_LISTED = re.compile(
    r"(?i)\b(?:explains?|lists?|shows?|sets?\s+out|describes?)\s+(?:each|every|all|the|our)\s+(?:of\s+the\s+)?"
    r"(?:key\s+)?(?:performance\s+|strategic\s+)?(?:indicators?|measures?|kpis?)\b(?:\s+(?:in|of|for)\s+(?:our|the)\b[^.:]{0,60})?\.?\s")

#: What a priority means, said in the description under it: "This means working with ...",
#: "It also means ...", "This will involve ...", "That includes ...", "... – that involves
#: encouraging ...". (A description that merely starts with a gerund, "Helping businesses to
#: grow ...", says what the priority is about and stays a description.)
MEANING = re.compile(
    r"(?:^(?:and\s+)?(?:this|it|that)\s+(?:also\s+|will\s+(?:also\s+)?)?(?:means?|involves?|includes?)\s+"
    r"|[–—-]\s+(?:that|this|which)\s+(?:also\s+)?(?:involves|means|includes)\s+)(?P<rest>[a-z]+ing\b.*)$",
    re.IGNORECASE)

#: How a priority is delivered, said in the line under it: "By working with ...", "through
#: a series of ...", "with measures including ...", "For example by ...".
MEANS = re.compile(
    r"^(?:(?:with|through)\s+(?:measures|actions?|steps|work|projects)\s+(?:including|such\s+as)"
    r"|for\s+example,?\s+by|by|through|including)\s+(?P<rest>\S.*)$", re.IGNORECASE)

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


#: A line saying the plan's schemes follow: "... a number of specific schemes that will be led,
#: directed or facilitated by the Council", "The interventions we will deliver are set out below".
INTERVENTIONS_FOLLOW = re.compile(
    r"(?i)\b(?:schemes|interventions|projects|initiatives|programmes|activities)\b[^.]{0,60}"
    r"\b(?:will\s+be\s+(?:led|delivered|funded|developed|facilitated)|we\s+will\s+(?:deliver|lead|fund)|below|follow)")

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

#: "These outcomes were developed through ...": the line after a list naming what its items are.
CALLED_AFTER = re.compile(
    r"(?i)^(?:these|the\s+above|all\s+of\s+these)\s+(?:[\w-]+\s+){0,2}(?:outcomes|priorities|objectives|aims|ambitions|goals)\b")
#: "Enable people to:", "Be a good council that is:": an item whose nested items complete it.
COMPLETED_BELOW = re.compile(r"^(?P<name>\S.{2,60}?)\s+(?:to|that\s+is|that\s+are|which\s+is|by)\s*:$")

#: "to have a safe, happy, healthy population ...", "to protect and improve our environment":
#: an aim in the infinitive after a short name and a dash.
AIM_AFTER_NAME = re.compile(r"^to\s+(?:be|have|[a-z]+)\s+\S.{10,}$")
#: "enabling the best start in life for our children ...", "prosperous places, with clean ...":
#: a phrase run on in lower case after a short name and a dash, five words or more.
#: "The Strategy is based on three guiding principles:", "Our values are:", "... our priorities
#: are drawn from:": a lead-in to a set that is not the plan's outcomes, actions or measures.
_OTHER_SET_LEAD = re.compile(
    r"(?i)\b(?:principles|values|behaviours|ways\s+of\s+working)\b[^:]{0,40}:\s*$"
    # "... put together this statement of principles on how we will work.": the list after it
    # is the principles, ways of working the page itself sets apart from what it delivers.
    r"|\b(?:statement|set|charter)\s+of\s+(?:our\s+)?(?:principles|values|behaviours)\b[^.:]{0,60}[.:]\s*$"
    r"|\b(?:drawn|derived|informed|developed|evolved|shaped)\s+(?:from|by)\s*:\s*$")
#: "RESOLVED: that Cabinet", "The Committee resolved to:", "RECOMMENDED:", "Cabinet agreed
#: that -": a meeting's decision over its numbered resolutions.
_RESOLUTION_LEAD = re.compile(
    r"(?i)^(?:(?:it\s+was\s+)?(?:resolved|recommended|agreed)(?:\s*:\s*|\s+)?(?:that\b[^.:]{0,40}?)?(?:resolves\s+that)?\s*[-–:]?"
    r"|(?:the\s+)?(?:cabinet|committee|council|board|panel|executive|sub-committee)\s+(?:resolved|agreed|decided|resolves)"
    r"(?:\s+(?:to|that))?(?:\s*[-–:])?)\s*$")
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
#: "(2) That the Chief Executive be given authority ... to amend the Council Plan to reflect
#: comments ...": a resolution of the meeting, done by the decision, no commitment of a plan.
_RESOLUTION_SENTENCE = re.compile(
    r"(?i)^(?:\(?\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*[).]\s*)?that\b.{0,200}?\b(?:be|is|are)\s+(?:hereby\s+)?"
    r"(?:given|granted|delegated|approved|noted|agreed|authori[sz]ed|adopted|endorsed|recommended|asked|requested|received)\b")
#: "... the fourth priority being amended to read "Manage a resilient ..."": a priority's new words.
_REWORDED_PRIORITY = re.compile(
    r"(?i)\b(?:priority|objective|outcome|ambition|aim|goal)\s+(?:\w+\s+){0,2}?(?:being\s+|is\s+|be\s+)?"
    r"(?:amended|changed|reworded|renamed|revised)\s+to\s+(?:read\s+|say\s+)?(?::\s*)?[\"“‘'](?P<name>[^\"”’]{10,200})[\"”’']")
#: A sentence that tells about something rather than naming it: "... lays out ...", "Council
#: reports against ...", "The Governance Health Check ensures ...".
_DESCRIBING_VERB = re.compile(
    r"(?i)\b(?:is|are|was|were|has|have|provides?|ensures?|reports?|measures?|covers?|lays?|details?|includes?"
    r"|shows?|means?|gives?|helps?|allows?|looks?|sets?|tells?|describes?|explains?|continues?|undertakes?)\b")
#: "Result Metric for measurement Reference": the header of a key results table, flattened.
_RESULT_METRIC_HEADER = re.compile(
    r"(?i)^(?=\S+\s+\S+\s+\S)(?:(?:ref(?:erence)?|code)\s+)?(?:results?|outcomes?|goals?|objectives?)\s+"
    r"(?:metrics?|measures?|indicators?)(?:\s+(?:for|of)\s+(?:measurement|success|progress))?(?:\s+(?:ref(?:erence)?|code))?$")
#: "... considered disadvantaged KR111": a row's code at its end.
_ROW_CODE_END = re.compile(r"\s+([A-Z]{1,4}\s?\d{1,4}[a-z]?|\d{1,2}(?:\.\d{1,2}){1,3})$")
#: "... in this measure: Target: >75% community satisfaction score.": a target stated as a label.
_TARGET_LABEL = re.compile(r"(?i)\btarget\s*:\s*(?P<target>[<>≥≤]?\s*[£]?\d[^.(;]{0,80}?)\s*(?:[.(;]|$)")
#: "Long-term Outcome", "Population outcome": a label over one outcome stated on the next line.
_ONE_OUTCOME_LABEL = re.compile(r"(?i)^(?:(?:long|medium|short)[- ]term|population|our|the)\s+outcome:?$")
#: "Healthy Community: People are making positive lifestyle choices. ...": a short name, then
#: the outcome stated in a sentence or two.
_NAME_THEN_STATEMENT = re.compile(r"^(?P<name>[A-Z][^:.]{2,40}):\s+(?P<statement>[A-Z][^:]{15,300})$")
#: "2025-30", "2025 - 2030", "2025/26" written right after a document's name.
_YEARS_WRITTEN = re.compile(r"\s*((?:19|20)\d\d)\s*[-–—/]\s*(?:19|20)?(\d\d)\b")
_NAMED_PHRASE = re.compile(r"^(?!to\s)[a-z][a-z-]*(?:\s+\S+){4,}$")

#: A paragraph that starts with a bullet glyph a copy could not render (U+FFFD, a private-use
#: Symbol-font bullet) or an odd bullet no list syntax knows: a list item whose marker was lost.
_LOST_BULLET = re.compile("^[\ufffd\uf0b7\uf0a7\uf076\u25aa\u25cf\u25e6\u2023\u2043\u00b7]\\s+(?=\\S)")


def _lost_bullet(block: Block) -> Block:
    """``block`` as the list item it is when its bullet glyph was lost ("<U+FFFD> Tackling
    child poverty." under "... priorities will be around:"), else as it is."""
    if block.kind is not BlockKind.PARAGRAPH or not (marker := _LOST_BULLET.match(block.text)):
        return block
    return replace(block, kind=BlockKind.LIST_ITEM, text=block.text[marker.end():], level=max(block.level, 1))


#: Implicit headings (title-like lines of plain text) nest below every marked heading.
@dataclass
class _Section:
    level: int
    name: str
    line: int
    mode: Mode | None = None
    skip: bool = False
    thematic: bool = True
    theme_id: str | None = None
    outcome_id: str | None = None
    parent: _Section | None = None
    #: A lead-in's cue over the headings after it ("... what we plan to do over the next five
    #: years:" then each objective's heading over its to-do list): the sections under it hold
    #: what it says.
    carries: bool = False
    #: An outcomes cue whose sub-headings have been groups of its outcomes (see _outcome_groups).
    grouped: bool = False
    #: One of those groups: a heading right over its list, so a paragraph after it is past it.
    group: bool = False


@dataclass
class _ListRun:
    """The list being read: what its items are, the outcome item at each nesting level."""

    mode: Mode | None
    deadline: str | None = None
    by_level: dict[int, str] = field(default_factory=dict)
    #: A lead-in line ending in a colon that is itself an outcome, if its items are actions.
    lead_outcome: tuple[str, int] | None = None
    lead_outcome_id: str | None = None
    #: The lead-in was itself an item worded as what the document does ("sets out actions that
    #: will be taken to:"): a later item worded so ("acknowledges ...") is the lead-in's sibling.
    lead_says: bool = False
    #: The theme an item ending in "to:" names for the items nested under it, by its level.
    themes: dict[int, str] = field(default_factory=dict)
    #: The lead-in names another set than the plan's items (its principles, values, or the
    #: sources its priorities were drawn from): the list holds no outcome, action or measure.
    other: bool = False
    #: The period the lead-in line sets its items ("By 2027 we will:"): an item's deadline
    #: unless it says its own ("" once the lead-in was read and named none).
    period: str | None = None


def _flat_kind(header: str) -> str:
    return ("measure" if re.search(r"(?i)\b(?:indicators?|kpis?|metrics?|(?<!success\s)measures?)\b", header)
            else "action")


#: Headings that only group what follows ("Other" over more priorities).
_GENERIC_HEADINGS = frozenset({"other", "others", "general", "miscellaneous", "more", "additional",
                               "further", "also"})


def _says(text: str) -> bool:
    """An item worded as what a document does, in the third person: "sets out ...",
    "acknowledges ...", "confirms our commitment ..." (lower case, as a summary's bullets run)."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return bool(re.fullmatch(r"[a-z]+(?:[^su\W]s|es)", first))


class GeneralReader(TableRows):
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
        self.lines = doc.text.splitlines()
        self.paragraph_outcome: str | None = None
        #: The action of an "Action - ..." line, whose labelled cells may follow it.
        self.labelled_action: str | None = None
        self.warnings: list[str] = []

    # -- the pass ---------------------------------------------------------------------

    def read(self) -> Extraction:
        info = plan_info(self.blocks, self.doc.name)
        stem = self.doc.name.rsplit(".", 1)[0].replace("-", " ").replace("_", " ").strip()
        self.own_title = normalise_name(info.title)
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
                # A paragraph taken as the title may still name other documents ("agreed as part
                # of our Health & Wellbeing Integrated Care Strategy"); its own name is skipped.
                self._names(block.text, block.line, self.b.plan_id)
                continue
            if self.index in self.interventions:
                self._intervention(block)
            elif self.index - 1 in self.interventions:
                continue  # the intervention's description, read with it
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
                self.flat = kind
                self.flat_grouped = bool(re.match(r"(?i)\W*(?:priorit(?:y|ies)|outcomes?|objectives?|goals?|themes?|aims?)\b",
                                                  block.text))
                self.flat_outcome = self.flat_measure = self.flat_category = None
                self.flat_columns = columns_after_action(block.text) if kind == "action" else ()
                # Which of a row's closing figures is its target: the header's "Target"/"Aim"
                # column counted from the end ("... Actuals Aim Year to date": second from last).
                aim = list(re.finditer(r"(?i)\b(?:target|aim)\b", block.text))
                self.flat_target_from_end = 1 + len(FLAT_HEADER_WORDS.findall(block.text[aim[-1].end():])) \
                    if aim else None
                if kind == "coded" and (first := _CODED_HEADER.match(block.text.strip()).group("first")):
                    self._coded_row(first, block.line)  # the first outcome, run onto the header
            elif block.line <= self.matrix_end:
                continue  # a row of an outcomes matrix, read with its header
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
                    and not LABEL_ONLY.match(block.text.strip("* ")) and not is_boilerplate(block.text.strip("* "))) and (
                    not self._in_list_mode() or heading_mode(block.text.strip("* ")) is not None
                    or is_boilerplate(block.text.strip("* ")) or NUMBERED_OUTCOME.match(block.text.strip("* "))):
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
        self._link_leads()
        return Extraction(self.doc.name, self.loader, self.b.plan_id, self.b.graph,
                          tuple(self.warnings))

    def _flat_header(self) -> str | None:
        """Whether the paragraph being read starts a table a web copy flattened: its header
        on one line ("Reference Goal Indicators Baseline Year 1 target Lead officer") or one
        header cell a paragraph ("Serial No.", "Item", "Action", "Progress"). Returns the
        table's kind ("measure" or "action"), read from the header's words."""
        block = self.blocks[self.index]
        words = block.text.replace("**", "").split()
        if _RESULT_METRIC_HEADER.match(block.text.replace("**", "").strip()):
            return "result"
        if _CODED_HEADER.match(block.text.replace("**", "").strip()):
            return "coded"
        if len(words) <= 25 and not re.search(r"[.;!?]\s|[.;!?]$", block.text):
            roles = FLAT_HEADER_WORDS.findall(block.text)
            if len({r.lower().rstrip("s") for r in roles}) >= 4:
                return _flat_kind(block.text)
        if len(words) > 4:
            return None
        cells = [block]
        for following in self.blocks[self.index + 1:self.index + 8]:
            if following.kind is not BlockKind.PARAGRAPH or len(following.text.split()) > 4:
                break
            cells.append(following)
        named = [c for c in cells if column_role(c.text.strip()) is not Column.OTHER]
        if len(cells) >= 4 and len(named) >= 3:
            self.flat_header_end = cells[-1].line  # the header's other cells are not rows
            return _flat_kind(" ".join(c.text for c in cells))
        return None

    def _outcome_matrix(self, block: Block) -> bool:
        """A table of outcomes against goals a web copy flattened: the header on one line, an
        outcomes noun then the other columns' names ("Well-being Objectives Prosperity
        Resilience Healthier ..."), then one line per row holding only its first cell (the
        ticks were images). Each row is an outcome."""
        header = MATRIX_HEADER.match(block.text.replace("**", "").strip())
        if not header or sum(w[:1].isupper() for w in header.group("rest").split()) < 3:
            return False
        rows: list[tuple[Block, str]] = []
        for following in self.blocks[self.index + 1:self.index + 20]:
            text = NUMBERING.sub("", following.text.replace("**", "").strip(), count=1).strip()
            if following.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) \
                    or not 3 <= len(text.split()) <= 25 or re.search(r"[.;!?:]", text):
                break
            rows.append((following, text))
        if len(rows) < 2:
            return False
        section = self.stack[-1] if self.stack else None
        for row, text in rows:
            name = clean(text)
            if not bad_name(name):
                outcome = self.b.outcome(name, row.line, theme=self._theme(section), level="priority",
                                         rule="outcome-matrix-row")
                self.declared.setdefault(normalise_name(name), outcome)
        self.matrix_end = rows[-1][0].line
        return True

    def _header_over_coded_rows(self, block: Block) -> bool:
        """A short line of column names ("Priority Explanation", "Ref Action") right above
        rows that start with a code: a table's header a copy flattened, not a section."""
        words = block.text.split()
        following = self.index + 1
        return (block.kind is BlockKind.PARAGRAPH and 1 <= len(words) <= 4
                and column_role(words[0]) is not Column.OTHER
                and following < len(self.blocks) and bool(REF.match(self.blocks[following].text)))

    def _flat_row(self, block: Block) -> None:
        """A paragraph of a flattened table: a measure row that starts with its reference
        ("1.4.1.KR The population is active. Number of visitors ... New +2% ..."), or an
        action cell that starts with a planning verb. Header cells, numbers, ratings and
        owners between them are not nodes."""
        text = block.text.replace("**", "").strip()
        if block.line <= self.flat_header_end:
            return
        if self.flat == "result":
            self._result_metric_row(text, block.line)
            return
        if self.flat == "coded":
            self._coded_row(text, block.line)
            return
        if self.flat == "measure":
            self._flat_measure_row(text, block.line)
            return
        ref = FLAT_REF.match(text)
        row = text[ref.end():].strip() if ref else text
        if self.flat_columns and IMPERATIVE.match(row) and len(row.split()) <= 60 and ". " not in row:
            # "H1 Adopt the new Local Plan Head of Planning March 2026 On track": the row's
            # cells after its action, read from its end in the header's order.
            name, cells = split_action_row(row, self.flat_columns)
            if not bad_name(clean(name)):
                action = self._action(clean(name), block.line, "flattened-table-row", text,
                                      deadline=cells.get("deadline"), status=cells.get("status"),
                                      ref=ref.group(0) if ref else None)
                if cells.get("owner"):
                    self._set(action, owner=cells["owner"])
                    self._owner_cell(cells["owner"], block.line, action, rule="flattened-table-row")
                self.flat_action, self.flat_after = action, 0
                return
        first = next(iter(sentences(text)), None)
        name = clean(first.text if first else text)
        if len(text.split()) <= 60 and not text.isupper() and IMPERATIVE.match(text) and not bad_name(name):
            self.flat_action = self._action(name, block.line, "flattened-table-row", text)
            self.flat_after = 0
            return
        action = self.flat_action
        if action is None:
            return
        self.flat_after += 1
        if len(text.split()) > 6 or self.flat_after > 6:
            return
        # The cells after an action's, in its row: when ("16/17", "March 2025") and who (a
        # cell naming a role: "Clerk + Cllr Hooper", "Arboriculture Manager").
        if FLAT_WHEN.match(text):
            if not self.b.graph.nodes[action].properties.get("deadline"):
                read = read_deadline(text)
                self._set(action, deadline=text, deadline_date=read.date if read else None)
        elif OWNER_CELL.match(text) and ROLE_NOUN.search(text) and not text.isupper() \
                and not self.b.graph.nodes[action].properties.get("owner"):
            self._set(action, owner=text)
            self._owner_cell(text, block.line, action, rule="flattened-table-row")

    def _coded_row(self, text: str, line: int) -> None:
        """A row of a coded outcomes table a copy flattened (under "REF: OUR OUTCOMES AND WHAT
        COUNCIL WILL DO WHAT THE BENEFITS WILL BE"): "CC1 WE FEEL SAFE AND RESILIENT" is an
        outcome, "CC1.1 Actively promote ... strategies Lower crime rates ..." an action of it
        with its benefits run on after it; a benefit wrapped onto a line of its own is none."""
        if (outcome := _CODED_OUTCOME.match(text)) and not is_boilerplate(outcome.group("name")):
            # (a statement of what is so, "We have a sense of belonging ...", is no record of
            # past work here: the code and the table say it is an outcome)
            section = self.stack[-1] if self.stack else None
            name = clean(outcome.group("name").capitalize())
            self.flat_outcome = self.b.outcome(name, line, theme=self._theme(section), level="priority",
                                               rule="coded-table-row", ref=outcome.group("code"))
            self.declared.setdefault(normalise_name(name), self.flat_outcome)
            return
        if (action := _CODED_ACTION.match(text)) and IMPERATIVE.match(re.sub(r"^[A-Z][a-z]+ly\s+", "", action.group("rest"))):
            name, benefits = split_two_cells(action.group("rest"))
            if not bad_name(clean(name)):
                self._action(clean(name), line, "coded-table-row", text, outcome=self.flat_outcome,
                             ref=action.group("code"), benefits=benefits)
            return
        if text.isupper() and len(text.split()) >= 2:
            self.flat = None  # "WHAT THE COMMUNITY ...": the next table's header, past this one

    def _result_metric_row(self, text: str, line: int) -> None:
        """A row of a key results table a web copy ran into one line ("Raise secondary
        attainment levels for disadvantaged students Attainment 8 for KS4 pupils considered
        disadvantaged KR111"): the result the plan aims for (an outcome), then the metric that
        measures it from its own capitalised noun, then the row's code."""
        code = _ROW_CODE_END.search(text)
        row = text[:code.start()].rstrip() if code else text
        result, metric = split_two_cells(row)
        if metric is None or bad_name(clean(result)):
            return
        section = self.stack[-1] if self.stack else None
        outcome = self.b.outcome(clean(result), line, theme=self._theme(section), level="priority",
                                 rule="result-metric-row")
        self.declared.setdefault(normalise_name(clean(result)), outcome)
        if not bad_name(clean(metric)):
            self._measure(clean(metric), line, "result-metric-row", outcome=outcome,
                          indicator_code=code.group(1) if code else None)

    def _flat_measure_row(self, text: str, line: int) -> None:
        """One line of a flattened KPI table: an indicator with its figures, the polarity and
        target cells of the indicator above ("High 60"), or a category over lettered indicators
        ("Fly tipping and environmental crime:" then "a) Effective enforcement actions")."""
        polarity = POLARITY_CELL.match(text)
        if polarity:
            # The row's last cells, wrapped onto their own line: they belong to the measure above.
            if self.flat_measure and not self.b.graph.nodes[self.flat_measure].properties.get("target"):
                self._set(self.flat_measure, direction=polarity.group("direction"),
                          target=polarity.group("target"))
            return
        ref = FLAT_REF.match(text)
        section = self.stack[-1] if self.stack else None
        if ref:
            # The goal, a sentence, comes first; the indicator runs to its first figure.
            goal, stop, indicator = text[ref.end():].strip().rpartition(". ")
            if stop and len(goal.split()) >= 4 and not bad_name(clean(goal)):
                # The outcome the row's indicator measures, repeated on each of its rows.
                self.flat_outcome = self.b.outcome(clean(goal + "."), line, theme=self._theme(section),
                                                   level="priority", rule="flattened-table-goal")
        elif len(text.split()) >= 3 and text[-1:] not in ".!?" and not FIRST_FIGURE.match(" " + text):
            indicator = text  # "Processing of planning applications: Major applications (NI 157a)"
        else:
            return  # a value, a rating, a trend
        indicator = re.sub(r":\s*\(?[a-z]\)\s*", ": ", SUB_ITEM.sub("", indicator.strip()))
        grouped = LABELLED_FIRST_CELL.match(indicator) if self.flat_grouped else None
        if grouped and not bad_name(clean(grouped.group("first"))):
            # "Priority | Measure | ...": the first row of a group starts with the group's name.
            self.flat_outcome = self.b.outcome(clean(grouped.group("first")), line, theme=self._theme(section),
                                               level="priority", rule="flattened-table-group")
            indicator = grouped.group("rest")
        values: dict[str, object] = {}
        cells = POLARITY_CELL.search(indicator)
        if cells:
            values = {"direction": cells.group("direction"), "target": cells.group("target")}
            indicator = indicator[:cells.start()]
        tail = TRAILING_VALUES.search(indicator)
        if tail and "target" not in values and self.flat_target_from_end:
            figures = re.findall(r"New\s+measure|\S+", tail.group(0))
            if len(figures) >= self.flat_target_from_end + 1:
                aimed = figures[-self.flat_target_from_end]
                if re.match(r"[+-]?\d", aimed):
                    values["target"] = aimed
        figure = None if tail else FIRST_FIGURE.search(indicator)
        end = tail.start() if tail else figure.start() if figure else len(indicator)
        category = indicator[:end].rstrip().endswith(":")
        name = clean(indicator[:end])
        if category:
            # A category over lettered indicators: its own name is one only when it names a
            # quantity ("Number of trees planted:"), else it heads the names under it.
            self.flat_category = name.rstrip(": ")
            if not QUANTITY.match(name):
                return
            name = self.flat_category
        elif self.flat_category and not ref and not QUANTITY.match(name):
            name = f"{self.flat_category}: {name}"
        elif ref:
            self.flat_category = None
        # A row with its figures is a row however short its name ("Incidents 2,613 2,659 ...").
        long_enough = len(name.split()) >= 3 or (tail is not None and len(tail.group(0).split()) >= 2)
        if not bad_name(name) and long_enough and not STATUS_WORDS.search(name) \
                and heading_mode(name) is None:
            self.flat_measure = self._measure(name, line, "flattened-table-row",
                                              indicator_code=ref.group(0) if ref else None,
                                              outcome=self.flat_outcome or self._outcome(section), **values)

    def _todo_lists(self) -> set[int]:
        """The lines of list items in lists that read as to-do lists: most of their items
        start with a planning verb. One such item in a list of values is not an action."""
        lines: set[int] = set()
        run: list[Block] = []
        for block in [*self.blocks, None]:
            if block is not None and block.kind is BlockKind.LIST_ITEM:
                run.append(block)
                continue
            if run:
                verbs = sum(bool(IMPERATIVE.match(NUMBERING.sub("", b.text.replace("**", ""), count=1)))
                            for b in run)
                if verbs * 3 >= len(run) * 2:
                    lines.update(b.line for b in run)
                run = []
        return lines

    def _interventions(self) -> set[int]:
        """The blocks that name a scheme the plan will deliver: three or more short headings in
        a row, each over one paragraph describing it, right after a line saying the plan's
        schemes, interventions or projects follow ("An action plan will accompany the strategy
        with a number of specific schemes that will be led, directed or facilitated by the
        Council"). Each heading is an action, its paragraph its description."""
        def short_heading(block: Block) -> bool:
            text = block.text.strip("* ")
            return (block.kind is BlockKind.HEADING or title_like(block)) and len(text.split()) <= 6 \
                and heading_mode(text) is None and not is_boilerplate(text) and not bad_name(clean(text))

        def description(block: Block) -> bool:
            return block.kind is BlockKind.PARAGRAPH and len(block.text.split()) >= 12 and not title_like(block)

        found: set[int] = set()
        for lead, block in enumerate(self.blocks):
            if block.kind is not BlockKind.PARAGRAPH or not INTERVENTIONS_FOLLOW.search(block.text):
                continue
            run: list[int] = []
            j = lead + 1
            while j + 1 < len(self.blocks) and short_heading(self.blocks[j]) and description(self.blocks[j + 1]):
                run.append(j)
                j += 2
            if len(run) >= 3:
                found.update(run)
        return found

    def _intervention(self, block: Block) -> None:
        self.run = None
        described = self.blocks[self.index + 1].text.strip()
        self._action(clean(block.text.strip("* ")), block.line, "intervention-heading", block.text,
                     description=described)
        self._names(described, self.blocks[self.index + 1].line, self.b.plan_id)

    def _objective_statements(self) -> set[int]:
        """The blocks that are objectives stated as one "We will ..." sentence under a short
        heading of their own ("Our planet" / "We will champion climate action; ..."), three or
        more such pairs in a row: each statement is the objective, its heading a label."""
        def short_heading(block: Block) -> bool:
            return (block.kind is BlockKind.HEADING or title_like(block)) and len(block.text.split()) <= 5 \
                and heading_mode(block.text) is None and not is_boilerplate(block.text)

        def statement(block: Block) -> bool:
            text = block.text.strip()
            return block.kind is BlockKind.PARAGRAPH and re.match(r"(?i)we\s+will\s", text) is not None \
                and len(list(sentences(text))) == 1 and commitment(text) is not None

        def declared_objectives(run: list[int]) -> bool:
            # The lines before say the pairs are objectives ("sets out six performance
            # improvement objectives"); a plan that calls them commitments ("Good jobs" over
            # "We will ...", "Our 20 commitments") makes the heading the outcome, the sentence
            # its action.
            before = " ".join(b.text for b in self.blocks[max(0, run[0] - 5):run[0] - 1])
            return re.search(r"(?i)\bobjectives\b", before) is not None \
                and re.search(r"(?i)\bcommitments?\b", before) is None

        found: set[int] = set()
        i, run = 0, []
        while i + 1 < len(self.blocks):
            if short_heading(self.blocks[i]) and statement(self.blocks[i + 1]):
                run.append(i + 1)
                i += 2
                continue
            if len(run) >= 3 and declared_objectives(run):
                found.update(run)
            run = []
            i += 1
        if len(run) >= 3 and declared_objectives(run):
            found.update(run)
        return found

    def _called_outcomes(self) -> set[int]:
        """The list items of a list the line right after it calls outcomes ("These outcomes
        were developed through extensive consultation ...", "The above priorities ...")."""
        found: set[int] = set()
        run: list[int] = []
        for i, block in enumerate([*self.blocks, None]):
            if block is not None and block.kind is BlockKind.LIST_ITEM:
                run.append(i)
                continue
            if run and block is not None and block.kind is BlockKind.PARAGRAPH and CALLED_AFTER.match(block.text.strip()):
                found.update(run)
            run = []
        return found

    def _open_cue(self, mode: Mode, block: Block, carries: bool = False) -> None:
        """A lead-in line's cue as a section of its own, so the headings after it sit under it."""
        while self.stack and self.stack[-1].level >= IMPLICIT_LEVEL:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        self.stack.append(_Section(IMPLICIT_LEVEL, block.text, block.line, mode=mode, thematic=False,
                                   parent=parent, carries=carries))

    def _outcome_groups(self) -> set[int]:
        """The headings (and title-like lines) that group a list of outcomes: two or more in a
        row, each right over its list, the lists' items mostly statements rather than to-do
        items ("Best Start to Life" / "Children get the best start to life", "Living Well" /
        "People live independently"). Under an outcomes cue each is a theme, its items outcomes."""
        def heading(block: Block) -> bool:
            # "A Prosperous Place – where business can flourish and everyone is able to share
            # in prosperity" over its list: a line too long to look like a heading still heads it.
            text = block.text.replace("**", "").strip()
            return block.kind is BlockKind.HEADING or title_like(block) or (
                block.kind is BlockKind.PARAGRAPH and len(text.split()) <= 20 and len(text) <= 140
                and text[:1].isupper() and text[-1:] not in ".!?;:" and not commitment(text))

        found: set[int] = set()
        i, run, items = 0, [], []
        while i <= len(self.blocks):
            block = self.blocks[i] if i < len(self.blocks) else None
            if block is not None and heading(block) and i + 1 < len(self.blocks) \
                    and self.blocks[i + 1].kind is BlockKind.LIST_ITEM:
                run.append(i)
                i += 1
                while i < len(self.blocks) and self.blocks[i].kind is BlockKind.LIST_ITEM:
                    items.append(self.blocks[i].text.replace("**", "").strip())
                    i += 1
                continue
            todo = sum(bool(IMPERATIVE.match(NUMBERING.sub("", t, count=1)) or commitment(t)) for t in items)
            if len(run) >= 2 and todo * 2 < len(items):
                found.update(run)
            run, items = [], []
            i += 1
        return found

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
        elif normalise_name(clean(text)) in self.declared and not is_boilerplate(text):
            section.outcome_id = self.declared[normalise_name(clean(text))]
            section.theme_id = self._theme(section, "section-of-declared-outcome")
            if section.theme_id:
                self.b.link(RelType.PART_OF, section.outcome_id, section.theme_id, line,
                            rule="section-of-declared-outcome")
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

    def _name_pending_label(self, text: str, line: int) -> bool:
        """Name the "Objective 7" section just opened with this heading or line."""
        section, self.pending_label = self.pending_label, None
        if section is None or not self.stack or self.stack[-1] is not section:
            return False
        name = clean(text)
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
                or section.outcome_id or len(section.name.split()) > 12 or bad_name(section.name):
            return None
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

    # -- blocks -------------------------------------------------------------------------

    def _paragraph(self, block: Block) -> None:
        text = block.text.replace("**", "").strip()
        if text.endswith(":") and self._mode() is Mode.MEASURE and self._describes_item(text[:-1] + "."):
            # "The Governance Health Check covers four key areas:" under the measure it
            # describes: the lines after it are the measure's parts, not the plan's outcomes.
            self._names(text, block.line, self._anchor())
            self.run = _ListRun(None, other=True)
            self.parts_of_item = True
            return
        if self.parts_of_item and block.kind is BlockKind.PARAGRAPH and not title_like(block) \
                and len(text.split()) <= 4 and text.endswith((",", " and", ";")):
            return  # "Ethics,", "Risk management,", "Information management and": those parts
        self.parts_of_item = False
        if self.list_measure is not None and (goal := _TARGET_LABEL.search(text)):
            # "For Council to be successful in this measure: Target: >95% integrated plans
            # delivered on time (...)": the target of the measure the item above names.
            self._set(self.list_measure, target=goal.group("target").strip())
            self.list_measure = None
            self._names(text, block.line, self._anchor())
            return
        before = self.blocks[self.index - 1] if self.index else None
        if before is not None and before.kind is not BlockKind.LIST_ITEM \
                and _ONE_OUTCOME_LABEL.match(before.text.replace("**", "").strip()) \
                and (stated := _NAME_THEN_STATEMENT.match(text)) and not bad_name(clean(stated.group("name"))):
            # "Long-term Outcome" over "Healthy Community: People are making positive lifestyle
            # choices. ...": the label's one outcome, stated after its short name (its theme).
            theme = self.b.theme(clean(stated.group("name")), block.line, rule="outcome-under-its-label")
            self.b.outcome(clean(stated.group("statement")), block.line, theme=theme, level="priority",
                           rule="outcome-under-its-label")
            while self.stack and self.stack[-1].line == before.line:
                self.stack.pop()  # the label's section holds that one outcome
            self.run = None
            return
        if self.stack and self.stack[-1].group:
            # A group of outcomes is a heading and its list: a line after the list is past the
            # group and past the cue whose groups they were ("Housing - helping to deliver ...",
            # the next page's link after the last group).
            group = self.stack.pop()
            if group.parent is not None and group.parent.grouped and self.stack and self.stack[-1] is group.parent:
                self.stack.pop()
            self.run = None
        if self.card:
            if not text.strip("-–—•* "):
                return  # the card's empty separator line
            self.card = False
            name = clean(text)
            if title_like(block) and not bad_name(name):
                section = self.stack[-1] if self.stack else None
                outcome = self.b.outcome(name, block.line, theme=self._theme(section), level="priority",
                                         rule="card-label-then-title")
                self.declared.setdefault(normalise_name(name), outcome)
                self.run = None
                return
        if self._name_pending_label(text, block.line):
            return
        if text.endswith(":-"):
            text = text[:-1]  # "Our priorities to tackle these challenges are:-": a colon, typed so
        if (labelled := ACTION_LABEL.match(text)) and not self._skipping():
            # "Action - provide an emergency accommodation offer ...": a row of an action table
            # set as a labelled line; its cells ("- year - ongoing") follow it.
            name = clean(commitment(labelled.group("name")) or labelled.group("name"))
            if not bad_name(name):
                self.run = None
                self.labelled_action = self._action(name, block.line, "labelled-action-line", text)
                return
        if self.index in self.objective_statements and not self._skipping():
            # "Our planet" then "We will champion climate action; ...": the statement is the
            # objective (a plan's improvement or well-being objectives are worded so), the
            # heading its label and theme.
            section = self.stack[-1] if self.stack else None
            name = clean(text)
            self.paragraph_outcome = self.b.outcome(name, block.line, theme=self._theme(section),
                                                    level="priority", rule="we-will-objective-under-short-heading")
            self.declared.setdefault(normalise_name(name), self.paragraph_outcome)
            if section is not None and section.outcome_id is None:
                section.outcome_id = self.paragraph_outcome
            self.run = None
            return
        if self._section_list_mode() is not Mode.OUTCOME and self._ref_row(text, block.line):
            return
        if self._row_tail(text, block.line):
            return
        if INDICATORS_LISTED.search(text) and not self._skipping():
            # "These data factfiles explain each performance indicator in our Strategic Plan.":
            # the lines that follow are the plan's indicators.
            while self.stack and self.stack[-1].level >= IMPLICIT_LEVEL:
                self.stack.pop()
            parent = self.stack[-1] if self.stack else None
            self.stack.append(_Section(IMPLICIT_LEVEL, text, block.line, mode=Mode.MEASURE,
                                       thematic=False, parent=parent))
            self.run = None
            return
        numbered = NUMBER_COLON.match(text)
        if numbered and not self._skipping() and (self._section_list_mode() is Mode.OUTCOME or (
                self.run is not None and self.run.mode is Mode.OUTCOME)):
            # "1: Promoting sustainable living, ..." under "The following strategic priorities
            # have been agreed:": each numbered line a priority (the first sentence names it),
            # the run going on to the next number.
            first = next(iter(sentences(text[numbered.end():])), None)
            name = clean(first.text if first else text[numbered.end():])
            if not bad_name(name) and not commitment(name):
                section = self.stack[-1] if self.stack else None
                self.paragraph_outcome = self.b.outcome(name, block.line, theme=self._theme(section),
                                                        level="priority", rule="colon-numbered-line-under-outcomes-cue",
                                                        ref=text[:numbered.end()].strip(" :") or None)
                self.declared.setdefault(normalise_name(name), self.paragraph_outcome)
                self.run = _ListRun(Mode.OUTCOME)
                return
        if re.match(r"(?i)(?:detailed|listed|set\s+out|outlined|shown|described)\s+below\s+(?:are|is)\s+(?:the|our)\b", text) \
                and text.endswith(".") and self.index + 1 < len(self.blocks) \
                and self.blocks[self.index + 1].kind is BlockKind.LIST_ITEM:
            # "Detailed below are the priorities under the Wellbeing theme which we will work to
            # achieve ...": a lead-in ended with a stop, the list right under it.
            text = text[:-1] + ":"
        if text.endswith(("the following.", "as follows.")) \
                or re.search(r"\bthe\s+following\s+(?:[\w-]+\s+){0,4}(?:measures|indicators|targets|kpis)\.$", text, re.I):
            # "By 2028 we will have improved ... through the following.", "... will be measured
            # via the following suite of performance measures.": a lead-in ended with a stop.
            text = text[:-1] + ":"
        labelled = NUMBERED_OUTCOME.match(text)
        if labelled and (len(text.split()) <= 40 or block.line in self.two_cell_rows) and not self._skipping() \
                and (labelled.group("word") or labelled.group("word2")).lower() != "theme" and not bad_name(clean(labelled.group("name"))):
            # "Aim: The Peak District is a welcoming place ...": a labelled outcome line.
            name, measure = clean(labelled.group("name")), None
            if block.line in self.two_cell_rows:
                # "Objective 2: To ensure fair treatment ... Percentage of residents ...": the
                # row's measure-of-success cell run into the line after the outcome's.
                first, measure = split_two_cells(labelled.group("name"))
                name = clean(first)
            section = self.stack[-1] if self.stack else None
            self.paragraph_outcome = self.b.outcome(name, block.line, theme=self._theme(section),
                                                    level="priority", rule="labelled-outcome-line")
            if measure and not bad_name(clean(measure)):
                self._measure(clean(measure), block.line, "outcome-row-measure-cell", outcome=self.paragraph_outcome)
            parent = self._outcome(section)
            if parent and parent != self.paragraph_outcome:
                self.b.link(RelType.SUPPORTS, self.paragraph_outcome, parent, block.line,
                            rule="labelled-outcome-line")
            self.run = None
            return
        if re.fullmatch(r"(?i)(?:we|the\s+council)\s+(?:will|plan\s+to|aim\s+to|intend\s+to|are\s+going\s+to"
                        r"|are\s+committed\s+to)", text.strip()):
            text = text.strip() + ":"  # "We plan to" over its list
        mode = lead_in_mode(text)
        if mode is None and _OTHER_SET_LEAD.search(text):
            self.run = _ListRun(None, other=True)
            return
        if mode is None and counted_sentence(text) and self.index + 1 < len(self.blocks) \
                and self.blocks[self.index + 1].kind is BlockKind.LIST_ITEM:
            # "Our draft plan sets out five key priorities for the coming years." over a
            # numbered list: a priorities cue that ends in a full stop, its list the priorities
            # (read as gerund to-do items without it).
            mode = Mode.OUTCOME
        if mode is Mode.OUTCOME:
            # A priorities cue ends a plain-text apparatus section ("A foreword from the Mayor"
            # has no heading after it to close it; "Our work focuses on the following areas..."
            # does). "We will:" in "How we work" stays its ways of working.
            while self.stack and self.stack[-1].skip and self.stack[-1].level >= IMPLICIT_LEVEL:
                self.stack.pop()
        if mode is Mode.ACTION and self._section_list_mode() is Mode.OUTCOME \
                and re.fullmatch(r"(?i)(?:we\s+will|we'll|we\s+are\s+going\s+to)(?:\s+(?:do|achieve|deliver)\s+this\s+by)?\s*:", text):
            # "Our core aims" then "We will:", "Our priorities" then "We will do this by:": the
            # heading says the items are aims.
            mode = Mode.OUTCOME
        themed = THEMED_LEAD_IN.match(text)
        if themed and mode in (None, Mode.OUTCOME) and self._section_mode() is Mode.OUTCOME \
                and not self._skipping() and not bad_name(clean(themed.group("name"))):
            # "Our People, where we will focus on:" under "Our priorities for the District":
            # the words before the comma name a theme, the list under it its priorities.
            while self.stack and self.stack[-1].level > IMPLICIT_LEVEL and self.stack[-1].mode is None:
                self.stack.pop()
            parent = self.stack[-1] if self.stack else None
            self.stack.append(_Section(IMPLICIT_LEVEL + 1, clean(themed.group("name")), block.line, parent=parent))
            self.run = _ListRun(Mode.OUTCOME)
            return
        if mode is None and text.endswith(":") and 3 <= len(text.split()) <= 20 \
                and not self._skipping() and not re.search(r"\b(?:we|following|include|includes|are|is|was|were|asked|on)\s*:$", text, re.I) \
                and not ABOUT_THE_DOCUMENT.match(text):
            # "Education meets the needs of all our young people:" over to-do items: an outcome
            # the items serve (made when the first item proves to be one).
            self.run = _ListRun(None, lead_outcome=(clean(text.rstrip(":")), block.line))
            return
        if mode is Mode.ACTION and not self._skipping():
            stated = list(sentences(text))[:-1]
            outcome = self._outcome(self.stack[-1] if self.stack else None)
            if stated and outcome and not self.b.graph.nodes[outcome].properties.get("description"):
                # "We will ensure that equality ... is at the heart of everything we do. We will
                # do this by:": the objective's statement, which the list then delivers.
                self._set(outcome, description=" ".join(x.text for x in stated))
        if mode in (Mode.ACTION, Mode.MEASURE) and not self._skipping() and self.index + 1 < len(self.blocks) \
                and (self.blocks[self.index + 1].kind is BlockKind.HEADING or title_like(self.blocks[self.index + 1])):
            # "Here's a brief summary of what we plan to do over the next five years:" over each
            # objective's heading and its list: the cue holds for the sections under it.
            self._open_cue(mode, block, carries=True)
            self.run = None  # the headings under it are headings, not items of a list
            self._names(text, block.line, self._anchor())
            return
        if mode is not None:
            by = BY_WHEN.search(text)
            self.run = _ListRun(mode, by.group(1) if by else None)
            # Any lead-in may name the document its list comes from ("the priorities detailed
            # in our community safety delivery plan:").
            self._names(text, block.line, self._anchor())
            return
        if self.run is not None and self.run.mode is not None and not text.endswith(":") \
                and (len(text.split()) > 25 or text[-1:] in ".!?") and self._next_continues_run():
            # "1. Boosting productivity", its description indented below, "2. ...": the
            # description belongs to the item; the list goes on. Its commitments serve the item.
            run = self.run
            if not self._means(text, block.line) and not self._meaning(text, block.line):
                self._prose(text, block.line)
            self.run = run
            return
        if self._right_under_item(block) and self._meaning(text, block.line):
            return  # the last priority's description: what it means, item by item
        # "Our priorities to tackle these challenges are:-" then "Employment and Enjoyment" over
        # its description, and the next: lines after a priorities lead-in, not a list.
        after_lead_in = self.run is not None and self.run.mode is Mode.OUTCOME and not self.run.by_level and (
            self.paragraph_outcome is not None
            or (self.index > 0 and self.blocks[self.index - 1].text.rstrip().endswith((":", ":-"))
                and not re.search(r"(?i)\bvision\b", self.blocks[self.index - 1].text)))  # a vision is no priority
        self.run = None
        section_mode = Mode.OUTCOME if after_lead_in else self._mode()
        coded = REF.match(text) or CODE.match(text)
        if section_mode is Mode.OUTCOME and coded and not self._skipping():
            # "A1. We will improve the provision of education ..." under "Our Well-being
            # Objectives": a numbered objective, phrased as a commitment.
            first = next(iter(sentences(text[coded.end():].strip())), None)
            name = clean(first.text if first else text[coded.end():])
            if not bad_name(name):
                section = self.stack[-1] if self.stack else None
                self.paragraph_outcome = self.b.outcome(name, block.line, theme=self._theme(section),
                                                        level="priority", rule="numbered-line-under-outcomes-cue",
                                                        ref=(coded.group(0).strip(" .:)") or None))
                self.declared.setdefault(normalise_name(name), self.paragraph_outcome)
                return
        short = len(text.split()) <= 14 or (len(text.split()) <= 25 and text[-1:] not in ".!?;:"
                                            and len(list(sentences(text))) == 1
                                            and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", text)) or (
            # "To recreate a council that's proactive and responsive ..., and to build for the
            # future ...": one aim, stated in the infinitive, under "Our aims"
            len(text.split()) <= 40 and len(list(sentences(text))) == 1 and AIM_AFTER_NAME.match(text[:1].lower() + text[1:]) is not None)
        top = self.stack[-1] if self.stack else None
        sibling_of_priorities = (
            top is not None and top.level >= IMPLICIT_LEVEL and top.outcome_id is not None
            and top.parent is not None and top.parent.mode is Mode.OUTCOME and text[-1:] not in ".!?;:")
        if (section_mode is Mode.OUTCOME or sibling_of_priorities) and not self._skipping() and short \
                and not text.endswith(":") and not commitment(text) and not bad_name(clean(text)) and not NOT_AN_OUTCOME.search(text) \
                and not DOCUMENT_NAME.match(clean(text)):
            # Short lines under "Our priorities": each a priority, the prose after it its detail.
            section = self.stack[-1] if self.stack else None
            self.paragraph_outcome = self.b.outcome(clean(text), block.line, theme=self._theme(section),
                                                    level="priority", rule="line-under-outcomes-cue")
            self.declared.setdefault(normalise_name(clean(text)), self.paragraph_outcome)
            self.run = _ListRun(Mode.OUTCOME)  # the next priority line may follow its prose
            return
        if section_mode is Mode.MEASURE and self._describes_item(text):
            # "Council reports against actions ...": the item above described, no measure; the
            # documents it names still count.
            self._names(text, block.line, self._anchor())
            return
        if section_mode is Mode.MEASURE and not self._skipping() and len(text.split()) <= 25 \
                and len(list(sentences(text))) == 1 and not re.search(r"\b(?:is|are)\b", text) \
                and not text.endswith(":") and not commitment(text):
            name = clean(text)
            if not bad_name(name):
                self._measure(name, block.line, "paragraph-under-measure-heading")
                return
        if section_mode is Mode.ACTION and not self._skipping() and len(text.split()) <= 40 \
                and IMPERATIVE.match(NUMBERING.sub("", text, count=1)) and not commitment(text) \
                and not text.endswith(":"):
            name = clean(text)
            if not bad_name(name):
                self._action(name, block.line, "paragraph-under-action-heading", text)
                return
        made = self._prose(text, block.line)
        if made and section_mode is Mode.OUTCOME:
            # "Place Priorities", "We will drive investment ...", then programmes: the list
            # after a commitment names what delivers it, not more priorities.
            self.run = _ListRun(None)

    def _means(self, text: str, line: int) -> bool:
        """"2. Providing homes for the future" then "By working with developers ... to deliver
        ...": a priority's one-sentence description that says how, item by item. Each item
        is an Action serving the priority."""
        means = MEANS.match(text)
        if means is None or self.run is None or self.run.mode is not Mode.OUTCOME \
                or len(list(sentences(text))) != 1 or len(text.split()) > 60 or commitment(text):
            return False
        serves = (self.run.by_level[max(self.run.by_level)] if self.run.by_level else None) or self.paragraph_outcome
        if serves is None:
            return False
        rest = means.group("rest").rstrip(" .")
        parts: list[str] = []
        # Items are set apart by semicolons when any is; otherwise by commas ("a, b, and c"),
        # a piece of one or two words staying with the item before it ("small businesses, start-ups").
        for piece in re.split(r";\s*(?:and\s+)?" if ";" in rest else r",\s+(?:and\s+)?", rest):
            if parts and len(piece.split()) <= 2:
                parts[-1] += ", " + piece
            elif piece.strip():
                parts.append(piece.strip())
        made = False
        for part in parts:
            name = clean(part)
            if len(name.split()) >= 2 and not bad_name(name):
                self._action(name, line, "means-under-priority", text, outcome=serves)
                made = True
        return made

    def _right_under_item(self, block: Block) -> bool:
        """A paragraph on the line after an outcome item, with no blank line between: the
        item's description (an indented line of a web list)."""
        if self.index == 0 or self.run is None or self.run.mode is not Mode.OUTCOME or not self.run.by_level:
            return False
        before = self.blocks[self.index - 1]
        return before.kind is BlockKind.LIST_ITEM and block.line == max(before.end_line, before.line) + 1

    def _meaning(self, text: str, line: int) -> bool:
        """"Genuinely affordable housing." then "This means working with landlords ..., as
        well as continuing ... It also means ...": a priority's description that says what
        it means. Each thing to do is an Action serving the priority; the description's other
        clauses are read as prose. False, having made nothing, when no clause says so."""
        if self.run is None or self.run.mode is not Mode.OUTCOME or self._skipping():
            return False
        serves = (self.run.by_level[max(self.run.by_level)] if self.run.by_level else None) or self.paragraph_outcome
        clauses: list[str] = []
        for sentence in sentences(text):
            # "That includes a; b; and c": the cue holds for the whole sentence; "We want ...; and
            # we will ...; it also means ...": each clause says its own.
            clauses += [sentence.text] if MEANING.match(sentence.text) else \
                [c.strip() for c in re.split(r";\s*", sentence.text) if c.strip()]
        found = [(c, MEANING.search(c)) for c in clauses]
        if serves is None or not any(m for _, m in found):
            return False
        for clause, meaning in found:
            if meaning is None:
                self._prose(clause, line)
                continue
            for part in re.split(r";\s*(?:and\s+)?|,\s+as\s+well\s+as\s+|,?\s+and\s+(?=[a-z]+ing\s+\w)",
                                 meaning.group("rest").rstrip(" .")):
                name = clean(part)
                if len(name.split()) >= 2 and not bad_name(name):
                    self._action(name, line, "meaning-under-priority", text, outcome=serves)
        return True

    def _prose(self, text: str, line: int) -> int:
        made = 0
        for sentence in sentences(text):
            action_id = None
            if ALT_TEXT.match(sentence.text):
                continue  # an image's description a web copy kept in the text
            if not self._skipping() and not _RESOLUTION_SENTENCE.match(text):
                name = commitment(sentence.text)
                if name and not bad_name(name):
                    action_id = self._action(name, line, "we-will-sentence", sentence.text)
                    made += 1
                found = target(sentence.text)
                if found and not bad_name(found[0]):
                    self._measure(found[0], line, "target-sentence", target=found[1],
                                  deadline=found[2], action=action_id)
            if (quoted := _REWORDED_PRIORITY.search(sentence.text)) and not bad_name(clean(quoted.group("name"))):
                # "... subject to the fourth priority being amended to read "Manage a resilient,
                # financially strong Council ..."": the priority's new wording, an outcome.
                section = self.stack[-1] if self.stack else None
                name = clean(quoted.group("name"))
                self.declared.setdefault(normalise_name(name), self.b.outcome(
                    name, line, theme=self._theme(section), level="priority", rule="reworded-priority"))
            self._leads(sentence.text, line)
            if action_id is None:
                self._names(sentence.text, line, self._anchor())
        return made

    def _card_label(self, text: str) -> bool:
        """"Strategic priorities - Long term aims ..." as a list item over a title two lines
        down: a web page's card grid flattened, label first. The title is read as an outcome."""
        label = re.split(r"\s+[-–—]\s+|:\s*", text, maxsplit=1)[0].strip(" -")
        if len(label.split()) <= 5 and heading_mode(label) is Mode.OUTCOME:
            self.card = True
            return True
        return False

    def _item(self, block: Block) -> None:
        self.card = False  # a card's title follows its label at once, or there is no card
        self.list_measure = None
        if self.run is None:
            self.run = _ListRun(self._section_list_mode())
        if self.run.period is None:
            before = self.blocks[self.index - 1] if self.index else None
            self.run.period = (lead_in_period(before.text) if before is not None
                               and before.kind is BlockKind.PARAGRAPH else None) or ""
        if self.run.mode is None and self.index in self.called_outcomes:
            self.run.mode = Mode.OUTCOME  # "These outcomes were developed ..." says so after the list
        if self.run.other:
            return  # "The Strategy is based on three guiding principles:" over its principles
        if self._after_resolution():
            # "RESOLVED: that Cabinet" over "1. Agree the Council Plan ...": what the meeting
            # decided, done by the decision itself, not the plan's to-do items; the documents
            # it names still count.
            self._names(block.text.replace("**", "").strip(), block.line, self._anchor())
            return
        mode = self.run.mode
        text = block.text.replace("**", "").strip()
        level = max(block.level, 1)
        for deeper in [k for k in self.run.by_level if k >= level]:
            del self.run.by_level[deeper]
        for deeper in [k for k in self.run.themes if k >= level]:
            del self.run.themes[deeper]
        completed = COMPLETED_BELOW.match(text)
        if mode is Mode.OUTCOME and completed and self.index + 1 < len(self.blocks) \
                and self.blocks[self.index + 1].kind is BlockKind.LIST_ITEM and self.blocks[self.index + 1].level > block.level \
                and not self._skipping() and not bad_name(clean(completed.group("name"))):
            # "Enable people to:" over "help themselves and others", ...: the item names the
            # theme its nested items complete; they are the outcomes.
            parent = self.run.themes.get(level - 1) or self._theme(self.stack[-1] if self.stack else None)
            self.run.themes[level] = self.b.theme(clean(completed.group("name")), block.line, rule="item-completed-below",
                                                  **({"parent": parent} if parent else {}))
            return
        if self._skipping():
            self._leads(text, block.line)
            return
        if REPORTED_LINE.match(text):
            # "- We have already installed 30 cameras", "- This priority links to our Community
            # Safety Strategy": no item of the list, but the documents it names still count.
            self._names(text, block.line, self._anchor())
            return
        rated = RAG_RATED.search(text)
        if rated and self._rated_list():
            # "- % of household waste recycled (Green)": a performance report's indicator with
            # its rating; the line under it reports the result (not an action or a measure).
            name = clean(text[:rated.start()])
            if not bad_name(name):
                section = self.stack[-1] if self.stack else None
                self._measure(name, block.line, "rated-indicator-item", outcome=self._outcome(section),
                              status=rated.group(1))
            return
        if mode is None and (indicator := reported_indicator(text)) and not bad_name(indicator) \
                and (outcome := self._outcome(self.stack[-1] if self.stack else None)):
            # "- The percentage of household waste sent to landfill ... was 1.64%" under an
            # outcome of a progress report: a result, reported on the outcome's indicator.
            self._measure(indicator, block.line, "reported-result-item", outcome=outcome)
            return
        if mode in (None, Mode.OUTCOME) and self._card_label(text):
            return  # a card's label, even under "A summary of the priorities is shown below:"
        if mode is None and text.endswith(":") and (lead := lead_in_mode(text)) is not None:
            # "(f) The plan was built around six strategic goals. These are:" as an item of an
            # officer's lettered points: the cue holds for the list that follows it.
            by = BY_WHEN.search(text)
            self.run = _ListRun(lead, by.group(1) if by else None, lead_says=_says(text))
            return
        if mode is Mode.ACTION and self.run.lead_says and _says(text):
            # "- sets out actions that will be taken to:", "- build and retrofit home", ...,
            # "- acknowledges the local effects of climate change": a nested list printed at one
            # level; the item that says what the document does again is back in the outer list.
            self.run = _ListRun(None)
            return
        lead = LEAD_TAIL.search(text) if mode in (Mode.OUTCOME, Mode.ACTION) else None
        if lead is not None and lead.start() >= 20 and not bad_name(lead.group("owner")):
            # "Helping people on low incomes ... indebtedness. Lead Service – Finance.": the
            # item, then who leads it (its owner, not a part of its name).
            text = text[:lead.start()].rstrip() + ("." if text[lead.start():lead.start() + 1] == "." else "")
        else:
            lead = None
        if mode is Mode.OUTCOME and (targets := indicator_targets(text)):
            # "- To increase the percentage of residents who have heard of X to 90%" among a
            # priority's outcomes: an indicator and its target, measuring the outcome above.
            parent = self.run.by_level.get(level - 1) or self._outcome(self.stack[-1] if self.stack else None)
            for name, goal in targets:
                if not bad_name(name):
                    self._measure(name, block.line, "indicator-target-item", target=goal, outcome=parent)
            return
        if mode is Mode.OUTCOME:
            title = TITLE_DASH.match(text)
            theme = self.run.themes.get(level - 1) or self._theme(self.stack[-1] if self.stack else None)
            if title and len(title.group("title").split()) <= 8 and ":" in text[:title.end("title") + 2] \
                    and (pledge := commitment(title.group("rest"))) and not bad_name(clean(title.group("title"))) \
                    and not LABEL_ONLY.match(title.group("title").strip()) and not bad_name(clean(pledge)):
                # "- Cleaner streets: we will increase street cleansing ...": the name before
                # the colon is the outcome, what the council will do after it its action.
                name = clean(title.group("title"))
                parent = self.run.by_level.get(level - 1) or self._outcome(self.stack[-1] if self.stack else None)
                outcome = self.b.outcome(name, block.line, theme=theme, level="priority",
                                         rule="outcome-colon-commitment")
                self.declared.setdefault(normalise_name(name), outcome)
                if parent and parent != outcome:
                    self.b.link(RelType.SUPPORTS, outcome, parent, block.line, rule="outcome-colon-commitment")
                self._action(clean(pledge), block.line, "outcome-colon-commitment", text, outcome=outcome)
                self.run.by_level[level] = outcome
                return
            if title and LABEL_ONLY.match(title.group("title").strip()) and not bad_name(clean(title.group("rest"))):
                # "- Priority 1: Provide important local services ...": the label only counts
                # the items; the words after it are the outcome.
                text, title = title.group("rest"), None
            elif title and len(title.group("title").split()) <= 4 and _NAMED_PHRASE.match(title.group("rest")) \
                    and not bad_name(clean(title.group("rest"))):
                # "- Our Future - enabling the best start in life for our children ...": a short
                # name, then the phrase it names, run on in lower case: the phrase is the
                # outcome, the name its theme (as "People – to have ..." below).
                theme = self.b.theme(clean(title.group("title")), block.line, rule="name-before-aim",
                                     **({"parent": theme} if theme else {}))
                text, title = title.group("rest"), None
            elif title and len(title.group("title").split()) <= 3 and AIM_AFTER_NAME.match(title.group("rest")) \
                    and not bad_name(clean(title.group("rest"))):
                # "People – to have a safe, happy, healthy population ...": the aim is the
                # outcome; the word before the dash names its theme.
                theme = self.b.theme(clean(title.group("title")), block.line, rule="name-before-aim",
                                     **({"parent": theme} if theme else {}))
                text, title = title.group("rest"), None
            name = clean(title.group("title") if title and len(title.group("title").split()) <= 10 else text)
            if bad_name(name) and not self._content_among_items(name):
                return
            parent = self.run.by_level.get(level - 1) or self._outcome(self.stack[-1] if self.stack else None)
            outcome = self.b.outcome(name, block.line, theme=theme,
                                     level="priority", rule="list-after-outcomes-cue",
                                     description=title.group("rest") if title and name != clean(text) else None)
            self.declared.setdefault(normalise_name(name), outcome)
            if parent and parent != outcome:
                self.b.link(RelType.SUPPORTS, outcome, parent, block.line, rule="list-after-outcomes-cue")
            if lead is not None:
                self._lead_after_item(lead.group("owner").strip(), block.line, outcome)
            self.run.by_level[level] = outcome
            self._names(text, block.line, outcome)
        elif mode is Mode.ACTION:
            titled = TITLE_DASH.match(text)
            due = deadline_in(text) or self.run.deadline  # an item's own date before its lead-in's
            if titled and len(titled.group("title").split()) <= 8 and " – " in text[:titled.end("title") + 3]:
                # "LED streetlights – a project is already underway to ...": the title names it,
                # and the description may say when ("expected to be completed by 2024").
                name = clean(titled.group("title"))
                if due is None and (when := DUE_IN_TEXT.search(titled.group("rest"))):
                    due = when.group(1)
            elif IMPERATIVE.match(text) and (said := list(sentences(text))) and len(said) > 1 \
                    and re.match(r"(?i)if\b", said[1].text):
                # "seek public feedback ... and report back on this. If this falls, I will ensure
                # ...": the item is its first sentence; the "If ..." one says what follows it.
                name = clean(said[0].text)
            else:
                name = clean(commitment(text) or text)
            if not bad_name(name):
                action = self._action(name, block.line, "list-after-action-cue", text, deadline=due,
                                      period=self.run.period)
                if lead is not None:
                    self._lead_after_item(lead.group("owner").strip(), block.line, action)
                found = target(text)
                if found and not bad_name(found[0]):
                    # "Reducing carbon emissions by 20 per cent": the to-do item sets a target.
                    self._measure(found[0], block.line, "target-in-action", target=found[1],
                                  deadline=found[2], action=action)
        elif mode is Mode.MEASURE:
            name = clean(text)
            if not bad_name(name) or self._content_among_items(name):
                # "Governance", "Risk management" among "Service delivery", "Customer
                # satisfaction" ... after "The measures are:": measures, not page apparatus.
                self.list_measure = self._measure(name, block.line, "list-after-measure-cue")
                return
        else:
            name = commitment(text)
            if name and not bad_name(name):
                self._action(name, block.line, "we-will-item", text, period=self.run.period)
            elif block.line in self.todo_lists and IMPERATIVE.match(NUMBERING.sub("", text, count=1)) \
                    and not bad_name(clean(text)) and (
                    self.run.lead_outcome or self._theme(self.stack[-1] if self.stack else None)
                    or self._under_fields()):
                outcome = None
                if self.run.lead_outcome:
                    if self.run.lead_outcome_id is None:
                        name, line = self.run.lead_outcome
                        section = self.stack[-1] if self.stack else None
                        self.run.lead_outcome_id = self.b.outcome(
                            name, line, theme=self._theme(section), level="priority",
                            rule="outcome-over-actions")
                    outcome = self.run.lead_outcome_id
                self._action(clean(text), block.line, "imperative-item", text, outcome=outcome,
                             period=self.run.period)
            else:
                self._leads(text, block.line)
                self._names(text, block.line, self._anchor())

    def _chrome_between(self, before: int, after: int) -> bool:
        """Whether a line of page chrome lies between two lines the reader reads."""
        at = bisect.bisect_right(self.chrome_lines, before)
        return at < len(self.chrome_lines) and self.chrome_lines[at] < after

    def _action_cell(self, block: Block) -> bool:
        """A labelled cell of the labelled action line above ("year - ongoing", "Lead: ...")."""
        if block.kind not in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH) or block.line == 0:
            return False
        cell = ACTION_CELL.match(block.text.replace("**", "").strip())
        if cell is None:
            return False
        label, value = cell.group("label").lower(), cell.group("value").strip().rstrip(".;")
        action = self.labelled_action
        assert action is not None
        props = self.b.graph.nodes[action].properties
        if label.startswith(("year", "timescale", "by", "deadline", "target date", "due", "when")):
            when = cell.group(0).strip() if label == "year" and value[:1].isdigit() else value
            if not props.get("deadline"):
                read = read_deadline(when)
                self._set(action, deadline=when, deadline_date=read.date if read else None)
        elif label.startswith(("lead", "owner", "responsible", "led")):
            if not props.get("owner") and not bad_name(value):
                self._lead_after_item(value, block.line, action)
        elif label in ("section", "service area", "team"):
            if not props.get("owner") and not bad_name(value):
                self._lead_after_item(value, block.line, action)  # "Section: Public Health"
        elif label == "directorate":
            self._set(action, directorate=value)
        elif label in ("stage", "percentage complete", "% complete", "progress"):
            self._set(action, progress=value)
        elif label.startswith(("status", "rag")):
            self._set(action, status=value)
        else:  # what the action should achieve: its measure of success, as written
            self._set(action, success_measure=value)
        return True

    def _lead_after_item(self, owner: str, line: int, node: str) -> None:
        """The service or officer an item names as its lead OWNS it (one name, commas and all:
        "Lead Service – Growth, Development & Prosperity")."""
        self._set(node, owner=owner)
        if is_cabinet_member(owner) or names_a_partnership(owner, self.vocab):
            self._owner_cell(owner, line, node, rule="lead-after-item")
            return
        self.b.link(RelType.OWNS, self.b.owner(owner, line, rule="lead-after-item"), node, line,
                    rule="lead-after-item")

    def _field(self, block: Block) -> bool:
        """An objective written as labelled fields, each label on its own line above its value:
        "Performance measure(s)" / "Tonnes of CO2 equivalent", "What success will look like" /
        "... improve by 1,000 tonnes". A measure field's lines are measures of the outcome being
        read, a target field's the target of the measure above; a method's are neither."""
        text = block.text.replace("**", "").strip()
        field, self.field = self.field, None
        label = next((name for name, pattern in FIELD_LABELS if pattern.match(text)), None)
        if label and len(text.split()) <= 8 and self.index + 1 < len(self.blocks) \
                and self.blocks[self.index + 1].kind is BlockKind.PARAGRAPH:
            self.field = label
            return True
        if field is None:
            return False
        section = self.stack[-1] if self.stack else None
        if field == "measure":
            for item in measure_items(block.text):
                name = clean(item)
                if not bad_name(name):
                    self.field_measure = self._measure(name, block.line, "labelled-field",
                                                       outcome=self._outcome(section))
        elif field == "target" and self.field_measure:
            found = target(text)
            self._set(self.field_measure, target=found[1] if found and found[1] else text)
        return True

    def _after_resolution(self) -> bool:
        """Whether the list being read follows a meeting's resolution line ("RESOLVED: that
        Cabinet", "The Committee resolved to:", "It was RESOLVED that -"), only list items and
        the resolution's own numbered paragraphs between them."""
        for before in reversed(self.blocks[max(0, self.index - 12):self.index]):
            text = before.text.replace("**", "").strip()
            if _RESOLUTION_LEAD.match(text):
                return True
            if before.kind is BlockKind.LIST_ITEM or (before.kind is BlockKind.PARAGRAPH and NUMBERING.match(text)):
                continue
            return False
        return False

    def _describes_item(self, text: str) -> bool:
        """Whether a paragraph is a sentence describing the list item just above it, paragraphs
        only between them ("Service delivery" / "While the Community Strategic Plan lays out
        ...", "Council reports against actions and budgets ...")."""
        if not text.endswith((".", "!", "?")) or len(text.split()) < 8 or QUANTITY.match(text) \
                or not _DESCRIBING_VERB.search(text):
            return False  # "Number of affordable homes delivered each year.": a measure itself
        for before in reversed(self.blocks[max(0, self.index - 3):self.index]):
            if before.kind is BlockKind.LIST_ITEM:
                return True
            if before.kind is not BlockKind.PARAGRAPH or title_like(before):
                return False
        return False

    def _content_among_items(self, name: str) -> bool:
        """Whether a list item that names an apparatus word ("Governance") is content all the
        same: its list's other items are ("Structures", "Partnerships", "Policies", "Governance"
        under "... where we will focus on:"). As a heading such a word is page apparatus; as one
        of a list of priorities it is a priority."""
        if not (is_boilerplate(name) and len(name.split()) <= 3):
            return False
        block = self.blocks[self.index]
        # Only its own list: a page's foot menu ("1. Introduction", "2. Contact") under a list of
        # priorities higher up is no priority for being near them.
        start = end = self.index
        while start > 0 and self.blocks[start - 1].kind is BlockKind.LIST_ITEM and self.index - start < 8:
            start -= 1
        while end + 1 < len(self.blocks) and self.blocks[end + 1].kind is BlockKind.LIST_ITEM and end - self.index < 8:
            end += 1
        near = [b for b in self.blocks[start:end + 1] if b.level == block.level and b is not block]
        return sum(not bad_name(clean(b.text.replace("**", "").strip())) for b in near) >= 2

    def _rated_list(self) -> bool:
        """Whether the item being read is one of a run of items rated as a performance report
        rates its indicators: at least two items near it end in a RAG rating."""
        near = self.blocks[max(0, self.index - 6):self.index + 7]
        return sum(b.kind is BlockKind.LIST_ITEM and bool(RAG_RATED.search(b.text.replace("**", "").strip()))
                   for b in near) >= 2

    def _ref_row(self, text: str, line: int) -> bool:
        """An action-table row run into one line ("3.1 Obtain sign off ... Quarter 4 ...
        Cabinet Member for ..."), or its activity on the line after a bare "3.2"."""
        if self._skipping():
            return False
        ref = REF.match(text)
        if ref and text[ref.end():].strip() == "":
            self.pending_ref = ref.group(0)
            return True
        pending, self.pending_ref = self.pending_ref, None
        rest, code = (text[ref.end():].strip(), ref.group(0)) if ref else (text, pending)
        if code is None or not IMPERATIVE.match(rest):
            return False
        when = WHEN.search(rest)
        head = rest[:when.start()].strip() if when else rest
        first = next(iter(sentences(head)), None)
        name = clean(first.text if first else head)
        if bad_name(name):
            return False
        action = self._action(name, line, "action-row-in-text", head,
                              deadline=when.group(0) if when else None, ref=code)
        self.last_row_action = None if when else action
        # "Directorate: ...", "Due date: 31 March 2024", "Status: Green" on the lines under it:
        # the coded objective's fields.
        self.labelled_action = action
        for lead in find_leads(rest[when.end():] if when else ""):
            lead_id = self.b.lead(lead.name, line, role=lead.role, portfolio=lead.portfolio,
                                  rule="action-row-in-text")
            self.b.link(RelType.OWNS, lead_id, action, line, rule="action-row-in-text")
        return True

    def _row_tail(self, text: str, line: int) -> bool:
        """The rest of a run-together action row on its own line ("Quarter 4 Assistant Director
        ... Cabinet Member for ..."): its deadline and leads belong to the row's activity."""
        action, self.last_row_action = self.last_row_action, None
        if action is not None and text.startswith("(") and text.endswith(")"):
            self.last_row_action = action  # "(Also links to ... outcome)": a note in the row
            return True
        when = WHEN.match(text)
        if action is None or when is None:
            return False
        node = self.b.graph.nodes[action]
        read = read_deadline(when.group(0))
        props = dict(node.properties)
        props.update(deadline=when.group(0), deadline_date=read.date if read else None)
        rest = text[when.end():].strip()
        if rest:
            props["owner"] = rest
        self.b.graph.nodes[action] = type(node)(node.id, node.label, node.name, node.provenance, props)
        for lead in find_leads(rest):
            lead_id = self.b.lead(lead.name, line, role=lead.role, portfolio=lead.portfolio,
                                  rule="action-row-in-text")
            self.b.link(RelType.OWNS, lead_id, action, line, rule="action-row-in-text")
        return True

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
        return action

    def _measure(self, name: str, line: int, rule: str, *, action: str | None = None,
                 outcome: str | None = None, deadline: str | None = None, **props: object) -> str:
        section = self.stack[-1] if self.stack else None
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

    def _names(self, text: str, line: int, source: str, *, strategy_column: bool = False) -> None:
        if not text or not may_name(text):
            return
        plain = text.replace("**", "")
        for back in THIS_NAMED.finditer(plain):
            self.own_names |= {normalise_name(m.name) for m in named_in(back.group("name"), self.vocab, self.place)
                               if m.label == "strategy"}
        self.own_names |= {normalise_name(name) for name in own_plan_names(plain)}
        for mention in named_in(plain, self.vocab, self.place):
            if (any(normalise_name(name) in self.own_title for name in {mention.name, without_years(mention.name)})
                and not self._reports_on(mention.name) and not (self.title_from_file and len(mention.name.split()) > 2)
                and not earlier_edition(plain, mention.name)) \
                    or normalise_name(mention.name) in self.own_names or self._subtitle(text, line, mention.name) \
                    or (mention.label == "strategy" and self._own_years(plain, mention.name)):
                continue  # the plan naming itself
            if mention.label == "strategy":
                node = self.b.strategy(mention.name, line, kind=mention.kind or "document",
                                       rule="named-strategy")
            else:
                node = self.b.partnership(mention.name, line, rule="named-partnership")
            if node != source:
                self.b.link(RelType.REFERENCES, source, node, line, rule="named-in-text")

    def _own_years(self, text: str, name: str) -> bool:
        """Whether ``name`` is written with the plan's own period after it ("the objectives
        Draft Corporate Strategy 2025-30" on the 2025-2030 objectives' page): the plan itself,
        as a page names the document it summarises."""
        plan = self.b.graph.nodes[self.b.plan_id].properties
        start, end = plan.get("start_year"), plan.get("end_year")
        if REPORTING_TITLE.search(self.own_title):
            return False
        name = without_years(name)  # a name may carry its years: they are what is compared
        at = text.find(name)
        years = _YEARS_WRITTEN.match(text, at + len(name)) if at >= 0 and start and end and start != end else None
        return bool(years) and (int(years.group(1)), int(years.group(2)) % 100) == (start, end % 100) \
            and not re.search(r"(?i)\b(?:previous|last|former|existing|current)\s+$", text[:at])

    def _reports_on(self, name: str) -> bool:
        """Whether the document's title is a report on the plan ``name`` rather than the plan
        ("Council Plan performance dashboard", "Council plan overview report - Summary"): the
        plan it reports on is a document of its own."""
        title = self.own_title
        at = title.find(normalise_name(name))
        return at >= 0 and bool(REPORT_ON.match(title[at + len(normalise_name(name)):]))

    def _subtitle(self, text: str, line: int, name: str) -> bool:
        """Whether ``name`` opens a line just under the title and only dates follow it
        ("Development Plan – Dec 2018 to April 2020" under "Parish Council Action plan"): the
        document's other name for itself, not a document it refers to."""
        return (0 < line - self.title_line <= 2 and clean(text).startswith(name)
                and bool(re.match(r"\s*(?:$|[-–—:(]|\d{4}\b)", clean(text)[len(name):])))

    def _leads(self, text: str, line: int) -> None:
        for lead in find_leads(text):
            rule = "role-lead" if lead.name.startswith("the ") else "named-lead"
            lead_id = self.b.lead(lead.name, line, role=lead.role, portfolio=lead.portfolio, rule=rule)
            self.leads[lead_id] = (lead.role, lead.portfolio)

    def _link_leads(self) -> None:
        """Each lead OWNS the themes its portfolio names; the Leader the plan."""
        themes = {tid: content_words(name) for tid, name in self.theme_names.items()}
        for lead_id, (role, portfolio) in self.leads.items():
            node = self.b.graph.nodes[lead_id]
            if portfolio:
                words = content_words(portfolio)
                for tid, theme_words in themes.items():
                    if words & theme_words:
                        self.b.link(RelType.OWNS, lead_id, tid, node.provenance.line,
                                    method=Method.INFERRED, confidence=0.7, rule="portfolio-matches-theme")
            # The Leader leads the plan, and still does when also holding a portfolio ("Leader
            # and Cabinet Member for Asset Management").
            if re.search(r"\bleader\b|\bcommissioner\b|\bmayor\b", role, re.I) and not re.search(r"deputy", role, re.I):
                self.b.link(RelType.OWNS, lead_id, self.b.plan_id, node.provenance.line,
                            method=Method.INFERRED, confidence=0.8, rule="leader-leads-plan")


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
