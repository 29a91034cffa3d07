"""Reading "Performance measures and targets" rows into measures with targets.

Decisions, as a careful reader takes them:

- a row whose measure ends with ":" and has no target ("Unlawful supply of alcohol and
  tobacco:") heads the rows under it: they are the measures, with it as their ``group``;
- a measure cell holding a list ("Households receiving free advice on welfare reform:" with
  four ``<li>``) is one measure per item, each taking its own target when the target cell
  holds one per item ("2013/14 – 6,000 2013/14 – 600 ..."), else the whole target text;
- a list in the target cell is part of that one measure's target;
- "(NI93)" or "(previously NI 186)" is the indicator code; "(baseline in 1990 – 2338.3 ktCO2)"
  and "(currently averaging 1,400)" are the baseline; each is cut from the name or target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratgraph.loaders.common.dates import YEAR
from stratgraph.loaders.shapes.delivery_plan.cells import parse_html_cell, plain_text, tidy
from stratgraph.loaders.shapes.delivery_plan.layout import Row

_CODE = re.compile(
    r"\s*\((?:previously\s+|formerly\s+)?(?P<code>(?:NI|BV|BVPI|PSA|NPI|LAA|PAF|CYP)\s?\d+[a-z]?)\)"
)
_BASELINE = re.compile(r"\s*\((?:baseline(?:\s+in)?|currently)\s*(?P<base>[^()]*)\)",
                       re.IGNORECASE)
_CURRENTLY = re.compile(r"\s*\((?P<base>currently[^()]*)\)", re.IGNORECASE)
# One target per sub-measure: "2013/14 – 6,000 2013/14 – 600" starts a new one at each year.
_TARGET_START = re.compile(rf"(?=\b{YEAR}/\d\d\s*[–-])")


@dataclass(frozen=True, slots=True, eq=False)
class MeasureRecord:
    """A measure as the table states it."""

    line: int
    name: str
    target: str | None
    baseline: str | None = None
    indicator_code: str | None = None
    group: str | None = None
    section: str | None = None


def read_measure_rows(rows: tuple[Row, ...] | list[Row]) -> list[MeasureRecord]:
    """Measures from a theme's measure-table rows, in order."""
    out: list[MeasureRecord] = []
    group: str | None = None
    for row in rows:
        if row.first_in_table:
            group = None
        name_cell = parse_html_cell(row.cells[0])
        raw_target = row.cells[1] if len(row.cells) > 1 else ""
        target = _target_text(raw_target)
        sub_items = name_cell.items
        if sub_items:
            head = " ".join(name_cell.paragraphs).rstrip(":").strip() or None
            targets = [t.strip() for t in _TARGET_START.split(target or "") if t.strip()]
            if len(targets) != len(sub_items):
                targets = [target or ""] * len(sub_items)
            out.extend(_record(row, item.text, t or None, head)
                       for item, t in zip(sub_items, targets))
            continue
        name = " ".join(name_cell.paragraphs) or (name_cell.title or "")
        if not name:
            continue
        if name.endswith(":") and not target:
            group = name.rstrip(":").strip()
            continue
        out.append(_record(row, name, target, group))
    return out


def _target_text(raw: str) -> str | None:
    cell = parse_html_cell(raw) if "<" in raw else None  # no tag, no list
    if cell is None or not cell.items:
        return plain_text(raw) or None
    # "Across 10 events each year: <ul>...</ul>": the list completes the one target.
    return " ".join([*cell.paragraphs, "; ".join(i.text for i in cell.items)]).strip() or None


def _record(row: Row, name: str, target: str | None, group: str | None) -> MeasureRecord:
    name = plain_text(name)
    code = None
    m = _CODE.search(name)
    if m:
        code = m.group("code")
        name = name[:m.start()] + name[m.end():]
    baseline = None
    m = _BASELINE.search(name)
    if m:
        baseline = m.group("base").strip()
        name = name[:m.start()] + name[m.end():]
    if target:
        m = _CURRENTLY.search(target)
        if m and baseline is None:
            baseline = m.group("base").strip()
            target = (target[:m.start()] + target[m.end():]).strip()
    return MeasureRecord(row.line, tidy(name), target or None, baseline, code, group,
                         row.subsection)
