"""The general reader reads a plan the same in every format councils publish.

``tests/plans/northshire-council-plan-2025-29.md`` is a fictional council plan in the most
common shape of real ones: a Leader's foreword, a priorities list, a section per priority with
"What we want to achieve", "What we will do" and a KPI table, an action table with leads and
dates. The tests write it as a web page, Word and PDF (tests/formats/) and expect the same
graph, provenance aside.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from stratgraph.graph.model import Label, RelType
from stratgraph.loaders.read import read_document
from stratgraph.loaders.read.text import parse_blocks
from stratgraph.loaders.registry import extract

from formats.to_docx import write_docx
from formats.to_html import write_html
from formats.to_pdf import write_pdf

PLAN = Path(__file__).parent / "plans" / "northshire-council-plan-2025-29.md"
WRITERS = {"html": write_html, "docx": write_docx, "pdf": write_pdf}

OUTCOMES = {
    # "## Our vision" (line 11) over line 13: the outcome the whole plan serves
    "A county where everyone can live a healthy, safe and fulfilling life",
    # "Our four priorities are:" (line 16), then lines 17-20
    "A strong local economy", "Healthy and independent lives", "Safe and thriving communities",
    "A greener Northshire",
    # "What we want to achieve:" (line 24) under "## Priority 1: A strong local economy"
    "More residents in good, well-paid work", "Town centres that people want to visit",
}
ACTIONS = {
    # "What we will do:" (line 29), lines 31-33
    ("Deliver the Northshire Skills Hub with Northshire College by September 2026", "September 2026"),
    ("Invest £12m in superfast broadband for rural areas", None),
    ("Work with the Northshire Business Board to support 300 new businesses", None),
    # line 43: "We will reduce the number of people waiting ... by March 2027."
    ("Reduce the number of people waiting for a care assessment to under 200 by March 2027", "March 2027"),
    # the action table, lines 46-47
    ("Open three new extra care schemes", "Q4 2026/27"),
    ("Launch a carers' support line", "March 2026"),
}
MEASURES = {
    ("Residents aged 16-64 in employment", "77%"), ("Premises with gigabit broadband", "85%"),
    ("Number of people waiting for a care assessment", "200"),
}


def _graph(path: Path):  # noqa: ANN202
    return extract(read_document(path)).graph


def _facts(graph) -> dict:  # noqa: ANN001
    names = {n.id: n.name for n in graph.nodes.values()}
    of = lambda label: [n for n in graph.nodes.values() if n.label is label]  # noqa: E731
    return {
        "outcomes": {n.name for n in of(Label.OUTCOME)},
        "actions": {(n.name, n.properties.get("deadline")) for n in of(Label.ACTION)},
        "measures": {(n.name, n.properties.get("target")) for n in of(Label.MEASURE)},
        "leads": {(n.name, n.properties.get("role")) for n in of(Label.CABINET_LEAD)},
        "owners": {n.name for n in of(Label.OWNER)},
        "links": {(r.type.value, names[r.start], names[r.end]) for r in graph.relationships.values()
                  if r.type in (RelType.SUPPORTS, RelType.MEASURED_BY, RelType.OWNS)},
    }


def test_the_plan_as_text_reads_as_a_planner_reads_it() -> None:
    facts = _facts(_graph(PLAN))
    assert facts["outcomes"] == OUTCOMES
    assert facts["actions"] == ACTIONS
    assert facts["measures"] == MEASURES
    assert facts["leads"] == {("Cllr Helen Marsh", "Leader of Northshire County Council"),
                              ("Cllr Priya Shah", "Cabinet Member for Adult Social Care and Health")}
    assert facts["owners"] == {"Director of Adult Social Care", "Head of Commissioning"}
    links = facts["links"]
    # The priority heading is the same outcome as the priorities list's item, not a second one.
    assert ("SUPPORTS", "More residents in good, well-paid work", "A strong local economy") in links
    assert ("SUPPORTS", "Invest £12m in superfast broadband for rural areas", "A strong local economy") in links
    assert ("MEASURED_BY", "A strong local economy", "Residents aged 16-64 in employment") in links
    assert ("SUPPORTS", "Open three new extra care schemes", "Healthy and independent lives") in links
    assert ("OWNS", "Cllr Priya Shah", "Launch a carers' support line") in links
    assert ("OWNS", "Cllr Helen Marsh", "Northshire County Council Plan 2025 to 2029") in links
    # Headings and cue lines never become nodes.
    graph = _graph(PLAN)
    assert not {n.name for n in graph.nodes.values()} & {
        "Our vision", "Our priorities", "What we will do", "What we want to achieve",
        "How we will measure success", "Delivering the plan", "Foreword", "Indicator", "Lead"}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_format_gives_the_text_versions_graph(fmt: str, tmp_path: Path) -> None:
    blocks = parse_blocks(read_document(PLAN).text)
    path = WRITERS[fmt](blocks, tmp_path / f"northshire.{fmt}")
    assert _facts(_graph(path)) == _facts(_graph(PLAN))


def test_a_council_web_page_reads_as_its_plan_and_nothing_of_the_site() -> None:
    # A saved page as council sites publish them: skip link, cookie banner, site menu,
    # breadcrumbs, an in-page contents list, a figure, related links and a footer around <main>.
    page = Path(__file__).parent / "plans" / "eastvale-council-plan-2024-28.html"
    doc = read_document(page)
    graph = extract(doc).graph
    facts = _facts(graph)
    assert facts["outcomes"] == {"Homes people can afford", "A cleaner, greener borough"}
    assert facts["actions"] == {
        ("Build 250 new council homes by March 2028", "March 2028"),
        ("Bring 100 empty homes back into use each year", None),
        ("Cut the council's carbon emissions by 50% by 2027", "2027"),
    }
    assert facts["measures"] == {("Household waste recycled", "50%"), ("Fly-tipping incidents", "900"),
                                 ("Council's carbon emissions", "50%"), ("New council homes", "250")}
    assert facts["leads"] == {("Cllr Sam Okafor", "Portfolio Holder for Environment")}
    names = " ".join(n.name for n in graph.nodes.values())
    for chrome in ("Skip to main content", "cookies", "Bins and recycling", "Your council",
                   "Related content", "Accessibility statement", "Children playing", "Contents"):
        assert chrome not in names and chrome not in doc.text
