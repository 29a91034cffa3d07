"""A text plan as a Word file whose structure is held in tables (formats round 3).

Many council Word templates (service plans, business plans, action-plan returns) are built
from tables rather than styles: the title is a shaded one-cell banner table, each section's
heading a one-cell shaded table above its text, and each sub-section a row of a two-column
layout table, its heading in the left cell and its text, lists and all, in the right. No
heading style is used anywhere; bullets are "List Bullet" paragraphs (inside the layout cells
too) and numbers are typed with a tab ("1.<tab>"). Data tables stay "Table Grid" tables
between the layout tables, a header row shaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stratgraph.loaders.read.model import Block, BlockKind

from .common import list_runs, ordered, padded, table_width
from .to_docx_typed import _add_runs, _fill_cell, _indent, _shade

_BANNER = {1: ("1F4E79", "FFFFFF", 20), 2: ("DEEAF6", "1F4E79", 14)}


def _banner(document: Any, block: Block) -> None:
    """A heading of level 1 or 2 as a one-cell shaded table."""
    fill, colour, size = _BANNER[min(block.level, 2)]
    table = document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)
    _shade(cell, fill)
    _add_runs(cell.paragraphs[0], block.text, bold=True, size=size, colour=colour)
    document.add_paragraph("")  # Word joins two tables with nothing between


def _content(container: Any, group: Sequence[Block], kind: str, first: list[bool]) -> None:
    """One paragraph or list written into ``container`` (the document or a cell); ``first``
    holds whether the cell's own empty first paragraph is still unused."""

    def paragraph(style: str | None = None) -> Any:
        if first and first[0]:
            first[0] = False
            p = container.paragraphs[0]
            if style:
                p.style = style
            return p
        return container.add_paragraph(style=style)

    if kind != "list":
        _add_runs(paragraph(), group[0].text)
        return
    for item in group:
        if item.kind is BlockKind.PARAGRAPH:  # the item's description, indented to its text
            p = paragraph()
            _indent(p, 360 * min(max(item.level, 1), 4) + 360)
            _add_runs(p, item.text)
            continue
        level = min(max(item.level, 1), 3)
        found = ordered(item.marker)
        if found is None:
            p = paragraph("List Bullet" if level == 1 else f"List Bullet {level}")
            _add_runs(p, item.text)
            continue
        p = paragraph()
        _indent(p, 360 * level + 360, 360)
        p.add_run(f"{item.marker}\t")
        _add_runs(p, item.text)


def _data_table(document: Any, block: Block) -> None:
    width = table_width(block)
    rows = [padded(row, width) for row in block.rows]
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            header = bool(block.header) and r == 0
            if header:
                _shade(table.cell(r, c), "D9D9D9")
            _fill_cell(table.cell(r, c), text, bold=header)
    document.add_paragraph("")


def write_docx_layout(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a Word file built from tables at ``path`` (see the
    module's docstring)."""
    import docx

    document = docx.Document()
    layout = None  # the open two-column layout table of sub-sections
    cell: Any = None
    first = [False]
    for kind, group in list_runs(blocks):
        block = group[0]
        if kind == BlockKind.HEADING.value and block.level <= 2:
            layout = cell = None
            _banner(document, block)
            continue
        if kind == BlockKind.HEADING.value:
            if layout is None:
                layout = document.add_table(rows=0, cols=2)
            row = layout.add_row()
            _add_runs(row.cells[0].paragraphs[0], block.text, bold=True)
            cell, first = row.cells[1], [True]
            continue
        if kind == BlockKind.TABLE.value:
            if layout is not None:
                document.add_paragraph("")
            layout = cell = None
            _data_table(document, block)
            continue
        if cell is not None:
            _content(cell, group, kind, first)
        else:
            _content(document, group, kind, [])
    path = Path(path)
    document.save(str(path))
    return path
