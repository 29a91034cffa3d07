"""Text that remembers its lines: a table cell joined across wrapped rows, cut into pieces.

A coded-priorities table cell often runs over several physical rows (the PDF wrapped it, or a
page break split it). The loader joins the fragments into one text, but every item it cuts out
still has to point at the line its own text is on, so a piece keeps its offset into the joined
text and the joined text keeps a map from offset to source line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fragment:
    """Raw text from one physical line (one cell of one row)."""

    text: str
    line: int


class Joined:
    """Fragments joined with single spaces, with the line of every character remembered."""

    def __init__(self, fragments: list[Fragment]) -> None:
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


@dataclass(frozen=True, eq=False)
class Piece:
    """A stretch ``start:end`` of a joined text."""

    source: Joined
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.source.text[self.start:self.end]

    @property
    def line(self) -> int:
        """The line the piece's text starts on."""
        return self.source.line_at(self.start)

    def trimmed(self) -> Piece:
        """The piece without surrounding whitespace."""
        raw = self.text
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        return Piece(self.source, self.start + lead, max(self.start + lead, self.end - trail))

    def cut(self, boundary: re.Pattern[str]) -> list[Piece]:
        """The piece cut at every match of ``boundary`` (the match dropped); empties skipped."""
        pieces: list[Piece] = []
        start = 0
        for match in boundary.finditer(self.text):
            pieces.append(Piece(self.source, self.start + start, self.start + match.start()))
            start = match.end()
        pieces.append(Piece(self.source, self.start + start, self.end))
        return [p for p in (q.trimmed() for q in pieces) if p.text]

    def split_at(self, offset: int) -> tuple[Piece, Piece]:
        """Two pieces: before and from ``offset`` (relative to this piece)."""
        cut = self.start + offset
        return (Piece(self.source, self.start, cut).trimmed(),
                Piece(self.source, cut, self.end).trimmed())
