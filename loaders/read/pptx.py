"""PowerPoint (.pptx): a "plan on a page" deck read slide by slide, as its text version reads.

Councils publish a plan's summary as slides: a slide a priority, its title the priority, its
bullets the commitments, a table of measures. Each shown slide is a page, read in order
(python-docx's sibling python-pptx, MIT, opens the package):

- **headings**: the title placeholder of each slide (the first slide's, the deck's title, at
  level 1; the others at level 2); a subtitle placeholder is a paragraph.
- **list items**: paragraphs of a body (content) placeholder, which the slide master bullets,
  unless the paragraph turns its bullet off (``a:buNone``); paragraphs of a plain text box
  only when they set a bullet (``a:buChar``) or a number (``a:buAutoNum``: ``1.``, ``a)``,
  ``iv.``, counted as PowerPoint counts them). The paragraph's indent level is the nesting. A
  paragraph with its bullet off right under an item, at the item's level and indent (no
  ``marL`` of its own), is the item's description; one moved to the margin is a paragraph.
- **tables**: rows of cells in the model's cell convention (a merged cell's text once), the
  first row the header when the table marks it so (``firstRow``).
- **shapes** in reading order: top to bottom, then left to right (rows of boxes side by side
  read across); groups opened; pictures' alt text is caption furniture.
- **furniture**, never content: the footer, date and slide-number placeholders. Speaker
  notes, comments, hidden slides and the masters' own text are not read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from stratgraph.errors import LoaderError
from stratgraph.loaders.read.list_numbers import letters, roman
from stratgraph.loaders.read.model import Block, BlockKind, Document
from stratgraph.loaders.read.render import assemble, empty_table, mark_runs, one_line, table_text

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Unpacked size past which a deck is refused (a plan's deck is tens of MB with its pictures).
_MAX_UNPACKED = 1024 * 1024 * 1024
#: Placeholders that are the slide's furniture (by python-pptx's PP_PLACEHOLDER names).
_FURNITURE_PLACEHOLDERS = frozenset({"FOOTER", "DATE", "SLIDE_NUMBER", "HEADER"})
_TITLE_PLACEHOLDERS = frozenset({"TITLE", "CENTER_TITLE", "VERTICAL_TITLE"})
#: Placeholders whose paragraphs the master bullets.
_BODY_PLACEHOLDERS = frozenset({"BODY", "OBJECT", "VERTICAL_BODY", "VERTICAL_OBJECT"})
_SAVE_AS = "save it again, or export it to PDF"


def _a(tag: str) -> str:
    return f"{{{_A}}}{tag}"


def _number(scheme: str, count: int) -> str:
    """PowerPoint's auto-number ``scheme`` (``arabicPeriod``, ``alphaLcParenR``, ...) for
    ``count``, as the marker shows it."""
    lowered = scheme.lower()
    if lowered.startswith("alphalc"):
        body = letters(count)
    elif lowered.startswith("alphauc"):
        body = letters(count).upper()
    elif lowered.startswith("romanlc"):
        body = roman(count)
    elif lowered.startswith("romanuc"):
        body = roman(count).upper()
    else:
        body = str(count)
    if lowered.endswith("parenboth"):
        return f"({body})"
    if lowered.endswith("parenr"):
        return f"{body})"
    return f"{body}."


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.furniture: list[Block] = []
        self.lists_seen = 0

    def slide(self, slide: Any, page: int, first: bool) -> None:
        shapes = sorted(_shapes(slide.shapes), key=_position)
        for shape in shapes:
            self.shape(shape, page, first)

    def shape(self, shape: Any, page: int, first: bool) -> None:
        kind = _placeholder(shape)
        if kind in _FURNITURE_PLACEHOLDERS:
            if shape.has_text_frame and (text := one_line(shape.text_frame.text)):
                self.furniture.append(Block(BlockKind.FURNITURE, text, page=page,
                                            role="page-footer"))
            return
        if getattr(shape, "has_table", False) and shape.has_table:
            self.table(shape.table, page)
            return
        if shape.shape_type is not None and int(shape.shape_type) == 13:  # a picture
            alt = one_line(shape._element.xpath("string(.//p:cNvPr/@descr)") or "")
            if alt:
                self.furniture.append(Block(BlockKind.FURNITURE, alt, page=page, role="caption"))
            return
        if not getattr(shape, "has_text_frame", False) or not shape.has_text_frame:
            return
        if kind in _TITLE_PLACEHOLDERS:
            text = one_line(shape.text_frame.text)
            if text:
                self.blocks.append(Block(BlockKind.HEADING, text, page=page,
                                         level=1 if first else 2))
            return
        self.paragraphs(shape.text_frame, page, bulleted=kind in _BODY_PLACEHOLDERS)

    def paragraphs(self, frame: Any, page: int, bulleted: bool) -> None:
        counters: dict[int, int] = {}
        open_list = False
        for paragraph in frame.paragraphs:
            text = one_line(mark_runs(_runs(paragraph)))
            if not text:
                continue
            ppr = paragraph._p.find(_a("pPr"))
            level = min(max(int(paragraph.level or 0), 0), 8) + 1
            number = ppr.find(_a("buAutoNum")) if ppr is not None else None
            off = ppr is not None and ppr.find(_a("buNone")) is not None
            typed = ppr is not None and ppr.find(_a("buChar")) is not None
            if off or not (bulleted or typed or number is not None):
                item = self.blocks[-1] if open_list and self.blocks else None
                if (item is not None and item.kind in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH)
                        and item.level and level >= item.level and (ppr is None
                                                                    or ppr.get("marL") is None)):
                    # A paragraph with its bullet off at the item's level, its indent the
                    # level's: its text sits under the item's text, the item's description.
                    self.blocks.append(Block(BlockKind.PARAGRAPH, text, page=page,
                                             level=item.level, group=self.lists_seen))
                    continue
                self.blocks.append(Block(BlockKind.PARAGRAPH, text, page=page))
                open_list = False
                counters.clear()
                continue
            if not open_list:
                self.lists_seen += 1
                open_list = True
            marker = "-"
            if number is not None:
                start = int(number.get("startAt") or 1)
                counters[level] = counters.get(level, start - 1) + 1
                for deeper in [k for k in counters if k > level]:
                    del counters[deeper]
                marker = _number(number.get("type") or "arabicPeriod", counters[level])
            self.blocks.append(Block(BlockKind.LIST_ITEM, text, page=page, level=level,
                                     marker=marker, group=self.lists_seen))

    def table(self, table: Any, page: int) -> None:
        rows: list[tuple[str, ...]] = []
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                if cell.is_spanned:  # covered by a merged cell: its text is written once
                    cells.append("")
                    continue
                lines = [one_line(mark_runs(_runs(p), italic=False))
                         for p in cell.text_frame.paragraphs]
                cells.append("\n".join(ln for ln in lines if ln))
            rows.append(tuple(cells))
        if not any(c.strip() for row in rows for c in row):
            if len(rows) == 1 and rows[0]:
                # One row of empty cells: a plan's line of bare pipes, whose count a reader needs.
                self.blocks.append(replace(empty_table(len(rows[0])), page=page))
            return
        header = bool(getattr(table, "first_row", False))
        self.blocks.append(Block(BlockKind.TABLE, table_text(rows), page=page,
                                 rows=tuple(rows), header=header))


def _runs(paragraph: Any) -> list[tuple[str, bool, bool]]:
    out: list[tuple[str, bool, bool]] = []
    for child in paragraph._p.iterchildren():
        if child.tag == _a("r") or child.tag == _a("fld"):
            rpr = child.find(_a("rPr"))
            bold = rpr is not None and rpr.get("b") in ("1", "true")
            italic = rpr is not None and rpr.get("i") in ("1", "true")
            text = "".join(t.text or "" for t in child.iter(_a("t")))
            out.append((text, bold, italic))
        elif child.tag == _a("br"):
            out.append((" ", False, False))
    return out


def _placeholder(shape: Any) -> str:
    """The name of the shape's placeholder type ("TITLE", "BODY", ...), "" for none."""
    if not getattr(shape, "is_placeholder", False):
        return ""
    try:
        kind = shape.placeholder_format.type
    except (ValueError, AttributeError):
        return "BODY"
    # A placeholder with no type given is a content (object) placeholder.
    return getattr(kind, "name", "") or "OBJECT"


def _shapes(shapes: Any) -> Iterator[Any]:
    """A slide's shapes with groups opened (a group's shapes placed where they are drawn)."""
    for shape in shapes:
        if getattr(shape, "shape_type", None) is not None and int(shape.shape_type) == 6:
            yield from _shapes(shape.shapes)  # a group
        else:
            yield shape


def _position(shape: Any) -> tuple[int, int]:
    """Reading order: rows of shapes top to bottom (a quarter-inch apart counts as one row),
    each row left to right; a title first whatever its place."""
    if _placeholder(shape) in _TITLE_PLACEHOLDERS:
        return (-1, -1)
    top = shape.top if shape.top is not None else 0
    left = shape.left if shape.left is not None else 0
    return (top // 228600, left)


def _check_package(data: bytes, where: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise LoaderError(f"damaged PowerPoint file: not a readable zip package ({exc}): "
                          f"{_SAVE_AS}", file=where) from exc
    names = {i.filename for i in infos}
    if "ppt/presentation.xml" not in names:
        raise LoaderError(f"damaged PowerPoint file: the zip holds no ppt/presentation.xml: "
                          f"{_SAVE_AS}", file=where)
    if sum(i.file_size for i in infos) > _MAX_UNPACKED:
        raise LoaderError(f"PowerPoint file unpacks to more than {_MAX_UNPACKED} bytes; refused "
                          "as not a plan", file=where)


def read_pptx(data: bytes, name: str, path: str | None) -> Document:
    """A PowerPoint deck: each shown slide a page, its title a heading, its bullets list items.

    Raises :class:`LoaderError` (one line, naming the file) for a file that is not a readable
    .pptx, and for a deck with no text.
    """
    where = path or name
    _check_package(data, where)
    import pptx  # python-pptx: only a build that reads slides pays for importing it

    try:
        deck = pptx.Presentation(io.BytesIO(data))
        slides = list(deck.slides)
    except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds on damaged files
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise LoaderError(f"damaged PowerPoint file: {reason}: {_SAVE_AS}", file=where) from exc
    reader = _Reader()
    page = 0
    try:
        for slide in slides:
            if slide._element.get("show") in ("0", "false"):
                continue  # a hidden slide is not shown, printed or exported
            page += 1
            reader.slide(slide, page, first=page == 1)
    except RecursionError as exc:
        raise LoaderError("PowerPoint file nested too deeply to read (groups inside groups "
                          "hundreds deep)", file=where) from exc
    except LoaderError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged part met while reading a slide
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise LoaderError(f"damaged PowerPoint file: {reason}: {_SAVE_AS}", file=where) from exc
    if not reader.blocks:
        raise LoaderError("empty PowerPoint file: no text on its slides (only pictures, or "
                          "nothing)", file=where)
    return assemble(name, reader.blocks, path=path, format="pptx", furniture=reader.furniture,
                    page_count=page)

