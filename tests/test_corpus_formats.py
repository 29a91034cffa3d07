"""Reading in every format: dev corpus plans written as a web page, Word and PDF read as
their Markdown does.

Each plan is written through tests/formats/ (the council's page chrome, Word's heading
styles, numbering and "Page N of M" footer, a PDF in one and in two columns with a running
title, "Page N of M" and ruled tables)
and read back with the entry point ``stratgraph build`` uses. The expected items found, and
the Outcome, Action and Measure nodes made, are the Markdown reading's in every format. The
plans are those whose shapes broke a format reader once: a priority's description under its
bullet (Ealing), a one-page minute whose running title is its first line (Winchester), a
pipe table of actions (Newton St Cyres), "(a)" markers (Nottinghamshire), lettered items
under bullets (Carmarthenshire), a KPI list (Bracknell), a dash that wraps to the start of
an item's line in a narrow column (Lincolnshire) and a column's first line that repeats a
bullet above it (Shropshire) in two columns ("pdf2"). ``python tests/dev_corpus_eval.py
--format all`` runs every plan.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import dev_corpus_eval as corpus
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.registry import extract

PLANS = (
    "ealing-council-priorities",
    "winchester-council-plan-2025-30-policy-committee",
    "newton-st-cyres-parish-council-action-plan-2018-20",
    "nottinghamshire-fire-crmp-2025-28-strategic-goals",
    "carmarthenshire-corporate-strategy-2022-27-well-being-objectives",
    "bracknell-forest-place-directorate-kpis-2024-27",
    "lincolnshire-green-masterplan-initial-action-plan-2020-25",
    "shropshire-joint-health-wellbeing-strategy-2022-27",
)
FORMATS = ("html", "docx", "pdf", "pdf2")


def _plan(stem: str) -> Path:
    path = corpus.CORPUS / f"{stem}.md"
    assert path.is_file(), f"no dev corpus plan {path}"
    return path


def _reading(path: Path):  # noqa: ANN202 (Graph, nodes)
    """The graph a build makes of ``path``, and its Outcome, Action and Measure nodes
    (label, name)."""
    graph = extract(SourceDocument.from_path(path)).graph
    nodes = {(n.label.value, n.name) for n in graph.nodes.values() if n.label.value in corpus.JUDGED}
    return graph, nodes


@pytest.mark.parametrize("stem", PLANS)
def test_a_plan_reads_the_same_in_every_format(stem: str, tmp_path: Path) -> None:
    plan = _plan(stem)
    base_graph, made = _reading(plan)
    base = {key: s.missed for key, s in corpus.score_graph(plan, base_graph).items()}
    assert made, "the Markdown reading makes nothing to compare"
    for fmt in FORMATS:
        graph, nodes = _reading(corpus.write_as(plan, fmt, tmp_path))
        missed = {key: s.missed for key, s in corpus.score_graph(plan, graph).items()}
        assert missed == base, fmt
        assert nodes == made, (fmt, sorted(nodes ^ made))


# A checklist a web copy wrote one cell a line, each closed by a pipe, its empty cells as
# lines of bare pipes (lines of the Scottish community safety strategy checklist). Writers
# keep such a line as an empty table of as many cells; every reader must give its pipes back.
PIPE_CELLS = """Developing a community safety strategy - checklist
|
STAGE |
ACTION |
WHO |
WHEN BY? |
|
Setting Priorities |
Clearly define problems that need to be addressed based upon the findings of the audit |
||
|
Prioritise problems and select a small number (5-7) of objectives |
|||
|
Decide who will draft strategies for meeting each of the objectives |
|||
|
Developing the strategy |
Develop a clear understanding of the problem to be tackled through analysis of its key elements |
||
|
Consider all possible ways of tackling the problem |
|||
|
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_bare_pipe_lines_read_as_in_markdown(fmt: str, tmp_path: Path) -> None:
    from stratgraph.loaders.read import read_document

    plan = tmp_path / "checklist.md"
    plan.write_text(PIPE_CELLS, encoding="utf-8")
    written = corpus.write_as(plan, fmt, tmp_path)
    pipes = [ln for ln in read_document(written).text.split("\n") if ln in ("||", "|||")]
    assert pipes == [ln for ln in PIPE_CELLS.split("\n") if ln in ("||", "|||")]
    _, made = _reading(plan)
    assert sum(label == "Action" for label, _ in made) >= 5
    assert _reading(written)[1] == made
