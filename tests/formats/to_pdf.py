"""A text plan as a PDF: one column, two columns, or landscape slides (reportlab platypus)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from stratgraph.loaders.read.model import Block, BlockKind

from .common import cell_parts, list_runs, ordered, padded, plain, runs, table_width, title_of

BODY_SIZE = 10
#: Heading font sizes by level: clearly larger than the 10pt body down to level 4.
HEADING_SIZES = {1: 20, 2: 16, 3: 14, 4: 12.5, 5: 11.5, 6: 11}


def inline(text: str) -> str:
    """Text in reportlab's paragraph markup: escaped, ``**bold**`` and ``*italic*`` as tags."""
    out = []
    for run in runs(text):
        piece = escape(run.text, quote=False)
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)


class _Styles:
    """The paragraph styles of one layout (slides are larger)."""

    def __init__(self, scale: float = 1.0) -> None:
        from reportlab.lib.styles import ParagraphStyle

        size = BODY_SIZE * scale
        self.body = ParagraphStyle("body", fontName="Helvetica", fontSize=size,
                                   leading=size * 1.25, spaceAfter=size * 0.8)
        self.headings = {
            level: ParagraphStyle(f"h{level}", fontName="Helvetica-Bold", fontSize=hs * scale,
                                  leading=hs * scale * 1.2, spaceBefore=hs * scale * 0.6,
                                  spaceAfter=hs * scale * 0.4, keepWithNext=True)
            for level, hs in HEADING_SIZES.items()
        }
        self.items = {
            level: ParagraphStyle(f"li{level}", parent=self.body, leftIndent=18 * scale * level,
                                  bulletIndent=18 * scale * level - 12 * scale,
                                  bulletFontName="Helvetica", bulletFontSize=size,
                                  spaceAfter=size * 0.25)
            for level in range(1, 7)
        }
        cs = size * 0.9
        self.cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=cs, leading=cs * 1.2,
                                   spaceAfter=cs * 0.3)
        self.cell_item = ParagraphStyle("cellitem", parent=self.cell, leftIndent=10 * scale,
                                        bulletIndent=2 * scale, bulletFontSize=cs)
        self.slide_title = ParagraphStyle("slidetitle", fontName="Helvetica-Bold",
                                          fontSize=28, leading=34, spaceAfter=18)


def _cell_flowables(text: str, styles: _Styles) -> list[Any]:
    from reportlab.platypus import Paragraph

    out = []
    for part in cell_parts(text):
        if part.item_level:
            style = styles.cell_item.clone(f"ci{part.item_level}",
                                           leftIndent=10 * part.item_level,
                                           bulletIndent=10 * part.item_level - 8)
            out.append(Paragraph(inline(part.text), style, bulletText="•"))
        else:
            out.append(Paragraph(inline(part.text), styles.cell))
    return out


def _floors(rows: Sequence[Sequence[str]], width: int, font_size: float) -> list[float]:
    """Each column's narrowest width: its longest word, the cell's padding, a bullet's indent."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    padding = 6 + 6 + 12
    floors = []
    for c in range(width):
        words = [w for row in rows for w in plain(row[c]).split()]
        longest = max((stringWidth(w, "Helvetica-Bold", font_size) for w in words), default=0)
        floors.append(longest + padding)
    return floors


def _col_widths(rows: Sequence[Sequence[str]], width: int, avail: float,
                font_size: float) -> list[float]:
    """Columns wide enough for their longest word, the rest shared by how much text each has
    (a layout program does the same; a word broken inside is not what a plan looks like)."""
    floors = _floors(rows, width, font_size)
    spare = avail - sum(floors)
    if spare <= 0:
        return [f * avail / sum(floors) for f in floors]
    weights = [math.sqrt(max(sum(len(row[c]) for row in rows), 1)) for c in range(width)]
    return [f + spare * w / sum(weights) for f, w in zip(floors, weights)]


def table_flowable(block: Block, styles: _Styles, avail: float) -> Any:
    """A ruled table with wrapping cells whose header row repeats on every page it spans."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    width = table_width(block)
    rows = [padded(row, width) for row in block.rows]
    data = [[_cell_flowables(c, styles) for c in row] for row in rows]
    table = Table(data, colWidths=_col_widths(rows, width, avail, styles.cell.fontSize),
                  repeatRows=1 if block.header else 0, splitByRow=1, hAlign="LEFT")
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if block.header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.88, 0.93)))
    table.setStyle(TableStyle(style))
    return table


#: In two columns, a table wider than this many columns gets the full width of a page.
NARROW_TABLE = 3


def _fits(block: Block, styles: _Styles, avail: float) -> bool:
    """Whether a table fits ``avail`` without breaking a word."""
    width = table_width(block)
    rows = [padded(row, width) for row in block.rows]
    return width <= NARROW_TABLE and sum(_floors(rows, width, styles.cell.fontSize)) <= avail


def story(blocks: Sequence[Block], styles: _Styles, avail: float,
          wide: float | None = None) -> list[Any]:
    """The flowables of a plan: headings, paragraphs, bulleted and numbered lists, tables.

    With ``wide`` (two columns), a table of more than :data:`NARROW_TABLE` columns, or one
    whose words do not fit a column, goes on a page of its own full width (``wide``), as
    reports do, and the columns resume after it.
    """
    from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer

    out: list[Any] = []
    for kind, group in list_runs(blocks):
        if kind == "list":
            for item in group:
                if item.kind is BlockKind.PARAGRAPH:  # the item's description, under its text
                    style = styles.items[min(max(item.level, 1), 6)]
                    out.append(Paragraph(inline(item.text), style))
                    continue
                bullet = item.marker if ordered(item.marker) is not None else "•"
                style = styles.items[min(max(item.level, 1), 6)]
                out.append(Paragraph(inline(item.text), style, bulletText=bullet))
            out.append(Spacer(1, styles.body.spaceAfter))
            continue
        block = group[0]
        if block.kind is BlockKind.HEADING:
            out.append(Paragraph(inline(block.text), styles.headings[min(max(block.level, 1), 6)]))
        elif block.kind is BlockKind.TABLE and wide and not _fits(block, styles, avail):
            out.extend([NextPageTemplate("wide"), PageBreak(),
                        table_flowable(block, styles, wide),
                        NextPageTemplate("columns"), PageBreak()])
        elif block.kind is BlockKind.TABLE:
            out.append(table_flowable(block, styles, avail))
            out.append(Spacer(1, styles.body.spaceAfter))
        else:
            out.append(Paragraph(inline(block.text), styles.body))
    return out


def _slides(blocks: Sequence[Block], styles: _Styles, avail: float) -> list[Any]:
    """One slide per heading: the heading as its title, what follows as bullets."""
    from reportlab.platypus import PageBreak, Paragraph

    out: list[Any] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if out:
                out.append(PageBreak())
            out.append(Paragraph(inline(block.text), styles.slide_title))
        elif block.kind is BlockKind.TABLE:
            out.append(table_flowable(block, styles, avail))
        else:
            level = block.level if block.kind is BlockKind.LIST_ITEM else 1
            out.append(Paragraph(inline(block.text), styles.items[min(max(level, 1), 6)],
                                 bulletText="•"))
    return out


def write_pdf(blocks: Sequence[Block], path: str | Path, *, columns: int = 1,
              landscape_slides: bool = False) -> Path:
    """Write ``blocks`` (of a text plan) as a PDF at ``path``.

    A4 portrait in one column (or ``columns=2``: two frames a page, as a council's leaflet
    style), or ``landscape_slides``: 16:9 slides, one per heading, as a plan exported from
    PowerPoint. Every page has the plan's title as a running header and "Page N of M" as its
    footer.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    title = title_of(blocks)
    pagesize = (960.0, 540.0) if landscape_slides else A4
    margin = 1.5 * cm if landscape_slides else 2 * cm
    page_w, page_h = pagesize

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillGray(0.35)
        canvas.drawString(margin, page_h - margin * 0.6, title)
        canvas.restoreState()

    path = Path(path)
    doc = BaseDocTemplate(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                          topMargin=margin, bottomMargin=margin, title=title,
                          author="Wexbridge City Council")
    gutter = 0.8 * cm
    full = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    wide: float | None = None
    if columns == 2 and not landscape_slides:
        col_w = (doc.width - gutter) / 2
        frames = [Frame(doc.leftMargin, doc.bottomMargin, col_w, doc.height, id="left"),
                  Frame(doc.leftMargin + col_w + gutter, doc.bottomMargin, col_w, doc.height,
                        id="right")]
        wide = full.width - 12
        doc.addPageTemplates([PageTemplate(id="columns", frames=frames, onPage=furniture),
                              PageTemplate(id="wide", frames=[full], onPage=furniture)])
    else:
        frames = [full]
        doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=furniture)])
    avail = frames[0].width - 12  # the frame's own padding
    if landscape_slides:
        flowables = _slides(blocks, _Styles(scale=1.6), avail)
    else:
        flowables = story(blocks, _Styles(), avail, wide)
    doc.build(flowables, canvasmaker=_footed(page_w, margin))
    return path


def _footed(page_w: float, margin: float) -> Any:
    """A canvas class that writes "Page N of M" at the foot of each page, as council PDFs
    do: M is known only when the last page is done, so pages are held until then."""
    from reportlab.pdfgen.canvas import Canvas

    class Footed(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self.saveState()
                self.setFont("Helvetica", 8)
                self.setFillGray(0.35)
                self.drawRightString(page_w - margin, margin * 0.45,
                                     f"Page {self._pageNumber} of {total}")
                self.restoreState()
                super().showPage()
            super().save()

    return Footed
