"""Splitting a priority-table cell into its items: one action or target per sentence.

A PLANS/ACTIONS or MEASUREMENT/TARGETS cell is a run of short sentences ("Implement People
Strategy. Lower absence rates - 7.5 days or below."), sometimes wrapped over several lines or
written as HTML paragraphs. Each sentence is one item; a comma or semicolon list inside a
sentence ("Park and Ride, cycling schemes, car share; ...") stays one item, as the council
wrote it as one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from stratgraph.loaders.common.cells import parse_cell
from stratgraph.loaders.common.names import clean_name

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARKERS = re.compile(f"[{SUPERSCRIPTS}]+")
# A marker typed after the full stop ("jobs. ²") belongs to the sentence before it.
_MARKER_AFTER_STOP = re.compile(f"([.!?])(\\s*)([{SUPERSCRIPTS}]+)")
# A sentence ends at . ! ? before a word that does not start in lower case ("p.a. and" runs on)
# or with a bracket (a source note such as "(Active People Survey)" stays with its target),
# or at a closing bracket straight before a capitalised word, where a PDF lost the full stop
# ("(31.3%) Reduce tooth decay").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\sa-z(])|(?<=\))\s+(?=[A-Z][a-z])")
_HTML_BLOCK = re.compile(r"<\s*/?\s*(?:p|li|br|ul|ol|div)\b", re.IGNORECASE)
# What clean_name has to remove or collapse: tags, entities, markdown, footnote markers,
# and any space that is not a single " ". Most table text has none of it.


@dataclass(frozen=True, slots=True, eq=False)
class Part:
    """A piece of a cell as it sits in the file: its 1-based line and its raw text."""

    line: int
    text: str


@dataclass(frozen=True, slots=True, eq=False)
class Item:
    """One action or target read from a cell: clean name, line, footnote markers."""

    name: str
    line: int
    markers: tuple[str, ...] = ()


def tidy(text: str) -> str:
    """A clean name without the trailing full stop a sentence or cell ends with."""
    return clean_name(text).rstrip(" .").strip()


def markers_in(text: str) -> tuple[str, ...]:
    """The footnote markers (superscript digits) in ``text``, in order."""
    return tuple(_MARKERS.findall(text))


def join_parts(parts: Sequence[Part]) -> str:
    """The cell's text as one string (wrapped pieces joined by a space)."""
    return " ".join(p.text.strip() for p in parts if p.text.strip())


def _markers_before_stop(text: str) -> str:
    """``text`` with each footnote marker typed after a full stop moved before it."""
    if not _MARKERS.search(text):
        return text  # the common case, without the substitution's overhead
    return _MARKER_AFTER_STOP.sub(r"\3\1", text)


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of ``text``."""
    out: list[tuple[int, str]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        out.append((start, text[start : match.start()]))
        start = match.end()
    out.append((start, text[start:]))
    return out


def split_items(parts: Sequence[Part]) -> list[Item]:
    """The sentences of a cell, each with the line its text starts on."""
    items: list[Item] = []
    if any(_HTML_BLOCK.search(p.text) for p in parts):
        # HTML cells are single-line in practice; paragraphs first, then sentences in each.
        for part in parts:
            for paragraph in parse_cell(part.text).paragraphs:
                items.extend(_items_of(paragraph, [(0, part.line)]))
        return items
    pieces: list[str] = []
    starts: list[tuple[int, int]] = []
    offset = 0
    for part in parts:
        text = _markers_before_stop(part.text.strip())
        if not text:
            continue
        starts.append((offset, part.line))
        pieces.append(text)
        offset += len(text) + 1
    return _items_of(" ".join(pieces), starts)


def _items_of(text: str, starts: Sequence[tuple[int, int]]) -> list[Item]:
    offsets = [off for off, _ in starts]
    items = []
    # Footnote markers are rare: look for them in each sentence only if the cell has any.
    marked = _MARKERS.search(text) is not None
    for offset, sentence in _sentences(text):
        name = tidy(sentence)
        if not name or not any(ch.isalnum() for ch in name):
            continue
        # The line of the piece the sentence starts in.
        line = starts[max(0, bisect_right(offsets, offset) - 1)][1]
        items.append(Item(name, line, markers_in(sentence) if marked else ()))
    return items
