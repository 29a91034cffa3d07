"""A text plan as a "plan on a page" PowerPoint deck: a slide a section.

The plan's first heading, when it opens the plan, on a title slide; then a "Title and
Content" slide for each heading (and for the text before the first, or under the title, with
no title), the heading its title, its lists as the content placeholder's bullets (an
item's level its indent level; numbered items as PowerPoint's auto-numbers; an item's
description a paragraph of the item's level with its bullet off), its paragraphs with their
bullets off, its tables as table shapes (first row the header) under the text on the same
slide.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stratgraph.loaders.read.model import Block, BlockKind

from .common import ordered, padded, runs, table_width

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_AUTONUM = {"1": "arabic", "a": "alphaLc", "A": "alphaUc", "i": "romanLc", "I": "romanUc"}


def _text(paragraph: Any, text: str) -> None:
    for run in runs(text):
        r = paragraph.add_run()
        r.text = run.text
        if run.bold:
            r.font.bold = True
        if run.italic:
            r.font.italic = True


def _bullet(paragraph: Any, marker: str | None) -> None:
    """Turn the bullet off (``None``), or number the item as ``marker`` shows."""
    from lxml import etree

    ppr = paragraph._p.get_or_add_pPr()
    if marker is None:
        etree.SubElement(ppr, f"{{{_A}}}buNone")
        return
    found = ordered(marker)
    if found is not None:
        kind, start, before, after = found
        suffix = "ParenBoth" if before == "(" else "ParenR" if after == ")" else "Period"
        auto = etree.SubElement(ppr, f"{{{_A}}}buAutoNum", type=_AUTONUM[kind] + suffix)
        if start != 1:
            auto.set("startAt", str(start))


def write_pptx(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a deck (see the module docstring)."""
    from pptx import Presentation
    from pptx.util import Emu

    deck = Presentation()
    sections: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            sections.append((block, []))
        else:
            sections[-1][1].append(block)
    for n, (heading, body) in enumerate(sections):
        if heading is None and not body:
            continue
        if heading is not None and n == 1 and not sections[0][1]:
            # The plan's first heading on a title slide; its text on a slide of its own.
            first = deck.slides.add_slide(deck.slide_layouts[0])
            first.shapes.title.text = heading.text.replace("**", "")
            heading = None
            if not body:
                continue
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = heading.text.replace("**", "") if heading else ""
        frame = slide.placeholders[1].text_frame
        used = False
        top = slide.placeholders[1].top + Emu(200000)
        for block in body:
            if block.kind is BlockKind.TABLE:
                width = table_width(block)
                rows = [padded(r, width) for r in block.rows]
                shape = slide.shapes.add_table(len(rows), width, slide.placeholders[1].left,
                                               top, slide.placeholders[1].width,
                                               Emu(300000 * len(rows)))
                shape.table.first_row = bool(block.header)
                for i, row in enumerate(rows):
                    for j, cell in enumerate(row):
                        tf = shape.table.cell(i, j).text_frame
                        for k, line in enumerate(c for c in cell.split("\n") if c.strip()):
                            p = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
                            _text(p, line)
                top += Emu(300000 * len(rows) + 100000)
                continue
            p = frame.paragraphs[0] if not used else frame.add_paragraph()
            used = True
            _text(p, block.text)
            if block.kind is BlockKind.LIST_ITEM:
                p.level = min(max(block.level, 1), 9) - 1
                if ordered(block.marker) is not None:
                    _bullet(p, block.marker)
            elif block.level:  # an item's description: under the item's text
                p.level = max(block.level - 1, 0)
                _bullet(p, None)
            else:  # a paragraph: bullet off and moved to the margin, as authors do
                _bullet(p, None)
                p._p.get_or_add_pPr().set("marL", "0")
                p._p.get_or_add_pPr().set("indent", "0")
    path = Path(path)
    deck.save(str(path))
    return path
