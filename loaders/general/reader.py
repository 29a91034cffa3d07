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

import re
from dataclasses import dataclass, field

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.model import Label, Method, RelType, normalise_name
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.general.cues import (
    NUMBERED_OUTCOME,
    Mode,
    heading_mode,
    is_boilerplate,
    is_link_line,
    lead_in_mode,
)
from stratgraph.loaders.general.deadlines import read_deadline
from stratgraph.loaders.general.leads import find_leads, is_cabinet_member, split_owners
from stratgraph.loaders.general.plan_info import plan_info
from stratgraph.loaders.general.statements import capitalise, commitment, sentences, target
from stratgraph.loaders.general.tables import Column, TableShape, table_shape
from stratgraph.loaders.shapes.narrative.entities import Vocabulary, find_entities
from stratgraph.loaders.common.plan_info import place_of
from stratgraph.loaders.read.furniture import is_page_number, is_site_chrome
from stratgraph.loaders.read.model import Block, BlockKind, Document

#: Implicit headings (title-like lines of plain text) nest below every marked heading.
_IMPLICIT_LEVEL = 7
_TERMINAL = ".!?;,"
_NUMBERING = re.compile(
    r"^\s*(?:\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})[.)]\s*(?:[a-z]\)\s*)?"
    r"|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?:\s*[a-z]\))?\s+|[A-Z]{1,4}\.?\d{1,3}(?:\.\d{1,2})?[.:]?\s+)")
# "Objective 7", "Priority 3": a label whose name follows on the next heading or line.
_LABEL_ONLY = re.compile(
    r"^(?:strategic\s+|corporate\s+|key\s+|well-?being\s+)?(?:priority|outcome|ambition|objective|aim|goal|mission|pillar)"
    r"\s*(?:\d{1,2}|[A-H]|one|two|three|four|five|six|seven|eight|nine|ten)\s*:?$", re.IGNORECASE)
# "3.1 Obtain sign off ...", "WP.1 Improve ...", or "3.2" alone on its line: a row of an action
# table whose cells a conversion ran into one line.
_REF = re.compile(r"^(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?:\s*[a-z]\))?|[A-Z]{1,4}\.?\d{1,3}(?:\.\d{1,2})?)(?=\s|$)")
_WHEN = re.compile(
    r"\b(?:Quarter\s+[1-4](?:\s+20\d\d(?:/\d\d)?)?|Q[1-4](?:\s+20\d\d(?:/\d\d)?)?"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+20\d\d"
    r"|(?:Spring|Summer|Autumn|Winter)\s+20\d\d|20\d\d/\d\d|Ongoing)\b")
_JOB_TITLE = re.compile(
    r"^(?:the\s+)?(?:(?:assistant|deputy|executive|strategic|corporate|interim|acting)\s+)*"
    r"(?:director|head|chief\s+\w+|manager|officer|cabinet\s+member|portfolio\s+holder|leader|chair(?:man|person)?"
    r"|commissioner|clerk|mayor)\b(?:\s+(?:of|for)\s+.*)?$",
    re.IGNORECASE,
)
_STATISTIC = re.compile(r"^[\W\d]*\d[\d,.]*\s*(?:%|per\s*cent|m|k|bn|million|billion)?\b")
_HEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-H]\.|[IVX]{1,4}\.)\s+(?=[A-Z])")
_BY_WHEN = re.compile(
    r"\bby\s+(?:the\s+end\s+of\s+)?((?:(?:Q[1-4]|Quarter\s+[1-4])\s+)?(?:(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Spring|Summer|Autumn|Winter)\s+)?20\d\d(?:/\d\d)?)\b", re.IGNORECASE)
_FIGURE_END = re.compile(r"(?:£\s?[\d,.]+\s*(?:m|k|bn|million|billion)?|\d[\d,]*\.\d+\s*[mk%]?|\d{1,3}(?:,\d{3})+)\s*\W*$")
_TITLE_DASH = re.compile(r"^(?P<title>[^:–—]{3,90}?)\s*(?::|\s[–—-]\s)\s*(?P<rest>\S.{10,})$")
_PARTNERSHIP_END = re.compile(r"\b(?:Partnership|Board|Trust|Forum|Panel|Alliance|Network|Group|Commission|Committee)\b")
_WORDS = re.compile(r"[a-z]{3,}")
# The verbs a plan's to-do list starts with ("Expand the Park and Ride", "Progressing the loop").
_IMPERATIVE = re.compile(
    r"^(?:(?:continu(?:e|ing)\s+to|work(?:ing)?\s+(?:with|to))\s+)?"
    r"(?:deliver|develop|expand|review|retrofit|build|launch|introduce|implement|create|provide|establish"
    r"|invest|open|complete|publish|promote|explore|progress|roll\s+out|extend|upgrade|refurbish|install"
    r"|recruit|train|commission|procure|adopt|agree|produce|prepare|consult|bring|set\s+up|carry\s+out|undertake"
    r"|tackle|reduce|increase|improve|support|ensure|maintain|secure|run|hold|plant|replace|repair|restore"
    r"|modernise|transform|redesign|design|pilot|trial|test|embed|strengthen|enable|encourage|help|protect"
    r"|work|make|put|achieve|continue|respond|engage|partner|fund|offer|target|raise|cut|close|merge|move"
    r"|obtain|enhance|update|digitise|simplify|review)(?:e?s|ing)?\b(?!\s+(?:by|in|on)\s+20\d\d)",
    re.IGNORECASE,
)
_STOP = frozenset({"and", "the", "for", "with", "our", "of", "services", "service", "council"})


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


@dataclass
class _ListRun:
    """The list being read: what its items are, the outcome item at each nesting level."""

    mode: Mode | None
    deadline: str | None = None
    by_level: dict[int, str] = field(default_factory=dict)
    #: A lead-in line ending in a colon that is itself an outcome, if its items are actions.
    lead_outcome: tuple[str, int] | None = None
    lead_outcome_id: str | None = None


def _clean(text: str) -> str:
    text = text.replace("**", "")
    text = _NUMBERING.sub("", text, count=1)
    return capitalise(text.strip(" -–—•*·▪"))


# A sentence about the plan's outcomes rather than one of them.
_NOT_AN_OUTCOME = re.compile(
    r"^(?:we|our\s+\d+|the\s+vision|this|these|there|it|you|they)\b"
    r"|\b(?:is|are|the|of|to|and|for|by|our|with|a|an)\s*$", re.IGNORECASE)
# Words of an action or KPI table's header row, run together on one line by a conversion.
_HEADER_WORDS = re.compile(r"\b(?:lead|officer|directorate|timescales?|ref|activity|baseline|status|owner"
                           r"|responsible|deadline|indicator|rag)\b", re.IGNORECASE)


def _bad_name(name: str) -> bool:
    """A job title, statistic, link or fragment: never an outcome, action or measure."""
    if len(name) < 3 or not re.search(r"[A-Za-z]{3}", name):
        return True
    if _JOB_TITLE.match(name) or is_link_line(name) or is_site_chrome(name) or is_page_number(name):
        return True
    if re.match(r"(?i)^(?:cllrs?|councillors?|clerk)\b", name):
        return True
    if (heading_mode(name) is not None and len(name.split()) <= 4) or is_boilerplate(name) or "|" in name:
        return True
    if len(_HEADER_WORDS.findall(name)) >= 3 and len(name.split()) <= 10:
        return True
    if _STATISTIC.match(name) and len(name.split()) <= 6:
        return True
    if _FIGURE_END.search(name) and len(name.split()) <= 8:
        return True  # "Full Time Equivalent (FTE) staff 2,370.3", "Capital Budget £3.1m"
    return False


def _title_like(block: Block) -> bool:
    """A plain-text line that reads as a heading: short, no closing punctuation, capitalised."""
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    text = block.text.strip()
    if text.startswith("**") and text.endswith("**") and text.count("**") == 2:
        text = text.strip("*")
    words = text.split()
    if not 1 <= len(words) <= 12 or len(text) > 90 or text[-1] in _TERMINAL or text.endswith(":"):
        return False
    if "|" in text or not (text[0].isupper() or text[0].isdigit()) \
            or text.lower().startswith(("we ", "i ", "it ", "this ")):
        return False
    return bool(re.search(r"[A-Za-z]{3}", text)) and not _STATISTIC.match(text) and not _FIGURE_END.search(text)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORDS.findall(text.lower()) if w not in _STOP}


class GeneralReader:
    """One pass over one document's blocks."""

    def __init__(self, doc: Document, loader: str) -> None:
        self.doc = doc
        self.loader = loader
        self.b = DocumentGraphBuilder(doc.name)
        self.blocks = [b for b in doc.blocks if not self._is_chrome(b)]
        self.vocab = Vocabulary(doc.text)
        self.stack: list[_Section] = []
        self.run: _ListRun | None = None
        self.declared: dict[str, str] = {}
        self.leads: dict[str, tuple[str, str | None]] = {}
        self.theme_names: dict[str, str] = {}
        self.place: str | None = None
        self.pending_label: _Section | None = None
        self.pending_ref: str | None = None
        self.last_row_action: str | None = None
        self.paragraph_outcome: str | None = None
        self.warnings: list[str] = []

    # -- the pass ---------------------------------------------------------------------

    def read(self) -> Extraction:
        info = plan_info(self.blocks, self.doc.name)
        self.own_title = normalise_name(info.title)
        self.todo_lists = self._todo_lists()
        self.place = place_of(info.organisation)
        self.b.plan(info.title, info.line, organisation=info.organisation,
                    start_year=info.start_year, end_year=info.end_year, kind=info.kind,
                    loader=self.loader, rule="plan-title")
        title_line = info.line
        for block in self.blocks:
            if block.line == title_line and block.kind is not BlockKind.TABLE:
                # The title opens the document's outermost section: never a theme, but its
                # words still say what its lists are ("Priorities of X Council 2017-2022").
                self.stack = [_Section(0, block.text, block.line, mode=heading_mode(block.text),
                                       thematic=False)]
                continue
            if block.kind is BlockKind.HEADING:
                self._heading(block.text, block.level, block.line)
            elif _title_like(block) and not self._in_list_mode():
                self._heading(block.text.strip("*"), _IMPLICIT_LEVEL, block.line)
            elif block.kind is BlockKind.LIST_ITEM:
                self._item(block)
            elif block.kind is BlockKind.TABLE:
                self.run = None
                self._table(block)
            else:
                self._paragraph(block)
        self._link_leads()
        return Extraction(self.doc.name, self.loader, self.b.plan_id, self.b.graph,
                          tuple(self.warnings))

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
                verbs = sum(bool(_IMPERATIVE.match(_NUMBERING.sub("", b.text.replace("**", ""), count=1)))
                            for b in run)
                if verbs * 3 >= len(run) * 2:
                    lines.update(b.line for b in run)
                run = []
        return lines

    def _is_chrome(self, block: Block) -> bool:
        if block.kind is BlockKind.TABLE:
            return False
        text = block.text.strip()
        return is_site_chrome(text) or is_page_number(text) or (
            block.kind is not BlockKind.HEADING and is_link_line(text))

    def _in_list_mode(self) -> bool:
        # A title-like line inside a list of outcomes is an outcome, not a heading.
        return self.run is not None and self.run.mode is not None

    # -- sections ---------------------------------------------------------------------

    def _heading(self, text: str, level: int, line: int) -> None:
        self.run = None
        self.paragraph_outcome = None
        text = " ".join(text.replace("**", "").split())
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
        bare = _HEADING_NUMBER.sub("", text, count=1) or text
        section.name = bare
        numbered = NUMBERED_OUTCOME.match(bare)
        mode = heading_mode(bare)
        text = bare
        if is_boilerplate(text):
            section.skip, section.thematic = True, False
        elif normalise_name(_clean(text)) in self.declared and not is_boilerplate(text):
            section.outcome_id = self.declared[normalise_name(_clean(text))]
            section.theme_id = self._theme(section, "section-of-declared-outcome")
            if section.theme_id:
                self.b.link(RelType.PART_OF, section.outcome_id, section.theme_id, line,
                            rule="section-of-declared-outcome")
        elif numbered and numbered.group("word").lower() == "theme" \
                and not _bad_name(_clean(numbered.group("name"))):
            # "Theme 1: A new kind of council": a theme (and its outcome) whose lists are its
            # priorities, each supporting it.
            self._outcome_section(section, _clean(numbered.group("name")), "numbered-theme-heading")
            section.mode = Mode.OUTCOME
        elif numbered and not _bad_name(_clean(numbered.group("name"))):
            self._outcome_section(section, _clean(numbered.group("name")), "numbered-outcome-heading")
        elif mode is not None:
            section.mode, section.thematic = mode, False
        elif parent and parent.mode is Mode.OUTCOME and parent.level >= 1 and not _bad_name(_clean(text)) \
                and (level < _IMPLICIT_LEVEL or (len(text.split()) >= 2 and not text.isupper()
                                                 and not re.search(r"[+&/]", text))):
            self._outcome_section(section, _clean(text), "heading-under-outcomes-cue")
        elif _LABEL_ONLY.match(text):
            # "Objective 7" over the heading or line that names it.
            self.pending_label = section
        self.stack.append(section)

    def _name_pending_label(self, text: str, line: int) -> bool:
        """Name the "Objective 7" section just opened with this heading or line."""
        section, self.pending_label = self.pending_label, None
        if section is None or not self.stack or self.stack[-1] is not section:
            return False
        name = _clean(text)
        if _bad_name(name) or heading_mode(text) is not None:
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
        while section is not None and not section.thematic:
            section = section.parent
        if section is None or section.skip:
            return None
        if section.theme_id is None:
            parent = self._theme(section.parent)
            props = {"parent": parent} if parent else {}
            section.theme_id = self.b.theme(section.name, section.line, rule=rule, **props)
            self.theme_names[section.theme_id] = section.name
        return section.theme_id

    def _commitments_heading(self, section: _Section | None, line: int) -> str | None:
        """A short plain heading whose section commits to things is the outcome they serve
        ("Good jobs" over "We will ..."): when a plan's priorities are its sections."""
        if section is None or not section.thematic or section.skip or section.mode is not None \
                or section.outcome_id or len(section.name.split()) > 12 or _bad_name(section.name):
            return None
        theme = self._theme(section, "section-with-commitments")
        section.outcome_id = self.b.outcome(_clean(section.name), section.line, theme=theme,
                                            level="priority", rule="section-with-commitments")
        self.declared.setdefault(normalise_name(_clean(section.name)), section.outcome_id)
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

    def _skipping(self) -> bool:
        return bool(self.stack and self.stack[-1].skip)

    # -- blocks -------------------------------------------------------------------------

    def _paragraph(self, block: Block) -> None:
        text = block.text.replace("**", "").strip()
        if self._name_pending_label(text, block.line):
            return
        if self._ref_row(text, block.line):
            return
        if self._row_tail(text, block.line):
            return
        if text.endswith(("the following.", "as follows.")):
            text = text[:-1] + ":"  # "By 2028 we will have improved ... through the following."
        labelled = NUMBERED_OUTCOME.match(text)
        if labelled and len(text.split()) <= 40 and not self._skipping() \
                and labelled.group("word").lower() != "theme" and not _bad_name(_clean(labelled.group("name"))):
            # "Aim: The Peak District is a welcoming place ...": a labelled outcome line.
            name = _clean(labelled.group("name"))
            section = self.stack[-1] if self.stack else None
            self.paragraph_outcome = self.b.outcome(name, block.line, theme=self._theme(section),
                                                    level="priority", rule="labelled-outcome-line")
            parent = self._outcome(section)
            if parent and parent != self.paragraph_outcome:
                self.b.link(RelType.SUPPORTS, self.paragraph_outcome, parent, block.line,
                            rule="labelled-outcome-line")
            self.run = None
            return
        mode = lead_in_mode(text)
        if mode is Mode.ACTION and self._section_list_mode() is Mode.OUTCOME \
                and re.fullmatch(r"(?i)(?:we\s+will|we'll|we\s+are\s+going\s+to)\s*:", text):
            # "Our core aims" then "We will:": the heading says the items are aims.
            mode = Mode.OUTCOME
        if mode is None and text.endswith(":") and 3 <= len(text.split()) <= 20 \
                and not self._skipping() and not re.search(r"\b(?:we|following|include|includes|are|is|was|were|asked|on)\s*:$", text, re.I):
            # "Education meets the needs of all our young people:" over to-do items: an outcome
            # the items serve (made when the first item proves to be one).
            self.run = _ListRun(None, lead_outcome=(_clean(text.rstrip(":")), block.line))
            return
        if mode is not None:
            by = _BY_WHEN.search(text)
            self.run = _ListRun(mode, by.group(1) if by else None)
            if mode is Mode.ACTION:
                self._names(text, block.line, self._anchor())
            return
        self.run = None
        section_mode = self._mode()
        if section_mode is Mode.OUTCOME and not self._skipping() and len(text.split()) <= 14 \
                and not commitment(text) and not _bad_name(_clean(text)) and not _NOT_AN_OUTCOME.search(text):
            # Short lines under "Our priorities": each a priority, the prose after it its detail.
            section = self.stack[-1] if self.stack else None
            self.paragraph_outcome = self.b.outcome(_clean(text), block.line, theme=self._theme(section),
                                                    level="priority", rule="line-under-outcomes-cue")
            self.declared.setdefault(normalise_name(_clean(text)), self.paragraph_outcome)
            return
        if section_mode is Mode.MEASURE and not self._skipping() and len(text.split()) <= 40 \
                and not text.endswith(":") and not commitment(text):
            name = _clean(text)
            if not _bad_name(name):
                self._measure(name, block.line, "paragraph-under-measure-heading")
                return
        if section_mode is Mode.ACTION and not self._skipping() and len(text.split()) <= 40 \
                and _IMPERATIVE.match(_NUMBERING.sub("", text, count=1)) and not commitment(text) \
                and not text.endswith(":"):
            name = _clean(text)
            if not _bad_name(name):
                self._action(name, block.line, "paragraph-under-action-heading", text)
                return
        made = self._prose(text, block.line)
        if made and section_mode is Mode.OUTCOME:
            # "Place Priorities", "We will drive investment ...", then programmes: the list
            # after a commitment names what delivers it, not more priorities.
            self.run = _ListRun(None)

    def _prose(self, text: str, line: int) -> int:
        made = 0
        for sentence in sentences(text):
            action_id = None
            if not self._skipping():
                name = commitment(sentence.text)
                if name and not _bad_name(name):
                    action_id = self._action(name, line, "we-will-sentence", sentence.text)
                    made += 1
                found = target(sentence.text)
                if found and not _bad_name(found[0]):
                    self._measure(found[0], line, "target-sentence", target=found[1],
                                  deadline=found[2], action=action_id)
            self._leads(sentence.text, line)
            if action_id is None:
                self._names(sentence.text, line, self._anchor())
        return made

    def _item(self, block: Block) -> None:
        if self.run is None:
            self.run = _ListRun(self._section_list_mode())
        mode = self.run.mode
        text = block.text.replace("**", "").strip()
        level = max(block.level, 1)
        for deeper in [k for k in self.run.by_level if k >= level]:
            del self.run.by_level[deeper]
        if self._skipping():
            self._leads(text, block.line)
            return
        if mode is Mode.OUTCOME:
            title = _TITLE_DASH.match(text)
            name = _clean(title.group("title") if title and len(title.group("title").split()) <= 10 else text)
            if _bad_name(name):
                return
            parent = self.run.by_level.get(level - 1) or self._outcome(self.stack[-1] if self.stack else None)
            outcome = self.b.outcome(name, block.line, theme=self._theme(self.stack[-1] if self.stack else None),
                                     level="priority", rule="list-after-outcomes-cue",
                                     description=title.group("rest") if title and name != _clean(text) else None)
            self.declared.setdefault(normalise_name(name), outcome)
            if parent and parent != outcome:
                self.b.link(RelType.SUPPORTS, outcome, parent, block.line, rule="list-after-outcomes-cue")
            self.run.by_level[level] = outcome
            self._names(text, block.line, outcome)
        elif mode is Mode.ACTION:
            name = _clean(commitment(text) or text)
            if not _bad_name(name):
                self._action(name, block.line, "list-after-action-cue", text, deadline=self.run.deadline)
        elif mode is Mode.MEASURE:
            name = _clean(text)
            if not _bad_name(name):
                self._measure(name, block.line, "list-after-measure-cue")
        else:
            name = commitment(text)
            if name and not _bad_name(name):
                self._action(name, block.line, "we-will-item", text)
            elif block.line in self.todo_lists and _IMPERATIVE.match(_NUMBERING.sub("", text, count=1)) \
                    and not _bad_name(_clean(text)) and (
                    self.run.lead_outcome or self._theme(self.stack[-1] if self.stack else None)):
                outcome = None
                if self.run.lead_outcome:
                    if self.run.lead_outcome_id is None:
                        name, line = self.run.lead_outcome
                        section = self.stack[-1] if self.stack else None
                        self.run.lead_outcome_id = self.b.outcome(
                            name, line, theme=self._theme(section), level="priority",
                            rule="outcome-over-actions")
                    outcome = self.run.lead_outcome_id
                self._action(_clean(text), block.line, "imperative-item", text, outcome=outcome)
            else:
                self._leads(text, block.line)
                self._names(text, block.line, self._anchor())

    def _ref_row(self, text: str, line: int) -> bool:
        """An action-table row run into one line ("3.1 Obtain sign off ... Quarter 4 ...
        Cabinet Member for ..."), or its activity on the line after a bare "3.2"."""
        if self._skipping():
            return False
        ref = _REF.match(text)
        if ref and text[ref.end():].strip() == "":
            self.pending_ref = ref.group(0)
            return True
        pending, self.pending_ref = self.pending_ref, None
        rest, code = (text[ref.end():].strip(), ref.group(0)) if ref else (text, pending)
        if code is None or not _IMPERATIVE.match(rest):
            return False
        when = _WHEN.search(rest)
        head = rest[:when.start()].strip() if when else rest
        first = next(iter(sentences(head)), None)
        name = _clean(first.text if first else head)
        if _bad_name(name):
            return False
        action = self._action(name, line, "action-row-in-text", head,
                              deadline=when.group(0) if when else None, ref=code)
        self.last_row_action = None if when else action
        for lead in find_leads(rest[when.end():] if when else ""):
            lead_id = self.b.lead(lead.name, line, role=lead.role, portfolio=lead.portfolio,
                                  rule="action-row-in-text")
            self.b.link(RelType.OWNS, lead_id, action, line, rule="action-row-in-text")
        return True

    def _row_tail(self, text: str, line: int) -> bool:
        """The rest of a run-together action row on its own line ("Quarter 4 Assistant Director
        ... Cabinet Member for ..."): its deadline and leads belong to the row's activity."""
        action, self.last_row_action = self.last_row_action, None
        when = _WHEN.match(text)
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

    # -- tables -------------------------------------------------------------------------

    def _table(self, block: Block) -> None:
        if not block.rows or self._skipping():
            return
        shape = table_shape(block.rows[0])
        if not shape.kind:
            for row in block.rows:
                for cell in row:
                    self._leads(cell, block.line)
            return
        exact = block.end_line - block.line + 1 == len(block.rows)
        group_outcome: str | None = None
        for index, row in enumerate(block.rows[1:], start=1):
            if block.row_lines:
                line = block.row_lines[index]
            else:
                line = block.line + index if exact else block.line
            cells = [c.strip() for c in row] + [""] * (len(shape.roles) - len(row))
            if tuple(c.replace("**", "").strip().lower() for c in row) == \
                    tuple(c.replace("**", "").strip().lower() for c in block.rows[0]):
                continue  # a header repeated after a page break
            filled = [c for c in cells if c]
            if len(filled) == 1 and len(cells) > 2:
                # A row spanning the table: a group heading ("Outcome: ...", "ADMIN").
                group = NUMBERED_OUTCOME.match(filled[0]) or re.match(r"^(?:outcome|priority|objective)\s*:\s*(?P<name>.+)$", filled[0], re.I)
                group_outcome = None
                if group and not _bad_name(_clean(group.group("name"))):
                    group_outcome = self.b.outcome(_clean(group.group("name")), line,
                                                   theme=self._theme(self.stack[-1] if self.stack else None),
                                                   level="priority", rule="table-group-row")
                continue
            if shape.kind == "action":
                self._action_row(shape, cells, line, group_outcome)
            elif shape.kind == "measure":
                self._measure_row(shape, cells, line, group_outcome)
            elif shape.kind == "outcome":
                col = shape.first(Column.OUTCOME)
                name = _clean(cells[col]) if col is not None else ""
                if name and not _bad_name(name):
                    self.b.outcome(name, line, theme=self._theme(self.stack[-1] if self.stack else None),
                                   level="priority", rule="outcome-table-row")

    def _action_row(self, shape: TableShape, cells: list[str], line: int, group: str | None) -> None:
        col = shape.first(Column.ACTION)
        if col is None or not cells[col]:
            return
        outcome = group
        out_col = shape.first(Column.OUTCOME)
        if out_col is not None and cells[out_col]:
            name = _clean(cells[out_col].split("\n")[0])
            if not _bad_name(name):
                section = self.stack[-1] if self.stack else None
                outcome = self.b.outcome(name, line, theme=self._theme(section),
                                         level="objective", rule="action-table-outcome-column")
                parent = group or self._outcome(section)
                if parent and parent != outcome:
                    self.b.link(RelType.SUPPORTS, outcome, parent, line, rule="action-table-outcome-column")
        items = [ln[2:] if ln.startswith("- ") else ln for ln in cells[col].split("\n") if ln.strip()]
        bullets = all(ln.startswith("- ") for ln in cells[col].split("\n") if ln.strip())
        names = items if bullets and len(items) > 1 else [" ".join(items)]
        dl_col = shape.first(Column.DEADLINE)
        deadlines = [ln.lstrip("- ") for ln in cells[dl_col].split("\n") if ln.strip()] if dl_col is not None else []
        props: dict[str, object] = {}
        for role, key in ((Column.REF, "ref"), (Column.STATUS, "status"), (Column.SUCCESS, "measure_of_success")):
            c = shape.first(role)
            if c is not None and cells[c]:
                props[key] = " ".join(cells[c].replace("**", "").split())
        for i, raw in enumerate(names):
            name = _clean(raw)
            if _bad_name(name):
                continue
            written = deadlines[i] if len(deadlines) == len(names) else " ".join(deadlines) or None
            action = self._action(name, line, "action-table-row", raw, deadline=written,
                                  outcome=outcome, **props)
            for m_col in shape.all(Column.MEASURE):
                for measure in (ln.lstrip("- ") for ln in cells[m_col].split("\n") if ln.strip()):
                    if not _bad_name(_clean(measure)):
                        self._measure(_clean(measure), line, "action-table-measure-column",
                                      outcome=outcome, action=None if outcome else action)
            self._owners(shape, cells, line, action)
            for s_col in shape.all(Column.STRATEGY):
                self._names(cells[s_col].replace("\n", ". "), line, action, strategy_column=True)

    def _owners(self, shape: TableShape, cells: list[str], line: int, action: str) -> None:
        owners: list[str] = []
        for c in shape.all(Column.OWNER) + shape.all(Column.CABINET):
            if not cells[c]:
                continue
            cabinet_column = shape.roles[c] is Column.CABINET
            for entry in split_owners(cells[c]):
                owners.append(entry)
                if cabinet_column or is_cabinet_member(entry):
                    leads = find_leads(entry)
                    if leads:
                        lead = leads[0]
                        lead_id = self.b.lead(lead.name, line, role=lead.role, portfolio=lead.portfolio,
                                              rule="action-table-owner")
                    elif entry.lower().startswith(("cllr", "councillor")):
                        # The role is the member's own line's to give ("Cllr X, Cabinet Member for").
                        lead_id = self.b.lead(entry.replace("Councillor", "Cllr"), line,
                                              rule="action-table-owner")
                    elif cabinet_column and not re.match(r"(?i)^(?:the\s+)?(?:leader|deputy|cabinet|portfolio)", entry):
                        lead_id = self.b.lead(f"the Cabinet Member for {entry}", line,
                                              role=f"Cabinet Member for {entry}", portfolio=entry,
                                              rule="action-table-owner")
                    else:
                        role = entry if entry.lower().startswith("the ") else f"the {entry}"
                        lead_id = self.b.lead(role, line, role=entry, rule="action-table-owner")
                    self.b.link(RelType.OWNS, lead_id, action, line, rule="action-table-owner")
                elif _PARTNERSHIP_END.search(entry) and entry[0].isupper():
                    pid = self.b.partnership(entry, line, rule="action-table-owner")
                    self.b.link(RelType.OWNS, pid, action, line, rule="action-table-owner")
                else:
                    oid = self.b.owner(entry, line, rule="action-table-owner")
                    self.b.link(RelType.OWNS, oid, action, line, rule="action-table-owner")
        partners = [p for c in shape.all(Column.PARTNER) for p in split_owners(cells[c])]
        for p in partners:
            if _PARTNERSHIP_END.search(p) and p[0].isupper():
                pid = self.b.partnership(p, line, rule="action-table-partner")
                self.b.link(RelType.INVOLVES, action, pid, line, rule="action-table-partner")
        if owners:
            node = self.b.graph.nodes[action]
            props = dict(node.properties)
            props["owner"] = "; ".join(owners)
            self.b.graph.nodes[action] = type(node)(node.id, node.label, node.name, node.provenance, props)

    def _measure_row(self, shape: TableShape, cells: list[str], line: int, group: str | None) -> None:
        col = shape.first(Column.MEASURE)
        if col is None:
            col = next((i for i, r in enumerate(shape.roles) if r is Column.OTHER and cells[i]), None)
        if col is None or not cells[col]:
            return
        raw = cells[col].replace("**", "")
        direction = None
        m = re.search(r"\((minimi[sz]e|maximi[sz]e|lower is better|higher is better|smaller is better|bigger is better)\)\s*$", raw, re.I)
        if m:
            direction, raw = m.group(1), raw[:m.start()]
        name = _clean(raw)
        if _bad_name(name):
            return
        values = {}
        for role, key in ((Column.TARGET, "target"), (Column.BASELINE, "baseline"), (Column.DIRECTION, "direction"),
                          (Column.STATUS, "status"), (Column.REF, "indicator_code"), (Column.DEADLINE, "period"),
                          (Column.OWNER, "owner")):
            c = shape.first(role)
            if c is not None and cells[c]:
                values[key] = " ".join(cells[c].replace("**", "").replace("\n", " ").split())
        if direction and "direction" not in values:
            values["direction"] = direction
        out_col = shape.first(Column.OUTCOME)
        outcome = group
        if out_col is not None and cells[out_col] and not _bad_name(_clean(cells[out_col])):
            outcome = self.b.outcome(_clean(cells[out_col]), line, theme=self._theme(self.stack[-1] if self.stack else None),
                                     level="priority", rule="measure-table-outcome-column")
        self._measure(name, line, "measure-table-row", outcome=outcome, **values)

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
                outcome: str | None = None, **props: object) -> str:
        section = self.stack[-1] if self.stack else None
        theme = self._theme(section)
        if not deadline and (by := _BY_WHEN.search(name)):
            deadline = by.group(1)  # "Deliver the Skills Hub by September 2026"
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
        if not text or ("Strateg" not in text and "Plan" not in text and "plan" not in text and "strateg" not in text
                        and not _PARTNERSHIP_END.search(text) and "Framework" not in text
                        and "Programme" not in text and "Policy" not in text):
            return
        for mention in find_entities(text.replace("**", ""), self.vocab, self.place):
            if normalise_name(mention.name) in self.own_title:
                continue  # the plan naming itself
            if mention.label == "strategy":
                node = self.b.strategy(mention.name, line, kind=mention.kind or "document",
                                       rule="named-strategy")
            else:
                node = self.b.partnership(mention.name, line, rule="named-partnership")
            if node != source:
                self.b.link(RelType.REFERENCES, source, node, line, rule="named-in-text")

    def _leads(self, text: str, line: int) -> None:
        for lead in find_leads(text):
            rule = "role-lead" if lead.name.startswith("the ") else "named-lead"
            lead_id = self.b.lead(lead.name, line, role=lead.role, portfolio=lead.portfolio, rule=rule)
            self.leads[lead_id] = (lead.role, lead.portfolio)

    def _link_leads(self) -> None:
        """Each lead OWNS the themes its portfolio names; the Leader the plan."""
        themes = {tid: _content_words(name) for tid, name in self.theme_names.items()}
        for lead_id, (role, portfolio) in self.leads.items():
            node = self.b.graph.nodes[lead_id]
            if portfolio:
                words = _content_words(portfolio)
                for tid, theme_words in themes.items():
                    if words & theme_words:
                        self.b.link(RelType.OWNS, lead_id, tid, node.provenance.line,
                                    method=Method.INFERRED, confidence=0.7, rule="portfolio-matches-theme")
            elif re.search(r"\bleader\b|\bcommissioner\b|\bmayor\b", role, re.I) and not re.search(r"deputy", role, re.I):
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
