"""Formats round 6: what the PDF formats still lost against Markdown (docs/reading.md,
"Formats round 6 (PDF)").

Each test quotes the lines a fix reads, in a dev-corpus plan written by a tests/formats/
writer (pdf2: reportlab, always; the Chromium-printed ones skip without Chromium).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import dev_corpus_eval as corpus
from conftest import need_soffice
from stratgraph.loaders.document import SourceDocument
from test_corpus_formats import _plan
from test_formats_round3 import _NO_CHROMIUM

# The PDF writers share one Chromium: stopped after this module.
pytestmark = pytest.mark.usefixtures("stop_pdf_browser")


def _texts(stem: str, fmt: str, tmp_path: Path) -> list[str]:
    plan = _plan(corpus.plan_stem(stem))
    return [b.text for b in SourceDocument.from_path(corpus.write_as(plan, fmt, tmp_path)).blocks]


# Plans a PDF shape read otherwise than Markdown before this round's fixes.
CASES = [
    ("pdf2", "south-ribble-climate-emergency-action-plan"),  # a right column of one line
    ("pdf2", "happy-healthy-lives-ics-strategy"),  # the same: an item run on into it
    ("pdf2", "north-herts-council-delivery-plan-2025-26"),  # the same: a lead's paragraph
    ("pdf2", "maidstone-key-performance-indicators-2020-21"),  # a title line at a column's top
]
# The same, in the Chromium-printed shapes (skipped without Chromium).
CHROMIUM_CASES = [
    ("pdf-sized", "lancashire-hwb-place-partnership-areas-of-focus"),  # "ii." / "iii." items
    ("pdf-designed", "west-dunbartonshire-strategic-plan-indicators"),  # lines across a gutter
    ("pdf-designed", "chorley-economic-strategy-2022-delivery"),  # the same
    ("pdf-designed", "east-devon-poverty-reduction-strategy-objectives"),  # round a sidebar
]
# The same, in Word's export (LibreOffice; skipped without it outside CI).
OFFICE_CASES = [
    ("pdf-office", "royal-greenwich-culture-strategy-heritage"),  # "spaces." a point lower
    ("pdf-office", "northumbria-pcc-police-crime-plan-preventing"),  # "violence."
    ("pdf-office", "gloucestershire-icb-joint-forward-plan"),  # "requirements"
    ("pdf-office", "rother-council-plan-2024-28-themes"),  # the running title "Plan"
]


@pytest.mark.parametrize(("fmt", "stem"), CASES, ids=[f"{f}-{s[:30]}" for f, s in CASES])
def test_a_plan_in_a_pdf_shape_reads_as_its_markdown(fmt: str, stem: str, tmp_path: Path) -> None:
    plan = _plan(corpus.plan_stem(stem))
    missed, base, nodes, made = corpus.compare_reading(plan, corpus.write_as(plan, fmt, tmp_path))
    assert missed == base
    assert nodes == made, sorted(nodes ^ made)


def test_a_one_page_word_exports_running_title_is_no_strategy(tmp_path: Path) -> None:
    # Word's export of a one-page plan with no heading: the header is the writer's "Plan",
    # in the body's size, standing apart at the top; before, it read as the plan's first line
    # and title, so "Council Plan" in the text became a Strategy (Falkirk, Rother,
    # Wolverhampton). Its words are the file name's: a header.
    need_soffice()
    plan = _plan(corpus.plan_stem("falkirk-council-plan-2022-27-priorities"))
    doc = SourceDocument.from_path(corpus.write_as(plan, "pdf-office", tmp_path))
    assert doc.blocks[0].text.startswith("The Council Plan sets out what we aim to achieve")
    assert ("page-header", "Plan") in [(f.role, f.text) for f in doc.furniture]
    missed, base, nodes, made = corpus.compare_reading(plan, doc.path)
    assert missed == base
    assert nodes == made, sorted(nodes ^ made)


@_NO_CHROMIUM
@pytest.mark.parametrize(("fmt", "stem"), CHROMIUM_CASES, ids=[f"{f}-{s[:30]}" for f, s in CHROMIUM_CASES])
def test_a_plan_printed_by_chromium_reads_as_its_markdown(fmt: str, stem: str, tmp_path: Path) -> None:
    test_a_plan_in_a_pdf_shape_reads_as_its_markdown(fmt, stem, tmp_path)


@pytest.mark.parametrize(("fmt", "stem"), OFFICE_CASES, ids=[f"{f}-{s[:30]}" for f, s in OFFICE_CASES])
def test_a_plan_exported_by_word_reads_as_its_markdown(fmt: str, stem: str, tmp_path: Path) -> None:
    need_soffice()
    test_a_plan_in_a_pdf_shape_reads_as_its_markdown(fmt, stem, tmp_path)


@_NO_CHROMIUM
def test_a_roman_numbered_list_printed_with_dots_is_a_list(tmp_path: Path) -> None:
    # A browser prints "(ii)" of an <ol type="i"> as "ii.": before, only "i." (a letter's
    # marker) made an item, so "ii. Align ..." and "iii. Build ..." were paragraphs and their
    # actions lost (Lancashire, in every Chromium-printed shape).
    plan = _plan(corpus.plan_stem("lancashire-hwb-place-partnership-areas-of-focus"))
    doc = SourceDocument.from_path(corpus.write_as(plan, "pdf-sized", tmp_path))
    items = [(b.marker, b.text[:30]) for b in doc.blocks if b.kind.value == "list_item"]
    assert items[-3:] == [("i.", "Develop the case further and f"), ("ii.", "Align the strategic leadership"),
                          ("iii.", "Build shared enabling function")]


@_NO_CHROMIUM
def test_a_line_across_a_sidebars_gutter_does_not_run_on_into_the_next(tmp_path: Path) -> None:
    # Below a sidebar, indicator names of one line each; two are wider than the body beside
    # the sidebar was, so they cross its gutter and stand as columns of their own between the
    # narrower ones. A one-line column is as wide as its line, so its last line looked "full"
    # and ran on into the next: "Citizens feeling the Council listens to residents in the
    # design and delivery of services Citizens feeling the Council communicates well".
    texts = _texts("west-dunbartonshire-strategic-plan-indicators", "pdf-designed", tmp_path)
    at = texts.index("Citizens feeling the Council listens to residents in the design and delivery "
                     "of services")
    assert texts[at + 1:at + 4] == [
        "Citizens feeling the Council communicates well", "Council resources directed by communities",
        "Citizens feeling a sense of control and influence over council decision making"]
    assert "Buildings suitable for current use" in texts


@_NO_CHROMIUM
def test_justified_lines_round_a_sidebar_keep_their_measure(tmp_path: Path) -> None:
    # The numbered objectives wrap round a floated sidebar, justified to 338 pt, under an
    # introduction set to 391 pt in the same block: measured to 391 pt there was room for
    # "Service", so "... reducing indebtedness. Lead" / "Service – Finance." parted and the
    # objective's name took "Lead". Three lines ending at one x give the measure.
    plan = _plan(corpus.plan_stem("east-devon-poverty-reduction-strategy-objectives"))
    doc = SourceDocument.from_path(corpus.write_as(plan, "pdf-designed", tmp_path))
    items = [b.text for b in doc.blocks if b.kind.value == "list_item"]
    assert ("Helping people on low incomes to maximise their household income and minimise their "
            "costs, building financial resilience and reducing indebtedness. Lead Service – Finance."
            in items)


def test_a_lower_case_line_a_point_further_down_runs_on(tmp_path: Path) -> None:
    # LibreOffice's export: "... underused heritage buildings and" / "spaces." stand 5.0 pt
    # apart where the item's other lines stand 4.0-4.7 pt (the end words' boxes differ): the
    # half-em "extra space" test (4.95 pt at 11 pt) parted them, and the action lost "spaces".
    need_soffice()
    texts = _texts("royal-greenwich-culture-strategy-heritage", "pdf-office", tmp_path)
    assert "Seek new, sustainable uses for underused heritage buildings and spaces." in texts
    assert "spaces." not in texts


def test_a_second_column_of_one_line_is_a_column_not_the_first_lines_tail(tmp_path: Path) -> None:
    # The last page of a two-column plan: the right column holds one line ("Our"), level with
    # the left column's first ("The Plan to 2030"). Before, no gutter was found (a column needs
    # two lines and a quarter of the width), the two read as one line "The Plan to 2030 Our",
    # and its width made the column's edge: "... the Climate Emergency Action" looked short of
    # room, so "Plan at regular intervals." became a paragraph of its own and the Strategy
    # "Climate Emergency Action Plan" was lost.
    texts = _texts("south-ribble-climate-emergency-action-plan", "pdf2", tmp_path)
    assert texts[0] == "The Plan to 2030"
    assert any("the implementation of the Climate Emergency Action Plan at regular intervals. "
               in t for t in texts)
    assert texts[-1] == "Our"


def test_a_list_item_cut_at_the_columns_foot_goes_on_in_a_one_line_column(tmp_path: Path) -> None:
    texts = _texts("happy-healthy-lives-ics-strategy", "pdf2", tmp_path)
    assert texts[0] == "Skip to main content"
    assert texts[-1].endswith("focus on “what matters to me?” rather than “what’s")


def test_a_title_line_at_a_columns_top_does_not_run_on_from_a_full_line(tmp_path: Path) -> None:
    # The left column ends on a line that fills it, "Anna Collier Policy and Information
    # Manager"; the right one opens "Cross Cutting Objectives" over "The four cross-cutting
    # objectives are:". A full last line usually means the sentence goes on, but a short
    # title-case line with more text under it is no sentence's tail (before: one paragraph,
    # read as an Outcome "Anna Collier ... Manager Cross Cutting Objectives").
    texts = _texts("maidstone-key-performance-indicators-2020-21", "pdf2", tmp_path)
    at = texts.index("Cross Cutting Objectives")
    assert texts[at - 1] == "Anna Collier Policy and Information Manager"
    assert texts[at + 1] == "The four cross-cutting objectives are:"
