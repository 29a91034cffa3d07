"""Embedded store candidates side by side on the same synthetic graphs (issue #17).

Run:  python bench/bench_embedded.py --nodes 10k,120k,1.2M [--candidates json,pickle,sqlite,ladybug]

Candidates, each measured in fresh child processes (peak memory is the child's own):
  json     the previous store: one JSON file, parsed into records then a networkx graph
  pickle   a networkx graph pickled (a faster snapshot format for networkx)
  sqlite   stratgraph's embedded store now: SQLite with indexed node/edge tables
  ladybug  LadybugDB (the Kuzu fork; bench-only: pip install ladybug), one node table and one
           relationship table, loaded with COPY FROM; answers with its own Cypher a simpler
           question (actions with no SUPPORTS chain to an outcome of their plan: the NO_OUTCOME
           part of orphan-actions), since the named queries' Neo4j Cypher does not run on it
Steps: build (make the graph, save it), open + stats (counts per label and type), a one-plan
orphan-actions query, and a whole-graph orphan-actions summary (rows per plan and reason); for
sqlite also the other summaries it counts in SQL (unsupported-outcomes, coverage,
lead-portfolio), each a first ask (the answers the file saved are dropped before each).
``--keep DIR`` keeps each built graph (with its build figures) and reuses it on the next run.
``bare python`` is an interpreter that starts and exits (the floor for a command).
Each child's address space is capped by --max-gb (default 6) so a candidate that needs more
fails instead of swapping; such a cell says "over N GB".
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402

GRAPH_SHAPE = {"plans": 5, "themes": 8, "actions": 40}
PER_COUNCIL = 2_500  # about, with GRAPH_SHAPE


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _graph(nodes: int):
    return synthetic.synthetic_graph(councils=max(1, round(nodes / PER_COUNCIL)), **GRAPH_SHAPE)


def _one_plan(graph_plans: list[str]) -> str:
    return graph_plans[len(graph_plans) // 2]


# -- candidates: build -------------------------------------------------------------------


def build(candidate: str, nodes: int, path: Path) -> dict:
    t0 = time.perf_counter()
    graph = _graph(nodes)
    t_gen = time.perf_counter() - t0
    plan = _one_plan(sorted(n.id for n in graph.nodes.values() if n.label.value == "Plan"))
    t0 = time.perf_counter()
    if candidate == "json":
        from stratgraph.graph.serialize import graph_to_dict

        path.write_text(json.dumps(graph_to_dict(graph), ensure_ascii=False, indent=1))
    elif candidate == "pickle":
        import pickle

        from stratgraph.graph.embedded import to_networkx

        with path.open("wb") as fh:
            pickle.dump(to_networkx(graph), fh, protocol=pickle.HIGHEST_PROTOCOL)
    elif candidate == "sqlite":
        from stratgraph.graph.embedded import EmbeddedStore

        store = EmbeddedStore(path)
        store.write(graph)
        store.close()
    elif candidate == "ladybug":
        _ladybug_build(graph, path)
    t_save = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.rglob("*"))
               if p.is_file())
    return {"nodes": len(graph.nodes), "relationships": len(graph.relationships), "plan": plan,
            "gen_s": t_gen, "save_s": t_save, "file_mb": size / 1e6, "peak_mb": _peak_mb()}


def _ladybug_build(graph, path: Path) -> None:
    import csv

    import ladybug as lb

    tmp = Path(tempfile.mkdtemp())
    with (tmp / "n.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        for n in graph.nodes.values():
            w.writerow([n.id, n.label.value, n.name, n.properties.get("plan_id") or "",
                        n.properties.get("deadline") or ""])
    with (tmp / "e.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        for r in graph.relationships.values():
            w.writerow([r.start, r.end, r.type.value, r.method.value, r.confidence])
    con = lb.Connection(lb.Database(str(path), buffer_pool_size=2**30, max_db_size=2**32))
    con.execute("CREATE NODE TABLE N(id STRING, label STRING, name STRING, plan_id STRING, "
                "deadline STRING, PRIMARY KEY(id))")
    con.execute("CREATE REL TABLE E(FROM N TO N, type STRING, method STRING, confidence DOUBLE)")
    con.execute(f"COPY N FROM '{tmp / 'n.csv'}' (HEADER=false)")
    con.execute(f"COPY E FROM '{tmp / 'e.csv'}' (HEADER=false)")


# -- candidates: questions ------------------------------------------------------------------


def ask(candidate: str, step: str, path: Path, plan: str) -> dict:
    from collections import Counter

    t0 = time.perf_counter()
    if candidate == "sqlite":
        from stratgraph.graph.embedded import EmbeddedStore
        from stratgraph.graph.queries import query_summary, run_query

        store = EmbeddedStore(path)
        if step == "stats":
            answer = store.summary().nodes
        elif step == "one_plan":
            answer = len(run_query(store, "orphan-actions", {"plan": plan}))
        elif step.startswith("one_plan:"):  # another one-plan query
            answer = len(run_query(store, step.split(":", 1)[1], {"plan": plan}))
        elif step == "facts":
            # What the write-time facts cost a build: a whole refresh (what a first build
            # does), in a transaction rolled back so the kept file is unchanged.
            from stratgraph.graph import sqlite_facts

            con = store._connect()
            con.execute("BEGIN IMMEDIATE")
            t0 = time.perf_counter()
            sqlite_facts.refresh(con, None)
            answer = con.execute("SELECT count(*) FROM fact_actions").fetchone()[0]
            con.execute("ROLLBACK")
        elif step.startswith("pairs:"):
            # "pairs:<how>:<summary|page>:<query>": cross-theme-dependencies or plan-evolution
            # from fact_refs (how = facts) or from the rows as before (how = live).
            from stratgraph.graph import sqlite_summaries
            from stratgraph.graph.queries import stream_query

            _, how, what, query = step.split(":", 3)
            if how == "live":
                sqlite_summaries._pairs_served = lambda con, p: False
            if what == "summary":
                answer = sum(r["rows"] for r in query_summary(store, query))
            else:
                answer = len(list(stream_query(store, query, {}, limit=50)))
        elif step == "pairs-facts":
            # What fact_refs costs: its whole refresh, rolled back (the file is unchanged).
            from stratgraph.graph import sqlite_facts

            con = store._connect()
            con.execute("BEGIN IMMEDIATE")
            t0 = time.perf_counter()
            sqlite_facts.add_ref_facts(con)
            answer = con.execute("SELECT count(*) FROM fact_refs").fetchone()[0]
            con.execute("ROLLBACK")
        elif step == "summary":
            answer = sum(r["rows"] for r in query_summary(store, "orphan-actions"))
        else:  # "summary:<query>": another whole-graph summary, first ask
            answer = sum(r["rows"] for r in query_summary(store, step.split(":", 1)[1]))
    elif candidate == "ladybug":
        import ladybug as lb

        con = lb.Connection(lb.Database(str(path), read_only=True, buffer_pool_size=2**30,
                                        max_db_size=2**32))
        if step == "stats":
            res = con.execute("MATCH (n:N) RETURN n.label, count(*)")
            labels = {}
            while res.has_next():
                k, v = res.get_next()
                labels[k] = v
            con.execute("MATCH ()-[r:E]->() RETURN r.type, count(*)")
            answer = sum(labels.values())
        else:
            where = "a.plan_id = $plan AND " if step == "one_plan" else ""
            res = con.execute(
                f"MATCH (a:N) WHERE {where}a.label = 'Action' AND NOT EXISTS "
                "{ MATCH (a)-[:E*1..5 (r, n | WHERE r.type = 'SUPPORTS' AND n.label = 'Outcome')]->"
                "(o:N) WHERE o.label = 'Outcome' AND o.plan_id = a.plan_id } "
                "RETURN a.plan_id, count(*)", {"plan": plan} if where else {})
            answer = 0
            while res.has_next():
                answer += res.get_next()[1]
    else:
        from stratgraph.graph.queries import get_query, prepare_params, summarise_rows
        from stratgraph.graph.queries_view import View

        if candidate == "json":
            from stratgraph.graph.embedded import load_json_graph, to_networkx

            data = load_json_graph(path)
            if step == "stats":
                from stratgraph.graph.summary import summarise

                answer = summarise(data).nodes
            g = to_networkx(data) if step != "stats" else None
        else:
            import pickle

            with path.open("rb") as fh:
                g = pickle.load(fh)
            if step == "stats":
                answer = sum(Counter(d["label"] for _, d in g.nodes(data=True)).values())
                Counter(d["type"] for _, _, d in g.edges(data=True))
        if step != "stats":
            spec = get_query("orphan-actions")
            params = prepare_params("orphan-actions", {"plan": plan} if step == "one_plan" else {})
            rows = spec.embedded(View(g, 0.0), params)
            answer = len(rows) if step == "one_plan" else sum(
                r["rows"] for r in summarise_rows(spec, rows))
    return {"s": time.perf_counter() - t0, "answer": answer, "peak_mb": _peak_mb()}


# -- driver -------------------------------------------------------------------------------


def _child(args: list[str], max_gb: float) -> dict | None:
    # LadybugDB reserves address space for its file and buffer pool up front (mmap, 5 GB
    # here): not memory used, so its cap is raised by that much; peak RSS is what is reported.
    reserve = 5 if "ladybug" in args else 0

    def cap() -> None:
        limit = int((max_gb + reserve) * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, preexec_fn=cap, check=False)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-600:])
        return None
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out["wall_s"] = wall
    return out


def _forget_answers(path: Path) -> None:
    """Drop the answers a kept sqlite graph saved, so a summary is timed on its first ask."""
    import sqlite3

    con = sqlite3.connect(path)
    with con:
        con.execute("DELETE FROM answers")
        con.execute("DELETE FROM answer_keys")
    con.close()


def _cli_wall(args: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - t0)
    return best


def _pairs(args: argparse.Namespace) -> None:
    """cross-theme-dependencies and plan-evolution, facts beside the rows, per kept graph."""
    print(f"bare python (start and exit): {_cli_wall([sys.executable, '-c', 'pass']):.3f} s")
    print("| nodes | query | how | summary s (MB) | rows counted | first page s (MB) |")
    print("|---|---|---|---|---|---|")
    for nodes in synthetic.parse_sizes(args.nodes):
        path = args.keep / f"graph-{nodes}.sqlite"
        built = json.loads(path.with_suffix(".sqlite.json").read_text())
        for query in ("cross-theme-dependencies", "plan-evolution"):
            for how in ("facts", "live"):
                if how == "live" and query not in args.pairs_live.split(","):
                    continue
                cells = []
                for what in ("summary", "page"):
                    _forget_answers(path)
                    got = _child([f"pairs:{how}:{what}:{query}", "sqlite", str(path),
                                  built["plan"]], args.max_gb)
                    cells.append(("over", None) if got is None else
                                 (f"{got['wall_s']:.2f} ({got['peak_mb']:,.0f})", got["answer"]))
                rows = cells[0][1]
                print(f"| {built['nodes']:,} | {query} | {how} | {cells[0][0]} "
                      f"| {'' if rows is None else f'{rows:,}'} | {cells[1][0]} |", flush=True)
        got = _child(["pairs-facts", "sqlite", str(path), built["plan"]], args.max_gb)
        refresh = "failed" if got is None else f"{got['s']:.2f} ({got['peak_mb']:,.0f})"
        facts = "" if got is None else f"{got['answer']:,} facts"
        print(f"| {built['nodes']:,} | fact_refs whole refresh | | {refresh} | {facts} | |",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", default="10k,120k")
    parser.add_argument("--candidates", default="json,pickle,sqlite,ladybug")
    parser.add_argument("--max-gb", type=float, default=6.0)
    parser.add_argument("--skip", default="json@1200000,pickle@1200000",
                        help="candidate@nodes pairs not to run (known to exceed --max-gb)")
    parser.add_argument("--summary-max", default="200k",
                        help="run the whole-graph summary on graphs up to this many nodes "
                             "(sqlite counts it in SQL and always runs it)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep each built graph in this folder and reuse it when present "
                             "(building 1.2M nodes takes minutes)")
    parser.add_argument("--pairs", action="store_true",
                        help="only cross-theme-dependencies and plan-evolution on the kept sqlite "
                             "graphs: summary and first page (limit 50) from fact_refs beside "
                             "the same from the rows (the way before), each a first ask")
    parser.add_argument("--pairs-live", default="cross-theme-dependencies,plan-evolution",
                        help="with --pairs: the queries also asked the way before")
    parser.add_argument("--child", nargs="*")
    args = parser.parse_args()
    if args.child:
        kind, candidate, *rest = args.child
        if kind == "build":
            print(json.dumps(build(candidate, int(rest[0]), Path(rest[1]))))
        else:
            print(json.dumps(ask(candidate, kind, Path(rest[0]), rest[1])))
        return
    if args.pairs:
        _pairs(args)
        return
    skip = set(args.skip.split(",")) if args.skip else set()
    stratgraph = str(Path(sys.executable).with_name("stratgraph"))
    bare = _cli_wall([sys.executable, "-c", "pass"])
    print(f"bare python (start and exit): {bare:.3f} s")
    print("| nodes | candidate | build s | build peak MB | file MB | open+stats s | one-plan s "
          "| whole-graph summary s | peak MB (queries) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for nodes in synthetic.parse_sizes(args.nodes):
        for candidate in args.candidates.split(","):
            if f"{candidate}@{nodes}" in skip:
                print(f"| {nodes:,} | {candidate} | skipped: over {args.max_gb:g} GB "
                      "| | | | | | |", flush=True)
                continue
            with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
                path = Path(tmp) / f"graph.{candidate}"
                kept = args.keep / f"graph-{nodes}.{candidate}" if args.keep else None
                if kept is not None and kept.with_suffix(kept.suffix + ".json").exists():
                    path = kept
                    built = json.loads(kept.with_suffix(kept.suffix + ".json").read_text())
                else:
                    built = _child(["build", candidate, str(nodes), str(path)], args.max_gb)
                    if built is not None and kept is not None:
                        kept.parent.mkdir(parents=True, exist_ok=True)
                        os.replace(path, kept)
                        path = kept
                        kept.with_suffix(kept.suffix + ".json").write_text(json.dumps(built))
                if built is None:
                    print(f"| {nodes:,} | {candidate} | failed (over {args.max_gb:g} GB?) "
                          "| | | | | | |", flush=True)
                    continue
                cells = []
                peak = 0.0
                for step in ("stats", "one_plan", "summary"):
                    if step == "summary" and nodes > synthetic.parse_sizes(args.summary_max)[0] \
                            and candidate not in ("ladybug", "sqlite"):
                        cells.append("not run")
                        continue
                    if step == "summary" and candidate == "sqlite":
                        _forget_answers(path)
                    got = _child([step, candidate, str(path), built["plan"]], args.max_gb)
                    cells.append("over" if got is None else f"{got['wall_s']:.2f}")
                    peak = max(peak, got["peak_mb"] if got else 0)
                print(f"| {built['nodes']:,} | {candidate} | {built['save_s']:.1f} "
                      f"| {built['peak_mb']:,.0f} | {built['file_mb']:,.0f} | "
                      + " | ".join(cells) + f" | {peak:,.0f} |", flush=True)
                if candidate == "sqlite":
                    others = []
                    for query in ("unsupported-outcomes", "strategy-feeds",
                                  "cross-theme-dependencies", "coverage", "lead-portfolio",
                                  "plan-evolution"):
                        _forget_answers(path)
                        got = _child([f"summary:{query}", candidate, str(path), built["plan"]],
                                     args.max_gb)
                        others.append(f"{query} " + ("over" if got is None else
                                      f"{got['wall_s']:.2f} s, {got['peak_mb']:,.0f} MB"))
                    print(f"|  | sqlite: other whole-graph summaries, first ask (child) "
                          f"| {'; '.join(others)} | | | | | | |", flush=True)
                    ones = []
                    for query in ("unsupported-outcomes", "strategy-feeds", "coverage",
                                  "deadlines"):
                        got = _child([f"one_plan:{query}", candidate, str(path), built["plan"]],
                                     args.max_gb)
                        ones.append(f"{query} " + ("over" if got is None else
                                    f"{got['wall_s']:.2f} s, {got['peak_mb']:,.0f} MB"))
                    print(f"|  | sqlite: other one-plan queries (child) "
                          f"| {'; '.join(ones)} | | | | | | |", flush=True)
                    got = _child(["facts", candidate, str(path), built["plan"]], args.max_gb)
                    print(f"|  | sqlite: write-time facts, whole refresh (child: refresh "
                          f"{got['s']:.2f} s, {got['peak_mb']:,.0f} MB) | | | | | | | |"
                          if got else "|  | sqlite: facts refresh failed | | | | | | | |",
                          flush=True)
                    stats = _cli_wall([stratgraph, "stats", "--graph", str(path)])
                    one = _cli_wall([stratgraph, "query", "orphan-actions", "-p",
                                     f"plan={built['plan']}", "-f", "csv", "--graph", str(path)])
                    _forget_answers(path)
                    summary = _cli_wall([stratgraph, "query", "orphan-actions", "--summary",
                                         "--graph", str(path)], repeat=1)
                    print(f"|  | `stratgraph` CLI, whole process (summary: first ask, "
                          f"counted in SQL) | | | | {stats:.2f} | {one:.2f} "
                          f"| {'not run' if summary is None else f'{summary:.2f}'} | |",
                          flush=True)


if __name__ == "__main__":
    main()
