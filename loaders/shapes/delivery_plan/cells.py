"""Reading one HTML table cell of a delivery plan into its blocks, keeping their order.

The shared ``parse_cell`` (``common/cells.py``) flattens nested lists and loses whether a paragraph came before or
after a list; the delivery-plan rows need both (a lead-in sentence before a ``<ul>``, a
"Reading:" item whose ``<ol>`` holds the actual programmes), so this parser keeps a tree.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from stratgraph.loaders.common.cells import feed_plain_tags, flat_list_items
from stratgraph.loaders.common.names import clean_name, collapse, strip_markdown

# A space the converter left before closing punctuation ("CO2 )", "Reading :").
_SPACE_BEFORE_CLOSE = re.compile(r"\s+([)\].,;:])")
# The same in collapsed text (its only whitespace is single spaces); a literal first
# character makes this search several times faster.
_COLLAPSED_SPACE_BEFORE_CLOSE = re.compile(r" [)\].,;:]")


# A plan tidies the same strings over and over (a heading, a name, a cell's items, each read
# in several passes): the loader clears this cache per document, so it holds one plan's.
@lru_cache(maxsize=16384)
def tidy(text: str) -> str:
    """A cleaned name (``clean_name``) without stray spaces before closing punctuation."""
    return _drop_space_before_close(clean_name(text))


def _drop_space_before_close(text: str) -> str:
    # ``text`` is collapsed. A search first: a substitution with a template costs several
    # times more, even when nothing matches, and most texts have no such space.
    if _COLLAPSED_SPACE_BEFORE_CLOSE.search(text):
        return _SPACE_BEFORE_CLOSE.sub(r"\1", text)
    return text


@dataclass(frozen=True, slots=True, eq=False)
class Item:
    """One ``<li>``: its own text and any nested list's items."""

    text: str
    children: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class Block:
    """A run of the cell in reading order: a text paragraph, or a list of items."""

    text: str = ""
    items: tuple[Item, ...] = ()

    @property
    def is_list(self) -> bool:
        """Whether this block is a list rather than a paragraph."""
        return bool(self.items)


@dataclass(frozen=True, slots=True, eq=False)
class HtmlCell:
    """A parsed cell: the first bold run outside lists (a title) and the blocks in order."""

    title: str | None
    blocks: tuple[Block, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text blocks, in order."""
        return tuple(b.text for b in self.blocks if not b.is_list)

    @property
    def items(self) -> tuple[Item, ...]:
        """Every top-level list item of every list, in order."""
        return tuple(item for b in self.blocks for item in b.items)

    @property
    def lead_in(self) -> tuple[str, ...]:
        """The paragraphs that come before the first list (none when there is no list)."""
        if not any(b.is_list for b in self.blocks):
            return ()
        out: list[str] = []
        for b in self.blocks:
            if b.is_list:
                break
            out.append(b.text)
        return tuple(out)

    @property
    def is_empty(self) -> bool:
        """Whether the cell holds no text at all."""
        return not self.title and not self.blocks


class _OpenItem:
    """An ``<li>`` being read: its text so far, its nested items and its list depth."""

    __slots__ = ("buf", "children", "depth")

    def __init__(self, depth: int) -> None:
        self.buf: list[str] = []
        self.children: list[Item] = []
        self.depth = depth

    def close(self) -> Item:
        return Item(tidy("".join(self.buf)), tuple(self.children))


class _TreeBuilder:
    """Builds an ``HtmlCell`` from the tag and text events of one cell, in order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.title: str | None = None
        self._text: list[str] = []
        self._title_buf: list[str] | None = None
        self._lists: list[list[Item]] = []   # open lists, innermost last
        self._items: list[_OpenItem] = []    # open <li>, innermost last
        self._glue = False                   # <sub>/<sup>: no space before the next data

    # -- helpers -----------------------------------------------------------------------

    def _flush_text(self) -> None:
        text = tidy("".join(self._text))
        if text:
            self.blocks.append(Block(text=text))
        self._text = []

    def _close_item(self) -> None:
        open_item = self._items.pop()
        item = open_item.close()
        if item.text or item.children:
            self._lists[open_item.depth - 1].append(item)

    def _open_list(self) -> None:
        if not self._items:
            self._flush_text()
        self._lists.append([])

    def _close_list(self) -> None:
        while self._items and self._items[-1].depth >= len(self._lists):
            self._close_item()
        items = tuple(self._lists.pop())
        if self._items:
            self._items[-1].children.extend(items)
        elif items:
            self.blocks.append(Block(items=items))

    # -- events ------------------------------------------------------------------------

    def handle_starttag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self._open_list()
        elif tag == "li":
            if not self._lists:  # a stray <li> with no list around it
                self._open_list()
            # An unclosed <li> at the same depth ends where the next one starts.
            while self._items and self._items[-1].depth >= len(self._lists):
                self._close_item()
            self._items.append(_OpenItem(depth=len(self._lists)))
        elif tag in ("b", "strong") and self.title is None and not self._items:
            self._flush_text()
            self._title_buf = []
        elif tag in ("p", "div", "br") and not self._items:
            self._flush_text()
        elif tag in ("sub", "sup"):
            self._unspace()
            self._glue = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self._lists:
            self._close_list()
        elif tag == "li" and self._items and self._items[-1].depth == len(self._lists):
            self._close_item()
        elif tag in ("b", "strong") and self._title_buf is not None:
            self.title = tidy("".join(self._title_buf)) or None
            self._title_buf = None
        elif tag in ("p", "div") and not self._items:
            self._flush_text()

    def handle_data(self, data: str) -> None:
        if self._glue:
            data = data.strip()
            self._glue = False
        if self._title_buf is not None:
            self._title_buf.append(data)
        elif self._items:
            self._items[-1].buf.append(data)
        else:
            self._text.append(data)

    def _unspace(self) -> None:
        buf = (self._title_buf if self._title_buf is not None
               else self._items[-1].buf if self._items else self._text)
        if buf:
            buf[-1] = buf[-1].rstrip()

    def finish(self) -> HtmlCell:
        if self._title_buf is not None:
            self.title = tidy("".join(self._title_buf)) or None
        while self._lists:
            self._close_list()
        self._flush_text()
        return HtmlCell(self.title, tuple(self.blocks))


class _HtmlParserFeed(HTMLParser):
    """Feeds a cell through ``html.parser`` (any HTML at all) into a ``_TreeBuilder``."""

    def __init__(self, builder: _TreeBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.handle_starttag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.builder.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.builder.handle_data(data)


def parse_html_cell(raw: str) -> HtmlCell:
    """Parse a table cell's HTML (or plain text) into a title and ordered blocks."""
    flat = _flat_list(raw)
    if flat is not None:
        return flat
    builder = _TreeBuilder()
    if not feed_plain_tags(raw, builder):
        feed = _HtmlParserFeed(builder)
        feed.feed(raw)
        feed.close()
    return builder.finish()


def _flat_list(raw: str) -> HtmlCell | None:
    """The cell ``_TreeBuilder`` reads from a lone list of plain items, or None for any other
    cell: the builder's events for this one shape, without their cost."""
    texts = flat_list_items(raw)
    if texts is None:
        return None
    items = tuple(Item(text) for text in map(tidy, texts) if text)
    return HtmlCell(None, (Block(items=items),) if items else ())


def flatten(items: tuple[Item, ...]) -> list[tuple[Item, str | None]]:
    """Leaf items with the text of the item they are nested under ("Reading:" -> "Reading").

    A parent item that only introduces a nested list is a group label, not an item itself.
    """
    out: list[tuple[Item, str | None]] = []
    for item in items:
        if item.children:
            group = item.text.rstrip(":").strip() or None
            out.extend((child, group) for child, _ in flatten(item.children))
        else:
            out.append((item, None))
    return out


_SQUARE_METRES = re.compile(r"(?<=m)\s*<sup>\s*2\s*</sup>", re.IGNORECASE)
_SUB_OR_SUP = re.compile(r"\s*<su[bp]>\s*(\w+)\s*</su[bp]>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def plain_text(raw: str) -> str:
    """A cell's text with tags gone but footnote-like superscripts kept ("7,500m²")."""
    if "<" in raw:  # every pattern here starts at a tag
        raw = _SQUARE_METRES.sub("²", raw)
        raw = _SUB_OR_SUP.sub(r"\1", raw)
        raw = _TAG.sub(" ", raw)
    raw = html.unescape(raw)
    if "*" in raw or "__" in raw:  # emphasis markers
        raw = strip_markdown(raw)
    return _drop_space_before_close(collapse(raw))
