"""Blocks to the plain-text rendering that loaders read and provenance lines count in.

Every reader that is not plain text (HTML, Word, PDF) hands its blocks to :func:`assemble`,
which writes them in the conventions the shape loaders already read in converted plans:
``#`` headings, ``-`` bullets indented two spaces a level, tab-separated table rows, and table
cells with more than one paragraph (or bold lead-ins) as the small HTML a PDF converter writes
(``<p>``, ``<ul><li>``, ``<b>``), every text escaped so nothing in a document becomes markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import replace

from stratgraph.loaders.read.model import Block, BlockKind, Document

_SPACE = re.compile(r"\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def one_line(text: str) -> str:
    """``text`` on one line: every run of whitespace (newlines and tabs too) one space."""
    return _SPACE.sub(" ", text).strip()


def _inline_html(text: str) -> str:
    """Escaped text with ``**bold**`` runs as ``<b>``."""
    out, pos = [], 0
    for m in _BOLD.finditer(text):
        out.append(html.escape(text[pos:m.start()], quote=False))
        out.append(f"<b>{html.escape(m.group(1), quote=False)}</b>")
        pos = m.end()
    out.append(html.escape(text[pos:], quote=False))
    return one_line("".join(out))


def _item_level(line: str) -> int:
    """A cell line's list nesting (1 = top, 0 = not an item): ``"- x"`` 1, ``"  - x"`` 2."""
    stripped = line.lstrip(" ")
    if not stripped.startswith("- "):
        return 0
    return (len(line) - len(stripped)) // 2 + 1


def _items_html(items: list[tuple[int, str]]) -> str:
    """Consecutive cell items (level, text) as a ``<ul>``, nested ones inside their parent."""
    out: list[str] = []
    depth = 0
    for level, text in items:
        level = min(level, depth + 1)  # a list opens one level deeper at most
        if level > depth:
            out.append("<ul>")
            depth += 1
        else:
            out.append("</li>")
            while depth > level:
                out.append("</ul></li>")
                depth -= 1
            out.append(" ")
        out.append(f"<li>{_inline_html(text)}")
    out.append("</li>")
    while depth > 1:
        out.append("</ul></li>")
        depth -= 1
    out.append("</ul>")
    return "".join(out)


def render_cell(cell: str) -> str:
    """One table cell on one line: plain text as it is, structured text as escaped HTML."""
    lines = [ln.rstrip() for ln in cell.split("\n") if ln.strip()]
    if not lines:
        return ""
    if (len(lines) == 1 and not _item_level(lines[0]) and "**" not in lines[0]
            and "<" not in lines[0]):
        return one_line(lines[0])
    parts: list[str] = []
    items: list[tuple[int, str]] = []
    for ln in lines:
        if level := _item_level(ln):
            items.append((level, ln.lstrip(" ")[2:]))
            continue
        if items:
            parts.append(_items_html(items))
            items = []
        parts.append(f"<p>{_inline_html(ln)}</p>")
    if items:
        parts.append(_items_html(items))
    return " ".join(parts)


def empty_table(width: int) -> Block:
    """A one-row table with ``width`` empty cells: a line of bare pipes ("||", "|||") a
    Markdown plan has, as a writer keeps it (an empty table), read back so the rendering
    writes the pipes again (:func:`table_lines`)."""
    return Block(BlockKind.TABLE, "", rows=(("",) * max(width, 1),))


def table_lines(block: Block) -> list[tuple[int, str]]:
    """A table's rendered rows as ``(row index, line)``: a row with no text is not rendered.

    A table with no text at all (:func:`empty_table`) is its pipes, one more than its cells,
    as the Markdown reader has the line: a web copy's cells are closed by pipes, and the
    general reader counts them (loaders/general/pipe_cells.py).
    """
    if block.rows and not any(c.strip() for row in block.rows for c in row):
        return [(i, "|" * (len(row) + 1)) for i, row in enumerate(block.rows)]
    rows = ["\t".join(render_cell(c) for c in row) for row in block.rows]
    return [(i, r) for i, r in enumerate(rows) if r.strip()]


def render_block(block: Block) -> list[str]:
    """The rendering's lines for one block (none for an empty one)."""
    if block.kind is BlockKind.TABLE:
        return [line for _, line in table_lines(block)]
    text = one_line(block.text)
    if not text:
        return []
    if block.kind is BlockKind.HEADING:
        return ["#" * min(max(block.level, 1), 6) + " " + text]
    if block.kind is BlockKind.LIST_ITEM:
        marker = block.marker if block.marker and block.marker[0].isalnum() else "-"
        return ["  " * max(block.level - 1, 0) + marker + " " + text]
    if block.kind is BlockKind.PARAGRAPH and block.level:
        # An item's description sits under its text, as a text plan indents it.
        return ["  " * block.level + text]
    return [text]


def table_text(rows: Iterable[Iterable[str]]) -> str:
    """A table's ``text``: rows on lines, cells joined by tabs, each cell on one line."""
    return "\n".join("\t".join(one_line(c) for c in row) for row in rows)


def assemble(
    name: str,
    blocks: Iterable[Block],
    *,
    path: str | None = None,
    format: str,  # noqa: A002 (the document field's name)
    furniture: Iterable[Block] = (),
    page_count: int | None = None,
) -> Document:
    """A :class:`Document` from a reader's blocks: rendered, each block given its lines.

    Blocks arrive in reading order with their ``page`` set (for paged formats) and their lines
    unset. A blank line separates blocks, except consecutive items of one list (one ``group``)
    and an item's description (a paragraph given the item's ``level``), as in a converted plan. A table whose ``row_pages`` run on past its ``page`` starts each
    later page at the line of its first row on that page.
    """
    lines: list[str] = []
    placed: list[Block] = []
    page_starts: list[int] = []
    page = 1
    previous: BlockKind | None = None
    previous_group = 0
    previous_level = 0
    for block in blocks:
        rendered = render_block(block)
        if not rendered:
            continue
        # An item's description (a paragraph with the item's level) follows it at once.
        same_list = (block.kind is BlockKind.LIST_ITEM
                     or (block.kind is BlockKind.PARAGRAPH and block.level > 0)) \
            and previous in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH) \
            and block.group == previous_group and previous_level > 0
        if lines and not same_list:
            lines.append("")
        start = len(lines) + 1
        if block.page is not None:
            while page < block.page:
                page += 1
                page_starts.append(start)
        if block.kind is BlockKind.TABLE and len(block.row_pages) == len(block.rows):
            for offset, (index, _) in enumerate(table_lines(block)):
                while page < block.row_pages[index]:
                    page += 1
                    page_starts.append(start + offset)
        lines.extend(rendered)
        placed.append(replace(block, line=start, end_line=len(lines)))
        previous = block.kind
        previous_group = block.group
        previous_level = block.level
    if page_count is not None:
        page_starts = [s for s in page_starts][: max(page_count - 1, 0)]
    return Document(
        name=name,
        text="\n".join(lines) + "\n" if lines else "",
        path=path,
        format=format,
        parsed_blocks=tuple(placed),
        furniture=tuple(furniture),
        page_starts=tuple(page_starts),
        page_count=page_count,
    )


def mark_runs(runs: Iterable[tuple[str, bool, bool]], *, italic: bool = True) -> str:
    """Inline runs ``(text, bold, italic)`` as text with ``**bold**`` and ``*italic*`` marks.

    The marks a converted plan carries, so a Word or web plan reads as its text version does.
    Marks hug the words (``**Good value:** We ...``); a run in both styles is marked bold only;
    ``italic=False`` marks bold alone (the table-cell convention). Only explicit marking counts
    (a run set bold, ``<b>``), never a style's look: a Word heading style is bold, its text not.
    """
    groups: list[list[str]] = []
    for text, bold, slanted in runs:
        if not text:
            continue
        style = "**" if bold else ("*" if slanted and italic else "")
        if not text.strip():
            style = groups[-1][1] if groups else ""
        if groups and groups[-1][1] == style:
            groups[-1][0] += text
        else:
            groups.append([text, style])
    out: list[str] = []
    for text, style in groups:
        core = text.strip()
        if not style or not core:
            out.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        out.append(f"{lead}{style}{core}{style}{trail}")
    return "".join(out)
