"""Where a sentence ends and where a word starts, as every shape's reader asks.

A sentence ends at ".", "!" or "?" followed by white space and something that opens the next
one: a capital letter, and, depending on what a shape's text holds, an opening bracket or
quote, or a markdown "*". Each shape says what opens a sentence in its plans
(:func:`sentence_break`); the shapes whose text needs more (abbreviations, lost full stops,
wrapped table rows) cut their sentences with their own rules on top of these helpers.

The word tests answer what a regex's ``\\b`` would, without a pattern tried at every
character: a pattern that starts with a literal, checked with these where it matches, is many
times faster than one that starts with ``\\b`` or a look-behind.
"""

from __future__ import annotations

import re

#: The marks that end a sentence.
STOPS = ".!?"


def sentence_break(openers: str) -> re.Pattern[str]:
    """The white space between two sentences: after a stop, before one of ``openers`` (a
    character class's contents, such as ``"A-Z*"``). Split a text at it for its sentences."""
    return re.compile(rf"(?<=[{STOPS}])\s+(?=[{openers}])")


def is_word_char(ch: str) -> bool:
    """Whether ``ch`` is a regex ``\\w`` character (a letter, a digit or "_")."""
    return ch.isalnum() or ch == "_"


def starts_word(text: str, index: int) -> bool:
    """Whether a word starts at ``index``: the character before is not a regex ``\\w``."""
    return index == 0 or not is_word_char(text[index - 1])


def word_boundary(text: str, at: int) -> bool:
    """Whether regex ``\\b`` holds at ``at``: a word character on one side only."""
    before = at > 0 and is_word_char(text[at - 1])
    after = at < len(text) and is_word_char(text[at])
    return before != after
