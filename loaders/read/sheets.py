"""Spreadsheets (.xlsx, .ods, .csv): action plans and KPI trackers as sections of tables.

Each visible sheet is a section headed by its name (a workbook's title, when it has one, the
heading above them); each block of rows without a blank row between them is a table, read
through the same table rules as a Word or web plan's tables (the first row its header when it
reads as one). Lines of one cell above a table (a sheet's title, a note) are paragraphs.

What a cell is:

- its **cached value**, as the spreadsheet last showed it: a formula is never evaluated and
  never read as a formula (openpyxl's ``data_only``; an .ods cell's shown text, never its
  ``table:formula``); a formula cell saved with no value is empty. A cell whose text starts
  with ``=``, ``+``, ``-`` or ``@`` is that text.
- a merged cell's text in every row it spans (a tracker's outcome merged down over its
  actions is each action's outcome), in its first column only (a title merged across the
  sheet is one cell of text).
- hidden sheets, rows and columns are skipped: they are a tracker's working, not its plan.
- dates as a plan writes them ("31 March 2025"), whole numbers without ".0", percentages as
  shown ("85%").

Libraries: openpyxl (MIT) for .xlsx; .ods is OpenDocument, read with the standard library's
zipfile and lxml as the .odt reader does; .csv with the standard library's csv module.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

from stratgraph.errors import LoaderError
from stratgraph.loaders.read.model import Block, BlockKind, Document
from stratgraph.loaders.read.render import assemble, one_line, table_text

#: Rows and columns a sheet is read to: past them a "sheet" is a data dump, not a plan.
MAX_ROWS = 20_000
MAX_COLUMNS = 256
_MAX_UNPACKED = 512 * 1024 * 1024
#: Sheet names a spreadsheet program gives by default: no section name, only a separator.
_DEFAULT_SHEET = re.compile(r"^(?:sheet|table|tab|page|worksheet)\s*\d*$", re.IGNORECASE)
_NUMBER = re.compile(r"^[-+]?[£$€]?\d[\d,]*(?:\.\d+)?%?$")


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".12g")


def _date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime) and (value.hour, value.minute, value.second) != (0, 0, 0):
        return f"{value.day} {value:%B %Y %H:%M}"
    return f"{value.day} {value:%B %Y}"


def _is_header(row: Sequence[str]) -> bool:
    """Whether a table's first row (of two or more) reads as its header: every filled cell
    short text, not a number or date, and at least two cells filled."""
    filled = [c for c in row if c.strip()]
    return len(filled) >= 2 and all(
        len(c) <= 60 and "\n" not in c and not _NUMBER.match(c.strip()) for c in filled)


def grid_blocks(name: str, rows: Sequence[Sequence[str]], level: int) -> list[Block]:
    """One sheet's blocks: its name as a heading (unless a program's default), then each run
    of rows with no blank row between them a table (or, one cell a row, paragraphs)."""
    blocks: list[Block] = []
    if name.strip() and not _DEFAULT_SHEET.match(name.strip()):
        blocks.append(Block(BlockKind.HEADING, one_line(name), level=level))
    run: list[Sequence[str]] = []
    for row in [*rows, ()]:
        if any(c.strip() for c in row):
            run.append(row)
            continue
        if run:
            blocks.extend(_region(run))
            run = []
    return blocks


def _region(rows: list[Sequence[str]]) -> list[Block]:
    width = max(len(r) for r in rows)
    used = [j for j in range(width) if any(j < len(r) and r[j].strip() for r in rows)]
    cells = [[r[j] if j < len(r) else "" for j in used] for r in rows]
    blocks: list[Block] = []

    def lines(row: Sequence[str]) -> None:
        for line in "\n".join(c for c in row if c.strip()).split("\n"):
            if line.strip():
                blocks.append(Block(BlockKind.PARAGRAPH, one_line(line)))

    if len(used) <= 1:  # one column of text: paragraphs
        for row in cells:
            lines(row)
        return blocks
    # Rows of one filled cell above the table: its title or a note, read as text.
    while len(cells) > 1 and sum(1 for c in cells[0] if c.strip()) <= 1:
        lines(cells.pop(0))
    table = tuple(tuple(c.strip() for c in r) for r in cells)
    blocks.append(Block(BlockKind.TABLE, table_text(table), rows=table,
                        header=len(table) > 1 and _is_header(table[0])))
    return blocks


def _document(name: str, path: str | None, fmt: str, title: str,
              sheets: Iterable[tuple[str, list[list[str]]]], where: str) -> Document:
    blocks: list[Block] = []
    if title:
        blocks.append(Block(BlockKind.HEADING, title, level=1))
    for sheet, rows in sheets:
        blocks.extend(grid_blocks(sheet, rows, 2 if title else 1))
    if not any(b.kind is not BlockKind.HEADING for b in blocks):
        raise LoaderError("empty spreadsheet: no visible cell holds text", file=where)
    return assemble(name, blocks, path=path, format=fmt)


# -- .xlsx ------------------------------------------------------------------------------------

def _xlsx_cell(cell: Any) -> str:
    value = cell.value
    if value is None or cell.data_type == "e":  # empty, or an error such as #REF!
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date)):
        return _date(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, (int, float)):
        if "%" in (cell.number_format or ""):
            return _number(round(value * 100, 10)) + "%"
        return _number(float(value))
    return str(value).replace("\r\n", "\n").replace("_x000D_", "")


def read_xlsx(data: bytes, name: str, path: str | None) -> Document:
    """An Excel workbook (.xlsx, .xlsm): each visible sheet's cached values as tables.

    Raises :class:`LoaderError` (one line, naming the file) for a damaged, encrypted or
    empty workbook.
    """
    where = path or name
    _check_zip(data, where, "Excel", "xl/workbook.xml")
    import warnings

    import openpyxl  # MIT; only a build that reads a workbook pays for importing it

    try:
        with warnings.catch_warnings():
            # openpyxl warns of features it drops (data validation, conditional formats):
            # none of them is plan text.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_links=False,
                                          keep_vba=False, rich_text=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged files
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise LoaderError(f"damaged Excel file: {reason[:200]}", file=where) from exc
    title = one_line(book.properties.title or "") if book.properties is not None else ""
    sheets: list[tuple[str, list[list[str]]]] = []
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        hidden_cols: set[int] = set()
        for dim in ws.column_dimensions.values():
            if dim.hidden and dim.min and dim.max:
                hidden_cols.update(range(dim.min, min(dim.max, MAX_COLUMNS) + 1))
        max_row, max_col = min(ws.max_row, MAX_ROWS), min(ws.max_column, MAX_COLUMNS)
        grid = [[_xlsx_cell(c) for c in cells]
                for cells in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col)]
        for merged in ws.merged_cells.ranges:
            top, col = merged.min_row - 1, merged.min_col - 1
            if top < len(grid) and col < max_col:
                for r in range(top + 1, min(merged.max_row, len(grid))):
                    grid[r][col] = grid[top][col]
        rows: list[list[str]] = []
        for r, cells in enumerate(grid, start=1):
            dim = ws.row_dimensions.get(r)  # .get: indexing would add a row dimension
            if dim is not None and dim.hidden:
                continue
            rows.append([c for j, c in enumerate(cells, start=1) if j not in hidden_cols])
        sheets.append((ws.title, rows))
    return _document(name, path, "xlsx", title, sheets, where)


def _check_zip(data: bytes, where: str, kind: str, part: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise LoaderError(f"damaged {kind} file: not a readable zip package ({exc})",
                          file=where) from exc
    if part not in {i.filename for i in infos}:
        raise LoaderError(f"damaged {kind} file: the zip holds no {part}", file=where)
    if sum(i.file_size for i in infos) > _MAX_UNPACKED:
        raise LoaderError(f"{kind} file unpacks to more than {_MAX_UNPACKED} bytes; refused as "
                          "not a plan", file=where)


# -- .ods -------------------------------------------------------------------------------------

ODS_MIMETYPES = ("application/vnd.oasis.opendocument.spreadsheet",
                 "application/vnd.oasis.opendocument.spreadsheet-template")


def read_ods(data: bytes, name: str, path: str | None) -> Document:
    """An OpenDocument spreadsheet: each visible sheet's shown cell text as tables."""
    from stratgraph.loaders.read import odt

    where = path or name
    parts = odt.open_package(data, where, "OpenDocument spreadsheet", ODS_MIMETYPES)
    content = odt.parse_xml(parts["content.xml"], where, "content.xml")
    office, table, style = (f"{{{odt._OFFICE}}}", f"{{{odt._TABLE}}}", f"{{{odt._STYLE}}}")
    hidden_styles = {st.get(f"{style}name") for st in content.iter(f"{style}style")
                     if (props := st.find(f"{style}table-properties")) is not None
                     and props.get(f"{table}display") == "false"}
    body = content.find(f"{office}body/{office}spreadsheet")
    if body is None:
        raise LoaderError("damaged OpenDocument spreadsheet: content.xml has no spreadsheet "
                          "body", file=where)
    sheets: list[tuple[str, list[list[str]]]] = []
    for sheet in body.iter(f"{table}table"):
        if sheet.get(f"{table}style-name") in hidden_styles:
            continue
        hidden_cols = _ods_hidden_columns(sheet, table)
        rows: list[list[str]] = []
        spans: dict[int, tuple[str, int]] = {}  # column -> (merged text, rows it still covers)
        for tr in _ods_rows(sheet, table):
            cells = _ods_cells(tr, table, spans)
            if tr.get(f"{table}visibility", "visible") != "visible":
                continue
            count = odt.repeat(tr, "number-rows-repeated")
            if any(cells):
                row = [c for j, c in enumerate(cells) if j not in hidden_cols]
                rows.extend([row] * min(count, odt.MAX_REPEAT))
            elif rows:
                rows.append([])  # a run of empty rows separates tables: one is enough
            if len(rows) >= MAX_ROWS:
                break
        sheets.append((sheet.get(f"{table}name") or "", rows))
    return _document(name, path, "ods", odt.meta_title(parts, where), sheets, where)


def _ods_rows(el: Any, table: str) -> Iterable[Any]:
    for child in el:
        if child.tag == f"{table}table-row":
            yield child
        elif child.tag in (f"{table}table-header-rows", f"{table}table-rows",
                           f"{table}table-row-group"):
            yield from _ods_rows(child, table)


def _ods_hidden_columns(sheet: Any, table: str) -> set[int]:
    from stratgraph.loaders.read import odt

    hidden: set[int] = set()
    at = 0
    for col in sheet.iter(f"{table}table-column"):
        n = min(odt.repeat(col, "number-columns-repeated"), MAX_COLUMNS)
        if col.get(f"{table}visibility", "visible") != "visible":
            hidden.update(range(at, at + n))
        at += n
        if at >= MAX_COLUMNS:
            break
    return hidden


def _ods_cells(tr: Any, table: str, spans: dict[int, tuple[str, int]]) -> list[str]:
    """A row's shown cell texts; ``spans`` carries cells merged down into the rows below."""
    from stratgraph.loaders.read import odt

    text_p = f"{{{odt._TEXT}}}p"
    cells: list[str] = []
    for cell in tr:
        if cell.tag not in (f"{table}table-cell", f"{table}covered-table-cell"):
            continue
        count = odt.repeat(cell, "number-columns-repeated")
        at = len(cells)
        if cell.tag.endswith("covered-table-cell"):
            # Covered by a cell merged down from above: that cell's text, in its first column.
            text, left = spans.get(at, ("", 0))
            value = text if left > 0 else ""
            if left > 0:
                spans[at] = (text, left - 1)
        else:
            # The shown text (the cached value), never the formula in table:formula.
            value = "\n".join(one_line(_ods_text(p, odt)) for p in cell.iter(text_p)).strip("\n")
            if value and cell.get(f"{{{odt._OFFICE}}}value-type") == "date":
                value = _ods_date(cell.get(f"{{{odt._OFFICE}}}date-value") or "") or value
            down = odt.repeat(cell, "number-rows-spanned")
            spans.pop(at, None)
            if down > 1 and value:
                spans[at] = (value, down - 1)
        if not value and len(cells) + count >= MAX_COLUMNS:
            break  # the sheet's trailing empty columns, written as one repeated cell
        cells.extend([value] * min(count, MAX_COLUMNS - len(cells)))
        if len(cells) >= MAX_COLUMNS:
            break
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _ods_date(value: str) -> str:
    """An .ods date cell's cached date (``office:date-value``) as :func:`_date` writes it,
    so a tracker reads alike saved as .xlsx or .ods; ``""`` when it is not a date."""
    try:
        return _date(dt.datetime.fromisoformat(value))
    except ValueError:
        return ""


def _ods_text(p: Any, odt: Any) -> str:
    out = [p.text or ""]
    for child in p:
        if child.tag == f"{{{odt._TEXT}}}s":
            out.append(" ")
        elif child.tag not in odt._NOT_TEXT and child.tag != f"{{{odt._OFFICE}}}annotation":
            out.append(_ods_text(child, odt))
        out.append(child.tail or "")
    return "".join(out)


# -- .csv -------------------------------------------------------------------------------------

def read_csv(data: bytes, name: str, path: str | None) -> Document:
    """A CSV export of a sheet: one table (comma, semicolon, tab or bar separated)."""
    where = path or name
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on a UK Windows PC
    if "\x00" in text:
        raise LoaderError("not a CSV file: it holds binary data", file=where)
    sample = text[:16384]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [row for _, row in zip(range(MAX_ROWS), csv.reader(io.StringIO(text), dialect))]
    except csv.Error as exc:
        raise LoaderError(f"damaged CSV file: {exc}", file=where) from exc
    rows = [[c.replace("\r\n", "\n")[:100_000] for c in row[:MAX_COLUMNS]] for row in rows]
    return _document(name, path, "csv", "", [("", rows)], where)
