"""A text plan as a Word document: heading and list styles, real tables, header and footer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stratgraph.loaders.read.model import Block, BlockKind

from .common import (cell_parts, list_runs, number_of, ordered, padded, runs, table_width,
                     title_of)

_WORD_FORMAT = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
                "I": "upperRoman"}


def _level_format(marker: str, ilvl: int) -> tuple[str, str, int]:
    """Word's ``(numFmt, lvlText, start)`` for a list level whose first item has ``marker``:
    "3." is decimal from 3, "b)" lowerLetter from 2, "(ii)" lowerRoman from 2; any other
    marker a bullet."""
    found = ordered(marker)
    if found is None:
        return "bullet", "•", 1
    kind, start, before, after = found
    return _WORD_FORMAT[kind], f"{before}%{ilvl + 1}{after}", start


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


class _Lists:
    """Numbering as Word writes it: each list its own ``w:num`` over an ``w:abstractNum``
    whose levels are the list's (bullet, decimal, letters, roman, with their starts), and
    each item a "List Paragraph" with ``w:numPr`` (numId, ilvl). The number shown is
    Word's to count, not in the text, as in a council's own document."""

    def __init__(self, document: Any) -> None:
        self.numbering = document.part.numbering_part.element
        self.next_id = 1000

    def add(self, items: Sequence[Block]) -> str:
        """A new list for ``items``: its numId."""
        firsts: dict[int, str] = {}
        for item in items:
            if item.kind is BlockKind.LIST_ITEM:
                firsts.setdefault(min(max(item.level, 1), 9) - 1, item.marker)
        self.next_id += 1
        ident = str(self.next_id)
        levels = []
        for ilvl in range(9):
            fmt, text, start = _level_format(firsts.get(ilvl, "-"), ilvl)
            levels.append([("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", text),
                           ("w:lvlJc", "left")])
        abstract = list_definition(ident, "hybridMultilevel", levels, indent=True)
        add_definition(self.numbering, abstract, ident)
        return ident

    @staticmethod
    def number(paragraph: Any, num_id: str, level: int) -> None:
        """Put ``paragraph`` in list ``num_id`` at nesting ``level`` (1 = outermost)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        ppr = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(min(max(level, 1), 9) - 1))
        ident = OxmlElement("w:numId")
        ident.set(qn("w:val"), num_id)
        num_pr.extend([ilvl, ident])
        ppr.append(num_pr)


def list_definition(ident: str, kind: str, levels: Sequence[Sequence[tuple[str, str]]],
                    indent: bool = False) -> Any:
    """A ``w:abstractNum`` ``ident`` of ``kind`` whose level N has the ``(tag, val)``
    elements ``levels[N]`` (and, with ``indent``, a hanging indent half an inch a level)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), ident)
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), kind)
    abstract.append(multi)
    for ilvl, elements in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in elements:
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        if indent:
            ppr = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), str(720 * (ilvl + 1)))
            ind.set(qn("w:hanging"), "360")
            ppr.append(ind)
            lvl.append(ppr)
        abstract.append(lvl)
    return abstract


def add_definition(numbering: Any, abstract: Any, ident: str) -> None:
    """Add the list definition ``abstract`` to numbering.xml and a ``w:num`` ``ident`` over it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    num = OxmlElement("w:num")
    num.set(qn("w:numId"), ident)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), ident)
    num.append(ref)
    # abstractNums come before nums in numbering.xml (the schema's order).
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


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


def write_docx(blocks: Sequence[Block], path: str | Path, *, lists: str = "numbering") -> Path:
    """Write ``blocks`` (of a text plan) as a Word document at ``path``.

    Headings use "Heading N"; list items are "List Paragraph"s numbered as Word numbers them
    (``lists="numbering"``: ``w:numPr`` into a list definition of their own, see
    :class:`_Lists`) or, with ``lists="styles"``, "List Bullet"/"List Number" (nesting by
    "List Bullet 2" ...); an item's description is "List Continue"; tables "Table Grid" with a repeating header row; each page has the plan's title in
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

    word_lists = _Lists(document) if lists == "numbering" else None
    previous = ""
    for kind, group in list_runs(blocks):
        if kind == "list":
            if previous == "list":
                document.add_paragraph("")
            numbered = number_of(group[0].marker) is not None
            num_id = word_lists.add(group) if word_lists is not None else ""
            for item in group:
                if item.kind is BlockKind.PARAGRAPH:  # the item's description, under it
                    level = min(max(item.level, 1), 3)
                    style = "List Continue" if level == 1 else f"List Continue {level}"
                    _add_runs(document.add_paragraph(style=style), item.text)
                    continue
                if word_lists is not None:
                    paragraph = document.add_paragraph(style="List Paragraph")
                    word_lists.number(paragraph, num_id, item.level)
                else:
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
