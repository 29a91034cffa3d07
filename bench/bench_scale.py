"""Benchmarks at council and national scale, on the synthetic corpus of ``bench/synthetic.py``.

One command per figure (figures in BENCHMARKS.md):

  python bench/bench_scale.py extract --sizes 1,10,100,500   # councils; MB/s, docs/s, peak RSS
  python bench/bench_scale.py load --nodes 10k,100k,1M       # EmbeddedStore.write (and to_networkx)
  python bench/bench_scale.py queries --nodes 10k,100k,1M --store neo4j|embedded
  python bench/bench_scale.py startup --repeat 20            # stratgraph --help vs python -c pass
  NEO4J_URI=... python bench/bench_scale.py pages           # Neo4j: summary, first page, CSV stream

Each size runs in a fresh subprocess, so peak memory (ru_maxrss) is that size's own. Corpora
are generated once into ``--cache`` (default /tmp/stratgraph-bench) and reused. The Neo4j runs
start the in-process harness of tests/neo4j_harness (as the tests do) with a larger heap.
Batched-vs-per-row Neo4j load figures are bench/bench_neo4j_load.py's, not repeated here.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import re
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

import synthetic

# Plan sizes for the query/load graphs: 5 plans of 8 themes of 40 actions per council is
# about 2,500 nodes a council, so 4 / 40 / 400 councils are 10k / 100k / 1M nodes.
GRAPH_SHAPE = {"plans": 5, "themes": 8, "actions": 40}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def councils_for(nodes: int) -> int:
    per = len(synthetic.synthetic_graph(councils=1, **GRAPH_SHAPE).nodes)
    return max(1, round(nodes / per))


def _child(args: list[str]) -> dict:
    """Run this script's hidden sub-command in a fresh interpreter; its last line is JSON."""
    done = subprocess.run([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"child {args} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- extraction ---------------------------------------------------------------------------


def corpus_dir(cache: Path, councils: int, plans: int, themes: int, actions: int,
               seed: int) -> Path:
    out = cache / f"corpus-c{councils}-p{plans}-t{themes}-a{actions}-s{seed}"
    if not (out / ".complete").exists():
        shutil.rmtree(out, ignore_errors=True)
        synthetic.generate(out, councils=councils, plans=plans, themes=themes, actions=actions,
                           seed=seed)
        (out / ".complete").touch()
    return out


def _extract_one(corpus: str, phases: bool) -> dict:
    from stratgraph.loaders.document import SourceDocument

    from stratgraph.api import discover, extract_documents

    files = discover([corpus])
    size = sum(p.stat().st_size for p in files)
    # Warm imports (rapidfuzz, html.parser) on one small file outside the timing.
    extract_documents(files[:1])
    start = time.perf_counter()
    texts = [SourceDocument.from_path(p).text for p in files]
    t_read = time.perf_counter() - start
    pattern = re.compile(r"\b(?:strategy|plan|partnership|board)\b", re.IGNORECASE)
    start = time.perf_counter()
    for text in texts:
        pattern.findall(text)
    t_scan = time.perf_counter() - start
    del texts
    result = {"files": len(files), "mb": size / 1e6, "read_s": t_read, "scan_s": t_scan}
    if phases:
        # The stages of extract_documents, timed separately.
        from stratgraph.graph.data import GraphData
        from stratgraph.graph.passes.linking import DEFAULT_THRESHOLD, infer_links
        from stratgraph.loaders.registry import choose_loader
        from stratgraph.graph.passes.resolve import resolve_entities

        # CPU seconds per stage (the machine may be shared: wall time is total_s). The
        # collector is paused for the stages, as extract_documents pauses it.
        gc.disable()
        clock = time.process_time
        t0, wall = clock(), time.perf_counter()
        t_choose = 0.0
        extractions = []
        for p in files:
            doc = SourceDocument.from_path(p)
            c0 = clock()
            loader = choose_loader(doc)
            t_choose += clock() - c0
            extractions.append(loader.extract(doc))
        t1 = clock()
        graph = GraphData.combine(e.graph for e in extractions)
        t2 = clock()
        graph = resolve_entities(graph, ())
        t3 = clock()
        graph = infer_links(graph, DEFAULT_THRESHOLD)
        t4 = clock()
        gc.enable()
        result.update(loaders_s=t1 - t0 - t_choose, recognise_s=t_choose, merge_s=t2 - t1,
                      resolve_s=t3 - t2, infer_s=t4 - t3, total_s=time.perf_counter() - wall,
                      cpu_s=t4 - t0)
    else:
        start, cpu = time.perf_counter(), time.process_time()
        r = extract_documents(files)
        result["total_s"] = time.perf_counter() - start
        result["cpu_s"] = time.process_time() - cpu
        graph = r.graph
        result["errors"] = len(r.errors)
    result["nodes"] = len(graph.nodes)
    result["relationships"] = len(graph.relationships)
    result["peak_rss_mb"] = _peak_mb()
    return result


def cmd_extract(args: argparse.Namespace) -> None:
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        t0 = time.perf_counter()
        d = corpus_dir(args.cache, n, args.plans, args.themes, args.actions, args.seed)
        gen = time.perf_counter() - t0
        r = _child(["_extract", str(d)] + (["--phases"] if args.phases else []))
        r["councils"] = n
        rows.append(r)
        mbps = r["mb"] / r["total_s"]
        print(f"councils {n:5}: {r['files']:6} files {r['mb']:8.2f} MB  "
              f"read {r['mb'] / r['read_s']:6.0f} MB/s  scan {r['mb'] / r['scan_s']:6.0f} MB/s  "
              f"extract {r['total_s']:8.2f} s = {mbps:5.2f} MB/s {r['files'] / r['total_s']:6.0f}"
              f" docs/s (CPU {r['cpu_s']:.2f} s = {r['mb'] / r['cpu_s']:5.2f} MB/s)  peak RSS {r['peak_rss_mb']:7.0f} MB  nodes {r['nodes']:,} "
              f"(generated in {gen:.0f} s)", flush=True)
        if args.phases:
            print("      CPU by stage: " + "  ".join(
                f"{k[:-2]} {r[k]:.2f} s" for k in
                ("loaders_s", "recognise_s", "merge_s", "resolve_s", "infer_s")), flush=True)
    for a, b in itertools.pairwise(rows):
        print(f"growth {a['councils']} -> {b['councils']} councils: text x{b['mb'] / a['mb']:.1f}, "
              f"time x{b['total_s'] / a['total_s']:.1f}, CPU x{b['cpu_s'] / a['cpu_s']:.1f}  (linear target: time ratio <= "
              f"1.2 x text ratio = {1.2 * b['mb'] / a['mb']:.1f})")


# -- load ---------------------------------------------------------------------------------


def _load_one(nodes: int, tmp: str) -> dict:
    from stratgraph.graph.embedded import EmbeddedStore, to_networkx

    councils = councils_for(nodes)
    t0 = time.perf_counter()
    graph = synthetic.synthetic_graph(councils=councils, **GRAPH_SHAPE)
    t_gen = time.perf_counter() - t0
    path = Path(tmp) / f"graph-{nodes}.json"
    path.unlink(missing_ok=True)
    store = EmbeddedStore(path)
    t0 = time.perf_counter()
    store.write(graph)
    t_write = time.perf_counter() - t0
    t0 = time.perf_counter()
    EmbeddedStore(path)
    t_open = time.perf_counter() - t0
    t0 = time.perf_counter()
    to_networkx(graph)
    t_nx = time.perf_counter() - t0
    size = path.stat().st_size
    path.unlink()
    return {"nodes": len(graph.nodes), "relationships": len(graph.relationships),
            "gen_s": t_gen, "write_s": t_write, "open_s": t_open, "networkx_s": t_nx,
            "file_mb": size / 1e6, "peak_rss_mb": _peak_mb()}


def cmd_load(args: argparse.Namespace) -> None:
    for n in synthetic.parse_sizes(args.nodes):
        r = _child(["_load", str(n), str(args.cache)])
        rows = r["nodes"] + r["relationships"]
        print(f"{r['nodes']:>9,} nodes {r['relationships']:>9,} rels: EmbeddedStore.write "
              f"{r['write_s']:7.2f} s ({rows / r['write_s']:9,.0f} rows/s, JSON "
              f"{r['file_mb']:.0f} MB)  reopen {r['open_s']:6.2f} s  to_networkx "
              f"{r['networkx_s']:6.2f} s  peak RSS {r['peak_rss_mb']:6.0f} MB", flush=True)


# -- queries ------------------------------------------------------------------------------


def selective_params(graph) -> dict[str, dict]:
    """For each query, one selective parameter as a user would give it: one plan (by its
    document name), one theme id, one lead, one council's own strategy."""
    from stratgraph.graph.model import Label

    plans = sorted((n for n in graph.nodes.values() if n.label is Label.PLAN), key=lambda n: n.id)
    plan = plans[len(plans) // 2]
    theme = min(n.id for n in graph.nodes.values()
                if n.label is Label.THEME and n.properties.get("plan_id") == plan.id)
    lead = min(n.name for n in graph.nodes.values() if n.label is Label.CABINET_LEAD)
    local = min(n.name for n in graph.nodes.values()
                if n.label is Label.STRATEGY and "Economic Growth Plan" in n.name
                and n.name != "Economic Growth Plan")
    doc = plan.provenance.document
    return {"orphan-actions": {"plan": doc}, "unsupported-outcomes": {"plan": doc},
            "coverage": {"plan": doc}, "lead-portfolio": {"lead": lead},
            "cross-theme-dependencies": {"theme": theme}, "strategy-feeds": {"strategy": local},
            "plan-evolution": {"name": local}}


def _time_queries(run, names: list[str], repeat: int) -> dict[str, dict]:
    out = {}
    only = os.environ.get("BENCH_ONLY")  # comma-separated query names (set by --only)
    for name in names:
        if only and name not in only.split(","):
            continue
        times, rows = [], 0
        for _ in range(repeat):
            t0 = time.perf_counter()
            try:
                rows = len(run(name))
            except Exception as exc:  # noqa: BLE001 - a timeout is a figure too
                out[name] = {"error": f"{type(exc).__name__}: {str(exc)[:200]}",
                             "seconds": time.perf_counter() - t0}
                break
            times.append(time.perf_counter() - t0)
        else:
            out[name] = {"first": times[0], "best": min(times),
                         "median": statistics.median(times), "rows": rows}
        print(f"    {name:26} {json.dumps(out[name])}", file=sys.stderr, flush=True)
    return out


def _queries_embedded(nodes: int, repeat: int, filtered: bool) -> dict:
    from stratgraph.graph.embedded import EmbeddedStore
    from stratgraph.graph.queries import QUERIES, run_query

    graph = synthetic.synthetic_graph(councils=councils_for(nodes), **GRAPH_SHAPE)
    store = EmbeddedStore(Path(os.devnull + ".nonexistent"))
    store._data = graph
    t0 = time.perf_counter()
    store.networkx  # noqa: B018 - build the networkx view once, as the first query would
    t_nx = time.perf_counter() - t0
    given = selective_params(graph) if filtered else {}
    res = _time_queries(lambda name: run_query(store, name, given.get(name, {})), sorted(QUERIES),
                        repeat)
    return {"nodes": len(graph.nodes), "relationships": len(graph.relationships),
            "networkx_s": t_nx, "queries": res, "peak_rss_mb": _peak_mb()}


def bulk_load(driver, graph, batch: int = 10_000) -> None:
    """Load ``graph`` into an empty database with plain UNWIND ... CREATE batches.

    Not Neo4jStore.write (which reads back what is stored and MERGEs, to upsert): the same
    nodes, labels and properties, written the fastest way Cypher allows, so that a 1M-node
    graph is in place in minutes. Its rate is the bound Neo4jStore.write is compared with.
    """
    # Rows built here (not with neo4j_store's private helpers, which may change shape).
    by_label: dict = {}
    for node in graph.nodes.values():
        by_label.setdefault(node.label.value, []).append({"props": node.as_properties()})
    by_type: dict = {}
    for rel in graph.relationships.values():
        props = {**rel.as_properties(), "confidence": float(rel.confidence)}
        by_type.setdefault(rel.type.value, []).append(
            {"start": rel.start, "end": rel.end, "props": props})
    with driver.session() as s:
        for label, rows in sorted(by_label.items()):
            q = f"UNWIND $rows AS row CREATE (n:Stratgraph:`{label}`) SET n = row.props"
            for i in range(0, len(rows), batch):
                s.run(q, rows=rows[i: i + batch]).consume()
        for type_, rows in sorted(by_type.items()):
            q = (f"UNWIND $rows AS row MATCH (a:Stratgraph {{id: row.start}}) "
                 f"MATCH (b:Stratgraph {{id: row.end}}) CREATE (a)-[r:`{type_}`]->(b) "
                 "SET r = row.props")
            for i in range(0, len(rows), batch):
                s.run(q, rows=rows[i: i + batch]).consume()


def _queries_neo4j(nodes: int, repeat: int, heap: str, timeout: float, profile: bool,
                   load: str, filtered: bool) -> dict:
    import neo4j
    from neo4j_harness import harness
    from stratgraph.graph.neo4j_store import Neo4jStore, cypher_text
    from stratgraph.graph.queries import QUERIES, prepare_params

    graph = synthetic.synthetic_graph(councils=councils_for(nodes), **GRAPH_SHAPE)
    given = selective_params(graph) if filtered else {}
    password = secrets.token_urlsafe(16)
    harness.build()
    # A page cache that holds the 1M-node store (~2 GB): 512 MiB, the tests' size, made every
    # whole-graph query read from disk.
    server = harness.start(password=password, heap=heap, timeout=300, page_cache_mb=4096,
                           log_path=Path("/tmp") / f"stratgraph-bench-neo4j-{nodes}.log")
    try:
        store = Neo4jStore(server.uri, server.user, password)
        t0 = time.perf_counter()
        store.ensure_schema()
        t_schema = time.perf_counter() - t0
        driver = neo4j.GraphDatabase.driver(server.uri, auth=(server.user, password),
                                            notifications_min_severity="OFF")
        t0 = time.perf_counter()
        if load == "store":
            store.write(graph)
        else:
            bulk_load(driver, graph)
        t_write = time.perf_counter() - t0
        with driver.session() as s:
            s.run("CALL db.awaitIndexes(600)").consume()
        store.close()

        def params(name: str) -> dict:
            # Every $parameter the Cypher names, null unless the query spec gives a default
            # (a query file may gain a parameter before its spec does).
            found = dict.fromkeys(re.findall(r"\$(\w+)", cypher_text(f"{name}.cypher")))
            return {**found, **prepare_params(name, given.get(name, {}))}

        def run(name: str) -> list:
            q = neo4j.Query(cypher_text(f"{name}.cypher"), timeout=timeout)
            with driver.session() as s:
                return list(s.run(q, params(name)))

        res = _time_queries(run, sorted(QUERIES), repeat)
        if profile:
            for name in sorted(res):
                q = neo4j.Query("PROFILE " + cypher_text(f"{name}.cypher"), timeout=timeout * 3)
                try:
                    with driver.session() as s:
                        result = s.run(q, params(name))
                        list(result)  # PROFILE stats come once the result is materialised
                        summary = result.consume()
                    res[name]["profile"] = _plan_summary(summary.profile)
                except Exception as exc:  # noqa: BLE001
                    res[name]["profile"] = f"failed: {type(exc).__name__}"
        driver.close()
    finally:
        server.stop()
    return {"nodes": len(graph.nodes), "relationships": len(graph.relationships),
            "schema_s": t_schema, "write_s": t_write, "queries": res, "peak_rss_mb": _peak_mb()}


def _plan_summary(plan: dict, depth: int = 0, out: list | None = None) -> list:
    """The operators of a PROFILE plan with their db hits and rows, hottest first (top 8)."""
    out = [] if out is None else out
    args = plan.get("args", {})
    out.append((plan.get("dbHits", 0), plan.get("operatorType", "?"), plan.get("rows", 0),
                str(args.get("Details", ""))[:160]))
    for child in plan.get("children", []):
        _plan_summary(child, depth + 1, out)
    if depth == 0:
        return sorted(out, reverse=True)[:8]
    return out


def cmd_queries(args: argparse.Namespace) -> None:
    if args.only:
        os.environ["BENCH_ONLY"] = args.only
    for n in synthetic.parse_sizes(args.nodes):
        if args.store == "neo4j":
            r = _child(["_queries_neo4j", str(n), str(args.repeat), args.heap, str(args.timeout),
                        args.load] + (["--profile"] if args.profile else [])
                       + (["--filtered"] if args.filtered else []))
            rows = r["nodes"] + r["relationships"]
            how = "Neo4jStore.write" if args.load == "store" else "bulk UNWIND CREATE"
            extra = (f"{how} {r['write_s']:.1f} s ({rows / r['write_s']:,.0f} rows/s)"
                     f", schema {r['schema_s']:.1f} s")
        else:
            r = _child(["_queries_embedded", str(n), str(args.repeat)]
                       + (["--filtered"] if args.filtered else []))
            extra = f"to_networkx {r['networkx_s']:.1f} s, peak RSS {r['peak_rss_mb']:.0f} MB"
        what = "one plan/theme/lead/strategy" if args.filtered else "no filter"
        print(f"{args.store} {r['nodes']:,} nodes {r['relationships']:,} rels ({extra}); {what}")
        for name, q in r["queries"].items():
            if "error" in q:
                print(f"  {name:26} FAILED after {q['seconds']:.1f} s: {q['error']}")
                continue
            flag = "" if q["best"] < 1.0 else "   <-- over 1 s"
            print(f"  {name:26} best {q['best'] * 1000:9.1f} ms  median "
                  f"{q['median'] * 1000:9.1f} ms  first {q['first'] * 1000:9.1f} ms  "
                  f"rows {q['rows']:>8,}{flag}")
            for hits, op, nrows, details in q.get("profile", []) if isinstance(
                    q.get("profile"), list) else []:
                print(f"      {hits:>12,} db hits {nrows:>10,} rows  {op}: {details}")
        sys.stdout.flush()


# -- start-up -----------------------------------------------------------------------------


def cmd_startup(args: argparse.Namespace) -> None:
    """Wall and CPU time (user+sys of the child: steadier on a shared machine) per command."""
    exe = str(Path(sys.executable).with_name("stratgraph"))
    py = sys.executable
    cmds = {"python -c pass": ([py, "-c", "pass"], {}),
            "python -c 'import stratgraph'": ([py, "-c", "import stratgraph"], {}),
            "python -c 'import stratgraph.cli.main'": ([py, "-c", "import stratgraph.cli.main"],
                                                       {}),
            "stratgraph --help": ([exe, "--help"], {}),
            "TYPER_USE_RICH=0 stratgraph --help": ([exe, "--help"], {"TYPER_USE_RICH": "0"}),
            "stratgraph query --list": ([exe, "query", "--list"], {})}
    res = {}
    for label, (cmd, env) in cmds.items():
        walls, cpus = [], []
        for i in range(args.repeat + 2):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                           env={**os.environ, **env})
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if i >= 2:  # two warm-up runs fill the page cache
                walls.append(wall)
                cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        res[label] = (statistics.median(walls), statistics.median(cpus))
        print(f"{label:40} wall median {res[label][0] * 1000:5.0f} ms (min {min(walls) * 1000:5.0f})"
              f"  CPU median {res[label][1] * 1000:5.0f} ms  ({args.repeat} runs)")
    base = res["python -c pass"]
    for label in list(cmds)[1:]:
        print(f"{label:40} over bare python: wall {(res[label][0] - base[0]) * 1000:5.0f} ms, "
              f"CPU {(res[label][1] - base[1]) * 1000:5.0f} ms (target <= 300 ms)")


# -- summaries, first pages and streams on Neo4j ------------------------------------------


def _rss_sampler():
    """Start a thread sampling this process's resident memory; returns a function giving the
    samples' peak (MB) so far. ru_maxrss would include the start-up of the process."""
    import threading

    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            with open("/proc/self/statm", encoding="ascii") as f:
                pages = int(f.read().split()[1])
            peak[0] = max(peak[0], pages * os.sysconf("SC_PAGE_SIZE") / 2**20)
            stop.wait(0.05)

    threading.Thread(target=sample, daemon=True).start()
    return lambda: peak[0]


def _stream_one(how: str, uri: str, user: str, password: str, name: str, out: str) -> dict:
    """One whole-graph stream of ``name`` to a CSV file: through stratgraph (Neo4jStore
    stream_query + the CLI's CSV writer) or a bare driver loop over the same Cypher."""
    from stratgraph.graph.neo4j_store import Neo4jStore

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store = Neo4jStore(uri, user, password or None)
    gc.collect()
    peak = _rss_sampler()
    time.sleep(0.2)
    start_rss = peak()
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8", newline="") as f:
        if how == "stratgraph":
            from stratgraph.cli.query_command import write_rows
            from stratgraph.graph.queries import get_query, stream_query

            rows = write_rows(stream_query(store, name, {}), get_query(name).column_names,
                              "csv", f)
        else:
            import csv

            from stratgraph.graph.queries import prepare_params

            from stratgraph.graph.neo4j_store import cypher_text

            writer = csv.writer(f)
            rows = 0
            with store._driver.session() as session:
                for record in session.run(cypher_text(f"{name}.cypher"),
                                          prepare_params(name, {})):
                    writer.writerow(record.values())
                    rows += 1
    seconds = time.perf_counter() - t0
    store.close()
    return {"rows": rows, "seconds": seconds, "rss_start_mb": start_rss,
            "rss_peak_mb": peak(), "maxrss_before_mb": base,
            "csv_mb": os.path.getsize(out) / 2**20}


def _old_first_page(store, name: str, rev: str):
    """A call running the first page of ``name`` with its Cypher as of git revision ``rev``
    (the same paging and parameters as Neo4jStore.stream_query), for a before/after table."""
    from stratgraph.graph.queries import paged_cypher, prepare_params

    text = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:cypher/{name}.cypher"],
                          check=True, capture_output=True, text=True).stdout
    query, extra = paged_cypher(text, 0, 50)
    params = {**prepare_params(name, {}), **extra}

    def call() -> list:
        with store._driver.session() as session:
            return list(session.run(query, params))

    return call


def query_summary_facts(store, name: str) -> list:
    """The summary from the write-time facts (the store answering with them switched on)."""
    from stratgraph.graph.queries import query_summary

    store.use_facts = True
    try:
        return query_summary(store, name)
    finally:
        store.use_facts = False


def cmd_pages(args: argparse.Namespace) -> None:
    """Every named query's summary and first page on the Neo4j at NEO4J_URI (the 1M-node
    graph loaded there once, e.g. by ``bench_neo4j_load.py --single --keep``), then the whole
    of one query streamed to CSV, by stratgraph and by a bare driver loop, each in a fresh
    process with its resident memory sampled."""
    from stratgraph.graph.neo4j_store import Neo4jStore
    from stratgraph.graph.queries import QUERIES, query_summary, stream_query

    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise SystemExit("set NEO4J_URI (and NEO4J_PASSWORD) to the server holding the graph")
    user = os.environ.get("NEO4J_USERNAME", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", "")
    store = Neo4jStore(uri, user, password or None)
    n, r = store.counts()
    if args.refresh_facts:
        # Every plan's write-time facts (graph/neo4j_facts.py), as a first write with this
        # version computes them; timed, with the server's load average.
        load = os.getloadavg()[0]
        t0 = time.perf_counter()
        store.refresh_facts()
        print(f"refresh_facts (every plan): {time.perf_counter() - t0:.1f} s, load average "
              f"{load:.1f} -> {os.getloadavg()[0]:.1f}", flush=True)
    from stratgraph.graph import neo4j_facts

    facts = store._read(neo4j_facts.current)
    print(f"Neo4j at {uri}: {n:,} nodes, {r:,} relationships; write-time facts current: "
          f"{facts}; best of {args.repeat} (first run in brackets); load average "
          f"{os.getloadavg()[0]:.1f}")
    before = f" | first page, Cypher of {args.before} s" if args.before else ""
    live = (" | summary live (no facts), one run s | first page live, one run s"
            if args.live else "")
    live_skip = set(args.live_skip.split(",")) if args.live_skip else set()
    print(f"| query | summary s | groups | first page (limit 50) s | rows{before}{live} |")
    print("|---|---:|---:|---:|---:" + "|---:" * (bool(args.before) + 2 * bool(args.live)) + "|")
    only = set(args.only.split(",")) if args.only else None
    for name in sorted(QUERIES):
        if only and name not in only:
            continue
        calls = [lambda: query_summary(store, name),
                 lambda: list(stream_query(store, name, limit=50))]
        if args.before:
            calls.append(_old_first_page(store, name, args.before))
        figures = []
        for call in calls:
            times, got = [], []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                got = call()
                times.append(time.perf_counter() - t0)
            figures.append((min(times), times[0], len(got)))
        (s_best, s_first, groups), (p_best, p_first, rows) = figures[:2]
        old = "".join(f" {o_best:.2f} ({o_first:.2f}) |" for o_best, o_first, _ in figures[2:])
        from stratgraph.graph import neo4j_pair_facts

        if args.live and name in live_skip:
            old += " not run (--live-skip) | not run |"
        elif args.live and (name in neo4j_facts.FACT_QUERIES or name in neo4j_facts.ROW_FACTS
                            or name in neo4j_facts.SUMMARY_FACTS
                            or name in neo4j_pair_facts.QUERIES):
            store.use_facts = False
            t0 = time.perf_counter()
            same = query_summary(store, name) == query_summary_facts(store, name)
            old += f" {time.perf_counter() - t0:.1f} (same summary: {same}) |"
            # The first page live, beside the facts' (same rows?).
            t0 = time.perf_counter()
            page = list(stream_query(store, name, limit=50))
            seconds = time.perf_counter() - t0
            store.use_facts = True
            same = page == list(stream_query(store, name, limit=50))
            old += f" {seconds:.1f} (same rows: {same}) |"
        elif args.live:
            old += " (no facts) | |"
        print(f"| {name} | {s_best:.2f} ({s_first:.2f}) | {groups:,} | "
              f"{p_best:.2f} ({p_first:.2f}) | {rows} |{old}", flush=True)
    store.close()
    if not args.stream:
        return
    print(f"\nwhole {args.stream} to CSV, each in a fresh process:")
    print("| how | rows | seconds | rows/s | CSV MB | RSS at start MB | RSS peak MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    out = Path(args.cache) / "stream.csv"
    for how in ("bare driver loop", "stratgraph", "bare driver loop", "stratgraph"):
        res = _child(["_stream", how.split()[0], uri, user, password, args.stream, str(out)])
        print(f"| {how} | {res['rows']:,} | {res['seconds']:.1f} | "
              f"{res['rows'] / res['seconds']:,.0f} | {res['csv_mb']:.0f} | "
              f"{res['rss_start_mb']:.0f} | {res['rss_peak_mb']:.0f} |", flush=True)
    out.unlink(missing_ok=True)


# -- first asks in fresh processes, and what keeping answers costs a write (branch neo1m3) ----

def _neo4j_env() -> tuple[str, str, str | None]:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise SystemExit("set NEO4J_URI (and NEO4J_PASSWORD) to the server holding the graph")
    return (uri, os.environ.get("NEO4J_USERNAME", "neo4j"),
            os.environ.get("NEO4J_PASSWORD") or None)


def _first_one(what: str) -> dict:
    """In a fresh interpreter, after the imports a server does at start: the first ``/`` of a
    new explorer app (app made, store opened on the request), or plan-evolution's first page
    (store opened, then the page)."""
    uri, user, password = _neo4j_env()
    from stratgraph.graph.neo4j_store import Neo4jStore
    from stratgraph.graph.queries import stream_query

    if what == "/before":
        # The page drawn as before this branch: the model built from the kept answers.
        Neo4jStore.kept_overview_page = lambda self: None  # type: ignore[method-assign]
    if what in ("/", "/before"):
        from fastapi.testclient import TestClient

        from stratgraph.viz.explorer import ExplorerConfig
        from stratgraph.viz.explorer.app import create_app

        t0 = time.perf_counter()
        app = create_app(ExplorerConfig(open_store=lambda: Neo4jStore(uri, user, password),
                                        read_only=True))
        with TestClient(app) as client:
            page = client.get("/")
            page.raise_for_status()
            took = time.perf_counter() - t0
        return {"seconds": took, "bytes": len(page.content),
                "bounded": "Too large to chart here" in page.text}
    if what == "/parts":
        return _first_view_parts(uri, user, password)
    if what == "/floor":
        return _first_view_floor(uri, user, password)
    t0 = time.perf_counter()
    store = Neo4jStore(uri, user, password)
    opened = time.perf_counter() - t0
    rows = list(stream_query(store, "plan-evolution", {}, limit=50))
    took = time.perf_counter() - t0
    store.close()
    return {"seconds": took, "open": opened, "rows": len(rows)}


def _first_view_parts(uri: str, user: str, password: str | None) -> dict:
    """The kept `/` page's steps one by one in a fresh process (branch neo1m4), then the
    page drawn as before (the model built from the kept answers) on the same open store."""
    import datetime as dt

    parts: dict[str, float] = {}
    t = time.perf_counter()
    import neo4j  # noqa: F401 (what opening the store imports first)

    parts["import neo4j"] = time.perf_counter() - t
    from stratgraph.graph.neo4j_store import Neo4jStore
    from stratgraph.graph.overview import overview
    from stratgraph.viz.overview_page import kept_overview_page, overview_page

    t = time.perf_counter()
    store = Neo4jStore(uri, user, password)
    parts["store opened (driver, RETURN 1)"] = time.perf_counter() - t
    t = time.perf_counter()
    store.facts_stamp()
    parts["facts stamp"] = time.perf_counter() - t
    t = time.perf_counter()
    kept = store.kept_overview_page()
    parts["kept page read"] = time.perf_counter() - t
    t = time.perf_counter()
    html = kept_overview_page(kept, dt.date.today(), served=True).html
    parts["page joined"] = time.perf_counter() - t
    t = time.perf_counter()
    html2 = overview_page(overview(store), served=True).html
    parts["as before: model from the kept answers + page drawn (warm driver)"] = (
        time.perf_counter() - t)
    store.close()
    return {"parts": parts, "bytes": len(html.encode()), "same page": html == html2}


def _first_view_floor(uri: str, user: str, password: str | None) -> dict:
    """The floor of a first `/`: the bare driver opened in a fresh process, the kept page's
    strings read in one auto-commit query, joined with nothing else."""
    t0 = time.perf_counter()
    import neo4j

    with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
        with driver.session() as session:
            record = session.run("MATCH (a:OverviewAnswers {id: 'overview'}) "
                                 "RETURN a.page_head AS head, a.page_tail AS tail").single()
            text = record["head"] + record["tail"]
    return {"seconds": time.perf_counter() - t0, "chars": len(text)}


def cmd_firstask(args: argparse.Namespace) -> None:
    """The `/` overview's first view of a new app and plan-evolution's first page (limit 50),
    each on a first ask in a fresh process, ``--repeat`` times."""
    for what in args.what.split(","):
        runs = [_child(["_first", what]) for _ in range(args.repeat)]
        if what == "/parts":
            for r in runs:
                print(f"{what}: {r}", flush=True)
            continue
        times = sorted(r["seconds"] for r in runs)
        print(f"{what}: first ask in a fresh process, median {statistics.median(times):.3f} s, "
              f"all {', '.join(f'{t:.3f}' for t in times)}; {runs[0]}", flush=True)


def cmd_writecost(args: argparse.Namespace) -> None:
    """A one-plan rewrite (``--replace`` of the first council's first plan, as
    bench_neo4j_replace.py) at the NEO4J_URI graph: as the store now does it (pair answers
    kept when nothing they read changed), with the pair answers counted again (the meta
    node's ``pair_dirty`` set first: what every write paid before), and the overview's answers'
    keeping timed apart."""
    from synthetic import synthetic_graph

    from stratgraph.graph.neo4j_store import Neo4jStore

    uri, user, password = _neo4j_env()
    store = Neo4jStore(uri, user, password)
    plan = synthetic_graph(councils=1, plans=1, themes=args.themes, actions=args.actions)
    doc = sorted({n.provenance.document for n in plan.nodes.values()})[0]
    print(f"graph {store.counts()}; plan {doc}: {len(plan.nodes)} nodes, "
          f"{len(plan.relationships)} relationships", flush=True)
    for round_ in range(args.repeat):
        for how in ("kept", "recounted"):
            if how == "recounted":
                store._driver.execute_query("MATCH (m:StratgraphFactsMeta {id: 'facts'}) "
                                            "SET m.pair_dirty = true")
            t0 = time.perf_counter()
            store.write(plan, replace_documents=[doc])
            took = time.perf_counter() - t0
            t1 = time.perf_counter()
            store._keep_overview()
            keep = time.perf_counter() - t1
            print(f"round {round_ + 1}: one-plan rewrite, pair answers {how}: {took:.2f} s "
                  f"(of which keeping the overview's answers, timed again apart: {keep:.2f} s); "
                  f"facts current: {store.facts_stamp() is not None}, overview kept: "
                  f"{store.kept_overview() is not None}", flush=True)
    store.close()


def cmd_settlecost(args: argparse.Namespace) -> None:
    """The pair answers' part of a write's settle on the NEO4J_URI graph, side by side: the
    check that nothing they read changed (what a rewrite of an unchanged plan now pays) and
    the whole count (what every write paid before), each in its own write transaction; then
    the overview's answers asked and kept."""
    from stratgraph.graph import neo4j_pair_facts
    from stratgraph.graph.neo4j_store import Neo4jStore

    uri, user, password = _neo4j_env()
    store = Neo4jStore(uri, user, password)
    for round_ in range(args.repeat):
        for force in (False, True):
            with store._driver.session() as session:
                t0 = time.perf_counter()
                counted = session.execute_write(neo4j_pair_facts.store_answers, force=force)
                took = time.perf_counter() - t0
            print(f"round {round_ + 1}: pair answers at settle, "
                  f"{'counted (forced)' if force else 'checked'}: {took:.2f} s "
                  f"(counted: {counted})", flush=True)
        t0 = time.perf_counter()
        store._keep_overview()
        print(f"round {round_ + 1}: the overview's answers asked and kept: "
              f"{time.perf_counter() - t0:.2f} s; kept: {store.kept_overview() is not None}",
              flush=True)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/stratgraph-bench"))
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract")
    p.add_argument("--sizes", default="1,10,100", help="numbers of councils")
    p.add_argument("--plans", type=int, default=5)
    p.add_argument("--themes", type=int, default=6)
    p.add_argument("--actions", type=int, default=6)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--phases", action="store_true", help="time loaders/resolve/infer apart")
    p = sub.add_parser("load")
    p.add_argument("--nodes", default="10k,100k,1M")
    p = sub.add_parser("queries")
    p.add_argument("--nodes", default="10k,100k,1M")
    p.add_argument("--store", choices=("embedded", "neo4j"), default="embedded")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--heap", default="6g", help="Neo4j harness heap")
    p.add_argument("--timeout", type=float, default=120.0, help="per Neo4j query, seconds")
    p.add_argument("--profile", action="store_true", help="PROFILE each query (Neo4j)")
    p.add_argument("--load", choices=("bulk", "store"), default="bulk",
                   help="Neo4j: load with UNWIND CREATE (fast) or Neo4jStore.write (timed)")
    p.add_argument("--filtered", action="store_true",
                   help="give each query one selective parameter (a plan, theme, lead...)")
    p.add_argument("--only", help="comma-separated query names (default: all)")
    p = sub.add_parser("startup")
    p.add_argument("--repeat", type=int, default=20)
    p = sub.add_parser("pages")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--only", help="comma-separated query names (default: all)")
    p.add_argument("--stream", default="orphan-actions",
                   help="the query streamed whole to CSV ('' for none)")
    p.add_argument("--refresh-facts", action="store_true",
                   help="first recompute every plan's write-time facts, timed")
    p.add_argument("--live", action="store_true",
                   help="also time each facts-served summary computed live (once), and "
                        "compare the two")
    p.add_argument("--live-skip", help="with --live: queries (comma-separated) whose live "
                   "answer is too slow to run (cross-theme-dependencies at 1M: ~29M rows)")
    p.add_argument("--before", help="also time each first page with the Cypher of this git "
                   "revision (e.g. a3de3f6)")
    p = sub.add_parser("firstask")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--what", default="/,plan-evolution",
                   help="comma-separated: /, /before (the page drawn from the model, as "
                        "before the kept page), /parts, /floor, plan-evolution")
    p = sub.add_parser("writecost")
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--themes", type=int, default=8)
    p.add_argument("--actions", type=int, default=40)
    p = sub.add_parser("settlecost")
    p.add_argument("--repeat", type=int, default=2)
    p = sub.add_parser("_first")
    p.add_argument("what")
    p = sub.add_parser("_stream")
    for name in ("how", "uri", "user", "password", "name", "out"):
        p.add_argument(name)
    # Hidden: the per-size children.
    p = sub.add_parser("_extract")
    p.add_argument("corpus")
    p.add_argument("--phases", action="store_true")
    p = sub.add_parser("_load")
    p.add_argument("nodes", type=int)
    p.add_argument("tmp")
    p = sub.add_parser("_queries_embedded")
    p.add_argument("nodes", type=int)
    p.add_argument("repeat", type=int)
    p.add_argument("--filtered", action="store_true")
    p = sub.add_parser("_queries_neo4j")
    p.add_argument("nodes", type=int)
    p.add_argument("repeat", type=int)
    p.add_argument("heap")
    p.add_argument("timeout", type=float)
    p.add_argument("load")
    p.add_argument("--profile", action="store_true")
    p.add_argument("--filtered", action="store_true")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.cmd == "_extract":
        print(json.dumps(_extract_one(args.corpus, args.phases)))
    elif args.cmd == "_load":
        print(json.dumps(_load_one(args.nodes, args.tmp)))
    elif args.cmd == "_queries_embedded":
        print(json.dumps(_queries_embedded(args.nodes, args.repeat, args.filtered)))
    elif args.cmd == "_first":
        print(json.dumps(_first_one(args.what)))
    elif args.cmd == "_stream":
        print(json.dumps(_stream_one(args.how, args.uri, args.user, args.password, args.name,
                                     args.out)))
    elif args.cmd == "_queries_neo4j":
        print(json.dumps(_queries_neo4j(args.nodes, args.repeat, args.heap, args.timeout,
                                        args.profile, args.load, args.filtered)))
    else:
        {"extract": cmd_extract, "load": cmd_load, "queries": cmd_queries,
         "startup": cmd_startup, "pages": cmd_pages, "firstask": cmd_firstask,
         "writecost": cmd_writecost, "settlecost": cmd_settlecost}[args.cmd](args)


if __name__ == "__main__":
    main()
