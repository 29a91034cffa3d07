"""Tables flattened into lines of text, read row by row: the header that says what the rows
are, then each row as an action, a measure, a coded outcome or action, or a key result."""

from __future__ import annotations

import re

from stratgraph.graph.model import normalise_name
from stratgraph.loaders.general.cues import heading_mode, is_boilerplate
from stratgraph.loaders.general.deadlines import read_deadline
from stratgraph.loaders.general.flat_rows import columns_after_action, split_action_row
from stratgraph.loaders.general.flat_tables import (
    _CODED_ACTION,
    _CODED_HEADER,
    _CODED_OUTCOME,
    MATRIX_HEADER,
    _RESULT_METRIC_HEADER,
    _ROW_CODE_END,
    _flat_kind,
)
from stratgraph.loaders.general.statements import sentences
from stratgraph.loaders.general.tables import Column, column_role
from stratgraph.loaders.general.wording import (
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
    TRAILING_VALUES,
    LABELLED_FIRST_CELL,
    IMPERATIVE,
    split_two_cells,
    NUMBERING,
    REF,
    bad_name,
    clean,
)
from stratgraph.loaders.read.model import Block, BlockKind


class FlatReading:
    """The flattened-table half of :class:`~stratgraph.loaders.general.reader.GeneralReader`
    (a table with its cells is :class:`~stratgraph.loaders.general.table_rows.TableRows`'s)."""

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

    def _open_flat(self, block: Block, kind: str) -> None:
        """Starts reading the rows under a flattened table's header line, as ``kind``."""
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
