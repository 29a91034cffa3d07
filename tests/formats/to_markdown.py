"""A text plan as Markdown: ``#`` headings, ``-`` bullets, GitHub pipe tables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stratgraph.loaders.read.model import Block, BlockKind
from stratgraph.loaders.read.render import render_cell

from .common import padded, table_width


def _cell(cell: str) -> str:
    # A pipe-table cell is one line: structured cells as the HTML GitHub allows in them.
    return render_cell(cell).replace("\t", " ").replace("|", "\\|")


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def block_lines(block: Block) -> list[str]:
    """The Markdown lines of one block."""
    if block.kind is BlockKind.HEADING:
        return ["#" * min(max(block.level, 1), 6) + " " + block.text]
    if block.kind is BlockKind.LIST_ITEM:
        # Numbered and lettered items keep their marker; any bullet symbol becomes "-".
        marker = block.marker if block.marker[:1].isalnum() else "-"
        return ["  " * max(block.level - 1, 0) + marker + " " + block.text]
    if block.kind is BlockKind.TABLE:
        width = table_width(block)
        rows = [padded(row, width) for row in block.rows]
        return [_row(rows[0]), "|" + "---|" * width, *(_row(r) for r in rows[1:])]
    return [block.text]


def write_md(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a Markdown file at ``path``.

    Blocks keep the lines they had in the text plan (the blank lines between them too), so the
    Markdown reader's rendering, which drops each table's rule row, counts the same lines.
    """
    lines: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if block.line:
            gap = block.line - (previous.end_line if previous else 0) - 1
        else:
            gap = 1 if previous else 0
        if previous is not None and BlockKind.TABLE in (previous.kind, block.kind):
            gap = max(gap, 1)  # a pipe table needs blank lines around it
        lines.extend([""] * max(gap, 0))
        lines.extend(block_lines(block))
        previous = block
    path = Path(path)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
