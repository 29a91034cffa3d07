"""Word (.docx): the body in document order, its styles saying what each paragraph is.

The body is walked as Word stores it (paragraphs and tables interleaved, content controls and
text boxes opened), so the blocks come in reading order:

- **headings**: a paragraph whose style (or a style it is based on) is ``Heading 1`` ..
  ``Heading 6`` (7-9 read as 6), ``Title`` (level 1), ``TOC Heading`` (level 1), or that sets
  an outline level 1-6. Only in a document that uses no heading style at all is a short
  all-bold ``Normal`` paragraph taken as a heading (see :func:`~stratgraph.loaders.read.furniture.bold_heading`): a document that
  uses heading styles says what its headings are, and its bold lines ("**Helen Marsh**") are
  text, as they are in the plan's text version.
- **list items**: a ``List Bullet``/``List Number`` (``2``, ``3``: nesting) or ``List Paragraph``
  style, or Word numbering (``w:numPr``; ``ilvl`` is the nesting). The marker is ``-`` for a
  bullet, else the number Word shows (``1.``, ``a)``, ``iv.``), counted per list as Word does.
  A bullet or number typed by hand is an item too, also on each line of one paragraph whose
  lines are typed items parted by manual line breaks (Shift+Enter).
- **tables**: rows of cells in the model's cell convention; a merged cell's text is written
  once, in its first grid column, the columns it spans and the rows it runs down left empty.
  A one-column table is a box around text and is read as that text.
- **furniture**, never content: section headers and footers, ``Caption`` paragraphs, pictures'
  alt text. Footnote and comment marks, deleted text and field codes are not text at all.

Pages: Word records where its last layout broke pages (``w:lastRenderedPageBreak``). When the
file has those marks, each block gets the page it starts on (hard page breaks counted too) and
the document its page count; a file without them (saved by other programs, or generated) has
no pages, since explicit breaks alone cannot say where text flowed onto the next page.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from dataclasses import dataclass, field, replace
from typing import Any

from stratgraph.errors import LoaderError
from stratgraph.loaders.read.furniture import bold_heading, is_page_number
from stratgraph.loaders.read.model import Block, BlockKind, Document
from stratgraph.loaders.read.grouped_header import combined_header
from stratgraph.loaders.read.render import assemble, empty_table, mark_runs, one_line, table_text
from stratgraph.loaders.read.text import typed_item
from stratgraph.loaders.read.list_numbers import letters, roman

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


#: An lxml element of the document's XML (python-docx's oxml classes).
Element = Any


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


P, TBL, TR, TC, R, T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r"), _w("t")
PPR, RPR, TCPR, TRPR = _w("pPr"), _w("rPr"), _w("tcPr"), _w("trPr")
SDT, SDT_CONTENT = _w("sdt"), _w("sdtContent")
TXBX = _w("txbxContent")
VAL = _w("val")
ALT_CONTENT = f"{{{_MC}}}AlternateContent"
CHOICE, FALLBACK = f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"
DOC_PR = f"{{{_WP}}}docPr"
# Containers whose runs are the paragraph's text (links, tracked insertions, simple fields...).
_INLINE_CONTAINERS = frozenset(_w(t) for t in (
    "hyperlink", "smartTag", "ins", "fldSimple", "customXml", "dir", "bdo", "moveTo"))
# Containers of body content (paragraphs and tables) inside the body or a cell.
_BLOCK_CONTAINERS = frozenset(_w(t) for t in ("customXml", "ins", "moveTo"))
# Unpacked size past which a .docx is refused (a plan is a few MB; a zip bomb is not a plan).
_MAX_UNPACKED = 512 * 1024 * 1024

_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list\s+(bullet|number)(?:\s+([1-9]))?$", re.IGNORECASE)
#: Word's style for a paragraph that goes on under a list item ("List Continue 2": level 2).
_CONTINUE_STYLE = re.compile(r"^list\s+continue(?:\s+([1-9]))?$", re.IGNORECASE)
#: "heading 1" in the languages councils' neighbours' and staff's Word may be set to: Welsh
#: (Pennawd), German, French, Dutch, Spanish/Portuguese, Italian, Polish.
_LOCAL_HEADING = re.compile(
    r"^(?:pennawd|überschrift|uberschrift|titre|kop|título|titulo|encabezado|titolo|"
    r"nagłówek|naglowek|rubrik)\s*([1-9])$")
_LOCAL_TITLE = frozenset({"teitl", "titel", "titre", "título", "titulo", "titolo", "tytuł"})
#: A house style named as a heading: "Plan Heading 2", "Sub-heading", "Subheading".
_HOUSE_HEADING = re.compile(r"\b(sub[\s-]?)?heading\b(?:\s*([1-9])\b)?")
#: Styles named so that are not the document's headings: a table's or a box's heading row,
#: a contents list's, a caption's, a page header's, a character style's ("Heading 1 Char").
_NOT_HEADING_STYLE = re.compile(
    r"\b(?:table|tbl|toc|contents|caption|header|footer|char|box|sidebar|cover|note|"
    r"quote|figure|chart|list)\b")
_TOC_STYLE = re.compile(r"^toc\s*[1-9]$|^table of contents$|^toc heading$", re.IGNORECASE)
_TYPED_BULLET = re.compile(r"^[•·▪◦●○■□♦◆►▶➢✓✔]\s+(?=\S)")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FLD_CHAR, _INSTR_TEXT = _w("fldChar"), _w("instrText")
#: Fields whose result is a generated list of the document's own headings or captions.
_CONTENTS_FIELD = re.compile(r"^\s*(TOC|INDEX|TOA)\b", re.IGNORECASE)


def _on(el: Element) -> bool:
    """Whether a toggle property (``<w:b/>``, ``<w:b w:val="0"/>``) is on."""
    return el.get(VAL, "true").lower() not in ("0", "false", "off", "none")


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class _Style:
    name: str = ""
    heading: int | None = None  # heading level, 0 = explicitly body text
    list_kind: str = ""  # "bullet", "number", "paragraph" (List Paragraph)
    list_level: int | None = None  # nesting from the style's name ("List Bullet 2" -> 2)
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    size: int | None = None  # half-points


# Word's number formats: how the counter of a level is written in its marker.
_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": letters,
    "upperLetter": lambda n: letters(n).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
}


@dataclass
class _Level:
    fmt: str = "bullet"
    text: str = ""
    start: int = 1
    left: int = 0  # where the level's text starts (twips from the margin)


class _Numbering:
    """Word's list definitions: each list's levels, and the counters Word shows."""

    def __init__(self, root: Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for ab in root.iterchildren(_w("abstractNum")):
            self.abstract[ab.get(_w("abstractNumId"), "")] = self._levels(ab)
        for num in root.iterchildren(_w("num")):
            ref = num.find(_w("abstractNumId"))
            overrides: dict[int, _Level] = {}
            starts: dict[int, int] = {}
            for over in num.iterchildren(_w("lvlOverride")):
                ilvl = _int(over.get(_w("ilvl")))
                start = over.find(_w("startOverride"))
                if start is not None:
                    starts[ilvl] = _int(start.get(VAL), 1)
                lvl = over.find(_w("lvl"))
                if lvl is not None:
                    overrides[ilvl] = self._level(lvl)
            self.nums[num.get(_w("numId"), "")] = (
                ref.get(VAL, "") if ref is not None else "", overrides, starts)

    @staticmethod
    def _level(lvl: Element) -> _Level:
        fmt = lvl.find(_w("numFmt"))
        text = lvl.find(_w("lvlText"))
        start = lvl.find(_w("start"))
        ppr = lvl.find(PPR)
        return _Level(fmt.get(VAL, "decimal") if fmt is not None else "decimal",
                      text.get(VAL, "") if text is not None else "",
                      _int(start.get(VAL), 1) if start is not None else 1,
                      _left(ppr))

    def _levels(self, ab: Element) -> dict[int, _Level]:
        return {_int(lvl.get(_w("ilvl"))): self._level(lvl)
                for lvl in ab.iterchildren(_w("lvl"))}

    def level(self, num_id: str, ilvl: int) -> _Level | None:
        abstract_id, overrides, starts = self.nums.get(num_id, ("", {}, {}))
        lvl = overrides.get(ilvl) or self.abstract.get(abstract_id, {}).get(ilvl)
        if lvl is not None and ilvl in starts:
            lvl = _Level(lvl.fmt, lvl.text, starts[ilvl], lvl.left)
        return lvl

    def marker(self, num_id: str, ilvl: int, numbered_style: bool) -> str:
        """The marker Word shows for the next item of list ``num_id`` at level ``ilvl``."""
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            if not numbered_style:
                return "-"
            lvl = _Level("decimal", f"%{ilvl + 1}.")
        if lvl.fmt not in _FORMATS:  # bullet, none, and formats we do not write
            return "-"
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, lvl.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a higher level's next item restarts the levels below it

        def number(m: re.Match[str]) -> str:
            at = int(m.group(1)) - 1
            sub = self.level(num_id, at) or lvl
            count = counts.get(at, sub.start)
            return _FORMATS.get(sub.fmt, str)(count)

        marker = re.sub(r"%([1-9])", number, lvl.text or f"%{ilvl + 1}.").strip()
        return marker if marker and marker[0].isalnum() else (marker or "-")


@dataclass
class _Para:
    """One paragraph as read: its runs, what its style makes it, and what hangs off it."""

    runs: list[tuple[str, bool, bool]] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    page: int | None = None
    alt_texts: list[str] = field(default_factory=list)
    boxes: list[Element] = field(default_factory=list)  # text boxes' w:txbxContent


class _Reader:
    def __init__(self, document: Element, track_pages: bool) -> None:
        self.document = document
        self.blocks: list[Block] = []
        self.furniture: list[Block] = []
        self.track_pages = track_pages
        self.page = 1
        self.break_pending = False
        self.styles: dict[str, Element] = {}
        self.default_style: str | None = None
        self._style_cache: dict[str | None, _Style] = {}
        self.uses_heading_styles = False
        #: Index in ``blocks`` of each all-bold Normal paragraph, with its font size.
        self.bold_candidates: list[tuple[int, int]] = []
        #: The page a table being read starts on (its first text's).
        self._table_page: int | None = None
        #: Lists so far (``Block.group``), and whether the last block was an item of the last.
        self.lists_seen = 0
        self.list_open = False
        self.item_left = 0  # where the last list item's text starts (twips), for its description
        self.typed_lefts: list[int] = []  # the indents of the open items numbered by hand
        #: Open fields, outermost first: whether each is a contents (TOC/index) field.
        self.fields: list[bool] = []
        try:
            styles_root = document.styles.element
        except Exception:  # noqa: BLE001 - a damaged styles part: read without styles
            styles_root = None
        if styles_root is not None:
            for st in styles_root.iterchildren(_w("style")):
                sid = st.get(_w("styleId"))
                if sid is None:
                    continue
                self.styles[sid] = st
                if _on_attr(st.get(_w("default"))) and st.get(_w("type")) == "paragraph":
                    self.default_style = sid
        try:
            numbering = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no or damaged numbering part: lists read as bullets
            numbering = None
        self.numbering = _Numbering(numbering)

    # -- styles ---------------------------------------------------------------------------

    def style(self, style_id: str | None) -> _Style:
        """What a paragraph or character style (with those it is based on) makes its text."""
        if style_id in self._style_cache:
            return self._style_cache[style_id]
        info = _Style()
        seen: set[str] = set()
        sid = style_id
        first = True
        if sid and sid not in self.styles:
            # A style the file uses but does not define (written by a program that leaves
            # Word's built-in styles out): its id is its name ("Heading2", "ListBullet").
            spaced = re.sub(r"(?<=[a-z])(?=[A-Z0-9])", " ", sid).lower()
            info.name = spaced
            info.heading = style_heading_level(spaced)
            if m := _LIST_STYLE.match(spaced):
                info.list_kind = m.group(1).lower()
                info.list_level = int(m.group(2)) if m.group(2) else 1
            elif spaced == "list paragraph":
                info.list_kind = "paragraph"
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            st = self.styles[sid]
            name_el = st.find(_w("name"))
            name = (name_el.get(VAL, "") if name_el is not None else "").strip()
            if first:
                info.name = name.lower()
                first = False
            lowered = name.lower()
            if info.heading is None:
                info.heading = style_heading_level(lowered)
            if not info.list_kind and (m := _LIST_STYLE.match(lowered)):
                info.list_kind = m.group(1).lower()
                info.list_level = int(m.group(2)) if m.group(2) else 1
            elif not info.list_kind and lowered == "list paragraph":
                info.list_kind = "paragraph"
            ppr = st.find(PPR)
            if ppr is not None:
                outline = ppr.find(_w("outlineLvl"))
                if outline is not None and info.heading is None:
                    value = _int(outline.get(VAL), 9)
                    info.heading = value + 1 if value < 6 else 0
                num = ppr.find(_w("numPr"))
                if num is not None and info.num_id is None:
                    nid, ilvl = num.find(_w("numId")), num.find(_w("ilvl"))
                    info.num_id = nid.get(VAL) if nid is not None else None
                    info.ilvl = _int(ilvl.get(VAL)) if ilvl is not None else None
            rpr = st.find(RPR)
            if rpr is not None:
                b, i, sz = rpr.find(_w("b")), rpr.find(_w("i")), rpr.find(_w("sz"))
                if b is not None and info.bold is None:
                    info.bold = _on(b)
                if i is not None and info.italic is None:
                    info.italic = _on(i)
                if sz is not None and info.size is None:
                    info.size = _int(sz.get(VAL)) or None
            based = st.find(_w("basedOn"))
            sid = based.get(VAL) if based is not None else None
        self._style_cache[style_id] = info
        return info

    def para_style(self, p: Element) -> tuple[_Style, Element | None]:
        ppr = p.find(PPR)
        ps = ppr.find(_w("pStyle")) if ppr is not None else None
        sid = ps.get(VAL) if ps is not None else self.default_style
        return self.style(sid), ppr

    # -- pages ----------------------------------------------------------------------------

    def page_break(self) -> None:
        # An explicit break and the rendered mark Word writes after it are one page start.
        if self.track_pages:
            self.break_pending = True

    def text_seen(self) -> int | None:
        if not self.track_pages:
            return None
        if self.break_pending:
            self.page += 1
            self.break_pending = False
        return self.page

    # -- paragraphs -----------------------------------------------------------------------

    def read_para(self, p: Element) -> _Para:
        para = _Para()
        ppr = p.find(PPR)
        if ppr is not None and (pb := ppr.find(_w("pageBreakBefore"))) is not None and _on(pb):
            self.page_break()
        self._inline(p, para)
        return para

    def _inline(self, el: Element, para: _Para) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == R:
                self._run(child, para)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, para)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, para)
            elif tag == ALT_CONTENT:
                self._alternate(child, para, self._inline)
            elif tag in (f"{{{_M}}}oMath", f"{{{_M}}}oMathPara"):
                text = "".join(t.text or "" for t in child.iter(f"{{{_M}}}t"))
                if text.strip():
                    para.runs.append((text, False, False))
            # w:del, w:moveFrom (deleted text), bookmarks, comments, proofing marks: no text.

    @staticmethod
    def _alternate(el: Element, para: _Para, walk: Callable[[Element, _Para], None]) -> None:
        # Word writes a shape twice (a modern choice and a VML fallback): read only one.
        choice = el.find(CHOICE)
        walk(choice if choice is not None else el.find(FALLBACK), para)

    def run_format(self, r: Element) -> tuple[bool, bool, int | None]:
        rpr = r.find(RPR)
        bold = italic = None
        size = None
        if rpr is not None:
            b, i, sz = rpr.find(_w("b")), rpr.find(_w("i")), rpr.find(_w("sz"))
            bold = _on(b) if b is not None else None
            italic = _on(i) if i is not None else None
            size = _int(sz.get(VAL)) or None if sz is not None else None
            rs = rpr.find(_w("rStyle"))
            if rs is not None and (bold is None or italic is None):
                char = self.style(rs.get(VAL))
                bold = char.bold if bold is None else bold
                italic = char.italic if italic is None else italic
                size = size or char.size
        return bool(bold), bool(italic), size

    def _run(self, r: Element, para: _Para) -> None:
        bold, italic, size = self.run_format(r)
        for child in r.iterchildren():
            tag = child.tag
            text = ""
            if tag == T:
                text = child.text or ""
            elif tag in (_w("tab"), _w("ptab")):
                text = "\t"
            elif tag == _w("br"):
                if child.get(_w("type")) == "page":
                    self.page_break()
                else:
                    text = "\n"
            elif tag == _w("cr"):
                text = "\n"
            elif tag == _w("noBreakHyphen"):
                text = "-"
            elif tag == _w("lastRenderedPageBreak"):
                self.page_break()
            elif tag in (_w("drawing"), _w("pict"), _w("object")):
                self._drawing(child, para)
            elif tag == ALT_CONTENT:
                self._alternate(child, para, self._drawing)
            # footnote/endnote/comment references, field codes, deleted text: not content.
            if text:
                if text.strip() and para.page is None:
                    para.page = self.text_seen()
                para.runs.append((text, bold, italic))
                if size and text.strip():
                    para.sizes.append(size)

    @staticmethod
    def _drawing(el: Element, para: _Para) -> None:
        if el is None:
            return
        for pr in el.iter(DOC_PR, "{urn:schemas-microsoft-com:vml}shape"):
            alt = " ".join(v for v in (pr.get("title"), pr.get("descr"), pr.get("alt"))
                           if v and v.strip())
            if alt:
                para.alt_texts.append(alt)
        for box in el.iter(TXBX):
            # A box inside another box is read with the outer box's paragraphs.
            outer = box.getparent()
            while outer is not None and outer is not el and outer.tag != TXBX:
                outer = outer.getparent()
            if outer is None or outer is el:
                para.boxes.append(box)

    # -- list items -----------------------------------------------------------------------

    def list_info(self, style: _Style, ppr: Element | None) -> tuple[int, str] | None:
        """``(level, marker)`` when the paragraph is a list item, else ``None``."""
        num = ppr.find(_w("numPr")) if ppr is not None else None
        num_id = style.num_id
        ilvl: int | None = None
        if num is not None:
            nid, lvl = num.find(_w("numId")), num.find(_w("ilvl"))
            if nid is not None:
                num_id = nid.get(VAL)
            if lvl is not None:
                ilvl = _int(lvl.get(VAL))
        if num_id == "0":  # numbering switched off for this paragraph
            return None
        if not style.list_kind and num_id is None:
            return None
        if ilvl is None:
            ilvl = (style.list_level - 1) if style.list_level else (style.ilvl or 0)
            style_level = style.list_level
        else:
            style_level = None
        level = (style_level or ilvl + 1)
        ilvl_for_marker = ilvl if style_level is None else (style.ilvl or 0)
        if num_id is None:
            marker = "1." if style.list_kind == "number" else "-"
        else:
            marker = self.numbering.marker(num_id, ilvl_for_marker, style.list_kind == "number")
        lvl = self.numbering.level(num_id, ilvl_for_marker) if num_id is not None else None
        self.item_left = _left(ppr) or (lvl.left if lvl is not None else 0)
        return max(1, min(level, 9)), marker

    def _description_level(self, style: _Style, ppr: Element | None) -> int | None:
        """The level of the item a paragraph right after a list item describes, when it is
        set as going on under it ("List Continue", or indented), else ``None``."""
        before = self.blocks[-1] if self.blocks else None
        if not self.list_open or before is None or before.level < 1 \
                or before.kind not in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH):
            return None
        if m := _CONTINUE_STYLE.match(style.name):
            return min(int(m.group(1) or 1), before.level)
        # Indented as far as the item's text (a quarter-character short is still there): a
        # paragraph indented less, as a document that indents all its text does, is not.
        left = _left(ppr)
        if left > 0 and left >= self.item_left - 60:
            return before.level
        return None

    def _typed_level(self, ppr: Element | None) -> int:
        """The nesting level of an item numbered by hand: each indent further in than the
        list's items before it is a level deeper (Word has no list level to say so)."""
        left = _left(ppr)
        if not self.list_open:
            self.typed_lefts = []
        while self.typed_lefts and left < self.typed_lefts[-1] - 60:
            self.typed_lefts.pop()
        if not self.typed_lefts or left > self.typed_lefts[-1] + 60:
            self.typed_lefts.append(left)
        self.item_left = left  # its text starts there (a hanging indent): its description too
        return len(self.typed_lefts)

    def _item_group(self) -> int:
        if not self.list_open:
            self.lists_seen += 1
            self.list_open = True
        return self.lists_seen

    # -- the walk -------------------------------------------------------------------------

    def walk(self, container: Element) -> None:
        for child in container.iterchildren():
            tag = child.tag
            if tag == P:
                self.paragraph(child)
            elif tag == TBL:
                self.table(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if _is_contents(child):
                    self._contents(content.iter(P) if content is not None else ())
                elif content is not None:
                    self.walk(content)
            elif tag in _BLOCK_CONTAINERS:
                self.walk(child)
            elif tag == ALT_CONTENT:
                choice = child.find(CHOICE)
                self.walk(choice if choice is not None else child.find(FALLBACK))

    def _contents(self, paragraphs: Iterable[Element]) -> None:
        """A Table of Contents (Word's field in its content control): headings and page
        numbers that repeat the document's own, kept as furniture."""
        for p in paragraphs:
            text = one_line("".join(_plain_text(p)))
            if text:
                self.furniture.append(Block(BlockKind.FURNITURE, text, role="navigation"))
        self.list_open = False

    def paragraph(self, p: Element) -> None:
        style, ppr = self.para_style(p)
        in_contents = self._fields(p)
        if in_contents and style.heading:
            in_contents = False
            self.fields.clear()  # a contents field never closed (a damaged file): not the rest
        if _TOC_STYLE.match(style.name) or in_contents:
            # An entry of a contents list outside its control: by its style, or inside a TOC
            # field typed with Word's plain styles (a contents list by hyperlinks and tabs).
            self._contents([p])
            return
        para = self.read_para(p)
        for alt in para.alt_texts:
            self.furniture.append(Block(BlockKind.FURNITURE, one_line(alt), page=para.page,
                                        role="caption"))
        plain = one_line("".join(t for t, _, _ in para.runs))
        if plain and (lines := _typed_lines(para, style, ppr)):
            self._typed_list(style, ppr, lines)
        elif plain:
            self._emit(style, ppr, para, plain)
        elif not style.list_kind and style.num_id is None and (
                ppr is None or ppr.find(_w("numPr")) is None):
            self.list_open = False  # an empty paragraph between bullets: two lists, as in text
        for box in para.boxes:
            self.walk(box)

    def _fields(self, p: Element) -> bool:
        """Follow the complex fields (``w:fldChar`` begin/separate/end, which may run over
        many paragraphs) through ``p``: whether any of it lies inside a contents field (TOC,
        an index or a table of figures), whose result repeats the document's headings."""
        inside = any(self.fields)
        for el in p.iter(_FLD_CHAR, _INSTR_TEXT):
            if el.tag == _FLD_CHAR:
                kind = el.get(_w("fldCharType"))
                if kind == "begin" and len(self.fields) < 64:
                    self.fields.append(False)
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif self.fields and _CONTENTS_FIELD.match(el.text or ""):
                self.fields[-1] = True
                inside = True
            if any(self.fields):
                inside = True
        return inside

    def _typed_list(self, style: _Style, ppr: Element | None, lines: list[_Para]) -> None:
        """A list typed into one paragraph's lines (:func:`_typed_lines`): each typed line an
        item, a level deeper for each tab before its marker; a line between items that has
        no marker is the item's description. The paragraph's end ends the list."""
        item: Block | None = None
        for line in lines:
            raw = "".join(t for t, _, _ in line.runs)
            text = one_line(raw)
            if item is not None and not _is_typed(text):
                self.blocks.append(Block(BlockKind.PARAGRAPH, one_line(mark_runs(line.runs)),
                                         page=line.page, level=item.level, group=self.lists_seen))
                continue
            count = len(self.blocks)
            self._emit(style, ppr, line, text)
            tabs = len(raw) - len(raw.lstrip("\t"))
            if len(self.blocks) > count and self.blocks[-1].kind is BlockKind.LIST_ITEM:
                item = self.blocks[-1]
                if tabs:
                    item = self.blocks[-1] = replace(item, level=item.level + tabs)
        self.list_open = False

    def _emit(self, style: _Style, ppr: Element | None, para: _Para, plain: str) -> None:
        direct_outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
        heading = style.heading
        if direct_outline is not None:
            value = _int(direct_outline.get(VAL), 9)
            heading = value + 1 if value < 6 else 0
        if style.name == "caption":
            self.furniture.append(Block(BlockKind.FURNITURE, plain, page=para.page, role="caption"))
            return
        if heading:
            self.uses_heading_styles = True
            text = one_line(mark_runs(para.runs))
            # A numbered heading ("1.2 Our priorities") shows its number, as Word does.
            numbered = self.list_info(style, ppr)
            if numbered is not None and numbered[1] != "-":
                text = f"{numbered[1]} {text}"
            self.blocks.append(Block(BlockKind.HEADING, text, page=para.page, level=heading))
            self.list_open = False
            return
        listed = self.list_info(style, ppr)
        text = one_line(mark_runs(para.runs))
        if listed is not None:
            level, marker = listed
            self.blocks.append(Block(BlockKind.LIST_ITEM, text, page=para.page, level=level,
                                     marker=marker, group=self._item_group()))
            return
        if m := _TYPED_BULLET.match(text):
            # A bullet typed by hand ("•<tab>Item") is a list item all the same.
            self.blocks.append(Block(BlockKind.LIST_ITEM, text[m.end():], page=para.page,
                                     level=self._typed_level(ppr), marker="-",
                                     group=self._item_group()))
            return
        if (typed := typed_item(text)) is not None and not bold_heading(para.runs):
            # A number typed by hand ("1.1<tab>", "a)<tab>", "(iv) ") as a text plan has it.
            self.blocks.append(Block(BlockKind.LIST_ITEM, typed[1], page=para.page,
                                     level=self._typed_level(ppr), marker=typed[0],
                                     group=self._item_group()))
            return
        if (level := self._description_level(style, ppr)) is not None:
            # The item's description: on the lines under it, in its list.
            self.blocks.append(Block(BlockKind.PARAGRAPH, text, page=para.page, level=level,
                                     group=self.lists_seen))
            return
        if style.name in ("", "normal", "body text", "no spacing") and bold_heading(para.runs):
            size = max(para.sizes, default=style.size or 0)
            self.bold_candidates.append((len(self.blocks), size))
        self.blocks.append(Block(BlockKind.PARAGRAPH, text, page=para.page))
        self.list_open = False

    # -- tables ---------------------------------------------------------------------------

    def table(self, tbl: Element) -> None:
        trs = [(tr, list(_cells(tr))) for tr in _rows(tbl)]
        if (len(trs) == 1 and trs[0][1]
                and not any(ln.strip() for tc in trs[0][1] for ln in self._cell_lines(tc, 0))):
            # One row of empty cells: a plan's line of bare pipes, whose count a reader needs.
            self.blocks.append(empty_table(sum(_span(tc) for tc in trs[0][1])))
            self.list_open = False
            return
        if trs and all(len(tcs) <= 1 and all(_span(tc) == 1 for tc in tcs) for _, tcs in trs):
            # One column: a box around text (a callout, a quote), read as that text.
            self._walk_cells(trs)
            return
        if any(True for _ in islice(tbl.iter(TBL), 1, 2)) or _layout_table(tbl, trs):
            # A table inside one of its cells: the outer table lays the page out (as a web
            # page's does), its cells read in order and the inner table read as a table. Or
            # a template's layout: each row a sub-heading (the left cell, bold) beside its
            # text. Read as the heading and text it lays out, not as a table of data.
            self._walk_cells(trs)
            self.list_open = False
            return
        self._table_page = None
        rows: list[tuple[str, ...]] = []
        spanned: list[bool] = []  # the first row's columns covered by a cell to their left
        for tr, tcs in trs:
            row: list[str] = []
            trpr = tr.find(TRPR)
            before = trpr.find(_w("gridBefore")) if trpr is not None else None
            if before is not None:
                row.extend([""] * max(min(_int(before.get(VAL)), 64), 0))
            for tc in tcs:
                tcpr = tc.find(TCPR)
                merge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                lines = list(self._cell_lines(tc, 0))
                # A cell merged with the one above it shows that cell's text: written once.
                continued = merge is not None and merge.get(VAL, "continue") != "restart"
                if not rows:
                    spanned.extend([False] * (len(row) - len(spanned)) + [False]
                                   + [True] * (_span(tc) - 1))
                row.append("" if continued else "\n".join(lines))
                row.extend([""] * (_span(tc) - 1))
            rows.append(tuple(row))
        if not any(c.strip() for row in rows for c in row):
            return
        rows = combined_header(rows, spanned) or rows
        self.blocks.append(Block(BlockKind.TABLE, table_text(rows), page=self._table_page,
                                 rows=tuple(rows), header=True))
        self.list_open = False

    def _walk_cells(self, trs: list[tuple[Element, list[Element]]]) -> None:
        for _, tcs in trs:
            for tc in tcs:
                self.walk(tc)

    def _cell_lines(self, container: Element, depth: int) -> Iterator[str]:
        for child in container.iterchildren():
            tag = child.tag
            if tag == P:
                style, ppr = self.para_style(child)
                para = self.read_para(child)
                if self._table_page is None:
                    self._table_page = para.page
                text = one_line(mark_runs(para.runs, italic=False))
                for alt in para.alt_texts:
                    self.furniture.append(Block(BlockKind.FURNITURE, one_line(alt),
                                                page=para.page, role="caption"))
                if text:
                    listed = self.list_info(style, ppr)
                    if listed is not None:
                        yield "  " * (listed[0] - 1) + "- " + text
                    elif m := _TYPED_BULLET.match(text):
                        yield "- " + text[m.end():]
                    else:
                        yield text
                for box in para.boxes:
                    yield from self._cell_lines(box, depth + 1)
            elif tag == TBL and depth < 8:
                # A table inside a cell: its cells' lines, in reading order.
                for tr in _rows(child):
                    for tc in _cells(tr):
                        yield from self._cell_lines(tc, depth + 1)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    yield from self._cell_lines(content, depth)
            elif tag in _BLOCK_CONTAINERS:
                yield from self._cell_lines(child, depth)

    # -- headers and footers --------------------------------------------------------------

    def headers_footers(self) -> None:
        seen: set[tuple[str, str]] = set()
        try:
            sections = list(self.document.sections)
        except Exception:  # noqa: BLE001 - furniture is never worth failing a plan for
            return
        for section in sections:
            for attr, role in (("header", "page-header"), ("first_page_header", "page-header"),
                               ("even_page_header", "page-header"), ("footer", "page-footer"),
                               ("first_page_footer", "page-footer"),
                               ("even_page_footer", "page-footer")):
                try:
                    part = getattr(section, attr)
                    if part.is_linked_to_previous:
                        continue
                    element = part._element
                except Exception:  # noqa: BLE001
                    continue
                for p in element.iter(P):
                    text = one_line("".join(_plain_text(p)))
                    if text and (role, text) not in seen:
                        seen.add((role, text))
                        self.furniture.append(Block(BlockKind.FURNITURE, text, role=role))

    def promote_bold_headings(self) -> None:
        """In a document with no heading styles, its short all-bold paragraphs are headings."""
        if self.uses_heading_styles or not self.bold_candidates:
            return
        # Bigger type is a higher level: the largest size used is level 1.
        sizes = sorted({size for _, size in self.bold_candidates}, reverse=True)
        for index, size in self.bold_candidates:
            block = self.blocks[index]
            self.blocks[index] = Block(BlockKind.HEADING, block.text.replace("**", "").strip(),
                                       page=block.page, level=min(sizes.index(size) + 1, 3))


_NO_BORDER = frozenset({"none", "nil"})
_PLAIN_TABLE_STYLES = frozenset({"tablenormal", "normaltable"})


def style_heading_level(name: str) -> int | None:
    """The heading level a style's (lower-cased) name gives, else ``None``: Word's
    ``heading 1``..``heading 9`` (7-9 read as 6), ``Title``; the same names as a Welsh, French,
    German, Dutch, Spanish or Italian Word writes them into files that other programs saved;
    a house style named as a heading ("Plan Heading 2", "Sub-heading"; not "Subtitle", a
    cover's line under the title)."""
    if m := _HEADING_STYLE.match(name):
        return min(int(m.group(1)), 6)
    if name in ("title", "toc heading"):
        return 1
    if m := _LOCAL_HEADING.match(name):
        return min(int(m.group(1)), 6)
    if name in _LOCAL_TITLE:
        return 1
    if _NOT_HEADING_STYLE.search(name):
        return None
    if m := _HOUSE_HEADING.search(name):
        if m.group(2):
            return min(int(m.group(2)), 6)
        return 2 if m.group(1) else 1
    return None


def _typed_lines(para: _Para, style: _Style, ppr: Element | None) -> list[_Para]:
    """A list typed line by line into one paragraph with manual line breaks (Shift+Enter:
    "•<tab>Plant trees<br/>•<tab>Build homes", what accessibility guidance asks authors not to
    do), as one paragraph per line: every line a typed item, or a lead-in line over two typed
    items or more. Any other paragraph with breaks stays one paragraph (an address, a poem)."""
    if style.heading or style.list_kind or style.num_id is not None or (
            ppr is not None and ppr.find(_w("numPr")) is not None):
        return []
    if not any("\n" in t for t, _, _ in para.runs):
        return []
    lines = [_Para(page=para.page)]
    for text, bold, italic in para.runs:
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append(_Para(page=para.page))
            if part:
                lines[-1].runs.append((part, bold, italic))
    lines = [ln for ln in lines if "".join(t for t, _, _ in ln.runs).strip()]
    typed = [_is_typed(one_line("".join(t for t, _, _ in ln.runs))) for ln in lines]
    first = typed.index(True) if True in typed else len(typed)
    # A lead-in line may stand over the items; lines between items are their descriptions.
    if first <= 1 and sum(typed) >= 2 and (typed[-1] or sum(typed) >= 3):
        return lines
    return []


def _is_typed(text: str) -> bool:
    """Whether a line starts with a bullet or a number typed by hand."""
    return _TYPED_BULLET.match(text) is not None or typed_item(text) is not None


def _borderless(tbl: Element) -> bool:
    """Whether a table draws no line: no table style but Word's plain one, and no border
    given on the table or its cells."""
    pr = tbl.find(_w("tblPr"))
    if pr is not None:
        style = pr.find(_w("tblStyle"))
        if style is not None and (style.get(VAL) or "").lower() not in _PLAIN_TABLE_STYLES:
            return False
    for borders in [*tbl.iter(_w("tblBorders")), *tbl.iter(_w("tcBorders"))]:
        if any((side.get(VAL) or "none") not in _NO_BORDER for side in borders):
            return False
    return True


def _bold_line(tc: Element) -> bool:
    """Whether a cell holds one short paragraph, every run of it bold."""
    paragraphs = [p for p in tc.iter(P) if "".join(_plain_text(p)).strip()]
    if len(paragraphs) != 1:
        return False
    text = "".join(_plain_text(paragraphs[0])).strip()
    runs = [r for r in paragraphs[0].iter(R) if "".join(t.text or "" for t in r.iter(T)).strip()]
    return 0 < len(text.split()) <= 12 and bool(runs) and all(
        (rpr := r.find(RPR)) is not None and (b := rpr.find(_w("b"))) is not None and _on(b)
        for r in runs)


def _layout_table(tbl: Element, trs: list[tuple[Element, list[Element]]]) -> bool:
    """A table that only lays text out: no lines, two cells a row, each row's left cell a
    short bold line (a sub-heading) and its right cell the text under it."""
    if not trs or not _borderless(tbl):
        return False
    for _, tcs in trs:
        if len(tcs) != 2 or any(_span(tc) != 1 for tc in tcs) or not _bold_line(tcs[0]):
            return False
        if not any("".join(_plain_text(p)).strip() for p in tcs[1].iter(P)):
            return False
    return True


def _is_contents(sdt: Element) -> bool:
    """Whether a content control is Word's Table of Contents (its building-block gallery)."""
    pr = sdt.find(_w("sdtPr"))
    gallery = pr.find(f"{_w('docPartObj')}/{_w('docPartGallery')}") if pr is not None else None
    return gallery is not None and "contents" in str(gallery.get(VAL) or "").lower()


def _left(ppr: Element | None) -> int:
    """A paragraph's (or list level's) left indent in twips, 0 when it sets none."""
    ind = ppr.find(_w("ind")) if ppr is not None else None
    if ind is None:
        return 0
    return max(_int(ind.get(_w("left"))), _int(ind.get(_w("start"))))


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def _rows(tbl: Element) -> Iterator[Element]:
    for child in tbl.iterchildren():
        if child.tag == TR:
            yield child
        elif child.tag == SDT or child.tag in _BLOCK_CONTAINERS:
            inner = child.find(SDT_CONTENT) if child.tag == SDT else child
            if inner is not None:
                yield from _rows(inner)


def _cells(tr: Element) -> Iterator[Element]:
    for child in tr.iterchildren():
        if child.tag == TC:
            yield child
        elif child.tag == SDT or child.tag in _BLOCK_CONTAINERS:
            inner = child.find(SDT_CONTENT) if child.tag == SDT else child
            if inner is not None:
                yield from _cells(inner)


def _span(tc: Element | None) -> int:
    if tc is None:
        return 1
    tcpr = tc.find(TCPR)
    span = tcpr.find(_w("gridSpan")) if tcpr is not None else None
    return max(1, min(_int(span.get(VAL), 1), 64)) if span is not None else 1


def _plain_text(p: Element) -> Iterator[str]:
    """A header or footer paragraph's text (field results such as page numbers included)."""
    for el in p.iter(T, _w("tab"), _w("br")):
        if any(a.tag in (_w("del"), FALLBACK) for a in el.iterancestors()):
            continue
        yield el.text or "" if el.tag == T else " "


def _check_package(data: bytes, where: str) -> None:
    """Refuse what is not a Word package before python-docx sees it, with a one-line reason."""
    if data.startswith(_OLE):
        raise LoaderError("not a .docx: an old-format Word .doc or a password-protected document "
                          "(save it as .docx or PDF)", file=where)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise LoaderError(f"damaged Word file: not a readable zip package ({exc})",
                          file=where) from exc
    names = {i.filename for i in infos}
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise LoaderError("damaged Word file: the zip holds no word/document.xml", file=where)
    unpacked = sum(i.file_size for i in infos)
    if unpacked > _MAX_UNPACKED:
        raise LoaderError(f"Word file unpacks to {unpacked} bytes; refused as not a plan",
                          file=where)


def read_docx(data: bytes, name: str, path: str | None) -> Document:
    """A Word plan: blocks from its body, furniture from its headers, footers and captions.

    Raises :class:`LoaderError` (one line, naming the file) for a file that is not a readable
    .docx: not a zip, a zip without a Word document, an old .doc, or damaged XML.
    """
    where = path or name
    _check_package(data, where)
    import docx  # python-docx: only a build that reads Word files pays for importing it

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on damaged files
        reason = " ".join(str(exc).split()) or type(exc).__name__
        if m := re.search(r"content type is '([^']+)'", reason):
            raise LoaderError(f"not a Word document: the package holds {m.group(1)} "
                              f"(stratgraph reads .docx Word documents)", file=where) from exc
        if isinstance(exc, KeyError) and "document.xml" in reason:
            reason = "the zip holds no word/document.xml"
        raise LoaderError(f"damaged Word file: {reason[:200]}", file=where) from exc
    track = body.find(f".//{_w('lastRenderedPageBreak')}") is not None
    reader = _Reader(document, track)
    try:
        reader.walk(body)
    except RecursionError as exc:
        raise LoaderError("Word file nested too deeply to read (tables or text boxes inside "
                          "one another hundreds deep)", file=where) from exc
    reader.promote_bold_headings()
    reader.headers_footers()
    if not reader.blocks:
        raise LoaderError("empty Word document: no text to read (only pictures, or nothing)",
                          file=where)
    return assemble(name, reader.blocks, path=path, format="docx", furniture=reader.furniture,
                    page_count=reader.page if track else None)
