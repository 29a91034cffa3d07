"""A text plan as a council officer types it in Word: no heading or list styles at all.

Real council Word files (committee reports, service plans, strategies drafted from an old
template) are mostly "Normal" paragraphs: a heading is a line made bold and larger (or bold
and coloured at body size), numbering is typed into the text with a tab after it ("1.1<tab>",
"a)<tab>", "•<tab>" from a pasted list) and set with a hanging indent, an item's description is
a Normal paragraph indented to the item's text, and tables have a shaded header row and a
shaded first column whose theme cell is merged down over the rows it covers. Around the plan:
a "Contents" page made by Word's Table of Contents field (entries with page numbers), the
plan's opening paragraph inside a content control (as a template's "Summary" box is), a
reviewer's comment and tracked changes (a deleted word and an inserted one) left in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stratgraph.loaders.read.model import Block, BlockKind

from .common import cell_parts, list_runs, padded, plain, runs, table_width, title_of
from .to_docx import _page_field

# Heading sizes (half-points as Word stores them, via python-docx Pt): a council template's
# "Title", section and sub-section lines. Level 3 and below are bold at body size, coloured.
_SIZES = {1: 20, 2: 14}
_BODY = 11
_COLOUR = "1F4E79"
_TWIPS_PER_LEVEL = 567  # 1 cm: how far each nesting level is indented


def _add_runs(paragraph: Any, text: str, *, bold: bool = False, size: int | None = None,
              colour: str | None = None) -> None:
    from docx.shared import Pt, RGBColor

    for run in runs(text):
        r = paragraph.add_run(run.text)
        r.bold = bold or run.bold or None
        r.italic = run.italic or None
        if size:
            r.font.size = Pt(size)
        if colour:
            r.font.color.rgb = RGBColor.from_string(colour)


def _indent(paragraph: Any, left: int, hanging: int = 0) -> None:
    from docx.shared import Twips

    fmt = paragraph.paragraph_format
    fmt.left_indent = Twips(left)
    if hanging:
        fmt.first_line_indent = Twips(-hanging)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _v_merge(cell: Any, value: str | None) -> None:
    """Mark ``cell`` as starting (``"restart"``) or continuing (``None``) a vertical merge."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    merge = OxmlElement("w:vMerge")
    if value:
        merge.set(qn("w:val"), value)
    tc_pr.append(merge)


def _fill_cell(cell: Any, text: str, bold: bool = False) -> None:
    """A cell's paragraphs, its bullets typed ("•<tab>") with a hanging indent."""
    first = cell.paragraphs[0]
    for i, part in enumerate(cell_parts(text)):
        paragraph = first if i == 0 else cell.add_paragraph()
        if part.item_level:
            _indent(paragraph, 360 * part.item_level, 360)
            paragraph.add_run("•\t")
        _add_runs(paragraph, part.text, bold=bold)


def _add_table(document: Any, block: Block) -> None:
    width = table_width(block)
    rows = [padded(row, width) for row in block.rows]
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    body_from = 1 if block.header else 0
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            header = r < body_from
            if header:
                _shade(cell, _COLOUR)
            elif c == 0 and width > 1:
                _shade(cell, "DEEAF6")  # the theme column, shaded
                # A theme written once over the rows it covers: the cells below it that the
                # text leaves empty are merged into it, as a council's action plan has them.
                below_empty = r + 1 < len(rows) and not rows[r + 1][0].strip()
                if not text.strip() and r > body_from and (rows[r - 1][0].strip() or _merged(rows, r)):
                    _v_merge(cell, None)
                elif text.strip() and below_empty:
                    _v_merge(cell, "restart")
            _fill_cell(cell, text, bold=header)


def _merged(rows: list[list[str]], r: int) -> bool:
    """Whether the empty first cell of row ``r`` continues a merge begun above it."""
    while r > 0 and not rows[r][0].strip():
        r -= 1
    return bool(rows[r][0].strip())


def _toc(document: Any, headings: list[Block]) -> None:
    """A "Contents" list made by Word's TOC field inside its content control, as Word inserts
    it: each entry a "TOC N" paragraph with the heading, a tab and its page number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    body = document.element.body
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    part = OxmlElement("w:docPartObj")
    gallery = OxmlElement("w:docPartGallery")
    gallery.set(qn("w:val"), "Table of Contents")
    unique = OxmlElement("w:docPartUnique")
    part.extend([gallery, unique])
    pr.append(part)
    content = OxmlElement("w:sdtContent")
    sdt.extend([pr, content])
    body.append(sdt)

    title = document.add_paragraph()
    _add_runs(title, "Contents", bold=True, size=16, colour=_COLOUR)
    content.append(title._p)
    for i, heading in enumerate(headings):
        level = min(max(heading.level, 1), 3)
        entry = document.add_paragraph()
        try:
            entry.style = f"TOC {level}"
        except KeyError:  # the default template lacks the TOC styles: indent by hand
            _indent(entry, 220 * (level - 1))
        if i == 0:
            _field_start(entry, 'TOC \\o "1-3" \\h \\z \\u')
        entry.add_run(plain(heading.text))
        entry.add_run("\t")
        entry.add_run(str(2 + i // 12))
        if i == len(headings) - 1:
            _field_end(entry)
        content.append(entry._p)


def _fld(kind: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    return el


def _field_start(paragraph: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    run._r.append(_fld("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run._r.append(_fld("separate"))


def _field_end(paragraph: Any) -> None:
    run = paragraph.add_run()
    run._r.append(_fld("end"))


def _in_content_control(document: Any, paragraph: Any) -> None:
    """Move ``paragraph`` into a rich-text content control (a template's "Summary" box)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), "Summary")
    pr.append(alias)
    content = OxmlElement("w:sdtContent")
    sdt.extend([pr, content])
    paragraph._p.addprevious(sdt)
    content.append(paragraph._p)


def _tracked_changes(paragraph: Any) -> None:
    """Leave a reviewer's tracked changes in ``paragraph``: its last word re-typed as an
    insertion, and a deleted word before it (not the text any more)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    last = paragraph.runs[-1]
    words = last.text.rsplit(" ", 1)
    if len(words) != 2 or not words[1]:
        return
    last.text = words[0] + " "

    def change(tag: str, text: str, text_tag: str) -> Any:
        el = OxmlElement(tag)
        el.set(qn("w:id"), "901" if tag == "w:del" else "902")
        el.set(qn("w:author"), "Policy Officer")
        el.set(qn("w:date"), "2024-05-01T09:00:00Z")
        r = OxmlElement("w:r")
        t = OxmlElement(text_tag)
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        el.append(r)
        return el

    paragraph._p.append(change("w:del", "draft ", "w:delText"))
    paragraph._p.append(change("w:ins", words[1], "w:t"))


def write_docx_typed(blocks: Sequence[Block], path: str | Path, *, review: bool = True) -> Path:
    """Write ``blocks`` (of a text plan) as a Word file typed by hand at ``path`` (see the
    module's docstring): no heading or list styles, typed numbers, a TOC field, a content
    control, merged, shaded table cells and, with ``review``, a reviewer's comment and
    tracked changes."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(_BODY)
    title = title_of(blocks)
    section = document.sections[0]
    section.header.paragraphs[0].text = title
    footer = section.footer.paragraphs[0]
    _page_field(footer)

    headings = [b for b in blocks if b.kind is BlockKind.HEADING]
    first_heading = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING), None)
    toc_done = len(headings) < 3  # a short plan has no contents page
    summary_done = False
    commented = changed = not review
    for kind, group in list_runs(blocks):
        if kind == "list":
            for item in group:
                level = min(max(item.level, 1), 6)
                text_at = _TWIPS_PER_LEVEL * level
                paragraph = document.add_paragraph()
                if item.kind is BlockKind.PARAGRAPH:  # the item's description, under its text
                    _indent(paragraph, text_at)
                    _add_runs(paragraph, item.text)
                    continue
                _indent(paragraph, text_at, _TWIPS_PER_LEVEL)
                marker = "•" if item.marker in ("-", "*", "+", "•") else item.marker
                paragraph.add_run(f"{marker}\t")
                _add_runs(paragraph, item.text)
            document.add_paragraph("")  # the typist's blank line after a list
            continue
        block = group[0]
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 9)
            paragraph = document.add_paragraph()
            _add_runs(paragraph, block.text, bold=True, size=_SIZES.get(level, _BODY),
                      colour=_COLOUR if level > 1 else None)
            if not toc_done and first_heading is not None and block is blocks[first_heading]:
                _toc(document, headings)  # after the title, as a report's contents page is
                toc_done = True
        elif block.kind is BlockKind.TABLE:
            _add_table(document, block)
            document.add_paragraph("")
        else:
            paragraph = document.add_paragraph()
            _add_runs(paragraph, block.text)
            words = plain(block.text).split()
            if not summary_done and len(words) >= 8:
                _in_content_control(document, paragraph)
                summary_done = True
            elif not commented and len(words) >= 6:
                document.add_comment(paragraph.runs, text="Check this against the budget report.",
                                     author="Policy Officer", initials="PO")
                commented = True
            elif not changed and len(words) >= 6 and paragraph.runs and not paragraph.runs[-1].bold:
                _tracked_changes(paragraph)
                changed = True
    path = Path(path)
    document.save(str(path))
    return path
