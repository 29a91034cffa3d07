"""Query rows as a table a person reads in an 80-column terminal.

The table is for reading; ``--format json`` or ``csv`` give every value in full. So a table:
shows documents by a short name with ``file:line`` (the shortest form that stays distinct in
the answer), keeps short values (codes, counts, levels, places) on one line, wraps only long
text at word boundaries and cuts very long text and long lists with a note of what is left
out, writes a value repeated from the row above (the plan, the theme) once, leaves out a
column empty in every row, and turns to one block per row when the columns cannot fit side by side. Every value is shown as plain text:
document text is never read as rich markup nor passed to the terminal as control characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from stratgraph.cli.render import printable

#: Longest text a cell shows before "…"; longer values are in --format json/csv.
MAX_TEXT = 90
#: How many list items a cell shows before "(+N more)".
MAX_ITEMS = 3
#: Values at most this long stay on one line (codes, counts, levels, short names).
SHORT = 14
#: The narrowest a wrapped text column may be before the rows are shown as blocks instead.
MIN_TEXT_WIDTH = 10
#: Document names longer than this are shortened in the middle (the end carries the years).
MAX_DOCUMENT = 16
#: Characters between two columns (padding either side of rich's blank divider).
GAP = 3
#: How far rows are indented under their group heading.
INDENT = 2
#: Leading columns whose value is written once, as a heading, for the rows that share it.
GROUPING = ("scope", "plan", "theme", "lead", "kind", "strategy")


@dataclass(frozen=True, slots=True)
class Shown:
    """One column as the table shows it: its key in the rows, header and whether it wraps."""

    key: str
    header: str
    wraps: bool
    numeric: bool
    #: A wrapping column's share of the width left over: longer texts get more room.
    ratio: int = 1


def short_documents(names: Iterable[str]) -> dict[str, str]:
    """A short name per document, distinct within ``names``: the file name when short; a
    long one without its suffix, by the initials of its words and its numbers (``leicester-city-
    delivery-plan-2013-14.txt`` is ``lcdp-2013-14``), or cut in the middle. The table's
    note spells out every shortened name."""
    names = sorted(set(names))
    tries = [_initials, _middle_cut]
    stems = {n: PurePath(n).stem or n for n in names}
    for shorten in tries:
        # A name short enough is kept whole, suffix and all.
        candidate = {n: (n if len(n) <= MAX_DOCUMENT + 4 else shorten(s))
                     for n, s in stems.items()}
        if len(set(candidate.values())) == len(candidate):
            return candidate
    return {n: n for n in names}


def _initials(stem: str) -> str:
    words = [w for w in re.split(r"[-_\s.]+", stem) if w]
    letters = "".join(w[0].lower() for w in words if not w[0].isdigit())
    numbers = [w for w in words if w[0].isdigit()]
    return "-".join([letters, *numbers]) if letters else _middle_cut(stem)


def _middle_cut(stem: str) -> str:
    head = MAX_DOCUMENT // 2 - 2
    return f"{stem[:head]}…{stem[-(MAX_DOCUMENT - head - 1):]}"


def _documents(rows: Sequence[dict[str, Any]]) -> set[str]:
    found = set()
    for row in rows:
        if row.get("source_document"):
            found.add(str(row["source_document"]))
        for item in row.get("evidence") or ():
            doc, sep, line = str(item).rpartition(":")
            if sep and line.isdigit():
                found.add(doc)
    return found


def _where(item: str, short: dict[str, str]) -> str:
    doc, sep, line = item.rpartition(":")
    return f"{short.get(doc, doc)}:{line}" if sep and line.isdigit() else item


def _clip(text: str) -> str:
    text = " ".join(printable(text).split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


def cell_text(row: dict[str, Any], key: str, short: dict[str, str]) -> str:
    """The text a cell shows (plain: never markup)."""
    if key == "source":
        doc = row.get("source_document")
        if doc is None:
            return ""
        return f"{short.get(str(doc), str(doc))}:{row.get('source_line')}"
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        items = [_where(str(v), short) if key == "evidence" else _clip(str(v)) for v in value]
        if len("; ".join(items)) <= MAX_TEXT:
            return "; ".join(items)
        more = len(items) - MAX_ITEMS
        shown = "; ".join(items[:MAX_ITEMS])
        return f"{shown} (+{more} more)" if more > 0 else shown
    if isinstance(value, float):
        return f"{value:.2f}"
    return _clip(str(value))


def shown_columns(columns: Sequence[str], cells: dict[str, list[str]]) -> list[Shown]:
    """The columns a table shows (ids are for scripts; document and line are one ``source``),
    each marked as wrapping text or a one-line value."""
    keys = [c for c in columns if not c.endswith("_id") and c not in ("key", "source_line")]
    keys = ["source" if c == "source_document" else c for c in keys]
    shown = []
    for key in keys:
        values = cells[key]
        if values and not any(values):
            # A column empty in every row says nothing to a reader (json and csv keep it).
            continue
        longest = max((len(v) for v in values), default=0)
        numeric = bool(values) and all(v.replace(".", "", 1).isdigit() or not v for v in values)
        wraps = key != "source" and longest > SHORT and not numeric
        average = sum(len(v) for v in values) / len(values) if values else 0
        shown.append(Shown(key, key.replace("_", " "), wraps, numeric, max(1, round(average / 8))))
    return shown


def _grouping(shown: Sequence[Shown]) -> int:
    """How many leading columns (plan, theme, ...) become group headings."""
    lead = 0
    while lead < len(shown) - 1 and shown[lead].key in GROUPING:
        lead += 1
    return lead


def _print_groups(
    console: Console, shown: Sequence[Shown], lead: int, widths: dict[str, int],
    matrix: list[list[str]],
) -> None:
    """Rows under a heading per run of equal leading values ("plan / theme"), the other
    columns in one table layout (same widths everywhere, the header once)."""
    body = shown[lead:]
    console.print(Padding(_table(body, widths, []), (0, 0, 0, INDENT)))
    start = 0
    while start < len(matrix):
        key = matrix[start][:lead]
        end = start
        while end < len(matrix) and matrix[end][:lead] == key:
            end += 1
        console.print(Text(_heading(shown[:lead], key), style="bold"))
        rows = [cells[lead:] for cells in matrix[start:end]]
        console.print(Padding(_table(body, widths, rows, header=False), (0, 0, 0, INDENT)))
        start = end


def print_rows(
    rows: list[dict[str, Any]], columns: Sequence[str], title: str, console: Console | None = None
) -> None:
    """Print ``rows`` for reading: a table that fits the terminal, or one block per row."""
    console = console or Console()
    short = short_documents(_documents(rows))
    keys = [c for c in columns if not c.endswith("_id") and c not in ("key", "source_line")]
    keys = ["source" if c == "source_document" else c for c in keys]
    cells = {k: [cell_text(r, k, short) for r in rows] for k in keys}
    shown = shown_columns(columns, cells)
    matrix = [[cells[s.key][i] for s in shown] for i in range(len(rows))]
    heading = Text(printable(f"{title}: {len(rows)} row(s)"), style="bold")
    legend = "; ".join(f"{v} = {k}" for k, v in sorted(short.items(), key=lambda kv: kv[1])
                       if v != k)
    notes = [f"documents: {legend}"] if legend else []
    notes.append("full text and ids: --format json or csv")
    console.print(heading)
    lead = _grouping(shown) if len(rows) > 1 else 0
    body = shown[lead:]
    # A list (codes, names) wraps item by item: no wider than its longest item.
    items = {k: max((len(_clip(str(v))) for r in rows for v in (r.get(k) or ())), default=0)
             for k in keys if any(isinstance(r.get(k), list | tuple) for r in rows)}
    widths = column_widths(body, cells, console.width - INDENT * bool(lead), items)
    if widths is None:
        _print_blocks(console, shown, matrix, lead)
    elif not lead:
        console.print(_table(body, widths, matrix))
    else:
        _print_groups(console, shown, lead, widths, matrix)
    for note in notes:
        console.print(Text(printable(note), style="dim"))


def column_widths(
    shown: Sequence[Shown], cells: dict[str, list[str]], total: int,
    items: dict[str, int] | None = None,
) -> dict[str, int] | None:
    """Each column's width in a ``total``-wide table, or None when they cannot sit side by side.

    One-line columns get their longest value; wrapping columns share the rest in proportion to
    their average length, none narrower than its longest word (up to 16) nor wider than its
    longest value.
    """
    widths: dict[str, int] = {}
    for s in shown:
        if not s.wraps:
            # A number's header may wrap ("with / deadline"); a code's stays whole.
            header = _longest_word(s.header) if s.numeric else len(s.header)
            widths[s.key] = max([header, *(len(v) for v in cells[s.key])])
    wrapping = [s for s in shown if s.wraps]
    left = total - GAP * (len(shown) - 1) - sum(widths.values())
    # Whole words (up to 16 letters) in every column, or no table: words broken mid-way
    # are harder to read than one block per row.
    floor = {s.key: max(MIN_TEXT_WIDTH, _longest_word(s.header),
                        min(16, _longest_word(*cells[s.key])))
             for s in wrapping}
    if left < sum(floor.values()):
        return None
    items = items or {}
    ceiling = {s.key: max(floor[s.key], items.get(s.key) or max(len(v) for v in cells[s.key]))
               for s in wrapping}
    widths.update(floor)
    spare = left - sum(floor.values())
    growing = [s for s in wrapping if widths[s.key] < ceiling[s.key]]
    while spare > 0 and growing:
        weight = sum(s.ratio for s in growing)
        given = 0
        for s in growing:
            share = max(1, spare * s.ratio // weight)
            add = min(share, ceiling[s.key] - widths[s.key], spare - given)
            widths[s.key] += add
            given += add
        spare -= given
        growing = [s for s in growing if widths[s.key] < ceiling[s.key]]
        if not given:
            break
    return widths


def _longest_word(*texts: str) -> int:
    return max((len(w) for t in texts for w in t.split()), default=0)


def _table(
    shown: Sequence[Shown], widths: dict[str, int], matrix: list[list[str]], *, header: bool = True
) -> Table:
    from rich import box

    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False,
                  show_header=header)
    for s in shown:
        table.add_column(
            Text(s.header), width=widths[s.key], no_wrap=not (s.wraps or s.numeric),
            overflow="fold" if s.wraps else "ellipsis",
            justify="right" if s.numeric else "left",
        )
    for cells in matrix:
        table.add_row(*(Text(c) for c in cells))
    return table


def _print_blocks(
    console: Console, shown: Sequence[Shown], matrix: list[list[str]], lead: int = 0
) -> None:
    """One block per row, for answers with too many columns to sit side by side: under a
    heading per run of equal leading values, the row's first value on its own line, then one
    ``field  value`` line per other non-empty value."""
    body = shown[lead:]
    width = max(len(s.header) for s in body[1:]) if len(body) > 1 else 0
    previous: list[str] | None = None
    for cells in matrix:
        if lead and cells[:lead] != previous:
            console.print(Text(_heading(shown[:lead], cells[:lead]), style="bold"))
            previous = cells[:lead]
        rest = cells[lead:]
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="dim", min_width=width)
        grid.add_column(overflow="fold")
        for s, value in zip(body[1:], rest[1:], strict=True):
            if value:
                grid.add_row(Text(s.header), Text(value))
        console.print(Text("- " + (rest[0] or "(no " + body[0].header + ")")), style="bold")
        console.print(Padding(grid, (0, 0, 0, INDENT)))


def _heading(shown: Sequence[Shown], values: Sequence[str]) -> str:
    names = [v if s.key in ("plan", "theme") else f"{s.header}: {v}"
             for s, v in zip(shown, values, strict=True) if v]
    return " / ".join(names) or "(none)"


__all__ = ["cell_text", "print_rows", "short_documents", "shown_columns"]
