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
from collections import Counter
from dataclasses import dataclass
from itertools import product

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


#: A short value cell: a count, a score, "nil", "TBC" (a KPI table's figure column).
_VALUE = re.compile(r"(?i)^(?:[-+£$]?\d[\d.,%/:]*\s*\S{0,12}|nil|none|n/?a|tbc|tbd|yes|no|-)$")
#: What a padded row costs against a full one, so that a table read whole stays whole.
_PAD_COST = 1.0
#: How much better the padded reading must fit than the counted one to be taken.
_MARGIN = 3.0
#: Widest header tried (the kinds of each column are searched exhaustively: 4 ** width).
_MAX_SEARCH_WIDTH = 4
#: Most profiles times cells searched (a table of 780 cells four wide, 3,000 three wide).
_MAX_SEARCH = 200_000


def _repeats_header(texts: list[str], header: tuple[str, ...]) -> bool:
    return texts[1:] == list(header[1:]) and texts[0].lower().endswith(header[0].lower())


def _kind(text: str, seen: Counter[str]) -> int:
    """0 empty, 1 a short value, 2 text met again in the table (a column of set phrases:
    "Quarterly reporting"), 3 other text."""
    if not text:
        return 0
    if _VALUE.match(text):
        return 1
    return 2 if seen[text.lower()] > 1 else 3


def _fit(kinds: list[int], width: int, profile: tuple[int, ...],
         fixed: frozenset[int]) -> tuple[float, list[tuple[int, int]]]:
    """The rows (start, cells) that best fit ``profile`` (each column's kind of cell): each
    row one to ``width`` cells, its missing cells empty; and the fit (cells of their column's
    kind, less each missing cell of a column not empty and ``_PAD_COST`` a short row but the
    last, which a copy may have cut off).
    A row starting at a ``fixed`` cell (the header again) is a whole row and no row crosses it."""
    n = len(kinds)
    best: list[float] = [float("-inf")] * (n + 1)
    step: list[int] = [0] * (n + 1)
    best[0] = 0.0
    for at in range(n):
        if best[at] == float("-inf"):
            continue
        score = best[at]
        for size in range(1, min(width, n - at) + 1):
            if at + size - 1 in fixed and size > 1:
                break
            score += kinds[at + size - 1] == profile[size - 1]
            if at in fixed and size < width:
                continue
            total = score
            if size < width and at + size < n:  # the last row may be cut off: no cost
                # A missing cell fits only an empty column; it earns nothing (it is not there).
                total -= sum(profile[j] != 0 for j in range(size, width)) + _PAD_COST
            if at in fixed:
                total = best[at]  # the header again: no evidence either way
            if total > best[at + size]:
                best[at + size], step[at + size] = total, size
    spans: list[tuple[int, int]] = []
    end = n
    while end > 0:
        spans.append((end - step[end], step[end]))
        end -= step[end]
    return best[n], spans[::-1]


def _undrawn_rows(cells: list[_Cell], width: int, header: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """Rows (start, cells) of a table whose empty cells left no pipes: a PDF draws nothing for
    an empty cell or an empty one-cell table ("||"), so a statement row one cell wide or a
    row's empty tail is gone and the count of cells runs the rows together. The rows are
    found by kind: each column holds one kind of cell (text, a set phrase met again, a short
    value such as a count, or nothing), and a short row's missing cells were empty. None
    when the counted rows fit as well (a table whose cells are all there)."""
    body = cells[width:]
    if width > _MAX_SEARCH_WIDTH or len(body) < 2 * width or 4 ** width * len(body) > _MAX_SEARCH:
        return None
    seen = Counter(c.text.lower() for c in body)
    kinds = [_kind(c.text, seen) for c in body]
    # A column of names (indicators, actions, outcomes) holds text, one name a row.
    names = {i for i, h in enumerate(header) if column_role(h) in (Column.MEASURE, Column.ACTION, Column.OUTCOME)}
    profiles = [p for p in product(range(4), repeat=width) if all(p[i] == 3 for i in names)]
    counted = max(sum(kinds[i] == profile[i % width] for i in range(len(kinds))) for profile in profiles)
    fixed = frozenset(i for i in range(len(body) - width + 1)
                      if _repeats_header([c.text for c in body[i:i + width]], header))
    found = max((_fit(kinds, width, profile, fixed) for profile in profiles),
                key=lambda fit: fit[0])
    if found[0] < counted + _MARGIN or all(size == width for _, size in found[1]):
        return None
    return [(width + at, size) for at, size in found[1]]


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
    # An empty table's pipes ("||") on the page: the empty cells are there to count.
    drawn = any((b.kind is BlockKind.TABLE and not b.text.strip()) or re.fullmatch(r"\|\s*\|[|\s]*", b.text.strip())
                for b in blocks[start:last + 1])
    spans = None if drawn else _undrawn_rows(cells, width, header)
    if spans is None:  # the rows as counted: a header's width at a time
        spans = [(at, width) for at in range(width, len(cells) - width + 1, width)]
        if len(cells) - (width + len(spans) * width) >= 2:
            # The copy cut the last row off: its cells so far, the rest empty.
            spans.append((width + len(spans) * width, len(cells) - width - len(spans) * width))
    for at, size in spans:
        chunk = cells[at:at + size] + [_Cell("", cells[at].line)] * (width - size)
        texts = [c.text for c in chunk]
        if _repeats_header(texts, header):
            # The header again, under a group heading on the lines before its first cell.
            title = texts[0][:len(texts[0]) - len(header[0])].strip()
            if title:
                rows.append((title,) + ("",) * (width - 1))
                lines.append(chunk[0].line)
            continue
        rows.append(tuple(texts))
        lines.append(next((c.line for c in chunk if c.text), chunk[0].line))
    if len(rows) < 2:
        return None
    table = Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), line=lines[0],
                  end_line=blocks[last].line, rows=tuple(rows), header=True, row_lines=tuple(lines))
    return table, last
