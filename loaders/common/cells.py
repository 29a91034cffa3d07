"""A table cell's contents: its paragraphs, bold runs and list items.

Converted plans write a table cell on one line, as the small HTML a converter leaves
(``<p>``, ``<b>``, ``<ul><li>``, often unclosed) or as plain text. :func:`parse_cell` splits
such a cell into paragraphs, bold runs and ``<li>`` items (a shape that needs the order of
its blocks, as the delivery plan does, builds its own tree from the same tag events).

html.parser costs more than everything else a plan's cells need; yet nearly every cell is a
few plain tags (``<b>``, ``<p>``, ``<ul style="...">``, ``<li>``) around text. For such a cell
:func:`feed_plain_tags` and :func:`flat_list_items` give exactly what html.parser would, in a
fraction of the time; any other cell (a comment, a stray ``<``, a ``<script>``) is left to
html.parser.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Protocol

from stratgraph.loaders.common.names import clean_name


class TagHandler(Protocol):
    """What receives a cell's events, as html.parser's handler methods would."""

    def handle_starttag(self, tag: str) -> None: ...

    def handle_endtag(self, tag: str) -> None: ...

    def handle_data(self, data: str) -> None: ...


# A plain tag ("<li>", "</b>", "<br/>", '<ul style="list-style-type: none">'): html.parser
# reads each as exactly one start and/or end tag, lower-cased. Only the spaces html.parser
# ends a tag name at ([ \t\n\r\f]) count: it reads "<br\xa0>" as a tag named "br\xa0".
_PLAIN_TAG = re.compile(
    r"<(?:(?P<open>[a-zA-Z][a-zA-Z0-9]*)(?:[ \t\n\r\f]+[a-zA-Z][-a-zA-Z]*=\"[^\"<>]*\")*"
    r"[ \t\n\r\f]*(?P<empty>/?)|/(?P<close>[a-zA-Z][a-zA-Z0-9]*))>"
)
# html.parser reads these tags' contents as raw text, not markup.
_RAW_TEXT_TAGS = ("script", "style")


def feed_plain_tags(raw: str, handler: TagHandler) -> bool:
    """Feed ``raw`` tag by tag when every ``<`` opens a plain tag, giving html.parser's
    events without its cost; False (and nothing fed) when the cell needs html.parser."""
    # The text before each tag, then the tag's groups (open, empty, close), ..., the rest.
    parts = _PLAIN_TAG.split(raw)
    if len(parts) // 4 != raw.count("<") or _opens_raw_text(raw, parts):
        return False
    for i in range(0, len(parts) - 1, 4):
        text, opened, empty, closed = parts[i:i + 4]
        if text:
            handler.handle_data(html.unescape(text))
        if closed:
            handler.handle_endtag(closed.lower())
            continue
        tag = opened.lower()
        handler.handle_starttag(tag)
        if empty:  # "<br/>": html.parser reports a start and an end
            handler.handle_endtag(tag)
    if parts[-1]:
        handler.handle_data(html.unescape(parts[-1]))
    return True


def _opens_raw_text(raw: str, parts: list[str]) -> bool:
    if "<s" not in raw and "<S" not in raw:
        return False
    return any(tag and tag.lower() in _RAW_TEXT_TAGS for tag in parts[1::4])


# A cell that is one list of plain items and nothing else, as most activity and deadline cells
# are: '<ul style="list-style-type: none"> <li>• a</li> <li>• b</li> </ul>'.
_FLAT_LIST = re.compile(
    r"\s*<(?:ul|ol)(?:[ \t\n\r\f]+[a-zA-Z][-a-zA-Z]*=\"[^\"<>]*\")*[ \t\n\r\f]*>"
    r"(?P<items>(?:\s*<li>[^<]*</li>)*)\s*</(?:ul|ol)>\s*"
)
_FLAT_ITEM = re.compile(r"<li>([^<]*)</li>")


def flat_list_items(raw: str) -> list[str] | None:
    """The items' text (entities decoded, not cleaned) when the cell is a lone list of plain
    items, else None."""
    if not (raw.startswith("<") or raw[:1].isspace()):
        return None
    m = _FLAT_LIST.fullmatch(raw)
    return [html.unescape(text) for text in _FLAT_ITEM.findall(m["items"])] if m else None


# -- a cell's paragraphs, bold runs and items ---------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class Cell:
    """A table cell parsed from HTML: its free text paragraphs, bold runs and list items."""

    paragraphs: tuple[str, ...]
    bold: tuple[str, ...]
    items: tuple[str, ...]
    text: str


class _CellParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.bold: list[str] = []
        self.items: list[str] = []
        self._buf: list[str] = []
        self._bold_buf: list[str] | None = None
        self._in_li = 0
        self._li_buf: list[str] = []
        self._in_sup = False

    def _flush_paragraph(self) -> None:
        text = clean_name("".join(self._buf))
        if text:
            self.paragraphs.append(text)
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "sup":
            self._in_sup = True
        elif tag in ("b", "strong"):
            self._bold_buf = []
        elif tag == "li":
            self._flush_paragraph()
            self._in_li += 1
            self._li_buf = []
        elif tag in ("p", "br", "ul", "ol", "div"):
            if not self._in_li:
                self._flush_paragraph()
            else:
                self._li_buf.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup":
            self._in_sup = False
        elif tag in ("b", "strong") and self._bold_buf is not None:
            text = clean_name("".join(self._bold_buf))
            if text:
                self.bold.append(text)
            self._bold_buf = None
        elif tag == "li" and self._in_li:
            self._in_li -= 1
            text = clean_name("".join(self._li_buf))
            if text:
                self.items.append(text)
            self._li_buf = []
        elif tag in ("p", "ul", "ol", "div") and not self._in_li:
            self._flush_paragraph()

    def handle_data(self, data: str) -> None:
        if self._in_sup and data.strip().isalnum() and len(data.strip()) <= 3:
            return
        if self._bold_buf is not None:
            self._bold_buf.append(data)
        if self._in_li:
            self._li_buf.append(data)
        else:
            self._buf.append(data)


def parse_cell(raw: str) -> Cell:
    """Split an HTML-ish table cell into paragraphs, bold runs and ``<li>`` items.

    Unclosed ``<li>`` tags (common in converted PDFs) still end at the next ``<li>`` or at the
    end of the cell.
    """
    parser = _CellParser()
    # An unclosed <li> would swallow the following ones; close each before the next opens.
    fixed = re.sub(r"(?i)(?<!^)<li\b", "</li><li", raw)
    fixed = re.sub(r"(?i)^</li>", "", fixed)
    parser.feed(fixed)
    if parser._in_li and parser._li_buf:
        text = clean_name("".join(parser._li_buf))
        if text:
            parser.items.append(text)
    parser._flush_paragraph()
    return Cell(
        paragraphs=tuple(parser.paragraphs),
        bold=tuple(parser.bold),
        items=tuple(parser.items),
        text=clean_name(raw),
    )
