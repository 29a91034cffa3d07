"""Prose as blocks: OCR damage repaired, page-broken paragraphs joined, each offset on its line.

A narrative plan is read as a list of :class:`Block` records (a heading, a bullet item, a prose
paragraph or a tab-separated table row). A paragraph that a PDF page break split in two (the
first part ends mid-sentence, the second starts in lower case) is one block again, and every
character offset in a block still maps back to the 1-based line it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# Footnote markers OCR leaves in the text: ^{xii}, ^v, $^{\rm xv}$, superscript letters.
_FOOTNOTE_MARKS = re.compile(r"\$\^\{\\rm\s*[^}]*\}\$|\^\{[^}]*\}|\^[ivxlc]+\b|[ⁱ¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# Greek and Cyrillic capitals that OCR reads for Latin ones ("Αt Cabinet").
_HOMOGLYPHS = str.maketrans({"Α": "A", "Β": "B", "Ε": "E", "Ι": "I", "Ο": "O", "Τ": "T",
                             "а": "a", "е": "e", "о": "o", "і": "i", "’": "'", "‘": "'"})
# "Children's' Trust": a doubled apostrophe after a possessive.
_DOUBLE_POSSESSIVE = re.compile(r"(\w's)'")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-•·▪◦●*]|\d{1,2}[.)])\s+\S")
_TERMINAL = re.compile(r"[.!?:;\"”)\]]\s*$")
# A paragraph ending on one of these words is unfinished whatever case the next part starts in.
_OPEN_ENDINGS = frozenset(
    ["the", "a", "an", "of", "to", "and", "or", "with", "in", "for", "our", "by", "on", "at", "from", "that", "their", "its", "this"]
)
# "A. Sustainable communities and transport": a lettered section heading.
_LETTERED = re.compile(r"^[A-H][.)]\s+(?=[A-Z])")
_UNFINISHED_HEADING = _OPEN_ENDINGS | {"are", "is", "was", "were", "be", "we"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“'(*]*[A-Z])")


def clean_ocr(line: str) -> str:
    """One line with footnote markers, homoglyphs and doubled possessives repaired."""
    line = line.translate(_HOMOGLYPHS)
    line = _FOOTNOTE_MARKS.sub("", line)
    return _DOUBLE_POSSESSIVE.sub(r"\1", line)


@dataclass(frozen=True)
class Block:
    """A heading, bullet, prose paragraph or table row, with the line of each part."""

    kind: str
    text: str
    #: (offset in ``text``, 1-based line) for each source line joined into the block.
    spans: tuple[tuple[int, int], ...]
    #: Markdown heading level (0 for a plain heading line) or bullet indentation.
    level: int = 0

    @property
    def line(self) -> int:
        """The line the block starts on."""
        return self.spans[0][1]

    @property
    def last_line(self) -> int:
        """The line the block ends on."""
        return self.spans[-1][1]

    def line_at(self, offset: int) -> int:
        """The line holding character ``offset`` of ``text``."""
        starts = [start for start, _ in self.spans]
        return self.spans[max(0, bisect_right(starts, offset) - 1)][1]


@dataclass
class _Group:
    kind: str
    parts: list[tuple[int, str]]
    level: int = 0

    def text(self) -> str:
        return " ".join(part.strip() for _, part in self.parts)


def _start_kind(line: str) -> tuple[str, int] | None:
    """The kind a line opens a new group as, or None when it continues the current group."""
    heading = _MD_HEADING.match(line)
    if heading:
        return ("heading", len(heading.group(1)))
    if "\t" in line:
        return ("row", 0)
    bullet = _BULLET.match(line)
    if bullet:
        return ("bullet", len(bullet.group(1).expandtabs()))
    return None


def _groups(lines: Sequence[str]) -> list[tuple[_Group, bool]]:
    """Runs of non-blank lines, each with whether a blank line came before it."""
    groups: list[tuple[_Group, bool]] = []
    current: _Group | None = None
    blank_before = True
    for number, raw in enumerate(lines, 1):
        line = clean_ocr(raw)
        if not line.strip():
            current = None
            blank_before = True
            continue
        start = _start_kind(line)
        if current is None or start is not None or current.kind in ("heading", "row"):
            kind, level = start or ("prose", 0)
            if kind == "heading":
                line = _MD_HEADING.match(line).group(2)  # type: ignore[union-attr]
            current = _Group(kind, [(number, line)], level)
            groups.append((current, blank_before))
        else:
            current.parts.append((number, line))
        blank_before = False
    return groups


def _continues(previous: _Group, following: _Group) -> bool:
    """Whether ``following`` is the rest of ``previous``, cut off by a page break."""
    if previous.kind not in ("prose", "bullet") or following.kind != "prose":
        return False
    tail = previous.text().rstrip()
    if not tail or _TERMINAL.search(tail):
        return False
    head = following.text().lstrip()
    last_word = tail.split()[-1].lower()
    return head[:1].islower() or last_word in _OPEN_ENDINGS


def _is_heading_line(text: str) -> bool:
    """A plain-text heading: short, capitalised, not a sentence."""
    text = _LETTERED.sub("", text.strip())
    if re.match(r"^Question\s+\d+\s*[:.]", text):
        return len(text) <= 200
    if not text or len(text) > 120 or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.split()[-1] in _UNFINISHED_HEADING:
        return False
    if text[0].isdigit() and not re.match(r"^\d+(\.\d+)*\.?\s+[A-Z]", text):
        return False
    # A sentence, not a heading: it ends like one, holds one, or runs on.
    return not (_TERMINAL.search(text) or ". " in text or len(text.split()) > 12)


def read_blocks(lines: Sequence[str]) -> list[Block]:
    """The document's lines as blocks, page-broken paragraphs joined again."""
    merged: list[tuple[_Group, bool]] = []
    for group, blank_before in _groups(lines):
        if merged and blank_before and _continues(merged[-1][0], group):
            merged[-1][0].parts.extend(group.parts)
            continue
        merged.append((group, blank_before))
    blocks = []
    for index, (group, blank_before) in enumerate(merged):
        kind = group.kind
        followed_by_blank = (
            index + 1 == len(merged) or merged[index + 1][1] or merged[index + 1][0].kind != "prose"
        )
        if (kind == "prose" and len(group.parts) == 1 and blank_before and followed_by_blank
                and _is_heading_line(group.parts[0][1])):
            kind = "heading"
        blocks.append(_block(group, kind))
    return blocks


def _block(group: _Group, kind: str) -> Block:
    spans = []
    pieces = []
    offset = 0
    for number, part in group.parts:
        piece = part.strip()
        spans.append((offset, number))
        pieces.append(piece)
        offset += len(piece) + 1
    return Block(kind, " ".join(pieces), tuple(spans), group.level)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block: its text, its offset in the block, and the line it starts on."""

    text: str
    offset: int
    line: int


def sentences(block: Block) -> Iterator[Sentence]:
    """The block's sentences, each with the line it starts on."""
    start = 0
    text = block.text
    for match in _SENTENCE_END.finditer(text):
        piece = text[start:match.start()].strip()
        if piece:
            yield Sentence(piece, start, block.line_at(start))
        start = match.end()
    piece = text[start:].strip()
    if piece:
        yield Sentence(piece, start, block.line_at(start))
