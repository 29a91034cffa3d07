"""A pipe-closed table whose empty cells a PDF does not draw (docs/reading.md, "Pipe tables
with undrawn empty cells").

A web copy of a table one cell a line closes every cell with a pipe; an empty one-cell table
("||") closes a statement row's empty cells. Chromium draws nothing for an empty table, so in
the printed PDF the "||" lines are gone and the counted cells run the rows together. The
general reader finds the rows by the kind of cell each column holds instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import dev_corpus_eval as corpus
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.general.pipe_cells import pipe_cell_table
from stratgraph.loaders.read.model import Block, BlockKind
from test_corpus_formats import _plan
from test_formats_round3 import _NO_CHROMIUM

# The PDF writers share one Chromium: stopped after this module.
pytestmark = pytest.mark.usefixtures("stop_pdf_browser")

# A KPI appendix as a Chromium print gives it (Maidstone's, cut short): the statement rows
# ("People feel safe and are safe |") stood over a "||" line that the page does not show.
PRINTED = """\
Performance Measure |
Reporting Approach |
Comments/votes |
People feel safe and are safe |
Percentage of unauthorised encampments removed within 5 working days |
Reported quarterly |
5
|
Perceived safety measured by Residents Survey. |
Annual survey |
2
|
Repeat incidences of domestic violence |
Quarterly reporting |
2
|
Number of enforcement complaints |
Quarterly reporting |
7
|
A Borough that is recognised as clean and well cared for by everyone |
Number of fly-tipping incidents |
Quarterly reporting |
4
|
Perception of litter as measured in Residents Survey. |
Annual survey |
3
|"""


def _blocks(text: str) -> list[Block]:
    """Each line a paragraph, as the PDF reader gives these cells ("||": an empty table)."""
    return [Block(BlockKind.TABLE if set(line) == {"|"} and len(line) > 1 else BlockKind.PARAGRAPH,
                  "" if set(line) == {"|"} and len(line) > 1 else line, line=i)
            for i, line in enumerate(text.splitlines(), 1)]


def _rows(text: str) -> tuple[tuple[str, ...], ...]:
    piped = pipe_cell_table(_blocks(text), 0, text.splitlines())
    assert piped is not None
    return piped[0].rows


def test_statement_rows_whose_empty_cells_are_not_drawn_stand_alone() -> None:
    rows = _rows(PRINTED)
    assert rows[1] == ("People feel safe and are safe", "", "")
    assert rows[2] == ("Percentage of unauthorised encampments removed within 5 working days", "Reported quarterly", "5")
    assert ("A Borough that is recognised as clean and well cared for by everyone", "", "") in rows
    assert ("Number of fly-tipping incidents", "Quarterly reporting", "4") in rows
    assert rows[-1] == ("Perception of litter as measured in Residents Survey.", "Annual survey", "3")
    assert len(rows) == 9


def test_the_same_table_with_its_empty_cells_reads_as_counted() -> None:
    # The Markdown has the "||" lines: the cells are counted as before.
    lines = PRINTED.splitlines()
    for statement in ("People feel safe and are safe |",
                      "A Borough that is recognised as clean and well cared for by everyone |"):
        lines.insert(lines.index(statement) + 1, "||")
    assert _rows("\n".join(lines)) == _rows(PRINTED)


def test_a_table_whose_cells_are_all_there_is_left_alone() -> None:
    text = "\n".join(["Indicator |", "Frequency |", "Target |"]
                     + [f"{name} |\nQuarterly |\n{n}% |" for n, name in
                        enumerate(("Homes built", "Missed bins", "Calls answered", "Fly-tips cleared"), 70)])
    rows = _rows(text)
    assert rows[1:] == (("Homes built", "Quarterly", "70%"), ("Missed bins", "Quarterly", "71%"),
                        ("Calls answered", "Quarterly", "72%"), ("Fly-tips cleared", "Quarterly", "73%"))


MAIDSTONE = "maidstone-strategic-plan-performance-indicators-2019-20-appendix"
# The phrases of the reporting column that read as false measures before.
_REPORTING = {"Quarterly reporting (TBC) (narrative in text)", "Reported quarterly", "Annual survey",
              "Reported bi annually", "Comments/votes", "Nil"}


@_NO_CHROMIUM
@pytest.mark.parametrize("fmt", ["pdf-designed", "pdf-grid", "pdf-wide"])
def test_the_kpi_appendix_printed_without_its_empty_tables(fmt: str, tmp_path: Path) -> None:
    # Before: outcomes 0/6, measures 3/16 and eight false measures in each of these formats.
    plan = _plan(MAIDSTONE)
    path = corpus.write_as(plan, fmt, tmp_path)
    assert "||" not in "\n".join(b.text for b in SourceDocument.from_path(path).blocks)  # not drawn
    missed, base, nodes, made = corpus.compare_reading(plan, path)
    assert base["outcomes"] == base["measures"] == ()
    # The last statement row, at the table's cut-off end, still reads as a measure.
    assert missed["outcomes"] == ("A Borough that is recognised as clean and well cared for by everyone",)
    assert missed["measures"] == ('Perception of "Litter as measured in Residents Survey',)
    assert nodes - made == {("Measure", "A Borough that is recognised as clean and well cared for by everyone")}
    assert not {name for label, name in nodes if label == "Measure"} & _REPORTING
