"""Where in a text a named strategy or partnership can be, found with a few regex searches so
that only those stretches are read token by token.

``entities`` reads a name from a run of tokens (``[\\w'’]+(?:[-/][\\w'’]+)*``,
``&`` or any other single character) that holds a keyword ("Strategy", "board"...). Some
tokens end any run and are never part of one: a *break*. Between two breaks, reading starts
afresh, so a stretch from one break to the next can be read on its own, with the same result
as reading the whole text; and a stretch without a keyword, or without a capital letter to
open a run, holds no name at all. Plan text is mostly such stretches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby


def _by_first_letter(words: Iterable[str]) -> str:
    """An alternation of ``words`` grouped by first letter ("p(?:lan|olicy)|s(?:cheme)"),
    which the regex engine tries much faster than one long list."""
    ordered = sorted(words, key=lambda w: (w[0], -len(w)))
    return "|".join(
        f"{first}(?:{'|'.join(w[1:] for w in group)})"
        for first, group in groupby(ordered, key=lambda w: w[0])
    )


class Stretches:
    """Finds the stretches of a text that may hold a name, for one set of keywords."""

    def __init__(self, keywords: Iterable[str], run_words: Iterable[str]) -> None:
        """``keywords`` end a name (lower case); ``run_words`` are the lower-case words a
        run may hold or end with ("and", "of", "strategy"): every other lower-case word is
        a break."""
        # A keyword as a word of lower-cased text. (It may still be half of a token such
        # as "Plan/Strategy"; the tokens decide.)
        self._keyword = re.compile(rf"\b(?:{_by_first_letter(keywords)})\b")
        # A break: a character that is always a token of its own (all but spaces, word
        # characters, apostrophes and "- / & ,"), or a lower-case word standing alone, with
        # the space after it, that is not a run word ("will", "the").
        words = "|".join(sorted(run_words))
        brk = rf"[^\s\w'’/&,-]|(?<!\S)(?!(?:{words})\s)[a-z]+\s"
        self._next_break = re.compile(brk)
        self._up_to_last_break = re.compile(f"(?s:.*)(?:{brk})")

    def with_keyword(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each stretch between breaks holding a keyword and a capital."""
        lowered = text.lower()
        if len(lowered) != len(text):
            # Some letter lower-cases to two ("İ"): offsets no longer line up, read it all.
            yield 0, len(text)
            return
        end = 0
        for keyword in self._keyword.finditer(lowered):
            if keyword.start() < end:
                continue  # in the stretch just read
            start = self.start_before(text, end, keyword.start())
            after = self._next_break.search(text, keyword.end())
            end = after.end() if after else len(text)
            # A run opens with a capital ("our plan" names nothing): islower() says none.
            if not text[start:end].islower():
                yield start, end

    def start_before(self, text: str, floor: int, at: int) -> int:
        """Where the last break in ``text[floor:at]`` ends, or ``floor`` if there is none
        (``floor`` itself must be 0 or where a break ends or starts)."""
        before = self._up_to_last_break.match(text, floor, at)
        return before.end() if before else floor
