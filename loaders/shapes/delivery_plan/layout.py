"""The layout of a delivery plan: title, declared themes, theme sections, tables, leads.

A delivery plan is a run of ``#`` headings. Some are themes; others are front matter
("Introduction", "Contents", "Leicester today..."), a theme's own sections ("Summary of
priorities", "Council activity", "Performance measures and targets") or sub-headings inside a
section ("### Children and young people" above part of a measures table). A heading is a theme
when the introduction's list of themes names it, or when it is the heading a "Summary of
priorities" / "Council activity" / measures section sits under; its level does not matter
(one Leicester theme is a ``##`` heading by mistake).

The lines are read with the shared grammar (:class:`~stratgraph.loaders.common.layout.Layout`:
headings, bullets, tab rows); what they make up is a :class:`DeliveryPlanOutline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratgraph.graph.model import normalise_name
from stratgraph.loaders.common.layout import Heading, Layout, heading, split_cells
from stratgraph.loaders.shapes.delivery_plan.cells import tidy

_CONTENTS_ENTRY = re.compile(r"^(.+?)\s*\.{3,}\s*\d+\s*$")
_THEME_LIST_LEAD = re.compile(r"\bthemes?\b.*:\s*$", re.IGNORECASE)
_SHORT = 300
_BOLD_LINE = re.compile(r"^\s*\*\*(.+?):?\*\*:?\s*$")
# "Assistant city mayor Piara Singh Clair": the role ends with its title word, the name
# starts with a capital (matched case-sensitively).
_ROLE = re.compile(
    r"^(?P<role>.*?\b(?:mayor|leader|member|councillor|lead|chair|holder))"
    r"\s+(?P<name>(?-i:[A-Z]).+)$",
    re.IGNORECASE,
)

SUMMARY = "summary"
ACTIVITY = "activity"
MEASURES = "measures"


def section_kind(heading: str) -> str | None:
    """Which of a theme's standard sections a heading opens, if any."""
    h = normalise_name(heading)
    if h.startswith("summary of priorities") or h in ("our priorities", "priorities"):
        return SUMMARY
    if h.startswith(("council activity", "key activit")):
        return ACTIVITY
    if h.startswith(("performance measures", "measures and targets")):
        return MEASURES
    return None


def is_activity_header(cells: list[str]) -> bool:
    """A tab-table header: short cells, one of them "By when" (or "Deadline"), one naming
    the activities."""
    if len(cells) < 3 or any(len(c) > 60 or "<" in c for c in cells):
        return False  # checked before normalising: most rows are long prose cells
    heads = [normalise_name(c) for c in cells]
    return any(h in _WHEN_HEADS for h in heads) and any(
        "activit" in h or "action" in h or "project" in h for h in heads)


_WHEN_HEADS = frozenset({"by when", "when", "deadline", "deadlines", "timescale",
                         "timescales", "target date", "completion date"})


def is_measure_header(cells: list[str]) -> bool:
    """A tab-table header "Performance measure | Targets"."""
    return (len(cells) >= 2 and all(len(c) <= 60 for c in cells)
            and "measure" in cells[0].casefold() and "target" in cells[-1].casefold())


@dataclass(frozen=True, slots=True, eq=False)
class Row:
    """One table row: its 1-based line and raw cells, with the table's header cells."""

    line: int
    cells: tuple[str, ...]
    header: tuple[str, ...]
    first_in_table: bool
    subsection: str | None = None

    def cell(self, *words: str) -> str:
        """The raw cell under the first header containing any of ``words`` ("" if none)."""
        for i, head in enumerate(self.header):
            folded = head.casefold()
            if any(w in folded for w in words):
                return self.cells[i] if i < len(self.cells) else ""
        return ""


@dataclass(frozen=True, slots=True, eq=False)
class SummaryItem:
    """A "Summary of priorities" bullet with its nested bullets."""

    line: int
    text: str
    children: tuple[SummaryItem, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class ThemeSection:
    """Everything under one theme heading."""

    heading: Heading
    prose: tuple[tuple[int, str], ...]
    summary: tuple[SummaryItem, ...]
    activity_rows: tuple[Row, ...]
    measure_rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True, eq=False)
class LeadEntry:
    """A cabinet lead's bold "Role Name:" line and the portfolio paragraph under it."""

    line: int
    role: str | None
    name: str
    portfolio: str | None


@dataclass(frozen=True, slots=True, eq=False)
class DeliveryPlanOutline:
    """The whole document, read into its parts (headings with their text tidied)."""

    title: Heading | None
    front_matter: tuple[tuple[int, str], ...]
    declared_themes: tuple[str, ...]
    themes: tuple[ThemeSection, ...]
    leads: tuple[LeadEntry, ...]


def read_layout(lines: list[str]) -> DeliveryPlanOutline:
    """Read a delivery plan's lines into its outline."""
    layout = Layout(lines)
    headings = _headings(layout)
    declared, from_intro = _declared_themes(layout)
    theme_heads = _theme_headings(headings, declared, from_intro)
    first_theme = theme_heads[0].line if theme_heads else len(lines) + 1
    title = next((h for h in headings if section_kind(h.text) is None
                  and normalise_name(h.text) != "contents"), None)
    front = tuple((i, lines[i - 1].strip()) for i in range(1, first_theme)
                  if lines[i - 1].strip() and not layout.heading(i))
    themes = []
    for idx, head in enumerate(theme_heads):
        end = theme_heads[idx + 1].line if idx + 1 < len(theme_heads) else len(lines) + 1
        themes.append(_read_theme(layout, head, end))
    return DeliveryPlanOutline(title, front, tuple(declared), tuple(themes),
                               tuple(_leads(lines)))


def _headings(layout: Layout) -> list[Heading]:
    return [Heading(h.line, h.level, text) for h in layout.headings() if (text := tidy(h.text))]


def _declared_themes(layout: Layout) -> tuple[list[str], bool]:
    """The themes an introduction lists ("... our nine priority themes for Leicester:"),
    else the contents entries; and whether the list came from the introduction."""
    lines = layout.lines
    for i, line in enumerate(lines):
        # Lead-ins and contents entries are short; the bound also keeps the regexes linear.
        if len(line) > _SHORT or not _THEME_LIST_LEAD.search(line.strip()):
            continue
        names: list[str] = []
        for number in range(i + 2, len(lines) + 1):  # the lines after this one
            if not lines[number - 1].strip():
                if names:
                    break
                continue
            found = layout.bullet(number)
            if not found:
                break
            names.append(tidy(found[1]))
        if len(names) >= 2:
            return names, True
    # No introduction list: the contents page is the next best statement of the themes.
    contents = [tidy(m.group(1)) for line in lines
                if len(line) <= _SHORT and (m := _CONTENTS_ENTRY.match(line.strip()))]
    return contents, False


def _theme_headings(headings: list[Heading], declared: list[str],
                    from_intro: bool) -> list[Heading]:
    listed = {normalise_name(n) for n in declared} if from_intro else set()
    owners: set[int] = set()
    last_plain: Heading | None = None
    for h in headings:
        if section_kind(h.text) is None:
            last_plain = h
        elif last_plain is not None and section_kind(h.text) in (SUMMARY, ACTIVITY):
            owners.add(last_plain.line)
    # A contents page also lists front matter ("Introduction"), so only the introduction's
    # own list of themes can make a heading a theme without the sections under it.
    out = [h for h in headings if h.line in owners
           or (normalise_name(h.text) in listed and section_kind(h.text) is None)]
    return _dedupe_front(out, owners)


def _dedupe_front(heads: list[Heading], owners: set[int]) -> list[Heading]:
    # A declared name can also appear as a heading before the themes start (a contents
    # entry rendered as a heading); keep only the first heading of each name that owns
    # sections, else the last one.
    by_name: dict[str, Heading] = {}
    for h in heads:
        key = normalise_name(h.text)
        if key not in by_name or (h.line in owners and by_name[key].line not in owners):
            by_name[key] = h
    return sorted(by_name.values(), key=lambda h: h.line)


def _read_theme(layout: Layout, head: Heading, end: int) -> ThemeSection:
    lines = layout.lines
    prose: list[tuple[int, str]] = []
    summary: list[SummaryItem] = []
    activity: list[Row] = []
    measures: list[Row] = []
    mode: str | None = None
    subsection: str | None = None
    i = head.line + 1
    while i < end:
        line = lines[i - 1]
        found = layout.heading(i)
        if found:
            text = tidy(found[1])
            kind = section_kind(text)
            if kind:
                mode, subsection = kind, None
            else:
                subsection = text
            i += 1
            continue
        cells = split_cells(line)
        if len(cells) >= 2 and (is_activity_header(cells) or is_measure_header(cells)):
            rows, i = _read_table(layout, i, end, subsection)
            (activity if is_activity_header(cells) else measures).extend(rows)
            continue
        if mode == SUMMARY and (bulleted := layout.bullet(i)):
            item, i = _read_bullets(layout, i, end, bulleted[0])
            summary.extend(item)
            continue
        if line.strip() and mode is None:
            prose.append((i, tidy(line)))
        i += 1
    return ThemeSection(head, tuple(prose), tuple(summary), tuple(activity), tuple(measures))


def _read_table(layout: Layout, start: int, end: int,
                subsection: str | None) -> tuple[list[Row], int]:
    """Rows from the header at ``start`` to the first blank line; wrapped rows re-joined."""
    lines = layout.lines
    header = tuple(c.strip() for c in split_cells(lines[start - 1]))
    rows: list[tuple[int, list[str]]] = []
    i = start + 1
    while i < end and lines[i - 1].strip() and not layout.heading(i):
        cells = split_cells(lines[i - 1])
        if rows and (len(rows[-1][1]) < len(header) or len(cells) == 1):
            # A row the converter wrapped onto the next line: its text continues the last cell
            # and any further cells follow on.
            prev = rows[-1][1]
            prev[-1] = prev[-1] + " " + cells[0]
            prev.extend(cells[1:])
        elif len(cells) > 1 or not is_activity_header(cells):
            rows.append((i, cells))
        i += 1
    out = [Row(line, tuple(cells), header, n == 0, subsection)
           for n, (line, cells) in enumerate(rows)]
    return out, i


def _read_bullets(layout: Layout, start: int, end: int,
                  indent: int) -> tuple[list[SummaryItem], int]:
    """Bullets at ``indent`` from ``start``, each with deeper bullets as children."""
    lines = layout.lines
    items: list[SummaryItem] = []
    i = start
    while i < end:
        line = lines[i - 1]
        found = layout.bullet(i)
        if found and found[0] == indent:
            text, line_no = found[1], i
            i += 1
            # A bullet the converter wrapped: unbulleted, non-blank lines straight after it.
            while i < end and lines[i - 1].strip() and not layout.bullet(i) \
                    and not layout.heading(i):
                text += " " + lines[i - 1].strip()
                i += 1
            children: list[SummaryItem] = []
            nxt = layout.bullet(i) if i < end else None
            if nxt and nxt[0] > indent:
                children, i = _read_bullets(layout, i, end, nxt[0])
            items.append(SummaryItem(line_no, tidy(text), tuple(children)))
        elif found and found[0] < indent:
            break
        elif not line.strip() and i + 1 < end and (following := layout.bullet(i + 1)) \
                and following[0] == indent:
            i += 1  # a blank line between bullets of one list
        else:
            break
    return items, i


def _leads(lines: list[str]) -> list[LeadEntry]:
    """Cabinet leads: a bold "Role Name:" line followed by a portfolio paragraph, wherever
    the team section is (Leicester's comes before the themes; another plan's may close it)."""
    out: list[LeadEntry] = []
    stop = len(lines) + 1
    for i in range(1, stop):
        m = _BOLD_LINE.match(lines[i - 1])
        if not m or not lines[i - 1].rstrip().rstrip("*").endswith(":"):
            continue
        label = tidy(m.group(1)).rstrip(":")
        role_match = _ROLE.match(label)
        if not role_match:
            continue
        portfolio = None
        for j in range(i + 1, min(stop, i + 4)):
            text = lines[j - 1].strip()
            if text:
                if not _BOLD_LINE.match(text) and not heading(text):
                    portfolio = tidy(text)
                break
        out.append(LeadEntry(i, role_match.group("role").strip(),
                             role_match.group("name").strip(), portfolio))
    return out
