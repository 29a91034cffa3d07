"""Text and Markdown: the file is (nearly) its own rendering; blocks come from its lines.

A plain-text plan (often a council's own conversion from PDF or Word) and a Markdown one share
one line grammar: ``#`` headings, bullets and numbered items (nesting by indentation), tab- or
pipe-separated table rows, and every other non-blank line a paragraph. One line is one block
(a converted plan puts each paragraph on a line of its own; Markdown's soft wrapping is rare in
plans), so a block's line is exactly the file's line.

A text file's rendering is its decoded text, byte for byte. A Markdown file's is too, except
its pipe tables: the shape loaders read table rows as tab-separated cells, so each row of a
GitHub table (``| a | b |`` then ``|---|---|``) becomes its cells joined by tabs (``\\|``
unescaped) and the rule row is dropped. A Markdown plan with tables thus reads as its text
version does; lines after a table count one fewer per table than the file's.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from stratgraph.errors import LoaderError
from stratgraph.loaders.read.model import Block, BlockKind, Document

# The text starts with a non-space: "# \t" (a converter's empty heading) is no heading, and
# would name a theme "" (the property tests found it).
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(\S.*?)\s*#*\s*$")
# Bullets a converter or a person types, and numbered or lettered items: "1.", "2)", "(a)", "iv)".
# A bullet a copy from a PDF lost is U+FFFD or a private-use glyph (a Symbol or Wingdings
# bullet, U+E000-U+F8FF): still a bullet when text follows it after a space.
_LIST = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[•·▪◦●○■□♦◆►▶➢✓✔‣⁃\ufffd\ue000-\uf8ff\-–—*+]|\(?[ivx]{1,4}\)|\(?[a-z]\)|\d{1,2}[.)])\s+(?P<text>\S.*)$"
)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def typed_item(line: str) -> tuple[str, str] | None:
    """``(marker, text)`` when ``line`` is a list item typed by hand ("• Item", "2. Item",
    "(b) Item"), as a text plan's lines are read; else ``None``. Other formats use it for
    lists typed into a paragraph (a CMS's "• a<br>• b", Word's "1.<tab>Item")."""
    m = _LIST.match(line.strip())
    return (m.group("marker"), m.group("text").strip()) if m else None
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
        self.depth = 0  # lists open around the text (a nested list is depth 2)

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            indent = "  " * max(self.depth - 1, 0)
            self.lines.append((indent + "- " if self.in_item else "") + text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("p", "br", "div", "ul", "ol", "li", "tr"):
            self._flush()
            self.in_item = tag == "li"
            if tag in ("ul", "ol"):
                self.depth += 1
        elif tag in ("b", "strong"):
            self.current.append("**")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "div", "li", "ul", "ol"):
            self._flush()
            self.in_item = False
            if tag in ("ul", "ol"):
                self.depth = max(self.depth - 1, 0)
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
            if not raw.replace("|", "").strip():
                # Bare pipes ("||", "|||"): empty cells, one fewer than the pipes, so a
                # writer keeps how many (see render.empty_table).
                cells.append(("",) * max(raw.count("|") - 1, 1))
                continue
            parts = raw.strip().strip("|").split("|")
            cells.append(tuple(p.strip() for p in parts))
        else:
            cells.append(tuple(cell_text(c) for c in raw.split("\t")))
    first, last = rows[0][0], rows[-1][0]
    text = "\n".join("\t".join(" ".join(c.split()) for c in row) for row in cells)
    return Block(BlockKind.TABLE, text, first, last, rows=tuple(cells),
                 header=header or not pipe)


_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_GAPS = re.compile(r" {2,}")


def _spaced_cells(raw: str) -> list[str]:
    return [c for c in _GAPS.split(raw.strip()) if c]


def _spaced_tables(blocks: list[Block], lines: list[str]) -> list[Block]:
    """Runs of paragraphs whose columns are set apart by runs of spaces (a text conversion's
    table, "Indicator  2017/18 value  2018/19 target") as tables: at least three lines in a
    row, each with the same number (two or more) of cells."""
    out: list[Block] = []
    run: list[Block] = []

    def close() -> None:
        if len(run) >= 3:
            rows = tuple(tuple(_spaced_cells(lines[b.line - 1])) for b in run)
            out.append(Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), run[0].line,
                             run[-1].line, rows=rows, header=True))
        else:
            out.extend(run)
        run.clear()

    for block in blocks:
        raw = lines[block.line - 1] if block.kind is BlockKind.PARAGRAPH else ""
        cells = _spaced_cells(raw) if raw and _GAP.search(raw.strip()) else []
        if len(cells) >= 2 and (not run or (len(cells) == len(_spaced_cells(lines[run[-1].line - 1]))
                                            and block.line == run[-1].line + 1)):
            run.append(block)
            continue
        close()
        if len(cells) >= 2:
            run.append(block)
        else:
            out.append(block)
    close()
    return out


_RULE_ONLY = re.compile(r"^\s*\|?\s*(?::?-{3,}:?\s*\|\s*)+(?::?-{3,}:?\s*)?\|?\s*$")


def _ends_wrapped_table(body: list[Block], blocks: list[Block], index: int, width: int) -> bool:
    """Whether ``blocks[index]``, a line without a "|" right after a wrapped table's body, is the
    text after the table rather than a long cell run onto a line of its own. Copies of web pages
    often keep no blank line after a table, so the table would swallow the rest of the page.

    Only at a row's end (every cell so far closed by its "|"): a lead-in ending ":" ("The overall
    summary is as follows:"), the last line, or a line followed by another line without a "|"
    (prose, not a cell: a cell's overflow is closed by a "|" on its next line).
    """
    block = blocks[index]
    if "|" in block.text:
        return False
    cells = sum(part.text.count("|") for part in body)
    if cells % width or (body and not body[-1].text.rstrip().endswith("|")):
        return False
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return (block.text.rstrip().endswith(":") or after is None or after.line != block.line + 1
            or "|" not in after.text)


def _wrapped_pipe_tables(blocks: list[Block]) -> list[Block]:
    """A pipe table whose cells a conversion put one per line ("Action |", "Implementation |",
    "---|---|", then each cell's text ending "|", long cells running onto a line of their own):
    the header cells are the lines just above the rule row, and the body's text, split at each
    "|", fills rows of as many cells. The table ends at the first blank line, or at the text
    after it (:func:`_ends_wrapped_table`)."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        width = block.text.count("---")
        header = out[-width:] if width >= 2 and len(out) >= width else []
        if not (block.kind is BlockKind.PARAGRAPH and _RULE_ONLY.match(block.text) and header
                and all(h.kind is BlockKind.PARAGRAPH and h.text.endswith("|") for h in header)
                and all(b.line + 1 == a.line for b, a in zip(header, [*header[1:], block]))):
            out.append(block)
            index += 1
            continue
        body: list[Block] = []
        last = block.line
        index += 1
        while index < len(blocks) and blocks[index].line == last + 1 \
                and blocks[index].kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            if _ends_wrapped_table(body, blocks, index, width):
                break
            body.append(blocks[index])
            last = blocks[index].line
            index += 1
        cells: list[tuple[str, int]] = []
        current: list[str] = []
        start = 0
        for part in body:
            pieces = part.text.split("|")
            for k, piece in enumerate(pieces):
                if piece.strip():
                    if not current:
                        start = part.line
                    current.append(piece.strip())
                if k < len(pieces) - 1:
                    cells.append((" ".join(current), start or part.line))
                    current, start = [], 0
        if current:
            cells.append((" ".join(current), start))
        rows = [tuple(h.text.rstrip("|").strip() for h in header)]
        lines = [header[0].line]
        for k in range(0, len(cells), width):
            chunk = cells[k:k + width]
            rows.append(tuple(c for c, _ in chunk) + ("",) * (width - len(chunk)))
            lines.append(next((ln for _, ln in chunk if ln), chunk[0][1]))
        del out[-width:]
        out.append(Block(BlockKind.TABLE, "\n".join("\t".join(r) for r in rows), header[0].line,
                         last, rows=tuple(rows), header=True, row_lines=tuple(lines)))
    return out


def parse_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of a text or Markdown plan, each on the lines it occupies."""
    blocks = _parse_lines(text)
    if "  " in text:
        blocks = _spaced_tables(blocks, text.split("\n"))
    if "---|" in text:
        blocks = _wrapped_pipe_tables(blocks)
    if " / " in text:
        from stratgraph.loaders.read.slash_tables import slash_tables

        blocks = slash_tables(blocks)
    return tuple(_rejoin_wrapped(blocks))


def _rejoin_wrapped(blocks: list[Block]) -> list[Block]:
    """A paragraph a copy hard-wrapped ("... by the time of their child" / "health reviews by
    2026") is one block again: the next line follows at once and starts in lower case, and the
    first does not end a sentence. The block spans both lines."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if (last is not None and block.kind is BlockKind.PARAGRAPH and last.kind is BlockKind.PARAGRAPH
                and block.line == last.end_line + 1 and block.text[:1].islower()
                and last.text[-1:] not in ".:;!?" and not last.text.endswith("**")):
            out[-1] = Block(BlockKind.PARAGRAPH, f"{last.text} {block.text}", last.line, block.end_line,
                            page=last.page)
            continue
        out.append(block)
    return out


def _parse_lines(text: str) -> list[Block]:
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
        # Inside a tab table, a row with one filled cell ("\t\tAction\t\t", "Group:\t") is
        # still a row: stripping it leaves no tab, but its tabs place the text in a column.
        in_tab_table = bool(table) and not pipe and "\t" in raw
        if "\t" in raw.strip() or is_pipe or in_tab_table:
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
    return blocks


# A GitHub table: a header row, then a rule row with as many cells ("|---|:--:|", "--- | ---").
_MD_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_MD_PIPE = re.compile(r"(?<!\\)\|")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _md_cells(line: str) -> list[str]:
    """The cells of a pipe-table row: split at unescaped ``|``, outer pipes dropped."""
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip().replace("\\|", "|").replace("\t", " ") for c in _MD_PIPE.split(row)]


def markdown_rendering(text: str) -> str:
    """A Markdown file's rendering: the file, its pipe tables as tab-separated rows.

    A table is a row with ``|``, a rule row of as many cells, and the rows with ``|`` that
    follow up to a blank line; the rule row is dropped. Lines in code fences stay as they are.
    """
    if "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    fenced = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if _MD_FENCE.match(line):
            fenced = not fenced
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (not fenced and "|" in line and "|" in nxt and _MD_RULE.match(nxt)
                and len(_md_cells(line)) == len(_md_cells(nxt))):
            out.append("\t".join(_md_cells(line)))
            i += 2
            while i < len(lines) and lines[i].strip() and _MD_PIPE.search(lines[i]):
                out.append("\t".join(_md_cells(lines[i])))
                i += 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def read_text(data: bytes, name: str, path: str | None, *, markdown: bool = False) -> Document:
    """A text or Markdown plan: the decoded file is the rendering (blocks parsed on demand).

    A text file's rendering is exactly its decoded text; a Markdown file's has its pipe tables
    as tab-separated rows (:func:`markdown_rendering`).
    """
    text = decode(data, path or name)
    if markdown:
        return Document(name=name, text=markdown_rendering(text), path=path, format="markdown")
    return Document(name=name, text=text, path=path, format="text")
