"""Formats round 7: tables and print as councils publish them.

- A two-row grouped header ("Target" over "2024/25 | 2025/26", "Lead" over "Officer |
  Member", the other headers merged down over both rows), in Word (gridSpan, vMerge), a web
  page (colspan, rowspan) and a PDF with drawn cells (reportlab's SPAN): each column is known
  by its combined name, so the tables read as the same plan with a one-row header does.
- A table inside a cell of a Word table that lays the page out: the inner table read as a
  table, its text once and in order.
- A typeset PDF's syllable hyphens at line ends ("resi-" / "lient") rejoined by an English
  word list where the plan spells the word nowhere else; real hyphens kept.

Each file is built with a real tool (python-docx, reportlab, the HTML text a CMS writes) and
read as ``stratgraph build`` reads it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as WordDocument
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import dev_corpus_eval as corpus
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.read import read_bytes
from stratgraph.loaders.read.model import BlockKind
from stratgraph.loaders.registry import extract
from test_corpus_formats import _plan

TITLE = "Wexbridge Council Plan 2024-28"
PRIORITY = "Priority 1: A greener borough"
MEASURES = [("Percentage of household waste recycled", "48%", "52%"),
            ("Number of trees planted each year", "5,000", "7,500")]
ACTIONS = [("Install electric vehicle charging points in every council car park", "March 2026",
            "Head of Environment", "Cabinet Member for Climate"),
           ("Publish a tree planting strategy for the borough", "December 2025", "Tree Officer",
            "Cabinet Member for Climate")]
# The same plan with one-row headers: what the grouped tables must read as.
ONE_ROW = "\n".join([
    f"# {TITLE}", "", f"## {PRIORITY}", "", "### Performance measures", "",
    "| Indicator | Target 2024/25 | Target 2025/26 |", "|---|---|---|",
    *(f"| {' | '.join(m)} |" for m in MEASURES), "", "### Actions", "",
    "| Action | Deadline | Lead Officer | Lead Member |", "|---|---|---|---|",
    *(f"| {' | '.join(a)} |" for a in ACTIONS), ""])


def _graph(path: Path) -> set[tuple[str, str, tuple]]:
    """The plan's nodes as (label, name, deadline/owner/target) from ``path``."""
    graph = extract(SourceDocument.from_path(path)).graph
    return {(n.label.value, n.name, tuple(sorted((k, str(v)) for k, v in n.properties.items()
                                                 if k in ("deadline", "owner", "target"))))
            for n in graph.nodes.values()}


def _tables(path: Path) -> list[tuple[tuple[str, ...], ...]]:
    doc = read_bytes(path.read_bytes(), path.name)
    return [b.rows for b in doc.blocks if b.kind is BlockKind.TABLE]


@pytest.fixture
def one_row(tmp_path: Path) -> set:
    path = tmp_path / "one-row.md"
    path.write_text(ONE_ROW, encoding="utf-8")
    return _graph(path)


# -- 1. two-row grouped headers ---------------------------------------------------------------

def _word_grouped(path: Path) -> Path:
    """The plan in Word, each table's header two rows: the ungrouped headers merged down
    (vMerge), the group's cell merged across its columns (gridSpan)."""
    doc = WordDocument()
    doc.add_heading(TITLE, 1)
    doc.add_heading(PRIORITY, 2)
    for heading, top, groups, rows in (
            ("Performance measures", ["Indicator", "Target"], [("Target", 1, ["2024/25", "2025/26"])],
             MEASURES),
            ("Actions", ["Action", "Deadline", "Lead"], [("Lead", 2, ["Officer", "Member"])],
             ACTIONS)):
        doc.add_heading(heading, 3)
        width = len(rows[0])
        table = doc.add_table(rows=2 + len(rows), cols=width)
        table.style = "Table Grid"
        grouped = {start for _, start, subs in groups for start in range(start, start + len(subs))}
        for j in range(width):
            if j not in grouped:
                cell = table.cell(0, j).merge(table.cell(1, j))
                cell.text = top[j]
        for name, start, subs in groups:
            cell = table.cell(0, start).merge(table.cell(0, start + len(subs) - 1))
            cell.text = name
            for k, sub in enumerate(subs):
                table.cell(1, start + k).text = sub
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                table.cell(2 + i, j).text = value
    doc.save(str(path))
    return path


_HTML_TABLES = f"""<!doctype html><html><head><title>{TITLE}</title></head><body><main>
<h1>{TITLE}</h1><h2>{PRIORITY}</h2>
<h3>Performance measures</h3>
<table><thead><tr><th rowspan="2">Indicator</th><th colspan="2">Target</th></tr>
<tr><th>2024/25</th><th>2025/26</th></tr></thead><tbody>
{''.join(f'<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>' for a, b, c in MEASURES)}
</tbody></table>
<h3>Actions</h3>
<table><tr><th rowspan="2">Action</th><th rowspan="2">Deadline</th><th colspan="2">Lead</th></tr>
<tr><th>Officer</th><th>Member</th></tr>
{''.join(f'<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>' for a, b, c, d in ACTIONS)}
</table></main></body></html>"""


def _pdf_grouped(path: Path) -> Path:
    """The plan as a PDF whose tables are drawn cell by cell (reportlab's Table with a grid),
    the two-row headers merged as in Word (SPAN)."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"]

    def table(data: list[list[str]], spans: list[tuple]) -> Table:
        t = Table([[Paragraph(c, cell) if c else "" for c in row] for row in data])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               *(("SPAN", a, b) for a, b in spans)]))
        return t

    story = [Paragraph(TITLE, styles["Heading1"]), Paragraph(PRIORITY, styles["Heading2"]),
             Paragraph("Performance measures", styles["Heading3"]),
             table([["Indicator", "Target", ""], ["", "2024/25", "2025/26"],
                    *map(list, MEASURES)], [((0, 0), (0, 1)), ((1, 0), (2, 0))]),
             Paragraph("Actions", styles["Heading3"]),
             table([["Action", "Deadline", "Lead", ""], ["", "", "Officer", "Member"],
                    *map(list, ACTIONS)], [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (3, 0))])]
    SimpleDocTemplate(str(path), pagesize=A4, title=TITLE, invariant=1).build(story)
    return path


COMBINED = [("Indicator", "Target 2024/25", "Target 2025/26"),
            ("Action", "Deadline", "Lead Officer", "Lead Member")]


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_a_two_row_grouped_header_names_each_column_by_group_and_label(
        fmt: str, tmp_path: Path, one_row: set) -> None:
    path = tmp_path / f"grouped.{fmt}"
    if fmt == "docx":
        _word_grouped(path)
    elif fmt == "html":
        path.write_text(_HTML_TABLES, encoding="utf-8")
    else:
        _pdf_grouped(path)
    tables = _tables(path)
    assert [t[0] for t in tables] == COMBINED
    assert [len(t) for t in tables] == [3, 3]  # the header, then the data rows only
    assert _graph(path) == one_row


def _html_table(tmp_path: Path, rows: str) -> tuple[tuple[str, ...], ...]:
    """The one table a web page of ``rows`` (``<tr>`` markup) reads as."""
    path = tmp_path / "table.html"
    path.write_text(f"<html><body><main><h1>{TITLE}</h1><table>{rows}</table></main></body></html>",
                    encoding="utf-8")
    [table] = _tables(path)
    return table


def test_a_header_whose_second_row_is_data_is_one_row(tmp_path: Path) -> None:
    # "Target" spans two columns, but the row under it fills the indicator column too: data.
    rows = _html_table(tmp_path, "<tr><th>Indicator</th><th colspan='2'>Target</th></tr>"
                       "<tr><td>Percentage of household waste recycled</td><td>48%</td><td>52%</td></tr>"
                       "<tr><td>Number of trees planted each year</td><td>5,000</td><td>7,500</td></tr>")
    assert rows[0] == ("Indicator", "Target", "")
    assert rows[1][0] == "Percentage of household waste recycled"


def test_a_title_row_across_the_table_is_no_group(tmp_path: Path) -> None:
    rows = _html_table(tmp_path, "<tr><th colspan='2'>Key performance indicators</th></tr>"
                       "<tr><th>Indicator</th><th>Target</th></tr>"
                       "<tr><td>Percentage of household waste recycled</td><td>48%</td></tr>")
    assert rows[:2] == (("Key performance indicators", ""), ("Indicator", "Target"))


# -- 2. a table nested in a Word table's cell ------------------------------------------------

INTRO = "Our ambition is a greener borough where every resident can recycle and travel cleanly."


def test_a_table_in_a_layout_tables_cell_is_read_as_a_table_once_in_order(
        tmp_path: Path, one_row: set) -> None:
    # The page laid out as an outer table: the priority's heading and text in the left cell,
    # the measures table and the actions table (one-row headers) inside the right cell.
    doc = WordDocument()
    doc.add_heading(TITLE, 1)
    outer = doc.add_table(rows=1, cols=2)
    left, right = outer.cell(0, 0), outer.cell(0, 1)
    left.paragraphs[0].text = PRIORITY
    left.paragraphs[0].style = doc.styles["Heading 2"]
    left.add_paragraph(INTRO)
    for heading, header, rows in (
            ("Performance measures", ["Indicator", "Target 2024/25", "Target 2025/26"], MEASURES),
            ("Actions", ["Action", "Deadline", "Lead Officer", "Lead Member"], ACTIONS)):
        right.add_paragraph(heading, style="Heading 3")
        inner = right.add_table(rows=1 + len(rows), cols=len(header))
        inner.style = "Table Grid"
        for i, row in enumerate([header, *rows]):
            for j, value in enumerate(row):
                inner.cell(i, j).text = value
        right.add_paragraph("")
    path = tmp_path / "layout.docx"
    doc.save(str(path))
    read = read_bytes(path.read_bytes(), path.name)
    kinds = [(b.kind, b.text.split("\t")[0]) for b in read.blocks]
    assert kinds == [(BlockKind.HEADING, TITLE), (BlockKind.HEADING, PRIORITY),
                     (BlockKind.PARAGRAPH, INTRO), (BlockKind.HEADING, "Performance measures"),
                     (BlockKind.TABLE, "Indicator"), (BlockKind.HEADING, "Actions"),
                     (BlockKind.TABLE, "Action")]
    assert read.text.count(ACTIONS[0][0]) == 1
    # The plan reads as its one-row Markdown, with the introduction's text as well.
    assert one_row <= _graph(path)


# -- 3. a typeset PDF's syllable hyphens ----------------------------------------------------

# Plans whose words the typeset PDF broke at a line end ("resi-lient", "deli-very", "maximi-
# sing") and that spell the joined word nowhere else, before this round.
CASES = [("pdf-print", "armagh-banbridge-craigavon-community-plan-healthy-community"),
         ("pdf-print", "belfast-labour-market-partnership-action-plan-2022-23"),
         ("pdf-print", "ealing-council-priorities"),
         ("pdf-print", "cardiff-corporate-plan-2023-stronger-fairer-greener")]


@pytest.mark.parametrize(("fmt", "stem"), CASES, ids=[f"{f}-{s[:30]}" for f, s in CASES])
def test_a_plan_in_print_reads_as_its_markdown(fmt: str, stem: str, tmp_path: Path) -> None:
    plan = _plan(corpus.plan_stem(stem))
    missed, base, nodes, made = corpus.compare_reading(plan, corpus.write_as(plan, fmt, tmp_path))
    assert missed == base
    assert nodes == made, sorted(nodes ^ made)


def _drawn(lines: list[str]) -> bytes:
    """A PDF page with ``lines`` drawn one under another, as a typesetter breaks them."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(lines):
        c.drawString(72, 760 - 14.3 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_line_end_hyphen_that_split_a_word_of_the_language_goes() -> None:
    # belfast-labour-market-partnership-action-plan-2022-23: "targeted supports for
    # disadvantaged groups through the delivery of an integrated, comprehensive, inclusive,
    # holistic and local employability approach", broken as a typesetter breaks it; the page
    # spells "delivery" and "resilient" nowhere else.
    doc = read_bytes(_drawn([
        "No-one left behind: targeted supports for disadvantaged groups through the deli-",
        "very of an integrated, comprehensive, inclusive, holistic and local employability",
        "approach, so that people are more resi-",
        "lient and better equipped to cope with life challenges in every part of the city.",
    ]), "plan.pdf")
    assert "through the delivery of an integrated" in doc.text
    assert "more resilient and better equipped" in doc.text


def test_real_hyphens_at_a_line_end_stay() -> None:
    # "co-ordinate" and "well-being" are set with a hyphen (a prefix: "co", "well"),
    # "start-up" joins two everyday words (a compound), "2024-25" is a span of years.
    doc = read_bytes(_drawn([
        "We will work with partners and voluntary groups across the county to co-",
        "ordinate support for the health and well-being of residents, and the well-",
        "being of families, and help new businesses in the market towns to start-",
        "up and grow in the financial year 2024-25 and the years after it, to 2027-",
        "28, in every town and village of the county.",
    ]), "plan.pdf")
    assert ("to co-ordinate support for the health and well-being of residents, and the "
            "well-being of families, and help new businesses in the market towns to start-up "
            "and grow in the financial year 2024-25 and the years after it, to 2027-28, in "
            "every town") in doc.text
