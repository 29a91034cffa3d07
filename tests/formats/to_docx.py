"""A text plan as a Word document: heading and list styles, real tables, header and footer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stratgraph.loaders.read.model import Block, BlockKind

from .common import cell_parts, list_runs, number_of, padded, runs, table_width, title_of


def _add_runs(paragraph: Any, text: str) -> None:
    for run in runs(text):
        r = paragraph.add_run(run.text)
        if run.bold:
            r.bold = True
        if run.italic:
            r.italic = True


def _list_style(level: int, numbered: bool) -> str:
    base = "List Number" if numbered else "List Bullet"
    level = min(max(level, 1), 3)  # Word's built-in list styles go three levels deep
    return base if level == 1 else f"{base} {level}"


def _page_field(paragraph: Any, field: str = "PAGE") -> None:
    """A PAGE field (the page number Word fills in), or another such as NUMPAGES, at the end
    of ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(fld("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {field} "
    run._r.append(instr)
    run._r.append(fld("separate"))
    shown = paragraph.add_run("1")
    shown._r.append(fld("end"))


def _fill_cell(cell: Any, text: str) -> None:
    """A cell's paragraphs and (nested) bullets, bold runs as real bold."""
    parts = cell_parts(text)
    first = cell.paragraphs[0]
    for i, part in enumerate(parts):
        paragraph = first if i == 0 else cell.add_paragraph()
        if part.item_level:
            paragraph.style = _list_style(part.item_level, numbered=False)
        _add_runs(paragraph, part.text)


def _add_table(document: Any, block: Block) -> None:
    width = table_width(block)
    rows = [padded(row, width) for row in block.rows]
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            _fill_cell(table.cell(r, c), text)
    if block.header:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        # The first row repeats at the top of each page, as a council's table header does.
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tbl_header = OxmlElement("w:tblHeader")
        tbl_header.set(qn("w:val"), "true")
        tr_pr.append(tbl_header)


def write_docx(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a Word document at ``path``.

    Headings use "Heading N", list items "List Bullet"/"List Number" (nesting by "List Bullet 2"
    ...), tables "Table Grid" with a repeating header row; each page has the plan's title in
    its header and "Page N of M" (PAGE and NUMPAGES fields) in its footer. Two lists one after the other are
    kept apart by an empty paragraph, as a person typing them leaves one.
    """
    import docx

    document = docx.Document()
    title = title_of(blocks)
    section = document.sections[0]
    section.header.paragraphs[0].text = title
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    _page_field(footer)
    footer.add_run(" of ")
    _page_field(footer, "NUMPAGES")

    previous = ""
    for kind, group in list_runs(blocks):
        if kind == "list":
            if previous == "list":
                document.add_paragraph("")
            numbered = number_of(group[0].marker) is not None
            for item in group:
                paragraph = document.add_paragraph(style=_list_style(item.level, numbered))
                _add_runs(paragraph, item.text)
        else:
            block = group[0]
            if block.kind is BlockKind.HEADING:
                paragraph = document.add_paragraph(style=f"Heading {min(max(block.level, 1), 9)}")
                _add_runs(paragraph, block.text)
            elif block.kind is BlockKind.TABLE:
                if previous == BlockKind.TABLE.value:
                    document.add_paragraph("")  # Word joins two tables with nothing between
                _add_table(document, block)
            else:
                _add_runs(document.add_paragraph(), block.text)
        previous = kind
    path = Path(path)
    document.save(str(path))
    return path
