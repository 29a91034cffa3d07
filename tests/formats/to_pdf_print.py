"""A text plan as a typesetting program prints it: justified, hyphenated, with ligatures,
a contents page with dot leaders, and the title and page number at the head of every page.

Plans laid out in InDesign, Affinity or LaTeX (and Word with automatic hyphenation on) break
long words at line ends by syllable ("com-" / "munity"), set "fi" and "fl" as one ligature
glyph (ﬁ, ﬂ), open with a "Contents" page whose entries run to their page numbers along a
line of dots, and carry a running head of the plan's title and the page number, on the
outer side of facing pages. The body font is Bitstream Vera (shipped with reportlab, so the
file is the same on every machine), which has the ligature glyphs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from stratgraph.loaders.read.model import Block, BlockKind

from .common import plain, title_of
from .to_pdf import _footed, _Styles, story

_FONTS = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf", "Vera-Italic": "VeraIt.ttf",
          "Vera-BoldItalic": "VeraBI.ttf"}
_LIGATURES = (("ffi", "f\ufb01"), ("ffl", "f\ufb02"), ("fi", "\ufb01"), ("fl", "\ufb02"))
_VOWELS = set("aeiouy")
# A lower-case word of letters only: the words a hyphenating layout program breaks.
_BREAKABLE = re.compile(r"(?<![\w*])[a-z]{7,}(?![\w])")


def _fonts() -> None:
    """Register Vera (regular, bold, italic) as one family, once."""
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" in pdfmetrics.getRegisteredFontNames():
        return
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in _FONTS.items():
        pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
    for bold, italic, name in ((0, 0, "Vera"), (1, 0, "Vera-Bold"), (0, 1, "Vera-Italic"),
                               (1, 1, "Vera-BoldItalic")):
        addMapping("Vera", bold, italic, name)


def syllables(word: str) -> str:
    """``word`` with soft hyphens (U+00AD) where a layout program may break it: between two
    consonants that stand between vowels ("com|munity"), else before a lone consonant after a
    vowel ("ser|vices"), keeping three letters at least on each side. A rough English rule,
    deterministic, enough to make line-end breaks inside words as a hyphenating layout does."""
    cuts: list[int] = []
    n = len(word)
    for i in range(3, n - 2):
        a, b, c = word[i - 1], word[i], word[i + 1] if i + 1 < n else ""
        if (a not in _VOWELS and b not in _VOWELS and word[i - 2] in _VOWELS and c in _VOWELS
                and a + b not in ("ch", "sh", "th", "ph", "wh", "ck", "ng")):
            cuts.append(i)
        elif a in _VOWELS and b not in _VOWELS and c in _VOWELS and b != "x":
            cuts.append(i)
    out, last = [], 0
    for c in cuts:
        if c - last >= 2:
            out.append(word[last:c])
            last = c
    out.append(word[last:])
    return "\xad".join(out)


def ligatures(text: str) -> str:
    """``text`` with "ffi", "ffl", "fi" and "fl" as the ligature glyphs a typesetter uses."""
    for plain_letters, glyph in _LIGATURES:
        text = text.replace(plain_letters, glyph)
    return text


def _set(text: str, hyphenate: bool) -> str:
    if hyphenate:
        text = _BREAKABLE.sub(lambda m: syllables(m.group(0)), text)
    return ligatures(text)


def typeset(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` as the layout program sets them: body text, items and cells hyphenable,
    headings not (they are not justified), ligatures everywhere."""
    out = []
    for b in blocks:
        body = b.kind is not BlockKind.HEADING
        rows = tuple(tuple(_set(c, body) for c in row) for row in b.rows) if b.rows else b.rows
        out.append(replace(b, text=_set(b.text, body), rows=rows))
    return out


class _PrintStyles(_Styles):
    """The plain writer's styles in Vera, body text justified and breaking at soft hyphens."""

    def __init__(self) -> None:
        super().__init__()
        for style in (self.body, self.cell, self.cell_item, *self.items.values()):
            style.fontName = "Vera"
            style.embeddedHyphenation = 1
            style.uriWasteReduce = 0
        self.body.alignment = self.cell.alignment = 4  # justified
        for style in self.items.values():
            style.alignment = 4
            style.bulletFontName = "Vera"
        for style in self.headings.values():
            style.fontName = "Vera-Bold"


def write_pdf_print(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a typeset PDF at ``path``: a contents page with
    dot leaders to page numbers, then the plan justified and hyphenated in a measure narrow
    enough to break words, the title and page number at the top outer corner of each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph
    from reportlab.platypus.tableofcontents import TableOfContents

    _fonts()
    title = plain(title_of(blocks))
    page_w, page_h = A4
    margin = 2.2 * cm
    inner = 3.2 * cm  # a book's wider inner margin: the text measure is about 60 characters

    def head(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Vera", 8)
        canvas.setFillGray(0.3)
        y = page_h - margin * 0.6
        number = str(doc.page)
        if doc.page % 2:  # a right-hand page: number at the outer (right) edge
            canvas.drawString(inner, y, title)
            canvas.drawRightString(page_w - margin, y, number)
        else:
            canvas.drawString(margin, y, number)
            canvas.drawRightString(page_w - inner, y, title)
        canvas.restoreState()

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (reportlab's name)
            style = getattr(flowable, "style", None)
            name = getattr(style, "name", "")
            if isinstance(flowable, Paragraph) and re.fullmatch(r"h[1-3]", name):
                self.notify("TOCEntry", (int(name[1]) - 1, flowable.getPlainText(), self.page))

    path = Path(path)
    doc = Doc(str(path), pagesize=A4, leftMargin=inner, rightMargin=margin, topMargin=margin,
              bottomMargin=margin, title=title, author="Wexbridge City Council")
    frame = Frame(inner, margin, page_w - inner - margin, page_h - 2 * margin, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=head)])
    styles = _PrintStyles()
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [
        ParagraphStyle(f"toc{i}", fontName="Vera", fontSize=10, leading=14,
                       leftIndent=14 * i, firstLineIndent=0) for i in range(3)]
    contents = ParagraphStyle("contents", fontName="Vera-Bold", fontSize=16, leading=20,
                              spaceAfter=12)
    flowables = story(typeset(blocks), styles, frame.width - 12)
    if any(b.kind is BlockKind.HEADING and b.level <= 3 for b in blocks):
        flowables = [Paragraph("Contents", contents), toc, PageBreak(), *flowables]
    doc.multiBuild(flowables, canvasmaker=_footed(page_w, margin))
    return path
