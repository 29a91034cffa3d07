"""PDF: words with their fonts and places, to headings, paragraphs, lists and tables.

A PDF holds no paragraphs, only glyphs at positions. The reader rebuilds the structure a
person sees, one page at a time (a page is open only while its words and ruling are read):

1. **Words.** pypdfium2 (the PDF engine pdfplumber is built on) gives the page's text, with
   words already parted by spaces, real or inferred from gaps, and lines by line breaks; each
   word's box, size, weight and slant come from its first and last letter. pdfminer's parse,
   which pdfplumber's words and chars need, is ten times slower (STYLE.md's timings).
2. **Tables.** A page whose drawing has ruling (straight strokes and box sides, read from
   pdfium's path objects, forms included, at three or more heights and three or more x
   positions) has that ruling handed to pdfplumber's table finder (its ``explicit``
   strategy), which finds the cells; their words come from step 1. A one-column "table", or a
   lone row of two cells, is a bordered box and is read as text; a first row merged across the
   table (a section title in a spreadsheet export) is read as text above it; a grid drawn just
   below another with the same columns and nothing between (a totals row set apart) joins it.
   A cell keeps its paragraphs (set further apart than its wrapped lines, or ended short) and
   its bulleted items, nested by indentation, in the model's cell convention. A table drawn
   with no vertical line (cells as text boxes of their own, as Excel and PowerPoint export
   them, or ruled only under its rows) is found from its words (``_text_tables``): column
   edges where three rows start a word and no word crosses, rows parted by rules or by more
   space than a cell's lines have, each row's cells starting level. A small filled shape
   level with a line's first word, just left of it, is that line's bullet (a browser prints
   a list's disc so).
3. **Rows and segments.** Words on one visual row form the row; a row splits into segments at
   gaps wider than 1.5 em.
4. **Furniture** (once every page is read). A contents page's entries (a title run on a
   leader of dots to a page number, the "Contents" title over them) are navigation. A segment in the top or bottom tenth of a page, in
   type no larger than the body's, is a running header or footer when the same text (digits
   aside, so "Page 3 of 9" matches "Page 4 of 9") stands at the same height on at least 40%
   of the pages; a lone page number there ("12", "Page 3", "- 4 -") is furniture on any page.
   Furniture is kept in ``Document.furniture`` with its role, never in the text.
5. **Columns.** A vertical band clear of text, with a column on each side (a quarter of the
   width at least, level with the other), is a gutter: the left column is read before the
   right. A band a few lines cross also counts when both sides hold much of the text; a
   segment across it (a title over both columns) ends the columns above it.
6. **Paragraphs.** A column's rows become lines; consecutive lines are one paragraph unless
   there is extra space between them, the type changes, the next line starts with a bullet or
   number, or the line ended although the next line's first word would have fitted (so a line
   ending mid-sentence continues, and a short last line ends its paragraph). Hyphenation: a
   line ending in a hyphen after a letter joins the next line without a space, *keeping* the
   hyphen ("co-\\nproduction", "take-\\nup": council documents hyphenate compounds more
   often than syllables), except that a soft hyphen (U+00AD) is dropped, and so is a hyphen
   the document's own words say split one word: the joined word stands elsewhere in it (and
   the hyphenated one does not), the second part is a bare suffix ("develop-\\nment"), the
   joined word is in an English word list and the first part no prefix set with a hyphen
   ("deliv-\\nery", "out-\\ncomes", but "co-\\nordinate"; ``word_list``), or, in a
   document that shows syllable hyphenation so, neither part is a word of it nor the first a
   prefix set with a hyphen ("sustaina-\\nbility"; ``_split_word``). A lone word
   that fills its line to the edge (a path or address the layout broke) joins the next line
   without a space. Inside a line, "co -produced" and
   "non- operational" close up.
7. **Headings and lists** (against the body size: the most common size of the running text).
   A short paragraph is a heading when its type is 25% larger than the body, or 10% larger
   and bold, or set wholly in a colour other than the body's (a designed plan's house style:
   not bold, not ending a sentence or in a figure); or when it is a numbered line of bold body text ("1. Introduction") at its
   column's edge with space below it, not ending like a label (":"). An unnumbered bold line
   at body size stays a paragraph in bold: a name, a label, a strapline are bold as often as
   a heading is. Levels follow size rank, larger first; bold numbered headings come next. A
   paragraph that starts with a bullet ("•", "▪", "-", a Wingdings bullet, Word's Courier "o")
   or a number or letter ("1.", "a)", "(iv)") is a list item, unless the number is bold and
   opens a bold lead-in ("**2. Healthy lives:** People ..."); nesting comes from the marker's
   indentation, and a wider gap than between the items starts a new list (``Block.group``).
8. **Across breaks.** A paragraph that ends a column or page without closing its sentence
   joins the paragraph that starts the next, when that starts in lower case or the first one's
   last line runs to the column's edge (the break, not the writer, ended it). A table that
   ends a page and a table with the same columns that starts the next are one table; a header
   row the second repeats is dropped. A joined block keeps its first page as ``page``.

Inline marks, as the converted plans write them: bold runs in ``**``, italic ones in ``*``
(bold and italic: bold), in paragraphs and list items; table cells mark bold only, and not in
a header row or a cell holding only a figure, where the bold is the table's typography ("Net
Cost" bold in every row), not emphasis. Headings carry no marks.
"""

from __future__ import annotations

import ctypes
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field

from stratgraph.errors import LoaderError
from stratgraph.loaders.read.furniture import is_page_number
from stratgraph.loaders.read.grouped_header import combined_header
from stratgraph.loaders.read.model import Block, BlockKind, Document
from stratgraph.loaders.read.render import assemble, table_text
from stratgraph.loaders.read.word_list import is_common, is_word

__all__ = ["read_pdf"]

_SCANNED = "no text layer: this looks like a scanned PDF; run OCR (e.g. ocrmypdf) first"

# Ligatures and private-use bullet glyphs (Symbol and Wingdings fonts) to plain characters.
_TRANSLATE = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "◆", "\uf0fc": "✓", "\uf0a8": "▪",
    "\uf06e": "■", "\uf071": "❑", "\uf0d9": "►", "\uf0e8": "➔", "\uf02d": "-", "\uf0be": "—",
    # pdfium reports a hyphen it takes for a line-end hyphenation as U+0002 / U+FFFE.
    "\x02": "-", "\ufffe": "-",
})
# A word: a run of characters between spaces and line breaks (pdfium's, real or inferred).
# pdfium joins a word hyphenated across lines into one run with U+0002 (or U+FFFE) for the
# hyphen; that ends the word's first part here, so the hyphenation rule below decides.
_WORD = re.compile(r"[^\s\x00\u200b\ufeff\x02\ufffe]+[\x02\ufffe]?|[\x02\ufffe]")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|extrabold|w[6-9]\b", re.IGNORECASE)
_ITALIC_FONT = re.compile(r"italic|oblique|slanted|kursiv", re.IGNORECASE)
_BULLETS = frozenset("•·▪◦●○■□♦◆►▶➢✓✔❑➔-–—*+")
# "a." too: a browser or Word prints a lettered list's "a)" as "a." in a PDF, and a roman
# one's "(ii)" as "ii." (a one-letter "i." or "v." is a letter's already).
_NUMBERED = re.compile(r"^(?:\(?[ivx]{1,4}\)|[ivx]{2,4}\.|\(?[a-z]\)|[a-z]\.|\d{1,2}[.)])$")
_SENTENCE_END = ".!?:;"
# A section number opening a heading: "5", "2.3", "10.".
_SECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?$")
# Endings that are never words of their own: after a line-end hyphen they mean the hyphen
# split one word ("develop-ment"), where anything else is a compound ("co-production").
_SUFFIX = re.compile(
    r"^(?:tion|tions|sion|sions|ment|ments|ness|ity|ities|ing|ings|ance|ances|ence|ences|"
    r"ally|ably|ibly|ised|ized|ises|izes|ising|izing|isation|ization|ful|less|ous|ive|ives|"
    r"ed|er|ers|ly|al|able|ible|ure|ures|ist|ists|ism|ship|hood)\b[.,;:!?)]*$"
)
_SUSPENDED = frozenset({"and", "or", "to", "nor", "&"})
_ENDS_LOWER = re.compile(r"[a-z]$")
_HYPHEN_LOWER = re.compile(r"-[a-z]")
_ENDS_HYPHEN = re.compile(r"[A-Za-z]{2}-$")
# The words of the PDF being read (lower case, punctuation trimmed), save those a line-end
# hyphen split, and the splits: what a hyphen at a line's end joins is judged by how the
# document spells the word elsewhere. A layout program that hyphenates breaks words by
# syllable ("com-munity"); one that does not (Word's default) breaks only compounds
# ("co-production"), and a document shows which by words it splits and spells whole.


@dataclass(slots=True)
class _Vocabulary:
    words: set[str] = field(default_factory=set)
    splits: list[tuple[str, str]] = field(default_factory=list)

    def syllables(self) -> bool:
        """Whether the document breaks words by syllable: two of its line-end splits, or
        one in three, join into a word it spells whole elsewhere or end in a bare suffix
        ("develop-ment"). (Not kept: a table's cells are read while the pages after it
        are not yet.)"""
        whole = sum(1 for a, b in self.splits if f"{a}-{b}" not in self.words
                    and (a + b in self.words or _SUFFIX.match(b) or _listed_split(a, b)))
        return whole >= 2 or whole * 3 >= len(self.splits) > 0


_VOCABULARY: ContextVar[_Vocabulary | None] = ContextVar("pdf_vocabulary", default=None)
# Prefixes set with a hyphen whose compounds' second part may occur nowhere else in a plan.
_HYPHEN_PREFIXES = frozenset({
    "co", "non", "self", "cross", "multi", "pre", "post", "anti", "inter", "well", "long",
    "short", "high", "low", "part", "full", "semi", "sub", "over", "under", "mid", "ex", "e",
})
_CORE = re.compile(r"^[^\w]+|(?:['’]s)?[^\w]+$|['’]s$")


# --------------------------------------------------------------------------------------------
# Records


@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    #: True when every letter and digit is bold; None when the word has neither (punctuation).
    bold: bool | None
    font: str = ""
    #: True when every letter and digit is italic (or oblique).
    italic: bool = False
    #: True when the word fills its line and was broken there by the layout, not at a space
    #: (a long path or address): it joins the next line's first word without a space.
    glue: bool = False
    #: Its fill colour as 0xRRGGBB (a designed plan's headings differ from the body by it).
    colour: int = 0


@dataclass(slots=True)
class _Seg:
    """Words on one visual row with no wide gap between them."""

    words: list[_Word]
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(slots=True)
class _Table:
    rows: list[list[str]]
    bbox: tuple[float, float, float, float]
    cols: list[float]
    header: bool


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    segs: list[_Seg]
    tables: list[_Table]
    chars: int


@dataclass(slots=True)
class _Para:
    """A paragraph candidate; its kind is settled once the body size is known."""

    lines: list[list[_Word]]
    page: int
    x0: float = 0.0
    marker: str = ""
    #: The word the marker was, kept to put a number back (a numbered heading's "1.").
    marker_word: _Word | None = None
    top: float = 0.0
    bottom: float = 0.0
    #: How far right of its column's left edge the paragraph starts.
    indent: float = 0.0
    #: Space below it before the next text of its column (None when it ends the column).
    space_below: float | None = None
    #: Whether its last line runs (nearly) to its column's right edge (the widest line's).
    full: bool = False
    #: The room left at its last line's end, to its text block's right edge.
    room: float = math.inf
    level: int = 1
    opens: bool = False  # first text of its column or page
    closes: bool = False  # last text of its column or page
    kind: BlockKind = BlockKind.PARAGRAPH
    table: _Table | None = None
    heading_level: int = 0
    group: int = 0
    extra: list[_Table] = field(default_factory=list)
    #: A paragraph set under a list item's text: the item's description.
    describes: bool = False

    def unmark(self) -> None:
        """Put the marker back into the text: the paragraph is not a list item."""
        if self.marker_word is not None:
            self.lines[0].insert(0, self.marker_word)
        self.marker, self.marker_word = "", None

    @property
    def size(self) -> float:
        """The size most of its characters are set in."""
        sizes: Counter[float] = Counter()
        for line in self.lines:
            for w in line:
                sizes[w.size] += len(w.text)
        return sizes.most_common(1)[0][0] if sizes else 0.0

    @property
    def colour(self) -> int | None:
        """The colour all its letters are set in, or None when they differ."""
        colours = {w.colour for line in self.lines for w in line if any(c.isalpha() for c in w.text)}
        return colours.pop() if len(colours) == 1 else None

    @property
    def bold(self) -> bool:
        """Whether all its words (punctuation aside) are bold."""
        flags = [w.bold for line in self.lines for w in line if w.bold is not None]
        return bool(flags) and all(flags)


# --------------------------------------------------------------------------------------------
# Step 1: words from pdfium


def _is_bold(name: str, weight: int, flags: int) -> bool:
    return weight >= 600 or bool(flags & (1 << 18)) or bool(_BOLD_FONT.search(name))


_Place = Callable[[float, float, float, float], tuple[float, float, float, float]]


def _placement(page) -> tuple[_Place, float, float]:
    """Map pdfium's unrotated user space to the page as displayed, top-down; and its size.

    Returns ``place(x0, y0, x1, y1) -> (left, right, top, bottom)`` and the displayed width
    and height.
    """
    left, bottom, right, top = page.get_mediabox()
    rotation = page.get_rotation() % 360
    width, height = right - left, top - bottom

    def place(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        ux0, ux1 = min(x0, x1) - left, max(x0, x1) - left
        ut0, ut1 = top - max(y0, y1), top - min(y0, y1)
        if rotation == 90:
            return height - ut1, height - ut0, ux0, ux1
        if rotation == 180:
            return width - ux1, width - ux0, height - ut1, height - ut0
        if rotation == 270:
            return ut0, ut1, width - ux1, width - ux0
        return ux0, ux1, ut0, ut1

    def upright(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        if x0 > x1:
            x0, x1 = x1, x0
        if y0 > y1:
            y0, y1 = y1, y0
        return x0 - left, x1 - left, top - y1, top - y0

    if rotation in (90, 270):
        return place, height, width
    return (upright if rotation == 0 else place), width, height


def _address_of_text_object(R):
    """``FPDFText_GetTextObject`` returning the object's address as an int.

    The same foreign function, with a plain-integer result: pypdfium2's typed pointer would
    need a ``ctypes.cast`` per word to be compared or used as a key, the reader's hottest cost.
    """
    fn = R.FPDFText_GetTextObject
    plain = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
    plain.argtypes = fn.argtypes
    plain.restype = ctypes.c_void_p
    return plain


def _page_words(page, R, place: _Place, width: float, height: float) -> tuple[list[_Word], int]:
    """The page's words in content order, and how many visible characters it has.

    pdfium's text already separates words with spaces, real or inferred from gaps, and lines
    with line breaks; so boxes and fonts are asked for per word (its first and last
    character), not per character, which keeps the reader near pdfium's own text speed.
    """
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = R.FPDFText_CountChars(tp)
        if n <= 0:
            return [], 0
        buf = ctypes.create_string_buffer((n + 1) * 2)
        got = R.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
        text = buf.raw[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
        if len(text) != n:  # characters outside the BMP: ask one by one
            text = "".join(chr(R.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
        fonts: dict[int, tuple[float, bool, str, bool, int]] = {}
        rect = R.FS_RECTF()
        matrix = R.FS_MATRIX()
        fsize = ctypes.c_float()
        namebuf = ctypes.create_string_buffer(128)
        get_obj, get_box = _address_of_text_object(R), R.FPDFText_GetLooseCharBox
        obj_type = R.FPDF_PAGEOBJECT

        def font(i: int) -> tuple[float, bool, str, bool, int] | None:
            key = get_obj(tp, i)
            if not key:
                return None
            info = fonts.get(key)
            if info is None:
                obj = ctypes.cast(key, obj_type)
                info = fonts[key] = _font_info(R, obj, matrix, fsize, namebuf)
            return info

        words: list[_Word] = []
        append = words.append
        visible = 0
        left = right = top = bottom = 0.0
        for m in _WORD.finditer(text):
            i, j = m.start(), m.end() - 1
            chars = m.group()
            first = font(i)
            last = first if i == j else font(j)
            if first is None or last is None:  # generated by pdfium, not on the page
                continue
            if not get_box(tp, i, rect):
                continue
            l0, b0, r0, t0 = rect.left, rect.bottom, rect.right, rect.top
            if i != j:
                if not get_box(tp, j, rect):
                    continue
                l0, r0 = min(l0, rect.left), max(r0, rect.right)
                b0, t0 = min(b0, rect.bottom), max(t0, rect.top)
            visible += len(chars)
            left, right, top, bottom = place(l0, b0, r0, t0)
            if not (-1 < (left + right) / 2 < width + 1 and -1 < (top + bottom) / 2 < height + 1):
                continue  # outside the page (clipped away)
            size = first[0]
            h = bottom - top
            if h > 0.5 and not 0.5 * size < h < 3 * size:
                size = h / 1.2  # a size pdfium could not scale: trust the box
            # Bold when its letters are: the first and last letter's fonts decide.
            if chars.isalnum():
                bold: bool | None = first[1] and last[1]
                italic = first[3] and last[3]
            else:
                ia = next((k for k in range(i, j + 1) if text[k].isalnum()), -1)
                if ia < 0:
                    bold, italic = None, False
                else:
                    ib = next(k for k in range(j, i - 1, -1) if text[k].isalnum())
                    fa = first if ia == i else font(ia)
                    fb = last if ib == j else font(ib)
                    bold = bool(fa and fa[1]) and bool(fb and fb[1])
                    italic = bool(fa and fa[3]) and bool(fb and fb[3])
            append(_Word(chars.translate(_TRANSLATE), left, right, top, bottom,
                         round(size * 2) / 2, bold, first[2], italic, False, first[4]))
        return words, visible
    finally:
        textpage.close()


def _font_info(R, obj, matrix, fsize, namebuf) -> tuple[float, bool, str, bool, int]:
    size = 0.0
    if R.FPDFTextObj_GetFontSize(obj, fsize) and R.FPDFPageObj_GetMatrix(obj, matrix):
        size = fsize.value * math.hypot(matrix.c, matrix.d)
    font = R.FPDFTextObj_GetFont(obj)
    name, weight, flags, angle = "", -1, 0, 0
    if font:
        length = R.FPDFFont_GetBaseFontName(font, namebuf, len(namebuf))
        if 0 < length <= len(namebuf):
            name = namebuf.value.decode("latin-1", errors="replace")
        weight = R.FPDFFont_GetWeight(font)
        flags = R.FPDFFont_GetFlags(font)
        slant = ctypes.c_int()
        if R.FPDFFont_GetItalicAngle(font, slant):
            angle = slant.value
    # Italic: the font says so (its name, its italic flag or a slanted angle).
    italic = bool(_ITALIC_FONT.search(name)) or bool(flags & (1 << 6)) or angle != 0
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    colour = 0
    if R.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        colour = (r.value & 255) << 16 | (g.value & 255) << 8 | (b.value & 255)
    return (size if 0.5 < size < 2000 else 10.0), _is_bold(name, weight, flags), name, italic, colour


# --------------------------------------------------------------------------------------------
# Step 2: ruling and tables

_Matrix = tuple[float, float, float, float, float, float]


def _times(m: _Matrix, n: _Matrix) -> _Matrix:
    """``m`` then ``n``: the matrix of an object ``m`` inside a form placed by ``n``."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _ruling(page, R, place: _Place,
            dots: list[tuple[float, float, float, float]] | None = None) -> tuple[list[dict], list[dict]]:
    """The page's horizontal and vertical straight strokes and box sides, as table edges.

    Read from pdfium's path objects (inside forms too), in the page's top-down coordinates,
    as pdfplumber would derive them from its lines, rectangles and curves. With ``dots``, the
    boxes (x0, top, x1, bottom) of small filled shapes about as wide as they are tall are
    added to it: a browser prints a list's disc or square bullet as such a shape, not a glyph.
    """
    h: list[dict] = []
    v: list[dict] = []
    matrix = R.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()

    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    shade = [False]  # whether the path being read is a filled area not stroked (shading)

    def edge(p0: tuple[float, float], p1: tuple[float, float]) -> None:
        x0, x1, top, bottom = place(p0[0], p0[1], p1[0], p1[1])
        if bottom - top < 1 and x1 - x0 > 3:
            mid = (top + bottom) / 2
            h.append({"object_type": "line_edge", "orientation": "h", "x0": x0, "x1": x1,
                      "top": mid, "bottom": mid, "width": x1 - x0, "height": 0,
                      "shade": shade[0]})
        elif x1 - x0 < 1 and bottom - top > 3:
            mid = (x0 + x1) / 2
            v.append({"object_type": "line_edge", "orientation": "v", "x0": mid, "x1": mid,
                      "top": top, "bottom": bottom, "width": 0, "height": bottom - top,
                      "shade": shade[0]})

    def walk(count: int, get, outer: _Matrix | None, depth: int) -> None:
        for i in range(count):
            obj = get(i)
            if not obj:
                continue
            kind = R.FPDFPageObj_GetType(obj)
            if kind not in (R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_FORM):
                continue
            if not R.FPDFPageObj_GetMatrix(obj, matrix):
                continue
            m: _Matrix = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            if outer is not None:
                m = _times(m, outer)
            if kind == R.FPDF_PAGEOBJ_FORM:
                if depth < 4:
                    walk(R.FPDFFormObj_CountObjects(obj),
                         lambda j, o=obj: R.FPDFFormObj_GetObject(o, j), m, depth + 1)
                continue
            a, b, c, d, e, f = m
            shade[0] = bool(R.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
                            and fill_mode.value and not stroke.value)
            start = prev = None
            first_h, first_v = len(h), len(v)
            count = min(R.FPDFPath_CountSegments(obj), 20000)
            points: list[tuple[float, float]] = []
            for k in range(count):
                seg = R.FPDFPath_GetPathSegment(obj, k)
                if not seg or not R.FPDFPathSegment_GetPoint(seg, x, y):
                    continue
                pt = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
                if dots is not None and count <= 64:
                    points.append(pt)
                step = R.FPDFPathSegment_GetType(seg)
                if step == R.FPDF_SEGMENT_MOVETO:
                    start = pt
                elif step == R.FPDF_SEGMENT_LINETO and prev is not None:
                    edge(prev, pt)
                if R.FPDFPathSegment_GetClose(seg) and start is not None and pt != start:
                    edge(pt, start)
                prev = pt
            if shade[0] and (len(h) == first_h) != (len(v) == first_v):
                # A filled bar, edges one way only: a border Chromium paints as a thin filled
                # rectangle, a line for a box's sides, unlike a filled area (edges both ways).
                for e in (*h[first_h:], *v[first_v:]):
                    e["bar"] = True
            if points and (fill_mode.value or stroke.value):
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                box = place(min(xs), min(ys), max(xs), max(ys))
                w, t = box[1] - box[0], box[3] - box[2]
                if 1.2 <= w <= 9 and 1.2 <= t <= 9 and 0.6 <= w / t <= 1.6:
                    dots.append((box[0], box[2], box[1], box[3]))  # type: ignore[union-attr]

    raw = page.raw
    walk(R.FPDFPage_CountObjects(raw), lambda i: R.FPDFPage_GetObject(raw, i), None, 0)
    return h, v


def _banded(h: list[dict], v: list[dict], words: list[_Word]) -> tuple[list[dict], list[dict]]:
    """The ruling of a table drawn only by shading its cells (a designed plan's table: a
    coloured header row, every other row banded, no lines): each column's edge is drawn only
    where a shaded cell is, so it is carried down through the rows between shaded ones, and
    a last unshaded row (no shading below it) ends where its text does."""
    shaded_v = [e for e in v if e.get("shade")]
    shaded_h = [e for e in h if e.get("shade")]
    if len(shaded_v) < 4 or len({round(e["top"]) for e in shaded_h}) < 3:
        return h, v
    # Lines drawn over the shading (a Word or Excel table's borders) are its ruling already.
    x0, x1 = min(e["x0"] for e in shaded_v), max(e["x0"] for e in shaded_v)
    top, bottom = min(e["top"] for e in shaded_v), max(e["bottom"] for e in shaded_v)
    if any(not e.get("shade") and e["x1"] > x0 and e["x0"] < x1 and e["bottom"] > top
           and e["top"] < bottom for e in h + v):
        return h, v
    # Shaded rows: the x positions of the cell edges each band of shading has.
    rows: dict[tuple[int, int], set[int]] = {}
    for e in shaded_v:
        rows.setdefault((round(e["top"]), round(e["bottom"])), set()).add(round(e["x0"]))
    heights = {round(e["top"]) for e in shaded_h}
    added_v: list[dict] = []
    added_h: list[dict] = []
    ordered_rows = sorted(rows.items())
    last: tuple[int, set[int]] | None = None  # the bottom and columns of a banded table's last shaded row
    for ((top0, bottom0), xs0), ((top1, bottom1), xs1) in zip(ordered_rows, ordered_rows[1:]):
        if last is not None and xs0 == last[1] and bottom0 == last[0] and xs1 == xs0 \
                and 0 <= top1 - bottom0 <= 3 * (bottom1 - top1):
            last = (bottom1, xs1)  # a shaded row further down the same table
        gap = top1 - bottom0
        # An unshaded row between two shaded ones with the same columns: bounded by the
        # shading's edges, no taller than a few rows.
        if (xs0 == xs1 and len(xs0) >= 3 and 0 < gap <= 3 * max(bottom0 - top0, bottom1 - top1)
                and bottom0 in heights and top1 in heights):
            added_v += [{"object_type": "line_edge", "orientation": "v", "x0": float(x),
                         "x1": float(x), "top": float(bottom0), "bottom": float(top1), "width": 0,
                         "height": float(gap), "shade": True} for x in xs0]
            last = (bottom1, xs1)
    if last is None:
        return h, v
    # The last row: below the table's lowest shading, text that follows on as a row's
    # lines do (a row's text starts within its padding; the next paragraph further down).
    bottom, xs = float(last[0]), sorted(last[1])
    left, right = float(xs[0]), float(xs[-1])
    if right - left > 20:
        end = bottom
        for w in sorted((w for w in words if left <= (w.x0 + w.x1) / 2 <= right and w.top >= bottom - 1),
                        key=lambda w: w.top):
            if w.top - end > 0.7 * w.size:
                break
            end = max(end, w.bottom)
        if end > bottom + 2:
            end += 1
            added_h.append({"object_type": "line_edge", "orientation": "h", "x0": left, "x1": right,
                            "top": end, "bottom": end, "width": right - left, "height": 0,
                            "shade": True})
            added_v += [{"object_type": "line_edge", "orientation": "v", "x0": float(x),
                         "x1": float(x), "top": bottom, "bottom": end, "width": 0,
                         "height": end - bottom, "shade": True} for x in xs]
    return h + added_h, v + added_v


def _drawn_bullets(dots: list[tuple[float, float, float, float]], words: list[_Word]) -> list[_Word]:
    """A "•" word for each small filled shape set as a list's bullet: level with a line's
    first word (its centre within the word's height), a little to its left, smaller than the
    type and with no word between. Browsers print a list's disc or square this way, so a
    web page or designed plan printed to PDF has no bullet glyph to read."""
    out: list[_Word] = []
    if not dots:
        return out
    rows = sorted(words, key=lambda w: w.top)
    tops = [w.top for w in rows]
    for x0, top, x1, bottom in dots:
        cy = (top + bottom) / 2
        near = rows[max(0, bisect_left(tops, cy - 40)):bisect_left(tops, cy + 1)]
        level = [w for w in near if w.top < cy < w.bottom and x1 - x0 <= 0.6 * w.size]
        right = [w for w in level if 0 <= w.x0 - x1 <= 2.5 * w.size]
        if not right:
            continue
        first = min(right, key=lambda w: w.x0)
        if any(w is not first and w.x1 > x0 - first.size and w.x0 < first.x0 for w in level):
            continue  # a dot inside a line ("A · B") or one with words to its left is no bullet
        out.append(_Word("•", x0, x1, first.top, first.bottom, first.size, None, first.font,
                         False, False, first.colour))
    return out


#: How far (points) a word's left edge may stray from its column's and still start a cell.
_ALIGN = 1.5


def _text_tables(words: list[_Word], h: list[dict]):
    """Tables set as positioned text with no vertical lines (Excel, PowerPoint and
    designed exports place each cell as a text box of its own; a landscape action plan rules
    only under its rows), as rows of cell boxes for :func:`_build_tables`.

    A column's left edge is an x where the words of three or more rows start and which no
    word of those rows crosses; a table is a run of rows sharing two or more such edges
    (three or more columns: two are a page's column layout as often as a table). Its rows
    part where a rule crosses the table or the space between lines is wider than within a
    cell; and each row's cells start level (a page in columns has its paragraphs start at
    any height), which is what tells a table from text that merely lines up."""
    if len(words) < 12:
        return []
    rows = _rows(words)
    lines = [(min(w.top for w in r), max(w.bottom for w in r), r) for r in rows]
    size = _line_size(words)
    xs = sorted(w.x0 for w in words)
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] <= _ALIGN:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    # Each row's words are left to right and apart: the one word that can cross an x is the
    # last to start before it, found by bisection (the reader's cost stays per row, not per
    # word, on a dense page).
    lefts = [[w.x0 for w in r] for r in rows]
    runs: list[tuple[float, int, int]] = []
    for c in clusters:
        if len(c) < 3:
            continue
        x = min(c)
        first = last = -1
        support = 0
        for i, (top, bottom, r) in enumerate(lines):
            xs0 = lefts[i]
            k = bisect_left(xs0, x - _ALIGN)
            crosses = k > 0 and r[k - 1].x1 > x + 0.5
            starts = k < len(xs0) and xs0[k] <= x + _ALIGN
            # A wide gap ends a table: the lines between a column's cells (a long cell beside
            # it) do not.
            far = i > 0 and top - lines[i - 1][1] > 4 * size
            if crosses or far:
                if support >= 3:
                    runs.append((x, first, last))
                first = last = -1
                support = 0
                if crosses:
                    continue
            if starts:
                if first < 0:
                    first = i
                last = i
                support += 1
        if support >= 3:
            runs.append((x, first, last))
    found = []
    used: set[int] = set()
    for k, (x, a, b) in sorted(enumerate(runs), key=lambda t: t[1][1] - t[1][2]):
        if k in used:
            continue
        group = [(x, a, b)]
        for j, (x2, a2, b2) in enumerate(runs):
            if j == k or j in used or abs(x2 - x) < 3:
                continue
            if min(b, b2) - max(a, a2) + 1 >= 0.5 * min(b - a + 1, b2 - a2 + 1):
                group.append((x2, a2, b2))
        # The rows are those of the inner edges: the left edge of the first column is the
        # page's margin too, its run reaching up into the text above the table.
        first_x = min(g[0] for g in group)
        inner_runs = [g for g in group if g[0] > first_x + _ALIGN]
        if len(inner_runs) < 2:
            continue
        lo, hi = min(g[1] for g in inner_runs), max(g[2] for g in inner_runs)
        xs_all = [g[0] for g in group]

        def starts(i: int) -> int:
            return sum(any(abs(w.x0 - x) <= _ALIGN for w in lines[i][2]) for x in xs_all)

        # A table opens with a row that starts three cells (its header), not with the last
        # line of a paragraph above whose word happens to fall on a column's edge.
        while lo < hi and starts(lo) < min(3, len(xs_all)):
            lo += 1
        # Its last row's cell may run on below the other cells, at the spacing of a cell's
        # lines.
        within = [b[0] - a[1] for a, b in zip(lines[lo:hi], lines[lo + 1:hi + 1])]
        step = min(within, default=0.0) + 0.3 * size
        while hi + 1 < len(lines) and lines[hi + 1][0] - lines[hi][1] <= step and not any(
                w.x0 < x - _ALIGN and w.x1 > x + 0.5 for w in lines[hi + 1][2] for x in xs_all):
            hi += 1
        # So may its header's first line above it (a header set from the foot of its row).
        while lo > 0 and lines[lo][0] - lines[lo - 1][1] <= step and not any(
                w.x0 < x - _ALIGN and w.x1 > x + 0.5 for w in lines[lo - 1][2] for x in xs_all):
            lo -= 1
        region = lines[lo:hi + 1]
        if len(region) < 2:
            continue
        left = min(w.x0 for _t, _b, r in region for w in r)
        # An edge a word of the table's rows crosses is no column's, nor one that is only
        # ever a space after the word before it ("• To help ...", "• To support ..."): a
        # column stands clear of the one before it in some row.
        inner = sorted({round(g[0], 1) for g in group if g[0] > left + _ALIGN and not any(
            w.x0 < g[0] - _ALIGN and w.x1 > g[0] + 0.5 for _t, _b, r in region for w in r)
            and _clearance(region, g[0]) >= size})
        edges = _without_marker_columns(region, [left, *inner])
        if len(edges) < 3:
            continue
        table = _text_table(region, edges, h, size)
        if table is not None:
            used.update(j for j, r in enumerate(runs) if r in group)
            found.append(table)
    return found


def _without_marker_columns(region: list[tuple[float, float, list[_Word]]],
                            edges: list[float]) -> list[float]:
    """``edges`` less those that end a column of list markers only: "1." or "•" set apart
    from an item's text is a list's hanging indent, not a table's column (a page in two
    columns of lists lines up as if it were a table)."""
    kept = [edges[0]]
    for x in edges[1:]:
        words = [w for _t, _b, r in region for w in r if kept[-1] - _ALIGN <= w.x0 < x - _ALIGN]
        if words and all(w.text in _BULLETS or _NUMBERED.match(w.text) for w in words):
            continue
        kept.append(x)
    return kept


def _clearance(region: list[tuple[float, float, list[_Word]]], x: float) -> float:
    """The widest space before a word starting at ``x`` in ``region``'s lines (the page's
    width when one starts its line there)."""
    widest = 0.0
    for _t, _b, r in region:
        for before, w in zip([None, *r], r):
            if abs(w.x0 - x) <= _ALIGN:
                widest = max(widest, 1e6 if before is None else w.x0 - before.x1)
    return widest


def _text_table(region: list[tuple[float, float, list[_Word]]], edges: list[float],
                h: list[dict], size: float):
    """The rows of cell boxes of one table found by :func:`_text_tables`, or None when its
    cells do not start level, row by row."""
    left, right = edges[0], max(w.x1 for _t, _b, r in region for w in r)
    gaps = [b[0] - a[1] for a, b in zip(region, region[1:])]
    if not gaps:
        return None
    least = min(gaps)
    even = max(gaps) - least < 0.3 * size
    breaks = [i for i, (a, b) in enumerate(zip(region, region[1:]))
              if even or gaps[i] > least + 0.3 * size
              or any(e["x0"] <= left + 2 and e["x1"] >= left + 0.6 * (right - left)
                     and a[1] - 1 <= e["top"] <= b[0] + 1 for e in h)]
    spans: list[tuple[int, int]] = []
    start = 0
    for i in breaks:
        spans.append((start, i))
        start = i + 1
    spans.append((start, len(region) - 1))
    if len(spans) < 2:
        return None
    bounds = [*edges[1:], right + 1]
    level = multi = 0
    for a, b in spans:
        tops, bottoms = [], []
        for j, x0 in enumerate(edges):
            cell = [w for _t, _b, r in region[a:b + 1] for w in r
                    if x0 - _ALIGN <= w.x0 and w.x1 <= bounds[j] + _ALIGN]
            if cell:
                tops.append(min(w.top for w in cell))
                bottoms.append(max(w.bottom for w in cell))
        if len(tops) >= 2:
            multi += 1
            # Cells set from the top of their row, or (a header row) from its foot.
            level += max(tops) - min(tops) <= 2 or max(bottoms) - min(bottoms) <= 2
    if multi < 2 or level < 0.7 * len(spans):
        return None
    ys = [region[0][0] - 1]
    for (_a, b), (a2, _b2) in zip(spans, spans[1:]):
        ys.append((region[b][1] + region[a2][0]) / 2)
    ys.append(region[-1][1] + 1)
    cols = [(x - 1, bounds[j] - 1) for j, x in enumerate(edges)]
    rows = [[(c0, y0, c1, y1) for c0, c1 in cols] for y0, y1 in zip(ys, ys[1:])]
    return (left - 1, ys[0], right + 1, ys[-1]), rows


def _grid_like(h: list[dict], v: list[dict]) -> bool:
    """Ruling at three or more heights and three or more x positions: maybe a table."""
    return len({round(e["top"]) for e in h}) >= 3 and len({round(e["x0"]) for e in v}) >= 3


@dataclass(frozen=True)
class _Sheet:
    """The little of a pdfplumber page its table finder asks for when the ruling is given."""

    bbox: tuple[float, float, float, float]


def _find_tables(h: list[dict], v: list[dict], width: float, height: float):
    """pdfplumber's table finder on the given ruling: table boxes and rows of cell boxes."""
    from pdfplumber.table import TableFinder

    finder = TableFinder(_Sheet((0, 0, width, height)), {
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": v, "explicit_horizontal_lines": h,
    })
    found = []
    for table in finder.tables:
        rows = [list(row.cells) for row in table.rows]
        if rows:
            found.append((tuple(table.bbox), rows))
    return found


def _inside(word: _Word, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _lefts(rows: list[list]) -> list[int]:
    return sorted({round(c[0]) for row in rows for c in row if c is not None})


def _row_words(row: list, words: list[_Word]) -> list[str]:
    return [" ".join(w.text for w in words if _inside(w, c)) if c else "" for c in row]


def _stack_tables(raw_tables, words: list[_Word]):
    """Join a table to the one just above it when they share columns and no text parts them
    (a totals row drawn apart, a grid the finder split)."""
    out: list[tuple[tuple[float, float, float, float], list[list]]] = []
    for bbox, rows in sorted(raw_tables, key=lambda t: t[0][1]):
        if out:
            (x0, top, x1, bottom), above = out[-1]
            same = _lefts(above) == _lefts(rows) and len(above[0]) == len(rows[0])
            between = any(bottom < (w.top + w.bottom) / 2 < bbox[1] and x0 <= w.x0 <= x1
                          for w in words)
            # A grid that opens with a title row (one merged cell) or with the header row of
            # the one above is a table of its own.
            own_start = (sum(c is not None for c in rows[0]) == 1
                         or _row_words(above[0], words) == _row_words(rows[0], words))
            if same and 0 <= bbox[1] - bottom < 40 and not between and not own_start:
                out[-1] = ((min(x0, bbox[0]), top, max(x1, bbox[2]), bbox[3]), above + rows)
                continue
        out.append((bbox, rows))
    return out


#: The tallest empty one-row grid read as an empty table (a line's height with its padding, in
#: points); a taller empty box is a drawing or a form's space to write in.
_EMPTY_ROW_HEIGHT = 30.0
#: The narrowest such row, as a share of the page's width.
_EMPTY_ROW_WIDTH = 0.25


def _empty_boxes(h: list[dict], v: list[dict], words: list[_Word], width: float, found):
    """Wide, low boxes drawn with stroked sides and nothing in them, as one-cell tables
    (pdfplumber's finder drops a table of one cell): a plan's line of bare pipes ("||")
    written as an empty table. Shading, narrow boxes (a form's tick box) and tall ones are
    no such line."""
    stroked_h = [e for e in h if not e.get("shade") or e.get("bar")]
    stroked_v = [e for e in v if not e.get("shade") or e.get("bar")]
    boxes = []
    for top_edge in stroked_h:
        x0, x1 = top_edge["x0"], top_edge["x1"]
        if x1 - x0 < _EMPTY_ROW_WIDTH * width:
            continue
        for bottom_edge in stroked_h:
            gap = bottom_edge["top"] - top_edge["top"]
            if not (1 < gap <= _EMPTY_ROW_HEIGHT and abs(bottom_edge["x0"] - x0) < 1.5
                    and abs(bottom_edge["x1"] - x1) < 1.5):
                continue
            top, bottom = top_edge["top"], bottom_edge["top"]
            sides = [e for e in stroked_v
                     if e["top"] <= top + 1.5 and e["bottom"] >= bottom - 1.5]
            if not (any(abs(e["x0"] - x0) < 1.5 for e in sides)
                    and any(abs(e["x0"] - x1) < 1.5 for e in sides)):
                continue
            if any(x0 + 1.5 < e["x0"] < x1 - 1.5 for e in sides):
                continue  # cells side by side: the finder's to read
            bbox = (x0, top, x1, bottom)
            if any(_inside(w, bbox) for w in words) or any(
                    b[0] - 1 <= x0 and x1 <= b[2] + 1 and b[1] - 1 <= top and bottom <= b[3] + 1
                    for b, _ in [*found, *boxes]):
                continue
            boxes.append((bbox, [[bbox]]))
            break
    return boxes


def _build_tables(words: list[_Word], raw_tables,
                  width: float = 0.0) -> tuple[list[_Table], list[_Word]]:
    """Fill table cells with the page's words; the words not in a table go back to the flow."""
    tables: list[_Table] = []
    taken: set[int] = set()
    order = sorted(range(len(words)), key=lambda i: (words[i].top + words[i].bottom) / 2)
    centres = [(words[i].top + words[i].bottom) / 2 for i in order]
    for _bbox, rows in _stack_tables(raw_tables, words):
        rows = [r for r in rows if any(c is not None for c in r)]
        if not rows:
            continue
        ncols = max(len(r) for r in rows)
        rows = [r + [None] * (ncols - len(r)) for r in rows]
        # A first row that is one merged cell across the table is a title: read it as text.
        while len(rows) > 1 and ncols >= 2 and sum(c is not None for c in rows[0]) == 1:
            rows = rows[1:]
        grid: list[list[list[_Word] | None]] = []
        used: set[int] = set()
        for row in rows:
            boxes = [c for c in row if c is not None]
            lo = bisect_left(centres, min(b[1] for b in boxes) - 1)
            hi = bisect_left(centres, max(b[3] for b in boxes) + 1)
            near = [order[k] for k in range(lo, hi) if order[k] not in taken]
            line: list[list[_Word] | None] = []
            for box in row:
                inner = [] if box is None else [i for i in near if _inside(words[i], box)]
                used.update(inner)
                line.append(None if box is None else [words[i] for i in inner])
            grid.append(line)
        # The first row is a header when it is wholly bold and the table has more rows.
        flags = [w.bold for c in grid[0] if c for w in c if w.bold is not None]
        header = len(grid) > 1 and bool(flags) and all(flags)
        lined = [[[_close_up(row) for row in _rows(c)] if c else [] for c in line] for line in grid]
        line_gap = _usual_gap([ls for line in lined for ls in line])
        cells = [[_cell_text(ls, rows[r][j], line_gap, mark=not (header and r == 0))
                  for j, ls in enumerate(line)] for r, line in enumerate(lined)]
        # A column with no text that a merged cell spans (a colour swatch under a header cell
        # two columns wide) is drawing, not a column; an empty column with cells of its own
        # (an unnamed first column) is kept.
        keep_cols = [j for j in range(ncols)
                     if any(r[j].strip() for r in cells) or all(row[j] is not None for row in rows)]
        kept = [r for r in cells if any(r[j].strip() for j in keep_cols)]
        filled = sum(1 for r in kept for j in keep_cols if r[j].strip())
        # One row of three or more cells is a table (a totals line set apart); a single
        # column, or a single row of two, is a bordered box or a drawing: read as text.
        boxes = [c for row in rows for c in row if c is not None]
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))
        if (len(rows) == 1 and not any(_inside(w, bbox) for w in words)
                and bbox[3] - bbox[1] <= _EMPTY_ROW_HEIGHT
                and bbox[2] - bbox[0] >= _EMPTY_ROW_WIDTH * width):
            # One low row of empty cells: a plan's line of bare pipes ("||") written as an
            # empty table; its cell count is what a reader of pipe-closed cells needs.
            tables.append(_Table(rows=[[""] * len(boxes)], bbox=bbox,
                                 cols=[round(b[0]) for b in boxes], header=False))
            continue
        if (not kept or len(keep_cols) < 2 or filled < 2
                or (len(kept) == 1 and len(keep_cols) < 3)):
            continue
        lefts = sorted({round(c[0]) for row in rows for c in row if c is not None})
        cols = [x for j, x in enumerate(lefts) if j in keep_cols] if len(lefts) == ncols else lefts
        taken.update(used)
        # Everything inside the table's box belongs to it, even words no cell claimed.
        taken.update(i for i, w in enumerate(words) if _inside(w, bbox))
        table_rows = [[r[j] for j in keep_cols] for r in kept]
        combined = combined_header(table_rows, [_spanned(rows, j) for j in keep_cols]) \
            if kept[0] is cells[0] else None
        tables.append(_Table(
            rows=[list(r) for r in combined] if combined else table_rows,
            bbox=bbox,
            cols=cols,
            header=combined is not None or header and len(kept) > 1 and kept[0] is cells[0],
        ))
    rest = [w for i, w in enumerate(words) if i not in taken]
    return tables, rest


def _spanned(rows: list[list], j: int) -> bool:
    """Whether column ``j`` of a drawn table's first row is covered by a merged cell to its
    left: no cell of its own there, and the cell before it reaches past where the column's
    cells in the rows below begin."""
    if j == 0 or rows[0][j] is not None:
        return False
    left = next((c for c in reversed(rows[0][:j]) if c is not None), None)
    starts = [row[j][0] for row in rows[1:] if row[j] is not None]
    return left is not None and bool(starts) and left[2] > min(starts) + 1


# --------------------------------------------------------------------------------------------
# Step 3: rows and segments


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into visual rows (top to bottom), each row left to right."""
    rows: list[list[_Word]] = []
    band: tuple[float, float] | None = None
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        cy = (w.top + w.bottom) / 2
        if band is not None and band[0] <= cy <= band[1]:
            rows[-1].append(w)
            continue
        rows.append([w])
        half = (w.bottom - w.top) / 2
        band = (cy - 0.6 * half, cy + 0.6 * half)
    for row in rows:
        row.sort(key=lambda w: w.x0)
    return rows


def _segments(words: list[_Word]) -> list[_Seg]:
    segs: list[_Seg] = []
    for row in _rows(words):
        cur = [row[0]]
        for w in row[1:]:
            gap = w.x0 - cur[-1].x1
            small, large = sorted((w.size, cur[-1].size))
            # Type of very different sizes side by side (body text level with a sidebar's big
            # figure) is two blocks: the gap is measured in the smaller type's em.
            em = small if large > 1.2 * small else large
            if gap > max(1.5 * em, 8):
                segs.append(_seg(cur))
                cur = [w]
            else:
                cur.append(w)
        segs.append(_seg(cur))
    return segs


def _seg(words: list[_Word]) -> _Seg:
    return _Seg(words, min(w.x0 for w in words), max(w.x1 for w in words),
                min(w.top for w in words), max(w.bottom for w in words))


# --------------------------------------------------------------------------------------------
# Step 4: furniture


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _named_in(text: str, name: str) -> bool:
    """Whether every word of ``text`` is a word of the file name ``name`` ("Council Plan" in
    "council-plan-2024.pdf"), and it has a word of letters."""
    words = re.findall(r"[^\W_]+", text.lower())
    named = set(re.findall(r"[^\W_]+", name.lower()))
    return any(w.isalpha() for w in words) and all(w in named for w in words)


def _page_number_value(text: str) -> int | None:
    m = re.search(r"\d{1,4}", text)
    return int(m.group()) if m else None


def _split_furniture(pages: list[_Page], body: float, title: str = "", name: str = "") -> list[Block]:
    """Take running headers, footers and page numbers out of the pages' segments.

    A running header or footer recurs at the same height: the same text elsewhere (a plan
    whose title is also its running header) is content. A header that cannot recur (a
    one-page plan) is still known when, the page's first line and smaller than the body, it
    is the file's own title (its metadata) or repeats a line below it on its page (the
    running title over the title it runs from); in the body's size, standing apart above the
    text, also when its words are all words of the file's name (``name``): a Word file's
    header is its title, and the file is named after it.
    """
    def zone(page: _Page, seg: _Seg) -> str:
        if seg.bottom <= page.height * 0.1:
            return "top"
        if seg.top >= page.height * 0.9:
            return "bottom"
        return ""

    def small(seg: _Seg) -> bool:
        return max(w.size for w in seg.words) <= body * 1.1 + 0.5

    with_text = [p for p in pages if p.segs]
    # (zone, text with digits as "#") -> the (page, top) of each occurrence
    places: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for page in with_text:
        for seg in page.segs:
            if (z := zone(page, seg)) and small(seg):
                places.setdefault((z, _furniture_key(seg.text)), []).append((page.number, seg.top))

    def recurring(z: str, seg: _Seg) -> int:
        """On how many pages the same text stands at this height (3 points either way)."""
        return len({n for n, top in places.get((z, _furniture_key(seg.text)), ())
                    if abs(top - seg.top) <= 3})

    def said(text: str) -> str:
        return " ".join(text.lower().split())

    def running_title(page: _Page, seg: _Seg) -> bool:
        """The page's first line, set smaller than the body, that is the file's title or
        repeats a line lower on the page (a line in the body's size is the plan's own: a
        title, or the first of a column's repeated bullets)."""
        key = said(seg.text)
        if len(key) < 3 or any(other.top < seg.top for other in page.segs):
            return False
        repeated = any(other is not seg and other.top > seg.bottom and said(other.text) == key
                       for other in page.segs)
        if max(w.size for w in seg.words) >= body - 0.5:
            # In the body's size (Word's header set in its Normal style), only when it stands
            # apart above the text (the header's own distance from the page's edge, two lines
            # and more) and repeats a line below: a column's first line has no such gap.
            below = [o.top for o in page.segs if o.top > seg.bottom]
            return ((repeated or _named_in(key, name)) and bool(below)
                    and min(below) - seg.bottom >= 2 * (seg.bottom - seg.top))
        return key == said(title) or repeated

    need = max(2, math.ceil(0.4 * len(with_text)))
    furniture: list[Block] = []
    for page in with_text:
        keep: list[_Seg] = []
        for seg in page.segs:
            z = zone(page, seg)
            text = seg.text
            role = ""
            if z and small(seg):
                value = _page_number_value(text)
                if is_page_number(text) and value is not None and abs(value - page.number) <= 30:
                    role = "page-number"
                elif len(with_text) >= 2 and recurring(z, seg) >= need:
                    role = "page-header" if z == "top" else "page-footer"
                elif z == "top" and running_title(page, seg):
                    role = "page-header"
            if role:
                furniture.append(Block(BlockKind.FURNITURE, " ".join(text.split()),
                                       page=page.number, role=role))
            else:
                keep.append(seg)
        page.segs = keep
    return furniture


# --------------------------------------------------------------------------------------------
# Step 5: columns and reading order


@dataclass(slots=True)
class _Box:
    """What column finding needs of a segment or a table: its extent and its amount of text."""

    x0: float
    x1: float
    top: float
    bottom: float
    chars: int


def _gutter(segs: list[_Seg], tables: list[_Table] = ()) -> float | None:  # type: ignore[assignment]
    """The x of the widest gutter between two columns of text, or None."""
    boxes = [_Box(s.x0, s.x1, s.top, s.bottom, sum(len(w.text) for w in s.words)) for s in segs]
    boxes += [_Box(t.bbox[0], t.bbox[2], t.bbox[1], t.bbox[3],
                   sum(len(c) for r in t.rows for c in r)) for t in tables]
    if len(boxes) < 4:
        return None
    lo, hi = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
    span = hi - lo
    if span < 100:
        return None
    width = int(span) + 2
    cover = [0] * (width + 1)
    for b in boxes:
        cover[max(int(b.x0 - lo), 0)] += 1
        cover[min(int(b.x1 - lo) + 1, width)] -= 1
    running = 0
    free: list[int] = []
    for v in cover[:width]:
        running += v
        free.append(running)
    # First a band nothing crosses, then one a few lines cross (a title over both columns).
    for allowed in (0, max(1, len(boxes) // 12)):
        best: tuple[float, float] | None = None
        x = 0
        while x < width:
            if free[x] <= allowed:
                start = x
                while x < width and free[x] <= allowed:
                    x += 1
                g0, g1 = lo + start, lo + x
                if (g1 - g0 >= 9 and g0 > lo + 0.2 * span and g1 < hi - 0.2 * span
                        and (best is None or g1 - g0 > best[1] - best[0])
                        and _columns_on_both_sides(boxes, g0, g1, span, allowed == 0)):
                    best = (g0, g1)
            x += 1
        if best is not None:
            return (best[0] + best[1]) / 2
    return None


def _tail_gutter(segs: list[_Seg]) -> float | None:
    """The gutter before a second column that holds only the text's last line or two, at the
    page's top beside a column of wrapped text (a two-column plan's last page), or None.

    :func:`_gutter` wants two lines and a quarter of the width on each side, so such a page
    read as one column: the right line ran into the left column's first ("The Plan to 2030
    Our") and widened its edge. The left side is a column: six lines or more, four of them
    (and a third) wrapped at one edge, with nothing crossing the band; the right lines start
    level with the left column's first line at one x, one after the other, within a gap a
    quarter of the column's width and a column's width from it (a date set at the far right
    of a letter's first line is no column's tail)."""
    if len(segs) < 7:
        return None
    for right in ([s for s in segs if s.x0 >= x - 2] for x in sorted({s.x0 for s in segs})[-3:]):
        if not 1 <= len(right) <= 3:
            continue
        rx = min(s.x0 for s in right)
        left = [s for s in segs if s.x1 < rx - 9]
        if len(left) + len(right) != len(segs) or len(left) < 6:
            continue
        lx0, lx1 = min(s.x0 for s in left), max(s.x1 for s in left)
        width = lx1 - lx0
        wrapped = sum(s.x1 >= lx1 - 0.1 * width for s in left)
        if wrapped < max(4, len(left) / 3) or rx - lx1 > 0.25 * width:
            continue
        if any(abs(s.x0 - rx) > 2 or s.x1 > rx + width + 2 for s in right):
            continue
        right.sort(key=lambda s: s.top)
        ltop = min(s.top for s in left)
        first = min(left, key=lambda s: s.top)
        step = 2 * (first.bottom - first.top)
        if abs(right[0].top - ltop) > first.bottom - first.top:
            continue
        if any(b.top - a.bottom > step for a, b in zip(right, right[1:])):
            continue
        return (lx1 + rx) / 2
    return None


def _columns_on_both_sides(boxes: list[_Box], g0: float, g1: float, span: float,
                           clear: bool) -> bool:
    """Whether the band [g0, g1] has a column of text on each side.

    Each side must be a column, not a row of labels beside the body (a quarter of the width
    at least), level with the other. A band nothing crosses needs only two lines on a side (a
    column's last lines at the top of a page); one a few lines cross needs four lines and a
    sixth of the text on each side, sharing most of their height.
    """
    left = [b for b in boxes if b.x1 <= g0 + 1]
    right = [b for b in boxes if b.x0 >= g1 - 1]
    least = 2 if clear and g1 - g0 >= 12 else 4
    if len(left) < least or len(right) < least:
        return False
    if not clear:
        chars = sum(b.chars for b in boxes)
        if sum(b.chars for b in left) < 0.15 * chars or sum(b.chars for b in right) < 0.15 * chars:
            return False
    if (max(b.x1 for b in left) - min(b.x0 for b in left) < 0.25 * span
            or max(b.x1 for b in right) - min(b.x0 for b in right) < 0.25 * span):
        return False
    ltop, lbot = min(b.top for b in left), max(b.bottom for b in left)
    rtop, rbot = min(b.top for b in right), max(b.bottom for b in right)
    shared = min(lbot, rbot) - max(ltop, rtop)
    return shared > (0 if clear else 0.4 * min(lbot - ltop, rbot - rtop))


def _side(x0: float, x1: float, gutter: float) -> int:
    """-1 left of the gutter, 1 right, 0 across it (most of the width on neither side)."""
    if x1 <= gutter + 2:
        return -1
    if x0 >= gutter - 2:
        return 1
    left = gutter - x0
    if left >= 0.85 * (x1 - x0):
        return -1
    if left <= 0.15 * (x1 - x0):
        return 1
    return 0


# An element of the page: ("text", _Seg) or ("table", _Table), then x0, x1, top, bottom.
_Elem = tuple[str, object, float, float, float, float]


def _reading_order(segs: list[_Seg], tables: list[_Table], depth: int = 0) -> list[list[_Elem]]:
    """The page as a list of columns in reading order, each a list of elements top-down."""
    elems: list[_Elem] = [("text", s, s.x0, s.x1, s.top, s.bottom) for s in segs]
    elems += [("table", t, t.bbox[0], t.bbox[2], t.bbox[1], t.bbox[3]) for t in tables]
    gutter = _gutter(segs, tables) if depth < 2 else None
    if gutter is None and depth < 2 and not tables:
        gutter = _tail_gutter(segs)
    if gutter is None:
        if depth == 0 and (bands := _side_bands(elems)) is not None:
            # A sidebar beside part of the page only (a designed plan's box of quotes and
            # figures floated beside its opening text): the part beside it in columns.
            columns: list[list[_Elem]] = []
            asides: list[list[_Elem]] = []
            for wide, band_elems in bands:
                if wide:
                    columns.append(band_elems)
                    continue
                main, aside = _main_and_aside(band_elems)
                columns.extend(_reading_order(*_split_elems(main), depth + 1))
                # A side with much less text is an aside: the body reads on past it (its
                # sentence runs on below), and the aside after the page's body.
                asides.extend(_reading_order(*_split_elems(aside), depth + 1) if aside else [])
            return columns + asides
        return [sorted(elems, key=lambda e: (e[4], e[2]))]
    columns: list[list[_Elem]] = []
    band: dict[int, list[_Elem]] = {-1: [], 1: []}

    def close_band() -> None:
        for side in (-1, 1):
            if band[side]:
                inner_segs = [e[1] for e in band[side] if e[0] == "text"]
                inner_tables = [e[1] for e in band[side] if e[0] == "table"]
                columns.extend(_reading_order(inner_segs, inner_tables, depth + 1))  # type: ignore[arg-type]
                band[side] = []

    spanning: list[_Elem] = []
    rights = [e for e in elems if _side(e[2], e[3], gutter) == 1]
    for e in sorted(elems, key=lambda e: (e[4], e[2])):
        side = _side(e[2], e[3], gutter)
        if side == -1 and _spans_columns(e, rights, band[1], band[-1]):
            side = 0
        if side == 0:
            close_band()
            spanning.append(e)  # consecutive full-width elements read as one column
        else:
            if spanning:
                columns.append(spanning)
                spanning = []
            band[side].append(e)
    close_band()
    if spanning:
        columns.append(spanning)
    return columns


def _spans_columns(e: _Elem, rights: list[_Elem], band_right: list[_Elem],
                   band_left: list[_Elem]) -> bool:
    """Whether a left element with nothing beside it in the right column, below the right
    column's text so far and above more of it, stands across both: a short heading set
    across the columns (CSS ``column-span``) breaks their flow as a wide one does, the text
    above it filling both columns before it and the text below both after it. It opens the
    band or is set a quarter larger than the left column's text above it (a heading): a line
    of about that text's size (a bold label) is that column going on beside the right
    column's shorter end or a drawing."""
    if e[0] != "text":
        return False
    size = max(w.size for w in e[1].words)  # type: ignore[union-attr]
    above = [x for x in band_left if x[0] == "text"]
    if above and size < 1.25 * max(w.size for w in above[-1][1].words):  # type: ignore[union-attr]
        return False
    reach = 1.0
    if any(r[4] < e[5] + reach and r[5] > e[4] - reach for r in rights):
        return False
    if any(r[5] > e[4] for r in band_right):
        return False
    return any(r[4] >= e[5] for r in rights)


def _split_elems(elems: list[_Elem]) -> tuple[list[_Seg], list[_Table]]:
    return ([e[1] for e in elems if e[0] == "text"],  # type: ignore[misc]
            [e[1] for e in elems if e[0] == "table"])  # type: ignore[misc]


def _main_and_aside(band: list[_Elem]) -> tuple[list[_Elem], list[_Elem]]:
    """A band of narrower elements as the text to read in order and, when one side of its
    gutter holds under 60% of the other's text, that side apart as an aside."""
    gutter = _gutter(*_split_elems(band))
    if gutter is None:
        return band, []
    sides: dict[int, list[_Elem]] = {-1: [], 0: [], 1: []}
    for e in band:
        sides[_side(e[2], e[3], gutter)].append(e)

    def chars(elems: list[_Elem]) -> int:
        return sum(sum(len(w.text) for w in e[1].words) if e[0] == "text" else 1000  # type: ignore[union-attr]
                   for e in elems)

    left, right = chars(sides[-1]), chars(sides[1])
    if min(left, right) >= 0.6 * max(left, right) or sides[0]:
        return band, []
    aside_side = -1 if left < right else 1
    return sides[-aside_side], sides[aside_side]


def _side_bands(elems: list[_Elem]) -> list[tuple[bool, list[_Elem]]] | None:
    """The page cut into bands top-down: runs of elements across most of its width, and runs
    of narrower ones, when one run of narrower ones has a gutter of its own (text beside a
    sidebar that ends before the page does); else ``None``."""
    if len(elems) < 6:
        return None
    lo, hi = min(e[2] for e in elems), max(e[3] for e in elems)
    span = hi - lo
    bands: list[tuple[bool, list[_Elem]]] = []
    for e in sorted(elems, key=lambda e: (e[4], e[2])):
        wide = e[3] - e[2] >= 0.75 * span
        if bands and bands[-1][0] == wide:
            bands[-1][1].append(e)
        else:
            bands.append((wide, [e]))
    # Only a band with a gutter of its own is read in columns; the rest, wide or not, is
    # one column as a page without a sidebar is (an item's short line and its description).
    out: list[tuple[bool, list[_Elem]]] = []

    def add(columned: bool, elems: list[_Elem]) -> None:
        if not columned and out and out[-1][0]:
            out[-1][1].extend(elems)
        elif elems:
            out.append((not columned, list(elems)))

    for wide, band in bands:
        k = _columned_prefix(band, lo, span) if not wide else 0
        add(True, band[:k])
        add(False, band[k:])
    return out if any(not plain for plain, _ in out) else None


def _columned_prefix(band: list[_Elem], lo: float, span: float) -> int:
    """How many of a band's first elements stand in two columns (a gutter between them):
    all of them, or the run above its last lines, which may cross the gutter once the
    sidebar beside them has ended (a list's long items under it); 0 for none."""
    if len(band) < 4 or not any(e[2] > lo + 0.5 * span for e in band):
        return 0  # nothing starts in the page's right half: no sidebar beside the text
    for k in range(len(band), 3, -1):
        if _gutter(*_split_elems(band[:k])) is not None:
            return k
    return 0


# --------------------------------------------------------------------------------------------
# Step 6: lines and paragraphs


def _lines(segs: list[_Seg]) -> list[list[_Word]]:
    """A column's segments as lines: the words of one row, left to right."""
    words = [w for s in segs for w in s.words]
    return [_close_up(row) for row in _rows(words)]


def _close_up(row: list[_Word]) -> list[_Word]:
    """Rejoin words a PDF split inside one line ("co -produced", "non- operational")."""
    out: list[_Word] = []
    for w in row:
        if out:
            p = out[-1]
            near = w.x0 - p.x1 < 0.6 * max(p.size, w.size)
            if near and (w.text[:1] == "-" or p.text[-1:] == "-") and (
                (_ENDS_LOWER.search(p.text) and _HYPHEN_LOWER.match(w.text))
                or (_ENDS_HYPHEN.search(p.text) and w.text[:1].islower()
                    and w.text.rstrip(".,;:") not in _SUSPENDED)
            ):
                out[-1] = _merge(p, w, p.text + w.text)
                continue
        out.append(w)
    return out


def _merge(a: _Word, b: _Word, text: str) -> _Word:
    bold = a.bold if b.bold is None else b.bold if a.bold is None else a.bold and b.bold
    return _Word(text, min(a.x0, b.x0), max(a.x1, b.x1), min(a.top, b.top),
                 max(a.bottom, b.bottom), a.size, bold, a.font, a.italic and b.italic, False, a.colour)


def _line_size(line: list[_Word]) -> float:
    """The size most of a line's characters are set in."""
    first = line[0].size
    if all(w.size == first for w in line):
        return first
    sizes: Counter[float] = Counter()
    for w in line:
        sizes[w.size] += len(w.text)
    return sizes.most_common(1)[0][0]


def _line_bold(line: list[_Word]) -> bool:
    flags = [w.bold for w in line if w.bold is not None]
    return bool(flags) and all(flags)


def _marker(line: list[_Word]) -> str:
    """The list marker a line starts with, or ''."""
    first = line[0].text
    if len(line) > 1:
        if len(first) == 1 and first in _BULLETS:
            return first
        if first == "o" and "courier" in line[0].font.lower():
            return "◦"
        if _NUMBERED.match(first):
            return first
    elif len(first) > 1 and first[0] in "•▪●■◆►➢✓❑◦" and first[1].isalnum():
        return first[0]
    return ""


def _strip_marker(line: list[_Word], marker: str) -> list[_Word]:
    first = line[0]
    if len(line) > 1 and (first.text == marker or (marker == "◦" and first.text == "o")):
        return line[1:]
    rest = first.text[len(marker):]
    return [_Word(rest, first.x0, first.x1, first.top, first.bottom, first.size, first.bold,
                  first.font, first.italic, False, first.colour)] + line[1:]


def _ends_sentence(line: list[_Word]) -> bool:
    return line[-1].text.rstrip("\"'”’)]*").endswith(tuple(_SENTENCE_END))


def _paragraphs(lines: list[list[_Word]], page: int, edge: float | None = None) -> list[_Para]:
    """One column's lines as paragraph candidates; ``edge`` is the column's right edge
    (its widest line's, or its tables')."""
    if not lines:
        return []
    left = min(ln[0].x0 for ln in lines)
    edge = max([w.x1 for ln in lines for w in ln] + ([edge] if edge is not None else []))
    rights = _right_edges(lines)
    paras: list[_Para] = []
    cur: _Para | None = None
    prev: list[_Word] | None = None
    for line, right in zip(lines, rights):
        marker = _marker(line)
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        if (marker in ("-", "–", "—") and cur is not None and prev is not None
                and (not cur.marker or abs(line[0].x0 - cur.lines[0][0].x0) <= 2)
                and not _ends_sentence(prev) and top - cur.bottom < 0.45 * _line_size(line)):
            # A dash a wrapped sentence happens to start a line with, not a bullet; in a list
            # item, one set flush with the item's text ("• Creating a decision-making tool" /
            # "– a simple checklist ..."), where a nested bullet would stand further in.
            marker = ""
        full = edge - line[-1].x1 < 0.15 * (edge - left)
        if cur is not None and prev is not None and not marker and not _breaks(prev, line, right, cur):
            _glue(prev, line, left, edge)
            cur.lines.append(line)
            cur.bottom = bottom
            cur.full = full
            cur.room = right - line[-1].x1
        else:
            if cur is not None:
                cur.space_below = top - cur.bottom
            words = _strip_marker(line, marker) if marker else line
            cur = _Para([words], page, x0=line[0].x0, marker=marker, top=top, bottom=bottom,
                        indent=line[0].x0 - left, full=full, room=right - line[-1].x1,
                        marker_word=line[0] if marker and len(words) < len(line) else None)
            paras.append(cur)
        prev = line
    return paras


def _glue(prev: list[_Word], line: list[_Word], left: float, right: float) -> None:
    """Mark a line's only word as broken by the layout when it fills the measure from
    ``left`` to within a character of ``right`` and the next line, set flush with it, goes
    straight on (a path, an address, a word too long for a narrow cell, split at the edge)."""
    word = prev[0]
    if (len(prev) == 1 and word.x0 <= left + 1 and right - word.x1 < 0.6 * word.size
            and abs(line[0].x0 - word.x0) < 1 and line[0].text[:1].isalnum()
            and not word.text.endswith(("-", "–"))):
        word.glue = True


def _right_edges(lines: list[list[_Word]]) -> list[float]:
    """For each line, the right edge of the text block it is in (for the would-fit test).

    A block is a run of lines with no gap wider than one and a half lines between them: the
    measure a line was set to, even where a wider block (a full-width introduction above
    two columns) shares the column.
    """
    rights: list[float] = []
    start = 0
    for k in range(1, len(lines) + 1):
        if k < len(lines):
            gap = min(w.top for w in lines[k]) - max(w.bottom for w in lines[k - 1])
            if gap <= 1.5 * min(_line_size(lines[k]), _line_size(lines[k - 1])):
                continue
        edge = max(w.x1 for ln in lines[start:k] for w in ln)
        rights.extend([edge] * (k - start))
        start = k
    # Justified text set narrower than its block (wrapped round a floated sidebar under a
    # wider introduction): three lines ending at one x short of the block's edge show the
    # measure the next line was broken to ("... reducing indebtedness. Lead" / "Service –
    # Finance.": at the block's edge there was room for "Service").
    for k in range(3, len(lines)):
        ends = [lines[j][-1].x1 for j in range(k - 3, k)]
        if max(ends) - min(ends) <= 1.0 and max(ends) < rights[k] - 1.0:
            rights[k] = max(ends)
    return rights


def _breaks(prev: list[_Word], line: list[_Word], right: float, cur: _Para) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev``."""
    size, psize = _line_size(line), _line_size(prev)
    last, first = prev[-1], line[0]
    gap = min(w.top for w in line) - max(w.bottom for w in prev)
    # A sentence running on in lower case may stand a little further down: the boxes of a
    # line's end words vary by a point (LibreOffice's "knife related serious" / "violence.":
    # gaps of 4.0-5.0 pt at 11 pt), where paragraphs stand apart by half a line and more.
    running_on = (first.text[:1].islower() and not _ends_sentence(prev)
                  and abs(size - psize) <= 0.6)
    if gap > (0.55 if running_on else 0.45) * min(size, psize):
        return True  # extra space between them
    if abs(last.size - first.size) > 0.6 and not first.text[:1].islower():
        return True  # the type changes size: a heading above body text
    if _line_bold(prev) != _line_bold(line):
        return True  # a wholly bold line (a heading) meets a plain one
    if cur.marker and first.x0 < cur.x0 - 2:
        return True  # a line left of a list item's marker is not its continuation
    if first.text[:1].islower() and not _ends_sentence(prev):
        return False  # a sentence running on
    room = right - last.x1
    return room > (first.x1 - first.x0) + 0.6 * size  # the next word would have fitted


# --------------------------------------------------------------------------------------------
# Text of words


def _join_lines(lines: list[list[_Word]]) -> list[_Word]:
    """A paragraph's lines as one run of words, with hyphenated line ends rejoined."""
    out: list[_Word] = []
    for line in lines:
        if out and line:
            last, first = out[-1], line[0]
            t = last.text
            if t.endswith("\xad"):
                out[-1] = _merge(last, first, t[:-1] + first.text)
                line = line[1:]
            elif last.glue:
                out[-1] = _merge(last, first, t + first.text)
                line = line[1:]
            elif len(t) > 1 and t[-1] in "-–" and t[-2].isalnum() and first.text[:1].isalnum():
                joined = (t[:-1] if t[-1] == "-" and first.text[:1].islower()
                          and _split_word(t[:-1], first.text) else t) + first.text
                out[-1] = _merge(last, first, joined)
                line = line[1:]
        out.extend(line)
    return out


def _core(text: str) -> str:
    """A word as the vocabulary keeps it: lower case, without edge punctuation or "'s"."""
    return _CORE.sub("", text).lower()


def _learn(texts: Iterable[str], vocabulary: _Vocabulary | None) -> None:
    """Add a page's words to ``vocabulary``, leaving out a word that ends in a hyphen and
    the word after it (the two halves of a word or a compound the line end split), which
    are kept as a split."""
    if vocabulary is None:
        return
    head = ""
    for text in texts:
        if head:
            if text[:1].islower():
                vocabulary.splits.append((head, _core(text)))
            head = ""
            continue
        if len(text) > 1 and text[-1] == "-" and text[-2].isalpha():
            head = _core(text[:-1]) or "-"
            continue
        vocabulary.words.add(_core(text))


def _split_word(head: str, tail: str) -> bool:
    """Whether a hyphen at a line's end between ``head`` and ``tail`` (lower case) split one
    word, so the hyphen goes: by the document's own spelling of the word or the compound
    elsewhere first; then a bare suffix ("develop-ment"). In a document that breaks words by
    syllable, halves that are no words of it ("com-munity", "deli-vers") are one word too,
    while a second part that is a word ("take-up") or a first part that is ("self-", "long-")
    makes a compound."""
    vocabulary = _VOCABULARY.get() or _Vocabulary()
    words = vocabulary.words
    first, second = _core(head), _core(tail)
    if f"{first}-{second}" in words:
        return False
    if first + second in words or _SUFFIX.match(tail):
        return True
    if _listed_split(first, second):
        return True
    parts = _parts(first, second)
    if parts is None or not vocabulary.syllables():
        return False
    if is_word(parts[0] + parts[1]):
        return True  # "out-comes" where the document breaks by syllable: not "start-up"
    return parts[0] not in words and parts[1] not in words


def _parts(first: str, second: str) -> tuple[str, str] | None:
    """The letters either side of a line-end hyphen (``first`` and ``second`` lower case),
    or None where there are none or the first part is a prefix set with a hyphen ("co-")."""
    word = re.match(r"[a-z]+", second)
    last = re.search(r"[a-z]+$", first)
    if word is None or last is None or last.group(0) in _HYPHEN_PREFIXES:
        return None
    return last.group(0), word.group(0)


def _listed_split(first: str, second: str) -> bool:
    """Whether a line-end hyphen between ``first`` and ``second`` can only have split a word:
    joined they are a word of the English word list, and the parts are not both everyday
    words as a compound's are ("resi-lient", "deli-very", "maximi-sing", but "start-up"), the
    first no prefix set with a hyphen."""
    parts = _parts(first, second)
    return parts is not None and is_word(parts[0] + parts[1]) \
        and not (is_common(parts[0]) and is_common(parts[1]))


def _with_marks(words: list[_Word], bold: bool = True, italic: bool = True) -> str:
    """Words as text, bold runs wrapped in ``**`` and italic ones in ``*`` (as asked).

    A run both bold and italic is marked bold only (render.mark_runs' convention).
    Punctuation between two words of one style is inside their run, at a run's edge outside.
    """
    styles: list[str | None] = []
    for w in words:
        if w.bold is None:
            styles.append(None)
        elif bold and w.bold:
            styles.append("**")
        elif italic and w.italic:
            styles.append("*")
        else:
            styles.append("")
    for i, style in enumerate(styles):
        if style is None:
            before = next((t for t in reversed(styles[:i]) if t is not None), "")
            after = next((t for t in styles[i + 1:] if t is not None), "")
            styles[i] = before if before == after else ""
    parts: list[str] = []
    run: list[str] = []
    current = ""

    def close() -> None:
        text = " ".join(run)
        # A run with an asterisk of its own at an edge ("*FTE is as per ...") is left
        # unmarked: "**FTE ...*" would read as something else.
        parts.append(text if text[:1] == "*" or text[-1:] == "*" else current + text + current)
        run.clear()

    for w, style in zip(words, styles):
        if style != current:
            if run:
                close()
            current = style or ""
        if current:
            run.append(w.text)
        else:
            parts.append(w.text)
    if run:
        close()
    return " ".join(parts).replace("\xad", "")


_NUMBER = re.compile(r"[-+–(£$€]*\d[\d.,]*%?\)?[kmb]?n?")


def _gap(upper: list[_Word], lower: list[_Word]) -> float:
    return min(w.top for w in lower) - max(w.bottom for w in upper)


def _usual_gap(cells: list[list[list[_Word]]]) -> float | None:
    """The space between a cell's wrapped lines in this table: the least between any two
    lines of one cell (paragraphs and items are set further apart, never closer)."""
    gaps = [_gap(a, b) for lines in cells for a, b in zip(lines, lines[1:])]
    return max(min(gaps), -2.0) if gaps else None


def _cell_text(lines: list[list[_Word]], box: tuple[float, float, float, float] | None = None,
               line_gap: float | None = None, mark: bool = True) -> str:
    """A table cell in the model's convention: a paragraph's wrapped lines joined, paragraphs
    on lines of their own, bulleted lines as ``- `` items (nested ones indented two spaces a
    level), bold runs in ``**``.

    A header cell (``mark`` false) and a figure are left plain: their boldness is the
    table's typography ("Net Cost" bold in every row), not emphasis.
    """
    if not lines:
        return ""
    if mark and all(_NUMBER.fullmatch(w.text) or w.bold is None for ln in lines for w in ln):
        mark = False
    cell_left = box[0] if box else min(ln[0].x0 for ln in lines)
    cell_right = box[2] if box else max(ln[-1].x1 for ln in lines)
    # The cell's padding, on both sides: its text's distance from the left rule.
    pad = max(min(ln[0].x0 for ln in lines) - cell_left, 0)
    # (level, lines) per paragraph or item; level 0 for a paragraph.
    parts: list[tuple[int, list[list[_Word]]]] = []
    stack: list[float] = []
    prev: list[_Word] | None = None
    for line in lines:
        marker = _marker(line)
        if marker and marker not in _BULLETS:
            marker = ""  # a numbered line in a cell is text (a text plan's cells number so)
        numbered = bool(_NUMBERED.match(line[0].text))
        starts = prev is None or marker or numbered
        if not starts and prev is not None:
            size = _line_size(line)
            gap = _gap(prev, line)
            # More space than between the table's wrapped lines: a new paragraph. Or the line
            # ends short of the cell's right padding (as wide as its left one) although the
            # next word would have fitted: the writer ended the paragraph.
            spaced = gap > (0.8 * size if line_gap is None else line_gap + 0.25 * size)
            room = cell_right - (line[0].x0 - cell_left) - prev[-1].x1
            fits = room > (line[0].x1 - line[0].x0) + 0.6 * size
            lower = line[0].text[:1].islower() and not _ends_sentence(prev)
            starts = spaced or (fits and not lower)
            if parts and parts[-1][0] and not starts and line[0].x0 < parts[-1][1][0][0].x0 - 2:
                starts = True  # left of the item's text: not its continuation
        if not starts:
            if pad <= max(6.0, 0.8 * line[0].size):  # text set from the left rule, not centred
                _glue(prev, line, cell_left + pad, cell_right - pad)  # type: ignore[arg-type]
            parts[-1][1].append(line)
        elif marker:
            x = line[0].x0
            while stack and x < stack[-1] - 3:
                stack.pop()
            if not stack or x > stack[-1] + 3:
                stack.append(x)
            parts.append((len(stack), [_strip_marker(line, marker)]))
        else:
            if line[0].x0 <= (stack[0] if stack else line[0].x0) + 3:
                stack = []
            parts.append((0, [line]))
        prev = line
    out = []
    for level, ls in parts:
        lead = "  " * (level - 1) + "- " if level else ""
        out.append(lead + _with_marks(_join_lines(ls), bold=mark, italic=False))
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# The reader


def _open(data: bytes, where: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LoaderError("encrypted PDF: it needs a password to open; save an unprotected "
                              "copy and read that", file=where) from None
        reason = " ".join(str(exc).split()) or "pdfium cannot open it"
        raise LoaderError(f"damaged or not a PDF ({reason})", file=where) from None


def _read_page(pdf, index: int, R) -> tuple[_Page, bool]:
    page = pdf[index]
    try:
        place, width, height = _placement(page)
        words, visible = _page_words(page, R, place, width, height)
        _learn((w.text for w in words), _VOCABULARY.get())
        drawn = False
        tables: list[_Table] = []
        if visible == 0:
            drawn = R.FPDFPage_CountObjects(page.raw) > 0
        else:
            dots: list[tuple[float, float, float, float]] = []
            h, v = _ruling(page, R, place, dots)
            words += _drawn_bullets(dots, words)
            h, v = _banded(h, v, words)
            raw_tables = []
            if _grid_like(h, v):
                try:
                    raw_tables = _find_tables(h, v, width, height)
                except Exception:  # noqa: BLE001
                    # The finder failing on odd ruling must not lose the page: read it as text.
                    raw_tables = []
            raw_tables += _empty_boxes(h, v, words, width, raw_tables)
            loose = [w for w in words if not any(_inside(w, t[0]) for t in raw_tables)] \
                if raw_tables else words
            raw_tables += _text_tables(loose, h)
            if raw_tables:
                tables, words = _build_tables(words, raw_tables, width)
        return _Page(index + 1, width, height, _segments(words) if words else [], tables,
                     visible), drawn
    finally:
        page.close()


def read_pdf(data: bytes, name: str, path: str | None) -> Document:
    """Read a PDF plan into a :class:`Document` (see the module docstring for how).

    Raises :class:`LoaderError` naming the file for a damaged, encrypted, empty or scanned PDF.
    """
    import pypdfium2.raw as R

    where = path or name
    pdf = _open(data, where)
    pages: list[_Page] = []
    drawn = False
    vocabulary = _VOCABULARY.set(_Vocabulary())
    try:
        try:
            count = len(pdf)
            for i in range(count):
                try:
                    page, has_objects = _read_page(pdf, i, R)
                except Exception as exc:  # noqa: BLE001 (pdfium's errors carry no file name)
                    reason = " ".join(str(exc).split()) or type(exc).__name__
                    raise LoaderError(f"damaged PDF: page {i + 1} cannot be read ({reason})",
                                      file=where) from None
                drawn = drawn or has_objects
                pages.append(page)
            title = _title(pdf)
        finally:
            pdf.close()
        if not any(p.chars for p in pages):
            if not drawn:
                raise LoaderError("empty PDF: no text on any page", file=where)
            raise LoaderError(_SCANNED, file=where)
        return _assemble(pages, name, path, count, title)
    finally:
        _VOCABULARY.reset(vocabulary)


def _title(pdf) -> str:  # noqa: ANN001 (a pypdfium2 PdfDocument)
    """The title the file's metadata gives, or "" (unreadable metadata is no title)."""
    try:
        return str(pdf.get_metadata_dict().get("Title") or "")
    except Exception:  # noqa: BLE001
        return ""


def _body_colour(pages: list[_Page]) -> int:
    """The colour most running text is set in."""
    colours: Counter[int] = Counter()
    for page in pages:
        for seg in page.segs:
            for w in seg.words:
                colours[w.colour] += len(w.text)
    return colours.most_common(1)[0][0] if colours else 0


def _body_size(pages: list[_Page], margins: bool = True) -> float:
    """The size most running text is set in (``margins`` false: leaving out the top and
    bottom tenth of each page, where running headers and footers are)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        lo, hi = page.height * 0.1, page.height * 0.9
        for seg in page.segs:
            if not margins and (seg.bottom <= lo or seg.top >= hi):
                continue
            for w in seg.words:
                sizes[w.size] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _column_flow(column: list[_Elem], page: int) -> list[_Para]:
    """One column's elements as paragraph candidates and tables, top to bottom."""
    edge = max(e[3] for e in column)
    out: list[_Para] = []
    run: list[_Seg] = []
    for kind, obj, *_ in column:
        if kind == "table":
            if run:
                out.extend(_paragraphs(_lines(run), page, edge))
                run = []
            out.append(_Para([], page, kind=BlockKind.TABLE, table=obj))  # type: ignore[arg-type]
        else:
            run.append(obj)  # type: ignore[arg-type]
    if run:
        out.extend(_paragraphs(_lines(run), page, edge))
    if out:
        out[0].opens = out[-1].closes = True
        last = out[-1]
        if last.full and last.lines:
            # Its last line reaching the column's edge says the break, not the writer, ended
            # it only when other lines reach that edge too: a column of one or two lines (a
            # line set across a sidebar's gutter between narrower ones) is as wide as its
            # widest line, so its last line is always "full".
            lines = [ln for p in out for ln in p.lines]
            width = edge - min(ln[0].x0 for ln in lines)
            if sum(edge - ln[-1].x1 < 0.15 * width for ln in lines[:-1]) < 2:
                last.full = False
    return out


def _assemble(pages: list[_Page], name: str, path: str | None, count: int,
              title: str = "") -> Document:
    furniture = _split_furniture(pages, _body_size(pages, margins=False), title, name)
    body = _body_size(pages)
    flow: list[_Para] = []
    for page in pages:
        for column in _reading_order(page.segs, page.tables):
            if column:
                flow.extend(_column_flow(column, page.number))
    flow, callouts = _callouts(flow, body)
    furniture += callouts
    flow, contents = _contents(flow, count)
    furniture += contents
    _classify(flow, body, _body_colour(pages))
    flow = _join_across(flow)
    blocks = [b for p in flow if (b := _block(p)) is not None]
    return assemble(name, blocks, path=path, format="pdf", furniture=furniture, page_count=count)


_QUOTES = "\"“”‘’'«»"
# A contents entry: its title, a leader of dots (or a rule of underscores) and a page number.
_LEADER_ENTRY = re.compile(r"^(?P<title>.*?\S)\s*(?:[.·…_]\s*){4,}(?P<page>\d{1,4})$")
_ENDS_PAGE = re.compile(r"\s(?P<page>\d{1,4})$")
_CONTENTS_TITLE = re.compile(r"^(?:table\s+of\s+)?contents(?:\s+page)?:?$", re.IGNORECASE)


def _contents(flow: list[_Para], count: int) -> tuple[list[_Para], list[Block]]:
    """A contents page's entries taken out of the text, as navigation furniture: a line that
    runs on a leader of dots to a page number, a "Contents" title over such lines, and a line
    ending in a page number between two entries of one page (a long entry fills its line and
    leaves no room for dots). They repeat the headings; read as text, an entry's last one
    runs on into the first line of the next page."""
    texts = [(" ".join(filter(None, (p.marker, _plain(p)))) if p.kind is BlockKind.PARAGRAPH
              and p.lines else "") for p in flow]

    def entry(i: int) -> bool:
        m = _LEADER_ENTRY.match(texts[i])
        return m is not None and 0 < int(m.group("page")) <= max(count, 1)

    entries = [entry(i) for i in range(len(flow))]
    if sum(entries) < 2:
        return flow, []
    for i, text in enumerate(texts):
        if entries[i] or not text:
            continue
        m = _ENDS_PAGE.search(text)
        before = next((j for j in range(i - 1, -1, -1) if texts[j]), None)
        after = next((j for j in range(i + 1, len(flow)) if texts[j]), None)
        if m and 0 < int(m.group("page")) <= max(count, 1) and before is not None \
                and after is not None and entries[before] and entries[after] \
                and flow[before].page == flow[i].page == flow[after].page:
            entries[i] = True
    for i, text in enumerate(texts):
        if _CONTENTS_TITLE.match(text):
            after = next((j for j in range(i + 1, len(flow)) if texts[j]), None)
            entries[i] = after is not None and entries[after]
    out = [Block(BlockKind.FURNITURE, texts[i], page=p.page, role="navigation")
           for i, p in enumerate(flow) if entries[i]]
    return [p for i, p in enumerate(flow) if not entries[i]], out


def _callouts(flow: list[_Para], body: float) -> tuple[list[_Para], list[Block]]:
    """A designed page's callouts taken out of the text, as furniture: a "big number" (a
    figure alone, in type half as large again as the body's, "£2.3m") with the small line
    under it that says what it counts; a caption (a short paragraph all in italics, smaller
    than the body); a pull quote (a sentence of the text again, in quotation marks or in
    larger italics). They repeat or decorate the plan; none of them is an item of it."""
    texts = [(p, _plain(p)) for p in flow if p.kind is BlockKind.PARAGRAPH and p.lines]
    keys = {id(p): _quote_key(t) for p, t in texts}
    kept: list[_Para] = []
    out: list[Block] = []
    label_after: _Para | None = None
    for p in flow:
        if p.kind is not BlockKind.PARAGRAPH or not p.lines or p.marker:
            kept.append(p)
            label_after = None
            continue
        text = _plain(p)
        words = text.split()
        role = ""
        size = p.size
        if label_after is not None and size < 0.95 * body and len(words) <= 15 \
                and p.page == label_after.page:
            role = "infographic"
        elif size >= 1.5 * body and _NUMBER.fullmatch(text.replace(" ", "")):
            role = "infographic"
        elif size <= 0.85 * body and len(words) <= 25 and all(
                w.italic for line in p.lines for w in line if any(c.isalnum() for c in w.text)):
            role = "caption"
        elif len(words) >= 5 and (text[0] in _QUOTES or (size >= 1.15 * body and _italic(p))):
            key = keys[id(p)]
            if key and any(key in other for q, other in keys.items() if q != id(p)):
                role = "pull-quote"
        if role:
            out.append(Block(BlockKind.FURNITURE, text, page=p.page, role=role))
            label_after = p if role == "infographic" and size >= 1.5 * body else None
            continue
        label_after = None
        kept.append(p)
    return kept, out


def _quote_key(text: str) -> str:
    """A paragraph's words for finding one quoted again: lower case, no quotation marks."""
    return " ".join(text.strip(_QUOTES + " ").lower().split())


def _italic(p: _Para) -> bool:
    flags = [w.italic for line in p.lines for w in line if any(c.isalnum() for c in w.text)]
    return bool(flags) and all(flags)


def _plain(para: _Para) -> str:
    return " ".join(w.text for w in _join_lines(para.lines))


def _classify(flow: list[_Para], body: float, colour: int | None = None) -> None:
    """Headings by size, weight and colour, list items with their nesting, for the whole
    document (``colour``: the body text's)."""
    sized: set[float] = set()
    candidates: list[tuple[_Para, str]] = []
    for p in flow:
        if p.kind is BlockKind.TABLE or (p.marker and p.marker in _BULLETS):
            continue
        text = _plain(p)
        if len(p.lines) > 5 or len(text) > 150 or not any(c.isalpha() for c in text):
            continue
        size, bold = p.size, p.bold
        if size >= body * 1.25 or (bold and size >= body * 1.1 and size - body >= 1):
            sized.add(size)
            candidates.append((p, "size"))
        elif (bold and (p.marker or _SECTION.match(p.lines[0][0].text)) and abs(size - body) < 1
              and len(p.lines) <= 3
              and not text.endswith((":", ",", ";")) and p.indent < 2 * body
              and (p.space_below is None or p.space_below > 0.3 * body)):
            # A numbered line of bold body text ("1. Introduction"), at its column's edge
            # with space below it. Unnumbered bold lines stay paragraphs: a name over a
            # title, a label over its value, a strapline are as often bold as a heading is.
            candidates.append((p, "bold"))
        elif (colour is not None and p.colour not in (None, colour) and size >= body - 0.5
              and not p.marker and len(p.lines) <= 2 and p.indent < 2 * body
              and not (bold and size < body * 1.1) and not text[-1].isdigit()
              and not text.endswith((":", ",", ";", "."))
              and not _LINKLIKE.search(text) and _standing_alone(p, body)):
            # A designed plan's house style: a heading told from the body only by its colour
            # (and a little size), never bold. A line in colour that ends a sentence, opens a
            # list, is a link or ends in a figure ("FTE staff 2,370.3") is text, and so is
            # one run into the next paragraph; bold at body size is as ambiguous in colour
            # as in black (a label, a lead-in).
            if size >= body * 1.1:
                sized.add(size)
                candidates.append((p, "size"))
            else:
                candidates.append((p, "bold"))
    ranks = sorted(sized, reverse=True)
    for p, why in candidates:
        p.kind = BlockKind.HEADING
        p.unmark()  # "1. Introduction": the number is part of the heading
        p.heading_level = min(ranks.index(p.size) + 1 if why == "size" else len(ranks) + 1, 6)
    # List items: nesting by the marker's indentation within a run of items; a run of items
    # is one list (one group) until something else, or a wider gap than between its items.
    stack: list[float] = []
    group = 0
    prev: _Para | None = None
    prev_gap: float | None = None
    above: _Para | None = None  # the description last read under ``prev``
    for p in flow:
        if p.kind is BlockKind.PARAGRAPH and p.marker and p.marker_word is not None \
                and p.marker_word.bold and not p.bold:
            p.unmark()  # "**2. Healthy lives:** People ...": a numbered bold lead-in
        if p.kind is BlockKind.PARAGRAPH and not p.marker and prev is not None \
                and _under_item_text(prev, above or prev, p):
            # "• A healthy and great place" / "Working with residents ...", set flush with
            # the item's text: the item's description, on the lines under it.
            p.describes, p.level, p.group = True, prev.level, prev.group
            above = p
            continue
        above = None
        if p.kind is not BlockKind.PARAGRAPH or not p.marker:
            stack, prev, prev_gap = [], None, None
            continue
        p.kind = BlockKind.LIST_ITEM
        gap = prev.space_below if prev is not None else None
        same = prev is not None and (
            (prev.closes and p.opens)  # the list runs on in the next column or page
            or gap is None
            or gap <= max(0.6 * p.size, (prev_gap if prev_gap is not None else gap) + 0.4 * p.size))
        if not same:
            group += 1
            stack = []
        if p.opens:
            stack = []
        prev_gap = gap if same and prev is not None else None
        while stack and p.x0 < stack[-1] - 3:
            stack.pop()
        if not stack or p.x0 > stack[-1] + 3:
            stack.append(p.x0)
        p.level = len(stack)
        p.group = group
        prev = p


_LINKLIKE = re.compile(r"(?i)\bwww\.|https?://|@\w|\.(?:gov|org|com|co)\.?(?:uk)?\b")


def _standing_alone(p: _Para, body: float) -> bool:
    """Whether ``p`` has space under it, or ends its column, as a heading has."""
    return p.space_below is None or p.space_below > 0.3 * body


def _under_item_text(item: _Para, above: _Para, p: _Para) -> bool:
    """Whether ``p`` is set where the text of the list item before it starts (right of its
    marker, within a few points of its first word), in the same column, close under
    ``above`` (the item, or the item's description before ``p``)."""
    text_x = item.lines[0][0].x0 if item.lines and item.lines[0] else item.x0
    gap = above.space_below
    return (p.page == item.page and not p.opens and text_x > item.x0 + 3
            and abs(p.x0 - text_x) <= 3 and gap is not None and gap < 1.5 * p.size
            and abs(p.size - item.size) < 0.6)


def _join_across(flow: list[_Para]) -> list[_Para]:
    """Join a sentence or a table that a column or page break cut in two."""
    out: list[_Para] = []
    for p in flow:
        prev = out[-1] if out else None
        if prev is not None and prev.closes and p.opens:
            if (p.kind is BlockKind.PARAGRAPH and not p.marker
                    and prev.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
                    and abs(prev.size - p.size) < 0.6 and prev.lines and p.lines
                    and not _ends_sentence(prev.lines[-1])
                    and (p.lines[0][0].text[:1].islower() or (prev.full and not _title_line(p))
                         or prev.lines[-1][-1].text in _OPEN_ENDS or _would_not_fit(prev, p))
                    # An item's text runs on at its own indent; a paragraph at the margin
                    # after an item that ends a page is the text under the list.
                    and (prev.kind is not BlockKind.LIST_ITEM
                         or p.lines[0][0].x0 >= prev.lines[-1][0].x0 - 2)):
                prev.lines.extend(p.lines)
                prev.closes = p.closes
                continue
            if (p.kind is BlockKind.TABLE and prev.kind is BlockKind.TABLE
                    and p.page == _last_page(prev) + 1 and _same_columns(prev, p)):
                prev.extra.append(p.table)  # type: ignore[arg-type]
                prev.closes = p.closes
                continue
        out.append(p)
    return out


def _title_line(p: _Para) -> bool:
    """Whether ``p`` is a line set as a title: one short line in title case ("Cross Cutting
    Objectives"), not ending a sentence, with more text under it in its column. A line that
    fills a column's foot does not run on into it: a sentence's tail ends on its full stop."""
    line = p.lines[0]
    return (len(p.lines) == 1 and not p.full and p.space_below is not None
            and not _ends_sentence(line)
            and all(w.text[:1].isupper() for w in line if len(w.text) >= 4 and w.text[:1].isalpha()))


def _would_not_fit(prev: _Para, p: _Para) -> bool:
    """Whether ``p``'s first word would not have fitted at the end of ``prev``'s last line:
    the line was broken for want of room, so a sentence cut at a column's foot ("... on year 1
    of our 3-year" / "Investment Plan 2022-2024.") goes on at the next column's top."""
    first, last = p.lines[0][0], prev.lines[-1]
    # A line of one word (an address), a one-line paragraph (a list of indicator names set
    # as lines, one nearly as wide as the column) or a bold line meeting a plain one (a label
    # over its value) ends where it does by itself, not for want of room.
    return (len(last) > 1 and len(prev.lines) > 1 and _line_bold(last) == _line_bold(p.lines[0])
            and prev.room <= (first.x1 - first.x0) + 0.6 * prev.size)


#: Words a sentence never ends on: a paragraph whose column or page ends on one ("... such
#: as" / "Crossrail, as well as ...") runs on at the top of the next, whatever the line's
#: length (a ragged column's last line is rarely "full").
_OPEN_ENDS = frozenset("a an the and or of to in on for with as by from at that which our "
                       "their its such including".split())


def _last_page(p: _Para) -> int:
    return p.page + len(p.extra)


def _same_columns(a: _Para, b: _Para) -> bool:
    last = (a.extra or [a.table])[-1]
    assert last is not None and b.table is not None
    if len(last.rows[0]) != len(b.table.rows[0]):
        return False
    if _norm_row(b.table.rows[0]) == _norm_row(a.table.rows[0]):  # type: ignore[union-attr]
        return True
    ca, cb = last.cols, b.table.cols
    return len(ca) == len(cb) and all(abs(x - y) <= 3 for x, y in zip(ca, cb))


def _norm_row(row: list[str]) -> list[str]:
    return [" ".join(c.split()).lower() for c in row]


def _block(p: _Para) -> Block | None:
    if p.kind is BlockKind.TABLE:
        table = p.table
        assert table is not None
        rows = [list(r) for r in table.rows]
        pages = [p.page] * len(rows)
        header = table.header
        # The parts joined on later pages, one a page (see _join_across): their rows are read
        # from those pages, which the rendering starts at the first of them.
        for page, more in enumerate(p.extra, start=p.page + 1):
            extra = [list(r) for r in more.rows]
            if extra and _norm_row(extra[0]) == _norm_row(rows[0]):
                extra = extra[1:]  # the header repeated on the next page
                header = True
            rows.extend(extra)
            pages.extend([page] * len(extra))
        cells = tuple(tuple(r) for r in rows)
        return Block(BlockKind.TABLE, table_text(cells), page=p.page, rows=cells, header=header,
                     row_pages=tuple(pages))
    words = _join_lines(p.lines)
    if not words:
        return None
    if p.kind is BlockKind.HEADING:
        return Block(BlockKind.HEADING, _with_marks(words, bold=False, italic=False), page=p.page,
                     level=p.heading_level)
    text = _with_marks(words)
    if p.kind is BlockKind.LIST_ITEM:
        return Block(BlockKind.LIST_ITEM, text, page=p.page, level=p.level, marker=p.marker,
                     group=p.group)
    if p.describes:
        return Block(BlockKind.PARAGRAPH, text, page=p.page, level=p.level, group=p.group)
    return Block(BlockKind.PARAGRAPH, text, page=p.page)

