"""Action, KPI and outcome tables of a plan read row by row (the general reader's tables).

Column roles come from the header (:mod:`.tables`); each row becomes an Action with its
deadline, owners, status and measures of success, a Measure with its target, baseline and
direction, or an Outcome. A row spanning the table ("Outcome: ...") groups the rows after it.
"""

from __future__ import annotations

import re

from stratgraph.graph.model import RelType
from stratgraph.loaders.general.cues import NUMBERED_OUTCOME
from stratgraph.loaders.general.leads import find_leads, is_cabinet_member, split_owners
from stratgraph.loaders.general.references import names_a_partnership
from stratgraph.loaders.general.statements import sentences
from stratgraph.loaders.general.tables import Column, TableShape, table_shape
from stratgraph.loaders.general.wording import IMPERATIVE, PARTNERSHIP_END, bad_name, clean
from stratgraph.loaders.read.model import Block


def measure_items(cell: str) -> list[str]:
    """The measures one cell lists: one per line or bullet, and one per sentence of a line
    ("13.6m bus journeys. Increase in cycling." is two)."""
    items: list[str] = []
    for line in cell.replace("**", "").split("\n"):
        line = line.strip().lstrip("- ").strip()
        if line:
            items.extend(s.text.rstrip(". ") for s in sentences(line))
    return items


class TableRows:
    """The table half of :class:`~stratgraph.loaders.general.reader.GeneralReader`: it uses the
    reader's builder, section stack and record makers (``_action``, ``_measure``, ``_names``)."""

    # -- tables -------------------------------------------------------------------------

    def _table(self, block: Block) -> None:
        if not block.rows or self._skipping():
            return
        shape = table_shape(block.rows[0])
        if not shape.kind:
            # A table of no known shape (a report cover's labelled cells): its cells still name
            # documents, and a label beside its value ("Cabinet member(s) | Cllr X") names a lead
            # only when read together.
            for row in block.rows:
                cells = [c.strip() for c in row if c.strip()]
                for cell in cells:
                    self._names(cell, block.line, self._anchor())
                self._leads(": ".join(cells) if len(cells) == 2 else " ".join(cells), block.line)
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
            if len(filled) == 1 and len(cells) > 2 and not (
                    shape.kind == "action" and self._spanned_action(shape, cells) is not None):
                # A row spanning the table: a group heading ("Outcome: ...", "ADMIN").
                group = NUMBERED_OUTCOME.match(filled[0]) or re.match(r"^(?:outcome|priority|objective)\s*:\s*(?P<name>.+)$", filled[0], re.I)
                group_outcome = None
                if group and not bad_name(clean(group.group("name"))):
                    group_outcome = self.b.outcome(clean(group.group("name")), line,
                                                   theme=self._theme(self.stack[-1] if self.stack else None),
                                                   level="priority", rule="table-group-row")
                elif shape.kind == "measure" and len(filled[0].split()) >= 4 and not filled[0].isupper() \
                        and not re.search(r"(?i)\b(?:indicators?|measures?|kpis?)\b", filled[0]) \
                        and not bad_name(clean(filled[0].rstrip(":"))):
                    # "People feel safe and are safe" across a KPI table, its indicators under it:
                    # the state the indicators measure, an outcome (a short "ADMIN" only groups).
                    group_outcome = self.b.outcome(clean(filled[0].rstrip(":")), line,
                                                   theme=self._theme(self.stack[-1] if self.stack else None),
                                                   level="priority", rule="measure-table-group-row")
                continue
            if shape.kind == "action":
                self._action_row(shape, cells, line, group_outcome)
            elif shape.kind == "measure":
                self._measure_row(shape, cells, line, group_outcome)
            elif shape.kind == "outcome":
                col = shape.first(Column.OUTCOME)
                name = clean(cells[col]) if col is not None else ""
                if name and not bad_name(name):
                    self.b.outcome(name, line, theme=self._theme(self.stack[-1] if self.stack else None),
                                   level="priority", rule="outcome-table-row")

    def _action_row(self, shape: TableShape, cells: list[str], line: int, group: str | None) -> None:
        col = shape.first(Column.ACTION)
        if col is None:
            return
        if not cells[col]:
            moved = self._spanned_action(shape, cells)
            if moved is None:
                return
            cells = list(cells)
            cells[col], cells[moved] = cells[moved], ""
        outcome = group
        out_col = shape.first(Column.OUTCOME)
        if out_col is not None and cells[out_col]:
            name = clean(cells[out_col].split("\n")[0])
            if not bad_name(name):
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
            name = clean(raw)
            if bad_name(name):
                continue
            written = deadlines[i] if len(deadlines) == len(names) else " ".join(deadlines) or None
            action = self._action(name, line, "action-table-row", raw, deadline=written,
                                  outcome=outcome, **props)
            for m_col in shape.all(Column.MEASURE):
                for measure in measure_items(cells[m_col]):
                    if not bad_name(clean(measure)):
                        self._measure(clean(measure), line, "action-table-measure-column",
                                      outcome=outcome, action=None if outcome else action)
            self._owners(shape, cells, line, action)
            for s_col in shape.all(Column.STRATEGY):
                self._names(cells[s_col].replace("\n", ". "), line, action, strategy_column=True)

    @staticmethod
    def _spanned_action(shape: TableShape, cells: list[str]) -> int | None:
        """The column holding a row's action when its own is empty: a grouping column's cell
        spans rows ("Stage": "Setting priorities" over three actions) and a copy that drops the
        spanned cells moves the row's one cell, a to-do, into it."""
        col = shape.first(Column.ACTION)
        filled = [i for i, c in enumerate(cells) if c]
        if col is None or cells[col] or len(filled) != 1 or filled[0] > col \
                or shape.roles[filled[0]] is not Column.OTHER or not IMPERATIVE.match(cells[filled[0]]):
            return None
        return filled[0]

    def _owners(self, shape: TableShape, cells: list[str], line: int, action: str) -> None:
        owners: list[str] = []
        for c in shape.all(Column.OWNER) + shape.all(Column.CABINET):
            if cells[c]:
                owners += self._owner_cell(cells[c], line, action, rule="action-table-owner",
                                           cabinet_column=shape.roles[c] is Column.CABINET)
        partners = [p for c in shape.all(Column.PARTNER) for p in split_owners(cells[c])]
        for p in partners:
            if PARTNERSHIP_END.search(p) and p[0].isupper():
                pid = self.b.partnership(p, line, rule="action-table-partner")
                self.b.link(RelType.INVOLVES, action, pid, line, rule="action-table-partner")
        if owners:
            self._set(action, owner="; ".join(owners))

    def _owner_cell(self, cell: str, line: int, action: str, *, rule: str,
                    cabinet_column: bool = False) -> list[str]:
        """Each lead a cell names OWNS ``action``: a CabinetLead for a member (or any entry
        of a cabinet-member column), a Partnership for a board, else an Owner (an officer or
        team of the council). Returns the entries."""
        entries = split_owners(cell)
        for entry in entries:
            if cabinet_column or is_cabinet_member(entry):
                leads = find_leads(entry)
                if leads:
                    lead = leads[0]
                    lead_id = self.b.lead(lead.name, line, role=lead.role, portfolio=lead.portfolio, rule=rule)
                elif entry.lower().startswith(("cllr", "councillor")):
                    # The role is the member's own line's to give ("Cllr X, Cabinet Member for").
                    lead_id = self.b.lead(entry.replace("Councillor", "Cllr"), line, rule=rule)
                elif cabinet_column and not re.match(r"(?i)^(?:the\s+)?(?:leader|deputy|cabinet|portfolio)", entry):
                    lead_id = self.b.lead(f"the Cabinet Member for {entry}", line,
                                          role=f"Cabinet Member for {entry}", portfolio=entry, rule=rule)
                else:
                    role = entry if entry.lower().startswith("the ") else f"the {entry}"
                    lead_id = self.b.lead(role, line, role=entry, rule=rule)
                self.b.link(RelType.OWNS, lead_id, action, line, rule=rule)
            elif names_a_partnership(entry, self.vocab):
                pid = self.b.partnership(entry, line, rule=rule)
                self.b.link(RelType.OWNS, pid, action, line, rule=rule)
            else:
                oid = self.b.owner(entry, line, rule=rule)
                self.b.link(RelType.OWNS, oid, action, line, rule=rule)
        return entries

    def _set(self, node_id: str, **values: object) -> None:
        """Set properties on a node already made (a later cell of its row names them)."""
        node = self.b.graph.nodes[node_id]
        props = dict(node.properties)
        props.update(values)
        self.b.graph.nodes[node_id] = type(node)(node.id, node.label, node.name, node.provenance, props)

    def _measure_row(self, shape: TableShape, cells: list[str], line: int, group: str | None) -> None:
        col = shape.first(Column.MEASURE)
        if col is None:
            col = next((i for i, r in enumerate(shape.roles) if r is Column.OTHER and cells[i]), None)
        if col is None or not cells[col]:
            return
        values = {}
        for role, key in ((Column.TARGET, "target"), (Column.BASELINE, "baseline"), (Column.DIRECTION, "direction"),
                          (Column.STATUS, "status"), (Column.REF, "indicator_code"), (Column.DEADLINE, "period"),
                          (Column.OWNER, "owner")):
            c = shape.first(role)
            if c is not None and cells[c]:
                values[key] = " ".join(cells[c].replace("**", "").replace("\n", " ").split())
        out_col = shape.first(Column.OUTCOME)
        outcome = group
        if out_col is not None and cells[out_col] and not bad_name(clean(cells[out_col])):
            outcome = self.b.outcome(clean(cells[out_col]), line, theme=self._theme(self.stack[-1] if self.stack else None),
                                     level="priority", rule="measure-table-outcome-column")
        for raw in measure_items(cells[col]):
            direction = None
            m = re.search(r"\((minimi[sz]e|maximi[sz]e|lower is better|higher is better|smaller is better|bigger is better)\)\s*$", raw, re.I)
            if m:
                direction, raw = m.group(1), raw[:m.start()]
            name = clean(raw)
            if bad_name(name):
                continue
            props = dict(values)
            if direction and "direction" not in props:
                props["direction"] = direction
            self._measure(name, line, "measure-table-row", outcome=outcome, **props)
