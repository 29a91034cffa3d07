"""The layout of a coded-priorities plan: its strategic aims and its coded priority tables.

The shape (Leicester's 2003 interim corporate plan): a list of strategic aims, each a short
name with a one-line statement; then, per aim, the statement repeated as a heading over a tab
table whose header reads "Our priorities | How we will achieve it | Headline Milestones and
Targets | Baseline | Interim | Benefits to Citizens" and whose rows start with a priority code
(D.1, CSY.1, SC1, "Cl. 2"). A row's cells wrap onto following rows with an empty code, tables
break over pages (a file path line, the header repeated), and a cell can spill into the next
coded row. This module undoes the layout; it does not interpret the cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from stratgraph.graph.model import normalise_name
from stratgraph.loaders.common.layout import split_cells
from stratgraph.loaders.common.names import clean_name, collapse, strip_tags
from stratgraph.loaders.shapes.coded_priorities.spans import Fragment

#: A priority code as the first cell of a row: "D.1", "CSY.4", "SC1", "Cl. 2".
CODE = re.compile(r"^([A-Za-z]{1,5})\s*\.?\s*(\d{1,2})$")
_AIMS_HEADING = re.compile(r"^\s*(?:our\s+)?(?:strategic|corporate)\s+aims\s*$", re.I)
_AIMS_END = re.compile(r"^\s*(?:priorities|part\s+\d+\b.*)\s*$", re.I)
_PART = re.compile(r"^\s*part\s+\d+\b", re.I)
# Word's "document saved at" footer, repeated at page breaks.
_PAGE_PATH = re.compile(r"^\s*[A-Za-z]:\\")
_CODE_IN_WORD = re.compile(r"(?<=[a-z])\([A-Z]{2,6}\s?\d{1,3}\)\s+(?=[a-z])")
_BROKEN_WORD = re.compile(r"\b([a-z]{2,5})- (?=[a-z])")
_YEARS_ONLY = re.compile(r"^(?:\d{4}(?:/\d{2,4})?)?$")
_SMALL_WORDS = frozenset(
    "a an and as at by for from in of on or the to with our its their".split()
)
#: How close a heading must be to an aim's statement to open that aim's table (0..100).
HEADING_MATCH = 75.0
#: An aim name is a short line; longer lines in the aims section are prose.
MAX_AIM_WORDS = 8

COLUMNS = ("name", "actions", "targets", "baseline", "interim", "benefits")


@dataclass(frozen=True, slots=True, eq=False)
class Aim:
    """A strategic aim: its name and its one-line statement, each with its line."""

    name: str
    line: int
    statement: str
    statement_line: int


@dataclass(frozen=True, slots=True, eq=False)
class PriorityRow:
    """One priority's row with its wrapped continuations: raw cell fragments per column."""

    aim: int
    code: str | None
    line: int
    cells: dict[str, tuple[Fragment, ...]]

    def fragments(self, column: str) -> tuple[Fragment, ...]:
        """The fragments of one column (``name``, ``actions``, ``targets``, ...)."""
        return self.cells.get(column, ())


@dataclass(frozen=True, slots=True, eq=False)
class CodedPrioritiesOutline:
    """The aims (index = theme) and the priority rows, in document order."""

    aims: tuple[Aim, ...]
    rows: tuple[PriorityRow, ...]
    warnings: tuple[str, ...] = ()


def is_header(line: str) -> bool:
    """A table header row: tab cells naming the priorities and their targets."""
    if line.count("\t") < 2:
        return False  # fewer than three cells
    cells: list[str] = []
    for cell in split_cells(line):
        low = cell.strip().lower()
        if len(low) > 40:
            return False  # header cells are short labels, unlike a row's sentences
        cells.append(low)
    return any("priorit" in c for c in cells) and any("target" in c or "milestone" in c
                                                      for c in cells)


def header_columns(line: str) -> dict[str, int]:
    """Column index of each role in a header row."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(split_cells(line)):
        low = cell.lower()
        if "priorit" in low:
            roles.setdefault("name", index)
        elif "achieve" in low or "how we" in low or "action" in low:
            roles.setdefault("actions", index)
        elif "target" in low or "milestone" in low:
            roles.setdefault("targets", index)
        elif "baseline" in low:
            roles.setdefault("baseline", index)
        elif "interim" in low:
            roles.setdefault("interim", index)
        elif "benefit" in low or "outcome" in low:
            roles.setdefault("benefits", index)
    roles.setdefault("code", max(0, roles.get("name", 1) - 1))
    return roles


def repair(text: str) -> str:
    """Undo conversion damage inside one cell fragment.

    Tags go; a word broken by a PDF hyphen ("anti- social") is rejoined; an indicator code
    dropped into the middle of a word ("Leic(PSA7) ester") is removed and the word rejoined.
    """
    # Each step only where its pattern can match: most fragments need none of them.
    if "<" in text or "&" in text:
        text = strip_tags(text)
    if "(" in text:
        text = _CODE_IN_WORD.sub("", text)
    if "- " in text:
        text = _BROKEN_WORD.sub(r"\1-", text)
    return collapse(text)


def split_name_statement(text: str) -> tuple[str, str] | None:
    """An aim name run together with its statement: "Safeguarding ... Citizens Enforcing ...".

    The statement starts at the last capitalised word before the first ordinary lower-case
    word; ``None`` when the line does not start with a title-case name.
    """
    words = text.split()
    for i, word in enumerate(words):
        if word[:1].islower() and word.lower() not in _SMALL_WORDS:
            j = i - 1
            while j > 0 and not words[j][:1].isupper():
                j -= 1
            if j >= 1 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words[:j]):
                return " ".join(words[:j]), " ".join(words[j:])
            return None
    return None


def read_aims(lines: list[str]) -> tuple[list[Aim], int]:
    """The strategic aims and the index of the line after the aims section (0 if none)."""
    start = next((i for i, line in enumerate(lines) if _AIMS_HEADING.match(line)), None)
    if start is None:
        return [], 0
    aims: list[Aim] = []
    pending: tuple[str, int] | None = None
    end = len(lines)
    for i in range(start + 1, len(lines)):
        raw = lines[i]
        if is_header(raw) or _AIMS_END.match(raw):
            end = i
            break
        text = clean_name(raw)
        if not text:
            continue
        if pending:
            aims.append(Aim(pending[0], pending[1], text, i + 1))
            pending = None
        elif len(text.split()) <= MAX_AIM_WORDS and not text.endswith((".", ":")):
            pending = (text, i + 1)
        elif aims and (pair := split_name_statement(text)):
            aims.append(Aim(pair[0], i + 1, pair[1], i + 1))
    return aims, end


def _similarity(a: str, b: str) -> float:
    return fuzz.token_sort_ratio(normalise_name(a), normalise_name(b))


class _Header(NamedTuple):
    """A table header read once for all the rows under it."""

    columns: dict[str, int]
    roles: tuple[tuple[str, int], ...]  # (role, cell index) in ``COLUMNS`` order
    min_tabs: int  # a row has at least this many tabs

    @classmethod
    def read(cls, line: str) -> _Header:
        columns = header_columns(line)
        roles = tuple((role, columns[role]) for role in COLUMNS if role in columns)
        return cls(columns, roles, max(2, max(columns.values()) - 1))


class _Row:
    """A priority row being collected (mutable while the table is read)."""

    def __init__(self, aim: int, code: str | None, line: int) -> None:
        self.aim = aim
        self.code = code
        self.line = line
        self.cells: dict[str, list[Fragment]] = {c: [] for c in COLUMNS}

    def add(self, cells: list[str], header: _Header, line: int) -> None:
        count = len(cells)
        for role, index in header.roles:
            if index < count:
                text = repair(cells[index])
                if text:
                    self.cells[role].append(Fragment(text, line))

    def text(self, role: str) -> str:
        return " ".join(f.text for f in self.cells[role])

    def freeze(self) -> PriorityRow:
        return PriorityRow(self.aim, self.code, self.line,
                           {k: tuple(v) for k, v in self.cells.items() if v})


def _take_spill(row: _Row, previous: _Row | None) -> None:
    """Give back the start of this row's first action when it ends the previous row's last.

    A page layout can push the end of one row's cell ("... community" / "enterprises.") into
    the next coded row; a cell starting lower-case after a cell ending mid-sentence is that.
    """
    if previous is None or previous.aim != row.aim or not row.cells["actions"]:
        return
    first = row.cells["actions"][0]
    if not first.text[:1].islower() or previous.text("actions").endswith((".", ";", ":", "?")):
        return
    match = re.match(r"[^.;]*[.;]\s*", first.text)
    if not match or not previous.cells["actions"]:
        return
    previous.cells["actions"].append(Fragment(match.group(0).strip(), first.line))
    rest = first.text[match.end():].strip()
    row.cells["actions"][0] = Fragment(rest, first.line)
    if not rest:
        row.cells["actions"].pop(0)


def read_layout(lines: list[str]) -> CodedPrioritiesOutline:
    """Aims and priority rows of a coded-priorities plan."""
    aims, after_aims = read_aims(lines)
    aim_list = list(aims)
    warnings: list[str] = []
    rows: list[_Row] = []
    header: _Header | None = None
    current: _Row | None = None
    aim_index: int | None = None
    just_header = False
    for i in range(after_aims, len(lines)):
        raw, number = lines[i], i + 1
        if not raw.strip() or _PAGE_PATH.match(raw):
            continue
        if is_header(raw):
            header, just_header = _Header.read(raw), True
            continue
        if header is not None and raw.count("\t") >= header.min_tabs:
            cells = split_cells(raw)
            if just_header and all(_YEARS_ONLY.match(c.strip()) for c in cells):
                continue  # the header's second line ("2001/02  2004")
            just_header = False
            if aim_index is None:
                aim_list.append(Aim("Priorities", number, "", number))
                aim_index = len(aim_list) - 1
            current = _read_row(cells, header, number, aim_index, current, rows, warnings)
            continue
        just_header = False
        if header is not None and _PART.match(raw):
            break  # the tables are over: the next part is prose
        best = _best_aim(collapse(raw.replace("\t", "")), aim_list)
        if best is not None:
            aim_index, current = best, None
        elif _next_is_header(lines, i) and clean_name(raw.replace("\t", "")):
            text = clean_name(raw.replace("\t", ""))
            aim_list.append(Aim(text, number, text, number))
            aim_index, current = len(aim_list) - 1, None
            warnings.append(f"line {number}: table heading matches no strategic aim")
    return CodedPrioritiesOutline(tuple(aim_list), tuple(r.freeze() for r in rows), tuple(warnings))


def _best_aim(heading: str, aims: list[Aim]) -> int | None:
    """The aim whose statement the heading repeats (the first of the closest), if any."""
    if not aims:
        return None
    scores = [_similarity(heading, aim.statement) for aim in aims]
    best = scores.index(max(scores))
    return best if scores[best] >= HEADING_MATCH else None


def _next_is_header(lines: list[str], i: int) -> bool:
    for j in range(i + 1, len(lines)):  # indices, not a copy of the rest of the file
        raw = lines[j]
        if raw.strip() and not _PAGE_PATH.match(raw):
            return is_header(raw)
    return False


def _read_row(cells: list[str], header: _Header, number: int, aim: int,
              current: _Row | None, rows: list[_Row], warnings: list[str]) -> _Row:
    columns = header.columns
    code_cell = cells[columns["code"]].strip() if columns["code"] < len(cells) else ""
    name_index = columns.get("name", 1)
    name_cell = repair(cells[name_index]) if name_index < len(cells) else ""
    if CODE.match(code_cell):
        row = _Row(aim, code_cell, number)
    elif code_cell:
        warnings.append(f"line {number}: {code_cell!r} is not a priority code; read as one")
        row = _Row(aim, code_cell, number)
    elif name_cell and (current is None or current.text("name").endswith((".", "?", "!"))
                        or not current.cells["name"]):
        # A new sentence in the priority column after a finished one is a priority whose
        # code cell was lost, not a wrapped line.
        row = _Row(aim, None, number)
        warnings.append(f"line {number}: priority without a code")
    elif current is None:
        row = _Row(aim, None, number)  # actions before any priority: they support none
    else:
        current.add(cells, header, number)
        return current
    row.add(cells, header, number)
    _take_spill(row, rows[-1] if rows else None)
    rows.append(row)
    return row
