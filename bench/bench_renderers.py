"""Drawing large graphs in a browser: vis-network (vendored, canvas) against sigma.js 3 with
graphology (WebGL), side by side in one run in Debian's headless Chromium (issue #16).

Run:  python bench/bench_renderers.py [--sizes 1000,10000,50000] [--seconds 4] [--timeout 300]
                                      [--npm-dir DIR] [--renderers idle,vis-physics,vis-static,sigma]

Needs Playwright and a Chromium (/usr/bin/chromium, or STRATGRAPH_CHROMIUM), and npm once:
sigma@3 and graphology are fetched with ``npm pack`` into a temporary folder (or taken from
``--npm-dir``, a folder holding ``sigma-*/package`` and ``graphology-*/package``), because
stratgraph does not ship them. The pages are written to a temporary folder with every script
inlined; each page load is routed and any request other than the page itself is aborted and
counted, so the run makes no outside request.

Graphs: ``n`` nodes, two edges from each new node to earlier random nodes (about 2 edges per
node, one large connected component), every 25th node captioned, one colour per tenth of the
nodes. Positions for the precomputed layouts grow outwards: a node sits near its first
neighbour; drawing cost hardly depends on how good the layout is, and the same positions go to
both renderers.

Renderers, each in a fresh browser (so memory is one page's):
  idle         an empty page counting frames: the ceiling for frames per second
  vis-physics  vis-network 10.1.5 as vendored, with the options viz/static/page.js uses and the
               ForceAtlas2 physics of viz/physics.py (stabilise, then physics off and fit)
  vis-static   vis-network with physics off and the precomputed positions
  sigma        sigma.js 3 + graphology, WebGL, the precomputed positions

Measured per page (times from navigation start, ``performance.now()``):
  first frame  the first drawn frame (vis-network ``afterDrawing``, sigma ``afterRender``)
  ready        vis-physics: stabilised, physics off, fitted; others: equal to the first frame
  fps          requestAnimationFrame callbacks per second while the camera pans and zooms
               every frame for ``--seconds`` (worst frame gap in brackets)
  JS heap      CDP Performance.getMetrics JSHeapUsedSize after the interaction
  PSS          proportional set size summed over every Chromium process (the GPU process holds
               WebGL buffers, which the JS heap does not show)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

# Without a GPU, Debian's headless Chromium gives WebGL through SwiftShader (CPU, via ANGLE on
# Vulkan) with --no-sandbox alone; --enable-unsafe-swiftshader keeps that working on Chromium
# versions that no longer fall back to it silently. --use-angle=swiftshader changes nothing.
GL_ARGS = ["--no-sandbox", "--enable-unsafe-swiftshader", "--enable-precise-memory-info"]

COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]


def chromium_path() -> str:
    named = os.environ.get("STRATGRAPH_CHROMIUM")
    for candidate in (named, "/usr/bin/chromium", "/usr/bin/chromium-browser",
                      shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    sys.exit("no Chromium found (apt-get install -y chromium, or set STRATGRAPH_CHROMIUM)")


def generate(n: int, seed: int = 7) -> dict[str, Any]:
    """``n`` nodes, about ``2 n`` edges, positions grown outwards from node 0."""
    rng = random.Random(seed)
    xs, ys = [0.0], [0.0]
    edges: list[tuple[int, int]] = []
    for i in range(1, n):
        targets = {rng.randrange(i) for _ in range(2)}
        first = min(targets)
        edges.extend((i, t) for t in sorted(targets))
        # Near the first neighbour, drifting outwards, so the picture is a spread-out tree.
        xs.append(xs[first] + rng.uniform(-40, 40) + 0.002 * xs[first])
        ys.append(ys[first] + rng.uniform(-40, 40) + 0.002 * ys[first])
    nodes = [{"id": i, "x": round(xs[i], 2), "y": round(ys[i], 2),
              "label": f"node {i}" if i % 25 == 0 else "",
              "color": COLOURS[i * 10 // n]} for i in range(n)]
    return {"nodes": nodes, "edges": [{"id": k, "from": a, "to": b}
                                      for k, (a, b) in enumerate(edges)]}


def npm_assets(npm_dir: Path | None, work: Path) -> dict[str, str]:
    """sigma's and graphology's UMD builds, fetched with npm pack unless ``npm_dir`` has them."""
    if npm_dir is None:
        npm_dir = work / "npm"
        npm_dir.mkdir()
        for spec in ("sigma@3", "graphology@0.26"):
            subprocess.run(["npm", "pack", "--silent", spec], cwd=npm_dir, check=True,
                           stdout=subprocess.DEVNULL)
        for tgz in npm_dir.glob("*.tgz"):
            target = npm_dir / tgz.name[: -len(".tgz")]
            target.mkdir()
            subprocess.run(["tar", "xzf", str(tgz), "-C", str(target)], check=True)
    sigma = next(npm_dir.glob("sigma-3*/package/dist/sigma.min.js"))
    graphology = next(npm_dir.glob("graphology-*/package/dist/graphology.umd.min.js"))
    version = json.loads((sigma.parents[1] / "package.json").read_text())["version"]
    gversion = json.loads((graphology.parents[1] / "package.json").read_text())["version"]
    return {"sigma": sigma.read_text(), "graphology": graphology.read_text(),
            "versions": f"sigma {version}, graphology {gversion}"}


# The frame counter every page shares: pans in a circle and zooms in and out every frame.
INTERACT_JS = r"""
window.bench = window.bench || {};
bench.interact = function (move, seconds) {
  return new Promise(function (resolve) {
    var frames = 0, worst = 0, start = performance.now(), last = start;
    function tick(now) {
      frames += 1;
      worst = Math.max(worst, now - last);
      last = now;
      var t = (now - start) / 1000;
      move(t);
      if (now - start < seconds * 1000) requestAnimationFrame(tick);
      else resolve({ fps: frames / ((now - start) / 1000), worstMs: worst, frames: frames });
    }
    requestAnimationFrame(tick);
  });
};
"""

IDLE_JS = r"""
bench.firstFrame = performance.now(); bench.ready = performance.now();
bench.run = function (seconds) { return bench.interact(function () {}, seconds); };
"""

VIS_JS = r"""
(function () {
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var physics = bench.physics;
  var count = data.nodes.length;
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var node = { id: n.id, label: n.label, shape: "dot", size: 10,
                 color: { background: n.color, border: "#ffffff" } };
    if (!physics) { node.x = n.x; node.y = n.y; }
    return node;
  }));
  var edges = new vis.DataSet(data.edges);
  // As viz/static/page.js sets them for a graph this size.
  var options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: physics ? count <= 300 : false },
    physics: physics || { enabled: false },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: count > 800, keyboard: false },
    nodes: { font: { color: "#1d2730", strokeWidth: 3, strokeColor: "#ffffff" },
             scaling: { label: { drawThreshold: 5 } } },
    edges: { smooth: data.edges.length > 600 ? false : { type: "continuous", roundness: 0.15 },
             arrows: { to: { enabled: true, scaleFactor: 0.45 } }, color: { color: "#9aa5b1" } }
  };
  var network = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges },
                                options);
  network.once("afterDrawing", function () { bench.firstFrame = performance.now(); });
  function settled() {
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    bench.ready = performance.now();
    if (!bench.firstFrame) bench.firstFrame = bench.ready;
  }
  if (physics) network.once("stabilizationIterationsDone", settled);
  else network.once("afterDrawing", settled);
  bench.run = function (seconds) {
    var home = network.getViewPosition(), scale = network.getScale();
    return bench.interact(function (t) {
      network.moveTo({ position: { x: home.x + 300 * Math.cos(t), y: home.y + 300 * Math.sin(t) },
                       scale: scale * (1.5 + Math.sin(2 * t)), animation: false });
    }, seconds);
  };
})();
"""

SIGMA_JS = r"""
(function () {
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var Graph = graphology.Graph || graphology;
  var graph = new Graph({ multi: false, type: "directed" });
  data.nodes.forEach(function (n) {
    graph.addNode(n.id, { x: n.x, y: -n.y, size: 4, color: n.color, label: n.label || null });
  });
  data.edges.forEach(function (e) {
    if (!graph.hasEdge(e.from, e.to)) graph.addEdge(e.from, e.to, { size: 1, color: "#9aa5b1" });
  });
  var SigmaClass = typeof Sigma === "function" ? Sigma : Sigma.Sigma;
  var renderer = new SigmaClass(graph, document.getElementById("graph"),
                                { defaultEdgeType: "arrow", renderEdgeLabels: false });
  // The constructor draws the first frame synchronously (Sigma#render emits afterRender).
  bench.firstFrame = performance.now(); bench.ready = bench.firstFrame;
  var camera = renderer.getCamera();
  bench.run = function (seconds) {
    return bench.interact(function (t) {
      camera.setState({ x: 0.5 + 0.1 * Math.cos(t), y: 0.5 + 0.1 * Math.sin(t),
                        ratio: 1 / (1.5 + Math.sin(2 * t)) });
    }, seconds);
  };
})();
"""


def page(kind: str, graph: dict[str, Any] | None, assets: dict[str, str], n: int) -> str:
    from stratgraph.viz.page import safe_json, vis_network_js
    from stratgraph.viz.physics import physics_options

    scripts = [INTERACT_JS]
    if kind == "idle":
        scripts.append(IDLE_JS)
    elif kind.startswith("vis"):
        physics = physics_options(n) if kind == "vis-physics" else None
        scripts += [vis_network_js(), f"bench.physics = {json.dumps(physics)};", VIS_JS]
    else:
        scripts += [assets["graphology"], assets["sigma"], SIGMA_JS]
    data = safe_json(graph) if graph else "null"
    body = "".join(f"<script>{s}</script>\n" for s in scripts)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>bench</title>"
            "<style>html,body{margin:0;height:100%}#graph{width:100vw;height:100vh}</style>"
            f"</head><body><div id='graph'></div>"
            f"<script type='application/json' id='graph-data'>{data}</script>\n{body}"
            "</body></html>")


def chromium_pss() -> int:
    """Proportional set size of every Chromium process below this one, in bytes."""
    import psutil

    total = 0
    for proc in psutil.Process().children(recursive=True):
        try:
            if "chrom" in proc.name().lower():
                total += proc.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def measure(path: Path, seconds: float, timeout: float) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    errors: list[str] = []
    url = path.resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=GL_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1400, "height": 900})
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

            def route(r: Any) -> None:
                if r.request.url == url:
                    r.continue_()
                else:
                    outside.append(r.request.url)
                    r.abort()

            tab.route("**/*", route)
            tab.goto(url, timeout=timeout * 1000)
            try:
                tab.wait_for_function("() => window.bench && bench.ready", timeout=timeout * 1000,
                                      polling=200)
            except Exception:  # noqa: BLE001 - a renderer that cannot finish is a result too
                return {"timeout": True, "errors": errors, "outside": outside}
            result: dict[str, Any] = tab.evaluate(
                "() => ({ firstFrame: bench.firstFrame, ready: bench.ready })")
            result.update(tab.evaluate(f"() => bench.run({seconds})"))
            cdp = tab.context.new_cdp_session(tab)
            cdp.send("Performance.enable")
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            result["heap"] = metrics.get("JSHeapUsedSize", 0)
            result["webgl"] = tab.evaluate(
                "() => { var g = document.createElement('canvas').getContext('webgl2');"
                " var i = g && g.getExtension('WEBGL_debug_renderer_info');"
                " return g ? (i ? g.getParameter(i.UNMASKED_RENDERER_WEBGL) : 'WebGL') : ''; }")
            result["pss"] = chromium_pss()
            result.update(errors=errors, outside=outside, timeout=False)
            return result
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds a page may take to draw before it is reported unfinished")
    parser.add_argument("--npm-dir", type=Path)
    parser.add_argument("--renderers", default="idle,vis-physics,vis-static,sigma")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = args.renderers.split(",")
    results = []
    gl_reported = False
    with tempfile.TemporaryDirectory(prefix="stratgraph-renderers-") as tmp:
        work = Path(tmp)
        assets = npm_assets(args.npm_dir, work) if "sigma" in kinds else {"versions": ""}
        print(f"Chromium {chromium_path()}; vis-network 10.1.5 (vendored); {assets['versions']}")
        print(f"{'renderer':<12} {'nodes':>6} {'edges':>7} {'first frame':>12} {'ready':>10} "
              f"{'fps [worst gap]':>18} {'JS heap':>9} {'PSS':>9}", flush=True)
        for n in sizes:
            graph = generate(n)
            for kind in kinds:
                if kind == "idle" and n != sizes[0]:
                    continue
                path = work / f"{kind}-{n}.html"
                path.write_text(page(kind, None if kind == "idle" else graph, assets, n),
                                encoding="utf-8")
                t0 = time.perf_counter()
                r = measure(path, args.seconds, args.timeout)
                r.update(renderer=kind, nodes=0 if kind == "idle" else n,
                         edges=0 if kind == "idle" else len(graph["edges"]),
                         wall=time.perf_counter() - t0)
                results.append(r)
                if r.get("webgl") and not gl_reported:
                    print(f"  (WebGL: {r['webgl']})", flush=True)
                    gl_reported = True
                if r["timeout"]:
                    line = f"did not draw within {args.timeout:.0f} s"
                else:
                    line = (f"{r['firstFrame'] / 1000:>10.2f} s {r['ready'] / 1000:>8.2f} s "
                            f"{r['fps']:>8.1f} [{r['worstMs']:>5.0f} ms] "
                            f"{r['heap'] / 2**20:>6.0f} MB {r['pss'] / 2**20:>6.0f} MB"
                            + ("" if r["webgl"] else "  (no WebGL)"))
                trouble = r["errors"] or r["outside"]
                print(f"{kind:<12} {r['nodes']:>6} {r['edges']:>7} {line}"
                      + (f"  errors={r['errors'][:2]} outside={r['outside'][:2]}" if trouble
                         else ""), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
