"""Text and Markdown: the file is its own rendering; blocks come from its lines.

A plain-text plan (often a council's own conversion from PDF or Word) and a Markdown one share
one line grammar: ``#`` headings, bullets and numbered items (nesting by indentation), tab- or
pipe-separated table rows, and every other non-blank line a paragraph. One line is one block
(a converted plan puts each paragraph on a line of its own; Markdown's soft wrapping is rare in
plans), so a block's line is exactly the file's line.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from stratgraph.errors import LoaderError
from stratgraph.loaders.read.model import Block, BlockKind, Document

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
# Bullets a converter or a person types, and numbered or lettered items: "1.", "2)", "(a)", "iv)".
_LIST = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[•·▪◦●○■□♦◆►▶➢✓✔\-–—*+]|\(?[ivx]{1,4}\)|\(?[a-z]\)|\d{1,2}[.)])\s+(?P<text>\S.*)$"
)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
#: Control characters a text file does not hold (all below 32 except \t \n \v \f \r).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    return controls > max(8, len(sample) // 50)


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Line endings become ``\\n``. Empty and binary files raise :class:`LoaderError`.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Word and older intranets save Windows-1252; the few bytes it leaves undefined
            # become U+FFFD rather than stopping the load.
            text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise LoaderError("binary file, not a plan (expected text)", file=name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoaderError("empty file: no text to read", file=name)
    return text


class _CellText(HTMLParser):
    """An HTML table cell (as converters write them) in the cell convention of the model."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.in_item = False

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(("- " if self.in_item else "") + text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("p", "br", "div", "ul", "ol", "li", "tr"):
            self._flush()
            self.in_item = tag == "li"
        elif tag in ("b", "strong"):
            self.current.append("**")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "div", "li", "ul", "ol"):
            self._flush()
            self.in_item = False
        elif tag in ("b", "strong"):
            self.current.append("**")

    def handle_data(self, data: str) -> None:
        self.current.append(data)


def cell_text(cell: str) -> str:
    """One tab-table cell of a text plan in the model's cell convention (HTML cells read)."""
    cell = cell.strip()
    if "<" not in cell or ">" not in cell:
        return cell
    parser = _CellText()
    parser.feed(cell)
    parser.close()
    parser._flush()
    lines = [ln.replace("****", "").replace("- • ", "- ").replace("- ● ", "- ") for ln in parser.lines]
    return "\n".join(ln for ln in lines if ln.strip("-* "))


def _indent_level(indent: str) -> int:
    width = indent.count("\t") * 4 + indent.count(" ")
    return width // 2 + 1


def _table(rows: list[tuple[int, str]], pipe: bool) -> Block:
    cells: list[tuple[str, ...]] = []
    header = False
    for _, raw in rows:
        if pipe:
            if _PIPE_RULE.match(raw):
                header = len(cells) == 1
                continue
            parts = raw.strip().strip("|").split("|")
            cells.append(tuple(p.strip() for p in parts))
        else:
            cells.append(tuple(cell_text(c) for c in raw.split("\t")))
    first, last = rows[0][0], rows[-1][0]
    text = "\n".join("\t".join(" ".join(c.split()) for c in row) for row in cells)
    return Block(BlockKind.TABLE, text, first, last, rows=tuple(cells),
                 header=header or not pipe)


def parse_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of a text or Markdown plan, each on the lines it occupies."""
    blocks: list[Block] = []
    table: list[tuple[int, str]] = []
    pipe = False

    def close_table() -> None:
        nonlocal table
        if table:
            blocks.append(_table(table, pipe))
            table = []

    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            close_table()
            continue
        is_pipe = bool(_PIPE_ROW.match(raw)) or (bool(table) and pipe and bool(_PIPE_RULE.match(raw)))
        if "\t" in raw.strip() or is_pipe:
            if table and pipe != is_pipe:
                close_table()
            pipe = is_pipe
            table.append((number, raw))
            continue
        close_table()
        if m := _HEADING.match(raw):
            blocks.append(Block(BlockKind.HEADING, m.group(2), number, number, level=len(m.group(1))))
        elif m := _LIST.match(raw):
            blocks.append(Block(BlockKind.LIST_ITEM, m.group("text").strip(), number, number,
                                level=_indent_level(m.group("indent")), marker=m.group("marker")))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, raw.strip(), number, number))
    close_table()
    return tuple(blocks)


def read_text(data: bytes, name: str, path: str | None, *, markdown: bool = False) -> Document:
    """A text or Markdown plan: the decoded file is the rendering (blocks parsed on demand)."""
    return Document(name=name, text=decode(data, path or name), path=path,
                    format="markdown" if markdown else "text")
