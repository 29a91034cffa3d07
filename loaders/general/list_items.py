"""A list item in the walk: an outcome, action or measure by the list's mode, a field of the
item above it, a row of a table copied as a list, or a lead named after an item."""

from __future__ import annotations

import bisect
import re

from stratgraph.graph.model import RelType, normalise_name
from stratgraph.loaders.general.cues import Mode, is_boilerplate, lead_in_mode
from stratgraph.loaders.general.deadlines import deadline_in, lead_in_period, read_deadline
from stratgraph.loaders.general.indicator_labels import indicator_label
from stratgraph.loaders.general.indicator_lines import comment_on_performance
from stratgraph.loaders.general.performance_results import REPORTING_PERIOD, result_indicator
from stratgraph.loaders.general.item_wording import (
    AIM_AFTER_NAME,
    _DESCRIBING_VERB,
    _NAMED_PHRASE,
    figure_after_dash,
    titled_project,
    _says,
)
from stratgraph.loaders.general.lead_ins import COMPLETED_BELOW
from stratgraph.loaders.general.leads import find_leads, is_cabinet_member
from stratgraph.loaders.general.meeting_lines import _RESOLUTION_LEAD
from stratgraph.loaders.general.over_actions import item_over_actions
from stratgraph.loaders.general.references import names_a_partnership
from stratgraph.loaders.general.statements import (
    commitment,
    indicator_targets,
    reported_indicator,
    sentences,
    target,
)
from stratgraph.loaders.general.table_rows import measure_items
from stratgraph.loaders.general.walk_records import _ListRun
from stratgraph.loaders.general.wording import (
    QUANTITY,
    FIELD_LABELS,
    RAG_RATED,
    DUE_IN_TEXT,
    BY_WHEN,
    IMPERATIVE,
    LEAD_TAIL,
    ACTION_CELL,
    LABEL_ONLY,
    NUMBERING,
    REF,
    TITLE_DASH,
    WHEN,
    REPORTED_LINE,
    bad_name,
    clean,
    title_like,
)
from stratgraph.loaders.read.model import Block, BlockKind


_RESOLUTION_NUMBERED = re.compile(r"^\s*\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s")


class ListItems:
    """How :class:`~stratgraph.loaders.general.reader.GeneralReader` reads a list item."""

    def _item(self, block: Block) -> None:
        self._open_run()
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
        if self._theme_completed_below(block, text, mode, level):
            return
        if self._skipping():
            self._leads(text, block.line)
            return
        if self._reported_line(block, text, mode):
            return
        if self._priority_over_actions(block, text):
            return
        if self._cue_among_items(text, mode):
            return
        lead = LEAD_TAIL.search(text) if mode in (Mode.OUTCOME, Mode.ACTION) else None
        if lead is not None and lead.start() >= 20 and not bad_name(lead.group("owner")):
            # "Helping people on low incomes ... indebtedness. Lead Service – Finance.": the
            # item, then who leads it (its owner, not a part of its name).
            text = text[:lead.start()].rstrip() + ("." if text[lead.start():lead.start() + 1] == "." else "")
        else:
            lead = None
        if self._indicator_target_items(block, text, mode, level):
            return
        if mode is Mode.OUTCOME and QUANTITY.match(text) and not bad_name(clean(text)):
            # "- Number of quality intelligence reports submitted" among a list read as
            # objectives: worded as something counted, an indicator of the outcome above it.
            parent = self.run.by_level.get(level - 1) or self._outcome(self.stack[-1] if self.stack else None)
            self._measure(clean(text), block.line, "counted-item-among-outcomes", outcome=parent)
        elif mode is Mode.OUTCOME:
            self._outcome_item(block, text, level, lead)
        elif mode is Mode.ACTION:
            self._action_item(block, text, lead)
        elif mode is Mode.MEASURE:
            self._measure_item(block, text)
        else:
            self._unmarked_item(block, text)

    def _priority_over_actions(self, block: Block, text: str) -> bool:
        """An item right over "We will:" and its list (:mod:`~.over_actions`): the priority the
        actions serve, an outcome, which they then support."""
        name = clean(text)
        if not item_over_actions(self.blocks, self.index) or bad_name(name) or commitment(text):
            return False
        section = self.stack[-1] if self.stack else None
        self.paragraph_outcome = self.b.outcome(name, block.line, theme=self._theme(section), level="priority",
                                                rule="item-over-actions")
        return True

    def _open_run(self) -> None:
        """The list an item belongs to: the run its section or lead-in opened, the period it sets."""
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
        if self.run.mode in (None, Mode.ACTION) and self.index in self.counted_outcomes:
            # "... each of the four priority areas prioritised for collective action ..." over
            # four items: the count says the items are those priorities, verbs and all.
            self.run.mode = Mode.OUTCOME
        if self.index in self.action_areas:
            # "... three main areas of action:" over "getting better at how we detect and treat
            # existing disease", ...: items that open with a verb are the work itself.
            self.run.mode = Mode.ACTION
        if self.index in self.tiered_outcomes:
            # "- Improving immunisation ..." under "Ambition 1: Starting Well - ..." after "Our
            # proposed Ambitions and Priorities are:": the ambition's priorities, supporting it.
            self.run.mode = Mode.OUTCOME
            under = self.blocks[self.tiered_outcomes[self.index]].line
            if not (self.stack and self.stack[-1].line == under) and self.paragraph_outcome:
                self.run.by_level.setdefault(0, self.paragraph_outcome)

    def _theme_completed_below(self, block: Block, text: str, mode: Mode | None, level: int) -> bool:
        """An item ("Enable people to:") naming the theme the items nested under it complete."""
        completed = COMPLETED_BELOW.match(text)
        if mode is Mode.OUTCOME and completed and self.index + 1 < len(self.blocks) \
                and self.blocks[self.index + 1].kind is BlockKind.LIST_ITEM and self.blocks[self.index + 1].level > block.level \
                and not self._skipping() and not bad_name(clean(completed.group("name"))):
            # "Enable people to:" over "help themselves and others", ...: the item names the
            # theme its nested items complete; they are the outcomes.
            parent = self.run.themes.get(level - 1) or self._theme(self.stack[-1] if self.stack else None)
            self.run.themes[level] = self.b.theme(clean(completed.group("name")), block.line, rule="item-completed-below",
                                                  **({"parent": parent} if parent else {}))
            return True
        return False

    def _reported_line(self, block: Block, text: str, mode: Mode | None) -> bool:
        """A line that reports rather than plans: said already done, a rated indicator, a result."""
        if REPORTED_LINE.match(text):
            # "- We have already installed 30 cameras", "- This priority links to our Community
            # Safety Strategy": no item of the list, but the documents it names still count.
            self._names(text, block.line, self._anchor())
            return True
        rated = RAG_RATED.search(text)
        if rated and self._rated_list():
            # "- % of household waste recycled (Green)": a performance report's indicator with
            # its rating; the line under it reports the result (not an action or a measure).
            name = clean(text[:rated.start()])
            if not bad_name(name):
                section = self.stack[-1] if self.stack else None
                self._measure(name, block.line, "rated-indicator-item", outcome=self._outcome(section),
                              status=rated.group(1))
            return True
        if mode is None and (indicator := reported_indicator(text)) and not bad_name(indicator) \
                and (outcome := self._outcome(self.stack[-1] if self.stack else None)):
            # "- The percentage of household waste sent to landfill ... was 1.64%" under an
            # outcome of a progress report: a result, reported on the outcome's indicator.
            self._measure(indicator, block.line, "reported-result-item", outcome=outcome)
            return True
        if mode in (None, Mode.OUTCOME) and (result := result_indicator(text)) and not bad_name(clean(result[0])) \
                and self._performance_lead_in():
            # "· the in-year collection rate for Lincoln Business Rates remained above its target of
            # 30.53% at 35.86%;": a performance report's result, on the indicator it names first.
            self._measure(clean(result[0]), block.line, "indicator-result-item", target=result[1],
                          outcome=self._outcome(self.stack[-1] if self.stack else None))
            return True
        return False

    def _performance_lead_in(self) -> bool:
        """Whether the line over the list being read speaks of performance ("A summary of
        exceptional areas of good performance were noted as follows:") or is a reporting period
        alone: its results report on indicators (a result under no such line is a statistic)."""
        at = self.index
        while at > 0 and self.blocks[at].kind is BlockKind.LIST_ITEM:
            at -= 1
        lead = self.blocks[at].text.replace("**", "").strip()
        # "2019/20 Q3", "Quarter 2 2019/20" over the bullets: a report's period, its results listed
        return bool(re.search(r"(?i)\b(?:performance|indicators?|measures|targets?|kpis?)\b", lead)
                    or REPORTING_PERIOD.match(lead))

    def _resolution_numbered(self, block: Block) -> bool:
        """Whether ``block`` is written with a minute's bracketed number ("(ii) ...", "(b) ...")."""
        raw = self.lines[block.line - 1] if 0 < block.line <= len(self.lines) else ""
        return bool(_RESOLUTION_NUMBERED.match(raw))

    def _cue_among_items(self, text: str, mode: Mode | None) -> bool:
        """An item that is a cue for what follows: a card's label, a lead-in, the outer list again."""
        if mode in (None, Mode.OUTCOME) and self._card_label(text):
            return True  # a card's label, even under "A summary of the priorities is shown below:"
        if mode is None and text.endswith((":", ":-")) and (lead := lead_in_mode(text)) is not None:
            # "(f) The plan was built around six strategic goals. These are:" as an item of an
            # officer's lettered points ("(ii) The following five key outcomes be approved ...:-"
            # as a resolution's): the cue holds for the list that follows it.
            by = BY_WHEN.search(text)
            self.run = _ListRun(lead, by.group(1) if by else None, lead_says=_says(text),
                                numbered=self._resolution_numbered(self.blocks[self.index]))
            return True
        if mode is not None and self.run.numbered and self._resolution_numbered(self.blocks[self.index]):
            # "(iii) The timescales for the draft Annual Report be approved ..." after "(ii) The
            # following five key outcomes be approved ...:-" and its list: the next resolution.
            self.run = _ListRun(None)
            self._unmarked_item(self.blocks[self.index], text)
            return True
        if mode is Mode.OUTCOME and text.endswith(":") and lead_in_mode(text) is Mode.MEASURE and not self._skipping():
            # "2. Following January's meeting ... now propose revised wording for the following
            # supporting measures:" as a numbered point under "Objectives": it introduces the
            # measures (grouped under "Objective 1", ... after it), it is not an objective.
            following = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
            if following is not None and (following.kind is BlockKind.HEADING or title_like(following)):
                self._open_cue(Mode.MEASURE, self.blocks[self.index], carries=True)
                self.run = None
            else:
                self.run = _ListRun(Mode.MEASURE)
            self._names(text, self.blocks[self.index].line, self._anchor())
            return True
        if mode is Mode.ACTION and self.run.lead_says and _says(text):
            # "- sets out actions that will be taken to:", "- build and retrofit home", ...,
            # "- acknowledges the local effects of climate change": a nested list printed at one
            # level; the item that says what the document does again is back in the outer list.
            self.run = _ListRun(None)
            return True
        return False

    def _indicator_target_items(self, block: Block, text: str, mode: Mode | None, level: int) -> bool:
        """Indicators and their targets an outcomes list states, measuring the outcome above."""
        if mode is Mode.OUTCOME and (targets := indicator_targets(text)):
            # "- To increase the percentage of residents who have heard of X to 90%" among a
            # priority's outcomes: an indicator and its target, measuring the outcome above.
            parent = self.run.by_level.get(level - 1) or self._outcome(self.stack[-1] if self.stack else None)
            for name, goal in targets:
                if not bad_name(name):
                    self._measure(name, block.line, "indicator-target-item", target=goal, outcome=parent)
            return True
        return False

    def _outcome_item(self, block: Block, text: str, level: int, lead: re.Match[str] | None) -> None:
        """An item of an outcomes list: the outcome (its theme and parent), or its name and commitment."""
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

    def _action_item(self, block: Block, text: str, lead: re.Match[str] | None) -> None:
        """An item of an actions list: the action, its deadline and lead, and a target it sets."""
        titled = TITLE_DASH.match(text)
        due = deadline_in(text) or self.run.deadline  # an item's own date before its lead-in's
        described = None
        if project := titled_project(text) or figure_after_dash(text):
            # "Deliver the Cost of Living Action Plan - By providing a range of support ...",
            # "Become a leading council ... - 1% of the Council's discretionary budget will be
            # ...": the words before the dash are the action, what follows its description.
            name, described = clean(project[0]), project[1]
        elif titled and len(titled.group("title").split()) <= 8 and " – " in text[:titled.end("title") + 3]:
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
        elif IMPERATIVE.match(text) and (said := list(sentences(text))) and len(said) > 1 \
                and len(said[0].text.split()) >= 4 and all(IMPERATIVE.match(s.text) for s in said[1:]):
            # "Devolve local decisions to four Locality Committees. Establish the membership of
            # each Committee ... Explore ...": the commitment, then the steps it takes, each a
            # sentence of its own: the first names the item, the rest describe it.
            name, described = clean(said[0].text), " ".join(s.text for s in said[1:])
        else:
            name = clean(commitment(text) or text)
        if not bad_name(name):
            action = self._action(name, block.line, "list-after-action-cue", text, deadline=due,
                                  period=self.run.period, **({"description": described} if described else {}))
            if lead is not None:
                self._lead_after_item(lead.group("owner").strip(), block.line, action)
            found = target(text)
            if found and not bad_name(found[0]):
                # "Reducing carbon emissions by 20 per cent": the to-do item sets a target.
                self._measure(found[0], block.line, "target-in-action", target=found[1],
                              deadline=found[2], action=action)

    def _measure_item(self, block: Block, text: str) -> None:
        """An item of a measures list: the measure."""
        if re.match(r"(?i)^[a-z]+ing\s+(?:the|a|an|our|their|its|all|every)\b", text):
            # "- seeking the views of those on the ... register to monitor the customer
            # experience" among "the number of ..." indicators: a way of monitoring, something
            # done to an object (a gerund's "Processing of ...", "Feeling safe" are indicators)
            self._names(text, block.line, self._anchor())
            return
        if comment_on_performance(text) and indicator_label(text)[0] is None and not reported_indicator(text):
            # "· This was up compared to the previous year" under an indicator's line in minutes,
            # "There were six green, one amber and two red indicators": a comment on how an
            # indicator did, a sentence with a verb of its own, not an indicator's name.
            self._names(text, block.line, self._anchor())
            return
        code, text = indicator_label(text)
        if code is None and self.run.labelled:
            # "Fire and rescue service improvement programme" after four "Indicator 6.n: ..."
            # items: no indicator of the set (a link to the next page).
            return
        self.run.labelled = code is not None
        name = clean(text)
        if not bad_name(name) or self._content_among_items(name):
            # "Governance", "Risk management" among "Service delivery", "Customer
            # satisfaction" ... after "The measures are:": measures, not page apparatus.
            self.list_measure = self._measure(name, block.line, "list-after-measure-cue", indicator_code=code)

    def _unmarked_item(self, block: Block, text: str) -> None:
        """An item of a list no cue named: a "we will" commitment, a to-do item, or names only."""
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
            project = titled_project(text) or figure_after_dash(text)
            self._action(clean(project[0] if project else text), block.line, "imperative-item", text, outcome=outcome,
                         period=self.run.period, **({"description": project[1]} if project else {}))
        else:
            self._counted_outcomes(text, block.line)
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
