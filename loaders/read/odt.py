"""OpenDocument text (.odt): the body in document order, read as the Word reader reads .docx.

OpenDocument is a zip of XML parts (the UK government's standard for documents); the standard
library's zipfile and the lxml python-docx already brings read it, which is simpler than a
library that builds a whole object model. What each element is:

- **headings**: ``text:h`` (its ``text:outline-level``, else its style's default outline
  level, 7-10 read as 6), or a ``text:p`` whose style (or a style it is based on) is
  ``Heading N`` or ``Title``. Only in a document with no heading at all is a short all-bold
  paragraph taken as one, the larger type the higher level (as the Word reader does).
- **list items**: ``text:list-item`` inside ``text:list`` (nesting: the level). The marker is
  ``-`` for a bullet, else the number the list style shows (``1.``, ``a)``, ``iv.``), counted
  per list as the word processor counts it (``text:start-value``, ``text:continue-numbering``).
  A further paragraph in an item, or a "List Continue" paragraph after it, is its description.
- **tables**: rows of cells in the model's cell convention; a merged cell's text is written
  once, the cells it covers left empty. A one-column table is a box around text, read as text.
- **furniture**: page headers and footers (styles.xml master pages), pictures' titles and
  descriptions. Tables of contents and indexes are navigation; notes, annotations and tracked
  deletions are not text at all.

Bold is what the document sets directly (automatic styles): a named style's look is not
marked, as the Word reader marks only runs set bold. Pages: none (an .odt written by a program
other than the one that laid it out has no reliable page breaks); lines are the rendering's.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from stratgraph.errors import LoaderError
from stratgraph.loaders.read.model import Block, BlockKind, Document
from stratgraph.loaders.read.render import assemble, empty_table, mark_runs, one_line, table_text
from stratgraph.loaders.read.text import typed_item
from stratgraph.loaders.read.furniture import bold_heading
from stratgraph.loaders.read.docx import style_heading_level
from stratgraph.loaders.read.list_numbers import letters, roman

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#: An lxml element.
Element = Any


def _t(tag: str) -> str:
    return f"{{{_TEXT}}}{tag}"


def _tb(tag: str) -> str:
    return f"{{{_TABLE}}}{tag}"


def _st(tag: str) -> str:
    return f"{{{_STYLE}}}{tag}"


H, P, LIST, ITEM, HEADER_ITEM = _t("h"), _t("p"), _t("list"), _t("list-item"), _t("list-header")
TABLE, ROW, CELL, COVERED = _tb("table"), _tb("table-row"), _tb("table-cell"), _tb("covered-table-cell")
STYLE_NAME = _t("style-name")
#: Row containers of a table, walked for their rows in order.
_ROW_GROUPS = frozenset(_tb(t) for t in ("table-header-rows", "table-rows", "table-row-group"))
#: Generated lists (contents, indexes): navigation that repeats the document's own headings.
_INDEXES = frozenset(_t(t) for t in (
    "table-of-content", "illustration-index", "table-index", "object-index", "user-index",
    "alphabetical-index", "bibliography"))
#: Inline elements that are not the paragraph's text: notes, comments, tracked-change marks,
#: bookmarks and reference marks.
_NOT_TEXT = frozenset([_t("note"), f"{{{_OFFICE}}}annotation", f"{{{_OFFICE}}}annotation-end",
                       _t("change"), _t("change-start"), _t("change-end"), _t("bookmark"),
                       _t("bookmark-start"), _t("bookmark-end"), _t("reference-mark"),
                       _t("reference-mark-start"), _t("reference-mark-end"),
                       _t("soft-page-break"), _t("sequence-decls"), _t("variable-decls"),
                       _t("user-field-decls"), _t("tracked-changes")])
#: Drawn shapes that may hold text of their own: LibreOffice saves a Word text box (a
#: DrawingML shape) as a custom shape whose paragraphs are its children, not a text box.
_SHAPES = frozenset(f"{{{_DRAW}}}{t}" for t in (
    "custom-shape", "rect", "ellipse", "circle", "polygon", "polyline", "path", "regular-polygon",
    "caption", "measure", "connector", "line", "g"))
_TEXT_BOX = f"{{{_DRAW}}}text-box"


def _holds_text(shape: Element) -> bool:
    """Whether a shape's own children are paragraphs, headings or lists (its text)."""
    return shape.tag != f"{{{_DRAW}}}frame" and any(
        child.tag in (H, P, LIST) for child in shape)


# Unpacked size past which a package is refused (a plan is a few MB; a zip bomb is not a plan).
_MAX_UNPACKED = 512 * 1024 * 1024
#: Columns or rows one repeat attribute may make: a sheet's trailing "1,048,576 empty rows"
#: is written as one repeated row, and is never materialised.
MAX_REPEAT = 1024

_HEADING_STYLE = re.compile(r"^heading\s*([1-9]|10)$", re.IGNORECASE)
#: Word's nested list styles ("List Bullet 2"): a list LibreOffice saves from them is a list of
#: its own at its first level, its nesting only in the style's name.
_LIST_STYLE = re.compile(r"^list\s+(?:bullet|number)\s+([2-9])$", re.IGNORECASE)
_CONTINUE_STYLE = re.compile(r"^list\s+continue(?:\s+([1-9]))?$", re.IGNORECASE)
_CONTENTS_STYLE = re.compile(r"^(?:contents|toc)\s*(?:heading|[1-9]|10)$", re.IGNORECASE)
_TYPED_BULLET = re.compile(r"^[•·▪◦●○■□♦◆►▶➢✓✔]\s+(?=\S)")
_BOLD_WEIGHTS = frozenset({"bold", "600", "700", "800", "900"})


def parse_xml(data: bytes, where: str, part: str) -> Element:
    """One XML part, parsed with no entity expansion, DTD or network access."""
    from lxml import etree  # installed with python-docx; imported only to read these files

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise LoaderError(f"damaged OpenDocument file: {part} is not well-formed XML ({exc})",
                          file=where) from exc


def open_package(data: bytes, where: str, kind: str, mimetypes: tuple[str, ...]) -> dict[str, bytes]:
    """The parts of an OpenDocument package a reader needs (``content.xml``, ``styles.xml``,
    ``meta.xml``), after checking it is one of ``mimetypes`` and not encrypted or a zip bomb.

    ``kind`` names the format in the one-line errors ("OpenDocument text").
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise LoaderError(f"damaged {kind} file: not a readable zip package ({exc})",
                          file=where) from exc
    with zf:
        infos = {i.filename: i for i in zf.infolist()}
        if sum(i.file_size for i in infos.values()) > _MAX_UNPACKED:
            raise LoaderError(f"{kind} file unpacks to more than {_MAX_UNPACKED} bytes; refused "
                              "as not a plan", file=where)
        try:
            mimetype = zf.read("mimetype").decode("ascii", "replace").strip() \
                if "mimetype" in infos else ""
            manifest = zf.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in infos \
                else b""
            if b"encryption-data" in manifest:
                raise LoaderError(f"password-protected {kind} file: remove the password (save "
                                  "it again without one) and read it again", file=where)
            if mimetype and mimetype not in mimetypes:
                raise LoaderError(f"not {kind}: the package is {mimetype}", file=where)
            if "content.xml" not in infos:
                raise LoaderError(f"damaged {kind} file: the zip holds no content.xml",
                                  file=where)
            return {name: zf.read(name) for name in ("content.xml", "styles.xml", "meta.xml")
                    if name in infos}
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError) as exc:
            # zlib and CRC errors, and a part zipfile says needs a password
            raise LoaderError(f"damaged {kind} file: {' '.join(str(exc).split())[:200]}",
                              file=where) from exc


def meta_title(parts: dict[str, bytes], where: str) -> str:
    """The document's title from meta.xml (``dc:title``), or ``""``."""
    if "meta.xml" not in parts:
        return ""
    try:
        root = parse_xml(parts["meta.xml"], where, "meta.xml")
    except LoaderError:
        return ""  # a title is never worth failing a plan for
    el = root.find(".//{http://purl.org/dc/elements/1.1/}title")
    return one_line(el.text or "") if el is not None else ""


def repeat(el: Element, attr: str) -> int:
    """An element's ``table:number-*-repeated`` count, at least 1."""
    try:
        return max(int(el.get(_tb(attr), "1")), 1)
    except ValueError:
        return 1


@dataclass
class _Style:
    display: str = ""
    parent: str | None = None
    outline: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    left: float | None = None  # the paragraph's left margin, points
    automatic: bool = False


@dataclass
class _ListLevel:
    fmt: str = ""  # "" a bullet or no number; else "1", "a", "A", "i", "I"
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    display: int = 1  # how many levels' numbers the marker shows ("1.2.")
    left: float = 0.0  # where the item's text starts (points), for its description


@dataclass
class _Para:
    runs: list[tuple[str, bool, bool]] = field(default_factory=list)
    sizes: list[float] = field(default_factory=list)
    boxes: list[Element] = field(default_factory=list)
    alt_texts: list[str] = field(default_factory=list)
    #: The number the word processor last showed for a numbered heading or item
    #: (``text:number``), kept apart from the text.
    label: str = ""


_POINTS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pc": 12.0, "px": 0.75}


def _length(value: str | None) -> float | None:
    """An ODF length ("0.3937in", "1cm", "12pt") in points, or None."""
    m = re.match(r"^\s*(-?[0-9.]+)\s*(pt|in|cm|mm|pc|px)\s*$", value or "")
    try:
        return float(m.group(1)) * _POINTS[m.group(2)] if m else None
    except ValueError:
        return None


def _size(value: str | None) -> float | None:
    m = re.match(r"^\s*([0-9.]+)\s*pt\s*$", value or "")
    try:
        return float(m.group(1)) if m else None
    except ValueError:
        return None


_FORMATS = {"1": str, "a": letters, "A": lambda n: letters(n).upper(), "i": roman,
            "I": lambda n: roman(n).upper()}


class _Styles:
    """Paragraph and text styles (named and automatic) and list styles of a document."""

    def __init__(self, roots: list[tuple[Element, bool]]) -> None:
        self.styles: dict[str, _Style] = {}
        self.lists: dict[str, dict[int, _ListLevel]] = {}
        self.outline_numbering: dict[int, _ListLevel] = {}
        self._cache: dict[str | None, tuple[str, int | None, bool, bool, float | None]] = {}
        for root, automatic in roots:
            for st in root.iter(_st("style")):
                family = st.get(_st("family"))
                if family not in ("paragraph", "text"):
                    continue
                name = st.get(_st("name"))
                if not name:
                    continue
                info = _Style(display=(st.get(_st("display-name")) or name.replace("_20_", " ")),
                              parent=st.get(_st("parent-style-name")), automatic=automatic)
                level = st.get(_st("default-outline-level"))
                if level is not None:
                    info.outline = int(level) if level.isdigit() else None
                props = st.find(_st("text-properties"))
                if props is not None:
                    weight = props.get(f"{{{_FO}}}font-weight")
                    if weight is not None:
                        info.bold = weight in _BOLD_WEIGHTS
                    slant = props.get(f"{{{_FO}}}font-style")
                    if slant is not None:
                        info.italic = slant in ("italic", "oblique")
                    info.size = _size(props.get(f"{{{_FO}}}font-size"))
                para_props = st.find(_st("paragraph-properties"))
                if para_props is not None:
                    info.left = _length(para_props.get(f"{{{_FO}}}margin-left"))
                self.styles[name] = info
            for ls in root.iter(_t("list-style")):
                self.lists[ls.get(_st("name")) or ""] = self._levels(ls)

    @staticmethod
    def _levels(ls: Element) -> dict[int, _ListLevel]:
        levels: dict[int, _ListLevel] = {}
        for lvl in ls:
            try:
                number = int(lvl.get(_t("level"), "1"))
            except ValueError:
                continue
            align = lvl.find(f"{_st('list-level-properties')}/{_st('list-level-label-alignment')}")
            left = _length(align.get(f"{{{_FO}}}margin-left")) if align is not None else None
            if lvl.tag == _t("list-level-style-number"):
                fmt = lvl.get(_st("num-format"), "1")
                try:
                    start = int(lvl.get(_t("start-value"), "1"))
                    display = int(lvl.get(_t("display-levels"), "1"))
                except ValueError:
                    start, display = 1, 1
                levels[number] = _ListLevel(fmt if fmt in _FORMATS else "",
                                            lvl.get(_st("num-prefix"), ""),
                                            lvl.get(_st("num-suffix"), ""), start, display,
                                            left or 0.0)
            else:
                levels[number] = _ListLevel(left=left or 0.0)
        return levels

    def left(self, name: str | None) -> float:
        """A paragraph style's left margin in points (its own, else the nearest parent's)."""
        seen: set[str] = set()
        while name and name not in seen and name in self.styles:
            seen.add(name)
            if self.styles[name].left is not None:
                return self.styles[name].left or 0.0
            name = self.styles[name].parent
        return 0.0

    def resolve(self, name: str | None) -> tuple[str, int | None, bool, bool, float | None]:
        """``(named style's display name, heading level, bold, italic, size)``: the heading
        level from the style chain, bold and italic only as set directly (automatic styles)."""
        if name in self._cache:
            return self._cache[name]
        display, heading, bold, italic, size = "", None, None, None, None
        seen: set[str] = set()
        current = name
        while current and current not in seen and current in self.styles:
            seen.add(current)
            st = self.styles[current]
            if st.automatic:
                bold = st.bold if bold is None else bold
                italic = st.italic if italic is None else italic
            elif not display:
                display = st.display
            size = size or st.size
            if heading is None:
                lowered = st.display.lower()
                if not st.automatic and (m := _HEADING_STYLE.match(lowered)):
                    heading = min(int(m.group(1)), 6)
                elif not st.automatic and (level := style_heading_level(lowered)) is not None:
                    heading = level  # "Title", a localised or a house heading style
                elif st.outline is not None:
                    heading = min(st.outline, 6) if st.outline > 0 else 0
            current = st.parent
        result = (display.lower(), heading, bool(bold), bool(italic), size)
        self._cache[name] = result
        return result


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.furniture: list[Block] = []
        self.uses_headings = False
        self.bold_candidates: list[tuple[int, float]] = []
        self.lists_seen = 0
        self.list_open = False
        #: Counters of the last list of each list style (for ``continue-numbering``).
        self.counters: dict[str, dict[int, int]] = {}
        self.item_left = 0.0  # where the last list item's text starts (points)
        self.typed_lefts: list[float] = []  # the indents of the open items numbered by hand

    # -- inline text ----------------------------------------------------------------------

    def read_para(self, p: Element) -> _Para:
        para = _Para()
        _, _, bold, italic, size = self.styles.resolve(p.get(STYLE_NAME))
        self._inline(p, para, bold, italic, size)
        return para

    def _add(self, para: _Para, text: str, bold: bool, italic: bool, size: float | None) -> None:
        if not text:
            return
        para.runs.append((text, bold, italic))
        if size and text.strip():
            para.sizes.append(size)

    def _inline(self, el: Element, para: _Para, bold: bool, italic: bool,
                size: float | None) -> None:
        self._add(para, el.text or "", bold, italic, size)
        for child in el:
            tag = child.tag
            if tag in _NOT_TEXT:
                pass
            elif tag == _t("s"):
                try:
                    count = min(max(int(child.get(_t("c"), "1")), 1), 64)
                except ValueError:
                    count = 1
                self._add(para, " " * count, bold, italic, size)
            elif tag == _t("tab"):
                self._add(para, "\t", bold, italic, size)
            elif tag == _t("line-break"):
                self._add(para, "\n", bold, italic, size)
            elif tag == _t("number"):
                para.label = one_line("".join(child.itertext()))
            elif tag == f"{{{_DRAW}}}frame" or tag in _SHAPES:
                self._frame(child, para)
            elif isinstance(tag, str):
                b, i, s = bold, italic, size
                name = child.get(STYLE_NAME)
                if name and name in self.styles.styles:
                    st = self.styles.styles[name]
                    b = st.bold if st.bold is not None else b
                    i = st.italic if st.italic is not None and st.automatic else i
                    s = st.size or s
                self._inline(child, para, b, i, s)
            self._add(para, child.tail or "", bold, italic, size)

    def _frame(self, frame: Element, para: _Para) -> None:
        for el in frame.iter(f"{{{_SVG}}}title", f"{{{_SVG}}}desc"):
            if (el.text or "").strip():
                para.alt_texts.append(el.text)
        if _holds_text(frame):
            para.boxes.append(frame)  # a shape with its own text (a Word text box, saved)
            return

        def boxes(el: Element) -> None:
            # The outermost boxes only: a box inside a box is read with the outer one's text.
            for child in el:
                if child.tag == _TEXT_BOX or (child.tag in _SHAPES and _holds_text(child)):
                    para.boxes.append(child)
                elif child.tag in _SHAPES or child.tag == f"{{{_DRAW}}}frame":
                    boxes(child)

        boxes(frame)

    # -- the walk -------------------------------------------------------------------------

    def walk(self, container: Element) -> None:
        for child in container:
            tag = child.tag
            if tag in (H, P):
                self.paragraph(child, tag == H)
            elif tag == LIST:
                # The list stays open after it: a "List Continue" paragraph next is its
                # item's description, as in Word; the next body paragraph closes it.
                self.list_(child, 1, None, None)
            elif tag == TABLE:
                self.table(child)
            elif tag in _INDEXES:
                self._contents(child)
            elif tag in (_t("section"), _t("index-body"), f"{{{_OFFICE}}}text"):
                self.walk(child)
            elif tag == f"{{{_DRAW}}}frame" or tag in _SHAPES:
                para = _Para()
                self._frame(child, para)
                self._hangers(para)

    def _contents(self, index: Element) -> None:
        for p in index.iter(P):
            text = one_line("".join(p.itertext()))
            if text:
                self.furniture.append(Block(BlockKind.FURNITURE, text, role="navigation"))
        self.list_open = False

    def _hangers(self, para: _Para) -> None:
        for alt in para.alt_texts:
            self.furniture.append(Block(BlockKind.FURNITURE, one_line(alt), role="caption"))
        for box in para.boxes:
            self.walk(box)

    def paragraph(self, p: Element, is_h: bool) -> None:
        display, heading, _, _, style_size = self.styles.resolve(p.get(STYLE_NAME))
        if _CONTENTS_STYLE.match(display):
            text = one_line("".join(p.itertext()))
            if text:
                self.furniture.append(Block(BlockKind.FURNITURE, text, role="navigation"))
            return
        para = self.read_para(p)
        plain = one_line("".join(t for t, _, _ in para.runs))
        if plain:
            if display in ("caption", "figure", "illustration", "table", "drawing"):
                self.furniture.append(Block(BlockKind.FURNITURE, plain, role="caption"))
            elif is_h or heading:
                level = heading or 1
                if is_h and (value := p.get(_t("outline-level"))) is not None:
                    level = int(value) if value.isdigit() else level
                self.uses_headings = True
                text = one_line(mark_runs(para.runs))
                if para.label:  # a numbered heading ("1.2 Our priorities") shows its number
                    text = f"{para.label} {text}"
                self.blocks.append(Block(BlockKind.HEADING, text, level=min(max(level, 1), 6)))
                self.list_open = False
            else:
                self._body(display, para, plain, style_size, self.styles.left(p.get(STYLE_NAME)))
        else:
            self.list_open = False  # an empty paragraph between bullets: two lists
        self._hangers(para)

    def _body(self, display: str, para: _Para, plain: str, style_size: float | None,
              left: float) -> None:
        text = one_line(mark_runs(para.runs))
        before = self.blocks[-1] if self.blocks else None
        described = self.list_open and before is not None and before.level > 0 \
            and before.kind in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH)
        if described and (m := _CONTINUE_STYLE.match(display)):
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, level=min(
                int(m.group(1) or 1), before.level), group=self.lists_seen))
            return
        if m := _TYPED_BULLET.match(text):
            self.blocks.append(Block(BlockKind.LIST_ITEM, text[m.end():],
                                     level=self._typed_level(left), marker="-",
                                     group=self._item_group()))
            return
        if (typed := typed_item(text)) is not None and not bold_heading(para.runs):
            self.blocks.append(Block(BlockKind.LIST_ITEM, typed[1], level=self._typed_level(left),
                                     marker=typed[0], group=self._item_group()))
            return
        if described and left > 0 and left >= self.item_left - 3:
            # Indented as far as the item's text (as the Word reader reads it): its description.
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, level=before.level,
                                     group=self.lists_seen))
            return
        if bold_heading(para.runs):
            self.bold_candidates.append((len(self.blocks), max(para.sizes, default=style_size or 0)))
        self.blocks.append(Block(BlockKind.PARAGRAPH, text))
        self.list_open = False

    def _typed_level(self, left: float) -> int:
        """The nesting of an item numbered by hand: each indent further in than the list's
        items before it a level deeper (the Word reader's rule, in points)."""
        if not self.list_open:
            self.typed_lefts = []
        while self.typed_lefts and left < self.typed_lefts[-1] - 3:
            self.typed_lefts.pop()
        if not self.typed_lefts or left > self.typed_lefts[-1] + 3:
            self.typed_lefts.append(left)
        self.item_left = left
        return len(self.typed_lefts)

    def _item_group(self) -> int:
        if not self.list_open:
            self.lists_seen += 1
            self.list_open = True
        return self.lists_seen

    # -- lists ----------------------------------------------------------------------------

    def list_(self, lst: Element, level: int, style: str | None,
              counts: dict[int, int] | None) -> None:
        style = lst.get(STYLE_NAME) or style or ""
        if counts is None:
            # A list that continues an earlier one keeps its counters; a new one starts afresh.
            continued = lst.get(_t("continue-numbering")) == "true" or lst.get(_t("continue-list"))
            counts = self.counters.get(style, {}) if continued else {}
            self.counters[style] = counts
        levels = self.styles.lists.get(style, {})
        for item in lst:
            if item.tag not in (ITEM, HEADER_ITEM):
                continue
            marker = "-"
            if item.tag == ITEM:
                marker = self._marker(levels, level, counts, item)
            first = True
            for child in item:
                if child.tag == LIST:
                    self.list_(child, level + 1, style, counts)
                elif child.tag == H:
                    # An outline-numbered heading is written inside a list: still a heading.
                    self.paragraph(child, True)
                elif child.tag == P and first and item.tag == ITEM:
                    first = False
                    para = self.read_para(child)
                    text = one_line(mark_runs(para.runs))
                    lvl = levels.get(level)
                    self.item_left = self.styles.left(child.get(STYLE_NAME)) or (
                        lvl.left if lvl is not None else 0.0)
                    nested = level
                    if level == 1 and (m := _LIST_STYLE.match(
                            self.styles.resolve(child.get(STYLE_NAME))[0])):
                        nested = int(m.group(1))
                    if text:
                        shown = para.label if para.label and para.label[0].isalnum() else marker
                        self.blocks.append(Block(BlockKind.LIST_ITEM, text, level=nested,
                                                 marker=shown, group=self._item_group()))
                    self._hangers(para)
                elif child.tag == P:
                    # A further paragraph of the item (or a list header): its description.
                    para = self.read_para(child)
                    text = one_line(mark_runs(para.runs))
                    if text and self.list_open:
                        self.blocks.append(Block(BlockKind.PARAGRAPH, text, level=level,
                                                 group=self.lists_seen))
                    elif text:
                        self.blocks.append(Block(BlockKind.PARAGRAPH, text))
                    self._hangers(para)
                elif child.tag == TABLE:
                    self.table(child)

    @staticmethod
    def _marker(levels: dict[int, _ListLevel], level: int, counts: dict[int, int],
                item: Element) -> str:
        lvl = levels.get(level)
        if lvl is None or not lvl.fmt:
            return "-"
        start = item.get(_t("start-value"))
        if start is not None and start.isdigit():
            counts[level] = int(start)
        else:
            counts[level] = counts.get(level, lvl.start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        numbers = []
        for at in range(max(level - lvl.display + 1, 1), level + 1):
            sub = levels.get(at) or lvl
            numbers.append(_FORMATS.get(sub.fmt or "1", str)(counts.get(at, sub.start)))
        marker = f"{lvl.prefix}{'.'.join(numbers)}{lvl.suffix}".strip()
        return marker if marker and marker[0].isalnum() else (marker or "-")

    # -- tables ---------------------------------------------------------------------------

    def table(self, tbl: Element) -> None:
        trs = [list(_cells(tr)) for tr in _rows(tbl)]
        real = [[c for c in tcs if c.tag == CELL] for tcs in trs]
        if len(trs) == 1 and trs[0] and not any(
                ln.strip() for tc in real[0] for ln in self._cell_lines(tc, 0)):
            self.blocks.append(empty_table(len(trs[0])))
            self.list_open = False
            return
        if trs and all(len(tcs) <= 1 for tcs in trs):
            # One column: a box around text (a callout, a quote), read as that text.
            for tcs in real:
                for tc in tcs:
                    self.walk(tc)
            return
        rows: list[tuple[str, ...]] = []
        for tcs in trs:
            rows.append(tuple("" if tc.tag == COVERED else "\n".join(self._cell_lines(tc, 0))
                              for tc in tcs))
        if not any(c.strip() for row in rows for c in row):
            return
        self.blocks.append(Block(BlockKind.TABLE, table_text(rows), rows=tuple(rows), header=True))
        self.list_open = False

    def _cell_lines(self, container: Element, depth: int, level: int = 0) -> Iterator[str]:
        for child in container:
            tag = child.tag
            if tag in (P, H):
                para = self.read_para(child)
                for alt in para.alt_texts:
                    self.furniture.append(Block(BlockKind.FURNITURE, one_line(alt), role="caption"))
                text = one_line(mark_runs(para.runs, italic=False))
                if text:
                    if level:
                        yield "  " * (level - 1) + "- " + text
                    elif m := _TYPED_BULLET.match(text):
                        yield "- " + text[m.end():]
                    else:
                        yield text
                for box in para.boxes:
                    yield from self._cell_lines(box, depth + 1)
            elif tag == LIST and depth < 8:
                for item in child:
                    if item.tag in (ITEM, HEADER_ITEM):
                        yield from self._cell_lines(item, depth + 1, level + 1)
            elif tag == TABLE and depth < 8:
                for tr in _rows(child):
                    for tc in _cells(tr):
                        if tc.tag == CELL:
                            yield from self._cell_lines(tc, depth + 1)
            elif tag == _t("section"):
                yield from self._cell_lines(child, depth, level)

    def promote_bold_headings(self) -> None:
        """In a document with no headings, its short all-bold paragraphs are headings."""
        if self.uses_headings or not self.bold_candidates:
            return
        sizes = sorted({size for _, size in self.bold_candidates}, reverse=True)
        for index, size in self.bold_candidates:
            block = self.blocks[index]
            self.blocks[index] = Block(BlockKind.HEADING, block.text.replace("**", "").strip(),
                                       level=min(sizes.index(size) + 1, 3))


def _rows(tbl: Element) -> Iterator[Element]:
    for child in tbl:
        if child.tag == ROW:
            for _ in range(min(repeat(child, "number-rows-repeated"), MAX_REPEAT)):
                yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _cells(tr: Element) -> Iterator[Element]:
    made = 0
    for child in tr:
        if child.tag in (CELL, COVERED):
            for _ in range(min(repeat(child, "number-columns-repeated"), 64)):
                if made >= 256:  # no plan's table is wider; a repeat count is not a table
                    return
                made += 1
                yield child


def _headers_footers(styles_root: Element | None, reader: _Reader) -> None:
    if styles_root is None:
        return
    seen: set[tuple[str, str]] = set()
    for master in styles_root.iter(_st("master-page")):
        for part in master:
            local = part.tag.rsplit("}", 1)[-1]
            role = "page-header" if local.startswith("header") else (
                "page-footer" if local.startswith("footer") else "")
            if not role:
                continue
            for p in part.iter(P, H):
                text = one_line("".join(p.itertext()))
                if text and (role, text) not in seen:
                    seen.add((role, text))
                    reader.furniture.append(Block(BlockKind.FURNITURE, text, role=role))


ODT_MIMETYPES = ("application/vnd.oasis.opendocument.text",
                 "application/vnd.oasis.opendocument.text-template")


def read_odt(data: bytes, name: str, path: str | None) -> Document:
    """An OpenDocument text plan: blocks from its body, furniture from its page styles.

    Raises :class:`LoaderError` (one line, naming the file) for a file that is not a readable
    .odt: not a zip, another OpenDocument kind, password-protected, damaged XML, or empty.
    """
    where = path or name
    parts = open_package(data, where, "OpenDocument text", ODT_MIMETYPES)
    content = parse_xml(parts["content.xml"], where, "content.xml")
    styles_root = parse_xml(parts["styles.xml"], where, "styles.xml") \
        if "styles.xml" in parts else None
    # Named styles (styles.xml's office:styles) say what a paragraph is; automatic ones, in
    # either part, are the document's direct formatting (the bold a writer set by hand).
    roots: list[tuple[Element, bool]] = []
    for root in (styles_root, content):
        if root is not None:
            roots += [(el, False) for el in root.iterchildren(f"{{{_OFFICE}}}styles")]
            roots += [(el, True) for el in root.iterchildren(f"{{{_OFFICE}}}automatic-styles")]
    reader = _Reader(_Styles(roots))
    body = content.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    if body is None:
        raise LoaderError("damaged OpenDocument text file: content.xml has no text body",
                          file=where)
    try:
        reader.walk(body)
    except RecursionError as exc:
        raise LoaderError("OpenDocument file nested too deeply to read", file=where) from exc
    reader.promote_bold_headings()
    _headers_footers(styles_root, reader)
    if not reader.blocks:
        raise LoaderError("empty OpenDocument text: no text to read", file=where)
    return assemble(name, reader.blocks, path=path, format="odt", furniture=reader.furniture)
