"""What a user of `stratgraph serve` waits for before the `/` overview is on screen, on the graph
already in the Neo4j of ``NEO4J_URI`` (never written), each beside its bare-driver floor in the
same run (issue #16):

  (a) start    `stratgraph serve --store neo4j --port 0` in a fresh process, from the command
               to its address printed (the server then takes requests).
               Floor: a fresh process importing the driver, connecting and running RETURN 1
               (opening the store, the least a server must do before it can say it is ready).
  (b) first /  right after the address: the first `GET /` (the whole body), or Chromium (already
               running, as a user's browser is) opening `/` in a new tab until its charts are
               drawn (`stratgraphOverview.ready`); each the first request of its own server.
               Floors: the kept page's two strings read on an open driver, and the same page's
               bytes drawn by Chromium from memory (no server).
  (c) new app  bench_scale.py firstask's `/` (a new app in a fresh process, Starlette's
               TestClient: app made, started, first `GET /`) and its floor `/floor` (fresh
               process: import the driver, connect, read the kept page).
  then         on a server of each tree: an expand (`/api/neighbours` of the busiest strategy,
               200 drawn) and a "what changed" bar's rows (`/api/query/plan-evolution` with
               the organisation of the pair with most changes, first page), each asked once
               cold and ``--repeat`` times again, the trees interleaved.

``--before REF`` also times (a) and (b) for that commit (its tree on PYTHONPATH, as
bench_startup.py does), interleaved run by run with this tree's.

Run:  set -a; . /tmp/neo1m5/server.env; set +a
      python bench/bench_serve.py --repeat 5 --before 6e17994
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO / "tests")]

#: The overview page's own signal that its charts are drawn (viz/static/overview.js).
DRAWN = "() => window.stratgraphOverview && stratgraphOverview.ready"


def _env() -> tuple[str, str, str | None]:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise SystemExit("set NEO4J_URI (and NEO4J_PASSWORD) to the server holding the graph")
    return uri, os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD")


class Serving:
    """`stratgraph serve` in a fresh process: the seconds to its address, and the address."""

    def __init__(self, env: dict[str, str], cwd: str) -> None:
        import socket

        # A free port named (not 0): before this branch the address was printed before the
        # server listened, with the port as given.
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "stratgraph.cli.entry", "serve", "--store", "neo4j",
             "--read-only", "--port", str(port)], stderr=subprocess.PIPE, text=True, env=env,
            # Not the checkout: `-m` puts the working directory first on the path, and its
            # stratgraph/ would shadow the --before tree's.
            cwd=cwd)
        assert self.proc.stderr is not None
        line = self.proc.stderr.readline()
        self.start = time.perf_counter() - t0
        if f"stratgraph explorer: http://127.0.0.1:{port}/" not in line:
            self.stop()
            raise SystemExit(f"serve did not print its address: {line!r}")
        self.base = f"http://127.0.0.1:{port}"

    def get(self, path: str) -> tuple[float, bytes]:
        """Seconds to the whole answer (waiting, as a browser does, while it is refused)."""
        t0 = time.perf_counter()
        while True:
            try:
                with urllib.request.urlopen(self.base + path, timeout=600) as response:
                    return time.perf_counter() - t0, response.read()
            except ConnectionRefusedError:
                time.sleep(0.002)
            except urllib.error.URLError as exc:
                if not isinstance(exc.reason, ConnectionRefusedError):
                    raise
                time.sleep(0.002)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


#: The explorer page's signal that it has drawn its first view (viz/explorer/static).
EXPLORER_DRAWN = "() => document.body && document.body.dataset.ready === '1'"


def drawn_in(browser: Any, url: str, drawn: str = DRAWN) -> float:
    """Seconds from a new tab asked to open ``url`` to the page drawn (``drawn`` true)."""
    from playwright.sync_api import Error

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        t0 = time.perf_counter()
        while True:
            try:
                page.goto(url, wait_until="commit", timeout=600_000)
                break
            except Error as exc:  # refused: not listening yet (a user would reload)
                if not ("ERR_CONNECTION_REFUSED" in str(exc) or "chrome-error:" in str(exc)):
                    raise
                time.sleep(0.002)
        page.wait_for_function(drawn, timeout=600_000)
        return time.perf_counter() - t0
    finally:
        page.close()


def drawn_from_memory(browser: Any, body: bytes, headers: dict[str, str]) -> float:
    """The render floor: the same page's bytes (and CSP) handed to Chromium with no server."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.route("http://floor.invalid/", lambda route: route.fulfill(
            status=200, body=body, headers=headers))
        t0 = time.perf_counter()
        page.goto("http://floor.invalid/", wait_until="commit")
        page.wait_for_function(DRAWN, timeout=600_000)
        return time.perf_counter() - t0
    finally:
        page.close()


def open_floor() -> dict[str, float]:
    """In a fresh process: import the driver, connect, RETURN 1."""
    code = ("import time, os; t = time.perf_counter(); import neo4j\n"
            "d = neo4j.GraphDatabase.driver(os.environ['NEO4J_URI'], auth=("
            "os.environ.get('NEO4J_USERNAME', 'neo4j'), os.environ['NEO4J_PASSWORD']))\n"
            "s = d.session(); s.run('RETURN 1').consume(); s.close()\n"
            "print(time.perf_counter() - t); d.close()")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return {"whole": time.perf_counter() - t0, "inside": float(done.stdout.split()[-1])}


def page_read_floor(driver: Any) -> float:
    """On an open driver: the kept page's two strings read, joined."""
    t0 = time.perf_counter()
    with driver.session() as session:
        record = session.run("MATCH (a:OverviewAnswers {id: 'overview'}) "
                             "RETURN a.page_head AS head, a.page_tail AS tail").single()
        if record is None:  # a graph too small to keep its page: the page is asked live
            return float("nan")
        text = record["head"] + record["tail"]
    assert text
    return time.perf_counter() - t0


def new_app(what: str) -> float:
    """bench_scale.py's first `/` of a new app (or its floor) in a fresh process; NaN when
    it cannot run (the floor on a graph too small to keep its page)."""
    done = subprocess.run([sys.executable, str(HERE / "bench_scale.py"), "_first", what],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return float("nan")
    return float(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])


def _busiest_strategy(driver: Any) -> str:
    records, _, _ = driver.execute_query(
        "MATCH (s:Stratgraph:Strategy) RETURN s.id AS id ORDER BY COUNT { (s)--() } DESC, "
        "s.id LIMIT 1")
    return records[0]["id"]


def _clicked_pair(body: bytes) -> dict[str, Any] | None:
    """The "what changed" bar a user clicks first: the pair with the most changes, drawn
    (None: a graph small enough for its page to carry the rows asks nothing)."""
    import re

    text = body.decode()
    block = re.search(r'<script type="application/json" id="overview-data">(.*?)</script>',
                      text, re.S)
    data = json.loads(block.group(1) if block else "{}")  # its escapes are JSON's
    pairs = data.get("pair_changes") or []
    if not pairs:
        return None
    return max(pairs, key=lambda c: (c["dropped"] + c["new"], c["later"]))


class Times(dict):
    """Seconds per step, each also printed as soon as it is measured (a slow run still tells)."""

    def __missing__(self, label: str) -> list[float]:
        self[label] = Step(label)
        return self[label]


class Step(list):
    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def append(self, seconds: float) -> None:
        super().append(seconds)
        print(f"  {self.label}: {seconds:.3f} s", flush=True)


def render_work(browser: Any, url: str, drawn: str, repeat: int) -> None:
    """Where a tab's time goes opening ``url``: wall seconds to drawn, and the renderer's
    own main-thread time (Chrome's Performance metrics: all tasks, script, layout), which
    the machine's load stretches less than the wall clock."""
    for _ in range(repeat):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        try:
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            t0 = time.perf_counter()
            page.goto(url, wait_until="commit", timeout=600_000)
            page.wait_for_function(drawn, timeout=600_000)
            wall = time.perf_counter() - t0
            metrics = {m["name"]: m["value"]
                       for m in cdp.send("Performance.getMetrics")["metrics"]}
            print(f"  {url}: drawn after {wall:.3f} s; renderer main thread: tasks "
                  f"{metrics['TaskDuration']:.3f} s, script {metrics['ScriptDuration']:.3f} s, "
                  f"layout {metrics['LayoutDuration']:.3f} s, style "
                  f"{metrics['RecalcStyleDuration']:.3f} s; load {os.getloadavg()[0]:.1f}",
                  flush=True)
        finally:
            page.close()


def render_only(repeat: int) -> int:
    """``--render``: one `stratgraph serve` (this tree), then ``/`` and ``/explore`` opened
    ``repeat`` times each with the renderer's own time."""
    from playwright.sync_api import sync_playwright
    from test_viz_browser import chromium_path

    served = Serving(dict(os.environ), tempfile.gettempdir())
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
            render_work(browser, served.base + "/", DRAWN, repeat)
            render_work(browser, served.base + "/explore", EXPLORER_DRAWN, repeat)
            browser.close()
    finally:
        served.stop()
    return 0


def first_clicks(repeat: int, before: str | None, settle: float) -> int:
    """``--clicks``: for each tree in turn, ``repeat`` times: the database's query caches
    cleared (as on a fresh Neo4j: every statement planned again), its `stratgraph serve`
    started, ``settle`` seconds, then the first node panel, expand and "what changed" bar of
    the busiest strategy and the first plan's organisation, then each again. One tree at a
    time: the plans one server's warm-up leaves would serve the other's clicks too."""
    import neo4j

    uri, user, password = _env()
    env = dict(os.environ)
    load = [os.getloadavg()[0]]
    times = Times()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp, neo4j.GraphDatabase.driver(
            uri, auth=(user, password), notifications_min_severity="OFF") as driver:
        trees = {"this tree": env}
        if before:
            from bench_startup import tree_of

            trees[f"before ({before})"] = dict(env, PYTHONPATH=str(tree_of(before, Path(tmp))))
        strategy = _busiest_strategy(driver)
        records, _, _ = driver.execute_query(
            "MATCH (p:Stratgraph:Plan) WHERE p.organisation IS NOT NULL "
            "RETURN p.organisation AS o ORDER BY p.id DESC LIMIT 1")  # not the warm-up's own
        quoted = urllib.parse.quote(strategy)
        asks = {"node panel of the busiest strategy": "/api/node?id=" + quoted,
                "expand it (200 drawn)": "/api/neighbours?id=" + quoted,
                "what changed bar: plan-evolution of " + repr(records[0]["o"]):
                    "/api/query/plan-evolution?organisation=" + urllib.parse.quote(records[0]["o"])}
        for _ in range(repeat):
            for name, tree_env in trees.items():
                driver.execute_query("CALL db.clearQueryCaches()")
                served = Serving(tree_env, tmp)
                try:
                    time.sleep(settle)
                    for label, path in asks.items():
                        took, answer = served.get(path)
                        times[f"{name}: {label}, first ask"].append(took)
                    for label, path in asks.items():
                        times[f"{name}: {label}, again"].append(served.get(path)[0])
                    print(f"{name}: last answer {len(answer):,} bytes", flush=True)
                finally:
                    served.stop()
            load.append(os.getloadavg()[0])
    print(f"\nload average (1 min) {min(load):.1f} to {max(load):.1f}; settle {settle} s")
    print("| step | median | all (s) |\n|---|---:|---|")
    for label, got in times.items():
        print(f"| {label} | {statistics.median(got):.3f} s | "
              f"{', '.join(f'{t:.2f}' for t in sorted(got))} |")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", metavar="REF", help="also time this commit's (a) and (b)")
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument("--clicks", action="store_true",
                        help="only the first clicks on a fresh server of each tree (its own "
                        "Neo4j query caches cleared first)")
    parser.add_argument("--settle", type=float, default=3.0,
                        help="--clicks: seconds from the address to the first click (a user "
                        "sees the page drawn, then clicks)")
    parser.add_argument("--render", action="store_true",
                        help="only where Chromium's time goes opening / and /explore")
    args = parser.parse_args(argv)
    if args.render:
        return render_only(args.repeat)
    if args.clicks:
        return first_clicks(args.repeat, args.before, args.settle)
    uri, user, password = _env()
    import neo4j

    env = dict(os.environ)
    trees = {"this tree": env}
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        if args.before:
            from bench_startup import tree_of

            trees[f"before ({args.before})"] = dict(
                env, PYTHONPATH=str(tree_of(args.before, Path(tmp))))
        for name, tree_env in trees.items():
            where = subprocess.run(
                [sys.executable, "-c", "import stratgraph.viz.explorer.server as s; "
                 "print(s.__file__)"], env=tree_env, cwd=tmp, capture_output=True, text=True,
                check=True).stdout.strip()
            print(f"{name}: {where}", flush=True)
        load = [os.getloadavg()[0]]
        times = Times()
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password),
                                            notifications_min_severity="OFF")
        browser = pw = None
        if args.browser:
            from playwright.sync_api import sync_playwright
            from test_viz_browser import chromium_path

            pw = sync_playwright().start()
            browser = pw.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        body, headers = b"", {}
        last: Serving | None = None
        try:
            for run in range(args.repeat):
                for name, tree_env in trees.items():
                    for how in (("GET", "Chromium", "explore") if browser else ("GET",)):
                        served = Serving(tree_env, tmp)
                        times[f"{name}: (a) command to address"].append(served.start)
                        if how == "GET":
                            took, body = served.get("/")
                            times[f"{name}: (b) first GET / after the address"].append(took)
                        elif how == "Chromium":
                            took = drawn_in(browser, served.base + "/")
                            times[f"{name}: (b) first / drawn in Chromium after the address"
                                  ].append(took)
                        else:  # the link the command prints
                            took = drawn_in(browser, served.base + "/explore", EXPLORER_DRAWN)
                            times[f"{name}: (b) first /explore drawn in "
                                  "Chromium"].append(took)
                        if last is not None:
                            last.stop()
                        last = served
                times["floor (a): fresh process, import driver, connect, RETURN 1"].append(
                    open_floor()["whole"])
                times["floor (b): kept page read on an open driver"].append(
                    page_read_floor(driver))
                if browser:
                    with urllib.request.urlopen(last.base + "/") as response:
                        body = response.read()
                        headers = {"content-type": response.headers["content-type"],
                                   "content-security-policy":
                                       response.headers["content-security-policy"]}
                    times["floor (b): the same page drawn by Chromium from memory"].append(
                        drawn_from_memory(browser, body, headers))
                times["(c) new app, fresh process: app made, started, first GET /"].append(
                    new_app("/"))
                times["floor (c): fresh process, import driver, connect, read the kept page"
                      ].append(new_app("/floor"))
                load.append(os.getloadavg()[0])
                print(f"run {run + 1} done, load {load[-1]:.1f}", flush=True)
            assert last is not None
            last.stop()
            last = None
            strategy = _busiest_strategy(driver)
            pair = _clicked_pair(body)
            asks = {"expand the busiest strategy (200 drawn)":
                    f"/api/neighbours?id={urllib.parse.quote(strategy)}"}
            if pair is not None:
                asks[f"what changed bar: plan-evolution of {pair['organisation']!r}, first "
                     "page"] = ("/api/query/plan-evolution?organisation="
                                + urllib.parse.quote(pair["organisation"]))
            # Each tree's own server, asked in turn: a first ask each, then again interleaved.
            servers = {name: Serving(tree_env, tmp) for name, tree_env in trees.items()}
            try:
                for label, path in asks.items():
                    for name, served in servers.items():
                        took, answer = served.get(path)
                        times[f"{name}: {label}, first ask"].append(took)
                        rows = json.loads(answer).get("rows")
                        print(f"{name}: {label}: {len(answer):,} bytes"
                              + (f", {len(rows)} rows" if rows is not None else ""), flush=True)
                    for _ in range(args.repeat):
                        for name, served in servers.items():
                            times[f"{name}: {label}, again"].append(served.get(path)[0])
                load.append(os.getloadavg()[0])
            finally:
                for served in servers.values():
                    served.stop()
        finally:
            if last is not None:
                last.stop()
            if browser is not None:
                browser.close()
                pw.stop()
            driver.close()
    print(f"\nload average (1 min) {min(load):.1f} to {max(load):.1f}; page {len(body):,} bytes")
    print("| step | median | all (s) |\n|---|---:|---|")
    for label, got in times.items():
        got = [t for t in got if t == t] or [float("nan")]  # NaN: could not run here
        print(f"| {label} | {statistics.median(got):.3f} s | "
              f"{', '.join(f'{t:.2f}' for t in sorted(got))} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
