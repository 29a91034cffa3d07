"""The line grammar of a plan's rendering, and :class:`Layout`: a document's lines read with it.

Every shape loader reads the plain-text rendering (a text file itself, or what
``loaders/read`` makes of any other format), and the rendering marks its layout the way
converted plans do: ``#`` headings, bullets and numbered items, tab-separated table rows.
This module is that grammar, once:

- a **heading** is ``#`` to ``######`` at the start of the line, a space, then its text; a
  closing run of ``#`` is not part of the text (``heading``). CommonMark also allows up to
  three spaces before the marks; the outcomes-framework reader reads headings that way, with
  the text as written (``indented_heading``);
- a **bullet** is ``-``, ``*`` or ``•`` after any indentation, then a space (``bullet``); a
  **list item** is a bullet in any of the marks converters leave (``·``, ``▪``, ``◦``, ``●``)
  or a number ("1." or "2)") (``list_item``);
- a **table row** is a line with a tab; its cells are what the tabs separate (``split_cells``).

A shape loader takes from here what its shape uses and reads its own structure on top: the
delivery plan and the outcomes framework through a :class:`Layout`, which classifies each line
once however often their readers ask; the narrative reader, which reads each line once,
through the functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

#: A markdown heading: group 1 the marks (its level), group 2 the text without a closing run
#: of "#".
HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*\s*$")
#: A markdown bullet: group 1 the indentation, group 2 the item's text ("" when none).
BULLET = re.compile(r"^(\s*)[-*•]\s+(.*)$")
#: A list item's mark and the spaces after it: a bullet in any of the marks converters leave,
#: or a number ("1.", "2)"); group 1 the indentation.
LIST_ITEM = re.compile(r"^(\s*)(?:[-•·▪◦●*]|\d{1,2}[.)])\s+")
#: What separates the cells of a table row.
CELL_SEPARATOR = "\t"
#: How many spaces CommonMark allows before a heading's marks.
HEADING_INDENT = 3


@dataclass(frozen=True, slots=True)
class Heading:
    """A markdown heading: its 1-based line, its level (1 to 6) and its text."""

    line: int
    level: int
    text: str


def heading(line: str) -> tuple[int, str] | None:
    """The level and text of a markdown heading line, or None when it is not one."""
    match = HEADING.match(line) if line.startswith("#") else None
    return (len(match.group(1)), match.group(2)) if match else None


def indented_heading(line: str) -> str | None:
    """The text of a heading that may stand up to three spaces in (as CommonMark allows),
    exactly as written after the marks and their spaces (a closing run of "#" kept); None
    when the line is not a heading or its text is blank."""
    if "#" not in line:  # most lines: no need to look further
        return None
    stripped = line.lstrip()
    if len(line) - len(stripped) > HEADING_INDENT:
        return None
    match = HEADING.match(stripped)
    # Group 2 starts after the spaces that follow the marks, unless the text is all spaces.
    return (stripped[match.start(2):].rstrip() or None) if match else None


def bullet(line: str) -> tuple[int, str] | None:
    """The indentation (in characters) and text of a bulleted line, or None."""
    match = BULLET.match(line)
    return (len(match.group(1)), match.group(2)) if match else None


def bullet_text(line: str) -> str | None:
    """The text of a bulleted line, or None when it is not one or has no text."""
    match = BULLET.match(line)
    return (match.group(2) or None) if match else None


def list_item(line: str) -> int | None:
    """The indentation of a list item with text after its mark ("- a", "2) b"), or None."""
    match = LIST_ITEM.match(line)
    # The spaces after the mark are all taken: anything left is the item's text.
    return len(match.group(1)) if match and match.end() < len(line) else None


def strip_list_mark(text: str) -> str:
    """``text`` without a leading list item's mark and the spaces after it."""
    match = LIST_ITEM.match(text)
    return text[match.end():] if match else text


def is_row(line: str) -> bool:
    """Whether the line is a table row (it has a tab)."""
    return CELL_SEPARATOR in line


def split_cells(line: str) -> list[str]:
    """The cells of a table row, as written (a line without a tab is one cell)."""
    return line.split(CELL_SEPARATOR)


_UNREAD = object()


class Layout:
    """A document's lines read with the grammar above, each line classified on first ask.

    Lines are numbered from 1, as provenance counts them. A reader that asks again and again
    (which heading is this, where is the next bullet) asks this rather than the patterns.
    """

    __slots__ = ("lines", "_headings", "_indented", "_bullets", "_heading_list",
                 "_indented_list")

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self._headings: list[object] = [_UNREAD] * len(lines)
        self._indented: list[object] = [_UNREAD] * len(lines)
        self._bullets: list[object] = [_UNREAD] * len(lines)
        self._heading_list: list[Heading] | None = None
        self._indented_list: list[tuple[int, str]] | None = None

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, number: int) -> str:
        """Line ``number`` as written."""
        return self.lines[number - 1]

    def _read(self, cache: list[object], read: Callable[[str], object], number: int) -> object:
        found = cache[number - 1]
        if found is _UNREAD:
            found = cache[number - 1] = read(self.lines[number - 1])
        return found

    def heading(self, number: int) -> tuple[int, str] | None:
        """:func:`heading` of line ``number``."""
        return self._read(self._headings, heading, number)  # type: ignore[return-value]

    def indented_heading(self, number: int) -> str | None:
        """:func:`indented_heading` of line ``number``."""
        return self._read(self._indented, indented_heading, number)  # type: ignore[return-value]

    def bullet(self, number: int) -> tuple[int, str] | None:
        """:func:`bullet` of line ``number``."""
        return self._read(self._bullets, bullet, number)  # type: ignore[return-value]

    def bullet_text(self, number: int) -> str | None:
        """:func:`bullet_text` of line ``number``."""
        found = self.bullet(number)
        return (found[1] or None) if found else None

    def headings(self) -> list[Heading]:
        """Every :meth:`heading`, in order (the text as the pattern gives it)."""
        if self._heading_list is None:
            self._heading_list = [Heading(n, *found) for n in range(1, len(self.lines) + 1)
                                  if (found := self.heading(n))]
        return self._heading_list

    def indented_headings(self) -> list[tuple[int, str]]:
        """Every :meth:`indented_heading` with its line number, in order."""
        if self._indented_list is None:
            self._indented_list = [(n, found) for n in range(1, len(self.lines) + 1)
                                   if (found := self.indented_heading(n)) is not None]
        return self._indented_list
