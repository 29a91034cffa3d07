"""The interactive page in a real headless Chromium: it draws, it searches, it stays offline,
and hostile names stay text.

Needs Playwright (``pip install playwright``, in the test extras) and a Chromium: Debian's
(``apt-get install -y chromium``, at /usr/bin/chromium) or one named by ``STRATGRAPH_CHROMIUM``.
Playwright's own browser download is not needed. Without a Chromium these tests skip, except
when ``CI`` (or ``STRATGRAPH_REQUIRE_BROWSER=1``) is set: there they must run.

``STRATGRAPH_UPDATE_SCREENSHOTS=1`` also writes ``docs/img/examples.png`` and
``docs/img/real-corpus.png``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_export import HOSTILE, ids, sample_graph

from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.select import Selection
from stratgraph.viz import write_picture

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
DOCS_IMG = REPO / "docs" / "img"


def chromium_path() -> str | None:
    """The Chromium to drive: ``STRATGRAPH_CHROMIUM``, else Debian's, else one on PATH."""
    named = os.environ.get("STRATGRAPH_CHROMIUM")
    if named:
        return named
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).is_file():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _missing(reason: str) -> None:
    if os.environ.get("CI") or os.environ.get("STRATGRAPH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests must run here (CI), but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install playwright)")
    path = chromium_path()
    if path is None:
        _missing("no Chromium found (apt-get install -y chromium, or set STRATGRAPH_CHROMIUM)")
    with sync_playwright() as p:
        # --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield b
        b.close()


class Visit:
    """One page load, recording console messages, page errors, dialogs and requests."""

    #: When the page has drawn. A function, not a string: the page's CSP forbids eval, which
    #: string predicates use.
    READY = "() => window.stratgraph && window.stratgraph.ready"
    VIEWPORT = (1400, 900)

    def __init__(self, browser: Any, html: Path, viewport: tuple[int, int] | None = None):
        viewport = viewport or self.VIEWPORT
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.url = html.resolve().as_uri()
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(self.url)
        self.page.wait_for_function(self.READY, timeout=120_000)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url == self.url:
            route.continue_()
        else:
            route.abort()

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def assert_clean(self) -> None:
        assert self.requests == [self.url], "the page asked for something other than itself"
        assert self.errors == []
        assert [c for c in self.console if c.startswith(("error", "warning"))] == []
        assert self.dialogs == []


@pytest.fixture
def hostile_page(tmp_path: Path) -> Path:
    store = EmbeddedStore(tmp_path / "graph.json")
    store.write(sample_graph())
    out = tmp_path / "hostile.html"
    write_picture(store, out, title=HOSTILE["img"])
    return out


def test_page_draws_offline_without_errors(browser: Any, hostile_page: Path) -> None:
    visit = Visit(browser, hostile_page)
    graph = sample_graph()
    assert visit.page.locator("#graph canvas").count() == 1
    assert visit.evaluate("() => stratgraph.nodes.length") == len(graph.nodes)
    assert visit.evaluate("() => stratgraph.edges.length") == len(graph.relationships)
    # Physics is off once the layout settled: positions no longer change.
    before = visit.evaluate("() => stratgraph.network.getPositions()")
    visit.page.wait_for_timeout(400)
    assert visit.evaluate("() => stratgraph.network.getPositions()") == before
    assert visit.evaluate("() => stratgraph.network.physics.physicsEnabled") is False
    assert visit.page.title() == HOSTILE["img"]
    visit.assert_clean()


def test_hostile_names_stay_text(browser: Any, hostile_page: Path) -> None:
    visit = Visit(browser, hostile_page)
    page = visit.page
    # The page title (from the command line) and theme toggles show markup as text.
    assert page.locator("#title").text_content() == HOSTILE["img"]
    assert page.locator("#title img").count() == 0
    themes = page.locator("#theme-toggles .name").all_text_contents()
    assert "Getting about " + HOSTILE["script"] in themes
    # Search for the <img onerror> action: found, focused, shown as text.
    page.fill("#search", "<img src=x")
    page.press("#search", "Enter")
    result = page.locator("#search-result").text_content()
    assert result is not None and HOSTILE["img"] in result
    n = ids(sample_graph())
    assert visit.evaluate("() => stratgraph.network.getSelectedNodes()") == [n[HOSTILE["img"]]]
    # Hover it: the tooltip holds the name as text, and no element was made from it.
    page.wait_for_timeout(500)  # the focus animation
    point = visit.evaluate(
        "(id) => stratgraph.network.canvasToDOM(stratgraph.network.getPositions([id])[id])",
        n[HOSTILE["img"]],
    )
    box = page.locator("#graph canvas").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    text = tooltip.text_content() or ""
    assert HOSTILE["img"] in text and "plan-a.txt, line 9" in text
    assert tooltip.locator("img, script").count() == 0
    assert visit.evaluate("() => document.querySelectorAll('img').length") == 0
    visit.assert_clean()


def test_search_and_toggles(browser: Any, hostile_page: Path) -> None:
    visit = Visit(browser, hostile_page)
    page = visit.page
    n = ids(sample_graph())
    page.fill("#search", "plan b")
    page.click("#search-form button[type=submit]")
    assert visit.evaluate("() => stratgraph.network.getSelectedNodes()") == [n["Plan B"]]
    page.fill("#search", "no such node at all")
    page.press("#search", "Enter")
    assert "No node matches" in (page.locator("#search-result").text_content() or "")

    hidden = "() => stratgraph.nodes.get({filter: n => n.hidden}).map(n => n.id)"
    page.locator("#label-toggles label", has_text="Action").locator("input").uncheck()
    actions = {x for x in n.values() if x.startswith("action:")}
    assert set(visit.evaluate(hidden)) == actions
    page.locator("#label-toggles label", has_text="Action").locator("input").check()
    assert visit.evaluate(hidden) == []
    page.locator("#plan-toggles label", has_text="Plan B").locator("input").uncheck()
    assert n["Plan B action"] in visit.evaluate(hidden)
    assert n[HOSTILE["injection2"]] not in visit.evaluate(hidden)  # shared with plan A
    page.locator("#plan-section button.all").click()
    page.locator("#theme-section button.none").click()
    assert n[HOSTILE["img"]] in visit.evaluate(hidden)
    assert n["Plan A: " + HOSTILE["quote"]] not in visit.evaluate(hidden)
    page.locator("#show-inferred").uncheck()
    assert visit.evaluate(
        "() => stratgraph.edges.get({filter: e => e.hidden}).length") == 1
    # Orphan actions carry the red ring; inferred links are dashed.
    orphan = visit.evaluate("(id) => stratgraph.nodes.get(id)", n[HOSTILE["lines"]])
    assert orphan["color"]["border"] == "#d00000"
    dashed = visit.evaluate("() => stratgraph.edges.get({filter: e => !!e.dashes}).length")
    assert dashed == 1
    visit.assert_clean()


def _screenshot(browser: Any, html: Path, name: str) -> None:
    visit = Visit(browser, html, viewport=(1500, 950))
    visit.page.wait_for_timeout(300)
    shot = html.with_suffix(".png")
    visit.page.screenshot(path=str(shot))
    visit.assert_clean()
    if os.environ.get("STRATGRAPH_UPDATE_SCREENSHOTS") == "1":
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS_IMG / name)


def _build(paths: list[Path], graph_file: Path) -> EmbeddedStore:
    from stratgraph.api import build

    store = EmbeddedStore(graph_file)
    result = build(paths, store)
    assert result.ok, result.errors
    return store


def test_example_corpus_page(browser: Any, examples_dir: Path, tmp_path: Path) -> None:
    plans = sorted(examples_dir.glob("*.txt"))
    store = _build(plans, tmp_path / "graph.json")
    out = tmp_path / "examples.html"
    picture = write_picture(store, out, title="Example corpus: Wexshire and Wexbridge")
    assert picture.nodes == len(store.read().nodes)
    _screenshot(browser, out, "examples.png")


@pytest.mark.corpus
def test_real_corpus_page(browser: Any, corpus_dir: Path, tmp_path: Path) -> None:
    store = _build([corpus_dir], tmp_path / "graph.json")
    out = tmp_path / "real.html"
    selection = Selection(plans=("leicestershire-county-strategic-plan-2018-22",))
    picture = write_picture(store, out, selection,
                            title="Leicestershire County Council Strategic Plan 2018-22")
    assert 0 < picture.nodes <= 1500
    _screenshot(browser, out, "real-corpus.png")


def test_focus_is_marked_and_a_visible_supports_arrow_means_no_orphan_ring(
    browser: Any, tmp_path: Path
) -> None:
    from test_viz import objective_graph

    store = EmbeddedStore(tmp_path / "graph.json")
    graph = objective_graph()
    store.write(graph)
    n = {node.name: node.id for node in graph.nodes.values()}
    out = tmp_path / "focus.html"
    write_picture(store, out, Selection(focus="Housing", hops=2))
    visit = Visit(browser, out)
    node = "(id) => stratgraph.nodes.get(id)"
    focus = visit.evaluate(node, n["Housing"])
    assert focus["color"]["border"] == "#1f4fff" and focus["borderWidth"] == 6
    others = [visit.evaluate(node, n[x]) for x in ("Build homes", "Lonely action", "Objective Plan")]
    assert all(o["color"]["border"] != "#1f4fff" for o in others)
    legend = visit.page.locator("#focus-legend")
    assert legend.is_visible() and "focus: Housing" in (legend.text_content() or "")
    # "Build homes" has a SUPPORTS arrow to an outcome on the page: no red ring. The action
    # that supports nothing keeps it.
    assert visit.evaluate(
        "(id) => stratgraph.edges.get({filter: e => e.from === id}).length", n["Build homes"]
    ) >= 1
    assert visit.evaluate(node, n["Build homes"])["color"]["border"] != "#d00000"
    assert visit.evaluate(node, n["Lonely action"])["color"]["border"] == "#d00000"
    assert "1 orphan action" in (visit.page.locator("#orphan-text").text_content() or "")
    visit.assert_clean()


def test_a_large_picture_comes_laid_out_and_draws_without_physics(
    browser: Any, tmp_path: Path
) -> None:
    """Past LAYOUT_AHEAD_ABOVE nodes the page gets positions from Python and never runs the
    physics that takes minutes at this size (BENCHMARKS.md, "Drawing large graphs")."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from synthetic import synthetic_graph

    from stratgraph.viz.layout import LAYOUT_AHEAD_ABOVE

    store = EmbeddedStore(tmp_path / "graph.json")
    store.write(synthetic_graph(councils=8, seed=3))
    out = tmp_path / "large.html"
    picture = write_picture(store, out, force=True)
    assert picture.nodes > LAYOUT_AHEAD_ABOVE
    visit = Visit(browser, out)
    drawn = visit.evaluate("""() => {
      const net = window.stratgraph.network;
      const ids = window.stratgraph.nodes.getIds();
      const pos = net.getPositions(ids);
      const first = window.stratgraph.data.nodes[0];
      return { count: ids.length, physics: window.stratgraph.data.physics.enabled,
               same: [pos[first.id].x, pos[first.id].y, Math.round(first.x), Math.round(first.y)],
               distinct: new Set(ids.map(i => pos[i].x + "," + pos[i].y)).size };
    }""")
    assert drawn["count"] == picture.nodes
    assert drawn["physics"] is False
    # getPositions rounds; no physics moved the node from where Python put it.
    assert drawn["same"][:2] == drawn["same"][2:]
    assert drawn["distinct"] == picture.nodes, "no two nodes on the same spot"
    visit.assert_clean()
