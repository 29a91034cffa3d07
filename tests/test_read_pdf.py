"""The PDF reader: two real council PDFs (../shared/pdf) and PDFs generated here with reportlab.

The real ones pin what a reader of the printed page sees: headings, list items, table cells,
words a line break split, the page a quoted line is on. The generated ones cover what those two
lack: running headers and footers with page numbers, a table across a page break, slides, a
two-column flow, nesting, scanned and broken files.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from stratgraph.graph.model import document_name
from stratgraph.errors import LoaderError
from stratgraph.loaders.read import read_document
from stratgraph.loaders.read.model import Block, BlockKind, Document
from stratgraph.loaders.read.pdf import read_pdf

PDFS = Path(os.environ.get("STRATGRAPH_PDFS", Path(__file__).resolve().parents[2] / "shared" / "pdf"))
REPORT = "kent-education-commissioning-plan-2025-29-report.pdf"
STATEMENT = "kent-key-service-statement.pdf"


def shared_pdf(name: str) -> Path:
    """One of the real PDFs in ../shared/pdf; skips the test when it is absent (fails in CI)."""
    from conftest import missing_real_input

    path = PDFS / name
    if not path.is_file():
        missing_real_input(f"real PDF not found: {path}")
    return path


def kinds(doc: Document, kind: BlockKind, page: int | None = None) -> list[Block]:
    return [b for b in doc.blocks if b.kind is kind and (page is None or b.page == page)]


def line_with(doc: Document, text: str) -> int:
    """The rendering line (1-based) that holds ``text``; fails when none or several do."""
    found = [i for i, line in enumerate(doc.lines, start=1) if text in line]
    assert len(found) == 1, (text, found)
    return found[0]


# --------------------------------------------------------------------------------------------
# The real PDFs


@pytest.fixture(scope="module")
def report() -> Document:
    return read_document(shared_pdf(REPORT))


@pytest.fixture(scope="module")
def statement() -> Document:
    return read_document(shared_pdf(STATEMENT))


@pytest.mark.corpus
def test_report_numbered_section_headings(report: Document) -> None:
    headings = [b.text for b in kinds(report, BlockKind.HEADING)]
    assert headings == [
        "1. Introduction",
        "2. The Demographic Context",
        "3. Our Commissioning Intentions",
        "4. Financial Implications",
        "5 Legal implications",
        "6. Equalities implications",
        "7. How does the proposed decision support Framing Kent’s Future and Securing Kent’s "
        "Future.",
        "8. Conclusion",
        "10. Background Documents",
        "11. Contact details",
    ]
    assert report.page_count == 6
    assert report.format == "pdf"
    assert report.page_of(line_with(report, "# 4. Financial Implications")) == 3
    # Unnumbered bold lines of body text are paragraphs with their emphasis: a table's
    # caption, a label over its value, "Recommendation(s):".
    paragraphs = [b.text for b in kinds(report, BlockKind.PARAGRAPH)]
    for bold in ("**Secondary School Commissioning Intentions**", "**Telephone number**",
                 "**Recommendation(s):**"):
        assert bold in paragraphs


@pytest.mark.corpus
def test_report_bullets_are_list_items(report: Document) -> None:
    items = kinds(report, BlockKind.LIST_ITEM)
    assert [b.text for b in items] == [
        "The condition and suitability of existing premises.",
        # The item's second line ("works progress).") continues it.
        "The ability to expand or alter the premises (including arrangements whilst works "
        "progress).",
        "The works required to expand or alter the premises.",
        "The estimated capital costs.",
        "The size and topography of the site.",
        "Environmental considerations.",
        "Future proofing.",
        "Road access to the site, including transport and safety issues.",
    ]
    assert {(b.marker, b.level, b.page) for b in items} == {("•", 1, 5)}
    assert report.line(items[0].line) == "- The condition and suitability of existing premises."


@pytest.mark.corpus
def test_report_tables_and_their_cells(report: Document) -> None:
    tables = kinds(report, BlockKind.TABLE)
    assert [(b.page, len(b.rows), len(b.rows[0])) for b in tables] == [(3, 2, 6), (3, 2, 6), (3, 2, 4)]
    primary = tables[0]
    assert primary.header
    assert primary.rows[0] == ("By 2025-26", "By 2026-27", "By 2027-28", "By 2028-29",
                               "Between 2029-32", "Post 2032")
    # A cell's wrapped lines ("0.3FE" / "85 Year R" / "temp places") are one cell.
    assert primary.rows[1] == ("0.3FE 85 Year R temp places", "5FE 10 Year R temp places",
                               "5FE 25 Year R temp places", "6.3FE", "14.3FE", "14FE")
    assert tables[2].rows[1] == ("0 places", "440 places", "90 places", "0 places")
    # The cells are in the table only, never again as paragraphs.
    paragraphs = " ".join(b.text for b in report.blocks if b.kind is not BlockKind.TABLE)
    assert "temp places" not in paragraphs and "440 places" not in paragraphs
    # The bordered Summary box on page 1 is a box, not a one-cell table: its text is prose.
    assert ("**Summary:** This report provides the Cabinet with the Commissioning Plan for "
            "Education Provision in Kent 2025-29 for approval.") in paragraphs


@pytest.mark.corpus
def test_report_lines_know_their_page(report: Document) -> None:
    for quote, page in [
        ("1.1 The County Council is the Strategic Commissioner of Education Provision in Kent.", 1),
        ("2.1 Information from the Office for National Statistics shows that in 2005", 2),
        ("A total of 44.9FE across the Plan period and up to 120 temporary Year R places", 3),
        ("4.3 The allocations for the 2024-25 financial year", 4),
        ("8.1. The commissioning intentions outlined in the KCP", 5),
        ("nicholas.abrahams@kent.gov.uk", 6),
    ]:
        assert report.page_of(line_with(report, quote)) == page, quote


@pytest.mark.corpus
def test_report_rejoins_what_line_and_page_breaks_split(report: Document) -> None:
    text = report.text
    # "take-" ends a line, "up" starts the next: a compound, its hyphen kept.
    assert "the take-up of state funded school places" in text
    assert "on-going dialogue" in text
    # A URL broken after a hyphen is whole again.
    assert ("https://www.kent.gov.uk/education-and-children/schools/education-provision/"
            "education-provision-plan") in text
    # 4.2 runs from the foot of page 3 onto page 4 mid-sentence: one paragraph, on page 3.
    line = line_with(report, "uplifted to provide a 2 per cent operating margin. Where capacity")
    assert line == line_with(report, "4.2 Basic Need funding is allocated by Government")
    assert report.page_of(line) == 3
    assert "In drawing up options for providing additional places, the Local Authority" in text


@pytest.mark.corpus
def test_report_contact_columns_read_left_then_right(report: Document) -> None:
    order = [line_with(report, t) for t in (
        "**Report Author:**", "Nick Abrahams", "Assistant Director Education – West Kent",
        "03000 410058", "**Relevant Director:**", "Christine McInnes", "Director of Education",
        "03000 418913")]
    assert order == sorted(order)


@pytest.mark.corpus
def test_real_pdfs_have_no_running_furniture(report: Document, statement: Document) -> None:
    # Neither Kent file prints running headers, footers or page numbers: nothing may be taken
    # for them, not even the "APPENDIX G" title that heads two of the statement's pages.
    assert report.furniture == ()
    assert statement.furniture == ()
    assert "# APPENDIX G - KEY SERVICE STATEMENT (PROPOSED BUDGET)" in statement.lines


@pytest.mark.corpus
def test_statement_two_columns_read_in_order(statement: Document) -> None:
    text = statement.text
    # Page 2: the left column's last paragraph runs on at the top of the right column.
    line = line_with(statement, "has, as indicated above, enabled ASCHO to reflect, refocus and "
                                "reset and this has culminated in a move to a truly locality")
    assert statement.page_of(line) == 2
    assert line_with(statement, "we have already:") < line < line_with(
        statement, "leads and shapes the process for deciding how best to use the total resources")
    # Page 20 likewise: "...protected across all major" / "customer contact channels."
    assert "protected across all major customer contact channels." in text
    heading = [b for b in kinds(statement, BlockKind.HEADING) if b.text == "Adult Social Care & Health (ASCH)"]
    assert [(b.page, b.level) for b in heading] == [(2, 1)]


@pytest.mark.corpus
def test_statement_words_split_by_the_pdf_are_whole(statement: Document) -> None:
    text = statement.text
    assert "Our vision, co-produced with people that access adult social care in Kent" in text
    assert "co -produced" not in text and "co- produced" not in text
    # "co-" ends a line of the right column, "production" opens the next.
    assert "achieved through an emphasis on co-production and people with lived experience" in text
    # The PDF itself has a space in "non- operational" (page 20): closed up.
    assert "the office estate and non-operational buildings." in text
    assert "micro-providers to support the development of resilient communities" in text


@pytest.mark.corpus
def test_statement_dash_bullets_and_bold_lead_ins(statement: Document) -> None:
    items = [b for b in kinds(statement, BlockKind.LIST_ITEM, page=2)]
    assert [b.marker for b in items] == ["-", "-", "-", "-"]
    assert items[1].text == "Agreed on what sustainable success for adult social care will look like in the future"
    assert ("**Strategic Commissioning (Integrated and Adults) (SCIA)** leads and shapes the process"
            in statement.text)
    assert ("**Infrastructure (INF):** The Division is responsible for the provision of the "
            "Authority’s Property & Emergency Planning Services") in statement.text


@pytest.mark.corpus
def test_statement_table_across_a_page_break_is_one_table(statement: Document) -> None:
    # Page 4 holds rows 5-15 of the Operations table, page 5 rows 16-24 under the same header.
    title = [b for b in kinds(statement, BlockKind.HEADING, page=4)]
    assert title[0].text == "Adult Social Care & Health Operations"  # the merged title row
    tables = [b for b in kinds(statement, BlockKind.TABLE) if b.page in (4, 5)]
    assert len(tables) == 1
    table = tables[0]
    assert table.header and table.page == 4
    assert table.rows[0][:3] == ("Row Ref", "2024-25 Revised Base Budget (Net Cost) £000s", "Key Service")
    assert [r[0] for r in table.rows] == ["Row Ref"] + [str(n) for n in range(5, 25)]
    row17 = table.rows[13]
    assert row17[:3] == ("17", "1,037.3", "Independent Living Support")
    assert row17[-1] == (
        "The Independent Living Support Service (ILSS) offers a wide range of support to help "
        "service users live as independently as possible via the use of equipment and "
        "technology solutions. Included on this line are the ILSS Technicians Service, ILSS "
        "Independent Mobility Assessors, the Blue Badge Service and ILSS Management")
    # A bold total is emphasis; a bold figure is the column's typography.
    assert table.rows[-1][2] == "**Total - Adult Social Care & Health Operations (ASCHO)**"
    assert table.rows[-2][-2:] == ("702.5", "Strategic resource management to ensure a coherent "
                                   "policy and direction for the protection of vulnerable adults")
    assert statement.page_of(line_with(statement, "Adaptive & Assistive Technology")) == 4


@pytest.mark.corpus
def test_statement_totals_row_drawn_apart_joins_its_table(statement: Document) -> None:
    funded = [b for b in kinds(statement, BlockKind.TABLE, page=1)]
    assert len(funded) == 2
    assert funded[1].rows[1][:4] == ("11", "-938,182.8", "Council Tax income including Collection Fund",
                                     "Local Taxation")
    assert funded[1].rows[-1][:3] == ("27", "0.0", "**Total Budget**")


# --------------------------------------------------------------------------------------------
# Generated PDFs

reportlab = pytest.importorskip("reportlab")

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
H1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=8)
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=6)
H3 = ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=4)
SENTENCE = ("The Council will work with partners to improve outcomes for residents across the "
            "county, and it will report on progress every year to the Cabinet and the public. ")


def build(story: list, pagesize=A4, **page_callbacks) -> bytes:
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=pagesize).build(story, **page_callbacks)
    return buf.getvalue()


def read(data: bytes, name: str = "generated.pdf") -> Document:
    return read_pdf(data, name, None)


def test_headings_by_size_rank_and_paragraphs() -> None:
    doc = read(build([
        Paragraph("Wexshire Council Plan 2024-28", H1),
        Paragraph("Our priorities", H2),
        Paragraph("Housing", H3),
        Paragraph("We will build homes. " + SENTENCE * 3, BODY),
        Paragraph("The <b>Housing Board</b> meets every quarter.", BODY),
    ]))
    assert [(b.kind, b.level, b.text) for b in doc.blocks[:3]] == [
        (BlockKind.HEADING, 1, "Wexshire Council Plan 2024-28"),
        (BlockKind.HEADING, 2, "Our priorities"),
        (BlockKind.HEADING, 3, "Housing"),
    ]
    # A paragraph wrapped over four lines is one block; a bold run keeps its emphasis.
    assert doc.blocks[3].kind is BlockKind.PARAGRAPH
    assert doc.blocks[3].text == "We will build homes. " + (SENTENCE * 3).strip()
    assert doc.blocks[4].text == "The **Housing Board** meets every quarter."
    assert doc.lines[:3] == ["# Wexshire Council Plan 2024-28", "", "## Our priorities"]


def test_two_column_page_reads_left_column_then_right() -> None:
    buf = io.BytesIO()
    width, height = A4
    margin, gutter = 56, 28
    column = (width - 2 * margin - gutter) / 2
    frames = [Frame(margin, height - margin - 50, width - 2 * margin, 50, id="title"),
              Frame(margin, margin, column, height - 2 * margin - 50, id="left"),
              Frame(margin + column + gutter, margin, column, height - 2 * margin - 50, id="right")]
    doc_template = BaseDocTemplate(buf, pagesize=A4)
    doc_template.addPageTemplates([PageTemplate(frames=frames)])
    # Enough text to fill the left column and flow on into the right one mid-paragraph.
    story = [Paragraph("Our Council Plan across two columns", H1)]
    story += [Paragraph(f"Paragraph {i} begins here. " + SENTENCE * 4 + f"Paragraph {i} ends here.", BODY)
              for i in range(1, 6)]
    doc_template.build(story)
    doc = read(buf.getvalue())
    assert doc.page_count == 1
    assert doc.blocks[0].kind is BlockKind.HEADING
    paragraphs = kinds(doc, BlockKind.PARAGRAPH)
    # Every paragraph comes out whole and in order: the one the column break cut is joined.
    assert [p.text.split(" begins")[0] for p in paragraphs] == [f"Paragraph {i}" for i in range(1, 6)]
    assert all(p.text.endswith(" ends here.") for p in paragraphs)


def test_slides_read_as_a_heading_per_slide_and_list_items() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    width, height = landscape(A4)
    slides = [
        ("Our priorities for 2024-28", [(1, "A thriving economy"), (2, "More jobs in green industries"),
                                        (2, "Skills for young people"), (1, "Healthy and safe communities"),
                                        (1, "Good homes for all")]),
        ("How we will measure success", [(1, "Residents' satisfaction with services"),
                                         (1, "Number of affordable homes delivered")]),
    ]
    for number, (title, bullets) in enumerate(slides, start=1):
        c.setFont("Helvetica-Bold", 32)
        c.drawString(50, height - 80, title)
        y = height - 150
        for level, text in bullets:
            x = 70 + (level - 1) * 40
            c.setFont("Helvetica", 22 if level == 1 else 18)
            c.drawString(x, y, "•" if level == 1 else "–")
            c.drawString(x + 25, y, text)
            y -= 40
        c.setFont("Helvetica", 10)
        c.drawString(width - 60, 25, str(number))
        c.showPage()
    c.save()
    doc = read(buf.getvalue())
    assert [(b.kind.value, b.level, b.marker, b.text, b.page) for b in doc.blocks] == [
        ("heading", 1, "", "Our priorities for 2024-28", 1),
        ("list_item", 1, "•", "A thriving economy", 1),
        ("list_item", 2, "–", "More jobs in green industries", 1),
        ("list_item", 2, "–", "Skills for young people", 1),
        ("list_item", 1, "•", "Healthy and safe communities", 1),
        ("list_item", 1, "•", "Good homes for all", 1),
        ("heading", 1, "", "How we will measure success", 2),
        ("list_item", 1, "•", "Residents' satisfaction with services", 2),
        ("list_item", 1, "•", "Number of affordable homes delivered", 2),
    ]
    assert doc.lines[2:5] == ["- A thriving economy", "  - More jobs in green industries",
                              "  - Skills for young people"]
    # The slide numbers are furniture.
    assert [(f.page, f.role, f.text) for f in doc.furniture] == [(1, "page-number", "1"),
                                                                 (2, "page-number", "2")]


def test_table_across_a_page_break_is_one_table() -> None:
    rows = [["Ref", "Action", "Lead", "Deadline"]]
    rows += [[f"A{i}", f"Deliver improvement number {i} for residents",
              "Housing" if i % 2 else "Transport", f"March 20{25 + i % 3}"] for i in range(1, 61)]
    table = Table(rows, repeatRows=1, colWidths=[50, 250, 80, 80])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
    doc = read(build([Paragraph("Delivery plan actions", H1),
                      Paragraph("The actions below are funded in 2024-25.", BODY), table,
                      Paragraph("All actions are reviewed every quarter.", BODY)]))
    assert doc.page_count == 2
    tables = kinds(doc, BlockKind.TABLE)
    assert len(tables) == 1
    [only] = tables
    assert only.header and only.page == 1
    assert only.rows[0] == ("Ref", "Action", "Lead", "Deadline")  # once, not again on page 2
    assert [r[0] for r in only.rows[1:]] == [f"A{i}" for i in range(1, 61)]
    assert only.rows[60] == ("A60", "Deliver improvement number 60 for residents", "Transport", "March 2025")
    assert doc.line(only.line) == "Ref\tAction\tLead\tDeadline"
    # No cell leaks out as a paragraph; the paragraph after the table is on page 2.
    assert [b.text for b in kinds(doc, BlockKind.PARAGRAPH)] == [
        "The actions below are funded in 2024-25.", "All actions are reviewed every quarter."]
    assert doc.page_of(line_with(doc, "All actions are reviewed")) == 2


def test_table_rows_after_a_page_break_are_on_the_next_page() -> None:
    import pypdfium2 as pdfium

    rows = [["Ref", "Action", "Lead"]]
    rows += [[f"R{i}", f"Improve service number {i} for residents", "Housing"] for i in range(1, 61)]
    table = Table(rows, repeatRows=1, colWidths=[50, 300, 100])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
    data = build([Paragraph("Service improvements", H1), table])
    pdf = pdfium.PdfDocument(data)
    try:
        page_2 = pdf[1].get_textpage().get_text_range().split()
        on_page_2 = {w for w in page_2 if w[:1] == "R" and w[1:].isdigit()}  # not the header
    finally:
        pdf.close()
    doc = read(data)
    assert doc.page_count == 2
    [only] = kinds(doc, BlockKind.TABLE)
    assert only.page == 1 and only.rows[0] == ("Ref", "Action", "Lead")
    # One page a row, the page it was printed on; the header repeated on page 2 is dropped
    # and shifts nothing.
    assert len(only.row_pages) == len(only.rows)
    assert only.row_pages == tuple(2 if r[0] in on_page_2 else 1 for r in only.rows)
    first = only.row_pages.index(2)
    assert 1 < first < len(only.rows) - 1
    # Page 2 starts at the line of its first row; the rows before it are on page 1.
    line = line_with(doc, f"R{first}\t")
    assert doc.page_starts == (line,)
    assert doc.page_of(line) == 2 and doc.page_of(line - 1) == 1
    assert doc.page_of(line_with(doc, "R60\t")) == 2
    assert doc.page_of(only.line) == 1


def test_assemble_starts_a_page_at_a_tables_first_row_on_it() -> None:
    from stratgraph.loaders.read.render import assemble

    # An empty row is not rendered: the rows after it are a line higher than their index.
    table = Block(BlockKind.TABLE, "", page=1, header=True,
                  rows=(("Ref", "Lead"), ("", ""), ("R1", "Housing"), ("R2", "Transport"),
                        ("R3", "Parks")),
                  row_pages=(1, 1, 1, 2, 3))
    doc = assemble("t.pdf", [Block(BlockKind.HEADING, "Actions", page=1, level=1), table,
                             Block(BlockKind.PARAGRAPH, "Reviewed yearly.", page=3)],
                   format="pdf", page_count=3)
    assert doc.lines == ["# Actions", "", "Ref\tLead", "R1\tHousing", "R2\tTransport",
                         "R3\tParks", "", "Reviewed yearly.", ""]
    assert [doc.page_of(n) for n in range(1, 9)] == [1, 1, 1, 1, 2, 3, 3, 3]


def test_running_headers_footers_and_page_numbers_are_furniture() -> None:
    def decorate(c, template) -> None:
        c.saveState()
        c.setFont("Helvetica", 9)
        c.drawString(56, A4[1] - 34, "Wexshire County Council Strategic Plan 2024-28")
        c.drawString(56, 34, "OFFICIAL")
        c.drawRightString(A4[0] - 56, 34, f"Page {template.page} of 3")
        c.restoreState()

    story: list = []
    for chapter in (1, 2, 3):
        story += [Paragraph(f"Chapter {chapter}", H1)]
        story += [Paragraph(f"Chapter {chapter} paragraph {i}. " + SENTENCE * 2, BODY) for i in range(3)]
        story.append(PageBreak())
    doc = read(build(story[:-1], onFirstPage=decorate, onLaterPages=decorate))
    assert doc.page_count == 3
    for text in ("Wexshire County Council Strategic Plan", "OFFICIAL", "Page 1 of 3", "Page 3 of 3"):
        assert text not in doc.text
    got = {(f.page, f.role, f.text) for f in doc.furniture}
    for page in (1, 2, 3):
        assert (page, "page-header", "Wexshire County Council Strategic Plan 2024-28") in got
        assert (page, "page-footer", "OFFICIAL") in got
        assert (page, "page-number", f"Page {page} of 3") in got
    assert len(got) == 9
    assert all(f.kind is BlockKind.FURNITURE for f in doc.furniture)
    assert [doc.page_of(line_with(doc, f"# Chapter {n}")) for n in (1, 2, 3)] == [1, 2, 3]
    assert doc.page_of(line_with(doc, "Chapter 2 paragraph 2.")) == 2


def test_a_one_page_plans_running_title_is_furniture_but_its_title_line_is_not() -> None:
    # A one-page plan (Winchester's minute "Agenda item", Edinburgh's "City housing strategy")
    # printed with its title as running header: nothing recurs, yet the small top line that
    # repeats a line below it, or is the file's own title set smaller than the body, is the
    # header; the title line itself stays.
    def header(text: str):  # noqa: ANN202
        def decorate(c, template) -> None:  # noqa: ANN001
            c.saveState()
            c.setFont("Helvetica", 8)
            c.drawString(56, A4[1] - 34, text)
            c.restoreState()
        return decorate

    repeat = header("Agenda item")
    doc = read(build([Paragraph("Agenda item", BODY), Paragraph("Council Plan 2025-30", H1),
                      Paragraph(SENTENCE, BODY)], onFirstPage=repeat))
    assert doc.text.startswith("Agenda item\n\n# Council Plan 2025-30\n")
    assert [(f.role, f.text) for f in doc.furniture] == [("page-header", "Agenda item")]

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title="Our Plan 2024-28").build(
        [Paragraph("We will build homes. " + SENTENCE, BODY)], onFirstPage=header("Our Plan 2024-28"))
    titled = read(buf.getvalue())
    assert "Our Plan" not in titled.text
    assert [(f.role, f.text) for f in titled.furniture] == [("page-header", "Our Plan 2024-28")]
    # The same title line in the body's size is the plan's own first line, not furniture.
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title="Our Plan 2024-28").build(
        [Paragraph("Our Plan 2024-28", BODY), Paragraph("We will build homes. " + SENTENCE, BODY)])
    assert read(buf.getvalue()).text.startswith("Our Plan 2024-28\n")


def test_a_one_page_word_exports_header_named_in_the_file_name_is_furniture() -> None:
    # Word's "Save as PDF" of a one-page plan (formats round 6: Falkirk, Rother, Wolverhampton
    # in pdf-office): the header "Council Plan" in the body's size, two lines and more above
    # the text, repeating no line below and with no metadata title. Its words are the file's
    # name's, as a header's title is; before, it was read as the plan's first line (and its
    # title, so the text's "Council Plan" became a Strategy of its own).
    def header(c, template) -> None:  # noqa: ANN001
        c.saveState()
        c.setFont("Helvetica", 10)
        c.drawString(72, A4[1] - 40, "Council Plan")
        c.restoreState()

    data = build([Paragraph("The Council Plan sets out what we aim to achieve. " + SENTENCE, BODY)],
                 onFirstPage=header)
    named = read(data, "wexshire-council-plan-2024-28.pdf")
    assert named.text.startswith("The Council Plan sets out")
    assert [(f.role, f.text) for f in named.furniture] == [("page-header", "Council Plan")]
    # A file named otherwise: the line may be the plan's own first line, and stays.
    assert read(data, "report.pdf").text.startswith("Council Plan\n")


def test_roman_numbers_printed_with_a_dot_are_list_markers() -> None:
    # "(ii)" printed as "ii." (a browser's <ol type="i">); before, only the one-letter "i."
    # made an item and "ii." / "iii." read as the start of a paragraph.
    style = ParagraphStyle("roman", parent=BODY, leftIndent=24, bulletIndent=6)
    doc = read(build([Paragraph(text, style, bulletText=marker) for marker, text in
                      (("i.", "Develop the case"), ("ii.", "Align the leadership"),
                       ("iii.", "Build shared functions"))]))
    assert [(b.kind, b.marker, b.text) for b in doc.blocks] == [
        (BlockKind.LIST_ITEM, "i.", "Develop the case"), (BlockKind.LIST_ITEM, "ii.", "Align the leadership"),
        (BlockKind.LIST_ITEM, "iii.", "Build shared functions")]


def test_bullets_numbers_and_nesting() -> None:
    def item(text: str, marker: str, level: int) -> Paragraph:
        style = ParagraphStyle(f"list{level}", parent=BODY, leftIndent=18 * level,
                               bulletIndent=18 * level - 12, spaceAfter=2)
        return Paragraph(text, style, bulletText=marker)

    doc = read(build([
        Paragraph("What we will do", H2),
        item("Build 500 affordable homes by March 2026, working with housing associations and "
             "developers across the county so that every district benefits", "•", 1),
        item("Plant 10,000 trees", "•", 1),
        item("in parks", "–", 2),
        item("along streets", "–", 2),
        item("Open two new libraries", "•", 1),
        Paragraph("Next steps", H2),
        item("First numbered step", "1.", 1),
        item("Second numbered step", "2.", 1),
        item("A lettered point", "a)", 2),
    ]))
    assert [(b.kind.value, b.level, b.marker, b.text) for b in doc.blocks] == [
        ("heading", 1, "", "What we will do"),
        # A wrapped item's second line continues it.
        ("list_item", 1, "•", "Build 500 affordable homes by March 2026, working with housing "
                              "associations and developers across the county so that every "
                              "district benefits"),
        ("list_item", 1, "•", "Plant 10,000 trees"),
        ("list_item", 2, "–", "in parks"),
        ("list_item", 2, "–", "along streets"),
        ("list_item", 1, "•", "Open two new libraries"),
        ("heading", 1, "", "Next steps"),
        ("list_item", 1, "1.", "First numbered step"),
        ("list_item", 1, "2.", "Second numbered step"),
        ("list_item", 2, "a)", "A lettered point"),
    ]
    assert doc.lines[-4:-1] == ["1. First numbered step", "2. Second numbered step", "  a) A lettered point"]


def test_a_paragraph_set_under_an_items_text_is_its_description() -> None:
    # Ealing's priorities as a PDF: "• A healthy and great place", then "Working with residents
    # ... That includes keeping people physically active ..." set flush with the item's text,
    # not its bullet. It is the item's description, on the lines under it as in the text copy;
    # a paragraph back at the margin after the list is not.
    def item(text: str) -> Paragraph:
        style = ParagraphStyle("li", parent=BODY, leftIndent=18, bulletIndent=6, spaceAfter=2.5)
        return Paragraph(text, style, bulletText="•")

    under = ParagraphStyle("under", parent=BODY, leftIndent=18, spaceAfter=2.5)
    doc = read(build([
        Paragraph("We have three top priorities for the borough which are:", BODY),
        item("Genuinely affordable housing."),
        Paragraph("This means working with landlords to improve renting in the borough, as well "
                  "as continuing our house building and estate regeneration programmes.", under),
        item("A healthy and great place"),
        Paragraph("Working with residents. That includes encouraging sport and leisure.", under),
        Paragraph("The cabinet will help drive forward the priorities.", BODY),
    ]))
    assert [(b.kind.value, b.level, b.text) for b in doc.blocks] == [
        ("paragraph", 0, "We have three top priorities for the borough which are:"),
        ("list_item", 1, "Genuinely affordable housing."),
        ("paragraph", 1, "This means working with landlords to improve renting in the borough, "
                         "as well as continuing our house building and estate regeneration "
                         "programmes."),
        ("list_item", 1, "A healthy and great place"),
        ("paragraph", 1, "Working with residents. That includes encouraging sport and leisure."),
        ("paragraph", 0, "The cabinet will help drive forward the priorities."),
    ]
    assert doc.lines[4:6] == ["- A healthy and great place",
                              "  Working with residents. That includes encouraging sport and leisure."]


def test_a_dash_that_wraps_to_the_start_of_an_items_line_is_not_a_bullet(tmp_path: Path) -> None:
    # Lincolnshire's "• Creating a sustainability decision-making tool – a simple checklist
    # ..." in a column of a two-column page: the line breaks before the dash, which then
    # starts a line set flush with the item's text. It goes on the item; a dash bullet set
    # further in is a nested item.
    from stratgraph.loaders.read.text import parse_blocks

    from formats.to_pdf import write_pdf

    text = ("In the first phase the following initial projects will be developed:\n\n"
            "  • Creating a sustainability decision-making tool – a simple checklist of "
            "considerations to ensure that sustainability is taken into account in major "
            "decisions.\n"
            "  • Electric vehicles\n"
            "    – in the council's fleet\n")
    doc = read_document(write_pdf(parse_blocks(text), tmp_path / "plan.pdf", columns=2))
    lines = [line for line in doc.lines if line]
    assert lines[1].startswith("- Creating a sustainability decision-making tool – a simple")
    assert lines[1].endswith("taken into account in major decisions.")
    assert lines[2:] == ["- Electric vehicles", "  - in the council's fleet"]


def test_emphasis_lead_ins_and_list_groups() -> None:
    def item(text: str) -> Paragraph:
        style = ParagraphStyle("item", parent=BODY, leftIndent=18, bulletIndent=6, spaceAfter=2)
        return Paragraph(text, style, bulletText="•")

    doc = read(build([
        Paragraph("<b>2. Healthy lives:</b> People in Wexshire stay independent for longer.", BODY),
        Paragraph("Our <i>strategic outcomes</i> are set out below.", BODY),
        item("Skills Action Plan"), item("Transport Plan"),
        Spacer(1, 8),  # a wider gap than between items: a second list
        item("Health and Wellbeing Strategy"), item("<i>Carers' Strategy</i>"),
    ]))
    blocks = doc.blocks
    # A bold number opening a bold lead-in is the paragraph's, not a list marker.
    assert (blocks[0].kind, blocks[0].text) == (
        BlockKind.PARAGRAPH, "**2. Healthy lives:** People in Wexshire stay independent for longer.")
    assert blocks[1].text == "Our *strategic outcomes* are set out below."
    items = kinds(doc, BlockKind.LIST_ITEM)
    assert [(b.text, b.group) for b in items] == [
        ("Skills Action Plan", 1), ("Transport Plan", 1),
        ("Health and Wellbeing Strategy", 2), ("*Carers' Strategy*", 2)]
    # Two lists: a blank line between them in the rendering, none inside one.
    assert doc.text.endswith("- Skills Action Plan\n- Transport Plan\n\n"
                             "- Health and Wellbeing Strategy\n- *Carers' Strategy*\n")


def test_cells_keep_paragraphs_items_and_bold() -> None:
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11, spaceAfter=3)
    cell_item = ParagraphStyle("cellitem", parent=cell, leftIndent=10, bulletIndent=2)
    nested = ParagraphStyle("nested", parent=cell, leftIndent=20, bulletIndent=12)
    rows = [
        [Paragraph("Outcome", cell), Paragraph("Actions", cell), Paragraph("Documents", cell)],
        [Paragraph("<b>Safe cycling</b> Making journeys safer for everyone who cycles to work", cell),
         [Paragraph("Cycling:", cell_item, bulletText="•"),
          Paragraph("1. Mill Quay cycleway", nested, bulletText="•"),
          Paragraph("2. Cycle training for every Year 6 pupil", nested, bulletText="•"),
          Paragraph("Twelve new pedestrian crossings", cell_item, bulletText="•")],
         [Paragraph("Economic Growth Plan", cell), Paragraph("WLEP", cell)]],
    ]
    table = Table(rows, colWidths=[150, 200, 110])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    [block] = read(build([table])).blocks
    assert block.kind is BlockKind.TABLE
    assert block.rows == (
        ("Outcome", "Actions", "Documents"),
        ("**Safe cycling** Making journeys safer for everyone who cycles to work",
         "- Cycling:\n  - 1. Mill Quay cycleway\n  - 2. Cycle training for every Year 6 pupil\n"
         "- Twelve new pedestrian crossings",
         "Economic Growth Plan\nWLEP"),
    )


def test_hyphens_at_line_ends_and_split_words() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 11)
    y = 760
    for line in ["We will support the develop-", "ment of services that are co-",
                 "produced with residents and the long-", "term plan for every town in the county."]:
        c.drawString(72, y, line)
        y -= 14
    # "co" and "-designed" drawn as two runs a little apart, as some PDFs split a word.
    c.drawString(72, y - 20, "Services are co")
    c.drawString(72 + c.stringWidth("Services are co", "Helvetica", 11) + 2, y - 20,
                 "-designed with the non- statutory sector.")
    c.showPage()
    c.save()
    doc = read(buf.getvalue())
    assert [b.text for b in doc.blocks] == [
        "We will support the development of services that are co-produced with residents and "
        "the long-term plan for every town in the county.",
        "Services are co-designed with the non-statutory sector.",
    ]


def test_only_pages_with_ruling_go_to_the_table_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    from stratgraph.loaders.read import pdf as reader

    calls: list[int] = []
    real = reader._find_tables

    def counting(h, v, width, height):
        calls.append(len(h))
        return real(h, v, width, height)

    monkeypatch.setattr(reader, "_find_tables", counting)
    grid = Table([["Measure", "Target"], ["Homes built", "500"], ["Trees planted", "10,000"]])
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    data = build([Paragraph("Text only. " + SENTENCE * 5, BODY), PageBreak(), grid, PageBreak(),
                  Paragraph("Text only again. " + SENTENCE, BODY)])
    doc = read(data)
    assert len(calls) == 1
    assert kinds(doc, BlockKind.TABLE)[0].rows == (("Measure", "Target"), ("Homes built", "500"),
                                                   ("Trees planted", "10,000"))


def test_a_turned_page_reads_as_displayed() -> None:
    buf = io.BytesIO()
    width, _ = A4
    c = canvas.Canvas(buf, pagesize=A4)
    c.setPageRotation(90)
    c.translate(width, 0)
    c.rotate(90)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(72, width - 80, "Turned page title")
    c.setFont("Helvetica", 10)
    for i in (1, 2):
        c.drawString(72, width - 110 - 14 * i, f"Body line {i} of the turned page reads across it.")
    c.showPage()
    c.save()
    doc = read(buf.getvalue())
    assert [(b.kind.value, b.text) for b in doc.blocks] == [
        ("heading", "Turned page title"),
        ("paragraph", "Body line 1 of the turned page reads across it. Body line 2 of the "
                      "turned page reads across it."),
    ]


def test_read_document_dispatches_pdf_by_content(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"  # a PDF saved with the wrong suffix is still a PDF
    path.write_bytes(build([Paragraph("Plan title", H1), Paragraph("One paragraph.", BODY)]))
    doc = read_document(path)
    assert doc.format == "pdf" and document_name(doc.name) == "plan.txt" and doc.path == str(path)
    assert doc.text == "# Plan title\n\nOne paragraph.\n"


# --------------------------------------------------------------------------------------------
# Files that cannot be read: one line naming the file


def one_line_error(path: Path) -> str:
    with pytest.raises(LoaderError) as caught:
        read_document(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    return message[len(f"{path}: "):]


def test_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(Image.new("RGB", (200, 300), "white")), 100, 300, 400, 500)
    c.showPage()
    c.save()
    path = tmp_path / "scanned.pdf"
    path.write_bytes(buf.getvalue())
    assert one_line_error(path) == ("no text layer: this looks like a scanned PDF; run OCR "
                                    "(e.g. ocrmypdf) first")


def test_garbage_truncated_encrypted_and_blank_pdfs(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    assert one_line_error(garbage).startswith("damaged or not a PDF (")

    truncated = tmp_path / "truncated.pdf"
    data = build([Paragraph(SENTENCE * 20, BODY)])
    truncated.write_bytes(data[: len(data) // 3])
    assert one_line_error(truncated).startswith("damaged or not a PDF (")

    locked = tmp_path / "locked.pdf"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt="secret")
    c.drawString(72, 700, "A plan behind a password")
    c.showPage()
    c.save()
    locked.write_bytes(buf.getvalue())
    assert one_line_error(locked).startswith("encrypted PDF: it needs a password")

    blank = tmp_path / "blank.pdf"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.showPage()
    c.save()
    blank.write_bytes(buf.getvalue())
    assert one_line_error(blank) == "empty PDF: no text on any page"


def _two_columns(left: list[str], right: list[str]) -> Document:
    """A page of two columns set line by line (Helvetica 10 on 13), ``left`` ending at the foot
    of the left column and ``right`` starting at the top of the right one."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    top, foot = A4[1] - 72, 72
    for i, line in enumerate(left):
        c.drawString(56, foot + 13 * (len(left) - 1 - i), line)
    for i, line in enumerate(right):
        c.drawString(310, top - 13 * i, line)
    c.showPage()
    c.save()
    return read(buf.getvalue())


def test_a_sentence_cut_at_a_columns_foot_runs_on_when_the_next_word_would_not_have_fitted() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    filler = ["Effective management of our homes will always",
              "be our core business: we keep homes safe, warm"] * 26
    right = ["Investment Plan 2022-2024. We will continue our",
             "painting works to external buildings and areas."] * 26
    # The last line stops short of the measure by less than "Investment" and a space
    # ("full" would need 85% of the measure): it was broken for want of room.
    last = "and dry. We deliver year 1 of our 3-year"
    measure = max(stringWidth(s, "Helvetica", 10) for s in filler)
    room = measure - stringWidth(last, "Helvetica", 10)
    assert 0.15 * measure < room < stringWidth("Investment ", "Helvetica", 10)
    doc = _two_columns(filler + [last], right)
    texts = [b.text for b in doc.blocks]
    assert len(texts) == 1 and "of our 3-year Investment Plan 2022-2024. We will" in texts[0]
    # A one-line paragraph at the foot (a list of names set as lines) stays apart.
    doc = _two_columns(filler + ["", last], right)
    assert [b.text for b in doc.blocks][-2:] == [last, " ".join(right)]
