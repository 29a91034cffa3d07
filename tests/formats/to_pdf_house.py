"""A text plan as PDFs of four more house styles, printed by Chromium (formats round 3).

Shapes the other writers do not make, each one apart so its effect on the reading is measured
alone:

- ``sized``: a designed plan (InDesign/Canva house style) whose headings differ from the body
  only by size and colour: every line in one sans-serif face at one (regular) weight, the
  title 24 pt, sections 15 pt, sub-sections 12 pt and lower levels in colour at 10.5 pt over
  a 10 pt body; no bold anywhere but the text's own marks.
- ``cols``: the same house style set in two columns a page (a leaflet), the title and wide
  tables across both.
- ``grid``: bold headings as a Word-made PDF has them, but each table drawn as positioned
  text: every cell a text box of its own placed on a grid, with no ruling line and no shading
  (as Excel and PowerPoint exports place cells), and the cells written column by column, so
  the content stream gives a column's cells before the next column's.
- ``wide``: an action plan set landscape, its tables with a rule under the header row and a
  hairline between rows but no vertical lines, rows tall enough that a table runs over pages
  and its header row is printed again at the top of each (``<thead>``).

Chromium runs headless through Playwright (``/usr/bin/chromium``), the browser
:mod:`.to_pdf_designed` keeps for a run.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from stratgraph.loaders.read.model import Block, BlockKind

from .common import list_runs, padded, table_width, title_of
from .to_html import _list_html, _table_html, cell_html, inline
from .to_pdf_designed import _page

_SIZED = """
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; color: #222; }
h1, h2, h3, h4, h5, h6 { font-weight: normal; margin: 10pt 0 4pt; }
h1 { font-size: 24pt; color: #00557f; margin-top: 0; column-span: all; }
h2 { font-size: 15pt; color: #00857c; }
h3 { font-size: 12pt; color: #b0306a; }
h4, h5, h6 { font-size: 10.5pt; color: #00557f; }
p { margin: 0 0 6pt; }
ul, ol { margin: 0 0 6pt; padding-left: 16pt; }
li > p { margin: 0; }
table.plan-table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 6pt 0;
       column-span: all; }
table.plan-table th, table.plan-table td { border: 0.5pt solid #888; padding: 3pt;
       vertical-align: top; text-align: left; }
table.plan-table th { background: #00557f; color: #fff; font-weight: normal; }
table.plan-table td p, table.plan-table th p { margin: 0; }
table.plan-table ul { padding-left: 10pt; margin: 0; }
"""

_COLS = "body { column-count: 2; column-gap: 10mm; }"

_PLAIN = """
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.3; color: #000; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; } h3 { font-size: 12.5pt; }
h4, h5, h6 { font-size: 11pt; }
h1, h2, h3, h4, h5, h6 { font-weight: bold; margin: 10pt 0 4pt; }
p { margin: 0 0 6pt; }
ul, ol { margin: 0 0 6pt; padding-left: 18pt; }
li > p { margin: 0; }
.grid { display: grid; column-gap: 6pt; row-gap: 5pt; margin: 8pt 0; font-size: 8.5pt; }
.grid .cell p { margin: 0; }
.grid .cell ul { margin: 0; padding-left: 10pt; }
.grid .head { font-weight: bold; }
"""

_WIDE = _PLAIN + """
table.plan-table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 6pt 0; }
table.plan-table thead th { border-bottom: 1.2pt solid #000; text-align: left; padding: 4pt;
       vertical-align: bottom; }
table.plan-table td { border-bottom: 0.3pt solid #999; padding: 14pt 4pt; vertical-align: top; }
table.plan-table tr { break-inside: avoid; }
table.plan-table td p, table.plan-table th p { margin: 0; }
table.plan-table ul { padding-left: 10pt; margin: 0; }
"""


def _grid_html(block: Block) -> list[str]:
    """A table as positioned boxes: a CSS grid whose cells are written column by column (each
    placed in its row and column), no lines, no shading; the header row in bold."""
    width = table_width(block)
    rows = [padded(row, width) for row in block.rows]
    # The first column is often a short name and the rest longer text: columns sized to it.
    out = [f'<div class="grid" style="grid-template-columns: repeat({width}, 1fr)">']
    for c in range(width):
        for r, row in enumerate(rows):
            head = " head" if block.header and r == 0 else ""
            out.append(f'<div class="cell{head}" style="grid-row: {r + 1}; grid-column: {c + 1}">'
                       f"{cell_html(row[c])}</div>")
    out.append("</div>")
    return out


def _body(blocks: Sequence[Block], tables: str) -> list[str]:
    out: list[str] = []
    for kind, group in list_runs(blocks):
        if kind == "list":
            out.extend(_list_html(group, ""))
            continue
        block = group[0]
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            out.append(f"<h{level}>{inline(block.text)}</h{level}>")
        elif block.kind is BlockKind.TABLE:
            out.extend(_grid_html(block) if tables == "grid" else _table_html(block, ""))
        else:
            out.append(f"<p>{inline(block.text)}</p>")
    return out


_PAGE_FOOT = ('<div style="width:100%;font-size:8pt;text-align:center;font-family:DejaVu Sans">'
              '<span class="pageNumber"></span></div>')


def _print(blocks: Sequence[Block], path: str | Path, css: str, *, tables: str = "html",
           landscape: bool = False) -> Path:
    title = escape(title_of(blocks), quote=False)
    html = ('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{css}</style></head><body>\n"
            + "\n".join(_body(blocks, tables)) + "\n</body></html>")
    page = _page()
    page.set_content(html)
    path = Path(path)
    page.pdf(path=str(path), format="A4", landscape=landscape, print_background=True,
             display_header_footer=True, header_template="<span></span>",
             footer_template=_PAGE_FOOT,
             margin={"top": "16mm", "bottom": "16mm", "left": "16mm", "right": "16mm"})
    return path


def write_pdf_sized(blocks: Sequence[Block], path: str | Path) -> Path:
    """``blocks`` as a designed PDF whose headings are told only by size and colour."""
    return _print(blocks, path, _SIZED)


def write_pdf_cols(blocks: Sequence[Block], path: str | Path) -> Path:
    """``blocks`` in the size-and-colour house style, two columns a page."""
    return _print(blocks, path, _SIZED + _COLS)


def write_pdf_grid(blocks: Sequence[Block], path: str | Path) -> Path:
    """``blocks`` with each table drawn as positioned text boxes, no lines."""
    return _print(blocks, path, _PLAIN, tables="grid")


def write_pdf_wide(blocks: Sequence[Block], path: str | Path) -> Path:
    """``blocks`` as a landscape action plan whose tables run over pages, header repeated."""
    return _print(blocks, path, _WIDE, landscape=True)


__all__ = ["write_pdf_cols", "write_pdf_grid", "write_pdf_sized", "write_pdf_wide"]
