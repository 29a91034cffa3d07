"""Text that remembers its lines: a table cell joined across wrapped rows, cut into pieces.

A coded-priorities table cell often runs over several physical rows (the PDF wrapped it, or a
page break split it). The loader joins the fragments into one text, but every item it cuts out
still has to point at the line its own text is on, so a piece keeps its offset into the joined
text and the joined text keeps a map from offset to source line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple


class Fragment(NamedTuple):
    """Raw text from one physical line (one cell of one row).

    A named tuple, as the other records of this loader: immutable like a frozen dataclass,
    and several times cheaper to make (there is one per cell of every row).
    """

    text: str
    line: int


def joined_text(fragments: Iterable[Fragment]) -> str:
    """``Joined(fragments).text`` without the line map, for cells read as one text."""
    return " ".join([text for text in (f.text.strip() for f in fragments) if text])


class Joined:
    """Fragments joined with single spaces, with the line of every character remembered."""

    def __init__(self, fragments: Iterable[Fragment]) -> None:
        parts: list[str] = []
        self._starts: list[int] = []
        self._lines: list[int] = []
        offset = 0
        for fragment in fragments:
            text = fragment.text.strip()
            if not text:
                continue
            if parts:
                parts.append(" ")
                offset += 1
            self._starts.append(offset)
            self._lines.append(fragment.line)
            parts.append(text)
            offset += len(text)
        self.text = "".join(parts)

    def boundaries(self) -> list[int]:
        """Offsets where a fragment other than the first starts."""
        return self._starts[1:]

    def line_at(self, offset: int) -> int:
        """The source line of the character at ``offset``."""
        if not self._lines:
            return 1
        return self._lines[max(0, bisect_right(self._starts, offset) - 1)]

    def whole(self) -> Piece:
        """The whole joined text as one piece."""
        return Piece(self, 0, len(self.text)).trimmed()


class Piece:
    """A stretch ``start:end`` of a joined text (treat as immutable)."""

    # A plain slotted class, not a frozen dataclass: the loader makes thousands of pieces and
    # a frozen dataclass pays for object.__setattr__ on every field.
    __slots__ = ("source", "start", "end")

    def __init__(self, source: Joined, start: int, end: int) -> None:
        self.source = source
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Piece(start={self.start}, end={self.end}, text={self.text!r})"

    @property
    def text(self) -> str:
        return self.source.text[self.start:self.end]

    @property
    def line(self) -> int:
        """The line the piece's text starts on."""
        return self.source.line_at(self.start)

    def trimmed(self) -> Piece:
        """The piece without surrounding whitespace."""
        return trimmed(self.source, self.start, self.end)

    def cut(self, boundary: re.Pattern[str]) -> list[Piece]:
        """The piece cut at every match of ``boundary`` (the match dropped); empties skipped."""
        cuts = [(m.start(), m.end()) for m in boundary.finditer(self.text)]
        return pieces_between(self.source, self.start, self.end, cuts)

    def split_at(self, offset: int) -> tuple[Piece, Piece]:
        """Two pieces: before and from ``offset`` (relative to this piece)."""
        cut = self.start + offset
        return (trimmed(self.source, self.start, cut), trimmed(self.source, cut, self.end))


def trimmed(source: Joined, start: int, end: int) -> Piece:
    """The piece ``start:end`` of ``source`` without surrounding whitespace."""
    raw = source.text[start:end]
    stripped = raw.strip()
    if len(stripped) == len(raw):
        return Piece(source, start, end)  # the common case: nothing to trim
    lead = start + len(raw) - len(raw.lstrip())
    return Piece(source, lead, lead + len(stripped))


def pieces_between(source: Joined, start: int, end: int,
                   cuts: list[tuple[int, int]]) -> list[Piece]:
    """The non-empty trimmed pieces of ``start:end`` between sorted, non-overlapping ``cuts``
    (offsets relative to ``start``; each cut's text dropped)."""
    text = source.text
    out: list[Piece] = []
    begin = start
    for cut_start, cut_end in cuts:
        if text[begin:start + cut_start].strip():
            out.append(trimmed(source, begin, start + cut_start))
        begin = start + cut_end
    if text[begin:end].strip():
        out.append(trimmed(source, begin, end))
    return out
