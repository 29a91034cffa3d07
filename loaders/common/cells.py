"""Reading the tags of a table cell without html.parser, when the cell allows it.

html.parser costs more than everything else a delivery plan's cells need; yet nearly every
cell is a few plain tags (``<b>``, ``<p>``, ``<ul style="...">``, ``<li>``) around text. For such
a cell these functions give exactly what html.parser would, in a fraction of the time; any
other cell (a comment, a stray ``<``, a ``<script>``) is left to html.parser.
"""

from __future__ import annotations

import html
import re
from typing import Protocol


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
