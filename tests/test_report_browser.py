"""The overview page (`stratgraph report`) in a real headless Chromium: each chart's numbers,
read from Chart.js's own chart objects, equal the named queries' rows; a bar opens its rows;
served, the links are the explorer's deep links; no console error, no outside request; hostile
names stay text.

Same Chromium and skip rules as ``test_viz_browser.py``. ``STRATGRAPH_UPDATE_SCREENSHOTS=1``
also writes ``docs/img/report.png``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from overview_charts import click_bar
from test_viz_browser import Visit as PictureVisit
from test_viz_browser import browser  # noqa: F401 - the shared Chromium fixture

from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.overview import STRATEGY_LIMIT, is_overdue, overview
from stratgraph.graph.queries import query_summary, run_query
from stratgraph.viz.overview_page import render_overview

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2025, 1, 1)
HOSTILE = "</script><img src=x onerror=alert(1)> =HYPERLINK(\"http://evil.example\",\"x\")"


class Visit(PictureVisit):
    """One load of the overview page (console, page errors, dialogs and requests recorded)."""

    READY = "() => window.stratgraphOverview && window.stratgraphOverview.ready"
    VIEWPORT = (1400, 1000)

    def chart(self, canvas: str) -> dict[str, Any]:
        """Labels and datasets (label -> numbers) of a chart, from Chart.js's chart object."""
        return self.page.evaluate(
            """(id) => { const c = Chart.getChart(id);
                return {labels: c.data.labels,
                        data: Object.fromEntries(c.data.datasets.map(d => [d.label, d.data]))}; }""",
            canvas)

    def pick_plan(self, plan_id: str) -> None:
        self.page.select_option("#plan-select", plan_id)

    def click_bar(self, canvas: str, dataset: str, label: str) -> None:
        """Click the bar of ``dataset`` at ``label``, where Chart.js drew it."""
        click_bar(self.page, canvas, dataset, label, timeout=5000)

    def table(self) -> list[dict[str, str]]:
        return self.page.evaluate(
            """() => { const head = [...document.querySelectorAll('#rows-table thead th')]
                         .map(th => th.textContent);
                return [...document.querySelectorAll('#rows-table tbody tr')].map(tr =>
                  Object.fromEntries([...tr.children].map((td, i) => [head[i], td.textContent])));
            }""")


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Iterator[EmbeddedStore]:
    from stratgraph.api import build

    store = EmbeddedStore(tmp_path_factory.mktemp("report") / "graph.db")
    assert build(sorted(examples_dir.glob("*.txt")), store).ok
    yield store
    store.close()


def _page(store: EmbeddedStore, folder: Path, *, served: bool, name: str = "report.html") -> Path:
    out = folder / name
    out.write_text(render_overview(overview(store, today=TODAY), served=served), "utf-8")
    return out


@pytest.fixture(scope="module")
def offline_page(examples: EmbeddedStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _page(examples, tmp_path_factory.mktemp("page"), served=False)


def test_chart_numbers_equal_the_named_queries(browser: Any, examples: EmbeddedStore,
                                               offline_page: Path) -> None:
    visit = Visit(browser, offline_page)
    # Coverage: one bar group per plan, the shares of the plan rows, in the query's order.
    plans = run_query(examples, "coverage", {"scope": "plan"})
    chart = visit.chart("chart-coverage")
    assert chart["labels"] == [r["plan"] for r in plans]
    for column, label in (("with_outcome", "outcome"), ("with_measure", "measure"),
                          ("with_owner", "owner"), ("with_deadline", "deadline"),
                          ("golden", "golden")):
        assert chart["data"][label] == [r[column] for r in plans]
    # Orphan actions and unsupported outcomes: rows and each reason, per plan.
    for canvas, query, reasons in (
        ("chart-orphans", "orphan-actions", ("NO_OUTCOME", "NO_MEASURE", "NO_OWNER", "NO_DEADLINE")),
        ("chart-unsupported", "unsupported-outcomes", ("NO_SUPPORT", "NO_MEASURE")),
    ):
        rows = run_query(examples, query)
        chart = visit.chart(canvas)
        assert chart["data"]["rows"] == [sum(r["plan"] == p for r in rows) for p in chart["labels"]]
        for reason in reasons:
            assert chart["data"][reason] == [
                sum(r["plan"] == p and reason in r["reasons"] for r in rows)
                for p in chart["labels"]]
        assert set(chart["labels"]) == {r["plan"] for r in plans}
    # Deadlines: every quarter once, in order, undated last; overdue only before today.
    rows = run_query(examples, "deadlines")
    per_quarter = Counter(r["quarter"] for r in rows)
    chart = visit.chart("chart-deadlines")
    dated = sorted(q for q in per_quarter if q is not None)
    assert chart["labels"] == [*dated, "no date"]
    totals = [a + b + c for a, b, c in zip(chart["data"]["overdue"], chart["data"]["due"],
                                           chart["data"]["no date"])]
    assert totals == [per_quarter[q] for q in dated] + [per_quarter[None]]
    assert chart["data"]["overdue"] == [per_quarter[q] if is_overdue(q, TODAY) else 0
                                        for q in dated] + [0]
    assert sum(chart["data"]["overdue"]) == 16
    # Shared strategies: themes tied (cross-theme-dependencies) and outcomes fed (strategy-feeds).
    shared = run_query(examples, "cross-theme-dependencies", {"kind": "shared-strategy"})
    feeds = Counter(r["strategy"] for r in run_query(examples, "strategy-feeds"))
    chart = visit.chart("chart-strategies")
    assert chart["labels"][:2] == ["Local Transport Plan", "Housing Strategy"]
    assert chart["data"]["themes"] == [
        len({t for r in shared if s in r["via"] for t in (r["theme_a_id"], r["theme_b_id"])})
        for s in chart["labels"]]
    assert chart["data"]["outcomes"] == [feeds[s] for s in chart["labels"]]
    # Changes between plan years: first named / dropped per kind, plans oldest first.
    evolution = run_query(examples, "plan-evolution")
    chart = visit.chart("chart-changes")
    assert chart["labels"][0] == "Corporate Plan"
    for kind in ("strategy", "partnership", "theme"):
        assert chart["data"][f"first named: {kind}"] == [
            sum(r["kind"] == kind and r["first_plan"] == p for r in evolution)
            for p in chart["labels"]]
        assert chart["data"][f"dropped: {kind}"] == [
            sum(r["kind"] == kind and p in r["dropped_in"] for r in evolution)
            for p in chart["labels"]]
    # One plan picked: coverage shows its themes, the other charts only that plan.
    delivery = next(r for r in plans if r["plan"] == "CITY MAYOR'S DELIVERY PLAN")
    visit.pick_plan(delivery["plan_id"])
    themes = run_query(examples, "coverage", {"scope": "theme", "plan": delivery["plan_id"]})
    chart = visit.chart("chart-coverage")
    assert chart["labels"] == [r["theme"] for r in themes]
    assert chart["data"]["golden"] == [r["golden"] for r in themes]
    assert visit.chart("chart-orphans")["labels"] == [delivery["plan"]]
    assert sum(visit.chart("chart-deadlines")["data"]["no date"]) == 9
    visit.assert_clean()


def test_a_national_graphs_page_says_what_it_leaves_out(browser: Any, examples: EmbeddedStore,
                                                        tmp_path: Path) -> None:
    # The bounded overview (threshold lowered below the five example plans): coverage and the
    # gaps drawn as the queries count them, the other charts empty with the reason on the card.
    out = tmp_path / "bounded.html"
    out.write_text(render_overview(overview(examples, today=TODAY, live_plans=4), served=True),
                   "utf-8")
    visit = Visit(browser, out)
    plans = run_query(examples, "coverage", {"scope": "plan"})
    chart = visit.chart("chart-coverage")
    assert chart["labels"] == [r["plan"] for r in plans]
    assert chart["data"]["golden"] == [r["golden"] for r in plans]
    rows = run_query(examples, "orphan-actions")
    chart = visit.chart("chart-orphans")
    assert chart["data"]["rows"] == [sum(r["plan"] == p for r in rows) for p in chart["labels"]]
    deadlines = query_summary(examples, "deadlines")
    chart = visit.chart("chart-deadlines")
    assert sum(sum(v) for v in chart["data"].values()) == sum(r["rows"] for r in deadlines)
    # Shared strategies: those feeding the most outcomes, as strategy-feeds counts them.
    fed = Counter(r["strategy"] for r in run_query(examples, "strategy-feeds"))
    top = sorted(fed.items(), key=lambda kv: (-kv[1], kv[0]))[:STRATEGY_LIMIT]
    chart = visit.chart("chart-strategies")
    assert chart["labels"] == [k for k, _ in top] and top
    assert chart["data"] == {"outcomes": [n for _, n in top]}
    assert (visit.page.locator("#sec-strategies p.bounded").text_content() or "").startswith(
        "5 plans: the ")
    # What changed: per plan pair (a plan and the next of the same organisation), kept,
    # dropped and new as plan-evolution's rows count them.
    found = overview(examples, today=TODAY, live_plans=4)
    evolution = run_query(examples, "plan-evolution")
    chart = visit.chart("chart-changes")
    assert len(chart["labels"]) == len(found.pair_changes) == 3
    for i, c in enumerate(found.pair_changes):
        a = [r for r in evolution if c.earlier in r["plans"]]
        assert [chart["data"][k][i] for k in ("kept", "dropped", "new")] == [
            sum(c.later in r["plans"] for r in a),
            sum(c.later in r["dropped_in"] for r in a),
            sum(c.earlier not in r["plans"] and c.later in r["plans"] for r in evolution)]
    note = visit.page.locator("#sec-changes p.bounded").text_content() or ""
    assert note.startswith("5 plans: the 3 plan pairs")
    assert "weakest" in (visit.page.locator("#sec-coverage p.bounded").text_content() or "")
    visit.assert_clean()


def test_a_bar_opens_its_rows(browser: Any, examples: EmbeddedStore, offline_page: Path) -> None:
    visit = Visit(browser, offline_page)
    assert visit.page.locator("#rows").is_hidden()
    visit.click_bar("chart-orphans", "NO_DEADLINE", "Corporate Plan")
    assert visit.page.locator("#rows").is_visible()
    rows = visit.table()
    expected = run_query(examples, "orphan-actions",
                         {"plan": "Corporate Plan", "reason": "NO_DEADLINE"})
    assert len(rows) == len(expected) == 25
    assert [r["action"] for r in rows] == [r["action"] for r in expected]
    assert "picture" not in rows[0]  # offline: no explorer to link to
    # A quarter of the deadlines chart: its actions, each with its deadline as written.
    visit.click_bar("chart-deadlines", "due", "2025-Q1")
    rows = visit.table()
    assert len(rows) == 11
    assert {r["quarter"] for r in rows} == {"2025-Q1"}
    assert "Throughout 2024/25" in {r["deadline"] for r in rows}
    # A plan's changes: what the delivery plan dropped.
    visit.click_bar("chart-changes", "dropped: theme", "CITY MAYOR'S DELIVERY PLAN")
    rows = visit.table()
    assert len(rows) == 18 and all(r["kind"] == "theme" for r in rows)
    visit.assert_clean()


def test_served_links_are_the_explorer_deep_links(browser: Any, examples: EmbeddedStore,
                                                  tmp_path: Path) -> None:
    visit = Visit(browser, _page(examples, tmp_path, served=True))
    hrefs = visit.page.eval_on_selector_all("#sec-orphans .links a",
                                            "els => els.map(a => a.getAttribute('href'))")
    assert hrefs == ["/explore#query=orphan-actions"]
    delivery = next(r for r in run_query(examples, "coverage", {"scope": "plan"})
                    if r["plan"] == "CITY MAYOR'S DELIVERY PLAN")
    visit.pick_plan(delivery["plan_id"])
    hrefs = visit.page.eval_on_selector_all("#sec-deadlines .links a",
                                            "els => els.map(a => a.getAttribute('href'))")
    assert hrefs == ["/explore#query=deadlines&plan=CITY%20MAYOR'S%20DELIVERY%20PLAN"]
    visit.click_bar("chart-orphans", "rows", "CITY MAYOR'S DELIVERY PLAN")
    links = visit.page.eval_on_selector_all("#rows-table tbody a",
                                            "els => els.map(a => a.getAttribute('href'))")
    expected = run_query(examples, "orphan-actions", {"plan": delivery["plan_id"]})
    assert links == [f"/explore#node={r['action_id']}" for r in expected]
    visit.assert_clean()


def test_hostile_names_stay_text(browser: Any, tmp_path: Path) -> None:
    from stratgraph.graph.builder import DocumentGraphBuilder

    b = DocumentGraphBuilder("hostile.txt")
    b.plan(HOSTILE, 1)
    theme = b.theme("Theme " + HOSTILE, 2)
    b.action("Action " + HOSTILE, 3, theme=theme, deadline="March 2024")
    store = EmbeddedStore(tmp_path / "graph.db")
    store.write(b.graph)
    visit = Visit(browser, _page(store, tmp_path, served=True))
    assert visit.page.locator("#plan-select option").all_text_contents() == ["All plans", HOSTILE]
    assert visit.chart("chart-orphans")["labels"] == [HOSTILE]
    visit.click_bar("chart-orphans", "rows", HOSTILE)
    rows = visit.table()
    assert rows[0]["plan"] == HOSTILE and rows[0]["action"] == "Action " + HOSTILE
    assert visit.page.evaluate("() => document.querySelectorAll('img').length") == 0
    visit.assert_clean()


def test_screenshot(browser: Any, examples: EmbeddedStore, offline_page: Path,
                    tmp_path: Path) -> None:
    """The whole page renders to a picture; ``STRATGRAPH_UPDATE_SCREENSHOTS=1`` writes it to
    ``docs/img/report.png`` for the README."""
    update = os.environ.get("STRATGRAPH_UPDATE_SCREENSHOTS") == "1"
    target = REPO / "docs" / "img" / "report.png" if update else tmp_path / "report.png"
    visit = Visit(browser, offline_page, viewport=(1400, 1000))
    visit.page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
    visit.assert_clean()
