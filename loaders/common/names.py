"""Clean display names every loader shares: free of tags, markdown, bullets and footnote markers."""

from __future__ import annotations

import html
import re
from functools import lru_cache

_TAG = re.compile(r"<[^>]*>")
_SUP = re.compile(r"<sup>\s*[\w*†‡]{1,3}\s*</sup>", re.IGNORECASE)
# Bullets Word and PDF converters leave at the start of an item.
_BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□♦◆►▶➢✓✔\-–—*]+|\(?[ivx]{1,4}\)|\(?[a-z]\)|\d{1,2}[.)])\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
# Superscript digits used as footnote markers by PDF converters ("targets⁶").
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPT_DIGITS}]+")


def strip_markdown(text: str) -> str:
    """Remove ``**bold**`` and ``*italic*`` markers, keeping the words."""
    # Most names carry no markers; skipping the regex for them is most of this function's cost.
    if "*" not in text and "__" not in text:
        return text
    return _MD_EMPHASIS.sub(_emphasised_words, text)


def _emphasised_words(match: re.Match[str]) -> str:
    return match.group(2) or match.group(3) or ""


def strip_tags(text: str) -> str:
    """Remove HTML tags (footnote ``<sup>`` markers with their contents) and unescape entities."""
    if "<" in text:
        text = _TAG.sub(" ", _SUP.sub("", text))
    return html.unescape(text)


def strip_footnotes(text: str) -> str:
    """Remove superscript footnote markers."""
    # isascii() is a flag lookup: ASCII text cannot hold a superscript digit.
    if text.isascii():
        return text
    return _FOOTNOTE_SUPERSCRIPT.sub("", text)


def collapse(text: str) -> str:
    """Whitespace runs to one space, trimmed."""
    # str.split() and the regex's \s agree on what whitespace is (str.isspace).
    return " ".join(text.split())


def strip_bullet(text: str) -> str:
    """Remove a leading bullet or list number."""
    match = _BULLET.match(text)
    return text[match.end():] if match else text


_LIST_JOINER = re.compile(r"\s*[;,]\s*(?:and|or)\s*$")


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """A display name: tags, markdown, footnote markers and bullets gone, spaces collapsed,
    a trailing semicolon or comma (or "; and", "; or") dropped; otherwise the text as written.

    Cached: loaders clean the same cell, heading and line text many times over.
    """
    text = collapse(strip_footnotes(strip_markdown(strip_tags(text))))
    bulletless = strip_bullet(text)
    if bulletless is not text:
        text = collapse(bulletless)
    # a list item's joiner to the next ("Tackle domestic abuse; and") is not part of its name
    return _LIST_JOINER.sub("", text).rstrip(" ;,").strip()
