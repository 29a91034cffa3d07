"""Cleaning helpers every loader shares: names free of bullets, tags and footnote markers."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

_TAG = re.compile(r"<[^>]*>")
_SUP = re.compile(r"<sup>\s*[\w*†‡]{1,3}\s*</sup>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
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


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """A display name: tags, markdown, footnote markers and bullets gone, spaces collapsed,
    a trailing semicolon or comma dropped; otherwise the text as written.

    Cached: loaders clean the same cell, heading and line text many times over.
    """
    text = collapse(strip_footnotes(strip_markdown(strip_tags(text))))
    bulletless = strip_bullet(text)
    if bulletless is not text:
        text = collapse(bulletless)
    return text.rstrip(" ;,").strip()


@dataclass(frozen=True, slots=True)
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


_ORG = re.compile(
    r"\b((?:[A-Z][a-z]+ ){1,4}(?:City|County|Borough|District|Metropolitan Borough) Council)\b"
)
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)\b")


@dataclass(frozen=True, slots=True)
class PlanInfo:
    """What the text says about the plan itself: its title (and line), council and period."""

    title: str
    line: int
    organisation: str | None
    start_year: int | None
    end_year: int | None


def find_organisations(text: str) -> list[str]:
    """Every "X City/County/... Council" named in the text, in order (a leading "The" dropped)."""
    return [re.sub(r"^The ", "", m.group(1)) for m in _ORG.finditer(text)]


def find_organisation(text: str) -> str | None:
    """The first "X City/County/... Council" named in the text."""
    match = _ORG.search(text)
    return match.group(1) if match else None


def find_period(text: str) -> tuple[int | None, int | None]:
    """The first year range ("2013-14", "2014-18", "2018/2022") in the text."""
    match = _PERIOD.search(text)
    if not match:
        return (None, None)
    start = int(match.group(1))
    end_raw = match.group(2)
    end = int(end_raw) if len(end_raw) == 4 else (start // 100) * 100 + int(end_raw)
    if end < start:
        end += 100
    return (start, end)
