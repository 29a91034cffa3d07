"""Formats round 4: shapes councils' tools make that no writer covered before.

The writers (tests/formats/to_pdf_print.py, to_docx_numbered.py, to_docx_boxes.py) make each
plan as: a typeset PDF, justified and hyphenated by syllable with "fi"/"fl" ligature glyphs,
a contents page with dot leaders and the title and page number at the head of every page
(``pdf-print``); a Word file whose heading and list numbers come from numbering.xml alone
(``docx-numbered``); a Word file with lists in text boxes (shape and VML fallback) and text in
content controls (``docx-boxes``). The dev corpus plans below read the expected items and the
judged nodes their Markdown reads; the unit tests quote the lines each rule reads. All three
writers need only reportlab and python-docx, so nothing here skips.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import dev_corpus_eval as corpus
from formats import write_docx_boxes, write_docx_numbered, write_pdf_print
from formats.to_pdf_print import ligatures, syllables
from stratgraph.loaders.read import read_bytes
from stratgraph.loaders.read.model import Block, BlockKind
from test_corpus_formats import _plan
from test_formats_round3 import _HEADED, _blocks

# Plans whose names the typeset PDF broke ("sustaina-bility", "rough slee-ping") or whose
# title the contents page's last entry swallowed, before this round's fixes; and plans with
# lists, nested lists and tables for the two Word shapes.
CASES = [
    ("pdf-print", "belfast-performance-improvement-plan-2024-25"),
    ("pdf-print", "buckinghamshire-homelessness-rough-sleeping"),
    ("pdf-print", "tower-hamlets-strategic-plan-2022-26-priorities"),
    ("pdf-print", "newton-st-cyres-parish-council-action-plan-2018-20"),  # a wrapped action table
    ("docx-numbered", "tower-hamlets-strategic-plan-2022-26-priorities"),
    ("docx-numbered", "newton-st-cyres-parish-council-action-plan-2018-20"),
    ("docx-boxes", "ealing-council-priorities"),
    ("docx-boxes", "newton-st-cyres-parish-council-action-plan-2018-20"),
    # Lists typed with manual line breaks: every list one paragraph (before: outcomes 113/331).
    ("docx-breaks", "wolverhampton-council-plan-strategic-outcomes"),
    ("docx-breaks", "tandridge-equality-objectives-2023-26"),
    ("docx-breaks", "telford-local-transport-plan-2011-26-goals"),
    ("docx-breaks", "wealden-equalities-objectives-2022-25"),  # numbered "1.", "2." lines
]


@pytest.mark.parametrize(("fmt", "stem"), CASES, ids=[f"{f}-{s[:30]}" for f, s in CASES])
def test_a_plan_in_a_round4_shape_reads_as_its_markdown(fmt: str, stem: str, tmp_path: Path) -> None:
    plan = _plan(corpus.plan_stem(stem))
    missed, base, nodes, made = corpus.compare_reading(plan, corpus.write_as(plan, fmt, tmp_path))
    assert missed == base
    assert nodes == made, sorted(nodes ^ made)


def test_the_typeset_pdf_writer_is_deterministic(tmp_path: Path) -> None:
    plan = _plan(corpus.plan_stem("newton-st-cyres"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = corpus.write_as(plan, "pdf-print", tmp_path / "a")
    second = corpus.write_as(plan, "pdf-print", tmp_path / "b")
    assert _blocks(first) == _blocks(second)


@pytest.mark.parametrize("fmt", ["docx-numbered", "docx-boxes", "docx-breaks"])
def test_the_word_writers_are_deterministic(fmt: str, tmp_path: Path) -> None:
    plan = _plan(corpus.plan_stem("ealing-council-priorities"))
    parts = []
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        with zipfile.ZipFile(corpus.write_as(plan, fmt, tmp_path / sub)) as z:
            parts.append([z.read(n) for n in ("word/document.xml", "word/numbering.xml")
                          if n in z.namelist()])
    assert parts[0] == parts[1]


def test_the_typesetting_writer_breaks_words_and_sets_ligatures() -> None:
    assert syllables("community").split("\xad") == ["com", "mu", "nity"]
    assert "\xad" not in syllables("through")
    assert ligatures("flexible offices") == "\ufb02exible of\ufb01ces"


# -- unit tests: the lines each rule reads -----------------------------------------------------

def _pdf(pages: list[list[str]], size: float = 11) -> bytes:
    """A PDF with each page's lines drawn one under the other at the left margin."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in pages:
        c.setFont("Helvetica", size)
        y = 760
        for line in lines:
            c.drawString(72, y, line)
            y -= size * 1.3
        c.showPage()
    c.save()
    return buf.getvalue()


def _read(data: bytes):  # noqa: ANN202 (Document)
    return read_bytes(data, "plan.pdf")


# Each: a page's lines, and what its paragraphs read with the line-end hyphens judged.
HYPHENS = {
    # "community" and "delivers" stand elsewhere in the document, so "com-" / "munity" and
    # "deli-" / "vers" are one word each; "co-" / "production" and "take-" / "up" are
    # compounds: "up" is a word of the document, "co" a prefix set with a hyphen.
    "spelt-whole-elsewhere": (
        ["Our community plan says what the council delivers and how the take-up of services",
         "will grow. We will work with every com-", "munity group so that the council deli-",
         "vers co-", "production of services and the take-",
         "up of free school meals rises in every ward of the borough this year."],
        "We will work with every community group so that the council delivers co-production "
        "of services and the take-up of free school meals rises in every ward of the borough "
        "this year."),
    # The two joins above show the document breaks words by syllable; then neither
    # "sustaina" nor "bility" being a word of it makes them one word, while a compound's
    # parts are words ("long-term": "long" a prefix).
    "syllables": (
        ["Our community plan says what the council delivers for residents of the borough.",
         "We will work with every com-", "munity group so that the council deli-",
         "vers and improves the sustaina-", "bility of the local economy with a long-",
         "term plan that is place-based and based on what residents need from the council."],
        "We will work with every community group so that the council delivers and improves the "
        "sustainability of the local economy with a long-term plan that is place-based and "
        "based on what residents need from the council."),
    # Word does not hyphenate: "start-" / "up" is a compound although neither part is
    # another word of this page.
    "compounds-only": (
        ["We will stimulate inclusive growth and innovation, help businesses to start-",
         "up and grow, and create opportunities for people in every part of the city."],
        "help businesses to start-up and grow"),
    # A hyphen the document writes mid-line is kept at a line end.
    "hyphenated-elsewhere": (
        ["Health and well-being come first in this plan for the people of the whole county.",
         "We will improve the health and well-",
         "being of residents of every age in every town and village across the county."],
        "improve the health and well-being of residents"),
}


@pytest.mark.parametrize("case", HYPHENS)
def test_a_hyphen_at_a_line_end_is_judged_by_the_documents_own_words(case: str) -> None:
    lines, expected = HYPHENS[case]
    doc = _read(_pdf([lines]))
    assert expected in doc.text


def test_a_contents_page_with_dot_leaders_is_navigation_not_text() -> None:
    dots = " ." * 30
    doc = _read(_pdf([
        ["Contents", "", f"Our priorities{dots} 2", f"A greener district{dots} 2",
         "To encourage a sustainable visitor economy that supports local businesses 2",
         f"Homes people can afford{dots} 2"],
        ["Peak District National Park Management Plan 2023-28", "",
         "This plan sets out what the National Park Authority and its partners will do."],
    ]))
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "Peak District National Park Management Plan 2023-28"
    assert not any("Contents" in t or ". . ." in t for t in texts)
    navigation = [b.text for b in doc.furniture if b.role == "navigation"]
    assert navigation[0] == "Contents"
    assert f"Our priorities{dots} 2" in navigation
    # An entry that fills its line (no room for dots) reads on with the entries around it.
    assert any("To encourage a sustainable visitor economy that supports local businesses 2" in t
               for t in navigation)


def test_lines_ending_in_figures_without_leaders_are_text() -> None:
    # A list of figures (no leader dots) is the plan's content, not a contents page.
    doc = _read(_pdf([["Households helped this year 2", "Homes built this year 5",
                       "Trees planted this year 9"]]))
    assert not [b for b in doc.furniture if b.role == "navigation"]
    assert "Homes built this year 5" in doc.text


_LISTS = [
    *_HEADED,
    Block(BlockKind.LIST_ITEM, "Plant trees in every ward", 11, 11, level=1, marker="-"),
    Block(BlockKind.LIST_ITEM, "Clear fly-tipping within two days", 12, 12, level=1, marker="-"),
    Block(BlockKind.LIST_ITEM, "Recycle more at the kerbside", 13, 13, level=2, marker="-"),
    Block(BlockKind.PARAGRAPH, "And for homes:", 15, 15),
    Block(BlockKind.LIST_ITEM, "Build new council homes", 17, 17, level=1, marker="1."),
    Block(BlockKind.LIST_ITEM, "Retrofit homes we own", 18, 18, level=1, marker="2."),
    Block(BlockKind.TABLE, "", 20, 22, rows=(("Measure", "Target"), ("Trees planted", "10,000"),
                                             ("Homes built", "500")), header=True),
]


def _shown(path: Path) -> list[tuple[str, int, str, str]]:
    doc = read_bytes(path.read_bytes(), path.name)
    return [(b.kind.value, b.level, b.marker, b.text) for b in doc.blocks]


def test_numbers_word_shows_from_numbering_xml_alone_are_read(tmp_path: Path) -> None:
    shown = _shown(write_docx_numbered(_LISTS, tmp_path / "plan.docx"))
    with zipfile.ZipFile(tmp_path / "plan.docx") as z:
        body = z.read("word/document.xml").decode()
    assert "1.1" not in body and "a)" not in body  # no number is in the text
    assert ("heading", 2, "", "1.1 A greener district") in shown
    assert ("heading", 3, "", "1.1.1 Cleaner streets and parks") in shown
    assert ("heading", 2, "", "1.2 Homes people can afford") in shown
    assert ("list_item", 1, "a)", "Plant trees in every ward") in shown
    assert ("list_item", 1, "b)", "Clear fly-tipping within two days") in shown
    assert ("list_item", 2, "i.", "Recycle more at the kerbside") in shown
    assert ("list_item", 1, "2.", "Retrofit homes we own") in shown


def test_text_in_text_boxes_and_content_controls_is_read_once_in_place(tmp_path: Path) -> None:
    path = write_docx_boxes(_LISTS, tmp_path / "plan.docx")
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
    assert body.count("Plant trees in every ward") == 2  # the box and its VML copy
    assert "<w:sdt>" in body or "<w:sdt " in body
    shown = _shown(path)
    texts = [t for _, _, _, t in shown]
    assert texts.count("Plant trees in every ward") == 1
    assert texts.index("Homes people can afford") < texts.index("Plant trees in every ward") \
        < texts.index("And for homes:") < texts.index("Build new council homes")
    assert ("list_item", 2, "-", "Recycle more at the kerbside") in shown
    assert ("table", 0, "", "Measure\tTarget\nTrees planted\t10,000\nHomes built\t500") in shown


def _typed_paragraphs(path: Path, paragraphs: list[list[str]]) -> Path:
    """A Word file of Normal paragraphs, each of the given lines joined by manual breaks."""
    import docx

    document = docx.Document()
    for lines in paragraphs:
        paragraph = document.add_paragraph()
        for n, line in enumerate(lines):
            run = paragraph.add_run(line)
            if n < len(lines) - 1:
                run.add_break()
    document.save(str(path))
    return path


def test_a_list_typed_with_manual_line_breaks_is_a_list(tmp_path: Path) -> None:
    path = _typed_paragraphs(tmp_path / "plan.docx", [
        ["Our priorities are:", "•\tPlant 10,000 trees by 2027", "\t–\tIn every ward",
         "•\tBuild 500 council homes by 2028", "Working with housing associations.",
         "•\tCut carbon emissions by half"],
        ["1.\tHomes people can afford", "2.\tA greener district"],
    ])
    assert _shown(path) == [
        ("paragraph", 0, "", "Our priorities are:"),
        ("list_item", 1, "-", "Plant 10,000 trees by 2027"),
        ("list_item", 2, "–", "In every ward"),
        ("list_item", 1, "-", "Build 500 council homes by 2028"),
        ("paragraph", 1, "", "Working with housing associations."),  # the item's description
        ("list_item", 1, "-", "Cut carbon emissions by half"),
        ("list_item", 1, "1.", "Homes people can afford"),
        ("list_item", 1, "2.", "A greener district"),
    ]
    groups = [b.group for b in read_bytes(path.read_bytes(), path.name).blocks
              if b.kind is BlockKind.LIST_ITEM]
    assert groups[0] == groups[3] != groups[4]  # each paragraph its own list


def test_lines_with_manual_breaks_that_are_not_a_list_stay_one_paragraph(tmp_path: Path) -> None:
    path = _typed_paragraphs(tmp_path / "plan.docx", [
        ["Wexbridge City Council", "1 High Street", "Wexbridge WX1 1AA"],
        ["We will:", "•\tPlant 10,000 trees by 2027"],  # one item: a lead-in and its bullet
    ])
    assert [t for _, _, _, t in _shown(path)][0] == \
        "Wexbridge City Council 1 High Street Wexbridge WX1 1AA"
    assert len(_shown(path)) == 2
