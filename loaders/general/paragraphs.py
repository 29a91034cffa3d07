"""A paragraph in the walk: a cue that opens a list or a section's mode, a line that is an
outcome, action or measure itself, or prose under an item saying what it means."""

from __future__ import annotations

import re

from stratgraph.graph.model import RelType, normalise_name
from stratgraph.loaders.general.cues import (
    MEANS_LEAD_IN,
    NUMBERED_OUTCOME,
    Mode,
    counted_sentence,
    heading_mode,
    lead_in_mode,
)
from stratgraph.loaders.general.aims_by_year import aim_by_year
from stratgraph.loaders.general.commitment_frames import frames_no_commitment
from stratgraph.loaders.general.counted_lists import counted_names
from stratgraph.loaders.general.flat_tables import _TARGET_LABEL
from stratgraph.loaders.general.item_wording import (
    AIM_AFTER_NAME,
    MEANING,
    MEANS,
    _NAME_THEN_STATEMENT,
)
from stratgraph.loaders.general.lead_ins import (
    ABOUT_THE_DOCUMENT,
    INDICATORS_LISTED,
    MEASURES_BELOW,
    _ONE_OUTCOME_LABEL,
    _OTHER_SET_LEAD,
    THEMED_LEAD_IN,
)
from stratgraph.loaders.general.page_foot import at_page_foot
from stratgraph.loaders.general.meeting_lines import _RESOLUTION_SENTENCE, _REWORDED_PRIORITY
from stratgraph.loaders.general.state_statements import state_outcomes
from stratgraph.loaders.general.statements import about_the_whole_plan, commitment, sentences, target
from stratgraph.loaders.general.success_sentences import measures_judged_by, overall_aim, success_state
from stratgraph.loaders.general.walk_records import _ListRun, _Section
from stratgraph.loaders.general.wording import (
    ALT_TEXT,
    CODE,
    BY_WHEN,
    IMPERATIVE,
    split_two_cells,
    ACTION_LABEL,
    IMPLICIT_LEVEL,
    NOT_AN_OUTCOME,
    NUMBER_COLON,
    DOCUMENT_NAME,
    NUMBERING,
    QUANTITY,
    REF,
    bad_name,
    clean,
    title_like,
)
from stratgraph.loaders.read.model import Block, BlockKind


class ParagraphReading:
    """How :class:`~stratgraph.loaders.general.reader.GeneralReader` reads a paragraph."""

    def _paragraph(self, block: Block) -> None:
        text = block.text.replace("**", "").strip()
        if self._part_of_item(block, text):
            return
        if self._target_of_item_measure(block, text):
            return
        if self._outcome_under_label(block, text):
            return
        self._past_group()
        if self._card_title(block, text):
            return
        if self._name_pending_label(text, block.line):
            return
        if text.endswith(":-"):
            text = text[:-1]  # "Our priorities to tackle these challenges are:-": a colon, typed so
        if self._labelled_action(block, text):
            return
        if self._objective_statement(block, text):
            return
        if self._section_list_mode() is not Mode.OUTCOME and self._ref_row(text, block.line):
            return
        if self._row_tail(text, block.line):
            return
        if self._indicators_cue(block, text):
            return
        if self._colon_numbered_priority(block, text):
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
        if self._labelled_outcome_line(block, text):
            return
        if re.fullmatch(r"(?i)(?:we|the\s+council)\s+(?:will|plan\s+to|aim\s+to|intend\s+to|are\s+going\s+to"
                        r"|are\s+committed\s+to)", text.strip()):
            text = text.strip() + ":"  # "We plan to" over its list
        if self._lead_in(block, text):
            return
        if self._description_of_item(block, text):
            return
        self._line_by_section(block, text)

    def _part_of_item(self, block: Block, text: str) -> bool:
        """A line under a measure item naming the item's parts, or one of those parts."""
        if text.endswith(":") and self._mode() is Mode.MEASURE and self._describes_item(text[:-1] + "."):
            # "The Governance Health Check covers four key areas:" under the measure it
            # describes: the lines after it are the measure's parts, not the plan's outcomes.
            self._names(text, block.line, self._anchor())
            self.run = _ListRun(None, other=True)
            self.parts_of_item = True
            return True
        if self.parts_of_item and block.kind is BlockKind.PARAGRAPH and not title_like(block) \
                and len(text.split()) <= 4 and text.endswith((",", " and", ";")):
            return True  # "Ethics,", "Risk management,", "Information management and": those parts
        self.parts_of_item = False
        return False

    def _target_of_item_measure(self, block: Block, text: str) -> bool:
        """The target a line states for the measure the list item above it names."""
        if self.list_measure is not None and (goal := _TARGET_LABEL.search(text)):
            # "For Council to be successful in this measure: Target: >95% integrated plans
            # delivered on time (...)": the target of the measure the item above names.
            self._set(self.list_measure, target=goal.group("target").strip())
            self.list_measure = None
            self._names(text, block.line, self._anchor())
            return True
        return False

    def _outcome_under_label(self, block: Block, text: str) -> bool:
        """The one outcome a label ("Long-term Outcome") stands over, stated after its short name."""
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
            return True
        return False

    def _past_group(self) -> None:
        """Leaves the group of outcomes (a heading and its list) a line after its list is past."""
        if self.stack and self.stack[-1].group:
            # A group of outcomes is a heading and its list: a line after the list is past the
            # group and past the cue whose groups they were ("Housing - helping to deliver ...",
            # the next page's link after the last group).
            group = self.stack.pop()
            if group.parent is not None and group.parent.grouped and self.stack and self.stack[-1] is group.parent:
                self.stack.pop()
            self.run = None

    def _card_title(self, block: Block, text: str) -> bool:
        """The title line under a card's label, as the card's outcome."""
        if self.card:
            if not text.strip("-–—•* "):
                return True  # the card's empty separator line
            self.card = False
            name = clean(text)
            if title_like(block) and not bad_name(name):
                section = self.stack[-1] if self.stack else None
                outcome = self.b.outcome(name, block.line, theme=self._theme(section), level="priority",
                                         rule="card-label-then-title")
                self.declared.setdefault(normalise_name(name), outcome)
                self.run = None
                return True
        return False

    def _labelled_action(self, block: Block, text: str) -> bool:
        """An "Action - ..." line, as the action it labels."""
        if (labelled := ACTION_LABEL.match(text)) and not self._skipping():
            # "Action - provide an emergency accommodation offer ...": a row of an action table
            # set as a labelled line; its cells ("- year - ongoing") follow it.
            name = clean(commitment(labelled.group("name")) or labelled.group("name"))
            if not bad_name(name):
                self.run = None
                self.labelled_action = self._action(name, block.line, "labelled-action-line", text)
                return True
        return False

    def _objective_statement(self, block: Block, text: str) -> bool:
        """A statement the pre-walk pass marked as an objective under its short heading."""
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
            return True
        return False

    def _indicators_cue(self, block: Block, text: str) -> bool:
        """A sentence saying the lines after it are the plan's indicators, opening a measures section."""
        if (INDICATORS_LISTED.search(text) or MEASURES_BELOW.search(text)) and not self._skipping():
            # "These data factfiles explain each performance indicator in our Strategic Plan.":
            # the lines that follow are the plan's indicators.
            while self.stack and self.stack[-1].level >= IMPLICIT_LEVEL:
                self.stack.pop()
            parent = self.stack[-1] if self.stack else None
            self.stack.append(_Section(IMPLICIT_LEVEL, text, block.line, mode=Mode.MEASURE,
                                       thematic=False, parent=parent))
            self.run = None
            return True
        return False

    def _colon_numbered_priority(self, block: Block, text: str) -> bool:
        """A "1: ..." line under an outcomes cue, as a priority."""
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
                return True
        return False

    def _labelled_outcome_line(self, block: Block, text: str) -> bool:
        """An "Aim: ..." line, as an outcome (with the measure cell a copy ran into it)."""
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
            return True
        return False

    def _lead_in(self, block: Block, text: str) -> bool:
        """A lead-in line: the list after it and what its items are."""
        mode = lead_in_mode(text)
        if mode is None and _OTHER_SET_LEAD.search(text):
            self.run = _ListRun(None, other=True)
            return True
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
        if mode is Mode.ACTION and self._skipping() and MEANS_LEAD_IN.search(text):
            self.stack[-1].skip = False  # the introduction says by what means the plan works: content
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
            return True
        if mode is None and text.endswith(":") and 3 <= len(text.split()) <= 20 \
                and not self._skipping() and not re.search(r"\b(?:we|following|include|includes|are|is|was|were|asked|on)\s*:$", text, re.I) \
                and not ABOUT_THE_DOCUMENT.match(text):
            # "Education meets the needs of all our young people:" over to-do items: an outcome
            # the items serve (made when the first item proves to be one).
            self.run = _ListRun(None, lead_outcome=(clean(text.rstrip(":")), block.line))
            return True
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
            return True
        if mode is not None:
            by = BY_WHEN.search(text)
            self.run = _ListRun(mode, by.group(1) if by else None)
            # Any lead-in may name the document its list comes from ("the priorities detailed
            # in our community safety delivery plan:").
            self._names(text, block.line, self._anchor())
            return True
        return False

    def _description_of_item(self, block: Block, text: str) -> bool:
        """The description under a list's item: what it means and is delivered by."""
        if self.run is not None and self.run.mode is not None and not text.endswith(":") \
                and (len(text.split()) > 25 or text[-1:] in ".!?") and self._next_continues_run():
            # "1. Boosting productivity", its description indented below, "2. ...": the
            # description belongs to the item; the list goes on. Its commitments serve the item.
            run = self.run
            if not self._means(text, block.line) and not self._meaning(text, block.line):
                self._prose(text, block.line)
            self.run = run
            return True
        if self._right_under_item(block) and self._meaning(text, block.line):
            return True  # the last priority's description: what it means, item by item
        return False

    def _line_by_section(self, block: Block, text: str) -> None:
        """A line no cue explains, read by what its section (or the lead-in above it) says it holds."""
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
        if (section_mode is Mode.OUTCOME or sibling_of_priorities) and not self._skipping() and short and not self._under_vision() \
                and not text.endswith(":") and not commitment(text) and not bad_name(clean(text)) and not NOT_AN_OUTCOME.search(text) \
                and not DOCUMENT_NAME.match(clean(text)) \
                and not at_page_foot(self.blocks, self.index, self.b.graph, "line-under-outcomes-cue"):
            # Short lines under "Our priorities": each a priority, the prose after it its detail.
            section = self.stack[-1] if self.stack else None
            if QUANTITY.match(text):
                # "% of schools found to be good or better" under an outcome: worded as something
                # counted, an indicator of it, not a priority.
                self._measure(clean(text), block.line, "counted-line-among-outcomes")
                return
            self.paragraph_outcome = self.b.outcome(clean(text), block.line, theme=self._theme(section),
                                                    level="priority", rule="line-under-outcomes-cue")
            self.declared.setdefault(normalise_name(clean(text)), self.paragraph_outcome)
            self.run = _ListRun(Mode.OUTCOME)  # the next priority line may follow its prose
            return
        if section_mode is Mode.OUTCOME and not self._skipping() and not self._under_vision() \
                and (states := state_outcomes(text)):
            # "By 2028, the borough will be a safe, inclusive, and welcoming borough ..." under
            # "Our ambition:": outcomes written as what will be true, too long for a short line.
            section = self.stack[-1] if self.stack else None
            for state in states:
                name = clean(state)
                if bad_name(name):
                    continue
                self.paragraph_outcome = self.b.outcome(name, block.line, theme=self._theme(section),
                                                        level="priority", rule="state-under-outcomes-cue")
                self.declared.setdefault(normalise_name(name), self.paragraph_outcome)
            return
        if section_mode is Mode.MEASURE and self._describes_item(text):
            # "Council reports against actions ...": the item above described, no measure; the
            # documents it names still count.
            self._names(text, block.line, self._anchor())
            return
        if section_mode is Mode.MEASURE and not self._skipping() and (said := list(sentences(text))) \
                and (state := success_state(said[0].text)) and not bad_name(clean(state)):
            # "We will have successfully reduced the volume and severity of ASB incidents ..."
            # under "How will we know when we have got there": the state success is known by,
            # as the same line in a list under such a heading is (not a thing to do), named
            # without the clause saying how it will be shown (asked first: it is one sentence too).
            self._measure(clean(state), block.line, "success-state-under-measure-heading")
            self._names(text, block.line, self._anchor())
            return
        # "Number of adults receiving social care services ... as a % of the total number of adults
        # needing care", "% of all journeys which are made by walking/cycling/public transport":
        # worded as an indicator, a long name or a relative clause is still its name.
        counted = bool(QUANTITY.match(text)) and len(text.split()) <= 40
        if section_mode is Mode.MEASURE and not self._skipping() and (len(text.split()) <= 25 or counted) \
                and len(list(sentences(text))) == 1 and (counted or not re.search(r"\b(?:is|are)\b", text)) \
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

    def _under_vision(self) -> bool:
        """Whether the line being read is the vision a lead-in says follows ("The vision for the
        borough is:"), not one of the plan's outcomes. (A heading "Our vision" over its line is
        still read as the outcome the whole plan serves.)"""
        before = self.blocks[self.index - 1].text.rstrip() if self.index else ""
        said = list(sentences(before))
        # the lead-in's own sentence, not one before it ("We have a clear vision ... Our
        # Corporate Plan outlines our key strategic objectives:" leads in objectives)
        lead_in = said[-1].text if said and before.endswith(":") else ""
        return re.search(r"(?i)\bvision\b", lead_in) is not None

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
        aim_id = None  # the plan's overall aim a sentence states, which the measures after it measure
        for sentence in sentences(text):
            action_id = None
            if ALT_TEXT.match(sentence.text):
                continue  # an image's description a web copy kept in the text
            if not self._skipping() and not _RESOLUTION_SENTENCE.match(text):
                name = commitment(sentence.text)
                if name and not bad_name(name) and not about_the_whole_plan(text, name) \
                        and not frames_no_commitment(text, sentence.text, name):
                    action_id = self._action(name, line, "we-will-sentence", sentence.text)
                    made += 1
                found = target(sentence.text)
                if found and not bad_name(found[0]):
                    self._measure(found[0], line, "target-sentence", target=found[1],
                                  deadline=found[2], action=action_id)
                if (aim := overall_aim(sentence.text)) and not bad_name(clean(aim)):
                    section = self.stack[-1] if self.stack else None
                    aim_id = self.b.outcome(clean(aim), line, theme=self._theme(section), level="priority",
                                            rule="overall-aim-sentence")
                for name in measures_judged_by(sentence.text):
                    if not bad_name(clean(name)):
                        self._measure(clean(name), line, "measures-named-in-sentence", outcome=aim_id)
            if (quoted := _REWORDED_PRIORITY.search(sentence.text)) and not bad_name(clean(quoted.group("name"))):
                # "... subject to the fourth priority being amended to read "Manage a resilient,
                # financially strong Council ..."": the priority's new wording, an outcome.
                section = self.stack[-1] if self.stack else None
                name = clean(quoted.group("name"))
                self.declared.setdefault(normalise_name(name), self.b.outcome(
                    name, line, theme=self._theme(section), level="priority", rule="reworded-priority"))
            self._counted_outcomes(sentence.text, line)
            self._leads(sentence.text, line)
            if action_id is None:
                self._names(sentence.text, line, self._anchor())
        return made

    def _counted_outcomes(self, text: str, line: int) -> None:
        """"The four areas of focus were engagement, the environment, ...": priorities a sentence
        counts and names (see :mod:`~stratgraph.loaders.general.counted_lists`), each an outcome."""
        if self._skipping():
            return
        section = self.stack[-1] if self.stack else None
        for name in counted_names(text):
            if not bad_name(name):
                self.declared.setdefault(normalise_name(name), self.b.outcome(
                    name, line, theme=self._theme(section), level="priority", rule="counted-in-sentence"))
        if (aim := aim_by_year(text)) and not bad_name(aim) and normalise_name(aim) not in self.declared:
            # "... our commitment for the borough to be carbon neutral by 2030": the state the
            # plan is for and its year, stated once in a sentence about the plan.
            self.declared[normalise_name(aim)] = self.b.outcome(
                aim, line, theme=self._theme(section), level="priority", rule="aim-by-year-in-sentence")

    def _card_label(self, text: str) -> bool:
        """"Strategic priorities - Long term aims ..." as a list item over a title two lines
        down: a web page's card grid flattened, label first. The title is read as an outcome."""
        label = re.split(r"\s+[-–—]\s+|:\s*", text, maxsplit=1)[0].strip(" -")
        if len(label.split()) <= 5 and heading_mode(label) is Mode.OUTCOME:
            self.card = True
            return True
        return False
