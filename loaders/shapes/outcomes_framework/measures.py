"""The measures tables of an outcomes-framework plan: one table per theme, a row per outcome.

Each table is introduced by a heading such as ``## 1. Strong Economy: <statement>`` (the
converter spells it as ``##``, ``###`` or a bold line, inconsistently) and a tab-separated
header row whose first cell is "Supporting Outcome". Each row is ``<b>outcome</b>`` TAB
``<ul><li>measure</li>...</ul>``. A table broken by a page carries on after ``*continued*``
and a repeated header row, under the same theme.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from stratgraph.graph.model import normalise_name
from stratgraph.loaders.common.cells import flat_list_items, parse_cell
from stratgraph.loaders.common.names import clean_name

_HEADING_MARKS = re.compile(r"^\s*#{1,6}\s*")


@dataclass(frozen=True, slots=True, eq=False)
class MeasureRow:
    """One table row: the supporting outcome as the row spells it, its measures, its line."""

    outcome: str
    line: int
    measures: tuple[str, ...]


@dataclass(frozen=True, slots=True, eq=False)
class MeasureTable:
    """One theme's measures: the heading's theme name and statement, and the rows."""

    theme: str
    statement: str | None
    line: int
    rows: tuple[MeasureRow, ...]


def is_header_row(line: str) -> bool:
    """A tab-separated header row whose first cell is "Supporting Outcome(s)"."""
    if "\t" not in line:
        return False
    first = normalise_name(clean_name(line.split("\t", 1)[0]))
    return first in ("supporting outcome", "supporting outcomes")


def _split_heading(line: str) -> tuple[str, str | None]:
    # clean_name drops the bold markers and the "1." numbering the converter left in.
    text = clean_name(_HEADING_MARKS.sub("", line))
    name, sep, statement = text.partition(":")
    return name.strip(), (statement.strip() or None) if sep else None


def _previous_filled(lines: Sequence[str], index: int) -> int | None:
    for at in range(index - 1, -1, -1):
        if lines[at].strip():
            return at
    return None


def measure_tables(lines: Sequence[str]) -> list[MeasureTable]:
    """Every measures table, continuations merged into the table they continue."""
    tables: list[MeasureTable] = []
    for index, line in enumerate(lines):
        if not is_header_row(line):
            continue
        rows = _rows(lines, index + 1)
        above = _previous_filled(lines, index)
        continued = above is not None and normalise_name(clean_name(lines[above])) == "continued"
        if continued and tables:
            last = tables[-1]
            tables[-1] = MeasureTable(last.theme, last.statement, last.line, last.rows + rows)
            continue
        if above is None:
            continue
        name, statement = _split_heading(lines[above])
        if name:
            tables.append(MeasureTable(name, statement, above + 1, rows))
    return tables


def _list_items(cell: str) -> tuple[str, ...]:
    """``parse_cell(cell).items``: for a lone list of plain items (most measures cells), just
    those items cleaned."""
    texts = flat_list_items(cell)
    if texts is None:
        return parse_cell(cell).items
    return tuple(text for text in map(clean_name, texts) if text)


def _rows(lines: Sequence[str], start: int) -> tuple[MeasureRow, ...]:
    rows = []
    for index in range(start, len(lines)):
        line = lines[index]
        if "\t" not in line:
            break
        first, _, rest = line.partition("\t")
        outcome = clean_name(first)
        if not outcome:
            continue
        measures = _list_items(rest) or tuple(
            part for part in (clean_name(p) for p in rest.split("\t")) if part
        )
        rows.append(MeasureRow(outcome, index + 1, tuple(measures)))
    return tuple(rows)
