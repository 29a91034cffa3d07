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
from functools import cached_property

from stratgraph.loaders.common.layout import heading, is_row, list_item

# Footnote markers OCR leaves in the text: ^{xii}, ^v, $^{\rm xv}$, superscript letters.
_FOOTNOTE_MARKS = re.compile(r"\$\^\{\\rm\s*[^}]*\}\$|\^\{[^}]*\}|\^[ivxlc]+\b|[ⁱ¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# Greek and Cyrillic capitals that OCR reads for Latin ones ("Αt Cabinet").
_HOMOGLYPHS = str.maketrans({"Α": "A", "Β": "B", "Ε": "E", "Ι": "I", "Ο": "O", "Τ": "T",
                             "а": "a", "е": "e", "о": "o", "і": "i", "’": "'", "‘": "'"})
# "Children's' Trust": a doubled apostrophe after a possessive.
_DOUBLE_POSSESSIVE = re.compile(r"(\w's)'")

# The same repairs for a whole text. Each marker is kept within its line, as it is in a single
# line; the caret markers and the superscripts are two passes (a pattern that opens with a
# literal is found much faster, and deleting each superscript character deletes every run of
# them), and neither pass can make or hide a match of the other.
_CARET_MARKS = re.compile(r"\$\^\{\\rm[^\S\n]*[^}\n]*\}\$|\^\{[^}\n]*\}|\^[ivxlc]+\b")
_SUPERSCRIPT_MARKS = "ⁱ¹²³⁴⁵⁶⁷⁸⁹⁰"
# "'s'" found first, then checked for the word character before it: the same matches as
# _DOUBLE_POSSESSIVE, since two of them can never share that character.
_DOUBLED_APOSTROPHE = re.compile(r"'s'(?<=\w's')")
_HOMOGLYPH_PAIRS = tuple((chr(bad), good) for bad, good in _HOMOGLYPHS.items())
# What ends a sentence. On a stripped single line, which is all this is asked of, the regex
# [.!?:;"”)\]]\s*$ matches exactly when the last character is one of these.
_TERMINAL = '.!?:;"”)]'
# A paragraph ending on one of these words is unfinished whatever case the next part starts in.
_OPEN_ENDINGS = frozenset(
    ["the", "a", "an", "of", "to", "and", "or", "with", "in", "for", "our", "by", "on", "at", "from", "that", "their", "its", "this"]
)
# "A. Sustainable communities and transport": a lettered section heading.
_LETTERED = re.compile(r"^[A-H][.)]\s+(?=[A-Z])")
_QUESTION = re.compile(r"^Question\s+\d+\s*[:.]")
_NUMBERED = re.compile(r"^\d+(\.\d+)*\.?\s+[A-Z]")
_UNFINISHED_HEADING = _OPEN_ENDINGS | {"are", "is", "was", "were", "be", "we"}
# "Anti social behaviour (ASB)": a heading may end in the acronym it defines; the bracket is not
# a sentence's end.
_DEFINED_ACRONYM = re.compile(r"\s+\([A-Z][A-Za-z0-9&]*[A-Z][A-Za-z0-9&]*\)$")
# The gap after a sentence's end (group 1); matched from the stop itself, which is found faster
# than by a look-behind.
_SENTENCE_END = re.compile(r"[.!?]([\"”']?\s+)(?=[\"“'(*]*[A-Z])")


def clean_ocr(line: str) -> str:
    """One line with footnote markers, homoglyphs and doubled possessives repaired."""
    line = line.translate(_HOMOGLYPHS)
    line = _FOOTNOTE_MARKS.sub("", line)
    return _DOUBLE_POSSESSIVE.sub(r"\1", line)


def clean_text(text: str) -> str:
    """The whole text cleaned as :func:`clean_ocr` cleans each of its lines."""
    # One scan per homoglyph is far faster than translate() on a long non-ASCII text.
    for bad, good in _HOMOGLYPH_PAIRS:
        if bad in text:
            text = text.replace(bad, good)
    if "^" in text:
        text = _CARET_MARKS.sub("", text)
    for mark in _SUPERSCRIPT_MARKS:
        if mark in text:
            text = text.replace(mark, "")
    return _DOUBLED_APOSTROPHE.sub("'s", text) if "'s'" in text else text


@dataclass(frozen=True, eq=False)
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
        spans = self.spans
        if len(spans) == 1:
            return spans[0][1]  # most blocks are one line: no search
        return spans[max(0, bisect_right(self._starts, offset) - 1)][1]

    @cached_property
    def _starts(self) -> list[int]:
        return [start for start, _ in self.spans]


@dataclass(eq=False)
class _Group:
    kind: str
    parts: list[tuple[int, str]]
    level: int = 0

    def text(self) -> str:
        return " ".join(part.strip() for _, part in self.parts)


def _start_kind(line: str) -> tuple[str, int] | None:
    """The kind a line opens a new group as, or None when it continues the current group."""
    found = heading(line)
    if found:
        return ("heading", found[0])
    if is_row(line):
        return ("row", 0)
    indent = list_item(line)  # a line with a tab is a row: no tab in the indentation
    if indent is not None:
        return ("bullet", indent)
    return None


def _groups(lines: Sequence[str]) -> list[tuple[_Group, bool]]:
    """Runs of non-blank (cleaned) lines, each with whether a blank line came before it."""
    groups: list[tuple[_Group, bool]] = []
    current: _Group | None = None
    blank_before = True
    for number, line in enumerate(lines, 1):
        if not line.strip():
            current = None
            blank_before = True
            continue
        start = _start_kind(line)
        if current is None or start is not None or current.kind in ("heading", "row"):
            kind, level = start or ("prose", 0)
            if kind == "heading":
                line = heading(line)[1]  # type: ignore[index]
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
    # Every part is a non-blank line, so the joined texts end and start as these lines do.
    tail = previous.parts[-1][1].rstrip()
    if not tail or tail[-1] in _TERMINAL:
        return False
    head = following.parts[0][1].lstrip()
    last_word = tail.split()[-1].lower()
    return head[:1].islower() or last_word in _OPEN_ENDINGS


def _is_heading_line(text: str) -> bool:
    """A plain-text heading: short, capitalised, not a sentence."""
    text = _DEFINED_ACRONYM.sub("", _LETTERED.sub("", text.strip()))
    if _QUESTION.match(text):
        return len(text) <= 200
    if not text or len(text) > 120 or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.split()[-1] in _UNFINISHED_HEADING:
        return False
    if text[0].isdigit() and not _NUMBERED.match(text):
        return False
    # A sentence, not a heading: it ends like one, holds one, or runs on.
    return not (text[-1] in _TERMINAL or ". " in text or len(text.split()) > 12)


def read_blocks(lines: Sequence[str]) -> list[Block]:
    """The document's lines, cleaned by :func:`clean_text`, as blocks, page-broken paragraphs
    joined again."""
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


@dataclass(frozen=True, eq=False)
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
        piece = text[start:match.start(1)].strip()
        if piece:
            yield Sentence(piece, start, block.line_at(start))
        start = match.end()
    piece = text[start:].strip()
    if piece:
        yield Sentence(piece, start, block.line_at(start))
