"""Formats round 5: the PDF losses left after round 4 (docs/reading.md, "Formats round 5").

Each test quotes the lines a fix reads, in the round 3 writers' PDFs (tests/formats/
to_pdf_house.py, printed by Chromium: without it they skip) or in a small PDF drawn here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import dev_corpus_eval as corpus
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.read.model import Block, BlockKind
from test_corpus_formats import _plan
from test_formats_round3 import _NO_CHROMIUM


# The PDF writers share one Chromium: stopped after this module.
pytestmark = pytest.mark.usefixtures("stop_pdf_browser")


def _blocks(blocks: list[Block], path: Path) -> list[tuple[str, str]]:
    from formats import write_pdf_sized

    doc = SourceDocument.from_path(write_pdf_sized(blocks, path))
    return [(b.kind.value, b.text) for b in doc.blocks]


@_NO_CHROMIUM
def test_an_empty_one_cell_table_chromium_borders_with_bars_is_kept(tmp_path: Path) -> None:
    # Chromium paints a collapsed 0.5pt border as thin filled rectangles, not strokes; a plan's
    # line of bare pipes ("||") written as an empty one-cell table was read as nothing, so the
    # pipe-closed cells around it fell out of step.
    blocks = [Block(BlockKind.PARAGRAPH, "Clearly define problems |", 1, 1),
              Block(BlockKind.TABLE, "", 2, 2, rows=(("",),)),
              Block(BlockKind.PARAGRAPH, "|", 3, 3)]
    assert _blocks(blocks, tmp_path / "pipes.pdf") == [
        ("paragraph", "Clearly define problems |"), ("table", ""), ("paragraph", "|")]


# Plans a shape lost items of before this round's fixes (docs/reading.md, round 5).
CASES = [
    ("pdf-sized", "scottish-executive-community-safety-strategy-checklist"),  # "||" as a box
    ("pdf-cols", "muirhouse-housing-association-strategic-objectives"),  # cut at a column's foot
    ("pdf-cols", "peak-district-npmp-2023-28-welcoming-place"),  # short headings across columns
]


@_NO_CHROMIUM
@pytest.mark.parametrize(("fmt", "stem"), CASES, ids=[f"{f}-{s[:30]}" for f, s in CASES])
def test_a_plan_in_a_chromium_printed_shape_reads_as_its_markdown(fmt: str, stem: str,
                                                                   tmp_path: Path) -> None:
    plan = _plan(corpus.plan_stem(stem))
    missed, base, nodes, made = corpus.compare_reading(plan, corpus.write_as(plan, fmt, tmp_path))
    assert missed == base
    assert nodes == made, sorted(nodes ^ made)


@_NO_CHROMIUM
def test_a_sentence_cut_at_a_columns_foot_goes_on_at_the_next_columns_top(tmp_path: Path) -> None:
    # The first column ends "... on year 1 of our 3-year", no room left for "Investment": the
    # line was broken for want of room, so the next column's "Investment Plan 2022-2024." runs
    # on although it starts with a capital (Muirhouse, pdf-cols; before: two paragraphs).
    plan = _plan(corpus.plan_stem("muirhouse-housing-association-strategic-objectives"))
    doc = SourceDocument.from_path(corpus.write_as(plan, "pdf-cols", tmp_path))
    texts = [b.text for b in doc.blocks]
    assert any("we will deliver on year 1 of our 3-year Investment Plan 2022-2024. We will "
               "continue our planned painting works" in t for t in texts)
    assert not any(t.startswith("Investment Plan") for t in texts)


@_NO_CHROMIUM
def test_a_short_heading_set_across_two_columns_parts_their_flow(tmp_path: Path) -> None:
    # Chromium sets the 24 pt "Target" and "Headline delivery" across both columns and
    # balances the paragraph between them over the two: "By 2028 there will have been an
    # increase in" / "people recognising sustainable visitor" on the left, "practices." on the
    # right. Before, the short headings read as left-column lines, so "practices." came after
    # the whole left column and the outcome heading's last line joined "Target".
    plan = _plan(corpus.plan_stem("peak-district-npmp-2023-28-welcoming-place"))
    doc = SourceDocument.from_path(corpus.write_as(plan, "pdf-cols", tmp_path))
    texts = [b.text for b in doc.blocks]
    at = texts.index("Target")
    assert texts[at - 1].endswith("respects the wellbeing of local communities.")
    assert texts[at + 1:at + 3] == [
        "By 2028 there will have been an increase in people recognising sustainable visitor "
        "practices.", "Headline delivery"]
