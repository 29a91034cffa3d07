"""What every writer shares: a plan's title, its inline runs, its lists and its cells."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

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
    """The plan's title for running headers: its first heading, else its first paragraph
    when that is short enough to be a title (a running header is a title, never a sentence
    running off the page), else "Plan"."""
    for kind in (BlockKind.HEADING, BlockKind.PARAGRAPH):
        for block in blocks:
            if block.kind is kind and block.text.strip():
                words = plain(block.text).split()
                if kind is BlockKind.HEADING or len(words) <= 12:
                    return " ".join(words)
                break
    return "Plan"


_ORDERED = re.compile(r"^(?P<open>\(?)(?P<n>\d{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-z]|[A-Z])(?P<close>[.)])$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_value(text: str) -> int:
    values = [_ROMAN[c] for c in text.lower()]
    return sum(-v if i + 1 < len(values) and values[i + 1] > v else v for i, v in enumerate(values))


def ordered(marker: str) -> tuple[str, int, str, str] | None:
    """What an ordered list's marker is, as HTML's ``<ol type>`` names it, its number and the
    marks around it: ``"3."`` is ``("1", 3, "", ".")``, ``"(b)"`` ``("a", 2, "(", ")")``,
    ``"iv."`` ``("i", 4, "", ".")``; ``None`` for a bullet. A lone "i" starts a roman list."""
    m = _ORDERED.match(marker)
    if m is None:
        return None
    n, before, after = m.group("n"), m.group("open"), m.group("close")
    if n.isdigit():
        return "1", int(n), before, after
    if len(n) > 1 or n in "iI":
        return ("i" if n.islower() else "I"), _roman_value(n), before, after
    return ("a" if n.islower() else "A"), ord(n.lower()) - 96, before, after


def number_of(marker: str) -> int | None:
    """The number a list marker such as ``"3."`` or ``"2)"`` gives, else ``None``."""
    m = _NUMBERED.match(marker)
    return int(m.group(1)) if m else None


def with_descriptions(blocks: Sequence[Block], text: str) -> list[Block]:
    """``blocks`` of the text plan ``text`` with each item's description marked: a paragraph
    on the line right under a list item and indented past its marker (``"  • A healthy
    place"`` / ``"    Working with residents ..."``) gets the item's level, so a writer puts it
    inside the item (``<li>``'s second ``<p>``, Word's "List Continue", an indented paragraph)
    as the page it was copied from had it."""
    lines = text.split("\n")
    out: list[Block] = []
    for block in blocks:
        before = out[-1] if out else None
        if (block.kind is BlockKind.PARAGRAPH and before is not None and before.level > 0
                and before.kind in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH)
                and block.line == max(before.end_line, before.line) + 1):
            item_line, own = lines[before.line - 1], lines[block.line - 1]
            marker_at = len(item_line) - len(item_line.lstrip())
            if len(own) - len(own.lstrip()) > marker_at:
                block = replace(block, level=before.level)
        out.append(block)
    return out


def list_runs(blocks: Sequence[Block]) -> Iterator[tuple[str, list[Block]]]:
    """Blocks grouped for writing: ``("list", items)`` for each list, ``(kind, [block])`` else.

    A list is a run of list items on consecutive lines of the text plan; a blank line between
    two items starts a new list, as it does in a plan that groups its bullets. An item's
    description (a paragraph with a level, :func:`with_descriptions`) stays in its list.
    """
    items: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH and block.level and items:
            items.append(block)
            continue
        if block.kind is BlockKind.LIST_ITEM:
            if items and block.line != items[-1].end_line + 1:
                yield "list", _from_top(items)
                items = []
            items.append(block)
            continue
        if items:
            yield "list", _from_top(items)
            items = []
        yield block.kind.value, [block]
    if items:
        yield "list", _from_top(items)


def _from_top(items: list[Block]) -> list[Block]:
    """A list's items with its outermost level as level 1: a text plan that indents a whole
    list ("  • item") has no items further out, and a page or document has none either."""
    shift = min(b.level for b in items) - 1
    return [replace(b, level=b.level - shift) for b in items] if shift > 0 else items


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
