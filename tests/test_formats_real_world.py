"""Reading files as councils' own tools make them: a plan in each shape reads as its Markdown.

The writers in tests/formats/ make, besides the tidy files of test_corpus_formats.py, the
files councils really publish: Word typed by hand (bold Normal headings, numbers typed with a
tab, a Table of Contents field, a content control, a comment and tracked changes, shaded and
merged table cells), a CMS page (accordions as ``<details>`` or ``<button aria-expanded>``
over hidden panels, bold paragraphs as sub-headings, lists typed into a paragraph with
``<br>``, a layout table, an "On this page" menu, a "Was this page helpful?" widget), a
designed brochure printed by Chromium (a sidebar with a pull quote, "big numbers" and a
captioned photo floated beside the text, coloured headings, square glyph bullets, ligatures,
banded tables, the page number in the margin) and Word's typed file exported to PDF by
LibreOffice. Each plan here gives the expected items and Outcome/Action/Measure nodes its
Markdown gives; the unit tests below quote the lines each rule reads.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import dev_corpus_eval as corpus
from stratgraph.loaders.read.docx import read_docx
from stratgraph.loaders.read.html import read_html
from test_corpus_formats import _plan, _reading

# The designed brochure is printed by Chromium: without it those cases skip.
_NO_CHROMIUM = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(),
                                  reason="Chromium (/usr/bin/chromium) is not installed")

# The plans whose shapes a variant broke before its fix (see docs/reading.md, round 2).
CASES = [
    ("html-cms", "durham-police-and-crime-plan-2021-24"),  # outcomes in accordion panels
    ("html-cms", "lincolnshire-green-masterplan-initial-action-plan-2020-25"),  # <br> lists
    ("html-cms", "kingston-council-performance-index-2023-24-q1"),  # measures in a panel
    ("html-cms", "west-lindsey-corporate-plan-2023-27-focus"),
    ("docx-typed", "tower-hamlets-strategic-plan-2022-26-priorities"),  # typed "1.<tab>"
    ("docx-typed", "gloucestershire-icb-joint-forward-plan-key-elements"),
    ("docx-typed", "winchester-council-plan-2025-30-policy-committee"),
    ("pdf-designed", "ealing-council-priorities"),  # a sidebar beside the opening text
    ("pdf-designed", "essex-everyones-essex-20-commitments-2021-25"),
    ("pdf-designed", "medway-community-safety-plan-2013-16-priorities"),
    ("pdf-designed", "belfast-performance-improvement-plan-2024-25-objectives"),
]


# The PDF writers share one Chromium: stopped after this module.
pytestmark = pytest.mark.usefixtures("stop_pdf_browser")


@pytest.mark.parametrize(("fmt", "stem"), CASES, ids=[f"{f}-{s[:30]}" for f, s in CASES])
def test_a_plan_as_a_council_makes_it_reads_as_its_markdown(fmt: str, stem: str, tmp_path: Path) -> None:
    if fmt == "pdf-designed" and not Path("/usr/bin/chromium").exists():
        pytest.skip("Chromium (/usr/bin/chromium) is not installed")
    plan = _plan(corpus.plan_stem(stem))
    base_graph, made = _reading(plan)
    base = {key: s.missed for key, s in corpus.score_graph(plan, base_graph).items()}
    graph, nodes = _reading(corpus.write_as(plan, fmt, tmp_path))
    missed = {key: s.missed for key, s in corpus.score_graph(plan, graph).items()}
    assert missed == base
    assert nodes == made, sorted(nodes ^ made)


def test_both_accordion_styles_read_alike(tmp_path: Path) -> None:
    from stratgraph.loaders.read.text import parse_blocks

    from formats import write_html_cms
    from formats.common import with_descriptions

    plan = _plan(corpus.plan_stem("durham-police-and-crime-plan"))
    text = plan.read_text(encoding="utf-8")
    blocks = with_descriptions(parse_blocks(text), text)
    _, button = _reading(write_html_cms(blocks, tmp_path / "button.html", accordion="button"))
    _, details = _reading(write_html_cms(blocks, tmp_path / "details.html", accordion="details"))
    assert button == details == _reading(plan)[1]


@pytest.mark.skipif(not __import__("formats.to_pdf_office", fromlist=["soffice"]).soffice(),
                    reason="LibreOffice Writer (soffice) is not installed")
def test_word_exported_to_pdf_reads_as_its_markdown(tmp_path: Path) -> None:
    plan = _plan(corpus.plan_stem("tower-hamlets-strategic-plan"))
    base_graph, made = _reading(plan)
    try:
        written = corpus.write_as(plan, "pdf-office", tmp_path)
    except RuntimeError as exc:  # LibreOffice without Writer
        pytest.skip(str(exc))
    graph, nodes = _reading(written)
    found = {key: s.found for key, s in corpus.score_graph(plan, graph).items()}
    assert found == {key: s.found for key, s in corpus.score_graph(plan, base_graph).items()}


# -- the rules, each on the lines it reads ---------------------------------------------------


def _html(body: str):  # noqa: ANN202 (Document)
    return read_html(f"<html><body><main>{body}</main></body></html>".encode(), "p.html", None)


def test_an_accordions_hidden_panel_and_button_title_are_the_plans_text() -> None:
    doc = _html("<h1>Plan</h1><div><h2><button aria-expanded='false' aria-controls='p1'>"
                "Safer streets</button></h2><div id='p1' hidden><p>We will cut crime.</p></div>"
                "</div><div hidden>Menu popup</div>")
    assert doc.text == "# Plan\n\n## Safer streets\n\nWe will cut crime.\n"


def test_a_details_summary_is_a_heading_under_the_pages_heading() -> None:
    doc = _html("<h2>Our priorities</h2><details><summary>Safer streets</summary>"
                "<p>We will cut crime.</p></details>")
    assert [(b.kind.value, b.level, b.text) for b in doc.blocks[:2]] == [
        ("heading", 2, "Our priorities"), ("heading", 3, "Safer streets")]


def test_a_list_typed_into_a_paragraph_with_line_breaks_is_a_list() -> None:
    doc = _html("<p>• Plant 1,000 trees<br>• Retrofit 200 homes</p>"
                "<p>1. Open the hub<br>2. Hire wardens</p><p>Not a list<br>• mixed</p>")
    items = [(b.kind.value, b.marker, b.text) for b in doc.blocks]
    assert items[:4] == [("list_item", "•", "Plant 1,000 trees"), ("list_item", "•", "Retrofit 200 homes"),
                         ("list_item", "1.", "Open the hub"), ("list_item", "2.", "Hire wardens")]
    assert items[4][0] == "paragraph"


def test_a_feedback_widget_is_furniture() -> None:
    doc = _html("<h1>Plan</h1><p>We will act.</p><div class='page-feedback'><h2>Was this page "
                "helpful?</h2><form><button>Yes</button><button>No</button></form>"
                "<p><a href='/r'>Report a problem with this page</a></p></div>")
    assert doc.text == "# Plan\n\nWe will act.\n"
    assert any("Was this page helpful?" in b.text for b in doc.furniture)


def _docx(build) -> bytes:  # noqa: ANN001 (a function of a python-docx Document)
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_numbers_typed_with_a_tab_in_word_are_list_items_nested_by_indent() -> None:
    from docx.shared import Twips

    def build(document) -> None:  # noqa: ANN001
        for left, text in ((567, "1.\tSafer streets"), (1134, "a)\tCut crime"),
                           (1134, "b)\tHire wardens"), (567, "2.\tGood homes")):
            p = document.add_paragraph(text)
            p.paragraph_format.left_indent = Twips(left)
            p.paragraph_format.first_line_indent = Twips(-567)

    doc = read_docx(_docx(build), "p.docx", None)
    assert [(b.kind.value, b.level, b.marker, b.text) for b in doc.blocks] == [
        ("list_item", 1, "1.", "Safer streets"), ("list_item", 2, "a)", "Cut crime"),
        ("list_item", 2, "b)", "Hire wardens"), ("list_item", 1, "2.", "Good homes")]


def test_a_word_table_of_contents_is_furniture(tmp_path: Path) -> None:
    from stratgraph.loaders.read.model import Block, BlockKind

    from formats import write_docx_typed

    blocks = [Block(BlockKind.HEADING, "Plan", 1, 1, level=1),
              Block(BlockKind.HEADING, "Safer streets", 3, 3, level=2),
              Block(BlockKind.PARAGRAPH, "We will cut crime in every ward this year.", 5, 5),
              Block(BlockKind.HEADING, "Good homes", 7, 7, level=2),
              Block(BlockKind.PARAGRAPH, "We will build homes.", 9, 9)]
    path = write_docx_typed(blocks, tmp_path / "p.docx")
    doc = read_docx(path.read_bytes(), "p.docx", None)
    assert doc.text == ("# Plan\n\n## Safer streets\n\nWe will cut crime in every ward this year.\n\n"
                        "## Good homes\n\nWe will build homes.\n")
    assert ("navigation", "Safer streets 2") in {(b.role, b.text) for b in doc.furniture}


@_NO_CHROMIUM
def test_a_designed_pages_sidebar_is_furniture_and_the_text_reads_on_past_it(tmp_path: Path) -> None:
    from stratgraph.loaders.read import read_document

    plan = _plan("ealing-council-priorities")
    doc = read_document(corpus.write_as(plan, "pdf-designed", tmp_path))
    roles = {(b.role, b.text) for b in doc.furniture}
    assert {("infographic", "£2.3m"), ("infographic", "invested in our neighbourhoods"),
            ("caption", "Volunteers planting trees at Riverside Park in spring")} <= roles
    assert any(role == "pull-quote" for role, _ in roles)
    # The item's description runs on past the sidebar it was set beside.
    assert ("This means working with landlords to improve renting in the borough, as well as "
            "continuing our house building") in doc.text
    assert "£2.3m" not in doc.text and "94%" not in doc.text


# -- text copied from a council PDF: the bullet glyph lost ------------------------------------

LOST_BULLETS = (
    "Our priorities\n"
    "Over the next four years our priorities will be around:\n"
    "{0} Tackling child poverty.\n"
    "{0} Improving the health of our residents.\n"
    "{0} Building more affordable homes.\n"
)


@pytest.mark.parametrize("glyph", ["\ufffd", "\uf0b7", "\uf0a7", "\ue000"])
def test_a_lost_bullet_glyph_leads_a_list_item_in_text(glyph: str, tmp_path: Path) -> None:
    from stratgraph.loaders.read import read_document

    lost = tmp_path / "lost.txt"
    lost.write_text(LOST_BULLETS.format(glyph), encoding="utf-8")
    blocks = read_document(lost).blocks
    items = [b for b in blocks if b.kind.value == "list_item"]
    assert [(b.text, b.line, b.level) for b in items] == [
        ("Tackling child poverty.", 3, 1),
        ("Improving the health of our residents.", 4, 1),
        ("Building more affordable homes.", 5, 1),
    ]
    typed = tmp_path / "typed.txt"
    typed.write_text(LOST_BULLETS.format("•"), encoding="utf-8")
    assert _reading(lost)[1] == _reading(typed)[1]


# -- a web page's date stamp between its list and its page links -----------------------------

DATE_STAMPED = """View the third Local Transport Plan 2011-2026 (LTP3) for the Borough which was adopted in April 2011 and sets out our six goals:

  • making travel more reliable and efficient, to attract jobs and support growth and regeneration
  • maintain highways effectively and efficiently
  • reduce carbon emissions to help tackle climate change

Last updated: 05/07/2022 10:21

  1. Introduction
  2. Contact
"""


def test_a_date_stamp_between_two_lists_keeps_them_apart_in_html(tmp_path: Path) -> None:
    from stratgraph.loaders.read import read_document

    plan = tmp_path / "goals.md"
    plan.write_text(DATE_STAMPED, encoding="utf-8")
    page = corpus.write_as(plan, "html", tmp_path)
    doc = read_document(page)
    kinds = [(b.kind.value, b.text) for b in doc.blocks[-3:]]
    assert kinds == [("paragraph", "Last updated: 05/07/2022 10:21"),
                     ("list_item", "Introduction"), ("list_item", "Contact")]
    made = _reading(page)[1]
    assert ("Outcome", "Introduction") not in made
    assert made == _reading(plan)[1]
