"""The `/` overview of a national graph drawn in Chromium: its per-plan charts at most
``PLAN_LIMIT`` plans (the worst first) against every plan drawn, side by side in one run
(issue #16).

The graph: bench/synthetic.py's councils (``--councils`` x 5 plans; 400 is 2,000 plans, as at
1M nodes) written to an embedded store in a temporary folder; its bounded overview is asked
once. "every plan" is the same page with ``plan_limit`` null, which draws what the page drew
before the limit (every plan in coverage, orphan actions and unsupported outcomes). Each page
is handed to Chromium from memory (no server: the page's own drawing is what is timed), a new
tab a run, the two interleaved; printed per run: wall seconds until the page says it is drawn
(``stratgraphOverview.ready``) and the renderer's main-thread time (Chrome's Performance
metrics), which the machine's load stretches less than the wall clock.

With ``--before REF`` (a git commit) it also times a "what changed" bar's click on the same
graph, this tree against REF's (bench_startup.py's ``tree_of``), interleaved, each in a fresh
process on a fresh copy of the graph (each ask builds the rows, as a first click does): the
explorer API's answer (viz/explorer/api.py ``query``) to ``plan-evolution?organisation=...``
for the organisation of the pair that changed most, and its JSON bytes.

With ``--neo4j`` (and ``--before``) the same graph is also written to a Neo4j (bench/
neo4j_server.py: ``NEO4J_URI``, else the test harness) and the click's live Cypher is timed,
this tree's cypher/plan-evolution.cypher against REF's, interleaved, on one session: seconds
until the last row is read, and the rows' JSON bytes.

Run:  python bench/bench_overview_draw.py --councils 400 --repeat 5 --before e0512d0 [--neo4j]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

DRAWN = "() => window.stratgraphOverview && stratgraphOverview.ready"


#: In a fresh process: the explorer API's answer to a "what changed" click, timed.
CLICK = """import json, sys, time
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.viz.explorer import api
store = EmbeddedStore(sys.argv[1])
t1 = time.perf_counter()
answer = api.query(store, "plan-evolution", {"organisation": sys.argv[2]})
body = json.dumps(answer)
print(json.dumps({"seconds": time.perf_counter() - t1, "bytes": len(body.encode()),
                  "rows": len(answer["rows"])}))
"""


def pages(councils: int, folder: Path) -> tuple[dict[str, tuple[bytes, str, int]], str]:
    """The bounded overview's page with the plan limit and without: (bytes, CSP, bars drawn
    by the three per-plan charts); and the organisation of the pair that changed most."""
    import synthetic
    from stratgraph.graph.embedded import EmbeddedStore
    from stratgraph.graph.overview import overview
    from stratgraph.viz.overview_page import _page

    store = EmbeddedStore(folder / "graph.db")
    store.write(synthetic.synthetic_graph(councils=councils, plans=5, themes=2, actions=6))
    found = overview(store)
    store.close()
    clicked = max(found.pair_changes, key=lambda c: (c.dropped + c.new, c.later or ""))
    data = found.to_json()
    plans = len(found.plans)
    out = {}
    for label, limit in (("at most PLAN_LIMIT plans", found.plan_limit), ("every plan", None)):
        shown = plans if limit is None else min(limit, plans)
        page = _page(json.dumps({**data, "plan_limit": limit}, separators=(",", ":")),
                     served=False)
        # coverage 5 bars a plan, orphan actions 5, unsupported outcomes 3
        out[label] = (page.html.encode(), page.csp, shown * 13)
    print(f"{plans:,} plans; page {len(out['every plan'][0]):,} bytes", flush=True)
    return out, clicked.organisation


def clicks(graph: Path, organisation: str, before: str, repeat: int, folder: Path) -> None:
    """The "what changed" click's answer, this tree against ``before``'s, interleaved."""
    import shutil
    import subprocess

    from bench_startup import tree_of

    trees = {"this tree": dict(os.environ),
             f"before ({before})": dict(os.environ,
                                        PYTHONPATH=str(tree_of(before, folder / "before")))}
    # A fresh copy of the graph for every ask: the embedded store keeps a whole-graph answer
    # in its file until the next write, so a second ask in one file (or one tree's ask in the
    # other's) reads the kept rows; each ask here builds them, as a user's first click does.
    got: dict[str, list[dict[str, float]]] = {label: [] for label in trees}
    for run in range(repeat):
        for i, (label, env) in enumerate(trees.items()):
            copy = folder / f"click-{i}.db"
            shutil.copyfile(graph, copy)
            done = subprocess.run([sys.executable, "-c", CLICK, str(copy), organisation],
                                  env=env, capture_output=True, text=True, check=True,
                                  # not this tree's folder: its stratgraph/ would be imported
                                  cwd=folder)
            got[label].append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"  click {label}: {got[label][-1]}; load {os.getloadavg()[0]:.1f}",
                  flush=True)
    print(f"| what changed click, organisation {organisation!r} | rows | bytes | first ask, "
          "median (min-max) |")
    print("|---|---:|---:|---:|")
    for label, runs in got.items():
        values = [r["seconds"] for r in runs]
        print(f"| {label} | {runs[0]['rows']} | {runs[0]['bytes']:,} | "
              f"{statistics.median(values):.3f} s ({min(values):.3f}-{max(values):.3f}) |")


def draw(browser: Any, body: bytes, csp: str) -> dict[str, float]:
    """One new tab drawing ``body`` from memory: wall seconds and the renderer's time."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.route("http://floor.invalid/", lambda route: route.fulfill(
            status=200, body=body, headers={"content-type": "text/html; charset=utf-8",
                                            "content-security-policy": csp}))
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        t0 = time.perf_counter()
        page.goto("http://floor.invalid/", wait_until="commit")
        page.wait_for_function(DRAWN, timeout=600_000)
        wall = time.perf_counter() - t0
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        return {"wall": wall, "tasks": metrics["TaskDuration"],
                "script": metrics["ScriptDuration"]}
    finally:
        page.close()


def neo4j_clicks(councils: int, organisation: str, before: str, repeat: int) -> None:
    """The click's live Cypher on Neo4j: this tree's plan-evolution against ``before``'s."""
    import subprocess

    import synthetic
    from neo4j_server import neo4j_server
    from stratgraph.graph.neo4j_store import Neo4jStore

    repo = HERE.parent
    texts = {"this tree": (repo / "cypher" / "plan-evolution.cypher").read_text(),
             f"before ({before})": subprocess.run(
                 ["git", "-C", str(repo), "show", f"{before}:cypher/plan-evolution.cypher"],
                 check=True, capture_output=True, text=True).stdout}
    params = {"kind": None, "name": None, "organisation": organisation, "min_confidence": 0.0}
    with neo4j_server() as server:
        store = Neo4jStore(server.uri, server.user, server.password, database=server.database)
        t0 = time.perf_counter()
        store.write(synthetic.synthetic_graph(councils=councils, plans=5, themes=2, actions=6))
        print(f"  Neo4j: written in {time.perf_counter() - t0:.1f} s", flush=True)
        got: dict[str, list[tuple[float, int, int]]] = {label: [] for label in texts}
        with store._driver.session(database=server.database) as session:
            for _ in range(repeat + 1):  # the first of each warms the plan cache
                for label, text in texts.items():
                    t0 = time.perf_counter()
                    rows = [r.data() for r in session.run(text, params)]
                    seconds = time.perf_counter() - t0
                    got[label].append((seconds, len(rows), len(json.dumps(rows).encode())))
                    print(f"  neo4j click {label}: {seconds:.3f} s, {len(rows)} rows, "
                          f"{got[label][-1][2]:,} bytes; load {os.getloadavg()[0]:.1f}",
                          flush=True)
        store.close()
    print("| what changed click on Neo4j (live Cypher) | rows | bytes | first | again, median "
          "(min-max) |")
    print("|---|---:|---:|---:|---:|")
    for label, runs in got.items():
        values = [r[0] for r in runs[1:]]
        print(f"| {label} | {runs[0][1]} | {runs[0][2]:,} | {runs[0][0]:.2f} s | "
              f"{statistics.median(values):.3f} s ({min(values):.3f}-{max(values):.3f}) |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--councils", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", metavar="REF",
                        help="also time a what-changed click against this commit's")
    parser.add_argument("--neo4j", action="store_true",
                        help="with --before: also time the click's live Cypher on Neo4j")
    parser.add_argument("--no-draw", dest="draw", action="store_false",
                        help="leave out the drawing in Chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    from test_viz_browser import chromium_path

    with tempfile.TemporaryDirectory() as tmp:
        built, organisation = pages(args.councils, Path(tmp))
        if args.before:
            clicks(Path(tmp) / "graph.db", organisation, args.before, args.repeat, Path(tmp))
    if args.before and args.neo4j:
        neo4j_clicks(args.councils, organisation, args.before, args.repeat)
    if not args.draw:
        return 0
    times: dict[str, list[dict[str, float]]] = {label: [] for label in built}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        for run in range(args.repeat):
            for label, (body, csp, _) in built.items():
                got = draw(browser, body, csp)
                times[label].append(got)
                print(f"  run {run + 1} {label}: drawn after {got['wall']:.3f} s; renderer "
                      f"tasks {got['tasks']:.3f} s, script {got['script']:.3f} s; load "
                      f"{os.getloadavg()[0]:.1f}", flush=True)
        browser.close()
    print("| | bars (3 per-plan charts) | drawn, median (min-max) | renderer tasks | script |")
    print("|---|---:|---:|---:|---:|")
    for label, runs in times.items():
        cells = []
        for key in ("wall", "tasks", "script"):
            values = [r[key] for r in runs]
            cells.append(f"{statistics.median(values):.2f} s ({min(values):.2f}-"
                         f"{max(values):.2f})")
        print(f"| {label} | {built[label][2]:,} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
