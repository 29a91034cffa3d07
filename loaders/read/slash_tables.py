"""A table a document host printed row by row, its cells set apart by " / " (the header's last
cell closed by a slash too), a long cell running on over lines of its own:

    Project Title / Start date / Target end date / Project Executive / Comment on progress / Q1 BRAG /
    Implement Reducing Poverty Strategy / Apr 2014 / Mar 2015 / Andrew Seekings / The current action plan ...
    Current socio economic data shows ... / G                  <- the comment goes on, then the last cell

Cells are counted, not guessed, as a pipe table's are: the header gives the width, every slash
closes a cell, and a row ends at the end of the line where it has as many cells as the header.
The table is read as any table then is, by what its header's columns say they hold.
"""

from __future__ import annotations

import re

from stratgraph.loaders.read.model import Block, BlockKind

#: A slash between spaces, or closing a line: a cell's end. "and/or", "2019/20" and "N/A" are
#: no cell ends (no space before the slash).
_SEP = re.compile(r"\s+/(?:\s+|$)")
#: A header cell: a column's name, a few words, not a sentence.
_MAX_HEADER_WORDS = 6


def _cells(text: str) -> list[str]:
    return [c.strip() for c in _SEP.split(text.strip() + " ")]


def _header(block: Block) -> tuple[str, ...] | None:
    """The column names of a header row, or None when ``block`` is no such row."""
    if block.kind is not BlockKind.PARAGRAPH or len(_SEP.findall(block.text + " ")) < 3:
        return None
    cells = _cells(block.text)
    if cells and not cells[-1]:
        cells.pop()  # the slash closing the last column's name
    if len(cells) < 3 or any(not c or len(c.split()) > _MAX_HEADER_WORDS or c[-1] in ".;:!?" for c in cells):
        return None
    return tuple(cells)


def _rows(body: list[Block], width: int) -> tuple[list[tuple[str, ...]], list[int], int] | None:
    """The rows of ``body`` (each ``width`` cells), each row's first line, and how many of
    ``body``'s blocks they take; None when a row runs over the header's width."""
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    cells: list[str] = []
    used = 0
    for block in body:
        pieces = _cells(block.text)
        if not cells and len(pieces) == 1:
            break  # a line with no cell end after a whole row: the text after the table
        if not cells:
            lines.append(block.line)
            cells = [pieces[0]]
        else:
            cells[-1] = f"{cells[-1]} {pieces[0]}".strip()
        cells += pieces[1:]
        if cells and not cells[-1] and len(cells) > width:
            cells.pop()  # a slash closing the row's last cell
        if len(cells) > width:
            return None
        used += 1
        if len(cells) == width:
            rows.append(tuple(cells))
            cells = []
    if cells:  # the copy stops inside a row: keep what it has
        rows.append(tuple(cells) + ("",) * (width - len(cells)))
    return rows, lines, used


def slash_tables(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each slash-separated table (a header row, then rows on the lines right
    under it) made one table block."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        header = _header(block)
        body: list[Block] = []
        for after in blocks[index + 1:]:
            if after.kind is not BlockKind.PARAGRAPH or after.line != (body[-1] if body else block).end_line + 1:
                break
            body.append(after)
        found = _rows(body, len(header)) if header and body else None
        if header is None or found is None or not found[0] or not _SEP.search(body[0].text + " "):
            out.append(block)
            index += 1
            continue
        rows, lines, used = found
        last = body[used - 1]
        table = (header, *rows)
        out.append(Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in table), block.line,
                         max(last.end_line, last.line), rows=table, header=True,
                         row_lines=(block.line, *lines)))
        index += 1 + used
    return out
