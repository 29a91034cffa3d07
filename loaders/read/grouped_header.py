"""A table's two-row grouped header read as one header row of combined names.

KPI and action tables often group columns under a heading that spans them: "Target" over
"2024/25 | 2025/26", "Lead" over "Officer | Member", the other columns' headers merged down
over both rows. A reader that takes the first row for the header then sees "Target" and an
empty cell, and the second row as data. Each reader (Word's gridSpan and vMerge, a web page's
colspan and rowspan, a PDF's drawn cells) tells which cells of the first row span columns;
this module names each column by its group and its own header ("Target 2024/25",
"Lead Officer"), as a one-row header names it.
"""

from __future__ import annotations

from collections.abc import Sequence

# A sub-header is a short label; a longer cell is a row of data.
_MAX_HEADER_WORDS = 8


def _plain(cell: str) -> str:
    return " ".join(cell.replace("**", "").split())


def combined_header(rows: Sequence[Sequence[str]], spanned: Sequence[bool]) -> list[tuple[str, ...]] | None:
    """``rows`` with a grouped two-row header made one row, or None when it has none.

    ``spanned[j]`` says that column ``j`` of the first row is covered by a cell to its left.
    The first two rows are one header when the first row has a cell spanning two columns or
    more (but not all: that is the table's title), every column under such a group has a short
    label in the second row, and every other column is empty in it (its header merged down,
    or left blank): a row of data fills the columns a header does not group.
    """
    width = len(spanned)
    if len(rows) < 3 or len(rows[0]) != width or len(rows[1]) > width:
        return None
    groups: list[tuple[int, int]] = []
    j = 0
    while j < width:
        end = j + 1
        while end < width and spanned[end]:
            end += 1
        if end - j >= 2 and _plain(rows[0][j]):
            groups.append((j, end))
        j = end
    if not groups or any(end - start == width for start, end in groups):
        return None
    grouped = {j for start, end in groups for j in range(start, end)}
    second = [_plain(c) for c in rows[1]] + [""] * (width - len(rows[1]))
    for j, label in enumerate(second):
        if j in grouped and not (label and len(label.split()) <= _MAX_HEADER_WORDS):
            return None
        if j not in grouped and label:
            return None
    header = [_plain(c) for c in rows[0]]
    for start, end in groups:
        top = header[start]
        for j in range(start, end):
            header[j] = f"{top} {second[j]}"
    return [tuple(header), *(tuple(r) for r in rows[2:])]
