"""The explorer in a real headless Chromium (Playwright), served by uvicorn on a free port, on
the embedded store and on the real Neo4j harness: search with a typo, expand, the golden
thread, a question with parameters, the source panel, a correction that survives a rebuild,
deep links, exports; no console error and no request outside the app.

Chromium as in ``test_viz_browser.py`` (Debian's; skips without one unless CI).
``STRATGRAPH_UPDATE_SCREENSHOTS=1`` also writes ``docs/img/explorer.png``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j_fixtures import STORE_KINDS
from overview_charts import click_bar
from test_viz_browser import browser  # noqa: F401 (the shared Chromium fixture)

from stratgraph.api import build
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.store import GraphStore
from stratgraph.viz.explorer import ExplorerConfig

pytestmark = pytest.mark.browser

DOCS_IMG = Path(__file__).resolve().parents[1] / "docs" / "img"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    """A uvicorn server in a thread, on the examples in one store kind."""

    def __init__(self, kind: str, opener: Callable[[], GraphStore], folder: Path,
                 examples: Path) -> None:
        import uvicorn

        from stratgraph.viz.explorer.app import create_app

        self.kind = kind
        self.opener = opener
        self.curation = folder / "curation.toml"
        self.examples = examples
        app = create_app(ExplorerConfig(open_store=opener, curation=self.curation,
                                        documents=(examples,), who="browser test"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the explorer did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module", params=STORE_KINDS)
def served(request: pytest.FixtureRequest, examples_dir: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp(f"explorer-{request.param}")
    if request.param == "neo4j":
        server = request.getfixturevalue("neo4j_server")
        server.wipe()
        opener: Callable[[], GraphStore] = server.open_store
    else:
        path = folder / "examples.db"

        def opener() -> GraphStore:
            return EmbeddedStore(path)

    store = opener()
    build([examples_dir], store, plans_only=True)
    store.close()
    running = Served(request.param, opener, folder, examples_dir)
    yield running
    running.stop()


class Visit:
    """One page load, recording console messages, page errors and every request."""

    def __init__(self, browser: Any, served: Served, hash_: str = "") -> None:
        self.page = browser.new_page(viewport={"width": 1500, "height": 900},
                                     accept_downloads=True)
        self.base = served.base
        self.console: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(f"{self.base}/explore{hash_}")
        self.page.wait_for_selector("body[data-ready='1']", timeout=60_000)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def count(self) -> int:
        return int(self.page.evaluate("() => window.stratgraphExplorer.nodes.length"))

    def names(self) -> set[str]:
        return set(self.page.evaluate(
            "() => window.stratgraphExplorer.nodes.getIds()"
            ".map(id => window.stratgraphExplorer.records[id].name)"))

    def assert_clean(self) -> None:
        assert self.outside == []
        assert self.errors == []
        assert [c for c in self.console if c.startswith(("error", "warning"))] == []
        self.page.close()


def test_search_with_a_typo_expand_and_undo(browser: Any, served: Served) -> None:
    visit = Visit(browser, served)
    page = visit.page
    page.fill("#q", "helth and welbeing")
    first = page.locator("#hits li[data-id]").first
    first.wait_for()
    assert "Health and Wellbeing" in first.text_content()
    first.click()
    page.wait_for_function("() => document.getElementById('node-name').textContent "
                           "=== 'Health and Wellbeing'")
    shown = visit.count()
    assert shown > 5 and "Strategic Plan 2020-24" in visit.names()
    # Hide a label, then undo it; collapse, then undo.
    page.locator("#hide input[data-label='Action']").check()
    assert page.evaluate("() => window.stratgraphExplorer.nodes.get().filter(n => n.hidden)"
                         ".length") > 0
    page.click("#undo")
    assert page.evaluate("() => window.stratgraphExplorer.nodes.get().filter(n => n.hidden)"
                         ".length") == 0
    page.click("#collapse")
    assert visit.count() < shown
    page.click("#undo")
    assert visit.count() == shown
    # Expand one relationship type from the plan.
    page.locator("#f-label").select_option("Plan")
    page.fill("#q", "strategic plan 2024")
    # The hit of this search (the list may still show the last one's for a moment).
    page.locator("#hits li[data-id]", has_text="Strategic Plan 2024-28").first.click()
    page.wait_for_function("() => document.getElementById('node-name').textContent "
                           "=== 'Strategic Plan 2024-28'")
    page.click("#clear")
    assert visit.count() == 0
    page.locator("#expand button[data-type='PART_OF']").click()
    page.wait_for_function("() => window.stratgraphExplorer.nodes.length > 5")
    assert set(page.evaluate("() => window.stratgraphExplorer.edges.get().map(e => e.label)")) \
        == {"PART_OF"}
    page.click("#pin")
    assert page.locator("#pin").text_content() == "Unpin"
    visit.assert_clean()


def test_golden_thread_beside_the_picture(browser: Any, served: Served) -> None:
    visit = Visit(browser, served)
    page = visit.page
    page.fill("#q", "Healthy Weight and Active Lives")
    page.locator("#f-label").select_option("Outcome")
    page.locator("#hits li[data-id]", has_text="Healthy Weight and Active Lives").first.click()
    page.wait_for_function("() => document.getElementById('node-name').textContent "
                           "=== 'Healthy Weight and Active Lives'")
    page.click("#thread-btn")
    page.wait_for_function("() => window.stratgraphExplorer.threadNodes.length > 2")
    assert page.locator("#thread-box").is_visible() and page.locator("#graph").is_visible()
    levels = page.evaluate("() => window.stratgraphExplorer.threadNodes.get()"
                           ".map(n => [n.group, n.level])")
    assert {"Action", "Outcome", "Measure"} <= {label for label, _ in levels}
    column = {label: level for label, level in levels}
    assert column["Action"] < column["Outcome"] < column["Measure"]
    assert "#thread=" in page.url
    if os.environ.get("STRATGRAPH_UPDATE_SCREENSHOTS") == "1" and served.kind == "embedded":
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(DOCS_IMG / "explorer.png"))
    visit.assert_clean()


def test_a_question_with_parameters(browser: Any, served: Served) -> None:
    visit = Visit(browser, served)
    page = visit.page
    page.click(".tabs button[data-tab='questions']")
    page.locator("#query-name").select_option("orphan-actions")
    plan = page.locator("#query-params input[name='plan']")
    plan.fill("Strategic Plan 20")
    page.wait_for_function("() => document.querySelectorAll('#dl-plan option').length > 0")
    offered = page.evaluate("() => Array.from(document.querySelectorAll('#dl-plan option'))"
                            ".map(o => o.value)")
    assert "Strategic Plan 2020-24" in offered
    plan.fill("Strategic Plan 2020-24")
    page.click("#query-run")
    page.wait_for_selector("#query-table tbody tr")
    rows = page.locator("#query-table tbody tr").count()
    from stratgraph.graph.queries import run_query

    store = served.opener()
    expected = run_query(store, "orphan-actions", {"plan": "Strategic Plan 2020-24"})
    store.close()
    assert rows == len(expected) > 0
    # The rows' nodes are drawn and ringed.
    page.wait_for_function("() => window.stratgraphExplorer.nodes.length > 0")
    drawn = set(page.evaluate("() => window.stratgraphExplorer.nodes.getIds()"))
    assert {row["action_id"] for row in expected} <= drawn
    # Sort by action, then a row click focuses its node.
    page.locator("#query-table th", has_text="action").first.click()
    cells = page.locator("#query-table tbody tr td:nth-child(3)").all_text_contents()
    assert cells == sorted(cells, key=str.casefold) or cells == sorted(cells)
    page.locator("#query-table tbody tr").first.click()
    page.wait_for_function("() => document.getElementById('node-name').textContent !== ''")
    assert page.locator("#node-name").text_content() == cells[0]
    assert "query=orphan-actions" not in page.url or "plan=" in page.url
    visit.assert_clean()


def test_the_source_panel(browser: Any, served: Served) -> None:
    visit = Visit(browser, served)
    page = visit.page
    page.fill("#q", "Health and Wellbeing")
    page.locator("#f-label").select_option("Theme")
    page.locator("#hits li[data-id]", has_text="Theme" + "Health and Wellbeing").first.click()
    page.wait_for_function("() => document.getElementById('node-name').textContent "
                           "=== 'Health and Wellbeing'")
    page.click("#source-btn")
    page.wait_for_selector("#source-lines li.here")
    assert "Health and Wellbeing" in page.locator("#source-lines li.here").text_content()
    meta = page.locator("#source-meta").text_content()
    assert "wexshire-county-strategic-plan-2020-24.txt" in meta and "priority-tables" in meta
    assert "stated" in meta
    visit.assert_clean()


def test_deep_links(browser: Any, served: Served) -> None:
    store = served.opener()
    [hit] = store.search("Wexbridge Works", labels=["Strategy"], limit=1)
    store.close()
    visit = Visit(browser, served, f"#node={hit.id}")
    visit.page.wait_for_function("() => document.getElementById('node-name').textContent "
                                 "=== 'Wexbridge Works'")
    visit.assert_clean()
    visit = Visit(browser, served, "#query=orphan-actions&plan=Strategic%20Plan%202020-24")
    visit.page.wait_for_selector("#query-table tbody tr")
    assert visit.page.locator("#query-params input[name='plan']").input_value() == \
        "Strategic Plan 2020-24"
    visit.assert_clean()
    visit = Visit(browser, served, "#plan=Strategic%20Plan%202024-28")
    visit.page.wait_for_function("() => window.stratgraphExplorer.nodes.length > 5")
    assert "Strategic Plan 2024-28" in visit.names()
    visit.assert_clean()
    visit = Visit(browser, served, f"#thread={hit.id}")
    visit.page.wait_for_function("() => window.stratgraphExplorer.threadNodes.length > 1")
    visit.assert_clean()


def test_a_leads_portfolio_deep_link(browser: Any, served: Served) -> None:
    store = served.opener()
    [lead] = store.search("Priya Lal", labels=["CabinetLead"], limit=1)
    owned = store.neighbours(lead.id, ["OWNS"])
    store.close()
    portfolio = {n.name for n in owned.nodes.values()}
    assert len(portfolio) > 1
    # By name, in any case: the lead and everything it owns, the lead's panel open.
    visit = Visit(browser, served, "#lead=priya%20lal")
    visit.page.wait_for_function("() => document.getElementById('node-name').textContent "
                                 "=== 'Priya Lal'")
    assert visit.names() == portfolio
    assert "lead=Priya+Lal" in visit.page.url
    visit.assert_clean()
    # By id.
    visit = Visit(browser, served, f"#lead={lead.id}")
    visit.page.wait_for_function("() => document.getElementById('node-name').textContent "
                                 "=== 'Priya Lal'")
    assert visit.names() == portfolio
    visit.assert_clean()


def test_exports(browser: Any, served: Served) -> None:
    visit = Visit(browser, served, "#plan=Strategic%20Plan%202024-28")
    page = visit.page
    page.wait_for_function("() => window.stratgraphExplorer.nodes.length > 5")
    for fmt, suffix in (("graphml", ".graphml"), ("png", ".png"), ("svg", ".svg"),
                        ("html", ".html")):
        with page.expect_download() as got:
            page.locator("#export").select_option(fmt)
        download = got.value
        assert download.suggested_filename.endswith(suffix)
        body = Path(download.path()).read_bytes()
        if fmt == "png":
            assert body[:8] == b"\x89PNG\r\n\x1a\n"
        elif fmt == "svg":
            assert b"Strategic Plan 2024-28" in body
        else:
            assert b"Strategic Plan 2024-28" in body
    visit.assert_clean()


def test_a_correction_survives_a_rebuild(browser: Any, served: Served) -> None:
    visit = Visit(browser, served)
    page = visit.page
    page.fill("#q", "Wexbridge Works")
    page.locator("#f-label").select_option("Strategy")
    page.locator("#hits li[data-id]", has_text="StrategyWexbridge Works").first.click()
    page.wait_for_function("() => document.getElementById('node-name').textContent "
                           "=== 'Wexbridge Works'")
    page.fill("#rename-to", "Wexbridge Works Programme")
    page.fill("#edit-note", "its full name")
    page.click("#rename")
    page.wait_for_function("() => document.getElementById('node-name').textContent "
                           "=== 'Wexbridge Works Programme'")
    assert "[[rename]]" in page.locator("#edit-result").text_content()
    assert "Wexbridge Works Programme" in visit.names()
    store = served.opener()
    build([served.examples], store, plans_only=True, curation=served.curation)
    store.close()
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_function("() => document.getElementById('node-name').textContent "
                           "=== 'Wexbridge Works Programme'")
    visit.assert_clean()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    from test_export import sample_graph

    folder = tmp_path_factory.mktemp("explorer-hostile")
    path = folder / "hostile.db"
    store = EmbeddedStore(path)
    store.write(sample_graph())
    store.close()
    running = Served("embedded", lambda: EmbeddedStore(path), folder, folder)
    yield running
    running.stop()


def test_hostile_names_stay_text(browser: Any, hostile: Served) -> None:
    from test_export import HOSTILE

    visit = Visit(browser, hostile)
    page = visit.page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.fill("#q", "onerror")
    hit = page.locator("#hits li[data-id]").first
    hit.wait_for()
    assert page.locator("#hits img, #hits script").count() == 0
    hit.click()
    page.wait_for_function("() => document.getElementById('node-name').textContent !== ''")
    name = page.locator("#node-name").text_content()
    assert HOSTILE["img"] in name or HOSTILE["script"] in name
    assert page.locator("#right img, #right script").count() == 0
    # The source panel says plainly that the (made-up) document is not there.
    page.click("#source-btn")
    page.wait_for_function("() => document.getElementById('source-note').textContent !== ''")
    assert "not where it was read" in page.locator("#source-note").text_content()
    assert dialogs == []
    visit.assert_clean()


def test_the_start_page_is_the_overview_and_its_links_open_the_explorer(
        browser: Any, served: Served) -> None:
    """`/` is the overview `stratgraph report` writes, served: its charts' numbers are the
    named queries' rows, and a chart's link opens that question in the explorer."""
    store = served.opener()
    orphans = store.run_query("orphan-actions", {})
    store.close()
    visit = Visit(browser, served)
    page = visit.page
    page.goto(f"{served.base}/")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-orphans')")
    drawn = page.evaluate(
        "() => Chart.getChart('chart-orphans').data.datasets.find(d => d.label === 'rows')"
        ".data.reduce((a, b) => a + b, 0)")
    assert drawn == len(orphans) > 0
    link = page.locator("#sec-orphans .links a").first
    assert link.get_attribute("href") == "/explore#query=orphan-actions"
    link.click()
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    page.wait_for_selector("#query-table tbody tr")
    page.locator("#overview-link").click()
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-coverage')")
    visit.assert_clean()


def test_a_national_graphs_start_page_asks_a_bars_rows(
        browser: Any, served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bounded overview (the threshold lowered below the example plans) carries no table
    rows: a clicked bar's rows come from the explorer's API, equal to the named query's."""
    from stratgraph.graph import overview as overview_module

    monkeypatch.setattr(overview_module, "LIVE_PLANS", 1)
    # Two of the five plans drawn in each per-plan chart, the worst first.
    monkeypatch.setattr(overview_module, "PLAN_LIMIT", 2)
    store = served.opener()
    orphans = store.run_query("orphan-actions", {})
    unsupported = store.run_query("unsupported-outcomes", {})
    coverage = store.run_query("coverage", {"scope": "plan"})
    feeds = store.run_query("strategy-feeds", {})
    store.close()
    worst = {name: sorted(Counter(r["plan"] for r in rows).items(),
                          key=lambda kv: (-kv[1], kv[0]))[:2]
             for name, rows in (("chart-orphans", orphans), ("chart-unsupported", unsupported))}
    plan = worst["chart-orphans"][0][0]
    reason = Counter(x for r in orphans if r["plan"] == plan for x in r["reasons"]).most_common(
        1)[0][0]
    expected = [r["action"] for r in orphans if r["plan"] == plan and reason in r["reasons"]]
    # A new app: the first one may keep the whole graph's page until a write.
    bounded = Served(served.kind, served.opener, tmp_path, served.examples)
    try:
        visit = Visit(browser, bounded)
        page = visit.page
        page.goto(f"{bounded.base}/")
        page.wait_for_function("() => window.stratgraphOverview && stratgraphOverview.ready")
        assert page.evaluate("() => stratgraphOverview.data.tables['orphan-actions'].rows"
                             ".length") == 0
        assert "plan pairs" in (page.locator("#sec-changes p.bounded").text_content() or "")
        # The per-plan charts: the two worst plans, counted as the named queries count them.
        for canvas, top in worst.items():
            drawn = page.evaluate(
                """(id) => { const c = Chart.getChart(id);
                    return [c.data.labels, c.data.datasets[0].data]; }""", canvas)
            assert drawn == [[p for p, _ in top], [n for _, n in top]] and top
        drawn = page.evaluate(
            """() => { const c = Chart.getChart('chart-coverage');
                return [c.data.labels, c.data.datasets.map(d => d.data)]; }""")
        assert drawn == [[r["plan"] for r in coverage[:2]],
                         [[r[k] for r in coverage[:2]] for k in
                          ("with_outcome", "with_measure", "with_owner", "with_deadline",
                           "golden")]]
        for section in ("coverage", "orphans", "unsupported"):
            assert "the 2 " in (page.locator(f"#sec-{section} p.bounded").text_content() or "")
        click_bar(page, "chart-orphans", reason, plan)
        shown = page.eval_on_selector_all(
            "#rows-table tbody tr", "trs => trs.map(tr => tr.children[2].textContent)")
        assert page.eval_on_selector_all("#rows-table thead th",
                                         "ths => ths.map(t => t.textContent)")[2] == "action"
        assert shown == expected and shown
        assert (page.locator("#rows-note").text_content() or "").startswith(
            f"{len(expected)} row(s) of query orphan-actions")
        # Shared strategies: the strategies feeding the most outcomes, as strategy-feeds
        # counts them; a bar's rows are the query's rows for that strategy.
        drawn = page.evaluate(
            """() => { const c = Chart.getChart('chart-strategies');
                return [c.data.labels, c.data.datasets.map(d => d.label), c.data.datasets[0].data]; }""")
        fed = Counter(r["strategy"] for r in feeds)
        top = sorted(fed.items(), key=lambda kv: (-kv[1], kv[0]))[:overview_module.STRATEGY_LIMIT]
        assert drawn == [[k for k, _ in top], ["outcomes"], [n for _, n in top]] and top
        label = top[0][0]
        click_bar(page, "chart-strategies", 0, label)
        page.wait_for_function(
            "() => document.getElementById('rows').getAttribute('data-query') === 'strategy-feeds'"
            " && document.getElementById('rows-note').textContent.includes('row(s)')")
        shown = page.eval_on_selector_all(
            "#rows-table tbody tr", "trs => trs.map(tr => tr.children[1].textContent)")
        assert shown == [r["outcome"] for r in feeds if r["strategy"] == label][:1000]
        assert len(shown) == fed[label]
        # What changed between plan years: per plan pair (a plan and the next of the same
        # organisation), kept, dropped and new as plan-evolution's rows count them; a bar's
        # rows are that organisation's plan-evolution rows of that change.
        pairs = page.evaluate(
            """() => { const c = Chart.getChart('chart-changes');
                return [c.data.datasets.map(d => d.label), c.data.datasets.map(d => d.data),
                        stratgraphOverview.data.pair_changes]; }""")
        assert pairs[0] == ["kept", "dropped", "new"] and pairs[2]
        evolution = store_rows(served, "plan-evolution", {})
        for i, c in enumerate(pairs[2]):
            counts = _pair_counts(evolution, c["earlier"], c["later"])
            assert [pairs[1][k][i] for k in range(3)] == list(counts) == [
                c["kept"], c["dropped"], c["new"]]
        c = max(pairs[2], key=lambda c: c["dropped"])
        own = store_rows(served, "plan-evolution", {"organisation": c["organisation"]})
        expected = [r["item"] for r in own
                    if c["earlier"] in r["plans"] and c["later"] in r["dropped_in"]]
        assert expected
        click_bar(page, "chart-changes", 1, pairs[2].index(c))
        page.wait_for_function(
            "() => document.getElementById('rows').getAttribute('data-query') === 'plan-evolution'"
            " && document.getElementById('rows-note').textContent.includes('row(s)')")
        shown = page.eval_on_selector_all(
            "#rows-table tbody tr", "trs => trs.map(tr => tr.children[1].textContent)")
        assert shown == expected
        visit.assert_clean()
    finally:
        bounded.stop()


def store_rows(served: Served, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """A named query's rows, asked of the served store."""
    store = served.opener()
    try:
        return store.run_query(name, params)
    finally:
        store.close()


def _pair_counts(rows: list[dict[str, Any]], earlier: str, later: str) -> tuple[int, int, int]:
    """(kept, dropped, new) of a plan pair, counted from plan-evolution's rows."""
    return (sum(earlier in r["plans"] and later in r["plans"] for r in rows),
            sum(earlier in r["plans"] and later in r["dropped_in"] for r in rows),
            sum(earlier not in r["plans"] and later in r["plans"] for r in rows))
