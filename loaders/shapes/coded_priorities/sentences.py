"""Cutting a coded-priorities cell into sentences and run-together list items.

The converter loses full stops and bullets, so besides the sentence ends a few patterns mark
where one sentence or item runs into the next. Each piece keeps its place in the joined cell
(``spans``), so it still knows its line.
"""

from __future__ import annotations

import re
from stratgraph.loaders.common.sentences import starts_word
from stratgraph.loaders.shapes.coded_priorities.spans import Piece, pieces_between

_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e etc st no nb".split()
)
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with our".split())
_SENTENCE_END = re.compile(r"[.?!](?:\s+|(?=To\b))(?=[\"“(]?[A-Z0-9]|[a-z]\)\s)")
_OPENS_SENTENCE = re.compile(r"[\"“(]?[A-Z0-9]")
_SEMICOLON = re.compile(";")
_AND = re.compile(r"and\s+")


class Boundary:
    """A pattern whose group 1 is a cut between sentences, searched only in texts holding
    one of ``needs``.

    Each pattern matches the character before the cut too, rather than looking behind for
    it: a leading look-behind makes the regex engine try every character of the text. With
    ``word_start`` a match must also start a word (the ``\\b`` such a look-behind held).
    """

    def __init__(self, pattern: str, needs: tuple[str, ...], *, word_start: bool = False
                 ) -> None:
        self.pattern = re.compile(pattern)
        self.needs = needs
        self.word_start = word_start

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Start and end of each cut in ``text``."""
        for word in self.needs:
            if word in text:
                break
        else:
            return []
        matches = self.pattern.finditer(text)
        if self.word_start:
            return [m.span(1) for m in matches if starts_word(text, m.start())]
        return [m.span(1) for m in matches]


# "by Nov. 2003 Complete the review": a dated clause runs into the next capitalised one.
_YEAR_THEN_CLAUSE = Boundary(r"(?:19|20)\d\d(\s+)(?=[A-Z][a-z]+\b)", ("19", "20"),
                             word_start=True)
# "... (PSA7) To reduce ...": a code closes one milestone, "To" opens the next.
CODE_THEN_TO = Boundary(r"\)(\s+)(?=To [a-z])", ("To ",))
# "... Framework) Pro-active enforcement: To strive": a short label opens the next milestone.
LABEL_BEFORE = Boundary(r"(\s+)(?=[A-Z][\w-]*(?: [a-z][\w-]*){0,2}:\s*To\b)", (":",))


class _MissingStop:
    """A full stop lost before a clause opener: "... Enforcement Policy All statutory licenses".

    The cut is the spaces between a lower-case letter and the opener. The opener is searched
    for, and the spaces and letter checked before it, because the regex engine finds a word
    far faster than a look-behind it has to try at every character.
    """

    _OPENER = re.compile(r"(?:All|Each|Every|We|Our|These|This)\s+[a-z]")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Start and end of each cut in ``text``."""
        cuts: list[tuple[int, int]] = []
        for match in self._OPENER.finditer(text):
            end = match.start()
            start = len(text[:end].rstrip())  # where the spaces before the opener start
            if 0 < start < end and "a" <= text[start - 1] <= "z":
                cuts.append((start, end))
        return cuts


MISSING_STOP = _MissingStop()
# Unpunctuated list items run together: "equipment Diversion projects", 'study "Safer
# routes'; an item starts with a capitalised word followed by a lower-case one (or ending).
_ITEM_BREAK = re.compile(r"[a-z.)\"”](\s+)(?=[\"“]?[A-Z][a-z]+(?:\s+[a-z(]|[.\"”]?\s*$))")


def sentences(piece: Piece, *, extra: tuple[Boundary | _MissingStop, ...] = ()
              ) -> list[Piece]:
    """The piece cut into sentences; "Nov. 2003" and "i.e. Leisure" are not ends."""
    text = piece.text
    cuts = _sentence_ends(text)
    for pattern in (_YEAR_THEN_CLAUSE, *extra):
        cuts += pattern.spans(text)
    cuts += _wrapped_row_starts(piece, text)
    return pieces_between(piece.source, piece.start, piece.end, _in_order(cuts))


def _sentence_ends(text: str) -> list[tuple[int, int]]:
    """Cuts after a full stop, question or exclamation mark that ends a sentence."""
    cuts: list[tuple[int, int]] = []
    for match in _SENTENCE_END.finditer(text):
        start = match.start()
        if _is_abbreviation(_last_word(text, start)):
            continue
        cuts.append((start + 1, match.end()))
    return cuts


def _wrapped_row_starts(piece: Piece, text: str) -> list[tuple[int, int]]:
    """Cuts before a wrapped row that opens with a capital: it starts a new sentence
    ("... (PSA)" / "Continue to improve ..."), unless the row before ended on a lead-in
    colon or mid-phrase ("by")."""
    cuts: list[tuple[int, int]] = []
    for boundary in piece.source.boundaries():
        offset = boundary - piece.start
        if 0 < offset < len(text) and _OPENS_SENTENCE.match(text, offset):
            last = _last_word(text, offset)
            if not last.endswith((":", ";")) and last.lower() not in _SMALL_WORDS:
                cuts.append((offset - 1, offset))
    return cuts


def _in_order(cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cuts sorted, without those starting inside an earlier one."""
    if len(cuts) > 1:
        cuts.sort()
    kept: list[tuple[int, int]] = []
    end = 0
    for cut in cuts:
        if cut[0] >= end:
            kept.append(cut)
            end = cut[1]
    return kept


def _is_abbreviation(word: str) -> bool:
    """A word a full stop does not end a sentence after ("Nov.", "e.g.", an initial)."""
    if (len(word) > 4 and word[-1] != ".") or (len(word) > 1 and word.isdigit()):
        return False  # the common cases: a long word (lower() never shortens one), a year
    word = word.lower().rstrip(".")
    return word in _ABBREVIATIONS or len(word) == 1


def _last_word(text: str, end: int) -> str:
    """The word just before ``end`` (looking back a short way only: cells can be long)."""
    words = text[max(0, end - 60):end].rsplit(None, 1)
    return words[-1] if words else ""


def list_items(piece: Piece) -> list[Piece]:
    """Items of a list whose bullets were lost: by semicolons, else at a capital that starts a
    new item after a finished word ("equipment Diversion"), not after "of", "and", "with"."""
    if ";" in piece.text:
        items = piece.cut(_SEMICOLON)
        return [_strip_and(p) for p in items]
    text = piece.text
    breaks = [m.span(1) for m in _ITEM_BREAK.finditer(text)
              if _ends_item(_last_word(text, m.start(1)))]
    return pieces_between(piece.source, piece.start, piece.end, breaks)


def _ends_item(word: str) -> bool:
    # An item ends on an ordinary lower-case word: not "of"/"and" (the name goes on), not a
    # capitalised one ("Looked After Children", "Raising Attainment" are names).
    word = word.lstrip("\"“(")
    return word[:1].islower() and word.lower() not in _SMALL_WORDS


def _strip_and(piece: Piece) -> Piece:
    match = _AND.match(piece.text)
    return piece.split_at(match.end())[1] if match else piece
