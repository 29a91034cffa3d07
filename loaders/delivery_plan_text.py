"""A faster ``clean_name`` for the loaders' hot paths, returning exactly what the shared one does.

``text.clean_name`` runs seven regex passes on every string; most names need none of them (no
tag, no entity, no markdown, no superscript). This version runs each shared helper only when
the text holds a character the helper's pattern needs, so its result is the same string.
It belongs in ``loaders/text.py``; it lives here until that module can take it. The coded-
priorities and outcomes-framework loaders use it too.
"""

from __future__ import annotations

from stratgraph.loaders.text import (
    strip_bullet,
    strip_footnotes,
    strip_markdown,
    strip_tags,
)

# What a bullet (``text.strip_bullet``) can start with besides a-z and a digit: a bullet
# mark, or the "(" of "(a)" / "(iv)".
_BULLET_FIRST = frozenset("•·▪◦●○■□♦◆►▶➢✓✔-–—*(")


def collapse(text: str) -> str:
    """Whitespace runs to one space, trimmed (``text.collapse``: ``\\s`` is ``str.isspace``)."""
    return " ".join(text.split())


def clean_name(text: str) -> str:
    """``text.clean_name``: tags, markdown, footnote markers and bullets gone, spaces
    collapsed, a trailing semicolon or comma dropped."""
    if "<" in text or "&" in text:  # a tag or an entity
        text = strip_tags(text)
    if "*" in text or "__" in text:  # emphasis markers
        text = strip_markdown(text)
    if not text.isascii():  # superscript footnote digits are not ASCII
        text = strip_footnotes(text)
    text = collapse(text)
    if _may_start_with_bullet(text):
        unbulleted = strip_bullet(text)
        if unbulleted != text:
            text = collapse(unbulleted)
    return text.rstrip(" ;,").strip()


def _may_start_with_bullet(text: str) -> bool:
    # ``text`` is collapsed, so a bullet would be its very first character.
    first = text[:1]
    return first in _BULLET_FIRST or first.isdecimal() or "a" <= first <= "z"
