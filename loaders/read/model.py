"""The document model every loader reads: typed blocks over one plain-text rendering.

A reader (text, Markdown, HTML, Word, PDF) turns a file into a :class:`Document`. The document
keeps two views of the same content, as docling-core and Unstructured do:

- ``blocks``: headings with a level, paragraphs, list items with a nesting level and marker,
  tables with their cells; each knows its first and last line and its page;
- ``text``: the plain-text rendering, the one coordinate system of provenance. ``source_line``
  is always a 1-based line of this rendering, whatever the format, and ``stratgraph text FILE``
  prints it, so a user can see exactly what line 214 is.

Page furniture (running headers and footers, page numbers, navigation menus, cookie notices,
captions) is recognised by the reader and kept in ``furniture``, outside the rendering: no
loader ever sees it, so none of it can become a node.

For a text file the rendering is the file itself, byte for byte, so plans that were read as
text before read exactly as they did. A Markdown file's rendering is the file too, line for
line, except its pipe tables: each row becomes its cells joined by tabs (the table rows the
loaders read) and the ``|---|---|`` rule row is dropped, so a Markdown plan reads like its text
version.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property


class BlockKind(str, Enum):
    """What a block is, in the reading order of the document."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    FURNITURE = "furniture"


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of a document.

    ``text`` is the block as one string (a table's rows joined by newlines, its cells by tabs).
    ``line`` and ``end_line`` are 1-based lines of the document's rendering (0 for furniture,
    which is not rendered). ``level`` is a heading's level (1 = top) or a list item's nesting
    (1 = outermost); a paragraph with a level is the description of the list item before it
    (a paragraph inside a web page's ``<li>``, Word's "List Continue"), rendered on the lines
    right under it. ``rows`` holds a table's cells, the header first when ``header`` is set;
    a cell's paragraphs are separated by newlines, list items in a cell start with ``"- "``
    (a nested item indented two spaces a level: ``"  - "``) and bold runs are wrapped in
    ``**``. ``role`` names what a furniture block is. ``group`` tells the lists of a reader
    that knows them apart (items of one list, nested ones too, share a number; 0 = not told):
    the rendering puts a blank line between two lists, as a text plan separates its groups.
    ``row_lines`` gives each table row's own line where rows are not one line each (a table
    whose cells a conversion wrapped over several lines); empty when ``line + i`` is row i's.
    ``row_pages`` gives the page each table row was read from (one per row of ``rows``), for a
    table that runs on over a page break: its later rows are on later pages than ``page``, and
    the rendering starts the next page at the first of them; empty when unknown.
    """

    kind: BlockKind
    text: str
    line: int = 0
    end_line: int = 0
    page: int | None = None
    level: int = 0
    marker: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False
    role: str = ""
    group: int = field(default=0, compare=False)
    row_lines: tuple[int, ...] = field(default=(), compare=False)
    row_pages: tuple[int, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Document:
    """One plan file as read: its name (the provenance key), rendering, blocks and pages."""

    name: str
    text: str
    path: str | None = None
    #: Which reader read it: ``text``, ``markdown``, ``html``, ``docx``, ``pdf``, ``odt``,
    #: ``xlsx``, ``ods``, ``csv`` or ``pptx``.
    format: str = "text"
    #: Blocks as the reader found them; ``None`` for text, which is parsed on first use.
    parsed_blocks: tuple[Block, ...] | None = field(default=None, repr=False, compare=False)
    #: Page headers, footers, page numbers, menus, captions: recognised and kept out of the text.
    furniture: tuple[Block, ...] = field(default=(), repr=False, compare=False)
    #: The first line of each page after the first (sorted), for documents with pages.
    page_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    #: Number of pages, when the format has pages.
    page_count: int | None = field(default=None, compare=False)

    @cached_property
    def lines(self) -> list[str]:
        """The rendering's lines without line endings; ``lines[i]`` is line ``i + 1``."""
        return self.text.split("\n")

    def line(self, number: int) -> str:
        """Line ``number`` (1-based) of the rendering."""
        return self.lines[number - 1]

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """The content blocks in reading order (furniture excluded)."""
        if self.parsed_blocks is not None:
            return self.parsed_blocks
        from stratgraph.loaders.read.text import parse_blocks

        return parse_blocks(self.text)

    @property
    def has_pages(self) -> bool:
        """Whether lines can be mapped to pages (PDF, and Word where it marks page breaks)."""
        return self.page_count is not None

    def page_of(self, line: int) -> int | None:
        """The 1-based page that rendering line ``line`` is on, or ``None`` without pages."""
        if self.page_count is None:
            return None
        return bisect_right(self.page_starts, line) + 1

    @classmethod
    def from_path(cls, path: object) -> Document:
        """Read a plan file of any supported format (see :mod:`stratgraph.loaders.read`)."""
        from stratgraph.loaders.read import read_document

        return read_document(path)  # type: ignore[arg-type]
