"""The outline of an outcomes-framework plan: title, strategic outcomes and labelled lists.

An outcomes-framework plan (Leicestershire's Strategic Plan 2018-22 is the model) names a few
strategic outcomes, each once as a heading with its statement, then again in a "What success
looks like" block: the heading, the statement in bold, and the bulleted supporting outcomes.
Those blocks are the authoritative list; the summary diagram later in the document repeats
them without headings (and, in the real plan, puts one bullet under the wrong outcome).

Every reader of this shape takes the document's lines as a shared
:class:`~stratgraph.loaders.common.layout.Layout`, so each line is classified once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from stratgraph.graph.model import normalise_name
from stratgraph.loaders.common.dates import YEAR_RANGE
from stratgraph.loaders.common.layout import Layout
from stratgraph.loaders.common.names import clean_name

_BOLD_LINE = re.compile(r"^\s*\*\*(.+)\*\*\s*$")
_BOLD_LABEL = re.compile(r"^\*\*(.+?)\*\*")
_PLAN_WORD = re.compile(r"\b(?:Plan|Strategy|Framework)\b", re.IGNORECASE)
_POSSESSIVE_ORG = re.compile(r"^.*?\bCouncil['’]s\s+")


@dataclass(frozen=True, slots=True, eq=False)
class Item:
    """A line of text the plan lists, with its 1-based line number."""

    text: str
    line: int


@dataclass(frozen=True, slots=True, eq=False)
class StrategicOutcome:
    """A strategic outcome: short title, first heading line, bold statement, supporting list."""

    name: str
    line: int
    statement: str
    statement_line: int
    supporting: tuple[Item, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Title:
    """The plan's title line and the slogan heading above it (when there is one)."""

    title: str | None
    line: int
    vision: str | None


def heading_text(layout: Layout, number: int) -> str | None:
    """The cleaned text of the heading on line ``number`` (it may stand up to three spaces in),
    or None when that line is not one."""
    text = layout.indented_heading(number)
    return clean_name(text) if text is not None else None


def bold_label(text: str) -> str:
    """The bold lead-in of a list item (``**Good value:** We make...``), else the cleaned item."""
    match = _BOLD_LABEL.match(text.strip())
    label = match.group(1) if match else text
    return clean_name(label).rstrip(":").strip()


def _next_filled(lines: Sequence[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None


def outcome_blocks(layout: Layout) -> list[StrategicOutcome]:
    """Every heading followed by a bold statement and a bulleted list: a strategic outcome."""
    lines = layout.lines
    found: dict[str, StrategicOutcome] = {}
    for number, raw in layout.indented_headings():
        name = clean_name(raw).rstrip(":").strip()
        if not name:
            continue
        stmt_at = _next_filled(lines, number)
        if stmt_at is None or not _BOLD_LINE.match(lines[stmt_at]):
            continue
        first_bullet = _next_filled(lines, stmt_at + 1)
        if first_bullet is None or layout.bullet_text(first_bullet + 1) is None:
            continue
        items: list[Item] = []
        at = first_bullet
        while at < len(lines) and (text := layout.bullet_text(at + 1)) is not None:
            if clean_name(text):
                items.append(Item(clean_name(text), at + 1))
            at += 1
        key = normalise_name(name)
        if key not in found:
            found[key] = StrategicOutcome(
                name=name,
                line=first_heading_line(layout, name) or number,
                statement=clean_name(lines[stmt_at]),
                statement_line=stmt_at + 1,
                supporting=tuple(items),
            )
    return list(found.values())


def first_heading_line(layout: Layout, name: str) -> int | None:
    """The first heading that is exactly ``name`` (a trailing colon allowed): its line."""
    key = normalise_name(name)
    for number, raw in layout.indented_headings():
        text = clean_name(raw)
        if text and normalise_name(text.rstrip(":")) == key:
            return number
    return None


def labelled_list(layout: Layout, heading_words: str, *, exclude: str = "") -> list[Item]:
    """The bold labels of the bullets in the first section whose heading holds ``heading_words``.

    ``exclude`` skips headings holding that word too (the summary diagram's combined box).
    """
    want = normalise_name(heading_words)
    skip = normalise_name(exclude) if exclude else None
    for number, raw in layout.indented_headings():
        text = clean_name(raw)
        if not text:
            continue
        key = normalise_name(text)
        if want not in key or (skip and skip in key):
            continue
        items = []
        for at in range(number, len(layout)):
            if heading_text(layout, at + 1):
                break
            raw = layout.bullet_text(at + 1)
            if raw is not None and bold_label(raw):
                items.append(Item(bold_label(raw), at + 1))
        if items:
            return items
    return []


def find_title(layout: Layout, *, within: int = 40) -> Title:
    """The title: the first early line naming a plan and a period ("...Strategic Plan 2018-22").

    An organisation's possessive in front ("Leicestershire County Council's") is dropped: the
    organisation is a property of its own. The first heading, when it is not the title, is the
    plan's vision slogan.
    """
    lines = layout.lines
    vision = None
    title = None
    title_line = 1
    for index, line in enumerate(lines[:within]):
        text = clean_name(line.lstrip("# "))
        if not text:
            continue
        if vision is None and heading_text(layout, index + 1):
            vision = text
        if YEAR_RANGE.search(text) and _PLAN_WORD.search(text):
            title = _POSSESSIVE_ORG.sub("", text).strip()
            title_line = index + 1
            break
    if title is None:
        first = _next_filled(lines, 0)
        title_line = (first or 0) + 1
        title = clean_name(lines[first].lstrip("# ")) if first is not None else None
    if vision and title and normalise_name(vision) == normalise_name(title):
        vision = None
    return Title(title=title, line=title_line, vision=vision)
