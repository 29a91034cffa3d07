"""What every writer shares: a plan's title, its inline runs, its lists and its cells."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from stratgraph.loaders.read.model import Block, BlockKind

# "**bold**" and "*italic*" as a text plan types them (Markdown's marks).
_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|(?<![\w*])\*(?P<italic>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*])")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]$")


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False


def runs(text: str) -> list[Run]:
    """``text`` split into plain, bold and italic runs (the marks removed)."""
    out: list[Run] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            out.append(Run(text[pos:m.start()]))
        if m.group("bold") is not None:
            out.append(Run(m.group("bold"), bold=True))
        else:
            out.append(Run(m.group("italic"), italic=True))
        pos = m.end()
    if pos < len(text):
        out.append(Run(text[pos:]))
    return out


def plain(text: str) -> str:
    """``text`` without its inline marks."""
    return "".join(r.text for r in runs(text))


def title_of(blocks: Sequence[Block]) -> str:
    """The plan's title for running headers: its first heading, else its first paragraph."""
    for kind in (BlockKind.HEADING, BlockKind.PARAGRAPH):
        for block in blocks:
            if block.kind is kind and block.text.strip():
                return " ".join(plain(block.text).split())
    return "Plan"


def number_of(marker: str) -> int | None:
    """The number a list marker such as ``"3."`` or ``"2)"`` gives, else ``None``."""
    m = _NUMBERED.match(marker)
    return int(m.group(1)) if m else None


def list_runs(blocks: Sequence[Block]) -> Iterator[tuple[str, list[Block]]]:
    """Blocks grouped for writing: ``("list", items)`` for each list, ``(kind, [block])`` else.

    A list is a run of list items on consecutive lines of the text plan; a blank line between
    two items starts a new list, as it does in a plan that groups its bullets.
    """
    items: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.LIST_ITEM:
            if items and block.line != items[-1].end_line + 1:
                yield "list", items
                items = []
            items.append(block)
            continue
        if items:
            yield "list", items
            items = []
        yield block.kind.value, [block]
    if items:
        yield "list", items


@dataclass(frozen=True)
class CellPart:
    """One line of a table cell: a paragraph, or a list item at a nesting level (1 = top)."""

    text: str
    item_level: int = 0


def cell_parts(cell: str) -> list[CellPart]:
    """A cell in the model's convention (``"\\n"`` between paragraphs, ``"- "`` items, nested
    items indented two spaces a level) as its paragraphs and items."""
    parts: list[CellPart] = []
    for line in cell.split("\n"):
        if not line.strip():
            continue
        stripped = line.lstrip(" ")
        if stripped.startswith("- "):
            level = (len(line) - len(stripped)) // 2 + 1
            parts.append(CellPart(stripped[2:].strip(), level))
        else:
            parts.append(CellPart(line.strip()))
    return parts


def table_width(block: Block) -> int:
    """The number of columns of a table block (its widest row)."""
    return max((len(row) for row in block.rows), default=1)


def padded(row: Sequence[str], width: int) -> list[str]:
    """``row`` with empty cells added up to ``width``."""
    return list(row) + [""] * (width - len(row))
