"""Which theme each block of a narrative document falls under.

Two layouts:

- a CPA-style **self-assessment** (it names the Key Lines of Inquiry, or asks "Question 1: ...")
  has the five assessment themes (Ambition for the community, Prioritisation, Capacity,
  Performance management, Achievement) as themes, each starting at the first heading after the
  previous theme that names it, and the lettered areas of the achievement section ("A.
  Sustainable communities and transport") as themes of their own, each area's own headings
  ("Housing market") as its sub-areas (kind ``achievement sub-area``, parent the area: the
  loader makes each PART_OF its area, and the area REFERENCES what its sub-areas name, so it
  still answers for them). What comes before the
  assessment (the cabinet report) is a preamble: only its theme table rows ("Ambition <tab>
  key risks ...") say anything about a theme.
- any **other text**: its headings are themes (markdown headings at the level that repeats,
  else plain heading lines).

In both, a closing heading (Conclusion, References, Appendix, Notes) ends the last theme: what
follows belongs to the plan as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from stratgraph.loaders.common.names import clean_name
from stratgraph.loaders.shapes.narrative.text import Block

#: The Key Lines of Inquiry themes, as the 2006 CPA corporate assessment names them.
KLOE_THEMES = (
    "Ambition for the community",
    "Prioritisation",
    "Capacity",
    "Performance management",
    "Achievement",
)
_QUESTION = re.compile(r"^Question\s+\d+\s*[:.]", re.IGNORECASE)
_KLOE_MENTION = re.compile(r"key\s+lines\s+of\s+(?:en|in)quiry", re.IGNORECASE)
_THEME_LIST = re.compile(r"themes\b.*key\s+lines\s+of\s+(?:en|in)quiry\s*:?\s*$", re.IGNORECASE)
_LETTERED = re.compile(r"^([A-H])[.)]\s+(.+)$")
_CLOSING = re.compile(
    r"^(?:conclusions?|references|appendix|appendices|notes|footnotes|glossary|endnotes)\b",
    re.IGNORECASE,
)
#: Theme kinds of the achievement section.
AREA = "achievement area"
SUB_AREA = "achievement sub-area"
_BODY_START = re.compile(r"^(?:executive summary|introduction|foreword)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ThemeSpan:
    """A theme and the blocks it covers (``first`` inclusive, ``end`` exclusive)."""

    name: str
    line: int
    first: int
    end: int
    kind: str
    parent: str | None = None


@dataclass(frozen=True, eq=False)
class NarrativeOutline:
    """The themes of one document and where its body starts."""

    themes: tuple[ThemeSpan, ...]
    #: Index of the first block after the preamble (0 when there is none).
    body_start: int
    self_assessment: bool

    def theme_at(self, index: int) -> ThemeSpan | None:
        """The innermost theme covering block ``index``."""
        covering = [t for t in self.themes if t.first <= index < t.end]
        return max(covering, key=lambda t: t.first) if covering else None

    def block_themes(self, count: int) -> list[ThemeSpan | None]:
        """:meth:`theme_at` for each of the first ``count`` blocks, in one pass over the themes."""
        innermost: list[ThemeSpan | None] = [None] * count
        for theme in self.themes:
            for index in range(theme.first, min(theme.end, count)):
                current = innermost[index]
                # Strictly later starts only: of two starting together, the first listed wins.
                if current is None or theme.first > current.first:
                    innermost[index] = theme
        return innermost

    def row_theme(self, block: Block) -> ThemeSpan | None:
        """The theme a preamble table row is about, by its first cell ("Prioritisa tion")."""
        first_cell = re.sub(r"\s+", "", block.text.split("\t")[0]).lower()
        if not first_cell:
            return None
        for theme in self.themes:
            if theme.kind == "assessment theme":
                squeezed = theme.name.replace(" ", "").lower()
                stem = theme.name.split()[0].lower()
                if first_cell == squeezed or first_cell == stem:
                    return theme
        return None

    def container(self, theme: ThemeSpan) -> ThemeSpan | None:
        """The achievement area a sub-area is part of (None for any other theme)."""
        if theme.kind != SUB_AREA:
            return None
        return next((t for t in self.themes if t.kind == AREA and t.name == theme.parent
                     and t.first <= theme.first < t.end), None)

    def named(self, name: str) -> ThemeSpan | None:
        """The theme called ``name`` (case folded), if any."""
        return next((t for t in self.themes if t.name.lower() == name.lower()), None)


def is_self_assessment(blocks: Sequence[Block]) -> bool:
    """Whether the document is a CPA-style self-assessment against the Key Lines of Inquiry."""
    questions = sum(1 for b in blocks if b.kind == "heading" and _QUESTION.match(b.text))
    return questions >= 2 or any(_KLOE_MENTION.search(b.text) for b in blocks)


def layout(blocks: Sequence[Block]) -> NarrativeOutline:
    """The themes of ``blocks`` as a self-assessment or as generic headed text."""
    if is_self_assessment(blocks):
        return _assessment_layout(blocks)
    return _generic_layout(blocks)


def _closing_index(blocks: Sequence[Block], start: int) -> int:
    for index in range(start, len(blocks)):
        if blocks[index].kind == "heading" and _CLOSING.match(blocks[index].text):
            return index
    return len(blocks)


def _theme_names(blocks: Sequence[Block]) -> tuple[str, ...]:
    """The themes as the document lists them ("the five main themes of the Key Lines of
    Inquiry: - Ambition for the community ..."), else the standard five."""
    for index, block in enumerate(blocks):
        if not _THEME_LIST.search(block.text):
            continue
        names = []
        for item in blocks[index + 1:]:
            if item.kind != "bullet" or (block.kind == "bullet" and item.level <= block.level):
                break
            names.append(clean_name(item.text))
        if len(names) >= 3:
            return tuple(names)
    return KLOE_THEMES


def _body_start(blocks: Sequence[Block]) -> int:
    for index, block in enumerate(blocks):
        if block.kind == "heading" and (_BODY_START.match(block.text) or _QUESTION.match(block.text)):
            return index
    return 0


def _assessment_layout(blocks: Sequence[Block]) -> NarrativeOutline:
    body = _body_start(blocks)
    end = _closing_index(blocks, body)
    first_question = next(
        (i for i in range(body, end) if blocks[i].kind == "heading" and _QUESTION.match(blocks[i].text)),
        body,
    )
    starts: list[tuple[str, int]] = []
    cursor = first_question
    for name in _theme_names(blocks):
        stem = name.split()[0].lower()[:6]
        found = next(
            (i for i in range(cursor, end)
             if blocks[i].kind == "heading" and stem in blocks[i].text.lower()),
            None,
        )
        if found is not None:
            starts.append((name, found))
            cursor = found + 1
    themes = [
        ThemeSpan(name, blocks[first].line, first,
                  starts[n + 1][1] if n + 1 < len(starts) else end, "assessment theme")
        for n, (name, first) in enumerate(starts)
    ]
    if themes:
        last = themes[-1]
        areas = [(i, _LETTERED.match(blocks[i].text)) for i in range(last.first, end)
                 if blocks[i].kind == "heading"]
        lettered = [(i, m.group(2).strip()) for i, m in areas if m]
        for n, (first, name) in enumerate(lettered):
            stop = lettered[n + 1][0] if n + 1 < len(lettered) else end
            area = ThemeSpan(clean_name(name), blocks[first].line, first, stop,
                             AREA, parent=last.name)
            themes.append(area)
            themes.extend(_sub_areas(blocks, area))
    return NarrativeOutline(tuple(themes), body, True)


def _sub_areas(blocks: Sequence[Block], area: ThemeSpan) -> list[ThemeSpan]:
    """The area's own headings ("Crime and fear of crime" under "B. Safer and stronger
    communities"), each a theme of kind ``achievement sub-area`` up to the next one or the
    area's end. What comes before the first is the area's own text."""
    heads = [i for i in range(area.first + 1, area.end) if blocks[i].kind == "heading"
             and clean_name(blocks[i].text)]
    return [ThemeSpan(clean_name(blocks[first].text), blocks[first].line, first,
                      heads[n + 1] if n + 1 < len(heads) else area.end,
                      SUB_AREA, parent=area.name)
            for n, first in enumerate(heads)]


def _generic_layout(blocks: Sequence[Block]) -> NarrativeOutline:
    headings = [(i, b) for i, b in enumerate(blocks) if b.kind == "heading"]
    marked = [(i, b) for i, b in headings if b.level > 0]
    if marked:
        top = min(b.level for _, b in marked)
        first_text = next((i for i, b in enumerate(blocks) if b.text.strip()), -1)
        if (sum(1 for _, b in marked if b.level == top) == 1 and marked[0][1].level == top
                and marked[0][0] == first_text):
            # One top-level heading opening the text: the document's title, not a theme.
            marked = marked[1:]
            top = min((b.level for _, b in marked), default=top)
        chosen = [(i, b) for i, b in marked if b.level == top]
    else:
        first_text = next((i for i, b in enumerate(blocks) if b.text.strip()), -1)
        chosen = [(i, b) for i, b in headings if i != first_text]
    end = len(blocks)
    themes = []
    closing = [i for i, b in chosen if _CLOSING.match(b.text)]
    if closing:
        end = closing[0]
    chosen = [(i, b) for i, b in chosen if i < end]
    for n, (first, block) in enumerate(chosen):
        stop = chosen[n + 1][0] if n + 1 < len(chosen) else end
        name = clean_name(block.text)
        if name:
            themes.append(ThemeSpan(name, block.line, first, stop, "section"))
    return NarrativeOutline(tuple(themes), 0, False)
