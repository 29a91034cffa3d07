"""Spreadsheets councils publish: a plan's tables as a workbook, and an action-plan tracker.

:func:`write_xlsx` writes each table of a text plan on a sheet of its own named after the
heading it sits under (Excel's 31-character limit, no ``[]:*?/\\``), the plan's title as the
workbook's title, cells as typed (paragraphs on lines of their own, list items as ``- ``
lines). :func:`write_ods` is that workbook saved by LibreOffice Calc as OpenDocument.

:func:`write_tracker` is an action-plan tracker shaped as councils keep them: a title row
merged across the sheet, a header row (Ref / Outcome / Action / Lead officer / Deadline /
RAG status / Progress), an outcome cell merged down over its actions, real dates, a hidden
working column and a hidden row, a hidden lookups sheet, formula cells saved without cached
values (never read as formulas), a cell typed as text that starts with ``=``, and a KPI sheet
with percentages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from stratgraph.loaders.read.model import Block, BlockKind

from .common import cell_parts, padded, plain, table_width, title_of

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(heading: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", plain(heading)).strip()[:31].strip() or "Table"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)].rstrip() + suffix
        n += 1
    used.add(name.lower())
    return name


def _cell(cell: str) -> str:
    return "\n".join(("  " * (p.item_level - 1) + "- " if p.item_level else "") + plain(p.text)
                     for p in cell_parts(cell))


def tables_of(blocks: Sequence[Block]) -> list[tuple[str, Block]]:
    """The plan's tables, each with the heading it sits under (``""`` before any)."""
    heading = ""
    out: list[tuple[str, Block]] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            heading = block.text
        elif block.kind is BlockKind.TABLE and any(c.strip() for r in block.rows for c in r):
            out.append((heading, block))
    return out


def write_xlsx(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write the tables of ``blocks`` (of a text plan) as a workbook at ``path``: one sheet a
    table, named after its heading. A plan with no table gets one sheet holding its title."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    book.properties.title = title_of(blocks)
    used: set[str] = set()
    for heading, table in tables_of(blocks):
        ws = book.create_sheet(_sheet_name(heading, used))
        width = table_width(table)
        for row in table.rows:
            ws.append([_cell(c) or None for c in padded(row, width)])
    if not book.worksheets:
        book.create_sheet("Plan").append([title_of(blocks)])
    path = Path(path)
    book.save(path)
    return path


def write_md_tables(blocks: Sequence[Block], path: str | Path) -> Path:
    """The same headings and tables as :func:`write_xlsx`'s workbook, as Markdown: the title
    a ``#`` heading, each sheet's name a ``##`` heading, each table a pipe table (a cell's
    lines joined by ``<br>``, as a web copy has them). What the workbook is scored against."""
    lines = [f"# {title_of(blocks)}", ""]
    used: set[str] = set()
    for heading, table in tables_of(blocks):
        lines += [f"## {_sheet_name(heading, used)}", ""]
        width = table_width(table)
        for i, row in enumerate(table.rows):
            cells = [_cell(c).replace("|", "/").replace("\n", "<br>") for c in padded(row, width)]
            lines.append("| " + " | ".join(cells) + " |")
            if i == 0:
                lines.append("|" + "---|" * width)
        lines.append("")
    path = Path(path)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_ods(blocks: Sequence[Block], path: str | Path) -> Path:
    """:func:`write_xlsx`'s workbook as LibreOffice Calc saves it in OpenDocument (.ods)."""
    from .to_odt import _convert

    return _convert(write_xlsx, blocks, Path(path), "ods")


#: The tracker's actions: (ref, outcome, action, lead officer, deadline, RAG, progress).
TRACKER_ROWS = (
    ("1.1", "More residents live in a decent, affordable home",
     "Deliver 250 new council homes through the housing delivery programme",
     "Head of Housing Development", dt.date(2026, 3, 31), "Green", "On track: 140 completed"),
    ("1.2", None, "Bring 100 long-term empty homes back into use",
     "Private Sector Housing Manager", dt.date(2025, 12, 31), "Amber",
     "Slipped: enforcement capacity"),
    ("1.3", None, "Adopt a new homelessness prevention strategy",
     "Director of Housing", dt.date(2025, 9, 30), "Green", "Draft out to consultation"),
    ("2.1", "Children get the best start in life",
     "Open four new family hubs in the areas of greatest need",
     "Head of Early Help", dt.date(2026, 6, 30), "Red", "Two sites not yet secured"),
    ("2.2", None, "Increase take-up of funded childcare places for two-year-olds",
     "Early Years Lead", dt.date(2026, 3, 31), "Green", "Take-up at 78%"),
)
TRACKER_KPIS = (
    ("Percentage of household waste sent for reuse, recycling and composting", 0.41, 0.5),
    ("Number of households in temporary accommodation", 312, 250),
    ("Percentage of major planning applications decided on time", 0.88, 0.9),
)


def write_tracker(path: str | Path) -> Path:
    """Write the action-plan tracker (see the module's docstring) at ``path``."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Action plan 2025-26"
    ws.append(["Corporate Plan delivery tracker 2025-26"])
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(["Ref", "Outcome", "Action", "Lead officer", "Deadline", "RAG status",
               "Progress update", "Officer notes"])
    first = 4
    for i, (ref, outcome, action, lead, deadline, rag, progress) in enumerate(TRACKER_ROWS):
        ws.append([ref, outcome, action, lead, deadline, rag, progress, "internal: chase"])
        ws.cell(row=first + i, column=5).number_format = "dd/mm/yyyy"
    # Each outcome's cell merged down over its actions, as trackers lay them out.
    ws.merge_cells(f"B{first}:B{first + 2}")
    ws.merge_cells(f"B{first + 3}:B{first + 4}")
    ws.column_dimensions["H"].hidden = True
    ws.append(["9.9", "Withdrawn outcome", "Withdrawn action kept for the audit trail",
               "Nobody", dt.date(2020, 1, 1), "Blue", "Withdrawn"])
    ws.row_dimensions[ws.max_row].hidden = True
    ws.append([])
    # Formulas saved by a program that does not calculate: no cached value to read.
    ws.append(["Actions on track", None, "=COUNTIF(F4:F8,\"Green\")"])
    ws.append(["Guidance", None, '=HYPERLINK("https://example.org/guide","Tracker guidance")'])
    ws.append(["Note", None, "=1+1"])
    ws.cell(row=ws.max_row, column=3).data_type = "s"  # typed as text, as a cell's value
    kpis = book.create_sheet("KPIs")
    kpis.append(["Measure", "Baseline 2024-25", "Target 2025-26"])
    for measure, baseline, target in TRACKER_KPIS:
        kpis.append([measure, baseline, target])
        if isinstance(baseline, float):
            for col in (2, 3):
                kpis.cell(row=kpis.max_row, column=col).number_format = "0%"
    lookups = book.create_sheet("Lookups")
    lookups.append(["RAG", "Meaning"])
    lookups.append(["Blue", "Complete or withdrawn"])
    lookups.sheet_state = "hidden"
    path = Path(path)
    book.save(path)
    return path
