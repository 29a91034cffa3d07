"""The Word reader: a .docx written with python-docx read back into blocks, rendering and
furniture; damaged files refused in one line."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from stratgraph.graph.model import document_name
from stratgraph.errors import LoaderError
from stratgraph.loaders.read import BlockKind, read_bytes, read_document
from stratgraph.loaders.read.docx import read_docx


def _bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read(document: docx.document.Document):
    return read_docx(_bytes(document), "plan.docx", None)


def _kinds(doc) -> list[tuple[str, int, str, str]]:
    return [(b.kind.value, b.level, b.marker, b.text) for b in doc.blocks]


def _png() -> bytes:
    """A 1x1 white PNG, for a picture with alt text."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def test_headings_paragraphs_and_lists_in_document_order() -> None:
    d = docx.Document()
    d.add_heading("Wexshire Council Plan 2024-28", 0)  # Title
    d.add_heading("Our priorities", 1)
    p = d.add_paragraph()
    p.add_run("Good value: ").bold = True
    p.add_run("we make every pound count.")
    d.add_paragraph("Homes for all", style="List Bullet")
    d.add_paragraph("Build 500 affordable homes", style="List Bullet 2")
    d.add_paragraph("Bring empty homes back into use", style="List Bullet 2")
    d.add_heading("How we will deliver", 2)
    d.add_paragraph("Agree the housing strategy", style="List Number")
    d.add_paragraph("Open two family hubs", style="List Number")
    d.add_paragraph().add_run("continued").italic = True
    doc = _read(d)
    assert doc.format == "docx"
    assert _kinds(doc) == [
        ("heading", 1, "", "Wexshire Council Plan 2024-28"),
        ("heading", 1, "", "Our priorities"),
        ("paragraph", 0, "", "**Good value:** we make every pound count."),
        ("list_item", 1, "-", "Homes for all"),
        ("list_item", 2, "-", "Build 500 affordable homes"),
        ("list_item", 2, "-", "Bring empty homes back into use"),
        ("heading", 2, "", "How we will deliver"),
        ("list_item", 1, "1.", "Agree the housing strategy"),
        ("list_item", 1, "2.", "Open two family hubs"),
        ("paragraph", 0, "", "*continued*"),
    ]
    assert doc.text == (
        "# Wexshire Council Plan 2024-28\n\n# Our priorities\n\n"
        "**Good value:** we make every pound count.\n\n"
        "- Homes for all\n  - Build 500 affordable homes\n  - Bring empty homes back into use\n\n"
        "## How we will deliver\n\n1. Agree the housing strategy\n2. Open two family hubs\n\n"
        "*continued*\n"
    )
    # Each block knows its lines of the rendering.
    assert doc.line(doc.blocks[4].line) == "  - Build 500 affordable homes"
    assert doc.page_count is None and doc.blocks[0].page is None


def test_heading_marks_what_its_runs_set_bold() -> None:
    d = docx.Document()
    h = d.add_heading("", 1)
    h.add_run("CITY MAYOR'S ")
    h.add_run("DELIVERY PLAN").bold = True
    whole = d.add_heading("", 2)
    whole.add_run("All bold heading").bold = True
    # Bold set on the runs is marked, as the plan's text version marks it; a heading style's
    # own bold type is not.
    assert [b.text for b in _read(d).blocks] == ["CITY MAYOR'S **DELIVERY PLAN**",
                                                 "**All bold heading**"]


def test_table_cells_follow_the_cell_convention_and_merged_cells_are_written_once() -> None:
    d = docx.Document()
    d.add_paragraph("Before the table.")
    t = d.add_table(rows=4, cols=4)
    for i, text in enumerate(("Action", "Lead", "Partners", "By when")):
        t.cell(0, i).text = text
    what = t.cell(1, 0)
    what.text = "Deliver the Local Transport Plan"
    what.add_paragraph("Improve bus priority on the radial routes")
    partners = t.cell(1, 2)
    partners.text = ""
    partners.paragraphs[0].style = d.styles["List Bullet"]
    partners.paragraphs[0].add_run("Wexshire Bus Partnership")
    partners.add_paragraph("Network Rail", style="List Bullet")
    partners.add_paragraph("Station travel plans", style="List Bullet 2")
    lead = t.cell(1, 1).merge(t.cell(2, 1))  # one lead for two rows (vMerge)
    lead.text = "Director of Place"
    t.cell(1, 3).text = "March 2026"
    t.cell(2, 0).text = "Open two family hubs"
    t.cell(2, 2).text = "NHS Wexshire"
    t.cell(2, 3).text = "2025"
    note = t.cell(3, 0).merge(t.cell(3, 3))  # a note across the row (gridSpan)
    note.text = ""
    note.paragraphs[0].add_run("Note: ").bold = True
    note.paragraphs[0].add_run("dates are reviewed each April.")
    d.add_paragraph("After the table.")
    doc = _read(d)
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE,
                                            BlockKind.PARAGRAPH]
    table = doc.blocks[1]
    assert table.header
    assert table.rows == (
        ("Action", "Lead", "Partners", "By when"),
        ("Deliver the Local Transport Plan\nImprove bus priority on the radial routes",
         "Director of Place",
         "- Wexshire Bus Partnership\n- Network Rail\n  - Station travel plans", "March 2026"),
        ("Open two family hubs", "", "NHS Wexshire", "2025"),
        ("**Note:** dates are reviewed each April.", "", "", ""),
    )
    assert doc.lines[2:6] == [
        "Action\tLead\tPartners\tBy when",
        "<p>Deliver the Local Transport Plan</p> <p>Improve bus priority on the radial routes</p>"
        "\tDirector of Place\t<ul><li>Wexshire Bus Partnership</li> <li>Network Rail<ul>"
        "<li>Station travel plans</li></ul></li></ul>\tMarch 2026",
        "Open two family hubs\t\tNHS Wexshire\t2025",
        "<p><b>Note:</b> dates are reviewed each April.</p>\t\t\t",
    ]
    assert (table.line, table.end_line) == (3, 6)
    # Merged text appears once in the whole rendering.
    assert doc.text.count("Director of Place") == 1
    assert doc.text.count("dates are reviewed") == 1


def test_a_one_column_table_is_a_box_read_as_its_text() -> None:
    d = docx.Document()
    box = d.add_table(rows=1, cols=1).cell(0, 0)
    box.text = "Our vision"
    box.add_paragraph("A greener county", style="List Bullet")
    doc = _read(d)
    assert _kinds(doc) == [("paragraph", 0, "", "Our vision"),
                           ("list_item", 1, "-", "A greener county")]


def test_headers_footers_captions_and_alt_text_are_furniture(tmp_path: Path) -> None:
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "Wexshire County Council – Council Plan"
    section.footer.paragraphs[0].text = "Page 3 of 24"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "OFFICIAL"
    d.add_heading("Council Plan", 1)
    picture = tmp_path / "map.png"
    picture.write_bytes(_png())
    d.add_picture(str(picture))
    for doc_pr in d.element.body.iter(qn("wp:docPr")):
        doc_pr.set("descr", "Map of the county's six districts")
    d.add_paragraph("Figure 1: the county", style="Caption")
    d.add_paragraph("We will build homes.")
    doc = _read(d)
    assert doc.text == "# Council Plan\n\nWe will build homes.\n"
    roles = {(b.role, b.text) for b in doc.furniture}
    assert ("page-header", "Wexshire County Council – Council Plan") in roles
    assert ("page-header", "OFFICIAL") in roles
    assert ("page-footer", "Page 3 of 24") in roles
    assert ("caption", "Figure 1: the county") in roles
    assert ("caption", "Map of the county's six districts") in roles
    assert all(b.kind is BlockKind.FURNITURE and b.line == 0 for b in doc.furniture)
    for chrome in ("Council Plan –", "OFFICIAL", "Page 3", "Figure 1", "six districts"):
        assert chrome not in doc.text


def _numbering(d: docx.document.Document) -> str:
    """A multi-level list definition (1. / a) / bullet), as Word writes one; its numId."""
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    # A second list on the same definition that starts again at 1.
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return "90"


def _numbered(d: docx.document.Document, text: str, num_id: str, ilvl: int) -> None:
    p = d.add_paragraph(text, style="List Paragraph")
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_word_numbering_gives_levels_and_the_numbers_word_shows() -> None:
    d = docx.Document()
    _numbering(d)
    _numbered(d, "A thriving economy", "90", 0)
    _numbered(d, "Create 600 jobs", "90", 1)
    _numbered(d, "Support small firms", "90", 1)
    _numbered(d, "in market towns", "90", 2)
    _numbered(d, "Healthy lives", "90", 0)
    _numbered(d, "Open family hubs", "90", 1)  # the letters start again under item 2
    d.add_paragraph("Between the lists.")
    _numbered(d, "Second list", "91", 0)
    d.add_paragraph("Plain paragraph in List Paragraph style", style="List Paragraph")
    doc = _read(d)
    assert _kinds(doc) == [
        ("list_item", 1, "1.", "A thriving economy"),
        ("list_item", 2, "a)", "Create 600 jobs"),
        ("list_item", 2, "b)", "Support small firms"),
        ("list_item", 3, "-", "in market towns"),
        ("list_item", 1, "2.", "Healthy lives"),
        ("list_item", 2, "a)", "Open family hubs"),
        ("paragraph", 0, "", "Between the lists."),
        ("list_item", 1, "1.", "Second list"),
        ("list_item", 1, "-", "Plain paragraph in List Paragraph style"),
    ]
    assert doc.lines[:4] == ["1. A thriving economy", "  a) Create 600 jobs",
                             "  b) Support small firms", "    - in market towns"]


def test_a_list_items_description_is_list_continue_or_an_indented_paragraph_under_it() -> None:
    # A list of priorities each with what it means under it (Ealing's "A healthy and great
    # place" / "Working with residents ... That includes keeping people physically active
    # ..."): Word sets the description as "List Continue" or as a paragraph indented to the
    # item's text. It is the item's description, on the lines right under it, as in a copy
    # of the page as text; a plain paragraph after the list is not.
    d = docx.Document()
    d.add_paragraph("We have three top priorities for the borough which are:")
    d.add_paragraph("Genuinely affordable housing.", style="List Bullet")
    d.add_paragraph("This means working with landlords to improve renting.", style="List Continue")
    d.add_paragraph("A healthy and great place", style="List Bullet")
    indented = d.add_paragraph("Working with residents. That includes encouraging sport and leisure.")
    indented.paragraph_format.left_indent = docx.shared.Inches(0.5)
    d.add_paragraph("The cabinet will help drive forward the priorities.")
    # In a document that indents all its text a little, a paragraph indented less far than
    # the item's text (the list definition's 0.5 inch) is not the item's.
    d.add_paragraph("Our values", style="List Bullet")
    body = d.add_paragraph("Every service keeps these in mind.")
    body.paragraph_format.left_indent = docx.shared.Inches(0.1)
    doc = _read(d)
    assert _kinds(doc) == [
        ("paragraph", 0, "", "We have three top priorities for the borough which are:"),
        ("list_item", 1, "-", "Genuinely affordable housing."),
        ("paragraph", 1, "", "This means working with landlords to improve renting."),
        ("list_item", 1, "-", "A healthy and great place"),
        ("paragraph", 1, "", "Working with residents. That includes encouraging sport and leisure."),
        ("paragraph", 0, "", "The cabinet will help drive forward the priorities."),
        ("list_item", 1, "-", "Our values"), ("paragraph", 0, "", "Every service keeps these in mind."),
    ]
    assert doc.lines[2:8] == [
        "- Genuinely affordable housing.", "  This means working with landlords to improve renting.",
        "- A healthy and great place",
        "  Working with residents. That includes encouraging sport and leisure.", "",
        "The cabinet will help drive forward the priorities."]


def test_numbered_headings_show_their_numbers() -> None:
    d = docx.Document()
    _numbering(d)
    for text, ilvl in (("Introduction", 0), ("Our priorities", 0), ("Homes", 1)):
        h = d.add_heading(text, 1 + ilvl)
        h._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))
    assert _kinds(_read(d)) == [("heading", 1, "", "1. Introduction"),
                                ("heading", 1, "", "2. Our priorities"),
                                ("heading", 2, "", "a) Homes")]


def test_numbering_switched_off_and_typed_bullets() -> None:
    d = docx.Document()
    off = d.add_paragraph("Not a bullet any more", style="List Bullet")
    off._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:numId w:val="0"/></w:numPr>'))
    d.add_paragraph("•\tTyped by hand")
    assert _kinds(_read(d)) == [("paragraph", 0, "", "Not a bullet any more"),
                                ("list_item", 1, "-", "Typed by hand")]


def _rendered_break(paragraph) -> None:
    paragraph.add_run()._r.append(OxmlElement("w:lastRenderedPageBreak"))


def test_pages_come_from_words_rendered_page_breaks() -> None:
    d = docx.Document()
    d.add_heading("Plan", 1)
    p = d.add_paragraph("End of page one")
    p.runs[0].add_break(WD_BREAK.PAGE)
    p2 = d.add_paragraph()
    _rendered_break(p2)  # Word marks the page its hard break started: one page, not two
    p2.add_run("Top of page two")
    p3 = d.add_paragraph("A paragraph that runs")
    _rendered_break(p3)
    p3.add_run(" onto page three")
    d.add_paragraph("Page three")
    doc = _read(d)
    assert [(b.text, b.page) for b in doc.blocks] == [
        ("Plan", 1), ("End of page one", 1), ("Top of page two", 2),
        ("A paragraph that runs onto page three", 2), ("Page three", 3)]
    assert doc.page_count == 3
    assert doc.page_of(doc.blocks[2].line) == 2 and doc.page_of(doc.blocks[4].line) == 3


def test_no_pages_without_rendered_marks() -> None:
    # A hard break alone cannot say where text flowed onto the next page.
    d = docx.Document()
    d.add_paragraph("One").runs[0].add_break(WD_BREAK.PAGE)
    d.add_paragraph("Two")
    doc = _read(d)
    assert doc.page_count is None and not doc.has_pages
    assert [b.page for b in doc.blocks] == [None, None]


def test_bold_normal_paragraphs_are_headings_only_in_documents_without_heading_styles() -> None:
    d = docx.Document()
    for text, size in (("Our Council Plan", 16), ("Housing", 13)):
        run = d.add_paragraph().add_run(text)
        run.bold = True
        run.font.size = docx.shared.Pt(size)
        d.add_paragraph(f"Text about {text.lower()}.")
    lead = d.add_paragraph().add_run("Cabinet member for housing:")
    lead.bold = True
    assert _kinds(_read(d)) == [
        ("heading", 1, "", "Our Council Plan"), ("paragraph", 0, "", "Text about our council plan."),
        ("heading", 2, "", "Housing"), ("paragraph", 0, "", "Text about housing."),
        ("paragraph", 0, "", "**Cabinet member for housing:**"),
    ]
    # With heading styles in use, a bold line is text, as in the plan's text version.
    d.add_heading("A styled heading", 1)
    d.add_paragraph().add_run("Helen Marsh").bold = True
    blocks = _read(d).blocks
    assert blocks[0].kind is BlockKind.PARAGRAPH and blocks[0].text == "**Our Council Plan**"
    assert blocks[-1].text == "**Helen Marsh**" and blocks[-1].kind is BlockKind.PARAGRAPH


def test_footnote_marks_deleted_text_field_codes_and_text_boxes() -> None:
    d = docx.Document()
    p = d.add_paragraph("We will recycle 55% of waste")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                          '<w:footnoteReference w:id="1"/></w:r>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="5" w:author="x"><w:r><w:delText> by 2020'
                          '</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="6" w:author="x"><w:r><w:t xml:space="preserve">'
                          ' by 2028.</w:t></w:r></w:ins>'))
    field = d.add_paragraph("See page ")
    for xml in ('<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r {ns}><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>',
                '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
                '<w:r {ns}><w:t>12</w:t></w:r>', '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'):
        field._p.append(parse_xml(xml.format(ns=nsdecls("w"))))
    # A text box Word writes twice (a drawing and its VML fallback) is read once.
    box = d.add_paragraph()
    box._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        '<w:p><w:r><w:t>Our vision: a greener county</w:t></w:r></w:p>'
        '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>'
        '<w:p><w:r><w:t>Our vision: a greener county</w:t></w:r></w:p>'
        '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    doc = _read(d)
    assert [b.text for b in doc.blocks] == ["We will recycle 55% of waste by 2028.", "See page 12",
                                            "Our vision: a greener county"]


def test_content_controls_are_opened() -> None:
    d = docx.Document()
    d.element.body.insert(0, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        '<w:r><w:t>Inside a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    assert _kinds(_read(d)) == [("heading", 1, "", "Inside a content control")]


def test_text_that_looks_like_markup_is_only_text() -> None:
    d = docx.Document()
    d.add_paragraph("Type <script>alert(1)</script> and [link=https://x.example]here[/link]")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "<b>not bold</b>"
    t.cell(0, 1).text = "[bold]x[/bold]"
    doc = _read(d)
    assert doc.blocks[0].text == "Type <script>alert(1)</script> and [link=https://x.example]here[/link]"
    assert doc.blocks[1].rows == (("<b>not bold</b>", "[bold]x[/bold]"),)
    # The cell's angle brackets are escaped in the rendering, so they stay words.
    assert doc.lines[2] == "<p>&lt;b&gt;not bold&lt;/b&gt;</p>\t[bold]x[/bold]"


def _zip(files: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def _good() -> bytes:
    d = docx.Document()
    d.add_paragraph("A plan")
    return _bytes(d)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


@pytest.mark.parametrize(("data", "reason"), [
    (os.urandom(3000), "damaged Word file: not a readable zip package"),
    (b"PK\x03\x04" + os.urandom(200), "damaged Word file: not a readable zip package"),
    (_zip({"notes.txt": "hello"}), "damaged Word file: the zip holds no word/document.xml"),
    (_zip({k: v for k, v in _parts(_good()).items() if k != "word/document.xml"}),
     "damaged Word file: the zip holds no word/document.xml"),
    (_zip({**_parts(_good()), "word/document.xml": b"<w:document><oops"}), "damaged Word file: "),
    (_good()[: len(_good()) // 2], "damaged Word file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old-format Word .doc or a password"),
    (_bytes(docx.Document()), "empty Word document"),
], ids=["random", "pk-garbage", "zip-without-word", "no-document-part", "bad-xml", "truncated",
        "ole", "empty"])
def test_damaged_files_are_refused_in_one_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    with pytest.raises(LoaderError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message and len(message) < 400
    assert caught.value.file == str(path)


def test_read_document_dispatches_docx_to_the_word_reader(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Council Plan", 1)
    d.add_paragraph("We will build homes.", style="List Bullet")
    path = tmp_path / "plan.docx"
    d.save(str(path))
    doc = read_document(path)
    assert doc.format == "docx" and document_name(doc.name) == "plan.docx" and doc.path == str(path)
    assert doc.text == "# Council Plan\n\n- We will build homes.\n"
    # A Word file saved without its suffix is still read as Word (by its content).
    bare = read_bytes(path.read_bytes(), "plan", None, "")
    assert bare.format == "docx" and bare.text == doc.text
