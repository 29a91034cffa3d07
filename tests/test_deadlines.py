"""The ``deadlines`` query: how a deadline as plans write it becomes a calendar quarter, the
same on the embedded store and on a real Neo4j (the ``neo4j`` parameter), and its whole answer
on the example corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j_fixtures import STORE_KINDS
from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.queries import run_query
from stratgraph.graph.queries_deadlines import deadline_quarter
from stratgraph.graph.store import GraphStore

#: Deadline as written -> quarter: the forms the five real plans and the examples use, and
#: the ones the issue names.
WRITTEN = {
    "March 2014": "2014-Q1",
    "Nov. 2005": "2005-Q4",
    "end of March 2008": "2008-Q1",
    "Sept 2013": "2013-Q3",
    "2024/25": "2025-Q1",
    "Throughout 2013/14": "2014-Q1",
    "2013/14 \u2013 2014/15": "2015-Q1",
    "2013/2014": "2014-Q1",
    "1999/00": "2000-Q1",
    "Ongoing with targets set for 2013-15": "2015-Q1",
    "Q3 2025": "2025-Q3",
    "2025 q2": "2025-Q2",
    "by end of 2025": "2025-Q4",
    "By 2014": "2014-Q4",
    "Ongoing to 2015": "2015-Q4",
    "2023": "2023-Q4",
    "May to October 2013": "2013-Q4",
    "From April 2013": "2013-Q2",
    "Spring 2014": "2014-Q2",
    "Autumn 2013, then bi-annual updates": "2013-Q4",
    "Winter 2013": "2014-Q1",
    # A month beats a bare year named alongside it: the month says more.
    "March 2014 (reviewed 2014)": "2014-Q1",
    "Ongoing": None,
    "Quarterly": None,
    "Annual": None,
    "ongoing\ttill\nlater": None,
    "Q5 2025": "2025-Q4",
    "May 20255": None,
    "Decide 2013": "2013-Q4",
    "\u0663\u0660\u0661\u0663": None,  # Arabic-Indic digits are no year in either store
}


@pytest.mark.parametrize(("text", "quarter"), sorted(WRITTEN.items(), key=str))
def test_quarter_of_a_deadline(text: str, quarter: str | None) -> None:
    assert deadline_quarter(text) == quarter


@pytest.fixture(params=STORE_KINDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "neo4j":
        yield request.getfixturevalue("neo4j_store")
        return
    s = EmbeddedStore(tmp_path / "graph.db")
    try:
        yield s
    finally:
        s.close()


def test_every_written_form_gives_the_same_quarter_on_each_store(store: GraphStore) -> None:
    b = DocumentGraphBuilder("deadlines.txt")
    b.plan("Plan", 1)
    theme = b.theme("Theme", 2)
    texts = sorted(WRITTEN)
    for i, text in enumerate(texts):
        b.action(f"Action {i:02d}", 3 + i, theme=theme, deadline=text)
    b.action("No deadline", 90, theme=theme)
    b.action("Blank deadline", 91, theme=theme, deadline="  ")
    store.write(b.graph)
    rows = run_query(store, "deadlines")
    got = {r["deadline"]: r["quarter"] for r in rows}
    assert got == WRITTEN
    # Sorted by quarter, the undated last; actions with no deadline are not rows.
    quarters = [r["quarter"] for r in rows]
    dated = [q for q in quarters if q is not None]
    assert quarters == dated + [None] * (len(quarters) - len(dated))
    assert dated == sorted(dated)
    assert len(rows) == len(texts)


def test_example_corpus_deadlines(tmp_path: Path, examples_dir: Path) -> None:
    """The whole answer on the five example plans (examples/answers/README-queries.md)."""
    from stratgraph.api import build

    store = EmbeddedStore(tmp_path / "graph.db")
    assert build(sorted(examples_dir.glob("*.txt")), store).ok
    rows = run_query(store, "deadlines")
    per_plan_quarter: dict[tuple[str, str | None], int] = {}
    for r in rows:
        key = (r["plan"], r["quarter"])
        per_plan_quarter[key] = per_plan_quarter.get(key, 0) + 1
    assert per_plan_quarter == EXAMPLE_DEADLINES
    assert len(rows) == 38


DELIVERY, CORPORATE = "CITY MAYOR'S DELIVERY PLAN", "Corporate Plan"
COUNTY20, COUNTY24 = "Strategic Plan 2020-24", "Strategic Plan 2024-28"
#: (plan, quarter): actions. Read from the plans' deadline cells (examples/answers/).
EXAMPLE_DEADLINES = {
    (DELIVERY, "2024-Q2"): 3,   # May 2024, June 2024 x2
    (DELIVERY, "2024-Q3"): 3,   # July 2024, September 2024 x2
    (DELIVERY, "2024-Q4"): 4,   # October, November, December x2
    (DELIVERY, "2025-Q1"): 11,  # January x2, February, March x5, Throughout 2024/25 x3
    (DELIVERY, None): 9,        # Ongoing x8, Quarterly
    (CORPORATE, "2005-Q2"): 1,  # June 2005
    (CORPORATE, "2005-Q4"): 2,  # by December 2005, by Nov. 2005
    (CORPORATE, "2006-Q1"): 1,  # March 2006
    (COUNTY20, "2022-Q1"): 1,   # March 2022
    (COUNTY20, "2023-Q4"): 1,   # 2023
    (COUNTY24, "2025-Q4"): 1,   # December 2025
    (COUNTY24, "2026-Q1"): 1,   # March 2026
}
