"""A table a web copy wrote one cell a line, each cell closed by a pipe, with no ``---|---``
separator line to tell a reader it is a table.

    Number |            <- header cells
    Action |
    Deadline |
    1.1 |               <- a row: as many cells as the header has
    Publication of new Housing Renewal Policies,
    Forms for assistance, |      <- a cell wrapped over two lines
    18 July 2003 |
    |                   <- an empty cell ("||" is two)

Cells are counted, not guessed: every pipe closes one cell, and the text since the last pipe is
that cell's. The header is the run of short cells up to the last one a planner's column word
names (:func:`~.tables.column_role`); the rows are the cells after it, a header's width at a
time. A repeated header with lines before it ("2. Data Collection and Monitoring" then
"Number |" ...) is the table starting again under a group heading: the heading becomes a row
spanning the table, as in a table read whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratgraph.loaders.general.tables import Column, column_role, table_shape
from stratgraph.loaders.read.model import Block, BlockKind

#: Lines without a pipe a cell may run over before the run is taken to have ended.
_MAX_WRAP = 4


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    line: int


def _cells(blocks: list[Block], start: int, lines: list[str]) -> tuple[list[_Cell], int]:
    """The pipe-closed cells from ``blocks[start]`` on, and the index of the last block read
    (``lines``: the rendering's, for the pipes a reader took for an empty table: "||")."""
    cells: list[_Cell] = []
    buffer: list[str] = []
    buffer_line = 0
    last = start - 1
    unclosed = 0
    for index in range(start, len(blocks)):
        block = blocks[index]
        if block.kind is BlockKind.TABLE and not block.text.strip() and 0 < block.line <= len(lines):
            text = lines[block.line - 1]
        elif block.kind is BlockKind.PARAGRAPH:
            text = block.text.replace("\n", " ")
        else:
            break
        if "|" not in text:
            unclosed += 1
            if unclosed > _MAX_WRAP:
                break
            if not buffer:
                buffer_line = block.line
            buffer.append(text.strip())
            continue
        unclosed = 0
        parts = text.split("|")
        for part in parts[:-1]:
            if part.strip():
                if not buffer:
                    buffer_line = block.line
                buffer.append(part.strip())
            cells.append(_Cell(" ".join(buffer), buffer_line or block.line))
            buffer, buffer_line = [], 0
        if parts[-1].strip():
            buffer, buffer_line = [parts[-1].strip()], block.line
        last = index
    return cells, last


def _is_header_cell(text: str) -> bool:
    return len(text.split()) <= 5 and not re.search(r"\d", text) and not text.endswith(".")


def _header_width(cells: list[_Cell]) -> int:
    """How many cells the header has: up to the last named one in the first run of short cells."""
    width = named = 0
    for i, cell in enumerate(cells):
        if (cell.text and not _is_header_cell(cell.text)) or (not cell.text and named >= 2):
            break  # a row's text, or the empty first cell of the first row
        if cell.text and column_role(cell.text) is not Column.OTHER:
            width, named = i + 1, named + 1
    return width


def pipe_cell_table(blocks: list[Block], start: int, lines: list[str]) -> tuple[Block, int] | None:
    """The table whose first header cell is ``blocks[start]``, as one table block, and the index
    of its last block; None when no plan table (action or measure columns) starts there."""
    first = blocks[start]
    if first.kind is not BlockKind.PARAGRAPH or not first.text.rstrip().endswith("|"):
        return None
    cells, last = _cells(blocks, start, lines)
    width = _header_width(cells)
    if width == 1 and column_role(cells[0].text) in (Column.MEASURE, Column.ACTION):
        # "Performance Measure | Reporting Approach | Comments/votes |": one column a planner's
        # word names, then columns of the page's own: the header is the whole run of short
        # cells before the first row's text.
        width = next((i for i, c in enumerate(cells) if not c.text or not _is_header_cell(c.text)), 0)
        width = width if 2 <= width <= 6 else 1
    header = tuple(c.text for c in cells[:width])
    named = [h for h in header if h and column_role(h) is not Column.OTHER]
    if len(named) == 1 and width >= 2 and column_role(header[0]) in (Column.MEASURE, Column.ACTION):
        named = list(header)  # the planner's column leads; the others are the page's own
    if width < 2 or len(named) < 2 or table_shape(header).kind not in ("action", "measure"):
        return None
    rows: list[tuple[str, ...]] = [header]
    lines: list[int] = [cells[0].line]
    i = width
    while i + width <= len(cells):
        chunk = cells[i:i + width]
        texts = [c.text for c in chunk]
        head = texts[0]
        if texts[1:] == list(header[1:]) and head.lower().endswith(header[0].lower()):
            # The header again, under a group heading on the lines before its first cell.
            title = head[:len(head) - len(header[0])].strip()
            if title:
                rows.append((title,) + ("",) * (width - 1))
                lines.append(chunk[0].line)
            i += width
            continue
        rows.append(tuple(texts))
        lines.append(next((c.line for c in chunk if c.text), chunk[0].line))
        i += width
    if len(cells) - i >= 2:
        # The copy cut the last row off: its cells so far, the rest empty.
        chunk = cells[i:]
        rows.append(tuple(c.text for c in chunk) + ("",) * (width - len(chunk)))
        lines.append(next((c.line for c in chunk if c.text), chunk[0].line))
    if len(rows) < 2:
        return None
    table = Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), line=lines[0],
                  end_line=blocks[last].line, rows=tuple(rows), header=True, row_lines=tuple(lines))
    return table, last
