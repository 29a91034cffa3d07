"""Cutting a coded-priorities cell into sentences and run-together list items.

The converter loses full stops and bullets, so besides the sentence ends a few patterns mark
where one sentence or item runs into the next. Each piece keeps its place in the joined cell
(``coded_priorities_spans``), so it still knows its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stratgraph.loaders.coded_priorities_spans import Piece

_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e etc st no nb".split()
)
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with our".split())
_SENTENCE_END = re.compile(r"[.?!](?:\s+|(?=To\b))(?=[\"“(]?[A-Z0-9]|[a-z]\)\s)")
_OPENS_SENTENCE = re.compile(r"[\"“(]?[A-Z0-9]")


class Boundary:
    """A pattern a sentence ends at, searched only in texts holding one of ``needs``.

    The patterns start with a look-behind, so the regex engine tries them at every character;
    each needs a word (or digits) that a plain substring test finds far faster.
    """

    def __init__(self, pattern: str, needs: tuple[str, ...]) -> None:
        self.pattern = re.compile(pattern)
        self.needs = needs

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text``."""
        if any(word in text for word in self.needs):
            yield from self.pattern.finditer(text)


# "by Nov. 2003 Complete the review": a dated clause runs into the next capitalised one.
_YEAR_THEN_CLAUSE = Boundary(r"(?<=\b(?:19|20)\d\d)\s+(?=[A-Z][a-z]+\b)", ("19", "20"))
# "... (PSA7) To reduce ...": a code closes one milestone, "To" opens the next.
CODE_THEN_TO = Boundary(r"(?<=\))\s+(?=To [a-z])", ("To ",))
# "... Framework) Pro-active enforcement: To strive": a short label opens the next milestone.
LABEL_BEFORE = Boundary(r"\s+(?=[A-Z][\w-]*(?: [a-z][\w-]*){0,2}:\s*To\b)", (":",))
# A full stop lost before a clause opener: "... Enforcement Policy All statutory licenses".
MISSING_STOP = Boundary(r"(?<=[a-z])\s+(?=(?:All|Each|Every|We|Our|These|This)\s+[a-z])",
                        ("All", "Each", "Every", "We", "Our", "This", "These"))
# Unpunctuated list items run together: "equipment Diversion projects", 'study "Safer
# routes'; an item starts with a capitalised word followed by a lower-case one (or ending).
_ITEM_BREAK = re.compile(r"(?<=[a-z.)\"”])\s+(?=[\"“]?[A-Z][a-z]+(?:\s+[a-z(]|[.\"”]?\s*$))")


def sentences(piece: Piece, *, extra: tuple[Boundary, ...] = ()) -> list[Piece]:
    """The piece cut into sentences; "Nov. 2003" and "i.e. Leisure" are not ends."""
    cuts: list[tuple[int, int]] = []
    text = piece.text
    for match in _SENTENCE_END.finditer(text):
        word = _last_word(text, match.start()).lower().rstrip(".")
        if word in _ABBREVIATIONS or len(word) == 1:
            continue
        cuts.append((match.start() + 1, match.end()))
    for pattern in (_YEAR_THEN_CLAUSE, *extra):
        cuts.extend((m.start(), m.end()) for m in pattern.finditer(text))
    # A wrapped row that opens with a capital starts a new sentence ("... (PSA)" / "Continue
    # to improve ..."), unless the row before ended on a lead-in colon or mid-phrase ("by").
    for boundary in piece.source.boundaries():
        offset = boundary - piece.start
        if 0 < offset < len(text) and _OPENS_SENTENCE.match(text, offset):
            last = _last_word(text, offset)
            if not last.endswith((":", ";")) and last.lower() not in _SMALL_WORDS:
                cuts.append((offset - 1, offset))
    pieces: list[Piece] = []
    start = 0
    for cut_start, cut_end in sorted(cuts):
        if cut_start < start:
            continue
        pieces.append(Piece(piece.source, piece.start + start, piece.start + cut_start))
        start = cut_end
    pieces.append(Piece(piece.source, piece.start + start, piece.end))
    return [p for p in (q.trimmed() for q in pieces) if p.text]


def _last_word(text: str, end: int) -> str:
    """The word just before ``end`` (looking back a short way only: cells can be long)."""
    words = text[max(0, end - 60):end].split()
    return words[-1] if words else ""


def list_items(piece: Piece) -> list[Piece]:
    """Items of a list whose bullets were lost: by semicolons, else at a capital that starts a
    new item after a finished word ("equipment Diversion"), not after "of", "and", "with"."""
    if ";" in piece.text:
        items = piece.cut(re.compile(r";"))
        return [_strip_and(p) for p in items]
    breaks = [m for m in _ITEM_BREAK.finditer(piece.text)
              if _ends_item(_last_word(piece.text, m.start()))]
    out: list[Piece] = []
    start = 0
    for match in breaks:
        out.append(Piece(piece.source, piece.start + start, piece.start + match.start()))
        start = match.end()
    out.append(Piece(piece.source, piece.start + start, piece.end))
    return [p for p in (q.trimmed() for q in out) if p.text]


def _ends_item(word: str) -> bool:
    # An item ends on an ordinary lower-case word: not "of"/"and" (the name goes on), not a
    # capitalised one ("Looked After Children", "Raising Attainment" are names).
    word = word.lstrip("\"“(")
    return word[:1].islower() and word.lower() not in _SMALL_WORDS


def _strip_and(piece: Piece) -> Piece:
    match = re.match(r"and\s+", piece.text)
    return piece.split_at(match.end())[1] if match else piece
