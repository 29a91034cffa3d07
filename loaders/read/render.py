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


def render_cell(cell: str) -> str:
    """One table cell on one line: plain text as it is, structured text as escaped HTML."""
    lines = [ln.strip() for ln in cell.split("\n") if ln.strip()]
    if not lines:
        return ""
    if len(lines) == 1 and "**" not in lines[0] and "<" not in lines[0]:
        return one_line(lines[0])
    parts: list[str] = []
    items: list[str] = []
    for ln in lines:
        if ln.startswith("- "):
            items.append(f"<li>{_inline_html(ln[2:])}</li>")
            continue
        if items:
            parts.append("<ul>" + " ".join(items) + "</ul>")
            items = []
        parts.append(f"<p>{_inline_html(ln)}</p>")
    if items:
        parts.append("<ul>" + " ".join(items) + "</ul>")
    return " ".join(parts)


def render_block(block: Block) -> list[str]:
    """The rendering's lines for one block (none for an empty one)."""
    if block.kind is BlockKind.TABLE:
        rows = ["\t".join(render_cell(c) for c in row) for row in block.rows]
        return [r for r in rows if r.strip()]
    text = one_line(block.text)
    if not text:
        return []
    if block.kind is BlockKind.HEADING:
        return ["#" * min(max(block.level, 1), 6) + " " + text]
    if block.kind is BlockKind.LIST_ITEM:
        marker = block.marker if block.marker and block.marker[0].isalnum() else "-"
        return ["  " * max(block.level - 1, 0) + marker + " " + text]
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
    unset. A blank line separates blocks, except consecutive list items, as in a converted plan.
    """
    lines: list[str] = []
    placed: list[Block] = []
    page_starts: list[int] = []
    page = 1
    previous: BlockKind | None = None
    for block in blocks:
        rendered = render_block(block)
        if not rendered:
            continue
        if lines and not (block.kind is BlockKind.LIST_ITEM and previous is BlockKind.LIST_ITEM):
            lines.append("")
        start = len(lines) + 1
        if block.page is not None:
            while page < block.page:
                page += 1
                page_starts.append(start)
        lines.extend(rendered)
        placed.append(replace(block, line=start, end_line=len(lines)))
        previous = block.kind
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
