"""Formats round 3: PDFs and Word files in shapes councils' tools make that no writer covered.

The writers (tests/formats/to_pdf_house.py, to_docx_layout.py) make each plan as: a designed
PDF whose headings differ from the body only by size and colour (``pdf-sized``), the same in
two columns (``pdf-cols``), tables drawn as positioned text boxes with no lines, written
column by column (``pdf-grid``), a landscape action plan whose tables have rules under rows
only and run over pages with the header row repeated (``pdf-wide``), and a Word file whose
structure is in tables (``docx-layout``). The dev corpus plans below read the expected items
and Outcome/Action/Measure nodes their Markdown reads; the unit tests quote the lines each
rule reads. The PDF writers print with Chromium: without it they skip.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import dev_corpus_eval as corpus
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.read.model import Block, BlockKind
from test_corpus_formats import _plan, _reading

_CHROMIUM = Path("/usr/bin/chromium")
_NO_CHROMIUM = pytest.mark.skipif(not _CHROMIUM.exists(),
                                  reason="Chromium (/usr/bin/chromium) is not installed")

# Plans each shape lost items of before this round's fixes (docs/reading.md, round 3).
CASES = [
    ("pdf-sized", "cumbria-anti-poverty-strategy"),  # a browser's disc bullets are drawn shapes
    ("pdf-sized", "shropshire-joint-health-wellbeing-strategy-2022-27"),
    ("pdf-cols", "west-lindsey-corporate-plan-2023-27-focus"),
    ("pdf-cols", "isle-of-wight-children-young-peoples-plan-2017-20"),  # lists side by side: no table
    ("pdf-grid", "newton-st-cyres-parish-council-action-plan-2018-20"),  # an action table as text boxes
    ("pdf-grid", "wandsworth-waste-recycling-performance-measures"),  # a KPI table as text boxes
    ("pdf-wide", "newton-st-cyres-parish-council-action-plan-2018-20"),  # rules under rows only
    ("pdf-wide", "wandsworth-waste-recycling-performance-measures"),
    ("pdf-wide", "royal-greenwich-culture-strategy-heritage-principl"),
    ("docx-layout", "ealing-council-priorities"),
    ("docx-layout", "newton-st-cyres-parish-council-action-plan-2018-20"),
]


# The PDF writers share one Chromium: stopped after this module.
pytestmark = pytest.mark.usefixtures("stop_pdf_browser")


def _needs_chromium(fmt: str) -> None:
    if fmt.startswith("pdf") and not _CHROMIUM.exists():
        pytest.skip("Chromium (/usr/bin/chromium) is not installed")


@pytest.mark.parametrize(("fmt", "stem"), CASES, ids=[f"{f}-{s[:30]}" for f, s in CASES])
def test_a_plan_in_a_round3_shape_reads_as_its_markdown(fmt: str, stem: str, tmp_path: Path) -> None:
    _needs_chromium(fmt)
    plan = _plan(corpus.plan_stem(stem))
    base_graph, made = _reading(plan)
    base = {key: s.missed for key, s in corpus.score_graph(plan, base_graph).items()}
    graph, nodes = _reading(corpus.write_as(plan, fmt, tmp_path))
    missed = {key: s.missed for key, s in corpus.score_graph(plan, graph).items()}
    assert missed == base
    assert nodes == made, sorted(nodes ^ made)


def _blocks(path: Path) -> list[tuple]:
    return [(b.kind.value, b.level, b.text, b.rows) for b in SourceDocument.from_path(path).blocks]


@pytest.mark.parametrize("fmt", ["pdf-sized", "pdf-cols", "pdf-grid", "pdf-wide"])
def test_the_pdf_writers_are_deterministic(fmt: str, tmp_path: Path) -> None:
    _needs_chromium(fmt)
    plan = _plan(corpus.plan_stem("newton-st-cyres"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = corpus.write_as(plan, fmt, tmp_path / "a")
    second = corpus.write_as(plan, fmt, tmp_path / "b")
    assert _blocks(first) == _blocks(second)


def test_the_word_layout_writer_is_deterministic(tmp_path: Path) -> None:
    plan = _plan(corpus.plan_stem("ealing-council-priorities"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    parts = []
    for sub in ("a", "b"):
        with zipfile.ZipFile(corpus.write_as(plan, "docx-layout", tmp_path / sub)) as z:
            parts.append(z.read("word/document.xml"))
    assert parts[0] == parts[1]


# -- unit tests: the lines each rule reads -----------------------------------------------------

_HEADED = [
    Block(BlockKind.HEADING, "Our Council Plan 2025 to 2029", 1, 1, level=1),
    Block(BlockKind.PARAGRAPH, "This plan sets out what we will do over the next four years for "
          "the people of the district and how we will know we have done it.", 2, 2),
    Block(BlockKind.HEADING, "A greener district", 3, 3, level=2),
    Block(BlockKind.PARAGRAPH, "We will cut the council's own carbon emissions and help residents "
          "and businesses to cut theirs, working with our partners across the county.", 4, 4),
    Block(BlockKind.HEADING, "Cleaner streets and parks", 5, 5, level=3),
    Block(BlockKind.PARAGRAPH, "We will clear fly-tipping within two working days and plant trees "
          "in every ward.", 6, 6),
    Block(BlockKind.HEADING, "What we will measure", 7, 7, level=4),
    Block(BlockKind.PARAGRAPH, "The share of household waste recycled, and the number of trees "
          "planted each year.", 8, 8),
    Block(BlockKind.HEADING, "Homes people can afford", 9, 9, level=2),
    Block(BlockKind.PARAGRAPH, "We will build new council homes and bring empty homes back into "
          "use.", 10, 10),
]


@_NO_CHROMIUM
@pytest.mark.parametrize("writer", ["write_pdf_sized", "write_pdf_cols"])
def test_headings_told_only_by_size_and_colour_are_headings(writer: str, tmp_path: Path) -> None:
    # 24/15 pt headings were read by size before; "Cleaner streets and parks" (12 pt over a
    # 10 pt body) and "What we will measure" (10.5 pt) differ from the body only by colour,
    # never bold, and were paragraphs.
    import formats

    path = getattr(formats, writer)(_HEADED, tmp_path / "plan.pdf")
    got = [(b.kind.value, b.level, b.text) for b in SourceDocument.from_path(path).blocks]
    assert got == [(b.kind.value, b.level, b.text) for b in _HEADED]


@_NO_CHROMIUM
def test_a_coloured_line_ending_in_a_figure_or_a_sentence_is_not_a_heading(tmp_path: Path) -> None:
    from formats import write_pdf_sized

    blocks = [
        Block(BlockKind.HEADING, "Our Council Plan", 1, 1, level=1),
        Block(BlockKind.PARAGRAPH, "Some text in the body's colour that runs on for a line or so "
              "to set the body size and colour.", 2, 2),
        Block(BlockKind.HEADING, "Full Time Equivalent staff 2,370.3", 3, 3, level=4),
        Block(BlockKind.PARAGRAPH, "More body text in the body's colour to follow the figure "
              "above and set the body.", 4, 4),
        Block(BlockKind.HEADING, "We will do this.", 5, 5, level=4),
        Block(BlockKind.PARAGRAPH, "And the body again, long enough to be the body's text.", 6, 6),
    ]
    doc = SourceDocument.from_path(write_pdf_sized(blocks, tmp_path / "plan.pdf"))
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["Full Time Equivalent staff 2,370.3"] is BlockKind.PARAGRAPH
    assert kinds["We will do this."] is BlockKind.PARAGRAPH


@_NO_CHROMIUM
def test_a_browsers_drawn_disc_bullets_are_list_items(tmp_path: Path) -> None:
    # Chromium prints a list's disc (and square) as a filled shape, not a "•" glyph:
    # "Over the next three years the Council's priorities will be around:" / "• Maximising
    # household incomes;" read as three paragraphs, and Cumbria lost its seven outcomes.
    plan = _plan(corpus.plan_stem("cumbria-anti-poverty-strategy"))
    path = corpus.write_as(plan, "pdf-sized", tmp_path)
    items = [b.text for b in SourceDocument.from_path(path).blocks if b.kind is BlockKind.LIST_ITEM]
    assert items[:3] == ["Maximising household incomes;", "Building community resilience",
                         "Tackling child poverty."]


def _table_rows(path: Path) -> list[list[tuple[str, ...]]]:
    return [[tuple(" ".join(c.split()) for c in r) for r in b.rows]
            for b in SourceDocument.from_path(path).blocks if b.kind is BlockKind.TABLE]


@_NO_CHROMIUM
@pytest.mark.parametrize("fmt", ["pdf-grid", "pdf-wide"])
def test_a_kpi_table_set_as_positioned_text_reads_row_by_row(fmt: str, tmp_path: Path) -> None:
    # pdf-grid writes the cells column by column as boxes of their own with no line at all;
    # pdf-wide rules only under the rows. Before, Wandsworth's indicators came out as
    # "Reports about non-collection of waste (Minimise) 4,287 2,114" run into the next.
    plan = _plan(corpus.plan_stem("wandsworth-waste-recycling-performance-measures"))
    tables = _table_rows(corpus.write_as(plan, fmt, tmp_path))
    assert len(tables) == 1
    assert tables[0][0] == ("Performance indicator", "2017/18 value", "2018/19 target")
    assert ("Reports about non-collection of waste (Minimise)", "4,287", "2,114") in tables[0]
    assert ("% of public streets cleansed to an acceptable standard", "96.9%", "97.9%") in tables[0]
    assert len(tables[0]) == 9


@_NO_CHROMIUM
@pytest.mark.parametrize("fmt", ["pdf-grid", "pdf-wide"])
def test_an_action_table_of_wrapped_cells_keeps_its_rows(fmt: str, tmp_path: Path) -> None:
    plan = _plan(corpus.plan_stem("newton-st-cyres-parish-council-action-plan-2018-20"))
    tables = _table_rows(corpus.write_as(plan, fmt, tmp_path))
    assert len(tables) == 1
    rows = tables[0]
    assert rows[0][0] == "Action" and rows[0][-1] == "Achieved?"
    assert rows[2] == ("Implementation of Parish Plan actions",
                       "Appointed councillors to continue to work with Development Group and parish "
                       "organisations to implement actions and to ensure development of future "
                       "Parish Plans", "Councillors and Development Group", "End of April 2019", "Yes")


@_NO_CHROMIUM
def test_a_landscape_table_over_pages_with_its_header_repeated_is_one_table(tmp_path: Path) -> None:
    from formats import write_pdf_wide

    header = ("Performance measure", "Target 2024/25", "Lead")
    rows = [header] + [(f"Measure {i}: residents helped by service {i} across the city",
                        f"{100 + i * 7} people", "Director of Place" if i % 2 else "Director of People")
                       for i in range(1, 41)]
    blocks = [Block(BlockKind.HEADING, "Performance measures", 1, 1, level=1),
              Block(BlockKind.PARAGRAPH, "The measures we report to Cabinet every quarter.", 3, 3),
              Block(BlockKind.TABLE, "", 5, 5 + len(rows) - 1, rows=tuple(rows), header=True),
              Block(BlockKind.PARAGRAPH, "Targets are reviewed each spring.", 50, 50)]
    doc = SourceDocument.from_path(write_pdf_wide(blocks, tmp_path / "long.pdf"))
    assert doc.page_count >= 3
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    assert [tuple(r) for r in tables[0].rows] == rows  # the repeated header rows are gone
    assert doc.blocks[-1].text == "Targets are reviewed each spring."


def test_a_list_whose_items_start_alike_is_not_a_table(tmp_path: Path) -> None:
    # "• To help residents ...", "• To support new businesses ...": the bullet, "To" and the
    # next word line up in every row, but "help" is only ever a space after "To".
    from formats import write_pdf

    items = ["To help residents into training, apprenticeships and jobs.",
             "To support new businesses to start up and existing businesses to grow.",
             "To lead the regeneration of the city centre and the riverside.",
             "To promote the city to visitors and investors."]
    blocks = [Block(BlockKind.PARAGRAPH, "Our aims for the economy are:", 1, 1)] + [
        Block(BlockKind.LIST_ITEM, text, 2 + i, 2 + i, level=1, marker="•")
        for i, text in enumerate(items)]
    doc = SourceDocument.from_path(write_pdf(blocks, tmp_path / "list.pdf"))
    assert [b.text for b in doc.blocks if b.kind is BlockKind.LIST_ITEM] == items
    assert not [b for b in doc.blocks if b.kind is BlockKind.TABLE]


def test_the_word_layout_writer_puts_headings_in_one_cell_tables(tmp_path: Path) -> None:
    from formats import write_docx_layout

    path = write_docx_layout(_HEADED, tmp_path / "plan.docx")
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count("<w:tbl>") == 4  # the title, two section banners, one layout table
    assert "Heading" not in xml


def test_a_word_layout_table_of_bold_sub_headings_reads_as_headings_and_text(tmp_path: Path) -> None:
    # A borderless two-column table whose left cells are short bold lines lays a template's
    # sub-sections out ("Cleaner streets and parks" beside its text); before, it was read as
    # a table of data: "**Cleaner streets and parks**<tab>We will clear fly-tipping ...".
    from formats import write_docx_layout

    doc = SourceDocument.from_path(write_docx_layout(_HEADED, tmp_path / "plan.docx"))
    got = [(b.kind.value, b.level, b.text) for b in doc.blocks]
    assert ("heading", 3, "Cleaner streets and parks") in got
    assert ("paragraph", 0, "We will clear fly-tipping within two working days and plant trees "
            "in every ward.") in got
    assert not [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert got[:4] == [(b.kind.value, b.level, b.text) for b in _HEADED[:4]]  # the banners


def test_a_bordered_two_column_table_of_bold_names_stays_a_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for r, (name, text) in enumerate([("Housing", "Build 500 council homes by 2028."),
                                      ("Transport", "Open two new park and ride sites.")]):
        table.cell(r, 0).paragraphs[0].add_run(name).bold = True
        table.cell(r, 1).paragraphs[0].add_run(text)
    document.save(str(tmp_path / "t.docx"))
    doc = SourceDocument.from_path(tmp_path / "t.docx")
    assert [b.kind for b in doc.blocks] == [BlockKind.TABLE]
