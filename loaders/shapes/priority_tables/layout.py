"""The layout of a priority-tables plan: headings, prose, numbered lists, footnotes and tables.

The text comes from a PDF, so nothing is marked up: a heading is a short title-case line on its
own between blank lines, a table is a tab-separated PRIORITY / PLANS-ACTIONS /
MEASUREMENT-TARGETS header followed by tab rows, and page breaks leave blank lines, footnotes
and half-sentences in the middle of paragraphs and tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from stratgraph.loaders.common.layout import is_row, split_cells
from stratgraph.loaders.common.names import clean_name, strip_footnotes
from stratgraph.loaders.shapes.priority_tables.cells import (
    SUPERSCRIPTS,
    Part,
    join_parts,
)

_FOOTNOTE = re.compile(f"^\\s*([{SUPERSCRIPTS}]+)\\s+(\\S.*)$")
_NUMBERED_ITALIC = re.compile(r"^\s*(\d{1,2})[.)]\s+\*(.+)\*\s*$")
_HEADER_CELLS = (
    re.compile(r"^PRIORIT(?:Y|IES)$", re.IGNORECASE),
    re.compile(r"^PLANS?\s*/\s*ACTIONS?$", re.IGNORECASE),
    re.compile(r"^MEASURE(?:MENT)?S?(?:\s*/\s*TARGETS?)?$", re.IGNORECASE),
)
# Run-in headings open a paragraph: "Safeguarding - We will ...", "Children in Care - We ...".
_RUN_IN = re.compile(r"^([A-Z][\w'’]*(?: [\w'’]+){0,5}) [-–] (?=[A-Z])")
# Words a title keeps in lower case; every other word of a heading is capitalised.
_MINOR_WORDS = frozenset(
    "a an and as at by for from in into of on or our the their to with through its".split()
)
# Front matter is not a theme of the plan's work.
_FRONT_MATTER = re.compile(r"\b(?:introduction|foreword|preface|contents)\b", re.IGNORECASE)
_DANGLING = frozenset(
    ["and", "or", "of", "the", "to", "for", "with", "in", "a", "an", "&", "-", "–", ","]
)
_MAX_HEADING_WORDS = 14


@dataclass(frozen=True, slots=True, eq=False)
class SectionHeading:
    """A section heading: its clean text and line."""

    name: str
    line: int
    front_matter: bool = False


@dataclass(frozen=True, slots=True, eq=False)
class RunIn:
    """A run-in heading opening a paragraph ("Educational Excellence - We will ...")."""

    name: str
    line: int


@dataclass(frozen=True, slots=True, eq=False)
class Row:
    """A table row: for each of its three cells, the pieces it was written in."""

    line: int
    cells: tuple[tuple[Part, ...], tuple[Part, ...], tuple[Part, ...]]

    def text(self, index: int) -> str:
        """The whole text of cell ``index``."""
        return join_parts(self.cells[index])


@dataclass(frozen=True, slots=True, eq=False)
class Table:
    """A PRIORITY / PLANS-ACTIONS / MEASUREMENT table: header line, header markers, rows."""

    line: int
    header_markers: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True, eq=False)
class NumberedList:
    """A numbered italic list (the strategic imperatives) with its lead-in sentence."""

    lead_in: Part | None
    items: tuple[tuple[int, Part], ...]


@dataclass(frozen=True, eq=False)
class PriorityTablesOutline:
    """Everything the loader reads, in document order."""

    title_block: tuple[Part, ...]
    headings: tuple[SectionHeading, ...]
    run_ins: tuple[RunIn, ...]
    prose: tuple[Part, ...]
    tables: tuple[Table, ...]
    lists: tuple[NumberedList, ...]
    footnotes: dict[str, Part] = field(default_factory=dict)


def is_table_header(line: str) -> bool:
    """Whether ``line`` is a PRIORITY / PLANS-ACTIONS / MEASUREMENT header (any variant)."""
    if line.count("\t") < 2 or "/" not in line:
        return False  # three cells need two tabs, and PLANS/ACTIONS a slash: most lines fail
    cells = [strip_footnotes(c).strip() for c in split_cells(line)]
    cells = [c for c in cells if c]
    return len(cells) == 3 and all(p.match(c) for p, c in zip(_HEADER_CELLS, cells))


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text)]
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    if not major:
        return False
    capitalised = sum(1 for w in major if w[0].isupper())
    return capitalised / len(major) >= 0.6


def _next_content(lines: Sequence[str], index: int) -> int | None:
    for j in range(index + 1, len(lines)):
        if lines[j].strip():
            return j
    return None


def _looks_like_heading(lines: Sequence[str], i: int) -> bool:
    text = lines[i].strip()
    if not text or is_row(lines[i]) or _FOOTNOTE.match(text) or _NUMBERED_ITALIC.match(text):
        return False
    if text.startswith(("-", "*", "•", "‘", "'", '"', "“")) or not text[0].isupper():
        return False
    if (i > 0 and lines[i - 1].strip()) or (i + 1 < len(lines) and lines[i + 1].strip()):
        return False
    if text[-1] in ".:;,!?" or len(text.split()) > _MAX_HEADING_WORDS or not _is_title_case(text):
        return False
    j = _next_content(lines, i)
    # A page break leaves a paragraph's first half alone; the rest starts in lower case.
    # A title-page line is followed by another heading rather than by the section's text.
    if j is None or lines[j].strip()[0].islower():
        return False
    return is_row(lines[j]) or not _is_short_title(lines[j])


def _is_short_title(line: str) -> bool:
    text = line.strip()
    return (
        not is_row(line)
        and text[0].isupper()
        and len(text.split()) <= _MAX_HEADING_WORDS
        and text[-1] not in ".:;,!?"
        and _is_title_case(text)
    )


def _cells(line: str) -> list[str]:
    cells = split_cells(line)
    if len(cells) > 3:
        cells = cells[:2] + [" ".join(cells[2:])]
    return (cells + ["", "", ""])[:3]


def _ends_dangling(text: str) -> bool:
    last = text.rsplit(None, 1)  # only the last word matters; no need to split them all
    return bool(last) and last[-1].lower() in _DANGLING


def _continues(previous: list[list[Part]], cells: list[str]) -> bool:
    """Whether a tab line carries on the row before it (a row wrapped or split by a page)."""
    if not cells[0].strip():
        return True
    # Only how each cell ends matters; its last piece says that.
    prev_texts = [c[-1].text.strip() if c else "" for c in previous]
    if any(_ends_dangling(t) for t in prev_texts if t):
        return True
    for prev, new in zip(prev_texts, cells):
        new = new.strip()
        if prev and new and new[0].islower() and prev.rstrip()[-1] not in ".!?)%":
            return True
    return False


def _note(footnotes: dict[str, Part], match: re.Match[str], index: int) -> None:
    for marker in match.group(1):
        footnotes.setdefault(marker, Part(index + 1, match.group(2).strip()))


def _read_table(lines: Sequence[str], start: int, footnotes: dict[str, Part]) -> tuple[Table, int]:
    """The table whose header is at index ``start``; returns it and the index after it."""
    header = lines[start]
    header_markers = tuple(
        m for c in split_cells(header) for m in re.findall(f"[{SUPERSCRIPTS}]", c)
    )
    rows: list[tuple[int, list[list[Part]]]] = []
    i = start + 1
    while i < len(lines):
        text = lines[i]
        footnote = _FOOTNOTE.match(text)
        if footnote:
            _note(footnotes, footnote, i)
        if not text.strip() or footnote:
            i += 1
            continue
        if not is_row(text) or is_table_header(text):
            break
        cells = _cells(text)
        if rows and _continues(rows[-1][1], cells):
            for k, cell in enumerate(cells):
                if cell.strip():
                    rows[-1][1][k].append(Part(i + 1, cell))
        else:
            rows.append((i + 1, [[Part(i + 1, c)] if c.strip() else [] for c in cells]))
        i += 1
    # Trailing blanks and footnotes belong to the text after the table.
    while i > start + 1 and (not lines[i - 1].strip() or _FOOTNOTE.match(lines[i - 1])):
        i -= 1
    table_rows = tuple(Row(line, (tuple(c[0]), tuple(c[1]), tuple(c[2]))) for line, c in rows)
    return Table(start + 1, header_markers, table_rows), i


def read_layout(lines: Sequence[str]) -> PriorityTablesOutline:
    """The headings, prose, tables, numbered lists and footnotes of a plan's lines."""
    headings: list[SectionHeading] = []
    run_ins: list[RunIn] = []
    prose: list[Part] = []
    tables: list[Table] = []
    lists: list[NumberedList] = []
    footnotes: dict[str, Part] = {}
    title_block: list[Part] = []
    i = 0
    while i < len(lines):
        text = lines[i]
        stripped = text.strip()
        if not stripped:
            i += 1
            continue
        if is_table_header(text):
            table, i = _read_table(lines, i, footnotes)
            tables.append(table)
            continue
        footnote = _FOOTNOTE.match(stripped)
        if footnote:
            _note(footnotes, footnote, i)
        elif _NUMBERED_ITALIC.match(stripped):
            i = _read_list(lines, i, prose, lists)
            continue
        elif _looks_like_heading(lines, i) and clean_name(stripped):
            name = clean_name(stripped)
            headings.append(SectionHeading(name, i + 1, bool(_FRONT_MATTER.search(name))))
        elif not headings:
            title_block.append(Part(i + 1, stripped))
        else:
            prose.append(Part(i + 1, stripped))
            run_in = _RUN_IN.match(stripped)
            if run_in and _is_title_case(run_in.group(1)):
                run_ins.append(RunIn(clean_name(run_in.group(1)), i + 1))
        i += 1
    return PriorityTablesOutline(
        tuple(title_block),
        tuple(headings),
        tuple(run_ins),
        tuple(prose),
        tuple(tables),
        tuple(lists),
        footnotes,
    )


def _read_list(lines: Sequence[str], i: int, prose: list[Part], lists: list[NumberedList]) -> int:
    items: list[tuple[int, Part]] = []
    while i < len(lines):
        match = _NUMBERED_ITALIC.match(lines[i].strip())
        if not match:
            break
        items.append((int(match.group(1)), Part(i + 1, match.group(2))))
        i += 1
    lead_in = prose[-1] if prose else None
    lists.append(NumberedList(lead_in, tuple(items)))
    return i
